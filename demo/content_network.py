"""The network of actors with their contact persons (all persons invented)."""

CITY = "Göppingen"

# fields: codes of the action fields of the current plan the actor works in.
# contacts: (first name, last name, function, legal basis, consent date). Volunteers and
# associations gave their consent; staff of public bodies are contacted in the performance of a
# public task; course providers under their cooperation contract.
ACTORS = [
    {
        "name": "Stabsstelle Migration und Teilhabe",
        "short_name": "SMT",
        "kind": "city_office",
        "fields": "1 2 3 4 5",
        "street": "Hauptstraße 1",
        "postal_code": "73033",
        "email": "integration@example.org",
        "notes": "Geschäftsstelle des Integrationsausschusses; koordiniert den Integrationsplan.",
        "contacts": [
            ("Miriam", "Kessler", "Integrationsbeauftragte", "public_task", None),
            ("Jonas", "Hartmann", "Sachbearbeitung Integration", "public_task", None),
        ],
    },
    {
        "name": "Referat Schulen und Bildung",
        "kind": "city_office",
        "fields": "1 2",
        "contacts": [("Thomas", "Brenner", "Bildungskoordination", "public_task", None)],
    },
    {
        "name": "Referat Kinder, Jugend und Familie",
        "kind": "city_office",
        "fields": "1 2",
        "contacts": [("Sabine", "Wörner", "Fachberatung Kindertagesstätten", "public_task", None)],
    },
    {
        "name": "Wirtschaftsförderung der Stadt Göppingen",
        "short_name": "WiFö",
        "kind": "city_office",
        "fields": "3",
        "contacts": [("Felix", "Baumann", "Wirtschaftsförderer", "public_task", None)],
    },
    {
        "name": "Referat Stadtentwicklung und Wohnen",
        "kind": "city_office",
        "fields": "4",
        "contacts": [("Claudia", "Reiber", "Quartiersmanagement", "public_task", None)],
    },
    {
        "name": "Personalamt der Stadt Göppingen",
        "kind": "city_office",
        "fields": "3 5",
        "contacts": [("Andrea", "Schick", "Ausbildungsleitung", "public_task", None)],
    },
    {
        "name": "Jobcenter Landkreis Göppingen",
        "kind": "public_institution",
        "fields": "1 3",
        "contacts": [("Markus", "Dietrich", "Teamleitung Migration", "public_task", None)],
    },
    {
        "name": "Agentur für Arbeit Göppingen",
        "kind": "public_institution",
        "fields": "3",
        "contacts": [
            ("Nadine", "Kraus", "Beratung Anerkennung und Qualifizierung", "public_task", None)
        ],
    },
    {
        "name": "Stadtbibliothek Göppingen",
        "kind": "public_institution",
        "fields": "1 2",
        "contacts": [("Lena", "Hofmann", "Interkulturelle Bibliotheksarbeit", "public_task", None)],
    },
    {
        "name": "Landratsamt Göppingen – Integrationsmanagement",
        "kind": "public_institution",
        "fields": "4 5",
        "contacts": [("Daniel", "Vukić", "Integrationsmanager", "public_task", None)],
    },
    {
        "name": "Polizeirevier Göppingen",
        "kind": "public_institution",
        "fields": "5",
        "contacts": [("Frank", "Eberle", "Prävention und Opferschutz", "public_task", None)],
    },
    {
        "name": "IHK-Bezirkskammer Göppingen",
        "kind": "public_institution",
        "fields": "3",
    },
    {
        "name": "Kreishandwerkerschaft Göppingen",
        "kind": "public_institution",
        "fields": "3",
    },
    {
        "name": "Volkshochschule Göppingen",
        "short_name": "VHS",
        "kind": "education",
        "fields": "1 2 3 5",
        "contacts": [
            ("Katharina", "Seitz", "Fachbereich Deutsch als Fremdsprache", "contract", None)
        ],
    },
    {
        "name": "Staatliches Schulamt Göppingen",
        "kind": "education",
        "fields": "2",
        "contacts": [("Ralf", "Gehring", "Koordination Vorbereitungsklassen", "public_task", None)],
    },
    {
        "name": "Familienbildungsstätte Göppingen",
        "kind": "education",
        "fields": "1 2",
        "contacts": [("Petra", "Amann", "Programmleitung Eltern und Familie", "contract", None)],
    },
    {
        "name": "Berufsschulzentrum Göppingen (VABO-Klassen)",
        "kind": "education",
        "fields": "2 3",
    },
    {
        "name": "Caritas Fils-Neckar-Alb",
        "kind": "welfare",
        "fields": "1 3 4",
        "contacts": [
            ("Elif", "Demir", "Migrationsberatung für Erwachsene", "consent", "2024-02-12")
        ],
    },
    {
        "name": "Kreisdiakonieverband im Landkreis Göppingen (Diakonisches Werk)",
        "short_name": "KDV",
        "kind": "welfare",
        "fields": "2 4 5",
        "contacts": [("Johannes", "Maier", "Jugendmigrationsdienst", "consent", "2024-03-04")],
    },
    {
        "name": "DRK-Kreisverband Göppingen",
        "short_name": "DRK",
        "kind": "welfare",
        "fields": "4",
        "contacts": [("Sven", "Ochs", "Flüchtlingssozialarbeit", "consent", "2024-01-22")],
    },
    {
        "name": "AWO Kreisverband Göppingen",
        "short_name": "AWO",
        "kind": "welfare",
        "fields": "2 3",
        "contacts": [
            ("Marion", "Frank", "Bereichsleitung Soziale Dienste", "consent", "2024-05-15")
        ],
    },
    {
        "name": "Evangelische Gesamtkirchengemeinde Göppingen",
        "kind": "religious",
        "fields": "5",
        "contacts": [
            (
                "Ruth",
                "Engel",
                "Pfarrerin, Beauftragte für den interreligiösen Dialog",
                "consent",
                "2024-06-03",
            ),
        ],
    },
    {
        "name": "Katholische Gesamtkirchengemeinde Göppingen",
        "kind": "religious",
        "fields": "5",
    },
    {
        "name": "Islamische Gemeinde Filstal e. V.",
        "kind": "religious",
        "fields": "2 5",
        "street": "Lindenweg 8",
        "postal_code": "73037",
        "email": "kontakt@islamische-gemeinde.example.com",
        "languages": "tr,ar,de",
        "contacts": [("Hasan", "Öztürk", "Vorsitzender", "consent", "2024-04-18")],
    },
    {
        "name": "Verein Brücke der Kulturen e. V.",
        "kind": "migrant_organisation",
        "fields": "1 2 3 5",
        "street": "Marktstraße 14",
        "postal_code": "73033",
        "website": "https://bruecke-der-kulturen.example.com/",
        "email": "info@bruecke-der-kulturen.example.com",
        "languages": "tr,ku,de",
        "communities": "Familien mit Wurzeln in der Türkei, kurdische Familien",
        "contacts": [("Derya", "Kaya", "Vorsitzende", "consent", "2023-11-08")],
    },
    {
        "name": "Afrikanisches Forum Filstal e. V.",
        "kind": "migrant_organisation",
        "fields": "3 5",
        "street": "Bahnhofstraße 31",
        "postal_code": "73033",
        "email": "vorstand@afrikanisches-forum.example.com",
        "languages": "en,fr,ti",
        "communities": "Menschen aus Eritrea, Gambia, Kamerun und Nigeria",
        "contacts": [("Joseph", "Mensah", "Vorstand", "consent", "2024-02-27")],
    },
    {
        "name": "Arabischer Elternverein Al-Amal e. V.",
        "kind": "migrant_organisation",
        "fields": "1 2 4",
        "street": "Schillerstraße 5",
        "postal_code": "73033",
        "email": "info@al-amal.example.com",
        "languages": "ar,de",
        "communities": "Familien aus Syrien und dem Irak",
        "contacts": [("Rania", "Haddad", "Vorsitzende", "consent", "2024-03-19")],
    },
    {
        "name": "Ukrainische Initiative Soniachnyk e. V.",
        "kind": "migrant_organisation",
        "fields": "1 2 4",
        "email": "hallo@soniachnyk.example.com",
        "languages": "uk,ru,de",
        "communities": "Geflüchtete aus der Ukraine",
        "contacts": [("Olena", "Kovalenko", "Koordinatorin", "consent", "2024-01-30")],
    },
    {
        "name": "Circolo Ponte e. V.",
        "kind": "migrant_organisation",
        "fields": "1 3 5",
        "street": "Kirchstraße 3",
        "postal_code": "73033",
        "email": "circolo@ponte.example.com",
        "languages": "it,de",
        "communities": "Italienische Gemeinschaft, zweite und dritte Generation",
        "contacts": [("Marco", "Russo", "Vorsitzender", "consent", "2024-07-02")],
    },
    {
        "name": "Balkan-Brücke Göppingen e. V.",
        "kind": "migrant_organisation",
        "fields": "4 5",
        "email": "info@balkan-bruecke.example.com",
        "languages": "bs,hr,sr,sq",
        "communities": "Menschen aus den Staaten des ehemaligen Jugoslawien und aus dem Kosovo",
        "contacts": [("Amela", "Hodžić", "Schriftführerin", "consent", "2024-09-10")],
    },
    {
        "name": "Afghanischer Frauenverein Neue Wege e. V.",
        "kind": "migrant_organisation",
        "fields": "1 3 5",
        "email": "neue-wege@example.com",
        "languages": "prs,ps,de",
        "communities": "Frauen und Familien aus Afghanistan",
        "contacts": [("Farida", "Noori", "Vorsitzende", "consent", "2024-04-25")],
    },
    {
        "name": "Griechischer Elternverein Ellada Filstal e. V.",
        "kind": "migrant_organisation",
        "fields": "2",
        "email": "ellada@example.com",
        "languages": "el,de",
        "communities": "Griechische Familien",
        "contacts": [("Eleni", "Papadaki", "Vorsitzende", "consent", "2025-01-14")],
    },
    {
        "name": "Kulturverein Raduga e. V.",
        "kind": "migrant_organisation",
        "fields": "1 2 5",
        "street": "Ulmer Straße 22",
        "postal_code": "73037",
        "email": "raduga@example.com",
        "languages": "ru,de",
        "communities": "Russischsprachige Familien, Spätaussiedlerinnen und Spätaussiedler",
        "contacts": [("Irina", "Becker", "Vorsitzende", "consent", "2024-10-07")],
    },
    {
        "name": "Freundeskreis Willkommen Göppingen",
        "kind": "volunteer",
        "fields": "1 3 4",
        "email": "freundeskreis@example.com",
        "contacts": [("Gisela", "Hummel", "Sprecherin", "consent", "2023-12-05")],
    },
    {
        "name": "Lesepaten Göppingen",
        "kind": "volunteer",
        "fields": "2",
    },
    {
        "name": "Sprachcafé Miteinander",
        "kind": "volunteer",
        "fields": "1",
        "email": "sprachcafe@example.com",
        "languages": "de,en,ar",
        "contacts": [("Paul", "Straub", "Organisation", "consent", "2024-08-21")],
    },
    {
        "name": "Filstal Präzisionstechnik GmbH",
        "kind": "company",
        "fields": "3",
        "street": "Industriestraße 40",
        "postal_code": "73037",
        "contacts": [("Sandra", "Mohr", "Personalleitung", "consent", "2025-02-03")],
    },
    {
        "name": "Stauferland Logistik GmbH",
        "kind": "company",
        "fields": "3",
        "street": "Am Güterbahnhof 7",
        "postal_code": "73033",
    },
    {
        "name": "Kommunale Wohnungsbaugesellschaft Göppingen mbH",
        "short_name": "KWG",
        "kind": "company",
        "fields": "4",
        "contacts": [("Stefanie", "Kurz", "Vermietung", "contract", None)],
    },
    {
        "name": "Stadtjugendring Göppingen e. V.",
        "kind": "other",
        "fields": "2 4 5",
        "contacts": [("Tim", "Berger", "Geschäftsführung", "consent", "2024-06-17")],
    },
    {
        "name": "Runder Tisch der Religionen Göppingen",
        "kind": "other",
        "fields": "5",
        "notes": "Treffen zweimal im Jahr, Einladung über die Stabsstelle.",
        "contacts": [("Gabriele", "Lutz", "Moderation", "consent", "2024-05-06")],
    },
    {
        "name": "Frauentreff International (aufgelöst)",
        "kind": "volunteer",
        "fields": "1",
        "active": False,
        "notes": "Initiative hat sich 2023 aufgelöst; Kontakte an den Freundeskreis übergeben.",
    },
]

