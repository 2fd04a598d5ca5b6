"""The report's charts, read back from the SVG they embed: labels never run into each other.

Text widths come from the bundled font's own metrics (read here with fontTools), the positions
from the SVG the PDF embeds, so a label that would overlap its neighbour or its bar fails.
"""

import base64
import datetime
import itertools
import re
import xml.etree.ElementTree as ET
from collections import Counter
from decimal import Decimal
from functools import cache
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from fontTools.ttLib import TTFont

from measures.models import Measure
from measures.reports import charts

SVG = "{http://www.w3.org/2000/svg}"
NUMERIC = ("x", "y", "width", "height", "x1", "x2", "y1", "y2", "font-size", "stroke-width")


@cache
def font(bold):
    path = Path(settings.BASE_DIR) / "static" / "fonts" / f"DejaVuSans{'-Bold' if bold else ''}.ttf"
    return TTFont(path)


def width_of(text, size, bold=False):
    face = font(bold)
    cmap, metrics = face.getBestCmap(), face["hmtx"].metrics
    units = face["head"].unitsPerEm
    return size * sum(metrics[cmap.get(ord(char), ".notdef")][0] for char in text) / units


def svg_of(template_name, **context):
    """The <img> of a chart figure: its SVG (parsed) and its alternative text."""
    with translation.override("de"):
        html = render_to_string(template_name, context)
    src = re.search(r'src="data:image/svg\+xml;base64,([^"]+)"', html).group(1)
    alt = re.search(r'alt="([^"]*)"', html).group(1)
    return ET.fromstring(base64.b64decode(src)), alt


def labels(svg):
    """(left, right, baseline, text) of every text element, in the SVG's user units."""
    size = float(svg.get("font-size"))
    found = []

    def walk(element, dx, dy):
        transform = element.get("transform", "")
        if match := re.fullmatch(r"translate\(([-\d.]+) ([-\d.]+)\)", transform):
            dx, dy = dx + float(match[1]), dy + float(match[2])
        if element.tag == f"{SVG}text":
            width = width_of(element.text, size, element.get("font-weight") == "bold")
            x = float(element.get("x")) + dx
            left = x - width / 2 if element.get("text-anchor") == "middle" else x
            found.append((left, left + width, float(element.get("y")) + dy, element.text))
        for child in element:
            walk(child, dx, dy)

    walk(svg, 0, 0)
    return found


def assert_numbers_parse(svg):
    """Coordinates are SVG numbers whatever the page language (no German decimal comma)."""
    for element in svg.iter():
        for name in NUMERIC:
            if name in element.attrib:
                float(element.attrib[name])


def assert_apart(row, gap=2):
    row = sorted(row)
    for (_l1, right, _y1, first), (left, _r2, _y2, second) in itertools.pairwise(row):
        assert right + gap <= left, f"“{first}” runs into “{second}”"


def indicator(values, baseline=None, target=None):
    chart = charts.indicator_chart(values, baseline, target)
    item = {"chart": chart, "indicator": SimpleNamespace(title="Teilnehmende", unit="Personen")}
    return chart, *svg_of("measures/reports/chart_indicator.html", item=item)


@pytest.mark.parametrize("count", [2, 3, 5, 8, 12, 20])
@pytest.mark.parametrize("scale", [Decimal("1.5"), Decimal("12345.25")])
def test_indicator_dates_and_values_never_overlap(count, scale):
    values = [(datetime.date(2014 + i, 12, 31), scale * (i + 1)) for i in range(count)]
    chart, svg, alt = indicator(values, baseline=scale, target=scale * 30)
    assert_numbers_parse(svg)
    found = labels(svg)
    dates = [label for label in found if label[2] == chart["date_y"]]
    values_shown = [label for label in found if re.fullmatch(r"[\d.,]+", label[3])]
    assert_apart(dates)
    assert_apart(values_shown)
    # The latest date is always written, and more than one to read the axis by.
    assert dates[-1][3] == "12/" + str(2014 + count - 1)
    assert len(dates) >= 2
    width = float(svg.get("width"))
    for left, right, _y, text in found:
        assert left >= 0 and right <= width, f"“{text}” leaves the chart"
    # Every value is in the alternative text, whether or not its label is drawn.
    assert alt.count(";") == count - 1
    assert f"12/{2014 + count - 1}:" in alt and "Zielwert" in alt


def rows(labels_and_counts):
    return [{"label": label, "counts": Counter(counts)} for label, counts in labels_and_counts]


LONG_FIELDS = rows(
    [
        ("1 Sprache und Bildung für alle Generationen", {Measure.Status.PLANNED: 1}),
        ("2 Werte/Regeln/Normen des Zusammenlebens", {Measure.Status.IN_PROGRESS: 30}),
        ("3 WWWWWWWWWWWWWWWWWWWWWWWWWWWW", {Measure.Status.DONE: 2, Measure.Status.DROPPED: 1}),
    ]
)


def test_status_and_progress_labels_end_before_their_bars():
    for template, chart in (
        ("measures/reports/chart_status.html", charts.status_chart(LONG_FIELDS)),
        (
            "measures/reports/chart_progress.html",
            charts.progress_chart([{**row, "progress": 100} for row in LONG_FIELDS]),
        ),
    ):
        svg, _alt = svg_of(template, chart=chart)
        assert_numbers_parse(svg)
        bars_start = min(
            float(rect.get("x")) for rect in svg.iter(f"{SVG}rect") if float(rect.get("x")) > 20
        )
        found = labels(svg)
        for left, right, _y, text in found:
            if left < bars_start:  # a row label or a legend entry
                assert right + 2 <= bars_start or _y > len(LONG_FIELDS) * 24, text
            assert right <= float(svg.get("width")), f"“{text}” leaves the chart"
        legend = [label for label in found if label[2] > len(LONG_FIELDS) * 24]
        for baseline in {label[2] for label in legend}:
            assert_apart([label for label in legend if label[2] == baseline])


def test_each_count_stays_inside_its_bar_segment():
    chart = charts.status_chart(LONG_FIELDS)
    svg, _alt = svg_of("measures/reports/chart_status.html", chart=chart)
    size = float(svg.get("font-size"))
    for row in svg.findall(f"{SVG}g")[: len(LONG_FIELDS)]:
        segments = [
            (float(rect.get("x")), float(rect.get("x")) + float(rect.get("width")))
            for rect in row.findall(f"{SVG}rect")
        ]
        counts = [text for text in row.findall(f"{SVG}text") if text.get("text-anchor")]
        for text in counts:
            middle, half = float(text.get("x")), width_of(text.text, size) / 2
            assert any(
                start + 1 <= middle - half and middle + half <= end - 1 for start, end in segments
            ), f"the count {text.text} spills over its segment"
        # The total follows the bar.
        total = next(text for text in row.findall(f"{SVG}text") if text.get("font-weight"))
        assert float(total.get("x")) >= max(end for _start, end in segments)


def test_the_status_chart_alt_text_states_every_figure():
    chart = charts.status_chart(
        rows(
            [
                ("1 Sprache", {Measure.Status.IN_PROGRESS: 3, Measure.Status.DONE: 1}),
                ("2 Bildung", {}),
            ]
        )
    )
    _svg, alt = svg_of("measures/reports/chart_status.html", chart=chart)
    assert alt == (
        "Maßnahmen je Status in jedem Handlungsfeld. "
        "1 Sprache: 3 in Umsetzung, 1 umgesetzt, zusammen 4. 2 Bildung: keine Maßnahmen."
    )
