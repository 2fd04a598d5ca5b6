import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from committee.models import Committee, Meeting
from measures.models import Measure
from tests.factories import add_measures

DASHBOARD = reverse("dashboard")


@pytest.fixture
def logged_in(client, lesezugriff):
    client.force_login(lesezugriff)
    return client


def test_it_counts_measures_per_status(logged_in, plan, action_field, measure):
    add_measures(plan, action_field, 2, status=Measure.Status.DELAYED)
    rows = {
        row["status"]: row["count"]
        for row in logged_in.get(DASHBOARD).context["data"]["status_rows"]
    }
    assert rows["delayed"] == 2
    assert rows["in_progress"] == 1
    assert rows["done"] == 0


def test_it_shows_progress_per_action_field_as_a_labelled_chart(logged_in, measure):
    response = logged_in.get(DASHBOARD)
    assert response.context["data"]["field_rows"][0]["progress"] == 40
    page = response.content.decode()
    assert '<svg class="chart__svg" role="img"' in page
    # Readable without colour: the value stands as text beside the bar.
    assert '<text x="560" y="20" class="chart__value">40 %</text>' in page


def test_it_lists_overdue_and_stale_measures(logged_in, plan, action_field, measure):
    late = Measure.objects.create(
        plan=plan,
        action_field=action_field,
        code="1.5",
        title="Verspätete Maßnahme",
        end=datetime.date(2021, 12, 31),
        status=Measure.Status.DELAYED,
    )
    context = logged_in.get(DASHBOARD).context
    assert context["data"]["overdue"] == [late]
    assert context["data"]["figures"]["overdue"] == 1
    # Neither has an accepted report, so both count as stale.
    assert context["data"]["figures"]["stale"] == 2


def test_it_shows_upcoming_meetings_but_not_cancelled_ones(logged_in, plan):
    committee = Committee.objects.create(name="Integrationsausschuss", short_name="IA")
    start = timezone.now() + datetime.timedelta(days=10)
    Meeting.objects.create(
        committee=committee, number=7, start=start, location="Rathaus", room="Großer Saal"
    )
    Meeting.objects.create(committee=committee, number=8, start=start, state="cancelled")
    response = logged_in.get(DASHBOARD)
    assert [m.number for m in response.context["meetings"]] == [7]
    assert "Rathaus, Großer Saal" in response.content.decode()


def test_it_explains_when_no_plan_is_adopted(logged_in):
    response = logged_in.get(DASHBOARD)
    assert response.status_code == 200
    assert "Es wurde noch kein Plan beschlossen." in response.content.decode()


def test_query_count_does_not_grow_with_the_data(logged_in, plan, action_field):
    add_measures(plan, action_field, 3, end=datetime.date(2020, 1, 1))
    with CaptureQueriesContext(connection) as small:
        logged_in.get(DASHBOARD)
    add_measures(plan, action_field, 30, start=3, end=datetime.date(2020, 1, 1))
    with CaptureQueriesContext(connection) as large:
        logged_in.get(DASHBOARD)
    assert len(small) == len(large)
    assert len(large) <= 15
