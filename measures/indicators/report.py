"""The integration monitoring in print (issue 15): the monitoring report's section on the
indicators marked for it, and the standalone indicator report.

Both gather a plain snapshot of each indicator (chart, map, latest district values) from
`data.py`; the templates only arrange it. Each indicator costs the same few queries, whatever
the number of its values or areas.
"""

from collections import defaultdict
from typing import Any

from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.translation import gettext as _

from core.pdf import render_pdf

from ..models import Area, Breakdown, CityIndicator, CityIndicatorValue, Topic
from . import data
from .figures import format_value, signed

REPORT_TEMPLATE = "measures/indicators/report/report_pdf.html"


def indicator_block(
    indicator: CityIndicator, number: int, trend=None, areas: list[Area] | None = None
) -> dict[str, Any]:
    """What the reports show of one indicator: its facts, chart, map and district values;
    `trend` (a data.Trend) adds the latest change in words; `areas` are the chart's lines
    (chart_areas), by default the indicator page's."""
    anchor = f"indicator-{number}"
    figures = data.indicator_figures(indicator, figure_prefix=anchor, areas=areas)
    block = {
        "indicator": indicator,
        "anchor": anchor,
        "topic": Topic(indicator.topic).label,
        "series": figures["series"],
        "map": figures["map"],
        "map_period": figures["map_period"],
        # Only districts with a value of the map's period; the map's description names the rest.
        "district_rows": [
            row
            for row, area in zip(figures["map_rows"], figures["map_areas"], strict=True)
            if area.value is not None
        ],
        "has_values": bool(figures["periods"]),
        "trend": None,
    }
    if trend is not None and trend.latest_label:
        places, unit = indicator.decimal_places, indicator.unit
        block["trend"] = {
            "trend": trend,
            "latest": format_value(trend.latest, places, unit),
            "previous": format_value(trend.previous, places, unit),
            "change": signed(trend.change, places, unit),
        }
    return block


def chart_areas(indicators: list[CityIndicator]) -> dict[int, list[Area] | None]:
    """Per indicator (by pk), the areas of its chart: the indicator page's default choice among
    the areas with a total value, so that in print, where nobody can choose, a chart of the
    city's values alone lists no empty districts in its legend and a district without values
    leaves its line to one with values. None (the default choice) for an indicator without
    values. Two queries for all indicators."""
    with_values = defaultdict(set)
    for indicator_id, area_id in (
        CityIndicatorValue.objects.filter(indicator__in=indicators, breakdown=Breakdown.TOTAL)
        .values_list("indicator_id", "area_id")
        .distinct()
    ):
        with_values[indicator_id].add(area_id)
    every_area = list(Area.objects.all()) if with_values else []
    return {
        indicator.pk: data.default_areas(
            [area for area in every_area if area.pk in with_values[indicator.pk]]
        )
        or None
        for indicator in indicators
    }


def monitoring_section() -> dict[str, Any] | None:
    """The monitoring report's section “Integrationsmonitoring”: every indicator marked for the
    report; None when none is marked."""
    indicators = list(CityIndicator.objects.filter(in_report=True).order_by("code"))
    if not indicators:
        return None
    areas = chart_areas(indicators)
    trends = data.trends(indicators)
    return {
        "indicators": [
            indicator_block(
                indicator, number, trend=trends[indicator.pk], areas=areas[indicator.pk]
            )
            for number, indicator in enumerate(indicators, start=1)
        ],
        "boundary_notes": boundary_notes(),
    }


def boundary_notes() -> list[str]:
    """The notes on the districts' boundaries (e.g. that they are simplified), once each."""
    notes = Area.objects.exclude(boundary_note="").values_list("boundary_note", flat=True)
    return sorted(set(notes))


def default_indicators() -> list[CityIndicator]:
    """The standalone report's indicators when none is chosen: those marked for the monitoring
    report, else every indicator with values."""
    marked = list(CityIndicator.objects.filter(in_report=True).order_by("code"))
    if marked:
        return marked
    with_values = CityIndicatorValue.objects.filter(indicator=OuterRef("pk"))
    return list(CityIndicator.objects.filter(Exists(with_values)).order_by("code"))


def segregation_sections(indicators: list[CityIndicator]) -> dict[int, list[dict[str, Any]]]:
    """Per population indicator (by pk), its segregation index per breakdown: a chart and the
    figures per period and group (one query for all)."""
    population = [indicator for indicator in indicators if indicator.is_population]
    sections: dict[int, list[dict[str, Any]]] = {}
    for table in data.segregation_tables(population) if population else []:
        sections.setdefault(table["indicator"].pk, []).append(table)
    return sections


def indicator_report_data(indicators: list[CityIndicator], today=None) -> dict[str, Any]:
    """The standalone report's snapshot: a block per indicator with its trend, and the
    segregation index for population counts."""
    today = today or timezone.localdate()
    trends = data.trends(indicators)
    segregation = segregation_sections(indicators)
    areas = chart_areas(indicators)
    blocks = []
    for number, indicator in enumerate(indicators, start=1):
        block = indicator_block(
            indicator, number, trend=trends[indicator.pk], areas=areas[indicator.pk]
        )
        block["segregation"] = segregation.get(indicator.pk, [])
        blocks.append(block)
    return {
        "title": _("Integration monitoring – indicator report"),
        "created": today,
        "blocks": blocks,
        "boundary_notes": boundary_notes(),
    }


def indicator_report_pdf(indicators: list[CityIndicator], today=None) -> tuple[bytes, dict]:
    report = indicator_report_data(indicators, today)
    return render_pdf(REPORT_TEMPLATE, report), report


def report_filename(report: dict[str, Any]) -> str:
    return f"integrationsmonitoring-{report['created']:%Y-%m-%d}.pdf"
