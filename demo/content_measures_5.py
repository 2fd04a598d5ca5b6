"""Measures of the action field 5 Werte/Regeln/Normen (keys as in content_measures_1)."""

MEASURES_5 = [
    {
        "code": "5.1",
        "title": "Mobilfreundliche Integrationswebsite mit allen Angeboten",
        "description": (
            "Eine Website bündelt alle Integrationsangebote in Göppingen – Sprachkurse, "
            "Beratung, Vereine, Veranstaltungen – mobilfreundlich, barrierearm, in einfacher "
            "Sprache und mit Übersetzungen in die häufigsten Sprachen."
        ),
        "goal": "Alle Angebote sind an einer Stelle zu finden, auch auf dem Smartphone.",
        "target_groups": "Zugewanderte; Fachkräfte und Ehrenamtliche im Netzwerk",
        "lead": "Stabsstelle Migration und Teilhabe",
        "partners": [
            "Volkshochschule Göppingen",
            "Caritas Fils-Neckar-Alb",
            "Stadtbibliothek Göppingen",
        ],
        "priority": "high",
        "period": ("2019-09-01", "2025-03-31"),
        "status": "done",
        "progress": 100,
        "cost": "18000",
        "funding": "VwV Integration; Städtischer Haushalt",
        "predecessor": "4.1",
        "reports": (0, 4),
        "latest": (
            "Die Website ist seit März 2025 online; über 120 Angebote sind erfasst. Die Anbieter "
            "pflegen ihre Einträge selbst über ein Redaktionskonto.",
            "Pflege im Regelbetrieb der Stabsstelle.",
            "",
        ),
    },
    {
        "code": "5.2",
        "title": "Orientierungskurse „Leben in Göppingen“",
        "description": (
            "Kurzkurse zu Grundrechten, Gleichberechtigung, Schule, Gesundheit und Verwaltung, "
            "mit Besuchen im Rathaus und bei der Polizei."
        ),
        "goal": "Neu Zugewanderte kennen Regeln, Rechte und Ansprechpartner vor Ort.",
        "target_groups": "Neu Zugewanderte in den ersten zwei Jahren",
        "lead": "Volkshochschule Göppingen",
        "partners": [
            "Polizeirevier Göppingen",
            "Stabsstelle Migration und Teilhabe",
            "Islamische Gemeinde Filstal e. V.",
        ],
        "priority": "medium",
        "period": ("2020-01-01", "2027-12-31"),
        "status": "in_progress",
        "progress": 65,
        "cost": "8000",
        "funding": "VwV Integration des Landes Baden-Württemberg",
        "latest": (
            "2026 fanden fünf Kurse statt, davon einer nur für Frauen; 84 Teilnehmende.",
            "Kurs auf Ukrainisch und Arabisch im ersten Halbjahr 2027.",
            "",
        ),
    },
    {
        "code": "5.3",
        "title": "Interkulturelle Woche",
        "description": (
            "Jährliche Aktionswoche im September mit Veranstaltungen von Vereinen, Kirchen, "
            "Moscheegemeinden, Schulen und Stadt."
        ),
        "goal": "Vielfalt sichtbar machen und Begegnung fördern.",
        "target_groups": "Stadtgesellschaft",
        "lead": "Stabsstelle Migration und Teilhabe",
        "partners": [
            "Evangelische Gesamtkirchengemeinde Göppingen",
            "Katholische Gesamtkirchengemeinde Göppingen",
            "Runder Tisch der Religionen Göppingen",
        ],
        "priority": "medium",
        "period": ("2019-09-01", None),
        "status": "continuous",
        "progress": 100,
        "cost": "6000",
        "funding": "Städtischer Haushalt",
        "latest": (
            "Die Interkulturelle Woche 2026 bot 31 Veranstaltungen von 24 Akteuren.",
            "Auswertungstreffen im November; Planung 2027 beginnt im Februar.",
            "",
        ),
    },
    {
        "code": "5.4",
        "title": "Anlaufstelle für Antidiskriminierungsberatung",
        "description": (
            "Eine unabhängige Beratungsstelle für Menschen, die Diskriminierung erleben, mit "
            "Sprechstunden in Göppingen."
        ),
        "goal": "Betroffene finden Beratung; Diskriminierung wird dokumentiert und bearbeitet.",
        "target_groups": "Menschen mit Diskriminierungserfahrungen",
        "lead": "Kreisdiakonieverband im Landkreis Göppingen (Diakonisches Werk)",
        "partners": ["Stabsstelle Migration und Teilhabe", "Afrikanisches Forum Filstal e. V."],
        "priority": "high",
        "period": ("2021-01-01", "2026-06-30"),
        "status": "delayed",
        "progress": 25,
        "latest": (
            "Die Trägerschaft ist geklärt, die Finanzierung für 2027 aber noch nicht gesichert.",
            "Förderantrag beim Land; Entscheidung im Haushalt 2027.",
            "Offene Finanzierung; kein geeigneter Raum mit barrierefreiem Zugang.",
        ),
        "pending": (
            "submitted",
            "delayed",
            30,
            "Der Förderantrag ist gestellt; ein barrierefreier Raum im Quartiersbüro ist gefunden.",
            "",
        ),
    },
    {
        "code": "5.5",
        "title": "Dialog der Religionen",
        "description": (
            "Der Runde Tisch der Religionen trifft sich zweimal jährlich und lädt zu "
            "gegenseitigen Besuchen in Kirchen, Moscheen und Gemeindehäusern ein."
        ),
        "goal": "Vertrauen zwischen den Religionsgemeinschaften; gemeinsame Haltung in Konflikten.",
        "target_groups": "Religionsgemeinschaften; interessierte Öffentlichkeit",
        "lead": "Runder Tisch der Religionen Göppingen",
        "partners": [
            "Evangelische Gesamtkirchengemeinde Göppingen",
            "Katholische Gesamtkirchengemeinde Göppingen",
            "Islamische Gemeinde Filstal e. V.",
        ],
        "priority": "medium",
        "period": ("2019-04-11", None),
        "status": "continuous",
        "progress": 100,
        "latest": (
            "Zwei Treffen und ein Tag der offenen Tür in vier Gemeinden fanden statt.",
            "Gemeinsames Friedensgebet im Rahmen der Interkulturellen Woche 2027.",
            "",
        ),
    },
    {
        "code": "5.6",
        "title": "Stärkung der Migrantenorganisationen",
        "description": (
            "Vereinsberatung, Fortbildungen zu Vereinsrecht, Fördermitteln und "
            "Öffentlichkeitsarbeit sowie ein Mikroförderfonds für Projekte der "
            "Migrantenorganisationen."
        ),
        "goal": "Migrantenorganisationen sind starke, anerkannte Partner im Netzwerk.",
        "target_groups": "Migrantenorganisationen und ihre Ehrenamtlichen",
        "lead": "Stabsstelle Migration und Teilhabe",
        "partners": [
            "Verein Brücke der Kulturen e. V.",
            "Circolo Ponte e. V.",
            "Kulturverein Raduga e. V.",
        ],
        "priority": "high",
        "period": ("2019-09-01", "2027-12-31"),
        "status": "in_progress",
        "progress": 55,
        "cost": "10000",
        "funding": "Mikroförderfonds im städtischen Haushalt",
        "latest": (
            "Aus dem Mikroförderfonds wurden 2026 neun Projekte gefördert; die Fortbildung "
            "„Vereinsfinanzen“ hatte 19 Teilnehmende.",
            "Förderrichtlinie vereinfachen; Antragsformular online bereitstellen.",
            "",
        ),
    },
    {
        "code": "5.7",
        "title": "Interkulturelle Öffnung der Stadtverwaltung",
        "description": (
            "Schulungen für Beschäftigte mit Publikumsverkehr, mehrsprachige Formulare und "
            "Leitfaden für Sprachmittlung in der Verwaltung."
        ),
        "goal": "Alle Bürgerinnen und Bürger werden in der Verwaltung gut verstanden und beraten.",
        "target_groups": "Beschäftigte der Stadtverwaltung",
        "lead": "Personalamt der Stadt Göppingen",
        "partners": ["Stabsstelle Migration und Teilhabe", "Volkshochschule Göppingen"],
        "priority": "medium",
        "period": ("2019-04-11", "2026-12-31"),
        "status": "in_progress",
        "progress": 75,
        "predecessor": "4.2",
        "latest": (
            "312 Beschäftigte haben die Schulung besucht; der Leitfaden Sprachmittlung ist "
            "veröffentlicht.",
            "Schulung in das Einarbeitungsprogramm für neue Beschäftigte aufnehmen.",
            "",
        ),
    },
    {
        "code": "5.8",
        "title": "„Demokratie erleben“: Wahlen und Beteiligung verstehen",
        "description": (
            "Informationsabende und Rathausbesuche zu Kommunalwahl, Einbürgerung und "
            "Beteiligungsmöglichkeiten in der Stadt."
        ),
        "goal": "Mehr Zugewanderte beteiligen sich am politischen Leben der Stadt.",
        "target_groups": "Zugewanderte, besonders Eingebürgerte und EU-Bürgerinnen und -Bürger",
        "lead": "Stabsstelle Migration und Teilhabe",
        "partners": ["Stadtjugendring Göppingen e. V.", "Afrikanisches Forum Filstal e. V."],
        "priority": "medium",
        "period": ("2027-01-01", "2027-12-31"),
        "status": "planned",
        "progress": 0,
        "reports": (9, 10),
        "latest": (
            "Die Reihe ist für 2027 geplant; die Termine werden mit dem Stadtjugendring "
            "abgestimmt.",
            "Programm bis Januar 2027 festlegen.",
            "",
        ),
    },
    {
        "code": "5.9",
        "title": "Gewaltprävention und Gleichberechtigung: Workshops für Frauen und Männer",
        "description": (
            "Getrennte Workshops zu Rechten, Gleichberechtigung und Hilfe bei häuslicher Gewalt, "
            "mit Sprachmittlung."
        ),
        "goal": "Betroffene kennen ihre Rechte und die Hilfsangebote.",
        "target_groups": "Zugewanderte Frauen und Männer",
        "lead": "Polizeirevier Göppingen",
        "partners": ["AWO Kreisverband Göppingen", "Afghanischer Frauenverein Neue Wege e. V."],
        "priority": "medium",
        "period": ("2022-01-01", "2026-12-31"),
        "status": "paused",
        "progress": 35,
        "public": False,
        "reports": (0, 7),
        "latest": (
            "Die Workshops für Männer ruhen, weil die Referenten nicht mehr zur Verfügung stehen.",
            "Neue Referenten über den Runden Tisch gegen häusliche Gewalt gewinnen.",
            "Keine geeigneten Referenten mit passenden Sprachkenntnissen.",
        ),
    },
]
