"""Measures of the action field 4 Wohnen (keys as in content_measures_1)."""

MEASURES_4 = [
    {
        "code": "4.1",
        "title": "Vermieterberatung und Wohnraumvermittlung für Geflüchtete",
        "description": (
            "Private Vermieterinnen und Vermieter werden beraten und bei der Vermietung an "
            "Geflüchtete begleitet; eine Ansprechperson steht für Fragen im Mietverhältnis "
            "bereit."
        ),
        "goal": "Geflüchtete ziehen aus der Anschlussunterbringung in eigene Wohnungen.",
        "target_groups": "Geflüchtete in der Anschlussunterbringung; private Vermietende",
        "lead": "Referat Stadtentwicklung und Wohnen",
        "partners": [
            "Kommunale Wohnungsbaugesellschaft Göppingen mbH",
            "Caritas Fils-Neckar-Alb",
            "DRK-Kreisverband Göppingen",
        ],
        "priority": "high",
        "period": ("2019-06-01", "2026-09-30"),
        "status": "in_progress",
        "progress": 60,
        "cost": "40000",
        "funding": "Städtischer Haushalt; Pakt für Integration",
        "latest": (
            "Seit Projektbeginn wurden 96 Wohnungen vermittelt, 2026 bisher elf.",
            "Verlängerung über 2026 hinaus im Gemeinderat beantragen.",
            "Der Wohnungsmarkt ist angespannt; viele Vermietende zögern.",
        ),
        "pending": (
            "returned",
            "in_progress",
            65,
            "Weitere Wohnungen wurden vermittelt.",
            "Bitte die Zahl der im Berichtszeitraum vermittelten Wohnungen ergänzen.",
        ),
    },
    {
        "code": "4.2",
        "title": "Wohnführerschein: Kurse für künftige Mieterinnen und Mieter",
        "description": (
            "Kurs zu Mietvertrag, Nebenkosten, Heizen und Lüften, Hausordnung und "
            "Nachbarschaft; mit Zertifikat, das Vermietende anerkennen."
        ),
        "goal": "Gelingende Mietverhältnisse von Anfang an.",
        "target_groups": "Wohnungssuchende Geflüchtete und Zugewanderte",
        "lead": "DRK-Kreisverband Göppingen",
        "partners": [
            "Kommunale Wohnungsbaugesellschaft Göppingen mbH",
            "Volkshochschule Göppingen",
        ],
        "priority": "medium",
        "period": ("2020-01-01", None),
        "status": "continuous",
        "progress": 100,
        "latest": (
            "Sechs Kurse mit 71 Teilnehmenden im Jahr 2026; die kommunale Wohnungsbaugesellschaft "
            "berücksichtigt das Zertifikat bei der Vergabe.",
            "Kursmaterial in einfacher Sprache überarbeiten.",
            "",
        ),
    },
    {
        "code": "4.3",
        "title": "Quartiersarbeit in Stadtteilen mit besonderem Entwicklungsbedarf",
        "description": (
            "Quartiersbüros mit offenen Sprechzeiten, Bewohnertreffs und Beteiligung an der "
            "Stadtteilentwicklung."
        ),
        "goal": "Lebendige Nachbarschaften, in denen alle mitreden.",
        "target_groups": "Bewohnerinnen und Bewohner der Fördergebiete",
        "lead": "Referat Stadtentwicklung und Wohnen",
        "partners": [
            "Kreisdiakonieverband im Landkreis Göppingen (Diakonisches Werk)",
            "Stadtjugendring Göppingen e. V.",
            "Balkan-Brücke Göppingen e. V.",
        ],
        "priority": "high",
        "period": ("2019-04-11", None),
        "status": "continuous",
        "progress": 100,
        "funding": "Städtebauförderung (Sozialer Zusammenhalt); Städtischer Haushalt",
        "latest": (
            "Beide Quartiersbüros sind an vier Tagen pro Woche geöffnet; der Bewohnerbeirat "
            "tagt monatlich.",
            "Bewohnerbefragung 2027 vorbereiten.",
            "",
        ),
    },
    {
        "code": "4.4",
        "title": "Interkulturelle Nachbarschaftsfeste",
        "description": "Jährliche Feste in den Stadtteilen, von Vereinen und Nachbarn organisiert.",
        "goal": "Begegnung und Kennenlernen in der Nachbarschaft.",
        "target_groups": "Alle Bewohnerinnen und Bewohner",
        "lead": "Balkan-Brücke Göppingen e. V.",
        "partners": [
            "Stadtjugendring Göppingen e. V.",
            "Evangelische Gesamtkirchengemeinde Göppingen",
            "Islamische Gemeinde Filstal e. V.",
        ],
        "priority": "low",
        "period": ("2019-05-01", None),
        "status": "continuous",
        "progress": 100,
        "predecessor": "3.1",
        "reports": (0, 7),
        "latest": (
            "2025 fanden drei Nachbarschaftsfeste mit zusammen rund 1.500 Gästen statt.",
            "Termine 2026 abstimmen.",
            "",
        ),
    },
    {
        "code": "4.5",
        "title": "Mehrsprachige Informationen zu Hausordnung, Mülltrennung und Energiesparen",
        "description": "Piktogramm-Plakate und Faltblätter in acht Sprachen für Wohnanlagen.",
        "goal": "Weniger Konflikte in Hausgemeinschaften.",
        "target_groups": "Mieterinnen und Mieter; Hausverwaltungen",
        "lead": "Kommunale Wohnungsbaugesellschaft Göppingen mbH",
        "partners": [
            "Stabsstelle Migration und Teilhabe",
            "Ukrainische Initiative Soniachnyk e. V.",
            "Arabischer Elternverein Al-Amal e. V.",
        ],
        "priority": "low",
        "period": ("2021-01-01", "2024-10-31"),
        "status": "done",
        "progress": 100,
        "cost": "4500",
        "funding": "Kommunale Wohnungsbaugesellschaft",
        "reports": (0, 3),
        "latest": (
            "Die Materialien liegen in acht Sprachen vor und hängen in allen Wohnanlagen aus.",
            "",
            "",
        ),
    },
    {
        "code": "4.6",
        "title": "Integrationsmanagement in der Anschlussunterbringung",
        "description": (
            "Sozialarbeiterische Begleitung Geflüchteter in der Anschlussunterbringung mit "
            "individuellen Integrationsplänen."
        ),
        "goal": "Geflüchtete werden selbstständig in Wohnen, Sprache, Arbeit und Alltag.",
        "target_groups": "Geflüchtete in der Anschlussunterbringung",
        "lead": "Caritas Fils-Neckar-Alb",
        "partners": [
            "DRK-Kreisverband Göppingen",
            "Stabsstelle Migration und Teilhabe",
            "Landratsamt Göppingen – Integrationsmanagement",
        ],
        "priority": "high",
        "period": ("2019-04-11", "2027-12-31"),
        "status": "in_progress",
        "progress": 70,
        "funding": "Pakt für Integration des Landes Baden-Württemberg",
        "latest": (
            "Das Integrationsmanagement betreut derzeit 412 Personen; für 80 % liegt ein "
            "aktueller Integrationsplan vor.",
            "Fallzahlen je Fachkraft an die Landesvorgaben anpassen.",
            "",
        ),
        "pending": (
            "submitted",
            "in_progress",
            75,
            "Für 85 % der betreuten Personen liegt ein aktueller Integrationsplan vor.",
            "",
        ),
    },
    {
        "code": "4.7",
        "title": "Wohnprojekt „Gemeinsam wohnen“",
        "description": "Gemischte Wohngemeinschaften von Studierenden und jungen Geflüchteten.",
        "goal": "Wohnraum und Alltagskontakte für junge Geflüchtete.",
        "target_groups": "Junge Geflüchtete; Studierende",
        "lead": "Kommunale Wohnungsbaugesellschaft Göppingen mbH",
        "partners": [
            "Kreisdiakonieverband im Landkreis Göppingen (Diakonisches Werk)",
            "Freundeskreis Willkommen Göppingen",
        ],
        "priority": "low",
        "period": ("2020-01-01", "2025-12-31"),
        "status": "dropped",
        "progress": 15,
        "reports": (0, 4),
        "latest": (
            "Das Projekt wird nicht umgesetzt: Ein geeignetes Gebäude steht nicht zur Verfügung. "
            "Die Mittel fließen in die Wohnraumvermittlung (4.1).",
            "",
            "Kein geeignetes Gebäude.",
        ),
    },
]
