"""The forms of the monitoring's catalogue: indicators, areas (with a GeoJSON boundary) and
values. Values are typed as a German office writes them ("1.234,5")."""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from core.concurrency import VersionedFormMixin
from core.widgets import DateInput, PickerMultipleChoiceField, PickerSelectMultiple

from ..models import ActionField, Area, Breakdown, CityIndicator, CityIndicatorValue, Measure
from ..models.city_indicators import BREAKDOWN_CHOICES
from ..projects.project_forms import current_or_linked
from ..search import MEASURES
from ..templatetags.report_numbers import trimmed
from .geojson import MAX_GEOJSON_BYTES, boundary_from_upload, parse_features

GEOJSON_SUFFIXES = (".geojson", ".json")
MAX_MEGABYTES = MAX_GEOJSON_BYTES // (1024 * 1024)
# Every field staff edit, here and in the admin.
INDICATOR_FIELDS = [
    "code",
    "title",
    "topic",
    "definition",
    "numerator",
    "denominator",
    "unit",
    "decimal_places",
    "direction",
    "source",
    "rhythm",
    "breakdowns",
    "is_population",
    "action_fields",
    "measures",
    "in_report",
    "report_text",
]


class CityIndicatorForm(VersionedFormMixin, forms.ModelForm):
    breakdowns = forms.MultipleChoiceField(
        label=_("breakdowns"),
        choices=BREAKDOWN_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The groups besides the total for which values are kept."),
    )

    class Meta:
        model = CityIndicator
        fields = INDICATOR_FIELDS
        widgets = {
            "definition": forms.Textarea(attrs={"rows": 4}),
            "report_text": forms.Textarea(attrs={"rows": 4}),
            "action_fields": forms.CheckboxSelectMultiple,
            "measures": PickerSelectMultiple(MEASURES),
        }
        field_classes = {"measures": PickerMultipleChoiceField}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["action_fields"].queryset = current_or_linked(
            ActionField.objects.select_related("plan"), self._linked("action_fields")
        ).order_by("plan", "order", "code")
        self.fields["measures"].queryset = current_or_linked(
            Measure.objects.only("pk", "code", "title"), self._linked("measures")
        ).order_by("plan", "code")

    def _linked(self, relation):
        if self.instance.pk is None:
            return []
        return list(getattr(self.instance, relation).values_list("pk", flat=True))

    def clean_code(self):
        code = self.cleaned_data["code"]
        # Imports find an indicator by its code whatever its case: "a2" would clash with "A2".
        taken = CityIndicator.objects.filter(code__iexact=code).exclude(pk=self.instance.pk)
        if taken.exists():
            raise ValidationError(
                _("There is already an indicator with the code “%(code)s”."),
                code="unique",
                params={"code": code},
            )
        return code

    def clean_breakdowns(self):
        chosen = self.cleaned_data["breakdowns"]
        if self.instance.pk is not None:
            # A breakdown whose values exist stays: its values would fall out of every page.
            kept = set(
                self.instance.values.exclude(breakdown=Breakdown.TOTAL)
                .values_list("breakdown", flat=True)
                .distinct()
            )
            removed = [
                str(label) for key, label in BREAKDOWN_CHOICES if key in kept and key not in chosen
            ]
            if removed:
                raise ValidationError(
                    _("There are values by %(breakdown)s; delete them before you remove it."),
                    code="in_use",
                    params={"breakdown": ", ".join(removed)},
                )
        # The stored order stays (no change in the history for a mere reordering); new keys
        # follow in the order of BREAKDOWN_CHOICES, however the browser sent them.
        kept_order = [key for key in self.instance.breakdowns if key in chosen]
        return kept_order + [
            key for key, _label in BREAKDOWN_CHOICES if key in chosen and key not in kept_order
        ]


