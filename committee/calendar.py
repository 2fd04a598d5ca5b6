"""Calendar files (iCalendar, RFC 5545 and iTIP, RFC 5546) of committee meetings.

Times are written in Europe/Berlin with a VTIMEZONE of yearly rules, as Outlook and Thunderbird
write it: parsers that build the zone from the file (Thunderbird's ical.js, dateutil's tzical)
mishandled the RDATE lists that icalendar generates. UIDs stay the same for a meeting and
SEQUENCE grows with every change that calendars must show, so an update replaces the event
instead of adding a second one.

Which METHOD a file has: feeds and downloads PUBLISH; an invitation mailed to members is a
REQUEST with ORGANIZER and the recipient as ATTENDEE; a cancelled meeting is a CANCEL. Without
a usable organizer address (see `organizer_address`) REQUEST and CANCEL fall back to PUBLISH,
since neither is valid without one.
"""

import datetime
import hashlib
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from icalendar import (
    Calendar,
    Event,
    Timezone,
    TimezoneDaylight,
    TimezoneStandard,
    vCalAddress,
    vRecur,
)

from .models import AgendaItem, Committee, Meeting

PRODID = "-//Integrationsplan//Integrationsausschuss//DE"
DEFAULT_LENGTH = datetime.timedelta(hours=2)
TZID = "Europe/Berlin"
BERLIN = ZoneInfo(TZID)
# Raised whenever the files change form, so that clients holding an ETag fetch them anew.
FORMAT_VERSION = "2"


def filename(meeting):
    return f"sitzung-{timezone.localtime(meeting.start, BERLIN):%Y-%m-%d}-{meeting.pk}.ics"


@dataclass(frozen=True)
class CalendarFile:
    content: bytes
    method: str

    @property
    def mail_content_type(self):
        """What a mail attachment declares, so that mail clients offer to accept it."""
        return f"text/calendar; method={self.method}"


def organizer_address():
    """The address that organises the meetings in calendars, or None when there is no usable
    one: a reply or a client's check must not go to a local mailbox (`…@localhost`)."""
    address = settings.CALENDAR_ORGANIZER.strip()
    local, at, domain = address.rpartition("@")
    domain = domain.lower()
    if not (local and at) or domain == "localhost" or domain.endswith(".localhost"):
        return None
    return address


class _Rule(vRecur):
    """RRULE parts in the order Outlook and Thunderbird write them."""

    canonical_order = ("FREQ", "BYMONTH", "BYDAY")


def _transition(component, name, start, offset_from, offset_to, month):
    part = component()
    part.add("tzname", name)
    part.add("dtstart", start)
    part.add("tzoffsetfrom", datetime.timedelta(hours=offset_from))
    part.add("tzoffsetto", datetime.timedelta(hours=offset_to))
    part.add("rrule", _Rule({"FREQ": "YEARLY", "BYMONTH": month, "BYDAY": "-1SU"}))
    return part


def berlin_timezone():
    """Europe/Berlin under the EU rule (since 1996): summer time from the last Sunday of March
    02:00 to the last Sunday of October 03:00."""
    zone = Timezone()
    zone.add("tzid", TZID)
    zone.add("x-lic-location", TZID)
    zone.add_component(
        _transition(TimezoneDaylight, "CEST", datetime.datetime(1970, 3, 29, 2), 1, 2, 3)
    )
    zone.add_component(
        _transition(TimezoneStandard, "CET", datetime.datetime(1970, 10, 25, 3), 2, 1, 10)
    )
    return zone


def _calendar(method):
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("method", method)
    calendar.add("x-wr-timezone", TZID)
    calendar.add_component(berlin_timezone())
    return calendar


def _address(email, name):
    address = vCalAddress(f"mailto:{email}")
    address.params["cn"] = name
    return address


def _attendee(member):
    attendee = _address(member.email, str(member))
    attendee.params["cutype"] = "INDIVIDUAL"
    attendee.params["role"] = "REQ-PARTICIPANT"
    attendee.params["partstat"] = "NEEDS-ACTION"
    # The application does not read iTIP replies; absences go to the office as before.
    attendee.params["rsvp"] = "FALSE"
    return attendee


