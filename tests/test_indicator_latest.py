"""An indicator's latest value: the one with the latest date, the same on every page."""

import datetime
from decimal import Decimal

import pytest

from measures.models import Indicator, IndicatorValue

pytestmark = pytest.mark.django_db


@pytest.fixture
def indicator(measure):
    indicator = Indicator.objects.create(measure=measure, title="Teilnehmerinnen", unit="Personen")
    # Entered out of order: the later date must win, not the later entry.
    IndicatorValue.objects.create(indicator=indicator, date=datetime.date(2026, 6, 30), value=40)
    IndicatorValue.objects.create(indicator=indicator, date=datetime.date(2025, 12, 31), value=38)
    return indicator


def test_the_value_with_the_latest_date_is_the_latest(indicator):
    fetched = Indicator.objects.with_latest().get(pk=indicator.pk)
    assert fetched.latest_value.value == Decimal("40")
    assert Indicator.objects.get(pk=indicator.pk).latest_value.value == Decimal("40")


def test_up_to_a_day_leaves_out_later_values(indicator):
    fetched = Indicator.objects.with_latest(on=datetime.date(2026, 1, 31)).get(pk=indicator.pk)
    assert fetched.latest_value.date == datetime.date(2025, 12, 31)
    assert [value.value for value in fetched.values.all()] == [Decimal("38")]


def test_an_indicator_without_values_has_no_latest_value(measure):
    empty = Indicator.objects.create(measure=measure, title="Kurse")
    assert Indicator.objects.with_latest().get(pk=empty.pk).latest_value is None
    assert empty.latest_value is None


def test_latest_values_of_many_indicators_take_two_queries(
    measure, indicator, django_assert_num_queries
):
    for number in range(3):
        other = Indicator.objects.create(measure=measure, title=f"Kennzahl {number}")
        IndicatorValue.objects.create(indicator=other, date=datetime.date(2026, 1, 1), value=number)
    # One query for the indicators, one for all their values.
    with django_assert_num_queries(2):
        latest = [item.latest_value for item in Indicator.objects.with_latest()]
    assert len(latest) == 4
