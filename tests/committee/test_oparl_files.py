"""OParl File objects: documents, the public minutes (Meeting.resultsProtocol) and the public
invitation (Meeting.invitation), with access and download URLs, size and checksums that match
the bytes served. PDFs are read back with pypdf."""

import hashlib
import io

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from committee.models import ArchivedInvitation, Document, Meeting
from committee.services import send_invitation

from .oparl_client import content_of, validate

pytestmark = pytest.mark.django_db

CONTENT = b"%PDF-1.4 Sachstandsbericht"


def add_document(item, content=CONTENT, title="Sachstandsbericht VHS"):
    document = Document(
        agenda_item=item,
        title=title,
        size=len(content),
        file_name="Sachstandsbericht März.pdf",
        mime_type="application/pdf",
        sha1=hashlib.sha1(content, usedforsecurity=False).hexdigest(),
    )
    document.file.save("bericht.pdf", ContentFile(content))
    return document


def pdf_text(content):
    reader = PdfReader(io.BytesIO(content))
    return "\n".join(page.extract_text() for page in reader.pages)


def check_file(client, data):
    """The File's size and checksum describe the bytes both URLs serve; only the download URL
    asks to save the file (OParl §2.7)."""
    validate(data)
    access = client.get(data["accessUrl"])
    download = client.get(data["downloadUrl"])
    content = content_of(access)
    assert content == content_of(download)
    assert len(content) == data["size"]
    assert hashlib.sha512(content).hexdigest() == data["sha512Checksum"]
    assert access["Content-Type"] == download["Content-Type"] == data["mimeType"]
    assert not access.get("Content-Disposition", "").startswith("attachment")
    assert download["Content-Disposition"].startswith("attachment;")
    assert "filename" in download["Content-Disposition"]
    return content


def test_a_document_is_a_file_with_sha512_and_both_urls(client, items):
    document = add_document(items[0])
    data = client.get(reverse("oparl:file", args=[document.pk])).json()
    assert check_file(client, data) == CONTENT
    assert data["sha1Checksum"] == hashlib.sha1(CONTENT, usedforsecurity=False).hexdigest()
    assert data["fileName"] == "Sachstandsbericht März.pdf"
    download = client.get(data["downloadUrl"])
    assert "filename*=utf-8''Sachstandsbericht%20M%C3%A4rz.pdf" in download["Content-Disposition"]


def test_an_unchanged_file_is_not_sent_again(client, items):
    data = client.get(reverse("oparl:file", args=[add_document(items[0]).pk])).json()
    first = client.get(data["downloadUrl"])
    again = client.get(data["downloadUrl"], headers={"If-None-Match": first["ETag"]})
    assert again.status_code == 304
    since = client.get(data["accessUrl"], headers={"If-Modified-Since": first["Last-Modified"]})
    assert since.status_code == 304


def test_the_public_minutes_are_the_meetings_results_protocol(client, finalised_meeting):
    meeting = client.get(reverse("oparl:meeting", args=[finalised_meeting.pk])).json()
    protocol = meeting["resultsProtocol"]
    text = pdf_text(check_file(client, protocol))
    assert protocol["mimeType"] == "application/pdf"
    assert protocol["meeting"] == [meeting["id"]]
    assert "Bericht Mama lernt Deutsch" in text
    assert "Geheime Zuschussanträge" not in text
    assert "öffentliche Ausgabe" in protocol["name"]
    # The File is in the body's file list, too.
    files = client.get(reverse("oparl:file_list", args=[1])).json()["data"]
    assert protocol["id"] in [entry["id"] for entry in files]


def test_a_correction_makes_the_new_revision_the_results_protocol(
    client, finalised_meeting, koordination, items
):
    from committee.records import correct_minutes

    before = client.get(reverse("oparl:meeting", args=[finalised_meeting.pk])).json()
    since = timezone.now()
    item = finalised_meeting.agenda_items.get(number="1")
    changes = {"minutes": "Die VHS berichtet über drei Kurse."}
    correct_minutes(item, changes, "Tippfehler", koordination)
    changed = client.get(
        reverse("oparl:meeting_list", args=[1]), {"modified_since": since.isoformat()}
    ).json()["data"]
    assert [meeting["id"] for meeting in changed] == [before["id"]]
    after = changed[0]
    assert after["resultsProtocol"]["id"] != before["resultsProtocol"]["id"]
    assert "drei Kurse" in pdf_text(check_file(client, after["resultsProtocol"]))


def test_the_internal_minutes_are_never_published(client, finalised_meeting):
    internal = finalised_meeting.archived_minutes.get(edition="internal")
    response = client.get(reverse("oparl:minutes_file", args=[internal.pk]))
    assert response.status_code == 404
    download = client.get(reverse("oparl:minutes_file_download", args=[internal.pk]))
    assert download.status_code == 404


def test_the_invitation_sent_is_published_without_the_non_public_agenda(
    client, meeting, items, members, koordination, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        send_invitation(meeting, koordination)
    data = client.get(reverse("oparl:meeting", args=[meeting.pk])).json()
    invitation = data["invitation"]
    text = pdf_text(check_file(client, invitation))
    assert "Einladung" in invitation["name"]
    assert "Bericht Mama lernt Deutsch" in text
    assert "Geheime Zuschussanträge" not in text
    assert invitation["fileName"] == "einladung-2026-12-09.pdf"


def test_a_non_public_meetings_invitation_is_not_archived_for_publication(
    meeting, items, members, koordination, django_capture_on_commit_callbacks
):
    Meeting.objects.filter(pk=meeting.pk).update(is_public=False)
    meeting.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        send_invitation(meeting, koordination)
    assert not ArchivedInvitation.objects.exists()


def test_a_meeting_invited_before_invitations_were_archived_has_none(client, meeting, items):
    data = client.get(reverse("oparl:meeting", args=[meeting.pk])).json()
    assert "invitation" not in data and "resultsProtocol" not in data
