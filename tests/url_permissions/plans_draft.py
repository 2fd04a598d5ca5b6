"""The plans and the draft (issue 13, plans:* of plan_urls.py); joined into plans.TABLE."""

from measures.fortschreibung import services
from measures.models import Measure, Plan
from tests.url_permissions import (
    COORDINATION,
    DONE_BY_COORDINATION,
    DONE_BY_WRITE,
    READ,
    WRITE,
    Post,
    row_of,
)


def adopted_plan(data):
    return {"pk": data["measure"].plan_id}


def draft_plan(data):
    """The adopted plan's draft (with a copy of its measure and a second one), kept in `data`
    for the form data."""
    plan = data["measure"].plan
    draft = services.draft_successor(plan) or services.start_fortschreibung(
        plan, None, plan.title, "Entwurf 2027"
    )
    field = draft.action_fields.get()
    if not draft.measures.filter(code="1.2").exists():
        Measure.objects.create(plan=draft, action_field=field, code="1.2", title="Elterncafé")
    data["draft"] = draft
    return {"pk": draft.pk}


def draft_measure(data):
    kwargs = draft_plan(data)
    return {**kwargs, "measure_pk": data["draft"].measures.get(code="1.1").pk}


def drafts(kwargs):
    return Plan.objects.filter(state=Plan.State.DRAFT).count()


def draft_measures(kwargs):
    return sorted(Measure.objects.filter(plan_id=kwargs["pk"]).values_list("code", flat=True))


def merge_data(data):
    measures = data["draft"].measures.order_by("code")
    return {
        "measures": [measure.pk for measure in measures],
        "action_field": measures[0].action_field_id,
        "code": "1.5",
        "title": "Sprache in der Familie",
        "confirm": "1",
    }


DRAFT_TABLE = {
    "plans:plan_list": (None, READ),
    "plans:plan_detail": (draft_plan, READ),
    "plans:start": (
        adopted_plan,
        COORDINATION,
        Post(
            DONE_BY_COORDINATION,
            data=lambda d: {"title": "Integrationsplan", "version_label": "Entwurf 2027"},
            changes=drafts,
        ),
    ),
    "plans:plan_edit": (
        draft_plan,
        WRITE,
        Post(
            DONE_BY_WRITE,
            data=lambda d: {"title": "Integrationsplan 2027", "version_label": "Entwurf 2027"},
            changes=row_of(Plan),
        ),
    ),
    "plans:measure_create": (
        draft_plan,
        WRITE,
        Post(
            DONE_BY_WRITE,
            data=lambda d: {
                "action_field": d["draft"].action_fields.get().pk,
                "code": "1.9",
                "title": "Sprachcafé",
            },
            changes=draft_measures,
        ),
    ),
    "plans:measure_merge": (
        draft_plan,
        WRITE,
        Post(DONE_BY_WRITE, data=merge_data, changes=draft_measures),
    ),
    "plans:measure_split": (
        draft_measure,
        WRITE,
        Post(
            DONE_BY_WRITE,
            data=lambda d: {
                "code_1": "1.1",
                "title_1": "A",
                "code_2": "1.7",
                "title_2": "B",
                "confirm": "1",
            },
            changes=draft_measures,
        ),
    ),
    "plans:measure_end": (
        draft_measure,
        WRITE,
        Post(
            DONE_BY_WRITE,
            data=lambda d: {"reason": "regular", "note": "", "confirm": "1"},
            changes=draft_measures,
        ),
    ),
    "plans:adopt": (
        draft_plan,
        COORDINATION,
        Post(
            DONE_BY_COORDINATION,
            data=lambda d: {"adopted_on": "2026-11-12", "resolution_reference": "GR 2026/117"},
            changes=row_of(Plan),
        ),
    ),
}
