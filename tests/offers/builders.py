"""Offers, providers with contacts, links with known tokens and changes for the offers' tests,
the permission table and the page walk."""

import datetime

from django.utils import timezone

from measures.models import Offer, OfferChange, OfferInvitation
from network.models import Actor, ContactPerson


def make_provider(name="Volkshochschule Göppingen", email=None):
    """An actor with a contact person who has an e-mail address."""
    actor = Actor.objects.get_or_create(name=name, defaults={"kind": Actor.Kind.EDUCATION})[0]
    email = email or f"kontakt{actor.pk}@example.org"
    if not actor.contacts.filter(email=email).exists():
        ContactPerson.objects.create(
            actor=actor, first_name="Petra", last_name=f"Schmid {actor.pk}", email=email
        )
    return actor


def make_offer(title="Deutschkurs am Vormittag", provider=None, **fields):
    values = {
        "provider": provider or make_provider(),
        "category": Offer.Category.LANGUAGE,
        "title": title,
        "description": "Deutsch lernen in kleinen Gruppen.",
        "languages": "de,tr",
        "district": "Innenstadt",
        "address": "Mörikestraße 16",
        "schedule": "dienstags 9–11 Uhr",
        "confirmed_at": timezone.now() - datetime.timedelta(days=30),
        **fields,
    }
    return Offer.objects.create(**values)


def make_invitation(provider, contact=None, expires_on=None):
    """A working link of `provider`'s first contact; returns (invitation, token)."""
    invitation = OfferInvitation(
        provider=provider,
        contact=contact or provider.contacts.order_by("pk").first(),
        expires_on=expires_on or timezone.localdate() + datetime.timedelta(days=42),
        invited_at=timezone.now(),
    )
    token = invitation.issue_token()
    invitation.save()
    return invitation, token


def make_change(offer, invitation=None, **changes):
    return OfferChange.objects.create(
        offer=offer,
        invitation=invitation,
        changes=changes or {"schedule": "mittwochs 17–19 Uhr"},
    )


def offer_world(data):
    """An offer of a provider with a link and an open change, kept in `data`."""
    if "offer" not in data:
        provider = make_provider(f"Anbieter {Offer.objects.count() + 1}")
        data["offer"] = make_offer(provider=provider)
        data["invitation"], data["token"] = make_invitation(provider)
        data["change"] = make_change(data["offer"], data["invitation"])
    return data
