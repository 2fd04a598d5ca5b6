"""The projects' staff pages (issue 17): list with filters and export, detail, create, edit,
delete, documents and results per year."""

import datetime
import io
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from measures.models import (
    ActionField,
    FundingApplication,
    FundingDeadline,
    FundingProgramme,
    Plan,
    Project,
    ProjectDocument,
    ProjectResult,
)
from network.models import Actor
from tests.test_accessibility import assert_accessible_structure, structure

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def programme(db):
    return FundingProgramme.objects.create(
        name="Integrationsmanagement", funder="Land Baden-Württemberg", funder_kind="state"
    )


@pytest.fixture
def project(measure, action_field, actor, sachbearbeitung, programme):
    project = Project.objects.create(
        title="Sprachcafé Nordstadt",
        description="Ein offener Treff zum Deutschsprechen.",
        goals="Mütter üben Deutsch im Alltag.",
        lead_actor=actor,
        responsible=sachbearbeitung,
        start=datetime.date(2025, 3, 1),
        end=datetime.date(2026, 12, 31),
        status=Project.Status.RUNNING,
    )
    project.measures.add(measure)
    project.action_fields.add(action_field)
    application = FundingApplication.objects.create(
        project=project,
        programme=programme,
        amount_applied=Decimal("12000.50"),
        amount_granted=Decimal("10000"),
    )
    FundingDeadline.objects.create(
        application=application, kind="final", due_on=datetime.date(2027, 3, 31)
    )
    return project


def add_projects(count, programme, actor, action_field, measure):
    """`count` more projects, each with an application, a partner, a document and a result."""
    for number in range(count):
        project = Project.objects.create(
            title=f"Projekt {number}", lead_actor=actor, start=datetime.date(2026, 1, 1)
        )
        project.partner_actors.add(actor)
        project.action_fields.add(action_field)
        project.measures.add(measure)
        FundingApplication.objects.create(
            project=project, programme=programme, amount_applied=Decimal("100")
        )
        ProjectResult.objects.create(project=project, year=2026, participants=number)


def listed(client, **query):
    response = client.get(reverse("projects:list"), query)
    assert response.status_code == 200
    return [project.title for project in response.context["page_obj"].object_list]


# The list ------------------------------------------------------------------------------------


def test_list_shows_state_lead_period_and_funding_sums_in_german(client, lesezugriff, project):
    client.force_login(lesezugriff)
    page = client.get(reverse("projects:list")).content.decode()
    assert "Sprachcafé Nordstadt" in page
    assert "laufend" in page
    assert "01.03.2025 – 31.12.2026" in page
    assert "12.000,50 €" in page
    assert "10.000,00 €" in page


def test_two_applications_are_summed_and_a_programme_filter_counts_none_twice(
    client, lesezugriff, project, programme
):
    FundingApplication.objects.create(
        project=project, programme=programme, amount_applied=Decimal("1000")
    )
    client.force_login(lesezugriff)
    response = client.get(reverse("projects:list"), {"programme": programme.pk})
    (shown,) = response.context["page_obj"].object_list
    assert shown.applied_sum == Decimal("13000.50")
    assert shown.granted_sum == Decimal("10000")


