"""The integration monitoring's records: the starter set and the rules every value keeps."""

import datetime
from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction
from django.utils import translation

from measures.indicators.starter import STARTER_INDICATORS
from measures.models import Area, CityIndicator, CityIndicatorValue, Topic
from measures.models.city_indicators import BREAKDOWN_CHOICES

pytestmark = pytest.mark.django_db


def test_the_starter_set_covers_every_kgst_topic_with_definitions_and_no_values():
    indicators = list(CityIndicator.objects.all())
    assert len(indicators) == len(STARTER_INDICATORS) >= 15
    assert {indicator.topic for indicator in indicators} == set(Topic.values)
    keys = {key for key, _label in BREAKDOWN_CHOICES}
    for indicator in indicators:
        assert indicator.definition and indicator.source and indicator.unit, indicator.code
        assert set(indicator.breakdowns) <= keys, indicator.code
        assert indicator.history.filter(history_type="+").exists(), indicator.code
    assert not CityIndicatorValue.objects.exists()
    # The segregation index needs a population count by district and group.
    population = CityIndicator.objects.get(is_population=True)
    assert population.by_district and "migration" in population.breakdowns


def test_breakdowns_read_in_german():
    indicator = CityIndicator.objects.get(code="S1")
    with translation.override("de"):
        labels = [str(label) for label in indicator.breakdown_labels()]
    assert labels == [
        "Stadtteil",
        "Geschlecht",
        "Altersgruppe",
        "Migrationshintergrund",
        "Staatsangehörigkeit",
    ]


@pytest.fixture
def value_parts():
    area = Area.objects.create(code="08117019-01", name="Faurndau")
    return {"indicator": CityIndicator.objects.get(code="A2"), "area": area}


def test_a_value_for_the_same_area_period_and_group_is_kept_once(value_parts):
    period = datetime.date(2024, 12, 31)
    CityIndicatorValue.objects.create(**value_parts, period=period, value=Decimal("5.2"))
    with pytest.raises(IntegrityError), transaction.atomic():
        CityIndicatorValue.objects.create(**value_parts, period=period, value=Decimal("5.3"))
    # Another group of the same period is a value of its own.
    CityIndicatorValue.objects.create(
        **value_parts, period=period, breakdown="gender", group="weiblich", value=Decimal("4.9")
    )


@pytest.mark.parametrize(("breakdown", "group"), [("total", "weiblich"), ("gender", "")])
def test_the_group_is_named_exactly_for_a_breakdown(value_parts, breakdown, group):
    with pytest.raises(IntegrityError), transaction.atomic():
        CityIndicatorValue.objects.create(
            **value_parts,
            period=datetime.date(2024, 12, 31),
            breakdown=breakdown,
            group=group,
            value=1,
        )


def test_the_period_reads_as_a_year_or_a_german_date(value_parts):
    year = CityIndicatorValue(**value_parts, period=datetime.date(2024, 12, 31), value=1)
    date = CityIndicatorValue(
        **value_parts, period=datetime.date(2024, 6, 30), period_kind="date", value=1
    )
    with translation.override("de"):
        assert (year.period_label, date.period_label) == ("2024", "30.06.2024")


def test_the_city_comes_before_its_districts():
    Area.objects.create(code="08117019-01", name="Bartenbach", sort_order=1)
    Area.objects.create(code="08117019", name="Göppingen", kind=Area.Kind.CITY)
    assert [area.name for area in Area.objects.all()] == ["Göppingen", "Bartenbach"]
