"""Permission rows of the integration monitoring: catalogue (issue 15)."""

import json

from django.core.files.uploadedfile import SimpleUploadedFile

from measures.models import Area, CityIndicator, CityIndicatorValue
from tests.indicators.world import square
from tests.url_permissions import (
    COORDINATION,
    DONE_BY_COORDINATION,
    DONE_BY_WRITE,
    READ,
    WRITE,
    Post,
    row_of,
)
from tests.url_permissions.indicators import world


def indicator(d):
    return {"pk": world(d)["city_indicator"].pk}


def value(d):
    return {"pk": world(d)["city_indicator_value"].pk}


def district(d):
    return {"pk": world(d)["district"].pk}


def spare_area(d):
    """An area without values, which may be deleted."""
    world(d)
    return {"pk": Area.objects.create(code="08117019-99", name="Ursenwang").pk}


def with_world(d):
    world(d)
    return {}


def indicator_data(d):
    return {
        "code": "Z9",
        "title": "Einbürgerungsquote",
        "topic": "legal",
        "unit": "%",
        "decimal_places": 1,
        "direction": "higher",
        "source": "Einbürgerungsbehörde",
        "rhythm": "yearly",
        "breakdowns": ["district"],
    }


def value_data(d):
    return {
        "area": world(d)["district"].pk,
        "period_kind": "year",
        "year": 2030,
        "breakdown": "total",
        "value": "12,5",
    }


def area_data(d):
    return {"code": "08117019-77", "name": "Bezgenriet", "kind": "district", "sort_order": 7}


def boundaries(d):
    districts = world(d)["districts"]
    collection = {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "properties": {"code": area.code},
                "geometry": square(9.5 + index * 0.02, 48.6),
            }
            for index, area in enumerate(districts)
        ],
    }
    content = json.dumps(collection).encode()
    return {"file": SimpleUploadedFile("bezirke.geojson", content, "application/geo+json")}


def indicators(kwargs):
    return CityIndicator.objects.count()


def values_of_indicator(kwargs):
    return CityIndicatorValue.objects.filter(indicator=kwargs["pk"]).count()


def areas(kwargs):
    return Area.objects.count()


def stored_boundaries(kwargs):
    return sorted(json.dumps(area.boundary) for area in Area.objects.all())


# The boundary upload shows what matched on the page itself, so a permitted upload answers 200.
BOUNDARIES_STORED = COORDINATION

CATALOGUE_TABLE = {
    "indicators:create": (
        with_world,
        COORDINATION,
        Post(DONE_BY_COORDINATION, data=indicator_data, changes=indicators),
    ),
    "indicators:edit": (
        indicator,
        COORDINATION,
        Post(
            DONE_BY_COORDINATION,
            data=lambda d: {**indicator_data(d), "code": "A2"},
            changes=row_of(CityIndicator),
        ),
    ),
    "indicators:delete": (
        indicator,
        COORDINATION,
        Post(DONE_BY_COORDINATION, changes=row_of(CityIndicator)),
    ),
    "indicators:history": (indicator, READ),
    "indicators:values": (indicator, READ),
    "indicators:value_create": (
        indicator,
        WRITE,
        Post(DONE_BY_WRITE, data=value_data, changes=values_of_indicator),
    ),
    "indicators:value_edit": (
        value,
        WRITE,
        Post(DONE_BY_WRITE, data=value_data, changes=row_of(CityIndicatorValue)),
    ),
    "indicators:value_delete": (
        value,
        WRITE,
        Post(DONE_BY_WRITE, changes=row_of(CityIndicatorValue)),
    ),
    "indicators:areas": (with_world, READ),
    "indicators:area_create": (
        with_world,
        COORDINATION,
        Post(DONE_BY_COORDINATION, data=area_data, changes=areas),
    ),
    "indicators:area_edit": (
        district,
        COORDINATION,
        Post(
            DONE_BY_COORDINATION,
            data=lambda d: {**area_data(d), "code": world(d)["district"].code},
            changes=row_of(Area),
        ),
    ),
    "indicators:area_delete": (
        spare_area,
        COORDINATION,
        Post(DONE_BY_COORDINATION, changes=row_of(Area)),
    ),
    "indicators:area_history": (district, READ),
    "indicators:area_boundaries": (
        with_world,
        COORDINATION,
        Post(BOUNDARIES_STORED, data=boundaries, changes=stored_boundaries),
    ),
}
