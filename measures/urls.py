from django.urls import path

from . import views
from .reports import views as report_views

app_name = "measures"
urlpatterns = [
    path("", views.MeasureListView.as_view(), name="list"),
    path("export.<str:file_format>", views.measure_export, name="export"),
    path("search/", views.measure_search, name="search"),
    path("<int:pk>/", views.measure_detail, name="detail"),
    path("<int:pk>/edit/", views.MeasureUpdateView.as_view(), name="edit"),
    path("<int:pk>/report/", views.StatusReportCreateView.as_view(), name="report"),
    path("<int:pk>/sheet.pdf", report_views.measure_sheet, name="sheet"),
]
