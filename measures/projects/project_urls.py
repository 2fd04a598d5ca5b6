"""The projects' own pages under /projects/ (issue 17); the funding pages are funding_urls.py."""

from django.urls import path

from . import project_views as views

urlpatterns = [
    path("", views.ProjectListView.as_view(), name="list"),
    path("export.<str:file_format>", views.project_export, name="export"),
    path("new/", views.ProjectCreateView.as_view(), name="create"),
    path("<int:pk>/", views.project_detail, name="detail"),
    path("<int:pk>/edit/", views.ProjectUpdateView.as_view(), name="edit"),
    path("<int:pk>/delete/", views.ProjectDeleteView.as_view(), name="delete"),
    path("<int:pk>/documents/", views.document_upload, name="document_upload"),
    path("documents/<int:pk>/", views.document_download, name="document_download"),
    path("documents/<int:pk>/delete/", views.DocumentDeleteView.as_view(), name="document_delete"),
    path("<int:pk>/results/new/", views.ResultCreateView.as_view(), name="result_create"),
    path("results/<int:pk>/edit/", views.ResultUpdateView.as_view(), name="result_edit"),
    path("results/<int:pk>/delete/", views.ResultDeleteView.as_view(), name="result_delete"),
]
