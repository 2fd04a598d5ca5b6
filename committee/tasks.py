"""Background work of the committee (issue 11): archiving finalised minutes.

Finalising commits at once (records.finalise_minutes); rendering every edition as PDF/A and
archiving them runs here, in the worker, all editions in one transaction.
"""

from django.contrib.auth.models import User
from django.db import transaction
from django.utils.translation import gettext as _

from core.archive import delete_archived_files
from core.jobs import finish_job, running
from core.tasks import task

from .models import ArchivedMinutes, Meeting

MINUTES_KIND = "minutes_archive"


def meeting_subject(meeting: Meeting) -> str:
    return f"meeting:{meeting.pk}"


@task()
def archive_finalised_minutes(job_id: int, meeting_id: int, user_id: int | None) -> list[int]:
    """Archive the finalised minutes as their first revision; nothing when an earlier attempt
    archived them already."""
    from .records import archive_minutes

    with running(job_id):
        meeting = Meeting.objects.select_related("committee").get(pk=meeting_id)
        user = User.objects.filter(pk=user_id).first() if user_id else None
        archived: list[ArchivedMinutes] = []
        if not meeting.archived_minutes.exists():
            try:
                with transaction.atomic():
                    archive_minutes(meeting, user, archived)  # type: ignore[arg-type]
            except Exception:
                # Files already written must not outlive their rolled-back rows.
                delete_archived_files(archived)
                raise
        finish_job(
            job_id,
            url=meeting.get_absolute_url() + "#archived-minutes",
            label=_("Show the archived minutes"),
            message=_("The minutes have been archived."),
            total=len(archived) or meeting.archived_minutes.count(),
        )
        return [item.pk for item in archived]
