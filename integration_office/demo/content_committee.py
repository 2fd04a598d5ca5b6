"""The Integrationsausschuss: members (invented), memberships, meetings and agenda items."""

COMMITTEE = {
    "name": "Integrationsausschuss",
    "short_name": "IA",
    "description": (
        "Beratender Ausschuss des Gemeinderats für Fragen der Integration und des Zusammenlebens. "
        "Ihm gehören Stadträtinnen und Stadträte sowie sachkundige Einwohnerinnen und Einwohner "
        "an; die Geschäftsstelle liegt bei der Stabsstelle Migration und Teilhabe."
    ),
    "contact_email": "integrationsausschuss@example.org",
}

# The council's term after the local elections of 2024.
TERM_START = "2024-07-24"
PREVIOUS_TERM = ("2019-07-24", "2024-07-23")

# (title, first name, last name, faction or organisation, role, kind, term)
# term None is the current term; otherwise (start, end).
MEMBERS = [
    ("", "Ulrike", "Bosch", "CDU", "chair", "councillor", None),
    ("", "Kemal", "Arslan", "SPD", "vice_chair", "councillor", None),
    ("Dr.", "Martin", "Riedel", "CDU", "member", "councillor", None),
    ("", "Heike", "Schwarz", "SPD", "member", "councillor", None),
    ("", "Jana", "Lindner", "Grüne", "member", "councillor", None),
    ("", "Tobias", "Neher", "Grüne", "member", "councillor", None),
    ("", "Karl-Heinz", "Pfeiffer", "FWG", "member", "councillor", None),
    ("", "Susanne", "Wagner", "FDP", "member", "councillor", None),
    ("", "Dieter", "Krämer", "AfD", "member", "councillor", None),
    ("", "Sevgi", "Yılmaz", "Verein Brücke der Kulturen e. V.", "member", "citizen_expert", None),
    ("", "Emmanuel", "Osei", "Afrikanisches Forum Filstal e. V.", "member", "citizen_expert", None),
    ("", "Natalia", "Weber", "Kulturverein Raduga e. V.", "member", "citizen_expert", None),
    ("", "Bernd", "Kühn", "CDU", "deputy", "councillor", None),
    ("", "Melanie", "Roth", "Grüne", "deputy", "councillor", None),
    ("", "Werner", "Haas", "Landratsamt Göppingen", "member", "advisory", None),
    ("", "Gerhard", "Ilg", "SPD", "member", "councillor", PREVIOUS_TERM),
]

LOCATION = "Rathaus Göppingen, Großer Sitzungssaal"

