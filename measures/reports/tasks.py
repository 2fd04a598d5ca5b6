"""Reports rendered by the worker (issue 11): the monitoring report of a large plan as a
download, and every report issued into the archive by hand.

Rendering takes about 25 ms per measure (docs/benchmarks.md: 10 s for 400 measures); above
BACKGROUND_MEASURES measures the report page starts a job instead, and the job's page offers
the file for download when it is done. The file is the same PDF the request would send; it is
kept with the job (MEDIA_ROOT/jobs/) and removed with it by `run_periodic`.
"""

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils.translation import gettext as _

from core.jobs import JobError, finish_job, running
from core.models import Job
from core.tasks import task
from measures.models import MonitoringRound
from measures.reports.archive import (
    ReportError,
    archive_report,
    monitoring_report_pdf,
    report_filename,
)

BACKGROUND_MEASURES = 150
REPORT_KIND = "monitoring_report"
ARCHIVE_KIND = "report_archive"


@task()
def render_monitoring_report(job_id: int, round_id: int | None, edition: str) -> str:
    with running(job_id):
        monitoring_round = MonitoringRound.objects.get(pk=round_id) if round_id else None
        pdf, data = monitoring_report_pdf(monitoring_round, edition)
        filename = report_filename(data)
        job = Job.objects.get(pk=job_id)
        job.file.save(filename, ContentFile(pdf), save=False)
        Job.objects.filter(pk=job_id).update(file=job.file.name)
        finish_job(job_id, url=reverse("job_file", args=[job_id]), label=filename, total=1)
        return filename


@task()
def archive_monitoring_report(job_id: int, round_id: int | None, edition: str, user_id: int) -> int:
    """Issue the report into the archive (PDF/A with its checksum), as Koordination asked."""
    with running(job_id):
        monitoring_round = MonitoringRound.objects.get(pk=round_id) if round_id else None
        user = get_user_model().objects.get(pk=user_id)
        try:
            archived = archive_report(user, monitoring_round, edition)
        except ReportError as error:
            raise JobError(str(error)) from error
        finish_job(
            job_id,
            url=archived.get_absolute_url(),
            label=_("Download the archived report"),
            message=_("“%(title)s” has been archived.") % {"title": archived.title},
            total=1,
        )
        return archived.pk
