"""The OParl 1.1 interface: valid against the official schemas, complete, public data only."""

import datetime
import json
from pathlib import Path
from urllib.parse import urlparse

import jsonschema
import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from committee.models import Attendance, Document

from .conftest import add_member

pytestmark = pytest.mark.django_db

SCHEMAS = Path(__file__).parent / "oparl_schema"
TYPE_PREFIX = "https://schema.oparl.org/1.1/"
BASE = "http://testserver/oparl/v1.1/"

FORMATS = jsonschema.FormatChecker()


@FORMATS.checks("url")
def is_url(value):
    parts = urlparse(value)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


@FORMATS.checks("date-time", raises=ValueError)
def is_date_time(value):
    return datetime.datetime.fromisoformat(value).tzinfo is not None


@FORMATS.checks("date", raises=ValueError)
def is_date(value):
    return bool(datetime.date.fromisoformat(value))


def schema(name):
    return json.loads((SCHEMAS / f"{name}.json").read_text())


def validate(obj):
    """Validate an object and every object embedded in it against their types' schemas."""
    name = obj["type"].removeprefix(TYPE_PREFIX)
    jsonschema.validate(obj, schema(name), format_checker=FORMATS)
    assert "created" in obj and "modified" in obj, obj["id"]
    for value in obj.values():
        embedded = value if isinstance(value, list) else [value]
        for entry in embedded:
            if isinstance(entry, dict) and "type" in entry:
                validate(entry)
    return name


def links_in(value):
    if isinstance(value, str) and value.startswith(BASE):
        yield value
    elif isinstance(value, list):
        for entry in value:
            yield from links_in(entry)
    elif isinstance(value, dict):
        for entry in value.values():
            yield from links_in(entry)


def walk(client):
    """Follow every link from the System object; return {url: JSON} and the types seen."""
    seen, pending, types, downloads = {}, [BASE], set(), {}
    while pending:
        url = pending.pop()
        if url in seen or url in downloads:
            continue
        response = client.get(url)
        assert response.status_code == 200, url
        if "/download/" in url:
            downloads[url] = b"".join(response.streaming_content)
            continue
        assert response["Content-Type"].startswith("application/json")
        data = response.json()
        seen[url] = data
        if "data" in data:
            assert set(data) == {"data", "pagination", "links"}, url
            for obj in data["data"]:
                types.add(validate(obj))
        else:
            types.add(validate(data))
            assert data["id"] == url
        pending.extend(links_in(data))
    return seen, types, downloads


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
    _seen, types, downloads = walk(client)
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
    assert downloads == {
        f"{BASE}file/{published['public'].pk}/download/": b"%PDF-1.4 x",
    }


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
    seen, _types, _downloads = walk(client)
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


def test_meetings_embed_public_items_location_and_participants(client, published, members):
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
    latest = max(member.modified for member in members)
    everyone = client.get(url, {"modified_until": latest.isoformat()}).json()
    assert everyone["pagination"]["totalElements"] == len(members)
    later = (latest + datetime.timedelta(seconds=1)).isoformat()
    assert client.get(url, {"modified_since": later}).json()["data"] == []
    assert client.get(url, {"created_since": later}).json()["data"] == []
    page = client.get(url, {"created_until": later}).json()
    assert "created_until=" in page["links"]["first"]


def test_a_bad_filter_date_is_a_client_error(client, db):
    response = client.get(reverse("oparl:person_list", args=[1]), {"created_since": "gestern"})
    assert response.status_code == 400
    assert "error" in response.json()


def test_person_lists_memberships_but_no_email(client, members):
    person = client.get(reverse("oparl:person", args=[members[0].pk])).json()
    assert person["name"] == "Ulrike Bosch"
    assert person["membership"][0]["role"] == "Vorsitz"
    assert "email" not in person


def test_list_query_counts_do_not_grow(client, published, committee, meeting, items):
    urls = [
        reverse(f"oparl:{name}", args=[1])
        for name in (
            "person_list",
            "membership_list",
            "meeting_list",
            "agenda_item_list",
            "file_list",
            "organization_list",
            "location_list",
        )
    ]

    def counts():
        result = {}
        for url in urls:
            with CaptureQueriesContext(connection) as queries:
                assert client.get(url).status_code == 200
            result[url] = len(queries)
        return result

    small = counts()
    for index in range(5):
        add_member(committee, f"Neu{index}", "Mitglied")
        other = meeting.__class__.objects.create(
            committee=committee,
            term=meeting.term,
            number=20 + index,
            start=meeting.start,
            location="Rathaus",
        )
        item = other.agenda_items.create(number="1", title="Bericht")
        doc = Document(
            agenda_item=item,
            title="Anlage",
            size=3,
            file_name="a.pdf",
            mime_type="application/pdf",
            sha1="c" * 40,
        )
        doc.file.save("a.pdf", ContentFile(b"%PD"))
    assert counts() == small
    assert max(small.values()) <= 10