def test_filters_by_state_action_field_measure_lead_programme_year_and_text(
    client, lesezugriff, project, measure, action_field, actor, programme
):
    other_actor = Actor.objects.create(name="Caritas")
    Project.objects.create(
        title="Hausaufgabenhilfe",
        goals="Kinder in der Grundschule",
        lead_actor=other_actor,
        start=datetime.date(2027, 1, 1),
        status=Project.Status.IDEA,
    )
    Project.objects.create(title="Ohne Daten", status=Project.Status.WITHDRAWN)
    client.force_login(lesezugriff)
    assert listed(client, status="running") == ["Sprachcafé Nordstadt"]
    assert listed(client, status=["running", "idea"]) == [
        "Hausaufgabenhilfe",
        "Sprachcafé Nordstadt",
    ]
    assert listed(client, action_field=action_field.pk) == ["Sprachcafé Nordstadt"]
    assert listed(client, measure=measure.pk) == ["Sprachcafé Nordstadt"]
    assert listed(client, lead_actor=other_actor.pk) == ["Hausaufgabenhilfe"]
    assert listed(client, programme=programme.pk) == ["Sprachcafé Nordstadt"]
    assert listed(client, year=2026) == ["Sprachcafé Nordstadt"]
    # An open end reaches into every later year; a project without dates has no year.
    assert listed(client, year=2028) == ["Hausaufgabenhilfe"]
    assert listed(client, year=2024) == []
    assert listed(client, q="grundschule") == ["Hausaufgabenhilfe"]


def test_action_field_filter_offers_the_current_plans_fields(client, lesezugriff, plan):
    older = Plan.objects.create(title="Alt", version_label="2010", state=Plan.State.ARCHIVED)
    ActionField.objects.create(plan=older, code="9", title="Altes Feld", order=9)
    ActionField.objects.create(plan=plan, code="2", title="Bildung", order=2)
    client.force_login(lesezugriff)
    page = client.get(reverse("projects:list")).content.decode()
    assert "Bildung" in page
    assert "Altes Feld" not in page


def test_export_has_german_headings_and_the_filtered_projects(client, lesezugriff, project):
    Project.objects.create(title="Anderes Projekt", status=Project.Status.IDEA)
    client.force_login(lesezugriff)
    response = client.get(reverse("projects:export", args=["xlsx"]), {"status": "running"})
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    header = rows[0]
    assert header[:4] == ("Titel", "Zustand", "Federführung", "Partner")
    assert len(rows) == 2
    row = dict(zip(header, rows[1], strict=True))
    assert row["Titel"] == "Sprachcafé Nordstadt"
    assert row["Zustand"] == "laufend"
    assert row["Beginn"] == datetime.datetime(2025, 3, 1)
    assert row["Beantragt (EUR)"] == 12000.5
    assert row["Bewilligt (EUR)"] == 10000
    assert row["Maßnahmen"] == "1.1"
    csv = client.get(reverse("projects:export", args=["csv"])).content.decode("utf-8-sig")
    assert csv.splitlines()[0].startswith("Titel;Zustand;")


def count_queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


def test_list_detail_and_export_keep_a_fixed_number_of_queries(
    client, lesezugriff, project, programme, actor, action_field, measure, django_assert_num_queries
):
    """Counted with three projects, then asserted equal with thirty more and a project with
    seven documents and results."""
    client.force_login(lesezugriff)
    urls = [
        reverse("projects:list"),
        project.get_absolute_url(),
        reverse("projects:export", args=["xlsx"]),
    ]
    add_projects(2, programme, actor, action_field, measure)
    small = [count_queries(client, url) for url in urls]
    add_projects(30, programme, actor, action_field, measure)
    for year in range(2019, 2026):
        ProjectResult.objects.create(project=project, year=year, participants=3)
        ProjectDocument.objects.create(
            project=project, title=f"Bescheid {year}", file=ContentFile(PDF, name="b.pdf")
        )
    for url, count in zip(urls, small, strict=True):
        with django_assert_num_queries(count):
            client.get(url)


# The detail page -----------------------------------------------------------------------------


def test_detail_shows_links_funding_results_documents_and_history(
    client, lesezugriff, project, measure, actor
):
    ProjectResult.objects.create(project=project, year=2025, participants=48, outcome="Gut")
    client.force_login(lesezugriff)
    page = client.get(project.get_absolute_url()).content.decode()
    assert f'href="{measure.get_absolute_url()}"' in page
    assert f'href="{actor.get_absolute_url()}"' in page
    assert "Integrationsmanagement" in page  # the funding section
    assert "31.03.2027" in page  # its deadline
    assert "48" in page
    assert "Änderungshistorie" in page
    # Reading only: no forms or links to change anything.
    assert "document-file" not in page
    assert reverse("projects:edit", args=[project.pk]) not in page


