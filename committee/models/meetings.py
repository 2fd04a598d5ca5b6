"""Meetings (Sitzungen) of a committee and who attended them."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Max, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.concurrency import version_field

from .base import HISTORY_EXCLUDED, Timestamped
from .bodies import Committee, LegislativeTerm, Member


class MeetingQuerySet(models.QuerySet):
    def public(self):
        """Meetings held in public; only they and their published items leave the office."""
        return self.filter(is_public=True)


class Meeting(Timestamped):
    """A session (Sitzung) of a committee."""

    class State(models.TextChoices):
        PLANNED = "planned", _("planned")
        INVITED = "invited", _("invited")
        HELD = "held", _("held")
        CANCELLED = "cancelled", _("cancelled")

    # Changes to these fields reach calendars as a new SEQUENCE of the event.
    CALENDAR_FIELDS = ("start", "end", "location", "room", "address", "state", "is_public")

    committee = models.ForeignKey(
        Committee, verbose_name=_("committee"), on_delete=models.PROTECT, related_name="meetings"
    )
    term = models.ForeignKey(
        LegislativeTerm,
        verbose_name=_("legislative term"),
        on_delete=models.PROTECT,
        related_name="meetings",
        null=True,
        blank=True,
    )
    number = models.PositiveIntegerField(
        _("number"), help_text=_("Counted within the legislative term, e.g. 5 for the 5th meeting.")
    )
    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"), null=True, blank=True)
    location = models.CharField(
        _("location"), max_length=300, blank=True, help_text=_("Building, e.g. Rathaus.")
    )
    room = models.CharField(_("room"), max_length=200, blank=True)
    address = models.CharField(_("address"), max_length=300, blank=True)
    is_public = models.BooleanField(_("public"), default=True)
    state = models.CharField(
        _("state"), max_length=20, choices=State.choices, default=State.PLANNED
    )
    guests = models.TextField(_("guests"), blank=True, help_text=_("One guest per line."))
    invitation_sent_at = models.DateTimeField(_("invitation sent at"), null=True, blank=True)
    minutes_finalised_at = models.DateTimeField(_("minutes finalised at"), null=True, blank=True)
    sequence = models.PositiveIntegerField(_("calendar sequence"), default=0, editable=False)
    # Derived from location, room and address (committee.oparl.signals): OParl's Location.
    venue = models.ForeignKey(
        "committee.Venue",
        verbose_name=_("meeting place"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="meetings",
    )
    version = version_field()
    history = HistoricalRecords(excluded_fields=[*HISTORY_EXCLUDED, "venue"])

    objects = MeetingQuerySet.as_manager()

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["-start"]
        permissions = [
            ("send_invitation", _("Can send the invitation to a meeting")),
            ("finalise_minutes", _("Can finalise the minutes of a meeting")),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(end__isnull=True) | Q(end__gte=models.F("start")),
                name="meeting_end_not_before_start",
                violation_error_message=_("The end must not be before the start."),
            ),
            models.UniqueConstraint(
                fields=["committee", "term", "number"],
                name="unique_meeting_number_per_term",
                violation_error_message=_(
                    "This committee already has a meeting with this number "
                    "in this legislative term."
                ),
            ),
        ]

    def __str__(self):
        return _("%(number)s. meeting of the %(committee)s") % {
            "number": self.number,
            "committee": self.committee.short_name or self.committee.name,
        }

    def get_absolute_url(self):
        return reverse("committee:meeting_detail", args=[self.pk])

    def clean(self):
        if self.state == self.State.HELD and self.start and not self.has_begun_by_date:
            raise ValidationError(
                {"state": _("A meeting can be marked as held only from the day it takes place.")}
            )

    @property
    def place(self):
        """Location, room and address as one line."""
        return ", ".join(part for part in (self.location, self.room, self.address) if part)

    @property
    def is_cancelled(self):
        return self.state == self.State.CANCELLED

    @property
    def is_held(self):
        return self.state == self.State.HELD

    @property
    def is_finalised(self):
        """Finalised minutes are the official record: the meeting is read-only from then on."""
        return self.minutes_finalised_at is not None

    @property
    def has_begun_by_date(self):
        """Whether the meeting's day has come (held and finalised only from then on)."""
        return timezone.localtime(self.start).date() <= timezone.localdate()

    @property
    def is_upcoming(self):
        return not self.is_cancelled and self.start >= timezone.now()

    @property
    def may_send_invitation(self):
        return self.state in (self.State.PLANNED, self.State.INVITED)

    @property
    def calendar_uid(self):
        """Stable across changes, so calendars update the event instead of adding one."""
        host = slugify(settings.OFFICE_NAME) or "integrationsplan"
        return f"committee-meeting-{self.pk}@{host}.integrationsplan"

    def present_count(self):
        """Members recorded as present, or None while no attendance has been recorded."""
        states = list(self.attendances.values_list("state", flat=True))
        return states.count(Attendance.State.PRESENT) if states else None

    def next_item_number(self):
        """The main item number after the highest one on the agenda."""
        numbers = self.agenda_items.values_list("number", flat=True)
        mains = [int(number.split(".")[0]) for number in numbers if number.split(".")[0].isdigit()]
        return str(max(mains, default=0) + 1)

    @classmethod
    def next_number(cls, committee, term):
        highest = cls.objects.filter(committee=committee, term=term).aggregate(Max("number"))
        return (highest["number__max"] or 0) + 1


class Attendance(Timestamped):
    """Whether a member attended a meeting; arrival or leave during an item as a remark."""

    class State(models.TextChoices):
        PRESENT = "present", _("present")
        EXCUSED = "excused", _("excused")
        ABSENT = "absent", _("absent")

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="attendances"
    )
    member = models.ForeignKey(
        Member, verbose_name=_("member"), on_delete=models.PROTECT, related_name="attendances"
    )
    state = models.CharField(_("attendance"), max_length=20, choices=State.choices)
    remark = models.CharField(
        _("remark"),
        max_length=200,
        blank=True,
        help_text=_("E.g. arrived during item 2, left after item 4."),
    )
    history = HistoricalRecords(excluded_fields=HISTORY_EXCLUDED)

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendances")
        ordering = ["meeting", "member__last_name", "member__first_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "member"], name="unique_attendance_per_member"
            )
        ]

    def __str__(self):
        return f"{self.member}: {self.get_state_display()}"
