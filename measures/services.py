"""Workflows on measures that touch several rows; each runs in one transaction."""

from django.db import transaction

from .models import (
    Measure,
    StatusReport,
)


def record_status_report(measure, user, report):
    """Record a staff member's status report and update the measure's status and progress.

    `report` is an unsaved StatusReport; a report entered by staff counts as accepted.
    """
    with transaction.atomic():
        report.measure = measure
        report.author = user
        report.review_state = StatusReport.ReviewState.ACCEPTED
        report._history_user = user
        report.save()
        apply_accepted_report(report, user)
    return report


def apply_accepted_report(report, user):
    """Give the report's measure the accepted report's status and progress, unless a later
    accepted report exists; the save counts the measure's version up, so that an edit form opened
    before is refused.
    """
    measure = Measure.objects.select_for_update().get(pk=report.measure_id)
    if is_latest_accepted(report):
        measure.status = report.status
        measure.progress = report.progress
    measure._history_user = user
    measure.save(update_fields=["status", "progress", "version", "updated_at"])


def is_latest_accepted(report):
    """Whether no accepted report of the same measure has a later reporting date."""
    return not (
        StatusReport.objects.filter(
            measure_id=report.measure_id,
            review_state=StatusReport.ReviewState.ACCEPTED,
            reporting_date__gt=report.reporting_date,
        )
        .exclude(pk=report.pk)
        .exists()
    )
