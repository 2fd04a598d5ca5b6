"""The response rate of a round: answered requests in percent, the same on every page."""

import pytest
from django.urls import reverse

from measures.models import MonitoringRequest, MonitoringRound
from measures.reports.data import monitoring_report_data, response_figures
from tests.factories import add_measures
from tests.monitoring.builders import make_request, make_round

pytestmark = pytest.mark.django_db

State = MonitoringRequest.State


def counted(monitoring_round):
    return MonitoringRound.objects.with_response().get(pk=monitoring_round.pk)


@pytest.fixture
def answered_three_of_four(plan, action_field, open_round):
    """Requests open, submitted, accepted and returned: three of four count as answered."""
    for measure, state in zip(
        add_measures(plan, action_field, 4),
        (State.OPEN, State.SUBMITTED, State.ACCEPTED, State.RETURNED),
        strict=True,
    ):
        make_request(open_round, measure, state=state)
    return open_round


def test_submitted_accepted_and_returned_count_as_answered(answered_three_of_four):
    monitoring_round = counted(answered_three_of_four)
    assert (monitoring_round.request_count, monitoring_round.answered_count) == (4, 3)
    assert monitoring_round.response_rate == 75


def test_a_round_without_requests_has_a_rate_of_0(client, koordination, plan):
    draft = make_round(plan, state=MonitoringRound.State.DRAFT)
    assert counted(draft).response_rate == 0
    assert response_figures(draft) is None
    client.force_login(koordination)
    figures = client.get(reverse("monitoring:round_detail", args=[draft.pk])).context["figures"]
    assert (figures["total"], figures["answered"], figures["rate"]) == (0, 0, 0)


def test_every_page_shows_the_same_rate(client, koordination, answered_three_of_four):
    client.force_login(koordination)
    detail = client.get(reverse("monitoring:round_detail", args=[answered_three_of_four.pk]))
    assert (detail.context["figures"]["answered"], detail.context["figures"]["rate"]) == (3, 75)
    assert "75 %" in detail.content.decode()
    listed = client.get(reverse("monitoring:round_list")).context["object_list"]
    assert [(item.answered_count, item.request_count) for item in listed] == [(3, 4)]
    assert client.get(reverse("dashboard")).context["monitoring"]["rate"] == 75
    report = monitoring_report_data(answered_three_of_four)["response"]
    assert (report["answered"], report["total"], report["rate"]) == (3, 4, 75)


def test_the_rate_is_rounded_to_whole_percent(plan, action_field, open_round):
    for index, measure in enumerate(add_measures(plan, action_field, 3)):
        make_request(open_round, measure, state=State.SUBMITTED if index == 0 else State.OPEN)
    assert counted(open_round).response_rate == 33