def test_measure_page_lists_its_projects(client, lesezugriff, project, measure):
    client.force_login(lesezugriff)
    page = client.get(measure.get_absolute_url()).content.decode()
    assert f'href="{project.get_absolute_url()}"' in page
    assert "laufend" in page


def test_measure_page_shows_a_new_project_at_once(client, lesezugriff, measure):
    client.force_login(lesezugriff)
    client.get(measure.get_absolute_url())  # cached now
    Project.objects.create(title="Neues Projekt").measures.add(measure)
    assert "Neues Projekt" in client.get(measure.get_absolute_url()).content.decode()


# Create, edit, delete ------------------------------------------------------------------------


def form_data(measure, actor, action_field, **changes):
    data = {
        "title": "Frauencafé",
        "status": "preparing",
        "description": "Treff für Frauen",
        "goals": "",
        "target_groups": "Frauen",
        "action_fields": [action_field.pk],
        "measures": [measure.pk],
        "lead_actor": actor.pk,
        "partner_actors": [actor.pk],
        "responsible": "",
        "start": "2026-01-01",
        "end": "2026-12-31",
        "funding": "",
    }
    return {**data, **changes}


def test_clerk_creates_a_project_with_its_links(
    client, sachbearbeitung, measure, actor, action_field
):
    client.force_login(sachbearbeitung)
    response = client.post(reverse("projects:create"), form_data(measure, actor, action_field))
    project = Project.objects.get(title="Frauencafé")
    assert response.status_code == 302
    assert response["Location"] == project.get_absolute_url()
    assert list(project.measures.all()) == [measure]
    assert list(project.action_fields.all()) == [action_field]
    assert project.history.get().history_user == sachbearbeitung


def test_end_before_start_is_refused_in_german(
    client, sachbearbeitung, measure, actor, action_field
):
    client.force_login(sachbearbeitung)
    data = form_data(measure, actor, action_field, start="2026-05-01", end="2026-04-30")
    response = client.post(reverse("projects:create"), data)
    assert response.status_code == 200
    assert "Das Ende darf nicht vor dem Beginn liegen." in response.content.decode()
    assert not Project.objects.exists()


def test_edit_refuses_to_overwrite_a_change_made_meanwhile(
    client, sachbearbeitung, project, measure, actor, action_field
):
    client.force_login(sachbearbeitung)
    url = reverse("projects:edit", args=[project.pk])
    opened = project.version
    Project.objects.get(pk=project.pk).save()  # someone else saved since
    data = form_data(measure, actor, action_field, title="Überschrieben", version=opened)
    response = client.post(url, data)
    assert response.status_code == 200
    assert Project.objects.get(pk=project.pk).title == "Sprachcafé Nordstadt"
    fresh = form_data(measure, actor, action_field, title="Neu", version=project.version + 1)
    assert client.post(url, fresh).status_code == 302
    assert Project.objects.get(pk=project.pk).title == "Neu"


def test_delete_asks_first_then_removes_the_project_and_its_files(
    client, sachbearbeitung, project, media, django_capture_on_commit_callbacks
):
    document = ProjectDocument.objects.create(
        project=project, title="Bescheid", file=ContentFile(PDF, name="bescheid.pdf")
    )
    stored = Path(media) / document.file.name
    client.force_login(sachbearbeitung)
    url = reverse("projects:delete", args=[project.pk])
    assert "Sprachcafé Nordstadt" in client.get(url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url)
    assert response["Location"] == reverse("projects:list")
    assert not Project.objects.exists()
    assert not stored.exists()
    assert Project.history.filter(history_type="-").get().history_user == sachbearbeitung


# Documents -----------------------------------------------------------------------------------


