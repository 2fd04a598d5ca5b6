"""The figures of the integration monitoring as the pages and the PDFs show them: time series,
the latest value per district, trends and the segregation index.

Every function reads the values it needs with one query (plus one for the areas where it needs
them), whatever the number of indicators, areas or periods: the pages' query counts stay fixed.
"""

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _

from ..models import Area, Breakdown, CityIndicator, CityIndicatorValue
from .choropleth import MapArea, choropleth_figure
from .figures import Series, format_value, time_series_figure
from .periods import Period, period_label, rounded
from .segregation import (
    Dissimilarity,
    dissimilarity,
    segregation,
    segregation_figure,
    segregation_tables,
)

__all__ = [
    "Dissimilarity",
    "Trend",
    "breakdown_series",
    "city_area",
    "default_areas",
    "dissimilarity",
    "district_areas",
    "district_rows",
    "indicator_figures",
    "indicator_series",
    "latest_by_area",
    "period_label",
    "rounded",
    "segregation",
    "segregation_figure",
    "segregation_tables",
    "table_rows",
    "trend",
    "trends",
]

# The indicator page shows every district by default up to this many, else the first few.
ALL_DISTRICTS_UP_TO = 6
FIRST_DISTRICTS = 4


def city_area() -> Area | None:
    return Area.objects.filter(kind=Area.Kind.CITY).first()


def district_areas() -> list[Area]:
    return list(Area.objects.filter(kind=Area.Kind.DISTRICT))


def default_areas(areas: list[Area]) -> list[Area]:
    """The indicator page's series when nobody chose: the city and every district, or the first
    few districts where there are many."""
    city = [area for area in areas if area.is_city]
    districts = [area for area in areas if not area.is_city]
    if len(districts) > ALL_DISTRICTS_UP_TO:
        districts = districts[:FIRST_DISTRICTS]
    return city + districts


def _aligned(rows) -> tuple[list[Period], dict]:
    """(ordered periods, {key: {period: value}}) from rows of (key, period, kind, value)."""
    by_key: dict = defaultdict(dict)
    periods = set()
    for key, day, kind, value in rows:
        by_key[key][(day, kind)] = value
        periods.add((day, kind))
    return sorted(periods), by_key


def indicator_series(
    indicator, areas: list[Area], breakdown: str = "total", group: str = ""
) -> tuple[list[str], list[Series]]:
    """The period labels (ordered) and one Series per area, in the order given; the city's
    series is emphasised. A period counts when any of the areas has a value for it."""
    rows = CityIndicatorValue.objects.filter(
        indicator=indicator, area__in=areas, breakdown=breakdown, group=group
    ).values_list("area_id", "period", "period_kind", "value")
    periods, by_area = _aligned(rows)
    series = [
        Series(
            label=area.name,
            values=[by_area[area.pk].get(period) for period in periods],
            emphasis=area.is_city,
        )
        for area in areas
    ]
    return [period_label(period) for period in periods], series


def breakdown_series(indicator, area: Area, breakdown: str) -> tuple[list[str], list[Series]]:
    """One Series per group of the breakdown for the area, groups in alphabetical order."""
    rows = CityIndicatorValue.objects.filter(
        indicator=indicator, area=area, breakdown=breakdown
    ).values_list("group", "period", "period_kind", "value")
    periods, by_group = _aligned(rows)
    series = [
        Series(label=group, values=[values.get(period) for period in periods])
        for group, values in sorted(by_group.items())
    ]
    return [period_label(period) for period in periods], series


def _district_values(indicator) -> dict[int, list[tuple[Period, Decimal]]]:
    """Each district's total values of the indicator, oldest first (one query)."""
    rows = (
        CityIndicatorValue.objects.filter(
            indicator=indicator, area__kind=Area.Kind.DISTRICT, breakdown=Breakdown.TOTAL
        )
        .order_by("period", "period_kind")
        .values_list("area_id", "period", "period_kind", "value")
    )
    by_area: dict = defaultdict(list)
    for area_id, day, kind, value in rows:
        by_area[area_id].append(((day, kind), value))
    return by_area


def _latest_period(by_area) -> Period | None:
    return max((values[-1][0] for values in by_area.values()), default=None)


def latest_by_area(
    indicator, districts: list[Area] | None = None
) -> tuple[str | None, list[MapArea]]:
    """The label of the latest period with district values (in total), and every district as a
    MapArea with its value of that period (None where it has none)."""
    if districts is None:
        districts = district_areas()
    by_area = _district_values(indicator)
    latest = _latest_period(by_area)
    areas = [
        MapArea(
            code=area.code,
            name=area.name,
            boundary=area.boundary,
            value=dict(by_area.get(area.pk, [])).get(latest),
        )
        for area in districts
    ]
    return (period_label(latest) if latest else None), areas


@dataclass(frozen=True)
class DistrictRow:
    """A row of the indicator page's table of districts: the latest period's value and the
    change against the district's previous value."""

    area: Area
    value: Decimal | None
    trend: "Trend"


