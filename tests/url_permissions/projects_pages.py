"""The projects' own pages (measures/projects/project_urls.py)."""

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile

from measures.models import Project, ProjectDocument, ProjectResult
from tests.url_permissions import DONE_BY_WRITE, POST_ONLY, READ, WRITE, Post, row_of

PDF = b"%PDF-1.4\n%test\n"


def _project():
    return Project.objects.create(title="Sprachcafé")


def project(d):
    return {"pk": _project().pk}


def document(d):
    stored = ProjectDocument(project=_project(), title="Bescheid", size=len(PDF))
    stored.content_type = "application/pdf"
    stored.file.save("bescheid.pdf", ContentFile(PDF))
    return {"pk": stored.pk}


def result(d):
    return {"pk": ProjectResult.objects.create(project=_project(), year=2025).pk}


def project_data(d):
    return {"title": "Frauencafé", "status": "idea"}


def upload(d):
    content = SimpleUploadedFile("bescheid.pdf", PDF, "application/pdf")
    return {"document-title": "Bescheid", "document-file": content}


def result_data(d):
    return {"year": 2026, "participants": 12}


def projects(kwargs):
    return Project.objects.count()


def documents_of_project(kwargs):
    return ProjectDocument.objects.filter(project=kwargs["pk"]).count()


def results_of_project(kwargs):
    return ProjectResult.objects.filter(project=kwargs["pk"]).count()


def xlsx(d):
    return {"file_format": "xlsx"}


PAGES_TABLE = {
    "projects:list": (None, READ),
    "projects:export": (xlsx, READ),
    "projects:create": (None, WRITE, Post(DONE_BY_WRITE, data=project_data, changes=projects)),
    "projects:detail": (project, READ),
    "projects:edit": (
        project,
        WRITE,
        Post(DONE_BY_WRITE, data=project_data, changes=row_of(Project)),
    ),
    "projects:delete": (project, WRITE, Post(DONE_BY_WRITE, changes=row_of(Project))),
    "projects:document_upload": (
        project,
        POST_ONLY,
        Post(DONE_BY_WRITE, data=upload, changes=documents_of_project),
    ),
    "projects:document_download": (document, READ),
    "projects:document_delete": (
        document,
        WRITE,
        Post(DONE_BY_WRITE, changes=row_of(ProjectDocument)),
    ),
    "projects:result_create": (
        project,
        WRITE,
        Post(DONE_BY_WRITE, data=result_data, changes=results_of_project),
    ),
    "projects:result_edit": (
        result,
        WRITE,
        Post(DONE_BY_WRITE, data=result_data, changes=row_of(ProjectResult)),
    ),
    "projects:result_delete": (result, WRITE, Post(DONE_BY_WRITE, changes=row_of(ProjectResult))),
}
