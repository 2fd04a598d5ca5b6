import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import OuterRef, Q, Subquery
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.concurrency import version_field

from .plan import ActionField, Plan

PERCENT_VALIDATORS = [MinValueValidator(0), MaxValueValidator(100)]


class MeasureQuerySet(models.QuerySet):
    def with_last_report(self):
        """Annotate the date of the latest accepted status report (a subquery, no GROUP BY)."""
        if "last_report_date" in self.query.annotations:
            return self
        return self.annotate(
            last_report_date=StatusReport.objects.accepted().latest_per_measure("reporting_date")
        )

    def open(self):
        return self.exclude(status__in=Measure.CLOSED_STATUSES)

    def overdue(self, today=None):
        return self.filter(overdue_q(today))

    def stale(self, today=None):
        """Open measures without an accepted status report for MEASURE_STALE_MONTHS months."""
        return self.with_last_report().filter(stale_q(today))


def overdue_q(today=None):
    """Condition for "overdue": the end has passed and the measure is not finished."""
    today = today or timezone.localdate()
    return Q(end__lt=today, is_continuous=False) & ~Q(status__in=Measure.FINISHED_STATUSES)


def stale_q(today=None):
    """Condition for "stale"; needs the `last_report_date` annotation."""
    cutoff = stale_cutoff(today)
    return ~Q(status__in=Measure.CLOSED_STATUSES) & (
        Q(last_report_date__lt=cutoff) | Q(last_report_date__isnull=True)
    )


def stale_cutoff(today=None):
    today = today or timezone.localdate()
    months = settings.MEASURE_STALE_MONTHS
    year, month = divmod(today.month - 1 - months, 12)
    year += today.year
    month += 1
    day = min(today.day, 28)
    return datetime.date(year, month, day)


class Measure(models.Model):
    """A measure (Maßnahme) of the plan's catalogue."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("planned")
        IN_PROGRESS = "in_progress", _("in progress")
        DONE = "done", _("implemented")
        CONTINUOUS = "continuous", _("continuous task")
        DELAYED = "delayed", _("delayed")
        PAUSED = "paused", _("paused")
        DROPPED = "dropped", _("dropped")

    class Priority(models.TextChoices):
        HIGH = "high", _("high")
        MEDIUM = "medium", _("medium")
        LOW = "low", _("low")

    class EndReason(models.TextChoices):
        IMPLEMENTED = "implemented", _("implemented")
        DROPPED = "dropped", _("no longer needed")
        REGULAR = "regular", _("transferred to regular operation")

    FINISHED_STATUSES = (Status.DONE, Status.CONTINUOUS, Status.DROPPED)
    CLOSED_STATUSES = (Status.DONE, Status.DROPPED)

    plan = models.ForeignKey(
        Plan, verbose_name=_("plan"), on_delete=models.PROTECT, related_name="measures"
    )
    action_field = models.ForeignKey(
        ActionField,
        verbose_name=_("action field"),
        on_delete=models.PROTECT,
        related_name="measures",
    )
    code = models.CharField(_("code"), max_length=20)
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    goal = models.TextField(_("goal"), blank=True)
    target_groups = models.CharField(_("target groups"), max_length=300, blank=True)
    lead_actor = models.ForeignKey(
        "network.Actor",
        verbose_name=_("lead actor"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="led_measures",
    )
    partner_actors = models.ManyToManyField(
        "network.Actor",
        verbose_name=_("partner actors"),
        blank=True,
        related_name="partner_measures",
    )
    # Declared here rather than on the network's event (see ActionField.events).
    events = models.ManyToManyField(
        "network.Event",
        verbose_name=_("events"),
        blank=True,
        related_name="measures",
        db_table="network_event_measures",
    )
    responsible = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("responsible staff member"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="responsible_measures",
    )
    priority = models.CharField(
        _("priority"), max_length=10, choices=Priority.choices, default=Priority.MEDIUM
    )
    start = models.DateField(_("start"), null=True, blank=True)
    end = models.DateField(_("end"), null=True, blank=True)
    is_continuous = models.BooleanField(_("continuous (no end date)"), default=False)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PLANNED
    )
    progress = models.PositiveSmallIntegerField(
        _("progress (%)"), default=0, validators=PERCENT_VALIDATORS
    )
    cost_estimate = models.DecimalField(
        _("cost estimate (EUR)"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    funding_source = models.CharField(_("funding source"), max_length=200, blank=True)
    is_public = models.BooleanField(_("public"), default=True)
    # Lineage across plan versions (issue 13): the measures of the earlier plan this one
    # continues — one when continued or changed, several when merged; a measure split into
    # several has several successors.
    predecessors = models.ManyToManyField(
        "self",
        verbose_name=_("continues measures"),
        symmetrical=False,
        blank=True,
        related_name="successors",
    )
    # Why a measure of an earlier plan ends with the Fortschreibung (set in the draft).
    end_reason = models.CharField(
        _("ends because"), max_length=20, choices=EndReason.choices, blank=True
    )
    end_note = models.TextField(_("note on the end"), blank=True)
    # The specialist forum (Fachforum) of the Fortschreibung the measure came from.
    source_forum = models.ForeignKey(
        "network.Event",
        verbose_name=_("from specialist forum"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="forum_measures",
    )
    version = version_field()
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    history = HistoricalRecords(excluded_fields=["updated_at", "version"])

    objects = MeasureQuerySet.as_manager()

    class Meta:
        verbose_name = _("measure")
        verbose_name_plural = _("measures")
        ordering = ["plan", "action_field__order", "code"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "code"],
                name="unique_measure_code_per_plan",
                violation_error_message=_("A measure with this code already exists in this plan."),
            ),
            models.CheckConstraint(
                condition=Q(progress__gte=0) & Q(progress__lte=100),
                name="measure_progress_percent",
            ),
            models.CheckConstraint(
                condition=Q(end__isnull=True)
                | Q(start__isnull=True)
                | Q(end__gte=models.F("start")),
                name="measure_end_not_before_start",
                violation_error_message=_("The end must not be before the start."),
            ),
        ]

    def __str__(self):
        return f"{self.code} {self.title}"

    def get_absolute_url(self):
        return reverse("measures:detail", args=[self.pk])

    def clean(self):
        errors = {}
        if self.start and self.end and self.end < self.start:
            errors["end"] = _("The end must not be before the start.")
        if self.action_field_id and self.plan_id and self.action_field.plan_id != self.plan_id:
            errors["action_field"] = _("The action field belongs to another plan.")
        if errors:
            raise ValidationError(errors)

    @property
    def is_overdue(self):
        return (
            self.end is not None
            and not self.is_continuous
            and self.status not in self.FINISHED_STATUSES
            and self.end < timezone.localdate()
        )

    @property
    def is_stale(self):
        """True when an open measure has had no accepted report for MEASURE_STALE_MONTHS.

        Uses the `last_report_date` annotation where the queryset provides it.
        """
        if self.status in self.CLOSED_STATUSES:
            return False
        if hasattr(self, "last_report_date"):
            last = self.last_report_date
        else:
            report = StatusReport.objects.accepted().latest_for(self)
            last = report.reporting_date if report else None
        return last is None or last < stale_cutoff()


class StatusReportQuerySet(models.QuerySet):
    def accepted(self):
        """Only accepted reports count: a submitted or returned one describes nothing yet."""
        return self.filter(review_state=StatusReport.ReviewState.ACCEPTED)

    def _latest_first(self, measure, on):
        reports = self.filter(measure=measure)
        if on is not None:
            reports = reports.filter(reporting_date__lte=on)
        # The latest reporting date wins; of two on the same day, the one written last.
        return reports.order_by("-reporting_date", "-created_at", "-pk")

    def latest_for(self, measure, on=None):
        """The latest report of `measure` (up to the day `on`), or None."""
        return self._latest_first(measure, on).first()

    def latest_per_measure(self, field, on=None):
        """Subquery for annotating measures: `field` of each measure's latest_for() report."""
        return Subquery(self._latest_first(OuterRef("pk"), on).values(field)[:1])


