"""The partner's link: a hash stored, one measure shown, every dead link answered alike."""

import datetime
import hashlib
import re
from decimal import Decimal

import pytest
from django.urls import reverse

from measures.models import (
    IndicatorValue,
    Measure,
    MonitoringRequest,
    MonitoringRound,
    PartnerLinkFailure,
    ReportedIndicatorValue,
    StatusReport,
)
from measures.monitoring.services import MAX_FAILURES
from tests.factories import add_measures
from tests.monitoring.builders import make_request, submit


def link(token):
    return reverse("partner:report", args=[token])


def answer(client, token):
    response = client.get(link(token))
    return response.status_code, response.content


def test_only_the_hash_of_the_token_is_stored(linked):
    request, token = linked
    request.refresh_from_db()
    assert request.token_hash == hashlib.sha256(token.encode()).hexdigest()
    assert len(token) >= 43  # 32 random bytes: 256 bits
    stored = [str(value) for value in MonitoringRequest.objects.values_list().get()]
    assert token not in stored
    # The change history does not keep even the hash.
    assert "token_hash" not in {
        field.name for field in MonitoringRequest.history.model._meta.fields
    }


def test_the_page_shows_the_measure_and_its_last_accepted_report(client, linked, status_report):
    page = client.get(link(linked[1]))
    assert page.status_code == 200
    text = page.content.decode()
    assert "1.1 Mama lernt Deutsch" in text
    assert "Zwei Kurse laufen." in text
    assert page["Cache-Control"].startswith("no-store") or "no-store" in page["Cache-Control"]
    assert page["Referrer-Policy"] == "same-origin"


def test_it_shows_nothing_of_other_measures(client, plan, action_field, linked):
    other = add_measures(plan, action_field, 1)[0]
    StatusReport.objects.filter(measure=other).update(text="Geheimer Stand der anderen Maßnahme")
    text = client.get(link(linked[1])).content.decode()
    assert other.title not in text
    assert "Geheimer Stand" not in text


def test_wrong_expired_used_up_and_closed_round_links_get_the_same_answer(
    client, plan, measure, linked
):
    request, token = linked
    wrong = answer(client, "x" * 43)

    request.expires_on = datetime.date(2020, 1, 1)
    request.save()
    expired = answer(client, token)

    request.expires_on = request.round.link_expiry
    request.state = MonitoringRequest.State.ACCEPTED
    request.save()
    used_up = answer(client, token)

    request.state = MonitoringRequest.State.OPEN
    request.save()
    MonitoringRound.objects.update(state=MonitoringRound.State.CLOSED)
    closed = answer(client, token)

    assert wrong[0] == 404
    assert wrong == expired == used_up == closed
    assert "Mama lernt Deutsch" not in wrong[1].decode()


def test_a_link_does_not_log_in_or_open_staff_pages(client, linked):
    request, token = linked
    client.get(link(token))
    for url in (
        reverse("dashboard"),
        reverse("measures:detail", args=[request.measure_id]),
        reverse("monitoring:round_detail", args=[request.round_id]),
    ):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))


def test_a_closed_round_refuses_a_submission(client, linked):
    _request, token = linked
    page = client.get(link(token))
    assert page.status_code == 200
    MonitoringRound.objects.update(state=MonitoringRound.State.CLOSED)
    response = client.post(
        link(token),
        {"status": "in_progress", "progress": "50", "text": "Spät", "author_name": "K. Seitz"},
    )
    assert response.status_code == 404
    assert not StatusReport.objects.exists()


def test_repeated_wrong_links_from_one_address_are_throttled(client, linked):
    _request, token = linked
    for number in range(MAX_FAILURES):
        assert client.get(link(f"guess-{number}")).status_code == 404
    # Now even the right link is refused for a while, so that guessing gains nothing.
    response = client.get(link(token))
    assert response.status_code == 429
    assert "Mama lernt Deutsch" not in response.content.decode()
    # Another address is not affected.
    assert client.get(link(token), REMOTE_ADDR="192.0.2.7").status_code == 200


