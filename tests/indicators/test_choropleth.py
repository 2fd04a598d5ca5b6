"""The map of the districts shaded by value, read back from its SVG (and once from a PDF)."""

import io
import itertools
import re
from decimal import Decimal

import pytest
from django.utils import translation
from pypdf import PdfReader
from weasyprint import HTML

from measures.indicators.choropleth import MapArea, choropleth_figure
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
from .world import LONG_DISTRICT, square


@pytest.fixture(autouse=True)
def _german():
    with translation.override("de"):
        yield


def districts(*values, names=("Faurndau", "Jebenhausen", "Bartenbach")):
    return [
        MapArea(
            code=f"0{number}",
            name=name,
            boundary=square(9.62 + number * 0.01, 48.69),
            value=None if value is None else Decimal(value),
        )
        for number, (name, value) in enumerate(zip(names, values, strict=True), start=1)
    ]


def draw(areas, direction="higher", figure_id="map", unit="%", decimal_places=1):
    return choropleth_figure(
        title="Arbeitslosenquote",
        unit=unit,
        decimal_places=decimal_places,
        period_label="2025",
        areas=areas,
        direction=direction,
        figure_id=figure_id,
    )


def area_paths(root):
    """The areas' paths: each carries its name and value as a <title>."""
    return {
        path.find(f"{SVG}title").text: path
        for path in root.iter(f"{SVG}path")
        if path.find(f"{SVG}title") is not None
    }


def patterns(root):
    return {pattern.get("id"): pattern for pattern in root.iter(f"{SVG}pattern")}


def fill_id(element):
    return re.fullmatch(r"url\(#(.+)\)", element.get("fill")).group(1)


def luminance(colour):
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(first, second):
    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def test_map_is_an_accessible_self_contained_image():
    figure = draw(districts("10.5", "11", "12.25"))
    root = parse(figure)
    assert_accessible(root, "Arbeitslosenquote", figure.alt)
    assert_self_contained(root)
    assert figure.width == 640


def test_one_path_per_area_with_name_and_value_as_its_title():
    paths = area_paths(parse(draw(districts("10.5", "11", "12.25"))))
    assert sorted(paths) == ["Bartenbach: 12,3 %", "Faurndau: 10,5 %", "Jebenhausen: 11,0 %"]
    assert all(path.get("fill-rule") == "evenodd" for path in paths.values())


def test_each_class_has_a_darker_fill_and_its_own_hatching():
    root = parse(draw(districts("10.5", "11", "12.25"), figure_id="m"))
    paths, defs = area_paths(root), patterns(root)
    fills = [fill_id(paths[name]) for name in ("Faurndau: 10,5 %", "Jebenhausen: 11,0 %")]
    fills.append(fill_id(paths["Bartenbach: 12,3 %"]))
    assert fills == ["m-class-1", "m-class-2", "m-class-3"]
    backgrounds = [defs[fill].find(f"{SVG}rect").get("fill") for fill in fills]
    lightness = [luminance(colour) for colour in backgrounds]
    assert lightness == sorted(lightness, reverse=True)
    assert all(a / b > 1.5 for a, b in itertools.pairwise(lightness))
    hatches = [
        defs[fill].find(f"{SVG}path").get("d") if defs[fill].find(f"{SVG}path") is not None else ""
        for fill in fills
    ]
    assert len(set(hatches)) == 3


def test_at_most_five_classes_of_about_equal_count():
    names = [f"Stadtteil {n}" for n in range(10)]
    areas = districts(*[str(n) for n in range(10)], names=names)
    figure = draw(areas, figure_id="m", decimal_places=0)
    paths = area_paths(parse(figure))
    classes = [fill_id(paths[f"Stadtteil {n}: {n} %"]) for n in range(10)]
    assert classes == [f"m-class-{n // 2 + 1}" for n in range(10)]
    assert "in 5 Klassen" in figure.alt
    assert "Stadtteil 9: 9 % (Klasse 5 von 5: 8 – 9 %)." in figure.alt


def test_fewer_classes_when_fewer_distinct_values():
    figure = draw(districts("4", "4", "7"), figure_id="m", decimal_places=0)
    assert {fill_id(path) for path in area_paths(parse(figure)).values()} == {
        "m-class-1",
        "m-class-2",
    }
    assert "in 2 Klassen" in figure.alt


def test_legend_lists_the_class_ranges_in_german_and_the_direction():
    areas = districts("1234.5", "2345", "3456.75", "4000", names=("A", "B", "C", "D"))
    drawn = [text for text, *_rest in texts(parse(draw(areas, unit="Personen")))]
    assert "1.234,5 Personen" in drawn
    assert "Werte 2025 in Personen (höher ist besser)" in drawn
    lower = [text for text, *_rest in texts(parse(draw(areas, direction="lower")))]
    assert "Werte 2025 in % (niedriger ist besser)" in lower
    neutral = [text for text, *_rest in texts(parse(draw(areas, direction="neutral")))]
    assert "Werte 2025 in %" in neutral


def test_legend_range_of_a_class_with_several_values():
    names = [f"T{n}" for n in range(6)]
    drawn = [
        text
        for text, *_rest in texts(
            parse(draw(districts(*map(str, range(6)), names=names), decimal_places=1))
        )
    ]
    assert "0,0 – 1,0 %" in drawn  # six values in five classes: the first holds two
    assert "5,0 %" in drawn


