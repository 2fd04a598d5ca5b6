"""The project's own staff pages: list, export, detail, create, edit, delete, its documents and
its results per year. The funding pages are funding_urls.py's."""

from django.contrib import messages
from django.db.models import Prefetch
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext, pgettext_lazy
from django.views.decorators.http import require_POST

from core.exports import export_view
from core.history import change_entries
from core.permissions import requires
from core.views import CreateRecordView, DeleteRecordView, ListView, UpdateRecordView

from ..models import (
    FundingApplication,
    Measure,
    Project,
    ProjectDocument,
    ProjectResult,
)
from .project_filters import ProjectFilter
from .project_forms import ProjectDocumentForm, ProjectForm, ProjectResultForm
from .project_resources import ProjectResource
from .project_services import (
    add_document,
    delete_document,
    delete_project,
    delete_result,
    with_funding_sums,
)


def get_project(pk, queryset=None):
    """The one way views load a project: 404 for an unknown id."""
    return get_object_or_404(queryset if queryset is not None else Project.objects.all(), pk=pk)


def project_queryset():
    """The list's and the export's projects, with their funding sums."""
    return with_funding_sums(Project.objects.select_related("lead_actor", "responsible"))


def export_queryset():
    return project_queryset().prefetch_related("partner_actors", "action_fields", "measures")


class ProjectListView(ListView):
    permission_required = "measures.view_project"
    export_url_name = "projects:export"
    filterset_class = ProjectFilter
    template_name = "measures/projects/project_list.html"

    def get_queryset(self):
        return project_queryset()


project_export = export_view(
    "measures.view_project",
    ProjectFilter,
    export_queryset,
    ProjectResource,
    gettext_lazy("projects"),
)


def detail_queryset():
    """A project with everything its page shows, the funding section's applications with
    their programme and deadlines included, in a fixed number of queries."""
    return Project.objects.select_related("lead_actor", "responsible").prefetch_related(
        "partner_actors",
        Prefetch("measures", queryset=Measure.objects.only("pk", "code", "title")),
        "action_fields",
        Prefetch("documents", queryset=ProjectDocument.objects.select_related("uploaded_by")),
        "results",
        Prefetch(
            "funding_applications",
            queryset=FundingApplication.objects.select_related("programme").prefetch_related(
                "deadlines"
            ),
        ),
    )


def project_page(request, project, document_form=None):
    may_upload = request.user.has_perm("measures.add_projectdocument")
    if document_form is None and may_upload:
        document_form = ProjectDocumentForm()
    context = {
        "project": project,
        "document_form": document_form,
        "changes": change_entries(project.history.select_related("history_user"), limit=15),
    }
    return render(request, "measures/projects/project_detail.html", context)


@requires("measures.view_project")
def project_detail(request, pk):
    return project_page(request, get_project(pk, detail_queryset()))


class ProjectRecord:
    model = Project
    form_class = ProjectForm
    list_url_name = "projects:list"
    list_label = gettext_lazy("Projects")
    new_title = gettext_lazy("New project")

    def get_object(self, queryset=None):
        return get_project(self.kwargs["pk"])


class ProjectCreateView(ProjectRecord, CreateRecordView):
    permission_required = "measures.add_project"
    success_message = gettext_lazy("The project has been saved.")


class ProjectUpdateView(ProjectRecord, UpdateRecordView):
    permission_required = "measures.change_project"
    success_message = gettext_lazy("The project has been saved.")


class ProjectDeleteView(ProjectRecord, DeleteRecordView):
    permission_required = "measures.delete_project"

    def delete_record(self, record, user):
        delete_project(record, user)


# Documents -----------------------------------------------------------------------------------


@require_POST
@requires("measures.add_projectdocument")
def document_upload(request, pk):
    project = get_project(pk)
    form = ProjectDocumentForm(request.POST, request.FILES)
    if form.is_valid():
        add_document(project, form, request.user)
        messages.success(request, pgettext("project", "The document has been uploaded."))
        return redirect(project)
    messages.error(request, pgettext("project", "The document was not stored."))
    return project_page(request, get_project(pk, detail_queryset()), form)


@requires("measures.view_projectdocument")
def document_download(request, pk):
    """Documents live outside the public media; only this view hands them out."""
    document = get_object_or_404(ProjectDocument, pk=pk)
    try:
        handle = document.file.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    name = document.file.name.rsplit("/", 1)[-1]
    response = FileResponse(
        handle, as_attachment=True, filename=name, content_type=document.content_type or None
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


class ProjectPart:
    """A document's or result's pages: breadcrumb and Cancel lead to its project."""

    list_url_name = "projects:list"
    list_label = gettext_lazy("Projects")

    @cached_property
    def project(self):
        if self.object is not None:
            return self.object.project
        return get_project(self.kwargs["pk"])

    def get_breadcrumbs(self):
        return [
            (reverse(self.list_url_name), self.list_label),
            (self.project.get_absolute_url(), str(self.project)),
        ]

    def get_cancel_url(self):
        return self.project.get_absolute_url()

    def get_success_url(self):
        return self.project.get_absolute_url()


class DocumentDeleteView(ProjectPart, DeleteRecordView):
    permission_required = "measures.delete_projectdocument"
    success_message = pgettext_lazy("project", "The document has been deleted.")

    def get_object(self, queryset=None):
        return get_object_or_404(
            ProjectDocument.objects.select_related("project"), pk=self.kwargs["pk"]
        )

    def delete_record(self, record, user):
        delete_document(record, user)


# Results per year ----------------------------------------------------------------------------


class ResultRecord(ProjectPart):
    model = ProjectResult
    form_class = ProjectResultForm
    success_message = gettext_lazy("The results have been saved.")

    def get_object(self, queryset=None):
        return get_object_or_404(
            ProjectResult.objects.select_related("project"), pk=self.kwargs["pk"]
        )


class ResultFormMixin(ResultRecord):
    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "project": self.project}


class ResultCreateView(ResultFormMixin, CreateRecordView):
    permission_required = "measures.add_projectresult"
    object = None

    def get_title(self):
        return _("Results of “%s”") % self.project

    def save_record(self, form):
        form.instance.project = self.project
        return form.save()


class ResultUpdateView(ResultFormMixin, UpdateRecordView):
    permission_required = "measures.change_projectresult"

    def get_title(self):
        return _("Results %(year)s of “%(project)s”") % {
            "year": self.object.year,
            "project": self.project,
        }


class ResultDeleteView(ResultRecord, DeleteRecordView):
    permission_required = "measures.delete_projectresult"
    success_message = gettext_lazy("The results have been deleted.")

    def delete_record(self, record, user):
        delete_result(record, user)
