"""The OParl 1.1 interface: valid against the official schemas, complete, public data only."""

import datetime
import json

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from committee.models import (
    ArchivedInvitation,
    ArchivedMinutes,
    Attendance,
    Committee,
    Document,
    Meeting,
    Member,
)
from core.archive import store_archived_file

from .conftest import add_member
from .oparl_client import BASE, walk
from .test_oparl_files import add_document

pytestmark = pytest.mark.django_db


@pytest.fixture
def published(held_meeting, items, members, term):
    public_doc = Document(agenda_item=items[0], title="Sachstandsbericht VHS", size=10)
    public_doc.file_name, public_doc.mime_type, public_doc.sha1 = (
        "bericht.pdf",
        "application/pdf",
        "a" * 40,
    )
    public_doc.file.save("bericht.pdf", ContentFile(b"%PDF-1.4 x"))
    secret_doc = Document(agenda_item=items[2], title="Antrag Verein X", size=10)
    secret_doc.file_name, secret_doc.mime_type, secret_doc.sha1 = (
        "antrag.pdf",
        "application/pdf",
        "b" * 40,
    )
    secret_doc.file.save("antrag.pdf", ContentFile(b"%PDF-1.4 y"))
    Attendance.objects.create(meeting=held_meeting, member=members[0], state="present")
    return {"public": public_doc, "secret": secret_doc}


def test_the_whole_interface_validates_against_the_oparl_schemas(client, published, meeting):
    _seen, types, files = walk(client)
    assert types == {
        "System",
        "Body",
        "Organization",
        "Person",
        "Membership",
        "Meeting",
        "AgendaItem",
        "Location",
        "LegislativeTerm",
        "File",
    }
    assert files == {
        f"{BASE}file/{published['public'].pk}/access/": b"%PDF-1.4 x",
        f"{BASE}file/{published['public'].pk}/download/": b"%PDF-1.4 x",
    }


def test_every_kind_of_object_validates_deleted_ones_too(client, published, meeting, committee):
    """Factions, minutes, invitations, places and tombstones of every list, all reached from
    the System object."""
    add_public_record(meeting, 20, committee)
    published["public"].delete()
    meeting.is_public = False
    meeting.save()
    seen, _types, files = walk(client)
    objects = [obj for page in seen.values() for obj in page.get("data", [page])]
    deleted = {obj["type"].rsplit("/", 1)[1] for obj in objects if obj.get("deleted")}
    assert deleted == {"Meeting", "AgendaItem", "File", "Organization", "Location"}
    organization_types = {obj.get("organizationType") for obj in objects}
    assert {"Gremium", "Fraktion"} <= organization_types
    assert {url.split("/")[-4] for url in files} == {"file", "minutes", "invitation"}


def test_system_names_the_version_and_the_body_list(client, published):
    system = client.get(BASE).json()
    assert system["type"] == "https://schema.oparl.org/1.1/System"
    assert system["oparlVersion"] == "https://schema.oparl.org/1.1/"
    bodies = client.get(system["body"]).json()
    assert [body["name"] for body in bodies["data"]] == ["Stadt Göppingen"]


def test_nothing_non_public_ever_appears(client, published, members, committee, term, items):
    secret_meeting = items[0].meeting.__class__.objects.create(
        committee=committee, term=term, number=6, start=items[0].meeting.start, is_public=False
    )
    secret_meeting.agenda_items.create(number="1", title="Personalangelegenheit Geheim")
    seen, _types, _files = walk(client)
    everything = json.dumps(seen, ensure_ascii=False)
    for secret in (
        "Geheime Zuschussanträge",
        "Vertrauliche Beratung",
        "Verein X",
        "Antrag Verein X",
        "Personalangelegenheit",
        *[member.email for member in members if member.email],
        f"meeting/{secret_meeting.pk}/",
        f"file/{published['secret'].pk}/",
    ):
        assert secret not in everything
    for url in (
        reverse("oparl:meeting", args=[secret_meeting.pk]),
        reverse("oparl:agenda_item", args=[items[2].pk]),
        reverse("oparl:file", args=[published["secret"].pk]),
        reverse("oparl:file_download", args=[published["secret"].pk]),
    ):
        assert client.get(url).status_code == 404, url


