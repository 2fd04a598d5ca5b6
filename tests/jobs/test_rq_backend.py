"""The Redis queue (django-tasks-rq) as the alternative to the database queue: a round closed
with DJANGO_TASKS_BACKEND=django_tasks_rq.RQBackend is archived by an RQ worker.

Needs the Redis server at 127.0.0.1:6379 (this machine kind runs one); it uses database 15.
"""

import django_rq
import pytest
from django_tasks_rq.backend import Job as RQJob
from rq import SimpleWorker

from core.models import Job
from measures.models import ArchivedReport
from tests.monitoring.builders import make_round

REDIS_URL = "redis://127.0.0.1:6379/15"


@pytest.fixture
def rq_queue(settings):
    settings.RQ_QUEUES = {"default": {"URL": REDIS_URL}}
    settings.TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend"}}
    queue = django_rq.get_queue("default", job_class=RQJob)
    queue.empty()
    yield queue
    queue.empty()


@pytest.mark.django_db
def test_a_round_is_archived_through_redis(
    rq_queue, koordination, plan, measure, django_capture_on_commit_callbacks
):
    from measures.monitoring import services

    monitoring_round = make_round(plan)
    with django_capture_on_commit_callbacks(execute=True):
        _closed, job = services.close_round(monitoring_round, koordination)
    job.refresh_from_db()
    assert job.state == Job.State.WAITING
    assert rq_queue.count == 1
    assert rq_queue.jobs[0].id == job.task_id

    worker = SimpleWorker([rq_queue], connection=rq_queue.connection, job_class=RQJob)
    assert worker.work(burst=True)

    job.refresh_from_db()
    assert job.state == Job.State.DONE, job.error
    assert ArchivedReport.objects.filter(round=monitoring_round).count() == 2
    assert rq_queue.count == 0
