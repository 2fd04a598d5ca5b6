"""The plans, their action fields, the demo users and the monitoring calendar."""

from core.roles import KOORDINATION, LESEZUGRIFF, SACHBEARBEITUNG

from .content_measures_1 import MEASURES_1
from .content_measures_2 import MEASURES_2
from .content_measures_3 import MEASURES_3
from .content_measures_4 import MEASURES_4
from .content_measures_5 import MEASURES_5

PLAN_TITLE = "Integrationsplan der Stadt Göppingen"

CURRENT_PLAN = {
    "title": PLAN_TITLE,
    "version_label": "Fortschreibung 2019",
    "adopted_on": "2019-04-11",
    "resolution_reference": "Gemeinderatsbeschluss vom 11.04.2019",
}

FIRST_PLAN = {
    "title": PLAN_TITLE,
    "version_label": "Erster Integrationsplan 2010",
    "adopted_on": "2010-10-21",
    "resolution_reference": "Gemeinderatsbeschluss vom 21.10.2010",
}

# (code, title, guiding goal)
ACTION_FIELDS = [
    (
        "1",
        "Sprache",
        "Alle Göppingerinnen und Göppinger mit Migrationsgeschichte können sich im Alltag, in "
        "Ausbildung und Beruf auf Deutsch verständigen. Mehrsprachigkeit wird als Ressource "
        "anerkannt. Langfristiges Ziel: Bis 2035 beginnen alle Kinder ihre Schulzeit mit "
        "altersgemäßen Deutschkenntnissen.",
    ),
    (
        "2",
        "Bildung",
        "Kinder und Jugendliche haben unabhängig von ihrer Herkunft die gleichen Bildungschancen. "
        "Eltern werden als Partner von Kita und Schule gewonnen und gestärkt.",
    ),
    (
        "3",
        "Arbeit",
        "Menschen mit Migrationsgeschichte bringen ihre Fähigkeiten in Ausbildung und Beruf ein "
        "und sichern ihren Lebensunterhalt eigenständig. Betriebe erkennen Vielfalt als Gewinn.",
    ),
    (
        "4",
        "Wohnen",
        "Alle Menschen in Göppingen finden angemessenen Wohnraum. Die Stadtteile sind von guter "
        "Nachbarschaft und gegenseitiger Rücksichtnahme geprägt.",
    ),
    (
        "5",
        "Werte/Regeln/Normen",
        "Das Zusammenleben in Göppingen beruht auf den Werten des Grundgesetzes. Vielfalt wird "
        "respektiert, Teilhabe gefördert und Diskriminierung entschieden entgegengetreten.",
    ),
]

FIRST_PLAN_ACTION_FIELDS = [
    ("1", "Sprache und Bildung", "Sprachkenntnisse und Bildungserfolg verbessern."),
    ("2", "Ausbildung und Arbeit", "Zugang zu Ausbildung und Arbeitsmarkt erleichtern."),
    ("3", "Wohnen und Stadtteil", "Gutes Zusammenleben in den Stadtteilen fördern."),
    ("4", "Interkulturelle Öffnung", "Verwaltung und Vereine öffnen sich für alle."),
]

# The first plan's measures; the 2019 measures name their predecessor by code.
# (code, action field, title, status, progress)
FIRST_PLAN_MEASURES = [
    ("1.1", "1", "Deutschkurse für Mütter mit Kinderbetreuung", "done", 100),
    ("1.2", "1", "Sprachförderung im Kindergarten", "done", 100),
    ("1.3", "1", "Hausaufgabenbetreuung an Grundschulen", "done", 100),
    ("2.1", "2", "Beratung zur Anerkennung ausländischer Abschlüsse", "done", 100),
    ("2.2", "2", "Ausbildungsbörse für Jugendliche mit Migrationshintergrund", "dropped", 30),
    ("3.1", "3", "Interkulturelle Stadtteilfeste", "done", 100),
    ("4.1", "4", "Informationsbroschüre „Willkommen in Göppingen“", "done", 100),
    ("4.2", "4", "Interkulturelle Schulung der Verwaltung", "done", 100),
]
FIRST_PLAN_PERIOD = ("2010-11-01", "2018-12-31")

MEASURES = MEASURES_1 + MEASURES_2 + MEASURES_3 + MEASURES_4 + MEASURES_5

# The office's quarterly monitoring: the reporting dates of the rounds since the office moved
# its monitoring out of Excel in 2024. Measures refer to them by index.
REPORTING_DATES = [
    "2024-03-28",
    "2024-06-27",
    "2024-09-26",
    "2024-12-12",
    "2025-03-27",
    "2025-06-26",
    "2025-09-25",
    "2025-12-11",
    "2026-03-26",
    "2026-06-25",
    "2026-09-24",
]
# Reports submitted by partners after the last round and not yet reviewed.
PENDING_DATE = "2026-11-05"

# (username, first name, last name, role); the superuser "admin" has no role.
DEMO_USERS = [
    ("koordination", "Miriam", "Kessler", KOORDINATION),
    ("sachbearbeitung", "Jonas", "Hartmann", SACHBEARBEITUNG),
    ("lesezugriff", "Birgit", "Lorenz", LESEZUGRIFF),
]
DEMO_ADMIN = ("admin", "Stefan", "Weidner")
# Who is responsible for the measures of which action fields.
RESPONSIBLE_BY_FIELD = {"koordination": ("1", "2", "5"), "sachbearbeitung": ("3", "4")}
STAFF_AUTHOR = "Miriam Kessler"
