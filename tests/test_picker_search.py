"""The pickers' JSON search endpoints: actors, contact persons and measures."""

import pytest
from django.urls import reverse

from measures.models import ActionField, Measure, Plan
from network.models import Actor, ContactPerson
from tests.factories import add_measures

ACTORS = reverse("network:actor_search")
CONTACTS = reverse("network:contact_search")
MEASURES = reverse("measures:search")


@pytest.fixture
def logged_in(client, lesezugriff):
    client.force_login(lesezugriff)
    return client


def labels(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    return [entry["label"] for entry in response.json()["results"]]


def test_it_finds_actors_by_part_of_the_name_or_short_name(logged_in, actor):
    Actor.objects.create(name="Caritas Fils-Neckar-Alb", short_name="Caritas")
    Actor.objects.create(name="Jugendmigrationsdienst", short_name="JMD")
    assert labels(logged_in.get(ACTORS, {"q": "caritas"})) == ["Caritas Fils-Neckar-Alb"]
    assert labels(logged_in.get(ACTORS, {"q": "jmd"})) == ["Jugendmigrationsdienst (JMD)"]
    # Every word must match: "hochschule göppingen" finds the VHS, "hochschule ulm" nothing.
    assert labels(logged_in.get(ACTORS, {"q": "hochschule göppingen"})) == [
        "Volkshochschule Göppingen"
    ]
    assert labels(logged_in.get(ACTORS, {"q": "hochschule ulm"})) == []


def test_names_starting_with_the_text_come_first(logged_in):
    for name in ("Stadtteilverein Mitte", "Verein Brücke", "Ein Verein"):
        Actor.objects.create(name=name)
    assert labels(logged_in.get(ACTORS, {"q": "verein"})) == [
        "Verein Brücke",
        "Ein Verein",
        "Stadtteilverein Mitte",
    ]


def test_inactive_actors_are_marked_and_left_out_for_forms(logged_in, actor):
    Actor.objects.create(name="Volkshochschule Alt", is_active=False)
    assert labels(logged_in.get(ACTORS, {"q": "volkshochschule"})) == [
        "Volkshochschule Alt (inaktiv)",
        "Volkshochschule Göppingen",
    ]
    assert labels(logged_in.get(ACTORS, {"q": "volkshochschule", "active": "1"})) == [
        "Volkshochschule Göppingen"
    ]


def test_it_answers_at_most_20_matches_with_a_fixed_number_of_queries(
    logged_in, django_assert_num_queries
):
    Actor.objects.bulk_create(Actor(name=f"Verein {number:03}") for number in range(30))
    # session, user, the user's permissions and the group permissions, the search
    with django_assert_num_queries(5):
        data = logged_in.get(ACTORS, {"q": "verein"}).json()
    assert len(data["results"]) == 20
    assert data["more"] is True
    assert data["results"][0] == {
        "id": Actor.objects.get(name="Verein 000").pk,
        "label": "Verein 000",
    }


def test_an_empty_text_finds_nothing_without_asking_the_database(logged_in, actor):
    data = logged_in.get(ACTORS, {"q": "  "}).json()
    assert data == {"results": [], "more": False}


def test_it_finds_contact_persons_by_name_and_actor(logged_in, actor):
    ContactPerson.objects.create(first_name="Derya", last_name="Kaya", actor=actor)
    ContactPerson.objects.create(first_name="Jonas", last_name="Weber")
    assert labels(logged_in.get(CONTACTS, {"q": "derya kaya"})) == [
        "Derya Kaya (Volkshochschule Göppingen)"
    ]
    assert labels(logged_in.get(CONTACTS, {"q": "volkshochschule"})) == [
        "Derya Kaya (Volkshochschule Göppingen)"
    ]
    assert labels(logged_in.get(CONTACTS, {"q": "weber"})) == ["Jonas Weber"]


def test_it_finds_measures_of_the_adopted_plan_by_code_or_title(logged_in, measure):
    archived = Plan.objects.create(title="Alter Plan", version_label="2010", state="archived")
    field = ActionField.objects.create(plan=archived, code="1", title="Sprache")
    Measure.objects.create(plan=archived, action_field=field, code="1.1", title="Mama lernt")
    assert labels(logged_in.get(MEASURES, {"q": "mama"})) == ["1.1 Mama lernt Deutsch"]
    assert labels(logged_in.get(MEASURES, {"q": "1.1"})) == ["1.1 Mama lernt Deutsch"]
    assert labels(logged_in.get(MEASURES, {"q": "deutsch 1.1"})) == ["1.1 Mama lernt Deutsch"]


def test_measures_come_in_plan_order_and_at_most_20(logged_in, plan, action_field):
    add_measures(plan, action_field, 25)
    data = logged_in.get(MEASURES, {"q": "maßnahme"}).json()
    assert [entry["label"] for entry in data["results"][:2]] == [
        "1.10 Maßnahme 0",
        "1.11 Maßnahme 1",
    ]
    assert len(data["results"]) == 20 and data["more"] is True


@pytest.mark.parametrize("url", [ACTORS, CONTACTS, MEASURES])
def test_it_needs_a_login_and_the_view_permission(client, no_role, url):
    response = client.get(url, {"q": "a"})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))
    client.force_login(no_role)
    assert client.get(url, {"q": "a"}).status_code == 403


@pytest.mark.parametrize("url", [ACTORS, CONTACTS, MEASURES])
def test_it_answers_only_get(logged_in, url):
    assert logged_in.post(url, {"q": "a"}).status_code == 405
