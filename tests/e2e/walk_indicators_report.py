"""Page-walk rows of the integration monitoring: report (issue 15). URL name -> kwargs
builder over the walk world (world["city_indicator"], world["district"], … from
tests/indicators/world.py), or a reason in NOT_PAGES."""

REPORT_PAGES: dict = {
    "indicators:report": None,
}
REPORT_NOT_PAGES: dict = {
    "indicators:report_pdf": "PDF",
}
