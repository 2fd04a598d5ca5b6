"""The import kind "indicator-values": the figures of the integration monitoring from the
statistics office's files, and the columns of the export in long format (exports.py).

Two layouts are recognised (docs/indicator-data.md): the long one, one row per value (as the
export writes it), and the wide one of statistics offices' tables, one row per area and one
column per year. `reshape` (import_layouts.py) turns a wide table into long rows first;
the indicator of a wide file without an "Indikator" column is chosen on the upload page.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy
from import_export import fields
from import_export.instance_loaders import BaseInstanceLoader

from core.imports import registry
from core.imports.base import ImportResource
from core.imports.widgets import TextWidget, cell_text

from ..models import Breakdown, CityIndicator, CityIndicatorValue
from .import_columns import (
    BREAKDOWN_ALIASES,
    SEPARATOR,
    BreakdownWidget,
    CheckedColumn,
    PeriodColumn,
    PeriodWidget,
    RecordColumn,
    RecordWidget,
    ValueWidget,
    is_percent,
    same_unit,
)
from .import_layouts import TableLayouts


class ValueLoader(BaseInstanceLoader):
    """Finds a row's saved value by indicator, area, period, breakdown and group; reads the
    values of the file's indicators once."""

    def __init__(self, resource, dataset=None):
        super().__init__(resource, dataset)
        keys = [resource.identify(row) for row in (dataset.dict if dataset else [])]
        indicators = {key[0] for key in keys if key}
        self.values = {
            (value.indicator_id, value.area_id, value.period, value.breakdown, value.group): value
            for value in resource.get_queryset().filter(indicator__in=indicators)
        }

    def get_instance(self, row):
        key = self.resource.identify(row)
        if key is None:
            return None
        indicator, area, period, breakdown, group = key
        return self.values.get((indicator, area, period, breakdown, group))


