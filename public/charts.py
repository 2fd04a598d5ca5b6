"""The overview's progress chart for a screen as narrow as 320 px (issue 14).

The report's chart (measures/reports/charts.py) sets each label beside its bar on a page 460
units wide; shrunk to a phone's width its text would be too small to read. Here each label
stands above its bar on the full width, measured with the same font metrics, so the chart
keeps a readable size from 320 px up. Its text alternative is the report's (progress_alt).
"""

from measures.reports.charts import fit

WIDTH = 320
FONT = 12
ROW = 44
BAR_TOP = 18
BAR_HEIGHT = 14
TRACK = 262
VALUE_GAP = 6


def _n(number):
    """A coordinate with a dot as decimal separator, whatever the page language."""
    return f"{number:.1f}".rstrip("0").rstrip(".")


def progress_bars(rows):
    """Bars of the average progress (0–100 %) of `rows` (dicts with "label" and "progress")."""
    bars = [
        {
            "label": fit(row["label"], WIDTH, FONT),
            "full_label": row["label"],
            "y": index * ROW,
            "width": _n(TRACK * row["progress"] / 100),
            "value": row["progress"],
        }
        for index, row in enumerate(rows)
    ]
    return {
        "width": WIDTH,
        "height": len(rows) * ROW,
        "bars": bars,
        "font_size": FONT,
        "label_y": FONT,
        "bar_y": BAR_TOP,
        "bar_height": BAR_HEIGHT,
        "track_width": TRACK,
        "value_x": TRACK + VALUE_GAP,
        "value_y": BAR_TOP + BAR_HEIGHT - 3,
    }
