from django.conf import settings
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from core.caching import Deferred
from core.exports import export_view
from core.history import change_entries
from core.permissions import requires
from core.sections import sections_for
from core.views import CreateRecordView, ListView, UpdateRecordView
from core.widgets import search_response

from .filters import MeasureFilter
from .forms import MeasureForm, StatusReportForm
from .models import Indicator, Measure, Plan, Project, StatusReport
from .resources import MeasureResource
from .search import MEASURES
from .services import record_status_report


def get_measure(pk, queryset=None):
    """The one way views load a measure: 404 for an unknown id."""
    queryset = queryset if queryset is not None else Measure.objects.all()
    return get_object_or_404(queryset.select_related("plan", "action_field", "lead_actor"), pk=pk)


def measure_list_queryset():
    return Measure.objects.select_related("plan", "action_field", "lead_actor").with_last_report()


# What the list shows of a measure (no descriptions or goals; the export takes everything).
LIST_COLUMNS = ["code", "title", "status", "progress", "end", "is_continuous"]
LIST_COLUMNS += ["action_field__title", "lead_actor__name", "lead_actor__short_name"]


class MeasureListView(ListView):
    permission_required = "measures.view_measure"
    export_url_name = "measures:export"
    filterset_class = MeasureFilter
    template_name = "measures/measure_list.html"
    # The same for everybody who may see the list: its filter panel (with choices from the
    # database) and its results are cached per query until the next save (core.caching).
    extra_context = {"filter_cache": "measure-filters", "results_cache": "measure-list"}

    def get_queryset(self):
        return (
            Measure.objects.select_related("action_field", "lead_actor")
            .only(*LIST_COLUMNS)
            .with_last_report()
            .order_by("action_field__order", "code")
        )


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
        pk, Measure.objects.only("code", "title", "plan", "action_field", "lead_actor")
    )
    # Gathered only when the cached page is missing or out of date (measure_detail.html).
    page = Deferred(lambda: measure_page_data(measure.pk))
    # The link to the public page ("so sieht es öffentlich aus") only while those pages are on.
    context = {"measure": measure, "page": page, "public_pages": settings.PUBLIC_PAGES_ENABLED}
    return render(request, "measures/measure_detail.html", context)


def measure_page_data(pk):
    """Everything a measure's page shows below its heading, with a fixed number of queries."""
    measure = get_measure(
        pk,
        Measure.objects.select_related("responsible")
        .prefetch_related(
            "partner_actors",
            Prefetch("predecessors", queryset=ancestors_queryset()),
            Prefetch(
                "status_reports",
                queryset=StatusReport.objects.select_related("author"),
            ),
            Prefetch("indicators", queryset=Indicator.objects.with_latest()),
            "source_proposals",
            Prefetch("projects", queryset=Project.objects.only("title", "status", "start", "end")),
        )
        .with_last_report(),
    )
    history = measure.history.select_related("history_user")
    return {
        "measure": measure,
        "ancestors": ancestors(measure),
        "reports": measure.status_reports.all(),
        "indicators": measure.indicators.all(),
        "projects": measure.projects.all(),
        "sections": sections_for("measures.measure_detail", measure),
        "changes": change_entries(history, limit=15),
    }


# How many plan versions back a measure's page shows its earlier history.
ANCESTOR_GENERATIONS = 3


def ancestors_queryset(generations=ANCESTOR_GENERATIONS):
    """A measure's predecessors with their plan and accepted reports, and theirs in turn, up to
    `generations` back: two queries per generation, however many there are."""
    queryset = Measure.objects.select_related("plan").prefetch_related(
        Prefetch(
            "status_reports",
            queryset=StatusReport.objects.accepted().order_by("-reporting_date", "-created_at"),
            to_attr="accepted_reports",
        )
    )
    if generations > 1:
        queryset = queryset.prefetch_related(
            Prefetch("predecessors", queryset=ancestors_queryset(generations - 1))
        )
    return queryset.order_by("code")


def ancestors(measure, generations=ANCESTOR_GENERATIONS):
    """The measures `measure` continues across earlier plan versions, newest plan first,
    each once (a merged measure's lines may meet again)."""
    found, seen, level = [], set(), [measure]
    for _generation in range(generations):
        level = [p for m in level for p in m.predecessors.all() if p.pk not in seen]
        for predecessor in level:
            if predecessor.pk not in seen:
                seen.add(predecessor.pk)
                found.append(predecessor)
    return found


class MeasureRecord:
    """The pages that edit a measure or add to it: breadcrumb and Cancel lead to the measure."""

    list_url_name = "measures:list"
    list_label = gettext_lazy("Measures")

    def get_breadcrumbs(self):
        return [
            (reverse(self.list_url_name), self.list_label),
            (self.measure.get_absolute_url(), self.measure.code),
        ]

    def get_cancel_url(self):
        return self.measure.get_absolute_url()


class MeasureUpdateView(MeasureRecord, UpdateRecordView):
    permission_required = "measures.change_measure"
    model = Measure
    form_class = MeasureForm
    success_message = gettext_lazy("The measure has been saved.")

    @property
    def measure(self):
        return self.object

    def get_object(self, queryset=None):
        return get_measure(self.kwargs["pk"])

    def get_title(self):
        return _("Edit measure %(code)s") % {"code": self.measure.code}

    def get_heading(self):
        return _("Edit measure %(code)s %(title)s") % {
            "code": self.measure.code,
            "title": self.measure.title,
        }


class StatusReportCreateView(MeasureRecord, CreateRecordView):
    """A staff member's status report; it updates the measure's status and progress."""

    permission_required = "measures.add_statusreport"
    form_class = StatusReportForm
    template_name = "measures/status_report_form.html"
    success_message = gettext_lazy("The status report has been recorded.")
    submit_label = gettext_lazy("Save status report")

    @cached_property
    def measure(self):
        return get_measure(self.kwargs["pk"])

    def get_initial(self):
        return {"status": self.measure.status, "progress": self.measure.progress}

    def get_title(self):
        return f"{_('Record status')} – {self.measure.code}"

    def get_heading(self):
        return _("Record status for %(code)s %(title)s") % {
            "code": self.measure.code,
            "title": self.measure.title,
        }

    def get_context_data(self, **kwargs):
        return super().get_context_data(measure=self.measure, **kwargs)

    def save_record(self, form):
        return record_status_report(self.measure, self.request.user, form.save(commit=False))

    def get_success_url(self):
        return self.measure.get_absolute_url()
