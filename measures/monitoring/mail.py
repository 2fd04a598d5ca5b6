"""E-mails of a monitoring round: invitations, reminders and returned reports.

A link's token exists only in the e-mail: it is created when the mail is written and only its
hash is saved, after the mail has gone out. A reminder therefore carries fresh links that
replace the earlier ones.
"""

from email.utils import formataddr

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from core.history import recorded_by
from measures.models import MonitoringRequest
from measures.models.monitoring import fill_placeholders
from measures.monitoring.services import MonitoringError

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


def _message(subject, body, contact, user, connection=None):
    return EmailMessage(
        subject=subject,
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[formataddr((contact.full_name, contact.email))],
        reply_to=[user.email] if user.email else None,
        connection=connection,
    )


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
    groups = {}
    for request in requests:
        groups.setdefault(request.contact_id, []).append(request)
    mails = 0
    connection = get_connection()
    with translation.override(settings.LANGUAGE_CODE):
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
            try:
                _message(subject, body, contact, user, connection).send()
            except OSError as error:  # smtplib's errors are OSErrors too
                raise MonitoringError(
                    _("Sending failed after %(count)d e-mails: %(error)s")
                    % {"count": mails, "error": error}
                ) from error
            _record_sent(group, monitoring_round, user, reminder)
            mails += 1
    return mails, sum(len(group) for group in groups.values())


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
        _message(subject, body, contact, user).send()
    if request.expires_on is None:
        request.expires_on = request.round.link_expiry
    recorded_by(request, user).save(update_fields=["token_hash", "expires_on"])
    return True
