"""The one place that imports the task framework (issue 11).

Django 6 ships `django.tasks`; until then the backport `django_tasks` with the same API. Moving
to Django 6 changes the import below and nothing else. Tasks are enqueued only after the
transaction that changed the state commits: `enqueue_on_commit(task, ...)`.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django_tasks import TaskResultStatus, default_task_backend, task, task_backends

__all__ = [
    "TaskResultStatus",
    "default_task_backend",
    "enqueue_on_commit",
    "task",
    "task_backends",
]


def enqueue_on_commit(task_: Any, *args: Any, **kwargs: Any) -> None:
    """Enqueue `task_` once the current transaction commits (at once outside one)."""
    transaction.on_commit(lambda: task_.enqueue(*args, **kwargs))
