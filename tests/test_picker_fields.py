"""Forms and filters with pickers: what they save, refuse and render, with and without script."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from committee.models import AgendaItem, Committee, Meeting
from measures.models import Measure
from network.models import Actor, ContactPerson, Event, WorkingGroup
from tests.test_measure_edit import form_data


@pytest.fixture
def actors(db):
    return {
        name: Actor.objects.create(name=name)
        for name in ("Caritas Fils-Neckar-Alb", "Diakonie Göppingen", "Jugendmigrationsdienst")
    }


@pytest.fixture
def editor(client, sachbearbeitung):
    client.force_login(sachbearbeitung)
    return client


def edit(client, measure, **changes):
    return client.post(reverse("measures:edit", args=[measure.pk]), form_data(measure, **changes))


def options(page):
    return len(re.findall(r"<option\b", page))


def test_the_edit_form_saves_the_picked_partners_and_lead(editor, measure, actors):
    picked = [actors["Caritas Fils-Neckar-Alb"].pk, actors["Jugendmigrationsdienst"].pk]
    response = edit(editor, measure, partner_actors=picked, lead_actor=picked[0])
    assert response.status_code == 302
    measure.refresh_from_db()
    assert sorted(measure.partner_actors.values_list("pk", flat=True)) == sorted(picked)
    assert measure.lead_actor_id == picked[0]


def test_an_unknown_id_is_refused_in_german(editor, measure):
    response = edit(editor, measure, partner_actors=[999999], lead_actor=999998)
    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors["partner_actors"] == [
        "Bitte eine gültige Auswahl treffen. 999999 ist keine gültige Auswahl."
    ]
    assert form.errors["lead_actor"] == [
        "Bitte eine gültige Auswahl treffen. Dies ist keine gültige Auswahl."
    ]
    assert not measure.partner_actors.exists()


def test_an_inactive_actor_cannot_be_added_but_stays_when_already_linked(editor, measure):
    former = Actor.objects.create(name="Früherer Träger", is_active=False)
    assert (
        "partner_actors" in edit(editor, measure, partner_actors=[former.pk]).context["form"].errors
    )
    measure.partner_actors.add(former)
    assert edit(editor, measure, partner_actors=[former.pk]).status_code == 302


def test_the_edit_page_renders_only_the_chosen_actors(editor, measure, actors):
    Actor.objects.bulk_create(Actor(name=f"Verein {number}") for number in range(50))
    measure.partner_actors.add(actors["Diakonie Göppingen"])
    page = editor.get(reverse("measures:edit", args=[measure.pk])).content.decode()
    assert f'name="partner_actors" value="{actors["Diakonie Göppingen"].pk}"' in page
    assert "Verein 1" not in page and "Caritas" not in page
    assert 'data-search-url="/network/actors/search/?active=1"' in page
    assert options(page) < 50  # plan, action field, status … but no actor lists


def test_without_script_a_typed_search_shows_matches_to_tick_and_saves_nothing(
    editor, measure, actors
):
    diakonie = actors["Diakonie Göppingen"]
    measure.partner_actors.add(diakonie)
    response = edit(editor, measure, partner_actors=[diakonie.pk], partner_actors_search="ca")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Bitte wählen Sie unten unter den Treffern aus und speichern Sie dann erneut." in page
    assert "Treffer für „ca“" in page
    caritas = actors["Caritas Fils-Neckar-Alb"]
    assert re.search(rf'value="{diakonie.pk}" id="[^"]+" checked>', page)
    assert re.search(rf'value="{caritas.pk}" id="[^"]+">', page)
    # The search field comes back empty, so that the next save does not search again.
    assert 'name="partner_actors_search" value=""' in page
    assert measure.version == Measure.objects.get(pk=measure.pk).version

    response = edit(editor, measure, partner_actors=[diakonie.pk, caritas.pk])
    assert response.status_code == 302
    assert set(measure.partner_actors.all()) == {diakonie, caritas}


def test_without_script_a_search_that_finds_nothing_says_so(editor, measure):
    page = edit(editor, measure, partner_actors_search="xyz").content.decode()
    assert "Kein Eintrag passt zu „xyz“." in page


def test_without_script_the_lead_actor_is_chosen_among_radio_buttons(editor, measure, actors):
    page = edit(editor, measure, lead_actor=measure.lead_actor_id, lead_actor_search="diakonie")
    page = page.content.decode()
    assert re.search(
        rf'type="radio" name="lead_actor" value="{measure.lead_actor_id}"[^>]+checked', page
    )
    diakonie = actors["Diakonie Göppingen"]
    assert f'type="radio" name="lead_actor" value="{diakonie.pk}"' in page
    assert 'type="radio" name="lead_actor" value=""' in page  # "keine Auswahl"
    assert edit(editor, measure, lead_actor=diakonie.pk).status_code == 302
    assert Measure.objects.get(pk=measure.pk).lead_actor == diakonie


@pytest.fixture
def reader(client, lesezugriff):
    client.force_login(lesezugriff)
    return client


def listed(response):
    return sorted(m.code for m in response.context["page_obj"].object_list)


def test_the_measure_list_filters_by_the_picked_lead_actor(reader, plan, action_field, actors):
    for number, actor in enumerate(actors.values()):
        Measure.objects.create(
            plan=plan, action_field=action_field, code=f"2.{number}", title="M", lead_actor=actor
        )
    response = reader.get(reverse("measures:list"), {"lead_actor": actors["Diakonie Göppingen"].pk})
    assert listed(response) == ["2.1"]
    page = response.content.decode()
    assert "Diakonie Göppingen" in page and "Caritas" not in page.split('id="results-heading"')[0]


def test_without_script_the_filter_takes_part_of_the_name(reader, plan, action_field, actors):
    for number, actor in enumerate(actors.values()):
        Measure.objects.create(
            plan=plan, action_field=action_field, code=f"2.{number}", title="M", lead_actor=actor
        )
    list_url = reverse("measures:list")
    # "ta" is only in Caritas; "on" in Diakonie and Jugendmigrationsdienst, listed and offered.
    response = reader.get(list_url, {"lead_actor": "", "lead_actor_search": "ta"})
    assert listed(response) == ["2.0"]
    response = reader.get(list_url, {"lead_actor": "", "lead_actor_search": "on"})
    assert listed(response) == ["2.1", "2.2"]
    panel = response.content.decode().split('id="results-heading"')[0]
    assert 'name="lead_actor_search" value="on"' in panel
    assert "Diakonie Göppingen" in panel and "Jugendmigrationsdienst" in panel
    # Choosing one of the matches narrows the list down to it.
    chosen = actors["Jugendmigrationsdienst"].pk
    response = reader.get(list_url, {"lead_actor": chosen, "lead_actor_search": "on"})
    assert listed(response) == ["2.2"]
    # A new text wins over a choice that does not match it.
    response = reader.get(list_url, {"lead_actor": chosen, "lead_actor_search": "caritas"})
    assert listed(response) == ["2.0"]


def test_the_filter_refuses_an_unknown_actor_in_german(reader, measure):
    response = reader.get(reverse("measures:list"), {"lead_actor": 999999})
    assert "keine gültige Auswahl" in response.content.decode()


def test_network_filters_take_a_picked_or_typed_measure_and_actor(reader, measure, actor):
    contact = ContactPerson.objects.create(first_name="Derya", last_name="Kaya", actor=actor)
    ContactPerson.objects.create(first_name="Jonas", last_name="Weber")
    contacts = reader.get(reverse("network:contact_list"), {"actor_search": "volkshoch"})
    assert list(contacts.context["page_obj"].object_list) == [contact]
    found = reader.get(reverse("network:actor_list"), {"measure_search": "mama"})
    assert list(found.context["page_obj"].object_list) == [actor]
    found = reader.get(reverse("network:actor_list"), {"measure": measure.pk})
    assert list(found.context["page_obj"].object_list) == [actor]


def test_the_event_filter_lists_an_event_once_for_several_matching_measures(
    reader, plan, action_field, measure
):
    other = Measure.objects.create(plan=plan, action_field=action_field, code="1.2", title="Mama 2")
    start = timezone.make_aware(datetime.datetime(2026, 5, 4, 10, 0))
    event = Event.objects.create(title="Fachtag", start=start)
    event.measures.add(measure, other)
    response = reader.get(reverse("network:event_list"), {"measure_search": "mama"})
    assert list(response.context["page_obj"].object_list) == [event]


def test_the_working_group_form_saves_picked_members(client, koordination, actor):
    person = ContactPerson.objects.create(first_name="Derya", last_name="Kaya", actor=actor)
    client.force_login(koordination)
    response = client.post(
        reverse("network:group_create"),
        {
            "title": "AK Sprache",
            "chair": person.pk,
            "member_actors": [actor.pk],
            "member_contacts": [person.pk],
            "is_active": "on",
        },
    )
    assert response.status_code == 302
    group = WorkingGroup.objects.get()
    assert (group.chair, list(group.member_actors.all())) == (person, [actor])
    page = client.get(reverse("network:group_edit", args=[group.pk])).content.decode()
    assert "Derya Kaya (Volkshochschule Göppingen)" in page


def test_the_agenda_item_offers_its_reports_as_checkboxes_with_a_filter(
    client, koordination, measure, status_report
):
    committee = Committee.objects.create(name="Integrationsausschuss", short_name="IA")
    start = timezone.make_aware(datetime.datetime(2026, 12, 3, 17, 0))
    meeting = Meeting.objects.create(committee=committee, number=1, start=start)
    item = AgendaItem.objects.create(meeting=meeting, number="1", title="Bericht")
    item.measures.add(measure)
    client.force_login(koordination)
    page = client.get(reverse("committee:item_edit", args=[item.pk])).content.decode()
    assert 'class="checkbox-filter" data-checkbox-filter' in page
    assert f'type="checkbox" name="status_reports" value="{status_report.pk}"' in page
    assert f'type="checkbox" name="measures" value="{measure.pk}"' in page


def test_ids_above_a_thousand_are_written_without_thousands_separator(editor, measure):
    # German number formatting would write 12345 as "12.345", which no form can read back.
    partner = Actor.objects.create(pk=12345, name="Verein mit großer Nummer")
    measure.partner_actors.add(partner)
    page = editor.get(reverse("measures:edit", args=[measure.pk])).content.decode()
    assert 'name="partner_actors" value="12345"' in page
    response = edit(editor, measure, partner_actors=[12345])
    assert response.status_code == 302


def test_agenda_move_buttons_carry_ids_without_thousands_separator(editor, measure):
    committee = Committee.objects.create(name="Integrationsausschuss", short_name="IA")
    meeting = Meeting.objects.create(committee=committee, number=1, start=timezone.now())
    AgendaItem.objects.create(pk=4321, meeting=meeting, number="1", title="Bericht")
    AgendaItem.objects.create(pk=4322, meeting=meeting, number="2", title="Verschiedenes")
    page = editor.get(reverse("committee:agenda", args=[meeting.pk])).content.decode()
    assert 'id="item-4321-down"' in page
    assert 'id="item-4322-up"' in page
