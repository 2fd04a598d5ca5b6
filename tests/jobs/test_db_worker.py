"""A real worker: `manage.py db_worker` in its own process takes the task that closing a round
queued in the database, archives both PDFs, and the job is done.

On PostgreSQL the worker uses the test database itself. Django's SQLite test database lives in
this process's memory, so there it is copied to a file for the worker and read back after.
"""

import io
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from pypdf import PdfReader

from core.models import Job
from measures.models import ArchivedReport, MonitoringRound
from tests.monitoring.builders import make_round

BASE_DIR = Path(settings.BASE_DIR)
DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def database_url(file_name):
    if connection.vendor == "sqlite":
        return f"sqlite:///{file_name}"
    db = settings.DATABASES["default"]
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    return f"postgres://{db['USER']}{password}@{db['HOST']}:{db['PORT'] or 5432}/{db['NAME']}"


def run_worker(file_name):
    """Work the queue in a separate process until it is empty."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "integration_office.settings",
        "DJANGO_SECRET_KEY": "test-only-secret-key-for-the-worker",
        "DJANGO_DEBUG": "true",
        "DATABASE_URL": database_url(file_name),
        "DJANGO_MEDIA_ROOT": str(settings.MEDIA_ROOT),
        "DJANGO_TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
    }
    return subprocess.run(
        [sys.executable, "manage.py", "db_worker", "--batch", "--no-reload", "--no-startup-delay"],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )


def copy_sqlite(source, target):
    source.backup(target)


@pytest.mark.django_db(transaction=True)
def test_a_worker_process_archives_the_closed_round(
    client, koordination, plan, measure, settings, tmp_path
):
    settings.TASKS = DATABASE_QUEUE
    monitoring_round = make_round(plan)
    client.force_login(koordination)
    response = client.post(f"/monitoring/{monitoring_round.pk}/close/")
    assert response.status_code == 302

    # The request only closed the round and queued the work.
    monitoring_round.refresh_from_db()
    assert monitoring_round.state == MonitoringRound.State.CLOSED
    job = Job.objects.get()
    assert job.state == Job.State.WAITING and job.task_id
    assert not ArchivedReport.objects.exists()

    file_name = tmp_path / "worker.sqlite3"
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        with sqlite3.connect(file_name) as disk:
            copy_sqlite(connection.connection, disk)
    finished = run_worker(file_name)
    assert finished.returncode == 0, finished.stderr
    if connection.vendor == "sqlite":
        with sqlite3.connect(file_name) as disk:
            copy_sqlite(disk, connection.connection)

    job.refresh_from_db()
    assert job.state == Job.State.DONE, job.error
    assert (job.done, job.total) == (2, 2)
    assert job.started is not None and job.finished is not None
    archived = {item.edition: item for item in ArchivedReport.objects.all()}
    assert set(archived) == {"internal", "public"}
    for item in archived.values():
        assert item.created_by == koordination
        content = item.read_verified()
        assert content is not None
        assert len(PdfReader(io.BytesIO(content)).pages) >= 1
    page = client.get(job.get_absolute_url())
    assert page.status_code == 200
    assert job.result_url in page.content.decode()
