"""A small integration monitoring for tests: the city, three districts with square boundaries
(invented), and an indicator with three years of values per area. Shared by the permission
table, the page walk and the indicator tests."""

import datetime
from decimal import Decimal

from measures.indicators.starter import ensure_starter_indicators
from measures.models import Area, CityIndicator, CityIndicatorValue

CITY_CODE = "08117019"
LONG_DISTRICT = "Nördliche Oberhofenstraßenviertelsiedlung"


def square(west, south, size=0.01):
    """A square polygon (GeoJSON, WGS 84) with its south-west corner at (west, south)."""
    east, north = west + size, south + size
    ring = [[west, south], [east, south], [east, north], [west, north], [west, south]]
    return {"type": "Polygon", "coordinates": [ring]}


def areas():
    """The city and three districts side by side near Göppingen."""
    city = Area.objects.create(code=CITY_CODE, name="Göppingen", kind=Area.Kind.CITY)
    districts = [
        Area.objects.create(
            code=f"{CITY_CODE}-0{number}",
            name=name,
            boundary=square(9.62 + number * 0.01, 48.69),
            boundary_note="Vereinfachte, erfundene Grenze",
            sort_order=number,
        )
        for number, name in enumerate(("Faurndau", "Jebenhausen", LONG_DISTRICT), start=1)
    ]
    return city, districts


def values(indicator, city, districts, years=(2023, 2024, 2025)):
    """Rising values per year: the city at 10, 11, 12 …, each district a little above."""
    rows = []
    for offset, year in enumerate(years):
        for index, area in enumerate([city, *districts]):
            rows.append(
                CityIndicatorValue(
                    indicator=indicator,
                    area=area,
                    period=datetime.date(year, 12, 31),
                    value=Decimal(10 + offset) + Decimal(index) / 2,
                    source_reference="Testdaten",
                )
            )
    return CityIndicatorValue.objects.bulk_create(rows)


def indicator_world():
    """The city, its districts, the starter indicator A2 with values, and a population count
    (S1) by migration background for the segregation index; made once per test, so that URL
    builders called again get the same objects."""
    # The browser tests' databases are flushed between tests, the migration's starter set too.
    ensure_starter_indicators()
    indicator = CityIndicator.objects.get(code="A2")
    population = CityIndicator.objects.get(code="S1")
    city = Area.objects.filter(code=CITY_CODE).first()
    if city is None:
        city, districts = areas()
        values(indicator, city, districts)
        population_counts(population, districts)
    else:
        districts = list(Area.objects.filter(code__startswith=f"{CITY_CODE}-"))
    return {
        "city_area": city,
        "district": districts[0],
        "districts": districts,
        "city_indicator": indicator,
        "population_indicator": population,
        "city_indicator_value": indicator.values.first(),
    }


def population_counts(population, districts):
    rows = []
    for year in (2024, 2025):
        for index, area in enumerate(districts, start=1):
            for group, count in (("mit", 400 * index), ("ohne", 1200 - 200 * index)):
                rows.append(
                    CityIndicatorValue(
                        indicator=population,
                        area=area,
                        period=datetime.date(year, 12, 31),
                        breakdown="migration",
                        group=group,
                        value=count,
                    )
                )
    CityIndicatorValue.objects.bulk_create(rows)
