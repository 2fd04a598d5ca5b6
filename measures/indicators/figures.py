"""The monitoring's figures as self-contained SVG: a line chart of an indicator over time.

A figure is drawn for the page (inline SVG) and for the PDF (the same SVG as a `data:` image)
alike, so it may only use presentation attributes: no style, no script, no external reference.
It must stay readable in black and white, hence a marker shape and a dash pattern per series
besides its colour, and the figures are written into the drawing as well as into its
description. `choropleth.py` draws the map with the helpers at the end of this module.
"""

import base64
import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from math import ceil, floor, log10

from django.template.loader import render_to_string
from django.utils import formats
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from measures.reports.charts import _n, fit, text_width


@dataclass(frozen=True)
class Figure:
    svg: SafeString
    alt: str
    width: float
    height: float

    def data_url(self) -> str:
        """The SVG as a `data:` URL for an <img>, with its size in user units (a PDF has no
        container that a width of 100 % could refer to)."""
        sized = self.svg.replace(
            'width="100%"', f'width="{_n(self.width)}" height="{_n(self.height)}"', 1
        )
        return "data:image/svg+xml;base64," + base64.b64encode(sized.encode()).decode("ascii")


@dataclass(frozen=True)
class Series:
    label: str
    values: list[Decimal | None]
    emphasis: bool = False


def format_number(value, decimal_places):
    """A number in German with exactly `decimal_places` decimals, rounded half up as official
    statistics do (12,35 → 12,4)."""
    number = Decimal(value).quantize(Decimal(1).scaleb(-decimal_places), rounding=ROUND_HALF_UP)
    return formats.number_format(number, decimal_pos=decimal_places, use_l10n=True)


def format_value(value: Decimal | None, decimal_places: int, unit: str = "") -> str:
    """12.345, 1, "%" → "12,3 %"; 1234, 0, "Personen" → "1.234 Personen"; None → "keine Angabe"."""
    if value is None:
        return pgettext("indicator value", "no value")
    text = format_number(value, decimal_places)
    return f"{text} {unit}" if unit else text


WIDTH = 640
HEIGHT = 300
FONT = 10
PLOT_TOP = 26
PLOT_BOTTOM = HEIGHT - 32
EDGE_PAD = 12  # keeps the first and last point off the axes
LABEL_GAP = FONT + 3  # vertical distance between two direct labels
LABEL_COLUMN = 170  # the widest the column of direct labels at the right may be
LEGEND_AFTER = 4  # more series than this get a legend as well
LEGEND_COLUMN = 156
LEGEND_ROW = 18

EMPHASIS_COLOUR = "#111111"
# Dark enough for 3:1 against white, and told apart by marker and dash in grey print.
COLOURS = ["#1f5fa8", "#b84a00", "#2e7d32", "#7b3294", "#a50f15", "#00695c", "#5d4037", "#ad1457"]
MARKERS = ["circle", "square", "triangle", "diamond", "triangle-down", "cross"]
DASHES = ["6 3", "2 3", "9 3 2 3", "4 2", "1 2", "12 4"]


def signed(value: Decimal | None, decimal_places: int, unit: str = "") -> str:
    """A change with its sign: “+1,2 %”, “−0,5 %”, “±0,0 %”."""
    if value is None:
        return "–"
    text = format_value(abs(value), decimal_places, unit)
    if value > 0:
        return f"+{text}"
    if value < 0:
        return f"−{text}"
    return f"±{text}"


