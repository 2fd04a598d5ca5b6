"""Our records as OParl 1.1 objects (plain dicts for JSON).

Serializers read only prefetched relations, so that a list page costs a fixed number of
queries; the views (committee.oparl.views) prefetch what is read here.
"""

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from ..models import Attendance, Tombstone

SCHEMA = "https://schema.oparl.org/1.1/"
BODY_ID = 1


def oparl_type(name):
    return SCHEMA + name


def iso(moment):
    return timezone.localtime(moment).isoformat(timespec="seconds")


def stamps(obj):
    return {"created": iso(obj.created), "modified": iso(obj.modified)}


class Links:
    """Absolute URLs of the interface's objects and lists."""

    def __init__(self, request):
        self.request = request

    def __call__(self, name, *args):
        return self.request.build_absolute_uri(reverse(f"oparl:{name}", args=args))

    def body(self):
        return self("body", BODY_ID)

    def body_list(self, name):
        return self(name, BODY_ID)

    def site(self):
        return self.request.build_absolute_uri("/")


def compact(data):
    """Leave out empty values: OParl says to omit what is unknown rather than send null."""
    return {key: value for key, value in data.items() if value not in (None, "", [])}


def tombstone(entry: Tombstone, links):
    """A deleted or depublished object (OParl 1.1 §2.8): id, type and created stay."""
    return {
        "id": links(entry.url_name, entry.object_pk),
        "type": oparl_type(entry.object_type),
        "created": iso(entry.created),
        "modified": iso(entry.deleted),
        "deleted": True,
    }


def system(links, created, modified):
    return compact(
        {
            "id": links("system"),
            "type": oparl_type("System"),
            "oparlVersion": SCHEMA,
            "license": settings.OPARL_LICENSE,
            "body": links("body_list"),
            "name": f"Integrationsplan – {settings.OFFICE_NAME}",
            "contactName": settings.OFFICE_UNIT,
            "website": links.site(),
            "vendor": settings.OPARL_VENDOR,
            "product": settings.OPARL_PRODUCT or links.site(),
            "created": iso(created),
            "modified": iso(modified),
        }
    )


def body(links, terms, contact_email, created, modified):
    return compact(
        {
            "id": links.body(),
            "type": oparl_type("Body"),
            "system": links("system"),
            "name": settings.OFFICE_NAME,
            "shortName": settings.OFFICE_NAME.removeprefix("Stadt ").strip(),
            "website": settings.OPARL_BODY_WEBSITE,
            "license": settings.OPARL_LICENSE,
            "ags": settings.OPARL_BODY_AGS,
            "rgs": settings.OPARL_BODY_RGS,
            "contactName": settings.OFFICE_UNIT,
            "contactEmail": contact_email,
            "organization": links.body_list("organization_list"),
            "person": links.body_list("person_list"),
            "meeting": links.body_list("meeting_list"),
            "paper": links.body_list("paper_list"),
            "agendaItem": links.body_list("agenda_item_list"),
            "file": links.body_list("file_list"),
            "locationList": links.body_list("location_list"),
            "legislativeTermList": links.body_list("legislative_term_list"),
            "membership": links.body_list("membership_list"),
            "legislativeTerm": [legislative_term(term, links) for term in terms],
            "classification": "Stadt",
            "created": iso(created),
            "modified": iso(modified),
        }
    )


def legislative_term(term, links):
    return compact(
        {
            "id": links("legislative_term", term.pk),
            "type": oparl_type("LegislativeTerm"),
            "body": links.body(),
            "name": term.name,
            "startDate": term.start.isoformat(),
            "endDate": term.end.isoformat() if term.end else None,
            **stamps(term),
        }
    )


def organization(committee, links):
    """Needs `memberships` prefetched."""
    return compact(
        {
            "id": links("organization", committee.pk),
            "type": oparl_type("Organization"),
            "body": links.body(),
            "name": committee.name,
            "shortName": committee.short_name,
            "organizationType": "Gremium",
            "classification": committee.get_kind_display(),
            "membership": [links("membership", m.pk) for m in committee.memberships.all()],
            "meeting": links("organization_meeting_list", committee.pk),
            **stamps(committee),
        }
    )


def faction(entry, links):
    """A council faction; needs `memberships` prefetched."""
    return compact(
        {
            "id": links("faction", entry.pk),
            "type": oparl_type("Organization"),
            "body": links.body(),
            "name": entry.name,
            "organizationType": "Fraktion",
            "membership": [links("faction_membership", m.pk) for m in entry.memberships.all()],
            **stamps(entry),
        }
    )


def membership(entry, links, embedded=False):
    role = entry.get_role_display()
    if entry.deputy_for_id:
        role = f"{role} ({entry.deputy_for})"
    data = {
        "id": links("membership", entry.pk),
        "type": oparl_type("Membership"),
        "organization": links("organization", entry.committee_id),
        "role": role,
        "votingRight": entry.has_vote,
        "startDate": entry.start.isoformat(),
        "endDate": entry.end.isoformat() if entry.end else None,
        "keyword": [entry.get_kind_display()],
        **stamps(entry),
    }
    if not embedded:
        data["person"] = links("person", entry.member_id)
    return compact(data)


