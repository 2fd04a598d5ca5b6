"""E-mails of the proposals for a draft plan: the invitation with the personal link, and the
notice that a proposal was declined, with the reason.

The invitation's link exists only in the e-mail: the queued text is erased once the worker has
sent it (core/deliveries.py). Both kinds are recorded on the plan, whose proposal page shows
how many were sent.
"""

import hashlib

from django.conf import settings
from django.contrib.auth.models import User
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from core.deliveries import DeliverySummary, queue_mail, summary
from measures.models import Plan, Proposal, ProposalInvitation
from measures.models.monitoring import fill_placeholders
from measures.monitoring.mail import sender_signature
from network.models import ContactPerson

INVITATION = "proposal.invitation"
DECLINE = "proposal.decline"
KINDS = (INVITATION, DECLINE)

# The text Koordination starts from; {placeholders} are filled in per person.
INVITATION_TEXT = gettext_noop(
    "Dear {name},\n\n"
    "the city is updating its integration plan ({plan}). We would like to hear your ideas: "
    "which new measures are needed, and what should change in existing ones?\n\n"
    "You can send us your proposals through this personal link, without registering:\n"
    "{link}\n\n"
    "The link is valid until {expires_on}. You can send several proposals. Please do not "
    "pass the link on: it is meant for you only.\n\n"
    "Kind regards\n{sender}"
)

DECLINE_TEXT = gettext_noop(
    "Dear {name},\n\n"
    'thank you for your proposal "{title}" for the update of the integration plan ({plan}). '
    "We have reviewed it carefully and are not able to take it over into the draft plan. "
    "The reason:\n\n"
    "{reason}\n\n"
    "We thank you for your commitment and look forward to your further ideas.\n\n"
    "Kind regards\n{sender}"
)


def proposal_url(base_url: str, token: str) -> str:
    return base_url.rstrip("/") + reverse("proposal:form", args=[token])


def default_message() -> str:
    return _(INVITATION_TEXT)


def _key(kind: str, text: str) -> str:
    return f"{kind}:{hashlib.sha256(text.encode()).hexdigest()}"


def queue_invitation(
    invitation: ProposalInvitation, token: str, message: str, user: User, base_url: str
) -> None:
    """Queue the invitation's e-mail; every sending is a mail of its own (a new link)."""
    contact = invitation.contact
    with translation.override(settings.LANGUAGE_CODE):
        body = fill_placeholders(
            message,
            {
                "name": contact.full_name,
                "plan": str(invitation.plan),
                "link": proposal_url(base_url, token),
                "expires_on": invitation.expires_on.strftime("%d.%m.%Y"),
                "sender": sender_signature(user),
            },
        )
        subject = _("Your proposals for the integration plan – link valid until %(date)s") % {
            "date": invitation.expires_on.strftime("%d.%m.%Y")
        }
    queue_mail(
        kind=INVITATION,
        target=invitation.plan,
        key=_key(INVITATION, f"{invitation.pk}:{invitation.token_hash}"),
        recipient_id=contact.pk,
        recipient_name=contact.full_name,
        recipient_email=contact.email,
        reply_to=user.email,
        subject=subject,
        body=body,
        requested_by=user,
        # The body holds the personal link: only the e-mail keeps it.
        erase_body=True,
    )


def queue_decline_notice(proposal: Proposal, contact: ContactPerson, user: User) -> None:
    with translation.override(settings.LANGUAGE_CODE):
        body = fill_placeholders(
            _(DECLINE_TEXT),
            {
                "name": contact.full_name,
                "title": proposal.title,
                "plan": str(proposal.plan),
                "reason": proposal.decline_reason,
                "sender": sender_signature(user),
            },
        )
        subject = _("Your proposal for the integration plan: %(title)s") % {"title": proposal.title}
    queue_mail(
        kind=DECLINE,
        target=proposal.plan,
        key=_key(DECLINE, f"{proposal.pk}:{timezone.now().isoformat()}"),
        recipient_id=contact.pk,
        recipient_name=contact.full_name,
        recipient_email=contact.email,
        reply_to=user.email,
        subject=subject,
        body=body,
        requested_by=user,
    )


def delivery_summary(plan: Plan) -> DeliverySummary:
    return summary(plan, kinds=KINDS)
