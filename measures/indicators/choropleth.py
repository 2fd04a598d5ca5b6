"""The districts on a map, shaded by an indicator's value (a choropleth), as self-contained SVG.

The boundaries are GeoJSON in WGS 84; a city is small enough for an equirectangular projection
whose x is scaled by the cosine of the middle latitude. The values fall into up to five classes
of equal count; each class has a lighter or darker blue *and* a hatching of its own, so that a
black-and-white print keeps them apart. Every area carries its name and value in the drawing.
"""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from math import ceil, cos, radians

from django.utils.translation import gettext as _

from measures.reports.charts import _n, fit, text_width

from .figures import Figure, format_number, format_value, render_figure, svg_id


@dataclass(frozen=True)
class MapArea:
    code: str
    name: str
    boundary: dict | None
    value: Decimal | None


WIDTH = 640
MAX_MAP_HEIGHT = 460
MARGIN = 16
FONT = 10
LEGEND_COLUMN = 210
LEGEND_ROW = 20
MIN_LABEL_WIDTH = 80

# A sequential palette from light to dark (ColorBrewer "Blues"), and which of its steps a map
# with fewer classes uses, so that neighbouring classes still differ clearly in lightness.
PALETTE = ["#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c"]
STEPS = {1: [2], 2: [1, 4], 3: [0, 2, 4], 4: [0, 1, 3, 4], 5: [0, 1, 2, 3, 4]}
# The hatching per palette step (drawn in the pattern tile of 8 × 8 units), dark on the light
# steps and white on the dark ones.
HATCHES = [
    ("", ""),
    ("M3 4a1 1 0 1 0 2 0a1 1 0 1 0 -2 0Z", "#222222"),
    ("M0 4H8", "#222222"),
    ("M0 4H8M4 0V8", "#ffffff"),
    ("M0 0L8 8M8 0L0 8M0 4H8", "#ffffff"),
]
NO_VALUE_HATCH = "M-2 2L2 -2M0 8L8 0M6 10L10 6"


