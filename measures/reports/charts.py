"""Geometry of the report's SVG charts and the alternative text that states their figures.

The charts must stay readable in black and white: every bar carries its number as text and the
status colours differ in lightness as well as in hue. Labels are measured with the bundled
font's metrics, so that a long action field is shortened before it reaches its bar and the dates
under an indicator's bars are thinned out before they run into each other.
"""

from functools import cache
from math import ceil

from django.contrib.staticfiles import finders
from django.utils.translation import gettext as _
from fontTools.ttLib import TTFont

from measures.models import Measure
from measures.templatetags.report_numbers import plain_number


def _n(number):
    """A coordinate as SVG wants it: a dot as decimal separator, whatever the page language."""
    return f"{number:.1f}".rstrip("0").rstrip(".")


@cache
def _advances(bold):
    """Advance widths (in em) of the bundled font's characters."""
    font = TTFont(finders.find(f"fonts/DejaVuSans{'-Bold' if bold else ''}.ttf"))
    units = font["head"].unitsPerEm
    metrics = font["hmtx"].metrics
    return {code: metrics[name][0] / units for code, name in font.getBestCmap().items()}, metrics[
        ".notdef"
    ][0] / units


def text_width(text, size, bold=False):
    """The width of `text` set in DejaVu Sans at `size` (the SVG's user units)."""
    advances, missing = _advances(bold)
    return size * sum(advances.get(ord(char), missing) for char in str(text))


def fit(text, width, size, bold=False):
    """`text`, shortened with an ellipsis where it is wider than `width`."""
    text = str(text)
    if text_width(text, size, bold) <= width:
        return text
    while text and text_width(text + "…", size, bold) > width:
        text = text[:-1]
    return text.rstrip() + "…"


# Fill and text colour per status, from light to dark so that a grey print keeps them apart.
STATUS_FILLS = {
    Measure.Status.PLANNED: ("#e4e4e4", "#111111"),
    Measure.Status.IN_PROGRESS: ("#5b8fc7", "#111111"),
    Measure.Status.DONE: ("#1e6b34", "#ffffff"),
    Measure.Status.CONTINUOUS: ("#2f5d50", "#ffffff"),
    Measure.Status.DELAYED: ("#e0a040", "#111111"),
    Measure.Status.PAUSED: ("#8d7bb0", "#111111"),
    Measure.Status.DROPPED: ("#333333", "#ffffff"),
}

CHART_WIDTH = 460
LABEL_WIDTH = 150
LABEL_GAP = 6
ROW_HEIGHT = 24
BAR_HEIGHT = 16
BAR_FONT = 8.5
LEGEND_FONT = 8.5
LEGEND_COLUMN = 115


