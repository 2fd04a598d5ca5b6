"""The pages every reader of the integration monitoring looks at: the overview with trends, the
indicator page, the district profile and the segregation index. Each reads its values with a
fixed number of queries (measures/indicators/data.py)."""

from dataclasses import dataclass
from decimal import Decimal
from itertools import groupby

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from core.permissions import requires

from ..models import Area, Breakdown, CityIndicator, CityIndicatorValue, Measure, Topic
from . import data
from .analysis_forms import IndicatorFilter, SeriesChoiceForm
from .figures import format_value, signed, time_series_figure


def get_indicator(pk, queryset=None):
    """The one way views load an indicator: 404 for an unknown id."""
    queryset = queryset if queryset is not None else CityIndicator.objects.all()
    return get_object_or_404(queryset, pk=pk)


def get_area(pk):
    return get_object_or_404(Area, pk=pk)


@dataclass(frozen=True)
class TrendRow:
    """An indicator with its trend, formatted for a table."""

    indicator: CityIndicator
    trend: data.Trend

    @property
    def latest(self):
        return self._format(self.trend.latest)

    @property
    def previous(self):
        return self._format(self.trend.previous)

    @property
    def change(self):
        return signed(self.trend.change, self.indicator.decimal_places, self.indicator.unit)

    def _format(self, value):
        if value is None:
            return "–"
        return format_value(value, self.indicator.decimal_places, self.indicator.unit)


def by_topic(items, topic_of):
    """(topic label, items) in the KGSt topics' order."""
    order = {key: index for index, key in enumerate(Topic.values)}
    items = sorted(items, key=lambda item: order.get(topic_of(item), len(order)))
    return [(Topic(key).label, list(group)) for key, group in groupby(items, key=topic_of)]


@requires("measures.view_cityindicator")
def overview(request):
    indicators = IndicatorFilter(request.GET, queryset=CityIndicator.objects.all())
    found = list(indicators.qs)
    trends = data.trends(found)
    rows = [TrendRow(indicator, trends[indicator.pk]) for indicator in found]
    context = {
        "filter": indicators,
        "topics": by_topic(rows, lambda row: row.indicator.topic),
        "count": len(rows),
        "has_values": any(row.trend.latest is not None for row in rows),
    }
    return render(request, "measures/indicators/overview.html", context)


def detail_queryset():
    return CityIndicator.objects.prefetch_related(
        "action_fields",
        Prefetch("measures", queryset=Measure.objects.only("pk", "code", "title")),
    )


def series_choice(request, indicator, areas):
    """The form of areas and breakdown, bound to the request with the default areas ticked
    when none are, and the areas to draw (the default where the choice is invalid)."""
    query = request.GET.copy()
    # Ticked by default: among the areas with values, so that a city-only indicator's chart
    # lists no empty districts.
    with_values = set(
        CityIndicatorValue.objects.filter(indicator=indicator, breakdown=Breakdown.TOTAL)
        .values_list("area_id", flat=True)
        .distinct()
    )
    default = data.default_areas([area for area in areas if area.pk in with_values]) or areas[:1]
    if not query.getlist("area"):
        query.setlist("area", [str(area.pk) for area in default])
    form = SeriesChoiceForm(query, indicator=indicator, areas=areas)
    if not form.is_valid():
        return form, default, ""
    chosen = set(form.cleaned_data["area"])
    return form, [area for area in areas if area.pk in chosen], form.cleaned_data.get("breakdown")


def breakdown_figures(indicator, city, breakdown):
    """The city's groups of a breakdown as a chart and table rows."""
    periods, series = data.breakdown_series(indicator, city, breakdown)
    places = indicator.decimal_places
    title = _("%(indicator)s by %(breakdown)s") % {
        "indicator": indicator.title,
        "breakdown": Breakdown(breakdown).label,
    }
    return {
        "title": title,
        "figure": time_series_figure(
            title=title,
            unit=indicator.unit,
            decimal_places=places,
            periods=periods,
            series=series,
            figure_id="breakdown",
        ),
        "labels": [s.label for s in series],
        "rows": data.table_rows(periods, series, places),
    }


@requires("measures.view_cityindicator")
def detail(request, pk):
    indicator = get_indicator(pk, detail_queryset())
    areas = list(Area.objects.all())
    districts = [area for area in areas if not area.is_city]
    city = next((area for area in areas if area.is_city), None)
    form, chosen, breakdown = series_choice(request, indicator, areas)
    figures = data.indicator_figures(indicator, figure_prefix="indicator", areas=chosen)
    period, district_rows = data.district_rows(indicator, districts)
    places, unit = indicator.decimal_places, indicator.unit
    context = {
        "indicator": indicator,
        "form": form,
        "figures": figures,
        "trend": TrendRow(indicator, data.trend(indicator)),
        "district_period": period,
        "district_rows": [
            {
                "area": row.area,
                "value": format_value(row.value, places) if row.value is not None else "–",
                "change": signed(row.trend.change, places),
                "trend": row.trend,
            }
            for row in district_rows
        ],
        "breakdown": breakdown_figures(indicator, city, breakdown) if breakdown and city else None,
        "unit": unit,
    }
    return render(request, "measures/indicators/detail.html", context)


@dataclass(frozen=True)
class ProfileRow(TrendRow):
    """An indicator in a district's profile: the district's latest value against the city's
    value of the same period."""

    city_value: Decimal | None = None

    @property
    def city(self):
        return self._format(self.city_value)

    @property
    def difference(self):
        # A district's count of residents is a part of the city's, not comparable with it.
        if self.city_value is None or self.indicator.is_population:
            return "–"
        places = self.indicator.decimal_places
        difference = data.rounded(self.trend.latest, places) - data.rounded(self.city_value, places)
        return signed(difference, places, self.indicator.unit)


def city_values_by_label(indicators):
    """{(indicator pk, period label): the city's value in total} (one query)."""
    rows = CityIndicatorValue.objects.filter(
        indicator__in=indicators, area__kind=Area.Kind.CITY, breakdown=Breakdown.TOTAL
    ).values_list("indicator_id", "period", "period_kind", "value")
    return {
        (indicator_id, data.period_label((day, kind))): value
        for indicator_id, day, kind, value in rows
    }


@requires("measures.view_cityindicator")
def area_detail(request, pk):
    area = get_area(pk)
    indicators = list(CityIndicator.objects.all())
    trends = data.trends(indicators, area)
    shown = [indicator for indicator in indicators if trends[indicator.pk].latest is not None]
    city_values = {} if area.is_city else city_values_by_label(shown)
    rows = [
        ProfileRow(
            indicator,
            trends[indicator.pk],
            city_values.get((indicator.pk, trends[indicator.pk].latest_label)),
        )
        for indicator in shown
    ]
    context = {
        "area": area,
        "topics": by_topic(rows, lambda row: row.indicator.topic),
        "count": len(rows),
    }
    return render(request, "measures/indicators/area_detail.html", context)


@requires("measures.view_cityindicator")
def segregation(request):
    indicators = list(CityIndicator.objects.filter(is_population=True))
    context = {"sections": data.segregation_tables(indicators), "has_population": bool(indicators)}
    return render(request, "measures/indicators/segregation.html", context)
