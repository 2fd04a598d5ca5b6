"""What the public guide to offers (Wegweiser) reads, as querysets and plain data (issue 17).

What is public is decided once, by `measures.offers.services.visible_offers()` (published,
valid today, confirmed recently enough); every page and the PDF start from it.
"""

from django.db.models import Case, IntegerField, Prefetch, QuerySet, Value, When
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from measures.models import Offer, OfferTranslation
from measures.offers.services import visible_offers
from network.languages import LANGUAGE_NAMES, language_names, split_codes

# Scripts written from right to left among the languages an offer may be described in.
RIGHT_TO_LEFT = {"ar", "fa", "prs", "ps", "ur", "he"}

# The categories in the order of their choices (language courses first), not alphabetical.
CATEGORY_ORDER = Case(
    *(When(category=value, then=Value(index)) for index, value in enumerate(Offer.Category.values)),
    default=Value(len(Offer.Category.values)),
    output_field=IntegerField(),
)


def guide_offers() -> QuerySet[Offer]:
    """The visible offers with their provider, by category and title."""
    return visible_offers().order_by(CATEGORY_ORDER, "title", "pk")


def filter_options() -> dict[str, list[tuple[str, str]]]:
    """The languages and districts of the visible offers, as choices sorted by their German
    names (one query)."""
    codes: set[str] = set()
    districts: set[str] = set()
    for languages, district in (
        visible_offers().select_related(None).order_by().values_list("languages", "district")
    ).distinct():
        codes.update(code for code in split_codes(languages) if code in LANGUAGE_NAMES)
        if district.strip():
            districts.add(district.strip())
    language_choices = sorted(
        ((code, str(LANGUAGE_NAMES[code])) for code in codes), key=lambda c: c[1].casefold()
    )
    return {
        "languages": language_choices,
        "districts": [(name, name) for name in sorted(districts, key=str.casefold)],
    }


def offer_page(pk: int) -> Offer | None:
    """A visible offer with its provider and its descriptions in other languages; None when
    the guide does not show it (two queries)."""
    translations = OfferTranslation.objects.only("offer_id", "language", "title", "description")
    return (
        visible_offers()
        .prefetch_related(Prefetch("translations", queryset=translations.order_by("language")))
        .filter(pk=pk)
        .first()
    )


def translation_rows(offer: Offer) -> list[dict]:
    """The offer's own translations with their language's name and writing direction."""
    return [
        {
            "translation": translation,
            "name": language_names(translation.language),
            "rtl": translation.language in RIGHT_TO_LEFT,
        }
        for translation in offer.translations.all()
    ]


def category_of(slug: str) -> Offer.Category | None:
    return Offer.Category(slug) if slug in Offer.Category.values else None


def category_pdf_data(category: Offer.Category, guide_url: str) -> dict:
    """The visible offers of one category for the print view (one query)."""
    return {
        "title": _("Offers: %(category)s") % {"category": category.label},
        "category": category,
        "rows": [
            {"offer": offer, "registration": registration(offer)}
            for offer in guide_offers().filter(category=category)
        ],
        "guide_url": guide_url,
        "created": timezone.localdate(),
    }


def registration(offer: Offer) -> str:
    """ "Tel. 07161 65-1234, anmeldung@example.org, https://…" (what is given)."""
    parts = [
        _("phone %(number)s") % {"number": offer.registration_phone}
        if offer.registration_phone
        else "",
        offer.registration_email,
        offer.registration_url,
    ]
    return ", ".join(part for part in parts if part)


def category_pdf_filename(category: Offer.Category) -> str:
    """E.g. angebote-sprachkurse.pdf (the category's name in the active language)."""
    return f"{slugify(_('offers'))}-{slugify(category.label) or category.value}.pdf"
