"""The integration monitoring's figures (measures/indicators/data.py): series, latest values per
district, trends and the index of dissimilarity."""

import datetime
from decimal import Decimal

import pytest

from measures.indicators import data
from measures.models import Area, CityIndicator, CityIndicatorValue
from tests.indicators.world import areas, indicator_world

pytestmark = pytest.mark.django_db


def year(number):
    return datetime.date(number, 12, 31)


def add(indicator, area, period, value, breakdown="total", group="", kind="year"):
    return CityIndicatorValue.objects.create(
        indicator=indicator,
        area=area,
        period=period,
        period_kind=kind,
        breakdown=breakdown,
        group=group,
        value=Decimal(value),
    )


def make_indicator(direction, decimal_places=1, code="X1"):
    return CityIndicator.objects.create(
        code=code,
        title="Testindikator",
        topic="work",
        unit="%",
        source="Testquelle",
        decimal_places=decimal_places,
        direction=direction,
        breakdowns=["district", "gender"],
    )


@pytest.fixture
def world():
    city, districts = areas()
    return city, districts


# Trends --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("direction", "previous", "latest", "verdict", "label"),
    [
        ("higher", "10", "12", "improved", "verbessert"),
        ("higher", "12", "10", "worsened", "verschlechtert"),
        ("lower", "10", "12", "worsened", "verschlechtert"),
        ("lower", "12", "10", "improved", "verbessert"),
        ("neutral", "10", "12", "up", "gestiegen"),
        ("neutral", "12", "10", "down", "gesunken"),
        ("higher", "10", "10", "unchanged", "unverändert"),
    ],
)
def test_the_verdict_follows_the_direction(world, direction, previous, latest, verdict, label):
    city, _districts = world
    indicator = make_indicator(direction)
    add(indicator, city, year(2023), previous)
    add(indicator, city, year(2024), latest)
    result = data.trend(indicator)
    assert result.verdict == verdict
    assert result.verdict_label == label
    assert result.latest == Decimal(latest)
    assert result.previous == Decimal(previous)
    assert (result.latest_label, result.previous_label) == ("2024", "2023")
    assert result.change == Decimal(latest) - Decimal(previous)


def test_a_change_below_the_decimal_places_shown_is_unchanged(world):
    city, _districts = world
    indicator = make_indicator("higher", decimal_places=1)
    add(indicator, city, year(2023), "10.01")
    add(indicator, city, year(2024), "10.04")
    result = data.trend(indicator)
    assert result.verdict == "unchanged"
    assert result.change == 0


def test_the_trend_compares_the_latest_value_with_the_previous_available_one(world):
    city, _districts = world
    indicator = make_indicator("lower")
    add(indicator, city, year(2019), "30")
    add(indicator, city, year(2022), "25")  # 2020 and 2021 are missing
    add(indicator, city, datetime.date(2024, 6, 30), "27", kind="date")
    result = data.trend(indicator)
    assert (result.latest_label, result.previous_label) == ("30.06.2024", "2022")
    assert result.verdict == "worsened"


def test_the_trend_without_values_or_with_one_value_has_no_verdict(world):
    city, _districts = world
    indicator = make_indicator("higher")
    empty = data.trend(indicator)
    assert (empty.latest, empty.verdict, empty.verdict_label) == (None, None, "keine Werte")
    add(indicator, city, year(2024), "5")
    single = data.trend(indicator)
    assert single.latest == 5
    assert single.previous is None
    assert single.change is None
    assert single.verdict is None
    assert single.verdict_label == "kein früherer Wert"


def test_the_city_trend_ignores_districts_and_groups(world):
    city, districts = world
    indicator = make_indicator("higher")
    add(indicator, city, year(2023), "10")
    add(indicator, city, year(2024), "11")
    add(indicator, districts[0], year(2025), "99")
    add(indicator, city, year(2025), "1", breakdown="gender", group="weiblich")
    assert data.trend(indicator).latest_label == "2024"
    district = data.trend(indicator, districts[0])
    assert (district.latest, district.verdict) == (Decimal(99), None)


