"""One e-mail to one recipient, sent by a background task (core/deliveries.py).

The request that decides to write to people only records a row per recipient and commits; the
worker sends each row, retries a failed one a few times and keeps the reason when it gives up.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class MailDelivery(models.Model):
    class State(models.TextChoices):
        QUEUED = "queued", pgettext_lazy("mail state", "waiting")
        SENDING = "sending", pgettext_lazy("mail state", "sending")
        SENT = "sent", pgettext_lazy("mail state", "sent")
        FAILED = "failed", pgettext_lazy("mail state", "failed")

    # What the mail is ("committee.invitation"); the kind's builder adds the attachments.
    kind = models.CharField(_("kind"), max_length=60)
    # The record the mail belongs to (a meeting, a monitoring round); its page shows the state.
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("content_type", "object_id")
    # The recipient's own record (a member, a contact), for a personal attachment.
    recipient_id = models.PositiveBigIntegerField(null=True, blank=True)
    recipient_name = models.CharField(_("recipient"), max_length=200)
    recipient_email = models.EmailField(_("e-mail address"))
    reply_to = models.EmailField(_("reply to"), blank=True)
    subject = models.CharField(pgettext_lazy("e-mail", "subject"), max_length=300)
    # Rendered when queued; a body that carries a personal link is erased once sent.
    body = models.TextField(_("text"), blank=True)
    erase_body = models.BooleanField(default=False)
    # The same mail is queued once; "send again" re-queues the failed row explicitly.
    key = models.CharField(max_length=200, unique=True)
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.QUEUED)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("requested by"),
    )
    created = models.DateTimeField(_("created"), auto_now_add=True)
    updated = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("e-mail delivery")
        verbose_name_plural = _("e-mail deliveries")
        ordering = ["recipient_name", "pk"]
        indexes = [models.Index(fields=["content_type", "object_id", "kind"])]

    def __str__(self) -> str:
        return f"{self.subject} → {self.recipient_name}"
