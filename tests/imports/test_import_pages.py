"""The import pages: ODS offered, sheets to pick, ignored columns and similar actors to confirm."""

import io

import pytest
from django.urls import reverse

from network.models import Actor
from tests.imports.builders import SheetSpec, csv_file, ods, xlsx
from tests.network.helpers import table_snapshot


def upload(client, data, name):
    file = io.BytesIO(data)
    file.name = name
    return client.post(reverse("network:import_upload", args=["actors"]), {"file": file})


def confirm(client, **answers):
    return client.post(reverse("network:import_confirm", args=["actors"]), answers)


def message_texts(response):
    return [str(message) for message in response.wsgi_request._messages]


@pytest.fixture
def logged_in(client, sachbearbeitung):
    client.force_login(sachbearbeitung)
    return client


def test_the_file_picker_offers_libreoffice_spreadsheets(logged_in, db):
    page = logged_in.get(reverse("network:import_upload", args=["actors"])).content.decode()

    assert 'accept=".xlsx,.ods,.csv,.txt"' in page
    assert "LibreOffice-Tabelle (.ods)" in page


def test_an_ods_file_is_imported_through_the_pages(logged_in, db):
    upload(logged_in, ods([["Name", "PLZ"], ["Verein Brücke", "07161"]]), "akteure.ods")

    response = confirm(logged_in)

    assert response.status_code == 302
    assert Actor.objects.get(name="Verein Brücke").postal_code == "07161"


def test_ignored_columns_must_be_confirmed_before_the_import(logged_in, db):
    data = csv_file([["Name", "Lieblingsfarbe", "Notiz intern"], ["Verein Brücke", "blau", "x"]])

    page = upload(logged_in, data, "akteure.csv").content.decode()

    assert "Diese Spalten werden ignoriert" in page
    assert "<strong>Lieblingsfarbe</strong>" in page and "<strong>Notiz intern</strong>" in page
    assert 'name="confirm_ignored" value="1" required' in page
    before = table_snapshot()

    refused = confirm(logged_in)

    assert refused.status_code == 200
    assert message_texts(refused) == [
        "Es wurde noch nichts importiert: Bitte beantworten Sie alle Fragen."
    ]
    assert table_snapshot() == before

    # The file was kept: the confirmation with the box ticked imports it.
    response = confirm(logged_in, confirm_ignored="1")

    assert response.status_code == 302
    assert Actor.objects.filter(name="Verein Brücke").exists()


def test_the_user_picks_another_sheet_and_imports_it(logged_in, db):
    data = xlsx(
        {
            "Akteure 2023": SheetSpec([["Name"], ["Verein Alt"]]),
            "Akteure 2024": SheetSpec([["Name"], ["Verein Neu"]]),
        },
        active="Akteure 2023",
    )
    page = upload(logged_in, data, "akteure.xlsx").content.decode()
    assert '<option value="Akteure 2023" selected>' in page
    assert '<option value="Akteure 2024">' in page

    response = logged_in.post(
        reverse("network:import_upload", args=["actors"]), {"sheet": "Akteure 2024"}
    )

    assert "Tabellenblatt: Akteure 2024" in response.content.decode()
    assert confirm(logged_in).status_code == 302
    assert list(Actor.objects.values_list("name", flat=True)) == ["Verein Neu"]


def test_a_workbook_whose_first_sheet_is_no_table_offers_the_others(logged_in, db):
    data = ods(
        {
            "Deckblatt": SheetSpec([["Akteursliste"]]),
            "Liste": SheetSpec([["Name"], ["Verein Neu"]]),
        },
        active="Deckblatt",
    )

    page = upload(logged_in, data, "akteure.ods").content.decode()

    assert "keine Zeilen mit Daten" in page
    assert '<option value="Liste">' in page
    response = logged_in.post(reverse("network:import_upload", args=["actors"]), {"sheet": "Liste"})
    assert "Verein Neu" in response.content.decode()


def test_a_similar_actor_is_asked_about_before_the_import(logged_in, db):
    existing = Actor.objects.create(name="AWO KREISVERBAND GÖPPINGEN")
    data = csv_file([["Name", "Telefon"], ["AWO Kreisverband", "07161 1"]])

    page = upload(logged_in, data, "akteure.csv").content.decode()

    assert "Es gibt ähnliche Einträge. Diese Zeile ist:" in page
    assert f'name="link-2" value="{existing.pk}" required' in page
    assert 'name="link-2" value="new" required' in page
    before = table_snapshot()
    assert confirm(logged_in).status_code == 200
    assert table_snapshot() == before

    response = confirm(logged_in, **{"link-2": str(existing.pk)})

    assert response.status_code == 302
    existing.refresh_from_db()
    assert (existing.name, existing.phone) == ("AWO KREISVERBAND GÖPPINGEN", "07161 1")
    assert Actor.objects.count() == 1
