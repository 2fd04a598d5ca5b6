"""The public pages under /public/ (no login) — issue 14."""

from django.urls import path

from .views import committee, measures, offers, open_data, overview, reports, statements

app_name = "public"

urlpatterns = [
    path("", overview.overview, name="overview"),
    path("measures/", measures.measure_list, name="measure_list"),
    path("measures/<int:pk>/", measures.measure_detail, name="measure_detail"),
    path("angebote/", offers.offer_list, name="offer_list"),
    path("angebote/<int:pk>/", offers.offer_detail, name="offer_detail"),
    path("angebote/<slug:category>.pdf", offers.offer_category_pdf, name="offer_category_pdf"),
    path("committee/", committee.committee, name="committee"),
    path("committee/<int:pk>/", committee.meeting_detail, name="meeting_detail"),
    path("reports/", reports.report_list, name="reports"),
    path("reports/<int:pk>/download/", reports.report_download, name="report_download"),
    path("data/", open_data.open_data, name="open_data"),
    path("data/measures.csv", open_data.measures_csv, name="measures_csv"),
    path("data/measures.json", open_data.measures_json, name="measures_json"),
    path("barrierefreiheit/", statements.accessibility, name="accessibility"),
    path("barrierefreiheit/feedback/", statements.feedback, name="feedback"),
    path("impressum/", statements.imprint, name="imprint"),
    path("datenschutz/", statements.privacy, name="privacy"),
    path("leichte-sprache/", statements.easy_language, name="easy_language"),
]
