"""Creating, opening and listing rounds; the staff pages' structure and query counts."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from measures.models import Measure, MonitoringRequest, MonitoringRound
from measures.monitoring.services import MonitoringError, update_requests
from measures.monitoring.services import open_round as open_service
from tests.factories import add_measures
from tests.monitoring.builders import make_contact, make_request, make_round, submit
from tests.test_accessibility import assert_accessible_structure, structure

TODAY = timezone.localdate()


def create(client, **changes):
    data = {
        "title": "Monitoring Frühjahr 2027",
        "reporting_date": TODAY.isoformat(),
        "due_date": (TODAY + datetime.timedelta(days=21)).isoformat(),
        "invitation_text": "Guten Tag {name}, {links}",
        "reminder_text": "Erinnerung {name}, {links}",
        **changes,
    }
    return client.post(reverse("monitoring:round_create"), data)


def test_a_new_round_asks_every_open_measure_s_lead_contact(
    client, sachbearbeitung, plan, action_field, measure, contact
):
    done, without_contact = add_measures(plan, action_field, 2)
    Measure.objects.filter(pk=done.pk).update(status=Measure.Status.DONE)
    client.force_login(sachbearbeitung)

    create(client)

    monitoring_round = MonitoringRound.objects.get()
    assert monitoring_round.state == MonitoringRound.State.DRAFT
    assert monitoring_round.created_by == sachbearbeitung
    requests = {request.measure: request for request in monitoring_round.requests.all()}
    assert set(requests) == {measure, without_contact}
    assert requests[measure].contact == contact
    assert requests[without_contact].contact is None
    page = client.get(monitoring_round.get_absolute_url()).content.decode()
    assert "ohne Ansprechperson" in page


def test_the_new_round_form_offers_the_german_default_text(client, koordination, plan):
    client.force_login(koordination)
    page = client.get(reverse("monitoring:round_create")).content.decode()
    assert "Guten Tag {name}," in page
    assert "{links}" in page


def test_the_due_date_must_not_precede_the_reporting_date(client, koordination, plan):
    client.force_login(koordination)
    response = create(client, due_date=(TODAY - datetime.timedelta(days=1)).isoformat())
    assert response.status_code == 200
    assert not MonitoringRound.objects.exists()


def test_staff_deselect_measures_and_choose_among_several_contacts(
    client, koordination, plan, action_field, measure, contact
):
    other_measure = add_measures(plan, action_field, 1)[0]
    second_contact = make_contact(measure.lead_actor, "Anna", "Albrecht")
    client.force_login(koordination)
    create(client)
    monitoring_round = MonitoringRound.objects.get()
    url = reverse("monitoring:round_requests", args=[monitoring_round.pk])
    page = client.get(url).content.decode()
    assert "Anna Albrecht" in page and "Katharina Seitz" in page

    client.post(url, {f"include_{measure.pk}": "on", f"contact_{measure.pk}": second_contact.pk})

    request = monitoring_round.requests.get()
    assert (request.measure, request.contact) == (measure, second_contact)
    assert not monitoring_round.requests.filter(measure=other_measure).exists()


def test_an_answered_request_cannot_be_removed(koordination, open_round, linked):
    request, _token = linked
    submit(request)
    with pytest.raises(MonitoringError):
        update_requests(open_round, {}, koordination)
    assert MonitoringRequest.objects.filter(pk=request.pk).exists()


def test_opening_sets_the_links_expiry_and_needs_requests(koordination, plan, measure):
    draft = make_round(plan, state=MonitoringRound.State.DRAFT)
    with pytest.raises(MonitoringError):
        open_service(draft, koordination)
    request, _token = make_request(draft, measure)
    MonitoringRequest.objects.filter(pk=request.pk).update(expires_on=None)

    open_service(draft, koordination)

    draft.refresh_from_db()
    request.refresh_from_db()
    assert draft.is_open and draft.opened_at is not None
    assert request.expires_on == draft.due_date + datetime.timedelta(days=14)


def test_only_one_round_is_open_at_a_time(koordination, plan, measure, open_round):
    draft = make_round(plan, state=MonitoringRound.State.DRAFT, title="Zweite")
    make_request(draft, measure)
    assert open_round.is_open
    with pytest.raises(MonitoringError, match="noch offen"):
        open_service(draft, koordination)


def test_reading_role_sees_rounds_but_cannot_change_them(client, lesezugriff, open_round, linked):
    client.force_login(lesezugriff)
    page = client.get(open_round.get_absolute_url()).content.decode()
    assert "Monitoring Herbst 2026" in page
    assert "Einladungen versenden" not in page
    assert client.post(reverse("monitoring:round_invite", args=[open_round.pk])).status_code == 403


def fill(plan, action_field, monitoring_round, count, start):
    for measure in add_measures(plan, action_field, count, start=start):
        request, _token = make_request(
            monitoring_round, measure, make_contact(measure.lead_actor, "Kim", f"K{measure.pk}")
        )
        submit(request)


@pytest.mark.parametrize(
    "name", ["monitoring:round_list", "monitoring:round_detail", "monitoring:round_requests"]
)
def test_round_pages_take_a_fixed_number_of_queries(
    client, koordination, plan, action_field, open_round, name
):
    url = reverse(name, args=[] if name.endswith("list") else [open_round.pk])
    client.force_login(koordination)
    fill(plan, action_field, open_round, 2, 0)
    with CaptureQueriesContext(connection) as small:
        assert client.get(url).status_code == 200
    fill(plan, action_field, open_round, 12, 2)
    make_round(plan, state=MonitoringRound.State.CLOSED, title="Früher")
    with CaptureQueriesContext(connection) as large:
        client.get(url)
    assert len(small) == len(large) <= 15


def test_review_and_partner_pages_take_a_fixed_number_of_queries(
    client, koordination, plan, action_field, open_round, measure, contact, indicator
):
    from measures.models import Indicator, IndicatorValue

    request, token = make_request(open_round, measure, contact)
    submit(request)
    urls = [
        reverse("monitoring:request_review", args=[request.pk]),
        reverse("monitoring:request_enter", args=[request.pk]),
        reverse("partner:report", args=[token]),
    ]
    client.force_login(koordination)
    small = []
    for url in urls:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        small.append(len(queries))
    for number in range(4):
        indicator = Indicator.objects.create(measure=measure, title=f"Kennzahl {number}")
        IndicatorValue.objects.create(indicator=indicator, date="2026-01-31", value=number)
    add_measures(plan, action_field, 5)
    large = []
    for url in urls:
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        large.append(len(queries))
    assert small == large
    assert max(large) <= 15


def test_monitoring_pages_are_accessible(client, koordination, open_round, linked, indicator):
    request, token = linked
    submit(request)
    client.force_login(koordination)
    urls = [
        reverse("monitoring:round_list"),
        reverse("monitoring:round_create"),
        reverse("monitoring:round_detail", args=[open_round.pk]),
        reverse("monitoring:round_edit", args=[open_round.pk]),
        reverse("monitoring:round_requests", args=[open_round.pk]),
        reverse("monitoring:round_close", args=[open_round.pk]),
        reverse("monitoring:request_review", args=[request.pk]),
        reverse("monitoring:request_enter", args=[request.pk]),
        reverse("reports:archive_list"),
        reverse("reports"),
        reverse("partner:report", args=[token]),
        reverse("partner:thanks", args=[token]),
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert_accessible_structure(structure(response), url)
    client.logout()
    neutral = client.get(reverse("partner:report", args=["wrong"]))
    assert_accessible_structure(structure(neutral), "neutral page")
