"""E-mails of a monitoring round: invitations, reminders and returned reports.

A link's token exists only in the e-mail: it is created when the mail is queued and only its
hash is saved on the request; the queued text keeps the link until the worker has sent it and
is erased then (core/deliveries.py). A reminder therefore carries fresh links that replace the
earlier ones.
"""

import hashlib

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from core.deliveries import queue_mail, send_again, summary
from core.history import recorded_by
from core.models import MailDelivery
from measures.models import MonitoringRequest, MonitoringRound
from measures.models.monitoring import fill_placeholders
from measures.monitoring.services import MonitoringError

INVITATION = "monitoring.invitation"
REMINDER = "monitoring.reminder"
RETURN = "monitoring.return"
KINDS = (INVITATION, REMINDER, RETURN)

RETURN_TEXT = gettext_noop(
    "Dear {name},\n\n"
    "thank you for your report on the measure {measure}. Before we take it over into the "
    "monitoring report, we ask you to revise it:\n\n"
    "{comment}\n\n"
    "{link_hint}\n\n"
    "Kind regards\n{sender}"
)


def partner_url(base_url, token):
    return base_url.rstrip("/") + reverse("partner:report", args=[token])


def sender_signature(user):
    lines = [
        user.get_full_name() or user.get_username(),
        settings.OFFICE_UNIT,
        settings.OFFICE_NAME,
        settings.OFFICE_ADDRESS,
    ]
    if user.email:
        lines.append(user.email)
    return "\n".join(line for line in lines if line)


def _mailable(requests):
    return (
        requests.filter(contact__isnull=False)
        .exclude(contact__email="")
        .select_related("measure", "contact")
        .order_by("contact_id", "measure__action_field__order", "measure__code")
    )


def send_invitations(monitoring_round, user, base_url):
    """Invite every contact of the open round who has not been invited yet: one e-mail each,
    listing the links of all their measures. Returns (e-mails, requests)."""
    if not monitoring_round.is_open:
        raise MonitoringError(_("Invitations can only be sent for an open round."))
    requests = _mailable(
        monitoring_round.requests.filter(state=MonitoringRequest.State.OPEN, invited_at=None)
    )
    subject = _("%(round)s: your report on the integration plan by %(date)s")
    return _send(
        monitoring_round, requests, monitoring_round.invitation_text, subject, user, base_url
    )


def send_reminders(monitoring_round, user, base_url):
    """Remind every invited contact who has not answered yet; returns (e-mails, requests)."""
    if not monitoring_round.is_open:
        raise MonitoringError(_("Reminders can only be sent for an open round."))
    requests = _mailable(
        monitoring_round.requests.filter(state=MonitoringRequest.State.OPEN).exclude(
            invited_at=None
        )
    )
    subject = _("Reminder – %(round)s: your report by %(date)s")
    return _send(
        monitoring_round,
        requests,
        monitoring_round.reminder_text,
        subject,
        user,
        base_url,
        reminder=True,
    )


def _send(monitoring_round, requests, text, subject, user, base_url, reminder=False):
    """Queue one e-mail per contact (core/deliveries.py); the worker sends them once the links'
    hashes and the invitation dates are committed. Returns (e-mails, requests)."""
    groups = {}
    for request in requests:
        groups.setdefault(request.contact_id, []).append(request)
    kind = REMINDER if reminder else INVITATION
    stamp = timezone.now().isoformat()
    with translation.override(settings.LANGUAGE_CODE), transaction.atomic():
        values = {
            "due_date": monitoring_round.due_date.strftime("%d.%m.%Y"),
            "reporting_date": monitoring_round.reporting_date.strftime("%d.%m.%Y"),
            "sender": sender_signature(user),
        }
        subject = subject % {"round": monitoring_round.title, "date": values["due_date"]}
        for group in groups.values():
            contact = group[0].contact
            links = [
                f"{request.measure.code} {request.measure.title}\n"
                f"{partner_url(base_url, request.issue_token())}"
                for request in group
            ]
            body = fill_placeholders(
                text, {**values, "name": contact.full_name, "links": "\n\n".join(links)}
            )
            ids = ",".join(str(request.pk) for request in group)
            # Invitations once per contact and requests; each reminder is asked for anew.
            unique = stamp if reminder else ids
            _queue(kind, f"{monitoring_round.pk}:{contact.pk}:{unique}", monitoring_round)(
                subject, body, contact, user
            )
            _record_sent(group, monitoring_round, user, reminder)
    return len(groups), sum(len(group) for group in groups.values())


def _queue(kind, key, monitoring_round):
    def queue(subject, body, contact, user):
        return queue_mail(
            kind=kind,
            target=monitoring_round,
            key=f"{kind}:{hashlib.sha256(key.encode()).hexdigest()}",
            recipient_id=contact.pk,
            recipient_name=contact.full_name,
            recipient_email=contact.email,
            reply_to=user.email,
            subject=subject,
            body=body,
            requested_by=user,
            # The body holds the partner's personal links: only the e-mail keeps them.
            erase_body=True,
        )

    return queue


def delivery_summary(monitoring_round):
    return summary(monitoring_round, kinds=KINDS)


@transaction.atomic
def send_again_for(monitoring_round, delivery_id, user):
    """Queue a failed e-mail of the round once more; returns the recipient's name."""
    delivery = MailDelivery.objects.filter(
        pk=delivery_id,
        kind__in=KINDS,
        content_type=ContentType.objects.get_for_model(MonitoringRound),
        object_id=monitoring_round.pk,
    ).first()
    if delivery is None or not send_again(delivery, user):
        raise MonitoringError(_("This e-mail has not failed (any more); it is not sent again."))
    return delivery.recipient_name


def _record_sent(group, monitoring_round, user, reminder):
    now = timezone.now()
    with transaction.atomic():
        for request in group:
            if reminder:
                request.reminded_at = now
                request.reminder_count += 1
            else:
                request.invited_at = now
            request.expires_on = monitoring_round.link_expiry
            recorded_by(request, user).save(
                update_fields=[
                    "token_hash",
                    "invited_at",
                    "reminded_at",
                    "reminder_count",
                    "expires_on",
                ]
            )


def send_return_notice(request, user, base_url):
    """Tell the partner why their report came back; False when there is no address."""
    contact = request.contact
    if contact is None or not contact.email:
        return False
    with translation.override(settings.LANGUAGE_CODE):
        if request.token_hash:
            link_hint = _(
                "Please use the same link as before; the form shows your report so that you "
                "can correct it."
            )
        else:
            # Staff entered the report on the partner's behalf: the partner has no link yet.
            link_hint = _("You can correct your report here: %(url)s") % {
                "url": partner_url(base_url, request.issue_token())
            }
        body = fill_placeholders(
            _(RETURN_TEXT),
            {
                "name": contact.full_name,
                "measure": f"{request.measure.code} {request.measure.title}",
                "comment": request.report.review_comment,
                "link_hint": link_hint,
                "sender": sender_signature(user),
            },
        )
        subject = _("%(round)s: please revise your report on %(code)s") % {
            "round": request.round.title,
            "code": request.measure.code,
        }
    with transaction.atomic():  # the link's hash is saved before the worker sends the mail
        if request.expires_on is None:
            request.expires_on = request.round.link_expiry
        recorded_by(request, user).save(update_fields=["token_hash", "expires_on"])
        _queue(RETURN, f"{request.pk}:{timezone.now().isoformat()}", request.round)(
            subject, body, contact, user
        )
    return True
