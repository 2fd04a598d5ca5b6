"""The data snapshot of the monitoring report and the measure sheet.

`monitoring_report_data` reads everything the report shows with a fixed number of queries,
whatever the number of measures; the templates only arrange it.
"""

from collections import Counter, defaultdict

from django.utils import timezone
from django.utils.translation import gettext as _

from measures.indicators.report import monitoring_section
from measures.models import (
    ArchivedReport,
    Indicator,
    Measure,
    MonitoringRequest,
    MonitoringRound,
    Plan,
    StatusReport,
)

from . import charts
from .projects import projects_section

Edition = ArchivedReport.Edition
DONE_OR_CONTINUOUS = (Measure.Status.DONE, Measure.Status.CONTINUOUS)


def previous_round(plan, before):
    """The latest closed round of `plan` with a reporting date before `before`."""
    return (
        MonitoringRound.objects.filter(
            plan=plan, state=MonitoringRound.State.CLOSED, reporting_date__lt=before
        )
        .order_by("-reporting_date", "-pk")
        .first()
    )


def monitoring_report_data(monitoring_round=None, edition=Edition.INTERNAL, today=None):
    """Everything the monitoring report shows, for `monitoring_round` or the current state.

    A round's report shows each measure as its latest accepted report up to the round's
    reporting date describes it; the current state shows the measures as they are today.
    """
    today = today or timezone.localdate()
    public = edition == Edition.PUBLIC
    plan = monitoring_round.plan if monitoring_round else Plan.current()
    if plan is None:
        return None
    cutoff = monitoring_round.reporting_date if monitoring_round else today
    previous = previous_round(plan, cutoff)
    shown_round = monitoring_round or latest_round(plan)
    # The current state lists the open round's missing answers; a round's report its own.
    asked_round = shown_round if monitoring_round or (shown_round and shown_round.is_open) else None

    accepted = StatusReport.objects.accepted()
    measures = plan.measures.select_related("lead_actor", "responsible").annotate(
        latest_report_id=accepted.latest_per_measure("pk", on=cutoff)
    )
    if previous:
        measures = measures.annotate(
            previous_status=accepted.latest_per_measure("status", on=previous.reporting_date),
            previous_progress=accepted.latest_per_measure("progress", on=previous.reporting_date),
        )
    if public:
        measures = measures.filter(is_public=True)
    measures = list(measures.order_by("action_field__order", "code"))
    reports = StatusReport.objects.select_related("author").in_bulk(
        [measure.latest_report_id for measure in measures if measure.latest_report_id]
    )
    indicators = defaultdict(list)
    for indicator in Indicator.objects.filter(
        measure__in=[measure.pk for measure in measures]
    ).with_latest(on=cutoff):
        indicators[indicator.measure_id].append(indicator)

    entries = [
        measure_entry(
            measure,
            reports.get(measure.latest_report_id),
            indicators[measure.pk],
            use_report_status=monitoring_round is not None,
            public=public,
        )
        for measure in measures
    ]
    fields = field_sections(plan, entries)
    return {
        "plan": plan,
        "round": monitoring_round,
        "shown_round": shown_round,
        "previous": previous,
        "edition": edition,
        "is_public": public,
        "stand": cutoff,
        "created": today,
        "title": report_title(monitoring_round, public),
        "subject": monitoring_round.title if monitoring_round else _("Current state"),
        "summary": summary(entries, fields),
        "response": response_figures(shown_round),
        "fields": fields,
        "changes": changes_since(entries) if previous else None,
        "open_requests": [] if public else open_requests(asked_round),
        # Internal edition only: projects per action field and the funding totals (issue 17).
        "projects": None if public else projects_section(plan),
        # Both editions: the integration monitoring's indicators marked for the report (issue 15).
        "city_indicators": monitoring_section(),
        "measure_count": len(entries),
    }


def report_title(monitoring_round, public):
    subject = monitoring_round.title if monitoring_round else _("Current state")
    title = _("Monitoring report – %(subject)s") % {"subject": subject}
    return f"{title} ({_('public edition')})" if public else title


def latest_round(plan):
    return (
        MonitoringRound.objects.filter(plan=plan)
        .exclude(state=MonitoringRound.State.DRAFT)
        .order_by("-reporting_date", "-pk")
        .first()
    )


