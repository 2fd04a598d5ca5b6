"""The funding pages (measures/projects/funding_urls.py): programmes, applications, deadlines."""

import datetime

from measures.models import FundingApplication, FundingDeadline, FundingProgramme, Project
from tests.url_permissions import DONE_BY_WRITE, POST_ONLY, READ, WRITE, Post, row_of


def _programme(name="Landesprogramm Integration vor Ort"):
    return FundingProgramme.objects.get_or_create(
        name=name, defaults={"funder": "Land Baden-Württemberg"}
    )[0]


def _application():
    project = Project.objects.create(title="Sprachcafé")
    return FundingApplication.objects.create(project=project, programme=_programme())


def _deadline():
    return FundingDeadline.objects.create(
        application=_application(), kind="final", due_on=datetime.date(2026, 12, 31)
    )


def programme(d):
    return {"pk": _programme("Ungenutztes Programm").pk}


def project(d):
    return {"pk": Project.objects.create(title="Elterncafé").pk}


def application(d):
    return {"pk": _application().pk}


def deadline(d):
    return {"pk": _deadline().pk}


def programme_data(d):
    return {"name": "AMIF-Lokalfonds", "funder": "Europäische Union", "funder_kind": "eu"}


def application_data(d):
    return {"programme": _programme().pk, "amount_applied": "1.234,56", "own_share": "100"}


def deadline_data(d):
    return {"kind": "interim", "due_on": "30.06.2026"}


def programmes(kwargs):
    return FundingProgramme.objects.count()


def applications_of_project(kwargs):
    return FundingApplication.objects.filter(project=kwargs["pk"]).count()


def deadlines_of_application(kwargs):
    return FundingDeadline.objects.filter(application=kwargs["pk"]).count()


FUNDING_TABLE = {
    "projects:programme_list": (None, READ),
    "projects:programme_create": (
        None,
        WRITE,
        Post(DONE_BY_WRITE, data=programme_data, changes=programmes),
    ),
    "projects:programme_edit": (
        programme,
        WRITE,
        Post(DONE_BY_WRITE, data=programme_data, changes=row_of(FundingProgramme)),
    ),
    "projects:programme_delete": (
        programme,
        WRITE,
        Post(DONE_BY_WRITE, changes=row_of(FundingProgramme)),
    ),
    "projects:application_create": (
        project,
        WRITE,
        Post(DONE_BY_WRITE, data=application_data, changes=applications_of_project),
    ),
    "projects:application_edit": (
        application,
        WRITE,
        Post(DONE_BY_WRITE, data=application_data, changes=row_of(FundingApplication)),
    ),
    "projects:application_delete": (
        application,
        WRITE,
        Post(DONE_BY_WRITE, changes=row_of(FundingApplication)),
    ),
    "projects:deadline_create": (
        application,
        WRITE,
        Post(DONE_BY_WRITE, data=deadline_data, changes=deadlines_of_application),
    ),
    "projects:deadline_edit": (
        deadline,
        WRITE,
        Post(DONE_BY_WRITE, data=deadline_data, changes=row_of(FundingDeadline)),
    ),
    "projects:deadline_delete": (
        deadline,
        WRITE,
        Post(DONE_BY_WRITE, changes=row_of(FundingDeadline)),
    ),
    "projects:deadline_done": (
        deadline,
        POST_ONLY,
        Post(DONE_BY_WRITE, changes=row_of(FundingDeadline)),
    ),
    "projects:deadlines": (None, READ),
    "projects:deadlines_ics": (None, READ),
    "projects:funding_overview": (None, READ),
}
