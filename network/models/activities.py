from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.concurrency import version_field

from .actors import Actor, ContactPerson


class WorkingGroup(models.Model):
    """An Arbeitskreis: actors and persons who work on a topic together."""

    title = models.CharField(_("title"), max_length=200, unique=True)
    description = models.TextField(_("description"), blank=True)
    chair = models.ForeignKey(
        ContactPerson,
        verbose_name=_("chair"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="chaired_groups",
    )
    member_actors = models.ManyToManyField(
        Actor, verbose_name=_("member actors"), blank=True, related_name="working_groups"
    )
    member_contacts = models.ManyToManyField(
        ContactPerson,
        verbose_name=_("member persons"),
        blank=True,
        related_name="working_groups",
    )
    is_active = models.BooleanField(_("active"), default=True)
    version = version_field()
    history = HistoricalRecords(excluded_fields=["version"])

    class Meta:
        verbose_name = _("working group")
        verbose_name_plural = _("working groups")
        ordering = ["title"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("network:group_detail", args=[self.pk])


class Event(models.Model):
    """A network event (Netzwerktreffen, Fachforum, …) with its participants."""

    class Kind(models.TextChoices):
        NETWORK_MEETING = "network_meeting", _("network meeting")
        SPECIALIST_FORUM = "specialist_forum", _("specialist forum")
        CONFERENCE = "integration_conference", _("integration conference")
        INFORMATION = "information_event", _("information event")

    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(
        _("kind"), max_length=30, choices=Kind.choices, default=Kind.NETWORK_MEETING
    )
    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"), null=True, blank=True)
    location = models.CharField(_("location"), max_length=200, blank=True)
    summary = models.TextField(_("summary and results"), blank=True)
    version = version_field()
    history = HistoricalRecords(excluded_fields=["version"])

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["-start"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end__isnull=True) | Q(end__gte=models.F("start")),
                name="event_end_not_before_start",
                violation_error_message=_("The end must not be before the start."),
            )
        ]

    def __str__(self):
        return f"{self.title} ({self.start:%d.%m.%Y})"

    def get_absolute_url(self):
        return reverse("network:event_detail", args=[self.pk])

    def clean(self):
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("The end must not be before the start.")})


class EventParticipant(models.Model):
    """An actor or a person invited to an event, and whether they came."""

    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="participants"
    )
    actor = models.ForeignKey(
        Actor,
        verbose_name=_("actor"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="event_participations",
    )
    contact = models.ForeignKey(
        ContactPerson,
        verbose_name=_("contact person"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="event_participations",
    )
    attended = models.BooleanField(_("attended"), default=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("event participant")
        verbose_name_plural = _("event participants")
        constraints = [
            models.CheckConstraint(
                condition=Q(actor__isnull=False, contact__isnull=True)
                | Q(actor__isnull=True, contact__isnull=False),
                name="participant_is_actor_or_contact",
                violation_error_message=_("A participant is either an actor or a person."),
            ),
            models.UniqueConstraint(
                fields=["event", "actor"],
                condition=Q(actor__isnull=False),
                name="unique_event_actor",
            ),
            models.UniqueConstraint(
                fields=["event", "contact"],
                condition=Q(contact__isnull=False),
                name="unique_event_contact",
            ),
        ]

    def __str__(self):
        return str(self.actor or self.contact)
