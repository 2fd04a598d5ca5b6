"""Our calendar files read back by three parsers that share no code with `icalendar`, which
writes them: vobject (zones from the file through dateutil's tzical), ical (pydantic models of
RFC 5545) and ical.js (Mozilla Thunderbird's parser, run by Node.js).

Each reader returns the same plain record, so that one test can hold every parser to it.
"""

import datetime
import json
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import vobject
from ical.calendar_stream import IcsCalendarStream
from ical.timezone import IcsTimezoneInfo

ICALJS_READER = Path(__file__).with_name("icaljs_reader.mjs")


@dataclass(frozen=True)
class Entry:
    uid: str
    start: datetime.datetime  # the instant, in UTC
    offset: datetime.timedelta  # the UTC offset of the start in the event's own zone
    end: datetime.datetime
    sequence: int
    status: str
    summary: str
    organizer: str | None  # an address without "mailto:"
    attendees: tuple[str, ...]


@dataclass(frozen=True)
class Read:
    method: str | None
    entries: list[Entry]

    def entry(self, uid):
        (found,) = [entry for entry in self.entries if entry.uid == uid]
        return found


def _address(value):
    if value is None:
        return None
    text = str(value)
    return text[len("mailto:") :] if text.lower().startswith("mailto:") else text


def _utc(moment):
    assert moment.tzinfo is not None, f"{moment} has no zone"
    return moment.astimezone(datetime.UTC)


def read_vobject(content):
    # vobject keeps the first zone it met under a TZID for the whole process: forget it, so
    # that the zone comes from this file's VTIMEZONE (through dateutil's tzical).
    zones = vars(vobject.icalendar)["__tzidMap"]
    for tzid in [tzid for tzid in zones if tzid != "UTC"]:
        del zones[tzid]
    calendar = vobject.readOne(content.decode())
    entries = []
    for event in calendar.contents.get("vevent", []):
        start = event.dtstart.value
        entries.append(
            Entry(
                uid=event.uid.value,
                start=_utc(start),
                offset=start.utcoffset(),
                end=_utc(event.dtend.value),
                sequence=int(event.sequence.value),
                status=event.status.value,
                summary=event.summary.value,
                organizer=_address(event.organizer.value)
                if "organizer" in event.contents
                else None,
                attendees=tuple(_address(a.value) for a in event.contents.get("attendee", [])),
            )
        )
    method = calendar.method.value if "method" in calendar.contents else None
    return Read(method, entries)


def read_ical(content):
    """ical resolves a TZID by its name in its own zone database; the times are localised
    with the file's VTIMEZONE instead (ical's IcsTimezoneInfo), which is what is tested."""
    calendar = IcsCalendarStream.calendar_from_ics(content.decode())
    zones = {zone.tz_id: IcsTimezoneInfo.from_timezone(zone) for zone in calendar.timezones}

    def in_file_zone(moment):
        return moment.replace(tzinfo=zones[moment.tzinfo.key])

    entries = [
        Entry(
            uid=event.uid,
            start=_utc(in_file_zone(event.dtstart)),
            offset=in_file_zone(event.dtstart).utcoffset(),
            end=_utc(in_file_zone(event.dtend)),
            sequence=event.sequence,
            status=str(event.status.value) if event.status else "",
            summary=event.summary,
            organizer=_address(event.organizer.uri) if event.organizer else None,
            attendees=tuple(_address(attendee.uri) for attendee in event.attendees),
        )
        for event in calendar.events
    ]
    return Read(calendar.method, entries)


def node():
    """Node.js of the machine, or the one Playwright (a test dependency) ships with."""
    found = shutil.which("node")
    if found:
        return found
    from playwright._impl._driver import compute_driver_executable

    return str(compute_driver_executable()[0])


def read_icaljs(content):
    result = subprocess.run(
        [node(), str(ICALJS_READER)],
        input=content,
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr.decode()
    data = json.loads(result.stdout)

    def instant(seconds):
        return datetime.datetime.fromtimestamp(seconds, datetime.UTC)

    entries = [
        Entry(
            uid=event["uid"],
            start=instant(event["start"]),
            offset=datetime.timedelta(seconds=event["offset"]),
            end=instant(event["end"]),
            sequence=event["sequence"],
            status=event["status"] or "",
            summary=event["summary"],
            organizer=_address(event["organizer"]),
            attendees=tuple(_address(attendee) for attendee in event["attendees"]),
        )
        for event in data["events"]
    ]
    return Read(data["method"], entries)


READERS = {"vobject": read_vobject, "ical": read_ical, "ical.js": read_icaljs}
