"""Funding programmes and a project's applications (issue 17): German amounts, the checks,
sums per programme, project and year, refusing to delete a programme in use."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from measures.models import FundingApplication, FundingDeadline, FundingProgramme, Project
from measures.projects.funding import funding_overview

pytestmark = pytest.mark.django_db


def make_programme(name="Landesprogramm Integration vor Ort", funder_kind="state", **extra):
    return FundingProgramme.objects.create(
        name=name, funder="Land Baden-Württemberg", funder_kind=funder_kind, **extra
    )


def make_application(project, programme, applied, granted=None, own=None, **extra):
    return FundingApplication.objects.create(
        project=project,
        programme=programme,
        amount_applied=Decimal(applied),
        amount_granted=Decimal(granted) if granted is not None else None,
        own_share=Decimal(own) if own is not None else None,
        **extra,
    )


@pytest.fixture
def programme(db):
    return make_programme()


@pytest.fixture
def project(db):
    return Project.objects.create(title="Sprachcafé Nordstadt", status="applied")


@pytest.fixture
def writer(client, sachbearbeitung):
    client.force_login(sachbearbeitung)
    return client


def test_an_application_takes_amounts_typed_the_german_way(writer, project, programme):
    response = writer.post(
        reverse("projects:application_create", args=[project.pk]),
        {
            "programme": programme.pk,
            "amount_applied": "12.345,67",
            "own_share": "1.234,50",
            "amount_granted": "",
            "submitted_on": "15.03.2026",
            "decision_date": "",
            "reference_number": "IvO-2026-17",
        },
    )
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("projects:detail", args=[project.pk]))
    application = project.funding_applications.get()
    assert application.amount_applied == Decimal("12345.67")
    assert application.own_share == Decimal("1234.50")
    assert application.submitted_on == datetime.date(2026, 3, 15)
    assert application.history.get().history_user.username == "sachbearbeitung"


def test_the_own_share_cannot_exceed_the_amount_applied_for(writer, project, programme):
    response = writer.post(
        reverse("projects:application_create", args=[project.pk]),
        {"programme": programme.pk, "amount_applied": "1.000,00", "own_share": "2.000,00"},
    )
    assert response.status_code == 200
    assert "Der Eigenanteil darf nicht höher sein als der beantragte Betrag." in (
        response.content.decode()
    )
    assert not FundingApplication.objects.exists()


def test_the_granted_amount_cannot_exceed_the_amount_applied_for(writer, project, programme):
    response = writer.post(
        reverse("projects:application_create", args=[project.pk]),
        {"programme": programme.pk, "amount_applied": "1.000", "amount_granted": "1.000,01"},
    )
    assert response.status_code == 200
    assert not FundingApplication.objects.exists()


def test_the_project_page_shows_applications_deadlines_and_sums(writer, project, programme):
    other = make_programme("AMIF-Lokalfonds", funder_kind="eu")
    first = make_application(project, programme, "10000", granted="8000", own="1000.5")
    make_application(project, other, "2500.25", reference_number="AMIF-7")
    FundingDeadline.objects.create(
        application=first, kind="final", due_on=datetime.date(2020, 1, 31)
    )
    FundingDeadline.objects.create(
        application=first,
        kind="drawdown",
        due_on=datetime.date(2020, 1, 2),
        done_on=datetime.date(2020, 1, 3),
    )
    page = writer.get(reverse("projects:detail", args=[project.pk])).content.decode()
    assert "10.000,00 €" in page
    assert "12.500,25 €" in page  # the sum of both applications
    assert "AMIF-7" in page
    assert "Verwendungsnachweis – <strong>überfällig</strong>" in page
    assert "erledigt am 03.01.2020" in page
    assert reverse("projects:application_edit", args=[first.pk]) in page


def test_readers_see_the_funding_without_links_to_change_it(
    client, lesezugriff, project, programme
):
    application = make_application(project, programme, "500")
    client.force_login(lesezugriff)
    page = client.get(reverse("projects:detail", args=[project.pk])).content.decode()
    assert "500,00 €" in page
    assert reverse("projects:application_edit", args=[application.pk]) not in page


def test_the_programme_list_sums_applied_and_granted_per_programme(
    client, lesezugriff, project, programme
):
    make_application(project, programme, "1000", granted="900")
    make_application(project, programme, "234.56", granted="0")
    make_programme("Stiftung Zusammenhalt Filstal", funder_kind="foundation")
    client.force_login(lesezugriff)
    response = client.get(reverse("projects:programme_list"))
    rows = {p.name: p for p in response.context["page_obj"].object_list}
    assert rows[programme.name].application_count == 2
    assert rows[programme.name].applied == Decimal("1234.56")
    assert rows[programme.name].granted == Decimal("900")
    assert rows["Stiftung Zusammenhalt Filstal"].application_count == 0
    page = response.content.decode()
    assert "1.234,56 €" in page


def test_the_programme_list_keeps_its_query_count(
    client, lesezugriff, project, django_assert_num_queries
):
    client.force_login(lesezugriff)

    def add(count, start):
        for number in range(start, start + count):
            make_application(project, make_programme(f"Programm {number}"), "100")

    add(2, 0)
    client.get(reverse("projects:programme_list"))  # warm the session
    # Session, user, the user's and the groups' permissions, the count, the programmes with sums.
    with django_assert_num_queries(6) as small:
        client.get(reverse("projects:programme_list"))
    add(20, 2)
    with django_assert_num_queries(len(small.captured_queries)):
        client.get(reverse("projects:programme_list"))


def test_a_programme_in_use_is_not_deleted(client, koordination, project, programme):
    make_application(project, programme, "100")
    client.force_login(koordination)
    response = client.post(reverse("projects:programme_delete", args=[programme.pk]), follow=True)
    assert FundingProgramme.objects.filter(pk=programme.pk).exists()
    assert "kann nicht gelöscht werden" in response.content.decode()


def test_an_unused_programme_is_deleted(client, koordination, programme):
    client.force_login(koordination)
    response = client.post(reverse("projects:programme_delete", args=[programme.pk]))
    assert response.status_code == 302
    assert not FundingProgramme.objects.exists()


def test_a_programme_takes_a_german_funding_rate(writer):
    response = writer.post(
        reverse("projects:programme_create"),
        {
            "name": "Bundesprogramm Sprach-Kitas",
            "funder": "Bund",
            "funder_kind": "federal",
            "funding_rate": "87,5",
            "website": "example.org/sprach-kitas",
        },
    )
    assert response.status_code == 302
    programme = FundingProgramme.objects.get()
    assert programme.funding_rate == Decimal("87.5")
    assert programme.website == "https://example.org/sprach-kitas"


def test_the_overview_sums_per_year_of_decision_or_submission(
    client, lesezugriff, project, programme
):
    make_application(
        project,
        programme,
        "1000",
        granted="800",
        own="100",
        submitted_on=datetime.date(2025, 11, 1),
        decision_date=datetime.date(2026, 2, 1),
    )
    make_application(project, programme, "500", submitted_on=datetime.date(2026, 5, 1))
    make_application(project, programme, "300", submitted_on=datetime.date(2025, 5, 1))
    data = funding_overview()
    years = {row["year"]: row for row in data["years"]}
    assert years[2026]["applied"] == Decimal("1500")
    assert years[2026]["granted"] == Decimal("800")
    assert years[2026]["own_share"] == Decimal("100")
    assert years[2025]["applied"] == Decimal("300")
    assert data["total"]["applied"] == Decimal("1800")
    client.force_login(lesezugriff)
    page = client.get(reverse("projects:funding_overview")).content.decode()
    assert "1.500,00 €" in page
    assert "1.800,00 €" in page


def test_the_overview_keeps_its_query_count(
    client, lesezugriff, project, programme, django_assert_num_queries
):
    client.force_login(lesezugriff)
    make_application(project, programme, "1", submitted_on=datetime.date(2024, 1, 1))
    client.get(reverse("projects:funding_overview"))
    # Session, user, the user's and the groups' permissions, the sums per year, per programme.
    with django_assert_num_queries(6) as small:
        client.get(reverse("projects:funding_overview"))
    for year in range(2010, 2020):
        make_application(
            project, make_programme(f"P {year}"), "1", submitted_on=datetime.date(year, 1, 1)
        )
    with django_assert_num_queries(len(small.captured_queries)):
        client.get(reverse("projects:funding_overview"))
