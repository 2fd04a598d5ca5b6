"""Two plan versions with every kind of lineage, built with the ORM (issue 13's comparison)."""

import datetime
from decimal import Decimal

from measures.models import ActionField, Measure, Plan
from network.models import Actor

COPIED = (
    "title",
    "description",
    "goal",
    "target_groups",
    "lead_actor",
    "start",
    "end",
    "is_continuous",
    "cost_estimate",
    "funding_source",
    "is_public",
)


def make_draft(plan, version_label="Fortschreibung 2027"):
    return Plan.objects.create(
        title=plan.title, version_label=version_label, predecessor=plan, state=Plan.State.DRAFT
    )


def make_field(plan, code, title, order=None):
    return ActionField.objects.get_or_create(
        plan=plan, code=code, defaults={"title": title, "order": order or int(code)}
    )[0]


def make_measure(action_field, code, title, **fields):
    return Measure.objects.create(
        plan=action_field.plan, action_field=action_field, code=code, title=title, **fields
    )


def successor(action_field, code, *predecessors, **changes):
    """A measure of the draft continuing `predecessors`: the first one's fields, then `changes`."""
    first = predecessors[0]
    values = {name: getattr(first, name) for name in COPIED} | changes
    partners = values.pop("partners", None)
    measure = make_measure(action_field, code, values.pop("title"), **values)
    measure.partner_actors.set(first.partner_actors.all() if partners is None else partners)
    measure.predecessors.add(*predecessors)
    return measure


def lineage(plan):
    """An adopted plan and its draft with one measure of every kind.

    1.1 continued, 1.2 changed (title, end, cost, partners), 1.3 + 1.4 merged into 1.3, 1.5 split
    into 1.5 and 1.6, 1.7 new; 2.1 ended for regular operation, 2.2 done (so "implemented"),
    2.3 moved to field 1 as 1.8; field 3 exists only in the old plan, its 3.1 ended without a
    reason.
    """
    vhs = Actor.objects.create(name="Volkshochschule Göppingen", kind=Actor.Kind.EDUCATION)
    caritas = Actor.objects.create(name="Caritas Fils-Neckar-Alb", kind=Actor.Kind.WELFARE)
    jobcenter = Actor.objects.create(
        name="Jobcenter Landkreis Göppingen", kind=Actor.Kind.PUBLIC_INSTITUTION
    )
    language = make_field(plan, "1", "Sprache")
    work = make_field(plan, "2", "Arbeit")
    housing = make_field(plan, "3", "Wohnen")
    common = {"lead_actor": vhs, "start": datetime.date(2019, 9, 1)}
    old = {
        "continued": make_measure(language, "1.1", "Mama lernt Deutsch", **common),
        "changed": make_measure(
            language,
            "1.2",
            "Sprachcafé",
            end=datetime.date(2026, 12, 31),
            cost_estimate=Decimal("1500.00"),
            **common,
        ),
        "merge_a": make_measure(language, "1.3", "Lesepaten in Kitas", **common),
        "merge_b": make_measure(language, "1.4", "Lesepaten in Schulen", **common),
        "split": make_measure(language, "1.5", "Integrationskurse mit Kinderbetreuung", **common),
        "moved": make_measure(work, "2.3", "Bewerbungstraining", **common),
        "regular": make_measure(
            work,
            "2.1",
            "Jobbörse für Geflüchtete",
            end_reason=Measure.EndReason.REGULAR,
            end_note="Das Jobcenter führt die Börse weiter.",
            **common,
        ),
        "done": make_measure(work, "2.2", "Unternehmerpreis Integration", status="done", **common),
        "housing": make_measure(housing, "3.1", "Wohnungsbörse", **common),
    }
    old["changed"].partner_actors.set([caritas])
    draft = make_draft(plan)
    new_language = make_field(draft, "1", "Sprache")
    make_field(draft, "2", "Arbeit")
    new = {
        "continued": successor(new_language, "1.1", old["continued"]),
        "changed": successor(
            new_language,
            "1.2",
            old["changed"],
            title="Sprachcafé für Frauen",
            end=datetime.date(2029, 6, 30),
            cost_estimate=Decimal("2750.50"),
            partners=[caritas, jobcenter],
        ),
        "merged": successor(new_language, "1.3", old["merge_a"], old["merge_b"], title="Lesepaten"),
        "split_a": successor(new_language, "1.5", old["split"], title="Integrationskurse"),
        "split_b": successor(new_language, "1.6", old["split"], title="Kinderbetreuung"),
        "new": make_measure(new_language, "1.7", "Sprach-App für Eltern"),
        "moved": successor(new_language, "1.8", old["moved"]),
    }
    return {"plan": plan, "draft": draft, "old": old, "new": new, "actors": [vhs, caritas]}


def more_continued(plan, draft, count):
    """`count` more measures continued unchanged, each with a partner, for query counts; called
    again, it adds to those of the first call."""
    old_field = make_field(plan, "9", "Weitere")
    new_field = make_field(draft, "9", "Weitere")
    actor, _created = Actor.objects.get_or_create(
        name="Stadtbibliothek", kind=Actor.Kind.PUBLIC_INSTITUTION
    )
    first = old_field.measures.count() + 1
    for number in range(first, first + count):
        old = make_measure(old_field, f"9.{number}", f"Maßnahme {number}", lead_actor=actor)
        old.partner_actors.set([actor])
        successor(new_field, f"9.{number}", old)
