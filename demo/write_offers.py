"""Writes the demo offers (issue 17): 30 recurring offers of the demo actors in every category,
some with short descriptions in Turkish, Arabic, Ukrainian or English, and a few that nobody
has confirmed for more than 15 months (hidden from the public guide, listed for staff).

Dates of confirmation are counted back from the day of loading, so that the demo shows the same
picture whenever it is loaded.
"""

import datetime

from django.utils import timezone

from measures.models import Offer, OfferTranslation

from .helpers import bulk, link

L = Offer.Category

# (provider, category, title, description, languages, district, schedule, cost or None
# (free), months since the last confirmation, measure codes)
OFFERS = [
    (
        "Volkshochschule Göppingen",
        L.LANGUAGE,
        "Integrationskurs mit Kinderbetreuung",
        "Deutsch lernen bis zum Niveau B1, mit Orientierungskurs. Während des Kurses werden "
        "Kinder bis drei Jahre im Haus betreut.",
        "de",
        "Innenstadt",
        "Montag bis Freitag 8.30–12.45 Uhr",
        None,
        2,
        ["1.1"],
    ),
    (
        "Volkshochschule Göppingen",
        L.LANGUAGE,
        "Deutsch am Abend (A2)",
        "Ein Abendkurs für Berufstätige, die schon etwas Deutsch sprechen.",
        "de,en",
        "Innenstadt",
        "dienstags und donnerstags 18–20 Uhr",
        "89.00",
        5,
        [],
    ),
    (
        "Sprachcafé Miteinander",
        L.LANGUAGE,
        "Sprachcafé in der Stadtbibliothek",
        "Deutsch sprechen üben in lockerer Runde, ohne Anmeldung. Ehrenamtliche helfen weiter.",
        "de,ar,fa,uk",
        "Innenstadt",
        "mittwochs 16–18 Uhr",
        None,
        1,
        ["1.2"],
    ),
    (
        "Familienbildungsstätte Göppingen",
        L.LANGUAGE,
        "Mama lernt Deutsch",
        "Ein Deutschkurs für Mütter am Vormittag, während die Kinder in der Kita sind.",
        "de,tr,ar",
        "Bodenfeld",
        "montags und mittwochs 9–11 Uhr",
        None,
        3,
        ["1.1"],
    ),
    (
        "Ukrainische Initiative Soniachnyk e. V.",
        L.LANGUAGE,
        "Deutsch für Geflüchtete aus der Ukraine",
        "Ein Einstiegskurs in kleinen Gruppen, unterrichtet von zweisprachigen Ehrenamtlichen.",
        "de,uk,ru",
        "Reusch",
        "samstags 10–12 Uhr",
        None,
        4,
        [],
    ),
    (
        "Caritas Fils-Neckar-Alb",
        L.COUNSELLING,
        "Migrationsberatung für Erwachsene",
        "Beratung zu Aufenthalt, Behörden, Sprachkursen, Arbeit und Wohnung. Vertraulich und "
        "kostenlos.",
        "de,en,ar,tr",
        "Innenstadt",
        "dienstags 9–12 Uhr und nach Vereinbarung",
        None,
        2,
        [],
    ),
    (
        "Kreisdiakonieverband im Landkreis Göppingen (Diakonisches Werk)",
        L.COUNSELLING,
        "Jugendmigrationsdienst",
        "Beratung für junge Menschen von 12 bis 27 Jahren zu Schule, Ausbildung und Beruf.",
        "de,en,fa",
        "Innenstadt",
        "montags bis donnerstags nach Vereinbarung",
        None,
        6,
        [],
    ),
    (
        "DRK-Kreisverband Göppingen",
        L.COUNSELLING,
        "Suchdienst und Familienzusammenführung",
        "Hilfe bei der Suche nach Angehörigen und bei Anträgen auf Familiennachzug.",
        "de,en,ar",
        "Holzheim",
        "donnerstags 14–17 Uhr",
        None,
        8,
        [],
    ),
    (
        "AWO Kreisverband Göppingen",
        L.COUNSELLING,
        "Sozialberatung für Familien",
        "Hilfe bei Anträgen auf Kindergeld, Wohngeld und Bildungs- und Teilhabeleistungen.",
        "de,tr",
        "Bodenfeld",
        "mittwochs 9–12 Uhr",
        None,
        17,
        [],
    ),
    (
        "Jobcenter Landkreis Göppingen",
        L.COUNSELLING,
        "Sprechstunde für Neuzugewanderte",
        "Fragen zu Bürgergeld und Arbeitssuche, mit Sprachmittlung nach Anmeldung.",
        "de,ar,uk",
        "Innenstadt",
        "freitags 8–12 Uhr",
        None,
        3,
        [],
    ),
    (
        "Verein Brücke der Kulturen e. V.",
        L.MEETING,
        "Interkultureller Treffpunkt",
        "Ein offener Treff für alle, mit Tee, Gesprächen und Spielen.",
        "de,tr,ku",
        "Nordstadt",
        "freitags 17–21 Uhr",
        None,
        1,
        [],
    ),
    (
        "Islamische Gemeinde Filstal e. V.",
        L.MEETING,
        "Offener Gesprächskreis",
        "Nachbarinnen und Nachbarn aller Religionen treffen sich zum Austausch.",
        "de,tr,ar",
        "Stadtmitte",
        "jeden ersten Sonntag im Monat 15 Uhr",
        None,
        19,
        [],
    ),
    (
        "Freundeskreis Willkommen Göppingen",
        L.MEETING,
        "Begegnungscafé",
        "Geflüchtete und Einheimische lernen sich kennen; Ehrenamtliche helfen bei Briefen.",
        "de,en,fa,ar",
        "Jebenhausen",
        "sonntags 15–17 Uhr",
        None,
        7,
        [],
    ),
    (
        "Kulturverein Raduga e. V.",
        L.MEETING,
        "Treffpunkt für russischsprachige Familien",
        "Austausch, Beratung unter Eltern und Feste im Jahreslauf.",
        "de,ru,uk",
        "Faurndau",
        "samstags 14–18 Uhr",
        None,
        10,
        [],
    ),
    (
        "Lesepaten Göppingen",
        L.HOMEWORK,
        "Lesepatenschaften an Grundschulen",
        "Ehrenamtliche lesen einmal pro Woche mit einem Kind.",
        "de",
        "Stadtgebiet",
        "während der Schulzeit, Termin nach Absprache",
        None,
        2,
        ["2.1"],
    ),
    (
        "Arabischer Elternverein Al-Amal e. V.",
        L.HOMEWORK,
        "Hausaufgabenhilfe Al-Amal",
        "Hausaufgabenhilfe für Schülerinnen und Schüler der Klassen 1 bis 7.",
        "de,ar",
        "Bodenfeld",
        "montags bis donnerstags 14–16 Uhr",
        "10.00",
        4,
        [],
    ),
    (
        "Griechischer Elternverein Ellada Filstal e. V.",
        L.HOMEWORK,
        "Nachhilfe Mathematik und Deutsch",
        "Nachhilfe für die Klassen 5 bis 10 in kleinen Gruppen.",
        "de,el",
        "Ursenwang",
        "dienstags 16–18 Uhr",
        "15.00",
        20,
        [],
    ),
    (
        "Stadtbibliothek Göppingen",
        L.HOMEWORK,
        "Lernwerkstatt in der Bibliothek",
        "Ruhige Lernplätze, Computer und Hilfe beim Recherchieren.",
        "de,en",
        "Innenstadt",
        "dienstags bis samstags zu den Öffnungszeiten",
        None,
        1,
        [],
    ),
    (
        "Afghanischer Frauenverein Neue Wege e. V.",
        L.WOMEN,
        "Frauenfrühstück",
        "Frauen treffen sich zum Frühstück und sprechen über Alltag, Gesundheit und Familie.",
        "de,fa,prs,ps",
        "Nordstadt",
        "jeden zweiten Samstag 10–12 Uhr",
        None,
        3,
        [],
    ),
    (
        "Familienbildungsstätte Göppingen",
        L.WOMEN,
        "Schwimmkurs für Frauen",
        "Schwimmen lernen unter Frauen, mit Trainerin.",
        "de,tr,ar",
        "Stadtmitte",
        "sonntags 8–9 Uhr",
        "30.00",
        5,
        [],
    ),
    (
        "Balkan-Brücke Göppingen e. V.",
        L.WOMEN,
        "Nähcafé für Frauen",
        "Gemeinsam nähen und Deutsch sprechen; Nähmaschinen sind vorhanden.",
        "de,tr,uk",
        "Reusch",
        "donnerstags 9–11.30 Uhr",
        None,
        16,
        [],
    ),
    (
        "Staatliches Schulamt Göppingen",
        L.EDUCATION,
        "Beratung zur Schulanmeldung",
        "Information für Eltern neu zugewanderter Kinder: Vorbereitungsklassen und Schulwahl.",
        "de,en,uk,ar",
        "Innenstadt",
        "nach telefonischer Vereinbarung",
        None,
        6,
        ["2.1"],
    ),
    (
        "Berufsschulzentrum Göppingen (VABO-Klassen)",
        L.EDUCATION,
        "VABO – Vorqualifizierung Arbeit und Beruf",
        "Ein Schuljahr für Jugendliche ohne ausreichende Deutschkenntnisse, mit Praktika.",
        "de",
        "Innenstadt",
        "Schuljahr ab September, vollzeit",
        None,
        9,
        [],
    ),
    (
        "Stadtjugendring Göppingen e. V.",
        L.EDUCATION,
        "Elternkurs „Schule in Deutschland“",
        "Fünf Abende zu Noten, Elternabenden und Übergängen nach der Grundschule.",
        "de,tr,ar,uk",
        "Stadtmitte",
        "mittwochs 18–19.30 Uhr",
        None,
        2,
        [],
    ),
    (
        "Agentur für Arbeit Göppingen",
        L.WORK,
        "Anerkennungsberatung",
        "Beratung zur Anerkennung ausländischer Berufs- und Studienabschlüsse.",
        "de,en",
        "Innenstadt",
        "mittwochs 13–16 Uhr",
        None,
        4,
        [],
    ),
    (
        "IHK-Bezirkskammer Göppingen",
        L.WORK,
        "Ausbildungsbörse für Geflüchtete",
        "Betriebe aus der Region stellen Ausbildungsplätze vor; Beratung vor Ort.",
        "de,en,ar",
        "Stadtmitte",
        "zweimal im Jahr, Termine auf der Website",
        None,
        11,
        [],
    ),
    (
        "Kreishandwerkerschaft Göppingen",
        L.WORK,
        "Praktikum im Handwerk",
        "Vermittlung von Praktika in Handwerksbetrieben, mit Begleitung.",
        "de",
        "Stadtgebiet",
        "ganzjährig nach Absprache",
        None,
        25,
        [],
    ),
    (
        "Circolo Ponte e. V.",
        L.LEISURE,
        "Internationales Fußballtraining",
        "Fußball für Kinder und Jugendliche von 8 bis 14 Jahren, alle sind willkommen.",
        "de,it,en",
        "Faurndau",
        "freitags 16.30–18 Uhr",
        None,
        2,
        [],
    ),
    (
        "Afrikanisches Forum Filstal e. V.",
        L.LEISURE,
        "Trommelgruppe",
        "Gemeinsam trommeln und tanzen; Instrumente werden gestellt.",
        "de,en,fr",
        "Nordstadt",
        "montags 19–21 Uhr",
        "5.00",
        7,
        [],
    ),
    (
        "Evangelische Gesamtkirchengemeinde Göppingen",
        L.OTHER,
        "Kleiderkammer",
        "Gut erhaltene Kleidung für Kinder und Erwachsene gegen eine kleine Spende.",
        "de",
        "Stadtmitte",
        "dienstags 14–17 Uhr",
        None,
        3,
        [],
    ),
]

