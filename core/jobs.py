"""Starting background jobs and reporting their progress (issue 11).

A view (or service) calls `start_job` inside its transaction: the job row is written with the
state change, and the task is enqueued only once that transaction commits. The task body runs
inside `running(job_id)`, which marks the job as running, then done, or failed with the error.

Progress written inside the task's own transaction would stay invisible until it commits;
`report_progress` therefore writes through a second connection on PostgreSQL. SQLite allows one
writer at a time, so there the progress inside such a transaction is skipped (the job still
shows "läuft" and then "fertig").
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.db import connection, connections, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Job

logger = logging.getLogger(__name__)


class JobError(Exception):
    """The job cannot finish; the message (German) is shown on the job's page."""


def start_job(
    task: Any,
    *,
    kind: str,
    title: str,
    user: AbstractBaseUser | AnonymousUser | None,
    permission: str = "",
    subject: str = "",
    total: int = 0,
    **task_kwargs: Any,
) -> Job:
    """Write the job and enqueue `task(job_id=…, **task_kwargs)` after the commit."""
    job = Job(kind=kind, title=title, permission=permission, subject=subject, total=total)
    if user is not None and user.is_authenticated:
        job.created_by_id = user.pk
    job.save()

    def enqueue() -> None:
        result = task.enqueue(job_id=job.pk, **task_kwargs)
        Job.objects.filter(pk=job.pk).update(task_id=str(result.id)[:64])

    transaction.on_commit(enqueue)
    return job


def latest_job(kind: str, subject: str) -> Job | None:
    return Job.objects.filter(kind=kind, subject=subject).order_by("-created", "-pk").first()


def report_progress(job_id: int, done: int, total: int | None = None) -> None:
    """Store how far the job is, visible to its page at once."""
    values: dict[str, Any] = {"done": done}
    if total is not None:
        values["total"] = total
    if not connection.in_atomic_block:
        Job.objects.filter(pk=job_id).update(**values)
        return
    if connection.vendor != "postgresql":
        return
    # A connection of its own (autocommit), closed at once: none is left open to the database.
    side = connections.create_connection("default")
    try:
        with side.cursor() as cursor:
            if total is None:
                cursor.execute("UPDATE core_job SET done = %s WHERE id = %s", [done, job_id])
            else:
                cursor.execute(
                    "UPDATE core_job SET done = %s, total = %s WHERE id = %s",
                    [done, total, job_id],
                )
    finally:
        side.close()


def finish_job(
    job_id: int, *, url: str = "", label: str = "", message: str = "", total: int | None = None
) -> None:
    """Mark the job done with its result; `total`: the amount of work done, when known only
    now (progress inside a transaction on SQLite is not stored on the way)."""
    job = Job.objects.get(pk=job_id)
    job.state = Job.State.DONE
    job.finished = timezone.now()
    if total is not None:
        job.total = total
    job.done = job.total
    job.result_url = url
    job.result_label = label
    job.message = message
    job.save()


@contextmanager
def running(job_id: int) -> Iterator[Job]:
    """Mark the job running for the body; failed with its error when the body raises (the
    exception is raised again so that the task's result records it too)."""
    Job.objects.filter(pk=job_id).update(state=Job.State.RUNNING, started=timezone.now())
    job = Job.objects.get(pk=job_id)
    try:
        yield job
    except Exception as error:
        if isinstance(error, JobError):
            text = str(error)
        else:
            logger.exception("Job %s failed", job_id)
            text = _("An unexpected error occurred. Please try again or contact the support.")
        Job.objects.filter(pk=job_id).update(
            state=Job.State.FAILED, error=text, finished=timezone.now()
        )
        raise
    else:
        if Job.objects.filter(pk=job_id, state=Job.State.RUNNING).exists():
            finish_job(job_id)
