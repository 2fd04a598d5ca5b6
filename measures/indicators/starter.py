"""The starter set of monitoring indicators in the KGSt topics, written in our own words.

Migration 0012 creates them (without values) where no indicator has their code yet; the office
changes, extends or deletes them like every other indicator. Kept here rather than inside the
migration so that the tests and the demo read the same list.
"""

D = "district"
G = "gender"
A = "age"
M = "migration"
N = "nationality"

STARTER_INDICATORS = [
    {
        "code": "S1",
        "title": "Einwohnerinnen und Einwohner nach Migrationshintergrund",
        "topic": "structure",
        "definition": "Zahl der Menschen mit Hauptwohnsitz in der Stadt am 31.12., "
        "aufgeschlüsselt nach Migrationshintergrund. Grundlage des Segregationsindex.",
        "numerator": "Einwohnerinnen und Einwohner mit Hauptwohnsitz",
        "denominator": "",
        "unit": "Personen",
        "decimal_places": 0,
        "direction": "neutral",
        "source": "Einwohnermeldeamt",
        "breakdowns": [D, M, N, G, A],
        "is_population": True,
    },
    {
        "code": "S2",
        "title": "Anteil der Bevölkerung mit Migrationshintergrund",
        "topic": "structure",
        "definition": "Wie viele der Einwohnerinnen und Einwohner eine eigene oder familiäre "
        "Einwanderungsgeschichte haben.",
        "numerator": "Einwohnerinnen und Einwohner mit Migrationshintergrund",
        "denominator": "alle Einwohnerinnen und Einwohner",
        "unit": "%",
        "direction": "neutral",
        "source": "Einwohnermeldeamt",
        "breakdowns": [D, A],
    },
    {
        "code": "S3",
        "title": "Anteil der Einwohnerinnen und Einwohner ohne deutsche Staatsangehörigkeit",
        "topic": "structure",
        "definition": "Wie viele der Einwohnerinnen und Einwohner ausschließlich eine andere "
        "als die deutsche Staatsangehörigkeit besitzen.",
        "numerator": "Einwohnerinnen und Einwohner ohne deutsche Staatsangehörigkeit",
        "denominator": "alle Einwohnerinnen und Einwohner",
        "unit": "%",
        "direction": "neutral",
        "source": "Einwohnermeldeamt",
        "breakdowns": [D, N],
    },
    {
        "code": "R1",
        "title": "Einbürgerungsquote",
        "topic": "legal",
        "definition": "Wie viele der Menschen, die die Voraussetzungen für die Einbürgerung "
        "nach der Aufenthaltsdauer erfüllen, im Jahr eingebürgert wurden.",
        "numerator": "Einbürgerungen im Jahr",
        "denominator": "Ausländerinnen und Ausländer mit mindestens fünf Jahren Aufenthalt",
        "unit": "%",
        "direction": "higher",
        "source": "Einbürgerungsbehörde, Statistisches Landesamt",
        "breakdowns": [G, N],
    },
    {
        "code": "R2",
        "title": "Anteil unbefristeter Aufenthaltstitel",
        "topic": "legal",
        "definition": "Wie viele Ausländerinnen und Ausländer eine Niederlassungserlaubnis, "
        "Daueraufenthalt-EU oder ein unbefristetes Aufenthaltsrecht haben.",
        "numerator": "Ausländerinnen und Ausländer mit unbefristetem Aufenthaltsrecht",
        "denominator": "alle Ausländerinnen und Ausländer",
        "unit": "%",
        "direction": "higher",
        "source": "Ausländerbehörde (Ausländerzentralregister)",
        "breakdowns": [G],
    },
    {
        "code": "K1",
        "title": "Betreuungsquote der Kinder unter drei Jahren mit Migrationshintergrund",
        "topic": "childcare",
        "definition": "Wie viele Kinder unter drei Jahren mit Migrationshintergrund eine "
        "Kindertageseinrichtung oder Kindertagespflege besuchen.",
        "numerator": "betreute Kinder unter drei Jahren mit Migrationshintergrund",
        "denominator": "alle Kinder unter drei Jahren mit Migrationshintergrund",
        "unit": "%",
        "direction": "higher",
        "source": "Jugendamt, Kita-Bedarfsplanung",
        "breakdowns": [D],
    },
    {
        "code": "K2",
        "title": "Sprachförderbedarf bei der Einschulungsuntersuchung",
        "topic": "childcare",
        "definition": "Bei wie vielen untersuchten Kindern die Einschulungsuntersuchung einen "
        "intensiven Förderbedarf in der deutschen Sprache feststellt.",
        "numerator": "Kinder mit intensivem Sprachförderbedarf",
        "denominator": "alle untersuchten Kinder",
        "unit": "%",
        "direction": "lower",
        "source": "Gesundheitsamt (Einschulungsuntersuchung)",
        "breakdowns": [D, M],
    },
    {
        "code": "B1",
        "title": "Übergangsquote auf das Gymnasium",
        "topic": "education",
        "definition": "Wie viele Schülerinnen und Schüler nach der vierten Klasse auf ein "
        "Gymnasium wechseln.",
        "numerator": "Übergänge auf ein Gymnasium",
        "denominator": "alle Schülerinnen und Schüler der vierten Klassen",
        "unit": "%",
        "direction": "higher",
        "source": "Staatliches Schulamt, Statistisches Landesamt",
        "breakdowns": [D, N, G],
    },
    {
        "code": "B2",
        "title": "Schulabgang ohne Hauptschulabschluss",
        "topic": "education",
        "definition": "Wie viele Jugendliche die allgemeinbildende Schule ohne mindestens den "
        "Hauptschulabschluss verlassen.",
        "numerator": "Abgängerinnen und Abgänger ohne Hauptschulabschluss",
        "denominator": "alle Abgängerinnen und Abgänger allgemeinbildender Schulen",
        "unit": "%",
        "direction": "lower",
        "source": "Statistisches Landesamt",
        "breakdowns": [N, G],
    },
    {
        "code": "A1",
        "title": "Beschäftigungsquote",
        "topic": "work",
        "definition": "Wie viele Menschen im Alter von 15 bis unter 65 Jahren "
        "sozialversicherungspflichtig beschäftigt sind.",
        "numerator": "sozialversicherungspflichtig Beschäftigte am Wohnort, 15 bis unter 65 Jahre",
        "denominator": "Einwohnerinnen und Einwohner von 15 bis unter 65 Jahren",
        "unit": "%",
        "direction": "higher",
        "source": "Bundesagentur für Arbeit",
        "breakdowns": [D, N, G],
    },
    {
        "code": "A2",
        "title": "Arbeitslosenquote",
        "topic": "work",
        "definition": "Wie viele der zivilen Erwerbspersonen arbeitslos gemeldet sind.",
        "numerator": "Arbeitslose",
        "denominator": "alle zivilen Erwerbspersonen",
        "unit": "%",
        "direction": "lower",
        "source": "Bundesagentur für Arbeit",
        "breakdowns": [D, N, G],
    },
    {
        "code": "A3",
        "title": "SGB-II-Quote",
        "topic": "work",
        "definition": "Wie viele Menschen unter der Regelaltersgrenze Leistungen nach dem "
        "Zweiten Buch Sozialgesetzbuch (Bürgergeld) erhalten.",
        "numerator": "Leistungsberechtigte nach dem SGB II",
        "denominator": "Einwohnerinnen und Einwohner unter der Regelaltersgrenze",
        "unit": "%",
        "direction": "lower",
        "source": "Bundesagentur für Arbeit, Jobcenter",
        "breakdowns": [D, N],
    },
    {
        "code": "W1",
        "title": "Wohnfläche je Person",
        "topic": "housing",
        "definition": "Wie viel Wohnfläche einer Person im Durchschnitt zur Verfügung steht.",
        "numerator": "Wohnfläche der bewohnten Wohnungen",
        "denominator": "Personen in diesen Wohnungen",
        "unit": "m²",
        "direction": "higher",
        "source": "Statistisches Landesamt (Gebäude- und Wohnungsbestand)",
        "breakdowns": [D, M],
    },
    {
        "code": "G1",
        "title": "Teilnahme an der Früherkennungsuntersuchung U8",
        "topic": "health",
        "definition": "Wie viele Kinder bei der Einschulungsuntersuchung die "
        "Früherkennungsuntersuchung U8 nachweisen.",
        "numerator": "Kinder mit nachgewiesener U8",
        "denominator": "alle untersuchten Kinder",
        "unit": "%",
        "direction": "higher",
        "source": "Gesundheitsamt (Einschulungsuntersuchung)",
        "breakdowns": [D, M],
    },
    {
        "code": "T1",
        "title": "Wahlbeteiligung bei der Gemeinderatswahl",
        "topic": "participation",
        "definition": "Wie viele der Wahlberechtigten bei der letzten Gemeinderatswahl gewählt "
        "haben.",
        "numerator": "Wählerinnen und Wähler",
        "denominator": "alle Wahlberechtigten",
        "unit": "%",
        "direction": "higher",
        "source": "Wahlamt",
        "rhythm": "irregular",
        "breakdowns": [D],
    },
    {
        "code": "T2",
        "title": "Engagement in Migrantenorganisationen und Vereinen",
        "topic": "participation",
        "definition": "Wie viele Migrantenorganisationen und Vereine mit Mitgliedern mit "
        "Einwanderungsgeschichte im Netzwerk der Stadt aktiv mitarbeiten.",
        "numerator": "aktive Organisationen im Integrationsnetzwerk",
        "denominator": "",
        "unit": "Organisationen",
        "decimal_places": 0,
        "direction": "higher",
        "source": "Integrationsbüro",
        "breakdowns": [],
    },
    {
        "code": "D1",
        "title": "Beschäftigte der Stadtverwaltung mit Migrationshintergrund",
        "topic": "discrimination",
        "definition": "Wie viele der Beschäftigten der Stadtverwaltung nach eigener, "
        "freiwilliger Angabe einen Migrationshintergrund haben (interkulturelle Öffnung).",
        "numerator": "Beschäftigte mit Migrationshintergrund (freiwillige Angabe)",
        "denominator": "alle Beschäftigten, die an der Befragung teilgenommen haben",
        "unit": "%",
        "direction": "higher",
        "source": "Personalamt (Beschäftigtenbefragung)",
        "rhythm": "irregular",
        "breakdowns": [G],
    },
    {
        "code": "D2",
        "title": "Beratungsanfragen wegen Diskriminierung",
        "topic": "discrimination",
        "definition": "Wie viele Menschen sich im Jahr wegen einer erlebten Diskriminierung an "
        "die Antidiskriminierungsberatung gewandt haben. Steigende Zahlen können auch "
        "bedeuten, dass die Beratung bekannter geworden ist.",
        "numerator": "Beratungsanfragen im Jahr",
        "denominator": "",
        "unit": "Anfragen",
        "decimal_places": 0,
        "direction": "neutral",
        "source": "Antidiskriminierungsberatung",
        "breakdowns": [],
    },
]


def ensure_starter_indicators():
    """Add the starter indicators that are missing, e.g. after a flush of the database (the
    demo and the browser tests, whose databases are emptied between tests, start from here)."""
    from measures.models import CityIndicator

    taken = set(CityIndicator.objects.values_list("code", flat=True))
    for definition in STARTER_INDICATORS:
        if definition["code"] not in taken:
            CityIndicator.objects.create(**definition)
