"""The line chart of an indicator over time, read back from its SVG."""

import base64
import itertools
import re
import xml.etree.ElementTree as ET
from decimal import Decimal

import pytest
from django.utils import translation

from measures.indicators.figures import Series, format_value, time_series_figure
from measures.reports.charts import text_width

from .svg_reading import (
    SVG,
    assert_accessible,
    assert_self_contained,
    ids,
    parse,
    references,
    texts,
)
from .world import LONG_DISTRICT

YEARS = ["2023", "2024", "2025"]


@pytest.fixture(autouse=True)
def _german():
    with translation.override("de"):
        yield


def chart(series, periods=YEARS, figure_id="ts", unit="%", decimal_places=1):
    return time_series_figure(
        title="Beschäftigungsquote",
        unit=unit,
        decimal_places=decimal_places,
        periods=periods,
        series=series,
        figure_id=figure_id,
    )


def numbers(*values):
    return [None if value is None else Decimal(value) for value in values]


def city_and_districts():
    return [
        Series("Faurndau", numbers("10.5", "11.5", "12.5")),
        Series("Göppingen", numbers("10", "11", "12.34"), emphasis=True),
        Series("Jebenhausen", numbers("11", "12", "13")),
    ]


def series_groups(root):
    return [group for group in root.iter(f"{SVG}g") if "-series-" in (group.get("id") or "")]


def test_format_value_writes_german_numbers_with_the_unit():
    assert format_value(Decimal("12.345"), 1, "%") == "12,3 %"
    assert format_value(Decimal("12.35"), 1, "%") == "12,4 %"  # half up, as statistics round
    assert format_value(Decimal("1234"), 0, "Personen") == "1.234 Personen"
    assert format_value(Decimal("1234.5"), 2) == "1.234,50"
    assert format_value(None, 1, "%") == "keine Angabe"


def test_chart_is_an_accessible_self_contained_image():
    figure = chart(city_and_districts())
    root = parse(figure)
    assert_accessible(root, "Beschäftigungsquote", figure.alt)
    assert_self_contained(root)
    assert root.get("viewBox") == "0 0 640 300"
    assert (figure.width, figure.height) == (640, 300)


def test_alt_text_names_every_value_in_german():
    alt = chart(city_and_districts()).alt
    assert alt.startswith("Liniendiagramm „Beschäftigungsquote (%)“ von 2023 bis 2025.")
    assert "Göppingen: 2023: 10,0 %; 2024: 11,0 %; 2025: 12,3 %." in alt
    assert "Faurndau: 2023: 10,5 %; 2024: 11,5 %; 2025: 12,5 %." in alt
    assert "Jebenhausen: 2023: 11,0 %" in alt


def test_none_when_fewer_than_two_periods_have_a_value():
    assert chart([Series("Göppingen", numbers(None, "3", None), emphasis=True)]) is None
    assert chart([Series("Göppingen", numbers(None, None, None))]) is None
    assert chart([]) is None
    assert chart([Series("A", numbers("1", None, None)), Series("B", numbers(None, "2", None))])


def test_emphasised_series_has_its_first_and_last_value_written_in_german():
    drawn = [text for text, *_rest in texts(parse(chart(city_and_districts())))]
    assert "10,0 %" in drawn
    assert "12,3 %" in drawn
    assert "12,5 %" not in drawn  # only the emphasised line's ends carry values


def test_y_axis_has_four_to_six_round_ticks_from_zero_and_the_unit():
    root = parse(chart(city_and_districts()))
    drawn = [text for text, _x, _y, element in texts(root) if element.get("text-anchor") == "end"]
    ticks = [text for text in drawn if re.fullmatch(r"[\d.]+(,\d+)?", text)]
    assert 4 <= len(ticks) <= 6
    assert ticks[0] == "0"
    assert "in %" in [text for text, *_rest in texts(root)]


def test_y_axis_ticks_use_german_thousands():
    series = [Series("Göppingen", numbers("52000", "54100", "57850"), emphasis=True)]
    drawn = [
        text for text, *_rest in texts(parse(chart(series, unit="Personen", decimal_places=0)))
    ]
    assert "60.000" in drawn
    assert "57.850 Personen" in drawn


def test_emphasised_series_is_thicker_and_drawn_last():
    groups = series_groups(parse(chart(city_and_districts())))
    widths = [float(group.find(f"{SVG}polyline").get("stroke-width")) for group in groups]
    assert widths[-1] > max(widths[:-1])


