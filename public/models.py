"""Texts of the public pages that the office writes itself (issue 14)."""

import datetime

from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.concurrency import version_field

# How long the feedback on the accessibility is kept (the privacy text says so).
FEEDBACK_RETENTION = datetime.timedelta(days=365)


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
    version = version_field()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("public text")
        verbose_name_plural = _("public texts")
        ordering = ["key"]

    def __str__(self):
        return self.get_key_display()

    def get_absolute_url(self):
        return reverse("public_texts:edit", args=[self.key])

    def public_url(self) -> str:
        """The public page that shows the text."""
        if self.key == self.Key.EASY_LANGUAGE:
            return reverse("public:easy_language")
        return reverse("public:overview")

    @classmethod
    def text(cls, key: str) -> str:
        """The text under `key`, empty when the office has not written it."""
        found = cls.objects.filter(key=key).values_list("body", flat=True).first()
        return found or ""


class AccessibilityFeedbackQuerySet(models.QuerySet):
    def expired(self, now: datetime.datetime | None = None) -> "AccessibilityFeedbackQuerySet":
        """Feedback older than the retention period, to be deleted."""
        return self.filter(created_at__lt=(now or timezone.now()) - FEEDBACK_RETENTION)


class AccessibilityFeedback(models.Model):
    """A visitor's report of a barrier on our pages (the feedback form of the accessibility
    statement); mailed to the office and deleted after FEEDBACK_RETENTION."""

    message = models.TextField(_("message"))
    page = models.CharField(_("page concerned"), max_length=500, blank=True)
    name = models.CharField(_("name"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail address"), blank=True)
    created_at = models.DateTimeField(_("received"), default=timezone.now, db_index=True)

    objects = AccessibilityFeedbackQuerySet.as_manager()

    class Meta:
        verbose_name = _("feedback on accessibility")
        verbose_name_plural = _("feedback on accessibility")
        ordering = ["-created_at"]

    def __str__(self):
        return _("Feedback of %(date)s") % {
            "date": timezone.localtime(self.created_at).strftime("%d.%m.%Y %H:%M")
        }
