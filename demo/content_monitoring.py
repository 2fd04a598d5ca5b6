"""Texts for the earlier status reports, indicators with their values, and projects."""

# Earlier reports of a measure cycle through these texts: (text, next steps, obstacles).
HISTORY_TEXTS = {
    "planned": [
        (
            "Die Maßnahme ist in Vorbereitung. Ein erstes Abstimmungsgespräch mit den Partnern "
            "hat stattgefunden.",
            "Konzept ausarbeiten und Fördermöglichkeiten prüfen.",
            "",
        ),
        (
            "Das Konzept liegt im Entwurf vor; Fördermöglichkeiten werden geprüft.",
            "Finanzierung klären und Starttermin festlegen.",
            "",
        ),
    ],
    "in_progress": [
        (
            "Die Umsetzung läuft planmäßig. Im Berichtszeitraum fanden zwei Arbeitstreffen mit "
            "den Partnern statt.",
            "Zwischenauswertung für den nächsten Monitoringbericht vorbereiten.",
            "",
        ),
        (
            "Die vereinbarten Angebote wurden durchgeführt; die Rückmeldungen der Teilnehmenden "
            "sind überwiegend positiv.",
            "Angebot in weiteren Stadtteilen bekannt machen.",
            "Personelle Engpässe bei einem Partner verzögern einzelne Schritte.",
        ),
        (
            "Die Öffentlichkeitsarbeit wurde verstärkt, unter anderem über die Integrationswebsite "
            "und die Netzwerke der Migrantenorganisationen.",
            "Teilnehmendenzahlen auswerten; Finanzierung für das Folgejahr klären.",
            "",
        ),
        (
            "Die Zusammenarbeit im Netzwerk hat sich eingespielt; erste Ergebnisse wurden in der "
            "Netzwerkrunde vorgestellt.",
            "Nächstes Abstimmungstreffen mit den Partnern.",
            "Räume in den Stadtteilen sind nur eingeschränkt verfügbar.",
        ),
    ],
    "continuous": [
        (
            "Das Angebot läuft als Daueraufgabe stabil weiter; die Nachfrage ist gleichbleibend.",
            "Angebot fortführen.",
            "",
        ),
        (
            "Die Maßnahme ist fest etabliert; im Berichtszeitraum gab es keine wesentlichen "
            "Änderungen.",
            "Jährliche Auswertung mit den Partnern.",
            "",
        ),
        (
            "Regelbetrieb; die Zusammenarbeit im Netzwerk funktioniert gut.",
            "Ehrenamtliche für das kommende Jahr gewinnen.",
            "Die Zahl der Ehrenamtlichen geht leicht zurück.",
        ),
    ],
    "delayed": [
        (
            "Die Umsetzung verzögert sich gegenüber der Planung.",
            "Zeitplan mit den Partnern überarbeiten.",
            "Fehlende personelle Ressourcen.",
        ),
    ],
}

