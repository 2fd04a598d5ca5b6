"""`{% unfinished_job kind "meeting" meeting.pk as job %}`: the latest job for a page while it
has not finished successfully (waiting, running or failed), else None."""

from django import template

from core.jobs import latest_job
from core.models import Job

register = template.Library()


@register.simple_tag
def unfinished_job(kind: str, prefix: str, pk: int) -> Job | None:
    job = latest_job(kind, f"{prefix}:{pk}")
    return job if job is not None and job.state != Job.State.DONE else None
