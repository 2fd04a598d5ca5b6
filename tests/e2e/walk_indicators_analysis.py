"""Page-walk rows of the integration monitoring: analysis (issue 15). URL name -> kwargs
builder over the walk world (world["city_indicator"], world["district"], … from
tests/indicators/world.py), or a reason in NOT_PAGES."""

ANALYSIS_PAGES: dict = {}
ANALYSIS_NOT_PAGES: dict = {}
