"""The analysis pages read a fixed number of queries, whatever the number of districts,
indicators and years (issue 15's Done-when)."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from measures.models import Area, CityIndicator, CityIndicatorValue
from tests.indicators.world import indicator_world, square

# With a Lesezugriff user: session and user (2), the user's permissions (2), then per page:
# overview: the indicators, their trends (2);
# detail: the indicator, its action fields, its measures, the areas, the areas with values (the
#   chart's default), the chart's values, the areas again for the map, the map's values, the
#   district table's values, the city trend (10);
# area_detail: the area, the indicators, their trends, the city's values (4);
# segregation: the population indicators, their group counts (2).
EXPECTED = {"overview": 6, "detail": 14, "area_detail": 8, "segregation": 6}


@pytest.fixture
def reader(client, lesezugriff):
    client.force_login(lesezugriff)
    return client


def grow(world, districts=10, indicators=20, years=10):
    """Many more districts, indicators and years, every indicator with values everywhere and
    the population counted by group in every district and year."""
    start = len(world["districts"])
    more = [
        Area.objects.create(code=f"X{n}", name=f"Bezirk {n}", boundary=square(9.5 + n * 0.01, 48.6))
        for n in range(start, districts)
    ]
    every_area = [world["city_area"], *world["districts"], *more]
    catalogue = [
        CityIndicator.objects.create(
            code=f"Q{n}", title=f"Indikator {n}", topic="education", unit="%", source="Test"
        )
        for n in range(indicators)
    ]
    rows = [
        CityIndicatorValue(
            indicator=indicator,
            area=area,
            period=datetime.date(2010 + year, 12, 31),
            value=Decimal(year + index),
        )
        for indicator in [*catalogue, world["city_indicator"]]
        for index, area in enumerate(every_area)
        for year in range(years)
    ]
    rows += [
        CityIndicatorValue(
            indicator=world["population_indicator"],
            area=area,
            period=datetime.date(2010 + year, 12, 31),
            breakdown="migration",
            group=group,
            value=Decimal(100 + index * share),
        )
        for index, area in enumerate(every_area[1:])
        for year in range(years)
        for group, share in (("mit", 3), ("ohne", 7))
    ]
    CityIndicatorValue.objects.bulk_create(rows)


def urls(world):
    return {
        "overview": reverse("indicators:overview"),
        "detail": world["city_indicator"].get_absolute_url(),
        "area_detail": world["district"].get_absolute_url(),
        "segregation": reverse("indicators:segregation"),
    }


def count(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_pages_keep_their_query_count_when_the_data_grows(reader, db):
    world = indicator_world()
    small = {name: count(reader, url) for name, url in urls(world).items()}
    grow(world)
    large = {name: count(reader, url) for name, url in urls(world).items()}
    assert small == large == EXPECTED