# Indicators: (measure code, title, unit, baseline, target, [(date, value, note)])
INDICATORS = [
    (
        "1.1",
        "Teilnehmerinnen „Mama lernt Deutsch“",
        "Personen",
        "18",
        "60",
        [
            ("2023-12-31", "24", ""),
            ("2024-12-31", "31", ""),
            ("2025-12-31", "38", ""),
            ("2026-10-31", "46", "Stand Herbstkurse"),
        ],
    ),
    (
        "1.2",
        "Kinder mit altersgemäßen Deutschkenntnissen bei der Einschulung",
        "%",
        "69",
        "100",
        [
            ("2022-07-31", "71", "Einschulungsuntersuchung"),
            ("2023-07-31", "70.5", "Einschulungsuntersuchung"),
            ("2024-07-31", "72", "Einschulungsuntersuchung"),
            ("2025-07-31", "73.5", "Einschulungsuntersuchung"),
            ("2026-07-31", "74", "Einschulungsuntersuchung"),
        ],
    ),
    (
        "1.3",
        "Besuche der Sprachcafés",
        "Besuche pro Quartal",
        "120",
        "300",
        [
            ("2024-12-31", "210", ""),
            ("2025-06-30", "245", ""),
            ("2025-12-31", "260", ""),
            ("2026-06-30", "290", ""),
        ],
    ),
    (
        "1.5",
        "Vermittelte Einsätze von Sprachmittlerinnen und Sprachmittlern",
        "Einsätze pro Jahr",
        "0",
        "250",
        [
            ("2022-12-31", "85", ""),
            ("2023-12-31", "160", ""),
            ("2024-12-31", "230", ""),
            ("2025-12-31", "271", ""),
        ],
    ),
    (
        "2.1",
        "Aktive Elternmentorinnen und Elternmentoren",
        "Personen",
        "6",
        "30",
        [("2024-07-31", "14", ""), ("2025-07-31", "19", ""), ("2026-07-31", "22", "")],
    ),
    (
        "3.1",
        "Bewerbungen um den Unternehmerpreis Integration",
        "Bewerbungen",
        "8",
        "20",
        [
            ("2021-06-30", "11", "Preis 2021"),
            ("2023-06-30", "14", "Preis 2023"),
            ("2025-06-30", "17", "Preis 2025"),
        ],
    ),
    (
        "3.3",
        "Ausbildungsverträge mit Patenschaftsbegleitung",
        "Verträge",
        "0",
        "40",
        [("2024-09-30", "18", ""), ("2025-09-30", "23", ""), ("2026-03-31", "27", "")],
    ),
    (
        "4.1",
        "Vermittelte Wohnungen seit Projektbeginn",
        "Wohnungen",
        "0",
        "150",
        [
            ("2024-06-30", "64", ""),
            ("2024-12-31", "72", ""),
            ("2025-06-30", "79", ""),
            ("2025-12-31", "85", ""),
            ("2026-09-30", "96", ""),
        ],
    ),
    (
        "5.1",
        "Seitenaufrufe der Integrationswebsite",
        "Aufrufe pro Monat",
        "0",
        "5000",
        [
            ("2025-04-30", "1800", "erster Monat nach dem Start"),
            ("2025-09-30", "3100", ""),
            ("2026-03-31", "4200", ""),
            ("2026-09-30", "4900", ""),
        ],
    ),
    (
        "5.6",
        "Geförderte Projekte von Migrantenorganisationen",
        "Projekte pro Jahr",
        "3",
        "12",
        [("2024-12-31", "6", ""), ("2025-12-31", "8", ""), ("2026-10-31", "9", "")],
    ),
    (
        "5.7",
        "Geschulte Beschäftigte der Stadtverwaltung",
        "Personen (kumuliert)",
        "40",
        "400",
        [
            ("2024-06-30", "205", ""),
            ("2025-06-30", "262", ""),
            ("2026-06-30", "312", ""),
        ],
    ),
]

PROJECTS = [
    {
        "title": "Mama lernt Deutsch – Kursreihe Stadtmitte",
        "description": "Zwei Vormittagskurse mit Kinderbetreuung in einer Grundschule.",
        "measures": ["1.1"],
        "actors": [
            "Volkshochschule Göppingen",
            "Familienbildungsstätte Göppingen",
            "Verein Brücke der Kulturen e. V.",
        ],
        "period": ("2024-09-01", "2027-07-31"),
        "funding": "VwV Integration des Landes Baden-Württemberg",
        "status": "running",
    },
    {
        "title": "Mama lernt Deutsch – Kurse in Kitas 2025/26",
        "description": "Kurse direkt in zwei Kitas, damit Mütter beim Bringen teilnehmen können.",
        "measures": ["1.1", "1.4"],
        "actors": ["Volkshochschule Göppingen", "Referat Kinder, Jugend und Familie"],
        "period": ("2025-09-01", "2026-07-31"),
        "funding": "Städtischer Haushalt",
        "status": "completed",
    },
    {
        "title": "Aufbau der Integrationswebsite",
        "description": "Konzeption, Redaktion und Start der mobilfreundlichen Integrationswebsite.",
        "measures": ["5.1"],
        "actors": ["Stabsstelle Migration und Teilhabe", "Stadtbibliothek Göppingen"],
        "period": ("2023-10-01", "2025-03-31"),
        "funding": "VwV Integration; Städtischer Haushalt",
        "status": "completed",
    },
    {
        "title": "Unternehmerpreis Integration 2025",
        "description": "Ausschreibung, Jury und Preisverleihung im Rathaus.",
        "measures": ["3.1"],
        "actors": [
            "Wirtschaftsförderung der Stadt Göppingen",
            "IHK-Bezirkskammer Göppingen",
            "Kreishandwerkerschaft Göppingen",
        ],
        "period": ("2025-01-15", "2025-11-19"),
        "funding": "Städtischer Haushalt; Sponsoring",
        "status": "completed",
    },
    {
        "title": "Unternehmerpreis Integration 2027",
        "description": "Vierte Ausschreibung des Preises.",
        "measures": ["3.1", "3.4"],
        "actors": ["Wirtschaftsförderung der Stadt Göppingen", "IHK-Bezirkskammer Göppingen"],
        "period": ("2027-01-15", "2027-11-30"),
        "funding": "Städtischer Haushalt; Sponsoring",
        "status": "preparing",
    },
    {
        "title": "Interkulturelle Woche 2026",
        "description": "Programm mit 31 Veranstaltungen vom 20. bis 27. September 2026.",
        "measures": ["5.3", "5.5"],
        "actors": [
            "Stabsstelle Migration und Teilhabe",
            "Runder Tisch der Religionen Göppingen",
            "Evangelische Gesamtkirchengemeinde Göppingen",
            "Katholische Gesamtkirchengemeinde Göppingen",
        ],
        "period": ("2026-09-20", "2026-09-27"),
        "funding": "Städtischer Haushalt",
        "status": "completed",
    },
    {
        "title": "Schulungsreihe für Sprachmittlerinnen und Sprachmittler 2026",
        "description": "Auffrischung zu Rolle, Schweigepflicht und Dolmetschtechnik.",
        "measures": ["1.5"],
        "actors": ["Stabsstelle Migration und Teilhabe", "Caritas Fils-Neckar-Alb"],
        "period": ("2026-02-01", "2026-12-31"),
        "funding": "VwV Integration des Landes Baden-Württemberg",
        "status": "running",
    },
]

