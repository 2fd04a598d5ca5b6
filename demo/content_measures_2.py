"""Measures of the action field 2 Bildung (keys as in content_measures_1)."""

MEASURES_2 = [
    {
        "code": "2.1",
        "title": "Elternmentorinnen und Elternmentoren an Grundschulen",
        "description": (
            "Geschulte Eltern mit Migrationsgeschichte begleiten andere Eltern bei Elternabenden, "
            "Gesprächen und beim Übergang auf die weiterführende Schule."
        ),
        "goal": "Eltern kennen das Schulsystem und begleiten die Bildung ihrer Kinder aktiv.",
        "target_groups": "Eltern von Grundschulkindern",
        "lead": "Referat Schulen und Bildung",
        "partners": [
            "Verein Brücke der Kulturen e. V.",
            "Arabischer Elternverein Al-Amal e. V.",
            "Staatliches Schulamt Göppingen",
        ],
        "priority": "high",
        "period": ("2019-09-01", "2027-07-31"),
        "status": "in_progress",
        "progress": 60,
        "cost": "9000",
        "funding": "VwV Integration des Landes Baden-Württemberg",
        "latest": (
            "An fünf Grundschulen sind 22 Elternmentorinnen und Elternmentoren aktiv; sie "
            "begleiten Elternabende und Einschulungsgespräche.",
            "Zweite Schulungsrunde im Frühjahr 2027 für zwei weitere Schulen.",
            "",
        ),
        "pending": (
            "submitted",
            "in_progress",
            65,
            "Die Schulungsrunde für zwei weitere Schulen ist ausgeschrieben; 14 Anmeldungen.",
            "",
        ),
    },
    {
        "code": "2.2",
        "title": "Hausaufgabenhilfe und Lernpatenschaften",
        "description": (
            "Ehrenamtliche Lernpatinnen und Lernpaten unterstützen Schulkinder einmal pro Woche "
            "bei Hausaufgaben und beim Lesen."
        ),
        "goal": "Schulkinder erhalten verlässliche Lernbegleitung außerhalb der Familie.",
        "target_groups": "Schulkinder der Klassen 1 bis 7",
        "lead": "Lesepaten Göppingen",
        "partners": ["AWO Kreisverband Göppingen", "Stadtjugendring Göppingen e. V."],
        "priority": "medium",
        "period": ("2019-04-11", None),
        "status": "continuous",
        "progress": 100,
        "predecessor": "1.3",
        "latest": (
            "64 Lernpatenschaften sind aktiv, davon 18 neu seit dem Frühjahr.",
            "Fortbildung der Patinnen und Paten zum Thema Leseförderung.",
            "",
        ),
    },
    {
        "code": "2.3",
        "title": "Bildungsberatung für neu zugewanderte Jugendliche am Übergang Schule–Beruf",
        "description": (
            "Individuelle Beratung und Begleitung von Jugendlichen aus VABO-Klassen bei der Wahl "
            "von Schulabschluss, Ausbildung und Anschlussangeboten."
        ),
        "goal": "Jeder Jugendliche verlässt die VABO-Klasse mit einem konkreten Anschluss.",
        "target_groups": "Neu zugewanderte Jugendliche von 15 bis 21 Jahren",
        "lead": "Kreisdiakonieverband im Landkreis Göppingen (Diakonisches Werk)",
        "partners": [
            "Berufsschulzentrum Göppingen (VABO-Klassen)",
            "Agentur für Arbeit Göppingen",
        ],
        "priority": "high",
        "period": ("2020-09-01", "2027-08-31"),
        "status": "in_progress",
        "progress": 55,
        "latest": (
            "Im Schuljahr 2025/26 wurden 73 Jugendliche beraten; 51 haben einen Anschluss in "
            "Schule oder Ausbildung gefunden.",
            "Sprechstunde direkt an der Berufsschule ausweiten.",
            "Kurzfristige Zuweisungen im laufenden Schuljahr erschweren die Planung.",
        ),
    },
    {
        "code": "2.4",
        "title": "Elternabende „Schule in Deutschland“ in mehreren Sprachen",
        "description": (
            "Informationsabende zum Schulsystem in Baden-Württemberg, mit Sprachmittlung in "
            "fünf Sprachen."
        ),
        "goal": "Eltern treffen Schulentscheidungen informiert.",
        "target_groups": "Eltern neu zugewanderter Kinder",
        "lead": "Staatliches Schulamt Göppingen",
        "partners": [
            "Stabsstelle Migration und Teilhabe",
            "Griechischer Elternverein Ellada Filstal e. V.",
            "Kulturverein Raduga e. V.",
        ],
        "priority": "medium",
        "period": ("2019-10-01", "2024-12-31"),
        "status": "done",
        "progress": 100,
        "reports": (0, 3),
        "latest": (
            "Alle geplanten zwölf Elternabende haben stattgefunden; die Materialien stehen auf "
            "der Integrationswebsite zum Download bereit.",
            "",
            "",
        ),
    },
    {
        "code": "2.5",
        "title": "Interkulturelle Fortbildung für pädagogische Fachkräfte",
        "description": "Jährliche Fortbildungsreihe zu Vielfalt, Mehrsprachigkeit, Elternarbeit.",
        "goal": "Fachkräfte gehen sicher mit Vielfalt in Kita und Schule um.",
        "target_groups": "Erzieherinnen, Erzieher, Lehrkräfte, Schulsozialarbeit",
        "lead": "Referat Kinder, Jugend und Familie",
        "partners": ["Volkshochschule Göppingen", "Caritas Fils-Neckar-Alb"],
        "priority": "medium",
        "period": ("2020-01-01", None),
        "status": "continuous",
        "progress": 100,
        "latest": (
            "Die Reihe 2026 mit vier Modulen war mit 96 Teilnehmenden ausgebucht.",
            "Programm 2027 mit Schwerpunkt Elternarbeit erstellen.",
            "",
        ),
    },
    {
        "code": "2.6",
        "title": "Kita-Einstieg: Brückenangebote für Familien ohne Kitaplatz",
        "description": (
            "Offene Spielgruppen und Eltern-Kind-Treffs bereiten Familien ohne Kitaplatz auf den "
            "Kita-Besuch vor."
        ),
        "goal": "Familien finden den Weg in die Kindertagesbetreuung.",
        "target_groups": "Familien mit Kindern unter sechs Jahren ohne Kitaplatz",
        "lead": "Familienbildungsstätte Göppingen",
        "partners": ["Referat Kinder, Jugend und Familie", "DRK-Kreisverband Göppingen"],
        "priority": "medium",
        "period": ("2021-03-01", "2026-12-31"),
        "status": "paused",
        "progress": 40,
        "funding": "Bundesprogramm (ausgelaufen)",
        "reports": (0, 6),
        "latest": (
            "Nach dem Ende der Bundesförderung ruhen die Spielgruppen seit dem Sommer 2025.",
            "Fortführung über Landesmittel oder den städtischen Haushalt prüfen.",
            "Keine Anschlussfinanzierung.",
        ),
    },
    {
        "code": "2.7",
        "title": "Sommerschule für Seiteneinsteigerinnen und Seiteneinsteiger",
        "description": (
            "Zweiwöchige Sommerschule mit Deutsch am Vormittag und Freizeitangeboten am "
            "Nachmittag für Kinder aus Vorbereitungsklassen."
        ),
        "goal": "Kein Sprachverlust in den Sommerferien; Kontakte zu Gleichaltrigen.",
        "target_groups": "Schülerinnen und Schüler aus Vorbereitungsklassen",
        "lead": "Referat Schulen und Bildung",
        "partners": ["Volkshochschule Göppingen", "Stadtjugendring Göppingen e. V."],
        "priority": "medium",
        "period": ("2023-07-01", "2025-09-15"),
        "status": "done",
        "progress": 100,
        "cost": "7500",
        "funding": "Städtischer Haushalt",
        "reports": (0, 6),
        "latest": (
            "Die dritte und letzte Sommerschule fand mit 48 Kindern statt. Das Konzept geht an "
            "die Schulen über, die es in eigener Verantwortung fortführen.",
            "",
            "",
        ),
    },
    {
        "code": "2.8",
        "title": "Digitale Elternbildung „Eltern digital“",
        "description": (
            "Kurse für Eltern zu Schulplattformen, Medienerziehung und digitaler Kommunikation "
            "mit der Schule."
        ),
        "goal": "Eltern nutzen die digitalen Kanäle der Schulen sicher.",
        "target_groups": "Eltern mit geringen digitalen Kenntnissen",
        "lead": "Stadtbibliothek Göppingen",
        "partners": ["Familienbildungsstätte Göppingen", "Ukrainische Initiative Soniachnyk e. V."],
        "priority": "low",
        "period": ("2027-03-01", "2028-02-29"),
        "status": "planned",
        "progress": 0,
        "public": False,
        "reports": (8, 10),
        "latest": (
            "Die Maßnahme ist für 2027 vorgesehen; erste Gespräche mit zwei Schulen fanden statt.",
            "Kurskonzept mit der Familienbildungsstätte abstimmen.",
            "",
        ),
    },
]
