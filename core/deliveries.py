"""E-mails that survive a slow or absent mail server (issue 11).

A workflow queues one MailDelivery per recipient inside its transaction; once it commits, a task
per row sends it. The task claims its row with one UPDATE (queued → sending), so two workers
never send the same mail; a failure is recorded and retried after a delay, at most
MAX_ATTEMPTS times, then the row is failed with the reason and a person may send it again.

Attachments are not stored: the kind's builder (registered with `attachments_for`) renders them
when the mail is sent, so the database keeps only the text.
"""

from __future__ import annotations

import datetime
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from email.utils import formataddr

from django.conf import settings
from django.contrib.auth.models import User
from django.contrib.contenttypes.models import ContentType
from django.core.mail import EmailMessage
from django.db import models, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import MailDelivery
from .tasks import enqueue_on_commit, task

logger = logging.getLogger(__name__)

# Seconds before the second and the third attempt (settings.MAIL_RETRY_DELAYS overrides).
RETRY_DELAYS = (60, 300)

Attachment = tuple[str, bytes | str, str]
AttachmentBuilder = Callable[[MailDelivery], Iterable[Attachment]]
_builders: dict[str, AttachmentBuilder] = {}


def attachments_for(kind: str) -> Callable[[AttachmentBuilder], AttachmentBuilder]:
    """Register the function that renders the attachments of `kind`'s mails at send time
    (called from an AppConfig.ready, so that the worker knows it too)."""

    def register(builder: AttachmentBuilder) -> AttachmentBuilder:
        _builders[kind] = builder
        return builder

    return register


def retry_delays() -> tuple[int, ...]:
    return tuple(getattr(settings, "MAIL_RETRY_DELAYS", RETRY_DELAYS))


def max_attempts() -> int:
    return 1 + len(retry_delays())


def queue_mail(
    *,
    kind: str,
    target: models.Model,
    key: str,
    recipient_name: str,
    recipient_email: str,
    subject: str,
    body: str,
    reply_to: str = "",
    recipient_id: int | None = None,
    requested_by: User | None = None,
    erase_body: bool = False,
) -> MailDelivery | None:
    """Record one mail and send it after the commit; None if `key` was queued before."""
    with transaction.atomic():
        delivery, created = MailDelivery.objects.get_or_create(
            key=key,
            defaults={
                "kind": kind,
                "content_type": ContentType.objects.get_for_model(target),
                "object_id": target.pk,
                "recipient_id": recipient_id,
                "recipient_name": recipient_name,
                "recipient_email": recipient_email,
                "reply_to": reply_to,
                "subject": subject,
                "body": body,
                "erase_body": erase_body,
                "requested_by": requested_by,
            },
        )
    if not created:
        return None
    enqueue_on_commit(send_mail_delivery, delivery.pk)
    return delivery


def send_again(delivery: MailDelivery, user: User) -> bool:
    """Queue a failed mail once more (a person asked); False if it is not failed (any more)."""
    queued = MailDelivery.objects.filter(pk=delivery.pk, state=MailDelivery.State.FAILED).update(
        state=MailDelivery.State.QUEUED, attempts=0, requested_by=user, updated=timezone.now()
    )
    if queued:
        enqueue_on_commit(send_mail_delivery, delivery.pk)
    return bool(queued)


def build_message(delivery: MailDelivery) -> EmailMessage:
    message = EmailMessage(
        subject=delivery.subject,
        body=delivery.body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[formataddr((delivery.recipient_name, delivery.recipient_email))],
        reply_to=[delivery.reply_to] if delivery.reply_to else None,
    )
    builder = _builders.get(delivery.kind)
    for filename, content, mimetype in builder(delivery) if builder else ():
        message.attach(filename, content, mimetype)
    return message


@task()
def send_mail_delivery(delivery_id: int) -> str:
    """Send one queued mail; returns what happened (for the task's result)."""
    claimed = MailDelivery.objects.filter(pk=delivery_id, state=MailDelivery.State.QUEUED).update(
        state=MailDelivery.State.SENDING, attempts=F("attempts") + 1, updated=timezone.now()
    )
    if not claimed:
        return "not queued"  # sent, being sent by another worker, or failed for good
    delivery = MailDelivery.objects.get(pk=delivery_id)
    try:
        build_message(delivery).send()
    except Exception as error:  # every failure is kept on the row and retried
        logger.warning("Mail delivery %s failed: %s", delivery_id, error)
        return _failed(delivery, error)
    MailDelivery.objects.filter(pk=delivery_id).update(
        state=MailDelivery.State.SENT,
        sent_at=timezone.now(),
        last_error="",
        body="" if delivery.erase_body else F("body"),
        updated=timezone.now(),
    )
    return "sent"


def _failed(delivery: MailDelivery, error: Exception) -> str:
    reason = str(error) or error.__class__.__name__
    delays = retry_delays()
    if delivery.attempts > len(delays):
        MailDelivery.objects.filter(pk=delivery.pk).update(
            state=MailDelivery.State.FAILED, last_error=reason, updated=timezone.now()
        )
        return "failed"
    MailDelivery.objects.filter(pk=delivery.pk).update(
        state=MailDelivery.State.QUEUED, last_error=reason, updated=timezone.now()
    )
    delay = delays[delivery.attempts - 1]
    if delay and send_mail_delivery.get_backend().supports_defer:
        later = timezone.now() + datetime.timedelta(seconds=delay)
        enqueue_on_commit(send_mail_delivery.using(run_after=later), delivery.pk)
    else:
        enqueue_on_commit(send_mail_delivery, delivery.pk)
    return "retry"


# A worker that sends a mail takes seconds; a row still "sending" after this was interrupted.
INTERRUPTED_AFTER = datetime.timedelta(minutes=30)


def fail_interrupted(older_than: datetime.timedelta = INTERRUPTED_AFTER) -> int:
    """Mark mails whose worker died while sending (still "sending" after `older_than`) as
    failed, so that their page shows them with "Erneut senden". They are not retried
    automatically: the server may have taken the mail, and a person checks before sending again.
    Returns how many were marked."""
    return MailDelivery.objects.filter(
        state=MailDelivery.State.SENDING, updated__lt=timezone.now() - older_than
    ).update(
        state=MailDelivery.State.FAILED,
        last_error=_(
            "The sending was interrupted; whether the e-mail arrived is unknown. Please check "
            "before sending it again."
        ),
        updated=timezone.now(),
    )


@dataclass
class DeliverySummary:
    """The mails of one record for its page: "14 of 15 sent, 1 failed: …"."""

    total: int = 0
    sent: int = 0
    failed: list[MailDelivery] = field(default_factory=list)

    @property
    def waiting(self) -> int:
        return self.total - self.sent - len(self.failed)


def summary(target: models.Model, kinds: Iterable[str] | None = None) -> DeliverySummary:
    deliveries = MailDelivery.objects.filter(
        content_type=ContentType.objects.get_for_model(target), object_id=target.pk
    )
    if kinds is not None:
        deliveries = deliveries.filter(kind__in=list(kinds))
    result = DeliverySummary()
    for delivery in deliveries.only(
        "pk", "state", "recipient_name", "recipient_email", "last_error", "kind"
    ):
        result.total += 1
        if delivery.state == MailDelivery.State.SENT:
            result.sent += 1
        elif delivery.state == MailDelivery.State.FAILED:
            result.failed.append(delivery)
    return result
