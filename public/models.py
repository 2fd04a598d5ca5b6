"""Texts of the public pages that the office writes itself (issue 14)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class PublicText(models.Model):
    """One editable text of the public pages, e.g. the overview's introduction."""

    class Key(models.TextChoices):
        INTRODUCTION = "introduction", _("Introduction on the overview")
        EASY_LANGUAGE = "easy_language", _("The plan in Leichte Sprache")

    key = models.CharField(_("text"), max_length=40, choices=Key.choices, unique=True)
    body = models.TextField(
        _("text"),
        blank=True,
        help_text=_("Plain text; an empty line starts a new paragraph."),
    )
    updated_at = models.DateTimeField(_("changed"), auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("public text")
        verbose_name_plural = _("public texts")
        ordering = ["key"]

    def __str__(self):
        return self.get_key_display()

    @classmethod
    def text(cls, key: str) -> str:
        """The text under `key`, empty when the office has not written it."""
        found = cls.objects.filter(key=key).values_list("body", flat=True).first()
        return found or ""
