"""The uploaded file between preview and confirmation.

The file lies under MEDIA_ROOT; only its name and checksum are kept, in the user's session, so
that the confirmation imports exactly the file that was previewed and nobody can swap it
through the form.
"""

import datetime
import hashlib
import uuid

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.http import HttpRequest
from django.utils import timezone

FOLDER = "imports"
# Previews hold personal data (e-mail, phone): an unconfirmed one is kept for an hour at most.
KEEP = datetime.timedelta(hours=1)


def session_key(kind: str) -> str:
    return f"import-{kind}"


def keep_upload(request: HttpRequest, kind: str, data: bytes, name: str) -> None:
    remove_stale_uploads()
    forget_upload(request, kind)
    path = default_storage.save(f"{FOLDER}/{uuid.uuid4().hex}.upload", ContentFile(data))
    request.session[session_key(kind)] = {
        "path": path,
        "name": name,
        "sha256": hashlib.sha256(data).hexdigest(),
    }


def kept_upload(request: HttpRequest, kind: str) -> tuple[bytes, str] | tuple[None, None]:
    """(file content, original name) of the previewed file, or (None, None)."""
    stored = request.session.get(session_key(kind))
    if not stored:
        return None, None
    try:
        with default_storage.open(stored["path"], "rb") as upload:
            data = upload.read()
    except OSError:
        return None, None
    if hashlib.sha256(data).hexdigest() != stored["sha256"]:
        return None, None
    return data, stored["name"]


def remember_sheet(request: HttpRequest, kind: str, sheet: str) -> None:
    """The sheet of the kept workbook the user previewed last, which the confirmation imports."""
    stored = request.session.get(session_key(kind))
    if stored:
        request.session[session_key(kind)] = {**stored, "sheet": sheet}


def kept_sheet(request: HttpRequest, kind: str) -> str | None:
    stored = request.session.get(session_key(kind)) or {}
    return stored.get("sheet")


def remember_options(request: HttpRequest, kind: str, options: dict[str, str]) -> None:
    """The answers of the kind's options form for the kept file, which the confirmation uses."""
    stored = request.session.get(session_key(kind))
    if stored:
        request.session[session_key(kind)] = {**stored, "options": options}


def kept_options(request: HttpRequest, kind: str) -> dict[str, str]:
    stored = request.session.get(session_key(kind)) or {}
    return dict(stored.get("options") or {})


def preview_path(path: str) -> str:
    """Where the worker stores its preview of the upload at `path` (a large file)."""
    return f"{path}.preview"


def delete_upload(path: str) -> None:
    """Delete the upload and the worker's preview of it."""
    default_storage.delete(path)
    default_storage.delete(preview_path(path))


def forget_upload(request: HttpRequest, kind: str) -> None:
    stored = request.session.pop(session_key(kind), None)
    if stored:
        delete_upload(stored["path"])


def remove_stale_uploads(older_than: datetime.timedelta = KEEP) -> int:
    """Remove previews that were never confirmed once they are older than `older_than`;
    returns how many were removed."""
    try:
        _folders, files = default_storage.listdir(FOLDER)
    except OSError:
        return 0
    removed = 0
    for name in files:
        path = f"{FOLDER}/{name}"
        try:
            if timezone.now() - default_storage.get_modified_time(path) >= older_than:
                default_storage.delete(path)
                removed += 1
        except OSError:
            continue
    return removed


def remove_all_uploads() -> int:
    """Remove every stored preview (after an erasure: any of them may contain the person)."""
    return remove_stale_uploads(older_than=datetime.timedelta(0))
