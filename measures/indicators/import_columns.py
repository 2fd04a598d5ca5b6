"""The cells of the monitoring's files: indicators and areas by code or name, periods, values
and breakdowns, read as statistics offices write them and written as the export shows them
(imports.py puts them together)."""

import datetime
import re
from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import ObjectDoesNotExist
from django.utils.translation import gettext as _
from import_export import fields, widgets

from core.imports.matching import match_key
from core.imports.widgets import ChoiceWidget, DecimalWidget, cell_text

from ..models import Area, Breakdown, CityIndicator, CityIndicatorValue

# A year as a heading or a cell: "2024", a number cell 2024.0, or with a footnote mark as
# statistics offices add one ("2024 1)", "2024*", "2024¹", "2024 (1)").
FOOTNOTE_MARK = r"\s*(\*+|[¹²³⁴-⁹⁰]+|\(?\d{1,2}\)|[a-z]\))"
YEAR_HEADER = re.compile(rf"^(\d{{4}})(\.0+)?(?P<mark>{FOOTNOTE_MARK})?$")
# A name with a footnote mark after it ("Faurndau 1)", "Jebenhausen*").
MARKED_NAME = re.compile(rf"^(?P<name>.*\D){FOOTNOTE_MARK}$")
FIRST_YEAR, LAST_YEAR = 1990, 2100
# What statistics offices write into a cell without a value (spaces aside): nothing there,
# nothing to show, not yet known, kept secret (Bundesagentur für Arbeit: "*"), not sensible.
NO_VALUE = {"", "-", "–", "—", "−", ".", "..", "...", "…", "x", "/", "*", "k.a.", "n.v."}
BREAKDOWN_ALIASES = {
    "gesamt": Breakdown.TOTAL,
    "alle": Breakdown.TOTAL,
    "Alter": Breakdown.AGE,
    "Staatsangehörigkeitsgruppe": Breakdown.NATIONALITY,
    "Nationalität": Breakdown.NATIONALITY,
}
SEPARATOR = " · "
# How the row of the whole city is headed in statistics offices' tables by area.
CITY_TOTALS = (
    "insgesamt",
    "gesamt",
    "gesamtstadt",
    "stadt insgesamt",
    "stadt gesamt",
    "stadt {name}",
    "{name} insgesamt",
    "{name} gesamt",
    "{name}, stadt",
    "{name} (stadt)",
)
NUMERIC_CODE = "number:"


def is_no_value(cell: object) -> bool:
    return "".join(cell_text(cell).split()).casefold() in NO_VALUE


def is_percent(cell: object) -> bool:
    """Whether a cell is a figure written with a per cent sign ("12,3 %")."""
    return isinstance(cell, str) and cell_text(cell).endswith("%")


def same_unit(first: str, second: str) -> bool:
    """Whether two units are one, in any case and spacing; "Prozent" and "in %" are "%"."""
    return unit_key(first) == unit_key(second)


def unit_key(unit: str) -> str:
    key = match_key(unit).removeprefix("in ")
    return "%" if key in ("prozent", "%", "v. h.", "v.h.") else key


def year_of(header: object) -> tuple[int, bool] | None:
    """(year, whether a footnote mark follows it) of a heading that is a year, else None."""
    match = YEAR_HEADER.match(cell_text(header))
    if match and FIRST_YEAR <= int(match.group(1)) <= LAST_YEAR:
        return int(match.group(1)), bool(match.group("mark"))
    return None


class Catalogue:
    """The indicators and areas by code and by name, read once per import."""

    def __init__(self) -> None:
        self._indicators: dict[str, CityIndicator] | None = None
        self._areas: dict[str, Area] | None = None

    def indicator(self, text: str) -> CityIndicator:
        if self._indicators is None:
            self._indicators = {}
            for indicator in CityIndicator.objects.all():
                self._indicators.setdefault(match_key(indicator.title), indicator)
            for indicator in CityIndicator.objects.all():
                self._indicators[match_key(indicator.code)] = indicator
        try:
            return self._indicators[match_key(text)]
        except KeyError:
            raise ValueError(
                _("There is no monitoring indicator with the code or title '%(value)s'.")
                % {"value": text}
            ) from None

    def area(self, text: str) -> Area:
        if self._areas is None:
            self._areas = self.read_areas()
        found = self._areas.get(match_key(text))
        if found is None and text.isdigit():
            # Excel drops the leading zero of a key typed as a number (AGS 08117019).
            found = self._areas.get(f"{NUMERIC_CODE}{text.lstrip('0')}")
        if found is None and (marked := MARKED_NAME.match(text)):
            # A footnote mark after the name; the name itself must be an area's.
            found = self._areas.get(match_key(marked.group("name")))
        if found is None:
            raise ValueError(
                _("There is no area with the key or name '%(value)s'.") % {"value": text}
            )
        return found

    @staticmethod
    def read_areas() -> dict[str, Area]:
        """The areas by name and by code, a name never hiding a code; the city also by the
        names of a total row ("Stadt insgesamt") if there is exactly one city."""
        areas = list(Area.objects.all())
        found: dict[str, Area] = {}
        for area in areas:
            found.setdefault(match_key(area.name), area)
        for area in areas:
            found[match_key(area.code)] = area
            if area.code.isdigit():
                found[f"{NUMERIC_CODE}{area.code.lstrip('0')}"] = area
        cities = [area for area in areas if area.is_city]
        if len(cities) == 1:
            name = cities[0].name
            for alias in CITY_TOTALS:
                found.setdefault(match_key(alias.format(name=name)), cities[0])
        return found