# Agenda items: (number, title, kind, public, measure codes, minutes, resolution, votes)
# votes: (yes, no, abstain) or "unanimous" with the number of votes.
MEETINGS = [
    {
        "number": 1,
        "date": "2024-10-16",
        "state": "held",
        "items": [
            (
                "1",
                "Bericht der Integrationsbeauftragten zum Stand des Integrationsplans",
                "information",
                True,
                ["1.1", "5.1"],
                "Die Integrationsbeauftragte stellt den Stand der 40 Maßnahmen vor. Nachfragen "
                "betreffen die Wartelisten bei „Mama lernt Deutsch“.",
                "",
                None,
            ),
            (
                "2",
                "Arbeitsprogramm des Integrationsausschusses 2025",
                "resolution",
                True,
                [],
                "Der Ausschuss berät das vorgeschlagene Arbeitsprogramm.",
                "Der Ausschuss beschließt das Arbeitsprogramm 2025 in der vorgelegten Fassung.",
                ("unanimous", 13),
            ),
            ("3", "Verschiedenes", "information", True, [], "Keine Wortmeldungen.", "", None),
        ],
    },
    {
        "number": 2,
        "date": "2025-03-12",
        "state": "held",
        "items": [
            (
                "1",
                "Monitoringbericht 2024 zum Integrationsplan",
                "information",
                True,
                ["1.2", "1.7", "3.5", "5.4"],
                "Der Bericht wird zur Kenntnis genommen. Der Ausschuss bittet um einen gesonderten "
                "Bericht zu den verzögerten Maßnahmen.",
                "",
                None,
            ),
            (
                "2",
                "Unternehmerpreis Integration 2025",
                "deliberation",
                True,
                ["3.1"],
                "Die Wirtschaftsförderung stellt Ausschreibung und Zeitplan vor.",
                "",
                None,
            ),
            (
                "2.1",
                "Besetzung der Jury für den Unternehmerpreis Integration 2025",
                "resolution",
                True,
                ["3.1"],
                "Vorgeschlagen werden zwei Mitglieder des Ausschusses und je eine Person der "
                "Kammern.",
                "Der Ausschuss benennt die Jury gemäß Vorlage.",
                (11, 1, 1),
            ),
            (
                "3",
                "Zuschüsse aus dem Mikroförderfonds 2025",
                "resolution",
                False,
                ["5.6"],
                "Beratung der sieben Anträge von Migrantenorganisationen.",
                "Der Ausschuss bewilligt sechs Anträge; ein Antrag wird zurückgestellt.",
                (10, 2, 1),
            ),
        ],
    },
    {
        "number": 3,
        "date": "2025-07-09",
        "state": "held",
        "items": [
            (
                "1",
                "Sachstand „Mama lernt Deutsch“ und Sprachbildung in Kitas",
                "information",
                True,
                ["1.1", "1.4"],
                "Die Volkshochschule berichtet über die Kursgruppen und die Warteliste.",
                "",
                None,
            ),
            (
                "2",
                "Wohnraumversorgung Geflüchteter in der Anschlussunterbringung",
                "deliberation",
                True,
                ["4.1", "4.6"],
                "Der Ausschuss diskutiert Wege, mehr private Vermietende zu gewinnen.",
                "",
                None,
            ),
        ],
    },
    {
        "number": 4,
        "date": "2025-11-19",
        "state": "held",
        "items": [
            (
                "1",
                "Monitoringbericht Herbst 2025",
                "information",
                True,
                ["2.6", "3.6", "5.9"],
                "Der Bericht wird zur Kenntnis genommen; drei Maßnahmen ruhen derzeit.",
                "",
                None,
            ),
            (
                "2",
                "Fortführung der Orientierungskurse „Leben in Göppingen“ bis 2027",
                "resolution",
                True,
                ["5.2"],
                "Die Volkshochschule berichtet über die Nachfrage.",
                "Der Ausschuss empfiehlt dem Gemeinderat die Fortführung bis Ende 2027.",
                ("unanimous", 12),
            ),
            (
                "3",
                "Rückblick auf die Verleihung des Unternehmerpreises Integration 2025",
                "information",
                True,
                ["3.1"],
                "Ausgezeichnet wurden drei Betriebe aus Handwerk, Logistik und Pflege.",
                "",
                None,
            ),
        ],
    },
    {
        "number": 5,
        "date": "2026-03-18",
        "state": "held",
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
            ),
        ],
    },
    {
        "number": 6,
        "date": "2026-07-08",
        "state": "cancelled",
        "items": [
            ("1", "Sachstand Ausbildungspatenschaften", "information", True, ["3.3"], "", "", None),
            ("2", "Verschiedenes", "information", True, [], "", "", None),
        ],
    },
    {
        "number": 7,
        "date": "2026-10-14",
        "state": "held",
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
            ),
        ],
    },
    {
        "number": 8,
        "date": "2026-12-09",
        "state": "invited",
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
            ),
            ("3", "Sitzungstermine 2027", "resolution", True, [], "", "", None),
            (
                "4",
                "Zuschüsse aus dem Mikroförderfonds 2027",
                "resolution",
                False,
                ["5.6"],
                "",
                "",
                None,
            ),
        ],
    },
    {
        "number": 9,
        "date": "2027-03-17",
        "state": "planned",
        "items": [
            ("1", "Monitoringbericht Frühjahr 2027", "information", True, [], "", "", None),
            (
                "2",
                "Zwischenstand der Arbeitsgruppe Fortschreibung",
                "information",
                True,
                [],
                "",
                "",
                None,
            ),
        ],
    },
]
