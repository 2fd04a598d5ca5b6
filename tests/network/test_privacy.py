"""DSGVO: disclosure of everything stored about a person, and erasure everywhere."""

import json

import pytest
from django.apps import apps
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from network.models import ContactPerson, ErasureLog, EventParticipant, WorkingGroup

PERSONAL = ("Derya", "Kaya", "derya.kaya@example.com", "07161 123456")


@pytest.fixture
def person(contact, working_group, event, sachbearbeitung):
    """A person with a history of changes, group memberships, an event and an admin log entry."""
    contact.phone = "07161 123456"
    contact._history_user = sachbearbeitung
    contact.save()
    LogEntry.objects.log_actions(
        user_id=sachbearbeitung.pk, queryset=[contact], action_flag=CHANGE, change_message="x"
    )
    return contact


def stored_text():
    """Every stored row of every table as text, history and log tables included."""
    return "\n".join(
        repr(row)
        for model in apps.get_models(include_auto_created=True)
        for row in model._default_manager.values_list()
    )


def test_disclosure_json_contains_the_data_groups_events_and_history(
    client, sachbearbeitung, person
):
    client.force_login(sachbearbeitung)

    response = client.get(reverse("network:contact_disclosure_json", args=[person.pk]))

    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    fields = {item["field"]: item["value"] for item in data["person"]}
    assert fields["Vorname"] == "Derya"
    assert fields["E-Mail"] == "derya.kaya@example.com"
    assert fields["Rechtsgrundlage"].startswith("Einwilligung")
    assert fields["Einwilligung erteilt am"] == "2023-11-08"
    assert fields["Akteur"] == "Verein Brücke der Kulturen e. V."
    assert {"title": "Arbeitskreis Sprache", "role": "Vorsitz"} in data["working_groups"]
    assert data["events"] == [
        {"title": "Fachforum Sprache", "date": "2018-11-14", "attended": True}
    ]
    assert len(data["history"]) == 2
    assert data["history"][0]["by"] == "sachbearbeitung"
    assert "Stadt Göppingen" in data["controller"]


def test_disclosure_page_is_readable(client, sachbearbeitung, person):
    client.force_login(sachbearbeitung)
    page = client.get(reverse("network:contact_disclosure", args=[person.pk])).content.decode()
    assert "Auskunft für Derya Kaya" in page
    assert "Arbeitskreis Sprache (Vorsitz)" in page
    assert "Fachforum Sprache" in page


def test_lesezugriff_gets_no_disclosure(client, lesezugriff, person):
    client.force_login(lesezugriff)
    assert (
        client.get(reverse("network:contact_disclosure_json", args=[person.pk])).status_code == 403
    )


def test_erasure_asks_for_confirmation_first(client, koordination, person):
    client.force_login(koordination)
    page = client.get(reverse("network:contact_erase", args=[person.pk])).content.decode()
    assert "Daten von Derya Kaya löschen?" in page
    assert ContactPerson.objects.filter(pk=person.pk).exists()


def test_erasure_removes_the_person_everywhere_history_included(client, koordination, person):
    client.force_login(koordination)
    assert all(value in stored_text() for value in PERSONAL)

    response = client.post(reverse("network:contact_erase", args=[person.pk]))

    assert response["Location"] == reverse("network:contact_list")
    text = stored_text()
    for value in PERSONAL:
        assert value not in text
    assert not ContactPerson.history.filter(id=person.pk).exists()
    assert not EventParticipant.history.filter(contact_id=person.pk).exists()
    assert not WorkingGroup.history.filter(chair_id=person.pk).exists()
    content_type = ContentType.objects.get_for_model(ContactPerson)
    assert not LogEntry.objects.filter(content_type=content_type, object_id=str(person.pk)).exists()


def test_erasure_leaves_a_log_entry_with_who_and_when_but_not_whose(client, koordination, person):
    client.force_login(koordination)

    client.post(reverse("network:contact_erase", args=[person.pk]))

    entry = ErasureLog.objects.get()
    assert entry.erased_by == koordination
    assert entry.kind == ErasureLog.Kind.CONTACT_PERSON
    assert not any(value in repr(ErasureLog.objects.values_list()) for value in PERSONAL)
    page = client.get(reverse("network:erasure_log")).content.decode()
    assert "koordination" in page


def test_erasure_keeps_the_other_records(client, koordination, person, working_group, event):
    client.force_login(koordination)

    client.post(reverse("network:contact_erase", args=[person.pk]))

    working_group.refresh_from_db()
    assert working_group.chair is None
    assert list(working_group.member_actors.values_list("name", flat=True)) == [
        "Volkshochschule Göppingen"
    ]
    assert list(event.participants.values_list("actor__name", flat=True)) == [
        "Volkshochschule Göppingen"
    ]
    assert person.actor.__class__.objects.filter(pk=person.actor_id).exists()


def test_only_koordination_may_erase(client, sachbearbeitung, person):
    client.force_login(sachbearbeitung)

    response = client.post(reverse("network:contact_erase", args=[person.pk]))

    assert response.status_code == 403
    assert ContactPerson.objects.filter(pk=person.pk).exists()
    assert not ErasureLog.objects.exists()


def test_the_erase_link_is_shown_to_koordination_only(
    client, sachbearbeitung, koordination, person
):
    link = reverse("network:contact_erase", args=[person.pk])
    client.force_login(sachbearbeitung)
    assert link not in client.get(person.get_absolute_url()).content.decode()
    client.force_login(koordination)
    assert link in client.get(person.get_absolute_url()).content.decode()


def test_erasure_log_query_count_does_not_grow(client, koordination, lesezugriff, db):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("network:erasure_log")).status_code == 200
        return len(queries)

    client.force_login(lesezugriff)
    ErasureLog.objects.create(erased_by=koordination)
    small = count()
    for _ in range(30):
        ErasureLog.objects.create(erased_by=koordination)
    assert small == count() <= 15
