"""Every calendar file we serve or mail, read by vobject, ical and ical.js (Thunderbird's
parser): each meeting starts at the local time the database holds, in winter (+01:00) and in
summer (+02:00), with the method, parties and sequence the file is meant to have.

The readers take the zone from the file's VTIMEZONE (calendar_readers.py), so a wrong zone
shows up as a wrong hour, as it did in Thunderbird with icalendar's RDATE lists.
"""

import datetime
from email.utils import parseaddr
from zoneinfo import ZoneInfo

import pytest
import vobject
from django.core import mail
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone
from ical.calendar_stream import IcsCalendarStream
from ical.timezone import IcsTimezoneInfo

from committee import calendar as ics
from committee.models import AgendaItem, CalendarFeedToken, Meeting
from committee.services import send_invitation

from .calendar_readers import READERS

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    """Sending archives the public invitation once committed: into this test's own folder."""
    settings.MEDIA_ROOT = tmp_path / "media"


BERLIN = ZoneInfo("Europe/Berlin")
ORGANIZER = "integrationsausschuss@goeppingen.example"  # integration_office/test_settings.py
WINTER = datetime.datetime(2027, 1, 20, 17, 0, tzinfo=BERLIN)
SUMMER = datetime.datetime(2027, 7, 7, 18, 30, tzinfo=BERLIN)


def add_meeting(committee, number, start, **extra):
    meeting = Meeting.objects.create(
        committee=committee,
        number=number,
        start=start,
        end=start + datetime.timedelta(hours=2, minutes=15),
        location="Rathaus Göppingen",
        **extra,
    )
    AgendaItem.objects.create(meeting=meeting, number="1", title="Bericht der Verwaltung")
    return meeting


@pytest.fixture
def seasons(committee, members):
    """A public meeting in January and one in July (summer time)."""
    return [add_meeting(committee, 1, WINTER), add_meeting(committee, 2, SUMMER)]