def faction_membership(entry, links, embedded=False):
    data = {
        "id": links("faction_membership", entry.pk),
        "type": oparl_type("Membership"),
        "organization": links("faction", entry.faction_id),
        **stamps(entry),
    }
    if not embedded:
        data["person"] = links("person", entry.member_id)
    return data


def person(member, links):
    """Names and memberships only: e-mail addresses are never published. Needs `memberships`
    and `faction_memberships` prefetched."""
    return compact(
        {
            "id": links("person", member.pk),
            "type": oparl_type("Person"),
            "body": links.body(),
            "name": str(member),
            "familyName": member.last_name,
            "givenName": member.first_name,
            "title": [member.title] if member.title else [],
            "status": [member.faction] if member.faction else [],
            "membership": [
                membership(entry, links, embedded=True) for entry in member.memberships.all()
            ]
            + [
                faction_membership(entry, links, embedded=True)
                for entry in member.faction_memberships.all()
            ],
            **stamps(member),
        }
    )


def location(venue, links, embedded=False):
    """One place; on its own it lists its public meetings (needs `public_meetings`). A meeting
    embeds it without that list, as modified when the place itself last changed, so that a
    meeting's copy changes only with the place."""
    street, _, city = venue.address.partition(",")
    postal_code, _, locality = city.strip().partition(" ")
    data = {
        "id": links("location", venue.pk),
        "type": oparl_type("Location"),
        "description": venue.description,
        "room": venue.room,
        "streetAddress": street.strip(),
        "postalCode": postal_code if postal_code.isdigit() else "",
        "locality": locality.strip() if postal_code.isdigit() else city.strip(),
        "created": iso(venue.created),
        "modified": iso(venue.details_modified if embedded else venue.modified),
    }
    if not embedded:
        data["meetings"] = [links("meeting", entry.pk) for entry in venue.public_meetings]
    return compact(data)


def _file(url_name, entry, links, **data):
    return compact(
        {
            "id": links(url_name, entry.pk),
            "type": oparl_type("File"),
            **data,
            "accessUrl": links(f"{url_name}_access", entry.pk),
            "downloadUrl": links(f"{url_name}_download", entry.pk),
        }
    )


def file(document, links):
    item = document.agenda_item
    return _file(
        "file",
        document,
        links,
        name=document.title,
        fileName=document.file_name,
        mimeType=document.mime_type,
        date=timezone.localtime(document.created).date().isoformat(),
        size=document.size,
        sha1Checksum=document.sha1,
        sha512Checksum=document.sha512,
        agendaItem=[links("agenda_item", item.pk)],
        meeting=[links("meeting", item.meeting_id)],
        license=settings.OPARL_LICENSE,
        **stamps(document),
    )


def archived_file(url_name, entry, links):
    """An issued PDF of a meeting: the public minutes or the public invitation."""
    return _file(
        url_name,
        entry,
        links,
        name=entry.title,
        fileName=entry.file.name.rsplit("/", 1)[-1],
        mimeType="application/pdf",
        date=timezone.localtime(entry.created_at).date().isoformat(),
        size=entry.size,
        sha512Checksum=entry.sha512,
        meeting=[links("meeting", entry.meeting_id)],
        license=settings.OPARL_LICENSE,
        created=iso(entry.created_at),
        modified=iso(entry.modified),
    )


def minutes_file(entry, links):
    return archived_file("minutes_file", entry, links)


def invitation_file(entry, links):
    return archived_file("invitation_file", entry, links)


def agenda_item(item, links):
    """Needs `documents` prefetched; only ever called for published items."""
    return compact(
        {
            "id": links("agenda_item", item.pk),
            "type": oparl_type("AgendaItem"),
            "meeting": links("meeting", item.meeting_id),
            "number": item.number,
            "order": item.order,
            "name": item.title,
            "public": True,
            "result": item.get_result_display(),
            "resolutionText": item.resolution,
            "auxiliaryFile": [file(document, links) for document in item.documents.all()],
            "keyword": [item.get_kind_display()],
            **stamps(item),
        }
    )


def meeting(entry, links):
    """Needs the public `agenda_items` (with documents), `attendances`, `venue`,
    `public_minutes` (latest first) and `invitations` (latest first) prefetched."""
    participants = [
        links("person", attendance.member_id)
        for attendance in entry.attendances.all()
        if attendance.state == Attendance.State.PRESENT
    ]
    minutes = entry.public_minutes[0] if entry.public_minutes else None
    invitation = entry.invitations[0] if entry.invitations else None
    return compact(
        {
            "id": links("meeting", entry.pk),
            "type": oparl_type("Meeting"),
            "name": str(entry),
            "meetingState": entry.get_state_display(),
            "cancelled": entry.is_cancelled,
            "start": iso(entry.start),
            "end": iso(entry.end) if entry.end else None,
            "location": location(entry.venue, links, embedded=True) if entry.venue else None,
            "organization": [links("organization", entry.committee_id)],
            "participant": participants if settings.OPARL_PUBLISH_ATTENDANCE else [],
            "invitation": invitation_file(invitation, links) if invitation else None,
            "resultsProtocol": minutes_file(minutes, links) if minutes else None,
            "agendaItem": [agenda_item(item, links) for item in entry.agenda_items.all()],
            "license": settings.OPARL_LICENSE,
            **stamps(entry),
        }
    )
