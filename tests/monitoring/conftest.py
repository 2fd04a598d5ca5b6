import pytest

from measures.models import Indicator, IndicatorValue
from tests.monitoring.builders import make_contact, make_request, make_round


@pytest.fixture
def contact(actor):
    return make_contact(actor)


@pytest.fixture
def open_round(plan):
    return make_round(plan)


@pytest.fixture
def indicator(measure):
    indicator = Indicator.objects.create(
        measure=measure, title="Teilnehmerinnen", unit="Personen", baseline=18, target=60
    )
    IndicatorValue.objects.create(indicator=indicator, date="2025-12-31", value=38)
    return indicator


@pytest.fixture
def linked(open_round, measure, contact):
    """An open request of `measure` with its working link: (request, token)."""
    return make_request(open_round, measure, contact)