# The office's monitoring rounds, twice a year since 2025: (title, index into REPORTING_DATES
# of the reporting date, due date, opened on, closed on).
CLOSED_ROUNDS = [
    ("Monitoring Herbst 2025", 6, "2025-10-17", "2025-09-26", "2025-11-07"),
    ("Monitoring Frühjahr 2026", 8, "2026-04-17", "2026-03-27", "2026-05-08"),
]
# The round that is open now; its reporting date is PENDING_DATE, its due date has passed, so
# the dashboard shows overdue answers while the links still work for the grace period.
OPEN_ROUND = ("Monitoring Herbst 2026", "2026-11-20", "2026-11-06")

# Answers to the open round besides the measures' pending reports: code → (review state,
# progress or None for unchanged, text, next steps, obstacles). Accepted answers keep the
# measure's status and progress, so the measure still shows its latest accepted report.
OPEN_ROUND_ANSWERS = {
    "1.3": (
        "accepted",
        None,
        "Die Sprachcafés laufen in allen vier Stadtteilen; im Oktober kam ein Abendtermin für "
        "Berufstätige dazu.",
        "Abendtermin bis zum Sommer 2027 erproben.",
        "",
    ),
    "2.2": (
        "accepted",
        None,
        "31 Lesepatinnen und Lesepaten sind an neun Grundschulen im Einsatz.",
        "Schulung neuer Lesepaten im Januar 2027.",
        "",
    ),
    "3.1": (
        "accepted",
        None,
        "Die Ausschreibung des Unternehmerpreises 2027 ist vorbereitet; die Jury steht fest.",
        "Ausschreibung im Januar 2027 veröffentlichen.",
        "",
    ),
    "4.2": (
        "accepted",
        None,
        "Die Beratung in den Gemeinschaftsunterkünften findet wöchentlich statt; die Nachfrage "
        "ist leicht gestiegen.",
        "Sprechzeiten in der Unterkunft Ost ausweiten.",
        "",
    ),
    "5.3": (
        "accepted",
        None,
        "Die Interkulturelle Woche 2026 ist ausgewertet: 31 Veranstaltungen, rund 2.400 Gäste.",
        "Planung der Interkulturellen Woche 2027 mit den Vereinen beginnen.",
        "",
    ),
    "5.5": (
        "accepted",
        None,
        "Der Runde Tisch hat sich zweimal getroffen und einen gemeinsamen Aufruf gegen "
        "Antisemitismus und Muslimfeindlichkeit veröffentlicht.",
        "Besuch von Schulklassen in Moschee, Kirche und Synagoge fortsetzen.",
        "",
    ),
    "2.3": (
        "submitted",
        60,
        "Zwei neue Elterncafés an Grundschulen sind gestartet; die Beteiligung ist gut.",
        "Ein drittes Elterncafé an der Grundschule Bodenfeld vorbereiten.",
        "",
    ),
    "5.2": (
        "submitted",
        70,
        "Der dritte Durchgang der Kurse zur politischen Bildung ist abgeschlossen.",
        "Kursangebot auf Arabisch und Ukrainisch ausweiten.",
        "Es fehlen Honorarkräfte mit Sprachkenntnissen.",
    ),
    "5.7": (
        "submitted",
        80,
        "Alle Ämter mit Publikumsverkehr haben an der Schulung teilgenommen.",
        "Vertiefungsmodul Leichte Sprache im Frühjahr 2027.",
        "",
    ),
}

# New indicator values that partners reported with a submitted answer: code → value of the
# measure's first indicator.
OPEN_ROUND_INDICATOR_VALUES = {"1.1": "52"}
