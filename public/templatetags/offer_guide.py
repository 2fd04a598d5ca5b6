"""Display helpers of the public guide to offers (issue 17): language names, cost, phone links."""

import re

from django import template
from django.utils import formats
from django.utils.translation import gettext as _

from measures.models import Offer
from network.languages import language_names as names_of

register = template.Library()

NOT_DIALLED = re.compile(r"[^0-9+]")


@register.filter
def language_names(codes: str) -> str:
    """ "tr,ar" → "Türkisch, Arabisch"."""
    return names_of(codes)


@register.filter
def offer_cost(offer: Offer) -> str:
    """ "kostenlos", "12,50 €" or "Gebühr", each with the offer's note on the cost."""
    if offer.is_free:
        amount = _("free of charge")
    elif offer.cost is not None:
        amount = formats.number_format(offer.cost, 2, use_l10n=True, force_grouping=True) + " €"
    else:
        amount = _("with a fee")
    return f"{amount} ({offer.cost_note})" if offer.cost_note else amount


@register.filter
def tel_href(phone: str) -> str:
    """ "07161 65-1234" → "tel:07161651234": the digits (and a leading +) only."""
    return "tel:" + NOT_DIALLED.sub("", phone)
