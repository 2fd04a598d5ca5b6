"""The demo's monitoring: two closed rounds with archived reports, one open round half answered."""

import io

import pytest
from django.core.management import call_command

from measures.models import ArchivedReport, MonitoringRequest, MonitoringRound

pytestmark = pytest.mark.django_db


def test_the_demo_has_two_closed_rounds_with_verified_archives_and_an_open_round():
    call_command("load_demo", stdout=io.StringIO())

    closed = MonitoringRound.objects.filter(state=MonitoringRound.State.CLOSED)
    assert closed.count() == 2
    for monitoring_round in closed:
        archived = monitoring_round.archived_reports.all()
        assert {item.edition for item in archived} == set(ArchivedReport.Edition.values)
        assert all(item.read_verified() for item in archived)
        assert not monitoring_round.requests.filter(state=MonitoringRequest.State.SUBMITTED)

    current = MonitoringRound.objects.get(state=MonitoringRound.State.OPEN)
    requests = current.requests.all()
    answered = requests.filter(state__in=MonitoringRequest.ANSWERED_STATES).count()
    assert 0.35 <= answered / requests.count() <= 0.65
    states = set(requests.values_list("state", flat=True))
    assert {"submitted", "returned", "open"} <= states
    for request in requests.exclude(report=None).select_related("report", "round"):
        assert request.report.reporting_date == current.reporting_date
        assert request.report.review_state == request.state
