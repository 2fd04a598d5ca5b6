"""Public and non-public committee meetings and issued reports for the public pages' tests
(committee, reports, the permission table and the page walk)."""

import datetime

from django.core.files.base import ContentFile
from django.utils import timezone

from committee.models import (
    AgendaItem,
    ArchivedInvitation,
    ArchivedMinutes,
    Committee,
    Document,
    Meeting,
    Member,
    Membership,
)
from core.archive import Edition, store_archived_file
from measures.models import ArchivedReport

PDF = b"%PDF-1.7\n% public test file\n"
# Texts that only non-public records carry: no public page may show them.
SECRET_PLACE = "Sitzungszimmer Vertraulich"
SECRET_ITEM = "Personalangelegenheit Vertraulich"
SECRET_DOCUMENT = "Vorlage Vertraulich"
SECRET_REPORT = "Monitoringbericht Interne Fassung"
MEMBER_NAME = "Ulrike Bosch-Geheim"
MEMBER_EMAIL = "ulrike.bosch@privat.example"


def the_committee() -> Committee:
    committee, _ = Committee.objects.get_or_create(
        name="Integrationsausschuss", defaults={"short_name": "IA"}
    )
    return committee


def make_meeting(number, days_from_now, is_public=True, **fields) -> Meeting:
    start = timezone.now() + datetime.timedelta(days=days_from_now)
    return Meeting.objects.create(
        committee=fields.pop("committee", None) or the_committee(),
        number=number,
        start=start,
        is_public=is_public,
        **{"location": "Rathaus", "room": "Großer Sitzungssaal", **fields},
    )


def add_item(meeting, number, title, is_public=True, **fields) -> AgendaItem:
    return AgendaItem.objects.create(
        meeting=meeting,
        number=number,
        order=int(number.split(".")[0]),
        title=title,
        is_public=is_public,
        **fields,
    )


def add_document(item, title, content=PDF) -> Document:
    document = Document(
        agenda_item=item,
        title=title,
        file_name=f"{title}.pdf",
        mime_type="application/pdf",
        size=len(content),
        sha1="0" * 40,
    )
    document.file.save("vorlage.pdf", ContentFile(content), save=True)
    return document


def issue_invitation(meeting, content=PDF) -> ArchivedInvitation:
    entry = ArchivedInvitation(meeting=meeting, title=f"Einladung {meeting}")
    return store_archived_file(entry, content, "einladung.pdf", None)


def issue_minutes(meeting, edition=Edition.PUBLIC, revision=1, content=PDF) -> ArchivedMinutes:
    meeting.state = Meeting.State.HELD
    meeting.minutes_finalised_at = timezone.now()
    meeting.save()
    entry = ArchivedMinutes(
        meeting=meeting, edition=edition, revision=revision, title=f"Niederschrift {meeting}"
    )
    return store_archived_file(entry, content, "niederschrift.pdf", None)


def issue_report(title="Monitoringbericht Herbst 2026", edition=Edition.PUBLIC, content=PDF):
    entry = ArchivedReport(edition=edition, title=title)
    return store_archived_file(entry, content, "monitoringbericht.pdf", None)


def committee_world() -> dict:
    """A past public meeting with a public and a non-public item (each with a document), its
    invitation and both editions of its minutes; an upcoming public meeting; a non-public
    meeting; a member with an e-mail address; a public and an internal report."""
    past = make_meeting(4, -20)
    public_item = add_item(
        past, "1", "Bericht zum Integrationsplan", resolution="Der Ausschuss nimmt Kenntnis."
    )
    public_document = add_document(public_item, "Sachstandsbericht")
    closed_item = add_item(past, "2", SECRET_ITEM, is_public=False)
    add_document(closed_item, SECRET_DOCUMENT)
    invitation = issue_invitation(past)
    issue_minutes(past, edition=Edition.INTERNAL)
    minutes = issue_minutes(past)
    upcoming = make_meeting(5, 10)
    add_item(upcoming, "1", "Sprachkurse für Eltern")
    closed = make_meeting(6, 12, is_public=False, location=SECRET_PLACE)
    add_item(closed, "1", "Haushalt")
    first, last = MEMBER_NAME.split(" ")
    member = Member.objects.create(first_name=first, last_name=last, email=MEMBER_EMAIL)
    Membership.objects.create(
        committee=the_committee(), member=member, role="chair", start=datetime.date(2024, 7, 1)
    )
    return {
        "past": past,
        "upcoming": upcoming,
        "closed": closed,
        "public_item": public_item,
        "closed_item": closed_item,
        "public_document": public_document,
        "invitation": invitation,
        "minutes": minutes,
        "public_report": issue_report(),
        "internal_report": issue_report(SECRET_REPORT, edition=Edition.INTERNAL),
    }
