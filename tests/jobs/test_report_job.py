"""The monitoring report of a large plan is prepared by the worker and offered for download."""

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from core.models import Job
from measures.reports import views


@pytest.mark.django_db
def test_a_large_report_is_prepared_then_downloaded(
    client, lesezugriff, koordination, measure, django_capture_on_commit_callbacks, monkeypatch
):
    monkeypatch.setattr(views, "BACKGROUND_MEASURES", 0)  # the plan has one measure
    client.force_login(lesezugriff)
    with django_capture_on_commit_callbacks() as queued:
        response = client.get(reverse("reports:monitoring_pdf"))
    job = Job.objects.get()
    assert response.status_code == 302 and response["Location"] == job.get_absolute_url()
    assert job.state == Job.State.WAITING
    for callback in queued:
        callback()
    job.refresh_from_db()
    assert job.state == Job.State.DONE, job.error
    page = client.get(job.get_absolute_url()).content.decode()
    download_url = reverse("job_file", args=[job.pk])
    assert f'href="{download_url}"' in page
    download = client.get(download_url)
    assert download["Content-Type"] == "application/pdf"
    assert "attachment" in download["Content-Disposition"]
    assert job.result_label in download["Content-Disposition"]
    pdf = PdfReader(io.BytesIO(b"".join(download.streaming_content)))
    text = " ".join(page.extract_text() or "" for page in pdf.pages)
    assert measure.title in text


@pytest.mark.django_db
def test_a_report_of_an_ordinary_plan_comes_at_once(client, lesezugriff, measure):
    client.force_login(lesezugriff)
    response = client.get(reverse("reports:monitoring_pdf"))
    assert response["Content-Type"] == "application/pdf"
    assert not Job.objects.exists()