def served(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return response.content


def staff_feed(client, user, seasons):
    client.force_login(user)
    return served(client, reverse("committee:staff_feed")), "PUBLISH", seasons, ()


def public_feed(client, user, seasons):
    return served(client, reverse("committee:public_feed")), "PUBLISH", seasons, ()


def personal_feed(client, user, seasons):
    token = CalendarFeedToken.issue(user)
    url = reverse("committee:personal_feed", args=[token])
    return served(client, url), "PUBLISH", seasons, ()


def single_meeting(client, user, seasons):
    client.force_login(user)
    summer = seasons[1]
    url = reverse("committee:meeting_ics", args=[summer.pk])
    return served(client, url), "PUBLISH", [summer], ()


def invitation(client, user, seasons):
    """The calendar file attached to the first member's invitation mail."""
    summer = seasons[1]
    with TestCase.captureOnCommitCallbacks(execute=True):  # the worker sends after the commit
        send_invitation(summer, user)
    message = mail.outbox[0]
    ((_name, content, content_type),) = [a for a in message.attachments if a[0].endswith(".ics")]
    assert content_type == "text/calendar; method=REQUEST"
    summer.refresh_from_db()
    return (
        content.encode() if isinstance(content, str) else content,
        "REQUEST",
        [summer],
        (parseaddr(message.to[0])[1],),
    )


def cancellation(client, user, seasons):
    winter = seasons[0]
    winter.state, winter.sequence = Meeting.State.CANCELLED, winter.sequence + 1
    winter.save()
    client.force_login(user)
    url = reverse("committee:meeting_ics", args=[winter.pk])
    return served(client, url), "CANCEL", [winter], ()


FILES = {
    "staff feed": staff_feed,
    "public feed": public_feed,
    "personal feed": personal_feed,
    "single meeting": single_meeting,
    "invitation": invitation,
    "cancellation": cancellation,
}


@pytest.mark.parametrize("reader", READERS)
@pytest.mark.parametrize("kind", FILES)
def test_every_file_shows_each_meeting_at_its_local_time(
    client, koordination, seasons, kind, reader
):
    content, method, meetings, attendees = FILES[kind](client, koordination, seasons)

    read = READERS[reader](content)

    assert read.method == method
    assert len(read.entries) == len(meetings)
    for meeting in meetings:
        entry = read.entry(meeting.calendar_uid)
        local = timezone.localtime(meeting.start, BERLIN)
        assert entry.start == meeting.start
        assert entry.start.astimezone(BERLIN).replace(tzinfo=None) == local.replace(tzinfo=None)
        assert entry.offset == local.utcoffset()
        assert entry.end == meeting.end
        assert entry.sequence == meeting.sequence
        assert entry.status == ("CANCELLED" if meeting.is_cancelled else "CONFIRMED")
        assert entry.organizer == ORGANIZER
        assert entry.attendees == attendees
    offsets = {read.entry(meeting.calendar_uid).offset for meeting in meetings}
    if len(meetings) == 2:  # the feeds: one meeting in standard time, one in summer time
        assert offsets == {datetime.timedelta(hours=1), datetime.timedelta(hours=2)}


@pytest.mark.parametrize("reader", READERS)
def test_twelve_meetings_over_four_years_keep_their_hour(client, lesezugriff, committee, reader):
    """The case that went wrong: icalendar's RDATE lists put 5 of these 12 meetings an hour
    early in ical.js and 3 in vobject."""
    meetings = [
        add_meeting(
            committee, month, datetime.datetime(2024 + month % 4, month, 10, 17, 0, tzinfo=BERLIN)
        )
        for month in range(1, 13)
    ]
    client.force_login(lesezugriff)

    read = READERS[reader](served(client, reverse("committee:staff_feed")))

    wrong = [m.number for m in meetings if read.entry(m.calendar_uid).start != m.start]
    assert wrong == []


@pytest.mark.parametrize("reader", READERS)
def test_the_readers_take_the_zone_from_the_file(client, lesezugriff, seasons, reader):
    """A file whose summer offset were +05:00 moves the July meeting for every reader: the
    tests above check our VTIMEZONE, not the readers' own zone databases."""
    client.force_login(lesezugriff)
    content = served(client, reverse("committee:staff_feed"))
    broken = content.replace(b"TZOFFSETTO:+0200", b"TZOFFSETTO:+0500").replace(
        b"TZOFFSETFROM:+0200", b"TZOFFSETFROM:+0500"
    )

    read = READERS[reader](broken)

    summer = read.entry(seasons[1].calendar_uid)
    assert summer.start == seasons[1].start - datetime.timedelta(hours=3)


def zone_of_vobject(content):
    return vobject.readOne(content.decode()).vtimezone.gettzinfo()


def zone_of_ical(content):
    (zone,) = IcsCalendarStream.calendar_from_ics(content.decode()).timezones
    return IcsTimezoneInfo.from_timezone(zone)


@pytest.mark.parametrize("zone_of", [zone_of_vobject, zone_of_ical], ids=["vobject", "ical"])
def test_the_timezone_agrees_with_the_tz_database_from_1996_to_2037(zone_of):
    file_zone = zone_of(ics.feed([], public=True))
    differences = []
    for year in range(1996, 2038):
        last_sunday = {
            month: max(
                day
                for day in (datetime.date(year, month, d) for d in range(25, 32))
                if day.weekday() == 6
            )
            for month in (3, 10)
        }
        moments = [
            datetime.datetime(year, 1, 15, 12),
            datetime.datetime.combine(last_sunday[3], datetime.time(1, 59)),
            datetime.datetime.combine(last_sunday[3], datetime.time(3, 0)),
            datetime.datetime(year, 7, 15, 12),
            datetime.datetime.combine(last_sunday[10], datetime.time(1, 59)),
            datetime.datetime.combine(last_sunday[10], datetime.time(3, 1)),
        ]
        for moment in moments:
            expected = moment.replace(tzinfo=BERLIN).utcoffset()
            if moment.replace(tzinfo=file_zone).utcoffset() != expected:
                differences.append(moment)
    assert differences == []
