"""The monitoring report of a large plan rendered by the worker (issue 11).

Rendering takes about 25 ms per measure (docs/benchmarks.md: 10 s for 400 measures); above
BACKGROUND_MEASURES measures the report page starts a job instead, and the job's page offers
the file for download when it is done. The file is the same PDF the request would send; it is
kept with the job (MEDIA_ROOT/jobs/) and removed with it by `run_periodic`.
"""

from django.core.files.base import ContentFile
from django.urls import reverse

from core.jobs import finish_job, running
from core.models import Job
from core.tasks import task
from measures.models import MonitoringRound
from measures.reports.archive import monitoring_report_pdf, report_filename

BACKGROUND_MEASURES = 150
REPORT_KIND = "monitoring_report"


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