def test_trends_reads_many_indicators_in_one_query(world, django_assert_num_queries):
    city, _districts = world
    indicators = [make_indicator("higher", code=f"TEST{n}") for n in range(5)]
    for number, indicator in enumerate(indicators):
        add(indicator, city, year(2023), "10")
        add(indicator, city, year(2024), str(10 + number))
    with django_assert_num_queries(1):
        result = data.trends(indicators)
    assert [result[i.pk].verdict for i in indicators] == ["unchanged"] + ["improved"] * 4


# Series --------------------------------------------------------------------------------------


def test_series_are_aligned_on_every_period_with_gaps_as_none(world):
    city, districts = world
    indicator = make_indicator("higher")
    add(indicator, city, year(2022), "1")
    add(indicator, city, year(2024), "3")
    add(indicator, districts[0], year(2023), "2")
    add(indicator, districts[1], year(2024), "4")
    add(indicator, districts[2], year(2021), "7")  # not asked for: its period does not appear
    periods, series = data.indicator_series(indicator, [city, districts[0], districts[1]])
    assert periods == ["2022", "2023", "2024"]
    assert [s.label for s in series] == ["Göppingen", "Faurndau", "Jebenhausen"]
    assert [s.emphasis for s in series] == [True, False, False]
    assert series[0].values == [1, None, 3]
    assert series[1].values == [None, 2, None]
    assert series[2].values == [None, None, 4]


def test_series_mix_years_and_reporting_dates_in_time_order(world):
    city, _districts = world
    indicator = make_indicator("higher")
    add(indicator, city, datetime.date(2024, 6, 30), "2", kind="date")
    add(indicator, city, year(2023), "1")
    add(indicator, city, year(2024), "3")
    periods, series = data.indicator_series(indicator, [city])
    assert periods == ["2023", "30.06.2024", "2024"]
    assert series[0].values == [1, 2, 3]


def test_breakdown_series_has_one_series_per_group(world):
    city, _districts = world
    indicator = make_indicator("higher")
    add(indicator, city, year(2023), "10")
    add(indicator, city, year(2023), "4", breakdown="gender", group="weiblich")
    add(indicator, city, year(2024), "5", breakdown="gender", group="weiblich")
    add(indicator, city, year(2024), "6", breakdown="gender", group="männlich")
    periods, series = data.breakdown_series(indicator, city, "gender")
    assert periods == ["2023", "2024"]
    assert [(s.label, s.values) for s in series] == [
        ("männlich", [None, 6]),
        ("weiblich", [4, 5]),
    ]


def test_latest_by_area_names_every_district_with_the_latest_period(world):
    city, districts = world
    indicator = make_indicator("higher")
    add(indicator, city, year(2025), "9")  # the city's later value does not count
    add(indicator, districts[0], year(2023), "1")
    add(indicator, districts[0], year(2024), "2")
    add(indicator, districts[1], year(2023), "3")
    label, map_areas = data.latest_by_area(indicator)
    assert label == "2024"
    assert [(a.code, a.value) for a in map_areas] == [
        ("08117019-01", 2),
        ("08117019-02", None),
        ("08117019-03", None),
    ]
    assert map_areas[0].boundary["type"] == "Polygon"
    assert data.latest_by_area(make_indicator("higher", code="EMPTY"))[0] is None


def test_indicator_figures_gives_the_chart_the_map_and_the_rows():
    world = indicator_world()
    indicator = world["city_indicator"]
    result = data.indicator_figures(indicator, figure_prefix="test")
    assert result["periods"] == ["2023", "2024", "2025"]
    assert result["map_period"] == "2025"
    assert result["series_labels"][0] == "Göppingen"
    assert len(result["series_labels"]) == 4  # the city and all three districts
    assert result["series_rows"][0] == {
        "period": "2023",
        "values": ["10,0", "10,5", "11,0", "11,5"],
    }
    assert "test-series" in result["series"].svg
    assert "test-map" in result["map"].svg
    assert ("Faurndau", "12,5") in result["map_rows"]


