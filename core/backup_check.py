"""A snapshot of the database and the stored files, to prove that a restore is complete.

The snapshot holds the row count of every table and the SHA-256 of every file a model refers to
(archived reports, committee documents), recomputed from the files on disk. Two snapshots, one
taken before the backup and one after the restore, must be equal. Where a model keeps a checksum
of its own file (`sha256`, `sha1`), the file on disk must still match it.
"""

import hashlib
import json
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from django.apps import apps
from django.core.files.storage import Storage
from django.db import connection, models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

FORMAT = 1
# Checksum fields that models keep of their own file: their name and how to recompute them.
STORED_CHECKSUMS: dict[str, tuple[str, Callable[[], Any]]] = {
    "sha256": ("SHA-256", hashlib.sha256),
    "sha1": ("SHA-1", lambda: hashlib.sha1(usedforsecurity=False)),
}
CHUNK = 1024 * 1024


class SnapshotError(Exception):
    """A snapshot file cannot be read; the message says why."""


def take_snapshot() -> dict[str, Any]:
    """Row counts of every table and checksums of every stored file, read in one transaction
    (on PostgreSQL a repeatable-read one, so that counts and files belong together)."""
    # Only a transaction's first statement may set its isolation level: inside an outer one
    # (a test, a caller's atomic block) its own snapshot applies.
    outermost = not connection.in_atomic_block
    with transaction.atomic():
        if connection.vendor == "postgresql" and outermost:
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        tables = table_counts()
        files, problems = stored_files()
    return {
        "format": FORMAT,
        "taken_at": timezone.now().isoformat(),
        "tables": tables,
        "files": files,
        "problems": problems,
    }


def table_counts() -> dict[str, int]:
    """Rows per table: every table of the database, so history, auth, many-to-many and tables
    of third-party apps are included, not only those of our models."""
    counts: dict[str, int] = {}
    with connection.cursor() as cursor:
        for table in sorted(connection.introspection.table_names()):
            cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")
            row = cursor.fetchone()
            counts[table] = row[0] if row else 0
    return counts


def file_fields() -> Iterator[tuple[type[models.Model], models.FileField]]:
    for model in apps.get_models():
        for field in model._meta.get_fields():
            # Historical models keep only the path, as a text field: they hold no file.
            if isinstance(field, models.FileField):
                yield model, field


def stored_files() -> tuple[dict[str, dict[str, Any]], list[str]]:
    """{path: {model, pk, size, sha256}} of every file a row refers to, and the problems found:
    files missing on disk, or no longer matching the checksum their row keeps."""
    files: dict[str, dict[str, Any]] = {}
    problems: list[str] = []
    for model, field in file_fields():
        names = {other.name for other in model._meta.get_fields()}
        stored = [name for name in STORED_CHECKSUMS if name in names]
        rows = model._base_manager.exclude(**{field.name: ""}).order_by("pk")
        for row in rows.values("pk", field.name, *stored):
            path = row[field.name]
            digests = file_digests(field.storage, path, stored)
            label = model._meta.label
            files[path] = {
                "model": label,
                "pk": row["pk"],
                "size": digests.pop("size", None),
                "sha256": digests.get("sha256"),
            }
            if not digests:
                problems.append(
                    _("%(model)s %(pk)s: the file %(path)s is missing.")
                    % {"model": label, "pk": row["pk"], "path": path}
                )
                continue
            for name in stored:
                if digests[name] != row[name]:
                    problems.append(
                        _(
                            "%(model)s %(pk)s: the file %(path)s no longer matches its stored "
                            "%(checksum)s checksum."
                        )
                        % {
                            "model": label,
                            "pk": row["pk"],
                            "path": path,
                            "checksum": STORED_CHECKSUMS[name][0],
                        }
                    )
    return dict(sorted(files.items())), problems


def file_digests(storage: Storage, path: str, extra: Iterable[str] = ()) -> dict[str, Any]:
    """Size and hex digests (SHA-256 and the `extra` ones) of a stored file; {} when missing."""
    hashers: dict[str, Any] = {"sha256": hashlib.sha256()}
    hashers.update({name: STORED_CHECKSUMS[name][1]() for name in extra if name != "sha256"})
    size = 0
    try:
        with storage.open(path, "rb") as handle:
            while chunk := handle.read(CHUNK):
                size += len(chunk)
                for hasher in hashers.values():
                    hasher.update(chunk)
    except OSError:
        return {}
    return {"size": size} | {name: hasher.hexdigest() for name, hasher in hashers.items()}


def differences(before: dict[str, Any], after: dict[str, Any]) -> list[str]:
    """What differs between two snapshots, one sentence per table or file; [] when equal."""
    found: list[str] = []
    old_tables, new_tables = before["tables"], after["tables"]
    for table in sorted(old_tables.keys() | new_tables.keys()):
        old, new = old_tables.get(table), new_tables.get(table)
        if old == new:
            continue
        if new is None:
            found.append(_("Table %(table)s is missing.") % {"table": table})
        elif old is None:
            found.append(_("Table %(table)s was not there before.") % {"table": table})
        else:
            found.append(
                _("Table %(table)s: %(old)s rows before, %(new)s rows now.")
                % {"table": table, "old": old, "new": new}
            )
    old_files, new_files = before["files"], after["files"]
    for path in sorted(old_files.keys() | new_files.keys()):
        old, new = old_files.get(path), new_files.get(path)
        if new is None:
            found.append(_("File %(path)s is missing.") % {"path": path})
        elif old is None:
            found.append(_("File %(path)s was not there before.") % {"path": path})
        elif new["sha256"] is None and old["sha256"] is not None:
            continue  # a row whose file is missing on disk: the snapshot's problems name it
        elif (old["sha256"], old["size"]) != (new["sha256"], new["size"]):
            found.append(_("File %(path)s has different content.") % {"path": path})
    return found


def read_snapshot(path: str) -> dict[str, Any]:
    try:
        with open(path, encoding="utf-8") as handle:
            snapshot = json.load(handle)
    except OSError as error:
        raise SnapshotError(
            _("The snapshot %(path)s cannot be read: %(error)s")
            % {"path": path, "error": error.strerror}
        ) from error
    except ValueError as error:
        raise SnapshotError(
            _("The snapshot %(path)s is not a JSON file.") % {"path": path}
        ) from error
    if not (
        isinstance(snapshot, dict)
        and snapshot.get("format") == FORMAT
        and isinstance(snapshot.get("tables"), dict)
        and isinstance(snapshot.get("files"), dict)
    ):
        raise SnapshotError(
            _("The file %(path)s is not a snapshot of this application.") % {"path": path}
        )
    return snapshot


def dump_snapshot(snapshot: dict[str, Any]) -> str:
    return json.dumps(snapshot, indent=2, ensure_ascii=False) + "\n"
