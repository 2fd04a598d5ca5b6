"""The Integrationsausschuss: invented members, two terms, follow-ups, documents.

The meetings until 2025 are in content_committee_meetings.py, with the format explained there.
"""

COMMITTEE = {
    "name": "Integrationsausschuss",
    "short_name": "IA",
    "kind": "advisory_committee",
    "description": (
        "Beratender Ausschuss des Gemeinderats für Fragen der Integration und des Zusammenlebens. "
        "Ihm gehören Stadträtinnen und Stadträte sowie sachkundige Einwohnerinnen und Einwohner "
        "an; die Geschäftsstelle liegt bei der Stabsstelle Migration und Teilhabe."
    ),
    "contact_name": "Geschäftsstelle des Integrationsausschusses",
    "contact_email": "integrationsausschuss@example.org",
}

# The council's terms; the local elections of 2024 started the current one.
TERMS = {
    "2019": ("Wahlperiode 2019–2024", "2019-07-24", "2024-07-23"),
    "2024": ("Wahlperiode 2024–2029", "2024-07-24", None),
}

# (title, first name, last name, faction or organisation)
MEMBERS = [
    ("", "Ulrike", "Bosch", "CDU"),
    ("", "Kemal", "Arslan", "SPD"),
    ("Dr.", "Martin", "Riedel", "CDU"),
    ("", "Heike", "Schwarz", "SPD"),
    ("", "Jana", "Lindner", "Grüne"),
    ("", "Tobias", "Neher", "Grüne"),
    ("", "Karl-Heinz", "Pfeiffer", "FWG"),
    ("", "Susanne", "Wagner", "FDP"),
    ("", "Dieter", "Krämer", "AfD"),
    ("", "Sevgi", "Yılmaz", "Verein Brücke der Kulturen e. V."),
    ("", "Emmanuel", "Osei", "Afrikanisches Forum Filstal e. V."),
    ("", "Natalia", "Weber", "Kulturverein Raduga e. V."),
    ("", "Bernd", "Kühn", "CDU"),
    ("", "Melanie", "Roth", "Grüne"),
    ("", "Werner", "Haas", "Landratsamt Göppingen"),
    ("", "Gerhard", "Ilg", "SPD"),
    ("", "Hatice", "Demir", "Islamische Gemeinde Filstal e. V."),
]

# The members addressed as "Frau"; everyone else as "Herr".
WOMEN = {"Ulrike", "Heike", "Jana", "Susanne", "Sevgi", "Natalia", "Melanie", "Hatice"}

# (last name, role, kind, term, deputy for: last name)
MEMBERSHIPS = [
    ("Ilg", "chair", "councillor", "2019", None),
    ("Bosch", "vice_chair", "councillor", "2019", None),
    ("Arslan", "member", "councillor", "2019", None),
    ("Riedel", "member", "councillor", "2019", None),
    ("Lindner", "member", "councillor", "2019", None),
    ("Yılmaz", "member", "citizen_expert", "2019", None),
    ("Demir", "member", "citizen_expert", "2019", None),
    ("Bosch", "chair", "councillor", "2024", None),
    ("Arslan", "vice_chair", "councillor", "2024", None),
    ("Riedel", "member", "councillor", "2024", None),
    ("Schwarz", "member", "councillor", "2024", None),
    ("Lindner", "member", "councillor", "2024", None),
    ("Neher", "member", "councillor", "2024", None),
    ("Pfeiffer", "member", "councillor", "2024", None),
    ("Wagner", "member", "councillor", "2024", None),
    ("Krämer", "member", "councillor", "2024", None),
    ("Yılmaz", "member", "citizen_expert", "2024", None),
    ("Osei", "member", "citizen_expert", "2024", None),
    ("Weber", "member", "citizen_expert", "2024", None),
    ("Kühn", "deputy", "councillor", "2024", "Riedel"),
    ("Roth", "deputy", "councillor", "2024", "Lindner"),
    ("Haas", "member", "advisory", "2024", None),
]

