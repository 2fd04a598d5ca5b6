from django.urls import path

from core.imports.urls import import_urls

from .views import actors, contacts, events, groups

app_name = "network"
urlpatterns = [
    path("actors/", actors.ActorListView.as_view(), name="actor_list"),
    path("actors/export.<str:file_format>", actors.actor_export, name="actor_export"),
    path("actors/new/", actors.ActorCreateView.as_view(), name="actor_create"),
    path("actors/search/", actors.actor_search, name="actor_search"),
    path("actors/<int:pk>/", actors.actor_detail, name="actor_detail"),
    path("actors/<int:pk>/edit/", actors.ActorUpdateView.as_view(), name="actor_edit"),
    path("actors/<int:pk>/delete/", actors.ActorDeleteView.as_view(), name="actor_delete"),
    path("contacts/", contacts.ContactListView.as_view(), name="contact_list"),
    path("contacts/export.<str:file_format>", contacts.contact_export, name="contact_export"),
    path("contacts/new/", contacts.ContactCreateView.as_view(), name="contact_create"),
    path("contacts/search/", contacts.contact_search, name="contact_search"),
    path("contacts/reconfirm/", contacts.ReconfirmListView.as_view(), name="contact_reconfirm"),
    path("contacts/erasures/", contacts.ErasureLogView.as_view(), name="erasure_log"),
    path("contacts/<int:pk>/", contacts.contact_detail, name="contact_detail"),
    path("contacts/<int:pk>/edit/", contacts.ContactUpdateView.as_view(), name="contact_edit"),
    path("contacts/<int:pk>/delete/", contacts.ContactDeleteView.as_view(), name="contact_delete"),
    path("contacts/<int:pk>/confirm/", contacts.contact_confirm, name="contact_confirm"),
    path("contacts/<int:pk>/disclosure/", contacts.contact_disclosure, name="contact_disclosure"),
    path(
        "contacts/<int:pk>/disclosure.json",
        contacts.contact_disclosure_json,
        name="contact_disclosure_json",
    ),
    path("contacts/<int:pk>/erase/", contacts.contact_erase, name="contact_erase"),
    path("groups/", groups.WorkingGroupListView.as_view(), name="group_list"),
    path("groups/export.<str:file_format>", groups.group_export, name="group_export"),
    path("groups/new/", groups.WorkingGroupCreateView.as_view(), name="group_create"),
    path("groups/<int:pk>/", groups.group_detail, name="group_detail"),
    path("groups/<int:pk>/edit/", groups.WorkingGroupUpdateView.as_view(), name="group_edit"),
    path("groups/<int:pk>/delete/", groups.WorkingGroupDeleteView.as_view(), name="group_delete"),
    path("events/", events.EventListView.as_view(), name="event_list"),
    path("events/export.<str:file_format>", events.event_export, name="event_export"),
    path("events/new/", events.EventCreateView.as_view(), name="event_create"),
    path("events/<int:pk>/", events.event_detail, name="event_detail"),
    path("events/<int:pk>/edit/", events.EventUpdateView.as_view(), name="event_edit"),
    path("events/<int:pk>/delete/", events.EventDeleteView.as_view(), name="event_delete"),
    path("events/<int:pk>/attendance/", events.event_attendance, name="event_attendance"),
    # The import of every registered kind (measures and members too) in the network's section.
    *import_urls("network/base.html"),
]
