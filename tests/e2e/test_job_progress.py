"""Closing a round in the browser returns at once; the round's page shows the archiving's
progress and, once the worker is done, the archived PDFs (issue 11)."""

import io

from django.core.management import call_command
from django.urls import reverse
from pypdf import PdfReader

from core.models import Job
from tests.e2e.conftest import audit, visit
from tests.monitoring.builders import make_round


def test_closing_a_round_shows_the_progress_then_the_archived_pdfs(
    open_browser, live_server, koordination, plan, measure, settings
):
    # The live server queues the work in the database, as in production.
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    monitoring_round = make_round(plan)
    office = open_browser(koordination)
    visit(office, reverse("monitoring:round_detail", args=[monitoring_round.pk]))
    office.get_by_role("link", name="Abfrage abschließen").click()
    audit(office)
    office.get_by_role("button", name="Abfrage abschließen und Bericht archivieren").click()
    audit(office)
    assert office.get_by_text("Die Abfrage ist abgeschlossen").is_visible()
    box = office.locator("[data-job-status]")
    assert "wartet" in box.inner_text()
    assert "0 von 2" in box.inner_text()
    progress = office.locator("progress")
    assert progress.get_attribute("max") == "2"
    assert office.get_by_role("link", name="Aktualisieren").is_visible()
    assert Job.objects.get().state == Job.State.WAITING

    # The worker takes the task; the page's script notices and shows the archive.
    call_command("db_worker", batch=True, reload=False, startup_delay=False, verbosity=0)
    archive = office.locator("section[aria-labelledby='archive-heading']")
    archive.wait_for(timeout=20_000)
    audit(office)
    assert office.locator("[data-job-status]").count() == 0
    links = archive.get_by_role("link")
    assert links.count() == 2
    for index in range(2):
        href = links.nth(index).get_attribute("href")
        response = office.request.get(href)
        assert response.status == 200
        assert len(PdfReader(io.BytesIO(response.body())).pages) >= 1


def test_archiving_a_report_by_hand_runs_in_the_worker(
    open_browser, live_server, koordination, plan, measure, settings, tmp_path
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.MEDIA_ROOT = tmp_path / "media"
    office = open_browser(koordination)
    visit(office, reverse("reports:archive_list"))
    office.get_by_role("radio", name="öffentlich").check()
    office.get_by_role("button", name="Bericht archivieren").click()
    audit(office)
    assert office.get_by_role("heading", level=1).inner_text() == (
        "Monitoringbericht archivieren (öffentliche Ausgabe)"
    )
    assert "wartet" in office.locator("[data-job-state]").inner_text()

    call_command("db_worker", batch=True, reload=False, startup_delay=False, verbosity=0)
    download = office.get_by_role("link", name="Archivierten Bericht herunterladen")
    download.wait_for(timeout=20_000)
    audit(office)
    assert "wurde archiviert" in office.locator("[data-job-result]").inner_text()
    response = office.request.get(download.get_attribute("href"))
    assert response.status == 200
    assert len(PdfReader(io.BytesIO(response.body())).pages) >= 1
