"""The demo's Fortschreibung 2027 in progress (issue 13), made with the Fortschreibung's own
services: started from the 2019 plan, then measures merged, split, added and ended, two
Fachforen linked. Deterministic; the proposals are added afterwards by their own writer."""

import datetime
from decimal import Decimal

from django.utils import timezone

from measures.fortschreibung import services
from measures.models import Measure, Plan
from network.models import Event

from .content import PLAN_TITLE

DRAFT_TITLE = f"{PLAN_TITLE} – Fortschreibung 2027"
DRAFT_VERSION = "Entwurf 2027"

INTRODUCTION = (
    "Der Integrationsplan von 2019 hat in fünf Handlungsfeldern viel bewegt. Seit Herbst 2026 "
    "schreiben Stadtverwaltung, Träger, Migrantenorganisationen und Ehrenamtliche ihn gemeinsam "
    "fort: in zwei Fachforen, mit Vorschlägen aus dem Netzwerk und in den Arbeitskreisen.\n\n"
    "Der Entwurf führt bewährte Maßnahmen fort, fasst ähnliche Angebote zusammen, teilt zu "
    "breite Maßnahmen auf und nimmt neue Aufgaben auf. Maßnahmen, die umgesetzt sind oder im "
    "Regelbetrieb weiterlaufen, schließt er mit einer Begründung ab."
)

# (title, day, location)
FORUMS = [
    ("Fachforum Sprache und Bildung", datetime.date(2026, 10, 14), "Volkshochschule Göppingen"),
    ("Fachforum Arbeit und Teilhabe", datetime.date(2026, 10, 28), "Rathaus Göppingen"),
]

# (codes merged, new code, title, description)
MERGES = [
    (
        ["1.3", "1.6"],
        "1.3",
        "Sprachcafés und mehrsprachige Vorlesestunden in Stadtteilen und Stadtbibliothek",
        "Die Sprachcafés und die mehrsprachigen Vorlesestunden werden gemeinsam geplant und "
        "an denselben Orten angeboten.",
    ),
    (
        ["4.2", "4.4"],
        "4.2",
        "Gute Nachbarschaft: Wohnführerschein und Nachbarschaftsfeste",
        "Kurse für künftige Mieterinnen und Mieter und die Nachbarschaftsfeste in einem Angebot "
        "der Quartiere.",
    ),
]

# (code split, [(new code, title)])
SPLITS = [
    (
        "1.1",
        [
            ("1.1", "Mama lernt Deutsch – Kurse mit Kinderbetreuung"),
            ("1.9", "Papa lernt Deutsch – Abendkurse für Väter"),
        ],
    ),
    (
        "3.3",
        [
            ("3.3", "Ausbildungspatenschaften für junge Geflüchtete"),
            ("3.9", "Patenschaften für den Berufseinstieg nach der Ausbildung"),
        ],
    ),
]

# (code, reason, note)
ENDINGS = [
    (
        "1.4",
        Measure.EndReason.IMPLEMENTED,
        "Die alltagsintegrierte Sprachbildung ist in allen städtischen Kitas eingeführt.",
    ),
    (
        "1.7",
        Measure.EndReason.DROPPED,
        "Der Bund fördert berufsbezogene Deutschkurse inzwischen direkt über das BAMF.",
    ),
    (
        "4.6",
        Measure.EndReason.REGULAR,
        "Das Landratsamt führt das Integrationsmanagement dauerhaft als Regelaufgabe fort.",
    ),
    (
        "5.3",
        Measure.EndReason.REGULAR,
        "Die Interkulturelle Woche gehört zum festen Jahresprogramm der Stabsstelle.",
    ),
]

# (code, title, description, lead actor, forum number or None, cost)
NEW_MEASURES = [
    (
        "1.10",
        "Deutsch am Arbeitsplatz: Kurse in Betrieben",
        "Kurze Deutschkurse direkt im Betrieb, abgestimmt auf die Arbeitszeiten.",
        "Volkshochschule Göppingen",
        1,
        "12000.00",
    ),
    (
        "2.9",
        "Schulstart-Lotsinnen für neu zugewanderte Familien",
        "Ehrenamtliche Lotsinnen begleiten Familien in den ersten Wochen an der Schule.",
        "Staatliches Schulamt Göppingen",
        1,
        "8000.00",
    ),
    (
        "3.10",
        "Teilzeitausbildung für Mütter mit Migrationsgeschichte",
        "Betriebe und Jobcenter werben gemeinsam für Ausbildungsplätze in Teilzeit.",
        "Jobcenter Landkreis Göppingen",
        2,
        "15000.00",
    ),
    (
        "4.8",
        "Mehrsprachige Wohnungssprechstunde",
        "Eine monatliche Sprechstunde zu Wohnungssuche, Mietvertrag und Nebenkosten.",
        "Caritas Fils-Neckar-Alb",
        None,
        None,
    ),
    (
        "5.10",
        "Beteiligungswerkstatt für junge Menschen",
        "Junge Menschen mit Migrationsgeschichte bringen ihre Ideen in die Stadtpolitik ein.",
        "Stadtjugendring Göppingen e. V.",
        2,
        "5000.00",
    ),
    (
        "5.11",
        "Digitale Sprechstunde der Antidiskriminierungsberatung",
        "Beratung per Video und Chat, auch am Abend.",
        "Stabsstelle Migration und Teilhabe",
        None,
        None,
    ),
]


def _forums():
    events = []
    for title, day, location in FORUMS:
        start = timezone.make_aware(datetime.datetime(day.year, day.month, day.day, 17))
        event, _created = Event.objects.get_or_create(
            title=title,
            kind=Event.Kind.SPECIALIST_FORUM,
            start=start,
            defaults={
                "end": start + datetime.timedelta(hours=3),
                "location": location,
                "summary": "Vorschläge aus dem Netzwerk für die Fortschreibung 2027.",
            },
        )
        events.append(event)
    return events


def build_draft(plan: Plan, actors: dict) -> Plan:
    """The draft plan "Fortschreibung 2027" of `plan` (the adopted demo plan), about 35
    measures; `actors` by name. Returns the draft."""
    draft = services.start_fortschreibung(plan, None, DRAFT_TITLE, DRAFT_VERSION)
    forums = _forums()
    draft.introduction = INTRODUCTION
    services.save_plan(draft, None)
    draft.forums.set(forums)

    def measure(code):
        return Measure.objects.get(plan=draft, code=code)

    for codes, code, title, description in MERGES:
        merged = [measure(each) for each in codes]
        services.merge_measures(
            draft,
            merged,
            None,
            action_field=merged[0].action_field,
            code=code,
            title=title,
            description=description,
        )
    for code, parts in SPLITS:
        services.split_measure(measure(code), parts, None)
    for code, reason, note in ENDINGS:
        services.end_measure(measure(code), reason, note, None)
    fields = {field.code: field for field in draft.action_fields.all()}
    for code, title, description, lead, forum, cost in NEW_MEASURES:
        services.add_measure(
            draft,
            None,
            Measure(
                action_field=fields[code.split(".")[0]],
                code=code,
                title=title,
                description=description,
                lead_actor=actors[lead],
                source_forum=forums[forum - 1] if forum else None,
                cost_estimate=Decimal(cost) if cost else None,
                start=datetime.date(2027, 9, 1),
                status=Measure.Status.PLANNED,
            ),
        )
    return draft
