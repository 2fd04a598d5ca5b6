"""Permission rows of the integration monitoring: the analysis pages (issue 15)."""

from tests.url_permissions import READ
from tests.url_permissions.indicators import world


def indicator(d):
    return {"pk": world(d)["city_indicator"].pk}


def district(d):
    return {"pk": world(d)["district"].pk}


def with_world(d):
    world(d)
    return {}


ANALYSIS_TABLE = {
    "indicators:overview": (with_world, READ),
    "indicators:detail": (indicator, READ),
    "indicators:area_detail": (district, READ),
    "indicators:segregation": (with_world, READ),
}
