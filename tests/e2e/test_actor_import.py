"""Workflow 4: Sachbearbeitung imports a German Excel CSV of actors: preview, confirm, repeat."""

import pytest
from django.urls import reverse

from network.models import Actor
from tests.e2e.conftest import PHONE, audit, visit
from tests.e2e.helpers import message

# The column headings of the import template, as German Excel saves a CSV: semicolons, cp1252.
HEADER = "Name;Kurzname;Art;Handlungsfelder;Straße;PLZ;Ort;E-Mail;Sprachen;Gründungsjahr;Aktiv"
ROWS = [
    "Türkisch-Islamischer Kulturverein Göppingen e. V.;TIKV;Religionsgemeinschaft;Sprache;"
    "Schillerstraße 5;73033;Göppingen;info@tikv.example.com;Türkisch, Deutsch;1987;ja",
    "Griechische Gemeinde Göppingen;;Migrantenorganisation;1;Große Gasse 2;73033;Göppingen;"
    ";Griechisch;1972;ja",
    "Nachbarschaftshilfe Faurndau;;Ehrenamtliche Initiative;;Fußgängerweg 1;73035;Göppingen;"
    ";Deutsch;;nein",
]
NAMES = [row.split(";")[0] for row in ROWS]


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """The previewed file is kept for the confirmation in a throwaway folder."""
    settings.MEDIA_ROOT = tmp_path / "media"


def csv_file(*rows, name="akteure.csv"):
    content = "\r\n".join([HEADER, *rows]) + "\r\n"
    return {"name": name, "mimeType": "text/csv", "buffer": content.encode("cp1252")}


def upload(page, file):
    """From the actor list to the preview of `file`, as Sachbearbeitung clicks through it."""
    visit(page, reverse("network:actor_list"))
    page.get_by_role("navigation", name="Bereiche des Netzwerks").get_by_role(
        "link", name="Import"
    ).click()
    audit(page)
    # The import page lists one link per kind of record, below the network's own navigation.
    page.get_by_role("main").locator("ul.plain-list").get_by_role("link", name="Akteure").click()
    audit(page)
    assert page.get_by_role("heading", level=1).inner_text() == "Import: Akteure"
    page.get_by_label(
        "Datei (Excel-Arbeitsmappe .xlsx, LibreOffice-Tabelle .ods oder CSV)"
    ).set_input_files(file)
    page.get_by_role("button", name="Datei prüfen und Vorschau zeigen").click()
    audit(page)
    assert page.get_by_role("heading", level=1).inner_text() == "Vorschau des Imports: Akteure"


def figures(page):
    """The preview's counts: {"neu": 3, "geändert": 0, …}."""
    counts = {}
    for item in page.locator("ul.figures li").all_inner_texts():
        number, label = item.split(maxsplit=1)
        counts[label] = int(number)
    return counts


def preview_rows(page):
    """(entry, result) per row of the preview table."""
    table = page.get_by_role("region", name="Zeilen").get_by_role("table")
    return [
        tuple(row.get_by_role("cell").all_inner_texts()[1:3])
        for row in table.locator("tbody tr").all()
    ]


def test_a_csv_is_previewed_imported_and_a_second_time_changes_nothing(
    open_browser, sachbearbeitung, action_field
):
    page = open_browser(sachbearbeitung)
    upload(page, csv_file(*ROWS))
    assert figures(page) == {"neu": 3, "geändert": 0, "unverändert": 0, "Fehler": 0}
    assert preview_rows(page) == [(name, "neu") for name in NAMES]
    assert not Actor.objects.exists()  # the preview saves nothing

    page.get_by_role("button", name="Jetzt importieren").click()
    audit(page)
    assert page.url.endswith(reverse("network:actor_list"))
    assert message(page) == "Der Import ist abgeschlossen: 3 neu, 0 geändert, 0 unverändert."
    assert page.get_by_role("heading", name="3 Akteure").is_visible()
    listed = page.locator("tbody tr td:first-child").get_by_role("link").all_inner_texts()
    assert listed == sorted(NAMES)

    # The Windows characters arrived as they were typed.
    page.get_by_role("link", name=NAMES[0]).click()
    audit(page)
    details = page.get_by_role("main").inner_text()
    assert "Schillerstraße 5" in details
    assert "Religionsgemeinschaft" in details
    assert "Türkisch" in details

    upload(page, csv_file(*ROWS))
    assert figures(page) == {"neu": 0, "geändert": 0, "unverändert": 3, "Fehler": 0}
    assert preview_rows(page) == [(name, "unverändert") for name in NAMES]
    assert page.get_by_text(
        "Die Datei ändert nichts: Jede Zeile stimmt mit den gespeicherten Daten überein."
    ).is_visible()
    assert page.get_by_role("button", name="Jetzt importieren").count() == 0


def test_a_file_with_an_error_row_names_row_and_column_and_imports_nothing(
    open_browser, sachbearbeitung, action_field
):
    page = open_browser(sachbearbeitung)
    broken = ROWS[1].replace("Göppingen;;", "Göppingen;griechen-at-example.com;")
    upload(page, csv_file(ROWS[0], broken, ROWS[2]))

    summary = page.get_by_role("alert").filter(
        has=page.get_by_role(
            "heading", name="Die Datei enthält Fehler – es wird nichts gespeichert"
        )
    )
    errors = summary.get_by_role("listitem").all_inner_texts()
    assert errors == [
        "Zeile 3, Spalte 'E-Mail': 'griechen-at-example.com' ist keine gültige E-Mail-Adresse."
    ]
    assert figures(page)["Fehler"] == 1
    assert page.get_by_role("button", name="Jetzt importieren").count() == 0

    page.get_by_role("link", name="Korrigierte Datei hochladen").click()
    audit(page)
    assert not Actor.objects.exists()
    visit(page, reverse("network:actor_list"))
    assert page.get_by_text("Kein Akteur entspricht diesem Filter.").is_visible()


def test_a_cancelled_preview_imports_nothing_and_keeps_no_file(
    open_browser, sachbearbeitung, action_field, settings
):
    page = open_browser(sachbearbeitung, viewport=PHONE)
    upload(page, csv_file(*ROWS))
    assert list((settings.MEDIA_ROOT / "imports").glob("*"))  # kept for the confirmation

    page.get_by_role("button", name="Abbrechen").click()
    audit(page)
    assert not Actor.objects.exists()
    assert not list((settings.MEDIA_ROOT / "imports").glob("*"))
