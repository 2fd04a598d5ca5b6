"""The funding pages: programmes, a project's applications and their deadlines, the overview of
sums and the list of open deadlines with its calendar file."""

import django_filters
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from core.permissions import requires
from core.views import CreateRecordView, DeleteRecordView, ListView, UpdateRecordView
from measures.models import FundingApplication, FundingDeadline, FundingProgramme, Project

from .funding import (
    FundingError,
    delete_record,
    funding_overview,
    mark_done,
    open_deadlines,
    programme_queryset,
)
from .funding_calendar import deadlines_calendar
from .funding_forms import FundingApplicationForm, FundingDeadlineForm, FundingProgrammeForm

ICS_CONTENT_TYPE = "text/calendar; charset=utf-8"


def project_url(project_id: int) -> str:
    return reverse("projects:detail", kwargs={"pk": project_id}) + "#funding-heading"


class FundingSection:
    domain_error = FundingError

    def delete_record(self, record, user):
        delete_record(record, user)


# Programmes


class ProgrammeFilter(django_filters.FilterSet):
    name = django_filters.CharFilter(lookup_expr="icontains", label=gettext_lazy("Name"))
    funder_kind = django_filters.ChoiceFilter(
        choices=FundingProgramme.FunderKind.choices,
        label=gettext_lazy("Kind of funder"),
        empty_label=gettext_lazy("all"),
    )

    class Meta:
        model = FundingProgramme
        fields = ["name", "funder_kind"]


class ProgrammeListView(FundingSection, ListView):
    permission_required = "measures.view_fundingprogramme"
    filterset_class = ProgrammeFilter
    template_name = "measures/projects/programme_list.html"

    def get_queryset(self):
        return programme_queryset()


class ProgrammeRecord(FundingSection):
    model = FundingProgramme
    form_class = FundingProgrammeForm
    list_url_name = "projects:programme_list"
    list_label = gettext_lazy("Funding programmes")
    new_title = gettext_lazy("New funding programme")

    def get_cancel_url(self):
        return reverse(self.list_url_name)

    def get_success_url(self):
        return reverse(self.list_url_name)

    def get_breadcrumbs(self):
        return [(reverse(self.list_url_name), self.list_label)]


class ProgrammeCreateView(ProgrammeRecord, CreateRecordView):
    permission_required = "measures.add_fundingprogramme"


class ProgrammeUpdateView(ProgrammeRecord, UpdateRecordView):
    permission_required = "measures.change_fundingprogramme"


class ProgrammeDeleteView(ProgrammeRecord, DeleteRecordView):
    permission_required = "measures.delete_fundingprogramme"


# Applications and deadlines: their pages lead back to the project.


class ProjectPartRecord(FundingSection):
    list_url_name = "projects:funding_overview"

    def project(self):
        raise NotImplementedError

    def get_breadcrumbs(self):
        project = self.project()
        return [
            (reverse("projects:funding_overview"), _("Funding")),
            (project_url(project.pk), str(project)),
        ]

    def get_cancel_url(self):
        return project_url(self.project().pk)

    def get_success_url(self):
        return self.get_cancel_url()


class ApplicationRecord(ProjectPartRecord):
    model = FundingApplication
    form_class = FundingApplicationForm
    new_title = gettext_lazy("New funding application")

    def get_queryset(self):
        return FundingApplication.objects.select_related("project", "programme")

    def project(self):
        return self.object.project


class ApplicationCreateView(ApplicationRecord, CreateRecordView):
    permission_required = "measures.add_fundingapplication"

    def dispatch(self, request, *args, **kwargs):
        self.parent = get_object_or_404(Project.objects.only("title"), pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def project(self):
        return self.parent

    def get_title(self):
        return _("New funding application for “%s”") % self.parent

    def save_record(self, form):
        form.instance.project = self.parent
        return form.save()


class ApplicationUpdateView(ApplicationRecord, UpdateRecordView):
    permission_required = "measures.change_fundingapplication"


class ApplicationDeleteView(ApplicationRecord, DeleteRecordView):
    permission_required = "measures.delete_fundingapplication"


class DeadlineRecord(ProjectPartRecord):
    model = FundingDeadline
    form_class = FundingDeadlineForm
    new_title = gettext_lazy("New deadline")

    def get_queryset(self):
        return FundingDeadline.objects.select_related(
            "application__project", "application__programme"
        )

    def project(self):
        return self.object.application.project


class DeadlineCreateView(DeadlineRecord, CreateRecordView):
    permission_required = "measures.add_fundingdeadline"

    def dispatch(self, request, *args, **kwargs):
        self.application = get_object_or_404(
            FundingApplication.objects.select_related("project", "programme"), pk=kwargs["pk"]
        )
        return super().dispatch(request, *args, **kwargs)

    def project(self):
        return self.application.project

    def get_title(self):
        return _("New deadline: %s") % self.application

    def save_record(self, form):
        form.instance.application = self.application
        return form.save()


class DeadlineUpdateView(DeadlineRecord, UpdateRecordView):
    permission_required = "measures.change_fundingdeadline"


class DeadlineDeleteView(DeadlineRecord, DeleteRecordView):
    permission_required = "measures.delete_fundingdeadline"


@require_POST
@requires("measures.change_fundingdeadline")
def deadline_done(request, pk):
    deadline = get_object_or_404(
        FundingDeadline.objects.select_related("application__project"), pk=pk
    )
    mark_done(deadline, request.user)
    messages.success(
        request,
        _("“%(deadline)s” of “%(project)s” is marked as done.")
        % {"deadline": deadline.get_kind_display(), "project": deadline.application.project},
    )
    if request.POST.get("next") == "deadlines":
        return redirect("projects:deadlines")
    return redirect(project_url(deadline.application.project_id))


# Overviews


@requires("measures.view_fundingapplication")
def overview(request):
    return render(request, "measures/projects/funding_overview.html", funding_overview())


class DeadlineFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(
        choices=FundingDeadline.Kind.choices,
        label=gettext_lazy("Kind"),
        empty_label=gettext_lazy("all"),
    )
    programme = django_filters.ModelChoiceFilter(
        field_name="application__programme",
        queryset=FundingProgramme.objects.only("name"),
        label=gettext_lazy("Funding programme"),
        empty_label=gettext_lazy("all"),
    )

    class Meta:
        model = FundingDeadline
        fields = ["kind", "programme"]


class DeadlineListView(ListView):
    permission_required = "measures.view_fundingdeadline"
    filterset_class = DeadlineFilter
    template_name = "measures/projects/deadline_list.html"
    paginate_by = 50

    def get_queryset(self):
        return open_deadlines()

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            today=timezone.localdate(), ics_query=self.request.GET.urlencode(), **kwargs
        )


@requires("measures.view_fundingdeadline")
def deadlines_ics(request):
    deadlines = DeadlineFilter(request.GET, queryset=open_deadlines()).qs
    response = HttpResponse(deadlines_calendar(list(deadlines)), content_type=ICS_CONTENT_TYPE)
    response["Content-Disposition"] = content_disposition_header(False, "foerderfristen.ics")
    return response
