"""The official record of a meeting: archived editions of its minutes and their corrections."""

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.archive import ArchivedFile, Edition

from .items import AgendaItem
from .meetings import Meeting


def minutes_archive_path(instance, filename):
    return f"committee/minutes/{timezone.localdate():%Y}/{filename}"


class ArchivedMinutes(ArchivedFile):
    """One edition of a meeting's finalised minutes as issued; a correction adds a revision."""

    Edition = Edition

    meeting = models.ForeignKey(
        Meeting,
        verbose_name=_("meeting"),
        on_delete=models.PROTECT,
        related_name="archived_minutes",
    )
    edition = models.CharField(_("edition"), max_length=20, choices=Edition.choices)
    revision = models.PositiveSmallIntegerField(
        _("revision"), help_text=_("1 when finalised; each correction issues the next one.")
    )
    title = models.CharField(_("title"), max_length=300)
    file = models.FileField(_("file"), upload_to=minutes_archive_path, max_length=300)
    # OParl's File.sha512Checksum; filled from the file when it is saved.
    sha512 = models.CharField(_("SHA-512 checksum"), max_length=128, blank=True, editable=False)
    # OParl's File.modified: changes when the file is published or depublished with its meeting.
    modified = models.DateTimeField(_("modified"), default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("archived minutes")
        verbose_name_plural = _("archived minutes")
        ordering = ["meeting", "-revision", "edition"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "edition", "revision"], name="unique_minutes_revision"
            )
        ]

    def __str__(self):
        return f"{self.title} ({self.created_at:%d.%m.%Y %H:%M})"

    def get_absolute_url(self):
        return reverse("committee:archived_minutes", args=[self.pk])


class MinutesCorrection(models.Model):
    """A correction (Berichtigung) of finalised minutes: what changed, from what to what, why."""

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.PROTECT, related_name="corrections"
    )
    agenda_item = models.ForeignKey(
        AgendaItem,
        verbose_name=_("agenda item"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="corrections",
    )
    field = models.CharField(_("corrected entry"), max_length=50)
    old_value = models.TextField(_("previous entry"), blank=True)
    new_value = models.TextField(_("corrected to"), blank=True)
    reason = models.TextField(_("reason"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("corrected by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # The name stays readable even when the user account is deleted later.
    created_by_name = models.CharField(_("corrected by"), max_length=200)
    created_at = models.DateTimeField(_("corrected at"), default=timezone.now)

    class Meta:
        verbose_name = _("correction of the minutes")
        verbose_name_plural = _("corrections of the minutes")
        ordering = ["meeting", "created_at", "pk"]

    def __str__(self):
        return f"{self.field_label}: {self.reason}"

    @property
    def field_label(self):
        try:
            return AgendaItem._meta.get_field(self.field).verbose_name
        except FieldDoesNotExist:
            return self.field

    @property
    def is_published(self):
        """The public edition lists only corrections of what it shows."""
        return self.agenda_item is None or self.agenda_item.is_published
