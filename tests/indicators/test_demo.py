"""The demo's integration monitoring: Göppingen's districts with invented boundaries, ten years
of figures, the population by migration background for the segregation index, and --scale."""

import datetime
import itertools
from io import StringIO

import pytest
from django.core.management import call_command

from demo.content_indicators import BOUNDARY_NOTE, DISTRICTS
from measures.indicators.starter import STARTER_INDICATORS
from measures.models import Area, CityIndicator, CityIndicatorValue

pytestmark = pytest.mark.django_db

STARTER_CODES = {indicator["code"] for indicator in STARTER_INDICATORS}


def load_demo(*args):
    call_command("load_demo", *args, stdout=StringIO())


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo, loaded once for the module's read-only tests."""
    with django_db_blocker.unblock():
        from django.db import transaction

        atomic = transaction.atomic()
        atomic.__enter__()
        load_demo()
        yield
        transaction.set_rollback(True)
        atomic.__exit__(None, None, None)


def rings():
    return {
        area.name: area.boundary["coordinates"][0]
        for area in Area.objects.filter(kind=Area.Kind.DISTRICT)
    }


def edges(ring):
    return {frozenset((tuple(a), tuple(b))) for a, b in itertools.pairwise(ring)}


def area_of(ring):
    """Signed area (shoelace): positive for a counter-clockwise ring."""
    return sum(a[0] * b[1] - b[0] * a[1] for a, b in itertools.pairwise(ring)) / 2


def segments_cross(p, q, r, s):
    """Whether the segments pq and rs cross in their interiors."""

    def side(a, b, c):
        return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])

    return (side(p, q, r) * side(p, q, s) < 0) and (side(r, s, p) * side(r, s, q) < 0)


def test_the_city_and_its_eight_districts_have_their_real_names(demo):
    city = Area.objects.get(kind=Area.Kind.CITY)
    assert (city.code, city.name) == ("08117019", "Göppingen")
    districts = Area.objects.filter(kind=Area.Kind.DISTRICT).order_by("code")
    assert [(area.code, area.name) for area in districts] == [
        (f"08117019-{number:02d}", name)
        for name, number, *_rest in sorted(DISTRICTS, key=lambda d: d[1])
    ]
    assert {area.boundary_note for area in districts} == {BOUNDARY_NOTE}


def test_district_boundaries_are_simple_polygons_near_goeppingen(demo):
    for name, ring in rings().items():
        assert ring[0] == ring[-1], name
        assert 6 <= len(ring) - 1 <= 12, name
        assert area_of(ring) > 0, f"{name} is not counter-clockwise"
        for lon, lat in ring:
            assert 9.58 < lon < 9.74 and 48.66 < lat < 48.78, name
        segments = list(itertools.pairwise(ring))
        for (i, one), (j, other) in itertools.combinations(enumerate(segments), 2):
            if abs(i - j) > 1 and {i, j} != {0, len(segments) - 1}:
                assert not segments_cross(*one, *other), name


def test_district_boundaries_pass_the_geojson_validation(demo):
    geojson = pytest.importorskip("measures.indicators.geojson")
    for area in Area.objects.filter(kind=Area.Kind.DISTRICT):
        geojson.validate_geometry(area.boundary)


def test_neighbouring_districts_share_edges_and_do_not_overlap(demo):
    outlines = rings()
    shared = {
        (one, other)
        for one, other in itertools.combinations(sorted(outlines), 2)
        if edges(outlines[one]) & edges(outlines[other])
    }
    assert ("Bartenbach", "Kernstadt") in shared
    assert ("Faurndau", "Kernstadt") in shared
    assert ("Jebenhausen", "Kernstadt") in shared
    assert ("Hohenstaufen", "Maitis") in shared
    # No district's corner lies strictly inside another district (ray casting).
    for one, other in itertools.permutations(outlines, 2):
        for point in outlines[one][:-1]:
            if list(point) in outlines[other]:
                continue
            assert not inside(point, outlines[other]), (one, other, point)


