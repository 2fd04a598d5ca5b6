"""What the public pages may show, as querysets (issue 14).

One rule decides what is public: a measure marked public of the current adopted plan
(`public_measures`). The open data and every public page use it; a measure of an archived plan
stays readable at its own address (`readable_measures`) so that links survive a Fortschreibung.
"""

from collections import Counter

from django.db.models import Avg, Count, Prefetch, Q, QuerySet
from django.utils import timezone

from committee.models import Meeting
from core.archive import Edition
from measures.models import (
    ActionField,
    ArchivedReport,
    Indicator,
    Measure,
    Plan,
    StatusReport,
)
from measures.reports import charts

NEXT_MEETINGS = 3


def public_measures() -> QuerySet[Measure]:
    """The measures marked public of the current adopted plan, with their action field and
    lead actor (the organisation only)."""
    return Measure.objects.filter(is_public=True, plan__state=Plan.State.ADOPTED).select_related(
        "action_field", "lead_actor"
    )


def readable_measures() -> QuerySet[Measure]:
    """Measures with a public page: marked public, of the adopted plan or an archived one (a
    draft is not public yet)."""
    return Measure.objects.filter(is_public=True).exclude(plan__state=Plan.State.DRAFT)


def measure_page(pk: int) -> Measure | None:
    """The measure with its plan, action field, actors, the public summaries of its accepted
    reports, its indicators with their values and its public successors in the adopted plan;
    None when it has no public page. Six queries."""
    public_reports = (
        StatusReport.objects.accepted()
        .only("pk", "measure_id", "reporting_date", "status", "progress", "public_summary")
        .order_by("-reporting_date", "-created_at", "-pk")
    )
    successors = public_measures().select_related(None).only("code", "title")
    return (
        readable_measures()
        .select_related("plan", "action_field", "lead_actor")
        .prefetch_related(
            Prefetch("partner_actors"),
            Prefetch("status_reports", queryset=public_reports, to_attr="public_reports"),
            Prefetch("indicators", queryset=Indicator.objects.with_latest()),
            Prefetch("successors", queryset=successors, to_attr="public_successors"),
        )
        .filter(pk=pk)
        .first()
    )


def indicator_rows(measure: Measure) -> list[dict]:
    """Each indicator of `measure` with its values, latest value and chart geometry."""
    rows = []
    for indicator in measure.indicators.all():
        values = list(indicator.values.all())
        chart = charts.indicator_chart(
            [(value.date, value.value) for value in values], indicator.baseline, indicator.target
        )
        rows.append(
            {
                "indicator": indicator,
                "values": values,
                "latest": values[-1] if values else None,
                "chart": chart,
                "alt": charts.indicator_alt(chart, indicator) if chart else "",
            }
        )
    return rows


def field_rows(plan: Plan | None) -> list[dict]:
    """Per action field of `plan`: the number and average progress of its public measures
    (one query)."""
    if plan is None:
        return []
    public = Q(measures__is_public=True)
    fields = (
        ActionField.objects.filter(plan=plan)
        .annotate(
            public_count=Count("measures", filter=public),
            average=Avg("measures__progress", filter=public),
        )
        .order_by("order", "code")
    )
    return [
        {
            "field": field,
            "label": f"{field.code} {field.title}",
            "count": field.public_count,
            "progress": round(field.average or 0),
        }
        for field in fields
    ]


def status_rows() -> list[dict]:
    """The number of public measures per status, in the order of the statuses (one query)."""
    counts = Counter(
        dict(public_measures().order_by().values_list("status").annotate(n=Count("pk")))
    )
    return [
        {"status": status, "label": label, "count": counts[status]}
        for status, label in Measure.Status.choices
    ]


def public_reports() -> QuerySet[ArchivedReport]:
    """The public editions of the issued monitoring reports, latest first."""
    return ArchivedReport.objects.filter(edition=Edition.PUBLIC).order_by("-created_at", "-pk")


def latest_public_report() -> ArchivedReport | None:
    """The newest issued public edition of the monitoring report."""
    return public_reports().only("pk", "title", "created_at", "size").first()


def next_public_meetings() -> list[Meeting]:
    """The next public committee meetings, soonest first (cancelled ones are left out)."""
    return list(
        Meeting.objects.public()
        .filter(start__gte=timezone.now())
        .exclude(state=Meeting.State.CANCELLED)
        .select_related("committee")
        .order_by("start")[:NEXT_MEETINGS]
    )
