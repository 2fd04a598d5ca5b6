"""An adopted plan with measures and its draft, made with the Fortschreibung's own services."""

import datetime

from measures.fortschreibung import services
from measures.models import ActionField, Measure
from network.models import Actor, Event


def add_measures(action_field, count, start=1, status=Measure.Status.IN_PROGRESS):
    """`count` measures in `action_field`, coded "<field>.<n>"."""
    return [
        Measure.objects.create(
            plan=action_field.plan,
            action_field=action_field,
            code=f"{action_field.code}.{number}",
            title=f"Maßnahme {action_field.code}.{number}",
            status=status,
        )
        for number in range(start, start + count)
    ]


def make_forum(title="Fachforum Sprache und Bildung", day=datetime.date(2026, 10, 14)):
    return Event.objects.create(
        title=title,
        kind=Event.Kind.SPECIALIST_FORUM,
        start=datetime.datetime(day.year, day.month, day.day, 17, tzinfo=datetime.UTC),
    )


def start_draft(plan, user, version_label="Entwurf 2027"):
    return services.start_fortschreibung(plan, user, plan.title, version_label)


def draft_measure(draft, code):
    return Measure.objects.get(plan=draft, code=code)


def second_field(plan, code="2", title="Arbeit"):
    return ActionField.objects.create(plan=plan, code=code, title=title, order=int(code))


def partner(name="Agentur für Arbeit Göppingen"):
    return Actor.objects.create(name=name, kind=Actor.Kind.PUBLIC_INSTITUTION)
