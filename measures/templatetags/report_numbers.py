"""Numbers in reports: as few decimals as the value needs, in the page's language."""

from decimal import Decimal

from django import template
from django.utils import formats

register = template.Library()


@register.filter
def plain_number(value):
    """12.50 → "12,5", 4900.00 → "4.900" (German); empty for None."""
    if value is None or value == "":
        return ""
    number = Decimal(value)
    number = number.quantize(Decimal(1)) if number == number.to_integral() else number.normalize()
    return formats.number_format(number, use_l10n=True)
