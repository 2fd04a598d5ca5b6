import io
import zipfile
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from committee.models import Document

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n"


def docx():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def upload(client, item, name, content, title="Vorlage"):
    return client.post(
        reverse("committee:document_upload", args=[item.pk]),
        {"document-title": title, "document-file": SimpleUploadedFile(name, content)},
    )


def stored_files():
    root = Path(settings.MEDIA_ROOT)
    return sorted(path for path in root.rglob("*") if path.is_file())


@pytest.mark.parametrize(
    ("name", "content", "mime_type"),
    [
        ("vorlage.pdf", PDF, "application/pdf"),
        (
            "Bericht.DOCX",
            docx(),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        ("foto.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 20, "image/png"),
    ],
)
def test_allowed_documents_are_stored_with_their_type(
    client, sachbearbeitung, items, name, content, mime_type
):
    client.force_login(sachbearbeitung)
    response = upload(client, items[0], name, content)
    assert response.status_code == 302
    document = Document.objects.get()
    assert (document.file_name, document.mime_type, document.size) == (
        name,
        mime_type,
        len(content),
    )
    assert document.uploaded_by == sachbearbeitung
    # Stored under a random name, never the uploaded one.
    assert name not in document.file.name


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("skript.exe", b"MZ\x90\x00", "Dateien dieses Typs können nicht hochgeladen werden"),
        ("seite.html", b"<html><script>alert(1)</script>", "Dateien dieses Typs"),
        (
            "falsch.pdf",
            b"<html>kein PDF</html>",
            "Der Inhalt der Datei passt nicht zu ihrem Typ .pdf",
        ),
        ("falsch.docx", PDF, "passt nicht zu ihrem Typ .docx"),
        ("leer.pdf", b"", "Die übertragene Datei ist leer"),
    ],
)
def test_wrong_types_are_refused_and_nothing_is_stored(
    client, sachbearbeitung, items, name, content, message
):
    client.force_login(sachbearbeitung)
    before = stored_files()
    response = upload(client, items[0], name, content)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Document.objects.exists()
    assert stored_files() == before


def test_a_too_large_file_is_refused(client, sachbearbeitung, items, settings):
    settings.COMMITTEE_DOCUMENT_MAX_BYTES = 1024
    client.force_login(sachbearbeitung)
    response = upload(client, items[0], "gross.pdf", PDF + b"0" * 2000)
    assert "Die Datei ist zu groß" in response.content.decode()
    assert not Document.objects.exists()


def test_documents_are_served_only_to_logged_in_readers(
    client, lesezugriff, no_role, sachbearbeitung, items
):
    client.force_login(sachbearbeitung)
    upload(client, items[2], "geheim.pdf", PDF)
    url = reverse("committee:document_download", args=[Document.objects.get().pk])
    client.logout()
    assert client.get(url).status_code == 302
    client.force_login(no_role)
    assert client.get(url).status_code == 403
    client.force_login(lesezugriff)
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Disposition"].startswith("attachment")


def test_documents_are_not_reachable_as_media(client, sachbearbeitung, items):
    client.force_login(sachbearbeitung)
    upload(client, items[0], "vorlage.pdf", PDF)
    document = Document.objects.get()
    client.logout()
    for prefix in ("/media/", "/static/", "/"):
        assert client.get(prefix + document.file.name).status_code in (302, 404)


def test_lesezugriff_cannot_upload(client, lesezugriff, items):
    client.force_login(lesezugriff)
    assert upload(client, items[0], "vorlage.pdf", PDF).status_code == 403
    assert not Document.objects.exists()


def test_deleting_a_document_removes_the_file_after_confirmation(
    client, sachbearbeitung, items, django_capture_on_commit_callbacks
):
    client.force_login(sachbearbeitung)
    upload(client, items[0], "vorlage.pdf", PDF)
    document = Document.objects.get()
    url = reverse("committee:document_delete", args=[document.pk])
    assert "löschen?" in client.get(url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url).status_code == 302
    assert not Document.objects.exists()
    assert not Path(document.file.path).exists()
    assert document.history.filter(history_type="-").exists()


def test_public_documents_are_listed_in_the_agenda_and_invitation(
    client, sachbearbeitung, items, meeting
):
    client.force_login(sachbearbeitung)
    upload(client, items[0], "vorlage.pdf", PDF, title="Sachstandsbericht VHS")
    page = client.get(reverse("committee:meeting_detail", args=[meeting.pk])).content.decode()
    assert "Sachstandsbericht VHS" in page


def zip_bomb(path, parts, unpacked_mb=200):
    """An Office-like zip with a member of `unpacked_mb` MB of zeros; it packs to a few 100 KB."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            archive.writestr(name, text)
        with archive.open("media/zeros.bin", "w") as member:
            for _megabyte in range(unpacked_mb):
                member.write(bytes(1024 * 1024))
    return path.read_bytes()


@pytest.mark.parametrize(
    ("name", "parts"),
    [
        ("bombe.docx", {"[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>"}),
        ("bombe.xlsx", {"[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<workbook/>"}),
        ("bombe.odt", {"mimetype": "application/vnd.oasis.opendocument.text"}),
    ],
)
def test_a_zip_bomb_is_refused_with_the_limit_named(
    client, sachbearbeitung, items, tmp_path, name, parts
):
    content = zip_bomb(tmp_path / name, parts)
    assert len(content) < 1024 * 1024
    client.force_login(sachbearbeitung)
    before = stored_files()
    response = upload(client, items[0], name, content)
    assert response.status_code == 200
    assert (
        "Die Datei ist entpackt größer als 100 MB und wird deshalb nicht angenommen."
        in response.content.decode()
    )
    assert not Document.objects.exists()
    assert stored_files() == before


def test_only_the_zip_directory_is_read_before_refusing(client, sachbearbeitung, items):
    # The directory claims 1 GB for a member holding 3 bytes: reading the member would fail
    # its size check, so the size message proves nothing but the directory was read.
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "abc")
    content = buffer.getvalue()
    directory = content.rindex(b"PK\x01\x02")
    size_at = directory + 24  # uncompressed size field of the last central directory entry
    lying = content[:size_at] + (1024**3).to_bytes(4, "little") + content[size_at + 4 :]
    client.force_login(sachbearbeitung)
    response = upload(client, items[0], "luege.docx", lying)
    assert "Die Datei ist entpackt größer als 100 MB" in response.content.decode()
    assert not Document.objects.exists()


def test_a_body_with_over_1_mb_of_form_fields_is_refused_early(client, sachbearbeitung, items):
    client.force_login(sachbearbeitung)
    response = upload(client, items[0], "vorlage.pdf", PDF, title="x" * (1536 * 1024))
    assert response.status_code == 400
    assert not Document.objects.exists()


def test_an_upload_over_1_mb_is_kept_on_disk_not_in_memory():
    from django.core.files.uploadhandler import MemoryFileUploadHandler

    # The memory handler steps aside for bodies above the limit; the next one writes to disk.
    handler = MemoryFileUploadHandler()
    handler.handle_raw_input(None, {}, 2 * 1024 * 1024, "boundary")
    assert not handler.activated
