"""Sachbearbeitung imports a LibreOffice list with an unknown column and a near-duplicate
actor: the browser asks for both answers before anything is saved."""

import pytest
from django.urls import reverse

from network.models import Actor
from tests.e2e.conftest import PHONE, audit, visit
from tests.e2e.helpers import message
from tests.imports.builders import ods


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def test_ignored_columns_and_similar_actors_are_answered_before_the_import(
    open_browser, sachbearbeitung, db
):
    existing = Actor.objects.create(name="AWO KREISVERBAND GÖPPINGEN")
    data = ods(
        [
            ["Akteursliste Stand März 2024"],
            [],
            ["Name", "Telefon", "Ansprechpartner"],
            ["AWO Kreisverband", "07161 1", "Frau Weber"],
            ["Café Grenzenlos", "07161 2", "Herr Yilmaz"],
        ]
    )
    page = open_browser(sachbearbeitung, viewport=PHONE)
    visit(page, reverse("network:import_upload", args=["actors"]))
    page.get_by_label(
        "Datei (Excel-Arbeitsmappe .xlsx, LibreOffice-Tabelle .ods oder CSV)"
    ).set_input_files(
        {
            "name": "akteure.ods",
            "mimeType": "application/vnd.oasis.opendocument.spreadsheet",
            "buffer": data,
        }
    )
    page.get_by_role("button", name="Datei prüfen und Vorschau zeigen").click()
    audit(page)

    ignored = page.get_by_role("region", name="Diese Spalten werden ignoriert")
    assert ignored.get_by_role("listitem").all_inner_texts() == ["Ansprechpartner"]
    assert page.get_by_text("Die Spaltenüberschriften stehen in Zeile 3").is_visible()

    # Without the answers the browser does not send the form.
    page.get_by_role("button", name="Jetzt importieren").click()
    assert page.url.endswith(reverse("network:import_upload", args=["actors"]))
    assert Actor.objects.count() == 1

    page.get_by_label("Ja, die unter „Diese Spalten werden ignoriert“ genannten Spalten").check()
    page.get_by_role("group", name="Es gibt ähnliche Einträge. Diese Zeile ist:").get_by_label(
        "der vorhandene Eintrag „AWO KREISVERBAND GÖPPINGEN“"
    ).check()
    page.get_by_role("button", name="Jetzt importieren").click()
    audit(page)

    assert message(page) == "Der Import ist abgeschlossen: 1 neu, 1 geändert, 0 unverändert."
    existing.refresh_from_db()
    assert existing.phone == "07161 1"
    assert sorted(Actor.objects.values_list("name", flat=True)) == [
        "AWO KREISVERBAND GÖPPINGEN",
        "Café Grenzenlos",
    ]
