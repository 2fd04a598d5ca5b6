# PDF reports and the archive; included at "reports/" (the choice page "reports" is the
# project's own view at the same prefix).
from django.urls import path

from . import views

app_name = "reports"
urlpatterns = [
    path("monitoring.pdf", views.monitoring_report, name="monitoring_pdf"),
    path("archive/", views.ArchiveListView.as_view(), name="archive_list"),
    path("archive/new/", views.archive_create, name="archive_create"),
    path("archive/<int:pk>/", views.archive_download, name="archive_download"),
]
