"""Rendering the monitoring report and the measure sheet, and archiving issued reports."""

from django.utils.text import slugify
from django.utils.translation import gettext as _

from core.archive import store_archived_file
from core.pdf import render_pdf
from measures.models import ArchivedReport
from measures.reports.data import measure_sheet_data, monitoring_report_data

REPORT_TEMPLATE = "measures/reports/monitoring_report.html"
SHEET_TEMPLATE = "measures/reports/measure_sheet.html"


class ReportError(Exception):
    """The report cannot be produced; the message says why."""


def monitoring_report_pdf(
    monitoring_round=None, edition=ArchivedReport.Edition.INTERNAL, today=None, archival=False
):
    """The monitoring report as PDF bytes, with the data it shows; `archival` for the archive's
    PDF/A copy."""
    data = monitoring_report_data(monitoring_round, edition, today)
    if data is None:
        raise ReportError(_("No plan has been adopted yet, so there is nothing to report."))
    return render_pdf(REPORT_TEMPLATE, data, archival=archival), data


def measure_sheet_pdf(measure):
    return render_pdf(SHEET_TEMPLATE, measure_sheet_data(measure))


def report_filename(data):
    stamp = data["created"].strftime("%Y-%m-%d")
    name = slugify(data["round"].title) if data["round"] else "aktueller-stand"
    edition = "oeffentlich" if data["is_public"] else "intern"
    return f"monitoringbericht-{name}-{edition}-{stamp}.pdf"


def archive_report(
    user, monitoring_round=None, edition=ArchivedReport.Edition.INTERNAL, into=None, today=None
):
    """Render the report and store it with its SHA-256 checksum, who and when.

    `into` is an unsaved ArchivedReport to fill (the admin's add form); `today` dates the report.
    """
    pdf, data = monitoring_report_pdf(monitoring_round, edition, today, archival=True)
    return store_report(
        pdf, data["title"], report_filename(data), user, monitoring_round, edition, into
    )


def store_report(pdf, title, filename, user, monitoring_round, edition, into=None):
    """Store rendered report bytes in the archive. The storage never overwrites a file: a
    second report of the same name gets a new one."""
    archived = into or ArchivedReport()
    archived.round = monitoring_round
    archived.edition = edition
    archived.title = title
    return store_archived_file(archived, pdf, filename, user)