def measure_entry(measure, report, indicators, use_report_status=False, public=False):
    """One measure as the report and the measure sheet show it."""
    if use_report_status and report is not None:
        status, progress = report.status, report.progress
    else:
        status, progress = measure.status, measure.progress
    return {
        "measure": measure,
        "status": status,
        "status_label": Measure.Status(status).label,
        "progress": progress,
        "report": report,
        "reporter": "" if public or report is None else report.reporter,
        "responsible": ""
        if public or measure.responsible is None
        else measure.responsible.get_full_name() or measure.responsible.get_username(),
        "lead": measure.lead_actor.name if measure.lead_actor else "",
        "lead_short": (measure.lead_actor.short_name or measure.lead_actor.name)
        if measure.lead_actor
        else "",
        "indicators": [indicator_entry(indicator) for indicator in indicators],
        "previous_status": getattr(measure, "previous_status", None),
        "previous_progress": getattr(measure, "previous_progress", None),
    }


def indicator_entry(indicator):
    values = list(indicator.values.all())
    return {
        "indicator": indicator,
        "latest": indicator.latest_value,
        "chart": charts.indicator_chart(
            [(value.date, value.value) for value in values], indicator.baseline, indicator.target
        ),
    }


def field_sections(plan, entries):
    by_field = defaultdict(list)
    for entry in entries:
        by_field[entry["measure"].action_field_id].append(entry)
    sections = []
    for field in plan.action_fields.order_by("order", "code"):
        field_entries = by_field.get(field.pk, [])
        counts = Counter(entry["status"] for entry in field_entries)
        progress = (
            round(sum(entry["progress"] for entry in field_entries) / len(field_entries))
            if field_entries
            else 0
        )
        sections.append(
            {
                "field": field,
                "entries": field_entries,
                "counts": counts,
                "progress": progress,
                "label": f"{field.code} {field.title}",
            }
        )
    return sections


def summary(entries, fields):
    total = len(entries)
    counts = Counter(entry["status"] for entry in entries)
    finished = sum(counts[status] for status in DONE_OR_CONTINUOUS)
    rows = [
        {
            "status": status,
            "label": label,
            "count": counts[status],
            "percent": round(100 * counts[status] / total) if total else 0,
        }
        for status, label in Measure.Status.choices
    ]
    return {
        "total": total,
        "rows": rows,
        "finished": finished,
        "finished_percent": round(100 * finished / total) if total else 0,
        "average_progress": round(sum(entry["progress"] for entry in entries) / total)
        if total
        else 0,
        "status_chart": charts.status_chart(fields),
        "progress_chart": charts.progress_chart(fields),
    }


def response_figures(monitoring_round):
    """Requests, answers and the response rate of a round (one query)."""
    if monitoring_round is None:
        return None
    counted = MonitoringRound.objects.with_response().get(pk=monitoring_round.pk)
    if not counted.request_count:
        return None
    return {
        "total": counted.request_count,
        "answered": counted.answered_count,
        "rate": counted.response_rate,
        "round": monitoring_round,
    }


def changes_since(entries):
    """Measures whose status differs from the previous closed round's."""
    changes = []
    for entry in entries:
        before = entry["previous_status"]
        if before is None or before == entry["status"]:
            continue
        changes.append(
            {
                "entry": entry,
                "before": Measure.Status(before).label,
                "before_progress": entry["previous_progress"],
            }
        )
    return changes


def open_requests(monitoring_round):
    """Internal edition only: requests without an accepted answer, with the contact."""
    if monitoring_round is None:
        return []
    return list(
        monitoring_round.requests.exclude(state=MonitoringRequest.State.ACCEPTED)
        .select_related("measure", "contact", "report")
        .order_by("measure__action_field__order", "measure__code")
    )


def measure_sheet_data(measure, today=None):
    """The one-page sheet of a measure: its details, latest accepted report and indicators."""
    today = today or timezone.localdate()
    measure = (
        Measure.objects.select_related("plan", "action_field", "lead_actor", "responsible")
        .prefetch_related("partner_actors")
        .annotate(
            latest_report_id=StatusReport.objects.accepted().latest_per_measure("pk", on=today)
        )
        .get(pk=measure.pk)
    )
    report = (
        StatusReport.objects.filter(pk=measure.latest_report_id).first()
        if measure.latest_report_id
        else None
    )
    indicators = Indicator.objects.filter(measure=measure).with_latest()
    entry = measure_entry(measure, report, list(indicators))
    return {
        "entry": entry,
        "measure": measure,
        "partners": list(measure.partner_actors.all()),
        "stand": today,
        "title": _("Measure sheet %(code)s %(title)s")
        % {"code": measure.code, "title": measure.title},
    }
