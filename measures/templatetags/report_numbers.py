"""Numbers of indicators and reports: as few decimals as the value needs, in the page's language.

One filter for every page and PDF that shows indicator values; forms use `trimmed` and
`plain_number` for their initial values and help texts.
"""

from decimal import Decimal

from django import template
from django.utils import formats

register = template.Library()


def trimmed(value):
    """74.00 → 74, 12.50 → 12.5 (as a Decimal); None stays None."""
    if value is None or value == "":
        return None
    number = value if isinstance(value, Decimal) else Decimal(str(value))
    return number.quantize(Decimal(1)) if number == number.to_integral() else number.normalize()


@register.filter
def plain_number(value):
    """12.50 → "12,5", 4900.00 → "4.900", 1234.5 → "1.234,5" (German); empty for None."""
    number = trimmed(value)
    if number is None:
        return ""
    return formats.number_format(number, use_l10n=True)