class RecordWidget(widgets.Widget):
    """An indicator or area by its code or name; exported as `shown` (code, title, name)."""

    def __init__(self, find: str, shown: str, **kwargs: object) -> None:
        self.find, self.shown = find, shown
        self.catalogue = Catalogue()
        super().__init__(**kwargs)

    def clean(self, value, row=None, **kwargs):
        text = cell_text(value)
        return getattr(self.catalogue, self.find)(text) if text else None

    def render(self, value, obj=None, **kwargs):
        return getattr(value, self.shown) if value is not None else ""


class RecordColumn(fields.Field):
    """A column naming the related record of `target` (the indicator by its code or title).

    Two columns may name the same record (the export writes code and title): the first filled
    one sets it, and each keeps its own attribute, so that an error names its own column.
    """

    def __init__(self, target: str, **kwargs: object) -> None:
        self.target = target
        super().__init__(**kwargs)

    def get_value(self, instance):
        return getattr(instance, self.target, None)

    def save(self, instance, row, is_m2m=False, **kwargs):
        found = self.clean(row, **kwargs)
        if found is not None and getattr(instance, f"{self.target}_id") is None:
            setattr(instance, self.target, found)


class PeriodWidget(widgets.Widget):
    """A year ("2024") or a reporting date ("30.06.2024", "2024-06-30", a date cell) as
    (date, kind); a year is stored as its 31 December. Exported as YYYY or YYYY-MM-DD."""

    FORMATS = ("%d.%m.%Y", "%Y-%m-%d", "%d.%m.%Y %H:%M", "%Y-%m-%d %H:%M:%S")

    def clean(self, value, row=None, **kwargs):
        if isinstance(value, datetime.datetime):
            value = value.date()
        if isinstance(value, datetime.date):
            return value, CityIndicatorValue.PeriodKind.DATE
        text = cell_text(value)
        if not text:
            return None
        match = YEAR_HEADER.match(text)
        if match and FIRST_YEAR <= int(match.group(1)) <= LAST_YEAR:
            return datetime.date(int(match.group(1)), 12, 31), CityIndicatorValue.PeriodKind.YEAR
        for date_format in self.FORMATS:
            try:
                found = datetime.datetime.strptime(text, date_format).date()
            except ValueError:
                continue
            return found, CityIndicatorValue.PeriodKind.DATE
        raise ValueError(
            _("'%(value)s' is not a period: a year such as 2024 or a date such as 30.06.2024.")
            % {"value": text}
        )

    def render(self, value, obj=None, **kwargs):
        if value is None:
            return ""
        period, kind = value
        if kind == CityIndicatorValue.PeriodKind.YEAR:
            return str(period.year)
        return period.isoformat()


class PeriodColumn(fields.Field):
    def get_value(self, instance):
        return (instance.period, instance.period_kind) if instance.period else None

    def save(self, instance, row, is_m2m=False, **kwargs):
        found = self.clean(row, **kwargs)
        if found is not None and not (instance.pk and instance.period == found[0]):
            # A saved value keeps its kind: "31.12.2023" over the year 2023 is the same period.
            instance.period, instance.period_kind = found


class ValueWidget(DecimalWidget):
    """A German or program-written number, rounded to the three decimal places kept."""

    def clean(self, value, row=None, **kwargs):
        if isinstance(value, str) and is_percent(value):
            # "12,3 %": the figure in per cent; the import checks the indicator's unit.
            value = cell_text(value).removesuffix("%")
        number = super().clean(value, row, **kwargs)
        if number is None:
            return None
        return number.quantize(Decimal("0.001"), rounding=ROUND_HALF_UP)

    def render(self, value, obj=None, **kwargs):
        if value is None:
            return ""
        return f"{value.normalize():f}".replace(".", ",")


class BreakdownWidget(ChoiceWidget):
    """A breakdown by its label or key; exported by its key, which other cities read alike."""

    def render(self, value, obj=None, **kwargs):
        return value or ""


class CheckedColumn(fields.Field):
    """A column the import only compares with the record (the unit); export shows `show`."""

    def __init__(self, show: str, **kwargs: object) -> None:
        self.show = show
        super().__init__(**kwargs)

    def get_value(self, instance):
        value = instance
        for part in self.show.split("."):
            try:
                value = getattr(value, part)
            except ObjectDoesNotExist:
                return None
        return value

    def save(self, instance, row, is_m2m=False, **kwargs):
        setattr(instance, self.attribute, self.clean(row, **kwargs))
