from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.concurrency import version_field

from .measure import Measure


class IndicatorQuerySet(models.QuerySet):
    def with_latest(self, on=None):
        """Prefetch each indicator's values (up to the day `on`) in date order, in one query
        for all indicators; `latest_value` is then the last of them."""
        values = IndicatorValue.objects.order_by("date")
        if on is not None:
            values = values.filter(date__lte=on)
        return self.prefetch_related(Prefetch("values", queryset=values))


class Indicator(models.Model):
    """A Kennzahl measuring a measure's effect, with baseline and target."""

    measure = models.ForeignKey(
        Measure, verbose_name=_("measure"), on_delete=models.CASCADE, related_name="indicators"
    )
    title = models.CharField(_("title"), max_length=200)
    unit = models.CharField(_("unit"), max_length=50, blank=True)
    baseline = models.DecimalField(
        _("baseline"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    target = models.DecimalField(
        _("target"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    history = HistoricalRecords()

    objects = IndicatorQuerySet.as_manager()

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["measure", "title"]

    def __str__(self):
        return self.title

    @property
    def latest_value(self):
        """The value with the latest date: from the values with_latest() fetched, else a query."""
        if "values" in getattr(self, "_prefetched_objects_cache", {}):
            values = list(self.values.all())
            return values[-1] if values else None
        return self.values.order_by("-date").first()


class IndicatorValue(models.Model):
    indicator = models.ForeignKey(
        Indicator, verbose_name=_("indicator"), on_delete=models.CASCADE, related_name="values"
    )
    date = models.DateField(_("date"))
    value = models.DecimalField(_("value"), max_digits=12, decimal_places=2)
    note = models.CharField(_("note"), max_length=300, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("indicator value")
        verbose_name_plural = _("indicator values")
        ordering = ["indicator", "date"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "date"], name="unique_indicator_value_date"
            )
        ]

    def __str__(self):
        return f"{self.indicator}: {self.value} ({self.date:%d.%m.%Y})"


class Project(models.Model):
    """A project the office initiates or supports, from an idea to a running offer (issue 17);
    its funding is in projects.py."""

    class Status(models.TextChoices):
        IDEA = "idea", _("idea")
        PREPARING = "preparing", _("in preparation")
        APPLIED = "applied", _("applied for")
        GRANTED = "granted", _("granted")
        RUNNING = "running", _("running")
        COMPLETED = "completed", _("completed")
        REJECTED = "rejected", _("rejected")
        WITHDRAWN = "withdrawn", _("withdrawn")

    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    goals = models.TextField(_("goals"), blank=True)
    measures = models.ManyToManyField(
        Measure, verbose_name=_("measures"), blank=True, related_name="projects"
    )
    action_fields = models.ManyToManyField(
        "measures.ActionField", verbose_name=_("action fields"), blank=True, related_name="projects"
    )
    lead_actor = models.ForeignKey(
        "network.Actor",
        verbose_name=_("lead actor"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="led_projects",
    )
    partner_actors = models.ManyToManyField(
        "network.Actor", verbose_name=_("partner actors"), blank=True, related_name="projects"
    )
    target_groups = models.CharField(_("target groups"), max_length=300, blank=True)
    responsible = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("responsible staff member"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="responsible_projects",
    )
    start = models.DateField(_("start"), null=True, blank=True)
    end = models.DateField(_("end"), null=True, blank=True)
    funding = models.CharField(_("funding note"), max_length=300, blank=True)
    status = models.CharField(
        _("state"), max_length=20, choices=Status.choices, default=Status.IDEA
    )
    version = version_field()
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    history = HistoricalRecords(excluded_fields=["updated_at", "version"])

    class Meta:
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        ordering = ["title"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("projects:detail", args=[self.pk])

    def clean(self):
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("The end must not be before the start.")})
