import pytest
from django.urls import reverse

from measures.models import Measure
from tests.concurrency import assert_parallel_saves_never_both_win, parallel_database


def form_data(measure, **changes):
    data = {
        "action_field": measure.action_field_id,
        "code": measure.code,
        "title": measure.title,
        "description": measure.description,
        "goal": measure.goal,
        "target_groups": measure.target_groups,
        "lead_actor": measure.lead_actor_id or "",
        "priority": measure.priority,
        "start": measure.start.isoformat() if measure.start else "",
        "end": measure.end.isoformat() if measure.end else "",
        "status": measure.status,
        "progress": measure.progress,
        "funding_source": "",
        "is_public": "on",
        "version": measure.version,
    }
    data.update(changes)
    return data


@pytest.fixture
def edit_url(measure):
    return reverse("measures:edit", args=[measure.pk])


def test_it_saves_an_edit_and_records_who_changed_what(client, sachbearbeitung, measure, edit_url):
    client.force_login(sachbearbeitung)
    response = client.post(edit_url, form_data(measure, title="Mama lernt Deutsch plus"))
    assert response.status_code == 302
    measure.refresh_from_db()
    assert measure.title == "Mama lernt Deutsch plus"
    assert measure.version == 2
    latest = measure.history.latest()
    assert latest.history_user == sachbearbeitung
    detail = client.get(measure.get_absolute_url()).content.decode()
    assert "Mama lernt Deutsch → Mama lernt Deutsch plus" in detail


def test_a_second_concurrent_save_is_refused_and_shows_both_versions(
    client, sachbearbeitung, koordination, measure, edit_url
):
    loaded = form_data(measure)  # both load the form at version 1
    client.force_login(koordination)
    client.post(edit_url, {**loaded, "title": "Titel von Koordination"})
    client.force_login(sachbearbeitung)
    response = client.post(edit_url, {**loaded, "title": "Titel von Sachbearbeitung"})
    assert response.status_code == 200
    measure.refresh_from_db()
    assert measure.title == "Titel von Koordination"
    page = response.content.decode()
    assert "Jemand anderes hat diesen Datensatz inzwischen geändert" in page
    assert "Titel von Sachbearbeitung" in page and "Titel von Koordination" in page
    # Saving again after seeing the conflict is a conscious decision and goes through.
    again = client.post(edit_url, {**loaded, "title": "Titel von Sachbearbeitung", "version": 2})
    assert again.status_code == 302
    measure.refresh_from_db()
    assert measure.title == "Titel von Sachbearbeitung"
    assert measure.version == 3


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"progress": 140}, "progress", "kleiner oder gleich 100"),
        ({"progress": -5}, "progress", "größer oder gleich 0"),
        ({"start": "2024-05-01", "end": "2024-04-01"}, "end", "Das Ende darf nicht vor dem Beginn"),
        ({"title": ""}, "title", "Dieses Feld ist zwingend erforderlich."),
        ({"code": "1.2"}, "code", "gibt es in diesem Plan bereits"),
    ],
)
def test_invalid_input_is_refused_with_a_german_message(
    client, sachbearbeitung, measure, edit_url, changes, field, message
):
    Measure.objects.create(
        plan=measure.plan, action_field=measure.action_field, code="1.2", title="Andere"
    )
    client.force_login(sachbearbeitung)
    response = client.post(edit_url, form_data(measure, **changes))
    assert response.status_code == 200
    errors = " ".join(response.context["form"].errors[field])
    assert message in errors
    assert "Bitte korrigieren Sie die folgenden Angaben:" in response.content.decode()
    measure.refresh_from_db()
    assert measure.version == 1


def test_action_field_of_another_plan_is_not_offered(client, sachbearbeitung, measure, edit_url):
    from measures.models import ActionField, Plan

    other = Plan.objects.create(title="Entwurf", version_label="2027")
    foreign = ActionField.objects.create(plan=other, code="1", title="Sprache neu")
    client.force_login(sachbearbeitung)
    response = client.post(edit_url, form_data(measure, action_field=foreign.pk))
    assert "action_field" in response.context["form"].errors


def test_reading_role_cannot_edit(client, lesezugriff, measure, edit_url):
    client.force_login(lesezugriff)
    assert client.post(edit_url, form_data(measure, title="x")).status_code == 403
    measure.refresh_from_db()
    assert measure.title == "Mama lernt Deutsch"


@pytest.mark.parametrize("code", ["1.\x1b3", "1\t3", "1.\u202e3"])
def test_a_code_with_control_characters_is_refused(client, koordination, measure, edit_url, code):
    client.force_login(koordination)
    response = client.post(edit_url, form_data(measure, code=code))
    assert response.status_code == 200
    assert "Die Nummer darf keine Steuerzeichen enthalten." in response.content.decode()
    measure.refresh_from_db()
    assert measure.code == "1.1"


@parallel_database
@pytest.mark.django_db(transaction=True)
def test_two_saves_at_the_same_moment_never_both_win(sachbearbeitung, measure, edit_url):
    assert_parallel_saves_never_both_win(
        sachbearbeitung,
        edit_url,
        "title",
        "Mama lernt Deutsch",
        lambda: Measure.objects.get(pk=measure.pk).title,
    )