def choropleth_figure(
    *,
    title: str,
    unit: str,
    decimal_places: int,
    period_label: str,
    areas: list[MapArea],
    direction: str,
    figure_id: str,
) -> Figure | None:
    """The districts coloured by value; None when no area has a boundary."""
    drawn = [area for area in areas if area.boundary]
    if not drawn:
        return None
    figure_id = svg_id(figure_id)
    project, map_height = projection([area.boundary for area in drawn])
    classes = value_classes([area.value for area in drawn], decimal_places)
    patterns = [
        {"id": f"{figure_id}-class-{index + 1}", "fill": PALETTE[step], "hatch": HATCHES[step]}
        for index, step in enumerate(STEPS.get(len(classes), []))
    ]
    shapes = []
    for area in drawn:
        polygons = [
            [[project(*position[:2]) for position in ring] for ring in polygon]
            for polygon in polygons_of(area.boundary)
        ]
        number = class_of(area.value, classes, decimal_places)
        x, y, room = label_point(polygons)
        name = fit(area.name, max(room - 12, MIN_LABEL_WIDTH), FONT)
        value_text = format_value(area.value, decimal_places, unit)
        # A label near the edge is moved inwards so that it is not cut off.
        half = max(text_width(name, FONT), text_width(value_text, FONT, bold=True)) / 2 + 4
        x = min(max(x, half), WIDTH - half)
        shapes.append(
            {
                "path": path_data(polygons),
                "fill": patterns[number]["id"] if number is not None else f"{figure_id}-none",
                "tooltip": f"{area.name}: {value_text}",
                "name": name,
                "value": value_text,
                "x": _n(x),
                "name_y": _n(y - 2),
                "value_y": _n(y + FONT + 1),
            }
        )
    legend = legend_rows(classes, patterns, unit, decimal_places, drawn, figure_id)
    legend_top = map_height + 8
    rows = ceil(len(legend) / 3)
    height = legend_top + 18 + rows * LEGEND_ROW
    for index, entry in enumerate(legend):
        entry["x"] = _n(MARGIN + (index % 3) * LEGEND_COLUMN)
        entry["y"] = _n(legend_top + 18 + (index // 3) * LEGEND_ROW - 11)
        entry["text_x"] = _n(MARGIN + (index % 3) * LEGEND_COLUMN + 26)
        entry["text_y"] = _n(legend_top + 18 + (index // 3) * LEGEND_ROW - 1)
    alt = map_alt(title, unit, decimal_places, period_label, areas, classes)
    context = {
        "id": figure_id,
        "title": title,
        "alt": alt,
        "width": WIDTH,
        "height": _n(height),
        "font_size": FONT,
        "patterns": patterns,
        "no_value_hatch": NO_VALUE_HATCH,
        "shapes": shapes,
        "legend_title": legend_title(period_label, unit, direction),
        "legend_title_x": MARGIN,
        "legend_title_y": _n(legend_top + 4),
        "legend": legend,
    }
    return render_figure("measures/indicators/svg/choropleth.svg", context, alt, WIDTH, height)


def polygons_of(geometry):
    """The polygons (lists of rings) of a Polygon or MultiPolygon."""
    if geometry.get("type") == "Polygon":
        return [geometry["coordinates"]]
    if geometry.get("type") == "MultiPolygon":
        return geometry["coordinates"]
    return []


def projection(boundaries):
    """A function from (lon, lat) to SVG coordinates that fits all `boundaries` into the map,
    and the map's height."""
    positions = [
        (float(position[0]), float(position[1]))
        for boundary in boundaries
        for polygon in polygons_of(boundary)
        for ring in polygon
        for position in ring
    ]
    west, east = min(lon for lon, _lat in positions), max(lon for lon, _lat in positions)
    south, north = min(lat for _lon, lat in positions), max(lat for _lon, lat in positions)
    stretch = cos(radians((south + north) / 2))
    span_x, span_y = (east - west) * stretch, north - south
    room_x, room_y = WIDTH - 2 * MARGIN, MAX_MAP_HEIGHT - 2 * MARGIN
    scales = [room / span for room, span in ((room_x, span_x), (room_y, span_y)) if span > 0]
    scale = min(scales) if scales else 1
    map_height = span_y * scale + 2 * MARGIN if span_y else MAX_MAP_HEIGHT
    left = (WIDTH - span_x * scale) / 2

    def project(lon, lat):
        return left + (float(lon) - west) * stretch * scale, MARGIN + (north - float(lat)) * scale

    return project, map_height


def path_data(polygons):
    """One path for all rings of all polygons; holes are cut by the even-odd rule."""
    return " ".join(
        "M" + "L".join(f"{_n(x)} {_n(y)}" for x, y in ring) + "Z"
        for polygon in polygons
        for ring in polygon
    )


def edges(ring):
    """Consecutive pairs of a ring's points, the last one back to the first."""
    return list(zip(ring, ring[1:] + ring[:1], strict=True))


def ring_area(ring):
    """Signed area of a ring (shoelace)."""
    return sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in edges(ring)) / 2


def inside(point, polygon):
    """Whether `point` lies inside the polygon (its outer ring, not in a hole)."""
    x, y = point
    crossings = 0
    for ring in polygon:
        for (x0, y0), (x1, y1) in edges(ring):
            if (y0 > y) != (y1 > y) and x < x0 + (y - y0) * (x1 - x0) / (y1 - y0):
                crossings += 1
    return crossings % 2 == 1


def label_point(polygons):
    """Where an area's label goes, and how wide it may be: the centroid of the largest outer
    ring, else the middle of its bounding box, else (a ring around a hole) the middle of the
    widest stretch inside the polygon on a horizontal line."""
    polygon = max(polygons, key=lambda rings: abs(ring_area(rings[0])))
    outer = polygon[0]
    xs, ys = [x for x, _y in outer], [y for _x, y in outer]
    middle = ((min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2)
    candidates = [middle]
    if area := ring_area(outer):
        pairs = edges(outer)
        cx = sum((x0 + x1) * (x0 * y1 - x1 * y0) for (x0, y0), (x1, y1) in pairs) / (6 * area)
        cy = sum((y0 + y1) * (x0 * y1 - x1 * y0) for (x0, y0), (x1, y1) in pairs) / (6 * area)
        candidates.insert(0, (cx, cy))
    for x, y in candidates:
        if inside((x, y), polygon):
            return x, y, max(xs) - min(xs)
    for share in (0.5, 0.3, 0.7, 0.15, 0.85):
        y = min(ys) + share * (max(ys) - min(ys))
        stretches = inner_stretches(polygon, y)
        if stretches:
            left, right = max(stretches, key=lambda stretch: stretch[1] - stretch[0])
            return (left + right) / 2, y, right - left
    return *middle, max(xs) - min(xs)


def inner_stretches(polygon, y):
    """The stretches (x from, x to) of the horizontal line at `y` that lie inside the polygon."""
    crossings = sorted(
        x0 + (y - y0) * (x1 - x0) / (y1 - y0)
        for ring in polygon
        for (x0, y0), (x1, y1) in edges(ring)
        if (y0 > y) != (y1 > y)
    )
    return list(zip(crossings[::2], crossings[1::2], strict=True))


def value_classes(values, decimal_places):
    """Up to five classes of about equal count: (lowest, highest) value of each, as shown (the
    values rounded to the indicator's decimals), in rising order."""
    shown = sorted(rounded(value, decimal_places) for value in values if value is not None)
    if not shown:
        return []
    count = min(5, len(set(shown)))
    uppers = []
    for index in range(1, count + 1):
        upper = shown[ceil(index * len(shown) / count) - 1]
        if not uppers or upper > uppers[-1]:
            uppers.append(upper)
    classes, lower = [], None
    for upper in uppers:
        members = [value for value in shown if (lower is None or value > lower) and value <= upper]
        classes.append((members[0], upper))
        lower = upper
    return classes


def rounded(value, decimal_places):
    return Decimal(value).quantize(Decimal(1).scaleb(-decimal_places), rounding=ROUND_HALF_UP)


def class_of(value, classes, decimal_places):
    """The index of the class `value` belongs to, None without a value."""
    if value is None:
        return None
    value = rounded(value, decimal_places)
    return next(index for index, (_low, high) in enumerate(classes) if value <= high)


def class_range(low, high, unit, decimal_places):
    text = format_number(low, decimal_places)
    if high != low:
        text = f"{text} – {format_number(high, decimal_places)}"
    return f"{text} {unit}" if unit else text


def legend_rows(classes, patterns, unit, decimal_places, drawn, figure_id):
    rows = [
        {"fill": pattern["id"], "text": class_range(low, high, unit, decimal_places)}
        for (low, high), pattern in zip(classes, patterns, strict=True)
    ]
    if any(area.value is None for area in drawn):
        rows.append({"fill": f"{figure_id}-none", "text": format_value(None, 0)})
    for row in rows:
        row["text"] = fit(row["text"], LEGEND_COLUMN - 32, FONT)
    return rows


def legend_title(period_label, unit, direction):
    if unit:
        text = _("Values %(period)s in %(unit)s") % {"period": period_label, "unit": unit}
    else:
        text = _("Values %(period)s") % {"period": period_label}
    note = {"higher": _("higher is better"), "lower": _("lower is better")}.get(direction)
    if note:
        text = f"{text} ({note})"
    return fit(text, WIDTH - 2 * MARGIN, FONT, bold=True)


def map_alt(title, unit, decimal_places, period_label, areas, classes):
    """The map in words: every area with its value and class."""
    parts = [
        _("Map “%(title)s”, %(period)s: the districts shaded by value in %(count)s classes.")
        % {"title": title, "period": period_label, "count": len(classes)}
    ]
    for area in areas:
        value = format_value(area.value, decimal_places, unit)
        number = class_of(area.value, classes, decimal_places) if area.boundary else None
        if not area.boundary:
            parts.append(
                _("%(name)s: %(value)s (not on the map).") % {"name": area.name, "value": value}
            )
        elif number is None:
            parts.append(f"{area.name}: {value}.")
        else:
            parts.append(
                _("%(name)s: %(value)s (class %(number)s of %(count)s: %(range)s).")
                % {
                    "name": area.name,
                    "value": value,
                    "number": number + 1,
                    "count": len(classes),
                    "range": class_range(*classes[number], unit, decimal_places),
                }
            )
    return " ".join(parts)
