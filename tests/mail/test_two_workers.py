"""Two `manage.py db_worker` processes work one queue of 200 mails on PostgreSQL: each mail
reaches the (local) SMTP server exactly once, none is lost.

SQLite serialises the file's writers, so the race needs PostgreSQL (CI runs the suite on it).
`pytest -s` prints the time the two workers took; SMTP_DELAY=0.05 makes the server take that
many seconds per message, like a slow one (docs/benchmarks.md).
"""

import os
import subprocess
import sys
import time
from collections import Counter
from email.utils import getaddresses
from pathlib import Path

import pytest
from django.conf import settings

from core.deliveries import queue_mail
from core.models import MailDelivery
from tests.concurrency import parallel_database
from tests.jobs.test_db_worker import database_url
from tests.mail.smtp_double import SMTPDouble

MAILS = 200


def start_worker(port):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "integration_office.settings",
        "DJANGO_SECRET_KEY": "test-only-secret-key-for-the-worker",
        "DJANGO_DEBUG": "true",
        "DATABASE_URL": database_url(None),
        "DJANGO_TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
        "DJANGO_EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "DJANGO_EMAIL_HOST": "127.0.0.1",
        "DJANGO_EMAIL_PORT": str(port),
    }
    return subprocess.Popen(
        [sys.executable, "manage.py", "db_worker", "--batch", "--no-reload", "--no-startup-delay"],
        cwd=Path(settings.BASE_DIR),
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )


@parallel_database
@pytest.mark.django_db(transaction=True)
def test_two_workers_send_each_of_200_mails_exactly_once(settings, django_user_model):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    target = django_user_model.objects.create(username="anlass")
    for number in range(MAILS):
        queue_mail(
            kind="test.note",
            target=target,
            key=f"note:{number}",
            recipient_name=f"Person {number}",
            recipient_email=f"person{number}@example.org",
            subject=f"Nachricht {number}",
            body="Guten Tag",
        )

    with SMTPDouble(delay=float(os.environ.get("SMTP_DELAY", "0"))) as server:
        start = time.perf_counter()
        workers = [start_worker(server.port) for _ in range(2)]
        errors = [worker.communicate(timeout=300)[1] for worker in workers]
        elapsed = time.perf_counter() - start
        messages = server.messages()

    assert [worker.returncode for worker in workers] == [0, 0], errors
    addresses = Counter(
        address for message in messages for _n, address in getaddresses(message.get_all("To"))
    )
    assert addresses == Counter(f"person{number}@example.org" for number in range(MAILS))
    assert MailDelivery.objects.filter(state=MailDelivery.State.SENT, attempts=1).count() == MAILS
    print(f"\n{MAILS} mails, two db_worker processes, {server.delay} s per mail: {elapsed:.1f} s")
