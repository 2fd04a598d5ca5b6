from django.contrib import messages
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET
from django_filters.views import FilterView

from committee.models import AgendaItem
from core.concurrency import save_versioned
from core.exports import export_view
from core.history import change_entries
from core.permissions import PermissionMixin, requires
from core.widgets import search_response

from .filters import MeasureFilter
from .forms import MeasureForm, StatusReportForm
from .models import Indicator, IndicatorValue, Measure, Plan, StatusReport
from .resources import MeasureResource
from .search import MEASURES
from .services import record_status_report


def get_measure(pk, queryset=None):
    """The one way views load a measure: 404 for an unknown id."""
    queryset = queryset if queryset is not None else Measure.objects.all()
    return get_object_or_404(queryset.select_related("plan", "action_field", "lead_actor"), pk=pk)


def measure_list_queryset():
    return Measure.objects.select_related("plan", "action_field", "lead_actor").with_last_report()


class MeasureListView(PermissionMixin, FilterView):
    permission_required = "measures.view_measure"
    filterset_class = MeasureFilter
    template_name = "measures/measure_list.html"
    paginate_by = 25

    def get_queryset(self):
        return measure_list_queryset().order_by("action_field__order", "code")


measure_export = export_view(
    "measures.view_measure",
    MeasureFilter,
    measure_list_queryset,
    MeasureResource,
    gettext_lazy("measures"),
)


@require_GET
@requires("measures.view_measure")
def measure_search(request):
    """JSON for the pickers: measures of the adopted plan matching `q`."""
    return search_response(
        request, MEASURES, Measure.objects.filter(plan__state=Plan.State.ADOPTED)
    )


@requires("measures.view_measure")
def measure_detail(request, pk):
    measure = get_measure(
        pk,
        Measure.objects.select_related("responsible", "predecessor").prefetch_related(
            "partner_actors",
            Prefetch(
                "status_reports",
                queryset=StatusReport.objects.select_related("author"),
            ),
            Prefetch(
                "agenda_items",
                queryset=AgendaItem.objects.select_related("meeting__committee").order_by(
                    "-meeting__start", "order"
                ),
            ),
            Prefetch(
                "indicators",
                queryset=Indicator.objects.prefetch_related(
                    Prefetch("values", queryset=IndicatorValue.objects.order_by("date"))
                ),
            ),
        ),
    )
    history = measure.history.select_related("history_user")
    return render(
        request,
        "measures/measure_detail.html",
        {
            "measure": measure,
            "reports": measure.status_reports.all(),
            "indicators": measure.indicators.all(),
            "agenda_items": measure.agenda_items.all(),
            "changes": change_entries(history, limit=15),
        },
    )


@requires("measures.change_measure")
def measure_edit(request, pk):
    measure = get_measure(pk)
    conflict = None
    if request.method == "POST":
        form = MeasureForm(request.POST, instance=measure)
        if form.is_valid():
            conflict = save_versioned(request, form)
            if conflict is None:
                messages.success(request, _("The measure has been saved."))
                return redirect(measure)
    else:
        form = MeasureForm(instance=measure)
    return render(
        request,
        "measures/measure_form.html",
        {"measure": measure, "form": form, "conflict": conflict},
    )


@requires("measures.add_statusreport")
def status_report_create(request, pk):
    measure = get_measure(pk)
    if request.method == "POST":
        form = StatusReportForm(request.POST)
        if form.is_valid():
            record_status_report(measure, request.user, form.save(commit=False))
            messages.success(request, _("The status report has been recorded."))
            return redirect(measure)
    else:
        form = StatusReportForm(initial={"status": measure.status, "progress": measure.progress})
    return render(request, "measures/status_report_form.html", {"measure": measure, "form": form})
