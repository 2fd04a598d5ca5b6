"""Workflows on measures that touch several rows; each runs in one transaction."""

from django.db import transaction
from django.utils.translation import gettext as _

from .models import Measure, StatusReport


class EditConflict(Exception):
    """Someone else saved the measure after the form was loaded."""

    def __init__(self, current):
        super().__init__(_("This measure was changed by someone else in the meantime."))
        self.current = current


def save_measure(form, expected_version, user):
    """Save a measure edit unless the measure changed since `expected_version` was loaded.

    The version check and the increment are one UPDATE, so two concurrent saves cannot both pass.
    """
    measure = form.instance
    with transaction.atomic():
        claimed = Measure.objects.filter(pk=measure.pk, version=expected_version).update(
            version=expected_version + 1
        )
        if not claimed:
            raise EditConflict(Measure.objects.select_related("lead_actor").get(pk=measure.pk))
        measure.version = expected_version + 1
        measure._history_user = user
        return form.save()


def record_status_report(measure, user, report):
    """Record a staff member's status report and update the measure's status and progress.

    `report` is an unsaved StatusReport; a report entered by staff counts as accepted.
    """
    with transaction.atomic():
        locked = Measure.objects.select_for_update().get(pk=measure.pk)
        report.measure = locked
        report.author = user
        report.review_state = StatusReport.ReviewState.ACCEPTED
        report._history_user = user
        report.save()
        if is_latest_accepted(report):
            locked.status = report.status
            locked.progress = report.progress
            locked.version += 1
            locked._history_user = user
            locked.save(update_fields=["status", "progress", "version", "updated_at"])
    return report


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
