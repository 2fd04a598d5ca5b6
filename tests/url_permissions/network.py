"""The network's URLs × roles. Lesezugriff reads; Sachbearbeitung and Koordination write and
import; only Koordination erases a person's data."""

import datetime

from django.utils import timezone

from tests.url_permissions import COORDINATION, READ, ROLES, WRITE

# A POST-only action answers GET with 405 once logged in; anonymous users go to the login.
POST_ONLY = {**dict.fromkeys(ROLES, 405), "anonymous": 302}


def contact(data):
    from network.models import ContactPerson

    person, _created = ContactPerson.objects.get_or_create(
        email="derya.kaya@example.com",
        defaults={"first_name": "Derya", "last_name": "Kaya", "actor": data["actor"]},
    )
    return {"pk": person.pk}


def group(data):
    from network.models import WorkingGroup

    return {"pk": WorkingGroup.objects.get_or_create(title="AK Sprache")[0].pk}


def event(data):
    from network.models import Event

    start = timezone.make_aware(datetime.datetime(2018, 10, 6, 10, 0))
    return {"pk": Event.objects.get_or_create(title="Kick-off", start=start)[0].pk}


def actor(data):
    return {"pk": data["actor"].pk}


def export(data):
    return {"file_format": "csv"}


TABLE = {
    "network:actor_list": (None, READ),
    "network:actor_export": (export, READ),
    "network:actor_create": (None, WRITE),
    "network:actor_search": (None, READ),  # the pickers' JSON search
    "network:actor_detail": (actor, READ),
    "network:actor_edit": (actor, WRITE),
    "network:actor_delete": (actor, WRITE),
    "network:contact_list": (None, READ),
    "network:contact_export": (export, READ),
    "network:contact_create": (None, WRITE),
    "network:contact_search": (None, READ),
    "network:contact_reconfirm": (None, READ),
    "network:erasure_log": (None, READ),
    "network:contact_detail": (contact, READ),
    "network:contact_edit": (contact, WRITE),
    "network:contact_delete": (contact, WRITE),
    "network:contact_confirm": (contact, POST_ONLY),
    "network:contact_disclosure": (contact, WRITE),
    "network:contact_disclosure_json": (contact, WRITE),
    "network:contact_erase": (contact, COORDINATION),
    "network:group_list": (None, READ),
    "network:group_export": (export, READ),
    "network:group_create": (None, WRITE),
    "network:group_detail": (group, READ),
    "network:group_edit": (group, WRITE),
    "network:group_delete": (group, WRITE),
    "network:event_list": (None, READ),
    "network:event_export": (export, READ),
    "network:event_create": (None, WRITE),
    "network:event_detail": (event, READ),
    "network:event_edit": (event, WRITE),
    "network:event_delete": (event, WRITE),
    "network:event_attendance": (event, WRITE),
    "network:import_index": (None, WRITE),
    "network:import_upload": (lambda d: {"kind": "actors"}, WRITE),
    "network:import_confirm": (lambda d: {"kind": "actors"}, POST_ONLY),
    "network:import_template": (lambda d: {"kind": "measures", "file_format": "xlsx"}, WRITE),
}
