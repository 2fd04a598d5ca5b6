"""The offers' staff pages and the providers' links (issue 17, offers:* and offer_link:*);
joined into projects.TABLE."""

import datetime

from django.utils import timezone

from core.models import MailDelivery
from measures.models import Offer, OfferChange
from tests.offers.builders import offer_world
from tests.url_permissions import (
    COORDINATION,
    DONE_BY_COORDINATION,
    DONE_BY_WRITE,
    PUBLIC,
    READ,
    WRITE,
    Post,
    row_of,
)


def offer_kwargs(data):
    return {"pk": offer_world(data)["offer"].pk}


def world_only(data):
    offer_world(data)
    return {}


def change_kwargs(data):
    return {"pk": offer_world(data)["change"].pk}


def token_kwargs(data):
    return {"token": offer_world(data)["token"]}


def thanks_kwargs(data):
    world = offer_world(data)
    return {"token": world["token"]}


def change_link_kwargs(data):
    world = offer_world(data)
    return {"token": world["token"], "pk": world["offer"].pk}


def offer_data(data):
    offer = data["offer"]
    return {
        "provider": offer.provider_id,
        "category": offer.category,
        "title": "Deutschkurs am Abend",
        "description": offer.description,
        "languages": ["de"],
        "is_free": "on",
        "is_published": "on",
        "version": offer.version,
    }


def invite_data(data):
    offer = data["offer"]
    contact = offer.provider.contacts.order_by("pk").first()
    return {
        "provider": [offer.provider_id],
        f"contact_{offer.provider_id}": contact.pk,
        "expires_on": (timezone.localdate() + datetime.timedelta(days=42)).isoformat(),
    }


def mails_queued(kwargs):
    return MailDelivery.objects.count()


def offers_total(kwargs):
    return Offer.objects.count()


def change_row(kwargs):
    return OfferChange.objects.filter(pk=kwargs["pk"]).values().first()


OFFER_TABLE = {
    "offers:list": (None, READ),
    "offers:export": (lambda d: {"file_format": "csv"}, READ),
    "offers:unconfirmed": (None, READ),
    "offers:detail": (offer_kwargs, READ),
    "offers:create": (
        world_only,
        WRITE,
        Post(DONE_BY_WRITE, data=offer_data, changes=offers_total),
    ),
    "offers:edit": (
        offer_kwargs,
        WRITE,
        Post(DONE_BY_WRITE, data=offer_data, changes=row_of(Offer)),
    ),
    "offers:translation_edit": (
        offer_kwargs,
        WRITE,
        Post(
            DONE_BY_WRITE,
            data=lambda d: {
                "translations-TOTAL_FORMS": "1",
                "translations-INITIAL_FORMS": "0",
                "translations-0-language": "tr",
                "translations-0-title": "Almanca kursu",
                "translations-0-description": "Küçük gruplarda Almanca.",
            },
            changes=lambda kwargs: Offer.objects.get(pk=kwargs["pk"]).translations.count(),
        ),
    ),
    "offers:delete": (offer_kwargs, WRITE, Post(DONE_BY_WRITE, changes=row_of(Offer))),
    "offers:invite": (
        world_only,
        COORDINATION,
        Post(DONE_BY_COORDINATION, data=invite_data, changes=mails_queued),
    ),
    "offers:changes": (None, WRITE),
    "offers:change_review": (
        change_kwargs,
        WRITE,
        Post(DONE_BY_WRITE, data=lambda d: {"decision": "accept"}, changes=change_row),
    ),
    # The provider's link works without an account, for whoever holds it.
    "offer_link:form": (token_kwargs, PUBLIC),
    "offer_link:change": (change_link_kwargs, PUBLIC),
    "offer_link:thanks": (thanks_kwargs, PUBLIC),
}
