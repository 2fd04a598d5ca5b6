"""The demo's integration monitoring (issue 15): Göppingen and its eight districts with invented
boundaries, ten years of invented figures for every starter indicator, links to measures, and
copies of the catalogue for `--scale`."""

import datetime
import random
from decimal import Decimal

from measures.indicators.starter import STARTER_INDICATORS, ensure_starter_indicators
from measures.models import ActionField, Area, CityIndicator, CityIndicatorValue

from . import content_indicators as spec
from .helpers import bulk, clone, link

STARTER_CODES = [indicator["code"] for indicator in STARTER_INDICATORS]
SEED = 15
JITTER = (0.004, 0.003)  # at most this far (lon, lat) from the grid; below half a cell


def copy_code(code, copy):
    return f"{code}-{copy}"


def load_monitoring(plan, measures):
    """Areas, values for the starter indicators, links and the report's three indicators."""
    city, districts = load_areas()
    ensure_starter_indicators()
    indicators = CityIndicator.objects.in_bulk(STARTER_CODES, field_name="code")
    bulk(CityIndicatorValue, list(values(indicators, city, districts)))
    _link(plan, indicators, measures)
    for code, text in spec.IN_REPORT.items():
        CityIndicator.objects.filter(pk=indicators[code].pk).update(
            in_report=True, report_text=text
        )


def load_areas():
    city_code, city_name = spec.CITY
    city = Area(code=city_code, name=city_name, kind=Area.Kind.CITY)
    districts = [
        Area(
            code=f"{city_code}-{number:02d}",
            name=name,
            kind=Area.Kind.DISTRICT,
            boundary=boundary(cells),
            boundary_note=spec.BOUNDARY_NOTE,
            sort_order=number,
        )
        for name, number, cells, *_figures in spec.DISTRICTS
    ]
    city, *districts = bulk(Area, [city, *districts])
    return city, districts


def grid_point(column, row):
    """A grid point, moved a little (always the same way) so the districts look less boxy."""
    shift = random.Random(f"{SEED}-{column}-{row}")
    lon = spec.LONGITUDES[column] + shift.uniform(-JITTER[0], JITTER[0])
    lat = spec.LATITUDES[row] + shift.uniform(-JITTER[1], JITTER[1])
    return [round(lon, 5), round(lat, 5)]


def boundary(cells):
    """The outline of grid cells as a GeoJSON polygon, counter-clockwise, through every grid
    point on it, so that a neighbour's outline runs through the same points."""
    edges = set()
    for column, row in cells:
        corners = [(column, row), (column + 1, row), (column + 1, row + 1), (column, row + 1)]
        for start, end in zip(corners, corners[1:] + corners[:1], strict=True):
            if (end, start) in edges:
                edges.remove((end, start))  # inside the district: shared by two of its cells
            else:
                edges.add((start, end))
    following = dict(edges)
    first = min(following)
    ring = [first]
    while (point := following[ring[-1]]) != first:
        ring.append(point)
    ring = [grid_point(*point) for point in ring]
    return {"type": "Polygon", "coordinates": [[*ring, ring[0]]]}


def populations():
    """Residents per district and year: {name: {year: (with, without migration background)}}."""
    noise = random.Random(SEED)
    start_share, rise = spec.MIGRATION_SHARE
    result = {}
    for name, _number, _cells, residents, profile in spec.DISTRICTS:
        result[name] = {}
        for offset, year in enumerate(spec.YEARS):
            total = round(residents * (1 + spec.POPULATION_GROWTH * offset) + noise.gauss(0, 15))
            share = start_share + rise * offset + spec.MIGRATION_SPREAD * profile
            share += noise.gauss(0, 0.3)
            with_background = round(total * share / 100)
            result[name][year] = (with_background, total - with_background)
    return result


