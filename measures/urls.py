from django.urls import path

from . import views

app_name = "measures"
urlpatterns = [
    path("", views.MeasureListView.as_view(), name="list"),
    path("export.<str:file_format>", views.measure_export, name="export"),
    path("<int:pk>/", views.measure_detail, name="detail"),
    path("<int:pk>/edit/", views.measure_edit, name="edit"),
    path("<int:pk>/report/", views.status_report_create, name="report"),
]
