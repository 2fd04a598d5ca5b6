"""The staff dashboard's figures, gathered with a fixed number of queries."""

from django.db.models import Avg, Count, Q
from django.utils import timezone

from committee.models import Meeting
from measures.models import ActionField, Measure, Plan, StatusReport, overdue_q, stale_q

LIST_LIMIT = 8


def dashboard_data(today=None):
    today = today or timezone.localdate()
    plan = Plan.current()
    measures = Measure.objects.filter(plan=plan).with_last_report()
    figures = measures.aggregate(
        total=Count("pk"),
        overdue=Count("pk", filter=overdue_q(today)),
        stale=Count("pk", filter=stale_q(today)),
    )
    by_status = dict(measures.order_by().values_list("status").annotate(count=Count("pk")))
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
        .annotate(measure_count=Count("measures"), average=Avg("measures__progress"))
        .order_by("order", "code")
    )
    listed = measures.select_related("action_field", "lead_actor")
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
        "meetings": list(
            Meeting.objects.select_related("committee")
            .filter(start__gte=timezone.now())
            .exclude(state=Meeting.State.CANCELLED)
            .order_by("start")[:3]
        ),
        "reports": list(
            StatusReport.objects.filter(~Q(review_state=StatusReport.ReviewState.RETURNED))
            .select_related("measure", "author")
            .order_by("-created_at")[:LIST_LIMIT]
        ),
        "changes": list(
            Measure.history.select_related("history_user").order_by("-history_date")[:LIST_LIMIT]
        ),
    }
