"""Workflow 1: Sachbearbeitung records a status report, and the dashboard's figures follow."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from measures.models import ActionField, Measure, StatusReport
from tests.e2e.conftest import audit, visit
from tests.e2e.helpers import message


@pytest.fixture
def measures(plan, action_field, measure, koordination):
    """Three measures in two action fields; 1.1 and 1.2 have no report, 2.1 a recent one."""
    work = ActionField.objects.create(plan=plan, code="2", title="Arbeit", order=2)
    Measure.objects.create(
        plan=plan, action_field=action_field, code="1.2", title="Sprachcafé", progress=0
    )
    training = Measure.objects.create(
        plan=plan,
        action_field=work,
        code="2.1",
        title="Ausbildungspaten",
        status=Measure.Status.IN_PROGRESS,
        progress=60,
    )
    StatusReport.objects.create(
        measure=training,
        reporting_date=timezone.localdate() - datetime.timedelta(days=30),
        status=Measure.Status.IN_PROGRESS,
        progress=60,
        text="Zwölf Patenschaften.",
        author=koordination,
        review_state=StatusReport.ReviewState.ACCEPTED,
    )
    return measure


def table_figures(page, heading):
    """The dashboard table under `heading` as {row heading: [cells]}."""
    rows = page.get_by_role("region", name=heading).locator("tbody tr")
    return {
        row.get_by_role("rowheader").inner_text().strip(): [
            cell.strip() for cell in row.get_by_role("cell").all_inner_texts()
        ]
        for row in rows.all()
    }


def dashboard(page):
    visit(page, reverse("dashboard"))
    stale = page.get_by_role("region", name="Maßnahmen ohne aktuellen Bericht")
    return {
        "status": table_figures(page, "Maßnahmen je Status"),
        "fields": table_figures(page, "Fortschritt je Handlungsfeld"),
        "stale": stale.get_by_role("link").all_inner_texts(),
        "stale count": page.get_by_role("link", name="ohne aktuellen Bericht").inner_text(),
    }


def test_a_status_report_updates_the_measure_and_the_dashboard(
    open_browser, sachbearbeitung, measures
):
    page = open_browser(sachbearbeitung)
    before = dashboard(page)
    assert before["status"]["in Umsetzung"] == ["2", "67 %"]
    assert before["status"]["umgesetzt"] == ["0", "0 %"]
    assert before["fields"]["1 Sprache"] == ["2", "20 %"]
    assert before["stale"] == ["1.1 Mama lernt Deutsch", "1.2 Sprachcafé"]
    assert before["stale count"].split() == ["2", "ohne", "aktuellen", "Bericht"]

    # Find the measure in the list by free text and open it.
    page.get_by_role("navigation", name="Hauptnavigation").get_by_role(
        "link", name="Maßnahmen"
    ).click()
    audit(page)
    filters = page.get_by_role("form", name="Filter")
    filters.get_by_label("Suche").fill("Mama")
    filters.get_by_role("button", name="Filter anwenden").click()
    audit(page)
    results = page.get_by_role("region", name="1 Maßnahme")
    results.get_by_role("link", name="Mama lernt Deutsch").click()
    audit(page)
    assert page.get_by_role("heading", level=1).inner_text() == "1.1 Mama lernt Deutsch"

    page.get_by_role("link", name="Sachstand erfassen").click()
    audit(page)
    today = timezone.localdate()
    page.get_by_label("Berichtsdatum").fill(today.isoformat())
    page.get_by_label("Status").select_option(label="umgesetzt")
    page.get_by_label("Fortschritt (%)").fill("100")
    page.get_by_label("Bisherige Umsetzung").fill("Alle drei Kurse sind abgeschlossen.")
    page.get_by_role("button", name="Sachstandsbericht speichern").click()
    audit(page)

    assert page.url.endswith(reverse("measures:detail", args=[measures.pk]))
    assert message(page) == "Der Sachstandsbericht wurde erfasst."
    reports = page.get_by_role("region", name="Sachstandsberichte")
    newest = reports.get_by_role("listitem").first
    assert newest.get_by_role("heading").inner_text() == f"{today:%d.%m.%Y}: umgesetzt, 100 %"
    assert "Alle drei Kurse sind abgeschlossen." in newest.inner_text()
    # The line under the heading shows the measure's status and progress, now from the report.
    assert page.locator("h1 + p.meta").inner_text().split()[:2] == ["umgesetzt", "100"]

    after = dashboard(page)
    assert after["status"]["in Umsetzung"] == ["1", "33 %"]
    assert after["status"]["umgesetzt"] == ["1", "33 %"]
    assert after["fields"]["1 Sprache"] == ["2", "50 %"]
    assert after["fields"]["2 Arbeit"] == before["fields"]["2 Arbeit"]
    assert after["stale"] == ["1.2 Sprachcafé"]
    assert after["stale count"].split()[0] == "1"
