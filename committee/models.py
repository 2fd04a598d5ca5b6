from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class Committee(models.Model):
    """A council committee, first of all the Integrationsausschuss."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    short_name = models.CharField(_("short name"), max_length=50, blank=True)
    description = models.TextField(_("description"), blank=True)
    contact_email = models.EmailField(_("public contact e-mail"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("committee")
        verbose_name_plural = _("committees")
        ordering = ["name"]

    def __str__(self):
        return self.name


class Member(models.Model):
    """A person who sits or sat on a committee."""

    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=100)
    title = models.CharField(_("title"), max_length=50, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    faction = models.CharField(_("faction or organisation"), max_length=200, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("member")
        verbose_name_plural = _("members")
        ordering = ["last_name", "first_name"]

    def __str__(self):
        return " ".join(part for part in (self.title, self.first_name, self.last_name) if part)


class Membership(models.Model):
    class Role(models.TextChoices):
        CHAIR = "chair", _("chair")
        VICE_CHAIR = "vice_chair", _("vice chair")
        MEMBER = "member", _("member")
        DEPUTY = "deputy", _("deputy")

    class Kind(models.TextChoices):
        COUNCILLOR = "councillor", _("city councillor")
        CITIZEN_EXPERT = "citizen_expert", _("expert citizen")
        ADVISORY = "advisory", _("advisory member")

    committee = models.ForeignKey(
        Committee, verbose_name=_("committee"), on_delete=models.CASCADE, related_name="memberships"
    )
    member = models.ForeignKey(
        Member, verbose_name=_("member"), on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.MEMBER)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.COUNCILLOR)
    start = models.DateField(_("from"))
    end = models.DateField(_("until"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["committee", "role", "member__last_name"]

    def __str__(self):
        return f"{self.member} – {self.get_role_display()}"

    def clean(self):
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("The end must not be before the start.")})

    @property
    def is_current(self):
        today = timezone.localdate()
        return self.start <= today and (self.end is None or self.end >= today)


class Meeting(models.Model):
    """A session (Sitzung) of a committee."""

    class State(models.TextChoices):
        PLANNED = "planned", _("planned")
        INVITED = "invited", _("invited")
        HELD = "held", _("held")
        CANCELLED = "cancelled", _("cancelled")

    committee = models.ForeignKey(
        Committee, verbose_name=_("committee"), on_delete=models.PROTECT, related_name="meetings"
    )
    number = models.PositiveIntegerField(_("number"))
    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"), null=True, blank=True)
    location = models.CharField(_("location"), max_length=300, blank=True)
    is_public = models.BooleanField(_("public"), default=True)
    state = models.CharField(
        _("state"), max_length=20, choices=State.choices, default=State.PLANNED
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["-start"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end__isnull=True) | Q(end__gte=models.F("start")),
                name="meeting_end_not_before_start",
                violation_error_message=_("The end must not be before the start."),
            ),
        ]

    def __str__(self):
        return _("%(number)s. meeting of the %(committee)s") % {
            "number": self.number,
            "committee": self.committee.short_name or self.committee.name,
        }

    def get_absolute_url(self):
        return reverse("committee:meeting_detail", args=[self.pk])


class AgendaItem(models.Model):
    """An item (TOP) on a meeting's agenda."""

    class Kind(models.TextChoices):
        INFORMATION = "information", _("information")
        DELIBERATION = "deliberation", _("deliberation")
        RESOLUTION = "resolution", _("resolution")

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="agenda_items"
    )
    number = models.CharField(_("number"), max_length=10)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    title = models.CharField(_("title"), max_length=300)
    is_public = models.BooleanField(_("public"), default=True)
    kind = models.CharField(
        _("kind"), max_length=20, choices=Kind.choices, default=Kind.INFORMATION
    )
    measures = models.ManyToManyField(
        "measures.Measure",
        verbose_name=_("measures"),
        blank=True,
        related_name="agenda_items",
    )
    minutes = models.TextField(_("minutes"), blank=True)
    resolution = models.TextField(_("resolution"), blank=True)
    votes_yes = models.PositiveSmallIntegerField(_("yes votes"), null=True, blank=True)
    votes_no = models.PositiveSmallIntegerField(_("no votes"), null=True, blank=True)
    votes_abstain = models.PositiveSmallIntegerField(_("abstentions"), null=True, blank=True)
    unanimous = models.BooleanField(_("unanimous"), default=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        ordering = ["meeting", "order", "number"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "number"], name="unique_agenda_item_number")
        ]

    def __str__(self):
        return _("Item %(number)s: %(title)s") % {"number": self.number, "title": self.title}
