"""A small integration monitoring for tests: the city, three districts with square boundaries
(invented), and an indicator with three years of values per area. Shared by the permission
table, the page walk and the indicator tests."""

import datetime
from decimal import Decimal

from measures.models import Area, CityIndicator, CityIndicatorValue

LONG_DISTRICT = "Nördliche Oberhofenstraßenviertelsiedlung"


def square(west, south, size=0.01):
    """A square polygon (GeoJSON, WGS 84) with its south-west corner at (west, south)."""
    east, north = west + size, south + size
    ring = [[west, south], [east, south], [east, north], [west, north], [west, south]]
    return {"type": "Polygon", "coordinates": [ring]}


def areas():
    """The city and three districts side by side near Göppingen."""
    city = Area.objects.create(code="08117019", name="Göppingen", kind=Area.Kind.CITY)
    districts = [
        Area.objects.create(
            code=f"08117019-0{number}",
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
    (S1) by migration background for the segregation index."""
    city, districts = areas()
    indicator = CityIndicator.objects.get(code="A2")
    values(indicator, city, districts)
    population = CityIndicator.objects.get(code="S1")
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
    return {
        "city_area": city,
        "district": districts[0],
        "districts": districts,
        "city_indicator": indicator,
        "population_indicator": population,
        "city_indicator_value": indicator.values.first(),
    }
