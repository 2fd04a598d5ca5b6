"""Monitoring rounds: one request per measure to its lead partner, and the report archive."""

import datetime
import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext, gettext_noop, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.archive import ArchivedFile, Edition
from core.concurrency import version_field

from .indicators import Indicator
from .links import PersonalLink
from .measure import Measure, StatusReport
from .plan import Plan

# English msgids, German catalogue: the defaults are stored in the office's language.
INVITATION_TEXT = gettext_noop(
    "Dear {name},\n\n"
    "the city is collecting the state of the measures of its integration plan as of "
    "{reporting_date}. You are named as the contact person for the following measures. "
    "Please tell us by {due_date} how each of them stands; the form takes about five "
    "minutes and needs no account:\n\n"
    "{links}\n\n"
    "Each link leads only to the measure named above it. Please do not pass it on.\n\n"
    "Thank you very much for your support.\n\n"
    "Kind regards\n{sender}"
)
REMINDER_TEXT = gettext_noop(
    "Dear {name},\n\n"
    "we have not yet received your report on the following measures as of "
    "{reporting_date}. We would be grateful for your answer by {due_date}. Please use the "
    "links in this e-mail; they replace the links of our earlier e-mail:\n\n"
    "{links}\n\n"
    "If you have already answered in the meantime, please ignore this e-mail.\n\n"
    "Kind regards\n{sender}"
)
# Placeholders staff may use in the texts; anything else in braces is refused.
PLACEHOLDERS = ("name", "links", "due_date", "reporting_date", "sender")
PLACEHOLDER_PATTERN = re.compile(r"\{(\w*)\}")


def _in_office_language(text):
    with translation.override(settings.LANGUAGE_CODE):
        return gettext(text)


def default_invitation_text():
    return _in_office_language(INVITATION_TEXT)


def default_reminder_text():
    return _in_office_language(REMINDER_TEXT)


def validate_mail_text(text):
    unknown = sorted(set(PLACEHOLDER_PATTERN.findall(text)) - set(PLACEHOLDERS))
    if unknown:
        raise ValidationError(
            _("Unknown placeholder: %(names)s. Allowed: %(allowed)s."),
            params={
                "names": ", ".join(f"{{{name}}}" for name in unknown),
                "allowed": ", ".join(f"{{{name}}}" for name in PLACEHOLDERS),
            },
        )
    if "{links}" not in text:
        raise ValidationError(_("The text must contain {links}, where the links are inserted."))


def fill_placeholders(text, values):
    """Replace the known {placeholders}; plain replacement, so the text cannot run code."""
    return PLACEHOLDER_PATTERN.sub(lambda match: str(values.get(match[1], match[0])), text)


class MonitoringRoundQuerySet(models.QuerySet):
    def with_response(self):
        """Annotate `request_count` and `answered_count` (submitted, accepted or returned)."""
        return self.annotate(
            request_count=Count("requests"),
            answered_count=Count(
                "requests", filter=Q(requests__state__in=MonitoringRequest.ANSWERED_STATES)
            ),
        )


