"""Page-walk rows of the integration monitoring: catalogue (issue 15). URL name -> kwargs
builder over the walk world (world["city_indicator"], world["district"], … from
tests/indicators/world.py), or a reason in NOT_PAGES."""

CATALOGUE_PAGES: dict = {}
CATALOGUE_NOT_PAGES: dict = {}
