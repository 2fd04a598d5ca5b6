import datetime

import pytest
from django.utils import timezone

from network.models import Actor, ContactPerson, Event, EventParticipant, WorkingGroup


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Uploaded import files go to a throwaway folder."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def migrant_organisation(action_field):
    actor = Actor.objects.create(
        name="Verein Brücke der Kulturen e. V.",
        kind=Actor.Kind.MIGRANT_ORGANISATION,
        languages="tr,ku,de",
        communities="Familien mit Wurzeln in der Türkei",
        founded_year=1998,
        member_count=120,
    )
    actor.action_fields.add(action_field)
    return actor


@pytest.fixture
def contact(migrant_organisation):
    return ContactPerson.objects.create(
        actor=migrant_organisation,
        salutation=ContactPerson.Salutation.MS,
        first_name="Derya",
        last_name="Kaya",
        function="Vorsitzende",
        email="derya.kaya@example.com",
        phone="07161 123456",
        preferred_language="tr",
        legal_basis=ContactPerson.LegalBasis.CONSENT,
        consent_date=datetime.date(2023, 11, 8),
        consent_scope="Netzwerkarbeit",
        source="Anmeldung Fachforum 2018",
        last_confirmed=datetime.date(2023, 11, 8),
    )


@pytest.fixture
def working_group(action_field, contact, actor):
    group = WorkingGroup.objects.create(title="Arbeitskreis Sprache", chair=contact)
    group.action_fields.add(action_field)
    group.member_actors.add(actor)
    group.member_contacts.add(contact)
    return group


@pytest.fixture
def event(action_field, measure, contact, actor):
    event = Event.objects.create(
        title="Fachforum Sprache",
        kind=Event.Kind.SPECIALIST_FORUM,
        start=timezone.make_aware(datetime.datetime(2018, 11, 14, 17, 0)),
        location="Rathaus, Großer Sitzungssaal",
        summary="Sprachförderung für Mütter wird Maßnahme 1.1.",
    )
    event.action_fields.add(action_field)
    event.measures.add(measure)
    EventParticipant.objects.create(event=event, contact=contact, attended=True)
    EventParticipant.objects.create(event=event, actor=actor)
    return event
