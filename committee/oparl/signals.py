"""Model signals that keep OParl's tombstones, derived records and `modified` in step.

Connected in CommitteeConfig.ready(). pre_save remembers what was stored before, so that
post_save can tell what changed; pre_delete writes the tombstone while the object and its
parents can still be read (in the same transaction as the deletion).
"""

from django.db.models.signals import post_delete, post_save, pre_delete, pre_save

from ..models import (
    AgendaItem,
    ArchivedInvitation,
    ArchivedMinutes,
    Attendance,
    Committee,
    Document,
    Faction,
    FactionMembership,
    LegislativeTerm,
    Meeting,
    Member,
    Membership,
)
from . import tracking


def _stored(instance, *fields):
    if instance.pk is None or instance._state.adding:
        return None
    return type(instance).objects.filter(pk=instance.pk).values(*fields).first()


def remember(*fields):
    def receiver(sender, instance, raw=False, **kwargs):
        instance._oparl_before = None if raw else _stored(instance, *fields)

    return receiver


def bury_on_delete(url_name, object_type, published=lambda obj: True):
    def receiver(sender, instance, **kwargs):
        if published(instance):
            tracking.bury(url_name, object_type, instance.pk, tracking.created_of(instance))

    return receiver


def meeting_saved(sender, instance, created, raw=False, **kwargs):
    if raw:
        return
    before = getattr(instance, "_oparl_before", None)
    if before and before["is_public"] != instance.is_public:
        tracking.meeting_publicity_changed(instance)
    tracking.place_meeting(instance, before)


def meeting_deleted(sender, instance, **kwargs):
    if instance.is_public and instance.venue_id:
        tracking.venue_meetings_changed(instance.venue_id)


def item_saved(sender, instance, created, raw=False, **kwargs):
    if raw:
        return
    before = getattr(instance, "_oparl_before", None)
    if before and before["is_public"] != instance.is_public and instance.meeting.is_public:
        tracking.item_publicity_changed(instance)
    tracking.touch_meeting(instance.meeting_id)


def item_removed(sender, instance, **kwargs):
    tracking.touch_meeting(instance.meeting_id)


def document_changed(sender, instance, raw=False, **kwargs):
    if raw:
        return
    if kwargs.get("signal") is post_save:
        tracking.fill_sha512(instance)
    tracking.touch(AgendaItem.objects.filter(pk=instance.agenda_item_id))
    tracking.touch(Meeting.objects.filter(agenda_items=instance.agenda_item_id))


def archived_file_stamped(sender, instance, **kwargs):
    """OParl's modified is never before the file was archived."""
    instance.modified = max(instance.modified, instance.created_at)


def archived_file_changed(sender, instance, raw=False, **kwargs):
    if raw:
        return
    if kwargs.get("signal") is post_save:
        tracking.fill_sha512(instance)
    tracking.touch_meeting(instance.meeting_id)


def attendance_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        tracking.touch_meeting(instance.meeting_id)


def membership_changed(sender, instance, raw=False, **kwargs):
    """Person and committee list the membership; it may make or unmake a councillor. A
    membership moved to another person or committee changes the former ones, too."""
    if raw:
        return
    before = getattr(instance, "_oparl_before", None) or {}
    member_ids = {instance.member_id, before.get("member_id")} - {None}
    committee_ids = {instance.committee_id, before.get("committee_id")} - {None}
    tracking.touch(Member.objects.filter(pk__in=member_ids))
    tracking.touch(Committee.objects.filter(pk__in=committee_ids))
    for member_id in sorted(member_ids):
        tracking.sync_faction(member_id)


def member_saved(sender, instance, created, raw=False, **kwargs):
    if raw:
        return
    before = getattr(instance, "_oparl_before", None)
    if before and tuple(before.values()) != (
        instance.title,
        instance.first_name,
        instance.last_name,
    ):
        tracking.name_changed(instance)
    tracking.sync_faction(instance.pk)


