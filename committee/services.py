"""Workflows of the committee secretariat; each runs in one transaction and takes the acting user.

They raise CommitteeError with a German message that the view shows to the user.
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import prefetch_related_objects
from django.forms import ModelForm
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.utils import bulk_update_with_history

from core.deliveries import send_again
from core.history import recorded_by

from . import mails
from .models import (
    AgendaItem,
    Attendance,
    Document,
    FollowUp,
    Meeting,
    Member,
    Membership,
)
from .oparl.archive import archive_after_sending
from .oparl.tracking import touch_agenda


class CommitteeError(Exception):
    """A workflow step that the data does not allow; the message is for the user."""


def finalised_message() -> str:
    return _(
        "The minutes of this meeting have been finalised, so the meeting can no longer be "
        "changed. Only the coordination can correct the minutes, stating a reason."
    )


def lock_editable(meeting: Meeting) -> Meeting:
    """Lock the meeting's row and refuse any change once its minutes are finalised.

    Finalising locks the same row, so a change and the finalisation never overlap.
    """
    locked = Meeting.objects.select_for_update().select_related("committee").get(pk=meeting.pk)
    if locked.is_finalised:
        raise CommitteeError(finalised_message())
    return locked


@transaction.atomic
def save_meeting(form: ModelForm, user: User) -> Meeting:
    """Save a meeting form; changes that calendars must see raise the event's SEQUENCE."""
    if form.instance.pk:
        lock_editable(form.instance)
    meeting = form.save(commit=False)
    if meeting.pk and set(form.changed_data) & set(Meeting.CALENDAR_FIELDS):
        meeting.sequence += 1
    recorded_by(meeting, user).save()
    return meeting


@transaction.atomic
def add_agenda_item(form: ModelForm, user: User) -> AgendaItem:
    lock_editable(form.instance.meeting)
    item = form.save(commit=False)
    last = item.meeting.agenda_items.order_by("-order").values_list("order", flat=True).first()
    item.order = (last or 0) + 1
    recorded_by(item, user).save()
    form.save_m2m()
    return item


@transaction.atomic
def save_agenda_item(form: ModelForm, user: User) -> AgendaItem:
    """Save an item's subject, minutes, resolution and vote while the minutes are a draft."""
    lock_editable(form.instance.meeting)
    recorded_by(form.instance, user)
    return form.save()


@transaction.atomic
def delete_agenda_item(item: AgendaItem, user: User) -> None:
    lock_editable(item.meeting)
    recorded_by(item, user).delete()


def _blocks(items: Iterable[AgendaItem]) -> list[list[AgendaItem]]:
    """Group items into main items with their sub-items: [[2, 2.1, 2.2], [3], …]."""
    blocks: list[list[AgendaItem]] = []
    for item in items:
        if item.level == 0 or not blocks:
            blocks.append([item])
        else:
            blocks[-1].append(item)
    return blocks


@transaction.atomic
def move_agenda_item(item: AgendaItem, direction: str, user: User) -> tuple[int, int]:
    """Move an item one place up or down; a main item moves with its sub-items.

    Returns the item's new place in the agenda (1 = first) and the number of items.
    """
    lock_editable(item.meeting)
    step = -1 if direction == "up" else 1
    blocks = _blocks(
        AgendaItem.objects.select_for_update()
        .filter(meeting=item.meeting_id)
        .order_by("order", "pk")
    )
    for index, block in enumerate(blocks):
        ids = [entry.pk for entry in block]
        if item.pk not in ids:
            continue
        position = ids.index(item.pk)
        if position == 0 and 0 <= index + step < len(blocks):
            blocks[index], blocks[index + step] = blocks[index + step], blocks[index]
        elif position > 0 and 1 <= position + step < len(block):
            block[position], block[position + step] = block[position + step], block[position]
        else:
            raise CommitteeError(_("The item cannot be moved further."))
        break
    ordered = [entry for block in blocks for entry in block]
    _save_order(ordered, user)
    return [entry.pk for entry in ordered].index(item.pk) + 1, len(ordered)


