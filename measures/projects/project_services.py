"""Saving and deleting a project, its documents and results (the staff pages of issue 17)."""

from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import DecimalField, OuterRef, QuerySet, Subquery, Sum
from django.forms import ModelForm

from core.history import recorded_by

from ..models import FundingApplication, Project, ProjectDocument, ProjectResult
from ..models.projects import EURO


def with_funding_sums(queryset: QuerySet[Project]) -> QuerySet[Project]:
    """The projects with `applied_sum` and `granted_sum` over their applications, each one
    subquery, so that filters joining the applications cannot count an amount twice."""

    def total(field: str) -> Subquery:
        per_project = (
            FundingApplication.objects.filter(project=OuterRef("pk"))
            .order_by()
            .values("project")
            .annotate(total=Sum(field))
            .values("total")
        )
        return Subquery(
            per_project,
            output_field=DecimalField(
                max_digits=EURO["max_digits"], decimal_places=EURO["decimal_places"]
            ),
        )

    return queryset.annotate(
        applied_sum=total("amount_applied"), granted_sum=total("amount_granted")
    )


def delete_project(project: Project, user: User) -> None:
    """Delete the project with its documents, results and applications; its history stays.
    The documents' files go once the deletion is certain."""
    documents = list(project.documents.all())
    with transaction.atomic():
        for document in documents:
            delete_document(document, user)
        recorded_by(project, user).delete()


@transaction.atomic
def add_document(project: Project, form: ModelForm, user: User) -> ProjectDocument:
    document = form.save(commit=False)
    document.project = project
    document.uploaded_by = user
    recorded_by(document, user).save()
    return document


@transaction.atomic
def delete_document(document: ProjectDocument, user: User) -> None:
    stored = document.file
    recorded_by(document, user).delete()
    # The file goes only once the deletion is certain; the history keeps its metadata.
    transaction.on_commit(lambda: stored.storage.delete(stored.name))


def delete_result(result: ProjectResult, user: User) -> None:
    with transaction.atomic():
        recorded_by(result, user).delete()