class MonitoringRound(models.Model):
    """A Monitoring-Abfrage: every lead partner is asked for the state of their measures."""

    class State(models.TextChoices):
        DRAFT = "draft", pgettext_lazy("monitoring round", "draft")
        OPEN = "open", pgettext_lazy("monitoring round", "open")
        CLOSED = "closed", pgettext_lazy("monitoring round", "closed")

    plan = models.ForeignKey(
        Plan, verbose_name=_("plan"), on_delete=models.PROTECT, related_name="monitoring_rounds"
    )
    title = models.CharField(_("title"), max_length=200)
    reporting_date = models.DateField(
        _("reporting date"), help_text=_("The reports describe the state on this day.")
    )
    due_date = models.DateField(_("due date"), help_text=_("Partners are asked to answer by."))
    state = models.CharField(_("state"), max_length=20, choices=State.choices, default=State.DRAFT)
    invitation_text = models.TextField(
        _("invitation e-mail"),
        default=default_invitation_text,
        validators=[validate_mail_text],
    )
    reminder_text = models.TextField(
        _("reminder e-mail"), default=default_reminder_text, validators=[validate_mail_text]
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    opened_at = models.DateTimeField(_("opened at"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    version = version_field()
    history = HistoricalRecords(excluded_fields=["version"])

    objects = MonitoringRoundQuerySet.as_manager()

    class Meta:
        verbose_name = _("monitoring round")
        verbose_name_plural = _("monitoring rounds")
        ordering = ["-reporting_date", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(due_date__gte=models.F("reporting_date")),
                name="monitoring_round_due_after_reporting_date",
                violation_error_message=_("The due date must not be before the reporting date."),
            )
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("monitoring:round_detail", args=[self.pk])

    def clean(self):
        if self.reporting_date and self.due_date and self.due_date < self.reporting_date:
            raise ValidationError(
                {"due_date": _("The due date must not be before the reporting date.")}
            )

    @property
    def is_draft(self):
        return self.state == self.State.DRAFT

    @property
    def is_open(self):
        return self.state == self.State.OPEN

    @property
    def is_closed(self):
        return self.state == self.State.CLOSED

    @property
    def response_rate(self):
        """Answered requests in percent, 0 without requests; needs with_response()."""
        if not self.request_count:
            return 0
        return round(100 * self.answered_count / self.request_count)

    @property
    def link_expiry(self):
        """Partner links stay valid for MONITORING_GRACE_DAYS after the due date."""
        return self.due_date + datetime.timedelta(days=settings.MONITORING_GRACE_DAYS)


class MonitoringRequest(PersonalLink):
    """One measure's question to its lead partner, answered through a personal link."""

    class State(models.TextChoices):
        OPEN = "open", pgettext_lazy("monitoring request", "open")
        SUBMITTED = "submitted", _("submitted")
        ACCEPTED = "accepted", _("accepted")
        RETURNED = "returned", _("returned")

    # A partner may write (again) in these states; after acceptance the link is used up.
    ANSWERABLE_STATES = (State.OPEN, State.SUBMITTED, State.RETURNED)
    ANSWERED_STATES = (State.SUBMITTED, State.ACCEPTED, State.RETURNED)

    round = models.ForeignKey(
        MonitoringRound,
        verbose_name=_("monitoring round"),
        on_delete=models.CASCADE,
        related_name="requests",
    )
    measure = models.ForeignKey(
        Measure,
        verbose_name=_("measure"),
        on_delete=models.CASCADE,
        related_name="monitoring_requests",
    )
    contact = models.ForeignKey(
        "network.ContactPerson",
        verbose_name=_("contact person"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="monitoring_requests",
    )
    state = models.CharField(_("state"), max_length=20, choices=State.choices, default=State.OPEN)
    expires_on = models.DateField(_("link valid until"), null=True, blank=True)
    invited_at = models.DateTimeField(_("invited at"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("last reminded at"), null=True, blank=True)
    reminder_count = models.PositiveSmallIntegerField(_("reminders"), default=0)
    report = models.OneToOneField(
        StatusReport,
        verbose_name=_("status report"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="monitoring_request",
    )
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    history = HistoricalRecords(excluded_fields=["token_hash"])

    class Meta:
        verbose_name = _("monitoring request")
        verbose_name_plural = _("monitoring requests")
        ordering = ["round", "measure__action_field__order", "measure__code"]
        constraints = [
            models.UniqueConstraint(
                fields=["round", "measure"], name="one_monitoring_request_per_measure"
            ),
            models.UniqueConstraint(
                fields=["token_hash"],
                condition=~Q(token_hash=""),
                name="unique_monitoring_token_hash",
            ),
        ]

    def __str__(self):
        return f"{self.round} – {self.measure.code}"

    @property
    def is_answered(self):
        return self.state in self.ANSWERED_STATES

    def is_answerable(self, today=None):
        """Whether the partner link works: round open, not expired, not yet accepted."""
        today = today or timezone.localdate()
        return (
            self.round.state == MonitoringRound.State.OPEN
            and self.state in self.ANSWERABLE_STATES
            and bool(self.token_hash)
            and self.expires_on is not None
            and today <= self.expires_on
        )

    def is_overdue(self, today=None):
        today = today or timezone.localdate()
        return self.state == self.State.OPEN and self.round.due_date < today


class ReportedIndicatorValue(models.Model):
    """An indicator value reported with a status report; it counts once the report is accepted."""

    report = models.ForeignKey(
        StatusReport,
        verbose_name=_("status report"),
        on_delete=models.CASCADE,
        related_name="reported_values",
    )
    indicator = models.ForeignKey(
        Indicator,
        verbose_name=_("indicator"),
        on_delete=models.CASCADE,
        related_name="reported_values",
    )
    value = models.DecimalField(_("value"), max_digits=12, decimal_places=2)

    class Meta:
        verbose_name = _("reported indicator value")
        verbose_name_plural = _("reported indicator values")
        ordering = ["report", "indicator__title"]
        constraints = [
            models.UniqueConstraint(
                fields=["report", "indicator"], name="one_reported_value_per_indicator"
            )
        ]

    def __str__(self):
        return f"{self.indicator}: {self.value}"


class PartnerLinkFailure(models.Model):
    """A refused partner link, counted per client address (hashed) to throttle guessing.

    Kept in the database rather than a process cache: the app runs as several processes.
    """

    address_hash = models.CharField(max_length=64, db_index=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("refused partner link")
        verbose_name_plural = _("refused partner links")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.address_hash[:8]} {self.created_at:%Y-%m-%d %H:%M}"


def archive_path(instance, filename):
    return f"reports/{timezone.localdate():%Y}/{filename}"


class ArchivedReport(ArchivedFile):
    """An issued monitoring report, stored unchanged with its checksum."""

    Edition = Edition

    round = models.ForeignKey(
        MonitoringRound,
        verbose_name=_("monitoring round"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="archived_reports",
    )
    edition = models.CharField(_("edition"), max_length=20, choices=Edition.choices)
    title = models.CharField(_("title"), max_length=300)
    file = models.FileField(_("file"), upload_to=archive_path, max_length=300)

    class Meta:
        verbose_name = _("archived report")
        verbose_name_plural = _("archived reports")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.title} ({self.created_at:%d.%m.%Y %H:%M})"

    def get_absolute_url(self):
        return reverse("reports:archive_download", args=[self.pk])
