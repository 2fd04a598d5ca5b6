"""The dashboard shows the open round: response rate and overdue answers."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from measures.models import MonitoringRound
from tests.factories import add_measures
from tests.monitoring.builders import make_request, make_round, submit


def test_it_shows_the_open_round_s_response_rate_and_overdue_answers(
    client, lesezugriff, plan, action_field, measure
):
    monitoring_round = make_round(
        plan, reporting_date=datetime.date(2026, 1, 5), due_date=datetime.date(2026, 2, 1)
    )
    answered, _token = make_request(monitoring_round, measure)
    submit(answered)
    late = add_measures(plan, action_field, 3)
    for item in late:
        make_request(monitoring_round, item)
    client.force_login(lesezugriff)

    response = client.get(reverse("dashboard"))

    figures = response.context["data"]["monitoring"]
    assert figures["rate"] == 25
    assert figures["overdue_count"] == 3
    assert [request.measure for request in figures["overdue"]] == late
    page = response.content.decode()
    assert "Rücklaufquote (1 von 4)" in page
    assert "Überfällige Antworten" in page


def test_answers_are_not_overdue_before_the_due_date(client, lesezugriff, plan, measure):
    make_request(make_round(plan), measure)
    client.force_login(lesezugriff)
    figures = client.get(reverse("dashboard")).context["data"]["monitoring"]
    assert figures["overdue_count"] == 0 and figures["overdue"] == []


def test_without_an_open_round_the_dashboard_shows_none(client, lesezugriff, plan, measure):
    make_round(plan, state=MonitoringRound.State.CLOSED)
    client.force_login(lesezugriff)
    assert client.get(reverse("dashboard")).context["data"]["monitoring"] is None


def test_the_dashboard_keeps_a_fixed_number_of_queries(client, lesezugriff, plan, action_field):
    monitoring_round = make_round(
        plan, reporting_date=datetime.date(2026, 1, 5), due_date=datetime.date(2026, 2, 1)
    )
    for item in add_measures(plan, action_field, 2, end=datetime.date(2020, 1, 1)):
        make_request(monitoring_round, item)
    client.force_login(lesezugriff)
    with CaptureQueriesContext(connection) as small:
        client.get(reverse("dashboard"))
    for item in add_measures(plan, action_field, 20, start=2, end=datetime.date(2020, 1, 1)):
        submit(make_request(monitoring_round, item)[0])
    with CaptureQueriesContext(connection) as large:
        client.get(reverse("dashboard"))
    assert len(small) == len(large) <= 16  # the funding deadlines add one (issue 17)