def status_chart(rows):
    """Stacked bars: measures per status for each action field, scaled to the largest field.

    `rows` are dicts with "label" and "counts" (status → number of measures).
    """
    bar_width = CHART_WIDTH - LABEL_WIDTH - 40
    largest = max([sum(row["counts"].values()) for row in rows] + [1])
    bars = []
    for index, row in enumerate(rows):
        x, segments = LABEL_WIDTH, []
        for status, label in Measure.Status.choices:
            count = row["counts"].get(status, 0)
            if not count:
                continue
            width = bar_width * count / largest
            fill, text = STATUS_FILLS[status]
            segments.append(
                {
                    "x": _n(x),
                    "width": _n(width),
                    "middle": _n(x + width / 2),
                    "count": count,
                    "label": label,
                    "fill": fill,
                    "text": text,
                    "show_count": width >= text_width(count, BAR_FONT) + 4,
                }
            )
            x += width
        bars.append(
            {
                "label": fit(row["label"], LABEL_WIDTH - LABEL_GAP, BAR_FONT),
                "full_label": row["label"],
                "y": index * ROW_HEIGHT,
                "segments": segments,
                "total": sum(row["counts"].values()),
                "total_x": _n(x + 6),
            }
        )
    legend_top = len(rows) * ROW_HEIGHT + 10
    legend = [
        {
            "label": fit(label, LEGEND_COLUMN - 15 - LABEL_GAP, LEGEND_FONT),
            "fill": STATUS_FILLS[status][0],
            "x": (index % 4) * LEGEND_COLUMN,
            "y": legend_top + (index // 4) * 18,
        }
        for index, (status, label) in enumerate(Measure.Status.choices)
    ]
    return {
        "width": CHART_WIDTH,
        "height": legend_top + 2 * 18 + 4,
        "bars": bars,
        "legend": legend,
        "text_y": BAR_HEIGHT - 4,
        "bar_height": BAR_HEIGHT,
        "font_size": _n(BAR_FONT),
    }


def progress_chart(rows):
    """Horizontal bars of the average progress (0–100 %) per action field."""
    bar_width = CHART_WIDTH - LABEL_WIDTH - 50
    bars = [
        {
            "label": fit(row["label"], LABEL_WIDTH - LABEL_GAP, BAR_FONT),
            "full_label": row["label"],
            "y": index * ROW_HEIGHT,
            "width": _n(bar_width * row["progress"] / 100),
            "value": row["progress"],
        }
        for index, row in enumerate(rows)
    ]
    return {
        "width": CHART_WIDTH,
        "height": len(rows) * ROW_HEIGHT + 4,
        "track_x": LABEL_WIDTH,
        "track_width": bar_width,
        "value_x": LABEL_WIDTH + bar_width + 6,
        "bars": bars,
        "text_y": BAR_HEIGHT - 4,
        "bar_height": BAR_HEIGHT,
        "font_size": _n(BAR_FONT),
    }


INDICATOR_WIDTH = 300
INDICATOR_HEIGHT = 120
INDICATOR_FONT = 9
PLOT_TOP = 18
PLOT_BOTTOM = 94


def indicator_chart(values, baseline=None, target=None):
    """Bars of an indicator's values over time with baseline and target lines.

    `values` are (date, value) pairs in date order; only drawn when there are two or more.
    Where the dates (or the values above the bars) would run into each other, only every
    second (third, …) one is written, counted back from the latest.
    """
    if len(values) < 2:
        return None
    numbers = [float(value) for _date, value in values]
    references = [float(number) for number in (baseline, target) if number is not None]
    top = max([*numbers, *references, 0]) or 1
    bottom = min([*numbers, *references, 0])
    span = (top - bottom) or 1
    plot_height = PLOT_BOTTOM - PLOT_TOP
    lines = []
    for kind, number in (("baseline", baseline), ("target", target)):
        if number is not None:
            label = _("target") if kind == "target" else _("baseline")
            lines.append({"kind": kind, "value": number, "text": f"{label} {plain_number(number)}"})
    label_room = max([text_width(line["text"], INDICATOR_FONT) for line in lines] + [0])
    plot_left = 4
    plot_width = INDICATOR_WIDTH - plot_left - (label_room + 8 if lines else 4)

    def y_of(number):
        return PLOT_BOTTOM - plot_height * (number - bottom) / span

    dates = [f"{date:%m/%Y}" for date, _value in values]
    widest = max(text_width(text, INDICATOR_FONT) for text in [*dates, *map(plain_number, numbers)])
    # The first and the last label are centred on their bars: the bars keep a margin from the
    # ends of the axis wide enough for half a label.
    # margin = widest / 2 + 1 - slot / 2 with slot = (plot_width - 2 * margin) / count:
    count = len(values)
    margin = max(0.0, (widest / 2 + 1 - plot_width / (2 * count)) / (1 - 1 / count))
    slot = (plot_width - 2 * margin) / count
    left = plot_left + margin
    step = max(1, ceil((widest + 4) / slot))
    zero = y_of(0)
    bars = []
    for index, ((_date, value), number) in enumerate(zip(values, numbers, strict=True)):
        y = y_of(number)
        bars.append(
            {
                "x": _n(left + index * slot + slot * 0.15),
                "width": _n(slot * 0.7),
                "y": _n(min(y, zero)),
                "height": _n(max(abs(zero - y), 0.5)),
                "middle": _n(left + index * slot + slot / 2),
                "value": value,
                "value_y": _n(min(y, zero) - 3),
                "date": dates[index],
                "labelled": (len(values) - 1 - index) % step == 0,
            }
        )
    for line in lines:
        line["y"] = y_of(float(line["value"]))
    _spread_labels(lines)
    for line in lines:
        line["y"], line["label_y"] = _n(line["y"]), _n(line["label_y"])
    return {
        "width": INDICATOR_WIDTH,
        "height": INDICATOR_HEIGHT,
        "bars": bars,
        "lines": lines,
        "line_start": _n(plot_left),
        "line_end": _n(plot_left + plot_width),
        "axis_y": _n(zero),
        "date_y": PLOT_BOTTOM + 15,
        "label_x": _n(plot_left + plot_width + 4),
        "font_size": _n(INDICATOR_FONT),
    }


def _spread_labels(lines):
    """Keep the baseline and target labels apart when both lines lie close together."""
    if len(lines) == 2 and abs(lines[0]["y"] - lines[1]["y"]) < 12:
        upper, lower = sorted(lines, key=lambda line: line["y"])
        upper["label_y"] = upper["y"] - 2
        lower["label_y"] = upper["y"] + 11
    for line in lines:
        line.setdefault("label_y", line["y"] + 3)


def status_alt(chart):
    """The status chart's figures in words, for the PDF's alternative text."""
    fields = []
    for bar in chart["bars"]:
        counts = ", ".join(f"{segment['count']} {segment['label']}" for segment in bar["segments"])
        if counts:
            fields.append(
                _("%(field)s: %(counts)s, %(total)s in total.")
                % {"field": bar["full_label"], "counts": counts, "total": bar["total"]}
            )
        else:
            fields.append(_("%(field)s: no measures.") % {"field": bar["full_label"]})
    return " ".join([_("Measures per status in each action field."), *fields])


def progress_alt(chart):
    values = "; ".join(f"{bar['full_label']} {bar['value']} %" for bar in chart["bars"])
    return _("Average progress per action field: %(values)s.") % {"values": values}


def indicator_alt(chart, indicator):
    title = f"{indicator.title} ({indicator.unit})" if indicator.unit else indicator.title
    values = "; ".join(f"{bar['date']}: {plain_number(bar['value'])}" for bar in chart["bars"])
    parts = [
        _("Values of the indicator “%(title)s”: %(values)s.") % {"title": title, "values": values}
    ]
    parts += [f"{line['text']}." for line in chart["lines"]]
    return " ".join(parts)