def values(indicators, city, districts):
    """Every value of the demo, unsaved."""
    noise = random.Random(SEED)
    by_name = {area.name: area for area in districts}
    people = populations()

    def value(indicator, area, year, figure, breakdown="total", group=""):
        return CityIndicatorValue(
            indicator=indicator,
            area=area,
            period=datetime.date(year, 12, 31),
            breakdown=breakdown,
            group=group,
            value=Decimal(str(figure)).quantize(Decimal(1).scaleb(-indicator.decimal_places)),
            source_reference=spec.SOURCE_REFERENCE,
        )

    population, share = indicators["S1"], indicators["S2"]
    for year in spec.YEARS:
        city_groups = [0, 0]
        for name, counts in people.items():
            area = by_name[name]
            yield value(population, area, year, sum(counts[year]))
            yield value(share, area, year, 100 * counts[year][0] / sum(counts[year]))
            for index, group in enumerate(spec.MIGRATION_GROUPS):
                yield value(population, area, year, counts[year][index], "migration", group)
                city_groups[index] += counts[year][index]
        yield value(population, city, year, sum(city_groups))
        yield value(share, city, year, 100 * city_groups[0] / sum(city_groups))
        for index, group in enumerate(spec.MIGRATION_GROUPS):
            yield value(population, city, year, city_groups[index], "migration", group)

    weights = {name: people[name][2025] for name in people}
    for code, (start, end, spread, wobble) in spec.FIGURES.items():
        indicator = indicators[code]
        years = spec.ELECTION_YEARS.get(code, spec.YEARS)
        for year in years:
            trend = (
                start + (end - start) * (year - 2016) / 9 + spec.BUMPS.get(code, {}).get(year, 0)
            )
            by_district = {}
            if indicator.by_district:
                for name, _number, _cells, _residents, profile in spec.DISTRICTS:
                    figure = plausible(indicator, trend + spread * profile, noise.gauss(0, wobble))
                    by_district[name] = figure
                    yield value(indicator, by_name[name], year, figure)
                total = sum(by_district[name] * sum(weights[name]) for name in by_district)
                figure = total / sum(sum(counts) for counts in weights.values())
            else:
                figure = plausible(indicator, trend, noise.gauss(0, wobble))
            yield value(indicator, city, year, figure)
            if code == "A2":
                for group, factor in spec.NATIONALITY_FACTOR.items():
                    yield value(indicator, city, year, figure * factor, "nationality", group)


def plausible(indicator, figure, noise):
    figure += noise
    if indicator.unit == "%":
        return min(max(figure, 0.1), 99.9)
    return max(figure, 0)


def _link(plan, indicators, measures):
    fields = {field.code: field for field in ActionField.objects.filter(plan=plan)}
    link(
        CityIndicator._meta.get_field("measures"),
        [
            (indicators[code].pk, measures[measure_code].pk)
            for code, measure_codes in spec.MEASURE_LINKS.items()
            for measure_code in measure_codes
            if measure_code in measures
        ],
    )
    link(
        CityIndicator._meta.get_field("action_fields"),
        [
            (indicators[code].pk, fields[field_code].pk)
            for code, field_codes in spec.FIELD_LINKS.items()
            for field_code in field_codes
            if field_code in fields
        ],
    )


def add_indicator_copies(scale):
    """Copies 2..scale of the starter catalogue with the same values, for page-speed tests;
    returns the numbers of the copies added."""
    wanted = {copy_code(STARTER_CODES[0], copy): copy for copy in range(2, scale + 1)}
    existing = set(CityIndicator.objects.filter(code__in=wanted).values_list("code", flat=True))
    missing = [copy for code, copy in wanted.items() if code not in existing]
    originals = list(CityIndicator.objects.filter(code__in=STARTER_CODES).order_by("code"))
    if not missing or not originals:
        return []
    rows = list(CityIndicatorValue.objects.filter(indicator__in=originals))
    for copy in missing:
        copies = bulk(
            CityIndicator,
            [
                clone(
                    indicator,
                    code=copy_code(indicator.code, copy),
                    title=f"{indicator.title} (Kopie {copy})",
                    in_report=False,
                )
                for indicator in originals
            ],
        )
        new_ids = {old.pk: new.pk for old, new in zip(originals, copies, strict=True)}
        bulk(
            CityIndicatorValue,
            [clone(row, indicator_id=new_ids[row.indicator_id]) for row in rows],
        )
    return missing