class AreaForm(VersionedFormMixin, forms.ModelForm):
    boundary_file = forms.FileField(label=_("boundary (GeoJSON file)"), required=False)
    remove_boundary = forms.BooleanField(label=_("Remove the boundary"), required=False)

    class Meta:
        model = Area
        fields = ["code", "name", "kind", "sort_order", "boundary_note"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["boundary_file"].help_text = _(
            "A .geojson or .json file with the area's polygon in WGS 84 (longitude, latitude); "
            "at most %(size)s MB. It replaces the stored boundary."
        ) % {"size": MAX_MEGABYTES}
        if self.instance.boundary is None:
            del self.fields["remove_boundary"]

    def clean_kind(self):
        kind = self.cleaned_data["kind"]
        if kind == Area.Kind.CITY:
            other = Area.objects.filter(kind=Area.Kind.CITY).exclude(pk=self.instance.pk).first()
            if other is not None:
                raise ValidationError(
                    _("“%(city)s” is the city already; every other area is a district."),
                    code="second_city",
                    params={"city": other.name},
                )
        return kind

    def clean_boundary_file(self):
        uploaded = self.cleaned_data.get("boundary_file")
        if not uploaded:
            return None
        return read_geojson(uploaded, boundary_from_upload)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("boundary_file") is not None and cleaned.get("remove_boundary"):
            self.add_error(
                "remove_boundary",
                _("Either upload a new boundary or remove the stored one, not both."),
            )
        return cleaned

    def save(self, commit=True):
        area = super().save(commit=False)
        if self.cleaned_data.get("boundary_file") is not None:
            area.boundary = self.cleaned_data["boundary_file"]
        elif self.cleaned_data.get("remove_boundary"):
            area.boundary = None
        if commit:
            area.save()
        return area


def read_geojson(uploaded, parse):
    """The uploaded file's content through `parse` (a function of measures.indicators.geojson),
    after the checks of name and size that need no reading."""
    if not uploaded.name.lower().endswith(GEOJSON_SUFFIXES):
        raise ValidationError(
            _("Please upload a GeoJSON file ending in .geojson or .json."), code="suffix"
        )
    if uploaded.size > MAX_GEOJSON_BYTES:
        raise ValidationError(
            _("The file is larger than %(size)s MB."),
            code="size",
            params={"size": MAX_MEGABYTES},
        )
    return parse(uploaded.read())


class BoundariesForm(forms.Form):
    """One GeoJSON FeatureCollection with the boundaries of all districts."""

    file = forms.FileField(label=_("GeoJSON file with all districts"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = _(
            "A FeatureCollection with one feature per area; each feature names its area by "
            "the area key (property “code”, “key”, “AGS” or “schluessel”) or by its name "
            "(“name”, “bezeichnung” or “stadtteil”). At most %(size)s MB."
        ) % {"size": MAX_MEGABYTES}

    def clean_file(self):
        return read_geojson(self.cleaned_data["file"], parse_features)


class CityIndicatorValueForm(VersionedFormMixin, forms.ModelForm):
    """A value of one indicator: the period is a year or a reporting date, the breakdown one of
    those the indicator has."""

    year = forms.IntegerField(label=_("year"), required=False, min_value=1900, max_value=2100)
    date = forms.DateField(
        label=_("reporting date"),
        required=False,
        widget=DateInput(),
        help_text=_("Only for values of a reporting date."),
    )

    class Meta:
        model = CityIndicatorValue
        fields = [
            "area",
            "period_kind",
            "year",
            "date",
            "breakdown",
            "group",
            "value",
            "note",
            "source_reference",
        ]
        localized_fields = ["value"]
        widgets = {
            "period_kind": forms.RadioSelect,
            "value": forms.TextInput(attrs={"inputmode": "decimal"}),
        }
        help_texts = {"value": _("E.g. 12,3 or 1.234.")}

    def __init__(self, *args, indicator, **kwargs):
        super().__init__(*args, **kwargs)
        self.indicator = self.instance.indicator = indicator
        self.fields["area"].queryset = Area.objects.all()
        self.fields["area"].empty_label = None
        allowed = [Breakdown.TOTAL, *indicator.breakdowns]
        breakdown = self.fields["breakdown"]
        breakdown.choices = [(key, label) for key, label in Breakdown.choices if key in allowed]
        names = ", ".join(str(label) for _key, label in breakdown.choices)
        breakdown.error_messages["invalid_choice"] = _(
            "This indicator keeps no values by this breakdown; it has: %(allowed)s. "
            "Add the breakdown to the indicator first."
        ) % {"allowed": names}
        if self.instance.pk is not None and not self.is_bound:
            period = self.instance.period
            if self.instance.period_kind == CityIndicatorValue.PeriodKind.YEAR:
                self.initial["year"] = period.year
            else:
                self.initial["date"] = period
            self.initial["value"] = trimmed(self.instance.value)

    def clean_area(self):
        area = self.cleaned_data["area"]
        if not area.is_city and not self.indicator.by_district:
            raise ValidationError(
                _(
                    "This indicator has no values by district; choose the city, or add the "
                    "breakdown by district to the indicator first."
                ),
                code="no_districts",
            )
        return area

    def clean(self):
        cleaned = super().clean()
        self._clean_period(cleaned)
        self._clean_group(cleaned)
        if not self.errors and self._is_duplicate(cleaned):
            raise ValidationError(
                _(
                    "There is already a value for this area, period and group. Change that "
                    "value instead."
                ),
                code="duplicate",
            )
        return cleaned

    def _clean_period(self, cleaned):
        kind = cleaned.get("period_kind")
        if kind == CityIndicatorValue.PeriodKind.YEAR:
            if cleaned.get("year") is None:
                self.add_error("year", _("Please enter the year."))
            else:
                self.instance.period = datetime.date(cleaned["year"], 12, 31)
        elif kind == CityIndicatorValue.PeriodKind.DATE:
            if cleaned.get("date") is None:
                self.add_error("date", _("Please enter the reporting date."))
            else:
                self.instance.period = cleaned["date"]

    def _clean_group(self, cleaned):
        breakdown, group = cleaned.get("breakdown"), cleaned.get("group", "")
        if breakdown == Breakdown.TOTAL and group:
            self.add_error("group", _("Leave the group empty for the value in total."))
        elif breakdown and breakdown != Breakdown.TOTAL and not group:
            self.add_error(
                "group", _("Please name the group, e.g. “weiblich” or “mit Migrationshintergrund”.")
            )

    def _is_duplicate(self, cleaned):
        same = CityIndicatorValue.objects.filter(
            indicator=self.indicator,
            area=cleaned["area"],
            period=self.instance.period,
            breakdown=cleaned["breakdown"],
            group=cleaned.get("group", ""),
        )
        return same.exclude(pk=self.instance.pk).exists()
