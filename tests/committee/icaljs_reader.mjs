// Reads an iCalendar file from standard input with ical.js (Mozilla Thunderbird's parser) and
// prints what a calendar shows of it as JSON. Times come out as instants (seconds since 1970)
// and the UTC offset that ical.js derived from the file's own VTIMEZONE.
import { readFileSync } from "node:fs";
import ICAL from "../vendor/ical.min.mjs";

const root = new ICAL.Component(ICAL.parse(readFileSync(0, "utf8")));
const events = root.getAllSubcomponents("vevent").map((component) => {
  const event = new ICAL.Event(component);
  const start = event.startDate;
  return {
    uid: event.uid,
    start: start.toUnixTime(),
    offset: start.utcOffset(),
    tzid: start.zone ? start.zone.tzid : null,
    end: event.endDate.toUnixTime(),
    sequence: event.sequence,
    status: component.getFirstPropertyValue("status"),
    summary: event.summary,
    organizer: component.getFirstPropertyValue("organizer"),
    attendees: component.getAllProperties("attendee").map((property) => property.getFirstValue()),
  };
});
process.stdout.write(JSON.stringify({ method: root.getFirstPropertyValue("method"), events }));
