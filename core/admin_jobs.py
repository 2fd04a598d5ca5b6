"""The background jobs in the admin, for reading and support (issue 11)."""

from django.contrib import admin
from django_tasks_db.models import DBTaskResult

from .admin import DerivedAdmin
from .models import Job


@admin.register(Job)
class JobAdmin(DerivedAdmin):
    list_display = ["title", "kind", "state", "done", "total", "created_by", "created", "finished"]
    list_filter = ["kind", "state"]
    search_fields = ["title", "subject", "task_id"]
    date_hierarchy = "created"


# The queue's rows (arguments, tracebacks) are the worker's business, not the back office's:
# the jobs above say what ran and how it ended. django-tasks-db registers them by itself.
if admin.site.is_registered(DBTaskResult):
    admin.site.unregister(DBTaskResult)
