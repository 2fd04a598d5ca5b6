"""Which status report describes a measure: the latest accepted one, wherever it is shown."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from measures.models import Measure, StatusReport

pytestmark = pytest.mark.django_db

ACCEPTED = StatusReport.ReviewState.ACCEPTED


def report(measure, day, review_state=ACCEPTED, **fields):
    return StatusReport.objects.create(
        measure=measure,
        reporting_date=day,
        status=fields.pop("status", Measure.Status.IN_PROGRESS),
        progress=fields.pop("progress", 50),
        text=fields.pop("text", "Bericht"),
        review_state=review_state,
        **fields,
    )


def last_report_date(measure):
    return Measure.objects.with_last_report().get(pk=measure.pk).last_report_date


def test_a_later_accepted_report_wins_over_an_earlier_one(measure):
    later = report(measure, datetime.date(2026, 10, 1))
    report(measure, datetime.date(2026, 4, 1))  # entered afterwards, but older
    assert StatusReport.objects.accepted().latest_for(measure) == later
    assert last_report_date(measure) == later.reporting_date


@pytest.mark.parametrize(
    "state", [StatusReport.ReviewState.SUBMITTED, StatusReport.ReviewState.RETURNED]
)
def test_a_submitted_or_returned_report_never_counts(measure, state):
    accepted = report(measure, datetime.date(2026, 4, 1))
    report(measure, datetime.date(2026, 10, 1), review_state=state)
    assert StatusReport.objects.accepted().latest_for(measure) == accepted
    assert last_report_date(measure) == accepted.reporting_date


def test_a_measure_without_an_accepted_report_has_none_and_is_stale(measure):
    report(measure, timezone.localdate(), review_state=StatusReport.ReviewState.SUBMITTED)
    assert StatusReport.objects.accepted().latest_for(measure) is None
    assert last_report_date(measure) is None
    assert Measure.objects.get(pk=measure.pk).is_stale
    assert Measure.objects.stale().filter(pk=measure.pk).exists()


def test_is_stale_says_the_same_with_and_without_the_annotation(measure):
    report(measure, timezone.localdate() - datetime.timedelta(days=800))
    report(measure, timezone.localdate(), review_state=StatusReport.ReviewState.RETURNED)
    assert Measure.objects.get(pk=measure.pk).is_stale
    assert Measure.objects.with_last_report().get(pk=measure.pk).is_stale
    report(measure, timezone.localdate() - datetime.timedelta(days=10))
    assert not Measure.objects.get(pk=measure.pk).is_stale
    assert not Measure.objects.with_last_report().get(pk=measure.pk).is_stale


def test_up_to_a_day_leaves_out_later_reports(measure):
    spring = report(measure, datetime.date(2026, 4, 1), progress=20)
    report(measure, datetime.date(2026, 10, 1), progress=70)
    cutoff = datetime.date(2026, 6, 30)
    assert StatusReport.objects.accepted().latest_for(measure, on=cutoff) == spring
    annotated = Measure.objects.annotate(
        progress_then=StatusReport.objects.accepted().latest_per_measure("progress", on=cutoff)
    ).get(pk=measure.pk)
    assert annotated.progress_then == 20


def test_of_two_reports_on_the_same_day_the_one_written_last_counts(measure):
    day = datetime.date(2026, 10, 1)
    first = report(measure, day, progress=30)
    second = report(measure, day, progress=60)
    StatusReport.objects.filter(pk=first.pk).update(
        created_at=timezone.now() - datetime.timedelta(hours=1)
    )
    assert StatusReport.objects.accepted().latest_for(measure) == second
    annotated = Measure.objects.annotate(
        latest_id=StatusReport.objects.accepted().latest_per_measure("pk")
    ).get(pk=measure.pk)
    assert annotated.latest_id == second.pk


def test_the_measure_list_shows_the_latest_accepted_report_date(client, lesezugriff, measure):
    report(measure, datetime.date(2026, 4, 1))
    report(measure, datetime.date(2026, 10, 1), review_state=StatusReport.ReviewState.SUBMITTED)
    client.force_login(lesezugriff)
    page = client.get(reverse("measures:list")).content.decode()
    assert "01.04.2026" in page
    assert "01.10.2026" not in page
