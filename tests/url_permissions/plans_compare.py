"""The comparison of plan versions and the council's documents (compare_urls.py)."""

from tests.plans.compare_builders import make_draft, make_field, successor
from tests.url_permissions import READ


def draft_kwargs(data):
    """A draft of the measure's plan that continues the measure."""
    measure = data["measure"]
    draft = make_draft(measure.plan)
    successor(
        make_field(draft, measure.action_field.code, measure.action_field.title), "1.1", measure
    )
    return {"pk": draft.pk}


COMPARE_TABLE = {
    "plans:compare": (draft_kwargs, READ),
    "plans:compare_xlsx": (draft_kwargs, READ),
    "plans:compare_pdf": (draft_kwargs, READ),
    "plans:beschlussvorlage": (draft_kwargs, READ),
}
