"""A large file in the browser (issue 11): the upload answers at once with the job's page, the
worker checks the file, the page links to the preview, and the import runs in the worker too."""

from django.core.management import call_command
from django.urls import reverse

from core.imports.tasks import BACKGROUND_ROWS
from core.models import Job
from measures.management.commands.bench_import import generate
from network.models import Actor
from tests.e2e.conftest import PHONE, audit, visit

ROWS = BACKGROUND_ROWS + 1


def run_worker():
    call_command("db_worker", batch=True, reload=False, startup_delay=False, verbosity=0)


def test_a_large_file_is_checked_and_imported_by_the_worker(
    open_browser, sachbearbeitung, plan, action_field, settings, tmp_path
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.MEDIA_ROOT = tmp_path / "media"
    upload = tmp_path / "vereine.csv"
    upload.write_bytes(generate(ROWS))
    page = open_browser(sachbearbeitung, PHONE)
    visit(page, reverse("network:import_upload", args=["actors"]))
    page.get_by_label(
        "Datei (Excel-Arbeitsmappe .xlsx, LibreOffice-Tabelle .ods oder CSV)"
    ).set_input_files(upload)
    page.get_by_role("button", name="Datei prüfen und Vorschau zeigen").click()
    audit(page)
    assert page.get_by_role("heading", level=1).inner_text() == "Vorschau von „vereine.csv“"
    assert "im Hintergrund geprüft" in page.locator("#messages").inner_text()
    assert "wartet" in page.locator("[data-job-state]").inner_text()

    run_worker()
    preview_link = page.get_by_role("link", name="Vorschau anzeigen")
    preview_link.wait_for(timeout=20_000)
    assert "1001 neu" in page.locator("[data-job-result]").inner_text()
    preview_link.click()
    audit(page)
    assert page.locator("ul.figures li").first.inner_text().split() == ["1.001", "neu"]

    page.get_by_role("button", name="Jetzt importieren").click()
    audit(page)
    assert page.get_by_role("heading", level=1).inner_text() == "Import von „vereine.csv“"
    assert not Actor.objects.filter(name__startswith="Verein Nummer").exists()
    run_worker()
    list_link = page.get_by_role("link", name="Zur Liste")
    list_link.wait_for(timeout=20_000)
    audit(page)
    assert Actor.objects.filter(name__startswith="Verein Nummer").count() == ROWS
    assert list(Job.objects.values_list("kind", "state").order_by("pk")) == [
        ("import_preview", "done"),
        ("import", "done"),
    ]
