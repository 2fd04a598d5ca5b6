"""Actor detail and the actor forms: data, cross-links, history; create, edit, delete."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from network.models import Actor, ContactPerson, Event, EventParticipant, WorkingGroup
from tests.factories import add_measures


def test_detail_links_measures_contacts_groups_and_events(
    client, lesezugriff, measure, migrant_organisation, contact, working_group, event
):
    measure.partner_actors.add(migrant_organisation)
    working_group.member_actors.add(migrant_organisation)
    client.force_login(lesezugriff)

    page = client.get(reverse("network:actor_detail", args=[migrant_organisation.pk])).content
    page = page.decode()

    assert f'href="{measure.get_absolute_url()}"' in page
    assert f'href="{contact.get_absolute_url()}"' in page
    assert f'href="{working_group.get_absolute_url()}"' in page
    # The actor took part through its chairwoman, who attended.
    assert f'href="{event.get_absolute_url()}"' in page
    assert "Türkisch, Kurdisch, Deutsch" in page
    assert "1998" in page


def test_measure_and_actor_pages_link_both_ways(client, lesezugriff, measure, actor):
    client.force_login(lesezugriff)
    measure_page = client.get(measure.get_absolute_url()).content.decode()
    actor_page = client.get(actor.get_absolute_url()).content.decode()
    assert f'href="{actor.get_absolute_url()}"' in measure_page
    assert f'href="{measure.get_absolute_url()}"' in actor_page


def test_detail_shows_the_change_history_with_who_changed_what(client, sachbearbeitung, actor):
    client.force_login(sachbearbeitung)
    client.post(
        reverse("network:actor_edit", args=[actor.pk]),
        {
            "name": actor.name,
            "kind": Actor.Kind.EDUCATION,
            "phone": "07161 650-0",
            "is_active": "on",
        },
    )

    page = client.get(actor.get_absolute_url()).content.decode()

    assert "Änderungshistorie" in page
    assert "07161 650-0" in page
    assert "sachbearbeitung" in page


def test_create_saves_languages_as_codes(client, sachbearbeitung, action_field):
    client.force_login(sachbearbeitung)

    response = client.post(
        reverse("network:actor_create"),
        {
            "name": "Ukrainische Initiative Soniachnyk e. V.",
            "kind": Actor.Kind.MIGRANT_ORGANISATION,
            "action_fields": [action_field.pk],
            "languages": ["uk", "ru", "de"],
            "founded_year": "2022",
            "member_count": "35",
            "website": "soniachnyk.example.com",
            "is_active": "on",
        },
    )

    actor = Actor.objects.get(name="Ukrainische Initiative Soniachnyk e. V.")
    assert response["Location"] == actor.get_absolute_url()
    assert actor.languages == "uk,ru,de"
    assert actor.website == "https://soniachnyk.example.com"
    assert list(actor.action_fields.all()) == [action_field]


def test_a_founding_year_in_the_future_is_refused(client, sachbearbeitung, db):
    client.force_login(sachbearbeitung)
    next_year = timezone.localdate().year + 1
    response = client.post(
        reverse("network:actor_create"),
        {"name": "Neu", "kind": "other", "founded_year": next_year},
    )
    assert response.status_code == 200
    assert "Das Jahr darf nicht in der Zukunft liegen." in response.content.decode()
    assert not Actor.objects.exists()


def test_delete_asks_first_and_keeps_the_history(client, sachbearbeitung, actor):
    client.force_login(sachbearbeitung)
    url = reverse("network:actor_delete", args=[actor.pk])

    confirmation = client.get(url)
    assert "löschen?" in confirmation.content.decode()
    assert Actor.objects.filter(pk=actor.pk).exists()

    response = client.post(url)

    assert response["Location"] == reverse("network:actor_list")
    assert not Actor.objects.filter(pk=actor.pk).exists()
    deletion = Actor.history.filter(id=actor.pk).latest()
    assert deletion.history_type == "-"
    assert deletion.history_user == sachbearbeitung


def test_lesezugriff_cannot_change_actors(client, lesezugriff, actor):
    client.force_login(lesezugriff)
    edit = client.post(
        reverse("network:actor_edit", args=[actor.pk]), {"name": "X", "kind": "other"}
    )
    delete = client.post(reverse("network:actor_delete", args=[actor.pk]))
    assert (edit.status_code, delete.status_code) == (403, 403)
    assert Actor.objects.get(pk=actor.pk).name == "Volkshochschule Göppingen"


def detail_queries(client, actor):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(actor.get_absolute_url()).status_code == 200
    return len(queries)


def test_detail_query_count_does_not_grow_with_the_data(
    client, lesezugriff, plan, action_field, actor
):
    client.force_login(lesezugriff)
    small = detail_queries(client, actor)
    for measure in add_measures(plan, action_field, 15):
        measure.partner_actors.add(actor)
    start = timezone.make_aware(datetime.datetime(2019, 5, 1, 18, 0))
    for number in range(10):
        person = ContactPerson.objects.create(
            actor=actor,
            first_name="Eva",
            last_name=f"Muster {number}",
            email=f"e{number}@example.org",
        )
        event = Event.objects.create(title=f"Netzwerktreffen {number}", start=start)
        EventParticipant.objects.create(event=event, contact=person, attended=True)
        EventParticipant.objects.create(event=event, actor=actor)
        WorkingGroup.objects.create(title=f"AK {number}").member_actors.add(actor)
        actor.phone = f"07161 {number}"
        actor.save()
    large = detail_queries(client, actor)
    assert small == large <= 15
