"""The funding pages under /projects/ (issue 17): programmes, applications, deadlines."""

from django.urls import path

from . import funding_views as views

urlpatterns = [
    path("programmes/", views.ProgrammeListView.as_view(), name="programme_list"),
    path("programmes/new/", views.ProgrammeCreateView.as_view(), name="programme_create"),
    path("programmes/<int:pk>/edit/", views.ProgrammeUpdateView.as_view(), name="programme_edit"),
    path(
        "programmes/<int:pk>/delete/",
        views.ProgrammeDeleteView.as_view(),
        name="programme_delete",
    ),
    path(
        "<int:pk>/applications/new/",
        views.ApplicationCreateView.as_view(),
        name="application_create",
    ),
    path(
        "applications/<int:pk>/edit/",
        views.ApplicationUpdateView.as_view(),
        name="application_edit",
    ),
    path(
        "applications/<int:pk>/delete/",
        views.ApplicationDeleteView.as_view(),
        name="application_delete",
    ),
    path(
        "applications/<int:pk>/deadlines/new/",
        views.DeadlineCreateView.as_view(),
        name="deadline_create",
    ),
    path("deadlines/<int:pk>/edit/", views.DeadlineUpdateView.as_view(), name="deadline_edit"),
    path("deadlines/<int:pk>/delete/", views.DeadlineDeleteView.as_view(), name="deadline_delete"),
    path("deadlines/<int:pk>/done/", views.deadline_done, name="deadline_done"),
    path("deadlines/", views.DeadlineListView.as_view(), name="deadlines"),
    path("deadlines.ics", views.deadlines_ics, name="deadlines_ics"),
    path("funding/", views.overview, name="funding_overview"),
]
