import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from measures.models import Measure, StatusReport


@pytest.fixture
def report_url(measure):
    return reverse("measures:report", args=[measure.pk])


def report_data(**changes):
    data = {
        "reporting_date": timezone.localdate().isoformat(),
        "status": "delayed",
        "progress": 55,
        "text": "Die Kinderbetreuung fehlt im Herbstkurs.",
        "next_steps": "Neue Räume suchen.",
        "obstacles": "Keine Betreuung.",
    }
    data.update(changes)
    return data


def test_recording_a_report_updates_status_and_progress(
    client, sachbearbeitung, measure, report_url
):
    client.force_login(sachbearbeitung)
    response = client.post(report_url, report_data())
    assert response.status_code == 302
    measure.refresh_from_db()
    assert (measure.status, measure.progress) == (Measure.Status.DELAYED, 55)
    report = measure.status_reports.get()
    assert report.author == sachbearbeitung
    assert report.review_state == StatusReport.ReviewState.ACCEPTED
    page = client.get(measure.get_absolute_url()).content.decode()
    assert "Die Kinderbetreuung fehlt im Herbstkurs." in page
    assert "Status: in Umsetzung → verzögert" in page


def test_a_late_entry_of_an_older_report_does_not_override_the_newer_status(
    client, sachbearbeitung, measure, status_report, report_url
):
    client.force_login(sachbearbeitung)
    older = (status_report.reporting_date - datetime.timedelta(days=90)).isoformat()
    client.post(report_url, report_data(reporting_date=older, status="planned", progress=10))
    measure.refresh_from_db()
    assert (measure.status, measure.progress) == (Measure.Status.IN_PROGRESS, 40)
    assert measure.status_reports.count() == 2


def test_the_report_appears_on_the_dashboard(client, sachbearbeitung, measure, report_url):
    client.force_login(sachbearbeitung)
    client.post(report_url, report_data())
    page = client.get(reverse("dashboard")).content.decode()
    assert "1.1 Mama lernt Deutsch" in page
    assert "verzögert, 55 %" in page


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"progress": 101}, "progress"),
        ({"text": ""}, "text"),
        ({"reporting_date": "2999-01-01"}, "reporting_date"),
        ({"reporting_date": "31.02.2026"}, "reporting_date"),
        ({"status": "done", "progress": 80}, "progress"),
    ],
)
def test_invalid_reports_are_refused_and_change_nothing(
    client, sachbearbeitung, measure, report_url, changes, field
):
    client.force_login(sachbearbeitung)
    response = client.post(report_url, report_data(**changes))
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert measure.status_reports.count() == 0
    measure.refresh_from_db()
    assert measure.progress == 40


def test_german_dates_are_accepted(client, sachbearbeitung, measure, report_url):
    client.force_login(sachbearbeitung)
    client.post(report_url, report_data(reporting_date="01.10.2025"))
    assert measure.status_reports.get().reporting_date == datetime.date(2025, 10, 1)


def test_reading_role_cannot_record(client, lesezugriff, measure, report_url):
    client.force_login(lesezugriff)
    assert client.post(report_url, report_data()).status_code == 403
    assert measure.status_reports.count() == 0