def test_meetings_embed_public_items_location_and_participants(
    client, published, members, settings
):
    settings.OPARL_PUBLISH_ATTENDANCE = True
    meeting = client.get(
        reverse("oparl:meeting", args=[published["public"].agenda_item.meeting_id])
    ).json()
    assert [item["number"] for item in meeting["agendaItem"]] == ["1", "1.1"]
    assert meeting["meetingState"] == "durchgeführt"
    assert meeting["start"] == "2026-11-25T17:00:00+01:00"
    assert meeting["location"]["room"] == "Großer Sitzungssaal"
    assert meeting["location"]["postalCode"] == "73033"
    assert meeting["participant"] == [f"{BASE}person/{members[0].pk}/"]
    assert meeting["agendaItem"][1]["result"] == "beschlossen"


def test_lists_are_paged_with_links_in_stable_order(client, committee):
    for index in range(60):
        add_member(
            committee,
            f"Person{index:02}",
            "Muster",
            start=datetime.date(2020, 1, 1) + datetime.timedelta(days=index),
        )
    url = reverse("oparl:person_list", args=[1])
    first = client.get(url).json()
    assert first["pagination"] == {
        "totalElements": 60,
        "elementsPerPage": 50,
        "currentPage": 1,
        "totalPages": 2,
    }
    assert "prev" not in first["links"]
    second = client.get(first["links"]["next"]).json()
    assert "next" not in second["links"]
    ids = [person["id"] for person in first["data"] + second["data"]]
    assert len(set(ids)) == 60
    assert ids == sorted(ids, key=lambda value: int(value.rstrip("/").rsplit("/", 1)[1]))


def test_lists_filter_by_created_and_modified(client, committee, members):
    url = reverse("oparl:person_list", args=[1])
    # Adding a membership marks the person as modified: the stored time counts.
    latest = max(Member.objects.values_list("modified", flat=True))
    everyone = client.get(url, {"modified_until": latest.isoformat()}).json()
    assert everyone["pagination"]["totalElements"] == len(members)
    later = (latest + datetime.timedelta(seconds=1)).isoformat()
    assert client.get(url, {"modified_since": later}).json()["data"] == []
    assert client.get(url, {"created_since": later}).json()["data"] == []
    page = client.get(url, {"created_until": later}).json()
    assert "created_until=" in page["links"]["first"]


def test_person_lists_memberships_but_no_email(client, members):
    person = client.get(reverse("oparl:person", args=[members[0].pk])).json()
    assert person["name"] == "Ulrike Bosch"
    assert person["membership"][0]["role"] == "Vorsitz"
    assert "email" not in person


def add_public_record(meeting, number, committee):
    """A member, a public meeting in a room of its own with an item, a document, public
    minutes and an invitation, and a deleted item and committee (tombstones) – one of each."""
    add_member(committee, f"Neu{number}", "Mitglied", faction=f"Fraktion {number}")
    other = Meeting.objects.create(
        committee=committee,
        term=meeting.term,
        number=number,
        start=meeting.start,
        location="Rathaus",
        room=f"Raum {number}",
    )
    item = other.agenda_items.create(number="1", title="Bericht")
    add_document(item)
    for archived in (
        ArchivedMinutes(meeting=other, edition="public", revision=1, title="Niederschrift"),
        ArchivedInvitation(meeting=other, title="Einladung"),
    ):
        store_archived_file(archived, b"%PDF-1.4 x", "archiv.pdf", None)
    other.agenda_items.create(number="2", title="Zurückgezogen").delete()
    Committee.objects.create(name=f"Beirat {number}").delete()


def test_list_query_counts_do_not_grow(client, published, committee, meeting, items):
    names = (
        "person_list",
        "membership_list",
        "meeting_list",
        "agenda_item_list",
        "file_list",
        "organization_list",
        "location_list",
        "legislative_term_list",
    )
    urls = [reverse(f"oparl:{name}", args=[1]) for name in names]
    urls += [
        reverse("oparl:organization_meeting_list", args=[committee.pk]),
        reverse("oparl:body", args=[1]),
        reverse("oparl:system"),
    ]

    def counts():
        result = {}
        for url in urls:
            with CaptureQueriesContext(connection) as queries:
                assert client.get(url).status_code == 200
            result[url] = len(queries)
        return result

    add_public_record(meeting, 20, committee)
    small = counts()
    for number in range(21, 26):
        add_public_record(meeting, number, committee)
    assert counts() == small
    # The file list reads documents, minutes, invitations and tombstones: a count and a page
    # of each.
    assert max(small.values()) <= 10
