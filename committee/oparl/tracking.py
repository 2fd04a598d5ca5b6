"""What an OParl importer syncing with modified_since must see (OParl 1.1 §2.8).

- A deleted or depublished object leaves a tombstone; publishing it again removes the tombstone
  and marks the object (and what it embeds) as modified.
- A parent's `modified` moves whenever an object embedded in it changes: the meeting for its
  items, their files and its place; the person for their memberships.
- Places (Venue) and factions (Faction, FactionMembership) are derived from the meetings' and
  members' text fields here, so that each has one stable OParl id.

Bulk changes that bypass model signals call `touch_agenda` (see committee.services).
"""

import hashlib

from django.utils import timezone

from ..models import (
    AgendaItem,
    ArchivedInvitation,
    ArchivedMinutes,
    Document,
    Faction,
    FactionMembership,
    Meeting,
    Member,
    Membership,
    Tombstone,
    Venue,
)

PUBLIC_EDITION = ArchivedMinutes.Edition.PUBLIC


def bury(url_name, object_type, pk, created):
    """Record that the object at this URL is gone as of now."""
    Tombstone.objects.update_or_create(
        url_name=url_name,
        object_pk=pk,
        defaults={"object_type": object_type, "created": created, "deleted": timezone.now()},
    )


def revive(url_name, pks):
    Tombstone.objects.filter(url_name=url_name, object_pk__in=list(pks)).delete()


def touch(queryset):
    """Mark rows as modified without saving them (no signals, no history, no version)."""
    queryset.update(modified=timezone.now())


def touch_meeting(meeting_id):
    touch(Meeting.objects.filter(pk=meeting_id))


def touch_agenda(meeting_id):
    """Order or numbers of a meeting's items changed in bulk."""
    touch(AgendaItem.objects.filter(meeting_id=meeting_id))
    touch_meeting(meeting_id)


# What a meeting takes with it when it is depublished or published again.
def _meeting_files(meeting):
    items = AgendaItem.objects.filter(meeting=meeting, is_public=True)
    return {
        ("agenda_item", "AgendaItem"): items,
        ("file", "File"): Document.objects.filter(agenda_item__in=items),
        ("minutes_file", "File"): ArchivedMinutes.objects.filter(
            meeting=meeting, edition=PUBLIC_EDITION
        ),
        ("invitation_file", "File"): ArchivedInvitation.objects.filter(meeting=meeting),
    }


def created_of(obj):
    return getattr(obj, "created", None) or obj.created_at


def meeting_publicity_changed(meeting):
    """A meeting became public or non-public: with it, its public items and all its files."""
    parts = _meeting_files(meeting)
    if meeting.is_public:
        revive("meeting", [meeting.pk])
        for (url_name, _type), queryset in parts.items():
            revive(url_name, queryset.values_list("pk", flat=True))
            touch(queryset)
    else:
        bury("meeting", "Meeting", meeting.pk, meeting.created)
        for (url_name, object_type), queryset in parts.items():
            for obj in queryset:
                bury(url_name, object_type, obj.pk, created_of(obj))


def item_publicity_changed(item):
    """A public meeting's item became public or non-public, with its documents."""
    documents = Document.objects.filter(agenda_item=item)
    if item.is_public:
        revive("agenda_item", [item.pk])
        revive("file", documents.values_list("pk", flat=True))
        touch(documents)
    else:
        bury("agenda_item", "AgendaItem", item.pk, item.created)
        for document in documents:
            bury("file", "File", document.pk, document.created)


def is_published_item(item):
    return AgendaItem.objects.published().filter(pk=item.pk).exists()


def is_published_document(document):
    return Document.objects.published().filter(pk=document.pk).exists()


# Places --------------------------------------------------------------------------------------


