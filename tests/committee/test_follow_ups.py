import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from committee.models import FollowUp

pytestmark = pytest.mark.django_db


@pytest.fixture
def follow_ups(items, actor):
    today = timezone.localdate()

    def add(text, due, done=None):
        return FollowUp.objects.create(
            agenda_item=items[0], text=text, owner_actor=actor, due_date=due, done_on=done
        )

    return [
        add("Später fällig", today + datetime.timedelta(days=30)),
        add(
            "Längst erledigt",
            today - datetime.timedelta(days=90),
            done=today - datetime.timedelta(days=80),
        ),
        add("Überfälliger Bericht", today - datetime.timedelta(days=10)),
    ]


def test_the_list_shows_overdue_follow_ups_first(client, lesezugriff, follow_ups):
    client.force_login(lesezugriff)
    response = client.get(reverse("committee:follow_up_list"))
    texts = [follow_up.text for follow_up in response.context["page_obj"]]
    assert texts == ["Überfälliger Bericht", "Später fällig", "Längst erledigt"]
    assert "überfällig" in response.content.decode()


def test_the_list_filters_overdue(client, lesezugriff, follow_ups):
    client.force_login(lesezugriff)
    response = client.get(reverse("committee:follow_up_list"), {"status": "overdue"})
    assert [f.text for f in response.context["page_obj"]] == ["Überfälliger Bericht"]


def test_a_follow_up_is_added_to_an_item_with_an_owner(
    client, sachbearbeitung, items, koordination
):
    client.force_login(sachbearbeitung)
    response = client.post(
        reverse("committee:follow_up_create", args=[items[0].pk]),
        {"text": "Bericht vorlegen", "owner_user": koordination.pk, "due_date": "2027-01-31"},
    )
    assert response.status_code == 302
    follow_up = FollowUp.objects.get()
    assert (follow_up.agenda_item, follow_up.owner) == (items[0], koordination)


def test_a_follow_up_without_owner_is_refused_in_german(client, sachbearbeitung, items):
    client.force_login(sachbearbeitung)
    response = client.post(
        reverse("committee:follow_up_create", args=[items[0].pk]), {"text": "Niemand"}
    )
    assert (
        "entweder eine Mitarbeiterin oder einen Mitarbeiter oder einen Akteur"
        in response.content.decode()
    )
    assert not FollowUp.objects.exists()


def test_marking_done_records_today(client, sachbearbeitung, follow_ups):
    client.force_login(sachbearbeitung)
    client.post(reverse("committee:follow_up_done", args=[follow_ups[2].pk]))
    follow_ups[2].refresh_from_db()
    assert follow_ups[2].done_on == timezone.localdate()
    assert not follow_ups[2].is_overdue


def test_the_overview_shows_next_meeting_open_follow_ups_and_current_members(
    client, lesezugriff, follow_ups, members, meeting
):
    client.force_login(lesezugriff)
    response = client.get(reverse("committee:overview"))
    page = response.content.decode()
    assert response.context["next_meeting"] == meeting
    assert "Überfälliger Bericht" in page
    assert "Längst erledigt" not in page
    assert "2 offene Aufträge" in page
    for member in members:
        assert str(member) in page
