"""Background work of the monitoring (issue 11): archiving a closed round's report.

Closing a round commits at once (services.close_round); rendering the report in both editions
and archiving them runs here, in the worker, with progress for the round's page.
"""

from django.contrib.auth.models import User
from django.db import transaction
from django.utils.translation import gettext as _

from core.jobs import finish_job, report_progress, running
from core.tasks import task
from measures.models import ArchivedReport, MonitoringRound
from measures.reports.archive import monitoring_report_pdf, report_filename, store_report

CLOSE_KIND = "monitoring_close"


def round_subject(monitoring_round: MonitoringRound) -> str:
    return f"monitoringround:{monitoring_round.pk}"


@task()
def archive_round_reports(job_id: int, round_id: int, user_id: int | None) -> list[int]:
    """Render the round's report in both editions, then store both in one transaction: the
    archive gets both or neither. An edition archived by an earlier attempt is not repeated."""
    with running(job_id):
        monitoring_round = MonitoringRound.objects.get(pk=round_id)
        user = User.objects.filter(pk=user_id).first() if user_id else None
        existing = set(monitoring_round.archived_reports.values_list("edition", flat=True))
        editions = [value for value in ArchivedReport.Edition.values if value not in existing]
        report_progress(job_id, 0, len(editions))
        rendered = []
        for number, edition in enumerate(editions, 1):
            pdf, data = monitoring_report_pdf(monitoring_round, edition, archival=True)
            rendered.append((edition, pdf, data))
            report_progress(job_id, number)
        archived: list[ArchivedReport] = []
        try:
            with transaction.atomic():
                for edition, pdf, data in rendered:
                    archived.append(
                        store_report(
                            pdf,
                            data["title"],
                            report_filename(data),
                            user,
                            monitoring_round,
                            edition,
                        )
                    )
        except Exception:
            # Files already written must not outlive their rolled-back rows.
            for item in archived:
                item.file.storage.delete(item.file.name)
            raise
        finish_job(
            job_id,
            url=monitoring_round.get_absolute_url() + "#archive-heading",
            label=_("Show the archived reports"),
            message=_("The report has been archived in both editions."),
        )
        return [item.pk for item in archived]