def upload(client, project, name, content, title="Zuwendungsbescheid"):
    return client.post(
        reverse("projects:document_upload", args=[project.pk]),
        {"document-title": title, "document-file": SimpleUploadedFile(name, content)},
    )


def test_clerk_uploads_a_pdf_and_a_reader_downloads_it(
    client, sachbearbeitung, lesezugriff, project
):
    client.force_login(sachbearbeitung)
    assert upload(client, project, "bescheid.pdf", PDF).status_code == 302
    document = ProjectDocument.objects.get()
    assert (document.content_type, document.size, document.uploaded_by) == (
        "application/pdf",
        len(PDF),
        sachbearbeitung,
    )
    client.force_login(lesezugriff)
    response = client.get(reverse("projects:document_download", args=[document.pk]))
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "attachment" in response["Content-Disposition"]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("bescheid.pdf", b"<html><script>alert(1)</script>", "passt nicht zu ihrem Typ"),
        ("tool.exe", b"MZ\x90\x00", "Dateien dieses Typs"),
        ("leer.pdf", b"", "leer"),
    ],
)
def test_uploads_follow_the_committee_documents_rules(
    client, sachbearbeitung, project, name, content, message
):
    client.force_login(sachbearbeitung)
    response = upload(client, project, name, content)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not ProjectDocument.objects.exists()


def test_upload_over_the_size_limit_is_refused(client, sachbearbeitung, project, settings):
    settings.COMMITTEE_DOCUMENT_MAX_BYTES = 16
    client.force_login(sachbearbeitung)
    assert upload(client, project, "gross.pdf", PDF).status_code == 200
    assert not ProjectDocument.objects.exists()


def test_document_delete_removes_the_file_after_the_commit(
    client, sachbearbeitung, project, media, django_capture_on_commit_callbacks
):
    client.force_login(sachbearbeitung)
    upload(client, project, "bescheid.pdf", PDF)
    document = ProjectDocument.objects.get()
    stored = Path(media) / document.file.name
    assert stored.exists()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("projects:document_delete", args=[document.pk]))
    assert response["Location"] == project.get_absolute_url()
    assert not ProjectDocument.objects.exists()
    assert not stored.exists()


# Results -------------------------------------------------------------------------------------


def test_results_are_entered_once_per_year_and_edited(client, sachbearbeitung, project):
    client.force_login(sachbearbeitung)
    create = reverse("projects:result_create", args=[project.pk])
    data = {"year": 2025, "participants": 48, "outcome": "Zwei Gruppen"}
    assert client.post(create, data)["Location"] == project.get_absolute_url()
    again = client.post(create, {**data, "participants": 50})
    assert again.status_code == 200
    assert "bereits erfasst" in again.content.decode()
    result = ProjectResult.objects.get()
    edit = reverse("projects:result_edit", args=[result.pk])
    assert client.post(edit, {**data, "participants": 52}).status_code == 302
    assert ProjectResult.objects.get().participants == 52
    assert client.post(reverse("projects:result_delete", args=[result.pk])).status_code == 302
    assert not ProjectResult.objects.exists()


def test_project_pages_have_one_h1_ordered_headings_and_labelled_controls(
    client, koordination, project
):
    result = ProjectResult.objects.create(project=project, year=2025, participants=4)
    ProjectDocument.objects.create(
        project=project, title="Bescheid", file=ContentFile(PDF, name="b.pdf")
    )
    client.force_login(koordination)
    urls = [
        reverse("projects:list"),
        reverse("projects:create"),
        project.get_absolute_url(),
        reverse("projects:edit", args=[project.pk]),
        reverse("projects:delete", args=[project.pk]),
        reverse("projects:result_create", args=[project.pk]),
        reverse("projects:result_edit", args=[result.pk]),
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert_accessible_structure(structure(response), url)
    refused = upload(client, project, "tool.exe", b"MZ")
    assert_accessible_structure(structure(refused), "upload refused")
