"""Calendar files (iCalendar, RFC 5545) of committee meetings, built with `icalendar`.

Times are written in Europe/Berlin with a VTIMEZONE, so that calendars show the local time
of the city hall; UIDs stay the same for a meeting and SEQUENCE grows with every change that
calendars must show, so an update replaces the event instead of adding a second one.
"""

import datetime

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, vCalAddress

PRODID = "-//Integrationsplan//Integrationsausschuss//DE"
DEFAULT_LENGTH = datetime.timedelta(hours=2)


def filename(meeting):
    return f"sitzung-{timezone.localtime(meeting.start):%Y-%m-%d}-{meeting.pk}.ics"


def _calendar(method):
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("method", method)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    return calendar


def _finish(calendar, meetings):
    if meetings:
        years = [timezone.localtime(meeting.start).year for meeting in meetings]
        calendar.add_missing_timezones(
            first_date=datetime.date(min(years) - 1, 1, 1),
            last_date=datetime.date(max(years) + 2, 1, 1),
        )
    return calendar.to_ical()


def _event(meeting, items, public):
    """One VEVENT; `items` are the agenda items to list (only published ones when public)."""
    tz = timezone.get_default_timezone()
    start = timezone.localtime(meeting.start, tz)
    end = timezone.localtime(meeting.end, tz) if meeting.end else start + DEFAULT_LENGTH
    event = Event()
    event.add("uid", meeting.calendar_uid)
    event.add("dtstamp", meeting.modified or timezone.now())
    event.add("last-modified", meeting.modified or timezone.now())
    event.add("created", meeting.created or timezone.now())
    event.add("sequence", meeting.sequence)
    organizer = vCalAddress(f"mailto:{settings.DEFAULT_FROM_EMAIL}")
    organizer.params["cn"] = f"{settings.OFFICE_NAME}, {settings.OFFICE_UNIT}"
    event.add("organizer", organizer)
    event.add("dtstart", start)
    event.add("dtend", end)
    event.add("summary", str(meeting))
    if meeting.place:
        event.add("location", meeting.place)
    event.add("status", "CANCELLED" if meeting.is_cancelled else "CONFIRMED")
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


def meeting_calendar(meeting, public=False):
    """One meeting as an invitation; a cancelled meeting as a cancellation."""
    method = "CANCEL" if meeting.is_cancelled else "REQUEST"
    calendar = _calendar(method)
    calendar.add_component(_event(meeting, _items(meeting, public), public))
    return _finish(calendar, [meeting])


def feed(meetings, public):
    """A subscription feed; `meetings` must prefetch their agenda items."""
    meetings = list(meetings)
    calendar = _calendar("PUBLISH")
    calendar.add("x-wr-calname", _("Integration committee") if public else _("Committee meetings"))
    for meeting in meetings:
        calendar.add_component(_event(meeting, _items(meeting, public), public))
    return _finish(calendar, meetings)
