"""Measures of the action field 1 Sprache.

Keys: period is (start, end), an end of None means a continuous task; reports is the (first, last)
index into REPORTING_DATES of the accepted reports (default: all), None for no report yet;
latest is the last accepted report (text, next steps, obstacles); pending is a later report not
yet accepted (review state, status, progress, text, review comment); predecessor is the code of
the measure in the first plan that this one continues.
"""

MEASURES_1 = [
    {
        "code": "1.1",
        "title": "Mama lernt Deutsch",
        "description": (
            "Niedrigschwelliger Deutschkurs für Mütter, die von anderen Sprachkursen bisher nicht "
            "erreicht wurden. Die Kurse finden vormittags in Schulen und Kitas der Stadtteile "
            "statt; parallel wird eine Kinderbetreuung angeboten."
        ),
        "goal": (
            "Mütter erwerben Grundkenntnisse in Deutsch (Niveau A1/A2), gewinnen Sicherheit im "
            "Kontakt mit Kita, Schule und Ämtern und finden den Weg in weiterführende Kurse."
        ),
        "target_groups": "Mütter mit Migrationsgeschichte, besonders mit kleinen Kindern",
        "lead": "Volkshochschule Göppingen",
        "partners": [
            "Familienbildungsstätte Göppingen",
            "Verein Brücke der Kulturen e. V.",
            "Referat Kinder, Jugend und Familie",
        ],
        "priority": "high",
        "period": ("2019-09-01", "2027-07-31"),
        "status": "in_progress",
        "progress": 70,
        "cost": "28000",
        "funding": "Städtischer Haushalt; VwV Integration des Landes Baden-Württemberg",
        "predecessor": "1.1",
        "latest": (
            "Im Herbst 2026 laufen vier Kursgruppen mit zusammen 46 Teilnehmerinnen, zwei davon "
            "neu in Kitas der Stadtteile. Die Kinderbetreuung ist in allen Gruppen gesichert.",
            "Fünfte Kursgruppe ab Februar 2027; Übergänge in Integrationskurse gezielt begleiten.",
            "Kursleitungen für Vormittagskurse sind schwer zu gewinnen.",
        ),
        "pending": (
            "submitted",
            "in_progress",
            75,
            "Die fünfte Kursgruppe ist belegt, die Warteliste umfasst zwölf Frauen.",
            "",
        ),
    },
    {
        "code": "1.2",
        "title": "Sprachziel 2035: Alle Kinder starten mit guten Deutschkenntnissen in die Schule",
        "description": (
            "Langfristiges Ziel des Integrationsplans: Bis 2035 verfügen alle Kinder bei der "
            "Einschulung über altersgemäße Deutschkenntnisse. Die Maßnahme bündelt die "
            "Sprachförderung von der Kita bis zur Grundschule und wertet die "
            "Einschulungsuntersuchung jährlich aus."
        ),
        "goal": (
            "Der Anteil der Kinder mit altersgemäßen Deutschkenntnissen bei der Einschulung "
            "steigt jedes Jahr und erreicht 2035 alle Kinder."
        ),
        "target_groups": "Kinder im Vorschulalter und ihre Eltern; Kitas und Grundschulen",
        "lead": "Referat Schulen und Bildung",
        "partners": ["Referat Kinder, Jugend und Familie", "Staatliches Schulamt Göppingen"],
        "priority": "high",
        "period": ("2019-04-11", "2035-12-31"),
        "status": "in_progress",
        "progress": 35,
        "funding": "Städtischer Haushalt",
        "latest": (
            "Die Einschulungsuntersuchung 2026 zeigt einen leichten Rückgang des "
            "Sprachförderbedarfs. Alle städtischen Kitas nutzen nun dasselbe "
            "Beobachtungsverfahren.",
            "Freie Träger in das Beobachtungsverfahren einbeziehen; Zwischenbilanz im "
            "Integrationsausschuss im Frühjahr 2027.",
            "Der Fachkräftemangel in den Kitas erschwert eine durchgängige Sprachbildung.",
        ),
    },
    {
        "code": "1.3",
        "title": "Sprachcafés und Gesprächskreise in den Stadtteilen",
        "description": (
            "Ehrenamtlich begleitete Treffpunkte, in denen Deutsch im Gespräch geübt wird – "
            "offen, kostenlos und ohne Anmeldung."
        ),
        "goal": "Alltagssprache üben, Kontakte knüpfen, Hemmungen beim Sprechen abbauen.",
        "target_groups": "Erwachsene mit ersten Deutschkenntnissen",
        "lead": "Sprachcafé Miteinander",
        "partners": ["Stadtbibliothek Göppingen", "Freundeskreis Willkommen Göppingen"],
        "priority": "medium",
        "period": ("2019-10-01", None),
        "status": "continuous",
        "progress": 100,
        "cost": "3000",
        "funding": "Verfügungsfonds der Stabsstelle Migration und Teilhabe",
        "latest": (
            "Die Sprachcafés finden wöchentlich in der Stadtbibliothek und in zwei "
            "Begegnungsstätten statt, im Schnitt mit 25 Gästen.",
            "Neue Ehrenamtliche gewinnen; Themenabende zu Arztbesuch und Behördengängen.",
            "",
        ),
    },
    {
        "code": "1.4",
        "title": "Alltagsintegrierte Sprachbildung in Kindertageseinrichtungen",
        "description": (
            "Fachkräfte der Kitas werden zu Sprachbegleiterinnen und Sprachbegleitern "
            "fortgebildet; Sprachbildung wird in den Kita-Alltag eingebettet."
        ),
        "goal": "Jedes Kind erhält in der Kita kontinuierliche sprachliche Anregung.",
        "target_groups": "Kinder von 1 bis 6 Jahren; pädagogische Fachkräfte",
        "lead": "Referat Kinder, Jugend und Familie",
        "partners": ["Familienbildungsstätte Göppingen", "Referat Schulen und Bildung"],
        "priority": "high",
        "period": ("2019-09-01", None),
        "status": "continuous",
        "progress": 100,
        "funding": "Städtischer Haushalt; Landesprogramm Sprachförderung",
        "predecessor": "1.2",
        "latest": (
            "Alle städtischen Kitas arbeiten nach dem Konzept der alltagsintegrierten "
            "Sprachbildung; 2026 wurden zwölf Fachkräfte fortgebildet.",
            "Fortbildungsreihe 2027 mit den freien Trägern abstimmen.",
            "",
        ),
    },
    {
        "code": "1.5",
        "title": "Pool von Sprach- und Kulturmittlerinnen und -mittlern",
        "description": (
            "Aufbau eines Pools geschulter ehrenamtlicher Sprach- und Kulturmittler, die bei "
            "Elterngesprächen, Beratungen und Behördenterminen dolmetschen. Die Vermittlung "
            "übernimmt die Stabsstelle."
        ),
        "goal": "Verständigung in Beratung, Kita und Schule auch ohne gemeinsame Sprache.",
        "target_groups": "Neu Zugewanderte; Fachkräfte in Kitas, Schulen und Beratungsstellen",
        "lead": "Stabsstelle Migration und Teilhabe",
        "partners": [
            "Caritas Fils-Neckar-Alb",
            "Verein Brücke der Kulturen e. V.",
            "Arabischer Elternverein Al-Amal e. V.",
        ],
        "priority": "high",
        "period": ("2019-06-01", "2025-06-30"),
        "status": "done",
        "progress": 100,
        "cost": "12000",
        "funding": "VwV Integration des Landes Baden-Württemberg",
        "reports": (0, 5),
        "latest": (
            "Der Pool ist aufgebaut: 38 geschulte Sprachmittlerinnen und Sprachmittler für 17 "
            "Sprachen. Die Vermittlung ist in den Regelbetrieb der Stabsstelle übergegangen.",
            "Keine; jährliche Auffrischungsschulung im Regelbetrieb.",
            "",
        ),
    },
    {
        "code": "1.6",
        "title": "Mehrsprachige Vorlesestunden in der Stadtbibliothek",
        "description": (
            "Monatliche Vorlesestunden in Deutsch und in den Herkunftssprachen; Ausbau des "
            "mehrsprachigen Medienbestands."
        ),
        "goal": "Familien erleben Mehrsprachigkeit als Stärke und nutzen die Bibliothek.",
        "target_groups": "Kinder von 3 bis 10 Jahren und ihre Eltern",
        "lead": "Stadtbibliothek Göppingen",
        "partners": [
            "Lesepaten Göppingen",
            "Ukrainische Initiative Soniachnyk e. V.",
            "Circolo Ponte e. V.",
        ],
        "priority": "low",
        "period": ("2022-01-01", "2026-12-31"),
        "status": "in_progress",
        "progress": 80,
        "latest": (
            "Monatlich finden Vorlesestunden in sechs Sprachen statt; der Bestand in "
            "Herkunftssprachen wurde um 400 Titel erweitert.",
            "Abschlussbericht im Dezember 2026; Übergang in das Regelangebot der Bibliothek.",
            "",
        ),
        "pending": (
            "returned",
            "done",
            100,
            "Die Maßnahme ist abgeschlossen.",
            "Die Maßnahme läuft bis Ende 2026. Bitte den Stand zum Stichtag angeben und den "
            "Abschluss im Dezember melden.",
        ),
    },
    {
        "code": "1.7",
        "title": "Berufsbezogene Deutschkurse gemeinsam planen und vermitteln",
        "description": (
            "Jobcenter, Agentur für Arbeit und Volkshochschule informieren gemeinsam über "
            "Berufssprachkurse und vermitteln passgenau; Teilzeitkurse sollen Berufstätigen die "
            "Teilnahme ermöglichen."
        ),
        "goal": "Mehr Berufstätige erreichen das Sprachniveau B2.",
        "target_groups": "Beschäftigte und Arbeitsuchende mit Sprachniveau B1",
        "lead": "Jobcenter Landkreis Göppingen",
        "partners": ["Agentur für Arbeit Göppingen", "Volkshochschule Göppingen"],
        "priority": "high",
        "period": ("2020-01-01", "2025-12-31"),
        "status": "delayed",
        "progress": 45,
        "latest": (
            "Die geplanten Teilzeitkurse konnten 2026 nicht starten, weil zu wenige Anmeldungen "
            "im passenden Sprachniveau vorlagen.",
            "Bedarfserhebung mit Betrieben; neuen Kursstart für Herbst 2027 prüfen.",
            "Kürzung der Bundesmittel für Berufssprachkurse; lange Wartezeiten auf Kursplätze.",
        ),
    },
    {
        "code": "1.8",
        "title": "Alphabetisierungskurse für Erwachsene",
        "description": (
            "Kurse für Erwachsene, die nicht oder nicht in lateinischer Schrift lesen und "
            "schreiben können, mit Kinderbetreuung."
        ),
        "goal": "Lesen und Schreiben als Voraussetzung für Integrationskurs und Beruf.",
        "target_groups": "Erwachsene ohne ausreichende Lese- und Schreibkenntnisse",
        "lead": "Volkshochschule Göppingen",
        "partners": ["Caritas Fils-Neckar-Alb", "Afghanischer Frauenverein Neue Wege e. V."],
        "priority": "medium",
        "period": ("2027-01-01", "2028-12-31"),
        "status": "planned",
        "progress": 0,
        "cost": "15000",
        "funding": "Förderantrag beim Land gestellt",
        "reports": (7, 10),
        "latest": (
            "Konzept und Förderantrag sind erarbeitet; über die Landesförderung ist noch nicht "
            "entschieden.",
            "Räume und Kursleitung sichern, sobald die Förderzusage vorliegt.",
            "",
        ),
    },
]