# Short descriptions in other languages, written by the providers (by offer title).
TRANSLATIONS = {
    "Mama lernt Deutsch": [
        (
            "tr",
            "Anneler Almanca öğreniyor",
            "Çocuklar kreşteyken anneler için sabah Almanca kursu.",
        ),
        (
            "ar",
            "ماما تتعلم الألمانية",
            "دورة لغة ألمانية صباحية للأمهات أثناء وجود الأطفال في الحضانة.",
        ),
    ],
    "Deutsch für Geflüchtete aus der Ukraine": [
        (
            "uk",
            "Німецька для біженців з України",
            "Початковий курс у малих групах з двомовними волонтерами.",
        ),
    ],
    "Migrationsberatung für Erwachsene": [
        (
            "en",
            "Migration counselling for adults",
            "Advice on residence, authorities, language courses, work and housing. Confidential "
            "and free of charge.",
        ),
        (
            "ar",
            "استشارات الهجرة للبالغين",
            "استشارات حول الإقامة والدوائر الرسمية ودورات اللغة والعمل والسكن. سرية ومجانية.",
        ),
        (
            "tr",
            "Yetişkinler için göç danışmanlığı",
            "Oturum, resmi daireler, dil kursları, iş ve konut hakkında ücretsiz ve gizli "
            "danışmanlık.",
        ),
    ],
    "Sprechstunde für Neuzugewanderte": [
        (
            "uk",
            "Консультації для новоприбулих",
            "Питання щодо соціальної допомоги та пошуку роботи, з перекладачем за записом.",
        ),
    ],
    "Hausaufgabenhilfe Al-Amal": [
        (
            "ar",
            "مساعدة في الواجبات المدرسية",
            "مساعدة في الواجبات المنزلية لتلاميذ الصفوف من 1 إلى 7.",
        ),
    ],
    "Beratung zur Schulanmeldung": [
        (
            "en",
            "Advice on school enrolment",
            "Information for parents of newly arrived children: preparatory classes and choice of "
            "school.",
        ),
        (
            "uk",
            "Консультації щодо зарахування до школи",
            "Інформація для батьків новоприбулих дітей: підготовчі класи та вибір школи.",
        ),
    ],
    "Anerkennungsberatung": [
        (
            "en",
            "Recognition of foreign qualifications",
            "Advice on the recognition of vocational and academic qualifications from abroad.",
        ),
    ],
    "Interkultureller Treffpunkt": [
        (
            "tr",
            "Kültürlerarası buluşma noktası",
            "Herkese açık bir buluşma: çay, sohbet ve oyunlar.",
        ),
    ],
}


