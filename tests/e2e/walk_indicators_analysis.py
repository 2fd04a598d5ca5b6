"""Page-walk rows of the integration monitoring: analysis (issue 15). URL name -> kwargs
builder over the walk world (world["city_indicator"], world["district"], … from
tests/indicators/world.py), or a reason in NOT_PAGES."""

ANALYSIS_PAGES: dict = {
    "indicators:overview": lambda world: {},
    "indicators:detail": lambda world: {"pk": world["city_indicator"].pk},
    "indicators:area_detail": lambda world: {"pk": world["district"].pk},
    "indicators:segregation": lambda world: {},
}
ANALYSIS_NOT_PAGES: dict = {}
