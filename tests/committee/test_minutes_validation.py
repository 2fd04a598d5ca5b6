"""What the minutes record must be possible: votes fit the members present, a meeting is held
only from its day on, and only a held meeting's minutes are finalised."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from committee.models import Attendance, Meeting
from committee.records import finalise_minutes
from committee.services import CommitteeError

from .test_meetings import data as meeting_data

pytestmark = pytest.mark.django_db
TOO_MANY = "laut Anwesenheit waren aber nur 2 Mitglieder anwesend"


def vote(client, item, yes, no="0", abstain="0"):
    return client.post(
        reverse("committee:item_edit", args=[item.pk]),
        {
            "number": item.number,
            "title": item.title,
            "kind": item.kind,
            "is_public": "on",
            "votes_yes": yes,
            "votes_no": no,
            "votes_abstain": abstain,
        },
    )


def test_votes_cannot_exceed_the_members_present(client, sachbearbeitung, attended):
    item = attended.agenda_items.get(number="1")
    client.force_login(sachbearbeitung)
    response = vote(client, item, "2", "1")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Ja-Stimmen, Nein-Stimmen und Enthaltungen ergeben zusammen 3" in page
    assert TOO_MANY in page
    item.refresh_from_db()
    assert item.votes_yes is None
    assert vote(client, item, "1", "1").status_code == 302


def test_counts_recorded_before_do_not_block_other_changes(client, sachbearbeitung, attended):
    item = attended.agenda_items.get(number="1.1")  # 9 + 2 + 1 votes, recorded earlier
    client.force_login(sachbearbeitung)
    response = client.post(
        reverse("committee:item_edit", args=[item.pk]),
        {
            "number": "1.1",
            "title": item.title,
            "kind": item.kind,
            "is_public": "on",
            "minutes": "Nachgetragen.",
            "resolution": item.resolution,
            "votes_yes": "9",
            "votes_no": "2",
            "votes_abstain": "1",
            "result": item.result,
        },
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.minutes == "Nachgetragen."
    assert vote(client, item, "9", "2", "2").status_code == 200  # a changed count is checked


def test_votes_are_not_limited_while_no_attendance_is_recorded(
    client, sachbearbeitung, held_meeting
):
    item = held_meeting.agenda_items.get(number="1")
    client.force_login(sachbearbeitung)
    assert vote(client, item, "9", "2", "1").status_code == 302


def test_attendance_cannot_fall_below_the_votes_recorded(client, sachbearbeitung, attended):
    attended.agenda_items.filter(number="1.1").update(votes_yes=2, votes_no=0, votes_abstain=0)
    rows = list(attended.attendances.order_by("member__last_name"))
    form = {"form-TOTAL_FORMS": str(len(rows)), "form-INITIAL_FORMS": str(len(rows))}
    for index, entry in enumerate(rows):
        form[f"form-{index}-member"] = entry.member_id
        form[f"form-{index}-state"] = "excused" if entry.state == "present" else entry.state
    client.force_login(sachbearbeitung)
    response = client.post(reverse("committee:attendance", args=[attended.pk]), form)
    assert response.status_code == 200
    assert "bei TOP 1.1 sind aber 2 Stimmen erfasst" in response.content.decode()
    assert attended.attendances.filter(state=Attendance.State.PRESENT).count() == 2


def test_a_meeting_cannot_be_marked_held_before_its_day(
    client, sachbearbeitung, meeting, committee
):
    client.force_login(sachbearbeitung)
    response = client.post(
        reverse("committee:meeting_edit", args=[meeting.pk]),
        meeting_data(committee, start="2099-05-12T17:00", end="2099-05-12T19:00", state="held"),
    )
    assert response.status_code == 200
    assert "erst ab ihrem Sitzungstag als durchgeführt markiert werden" in (
        response.content.decode()
    )
    assert Meeting.objects.get(pk=meeting.pk).state == Meeting.State.PLANNED


def test_minutes_cannot_be_finalised_before_the_meeting_day(held_meeting, koordination):
    held_meeting.start = timezone.now() + datetime.timedelta(days=2)
    held_meeting.end = None
    held_meeting.save()
    with pytest.raises(CommitteeError, match="vorher kann ihre Niederschrift nicht abgeschlossen"):
        finalise_minutes(held_meeting, koordination)
    assert Meeting.objects.get(pk=held_meeting.pk).minutes_finalised_at is None


@pytest.fixture
def past_meeting(meeting, items):
    meeting.start = timezone.now() - datetime.timedelta(days=1)
    meeting.end = None
    meeting.save()
    return meeting


def test_the_meeting_page_guides_to_marking_the_meeting_held_first(
    client, koordination, past_meeting
):
    client.force_login(koordination)
    page = client.get(past_meeting.get_absolute_url()).content.decode()
    assert "sobald die Sitzung als durchgeführt markiert ist" in page
    assert "Bitte markieren Sie die Sitzung zuerst als durchgeführt." in page
    assert reverse("committee:meeting_mark_held", args=[past_meeting.pk]) in page
    assert "Niederschrift abschließen" not in page
    response = client.post(reverse("committee:meeting_mark_held", args=[past_meeting.pk]))
    assert response["Location"] == past_meeting.get_absolute_url()
    page = client.get(response["Location"]).content.decode()
    assert "Die Sitzung wurde als durchgeführt markiert." in page
    assert "Niederschrift abschließen" in page
    past_meeting.refresh_from_db()
    assert (past_meeting.state, past_meeting.sequence) == (Meeting.State.HELD, 1)


def test_a_future_meeting_says_from_when_it_can_be_marked_held(client, koordination, meeting):
    meeting.start = timezone.now() + datetime.timedelta(days=30)
    meeting.end = None
    meeting.save()
    client.force_login(koordination)
    page = client.get(meeting.get_absolute_url()).content.decode()
    day = timezone.localtime(meeting.start).strftime("%d.%m.%Y")
    assert f"Das ist ab dem Sitzungstag, dem {day}, möglich." in page
    assert reverse("committee:meeting_mark_held", args=[meeting.pk]) not in page
    client.post(reverse("committee:meeting_mark_held", args=[meeting.pk]))
    assert Meeting.objects.get(pk=meeting.pk).state == Meeting.State.PLANNED


def test_lesezugriff_cannot_mark_a_meeting_held(client, lesezugriff, past_meeting):
    client.force_login(lesezugriff)
    response = client.post(reverse("committee:meeting_mark_held", args=[past_meeting.pk]))
    assert response.status_code == 403
    assert Meeting.objects.get(pk=past_meeting.pk).state == Meeting.State.PLANNED