class IndicatorValueResource(TableLayouts, ImportResource):
    indicator = RecordColumn(
        "indicator",
        attribute="indicator_code",
        column_name=pgettext_lazy("monitoring data column", "Indicator code"),
        widget=RecordWidget("indicator", "code"),
    )
    indicator_title = RecordColumn(
        "indicator",
        attribute="indicator_title",
        column_name=pgettext_lazy("monitoring data column", "Indicator"),
        widget=RecordWidget("indicator", "title"),
    )
    area = RecordColumn(
        "area",
        attribute="area_code",
        column_name=pgettext_lazy("monitoring data column", "Area key"),
        widget=RecordWidget("area", "code"),
    )
    area_name = RecordColumn(
        "area",
        attribute="area_name",
        column_name=pgettext_lazy("monitoring data column", "Area"),
        widget=RecordWidget("area", "name"),
    )
    period = PeriodColumn(
        attribute="period",
        column_name=pgettext_lazy("monitoring data column", "Period"),
        widget=PeriodWidget(),
    )
    breakdown = fields.Field(
        attribute="breakdown",
        column_name=pgettext_lazy("monitoring data column", "Breakdown"),
        widget=BreakdownWidget(
            Breakdown.choices, default=Breakdown.TOTAL, aliases=BREAKDOWN_ALIASES
        ),
    )
    group = fields.Field(
        attribute="group",
        column_name=pgettext_lazy("monitoring data column", "Group"),
        widget=TextWidget(100),
    )
    value = fields.Field(
        attribute="value",
        column_name=pgettext_lazy("monitoring data column", "Value"),
        widget=ValueWidget(),
    )
    unit = CheckedColumn(
        "indicator.unit",
        attribute="unit_in_file",
        column_name=pgettext_lazy("monitoring data column", "Unit"),
        widget=TextWidget(),
    )
    source_reference = fields.Field(
        attribute="source_reference",
        column_name=pgettext_lazy("monitoring data column", "Source"),
        widget=TextWidget(300),
    )
    note = fields.Field(
        attribute="note",
        column_name=pgettext_lazy("monitoring data column", "Note"),
        widget=TextWidget(300),
    )

    key = "period"
    required = ("period", "value")
    aliases = {
        "indicator": ("Code", "Indikatorcode", "Kennziffer"),
        "indicator_title": ("Indikatorname", "Bezeichnung"),
        "area": ("Schlüssel", "Gebietskennziffer", "AGS", "Bezirksnummer", "Stadtteilnummer"),
        "area_name": ("Stadtteil", "Bezirk", "Stadtbezirk", "Name", "Gebietsname", "Ortsteil"),
        "period": ("Jahr", "Stichtag", "Zeit"),
        "breakdown": ("Merkmal",),
        "group": ("Gruppe/Ausprägung", "Ausprägung"),
        "value": ("Anzahl", "Wert (Zahl)"),
        "source_reference": ("Quellenangabe",),
        "note": ("Bemerkung", "Hinweis", "Fußnote"),
    }
    hints = {
        "indicator": gettext_lazy(
            "The indicator's code (e.g. A2) or, in the column Indikator, its exact title. "
            "A file with one column per year may leave it out and name the indicator above."
        ),
        "area": gettext_lazy(
            "The area's key (AGS of the city, key of the district) or, in the column Gebiet, "
            "its name; also Stadtteil, Bezirk or Stadtbezirk."
        ),
        "period": gettext_lazy(
            "A year (2024) or a reporting date (30.06.2024 or 2024-06-30). Instead of this "
            "column, a file may have one column per year (2016, 2017, …)."
        ),
        "breakdown": gettext_lazy(
            "Empty or “insgesamt” for the total, else Geschlecht, Altersgruppe, "
            "Migrationshintergrund or Staatsangehörigkeit (or total, gender, age, migration, "
            "nationality)."
        ),
        "group": gettext_lazy("The group of the breakdown, e.g. weiblich; empty for the total."),
        "value": gettext_lazy(
            "A number such as 12,3, 1.234,5 or 12,3 %. Empty cells and “-”, “.”, “x”, “*”, "
            "“…” (no value or kept secret) are skipped."
        ),
        "unit": gettext_lazy("Optional; if given, it must be the indicator's unit."),
    }

    class Meta(ImportResource.Meta):
        model = CityIndicatorValue
        fields = (
            "indicator",
            "indicator_title",
            "area",
            "area_name",
            "period",
            "breakdown",
            "group",
            "value",
            "unit",
            "source_reference",
            "note",
        )
        export_order = fields
        instance_loader_class = ValueLoader

    def __init__(self, user=None, **kwargs):
        super().__init__(user=user, **kwargs)
        self._row: dict = {}

    def get_queryset(self):
        return CityIndicatorValue.objects.select_related("indicator", "area")

    def get_instance(self, instance_loader, row):
        return instance_loader.get_instance(row)

    def init_instance(self, row=None):
        return CityIndicatorValue()

    # Identifying a row's value.

    def identify(self, row) -> tuple | None:
        """(indicator id, area id, period, breakdown, group) the row names, or None if a cell
        cannot be read (its error is reported by the import of the row)."""
        try:
            indicator = self.named(row, "indicator", "indicator_title")
            area = self.named(row, "area", "area_name")
            period = self.cleaned(row, "period")
            breakdown = self.cleaned(row, "breakdown") or Breakdown.TOTAL
        except ValueError:
            return None
        if indicator is None or area is None or period is None:
            return None
        group = cell_text(row.get(self.column("group")))
        return indicator.pk, area.pk, period[0], breakdown, group

    def named(self, row, *names: str):
        for name in names:
            found = self.cleaned(row, name)
            if found is not None:
                return found
        return None

    def cleaned(self, row, name: str):
        label = self.column(name)
        return self.fields[name].widget.clean(row[label]) if label in row else None

    def row_key(self, row):
        key = self.identify(row)
        if key is None:
            # Unreadable cells: the row's own errors follow; its text still finds repeats.
            return SEPARATOR.join(cell_text(value) for value in row.values())
        return self.row_label(row)

    def row_label(self, row):
        texts = [
            self.label(row, "indicator", "indicator_title"),
            self.label(row, "area", "area_name"),
            cell_text(row.get(self.column("period"))),
            cell_text(row.get(self.column("group"))),
        ]
        return SEPARATOR.join(text for text in texts if text)

    def label(self, row, *names: str) -> str:
        """The indicator's code or the area's name a row names, else its cell as written."""
        try:
            found = self.named(row, *names)
        except ValueError:
            found = None
        if found is None:
            return next(
                (cell_text(row.get(self.column(n))) for n in names if self.column(n) in row), ""
            )
        return found.code if isinstance(found, CityIndicator) else str(found)

    # Checking and saving a row.

    def import_instance(self, instance, row, **kwargs):
        self._row = row
        super().import_instance(instance, row, **kwargs)

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        # The rows are matched to saved values and repeats refused before; the constraints'
        # checks would cost two queries per row and repeat check_row's messages, as would the
        # checks of the related records and the period, which their columns report.
        errors = dict(import_validation_errors or {})
        try:
            instance.full_clean(
                exclude={*errors, "indicator", "area", "period"},
                validate_unique=False,
                validate_constraints=False,
            )
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        if errors:
            raise ValidationError(errors)

    def check_row(self, instance):
        errors: dict[str, list[str]] = {}
        row = self._row
        if instance.indicator_id is None and not self.filled(row, "indicator", "indicator_title"):
            errors["indicator_code"] = [_("Please name the indicator (code or title).")]
        if instance.area_id is None and not self.filled(row, "area", "area_name"):
            errors["area_code"] = [_("Please name the area (key or name).")]
        if not self.filled(row, "period"):
            errors["period"] = [_("Please fill in the period (a year or a date).")]
        if instance.indicator_id is not None:
            errors.update(self.check_indicator(instance))
        if instance.breakdown == Breakdown.TOTAL and instance.group:
            errors["group"] = [
                _("A value in total has no group; please name the breakdown of the group.")
            ]
        return errors

    def check_indicator(self, instance):
        errors: dict[str, list[str]] = {}
        indicator = instance.indicator
        if instance.breakdown != Breakdown.TOTAL:
            if instance.breakdown not in indicator.breakdowns:
                errors["breakdown"] = [
                    _("The indicator %(code)s has no breakdown by %(breakdown)s.")
                    % {"code": indicator.code, "breakdown": instance.get_breakdown_display()}
                ]
            elif not instance.group:
                errors["group"] = [
                    _("Please name the group of the breakdown by %(breakdown)s.")
                    % {"breakdown": instance.get_breakdown_display()}
                ]
        if instance.area_id is not None and not instance.area.is_city and not indicator.by_district:
            errors[self.attribute_in(self._row, "area", "area_name")] = [
                _("The indicator %(code)s has no values per district.") % {"code": indicator.code}
            ]
        if is_percent(self._row.get(self.column("value"))) and not same_unit("%", indicator.unit):
            errors["value"] = [
                _("The value is given in per cent, but the unit of %(code)s is %(unit)s.")
                % {"code": indicator.code, "unit": indicator.unit}
            ]
        unit = getattr(instance, "unit_in_file", "")
        if unit and not same_unit(unit, indicator.unit):
            errors["unit_in_file"] = [
                _("The unit '%(unit)s' is not the indicator's unit (%(expected)s).")
                % {"unit": unit, "expected": indicator.unit}
            ]
        return errors

    def attribute_in(self, row, *names: str) -> str:
        """The attribute of the first of the columns `names` that the file has, for errors."""
        found = next((name for name in names if self.column(name) in row), names[0])
        return self.fields[found].attribute

    def filled(self, row, *names: str) -> bool:
        return any(cell_text(row.get(self.column(name))) for name in names)


class IndicatorChoiceForm(forms.Form):
    """The indicator of a file with one column per year, which names none."""

    indicator = forms.ModelChoiceField(
        queryset=CityIndicator.objects.order_by("code"),
        required=False,
        label=gettext_lazy("Indicator of a table with one column per year"),
        help_text=gettext_lazy(
            "Tables of the statistics office often have one row per area and one column per "
            "year, without a column naming the indicator: choose it here. Not needed for "
            "files with a column “Indikator”."
        ),
    )

    def options(self) -> dict[str, str]:
        chosen = self.cleaned_data.get("indicator")
        return {"indicator": str(chosen.pk)} if chosen else {}


def register():
    registry.register(
        registry.ImportKind(
            "indicator-values",
            gettext_lazy("Values of the integration monitoring"),
            IndicatorValueResource,
            ("measures.add_cityindicatorvalue", "measures.change_cityindicatorvalue"),
            "indicators:overview",
            options_form=IndicatorChoiceForm,
        )
    )
