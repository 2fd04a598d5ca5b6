"""Measures of the action field 3 Arbeit (keys as in content_measures_1)."""

MEASURES_3 = [
    {
        "code": "3.1",
        "title": "Unternehmerpreis Integration",
        "description": (
            "Die Stadt zeichnet alle zwei Jahre Göppinger Unternehmen aus, die Menschen mit "
            "Migrationsgeschichte vorbildlich ausbilden, beschäftigen und fördern. Die "
            "Preisverleihung macht gute Beispiele sichtbar."
        ),
        "goal": "Mehr Betriebe bilden Menschen mit Migrationsgeschichte aus und stellen sie ein.",
        "target_groups": "Unternehmen in Göppingen; Öffentlichkeit",
        "lead": "Wirtschaftsförderung der Stadt Göppingen",
        "partners": [
            "IHK-Bezirkskammer Göppingen",
            "Kreishandwerkerschaft Göppingen",
            "Stabsstelle Migration und Teilhabe",
        ],
        "priority": "medium",
        "period": ("2019-09-01", None),
        "status": "continuous",
        "progress": 100,
        "cost": "5000",
        "funding": "Städtischer Haushalt; Sponsoring",
        "latest": (
            "Die Ausschreibung für den Unternehmerpreis 2027 ist vorbereitet; die Jury aus "
            "Ausschuss, Kammern und Netzwerk steht fest.",
            "Ausschreibung im Januar 2027 veröffentlichen.",
            "",
        ),
    },
    {
        "code": "3.2",
        "title": "Beratung zur Anerkennung ausländischer Berufsabschlüsse",
        "description": (
            "Regelmäßige Sprechstunde zur Anerkennung von Abschlüssen und zu "
            "Anpassungsqualifizierungen, mit Lotsenfunktion zu den zuständigen Stellen."
        ),
        "goal": "Zugewanderte arbeiten entsprechend ihrer Qualifikation.",
        "target_groups": "Zugewanderte mit ausländischem Berufs- oder Studienabschluss",
        "lead": "Agentur für Arbeit Göppingen",
        "partners": ["Caritas Fils-Neckar-Alb", "IHK-Bezirkskammer Göppingen"],
        "priority": "high",
        "period": ("2019-04-11", None),
        "status": "continuous",
        "progress": 100,
        "predecessor": "2.1",
        "latest": (
            "Die Sprechstunde findet zweimal im Monat statt; 2026 wurden bisher 112 Personen "
            "beraten, am häufigsten zu Pflege- und Ingenieurberufen.",
            "Sprechstunde zusätzlich online anbieten.",
            "",
        ),
    },
    {
        "code": "3.3",
        "title": "Ausbildungspatenschaften für junge Geflüchtete",
        "description": (
            "Ehrenamtliche Patinnen und Paten begleiten Auszubildende mit Fluchtgeschichte "
            "durch Berufsschule, Prüfungen und Behördengänge."
        ),
        "goal": "Weniger Ausbildungsabbrüche bei jungen Geflüchteten.",
        "target_groups": "Auszubildende mit Fluchtgeschichte; Ausbildungsbetriebe",
        "lead": "Freundeskreis Willkommen Göppingen",
        "partners": [
            "Kreishandwerkerschaft Göppingen",
            "Jobcenter Landkreis Göppingen",
            "Filstal Präzisionstechnik GmbH",
        ],
        "priority": "medium",
        "period": ("2020-09-01", "2027-08-31"),
        "status": "in_progress",
        "progress": 50,
        "reports": (0, 8),
        "latest": (
            "27 Patenschaften laufen; zwei Auszubildende haben ihre Gesellenprüfung bestanden.",
            "Neue Patinnen und Paten über die Kammern gewinnen.",
            "Die Koordination liegt allein bei Ehrenamtlichen und ist kaum noch leistbar.",
        ),
    },
    {
        "code": "3.4",
        "title": "Ausbildungsmarketing der Stadtverwaltung für junge Menschen mit "
        "Migrationsgeschichte",
        "description": (
            "Die Stadt wirbt gezielt in Migrantenorganisationen und Schulen für ihre "
            "Ausbildungsberufe und bietet Schnupperpraktika an."
        ),
        "goal": "Die Belegschaft der Stadtverwaltung spiegelt die Vielfalt der Stadtgesellschaft.",
        "target_groups": "Schülerinnen und Schüler der Abschlussklassen; Eltern",
        "lead": "Personalamt der Stadt Göppingen",
        "partners": [
            "Stabsstelle Migration und Teilhabe",
            "Verein Brücke der Kulturen e. V.",
            "Afrikanisches Forum Filstal e. V.",
        ],
        "priority": "medium",
        "period": ("2021-01-01", "2026-12-31"),
        "status": "in_progress",
        "progress": 85,
        "latest": (
            "Zum Ausbildungsjahr 2026 haben neun Auszubildende mit Migrationsgeschichte bei der "
            "Stadt begonnen (2021: drei).",
            "Erfahrungen auswerten und in das reguläre Ausbildungsmarketing übernehmen.",
            "",
        ),
    },
    {
        "code": "3.5",
        "title": "Berufliche Perspektiven für Frauen mit Migrationsgeschichte",
        "description": (
            "Orientierungskurs mit Praktikum, Bewerbungstraining und Kinderbetreuung für Frauen, "
            "die erstmals in Deutschland arbeiten möchten."
        ),
        "goal": "Frauen mit Migrationsgeschichte nehmen eine Ausbildung oder Arbeit auf.",
        "target_groups": "Frauen mit Migrationsgeschichte ohne Berufserfahrung in Deutschland",
        "lead": "Jobcenter Landkreis Göppingen",
        "partners": [
            "Volkshochschule Göppingen",
            "Afghanischer Frauenverein Neue Wege e. V.",
            "AWO Kreisverband Göppingen",
        ],
        "priority": "high",
        "period": ("2022-01-01", "2025-06-30"),
        "status": "delayed",
        "progress": 30,
        "latest": (
            "Der zweite Kursdurchgang musste verschoben werden, weil keine Kinderbetreuung zur "
            "Verfügung stand.",
            "Kinderbetreuung über die Familienbildungsstätte sichern; Neustart im Frühjahr 2027.",
            "Fehlende Betreuungsplätze; Kursträger hat gewechselt.",
        ),
        "pending": (
            "submitted",
            "in_progress",
            35,
            "Die Kinderbetreuung ist gesichert, der Kurs startet im März 2027 mit 14 Frauen.",
            "",
        ),
    },
    {
        "code": "3.6",
        "title": "Existenzgründungsberatung für Migrantinnen und Migranten",
        "description": (
            "Gründungsberatung mit Sprachmittlung und ein Gründungsstammtisch für Menschen, die "
            "sich selbstständig machen wollen."
        ),
        "goal": "Tragfähige Gründungen durch Menschen mit Migrationsgeschichte.",
        "target_groups": "Gründungsinteressierte mit Migrationsgeschichte",
        "lead": "Wirtschaftsförderung der Stadt Göppingen",
        "partners": ["IHK-Bezirkskammer Göppingen", "Circolo Ponte e. V."],
        "priority": "low",
        "period": ("2021-01-01", "2024-12-31"),
        "status": "paused",
        "progress": 20,
        "reports": (0, 5),
        "latest": (
            "Die Beratung ruht, bis die Stelle in der Wirtschaftsförderung wieder besetzt ist.",
            "Nach der Neubesetzung über eine Fortführung entscheiden.",
            "Stelle unbesetzt.",
        ),
    },
    {
        "code": "3.7",
        "title": "Jobmesse „Vielfalt arbeitet“",
        "description": "Jährliche Jobmesse mit Betrieben, die gezielt Zugewanderte ansprechen.",
        "goal": "Direkter Kontakt zwischen Betrieben und Arbeitsuchenden.",
        "target_groups": "Arbeitsuchende mit Migrationsgeschichte; Betriebe",
        "lead": "Agentur für Arbeit Göppingen",
        "partners": ["Wirtschaftsförderung der Stadt Göppingen", "Stauferland Logistik GmbH"],
        "priority": "low",
        "period": ("2020-01-01", "2024-12-31"),
        "status": "dropped",
        "progress": 10,
        "predecessor": "2.2",
        "reports": (0, 2),
        "latest": (
            "Die Jobmesse wird nicht weiterverfolgt: Die Zielgruppe wird über die Ausbildungs- "
            "und Jobbörsen der Kammern besser erreicht.",
            "",
            "",
        ),
    },
    {
        "code": "3.8",
        "title": "Praktikumsbörse mit Betrieben aus der Region",
        "description": "Online-Börse und Vermittlung von Praktika für Zugewanderte.",
        "goal": "Praktika als Einstieg in Ausbildung und Arbeit.",
        "target_groups": "Zugewanderte Jugendliche und Erwachsene; Betriebe",
        "lead": "IHK-Bezirkskammer Göppingen",
        "partners": [
            "Kreishandwerkerschaft Göppingen",
            "Stauferland Logistik GmbH",
            "Berufsschulzentrum Göppingen (VABO-Klassen)",
        ],
        "priority": "medium",
        "period": ("2027-01-01", "2028-12-31"),
        "status": "planned",
        "progress": 0,
        "public": False,
        "reports": None,
    },
]
