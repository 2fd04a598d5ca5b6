"""Progress written inside the task's transaction is visible to the job's page at once
(PostgreSQL: through a connection of its own; SQLite has one writer and skips it)."""

import pytest
from django.db import connections, transaction

from core.jobs import report_progress
from core.models import Job
from tests.concurrency import parallel_database


@parallel_database
@pytest.mark.django_db(transaction=True)
def test_progress_inside_an_open_transaction_is_seen_by_others():
    job = Job.objects.create(kind="import", title="Import von vereine.csv")
    reader = connections.create_connection("default")
    try:
        with transaction.atomic():
            report_progress(job.pk, 120, 4000)
            with reader.cursor() as cursor:
                cursor.execute("SELECT done, total FROM core_job WHERE id = %s", [job.pk])
                assert cursor.fetchone() == (120, 4000)
    finally:
        reader.close()
