"""Checks an uploaded document (a committee's Vorlage, a project's notice of grant): allowed
type by name and content, size limit.

The content is checked as well as the name, so that a renamed executable or HTML page is
refused even when it is called "vorlage.pdf".
"""

import hashlib
import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from .zipcheck import check_zip

# Overridable in settings (COMMITTEE_DOCUMENT_MAX_BYTES, the setting's first name, applies to
# every document); the default fits scanned council documents.
DEFAULT_MAX_BYTES = 20 * 1024 * 1024

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
ODT = "application/vnd.oasis.opendocument.text"

# extension -> MIME type
ALLOWED_TYPES = {
    "pdf": "application/pdf",
    "docx": DOCX,
    "xlsx": XLSX,
    "odt": ODT,
    "png": "image/png",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "gif": "image/gif",
    "webp": "image/webp",
}
SIGNATURES = {
    "application/pdf": (b"%PDF-",),
    "image/png": (b"\x89PNG\r\n\x1a\n",),
    "image/jpeg": (b"\xff\xd8\xff",),
    "image/gif": (b"GIF87a", b"GIF89a"),
}
# The folder every Office Open XML document of that kind has inside its zip container.
OOXML_PARTS = {DOCX: "word/", XLSX: "xl/"}
ZIP_TYPES = (DOCX, XLSX, ODT)


def max_upload_bytes() -> int:
    return getattr(settings, "COMMITTEE_DOCUMENT_MAX_BYTES", DEFAULT_MAX_BYTES)


def allowed_types_text() -> str:
    return "PDF, DOCX, XLSX, ODT, PNG, JPEG, GIF, WebP"


def inspect_upload(uploaded: UploadedFile) -> tuple[str, int, str]:
    """Return (MIME type, size, SHA-1) of an acceptable upload; raise ValidationError otherwise."""
    limit = max_upload_bytes()
    size = uploaded.size or 0
    if size > limit:
        raise ValidationError(
            _("The file is too large (%(size)s); at most %(limit)s are allowed.")
            % {"size": filesizeformat(size), "limit": filesizeformat(limit)}
        )
    if size == 0:
        raise ValidationError(_("The file is empty."))
    name = uploaded.name or ""
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    mime_type = ALLOWED_TYPES.get(extension)
    if mime_type is None:
        raise ValidationError(
            _("Files of this type cannot be uploaded. Allowed are: %(types)s.")
            % {"types": allowed_types_text()}
        )
    if mime_type in ZIP_TYPES:
        check_zip(uploaded)
    if not _content_matches(uploaded, mime_type):
        raise ValidationError(
            _("The file's content does not match its type .%(extension)s.")
            % {"extension": extension}
        )
    digest = hashlib.sha1(usedforsecurity=False)
    uploaded.seek(0)
    for chunk in uploaded.chunks():
        digest.update(chunk)
    uploaded.seek(0)
    return mime_type, size, digest.hexdigest()


def _content_matches(uploaded: UploadedFile, mime_type: str) -> bool:
    uploaded.seek(0)
    head = uploaded.read(16)
    uploaded.seek(0)
    if mime_type in SIGNATURES:
        return head.startswith(SIGNATURES[mime_type])
    if mime_type == "image/webp":
        return head[:4] == b"RIFF" and head[8:12] == b"WEBP"
    if not head.startswith(b"PK\x03\x04"):
        return False
    try:
        with zipfile.ZipFile(uploaded) as archive:
            names = archive.namelist()
            if mime_type == ODT:
                return "mimetype" in names and archive.read("mimetype").strip() == ODT.encode()
            return "[Content_Types].xml" in names and any(
                name.startswith(OOXML_PARTS[mime_type]) for name in names
            )
    except zipfile.BadZipFile:
        return False
    finally:
        uploaded.seek(0)