def committee_saved(sender, instance, created, raw=False, **kwargs):
    before = getattr(instance, "_oparl_before", None)
    if not raw and before and tuple(before.values()) != (instance.name, instance.short_name):
        # A meeting's name names its committee.
        tracking.touch(Meeting.objects.filter(committee=instance))


def faction_membership_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        tracking.faction_membership_changed(instance.faction_id, instance.member_id)


def _published_minutes(minutes):
    return minutes.edition == ArchivedMinutes.Edition.PUBLIC and minutes.meeting.is_public


def connect():
    uid = "oparl"
    pre_save.connect(remember("is_public", "venue_id"), Meeting, weak=False, dispatch_uid=uid)
    post_save.connect(meeting_saved, Meeting, dispatch_uid=uid)
    pre_delete.connect(
        bury_on_delete("meeting", "Meeting", lambda m: m.is_public),
        Meeting,
        weak=False,
        dispatch_uid=uid,
    )
    post_delete.connect(meeting_deleted, Meeting, dispatch_uid=uid)

    pre_save.connect(remember("is_public"), AgendaItem, weak=False, dispatch_uid=uid)
    post_save.connect(item_saved, AgendaItem, dispatch_uid=uid)
    pre_delete.connect(
        bury_on_delete("agenda_item", "AgendaItem", tracking.is_published_item),
        AgendaItem,
        weak=False,
        dispatch_uid=uid,
    )
    post_delete.connect(item_removed, AgendaItem, dispatch_uid=uid)

    post_save.connect(document_changed, Document, dispatch_uid=uid)
    pre_delete.connect(
        bury_on_delete("file", "File", tracking.is_published_document),
        Document,
        weak=False,
        dispatch_uid=uid,
    )
    post_delete.connect(document_changed, Document, dispatch_uid=uid)

    for model, url_name, published in (
        (ArchivedMinutes, "minutes_file", _published_minutes),
        (ArchivedInvitation, "invitation_file", lambda entry: entry.meeting.is_public),
    ):
        pre_save.connect(archived_file_stamped, model, dispatch_uid=uid)
        post_save.connect(archived_file_changed, model, dispatch_uid=uid)
        pre_delete.connect(
            bury_on_delete(url_name, "File", published), model, weak=False, dispatch_uid=uid
        )
        post_delete.connect(archived_file_changed, model, dispatch_uid=uid)

    post_save.connect(attendance_changed, Attendance, dispatch_uid=uid)
    post_delete.connect(attendance_changed, Attendance, dispatch_uid=uid)

    pre_save.connect(
        remember("title", "first_name", "last_name"), Member, weak=False, dispatch_uid=uid
    )
    post_save.connect(member_saved, Member, dispatch_uid=uid)
    pre_delete.connect(bury_on_delete("person", "Person"), Member, weak=False, dispatch_uid=uid)

    pre_save.connect(
        remember("member_id", "committee_id"), Membership, weak=False, dispatch_uid=uid
    )
    post_save.connect(membership_changed, Membership, dispatch_uid=uid)
    pre_delete.connect(
        bury_on_delete("membership", "Membership"), Membership, weak=False, dispatch_uid=uid
    )
    post_delete.connect(membership_changed, Membership, dispatch_uid=uid)

    pre_save.connect(remember("name", "short_name"), Committee, weak=False, dispatch_uid=uid)
    post_save.connect(committee_saved, Committee, dispatch_uid=uid)
    pre_delete.connect(
        bury_on_delete("organization", "Organization"), Committee, weak=False, dispatch_uid=uid
    )

    pre_delete.connect(
        bury_on_delete("legislative_term", "LegislativeTerm"),
        LegislativeTerm,
        weak=False,
        dispatch_uid=uid,
    )
    pre_delete.connect(
        bury_on_delete("faction", "Organization"), Faction, weak=False, dispatch_uid=uid
    )
    post_save.connect(faction_membership_saved, FactionMembership, dispatch_uid=uid)
    pre_delete.connect(
        bury_on_delete("faction_membership", "Membership"),
        FactionMembership,
        weak=False,
        dispatch_uid=uid,
    )
    post_delete.connect(faction_membership_saved, FactionMembership, dispatch_uid=uid)
