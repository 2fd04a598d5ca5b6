"""Working groups and events of the network (persons and details invented).

The current plan grew out of a participation process in 2018: a kick-off conference with about
80 participants and five Fachforen, one per action field. Later events keep the network alive.
"""

# title, action field code, chair (first and last name), member actors, active
WORKING_GROUPS = [
    {
        "title": "Arbeitskreis Sprache und Bildung",
        "field": "1",
        "chair": "Katharina Seitz",
        "actors": [
            "Volkshochschule Göppingen",
            "Staatliches Schulamt Göppingen",
            "Familienbildungsstätte Göppingen",
            "Stadtbibliothek Göppingen",
            "Arabischer Elternverein Al-Amal e. V.",
            "Sprachcafé Miteinander",
        ],
        "description": "Trifft sich viermal im Jahr; stimmt Sprachkursangebote und "
        "Elternarbeit ab.",
    },
    {
        "title": "Arbeitskreis Arbeitsmarktintegration",
        "field": "3",
        "chair": "Markus Dietrich",
        "actors": [
            "Jobcenter Landkreis Göppingen",
            "Agentur für Arbeit Göppingen",
            "IHK-Bezirkskammer Göppingen",
            "Kreishandwerkerschaft Göppingen",
            "Wirtschaftsförderung der Stadt Göppingen",
            "Afrikanisches Forum Filstal e. V.",
        ],
        "description": "Anerkennung ausländischer Abschlüsse, Ausbildungsplätze, "
        "Unternehmerpreis Integration.",
    },
    {
        "title": "Netzwerk der Migrantenorganisationen",
        "field": "5",
        "chair": "Derya Kaya",
        "kind": "migrant_organisation",
        "description": "Austausch der Vereine untereinander und mit der Stabsstelle; "
        "bereitet gemeinsame Stellungnahmen für den Integrationsausschuss vor.",
    },
]

# Events: kick-off (everyone), one Fachforum per action field, later network events.
KICK_OFF = {
    "title": "Auftaktkonferenz zur Fortschreibung des Integrationsplans",
    "kind": "integration_conference",
    "start": "2018-06-27T17:00",
    "end": "2018-06-27T21:00",
    "location": "Stadthalle Göppingen",
    "summary": "Rund 80 Teilnehmende aus Verwaltung, Bildung, Wohlfahrt, Religionsgemeinschaften "
    "und Migrantenorganisationen sammelten Themen für die Fortschreibung. Ergebnis: fünf "
    "Handlungsfelder und je ein Fachforum im Herbst.",
}

FORUM_DATES = {
    "1": ("2018-09-19T17:00", "Volkshochschule Göppingen, Mörikestraße"),
    "2": ("2018-10-10T17:00", "Haus der Familie"),
    "3": ("2018-10-24T17:00", "IHK-Bezirkskammer Göppingen"),
    "4": ("2018-11-07T17:00", "Rathaus, Großer Sitzungssaal"),
    "5": ("2018-11-21T17:00", "Haus der Begegnung"),
}

LATER_EVENTS = [
    {
        "title": "Netzwerktreffen der Migrantenorganisationen",
        "kind": "network_meeting",
        "start": "2024-03-14T18:30",
        "location": "Bürgerhaus Bodenfeld",
        "kind_of_actors": "migrant_organisation",
        "summary": "Vorstellung der Förderrichtlinie für Vereine; Wunsch nach einer "
        "gemeinsamen Veranstaltungsübersicht.",
    },
    {
        "title": "Informationsabend: Anerkennung ausländischer Berufsabschlüsse",
        "kind": "information_event",
        "start": "2025-05-08T18:00",
        "location": "Agentur für Arbeit Göppingen",
        "field": "3",
        "summary": "Rund 40 Interessierte; Beratungstermine wurden direkt vereinbart.",
    },
    {
        "title": "Integrationskonferenz 2026",
        "kind": "integration_conference",
        "start": "2026-12-09T16:00",
        "location": "Stadthalle Göppingen",
        "field": "5",
        "summary": "",
    },
]

# Every how-many-th invited participant did not come (attendance is recorded for past events).
ABSENT_EVERY = 9
