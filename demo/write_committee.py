"""Writes the Integrationsausschuss: terms, members, meetings with agenda, attendance, minutes."""

import datetime
import hashlib
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import translation

from committee import pdfs
from committee.models import (
    AgendaItem,
    ArchivedMinutes,
    Attendance,
    Committee,
    Document,
    FollowUp,
    LegislativeTerm,
    Meeting,
    Member,
    Membership,
)
from committee.models.items import document_path
from committee.oparl.tracking import derive_all
from core.archive import store_archived_file
from measures.models import StatusReport
from network.models import Actor

from .content import STAFF_AUTHOR
from .content_committee import (
    COMMITTEE,
    DOCUMENTS,
    DRAFT_MINUTES,
    FOLLOW_UPS,
    MEETINGS_2026,
    MEMBERS,
    MEMBERSHIPS,
    TERMS,
    WOMEN,
)
from .content_committee_meetings import MEETINGS_2023_2025
from .helpers import bulk, day, email_address, link

MEETINGS = MEETINGS_2023_2025 + MEETINGS_2026
MEETING_START = datetime.time(17, 0)
MEETING_LENGTH = datetime.timedelta(hours=2, minutes=15)
INVITATION_LEAD = datetime.timedelta(days=14)
MINUTES_LAG = datetime.timedelta(days=21)


def load_committee(measures):
    """Create the committee; `measures` maps code to measure for the agenda items."""
    committee = Committee.objects.create(**COMMITTEE)
    terms = {
        key: LegislativeTerm.objects.create(name=name, start=day(start), end=day(end))
        for key, (name, start, end) in TERMS.items()
    }
    _load_members(committee, terms)
    meetings = _load_meetings(committee, terms)
    items = _load_items(meetings, measures)
    _load_attendance(meetings)
    _load_follow_ups(items)
    _load_documents(items)
    _record_finalised(meetings.values())
    # Written in bulk, past the signals that derive OParl's places and factions.
    derive_all()


# Rendered minutes by (meeting number, start, edition): the test suite loads the demo many
# times in one process, and the content is the same each time.
_RENDERED = {}


def _record_finalised(meetings):
    """Finalised minutes keep their measures' titles and are archived, as finalising does."""
    finalised = [meeting for meeting in meetings if meeting.minutes_finalised_at]
    items = list(AgendaItem.objects.filter(meeting__in=finalised).prefetch_related("measures"))
    for item in items:
        item.take_measure_snapshot()
    AgendaItem.objects.bulk_update(items, ["measure_snapshot"])
    with translation.override(settings.LANGUAGE_CODE):
        for meeting in finalised:
            for edition in pdfs.minutes_editions(meeting):
                key = (meeting.number, meeting.start, edition)
                if key not in _RENDERED:
                    _RENDERED[key] = pdfs.minutes_pdf(meeting, edition, archival=True)
                entry = ArchivedMinutes(
                    meeting=meeting,
                    edition=edition,
                    revision=1,
                    title=pdfs.minutes_title(meeting, edition),
                )
                filename = pdfs.minutes_filename(meeting, edition, 1)
                store_archived_file(entry, _RENDERED[key], filename, None)
                entry.created_at = meeting.minutes_finalised_at
                entry.created_by_name = STAFF_AUTHOR
                entry.save(update_fields=["created_at", "created_by_name"])


def _load_members(committee, terms):
    members = bulk(
        Member,
        [
            Member(
                salutation="ms" if first_name in WOMEN else "mr",
                title=title,
                first_name=first_name,
                last_name=last_name,
                email=email_address(first_name, last_name, "example.org"),
                faction=faction,
            )
            for title, first_name, last_name, faction in MEMBERS
        ],
    )
    by_name = {member.last_name: member for member in members}
    bulk(
        Membership,
        [
            Membership(
                committee=committee,
                member=by_name[last_name],
                role=role,
                kind=kind,
                deputy_for=by_name.get(deputy_for),
                start=terms[term].start,
                end=terms[term].end,
            )
            for last_name, role, kind, term, deputy_for in MEMBERSHIPS
        ],
    )
    return by_name


def _term_of(terms, date):
    return next(
        term for term in terms.values() if term.start <= date and (not term.end or date <= term.end)
    )


def _load_meetings(committee, terms):
    tz = ZoneInfo(settings.TIME_ZONE)
    meetings = []
    for spec in MEETINGS:
        date = day(spec["date"])
        start = datetime.datetime.combine(date, MEETING_START, tzinfo=tz)
        held = spec["state"] == Meeting.State.HELD
        location, room, address = spec["place"]
        meetings.append(
            Meeting(
                committee=committee,
                term=_term_of(terms, date),
                number=spec["number"],
                start=start,
                end=start + MEETING_LENGTH if held else None,
                location=location,
                room=room,
                address=address,
                state=spec["state"],
                guests=spec.get("guests", ""),
                invitation_sent_at=start - INVITATION_LEAD if spec["state"] != "planned" else None,
                minutes_finalised_at=start + MINUTES_LAG
                if held and spec["date"] != DRAFT_MINUTES
                else None,
                # A cancelled meeting was announced first; calendars must see the change.
                sequence=1 if spec["state"] == Meeting.State.CANCELLED else 0,
            )
        )
    return dict(zip((spec["date"] for spec in MEETINGS), bulk(Meeting, meetings), strict=True))


