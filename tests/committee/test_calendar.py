"""What a meeting's calendar file says: times in Berlin with a rule-based VTIMEZONE, the iTIP
method and its parties, stable UIDs with a growing SEQUENCE, and what the public sees.

How other parsers read the same files: test_calendar_clients.py."""

import datetime
import os
import subprocess
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from committee import calendar as ics
from committee.forms import MeetingForm
from committee.models import Meeting
from committee.services import save_meeting

pytestmark = pytest.mark.django_db
BERLIN = ZoneInfo("Europe/Berlin")
ORGANIZER = "integrationsausschuss@goeppingen.example"  # integration_office/test_settings.py


def parse(response):
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def events(calendar):
    return list(calendar.walk("VEVENT"))


def meeting_ics(client, meeting):
    return parse(client.get(reverse("committee:meeting_ics", args=[meeting.pk])))


def addresses(event, name):
    values = event.get(name, [])
    return [str(value) for value in (values if isinstance(values, list) else [values])]


def edit(meeting, **changes):
    data = {
        "committee": meeting.committee_id,
        "term": meeting.term_id,
        "number": meeting.number,
        "start": "2026-12-09T17:00",
        "end": "2026-12-09T19:15",
        "location": meeting.location,
        "room": meeting.room,
        "address": meeting.address,
        "is_public": "on",
        "state": meeting.state,
        **changes,
    }
    form = MeetingForm(data, instance=meeting)
    assert form.is_valid(), form.errors
    return form


def test_a_meeting_is_an_event_in_berlin_time_with_a_timezone(client, lesezugriff, meeting, items):
    client.force_login(lesezugriff)
    calendar = meeting_ics(client, meeting)
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Berlin"]
    (event,) = events(calendar)
    start = event.decoded("DTSTART")
    assert start.astimezone(BERLIN).replace(tzinfo=None) == datetime.datetime(2026, 12, 9, 17, 0)
    assert event.decoded("DTEND").astimezone(BERLIN).hour == 19
    assert (
        "DTSTART;TZID=Europe/Berlin:20261209T170000"
        in client.get(reverse("committee:meeting_ics", args=[meeting.pk])).content.decode()
    )
    assert str(event["SUMMARY"]) == "5. Sitzung des IA"
    assert "Großer Sitzungssaal" in str(event["LOCATION"])
    assert "Geheime Zuschussanträge (nichtöffentlich)" in str(event["DESCRIPTION"])


def test_the_timezone_has_yearly_rules_as_outlook_and_thunderbird_write_them(
    client, lesezugriff, meeting
):
    client.force_login(lesezugriff)
    text = client.get(reverse("committee:meeting_ics", args=[meeting.pk])).content.decode()
    zone = text[text.index("BEGIN:VTIMEZONE") : text.index("END:VTIMEZONE")]
    assert "RDATE" not in zone
    daylight = zone[zone.index("BEGIN:DAYLIGHT") : zone.index("END:DAYLIGHT")].splitlines()
    standard = zone[zone.index("BEGIN:STANDARD") : zone.index("END:STANDARD")].splitlines()
    for line in (
        "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
        "TZOFFSETFROM:+0100",
        "TZOFFSETTO:+0200",
        "DTSTART:19700329T020000",
    ):
        assert line in daylight
    for line in (
        "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
        "TZOFFSETFROM:+0200",
        "TZOFFSETTO:+0100",
        "DTSTART:19701025T030000",
    ):
        assert line in standard


def test_a_summer_meeting_is_in_daylight_saving_time(client, lesezugriff, meeting):
    meeting.start = datetime.datetime(2026, 7, 8, 17, 0, tzinfo=BERLIN)
    meeting.end = None
    meeting.save()
    client.force_login(lesezugriff)
    (event,) = events(meeting_ics(client, meeting))
    assert event.decoded("DTSTART").utcoffset() == datetime.timedelta(hours=2)
    assert event.decoded("DTEND") - event.decoded("DTSTART") == datetime.timedelta(hours=2)


def test_dtstamp_is_the_time_the_file_is_made(client, lesezugriff, meeting):
    meeting.save()
    Meeting.objects.filter(pk=meeting.pk).update(
        modified=timezone.now() - datetime.timedelta(days=30)
    )
    client.force_login(lesezugriff)
    before = timezone.now().replace(microsecond=0)
    (event,) = events(meeting_ics(client, meeting))
    assert before <= event.decoded("DTSTAMP") <= timezone.now()
    assert event.decoded("LAST-MODIFIED") < before - datetime.timedelta(days=29)


def test_a_downloaded_meeting_is_published_not_requested(client, lesezugriff, meeting, members):
    client.force_login(lesezugriff)
    calendar = meeting_ics(client, meeting)
    assert calendar["METHOD"] == "PUBLISH"
    (event,) = events(calendar)
    assert addresses(event, "ATTENDEE") == []
    assert addresses(event, "ORGANIZER") == [f"mailto:{ORGANIZER}"]


