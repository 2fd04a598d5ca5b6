"""Workflow (issue 17): Sachbearbeitung creates a project in the browser, uploads its notice of
grant as a PDF and records what the project reached in a year."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from measures.models import Project, ProjectDocument
from network.models import Actor
from tests.e2e.conftest import PHONE, audit, visit
from tests.e2e.helpers import message

PDF = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"


@pytest.fixture
def caritas(db):
    return Actor.objects.create(name="Caritas Fils-Neckar-Alb", kind=Actor.Kind.WELFARE)


def pick(page, name, text, option):
    combobox = page.get_by_role("combobox", name=name)
    combobox.fill(text)
    page.get_by_role("option", name=option).click()


def test_clerk_creates_a_project_uploads_a_document_and_adds_a_result(
    open_browser, sachbearbeitung, measure, action_field, caritas, tmp_path, settings
):
    settings.MEDIA_ROOT = tmp_path / "media"
    page = open_browser(sachbearbeitung)
    visit(page, reverse("dashboard"))
    page.get_by_role("navigation", name="Hauptnavigation").get_by_role(
        "link", name="Projekte"
    ).click()
    audit(page)
    page.get_by_role("link", name="Neues Projekt").click()
    audit(page)

    page.get_by_label("Titel").fill("Sprachcafé für Mütter")
    page.get_by_label("Status").select_option(label="in Vorbereitung")
    page.get_by_label("Beschreibung").fill("Ein offener Treff zum Deutschsprechen.")
    page.get_by_label(str(action_field)).check()
    pick(page, "Maßnahmen: suchen und hinzufügen", "mama", f"{measure.code} {measure.title}")
    pick(page, "Federführender Akteur", "caritas", "Caritas Fils-Neckar-Alb")
    page.get_by_label("Beginn", exact=True).fill("2026-01-01")
    page.get_by_label("Ende", exact=True).fill("2025-12-31")
    page.get_by_role("button", name="Speichern").click()
    audit(page)  # the form with its German error
    expect(page.get_by_role("alert")).to_contain_text("Das Ende darf nicht vor dem Beginn liegen.")
    page.get_by_label("Ende", exact=True).fill("2026-12-31")
    page.get_by_role("button", name="Speichern").click()
    audit(page)

    project = Project.objects.get()
    assert page.url.endswith(project.get_absolute_url())
    assert message(page) == "Das Projekt wurde gespeichert."
    assert page.get_by_role("heading", level=1).inner_text() == "Sprachcafé für Mütter"
    details = page.get_by_role("region", name="Angaben")
    expect(details.get_by_role("link", name="Caritas Fils-Neckar-Alb")).to_be_visible()
    expect(details.get_by_role("link", name=f"{measure.code} {measure.title}")).to_be_visible()
    expect(details).to_contain_text("01.01.2026 – 31.12.2026")
    assert list(project.action_fields.all()) == [action_field]

    # The notice of grant, as a PDF.
    documents = page.get_by_role("region", name="Dokumente")
    pdf = tmp_path / "zuwendungsbescheid.pdf"
    pdf.write_bytes(PDF)
    documents.get_by_label("Titel").fill("Zuwendungsbescheid")
    documents.get_by_label("Datei").set_input_files(pdf)
    documents.get_by_role("button", name="Hochladen").click()
    audit(page)
    assert message(page) == "Das Dokument wurde hochgeladen."
    link = page.get_by_role("region", name="Dokumente").get_by_role(
        "link", name="Zuwendungsbescheid", exact=True
    )
    with page.expect_download() as download:
        link.click()
    assert download.value.path().read_bytes() == PDF
    assert ProjectDocument.objects.get().uploaded_by == sachbearbeitung

    # What the project reached in its first year.
    page.get_by_role("link", name="Ergebnisse eines Jahres erfassen").click()
    audit(page)
    page.get_by_label("Jahr").fill("2026")
    page.get_by_label("Erreichte Teilnehmende").fill("48")
    page.get_by_label("Ergebnis").fill("Zwei Gruppen treffen sich wöchentlich.")
    page.get_by_role("button", name="Speichern").click()
    audit(page)
    assert message(page) == "Die Ergebnisse wurden gespeichert."
    results = page.get_by_role("region", name="Ergebnisse je Jahr")
    row = results.get_by_role("row", name="2026")
    expect(row).to_contain_text("48")
    expect(row).to_contain_text("Zwei Gruppen treffen sich wöchentlich.")


def test_the_project_list_filters_by_state_on_a_phone(open_browser, lesezugriff, db):
    Project.objects.create(title="Hausaufgabenhilfe", status=Project.Status.RUNNING)
    Project.objects.create(title="Frauencafé", status=Project.Status.IDEA)
    page = open_browser(lesezugriff, viewport=PHONE)
    visit(page, reverse("projects:list"))
    panel = page.locator("details.filter-panel")
    if not panel.get_attribute("open"):
        page.get_by_text("Filter", exact=True).click()
    page.get_by_label("laufend").check()
    page.get_by_role("button", name="Filter anwenden").click()
    audit(page)
    results = page.get_by_role("region", name="1 Projekt")
    expect(results.get_by_role("link", name="Hausaufgabenhilfe")).to_be_visible()
    expect(page.get_by_role("link", name="Frauencafé")).to_have_count(0)
    expect(page.get_by_role("link", name="Neues Projekt")).to_have_count(0)
