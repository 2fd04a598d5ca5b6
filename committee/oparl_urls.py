"""OParl 1.1 (read-only, public data): the System object at /oparl/v1.1/ leads to everything."""

from django.urls import path, re_path

from .oparl import files, views

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
    path("organization/faction/<int:pk>/", views.faction, name="faction"),
    path("person/<int:pk>/", views.person, name="person"),
    path("membership/<int:pk>/", views.membership, name="membership"),
    path("membership/faction/<int:pk>/", views.faction_membership, name="faction_membership"),
    path("meeting/<int:pk>/", views.meeting, name="meeting"),
    path("agendaItem/<int:pk>/", views.agenda_item, name="agenda_item"),
    path("file/<int:pk>/", views.file, name="file"),
    path("file/<int:pk>/access/", files.file_access, name="file_access"),
    path("file/<int:pk>/download/", files.file_download, name="file_download"),
    path("file/minutes/<int:pk>/", views.minutes_file, name="minutes_file"),
    path("file/minutes/<int:pk>/access/", files.minutes_file_access, name="minutes_file_access"),
    path(
        "file/minutes/<int:pk>/download/",
        files.minutes_file_download,
        name="minutes_file_download",
    ),
    path("file/invitation/<int:pk>/", views.invitation_file, name="invitation_file"),
    path(
        "file/invitation/<int:pk>/access/",
        files.invitation_file_access,
        name="invitation_file_access",
    ),
    path(
        "file/invitation/<int:pk>/download/",
        files.invitation_file_download,
        name="invitation_file_download",
    ),
    path("location/<int:pk>/", views.location, name="location"),
    path("legislativeTerm/<int:pk>/", views.legislative_term, name="legislative_term"),
    # Anything else below /oparl/v1.1/ ending in a slash is an OParl error object, too; without
    # the slash, Django first redirects to it (APPEND_SLASH).
    re_path(r"^(?P<path>.*/)$", views.not_found, name="not_found"),
]
