"""The monitoring report and measure sheet as PDF, and the archive of issued reports."""

import logging

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.jobs import start_job
from core.permissions import requires
from core.views import ListView
from measures.models import ArchivedReport, Measure, MonitoringRound, Plan
from measures.reports.archive import (
    ReportError,
    measure_sheet_pdf,
    monitoring_report_pdf,
)
from measures.reports.archive import report_filename as monitoring_filename

from .filters import ArchiveFilter
from .forms import ArchiveForm
from .tasks import (
    ARCHIVE_KIND,
    BACKGROUND_MEASURES,
    REPORT_KIND,
    archive_monitoring_report,
    render_monitoring_report,
)

logger = logging.getLogger(__name__)


def pdf_response(content, filename, attachment=False):
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(attachment, filename)
    return response


def chosen_round(request):
    """The round named by ?round=<id>, or None for the current state; drafts have no report."""
    value = request.GET.get("round", "")
    if not value:
        return None
    if not value.isdigit():
        raise Http404
    return get_object_or_404(
        MonitoringRound.objects.select_related("plan").exclude(state=MonitoringRound.State.DRAFT),
        pk=value,
    )


def chosen_edition(request):
    value = request.GET.get("edition", ArchivedReport.Edition.INTERNAL)
    if value not in ArchivedReport.Edition.values:
        raise Http404
    return value


@requires("measures.view_measure")
def monitoring_report(request):
    monitoring_round, edition = chosen_round(request), chosen_edition(request)
    plan = monitoring_round.plan if monitoring_round else Plan.current()
    if plan is not None and plan.measures.count() > BACKGROUND_MEASURES:
        job = start_job(
            render_monitoring_report,
            kind=REPORT_KIND,
            title=_("Monitoring report of %(plan)s") % {"plan": plan},
            user=request.user,
            permission="measures.view_measure",
            total=1,
            round_id=monitoring_round.pk if monitoring_round else None,
            edition=edition,
        )
        messages.info(request, _("The report is large; it is being prepared for download."))
        return redirect(job)
    try:
        pdf, data = monitoring_report_pdf(monitoring_round, edition)
    except ReportError as error:
        messages.error(request, str(error))
        return redirect("reports")
    return pdf_response(pdf, monitoring_filename(data))


@requires("measures.view_measure")
def measure_sheet(request, pk):
    measure = get_object_or_404(Measure, pk=pk)
    return pdf_response(measure_sheet_pdf(measure), f"massnahmenblatt-{measure.code}.pdf")


class ArchiveListView(ListView):
    permission_required = "measures.view_archivedreport"
    filterset_class = ArchiveFilter
    template_name = "measures/reports/archive_list.html"

    def get_queryset(self):
        return ArchivedReport.objects.select_related("round")

    def get_context_data(self, **kwargs):
        # The filter beside it has fields of the same names: ids of its own keep them unique.
        archive_form = ArchiveForm(auto_id="id_archive_%s")
        return {**super().get_context_data(**kwargs), "archive_form": archive_form}


@require_POST
@requires("measures.issue_official_report")
def archive_create(request):
    form = ArchiveForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Please choose a round and an edition."))
        return redirect("reports:archive_list")
    monitoring_round = form.cleaned_data["round"]
    edition = form.cleaned_data["edition"]
    job = start_job(
        archive_monitoring_report,
        kind=ARCHIVE_KIND,
        title=_("Archiving the monitoring report (%(edition)s)")
        % {"edition": ArchivedReport.Edition(edition).label},
        user=request.user,
        permission="measures.issue_official_report",
        subject=f"round:{monitoring_round.pk}" if monitoring_round else "",
        total=1,
        round_id=monitoring_round.pk if monitoring_round else None,
        edition=edition,
        user_id=request.user.pk,
    )
    messages.info(request, _("The report is being rendered and archived in the background."))
    return redirect(job)


@requires("measures.view_archivedreport")
def archive_download(request, pk):
    """Hand out an archived report only when its checksum still matches."""
    archived = get_object_or_404(ArchivedReport.objects.select_related("round"), pk=pk)
    content = archived.read_verified()
    if content is None:
        logger.error("Archived report %s is missing or its checksum does not match", archived.pk)
        return render(
            request, "measures/reports/archive_refused.html", {"archived": archived}, status=409
        )
    filename = archived.file.name.rsplit("/", 1)[-1]
    return pdf_response(content, filename, attachment=True)


@requires("measures.view_measure")
def report_choice(request):
    """The page to choose a monitoring report, with the latest archived ones."""
    rounds = MonitoringRound.objects.exclude(state=MonitoringRound.State.DRAFT)
    return render(
        request,
        "reports.html",
        {
            "rounds": list(rounds.order_by("-reporting_date", "-pk")),
            "archived": list(ArchivedReport.objects.order_by("-created_at", "-pk")[:5]),
        },
    )
