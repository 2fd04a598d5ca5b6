"""What the offers' pages, the provider links and the public guide share (issue 17).

`visible_offers()` is the one definition of "shown in the public guide": published, valid
today, confirmed within OFFER_CONFIRM_MONTHS months. `unconfirmed_offers()` lists the published
ones hidden only because nobody confirmed them for that long, for staff to follow up.
"""

import calendar
import datetime

from django.conf import settings
from django.db import transaction
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from core.history import recorded_by
from network.models import Actor, ContactPerson

from ..models import Offer, OfferChange, OfferInvitation
from ..models.links import hash_token

# The fields a provider may correct by link, in the form's order.
EDITABLE_FIELDS = [
    "description",
    "schedule",
    "address",
    "district",
    "languages",
    "is_free",
    "cost",
    "cost_note",
    "registration_phone",
    "registration_email",
    "registration_url",
    "valid_until",
]
# The key of a change that says "this offer no longer exists".
DISCONTINUED = "discontinued"


def months_before(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` months earlier (the month's last day where it is shorter)."""
    year, month = divmod(day.month - 1 - months, 12)
    year += day.year
    month += 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def confirm_cutoff(today: datetime.date | None = None) -> datetime.datetime:
    """Offers confirmed before this moment are no longer shown in the public guide."""
    today = today or timezone.localdate()
    day = months_before(today, settings.OFFER_CONFIRM_MONTHS)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def valid_q(today: datetime.date | None = None) -> Q:
    today = today or timezone.localdate()
    return (Q(valid_from__isnull=True) | Q(valid_from__lte=today)) & (
        Q(valid_until__isnull=True) | Q(valid_until__gte=today)
    )


def unconfirmed_q(today: datetime.date | None = None) -> Q:
    return Q(confirmed_at__isnull=True) | Q(confirmed_at__lt=confirm_cutoff(today))


def visible_offers(today: datetime.date | None = None) -> QuerySet[Offer]:
    """The offers of the public guide: published, valid today and confirmed recently enough."""
    return (
        Offer.objects.filter(is_published=True)
        .filter(valid_q(today))
        .exclude(unconfirmed_q(today))
        .select_related("provider")
    )


def unconfirmed_offers(today: datetime.date | None = None) -> QuerySet[Offer]:
    """Published, valid offers hidden from the guide only because nobody confirmed them."""
    return (
        Offer.objects.filter(is_published=True)
        .filter(valid_q(today))
        .filter(unconfirmed_q(today))
        .select_related("provider")
        .order_by("confirmed_at", "title", "pk")
    )


def confirm_offer(offer: Offer, invitation: OfferInvitation | None = None) -> OfferChange:
    """The provider says the offer is current: confirmed now, recorded as an accepted answer."""
    now = timezone.now()
    with transaction.atomic():
        offer.confirmed_at = now
        offer.save()
        return OfferChange.objects.create(
            offer=offer,
            invitation=invitation,
            changes={},
            state=OfferChange.State.ACCEPTED,
            submitted_at=now,
            reviewed_at=now,
        )


class OfferError(Exception):
    """A step the data does not allow (the message is shown to the user)."""


def delete_offer(offer: Offer, user) -> None:
    recorded_by(offer, user)
    offer.delete()


def find_invitation(token: str) -> OfferInvitation | None:
    """The invitation whose link this is, if the link works today; None otherwise."""
    invitation = (
        OfferInvitation.objects.select_related("provider", "contact")
        .filter(token_hash=hash_token(token))
        .first()
    )
    return invitation if invitation is not None and invitation.is_usable() else None


def provider_offers(invitation: OfferInvitation) -> QuerySet[Offer]:
    """The offers a provider's link shows: those still running or without an end."""
    today = timezone.localdate()
    return (
        Offer.objects.filter(provider_id=invitation.provider_id)
        .filter(Q(valid_until__isnull=True) | Q(valid_until__gte=today))
        .order_by("title", "pk")
    )


def submit_change(
    offer: Offer, invitation: OfferInvitation, changes: dict, comment: str
) -> OfferChange:
    """A provider's correction: waits for review; nothing changes on the offer yet."""
    return OfferChange.objects.create(
        offer=offer, invitation=invitation, changes=changes, comment=comment
    )


def accept_change(change: OfferChange, user) -> None:
    """Apply the proposed values through the version counter, confirm the offer, close the
    change. A change that is no longer open is refused."""
    with transaction.atomic():
        change = OfferChange.objects.select_for_update().get(pk=change.pk)
        if change.state != OfferChange.State.OPEN:
            raise OfferError(_("This change has already been reviewed."))
        offer = Offer.objects.get(pk=change.offer_id)
        for name, value in change.changes.items():
            if name == DISCONTINUED:
                if value:
                    offer.is_published = False
                    offer.valid_until = timezone.localdate()
                continue
            if name in EDITABLE_FIELDS:
                setattr(offer, name, from_json(name, value))
        offer.confirmed_at = timezone.now()
        recorded_by(offer, user)
        offer._change_reason = "Angebotsänderung des Trägers"  # type: ignore[attr-defined]
        offer.full_clean()
        offer.save()
        change.state = OfferChange.State.ACCEPTED
        change.reviewed_at = timezone.now()
        change.reviewed_by = user
        change.save()


def decline_change(change: OfferChange, user, reason: str) -> None:
    with transaction.atomic():
        change = OfferChange.objects.select_for_update().get(pk=change.pk)
        if change.state != OfferChange.State.OPEN:
            raise OfferError(_("This change has already been reviewed."))
        change.state = OfferChange.State.DECLINED
        change.reviewed_at = timezone.now()
        change.reviewed_by = user
        if reason:
            change.comment = "\n\n".join(
                part for part in (change.comment, _("Declined: %s") % reason) if part
            )
        change.save()


def from_json(name: str, value):
    """The model value of a stored proposal (dates and amounts are kept as text)."""
    field = Offer._meta.get_field(name)
    if value is None:
        return None
    return field.to_python(value)


def invitable_providers():
    """Providers with offers, each with its contacts that have an e-mail address."""
    return (
        Actor.objects.filter(Exists(Offer.objects.filter(provider=OuterRef("pk"))))
        .annotate(offer_count=Count("offers"))
        .prefetch_related(
            Prefetch(
                "contacts",
                queryset=ContactPerson.objects.exclude(email="").order_by("last_name", "pk"),
                to_attr="mail_contacts",
            )
        )
        .order_by("name")
    )


def invite(provider, contact, expires_on: datetime.date, user) -> tuple[OfferInvitation, str]:
    """A new personal link for `contact`; returns the invitation and its token."""
    invitation = OfferInvitation(
        provider=provider,
        contact=contact,
        expires_on=expires_on,
        invited_at=timezone.now(),
        invited_by=user,
    )
    token = invitation.issue_token()
    recorded_by(invitation, user)
    invitation.save()
    return invitation, token
