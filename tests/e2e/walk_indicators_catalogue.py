"""Page-walk rows of the integration monitoring: catalogue (issue 15). URL name -> kwargs
builder over the walk world (world["city_indicator"], world["district"], … from
tests/indicators/world.py), or a reason in NOT_PAGES."""


def pk(key):
    return lambda world: {"pk": world[key].pk}


CATALOGUE_PAGES: dict = {
    "indicators:create": None,
    "indicators:edit": pk("city_indicator"),
    "indicators:delete": pk("city_indicator"),
    "indicators:history": pk("city_indicator"),
    "indicators:values": lambda world: [
        pk("city_indicator")(world),
        pk("population_indicator")(world),
    ],
    "indicators:value_create": pk("city_indicator"),
    "indicators:value_edit": pk("city_indicator_value"),
    "indicators:value_delete": pk("city_indicator_value"),
    "indicators:areas": None,
    "indicators:area_create": None,
    # A district with a boundary (the preview) and the city without one.
    "indicators:area_edit": lambda world: [pk("district")(world), pk("city_area")(world)],
    # Refused while values refer to the district: the page says so instead of asking.
    "indicators:area_delete": pk("district"),
    "indicators:area_history": pk("district"),
    "indicators:area_boundaries": None,
}
CATALOGUE_NOT_PAGES: dict = {}
