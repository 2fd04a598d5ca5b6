"""A file of more than 1,000 rows is checked and imported by the worker, with progress; all or
nothing."""

import io

import pytest
from django.core.files.storage import default_storage
from django.test import TestCase
from django.urls import reverse

from core.imports.tasks import BACKGROUND_ROWS
from core.models import Job
from measures.management.commands.bench_import import generate
from network.models import Actor


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def upload(client, data):
    file = io.BytesIO(data)
    file.name = "vereine.csv"
    return client.post(reverse("network:import_upload", args=["actors"]), {"file": file})


def preview(client, data):
    """Upload the file and show its preview; a large file's preview is made by the task that
    the upload enqueues after its commit (run at once by the test settings' backend)."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        page = upload(client, data)
    if page.status_code == 302:
        job = Job.objects.get(kind="import_preview")
        assert page["Location"] == job.get_absolute_url()
        job.refresh_from_db()
        assert job.state == Job.State.DONE, job.error
        page = client.get(job.result_url)
    assert page.status_code == 200
    return page


def kept_files():
    try:
        return default_storage.listdir("imports")[1]
    except OSError:
        return []


@pytest.mark.django_db
def test_a_large_file_is_checked_in_the_background_and_its_preview_shown(
    client, sachbearbeitung, plan, action_field, django_capture_on_commit_callbacks
):
    rows = BACKGROUND_ROWS + 1
    client.force_login(sachbearbeitung)
    with django_capture_on_commit_callbacks() as queued:
        response = upload(client, generate(rows))
    job = Job.objects.get()
    assert response.status_code == 302 and response["Location"] == job.get_absolute_url()
    assert (job.kind, job.state, job.created_by) == ("import_preview", "waiting", sachbearbeitung)
    # Until the worker is done, the preview's address leads to the job's page.
    early = client.get(reverse("network:import_preview", args=["actors"]))
    assert early["Location"] == job.get_absolute_url()

    for callback in queued:
        callback()
    job.refresh_from_db()
    assert job.state == Job.State.DONE, job.error
    assert job.result_url == reverse("network:import_preview", args=["actors"])
    assert "1001 neu" in job.message
    page = client.get(job.get_absolute_url()).content.decode()
    assert "Vorschau anzeigen" in page
    shown = client.get(job.result_url).content.decode()
    assert "Jetzt importieren" in shown
    assert "Verein Nummer 1001 Göppingen e. V." not in shown  # the first 500 rows only
    assert "Verein Nummer 17 Göppingen e. V." in shown
    assert not Actor.objects.filter(name__startswith="Verein Nummer").exists()
    assert len(kept_files()) == 2  # the file and its preview, until confirmed or cancelled


@pytest.mark.django_db
def test_the_preview_of_a_large_file_is_not_shown_to_another_user(
    client, sachbearbeitung, koordination, plan, action_field
):
    client.force_login(sachbearbeitung)
    preview(client, generate(BACKGROUND_ROWS + 1))
    client.force_login(koordination)  # a session of its own: no kept file
    response = client.get(reverse("network:import_preview", args=["actors"]))
    assert response["Location"] == reverse("network:import_upload", args=["actors"])


@pytest.mark.django_db
def test_cancelling_a_large_preview_deletes_the_file_and_the_preview(
    client, sachbearbeitung, plan, action_field
):
    client.force_login(sachbearbeitung)
    preview(client, generate(BACKGROUND_ROWS + 1))
    client.post(reverse("network:import_confirm", args=["actors"]), {"cancel": "1"})
    assert kept_files() == []


@pytest.mark.django_db
def test_a_large_file_is_imported_in_the_background(
    client, sachbearbeitung, plan, action_field, django_capture_on_commit_callbacks
):
    rows = BACKGROUND_ROWS + 1
    client.force_login(sachbearbeitung)
    preview(client, generate(rows))
    with django_capture_on_commit_callbacks() as queued:
        response = client.post(reverse("network:import_confirm", args=["actors"]))
    job = Job.objects.get(kind="import")
    assert response.status_code == 302 and response["Location"] == job.get_absolute_url()
    assert job.state == Job.State.WAITING
    assert job.created_by == sachbearbeitung
    assert not Actor.objects.filter(name__startswith="Verein Nummer").exists()

    for callback in queued:
        callback()
    job.refresh_from_db()
    assert job.state == Job.State.DONE, job.error
    assert (job.done, job.total) == (rows, rows)
    assert Actor.objects.filter(name__startswith="Verein Nummer").count() == rows
    assert "1001 neu" in job.message
    assert job.result_url == reverse("network:actor_list")
    assert kept_files() == []  # the personal data of the upload is gone
    page = client.get(job.get_absolute_url()).content.decode()
    assert "1.001 von 1.001" in page
    assert job.result_url in page


@pytest.mark.django_db
def test_a_failing_row_imports_nothing_and_the_job_says_why(
    client, sachbearbeitung, plan, action_field, django_capture_on_commit_callbacks, monkeypatch
):
    from network.imports import ActorResource

    client.force_login(sachbearbeitung)
    preview(client, generate(BACKGROUND_ROWS + 10))
    original = ActorResource.before_save_instance

    def fail_late(self, instance, row, **kwargs):
        if instance.name == "Verein Nummer 1005 Göppingen e. V.":
            raise ValueError("Platte voll")
        return original(self, instance, row, **kwargs)

    monkeypatch.setattr(ActorResource, "before_save_instance", fail_late)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("network:import_confirm", args=["actors"]))
    job = Job.objects.get(kind="import")
    assert job.state == Job.State.FAILED
    assert "Es wurde nichts importiert" in job.error
    assert "Zeile 1006" in job.error
    assert not Actor.objects.filter(name__startswith="Verein Nummer").exists()
    assert kept_files() == []


@pytest.mark.django_db
def test_a_small_file_is_still_imported_in_the_request(client, sachbearbeitung, plan, action_field):
    client.force_login(sachbearbeitung)
    preview(client, generate(20))
    response = client.post(reverse("network:import_confirm", args=["actors"]))
    assert response["Location"] == reverse("network:actor_list")
    assert not Job.objects.exists()
    assert Actor.objects.filter(name__startswith="Verein Nummer").count() == 20