class StatusReport(models.Model):
    """A Sachstandsbericht on a measure, by staff or by a partner."""

    class ReviewState(models.TextChoices):
        SUBMITTED = "submitted", _("submitted")
        ACCEPTED = "accepted", _("accepted")
        RETURNED = "returned", _("returned")

    measure = models.ForeignKey(
        Measure, verbose_name=_("measure"), on_delete=models.CASCADE, related_name="status_reports"
    )
    reporting_date = models.DateField(_("reporting date"), default=timezone.localdate)
    status = models.CharField(_("status"), max_length=20, choices=Measure.Status.choices)
    progress = models.PositiveSmallIntegerField(_("progress (%)"), validators=PERCENT_VALIDATORS)
    text = models.TextField(_("what happened"))
    next_steps = models.TextField(_("next steps"), blank=True)
    obstacles = models.TextField(_("obstacles"), blank=True)
    public_summary = models.TextField(
        _("public summary"),
        blank=True,
        help_text=_("Shown on the public pages; no names, no internal matters."),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="status_reports",
    )
    author_name = models.CharField(_("reported by"), max_length=200, blank=True)
    review_state = models.CharField(
        _("review state"),
        max_length=20,
        choices=ReviewState.choices,
        default=ReviewState.SUBMITTED,
    )
    review_comment = models.TextField(_("review comment"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    history = HistoricalRecords()

    objects = StatusReportQuerySet.as_manager()

    class Meta:
        verbose_name = _("status report")
        verbose_name_plural = _("status reports")
        ordering = ["-reporting_date", "-created_at"]
        permissions = [("review_statusreport", _("Can accept or return status reports"))]
        constraints = [
            models.CheckConstraint(
                condition=Q(progress__gte=0) & Q(progress__lte=100),
                name="status_report_progress_percent",
            ),
        ]
        indexes = [
            # A measure's latest accepted report (latest_for, latest_per_measure), read for
            # every measure of a list or the dashboard.
            models.Index(
                fields=["measure", "review_state", "-reporting_date", "-created_at"],
                name="statusreport_latest_idx",
            ),
            # The dashboard's latest reports.
            models.Index(fields=["-created_at"], name="statusreport_created_idx"),
        ]

    def __str__(self):
        return f"{self.measure.code} – {self.reporting_date:%d.%m.%Y}"

    @property
    def reporter(self):
        if self.author_name:
            return self.author_name
        if self.author_id:
            return self.author.get_full_name() or self.author.get_username()
        return ""
