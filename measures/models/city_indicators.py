"""Kommunales Integrationsmonitoring (issue 15): city-wide statistical indicators by area.

These indicators describe how integration develops in the city as a whole, independent of any
single measure (the KGSt's "Integrationsmonitoring 2.0"); a measure's own Kennzahlen with
baseline and target are `Indicator` in indicators.py. An indicator has values per area (the
city and its districts), period (a year or a reporting date) and breakdown (in total, or for
one group: gender, age group, migration background, nationality group).
"""

from django.core.validators import RegexValidator
from django.db import models
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.concurrency import version_field

from .measure import Measure

CODE_VALIDATOR = RegexValidator(
    r"^[A-Za-z0-9][A-Za-z0-9._-]*$",
    _("Use letters, digits, dots, hyphens and underscores only, without spaces."),
)


class Topic(models.TextChoices):
    """The topics of the KGSt's Integrationsmonitoring 2.0 (report 13/2020), plus the
    structural data that the other indicators are read against."""

    STRUCTURE = "structure", _("population and structure")
    LEGAL = "legal", _("legal integration")
    CHILDCARE = "childcare", _("childcare and language")
    EDUCATION = "education", _("education")
    WORK = "work", _("work and income")
    HOUSING = "housing", _("housing")
    HEALTH = "health", _("health")
    PARTICIPATION = "participation", _("social and political participation")
    DISCRIMINATION = "discrimination", _("reducing discrimination")


class Breakdown(models.TextChoices):
    TOTAL = "total", _("in total")
    GENDER = "gender", _("gender")
    AGE = "age", _("age group")
    MIGRATION = "migration", _("migration background")
    NATIONALITY = "nationality", _("nationality group")


# What an indicator's `breakdowns` list may hold: values per district, and the groups besides
# the total (every Breakdown but TOTAL).
DISTRICT = "district"
BREAKDOWN_CHOICES = [
    (DISTRICT, _("district")),
    *[(key, label) for key, label in Breakdown.choices if key != Breakdown.TOTAL],
]


class Area(models.Model):
    """The city or one of its districts (Stadtbezirk/Stadtteil), with an optional boundary."""

    class Kind(models.TextChoices):
        CITY = "city", _("city")
        DISTRICT = "district", _("district")

    code = models.CharField(
        _("area key"),
        max_length=40,
        unique=True,
        validators=[CODE_VALIDATOR],
        help_text=_("The official key, e.g. the AGS for the city or the district number."),
    )
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.DISTRICT)
    # A GeoJSON geometry (Polygon or MultiPolygon, WGS 84), validated by
    # measures.indicators.geojson before it is stored.
    boundary = models.JSONField(_("boundary"), null=True, blank=True)
    boundary_note = models.CharField(
        _("note on the boundary"),
        max_length=300,
        blank=True,
        help_text=_("E.g. the source of the boundary, or that it is simplified."),
    )
    sort_order = models.PositiveIntegerField(_("order"), default=0)
    version = version_field()
    history = HistoricalRecords(excluded_fields=["version"])

    class Meta:
        verbose_name = _("area")
        verbose_name_plural = _("areas")
        ordering = ["kind", "sort_order", "name"]  # the city ("city" < "district") first

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("indicators:area_detail", args=[self.pk])

    @property
    def is_city(self):
        return self.kind == self.Kind.CITY