def load_offers(actors, measures):
    """Create the demo offers; providers missing from `actors` (by name) are skipped."""
    now = timezone.now()
    offers, specs = [], []
    for spec in OFFERS:
        name, category, title, description, languages, district, schedule, cost, months, _codes = (
            spec
        )
        provider = actors.get(name)
        if provider is None:
            continue
        offers.append(
            Offer(
                provider=provider,
                category=category,
                title=title,
                description=description,
                languages=languages,
                district=district,
                address=provider.street or "",
                schedule=schedule,
                is_free=cost is None,
                cost=cost,
                registration_phone="07161 650-0" if len(offers) % 3 == 0 else "",
                registration_email=provider.email or "",
                confirmed_at=now - datetime.timedelta(days=months * 31),
                valid_from=(now - datetime.timedelta(days=400)).date(),
            )
        )
        specs.append(spec)
    offers = bulk(Offer, offers)
    link(
        Offer._meta.get_field("measures"),
        [
            (offer.pk, measures[code].pk)
            for offer, spec in zip(offers, specs, strict=True)
            for code in spec[9]
            if code in measures
        ],
    )
    by_title = {offer.title: offer for offer in offers}
    bulk(
        OfferTranslation,
        [
            OfferTranslation(offer=by_title[title], language=code, title=text, description=desc)
            for title, entries in TRANSLATIONS.items()
            if title in by_title
            for code, text, desc in entries
        ],
    )
    return offers