def time_series_figure(
    *,
    title: str,
    unit: str,
    decimal_places: int,
    periods: list[str],
    series: list[Series],
    figure_id: str,
) -> Figure | None:
    """A line chart: x = periods (in order), y = values. None when fewer than two periods have
    any value."""
    filled = [i for i in range(len(periods)) if any(s.values[i] is not None for s in series)]
    if len(filled) < 2:
        return None
    figure_id = svg_id(figure_id)
    numbers = [float(v) for s in series for v in s.values if v is not None]
    ticks, places = nice_ticks(min(min(numbers), 0), max(max(numbers), 0))
    tick_labels = [format_number(tick, places) for tick in ticks]
    left = 8 + max(text_width(label, FONT) for label in tick_labels) + 6
    widest_name = max(text_width(s.label, FONT, bold=s.emphasis) for s in series)
    column = min(LABEL_COLUMN, widest_name + 30)
    right = WIDTH - 8 - column
    low, high = float(ticks[0]), float(ticks[-1])

    def y_of(number):
        return PLOT_BOTTOM - (PLOT_BOTTOM - PLOT_TOP) * (float(number) - low) / (high - low)

    slot = (right - left - 2 * EDGE_PAD) / max(len(periods) - 1, 1)

    def x_of(index):
        return left + EDGE_PAD + index * slot

    styles = series_styles(series)
    # Values are written at the ends of the emphasised line (or of the only one).
    labelled = [one.emphasis or len(series) == 1 for one in series]
    lines = [
        draw_series(one, style, x_of, y_of, (decimal_places, unit), ends)
        for one, style, ends in zip(series, styles, labelled, strict=True)
    ]
    labels = direct_labels(lines, right, column)
    legend = legend_entries(lines, PLOT_BOTTOM + 34) if len(series) > LEGEND_AFTER else []
    height = HEIGHT + (ceil(len(legend) / 4) * LEGEND_ROW + 8 if legend else 0)
    widest = max(text_width(period, FONT) for period in periods)
    step = max(1, ceil((widest + 6) / slot)) if len(periods) > 1 else 1
    alt = series_alt(title, unit, decimal_places, periods, series)
    context = {
        "id": figure_id,
        "title": title,
        "alt": alt,
        "width": WIDTH,
        "height": height,
        "font_size": FONT,
        "unit_label": pgettext("axis", "in %(unit)s") % {"unit": unit} if unit else "",
        "left": _n(left),
        "tick_x": _n(left - 6),
        "right": _n(right),
        "top": PLOT_TOP,
        "bottom": PLOT_BOTTOM,
        "ticks": [
            {"y": _n(y_of(tick)), "text_y": _n(y_of(tick) + FONT * 0.35), "label": label}
            for tick, label in zip(ticks, tick_labels, strict=True)
        ],
        "zero_y": _n(y_of(0)),
        "periods": [
            {"x": _n(x_of(index)), "label": period}
            for index, period in enumerate(periods)
            if (len(periods) - 1 - index) % step == 0
        ],
        "period_y": PLOT_BOTTOM + 15,
        # The emphasised series is drawn last, on top of the others.
        "lines": sorted(lines, key=lambda line: line["emphasis"]),
        "labels": labels,
        "legend": legend,
    }
    return render_figure("measures/indicators/svg/time_series.svg", context, alt, WIDTH, height)


def series_styles(series):
    """Colour, marker, dash and width of each series; the emphasised one is black and thick."""
    styles, index = [], 0
    for one in series:
        if one.emphasis:
            styles.append({"colour": EMPHASIS_COLOUR, "marker": "circle", "dash": "", "width": 3})
            continue
        styles.append(
            {
                "colour": COLOURS[index % len(COLOURS)],
                "marker": MARKERS[index % len(MARKERS)],
                "dash": DASHES[index % len(DASHES)],
                "width": 1.6,
                # A second round of markers is drawn hollow, so that no two series look alike.
                "hollow": index >= len(MARKERS),
            }
        )
        index += 1
    return styles


def draw_series(one, style, x_of, y_of, number_format, labelled):
    """The polylines (broken where a value is missing), markers and value labels of a series."""
    points = [
        (x_of(index), y_of(value), value)
        for index, value in enumerate(one.values)
        if value is not None
    ]
    segments, current = [], []
    for index, value in enumerate(one.values):
        if value is None:
            current = []
            continue
        if not current:
            segments.append(current)
        current.append(f"{_n(x_of(index))},{_n(y_of(value))}")
    values = []
    if labelled and points:
        ends = [points[0], points[-1]] if len(points) > 1 else [points[0]]
        for number, (x, y, value) in enumerate(ends):
            anchor = "start" if number == 0 else "end"
            values.append(
                {"x": _n(x - 4 if number == 0 else x + 4), "y": _n(y - 8), "anchor": anchor}
                | {"text": format_value(value, *number_format)}
            )
    marker_size = 4.5 if one.emphasis else 3.5
    return {
        "label": one.label,
        "emphasis": one.emphasis,
        "style": style,
        "segments": [" ".join(segment) for segment in segments if len(segment) > 1],
        "markers": [marker_path(style["marker"], x, y, marker_size) for x, y, _v in points],
        "values": values,
        "end": (points[-1][0], points[-1][1]) if points else None,
    }


def marker_path(shape, x, y, r):
    """An SVG path of a marker centred on (x, y)."""
    if shape == "circle":
        arc = f"a{_n(r)} {_n(r)} 0 1 0"
        return f"M{_n(x - r)} {_n(y)}{arc} {_n(2 * r)} 0{arc} {_n(-2 * r)} 0Z"
    corners = {
        "square": [(-0.85, -0.85), (0.85, -0.85), (0.85, 0.85), (-0.85, 0.85)],
        "triangle": [(0, -1.15), (1.05, 0.85), (-1.05, 0.85)],
        "triangle-down": [(0, 1.15), (1.05, -0.85), (-1.05, -0.85)],
        "diamond": [(0, -1.25), (1.1, 0), (0, 1.25), (-1.1, 0)],
        "cross": [
            (-0.35, -1), (0.35, -1), (0.35, -0.35), (1, -0.35), (1, 0.35), (0.35, 0.35),
            (0.35, 1), (-0.35, 1), (-0.35, 0.35), (-1, 0.35), (-1, -0.35), (-0.35, -0.35),
        ],
    }[shape]  # fmt: skip
    return "M" + "L".join(f"{_n(x + dx * r)} {_n(y + dy * r)}" for dx, dy in corners) + "Z"


