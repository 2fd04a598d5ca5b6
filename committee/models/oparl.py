"""What the OParl interface needs beyond the committee's own records.

Places and factions are derived from the meetings' and members' text fields (kept in step by
committee.oparl.signals) so that each has one stable OParl id; tombstones remember objects that
were deleted or depublished, so that importers syncing with modified_since learn they are gone.
"""

from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.archive import ArchivedFile

from .base import Timestamped
from .bodies import Member
from .meetings import Meeting


class Tombstone(models.Model):
    """An OParl object that is gone: served as {id, type, created, modified, deleted: true}
    (OParl 1.1 §2.8), in its lists and at its own URL, until it is published again."""

    # The name of the object's URL in committee.oparl_urls (its id) and its OParl type.
    url_name = models.CharField(_("OParl URL name"), max_length=40)
    object_pk = models.PositiveIntegerField(_("object id"))
    object_type = models.CharField(_("OParl type"), max_length=30)
    created = models.DateTimeField(_("created"))
    deleted = models.DateTimeField(_("deleted or depublished at"), default=timezone.now)

    class Meta:
        verbose_name = _("OParl tombstone")
        verbose_name_plural = _("OParl tombstones")
        ordering = ["object_type", "url_name", "object_pk"]
        # Written by the system only (committee.oparl), never by hand.
        default_permissions = ("view",)
        constraints = [
            models.UniqueConstraint(fields=["url_name", "object_pk"], name="unique_tombstone")
        ]
        indexes = [models.Index(fields=["object_type", "deleted"], name="tombstone_type_deleted")]

    def __str__(self):
        return f"{self.object_type} {self.url_name}/{self.object_pk}"


class Venue(Timestamped):
    """One physical place (building and room) where meetings take place: one OParl Location."""

    # The building, or the address where no building is named.
    building = models.CharField(_("building"), max_length=300, blank=True)
    room = models.CharField(_("room"), max_length=200, blank=True)
    address = models.CharField(_("address"), max_length=300, blank=True)
    # `modified` also moves when a meeting comes or goes (the Location lists its meetings);
    # this only when the place itself changes, which is what meetings embed.
    details_modified = models.DateTimeField(
        _("place details modified"), default=timezone.now, editable=False
    )

    class Meta:
        verbose_name = _("meeting place")
        verbose_name_plural = _("meeting places")
        ordering = ["building", "room"]
        # Written by the system only (committee.oparl), never by hand.
        default_permissions = ("view",)
        constraints = [
            models.UniqueConstraint(fields=["building", "room"], name="unique_venue_building_room")
        ]

    def __str__(self):
        return ", ".join(part for part in (self.building, self.room) if part)

    @staticmethod
    def key_of(meeting):
        """(building, room) of a meeting's place, or None for a meeting without a place."""
        building = meeting.location.strip() or meeting.address.strip()
        room = meeting.room.strip()
        return (building, room) if building or room else None

    @property
    def description(self):
        parts = (self.building, self.room, self.address)
        return ", ".join(part for part in dict.fromkeys(parts) if part)


class Faction(Timestamped):
    """A council faction (Fraktion) as named in the members' records: one OParl Organization."""

    name = models.CharField(_("name"), max_length=200, unique=True)

    class Meta:
        verbose_name = _("faction")
        verbose_name_plural = _("factions")
        ordering = ["name"]
        # Written by the system only (committee.oparl), never by hand.
        default_permissions = ("view",)

    def __str__(self):
        return self.name


class FactionMembership(Timestamped):
    """A city councillor's seat in a faction; a change of faction ends it and begins another."""

    member = models.ForeignKey(
        Member,
        verbose_name=_("member"),
        on_delete=models.CASCADE,
        related_name="faction_memberships",
    )
    faction = models.ForeignKey(
        Faction, verbose_name=_("faction"), on_delete=models.CASCADE, related_name="memberships"
    )

    class Meta:
        verbose_name = _("faction membership")
        verbose_name_plural = _("faction memberships")
        ordering = ["faction", "member"]
        # Written by the system only (committee.oparl), never by hand.
        default_permissions = ("view",)
        constraints = [
            models.UniqueConstraint(fields=["member", "faction"], name="unique_faction_membership")
        ]

    def __str__(self):
        return f"{self.member} – {self.faction}"


def invitation_archive_path(instance, filename):
    return f"committee/invitations/{timezone.localdate():%Y}/{filename}"


class ArchivedInvitation(ArchivedFile):
    """The public edition of an invitation (public agenda only) as sent; OParl's
    Meeting.invitation. Sending the invitation again archives the next one."""

    meeting = models.ForeignKey(
        Meeting,
        verbose_name=_("meeting"),
        on_delete=models.PROTECT,
        related_name="archived_invitations",
    )
    title = models.CharField(_("title"), max_length=300)
    file = models.FileField(_("file"), upload_to=invitation_archive_path, max_length=300)
    sha512 = models.CharField(_("SHA-512 checksum"), max_length=128, blank=True, editable=False)
    # OParl's File.modified: changes when the file is published or depublished with its meeting.
    modified = models.DateTimeField(_("modified"), default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("archived invitation")
        verbose_name_plural = _("archived invitations")
        ordering = ["meeting", "-created_at"]
        # Written by the system only (committee.oparl), never by hand.
        default_permissions = ("view",)

    def __str__(self):
        return f"{self.title} ({self.created_at:%d.%m.%Y %H:%M})"

    def get_absolute_url(self):
        return reverse("oparl:invitation_file_download", args=[self.pk])
