"""The archive of issued reports: checksum, who and when, never overwritten, tamper-proof."""

import hashlib

from django.test import TestCase
from django.urls import reverse
from django.utils import timezone

from core.models import Job
from measures.models import ArchivedReport
from measures.reports.archive import archive_report
from tests.monitoring.builders import make_archived, make_round


def test_archiving_stores_the_pdf_with_checksum_who_and_edition(
    client, koordination, plan, measure
):
    monitoring_round = make_round(plan)
    client.force_login(koordination)
    with TestCase.captureOnCommitCallbacks() as queued:
        response = client.post(
            reverse("reports:archive_create"), {"round": monitoring_round.pk, "edition": "public"}
        )
    # The request only starts the job; the worker renders and archives.
    job = Job.objects.get()
    assert response.status_code == 302 and response["Location"] == job.get_absolute_url()
    assert job.state == Job.State.WAITING and not ArchivedReport.objects.exists()
    for callback in queued:
        callback()
    job.refresh_from_db()
    archived = ArchivedReport.objects.get()
    assert job.state == Job.State.DONE
    assert job.result_url == archived.get_absolute_url()
    assert "wurde archiviert" in job.message
    assert (archived.round, archived.edition) == (monitoring_round, "public")
    assert archived.created_by == koordination
    assert archived.created_by_name == "koordination"
    with archived.file.open("rb") as handle:
        content = handle.read()
    assert content.startswith(b"%PDF")
    assert hashlib.sha256(content).hexdigest() == archived.sha256
    assert archived.size == len(content)


def test_only_koordination_may_archive(client, sachbearbeitung, plan, measure):
    client.force_login(sachbearbeitung)
    response = client.post(reverse("reports:archive_create"), {"edition": "internal"})
    assert response.status_code == 403
    assert not ArchivedReport.objects.exists()


def test_an_archived_file_is_never_overwritten(koordination, plan, measure):
    first = archive_report(koordination)
    with first.file.open("rb") as handle:
        before = handle.read()
    second = archive_report(koordination)
    assert first.file.name != second.file.name
    with first.file.open("rb") as handle:
        assert handle.read() == before


def test_download_verifies_the_checksum(client, lesezugriff):
    archived = make_archived(b"%PDF-1.7 the issued report")
    client.force_login(lesezugriff)
    response = client.get(reverse("reports:archive_download", args=[archived.pk]))
    assert response.status_code == 200
    assert response.content == b"%PDF-1.7 the issued report"
    assert response["Content-Disposition"].startswith("attachment;")


def test_a_modified_file_is_refused_with_a_clear_message(client, lesezugriff):
    archived = make_archived(b"%PDF-1.7 the issued report")
    with open(archived.file.path, "wb") as handle:
        handle.write(b"%PDF-1.7 a quietly changed report")
    client.force_login(lesezugriff)
    response = client.get(reverse("reports:archive_download", args=[archived.pk]))
    assert response.status_code == 409
    page = response.content.decode()
    assert "wurde verändert oder fehlt" in page
    assert archived.sha256 in page
    assert b"quietly changed" not in response.content


def test_a_missing_file_is_refused_too(client, lesezugriff):
    archived = make_archived()
    archived.file.storage.delete(archived.file.name)
    client.force_login(lesezugriff)
    assert client.get(reverse("reports:archive_download", args=[archived.pk])).status_code == 409


def test_the_admin_issues_a_report_and_cannot_change_it(client, koordination, plan, measure):
    client.force_login(koordination)
    response = client.post(reverse("admin:measures_archivedreport_add"), {"edition": "internal"})
    assert response.status_code == 302
    archived = ArchivedReport.objects.get()
    assert archived.read_verified() is not None
    assert archived.created_by == koordination
    change = client.post(
        reverse("admin:measures_archivedreport_change", args=[archived.pk]),
        {"edition": "public"},
    )
    assert change.status_code == 403
    archived.refresh_from_db()
    assert archived.edition == "internal"
    delete = client.post(reverse("admin:measures_archivedreport_delete", args=[archived.pk]))
    assert delete.status_code == 403


def test_the_archive_list_shows_checksums_with_constant_queries(client, lesezugriff):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(lesezugriff)
    first = make_archived()
    with CaptureQueriesContext(connection) as small:
        page = client.get(reverse("reports:archive_list"))
    for number in range(5):
        make_archived(f"%PDF {number}".encode())
    with CaptureQueriesContext(connection) as large:
        client.get(reverse("reports:archive_list"))
    assert first.sha256 in page.content.decode()
    assert len(small) == len(large) <= 15


def test_the_admin_keeps_a_closed_round_and_a_request_s_link_unchanged(
    client, koordination, plan, linked
):
    from measures.models import MonitoringRound

    request, _token = linked
    client.force_login(koordination)
    page = client.get(reverse("admin:measures_monitoringrequest_change", args=[request.pk]))
    assert 'name="contact"' not in page.content.decode()
    MonitoringRound.objects.update(state=MonitoringRound.State.CLOSED)
    page = client.get(reverse("admin:measures_monitoringround_change", args=[request.round_id]))
    assert 'name="title"' not in page.content.decode()


def test_a_failing_report_leaves_the_round_closed_the_job_failed_and_no_file_behind(
    koordination, open_round, linked, monkeypatch, django_capture_on_commit_callbacks
):
    from core.models import Job
    from measures.monitoring import services, tasks

    calls = []
    original = tasks.monitoring_report_pdf

    def fail_second(*args, **kwargs):
        calls.append(args)
        if len(calls) == 2:
            raise RuntimeError("rendering failed")
        return original(*args, **kwargs)

    storage = ArchivedReport._meta.get_field("file").storage
    folder = f"reports/{timezone.localdate():%Y}"

    def files():
        return set(storage.listdir(folder)[1]) if storage.exists(folder) else set()

    before = files()
    monkeypatch.setattr(tasks, "monitoring_report_pdf", fail_second)
    with django_capture_on_commit_callbacks(execute=True):
        _closed, job = services.close_round(open_round, koordination)
    open_round.refresh_from_db()
    # The close stands (it committed first); the archive gets both editions or neither.
    assert open_round.is_closed
    assert not ArchivedReport.objects.exists()
    assert len(calls) == 2
    assert files() == before
    job.refresh_from_db()
    assert job.state == Job.State.FAILED
    assert job.error


def test_a_failing_store_removes_the_file_already_written(
    koordination, open_round, monkeypatch, django_capture_on_commit_callbacks
):
    from core.models import Job
    from measures.monitoring import services, tasks

    stored = []
    original = tasks.store_report

    def fail_second(*args, **kwargs):
        if stored:
            raise RuntimeError("disk full")
        stored.append(original(*args, **kwargs))
        return stored[-1]

    storage = ArchivedReport._meta.get_field("file").storage
    monkeypatch.setattr(tasks, "store_report", fail_second)
    with django_capture_on_commit_callbacks(execute=True):
        _closed, job = services.close_round(open_round, koordination)
    assert len(stored) == 1
    assert not storage.exists(stored[0].file.name)
    assert not ArchivedReport.objects.exists()
    job.refresh_from_db()
    assert job.state == Job.State.FAILED