TOWN_HALL = ("Rathaus Göppingen", "Großer Sitzungssaal", "Hauptstraße 1, 73033 Göppingen")
ADULT_EDUCATION = ("Volkshochschule Göppingen", "Saal 1", "Mörikestraße 16, 73033 Göppingen")

# Meetings from 2026 on, in the format of content_committee_meetings.py.
MEETINGS_2026 = [
    {
        "number": 5,
        "date": "2026-03-18",
        "state": "held",
        "place": TOWN_HALL,
        "excused": ["Schwarz"],
        "items": [
            (
                "1",
                "Antidiskriminierungsberatung: Gründe für die Verzögerung",
                "information",
                True,
                ["5.4"],
                "Der Kreisdiakonieverband erläutert die offene Finanzierung.",
                "",
                None,
                "noted",
            ),
            (
                "2",
                "Sprachziel 2035: Zwischenbilanz",
                "deliberation",
                True,
                ["1.2", "1.4"],
                "Der Ausschuss begrüßt das gemeinsame Beobachtungsverfahren in den Kitas.",
                "",
                None,
                "",
            ),
            (
                "3",
                "Haushaltsmittel 2027 für den Integrationsplan",
                "resolution",
                True,
                [],
                "Beratung der Mittelanmeldung der Stabsstelle.",
                "Der Ausschuss empfiehlt dem Gemeinderat die Mittel gemäß Vorlage.",
                (9, 3, 1),
                "adopted",
            ),
        ],
    },
    {
        "number": 6,
        "date": "2026-07-08",
        "state": "cancelled",
        "place": TOWN_HALL,
        "items": [
            (
                "1",
                "Sachstand Ausbildungspatenschaften",
                "information",
                True,
                ["3.3"],
                "",
                "",
                None,
                "",
            ),
            ("2", "Verschiedenes", "information", True, [], "", "", None, ""),
        ],
    },
    {
        "number": 7,
        "date": "2026-10-14",
        "state": "held",
        "place": TOWN_HALL,
        "excused": ["Riedel"],
        "guests": "Frau Maier (Referat Stadtentwicklung und Wohnen)",
        "items": [
            (
                "1",
                "Monitoringbericht Herbst 2026 zum Integrationsplan",
                "information",
                True,
                ["1.1", "3.3", "4.1", "5.4"],
                "Der Bericht wird zur Kenntnis genommen. Nachfragen zur überfälligen "
                "Wohnraumvermittlung beantwortet das Referat Stadtentwicklung und Wohnen.",
                "",
                None,
                "noted",
            ),
            (
                "2",
                "Vorbereitung der Fortschreibung des Integrationsplans",
                "deliberation",
                True,
                [],
                "Die Stabsstelle schlägt vor, die Fortschreibung 2027 mit dem Netzwerk zu "
                "erarbeiten.",
                "",
                None,
                "",
            ),
            (
                "2.1",
                "Einsetzen einer Arbeitsgruppe Fortschreibung",
                "resolution",
                True,
                [],
                "",
                "Der Ausschuss setzt eine Arbeitsgruppe aus je einem Mitglied jeder Fraktion und "
                "zwei sachkundigen Einwohnerinnen oder Einwohnern ein.",
                ("unanimous", 13),
                "adopted",
            ),
            (
                "3",
                "Zuschussanträge zur Interkulturellen Woche 2027",
                "resolution",
                False,
                ["5.3"],
                "Beratung von vier Anträgen.",
                "Der Ausschuss bewilligt alle vier Anträge.",
                (12, 0, 1),
                "adopted",
            ),
        ],
    },
    {
        "number": 8,
        "date": "2026-12-09",
        "state": "invited",
        "place": TOWN_HALL,
        "items": [
            (
                "1",
                "Integrationswebsite: Nutzung und Weiterentwicklung",
                "information",
                True,
                ["5.1"],
                "",
                "",
                None,
                "",
            ),
            (
                "2",
                "„Mama lernt Deutsch“: Ausweitung auf weitere Stadtteile",
                "deliberation",
                True,
                ["1.1"],
                "",
                "",
                None,
                "",
            ),
            ("3", "Sitzungstermine 2027", "resolution", True, [], "", "", None, ""),
            (
                "4",
                "Zuschüsse aus dem Mikroförderfonds 2027",
                "resolution",
                False,
                ["5.6"],
                "",
                "",
                None,
                "",
            ),
        ],
    },
    {
        "number": 9,
        "date": "2027-03-17",
        "state": "planned",
        "place": TOWN_HALL,
        "items": [
            (
                "1",
                "Monitoringbericht Frühjahr 2027",
                "information",
                True,
                ["1.1", "3.3"],
                "",
                "",
                None,
                "",
            ),
            (
                "2",
                "Zwischenstand der Arbeitsgruppe Fortschreibung",
                "information",
                True,
                [],
                "",
                "",
                None,
                "",
            ),
            (
                "3",
                "Unternehmerpreis Integration 2027: Ausschreibung",
                "resolution",
                True,
                ["3.1"],
                "",
                "",
                None,
                "",
            ),
        ],
    },
]

