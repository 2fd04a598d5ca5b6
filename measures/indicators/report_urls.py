"""The indicator report (issue 15): a page to choose the indicators, and the PDF."""

from django.urls import path

from . import report_views as views

urlpatterns = [
    path("report/", views.report, name="report"),
    path("report.pdf", views.report_pdf, name="report_pdf"),
]
