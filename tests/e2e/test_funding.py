"""Workflow (issue 17): Sachbearbeitung adds a funding application with amounts typed the German
way and a deadline in ten days to a project; the dashboard lists the deadline and the calendar
file of the deadlines reads back in another parser."""

import datetime
from decimal import Decimal

import pytest
import vobject
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from measures.models import FundingApplication, FundingProgramme, Project
from tests.e2e.conftest import audit, visit
from tests.e2e.helpers import message


@pytest.fixture
def project(db):
    FundingProgramme.objects.create(
        name="Landesprogramm Integration vor Ort", funder="Land Baden-Württemberg"
    )
    return Project.objects.create(title="Elterncafé Südstadt", status=Project.Status.APPLIED)


def test_clerk_adds_an_application_and_a_deadline_that_the_dashboard_shows(
    open_browser, sachbearbeitung, project, tmp_path
):
    due = timezone.localdate() + datetime.timedelta(days=10)
    page = open_browser(sachbearbeitung)
    visit(page, project.get_absolute_url())
    funding = page.get_by_role("region", name="Finanzierung")
    funding.get_by_role("link", name="Förderantrag hinzufügen").click()
    audit(page)

    page.get_by_label("Förderprogramm").select_option(label="Landesprogramm Integration vor Ort")
    page.get_by_label("Beantragter Betrag (EUR)").fill("12.345,67")
    page.get_by_label("Eigenanteil (EUR)").fill("2.500")
    page.get_by_label("Aktenzeichen").fill("IvO-2026-0042")
    page.get_by_role("button", name="Speichern").click()
    audit(page)
    assert message(page) == "Der Eintrag wurde gespeichert."
    application = FundingApplication.objects.get()
    assert application.amount_applied == Decimal("12345.67")
    assert application.own_share == Decimal("2500")
    funding = page.get_by_role("region", name="Finanzierung")
    expect(funding.get_by_role("table")).to_contain_text("12.345,67 €")
    expect(funding.get_by_role("table")).to_contain_text("2.500,00 €")

    funding.get_by_role("link", name="Frist hinzufügen").click()
    audit(page)
    page.get_by_label("Art").select_option(label="Verwendungsnachweis")
    page.get_by_label("Fällig am").fill(due.isoformat())
    page.get_by_role("button", name="Speichern").click()
    audit(page)
    expect(page.get_by_role("region", name="Finanzierung")).to_contain_text(
        f"{due:%d.%m.%Y}: Verwendungsnachweis – offen"
    )

    visit(page, reverse("dashboard"))
    deadlines = page.get_by_role("region", name="Fristen")
    expect(deadlines).to_contain_text(f"{due:%d.%m.%Y}: Verwendungsnachweis")
    deadlines.get_by_role("link", name="Elterncafé Südstadt").click()
    audit(page)
    assert page.url.split("#")[0].endswith(project.get_absolute_url())

    visit(page, reverse("projects:deadlines"))
    with page.expect_download() as download:
        page.get_by_role("link", name="Kalenderdatei (ICS)").click()
    calendar = vobject.readOne(download.value.path().read_text(encoding="utf-8"))
    assert calendar.vevent.summary.value == "Verwendungsnachweis: Elterncafé Südstadt"
    assert calendar.vevent.dtstart.value == due