class CityIndicator(models.Model):
    """An indicator of the integration monitoring, with its definition and source."""

    class Direction(models.TextChoices):
        HIGHER = "higher", _("higher is better")
        LOWER = "lower", _("lower is better")
        NEUTRAL = "neutral", _("neutral")

    class Rhythm(models.TextChoices):
        YEARLY = "yearly", _("yearly")
        HALF_YEARLY = "half-yearly", _("every six months")
        QUARTERLY = "quarterly", _("quarterly")
        IRREGULAR = "irregular", _("irregularly")

    code = models.CharField(
        _("code"),
        max_length=20,
        unique=True,
        validators=[CODE_VALIDATOR],
        help_text=_("A short key used in imports and exports, e.g. “A2”."),
    )
    title = models.CharField(_("title"), max_length=200)
    topic = models.CharField(_("topic"), max_length=20, choices=Topic.choices)
    definition = models.TextField(_("definition"), blank=True)
    numerator = models.CharField(_("numerator"), max_length=300, blank=True)
    denominator = models.CharField(_("denominator"), max_length=300, blank=True)
    unit = models.CharField(_("unit"), max_length=50, help_text=_("E.g. “%” or “persons”."))
    decimal_places = models.PositiveSmallIntegerField(
        _("decimal places shown"), default=1, choices=[(n, str(n)) for n in range(4)]
    )
    direction = models.CharField(
        _("direction"), max_length=10, choices=Direction.choices, default=Direction.NEUTRAL
    )
    source = models.CharField(
        _("source"), max_length=200, help_text=_("E.g. Einwohnermeldeamt, Statistisches Landesamt.")
    )
    rhythm = models.CharField(
        _("update rhythm"), max_length=12, choices=Rhythm.choices, default=Rhythm.YEARLY
    )
    breakdowns = models.JSONField(
        _("breakdowns"),
        default=list,
        blank=True,
        help_text=_("The groups besides the total for which values are kept."),
    )
    is_population = models.BooleanField(
        _("population count"),
        default=False,
        help_text=_(
            "The values count residents; with a breakdown by group they give the segregation index."
        ),
    )
    action_fields = models.ManyToManyField(
        "measures.ActionField",
        verbose_name=_("action fields"),
        blank=True,
        related_name="city_indicators",
    )
    measures = models.ManyToManyField(
        Measure, verbose_name=_("measures"), blank=True, related_name="city_indicators"
    )
    in_report = models.BooleanField(
        _("in the monitoring report"),
        default=False,
        help_text=_("Show chart, map and text in the monitoring report's section on indicators."),
    )
    report_text = models.TextField(
        _("text for the report"), blank=True, help_text=_("A short reading of the figures.")
    )
    version = version_field()
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    history = HistoricalRecords(
        excluded_fields=["updated_at", "version"], m2m_fields=[action_fields, measures]
    )

    class Meta:
        verbose_name = _("monitoring indicator")
        verbose_name_plural = _("monitoring indicators")
        ordering = ["code"]

    def __str__(self):
        return f"{self.code} {self.title}"

    def get_absolute_url(self):
        return reverse("indicators:detail", args=[self.pk])

    def breakdown_labels(self):
        """The breakdowns in words, in the order of BREAKDOWN_CHOICES."""
        return [label for key, label in BREAKDOWN_CHOICES if key in self.breakdowns]

    @property
    def by_district(self):
        return DISTRICT in self.breakdowns


class CityIndicatorValue(models.Model):
    """One figure: an indicator's value for an area, a period and a breakdown group."""

    class PeriodKind(models.TextChoices):
        YEAR = "year", _("year")
        DATE = "date", _("reporting date")

    indicator = models.ForeignKey(
        CityIndicator, verbose_name=_("indicator"), on_delete=models.CASCADE, related_name="values"
    )
    area = models.ForeignKey(
        Area, verbose_name=_("area"), on_delete=models.PROTECT, related_name="values"
    )
    # A year is stored as its 31 December, so that years and reporting dates sort together.
    period = models.DateField(_("period"))
    period_kind = models.CharField(
        _("kind of period"), max_length=4, choices=PeriodKind.choices, default=PeriodKind.YEAR
    )
    breakdown = models.CharField(
        _("breakdown"), max_length=12, choices=Breakdown.choices, default=Breakdown.TOTAL
    )
    group = models.CharField(
        _("group"),
        max_length=100,
        blank=True,
        help_text=_("E.g. “weiblich”, “0–17”, “mit Migrationshintergrund”; empty for the total."),
    )
    value = models.DecimalField(_("value"), max_digits=15, decimal_places=3)
    note = models.CharField(_("note"), max_length=300, blank=True)
    source_reference = models.CharField(_("source reference"), max_length=300, blank=True)
    version = version_field()
    history = HistoricalRecords(excluded_fields=["version"])

    class Meta:
        verbose_name = _("monitoring value")
        verbose_name_plural = _("monitoring values")
        ordering = ["indicator", "area", "period", "breakdown", "group"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "area", "period", "breakdown", "group"],
                name="unique_city_indicator_value",
                violation_error_message=_(
                    "There is already a value for this indicator, area, period and group."
                ),
            ),
            models.CheckConstraint(
                condition=models.Q(breakdown="total", group="")
                | (~models.Q(breakdown="total") & ~models.Q(group="")),
                name="city_indicator_value_group_matches_breakdown",
                violation_error_message=_(
                    "Name the group for a breakdown, and leave it empty for the total."
                ),
            ),
        ]
        indexes = [models.Index(fields=["indicator", "breakdown", "period"])]

    def __str__(self):
        return f"{self.indicator.code} {self.area}: {self.value} ({self.period_label})"

    @property
    def period_label(self):
        """“2024” for a year, “30.06.2024” for a reporting date."""
        if self.period_kind == self.PeriodKind.YEAR:
            return str(self.period.year)
        return date_format(self.period, "SHORT_DATE_FORMAT")