# The last held meeting's minutes are still a draft, so that the demo can finalise them.
DRAFT_MINUTES = "2026-10-14"

# (meeting date, item number, task, responsible actor, due date, done on)
FOLLOW_UPS = [
    (
        "2025-03-12",
        "1",
        "Gesonderten Bericht zu den verzögerten Maßnahmen vorlegen",
        "Stabsstelle Migration und Teilhabe",
        "2025-07-09",
        "2025-06-30",
    ),
    (
        "2025-07-09",
        "2",
        "Gespräch mit der Wohnungsbaugesellschaft über Vermietungen führen",
        "Referat Stadtentwicklung und Wohnen",
        "2025-10-31",
        None,
    ),
    (
        "2025-11-19",
        "2",
        "Beschlussvorlage zur Fortführung der Orientierungskurse erstellen",
        "Volkshochschule Göppingen",
        "2026-01-31",
        "2026-01-20",
    ),
    (
        "2026-03-18",
        "1",
        "Finanzierungsplan der Antidiskriminierungsberatung vorlegen",
        "Kreisdiakonieverband im Landkreis Göppingen (Diakonisches Werk)",
        "2026-06-30",
        None,
    ),
    (
        "2026-03-18",
        "2",
        "Ergebnisse der Kita-Beobachtung jährlich berichten",
        "Referat Kinder, Jugend und Familie",
        "2027-03-31",
        None,
    ),
    (
        "2026-10-14",
        "2.1",
        "Mitglieder der Arbeitsgruppe Fortschreibung benennen",
        "Stabsstelle Migration und Teilhabe",
        "2026-11-15",
        None,
    ),
    (
        "2026-10-14",
        "1",
        "Zeitplan für die Wohnraumvermittlung nachreichen",
        "Referat Stadtentwicklung und Wohnen",
        "2027-01-31",
        None,
    ),
    (
        "2026-10-14",
        "3",
        "Bewilligungsbescheide an die Antragsteller versenden",
        "Stabsstelle Migration und Teilhabe",
        "2026-11-30",
        "2026-10-28",
    ),
]

# Documents (Vorlagen): (meeting date, item number, title, file name)
DOCUMENTS = [
    ("2026-10-14", "1", "Monitoringbericht Herbst 2026", "monitoringbericht-herbst-2026.pdf"),
    ("2026-10-14", "3", "Übersicht der Zuschussanträge", "zuschussantraege-iwo-2027.pdf"),
    ("2026-12-09", "2", "Konzept Ausweitung „Mama lernt Deutsch“", "konzept-mama-lernt.pdf"),
    ("2026-12-09", "3", "Vorschlag Sitzungstermine 2027", "sitzungstermine-2027.pdf"),
]
