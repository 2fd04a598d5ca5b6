"""Offers for the public guide's tests (issue 17): visible unless told otherwise."""

import datetime

from django.utils import timezone

from measures.models import Offer, OfferTranslation
from network.models import Actor


def provider(name="Volkshochschule Göppingen"):
    return Actor.objects.get_or_create(name=name, defaults={"kind": Actor.Kind.EDUCATION})[0]


def offer(title="Deutschkurs für Frauen", **fields):
    """A published offer, confirmed a month ago, held in German and Turkish."""
    values = {
        "provider": fields.pop("provider", None) or provider(),
        "category": Offer.Category.LANGUAGE,
        "title": title,
        "description": "Ein Deutschkurs mit Kinderbetreuung.",
        "languages": "de,tr",
        "target_groups": "Frauen, Mütter",
        "district": "Innenstadt",
        "address": "Mörikestraße 16",
        "schedule": "dienstags 9–11 Uhr",
        "confirmed_at": timezone.now() - datetime.timedelta(days=30),
        **fields,
    }
    return Offer.objects.create(**values)


def translation(
    of, language="tr", title="Kadınlar için Almanca kursu", description="Çocuk bakımı ile."
):
    return OfferTranslation.objects.create(
        offer=of, language=language, title=title, description=description
    )


def offers(total, category=Offer.Category.LANGUAGE, start=0):
    """`total` visible offers of one provider each, with a translation each."""
    made = []
    for number in range(start, start + total):
        made.append(
            offer(
                title=f"Angebot {number:03d}",
                category=category,
                provider=provider(f"Träger {number:03d}"),
            )
        )
        translation(made[-1], title=f"Teklif {number:03d}")
    return made
