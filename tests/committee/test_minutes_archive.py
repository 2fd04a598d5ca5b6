"""Finalising archives the minutes in both editions, with their checksum; the archive hands a
copy out only while it still matches that checksum."""

import hashlib
import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from committee import records
from committee.models import ArchivedMinutes, Meeting
from committee.records import finalise_minutes

pytestmark = pytest.mark.django_db


def text_of(content):
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def stored(archived):
    return Path(archived.file.path).read_bytes()


def test_finalising_archives_both_editions_with_their_checksum(finalised_meeting, koordination):
    archived = {entry.edition: entry for entry in finalised_meeting.archived_minutes.all()}
    assert set(archived) == {"internal", "public"}
    for entry in archived.values():
        assert entry.revision == 1
        assert entry.sha256 == hashlib.sha256(stored(entry)).hexdigest()
        assert entry.size == len(stored(entry))
        assert entry.created_by == koordination
        assert "Abgeschlossen am" in text_of(stored(entry))
    assert "Zuschuss für Verein X bewilligt." in text_of(stored(archived["internal"]))
    assert "Verein X" not in text_of(stored(archived["public"]))
    assert archived["public"].title == (
        "Niederschrift über die 5. Sitzung des IA (öffentliche Ausgabe)"
    )


def test_a_meeting_that_was_not_public_archives_only_the_internal_edition(
    attended, koordination, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.MEDIA_ROOT = tmp_path
    attended.is_public = False
    attended.save()
    with django_capture_on_commit_callbacks(execute=True):
        finalise_minutes(attended, koordination)
    assert list(attended.archived_minutes.values_list("edition", flat=True)) == ["internal"]


def test_minutes_cannot_be_finalised_twice(finalised_meeting, koordination):
    with pytest.raises(records.CommitteeError, match="bereits abgeschlossen"):
        finalise_minutes(finalised_meeting, koordination)
    assert finalised_meeting.archived_minutes.count() == 2


def test_a_failed_archive_keeps_the_minutes_final_and_leaves_no_file_behind(
    attended, koordination, settings, tmp_path, monkeypatch, django_capture_on_commit_callbacks
):
    settings.MEDIA_ROOT = tmp_path
    calls = []

    def render_once(meeting, edition, **options):
        calls.append(edition)
        if len(calls) == 2:
            raise RuntimeError("WeasyPrint failed")
        return b"%PDF-1.4\n%%EOF\n"

    monkeypatch.setattr(records.pdfs, "minutes_pdf", render_once)
    with django_capture_on_commit_callbacks(execute=True):
        job = finalise_minutes(attended, koordination)
    # Finalising committed first; the archive gets every edition or none, and the job says so.
    assert Meeting.objects.get(pk=attended.pk).minutes_finalised_at is not None
    assert not ArchivedMinutes.objects.exists()
    assert [path for path in tmp_path.rglob("*") if path.is_file()] == []
    job.refresh_from_db()
    assert job.state == job.State.FAILED and job.error


def test_the_meeting_page_links_the_archived_editions(client, lesezugriff, finalised_meeting):
    client.force_login(lesezugriff)
    page = client.get(finalised_meeting.get_absolute_url()).content.decode()
    assert "Archivierte Niederschriften" in page
    for entry in finalised_meeting.archived_minutes.all():
        assert entry.get_absolute_url() in page
    assert "Fassung 1, öffentliche Ausgabe (PDF)" in page


def test_an_archived_edition_is_handed_out_while_its_checksum_matches(
    client, lesezugriff, finalised_meeting
):
    entry = finalised_meeting.archived_minutes.get(edition="internal")
    client.force_login(lesezugriff)
    response = client.get(entry.get_absolute_url())
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert "niederschrift-2026-11-25-fassung-1" in response["Content-Disposition"]
    assert response.content == stored(entry)


def test_a_changed_archived_file_is_refused_with_a_message(client, lesezugriff, finalised_meeting):
    entry = finalised_meeting.archived_minutes.get(edition="internal")
    # One byte more at the end: a PDF reader would not notice, the checksum does.
    Path(entry.file.path).write_bytes(stored(entry) + b"\n")
    client.force_login(lesezugriff)
    response = client.get(entry.get_absolute_url())
    assert response.status_code == 302
    assert response["Location"] == finalised_meeting.get_absolute_url()
    page = client.get(response["Location"]).content.decode()
    assert "wurde verändert oder fehlt" in page
    assert "Prüfsumme" in page


def test_a_missing_archived_file_is_refused_too(client, lesezugriff, finalised_meeting):
    entry = finalised_meeting.archived_minutes.get(edition="public")
    Path(entry.file.path).unlink()
    client.force_login(lesezugriff)
    assert client.get(entry.get_absolute_url()).status_code == 302
