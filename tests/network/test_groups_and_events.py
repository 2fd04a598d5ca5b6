"""Working groups and events: forms, participants, attendance in one save, query counts."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from network.models import Actor, ContactPerson, Event, EventParticipant, WorkingGroup


def queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_create_a_working_group_with_members(client, sachbearbeitung, action_field, actor, contact):
    client.force_login(sachbearbeitung)

    client.post(
        reverse("network:group_create"),
        {
            "title": "Arbeitskreis Sprache",
            "action_field": action_field.pk,
            "chair": contact.pk,
            "member_actors": [actor.pk],
            "member_contacts": [contact.pk],
            "is_active": "on",
        },
    )

    group = WorkingGroup.objects.get()
    assert group.chair == contact
    assert list(group.action_fields.all()) == [action_field]
    assert list(group.member_actors.all()) == [actor]


def test_group_page_lists_members(client, lesezugriff, working_group, actor, contact):
    client.force_login(lesezugriff)
    page = client.get(working_group.get_absolute_url()).content.decode()
    assert f'href="{actor.get_absolute_url()}"' in page
    assert f'href="{contact.get_absolute_url()}"' in page


def test_group_list_filters_by_action_field(client, lesezugriff, working_group, action_field):
    WorkingGroup.objects.create(title="Arbeitskreis Wohnen")
    client.force_login(lesezugriff)
    response = client.get(reverse("network:group_list") + f"?action_field={action_field.pk}")
    assert [g.title for g in response.context["page_obj"].object_list] == ["Arbeitskreis Sprache"]


def test_group_export(client, lesezugriff, working_group):
    client.force_login(lesezugriff)
    text = client.get(reverse("network:group_export", args=["csv"])).content.decode("utf-8-sig")
    assert text.splitlines()[0].startswith("Titel;Handlungsfeld;Vorsitz")
    assert "Arbeitskreis Sprache;Sprache;Derya Kaya;Volkshochschule Göppingen" in text


def event_data(**changes):
    return {
        "title": "Netzwerktreffen Frühjahr",
        "kind": Event.Kind.NETWORK_MEETING,
        "start": "2025-03-20T17:00",
        "location": "Haus der Familie",
        **changes,
    }


def test_create_an_event_with_participants(client, sachbearbeitung, actor, contact, measure):
    client.force_login(sachbearbeitung)

    response = client.post(
        reverse("network:event_create"),
        event_data(
            participant_actors=[actor.pk], participant_contacts=[contact.pk], measures=[measure.pk]
        ),
    )

    event = Event.objects.get()
    assert response["Location"] == event.get_absolute_url()
    assert timezone.localtime(event.start).hour == 17
    assert {(p.actor_id, p.contact_id) for p in event.participants.all()} == {
        (actor.pk, None),
        (None, contact.pk),
    }
    assert list(event.measures.all()) == [measure]


def test_editing_participants_keeps_recorded_attendance(
    client, sachbearbeitung, event, contact, actor
):
    newcomer = Actor.objects.create(name="Caritas Fils-Neckar-Alb")
    client.force_login(sachbearbeitung)

    client.post(
        reverse("network:event_edit", args=[event.pk]),
        event_data(
            title=event.title,
            participant_actors=[newcomer.pk],
            participant_contacts=[contact.pk],
        ),
    )

    rows = {(p.actor_id, p.contact_id): p.attended for p in event.participants.all()}
    assert rows == {(None, contact.pk): True, (newcomer.pk, None): False}


def test_an_end_before_the_start_is_refused(client, sachbearbeitung, db):
    client.force_login(sachbearbeitung)
    response = client.post(reverse("network:event_create"), event_data(end="2025-03-20T16:00"))
    assert "Das Ende darf nicht vor dem Beginn liegen." in response.content.decode()
    assert not Event.objects.exists()


def test_attendance_is_saved_at_once_for_everybody(client, sachbearbeitung, event, contact, actor):
    others = [
        EventParticipant.objects.create(
            event=event,
            contact=ContactPerson.objects.create(
                first_name="Gast", last_name=str(n), email=f"gast{n}@example.org"
            ),
        )
        for n in range(5)
    ]
    client.force_login(sachbearbeitung)
    url = reverse("network:event_attendance", args=[event.pk])
    form = client.get(url).context["form"]
    assert len(form.fields["attended"].choices) == 7

    actor_row = event.participants.get(actor=actor)
    response = client.post(url, {"attended": [actor_row.pk, others[0].pk, others[1].pk]})

    assert response["Location"] == event.get_absolute_url()
    attended = set(event.participants.filter(attended=True).values_list("pk", flat=True))
    assert attended == {actor_row.pk, others[0].pk, others[1].pk}
    # The unticked chairwoman is recorded as absent now, with who changed it.
    changed = EventParticipant.history.filter(contact=contact).latest()
    assert (changed.attended, changed.history_user) == (False, sachbearbeitung)


def test_lesezugriff_cannot_record_attendance(client, lesezugriff, event):
    client.force_login(lesezugriff)
    response = client.post(reverse("network:event_attendance", args=[event.pk]), {"attended": []})
    assert response.status_code == 403
    assert event.participants.filter(attended=True).exists()


def test_event_list_filters_and_counts(client, lesezugriff, event, action_field, measure):
    Event.objects.create(
        title="Integrationskonferenz", kind=Event.Kind.CONFERENCE, start=timezone.now()
    )
    client.force_login(lesezugriff)
    url = reverse("network:event_list")
    by_field = client.get(url + f"?action_field={action_field.pk}").context["page_obj"]
    assert [e.title for e in by_field.object_list] == ["Fachforum Sprache"]
    assert by_field.object_list[0].participant_count == 2
    assert by_field.object_list[0].attended_count == 1
    by_year = client.get(url + "?year=2018").context["page_obj"].object_list
    assert [e.title for e in by_year] == ["Fachforum Sprache"]
    by_measure = client.get(url + f"?measure={measure.pk}").context["page_obj"].object_list
    assert [e.title for e in by_measure] == ["Fachforum Sprache"]


def test_event_export(client, lesezugriff, event):
    client.force_login(lesezugriff)
    text = client.get(reverse("network:event_export", args=["csv"])).content.decode("utf-8-sig")
    assert "Fachforum Sprache;Fachforum;14.11.2018 17:00;" in text


def test_actor_page_shows_events_its_people_attended(client, lesezugriff, event, contact):
    client.force_login(lesezugriff)
    page = client.get(contact.actor.get_absolute_url()).content.decode()
    assert "Fachforum Sprache</a> – teilgenommen" in page


def add_events(count):
    start = timezone.make_aware(datetime.datetime(2019, 1, 1, 10, 0))
    for number in range(count):
        event = Event.objects.create(title=f"Treffen {number}", start=start)
        actor = Actor.objects.create(name=f"Verein {number}")
        EventParticipant.objects.create(event=event, actor=actor, attended=True)
        group = WorkingGroup.objects.create(title=f"AK {number}")
        group.member_actors.add(actor)


@pytest.mark.parametrize("name", ["network:event_list", "network:group_list"])
def test_list_query_count_does_not_grow(client, lesezugriff, event, working_group, name):
    client.force_login(lesezugriff)
    small = queries(client, reverse(name))
    add_events(30)
    large = queries(client, reverse(name))
    assert small == large <= 15


def test_detail_query_counts_do_not_grow(client, lesezugriff, event, working_group):
    client.force_login(lesezugriff)
    pages = [event.get_absolute_url(), working_group.get_absolute_url()]
    small = [queries(client, url) for url in pages]
    for number in range(20):
        person = ContactPerson.objects.create(
            first_name="Gast", last_name=str(number), email=f"g{number}@example.org"
        )
        EventParticipant.objects.create(event=event, contact=person, attended=True)
        working_group.member_contacts.add(person)
        event.title = f"Fachforum Sprache {number}"
        event.save()
    large = [queries(client, url) for url in pages]
    assert small == large
    assert max(large) <= 15


def test_deleting_an_event_after_confirmation_removes_it(client, sachbearbeitung, event):
    client.force_login(sachbearbeitung)
    url = reverse("network:event_delete", args=[event.pk])
    assert client.get(url).status_code == 200

    response = client.post(url, follow=True)

    assert response.redirect_chain == [(reverse("network:event_list"), 302)]
    assert not Event.objects.filter(pk=event.pk).exists()
    assert not EventParticipant.objects.filter(event_id=event.pk).exists()
    assert "„Fachforum Sprache (14.11.2018)“ wurde gelöscht." in response.content.decode()
