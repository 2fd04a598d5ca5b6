import datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from icalendar import Calendar

from committee.forms import MeetingForm
from committee.models import Meeting
from committee.services import save_meeting

pytestmark = pytest.mark.django_db
BERLIN = ZoneInfo("Europe/Berlin")


def parse(response):
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def events(calendar):
    return list(calendar.walk("VEVENT"))


def meeting_ics(client, meeting):
    return parse(client.get(reverse("committee:meeting_ics", args=[meeting.pk])))


def test_a_meeting_is_an_event_in_berlin_time_with_a_timezone(client, lesezugriff, meeting, items):
    client.force_login(lesezugriff)
    calendar = meeting_ics(client, meeting)
    assert calendar["METHOD"] == "REQUEST"
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Berlin"]
    (event,) = events(calendar)
    start = event.decoded("DTSTART")
    assert start.astimezone(BERLIN).replace(tzinfo=None) == datetime.datetime(2026, 12, 9, 17, 0)
    assert event.decoded("DTEND").astimezone(BERLIN).hour == 19
    assert (
        "TZID=Europe/Berlin"
        in client.get(reverse("committee:meeting_ics", args=[meeting.pk])).content.decode()
    )
    assert str(event["SUMMARY"]) == "5. Sitzung des IA"
    assert "Großer Sitzungssaal" in str(event["LOCATION"])
    assert "Geheime Zuschussanträge (nichtöffentlich)" in str(event["DESCRIPTION"])


def test_a_summer_meeting_is_in_daylight_saving_time(client, lesezugriff, meeting):
    meeting.start = datetime.datetime(2026, 7, 8, 17, 0, tzinfo=BERLIN)
    meeting.end = None
    meeting.save()
    client.force_login(lesezugriff)
    (event,) = events(meeting_ics(client, meeting))
    assert event.decoded("DTSTART").utcoffset() == datetime.timedelta(hours=2)
    assert event.decoded("DTEND") - event.decoded("DTSTART") == datetime.timedelta(hours=2)


def test_changes_keep_the_uid_and_raise_the_sequence(client, sachbearbeitung, meeting):
    client.force_login(sachbearbeitung)
    (before,) = events(meeting_ics(client, meeting))
    form = MeetingForm(
        {
            "committee": meeting.committee_id,
            "term": meeting.term_id,
            "number": meeting.number,
            "start": "2026-12-10T18:00",
            "end": "2026-12-10T20:00",
            "location": meeting.location,
            "room": "Kleiner Sitzungssaal",
            "address": meeting.address,
            "is_public": "on",
            "state": "planned",
        },
        instance=meeting,
    )
    assert form.is_valid(), form.errors
    save_meeting(form, sachbearbeitung)
    (after,) = events(meeting_ics(client, Meeting.objects.get(pk=meeting.pk)))
    assert after["UID"] == before["UID"]
    assert after["SEQUENCE"] == before["SEQUENCE"] + 1


def test_saving_without_calendar_changes_keeps_the_sequence(meeting, sachbearbeitung):
    form = MeetingForm(
        {
            "committee": meeting.committee_id,
            "term": meeting.term_id,
            "number": meeting.number,
            "start": "2026-12-09T17:00",
            "end": "2026-12-09T19:15",
            "location": meeting.location,
            "room": meeting.room,
            "address": meeting.address,
            "is_public": "on",
            "state": "planned",
            "guests": "Neuer Gast",
        },
        instance=meeting,
    )
    assert form.is_valid(), form.errors
    save_meeting(form, sachbearbeitung)
    assert Meeting.objects.get(pk=meeting.pk).sequence == 0


def test_a_cancelled_meeting_is_sent_as_a_cancellation(client, lesezugriff, meeting):
    meeting.state = Meeting.State.CANCELLED
    meeting.save()
    client.force_login(lesezugriff)
    calendar = meeting_ics(client, meeting)
    assert calendar["METHOD"] == "CANCEL"
    assert events(calendar)[0]["STATUS"] == "CANCELLED"


def test_the_public_feed_has_only_public_meetings_and_items(client, meeting, items, committee):
    hidden = Meeting.objects.create(
        committee=committee, number=6, start=meeting.start, is_public=False
    )
    calendar = parse(client.get(reverse("committee:public_feed")))
    uids = [str(event["UID"]) for event in events(calendar)]
    assert uids == [meeting.calendar_uid]
    assert hidden.calendar_uid not in client.get(reverse("committee:public_feed")).content.decode()
    description = str(events(calendar)[0]["DESCRIPTION"])
    assert "Bericht Mama lernt Deutsch" in description
    assert "Geheime" not in description


def test_the_staff_feed_has_every_meeting_and_needs_a_login(
    client, lesezugriff, meeting, committee
):
    Meeting.objects.create(committee=committee, number=6, start=meeting.start, is_public=False)
    assert client.get(reverse("committee:staff_feed")).status_code == 302
    client.force_login(lesezugriff)
    calendar = parse(client.get(reverse("committee:staff_feed")))
    assert len(events(calendar)) == 2
    assert calendar["METHOD"] == "PUBLISH"