def direct_labels(lines, right, column):
    """Each series' name at the right of the plot, level with its last value and spread so that
    no two names overlap; none when they cannot all fit (the legend names the series then)."""
    ends = [line for line in lines if line["end"]]
    top, bottom = PLOT_TOP - LABEL_GAP, PLOT_BOTTOM + 4
    if (len(ends) - 1) * LABEL_GAP > bottom - top:
        return []
    wanted = sorted(((line["end"][1], line) for line in ends), key=lambda item: item[0])
    placed = spread([y for y, _line in wanted], top, bottom)
    labels = []
    for (y, line), label_y in zip(wanted, placed, strict=True):
        labels.append(
            {
                "text": fit(line["label"], column - 30, FONT, bold=line["emphasis"]),
                "full": line["label"],
                "bold": line["emphasis"],
                "style": line["style"],
                "leader": f"{_n(right + 2)},{_n(y)} {_n(right + 8)},{_n(label_y)}",
                "marker": marker_path(line["style"]["marker"], right + 14, label_y, 3.5),
                "x": _n(right + 22),
                "y": _n(label_y + FONT * 0.35),
                "centre": label_y,
            }
        )
    return labels


def spread(wanted, top, bottom, gap=LABEL_GAP):
    """Positions as close as possible to the sorted `wanted` ones, `gap` apart, within
    [top, bottom] where there is room for them all."""
    placed = []
    for y in wanted:
        placed.append(max(y, top, placed[-1] + gap) if placed else max(y, top))
    if placed and placed[-1] > bottom:
        placed[-1] = bottom
        for index in range(len(placed) - 2, -1, -1):
            placed[index] = min(placed[index], placed[index + 1] - gap)
    return placed


def legend_entries(lines, top):
    return [
        {
            "x": _n(8 + (index % 4) * LEGEND_COLUMN),
            "line_end": _n(8 + (index % 4) * LEGEND_COLUMN + 24),
            "marker": marker_path(
                line["style"]["marker"],
                8 + (index % 4) * LEGEND_COLUMN + 12,
                top + index // 4 * LEGEND_ROW,
                3.5,
            ),
            "y": _n(top + index // 4 * LEGEND_ROW),
            "text_x": _n(8 + (index % 4) * LEGEND_COLUMN + 30),
            "text_y": _n(top + index // 4 * LEGEND_ROW + FONT * 0.35),
            "text": fit(line["label"], LEGEND_COLUMN - 36, FONT),
            "style": line["style"],
        }
        for index, line in enumerate(lines)
    ]


def nice_ticks(low, high):
    """4–6 round tick values from at or below `low` to at or above `high`, and the decimals
    their labels need."""
    if high <= low:
        high = low + (abs(low) or 1)
    raw = (high - low) / 4
    magnitude = Decimal(10) ** floor(log10(raw))
    step = next(
        m * magnitude
        for m in map(Decimal, ("1", "2", "2.5", "5", "10"))
        if m * magnitude >= Decimal(str(raw))
    )
    start = floor(Decimal(str(low)) / step)
    end = ceil(Decimal(str(high)) / step)
    ticks = [step * index for index in range(start, end + 1)]
    places = max(0, -step.normalize().as_tuple().exponent)
    return ticks, places


def series_alt(title, unit, decimal_places, periods, series):
    """The chart in words: every value of every series."""
    heading = _("Line chart “%(title)s” from %(first)s to %(last)s.") % {
        "title": f"{title} ({unit})" if unit else title,
        "first": periods[0],
        "last": periods[-1],
    }
    parts = [heading]
    for one in series:
        values = "; ".join(
            f"{period}: {format_value(value, decimal_places, unit)}"
            for period, value in zip(periods, one.values, strict=True)
            if value is not None
        )
        parts.append(f"{one.label}: {values or pgettext('indicator value', 'no value')}.")
    return " ".join(parts)


def svg_id(text):
    """`text` as the prefix of XML ids: letters, digits, hyphens, starting with a letter."""
    cleaned = re.sub(r"[^A-Za-z0-9_-]+", "-", str(text)).strip("-") or "figure"
    return cleaned if cleaned[0].isalpha() else f"f-{cleaned}"


def render_figure(template_name, context, alt, width, height):
    # render_to_string escapes and returns a SafeString; strip() would lose the mark.
    svg = render_to_string(template_name, context).strip()
    return Figure(svg=mark_safe(svg), alt=alt, width=width, height=height)