# Individual volunteers, not part of an organisation.
INDIVIDUAL_CONTACTS = [
    ("Hildegard", "Sauter", "Ehrenamtliche Sprachpatin", "consent", "2024-03-11"),
    (
        "Yusuf",
        "Aydın",
        "Ehrenamtlicher Sprachmittler (Türkisch, Kurdisch)",
        "consent",
        "2024-09-23",
    ),
]

CONSENT_SCOPE = (
    "Speicherung der Kontaktdaten für Netzwerkarbeit, Einladungen und Monitoring des "
    "Integrationsplans"
)

# Founding year and number of members of the migrant organisations (invented).
ORGANISATION_FACTS = {
    "Verein Brücke der Kulturen e. V.": (1998, 140),
    "Afrikanisches Forum Filstal e. V.": (2009, 45),
    "Arabischer Elternverein Al-Amal e. V.": (2017, 60),
    "Ukrainische Initiative Soniachnyk e. V.": (2022, 35),
    "Circolo Ponte e. V.": (1972, 90),
    "Balkan-Brücke Göppingen e. V.": (2001, 75),
    "Afghanischer Frauenverein Neue Wege e. V.": (2019, 28),
    "Griechischer Elternverein Ellada Filstal e. V.": (1985, 50),
    "Kulturverein Raduga e. V.": (1996, 110),
}

# Salutation "Frau" for these first names, "Herr" for all others.
FEMALE_FIRST_NAMES = {
    "Miriam", "Sabine", "Claudia", "Andrea", "Nadine", "Lena", "Katharina", "Petra", "Elif",
    "Marion", "Ruth", "Derya", "Rania", "Olena", "Amela", "Farida", "Eleni", "Irina", "Gisela",
    "Sandra", "Stefanie", "Gabriele", "Hildegard",
}  # fmt: skip

# Persons who asked to be written to in another language than German.
PREFERRED_LANGUAGES = {
    "Hasan Öztürk": "tr",
    "Joseph Mensah": "en",
    "Olena Kovalenko": "uk",
    "Farida Noori": "prs",
    "Yusuf Aydın": "tr",
}

# Where the office got the data from, by legal basis.
SOURCES = {
    "public_task": "Adressverzeichnis der Stadt- und Kreisverwaltung",
    "contract": "Kooperationsvereinbarung mit dem Träger",
    "consent": "Einwilligungserklärung zur Netzwerkliste",
}
