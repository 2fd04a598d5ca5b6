"""Periods and rounding as the integration monitoring shows them."""

import datetime
from decimal import ROUND_HALF_UP, Decimal

from django.utils.formats import date_format

from ..models import CityIndicatorValue

Period = tuple[datetime.date, str]  # (period, period_kind): years and reporting dates sort together


def period_label(period: Period) -> str:
    """“2024” for a year, “30.06.2024” for a reporting date (as CityIndicatorValue.period_label)."""
    day, kind = period
    if kind == CityIndicatorValue.PeriodKind.YEAR:
        return str(day.year)
    return date_format(day, "SHORT_DATE_FORMAT")


def rounded(value: Decimal, decimal_places: int) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-decimal_places), rounding=ROUND_HALF_UP)
