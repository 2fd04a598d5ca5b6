"""The official record of a meeting: marking it held, finalising, archiving and correcting
its minutes.

Finalised minutes are read-only; a correction (Berichtigung) by the coordination is recorded
with its reason and issues a new archived revision, and the earlier revision stays unchanged.
Finalising commits first; the worker then archives the PDFs of every edition in one
transaction (committee/tasks.py), and the meeting's page shows the progress until they are
archived. Corrections archive their new revision in the same transaction as before.
"""

from collections.abc import Mapping
from typing import Any

from django.conf import settings
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max, Prefetch
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from simple_history.utils import bulk_update_with_history

from core.archive import delete_archived_files, store_archived_file
from core.history import display_value, recorded_by
from core.jobs import start_job
from core.models import Job
from measures.models import Measure

from . import pdfs
from .models import AgendaItem, ArchivedMinutes, Meeting, MinutesCorrection
from .services import CommitteeError, lock_editable
from .tasks import MINUTES_KIND, archive_finalised_minutes, meeting_subject

# What a correction may change: the record of the discussion and of the vote.
CORRECTABLE_FIELDS = (
    "minutes",
    "resolution",
    "votes_yes",
    "votes_no",
    "votes_abstain",
    "unanimous",
    "result",
)


def ensure_minutes_possible(meeting: Meeting) -> None:
    if not meeting.is_held:
        raise CommitteeError(
            _(
                "Minutes can only be written for a meeting that has been held; "
                "this one is %(state)s."
            )
            % {"state": meeting.get_state_display()}
        )


def _ensure_day_has_come(meeting: Meeting, message: str) -> None:
    if not meeting.has_begun_by_date:
        day = formats.date_format(timezone.localtime(meeting.start), "SHORT_DATE_FORMAT")
        raise CommitteeError(message % {"date": day})


@transaction.atomic
def mark_held(meeting: Meeting, user: User) -> Meeting:
    """Record that a planned or invited meeting has taken place."""
    if not user.has_perm("committee.change_meeting"):
        raise PermissionDenied
    locked = lock_editable(meeting)
    if locked.state not in (Meeting.State.PLANNED, Meeting.State.INVITED):
        raise CommitteeError(
            _("Only a planned meeting can be marked as held; this one is %(state)s.")
            % {"state": locked.get_state_display()}
        )
    _ensure_day_has_come(
        locked,
        _("The meeting takes place on %(date)s; it cannot be marked as held before then."),
    )
    locked.state = Meeting.State.HELD
    locked.sequence += 1  # the state reaches calendars
    recorded_by(locked, user).save(update_fields=["state", "sequence", "modified"])
    return locked


def finalise_minutes(meeting: Meeting, user: User) -> Job:
    """Make the minutes of a held meeting the official record: the measures' titles as they
    are now are kept with the items. Once this has committed, the worker archives both
    editions with their checksum (tasks.archive_finalised_minutes); the job tells how far."""
    if not user.has_perm("committee.finalise_minutes"):
        raise PermissionDenied
    with transaction.atomic():
        locked = Meeting.objects.select_for_update().select_related("committee").get(pk=meeting.pk)
        if locked.is_finalised:
            raise CommitteeError(_("The minutes of this meeting have already been finalised."))
        ensure_minutes_possible(locked)
        _ensure_day_has_come(
            locked,
            _("The meeting takes place on %(date)s; its minutes cannot be finalised before then."),
        )
        items = list(
            locked.agenda_items.prefetch_related(
                Prefetch("measures", queryset=Measure.objects.only("pk", "code", "title"))
            )
        )
        for item in items:
            item.take_measure_snapshot()
        bulk_update_with_history(items, AgendaItem, ["measure_snapshot"], default_user=user)
        locked.minutes_finalised_at = timezone.now()
        recorded_by(locked, user).save(update_fields=["minutes_finalised_at", "modified"])
        job = start_job(
            archive_finalised_minutes,
            kind=MINUTES_KIND,
            title=_("Archiving the minutes of %(meeting)s") % {"meeting": locked},
            user=user,
            permission="committee.view_archivedminutes",
            subject=meeting_subject(locked),
            total=len(pdfs.minutes_editions(locked)),
            meeting_id=locked.pk,
            user_id=user.pk,
        )
    meeting.minutes_finalised_at = locked.minutes_finalised_at
    return job