def _save_order(items: list[AgendaItem], user: User) -> None:
    for order, entry in enumerate(items, start=1):
        entry.order = order
    bulk_update_with_history(items, AgendaItem, ["order"], default_user=user)
    touch_agenda(items[0].meeting_id)


@transaction.atomic
def renumber_agenda(meeting: Meeting, user: User) -> None:
    """Number the items 1, 2, 2.1, 3 … in their current order, keeping main and sub-items."""
    lock_editable(meeting)
    items = list(
        AgendaItem.objects.select_for_update().filter(meeting=meeting).order_by("order", "pk")
    )
    numbers: list[str] = []
    main, sub = 0, 0
    for item in items:
        if item.level == 0 or main == 0:
            main, sub = main + 1, 0
            numbers.append(str(main))
        else:
            sub += 1
            numbers.append(f"{main}.{sub}")
    # Two steps, so that no intermediate state breaks the unique number per meeting.
    for index, item in enumerate(items):
        item.number = f"~{index}"
    AgendaItem.objects.bulk_update(items, ["number"])
    for order, (item, number) in enumerate(zip(items, numbers, strict=True), start=1):
        item.number, item.order = number, order
    bulk_update_with_history(items, AgendaItem, ["number", "order"], default_user=user)
    touch_agenda(meeting.pk)


def attendance_rows(meeting: Meeting) -> list[tuple[Member, Attendance | None]]:
    """(member, attendance or None) for everyone in the committee on the day, plus recorded ones."""
    recorded = {
        entry.member_id: entry
        for entry in Attendance.objects.filter(meeting=meeting).select_related("member")
    }
    members = {
        membership.member_id: membership.member
        for membership in Membership.objects.current(on=timezone.localtime(meeting.start).date())
        .filter(committee=meeting.committee_id)
        .select_related("member")
    }
    members.update({member_id: entry.member for member_id, entry in recorded.items()})
    ordered = sorted(members.values(), key=lambda member: (member.last_name, member.first_name))
    return [(member, recorded.get(member.pk)) for member in ordered]


@transaction.atomic
def save_attendance(meeting: Meeting, entries: Iterable[tuple[int, str, str]], user: User) -> None:
    """Record attendance from (member id, state or "", remark); "" removes a record."""
    lock_editable(meeting)
    allowed = {member.pk for member, _entry in attendance_rows(meeting)}
    existing = {entry.member_id: entry for entry in meeting.attendances.all()}
    for member_id, state, remark in entries:
        if member_id not in allowed:
            raise CommitteeError(_("Attendance can only be recorded for committee members."))
        entry = existing.get(member_id)
        if not state:
            if entry:
                recorded_by(entry, user).delete()
            continue
        if entry is None:
            entry = Attendance(meeting=meeting, member_id=member_id)
        elif (entry.state, entry.remark) == (state, remark):
            continue
        entry.state, entry.remark = state, remark
        recorded_by(entry, user).save()
    _check_votes_against_attendance(meeting)


def _check_votes_against_attendance(meeting: Meeting) -> None:
    """The recorded votes of every item must fit the number of members present."""
    present = meeting.present_count()
    if present is None:
        return
    for item in meeting.agenda_items.order_by("order", "pk"):
        if (item.votes_cast or 0) > present:
            raise CommitteeError(
                _(
                    "With this attendance, %(present)s members were present, but %(votes)s "
                    "votes are recorded for item %(number)s. Please correct the attendance or "
                    "the vote."
                )
                % {"present": present, "votes": item.votes_cast, "number": item.number}
            )


def invitation_recipients(meeting: Meeting) -> list[Member]:
    """The members of the committee on the meeting's day, deputies included."""
    day = timezone.localtime(meeting.start).date()
    member_ids = (
        Membership.objects.current(on=day)
        .filter(committee=meeting.committee_id)
        .values("member_id")
    )
    return list(Member.objects.filter(pk__in=member_ids).order_by("last_name", "first_name"))


