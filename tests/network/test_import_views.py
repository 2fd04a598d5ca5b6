"""The import pages: upload and preview, confirm, templates, round trips, permissions."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from measures.models import Measure
from network.models import Actor, ContactPerson
from tests.network.helpers import csv_bytes, table_snapshot, xlsx_bomb, xlsx_with_doctype

ACTORS = [
    ["Name", "Kurzname", "Art", "Handlungsfelder", "Sprachen"],
    ["Arabischer Elternverein Al-Amal e. V.", "Al-Amal", "Migrantenorganisation", "1", "ar, de"],
    ["Sprachcafé Miteinander", "", "Ehrenamtliche Initiative", "Sprache", "de"],
]


def upload(client, kind, data, name="akteure.csv"):
    file = io.BytesIO(data)
    file.name = name
    return client.post(reverse("network:import_upload", args=[kind]), {"file": file})


def confirm(client, kind):
    return client.post(reverse("network:import_confirm", args=[kind]))


def test_upload_shows_a_preview_and_saves_nothing(client, sachbearbeitung, action_field):
    client.force_login(sachbearbeitung)

    response = upload(client, "actors", csv_bytes(ACTORS))

    assert response.status_code == 200
    page = response.content.decode()
    assert "Vorschau des Imports" in page
    assert "Arabischer Elternverein Al-Amal e. V." in page
    assert "Jetzt importieren" in page
    assert not Actor.objects.exists()


def test_confirm_imports_the_previewed_file(client, sachbearbeitung, action_field):
    client.force_login(sachbearbeitung)
    upload(client, "actors", csv_bytes(ACTORS))

    response = confirm(client, "actors")

    assert response.status_code == 302
    assert response["Location"] == reverse("network:actor_list")
    assert Actor.objects.get(short_name="Al-Amal").languages == "ar,de"
    assert Actor.objects.count() == 2
    message = str(next(iter(response.wsgi_request._messages)))
    assert message == "Der Import ist abgeschlossen: 2 neu, 0 geändert, 0 unverändert."


def test_the_uploaded_file_is_removed_after_the_import(
    client, sachbearbeitung, media_root, action_field
):
    client.force_login(sachbearbeitung)
    upload(client, "actors", csv_bytes(ACTORS))
    assert list((media_root / "imports").iterdir())

    confirm(client, "actors")

    assert not list((media_root / "imports").iterdir())


def test_a_second_confirm_imports_nothing_again(client, sachbearbeitung, action_field):
    client.force_login(sachbearbeitung)
    upload(client, "actors", csv_bytes(ACTORS))
    confirm(client, "actors")

    response = confirm(client, "actors")

    assert response["Location"] == reverse("network:import_upload", args=["actors"])
    assert Actor.objects.count() == 2


def test_confirm_without_a_preview_imports_nothing(client, sachbearbeitung, db):
    client.force_login(sachbearbeitung)

    response = confirm(client, "actors")

    assert response.status_code == 302
    assert not Actor.objects.exists()


def test_confirm_checks_the_file_again_and_saves_nothing_when_it_no_longer_fits(
    client, sachbearbeitung, actor
):
    rows = [["E-Mail", "Vorname", "Nachname", "Akteur", "Rechtsgrundlage"]] + [
        [f"person{n}@example.org", "Eva", f"Muster{n}", actor.name, "öffentliche Aufgabe"]
        for n in range(3)
    ]
    client.force_login(sachbearbeitung)
    upload(client, "contacts", csv_bytes(rows))
    actor.delete()  # meanwhile someone deletes the actor the file names
    before = table_snapshot()

    response = confirm(client, "contacts")

    assert response.status_code == 200
    page = response.content.decode()
    assert "Es wurde nichts importiert" in page
    assert "Zeile 2, Spalte &#x27;Akteur&#x27;: Es gibt keinen Akteur" in page
    assert table_snapshot() == before


def test_a_file_with_an_error_cannot_be_confirmed(client, sachbearbeitung, db):
    client.force_login(sachbearbeitung)

    response = upload(client, "actors", csv_bytes([["Name", "Art"], ["X", "Sportverein"]]))

    page = response.content.decode()
    assert "Die Datei enthält Fehler – es wird nichts gespeichert" in page
    assert "Jetzt importieren" not in page


def test_an_unreadable_file_is_explained_on_the_form(client, sachbearbeitung, db):
    client.force_login(sachbearbeitung)
    before = table_snapshot()

    response = upload(client, "actors", b"%PDF-1.4 binary", name="bericht.pdf")

    assert response.status_code == 200
    assert "Die Datei ist keine Tabelle." in response.content.decode()
    assert 'class="error-summary"' in response.content.decode()
    assert table_snapshot() == before


def test_lesezugriff_cannot_import(client, lesezugriff, db):
    client.force_login(lesezugriff)

    assert upload(client, "actors", csv_bytes(ACTORS)).status_code == 403
    assert confirm(client, "actors").status_code == 403
    assert client.get(reverse("network:import_index")).status_code == 403
    assert not Actor.objects.exists()


def test_an_unknown_kind_is_not_found(client, koordination):
    client.force_login(koordination)
    assert client.get(reverse("network:import_upload", args=["unicorns"])).status_code == 404


@pytest.mark.parametrize(
    ("kind", "headers"),
    [
        ("actors", ["Name", "Kurzname", "Art", "Handlungsfelder", "Straße"]),
        ("contacts", ["E-Mail", "Anrede", "Vorname", "Nachname", "Akteur"]),
        ("measures", ["Nummer", "Handlungsfeld", "Titel", "Beschreibung", "Ziel"]),
    ],
)
def test_the_template_has_german_column_headings(client, sachbearbeitung, plan, kind, headers):
    client.force_login(sachbearbeitung)

    xlsx = client.get(reverse("network:import_template", args=[kind, "xlsx"]))
    csv = client.get(reverse("network:import_template", args=[kind, "csv"]))

    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    assert [cell.value for cell in next(sheet.iter_rows())][:5] == headers
    assert csv.content.decode("utf-8-sig").splitlines()[0].split(";")[:5] == headers


def round_trip(client, export_url, kind, file_format):
    exported = client.get(export_url.replace("FORMAT", file_format)).content
    before = table_snapshot()
    response = upload(client, kind, exported, name=f"export.{file_format}")
    report = response.context["report"]
    assert report.ok, report.errors
    assert report.counts["new"] == report.counts["changed"] == 0
    assert report.counts["unchanged"] > 0
    assert table_snapshot() == before


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_exported_actors_import_again_without_change(
    client, sachbearbeitung, migrant_organisation, actor, file_format
):
    migrant_organisation.notes = "=SUMME(A1:A3) – bitte nicht rechnen"
    migrant_organisation.website = "https://bruecke.example.com/"
    migrant_organisation.is_active = False
    migrant_organisation.save()
    client.force_login(sachbearbeitung)
    url = reverse("network:actor_export", args=["FORMAT"])
    round_trip(client, url, "actors", file_format)


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_exported_contacts_import_again_without_change(
    client, sachbearbeitung, contact, file_format
):
    client.force_login(sachbearbeitung)
    url = reverse("network:contact_export", args=["FORMAT"])
    round_trip(client, url, "contacts", file_format)


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_the_exported_measure_list_imports_again_without_change(
    client, sachbearbeitung, measure, file_format
):
    measure.partner_actors.add(measure.lead_actor)
    client.force_login(sachbearbeitung)
    url = reverse("measures:export", args=["FORMAT"])
    round_trip(client, url, "measures", file_format)


def test_importing_the_same_file_twice_changes_nothing_the_second_time(
    client, sachbearbeitung, actor
):
    rows = [
        ["E-Mail", "Vorname", "Nachname", "Akteur", "Rechtsgrundlage", "Einwilligung am"],
        ["hildegard.sauter@example.com", "Hildegard", "Sauter", "", "Einwilligung", "11.03.2024"],
        ["katharina.seitz@example.com", "Katharina", "Seitz", "VHS", "Vertrag", ""],
    ]
    actor.short_name = "VHS"
    actor.save()
    client.force_login(sachbearbeitung)
    upload(client, "contacts", csv_bytes(rows, encoding="utf-8", bom=True))
    confirm(client, "contacts")
    assert ContactPerson.objects.get(email="katharina.seitz@example.com").actor == actor
    before = table_snapshot()

    response = upload(client, "contacts", csv_bytes(rows, encoding="utf-8", bom=True))

    assert response.context["report"].counts == {"new": 0, "changed": 0, "unchanged": 2}
    assert "Die Datei ändert nichts" in response.content.decode()
    assert table_snapshot() == before


def test_measure_import_changes_only_the_current_plan(
    client, sachbearbeitung, measure, action_field
):
    client.force_login(sachbearbeitung)
    rows = [["Nummer", "Handlungsfeld", "Titel"], ["1.1", "Sprache", "Mama lernt Deutsch – neu"]]
    upload(client, "measures", csv_bytes(rows))

    confirm(client, "measures")

    measure.refresh_from_db()
    assert measure.title == "Mama lernt Deutsch – neu"
    assert Measure.objects.count() == 1


@pytest.mark.parametrize(
    ("make_file", "message"),
    [
        (
            lambda tmp_path: xlsx_bomb(tmp_path / "bombe.xlsx", [ACTORS[0], ACTORS[1]]),
            "Die Datei ist entpackt größer als 100 MB und wird deshalb nicht angenommen.",
        ),
        (
            lambda tmp_path: xlsx_with_doctype(ACTORS),
            "Die Datei enthält nicht erlaubte XML-Bestandteile (DTD).",
        ),
    ],
    ids=["zip-bomb", "dtd"],
)
def test_a_hostile_workbook_is_explained_on_the_form_and_not_kept(
    client, sachbearbeitung, media_root, tmp_path, db, make_file, message
):
    client.force_login(sachbearbeitung)

    response = upload(client, "actors", make_file(tmp_path), name="akteure.xlsx")

    assert response.status_code == 200
    page = response.content.decode()
    assert message in page
    assert "Jetzt importieren" not in page
    assert not Actor.objects.exists()
    assert not list((media_root / "imports").glob("*"))
