"""Finalising minutes returns at once; the worker archives them and the meeting's page shows
the progress until then (issue 11)."""

import lxml.html
from django.urls import reverse

from committee.models import ArchivedMinutes
from core.models import Job


def test_the_meeting_page_shows_the_archiving_until_the_minutes_are_archived(
    client, koordination, attended, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(koordination)
    with django_capture_on_commit_callbacks() as queued:
        response = client.post(reverse("committee:minutes_finalise", args=[attended.pk]))
    assert response.status_code == 302
    job = Job.objects.get()
    assert job.state == Job.State.WAITING and job.created_by == koordination
    attended.refresh_from_db()
    assert attended.minutes_finalised_at is not None
    assert not ArchivedMinutes.objects.exists()

    page = lxml.html.fromstring(client.get(attended.get_absolute_url()).content)
    box = page.xpath("//*[@data-job-status]")[0]
    assert "wartet" in box.text_content()
    assert box.get("data-job-status") == reverse("job_status", args=[job.pk])

    for callback in queued:
        callback()
    job.refresh_from_db()
    assert job.state == Job.State.DONE, job.error
    editions = set(attended.archived_minutes.values_list("edition", flat=True))
    assert editions == {"internal", "public"}
    page = lxml.html.fromstring(client.get(attended.get_absolute_url()).content)
    assert not page.xpath("//*[@data-job-status]")
    archived = [
        link.get("href")
        for link in page.xpath("//a")
        if (link.get("href") or "").startswith("/committee/archived-minutes/")
    ]
    assert len(archived) == 2
    for url in archived:
        assert client.get(url).content.startswith(b"%PDF-")
