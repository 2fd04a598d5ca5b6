import pytest
from django.urls import reverse

from committee.models import AgendaItem
from committee.services import CommitteeError, move_agenda_item, renumber_agenda

pytestmark = pytest.mark.django_db


def agenda(meeting):
    return list(meeting.agenda_items.order_by("order").values_list("number", "title"))


def test_adding_an_item_puts_it_last_with_the_next_number(client, sachbearbeitung, items, measure):
    client.force_login(sachbearbeitung)
    meeting = items[0].meeting
    response = client.post(
        reverse("committee:agenda", args=[meeting.pk]),
        {
            "title": "Verschiedenes",
            "kind": "information",
            "is_public": "on",
            "measures": [measure.pk],
        },
    )
    assert response.status_code == 302
    item = AgendaItem.objects.get(title="Verschiedenes")
    assert (item.number, item.order) == ("3", 4)
    assert list(item.measures.all()) == [measure]
    assert item.history.get().history_user == sachbearbeitung


def test_a_duplicate_number_is_refused_in_german(client, sachbearbeitung, items):
    client.force_login(sachbearbeitung)
    response = client.post(
        reverse("committee:agenda", args=[items[0].meeting_id]),
        {"number": "1.1", "title": "Doppelt", "kind": "information"},
    )
    assert response.status_code == 200
    assert "hat bereits einen Tagesordnungspunkt mit dieser Nummer" in response.content.decode()
    assert AgendaItem.objects.count() == 3


def test_moving_a_main_item_moves_its_sub_items_along(items, sachbearbeitung):
    meeting = items[0].meeting
    move_agenda_item(items[2], "up", sachbearbeitung)
    assert [number for number, _title in agenda(meeting)] == ["2", "1", "1.1"]


def test_a_sub_item_moves_within_its_main_item(items, sachbearbeitung):
    meeting = items[0].meeting
    AgendaItem.objects.create(meeting=meeting, number="1.2", order=3, title="Zweiter Unterpunkt")
    items[2].order = 4
    items[2].save()
    move_agenda_item(AgendaItem.objects.get(number="1.2"), "up", sachbearbeitung)
    assert [number for number, _title in agenda(meeting)] == ["1", "1.2", "1.1", "2"]
    with pytest.raises(CommitteeError):
        move_agenda_item(AgendaItem.objects.get(number="1.2"), "up", sachbearbeitung)


def test_renumbering_follows_the_order_and_keeps_sub_items(items, sachbearbeitung):
    meeting = items[0].meeting
    move_agenda_item(items[2], "up", sachbearbeitung)
    renumber_agenda(meeting, sachbearbeitung)
    assert agenda(meeting) == [
        ("1", "Geheime Zuschussanträge"),
        ("2", "Bericht Mama lernt Deutsch"),
        ("2.1", "Ausweitung auf Stadtteile"),
    ]


def test_the_editor_moves_and_renumbers_without_a_page_per_item(client, sachbearbeitung, items):
    client.force_login(sachbearbeitung)
    meeting = items[0].meeting
    page = client.get(reverse("committee:agenda", args=[meeting.pk])).content.decode()
    assert reverse("committee:item_move", args=[items[2].pk, "up"]) in page
    client.post(reverse("committee:item_move", args=[items[2].pk, "up"]))
    page = client.get(reverse("committee:agenda", args=[meeting.pk])).content.decode()
    assert "entsprechen nicht mehr der Reihenfolge" in page
    client.post(reverse("committee:agenda_renumber", args=[meeting.pk]))
    assert [number for number, _title in agenda(meeting)] == ["1", "2", "2.1"]


def test_moving_needs_post_and_the_right(client, lesezugriff, items):
    client.force_login(lesezugriff)
    url = reverse("committee:item_move", args=[items[2].pk, "up"])
    assert client.get(url).status_code == 405
    assert client.post(url).status_code == 403


def test_minutes_resolution_and_vote_are_recorded_per_item(client, sachbearbeitung, items, measure):
    client.force_login(sachbearbeitung)
    item = items[1]
    response = client.post(
        reverse("committee:item_edit", args=[item.pk]),
        {
            "number": "1.1",
            "title": item.title,
            "kind": "resolution",
            "is_public": "on",
            "measures": [measure.pk],
            "minutes": "Aussprache über die Stadtteile.",
            "resolution": "Der Ausschuss stimmt zu.",
            "votes_yes": "10",
            "votes_no": "1",
            "votes_abstain": "0",
            "result": "adopted",
        },
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert (item.votes_yes, item.votes_no, item.result) == (10, 1, "adopted")
    page = client.get(item.meeting.get_absolute_url()).content.decode()
    assert "Aussprache über die Stadtteile." in page
    assert "10 Ja, 1 Nein, 0 Enthaltungen" in page


def test_deleting_an_item_asks_first(client, sachbearbeitung, items):
    client.force_login(sachbearbeitung)
    url = reverse("committee:item_delete", args=[items[1].pk])
    assert "löschen?" in client.get(url).content.decode()
    assert AgendaItem.objects.count() == 3
    client.post(url)
    assert AgendaItem.objects.count() == 2


def test_a_move_returns_to_the_item_and_says_where_it_is_now(client, sachbearbeitung, items):
    client.force_login(sachbearbeitung)
    agenda_url = reverse("committee:agenda", args=[items[0].meeting_id])
    response = client.post(reverse("committee:item_move", args=[items[2].pk, "up"]))
    assert response["Location"] == f"{agenda_url}#item-{items[2].pk}"
    page = client.get(agenda_url).content.decode()
    assert (
        '<div class="messages" id="messages" role="status">\n      <ul>\n'
        '        \n        <li class="message message--success">'
        "TOP 2 „Geheime Zuschussanträge“ steht jetzt an Stelle 1 von 3.</li>"
    ) in page
    assert f'<tr id="item-{items[2].pk}">' in page
    assert f'id="item-{items[2].pk}-down"' in page and f'id="item-{items[2].pk}-up"' not in page


def test_a_move_that_is_not_possible_is_an_alert_and_an_error_title(client, sachbearbeitung, items):
    client.force_login(sachbearbeitung)
    response = client.post(reverse("committee:item_move", args=[items[1].pk, "up"]), follow=True)
    page = response.content.decode()
    assert "<title>Fehler: " in page
    assert '<div class="messages" id="messages" role="alert">' in page
    assert "lässt sich nicht weiter verschieben" in page
