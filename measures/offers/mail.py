"""The e-mail with a provider contact's personal link to confirm or correct the offers.

The link exists only in the e-mail: the queued text is erased once it was sent
(core/deliveries.py, erase_body).
"""

import hashlib

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from core.deliveries import queue_mail
from measures.models import OfferInvitation
from measures.models.monitoring import fill_placeholders
from measures.monitoring.mail import sender_signature

INVITATION = "offer.invitation"

INVITATION_TEXT = gettext_noop(
    "Dear {name},\n\n"
    "the city publishes a guide to the offers for newcomers in {office}. Your organisation "
    "{provider} is listed there with {count} offer(s).\n\n"
    "Please check through this personal link whether the information is still correct. You "
    "can confirm each offer with one click or tell us what has changed:\n"
    "{link}\n\n"
    "The link is valid until {expires_on}. Please do not pass it on: it is meant for you only. "
    "Offers that nobody has confirmed for a long time no longer appear in the guide.\n\n"
    "Kind regards\n{sender}"
)


def offer_link_url(base_url: str, token: str) -> str:
    return base_url.rstrip("/") + reverse("offer_link:form", args=[token])


def queue_invitation(
    invitation: OfferInvitation, token: str, offer_count: int, user, base_url: str
) -> None:
    contact = invitation.contact
    with translation.override(settings.LANGUAGE_CODE):
        body = fill_placeholders(
            _(INVITATION_TEXT),
            {
                "name": contact.full_name,
                "office": settings.OFFICE_NAME,
                "provider": invitation.provider.name,
                "count": str(offer_count),
                "link": offer_link_url(base_url, token),
                "expires_on": invitation.expires_on.strftime("%d.%m.%Y"),
                "sender": sender_signature(user),
            },
        )
        subject = _("Please check your offers – link valid until %(date)s") % {
            "date": invitation.expires_on.strftime("%d.%m.%Y")
        }
    key = hashlib.sha256(f"{invitation.pk}:{invitation.token_hash}".encode()).hexdigest()
    queue_mail(
        kind=INVITATION,
        target=invitation.provider,
        key=f"{INVITATION}:{key}",
        recipient_id=contact.pk,
        recipient_name=contact.full_name,
        recipient_email=contact.email,
        reply_to=user.email,
        subject=subject,
        body=body,
        requested_by=user,
        erase_body=True,
    )
