"""The staff dashboard's figures, gathered with a fixed number of queries."""

import datetime
from typing import Any

from django.db.models import Avg, Count, Q
from django.utils import timezone

from committee.models import Meeting
from measures.models import (
    ActionField,
    Measure,
    MonitoringRequest,
    MonitoringRound,
    Plan,
    StatusReport,
    overdue_q,
    stale_q,
)
from measures.projects.funding import dashboard_deadlines

LIST_LIMIT = 8
# Only the columns the page shows (no descriptions, goals or report texts).
SHORT_LIST_FIELDS = ["code", "title", "status", "end", "lead_actor__name", "lead_actor__short_name"]
REPORT_FIELDS = ["reporting_date", "status", "progress", "review_state"]
REPORT_FIELDS += ["measure__code", "measure__title"]
CHANGE_FIELDS = ["id", "code", "title", "history_date", "history_type"]
CHANGE_FIELDS += ["history_user__username", "history_user__first_name", "history_user__last_name"]


def dashboard_data(today: datetime.date | None = None) -> dict[str, Any]:
    """Everything the dashboard shows except the upcoming meetings (upcoming_meetings()): the
    page keeps it in the cache until the next save (templates/dashboard.html)."""
    today = today or timezone.localdate()
    plan = Plan.current()
    measures = Measure.objects.filter(plan=plan).with_last_report()
    # The counts per status come with the other figures, in the same single query.
    figures = measures.aggregate(
        total=Count("pk"),
        overdue=Count("pk", filter=overdue_q(today)),
        stale=Count("pk", filter=stale_q(today)),
        **{
            f"status_{status}": Count("pk", filter=Q(status=status))
            for status in Measure.Status.values
        },
    )
    by_status = {status: figures.pop(f"status_{status}") for status in Measure.Status.values}
    total = figures["total"] or 0
    status_rows = [
        {
            "status": status,
            "label": label,
            "count": by_status.get(status, 0),
            "percent": round(100 * by_status.get(status, 0) / total) if total else 0,
        }
        for status, label in Measure.Status.choices
    ]
    fields = (
        ActionField.objects.filter(plan=plan)
        .only("code", "title")
        .annotate(measure_count=Count("measures"), average=Avg("measures__progress"))
        .order_by("order", "code")
    )
    # The short lists show code, title, status, end or last report, and the lead actor's name.
    listed = measures.select_related("lead_actor").only(*SHORT_LIST_FIELDS)
    return {
        "plan": plan,
        "figures": figures,
        "status_rows": status_rows,
        "field_rows": [
            {"field": field, "count": field.measure_count, "progress": round(field.average or 0)}
            for field in fields
        ],
        "overdue": list(listed.filter(overdue_q(today)).order_by("end")[:LIST_LIMIT]),
        "stale": list(
            listed.filter(stale_q(today)).order_by("last_report_date", "code")[:LIST_LIMIT]
        ),
        "reports": list(
            StatusReport.objects.filter(~Q(review_state=StatusReport.ReviewState.RETURNED))
            .select_related("measure")
            .only(*REPORT_FIELDS)
            .order_by("-created_at")[:LIST_LIMIT]
        ),
        "changes": list(
            Measure.history.select_related("history_user")
            .only(*CHANGE_FIELDS)
            .order_by("-history_date")[:LIST_LIMIT]
        ),
        "monitoring": monitoring_figures(plan, today),
        "deadlines": dashboard_deadlines(today),
        "today": today,
    }


def upcoming_meetings() -> list[Meeting]:
    """The next three committee meetings that are not cancelled (not cached: time passes)."""
    return list(
        Meeting.objects.select_related("committee")
        .filter(start__gte=timezone.now())
        .exclude(state=Meeting.State.CANCELLED)
        .order_by("start")[:3]
    )


def monitoring_figures(plan: Plan | None, today: datetime.date) -> dict[str, Any] | None:
    """The open round's response rate and overdue answers: two queries, one when none is due."""
    monitoring_round = (
        MonitoringRound.objects.filter(plan=plan, state=MonitoringRound.State.OPEN)
        .with_response()
        .annotate(
            waiting_count=Count(
                "requests", filter=Q(requests__state=MonitoringRequest.State.SUBMITTED)
            ),
            open_count=Count("requests", filter=Q(requests__state=MonitoringRequest.State.OPEN)),
        )
        .order_by("-reporting_date", "-pk")
        .first()
    )
    if monitoring_round is None:
        return None
    is_due = monitoring_round.due_date < today
    overdue = monitoring_round.open_count if is_due else 0
    return {
        "round": monitoring_round,
        "rate": monitoring_round.response_rate,
        "overdue_count": overdue,
        "overdue": list(
            monitoring_round.requests.filter(state=MonitoringRequest.State.OPEN)
            .select_related("measure", "contact")
            .order_by("measure__action_field__order", "measure__code")[:LIST_LIMIT]
        )
        if overdue
        else [],
    }