def test_area_without_value_is_hatched_and_named_in_the_legend():
    figure = draw(districts("10", None, "12"), figure_id="m")
    root = parse(figure)
    path = area_paths(root)["Jebenhausen: keine Angabe"]
    assert fill_id(path) == "m-none"
    hatch = patterns(root)["m-none"]
    assert hatch.find(f"{SVG}rect").get("fill") == "#ffffff"
    assert hatch.find(f"{SVG}path") is not None
    assert [text for text, *_rest in texts(root)].count("keine Angabe") == 2  # map and legend
    assert "Jebenhausen: keine Angabe." in figure.alt


def test_area_without_boundary_is_left_out_but_named_in_the_description():
    areas = [*districts("10", "11", "12"), MapArea("9", "Holzheim", None, Decimal("3"))]
    figure = draw(areas)
    assert len(area_paths(parse(figure))) == 3
    assert "Holzheim: 3,0 % (nicht auf der Karte)." in figure.alt


def test_none_without_any_boundary():
    assert draw([MapArea("1", "Faurndau", None, Decimal("1"))]) is None
    assert draw([]) is None


def test_a_single_area_without_value_is_drawn_as_a_preview():
    figure = draw([MapArea("1", "Faurndau", square(9.6, 48.7), None)])
    assert list(area_paths(parse(figure))) == ["Faurndau: keine Angabe"]


def test_every_area_is_labelled_with_name_and_value_a_long_name_shortened():
    figure = draw(
        districts("10.5", "11", "12.25", names=("Faurndau", "Jebenhausen", LONG_DISTRICT))
    )
    root = parse(figure)
    drawn = [text for text, *_rest in texts(root)]
    for label in ("Faurndau", "10,5 %", "Jebenhausen", "11,0 %", "12,3 %"):
        assert label in drawn
    shortened = [text for text in drawn if text.endswith("…")]
    assert len(shortened) == 1 and LONG_DISTRICT.startswith(shortened[0].rstrip("…"))
    assert text_width(shortened[0], 10) < text_width(LONG_DISTRICT, 10)
    assert f"{LONG_DISTRICT}: 12,3 % (Klasse 3 von 3: 12,3 %)." in figure.alt


def test_labels_have_a_white_halo_and_enough_contrast():
    root = parse(draw(districts("10.5", "11", "12.25")))
    all_text = list(root.iter(f"{SVG}text"))
    halos = [element for element in all_text if element.get("stroke") == "#ffffff"]
    assert {element.text for element in halos} >= {"Faurndau", "10,5 %"}
    for _text, _x, _y, element in texts(root):
        assert contrast(element.get("fill"), "#ffffff") >= 4.5


def rings(path_data):
    """The rings of an SVG path of straight lines, as lists of (x, y)."""
    return [
        [(float(x), float(y)) for x, y in re.findall(r"(-?[\d.]+) (-?[\d.]+)", ring)]
        for ring in path_data.split("Z")
        if ring.strip()
    ]


def filled(point, path_data):
    """Whether the even-odd rule fills `point`: a ray to the right crosses an odd number of
    edges."""
    x, y = point
    crossings = 0
    for ring in rings(path_data):
        for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True):
            if (y0 > y) != (y1 > y) and x < x0 + (y - y0) * (x1 - x0) / (y1 - y0):
                crossings += 1
    return crossings % 2 == 1


def test_multipolygon_with_a_hole_is_one_path_and_its_label_avoids_the_hole():
    outer = square(9.6, 48.7, 0.02)["coordinates"][0]
    hole = list(reversed(square(9.604, 48.704, 0.012)["coordinates"][0]))
    island = square(9.63, 48.7, 0.004)["coordinates"][0]
    area = MapArea(
        "1", "Ringdorf", {"type": "MultiPolygon", "coordinates": [[outer, hole], [island]]}, None
    )
    root = parse(draw([area]))
    path = area_paths(root)["Ringdorf: keine Angabe"]
    assert len(rings(path.get("d"))) == 3
    name = next(element for text, *_r, element in texts(root) if text == "Ringdorf")
    assert filled((float(name.get("x")), float(name.get("y"))), path.get("d"))
    box = [point for ring in rings(path.get("d"))[:1] for point in ring]
    middle = (
        (min(x for x, _ in box) + max(x for x, _ in box)) / 2,
        (min(y for _, y in box) + max(y for _, y in box)) / 2,
    )
    assert not filled(middle, path.get("d"))  # the centre of the box is in the hole


def test_map_keeps_the_shape_north_up():
    """A district north of another is drawn above it (SVG's y grows downwards)."""
    areas = [
        MapArea("1", "Süd", square(9.6, 48.7), Decimal("1")),
        MapArea("2", "Nord", square(9.6, 48.71), Decimal("2")),
    ]
    labels = {text: y for text, _x, y, _e in texts(parse(draw(areas)))}
    assert labels["Nord"] < labels["Süd"]


def test_two_maps_on_one_page_share_no_id():
    first = parse(draw(districts("1", None, "3"), figure_id="map-1"))
    second = parse(draw(districts("1", None, "3"), figure_id="map-2"))
    assert len(ids(first)) == len(set(ids(first)))
    assert not set(ids(first)) & set(ids(second))
    assert set(references(first)) <= set(ids(first))


def test_weasyprint_draws_the_map_from_its_data_url():
    figure = draw(districts("10.5", "11", "12.25"))
    html = (
        f'<img src="{figure.data_url()}" width="{figure.width}" height="{figure.height}" alt="x">'
    )
    pdf = HTML(string=html).write_pdf()
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "Faurndau" in text
    assert "10,5 %" in text
