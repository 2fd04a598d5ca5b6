"""The demo network: migrant organisations with languages, working groups and events."""

from io import StringIO

import pytest
from django.core.management import call_command

from measures.models import Plan
from network.languages import validate_language_codes
from network.models import Actor, ContactPerson, Event, WorkingGroup

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    call_command("load_demo", stdout=StringIO())
    return Plan.current()


def test_migrant_organisations_have_languages_communities_and_facts(demo):
    organisations = Actor.objects.filter(kind=Actor.Kind.MIGRANT_ORGANISATION)
    assert organisations.count() >= 8
    for organisation in organisations:
        assert organisation.languages and organisation.communities, organisation
        validate_language_codes(organisation.languages)
        assert organisation.founded_year and organisation.member_count, organisation


def test_contacts_have_salutation_source_and_preferred_language(demo):
    contacts = ContactPerson.objects.all()
    assert contacts.count() >= 25
    assert not contacts.filter(salutation="").exists()
    assert not contacts.filter(source="").exists()
    assert contacts.filter(preferred_language="tr").exists()
    assert set(contacts.values_list("legal_basis", flat=True)) == set(
        ContactPerson.LegalBasis.values
    )


def test_three_working_groups_with_chair_and_members(demo):
    groups = WorkingGroup.objects.all()
    assert groups.count() == 3
    for group in groups:
        assert (
            # the draft of the Fortschreibung copied the links to its own action fields
            group.chair and group.member_actors.exists() and group.action_fields.get(plan=demo)
        )


def test_the_2018_process_had_a_kick_off_of_about_80_and_five_fachforen(demo):
    kick_off = Event.objects.get(kind=Event.Kind.CONFERENCE, start__year=2018)
    assert 70 <= kick_off.participants.count() <= 90
    assert kick_off.participants.filter(attended=True).count() >= 60
    forums = Event.objects.filter(kind=Event.Kind.SPECIALIST_FORUM, start__year=2018)
    assert forums.count() == 5
    fields = {forum.action_fields.get(plan=demo) for forum in forums}
    assert fields == set(demo.action_fields.all())
    for forum in forums:
        assert forum.participants.exists() and forum.measures.exists()
    assert Event.objects.count() >= 6


def test_future_events_have_no_attendance_yet(demo):
    from django.utils import timezone

    for event in Event.objects.filter(start__gt=timezone.now()):
        assert not event.participants.filter(attended=True).exists()