def test_an_invitation_to_members_is_a_request_with_organizer_and_attendees(meeting, members):
    file = ics.meeting_calendar(meeting, attendees=members[:2])
    calendar = Calendar.from_ical(file.content)
    assert file.method == calendar["METHOD"] == "REQUEST"
    assert file.mail_content_type == "text/calendar; method=REQUEST"
    (event,) = events(calendar)
    assert addresses(event, "ORGANIZER") == [f"mailto:{ORGANIZER}"]
    assert addresses(event, "ATTENDEE") == ["mailto:ulrike@example.org", "mailto:kemal@example.org"]
    attendee = event["ATTENDEE"][0]
    assert attendee.params["CN"] == "Ulrike Bosch"
    assert attendee.params["ROLE"] == "REQ-PARTICIPANT"
    assert attendee.params["PARTSTAT"] == "NEEDS-ACTION"


@pytest.mark.parametrize(
    "organizer", ["integration@localhost", "ia@rathaus.localhost", "", "kein-postfach"]
)
def test_without_a_usable_organizer_there_is_no_request(settings, meeting, members, organizer):
    settings.CALENDAR_ORGANIZER = organizer
    file = ics.meeting_calendar(meeting, attendees=members[:1])
    calendar = Calendar.from_ical(file.content)
    assert file.method == calendar["METHOD"] == "PUBLISH"
    (event,) = events(calendar)
    assert "ORGANIZER" not in event
    assert "ATTENDEE" not in event
    assert b"localhost" not in file.content


def test_the_organizer_is_configurable(settings, meeting, members):
    settings.CALENDAR_ORGANIZER = "sitzungsdienst@goeppingen.example"
    (event,) = events(Calendar.from_ical(ics.meeting_calendar(meeting, members[:1]).content))
    assert addresses(event, "ORGANIZER") == ["mailto:sitzungsdienst@goeppingen.example"]


@pytest.mark.parametrize(
    ("variables", "expected"),
    [
        ({"DJANGO_DEFAULT_FROM_EMAIL": "ia@goeppingen.example"}, "ia@goeppingen.example"),
        (
            {
                "DJANGO_DEFAULT_FROM_EMAIL": "noreply@goeppingen.example",
                "DJANGO_CALENDAR_ORGANIZER": "ia@goeppingen.example",
            },
            "ia@goeppingen.example",
        ),
    ],
)
def test_the_organizer_setting_defaults_to_the_sender(variables, expected):
    environment = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    code = "from integration_office import settings; print(settings.CALENDAR_ORGANIZER)"
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=Path(__file__).parents[2],
        env={**environment, "DJANGO_DEBUG": "true", **variables},
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert result.stdout.strip() == expected


def test_no_file_is_a_request_without_attendees(client, lesezugriff, meeting, members):
    """Whatever is served or built without recipients: never REQUEST."""
    client.force_login(lesezugriff)
    served = [
        client.get(reverse("committee:meeting_ics", args=[meeting.pk])).content,
        client.get(reverse("committee:staff_feed")).content,
        client.get(reverse("committee:public_feed")).content,
        ics.meeting_calendar(meeting).content,
        ics.meeting_calendar(meeting, attendees=[]).content,
    ]
    for content in served:
        calendar = Calendar.from_ical(content)
        assert calendar["METHOD"] == "PUBLISH"
        assert all("ATTENDEE" not in event for event in events(calendar))


def test_changes_keep_the_uid_and_raise_the_sequence(client, sachbearbeitung, meeting):
    client.force_login(sachbearbeitung)
    (before,) = events(meeting_ics(client, meeting))
    form = edit(
        meeting, start="2026-12-10T18:00", end="2026-12-10T20:00", room="Kleiner Sitzungssaal"
    )
    save_meeting(form, sachbearbeitung)
    (after,) = events(meeting_ics(client, Meeting.objects.get(pk=meeting.pk)))
    assert after["UID"] == before["UID"]
    assert after["SEQUENCE"] == before["SEQUENCE"] + 1


def test_saving_without_calendar_changes_keeps_the_sequence(meeting, sachbearbeitung):
    save_meeting(edit(meeting, guests="Neuer Gast"), sachbearbeitung)
    assert Meeting.objects.get(pk=meeting.pk).sequence == 0


def test_a_cancelled_meeting_is_a_cancellation_with_a_raised_sequence(
    client, sachbearbeitung, meeting, members
):
    client.force_login(sachbearbeitung)
    (invited,) = events(Calendar.from_ical(ics.meeting_calendar(meeting, members[:1]).content))
    save_meeting(edit(meeting, state=Meeting.State.CANCELLED), sachbearbeitung)
    meeting.refresh_from_db()
    calendar = meeting_ics(client, meeting)
    assert calendar["METHOD"] == "CANCEL"
    (event,) = events(calendar)
    assert event["STATUS"] == "CANCELLED"
    assert event["UID"] == invited["UID"]
    assert event["SEQUENCE"] > invited["SEQUENCE"]
    assert addresses(event, "ORGANIZER") == [f"mailto:{ORGANIZER}"]
    # The feeds keep the event, marked as cancelled.
    (in_feed,) = events(parse(client.get(reverse("committee:staff_feed"))))
    assert in_feed["STATUS"] == "CANCELLED"
    assert in_feed["SEQUENCE"] == event["SEQUENCE"]


def test_feeds_are_published(client, lesezugriff, meeting):
    client.force_login(lesezugriff)
    for name in ("committee:staff_feed", "committee:public_feed"):
        calendar = parse(client.get(reverse(name)))
        assert calendar["METHOD"] == "PUBLISH"
        assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Berlin"]


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
