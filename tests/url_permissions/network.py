"""The network's URLs × roles. Lesezugriff reads; Sachbearbeitung and Koordination write and
import; only Koordination erases a person's data."""

import datetime

from django.utils import timezone

from network.models import Actor, ContactPerson, Event, WorkingGroup
from tests.url_permissions import (
    COORDINATION,
    DONE_BY_COORDINATION,
    DONE_BY_WRITE,
    POST_ONLY,
    READ,
    WRITE,
    Post,
    row_of,
)


def contact(data):
    person, _created = ContactPerson.objects.get_or_create(
        email="derya.kaya@example.com",
        defaults={"first_name": "Derya", "last_name": "Kaya", "actor": data["actor"]},
    )
    return {"pk": person.pk}


def group(data):
    return {"pk": WorkingGroup.objects.get_or_create(title="AK Sprache")[0].pk}


def event(data):
    start = timezone.make_aware(datetime.datetime(2018, 10, 6, 10, 0))
    return {"pk": Event.objects.get_or_create(title="Kick-off", start=start)[0].pk}


def actor(data):
    return {"pk": data["actor"].pk}


def spare_actor(data):
    """An actor nothing refers to, so that deleting it is allowed."""
    return {"pk": Actor.objects.create(name="Jugendmigrationsdienst", kind=Actor.Kind.OTHER).pk}


def export(data):
    return {"file_format": "csv"}


TABLE = {
    "network:actor_list": (None, READ),
    "network:actor_export": (export, READ),
    "network:actor_create": (None, WRITE),
    "network:actor_search": (None, READ),  # the pickers' JSON search
    "network:actor_detail": (actor, READ),
    "network:actor_edit": (actor, WRITE),
    "network:actor_delete": (spare_actor, WRITE, Post(DONE_BY_WRITE, changes=row_of(Actor))),
    "network:contact_list": (None, READ),
    "network:contact_export": (export, READ),
    "network:contact_create": (None, WRITE),
    "network:contact_search": (None, READ),
    "network:contact_reconfirm": (None, READ),
    "network:erasure_log": (None, READ),
    "network:contact_detail": (contact, READ),
    "network:contact_edit": (contact, WRITE),
    "network:contact_delete": (contact, WRITE, Post(DONE_BY_WRITE, changes=row_of(ContactPerson))),
    "network:contact_confirm": (
        contact,
        POST_ONLY,
        Post(DONE_BY_WRITE, changes=row_of(ContactPerson)),
    ),
    "network:contact_disclosure": (contact, WRITE),
    "network:contact_disclosure_json": (contact, WRITE),
    "network:contact_erase": (
        contact,
        COORDINATION,
        Post(DONE_BY_COORDINATION, changes=row_of(ContactPerson)),
    ),
    "network:group_list": (None, READ),
    "network:group_export": (export, READ),
    "network:group_create": (None, WRITE),
    "network:group_detail": (group, READ),
    "network:group_edit": (group, WRITE),
    "network:group_delete": (group, WRITE, Post(DONE_BY_WRITE, changes=row_of(WorkingGroup))),
    "network:event_list": (None, READ),
    "network:event_export": (export, READ),
    "network:event_create": (None, WRITE),
    "network:event_detail": (event, READ),
    "network:event_edit": (event, WRITE),
    "network:event_delete": (event, WRITE, Post(DONE_BY_WRITE, changes=row_of(Event))),
    "network:event_attendance": (event, WRITE),
    "network:import_index": (None, WRITE),
    "network:import_upload": (lambda d: {"kind": "actors"}, WRITE),
    # The worker's preview of a large file; without a kept file it sends back to the upload.
    "network:import_preview": (lambda d: {"kind": "actors"}, DONE_BY_WRITE),
    # Confirming needs the preview kept in the session; cancelling it is the action tested here.
    "network:import_confirm": (
        lambda d: {"kind": "actors"},
        POST_ONLY,
        Post(DONE_BY_WRITE, data=lambda d: {"cancel": "1"}),
    ),
    "network:import_template": (lambda d: {"kind": "measures", "file_format": "xlsx"}, WRITE),
}
