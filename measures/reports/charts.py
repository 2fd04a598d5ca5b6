"""Geometry of the report's SVG charts; the templates draw them and format the numbers.

The charts must stay readable in black and white: every bar carries its number as text and the
status colours differ in lightness as well as in hue.
"""

from measures.models import Measure


def _n(number):
    """A coordinate as SVG wants it: a dot as decimal separator, whatever the page language."""
    return f"{number:.1f}".rstrip("0").rstrip(".")


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
ROW_HEIGHT = 24
BAR_HEIGHT = 16


def status_chart(rows):
    """Stacked bars: measures per status for each action field, scaled to the largest field.

    `rows` are dicts with "label" and "counts" (status → number of measures).
    """
    bar_width = CHART_WIDTH - LABEL_WIDTH - 40
    largest = max([sum(row["counts"].values()) for row in rows] + [1])
    bars = []
    for index, row in enumerate(rows):
        x, segments = LABEL_WIDTH, []
        for status, _label in Measure.Status.choices:
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
                    "fill": fill,
                    "text": text,
                    "show_count": width >= 12,
                }
            )
            x += width
        bars.append(
            {
                "label": row["label"],
                "y": index * ROW_HEIGHT,
                "segments": segments,
                "total": sum(row["counts"].values()),
                "total_x": _n(x + 6),
            }
        )
    legend_top = len(rows) * ROW_HEIGHT + 10
    legend = [
        {
            "label": label,
            "fill": STATUS_FILLS[status][0],
            "x": (index % 4) * 115,
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
    }


def progress_chart(rows):
    """Horizontal bars of the average progress (0–100 %) per action field."""
    bar_width = CHART_WIDTH - LABEL_WIDTH - 50
    bars = [
        {
            "label": row["label"],
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
    }


INDICATOR_WIDTH = 300
INDICATOR_HEIGHT = 120
PLOT_TOP = 18
PLOT_BOTTOM = 94


def indicator_chart(values, baseline=None, target=None):
    """Bars of an indicator's values over time with baseline and target lines.

    `values` are (date, value) pairs in date order; only drawn when there are two or more.
    """
    if len(values) < 2:
        return None
    numbers = [float(value) for _date, value in values]
    references = [float(number) for number in (baseline, target) if number is not None]
    top = max([*numbers, *references, 0]) or 1
    bottom = min([*numbers, *references, 0])
    span = (top - bottom) or 1
    plot_height = PLOT_BOTTOM - PLOT_TOP
    left, slot = 4, (INDICATOR_WIDTH - 100) / len(values)

    def y_of(number):
        return PLOT_BOTTOM - plot_height * (number - bottom) / span

    zero = y_of(0)
    bars = []
    for index, ((date, value), number) in enumerate(zip(values, numbers, strict=True)):
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
                "date": date,
            }
        )
    lines = []
    for kind, number in (("baseline", baseline), ("target", target)):
        if number is not None:
            lines.append({"kind": kind, "value": number, "y": y_of(float(number))})
    _spread_labels(lines)
    for line in lines:
        line["y"], line["label_y"] = _n(line["y"]), _n(line["label_y"])
    return {
        "width": INDICATOR_WIDTH,
        "height": INDICATOR_HEIGHT,
        "bars": bars,
        "lines": lines,
        "line_start": _n(left),
        "line_end": _n(left + len(values) * slot),
        "axis_y": _n(zero),
        "date_y": PLOT_BOTTOM + 15,
        "label_x": _n(left + len(values) * slot + 4),
    }


def _spread_labels(lines):
    """Keep the baseline and target labels apart when both lines lie close together."""
    if len(lines) == 2 and abs(lines[0]["y"] - lines[1]["y"]) < 12:
        upper, lower = sorted(lines, key=lambda line: line["y"])
        upper["label_y"] = upper["y"] - 2
        lower["label_y"] = upper["y"] + 11
    for line in lines:
        line.setdefault("label_y", line["y"] + 3)
