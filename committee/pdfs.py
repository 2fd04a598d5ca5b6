"""Invitation and minutes PDFs: a data snapshot with a fixed number of queries, then a template.

Both go through the project's one rendering helper (core.pdf.render_pdf).
"""

from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext as _

from core.pdf import render_pdf
from measures.models import Measure

from .models import Attendance, Document, Membership, MinutesCorrection

INTERNAL = "internal"
PUBLIC = "public"
EDITIONS = (INTERNAL, PUBLIC)


class NoPublicEdition(Exception):
    """A meeting that was not public has no public edition of its minutes."""


def _items(meeting):
    # Through the meeting, so that each item knows it (`is_published`) without a query.
    return list(
        meeting.agenda_items.order_by("order", "pk").prefetch_related(
            Prefetch("measures", queryset=Measure.objects.only("pk", "code", "title")),
            Prefetch("documents", queryset=Document.objects.only("pk", "agenda_item", "title")),
        )
    )


def _chair(meeting):
    day = timezone.localtime(meeting.start).date()
    chair = (
        Membership.objects.current(on=day)
        .filter(committee=meeting.committee_id, role=Membership.Role.CHAIR)
        .select_related("member")
        .first()
    )
    return chair.member if chair else None


def _slug(meeting):
    return f"{timezone.localtime(meeting.start):%Y-%m-%d}"


def invitation_filename(meeting):
    return f"einladung-{_slug(meeting)}.pdf"


def minutes_filename(meeting, edition, revision=None):
    suffix = "-oeffentlich" if edition == PUBLIC else ""
    if revision:
        suffix += f"-fassung-{revision}"
    return f"niederschrift-{_slug(meeting)}{suffix}.pdf"


def invitation_context(meeting, recipients):
    items = _items(meeting)
    return {
        "title": _("Invitation to the %(meeting)s") % {"meeting": meeting},
        "meeting": meeting,
        "committee": meeting.committee,
        "recipients": recipients,
        "public_items": [item for item in items if item.is_published],
        "closed_items": [item for item in items if not item.is_published],
        "chair": _chair(meeting),
        "issued_on": timezone.localdate(),
    }


def invitation_pdf(meeting, recipients):
    """The invitation with agenda; `recipients` are the members it goes to."""
    return render_pdf("committee/pdf/invitation.html", invitation_context(meeting, recipients))


def minutes_title(meeting, edition):
    title = _("Minutes of the %(meeting)s") % {"meeting": meeting}
    if edition == PUBLIC:
        title += " " + _("(public edition)")
    return title


def minutes_editions(meeting):
    """The editions a meeting's minutes have: the public one only for a public meeting."""
    return EDITIONS if meeting.is_public else (INTERNAL,)


def minutes_context(meeting, edition):
    if edition not in minutes_editions(meeting):
        raise NoPublicEdition
    items = _items(meeting)
    if edition == PUBLIC:
        items = [item for item in items if item.is_published]
    attendances = list(
        Attendance.objects.filter(meeting=meeting)
        .select_related("member")
        .order_by("member__last_name", "member__first_name")
    )
    by_state = {state: [] for state in Attendance.State.values}
    for entry in attendances:
        by_state[entry.state].append(entry)
    corrections = list(
        MinutesCorrection.objects.filter(meeting=meeting).select_related("agenda_item__meeting")
    )
    if edition == PUBLIC:
        corrections = [correction for correction in corrections if correction.is_published]
    return {
        "title": minutes_title(meeting, edition),
        "edition": edition,
        "meeting": meeting,
        "committee": meeting.committee,
        "present": by_state[Attendance.State.PRESENT],
        "excused": by_state[Attendance.State.EXCUSED],
        "absent": by_state[Attendance.State.ABSENT],
        "guests": [line.strip() for line in meeting.guests.splitlines() if line.strip()],
        "public_items": [item for item in items if item.is_published],
        "closed_items": [item for item in items if not item.is_published],
        "chair": _chair(meeting),
        "corrections": corrections,
    }


def minutes_pdf(meeting, edition, archival=False):
    """The minutes; the public edition leaves out every non-public item and any remarks.
    `archival` makes the PDF/A copy the archive keeps."""
    context = minutes_context(meeting, edition)
    return render_pdf("committee/pdf/minutes.html", context, archival=archival)
