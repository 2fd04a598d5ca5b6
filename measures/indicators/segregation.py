"""The index of dissimilarity of a population group against everybody else over the districts,
per period (the segregation page and the indicator report)."""

from collections import defaultdict
from dataclasses import dataclass, replace
from decimal import Decimal
from itertools import groupby

from django.utils.translation import gettext as _

from ..models import Area, Breakdown, CityIndicator, CityIndicatorValue
from .figures import Series, format_value, time_series_figure
from .periods import period_label, rounded

HUNDRED = Decimal(100)


@dataclass(frozen=True)
class Dissimilarity:
    """The segregation index of one group against everybody else, per period; `left_out` names
    the periods where a district lacks the group's or the others' count."""

    indicator: CityIndicator
    breakdown: str
    group: str
    values: list[tuple[str, Decimal]]
    left_out: list[str]
    periods: list[str]  # every period with counts, in order
    against: str = ""  # the other group, where there are only two

    @property
    def label(self) -> str:
        if self.against:
            return _("%(group)s against %(other)s") % {"group": self.group, "other": self.against}
        return self.group


def _index(counts: list[tuple[Decimal, Decimal]]) -> Decimal | None:
    """D = ½ · Σ |aᵢ/A − bᵢ/B| · 100 over the districts' (aᵢ, bᵢ), one decimal; None when a
    total is 0."""
    total_a = sum(a for a, _b in counts)
    total_b = sum(b for _a, b in counts)
    if not total_a or not total_b:
        return None
    index = sum(abs(a / total_a - b / total_b) for a, b in counts) / 2 * HUNDRED
    return rounded(index, 1)


def _dissimilarities(indicator, breakdown: str, rows) -> list[Dissimilarity]:
    """One Dissimilarity per group from rows of (area_id, period, kind, group, value): the
    districts are those with any count of this breakdown."""
    counts: dict = defaultdict(dict)  # period -> {(area_id, group): value}
    areas, groups = set(), set()
    for area_id, day, kind, group, value in rows:
        counts[(day, kind)][(area_id, group)] = value
        areas.add(area_id)
        groups.add(group)
    results = []
    for group in sorted(groups):
        values, left_out = [], []
        for period in sorted(counts):
            found = counts[period]
            pairs = []
            for area_id in areas:
                others = [
                    found[(area_id, g)] for g in groups if g != group and (area_id, g) in found
                ]
                if (area_id, group) not in found or not others:
                    break
                pairs.append((found[(area_id, group)], sum(others)))
            index = _index(pairs) if len(pairs) == len(areas) else None
            if index is None:
                left_out.append(period_label(period))
            else:
                values.append((period_label(period), index))
        labels = [period_label(period) for period in sorted(counts)]
        results.append(Dissimilarity(indicator, breakdown, group, values, left_out, labels))
    return results


def _group_rows(indicators):
    return (
        CityIndicatorValue.objects.filter(indicator__in=indicators, area__kind=Area.Kind.DISTRICT)
        .exclude(breakdown=Breakdown.TOTAL)
        .values_list(
            "indicator_id", "breakdown", "area_id", "period", "period_kind", "group", "value"
        )
    )


def dissimilarity(indicator, breakdown: str, group: str) -> list[tuple[str, Decimal]]:
    """The index of dissimilarity (0–100) of the group against the rest of the population over
    the districts, per period; periods where a district lacks a count are left out."""
    rows = [row[2:] for row in _group_rows([indicator.pk]) if row[1] == breakdown]
    for result in _dissimilarities(indicator, breakdown, rows):
        if result.group == group:
            return result.values
    return []


def segregation(indicators: list[CityIndicator]) -> list[Dissimilarity]:
    """Every population indicator's index per breakdown and group (one query)."""
    by_key: dict = defaultdict(list)
    for indicator_id, breakdown, *row in _group_rows([i.pk for i in indicators]):
        by_key[(indicator_id, breakdown)].append(row)
    results = []
    for indicator in indicators:
        for breakdown, _label in Breakdown.choices:
            if rows := by_key.get((indicator.pk, breakdown)):
                groups = _dissimilarities(indicator, breakdown, rows)
                # Of two groups, each one's index against the other is the same number:
                # it is shown once, under the first group's name.
                if len(groups) == 2:
                    groups = [replace(groups[0], against=groups[1].group)]
                results += groups
    return results


def segregation_figure(results: list[Dissimilarity], *, figure_id: str):
    """A time-series figure of one indicator's and breakdown's indices, one line per group."""
    periods = results[0].periods
    series = [
        Series(label=result.label, values=[dict(result.values).get(p) for p in periods])
        for result in results
    ]
    first = results[0]
    title = _("Index of dissimilarity: %(indicator)s by %(breakdown)s") % {
        "indicator": first.indicator.title,
        "breakdown": Breakdown(first.breakdown).label,
    }
    return time_series_figure(
        title=title,
        unit="",
        decimal_places=1,
        periods=periods,
        series=series,
        figure_id=figure_id,
    )


def segregation_tables(indicators: list[CityIndicator]) -> list[dict]:
    """Per population indicator and breakdown: the groups, the index per period as German
    figures (a left-out period shows “keine Angabe”), the periods left out and the chart."""
    results = segregation(indicators)
    tables = []
    grouped = groupby(results, key=lambda result: (result.indicator, result.breakdown))
    for number, ((indicator, breakdown), group) in enumerate(grouped, start=1):
        group = list(group)
        tables.append(
            {
                "number": number,
                "indicator": indicator,
                "breakdown": Breakdown(breakdown).label,
                "groups": [result.label for result in group],
                "rows": [
                    {
                        "period": period,
                        "values": [
                            format_value(dict(result.values).get(period), 1) for result in group
                        ],
                    }
                    for period in group[0].periods
                ],
                "left_out": sorted({label for result in group for label in result.left_out}),
                "figure": segregation_figure(group, figure_id=f"segregation-{number}"),
                "table_id": f"segregation-{number}-caption",
            }
        )
    return tables
