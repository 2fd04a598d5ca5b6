"""Closing a round returns at once; the round's page shows the archiving's progress, then the
archived reports."""

import lxml.html
import pytest
from django.urls import reverse

from core.models import Job
from measures.models import ArchivedReport
from tests.monitoring.builders import make_round


@pytest.mark.django_db
def test_the_round_page_shows_the_archiving_until_it_is_done(
    client, koordination, plan, measure, django_capture_on_commit_callbacks
):
    monitoring_round = make_round(plan)
    client.force_login(koordination)
    with django_capture_on_commit_callbacks() as queued:
        response = client.post(reverse("monitoring:round_close", args=[monitoring_round.pk]))
    assert response.status_code == 302
    assert len(queued) == 1  # the archiving waits for the commit
    job = Job.objects.get()
    assert (job.state, job.total, job.created_by) == (Job.State.WAITING, 2, koordination)
    assert job.permission == "measures.issue_official_report"

    page = lxml.html.fromstring(client.get(monitoring_round.get_absolute_url()).content)
    box = page.xpath("//*[@data-job-status]")[0]
    assert "wartet" in box.text_content()
    assert "0 von 2" in box.text_content()
    assert box.xpath(".//progress")[0].get("max") == "2"
    assert not ArchivedReport.objects.exists()

    queued[0]()  # the worker's turn
    job.refresh_from_db()
    assert job.state == Job.State.DONE
    assert ArchivedReport.objects.filter(round=monitoring_round).count() == 2
    page = lxml.html.fromstring(client.get(monitoring_round.get_absolute_url()).content)
    assert not page.xpath("//*[@data-job-status]")
    archive = page.xpath("//section[@aria-labelledby='archive-heading']")[0]
    downloads = [link.get("href") for link in archive.xpath(".//li/a")]
    assert len(downloads) == 2
    for url in downloads:
        assert client.get(url).content.startswith(b"%PDF-")


@pytest.mark.django_db
def test_a_repeated_task_archives_no_edition_twice(
    koordination, plan, measure, django_capture_on_commit_callbacks
):
    from measures.monitoring import services, tasks

    monitoring_round = make_round(plan)
    with django_capture_on_commit_callbacks(execute=True):
        _closed, job = services.close_round(monitoring_round, koordination)
    tasks.archive_round_reports.call(job_id=job.pk, round_id=monitoring_round.pk, user_id=None)
    assert ArchivedReport.objects.filter(round=monitoring_round).count() == 2
