"""OParl 1.1 (read-only, public data): the System object at /oparl/v1.1/ leads to everything."""

from django.urls import path

from .oparl import views

app_name = "oparl"
urlpatterns = [
    path("", views.system, name="system"),
    path("body/", views.body_list, name="body_list"),
    path("body/<int:body_id>/", views.body, name="body"),
    path("body/<int:body_id>/organization/", views.organization_list, name="organization_list"),
    path("body/<int:body_id>/person/", views.person_list, name="person_list"),
    path("body/<int:body_id>/membership/", views.membership_list, name="membership_list"),
    path("body/<int:body_id>/meeting/", views.meeting_list, name="meeting_list"),
    path("body/<int:body_id>/agendaItem/", views.agenda_item_list, name="agenda_item_list"),
    path("body/<int:body_id>/file/", views.file_list, name="file_list"),
    path("body/<int:body_id>/location/", views.location_list, name="location_list"),
    path(
        "body/<int:body_id>/legislativeTerm/",
        views.legislative_term_list,
        name="legislative_term_list",
    ),
    path("body/<int:body_id>/paper/", views.paper_list, name="paper_list"),
    path("organization/<int:pk>/", views.organization, name="organization"),
    path(
        "organization/<int:pk>/meeting/",
        views.organization_meeting_list,
        name="organization_meeting_list",
    ),
    path("person/<int:pk>/", views.person, name="person"),
    path("membership/<int:pk>/", views.membership, name="membership"),
    path("meeting/<int:pk>/", views.meeting, name="meeting"),
    path("agendaItem/<int:pk>/", views.agenda_item, name="agenda_item"),
    path("file/<int:pk>/", views.file, name="file"),
    path("file/<int:pk>/download/", views.file_download, name="file_download"),
    path("location/<int:pk>/", views.location, name="location"),
    path("legislativeTerm/<int:pk>/", views.legislative_term, name="legislative_term"),
]