def test_throttling_counts_in_the_database_and_forgets_old_failures(client, linked):
    old = PartnerLinkFailure.objects.create(
        address_hash="0" * 64,
        created_at=datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC),
    )
    client.get(link("wrong"))
    assert PartnerLinkFailure.objects.count() == 1
    assert not PartnerLinkFailure.objects.filter(pk=old.pk).exists()
    assert "127.0.0.1" not in PartnerLinkFailure.objects.get().address_hash


def test_the_partner_can_correct_a_submitted_report_until_it_is_reviewed(client, linked):
    _request, token = linked
    data = {
        "status": "in_progress",
        "progress": "50",
        "text": "Erste Fassung",
        "author_name": "Katharina Seitz",
    }
    client.post(link(token), data)
    client.post(link(token), {**data, "text": "Korrigierte Fassung"})
    report = StatusReport.objects.get()
    assert report.text == "Korrigierte Fassung"
    assert "Korrigierte Fassung" in client.get(link(token)).content.decode()


def test_the_form_refuses_invalid_answers(client, linked):
    token = linked[1]
    response = client.post(
        link(token), {"status": "done", "progress": "80", "text": "", "author_name": ""}
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert {"progress", "text", "author_name"} <= set(errors)
    assert not StatusReport.objects.exists()


@pytest.mark.parametrize("state", ["accepted"])
def test_thanks_page_needs_a_working_link_too(client, linked, state):
    request, token = linked
    submit(request)
    assert client.get(reverse("partner:thanks", args=[token])).status_code == 200
    request.state = state
    request.save()
    assert client.get(reverse("partner:thanks", args=[token])).status_code == 404


def test_the_partner_page_fits_a_phone(client, linked):
    page = client.get(link(linked[1])).content.decode()
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in page
    assert "style=" not in page
    # Only the small progressive-enhancement file for forms, no inline script.
    assert re.findall(r"<script[^>]*>", page) == ['<script src="/static/js/forms.js" defer>']


def test_a_new_contact_invalidates_the_old_link(client, koordination, open_round, linked):
    from tests.monitoring.builders import make_contact

    request, token = linked
    other = make_contact(request.measure.lead_actor, "Derya", "Kaya")
    client.force_login(koordination)
    client.post(
        reverse("monitoring:round_requests", args=[open_round.pk]),
        {f"include_{request.measure_id}": "on", f"contact_{request.measure_id}": other.pk},
    )
    request.refresh_from_db()
    assert request.contact == other
    assert request.invited_at is None
    client.logout()
    assert client.get(link(token)).status_code == 404


def test_request_for_a_done_measure_is_not_created(db, plan, action_field):
    from measures.monitoring.services import eligible_measures

    open_measure, done, dropped = add_measures(plan, action_field, 3)
    Measure.objects.filter(pk=done.pk).update(status=Measure.Status.DONE)
    Measure.objects.filter(pk=dropped.pk).update(status=Measure.Status.DROPPED)
    assert list(eligible_measures(plan)) == [open_measure]


def test_make_request_helper_gives_a_working_link(client, open_round, measure):
    _request, token = make_request(open_round, measure)
    assert client.get(link(token)).status_code == 200


def test_the_partner_page_is_german_whatever_the_browser_asks_for(client, linked):
    response = client.get(link(linked[1]), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert response["Content-Language"] == "de"
    assert "Ihr Bericht" in response.content.decode()


def test_indicator_numbers_read_as_german_numbers(client, linked, indicator):
    IndicatorValue.objects.create(indicator=indicator, date="2026-06-30", value=Decimal("74.00"))
    indicator.target = Decimal("1234.50")
    indicator.save()
    text = client.get(link(linked[1])).content.decode()
    assert "Ausgangswert 18, Zielwert 1.234,5, letzter Wert 74 (30.06.2026)" in text
    # The form field's hint, too.
    assert "Letzter Wert: 74 vom 30.06.2026" in text
    assert "74,00" not in text and "74.00" not in text


def test_a_submitted_report_shows_its_indicator_value_without_needless_decimals(
    client, linked, indicator
):
    request, token = linked
    report = submit(request)
    ReportedIndicatorValue.objects.create(
        report=report, indicator=indicator, value=Decimal("42.00")
    )
    text = client.get(link(token)).content.decode()
    assert f'name="indicator_{indicator.pk}" value="42"' in text