def _event(meeting, items, public, stamp, organizer, attendees=()):
    """One VEVENT; `items` are the agenda items to list (only published ones when public)."""
    start = timezone.localtime(meeting.start, BERLIN)
    end = timezone.localtime(meeting.end, BERLIN) if meeting.end else start + DEFAULT_LENGTH
    event = Event()
    event.add("uid", meeting.calendar_uid)
    event.add("dtstamp", stamp)
    event.add("last-modified", meeting.modified or stamp)
    event.add("created", meeting.created or stamp)
    event.add("sequence", meeting.sequence)
    if organizer:
        event.add(
            "organizer", _address(organizer, f"{settings.OFFICE_NAME}, {settings.OFFICE_UNIT}")
        )
    for member in attendees:
        event.add("attendee", _attendee(member))
    event.add("dtstart", start)
    event.add("dtend", end)
    event.add("summary", str(meeting))
    if meeting.place:
        event.add("location", meeting.place)
    event.add("status", "CANCELLED" if meeting.is_cancelled else "CONFIRMED")
    event.add("transp", "OPAQUE")
    event.add("class", "PUBLIC" if public else "CONFIDENTIAL")
    lines = [_("Agenda:")] if items else []
    for item in items:
        suffix = "" if public or item.is_public else " " + _("(not public)")
        lines.append(f"{item.number} {item.title}{suffix}")
    if lines:
        event.add("description", "\n".join(lines))
    return event


def _items(meeting, public):
    items = list(meeting.agenda_items.all())
    if public:
        items = [item for item in items if item.is_published]
    return items


def _method(meeting, organizer, attendees):
    if organizer and meeting.is_cancelled:
        return "CANCEL"
    if organizer and attendees:
        return "REQUEST"
    return "PUBLISH"


def meeting_calendar(meeting, attendees=()):
    """One meeting for staff: an invitation to `attendees` (members with an e-mail address)
    when given; a cancellation of a cancelled meeting; else an entry to publish."""
    organizer = organizer_address()
    method = _method(meeting, organizer, attendees)
    calendar = _calendar(method)
    event = _event(
        meeting,
        _items(meeting, public=False),
        public=False,
        stamp=timezone.now(),
        organizer=organizer,
        attendees=attendees if method != "PUBLISH" else (),
    )
    calendar.add_component(event)
    return CalendarFile(calendar.to_ical(), method)


def feed(meetings, public):
    """A subscription feed; `meetings` must prefetch their agenda items."""
    calendar = _calendar("PUBLISH")
    calendar.add("x-wr-calname", _("Integration committee") if public else _("Committee meetings"))
    calendar.add("refresh-interval", datetime.timedelta(hours=1), parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", "PT1H")
    stamp, organizer = timezone.now(), organizer_address()
    for meeting in meetings:
        calendar.add_component(
            _event(meeting, _items(meeting, public), public, stamp=stamp, organizer=organizer)
        )
    return calendar.to_ical()


def feed_version(public):
    """(ETag, Last-Modified) of a feed, without building it: the newest change to meetings,
    agenda items and committees, deletions included, and what else shapes the file."""
    changes = [
        Meeting.objects.aggregate(last=Max("modified"))["last"],
        AgendaItem.objects.aggregate(last=Max("modified"))["last"],
        Committee.objects.aggregate(last=Max("modified"))["last"],
        Meeting.history.filter(history_type="-").aggregate(last=Max("history_date"))["last"],
        AgendaItem.history.filter(history_type="-").aggregate(last=Max("history_date"))["last"],
    ]
    last_modified = max((change for change in changes if change), default=None)
    parts = [
        FORMAT_VERSION,
        "public" if public else "staff",
        get_language() or "",
        organizer_address() or "",
        settings.OFFICE_NAME,
        settings.OFFICE_UNIT,
        last_modified.isoformat() if last_modified else "",
        str(Meeting.objects.count()),
        str(AgendaItem.objects.count()),
    ]
    digest = hashlib.sha256("\n".join(parts).encode()).hexdigest()[:32]
    # Weak: two files of one version differ in DTSTAMP, the time each was made.
    return f'W/"{digest}"', last_modified