def test_default_areas_are_the_city_and_the_first_districts_when_there_are_many(world):
    city, districts = world
    more = [
        Area.objects.create(code=f"D{n}", name=f"Bezirk {n}", sort_order=10 + n) for n in range(4)
    ]
    every = list(Area.objects.all())
    chosen = data.default_areas(every)
    assert chosen == [city, *districts, more[0]]
    assert data.default_areas(every[:4]) == [city, *districts]


# Segregation ---------------------------------------------------------------------------------


def population(world, counts, years=(2024,)):
    """A population indicator with (group, district index, count) rows per year."""
    _city, districts = world
    indicator = CityIndicator.objects.get(code="S1")
    for number in years:
        for group, index, count in counts:
            add(indicator, districts[index], year(number), count, "migration", group)
    return indicator


def test_complete_separation_gives_100(world):
    indicator = population(
        world, [("mit", 0, 100), ("ohne", 0, 0), ("mit", 1, 0), ("ohne", 1, 100)]
    )
    assert data.dissimilarity(indicator, "migration", "mit") == [("2024", Decimal("100.0"))]


def test_equal_shares_give_0(world):
    counts = [("mit", 0, 100), ("ohne", 0, 300), ("mit", 1, 50), ("ohne", 1, 150)]
    indicator = population(world, counts)
    assert data.dissimilarity(indicator, "migration", "mit") == [("2024", Decimal("0.0"))]


def test_the_index_matches_a_hand_computed_example(world):
    # mit: 100, 300, 600 (A = 1000); ohne: 1000, 700, 300 (B = 2000).
    # ½ · (|0.1 − 0.5| + |0.3 − 0.35| + |0.6 − 0.15|) = ½ · 0.9 = 0.45 → 45.0
    counts = [
        ("mit", 0, 100),
        ("ohne", 0, 1000),
        ("mit", 1, 300),
        ("ohne", 1, 700),
        ("mit", 2, 600),
        ("ohne", 2, 300),
    ]
    indicator = population(world, counts)
    assert data.dissimilarity(indicator, "migration", "mit") == [("2024", Decimal("45.0"))]
    # With two groups the index is the same from either side.
    assert data.dissimilarity(indicator, "migration", "ohne") == [("2024", Decimal("45.0"))]


def test_the_rest_of_the_population_is_the_sum_of_the_other_groups(world):
    # Group "x" against "y" + "z": a = (10, 30), b = (10 + 20, 5 + 5) → B = 40, A = 40.
    # ½ · (|0.25 − 0.75| + |0.75 − 0.25|) = 0.5 → 50.0
    counts = [("x", 0, 10), ("y", 0, 10), ("z", 0, 20), ("x", 1, 30), ("y", 1, 5), ("z", 1, 5)]
    indicator = population(world, counts)
    assert data.dissimilarity(indicator, "migration", "x") == [("2024", Decimal("50.0"))]


def test_a_year_where_a_district_lacks_the_group_is_left_out(world):
    indicator = population(
        world,
        [("mit", 0, 100), ("ohne", 0, 0), ("mit", 1, 0), ("ohne", 1, 100)],
        years=(2023, 2024),
    )
    CityIndicatorValue.objects.filter(
        period=year(2023), area__code="08117019-02", group="mit"
    ).delete()
    assert data.dissimilarity(indicator, "migration", "mit") == [("2024", Decimal("100.0"))]
    # Of two groups the index is shown once, for the first against the other.
    [result] = data.segregation([indicator])
    assert (result.group, result.against) == ("mit", "ohne")
    assert result.left_out == ["2023"]
    assert result.periods == ["2023", "2024"]


def test_the_world_population_gives_its_index_for_both_years():
    world = indicator_world()
    # mit 400, 800, 1200 (A = 2400); ohne 1000, 800, 600 (B = 2400):
    # ½ · (|1/6 − 5/12| + |1/3 − 1/3| + |1/2 − 1/4|) = ½ · 0.5 = 0.25 → 25.0
    result = data.dissimilarity(world["population_indicator"], "migration", "mit")
    assert result == [("2024", Decimal("25.0")), ("2025", Decimal("25.0"))]