def district_rows(indicator, districts: list[Area]) -> tuple[str | None, list[DistrictRow]]:
    """Every district's value of the latest period with district values and its trend up to
    that period (one query)."""
    by_area = _district_values(indicator)
    latest = _latest_period(by_area)
    rows = []
    for area in districts:
        values = [item for item in by_area.get(area.pk, []) if item[0] <= latest]
        value = values[-1][1] if values and values[-1][0] == latest else None
        rows.append(
            DistrictRow(area, value, _trend(indicator, values if value is not None else []))
        )
    return (period_label(latest) if latest else None), rows


# Trends --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Trend:
    latest: Decimal | None
    latest_label: str | None
    previous: Decimal | None
    previous_label: str | None
    change: Decimal | None
    verdict: str | None  # "improved" | "worsened" | "unchanged" | "up" | "down" | None
    verdict_label: str

    @property
    def symbol(self) -> str:
        """An arrow for the way the value moved (the words judge it: a falling rate of
        unemployment reads "▼ verbessert"), so that the verdict never relies on colour."""
        if self.verdict is None or self.change is None:
            return ""
        if self.verdict == "unchanged":
            return "▶"
        return "▲" if self.change > 0 else "▼"


def _verdict(direction: str, change: Decimal) -> str:
    if change == 0:
        return "unchanged"
    rising = change > 0
    if direction == CityIndicator.Direction.HIGHER:
        return "improved" if rising else "worsened"
    if direction == CityIndicator.Direction.LOWER:
        return "worsened" if rising else "improved"
    return "up" if rising else "down"


def verdict_labels() -> dict:
    return {
        "improved": _("improved"),
        "worsened": _("worsened"),
        "unchanged": _("unchanged"),
        "up": _("risen"),
        "down": _("fallen"),
    }


def _trend(indicator, values: list[tuple[Period, Decimal]]) -> Trend:
    """The trend from an area's values (oldest first): the latest against the one before.
    Unchanged when both are equal at the indicator's decimal places."""
    if not values:
        return Trend(None, None, None, None, None, None, _("no values"))
    latest_period, latest = values[-1]
    if len(values) < 2:
        label = _("no earlier value")
        return Trend(latest, period_label(latest_period), None, None, None, None, label)
    previous_period, previous = values[-2]
    places = indicator.decimal_places
    change = rounded(latest, places) - rounded(previous, places)
    verdict = _verdict(indicator.direction, change)
    return Trend(
        latest,
        period_label(latest_period),
        previous,
        period_label(previous_period),
        change,
        verdict,
        verdict_labels()[verdict],
    )


def _area_filter(area: Area | None) -> dict:
    return {"area": area} if area is not None else {"area__kind": Area.Kind.CITY}


def trends(indicators, area: Area | None = None) -> dict[int, Trend]:
    """Each indicator's trend (by pk) for the area, by default the city, in total (one query)."""
    indicators = list(indicators)
    rows = (
        CityIndicatorValue.objects.filter(
            indicator__in=[indicator.pk for indicator in indicators],
            breakdown=Breakdown.TOTAL,
            **_area_filter(area),
        )
        .order_by("period", "period_kind")
        .values_list("indicator_id", "period", "period_kind", "value")
    )
    by_indicator: dict = defaultdict(list)
    for indicator_id, day, kind, value in rows:
        by_indicator[indicator_id].append(((day, kind), value))
    return {
        indicator.pk: _trend(indicator, by_indicator.get(indicator.pk, []))
        for indicator in indicators
    }


def trend(indicator, area: Area | None = None) -> Trend:
    """The indicator's trend for the area, by default the city (in total)."""
    return trends([indicator], area)[indicator.pk]


# What a page or the PDF shows for one indicator ----------------------------------------------


def table_rows(periods: list[str], series: list[Series], decimal_places: int) -> list[dict]:
    """A chart's data as table rows: {"period", "values"} with German figures, no unit."""
    return [
        {"period": label, "values": [format_value(s.values[index], decimal_places) for s in series]}
        for index, label in enumerate(periods)
    ]


def indicator_figures(indicator, *, figure_prefix: str, areas: list[Area] | None = None) -> dict:
    """The indicator's time-series chart (the given areas, by default the city and the first
    districts), its map of the latest district values and both as table rows:
    {"series", "map", "map_period", "periods", "series_rows", "series_labels", "map_areas",
    "map_rows"}. Rows hold German-formatted figures without the unit (it heads the table)."""
    every_area = list(Area.objects.all())
    if areas is None:
        areas = default_areas(every_area)
    places, unit = indicator.decimal_places, indicator.unit
    periods, series = indicator_series(indicator, areas)
    chart = time_series_figure(
        title=indicator.title,
        unit=unit,
        decimal_places=places,
        periods=periods,
        series=series,
        figure_id=f"{figure_prefix}-series",
    )
    map_period, map_areas = latest_by_area(
        indicator, [area for area in every_area if not area.is_city]
    )
    figure = None
    if map_period:
        figure = choropleth_figure(
            title=indicator.title,
            unit=unit,
            decimal_places=places,
            period_label=map_period,
            areas=map_areas,
            direction=indicator.direction,
            figure_id=f"{figure_prefix}-map",
        )
    series_rows = table_rows(periods, series, places)
    return {
        "series": chart,
        "map": figure,
        "map_period": map_period,
        "periods": periods,
        "series_rows": series_rows,
        "series_labels": [s.label for s in series],
        "map_areas": map_areas,
        "map_rows": [(area.name, format_value(area.value, places)) for area in map_areas],
    }
