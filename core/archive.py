"""Issued documents kept unchanged: the file, its SHA-256 checksum, who archived it and when.

Monitoring reports and committee minutes are archived this way. An archived file is never
overwritten (the storage gives a second file of the same name a new name) and is handed out
only while its content still matches the checksum recorded when it was archived.
"""

import hashlib
from collections.abc import Iterable
from typing import TYPE_CHECKING, TypeVar

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from django.contrib.auth.models import User


class Edition(models.TextChoices):
    """Official documents are issued for the office (internal) and for the public."""

    INTERNAL = "internal", _("internal edition")
    PUBLIC = "public", _("public edition")


# What an archived file records about itself; shown read-only wherever it is listed.
ARCHIVED_FILE_FIELDS = ["file", "sha256", "size", "created_by", "created_by_name", "created_at"]


class ArchivedFile(models.Model):
    """Checksum, size and who archived a file when; the concrete model adds `file`."""

    sha256 = models.CharField(_("SHA-256 checksum"), max_length=64)
    size = models.PositiveIntegerField(_("size (bytes)"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("archived by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # The name stays readable even when the user account is deleted later.
    created_by_name = models.CharField(_("archived by"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("archived at"), default=timezone.now)

    class Meta:
        abstract = True

    # Declared by every concrete model, with the folder its files go to.
    file: models.FileField

    def read_verified(self) -> bytes | None:
        """The stored file's bytes, or None when it is missing or its checksum differs."""
        try:
            with self.file.open("rb") as handle:
                content = handle.read()
        except (FileNotFoundError, ValueError):
            return None
        finally:
            self.file.close()
        return content if hashlib.sha256(content).hexdigest() == self.sha256 else None


A = TypeVar("A", bound=ArchivedFile)


def store_archived_file(archived: A, content: bytes, filename: str, user: "User | None") -> A:
    """Fill `archived` (an unsaved ArchivedFile) with `content` and save file and row."""
    archived.sha256 = hashlib.sha256(content).hexdigest()
    archived.size = len(content)
    archived.created_by = user
    archived.created_by_name = (user.get_full_name() or user.get_username()) if user else ""
    archived.created_at = timezone.now()
    archived.file.save(filename, ContentFile(content), save=False)
    # Should the row not be written, the file must not stay behind without its record.
    try:
        archived.save()
    except Exception:
        delete_archived_files([archived])
        raise
    return archived


def delete_archived_files(archived: Iterable[ArchivedFile]) -> None:
    """Remove the files of archive rows whose transaction is being rolled back."""
    for entry in archived:
        entry.file.storage.delete(entry.file.name)