def test_every_series_has_its_own_marker_shape_and_dash_pattern():
    series = [Series(f"Stadtteil {n}", numbers(n, n + 1, n + 2)) for n in range(6)]
    groups = series_groups(parse(chart(series)))
    dashes = [group.find(f"{SVG}polyline").get("stroke-dasharray") for group in groups]
    assert len(set(dashes)) == 6
    shapes = [marker_shape(group.find(f"{SVG}path").get("d")) for group in groups]
    assert len(set(shapes)) == 6


def marker_shape(d):
    """The outline of a marker without its position: the steps between its points."""
    points = [float(number) for number in re.findall(r"-?[\d.]+", d)]
    if "a" in d:
        return "circle"
    pairs = list(zip(points[::2], points[1::2], strict=True))
    return tuple((round(x - pairs[0][0], 1), round(y - pairs[0][1], 1)) for x, y in pairs)


def test_a_missing_value_breaks_the_line():
    series = [Series("Göppingen", numbers("1", "2", None, "4", "5"), emphasis=True)]
    group = series_groups(parse(chart(series, periods=["1", "2", "3", "4", "5"])))[0]
    assert len(group.findall(f"{SVG}polyline")) == 2
    assert len(group.findall(f"{SVG}path")) == 4  # a marker per value


def direct_labels(root, names):
    return sorted(
        (y, text, element) for text, _x, y, element in texts(root) if text.rstrip("…") in names
    )


def test_names_of_close_lines_are_spread_apart():
    names = [f"Stadtteil {letter}" for letter in "ABCD"]
    series = [
        Series(name, numbers("10", "10.5", str(11 + index / 100)))
        for index, name in enumerate(names)
    ]
    root = parse(chart(series))
    labels = direct_labels(root, names)
    assert [text for _y, text, _e in labels] != []
    assert sorted(text for _y, text, _e in labels) == names
    gaps = [lower[0] - upper[0] for upper, lower in itertools.pairwise(labels)]
    assert min(gaps) >= 10  # the font size: no two names overlap
    assert all(0 < y < 300 for y, _t, _e in labels)


def test_a_long_name_is_shortened_at_the_line_end_and_complete_in_the_description():
    series = [*city_and_districts(), Series(LONG_DISTRICT, numbers("9", "9.5", "10"))]
    figure = chart(series)
    root = parse(figure)
    shortened = [text for text, *_rest in texts(root) if text.endswith("…")]
    assert len(shortened) == 1
    assert LONG_DISTRICT.startswith(shortened[0].rstrip("…"))
    assert text_width(shortened[0], 10) <= 170
    assert LONG_DISTRICT in figure.alt
    assert LONG_DISTRICT not in [text for text, *_rest in texts(root)]


def test_legend_only_with_more_than_four_series():
    four = [Series(f"Teil {n}", numbers(n, n, n)) for n in range(4)]
    five = [*four, Series("Teil 4", numbers(4, 4, 4))]

    def count(figure, name):
        return [text for text, *_rest in texts(parse(figure))].count(name)

    assert count(chart(four), "Teil 0") == 1
    assert count(chart(five), "Teil 0") == 2  # at the line end and in the legend
    assert chart(five).height > chart(four).height


def test_period_labels_are_thinned_so_they_do_not_collide():
    periods = [f"30.06.{year}" for year in range(1995, 2026)]
    series = [Series("Göppingen", [Decimal(year) for year in range(len(periods))], emphasis=True)]
    root = parse(chart(series, periods=periods))
    drawn = sorted((x, text) for text, x, _y, _e in texts(root) if text in periods)
    assert 3 <= len(drawn) < len(periods)
    assert drawn[-1][1] == "30.06.2025"  # the latest period is always labelled
    for (x1, text1), (x2, text2) in itertools.pairwise(drawn):
        assert x2 - x1 >= (text_width(text1, 10) + text_width(text2, 10)) / 2


def test_two_figures_on_one_page_share_no_id():
    first, second = (
        parse(chart(city_and_districts(), figure_id="a-1")),
        parse(chart(city_and_districts(), figure_id="a-2")),
    )
    assert len(ids(first)) == len(set(ids(first)))
    assert not set(ids(first)) & set(ids(second))
    assert set(references(first)) <= set(ids(first))


def test_figure_id_is_made_a_valid_id_prefix():
    root = parse(chart(city_and_districts(), figure_id="12 Über/x"))
    assert all(re.fullmatch(r"[A-Za-z][\w-]*", identifier) for identifier in ids(root))


def test_data_url_holds_the_svg_with_its_size():
    figure = chart(city_and_districts())
    prefix = "data:image/svg+xml;base64,"
    assert figure.data_url().startswith(prefix)
    root = ET.fromstring(base64.b64decode(figure.data_url().removeprefix(prefix)))
    assert (root.get("width"), root.get("height")) == ("640", "300")