def inside(point, ring):
    x, y = point
    crossings = 0
    for (x1, y1), (x2, y2) in itertools.pairwise(ring):
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            crossings += 1
    return crossings % 2 == 1


def test_every_starter_indicator_has_city_values_for_2016_to_2025(demo):
    city = Area.objects.get(kind=Area.Kind.CITY)
    for indicator in CityIndicator.objects.filter(code__in=STARTER_CODES):
        years = set(
            indicator.values.filter(area=city, breakdown="total").values_list(
                "period__year", flat=True
            )
        )
        if indicator.code == "T1":  # the council is elected every five years
            assert years == {2019, 2024}
        else:
            assert years == set(range(2016, 2026)), indicator.code
    assert not CityIndicatorValue.objects.exclude(source_reference="Erfundene Demodaten").exists()
    assert not CityIndicatorValue.objects.exclude(period__month=12, period__day=31).exists()


def test_indicators_by_district_have_a_value_per_district_and_year(demo):
    for indicator in CityIndicator.objects.filter(code__in=STARTER_CODES):
        districts = set(
            indicator.values.filter(area__kind=Area.Kind.DISTRICT).values_list(
                "area__name", flat=True
            )
        )
        assert districts == (
            {name for name, *_rest in DISTRICTS} if indicator.by_district else set()
        )
    k2 = CityIndicator.objects.get(code="K2")
    latest = dict(
        k2.values.filter(period=datetime.date(2025, 12, 31)).values_list("area__name", "value")
    )
    # The core town's figure differs from the villages', and every share is a share.
    assert latest["Kernstadt"] > latest["Hohenstaufen"] + 5
    assert all(0 < value < 100 for value in latest.values())


def test_the_population_by_migration_background_adds_up_per_district(demo):
    population = CityIndicator.objects.get(code="S1")
    rows = population.values.filter(period__year=2025)
    for area in Area.objects.all():
        total = rows.get(area=area, breakdown="total").value
        groups = dict(rows.filter(area=area, breakdown="migration").values_list("group", "value"))
        assert set(groups) == {"mit Migrationshintergrund", "ohne Migrationshintergrund"}
        assert sum(groups.values()) == total
    city_total = rows.get(area__kind=Area.Kind.CITY, breakdown="total").value
    assert 55000 < city_total < 65000
    years = population.values.filter(breakdown="migration", area__kind=Area.Kind.DISTRICT)
    assert years.values("period").distinct().count() == 10


def test_the_segregation_index_has_data(demo):
    data = pytest.importorskip("measures.indicators.data")
    population = CityIndicator.objects.get(code="S1")
    series = data.dissimilarity(population, "migration", "mit Migrationshintergrund")
    assert len(series) == 10
    assert all(0 < index < 100 for _period, index in series)


def test_unemployment_has_nationality_groups_and_three_indicators_are_in_the_report(demo):
    a2 = CityIndicator.objects.get(code="A2")
    groups = a2.values.filter(breakdown="nationality", area__kind=Area.Kind.CITY)
    assert set(groups.values_list("group", flat=True)) == {"deutsch", "nichtdeutsch"}
    assert groups.values("period").distinct().count() == 10
    marked = CityIndicator.objects.filter(in_report=True)
    assert marked.count() == 3
    assert all(indicator.report_text for indicator in marked)
    assert a2.measures.filter(action_field__code="3").exists()
    assert CityIndicator.objects.get(code="K2").measures.filter(action_field__code="1").exists()


def test_scale_two_doubles_the_catalogue_with_the_same_values(db):
    load_demo()
    indicators = CityIndicator.objects.count()
    values = CityIndicatorValue.objects.count()

    load_demo("--scale", "2")
    load_demo("--scale", "2")

    assert CityIndicator.objects.count() == 2 * indicators
    assert CityIndicatorValue.objects.count() == 2 * values
    copy = CityIndicator.objects.get(code="A2-2")
    assert copy.title == "Arbeitslosenquote (Kopie 2)"
    original = CityIndicator.objects.get(code="A2")
    assert sorted(copy.values.values_list("area", "period", "group", "value")) == sorted(
        original.values.values_list("area", "period", "group", "value")
    )
