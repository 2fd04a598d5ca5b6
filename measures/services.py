"""Workflows on measures that touch several rows; each runs in one transaction."""

from django.contrib.auth.models import User
from django.db import transaction

from core.history import recorded_by

from .models import (
    Measure,
    StatusReport,
)


def record_status_report(measure: Measure, user: User, report: StatusReport) -> StatusReport:
    """Record a staff member's status report and update the measure's status and progress.

    `report` is an unsaved StatusReport; a report entered by staff counts as accepted.
    """
    with transaction.atomic():
        report.measure = measure
        report.author = user
        report.review_state = StatusReport.ReviewState.ACCEPTED
        recorded_by(report, user).save()
        apply_accepted_report(report, user)
    return report


def apply_accepted_report(report: StatusReport, user: User | None) -> None:
    """Give the report's measure the accepted report's status and progress, unless a later
    accepted report exists; the save counts the measure's version up, so that an edit form opened
    before is refused.
    """
    measure = Measure.objects.select_for_update().get(pk=report.measure_id)
    if is_latest_accepted(report):
        measure.status = report.status
        measure.progress = report.progress
    recorded_by(measure, user).save(update_fields=["status", "progress", "version", "updated_at"])


def is_latest_accepted(report: StatusReport) -> bool:
    """Whether no accepted report of the same measure has a later reporting date."""
    latest = StatusReport.objects.accepted().latest_for(report.measure_id)
    return latest is None or latest.reporting_date <= report.reporting_date