def _load_items(meetings, measures):
    """Create the agenda items with their measures and, for reports, the status reports."""
    items, codes = [], []
    for spec in MEETINGS:
        for order, entry in enumerate(spec["items"], start=1):
            number, title, kind, is_public, item_codes, minutes, resolution, votes, result = entry
            items.append(
                AgendaItem(
                    meeting=meetings[spec["date"]],
                    number=number,
                    order=order,
                    title=title,
                    kind=kind,
                    is_public=is_public,
                    minutes=minutes,
                    resolution=resolution,
                    result=result,
                    **_votes(votes),
                )
            )
            codes.append(item_codes)
    items = bulk(AgendaItem, items)
    link(
        AgendaItem._meta.get_field("measures"),
        [
            (item.pk, measures[code].pk)
            for item, item_codes in zip(items, codes, strict=True)
            for code in item_codes
        ],
    )
    _link_reports(items, codes, measures)
    local = ZoneInfo(settings.TIME_ZONE)
    return {
        (item.meeting.start.astimezone(local).date().isoformat(), item.number): item
        for item in items
    }


def _link_reports(items, codes, measures):
    """Report items discuss the latest accepted status report of each linked measure."""
    reports = {}
    accepted = StatusReport.objects.filter(
        measure__in=[measures[code] for item_codes in codes for code in item_codes],
        review_state=StatusReport.ReviewState.ACCEPTED,
    ).order_by("reporting_date")
    for report in accepted:
        reports.setdefault(report.measure_id, []).append(report)
    pairs = []
    for item, item_codes in zip(items, codes, strict=True):
        if not item.title.startswith(("Monitoringbericht", "Sachstand", "Bericht")):
            continue
        for code in item_codes:
            earlier = [
                report
                for report in reports.get(measures[code].pk, [])
                if report.reporting_date <= item.meeting.start.date()
            ]
            if earlier:
                pairs.append((item.pk, earlier[-1].pk))
    link(AgendaItem._meta.get_field("status_reports"), pairs)


def _load_attendance(meetings):
    """Everyone attends but the excused and absent; a deputy attends for an excused member."""
    entries = []
    for spec in MEETINGS:
        if spec["state"] != Meeting.State.HELD:
            continue
        meeting = meetings[spec["date"]]
        on = day(spec["date"])
        current = Membership.objects.current(on=on).select_related("member", "deputy_for")
        for membership in current:
            name = membership.member.last_name
            if membership.role == Membership.Role.DEPUTY:
                if membership.deputy_for.last_name in spec.get("excused", []):
                    entries.append(
                        Attendance(
                            meeting=meeting,
                            member=membership.member,
                            state=Attendance.State.PRESENT,
                            remark=f"in Vertretung für {membership.deputy_for}",
                        )
                    )
                continue
            state = Attendance.State.PRESENT
            if name in spec.get("excused", []):
                state = Attendance.State.EXCUSED
            elif name in spec.get("absent", []):
                state = Attendance.State.ABSENT
            entries.append(Attendance(meeting=meeting, member=membership.member, state=state))
    bulk(Attendance, entries)


def _load_follow_ups(items):
    actors = {
        actor.name: actor
        for actor in Actor.objects.filter(name__in={spec[3] for spec in FOLLOW_UPS})
    }
    bulk(
        FollowUp,
        [
            FollowUp(
                agenda_item=items[(date, number)],
                text=text,
                owner_actor=actors[owner],
                due_date=day(due),
                done_on=day(done),
            )
            for date, number, text, owner, due, done in FOLLOW_UPS
        ],
    )


def _load_documents(items):
    documents = []
    for date, number, title, file_name in DOCUMENTS:
        content = minimal_pdf(title)
        document = Document(
            agenda_item=items[(date, number)],
            title=title,
            file_name=file_name,
            mime_type="application/pdf",
            size=len(content),
            sha1=hashlib.sha1(content, usedforsecurity=False).hexdigest(),
        )
        document.file.name = default_storage.save(
            document_path(document, file_name), ContentFile(content)
        )
        documents.append(document)
    bulk(Document, documents)


def minimal_pdf(title):
    """A one-page PDF with `title` as its text: a stand-in for a real council document."""
    text = title.encode("cp1252", "replace").replace(b"(", b"[").replace(b")", b"]")
    stream = b"BT /F1 16 Tf 72 760 Td (" + text + b") Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
    ]
    body, offsets = b"%PDF-1.4\n", []
    for number, obj in enumerate(objects, start=1):
        offsets.append(len(body))
        body += f"{number} 0 obj\n".encode() + obj + b"\nendobj\n"
    xref = len(body)
    body += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    body += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    body += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return body


def _votes(votes):
    if votes is None:
        return {}
    if votes[0] == "unanimous":
        return {"votes_yes": votes[1], "votes_no": 0, "votes_abstain": 0, "unanimous": True}
    yes, no, abstain = votes
    return {"votes_yes": yes, "votes_no": no, "votes_abstain": abstain}