def archive_minutes(
    meeting: Meeting,
    user: User,
    archived: list[ArchivedMinutes],
    into: ArchivedMinutes | None = None,
) -> None:
    """Archive every edition of the minutes as the next revision, appending to `archived`.

    `into` is an unsaved ArchivedMinutes to fill with the internal edition (the admin's form).
    """
    latest = meeting.archived_minutes.aggregate(Max("revision"))["revision__max"]
    revision = (latest or 0) + 1
    with translation.override(settings.LANGUAGE_CODE):
        for edition in pdfs.minutes_editions(meeting):
            content = pdfs.minutes_pdf(meeting, edition, archival=True)
            entry = into if into is not None and edition == pdfs.INTERNAL else ArchivedMinutes()
            entry.meeting = meeting
            entry.edition = edition
            entry.revision = revision
            entry.title = pdfs.minutes_title(meeting, edition)
            filename = pdfs.minutes_filename(meeting, edition, revision)
            archived.append(store_archived_file(entry, content, filename, user))


def archive_again(
    meeting: Meeting, user: User, into: ArchivedMinutes | None = None
) -> list[ArchivedMinutes]:
    """Archive finalised minutes once more, e.g. when an archived copy was found damaged; the
    earlier revisions stay as they are."""
    if not user.has_perm("committee.add_archivedminutes"):
        raise PermissionDenied
    archived: list[ArchivedMinutes] = []
    try:
        with transaction.atomic():
            locked = (
                Meeting.objects.select_for_update().select_related("committee").get(pk=meeting.pk)
            )
            if not locked.is_finalised:
                raise CommitteeError(_("Only finalised minutes are archived."))
            archive_minutes(locked, user, archived, into)
    except Exception:
        delete_archived_files(archived)
        raise
    return archived


def _shown(name: str, value: Any) -> str:
    shown = display_value(AgendaItem, name, value)
    return str(shown) if shown not in (None, "") else "–"


def correct_minutes(
    item: AgendaItem, changes: Mapping[str, Any], reason: str | None, user: User
) -> list[MinutesCorrection]:
    """Correct an item of finalised minutes: record each changed entry with the reason, who and
    when, and archive the corrected minutes as a new revision. Returns the corrections."""
    if not user.has_perm("committee.add_minutescorrection"):
        raise PermissionDenied
    reason = (reason or "").strip()
    if not reason:
        raise CommitteeError(_("Please state the reason for the correction."))
    archived: list[ArchivedMinutes] = []
    try:
        with transaction.atomic():
            meeting = (
                Meeting.objects.select_for_update()
                .select_related("committee")
                .get(pk=item.meeting_id)
            )
            if not meeting.is_finalised:
                raise CommitteeError(
                    _("Only finalised minutes are corrected; until then, edit the item directly.")
                )
            locked = AgendaItem.objects.select_for_update().get(pk=item.pk)
            corrections = _apply(locked, changes, reason, user)
            try:
                locked.full_clean()
            except ValidationError as error:
                raise CommitteeError(" ".join(error.messages)) from error
            recorded_by(locked, user).save()
            MinutesCorrection.objects.bulk_create(corrections)
            archive_minutes(meeting, user, archived)
    except Exception:
        delete_archived_files(archived)
        raise
    return corrections


def _apply(
    item: AgendaItem, changes: Mapping[str, Any], reason: str, user: User
) -> list[MinutesCorrection]:
    """Set the changed entries on `item`; one unsaved correction per entry that changed."""
    now = timezone.now()
    corrections: list[MinutesCorrection] = []
    for name in CORRECTABLE_FIELDS:
        if name not in changes or changes[name] == getattr(item, name):
            continue
        corrections.append(
            MinutesCorrection(
                meeting_id=item.meeting_id,
                agenda_item=item,
                field=name,
                old_value=_shown(name, getattr(item, name)),
                new_value=_shown(name, changes[name]),
                reason=reason,
                created_by=user,
                created_by_name=user.get_full_name() or user.get_username(),
                created_at=now,
            )
        )
        setattr(item, name, changes[name])
    if not corrections:
        raise CommitteeError(_("Nothing has been changed, so there is nothing to correct."))
    return corrections
