"""A file of more than 1,000 rows is imported by the worker, with progress; all or nothing."""

import io

import pytest
from django.core.files.storage import default_storage
from django.urls import reverse

from core.imports.tasks import BACKGROUND_ROWS
from core.models import Job
from measures.management.commands.bench_import import generate
from network.models import Actor


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def preview(client, data):
    file = io.BytesIO(data)
    file.name = "vereine.csv"
    page = client.post(reverse("network:import_upload", args=["actors"]), {"file": file})
    assert page.status_code == 200
    return page


def kept_files():
    try:
        return default_storage.listdir("imports")[1]
    except OSError:
        return []


@pytest.mark.django_db
def test_a_large_file_is_imported_in_the_background(
    client, sachbearbeitung, plan, action_field, django_capture_on_commit_callbacks
):
    rows = BACKGROUND_ROWS + 1
    client.force_login(sachbearbeitung)
    preview(client, generate(rows))
    with django_capture_on_commit_callbacks() as queued:
        response = client.post(reverse("network:import_confirm", args=["actors"]))
    job = Job.objects.get()
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
    job = Job.objects.get()
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
