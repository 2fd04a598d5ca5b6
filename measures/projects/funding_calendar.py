"""The calendar file of open funding deadlines (iCalendar, RFC 5545): one all-day event per
deadline. A deadline keeps its UID, so a calendar that subscribes replaces it when its date
changes instead of adding a second one."""

import datetime

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event

from measures.models import FundingDeadline

PRODID = "-//Integrationsplan//Foerderfristen//DE"


def deadline_uid(deadline: FundingDeadline) -> str:
    return f"funding-deadline-{deadline.pk}@integrationsplan"


def deadlines_calendar(deadlines: list[FundingDeadline]) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", f"Förderfristen – {settings.OFFICE_NAME}")
    stamp = timezone.now()
    for deadline in deadlines:
        application = deadline.application
        event = Event()
        event.add("uid", deadline_uid(deadline))
        event.add("dtstamp", stamp)
        event.add("dtstart", deadline.due_on)
        event.add("dtend", deadline.due_on + datetime.timedelta(days=1))
        event.add("summary", f"{deadline.get_kind_display()}: {application.project.title}")
        lines = [application.programme.name]
        if application.reference_number:
            lines.append(application.reference_number)
        if deadline.note:
            lines.append(deadline.note)
        event.add("description", "\n".join(lines))
        event.add("transp", "TRANSPARENT")
        calendar.add_component(event)
    return calendar.to_ical()
