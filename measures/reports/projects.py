"""The internal report's section "Projekte und Förderung" (issue 17): the projects serving each
action field of the plan, and the funding totals per programme. Two queries."""

from typing import Any

from measures.models import Plan, Project
from measures.projects.funding import funding_totals

PROJECT_FIELDS = ("title", "status", "start", "end")


def projects_section(plan: Plan) -> dict[str, Any]:
    links = (
        Project.action_fields.through.objects.filter(actionfield__plan=plan)
        .select_related("project", "actionfield")
        .only(
            "actionfield__code",
            "actionfield__title",
            "actionfield__order",
            *(f"project__{field}" for field in PROJECT_FIELDS),
        )
        .order_by("actionfield__order", "actionfield__code", "project__title", "project_id")
    )
    fields: list[dict[str, Any]] = []
    for link in links:
        if not fields or fields[-1]["field"].pk != link.actionfield_id:
            fields.append({"field": link.actionfield, "projects": []})
        fields[-1]["projects"].append(link.project)
    return {"fields": fields, "funding": funding_totals()}