@dataclass
class InvitationResult:
    sent: int
    without_email: list[Member] = field(default_factory=list)


@transaction.atomic
def send_invitation(meeting: Meeting, user: User) -> InvitationResult:
    """Mark the meeting invited and queue the invitation PDF and the calendar entry for every
    current member; the worker sends them once this transaction commits."""
    if not user.has_perm("committee.send_invitation"):
        raise PermissionDenied
    meeting = Meeting.objects.select_for_update().select_related("committee").get(pk=meeting.pk)
    if not meeting.may_send_invitation:
        raise CommitteeError(
            _("Invitations can only be sent for a planned meeting, not for one that is %(state)s.")
            % {"state": meeting.get_state_display()}
        )
    if not meeting.agenda_items.exists():
        raise CommitteeError(_("The agenda is empty; please add agenda items first."))
    if mails.invitation_deliveries(meeting).exclude(state__in=mails.FINISHED).exists():
        raise CommitteeError(
            _("The invitation is still being sent; please wait until it has gone out.")
        )
    recipients = invitation_recipients(meeting)
    with_email = [member for member in recipients if member.email]
    if not with_email:
        raise CommitteeError(_("No current member of the committee has an e-mail address."))
    meeting.state = Meeting.State.INVITED
    meeting.invitation_sent_at = timezone.now()
    recorded_by(meeting, user).save()
    archive_after_sending(meeting, recipients, user)
    prefetch_related_objects([meeting], "agenda_items")  # one read for all texts
    # One delivery per member, sent by the worker after the commit (committee/mails.py).
    queued = mails.queue_invitations(meeting, with_email, user)
    return InvitationResult(sent=queued, without_email=[m for m in recipients if not m.email])


@transaction.atomic
def resend_invitation(meeting: Meeting, delivery_id: int, user: User) -> str:
    """Queue a member's failed invitation once more; returns the member's name."""
    if not user.has_perm("committee.send_invitation"):
        raise PermissionDenied
    delivery = mails.invitation_deliveries(meeting).filter(pk=delivery_id).first()
    if delivery is None or not send_again(delivery, user):
        raise CommitteeError(_("This invitation has not failed (any more); it is not sent again."))
    return delivery.recipient_name


@transaction.atomic
def upload_document(form: ModelForm, item: AgendaItem, user: User) -> Document:
    lock_editable(item.meeting)
    document = form.save(commit=False)
    document.agenda_item = item
    document.uploaded_by = user
    recorded_by(document, user).save()
    return document


@transaction.atomic
def delete_document(document: Document, user: User) -> None:
    lock_editable(document.agenda_item.meeting)
    stored = document.file
    recorded_by(document, user).delete()
    # The file goes only once the deletion is certain; the history keeps its metadata.
    transaction.on_commit(lambda: stored.storage.delete(stored.name))


@transaction.atomic
def end_membership(membership: Membership, end: datetime.date, user: User) -> None:
    if end < membership.start:
        raise CommitteeError(_("The end must not be before the start."))
    membership.end = end
    recorded_by(membership, user).save()


@transaction.atomic
def delete_member(member: Member, user: User) -> None:
    """Delete a member who never sat on a committee; others keep their record."""
    if member.memberships.exists() or member.deputies.exists():
        raise CommitteeError(
            _(
                "%(member)s has memberships and cannot be deleted; "
                "please end the membership instead."
            )
            % {"member": member}
        )
    if member.attendances.exists():
        raise CommitteeError(
            _("%(member)s is recorded in the attendance of meetings and cannot be deleted.")
            % {"member": member}
        )
    recorded_by(member, user).delete()


@transaction.atomic
def complete_follow_up(follow_up: FollowUp, user: User) -> None:
    if follow_up.done_on is not None:
        raise CommitteeError(_("This follow-up is already done."))
    follow_up.done_on = timezone.localdate()
    recorded_by(follow_up, user).save()