def place_meeting(meeting, before):
    """Attach the meeting to the Venue of its building and room; `before` holds is_public and
    venue_id as stored before this save (None for a new meeting)."""
    key = Venue.key_of(meeting)
    venue = None
    if key:
        address = meeting.address.strip()
        venue, created = Venue.objects.get_or_create(
            building=key[0], room=key[1], defaults={"address": address}
        )
        if not created and address and venue.address != address:
            venue.address, venue.details_modified = address, timezone.now()
            venue.save(update_fields=["address", "details_modified", "modified"])
            # Every meeting there embeds the place.
            touch(Meeting.objects.filter(venue=venue).exclude(pk=meeting.pk))
    new_id = venue.pk if venue else None
    if meeting.venue_id != new_id:
        Meeting.objects.filter(pk=meeting.pk).update(venue=new_id)
        meeting.venue = venue
    old_id = before["venue_id"] if before else None
    was_public = bool(before and before["is_public"])
    for venue_id in {old_id, new_id} - {None}:
        listed_before = was_public and old_id == venue_id
        listed_now = meeting.is_public and new_id == venue_id
        if listed_before != listed_now:
            venue_meetings_changed(venue_id)


def venue_meetings_changed(venue_id):
    """A Location lists its public meetings; it is gone once none is left."""
    touch(Venue.objects.filter(pk=venue_id))
    if Meeting.objects.public().filter(venue_id=venue_id).exists():
        revive("location", [venue_id])
    else:
        venue = Venue.objects.filter(pk=venue_id).first()
        if venue is not None:
            bury("location", "Location", venue.pk, venue.created)


# Factions ------------------------------------------------------------------------------------


def faction_name(member):
    """The faction of a city councillor. For expert citizens and advisory members the same
    field names an organisation they come from, which is no council faction."""
    if member is None or not member.faction.strip():
        return ""
    councillor = Membership.objects.filter(member=member, kind=Membership.Kind.COUNCILLOR).exists()
    return member.faction.strip() if councillor else ""


def sync_faction(member_id):
    """Keep the member's faction membership in step with the faction named in their record."""
    member = Member.objects.filter(pk=member_id).first()
    name = faction_name(member)
    current = list(FactionMembership.objects.filter(member_id=member_id).select_related("faction"))
    if [entry.faction.name for entry in current] == ([name] if name else []):
        return
    for entry in current:
        entry.delete()
    if name:
        faction, created = Faction.objects.get_or_create(name=name)
        if not created:
            revive("faction", [faction.pk])
        FactionMembership.objects.create(member_id=member_id, faction=faction)


def faction_membership_changed(faction_id, member_id):
    """Person and faction list the faction membership; a faction without members is gone."""
    touch(Member.objects.filter(pk=member_id))
    faction = Faction.objects.filter(pk=faction_id).first()
    if faction is None:
        return
    if faction.memberships.exists():
        touch(Faction.objects.filter(pk=faction_id))
    else:
        faction.delete()


def name_changed(member):
    """A deputy's membership names the member stood in for."""
    touch(Membership.objects.filter(deputy_for=member))
    touch(Member.objects.filter(memberships__deputy_for=member))


# Checksums -----------------------------------------------------------------------------------


def fill_sha512(obj):
    """OParl's sha512Checksum, computed once from the stored file."""
    if obj.sha512 or not obj.file:
        return
    try:
        with obj.file.open("rb") as handle:
            digest = hashlib.sha512(handle.read()).hexdigest()
    except (FileNotFoundError, ValueError, OSError):
        return
    type(obj).objects.filter(pk=obj.pk).update(sha512=digest)
    obj.sha512 = digest


def derive_all():
    """Places, factions and checksums for records written in bulk (the demo), which bypasses
    the signals that keep them in step."""
    for meeting in Meeting.objects.filter(venue__isnull=True):
        place_meeting(meeting, None)
    for member_id in Member.objects.values_list("pk", flat=True):
        sync_faction(member_id)
    for model in (Document, ArchivedMinutes, ArchivedInvitation):
        for obj in model.objects.filter(sha512=""):
            fill_sha512(obj)
