"""Page-walk rows of the integration monitoring: export (issue 15). URL name -> kwargs
builder over the walk world (world["city_indicator"], world["district"], … from
tests/indicators/world.py), or a reason in NOT_PAGES."""

EXPORT_PAGES: dict = {}
EXPORT_NOT_PAGES: dict = {"indicators:export": "download"}
