"""Exported workbooks have typed cells, read back by openpyxl and, independently, from the
workbook's XML with the standard library; CSV keeps its guard against formulas."""

import datetime
import io
import zipfile
from xml.etree import ElementTree

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from core.imports.runner import run_import
from network.imports import ActorResource
from network.models import Actor
from tests.network.helpers import table_snapshot

MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
FORMULA_TEXT = '=HYPERLINK("http://example.org","Klick")'


@pytest.fixture
def club(db):
    return Actor.objects.create(
        name="Verein Brücke der Kulturen e. V.",
        short_name="-Brücke",
        postal_code="07161",
        phone="07161 123456",
        founded_year=1998,
        member_count=120,
        notes=FORMULA_TEXT,
    )


def download(client, user, url_name, file_format):
    client.force_login(user)
    return client.get(reverse(url_name, args=[file_format])).content


def by_heading(workbook_bytes):
    """{heading: cell of the first data row}, read by openpyxl."""
    sheet = load_workbook(io.BytesIO(workbook_bytes)).active
    headings = [cell.value for cell in sheet[1]]
    return dict(zip(headings, sheet[2], strict=True))


def xml_cells(workbook_bytes):
    """{reference: (type attribute, has formula, value text)} of the first sheet, read from
    its XML without openpyxl; shared strings resolved."""
    with zipfile.ZipFile(io.BytesIO(workbook_bytes)) as archive:
        names = archive.namelist()
        shared = []
        if "xl/sharedStrings.xml" in names:
            root = ElementTree.fromstring(archive.read("xl/sharedStrings.xml"))
            shared = ["".join(t.text or "" for t in item.iter(f"{MAIN}t")) for item in root]
        sheet = ElementTree.fromstring(archive.read("xl/worksheets/sheet1.xml"))
    cells = {}
    for cell in sheet.iter(f"{MAIN}c"):
        kind = cell.get("t", "n")
        value = cell.findtext(f"{MAIN}v")
        if kind == "s":
            value = shared[int(value)]
        elif kind == "inlineStr":
            value = "".join(t.text or "" for t in cell.iter(f"{MAIN}t"))
        cells[cell.get("r")] = (kind, cell.find(f"{MAIN}f") is not None, value)
    return cells


def test_actor_export_keeps_text_as_text_and_numbers_as_numbers(client, lesezugriff, club):
    data = download(client, lesezugriff, "network:actor_export", "xlsx")

    cells = by_heading(data)
    assert (cells["PLZ"].data_type, cells["PLZ"].value) == ("s", "07161")
    assert (cells["Telefon"].data_type, cells["Telefon"].value) == ("s", "07161 123456")
    assert (cells["Gründungsjahr"].data_type, cells["Gründungsjahr"].value) == ("n", 1998)
    assert (cells["Mitgliederzahl"].data_type, cells["Mitgliederzahl"].value) == ("n", 120)
    # Text that looks like a formula is stored as text, without an apostrophe.
    assert (cells["Interne Notizen"].data_type, cells["Interne Notizen"].value) == (
        "s",
        FORMULA_TEXT,
    )
    assert cells["Kurzname"].value == "-Brücke"

    raw = xml_cells(data)
    assert not any(has_formula for _kind, has_formula, _value in raw.values())
    notes = cells["Interne Notizen"].coordinate
    assert raw[notes][0] in ("s", "inlineStr", "str") and raw[notes][2] == FORMULA_TEXT
    assert raw[cells["PLZ"].coordinate][2] == "07161"
    assert raw[cells["Gründungsjahr"].coordinate] == ("n", False, "1998")


def test_measure_export_writes_dates_as_dates(client, lesezugriff, measure):
    data = download(client, lesezugriff, "measures:export", "xlsx")

    cells = by_heading(data)
    assert cells["Beginn"].is_date and cells["Beginn"].value == datetime.datetime(2019, 9, 1)
    assert cells["Beginn"].number_format == "DD.MM.YYYY"
    assert (cells["Fortschritt (%)"].data_type, cells["Fortschritt (%)"].value) == ("n", 40)
    # In the XML a date is a serial day number: 1 September 2019 is day 43709.
    assert xml_cells(data)[cells["Beginn"].coordinate] == ("n", False, "43709")


def test_csv_export_keeps_its_formula_guard(client, lesezugriff, club):
    text = download(client, lesezugriff, "network:actor_export", "csv").decode("utf-8-sig")

    assert "'=HYPERLINK" in text
    assert ";'-Brücke;" in text
    assert ";07161;" in text


def test_the_typed_actor_export_imports_again_unchanged(client, sachbearbeitung, club):
    data = download(client, sachbearbeitung, "network:actor_export", "xlsx")
    before = table_snapshot()

    report = run_import(ActorResource, data, sachbearbeitung, dry_run=False)

    assert report.ok, report.errors
    assert report.counts == {"new": 0, "changed": 0, "unchanged": 1}
    assert table_snapshot() == before


def test_the_import_template_formats_text_columns_as_text(client, sachbearbeitung, plan):
    # Typed into the template, "1.3" stays a measure number instead of becoming 1 March.
    data = download_template(client, sachbearbeitung, "measures")

    sheet = load_workbook(io.BytesIO(data)).active
    headings = {cell.value: cell.column_letter for cell in sheet[1]}
    assert sheet.column_dimensions[headings["Nummer"]].number_format == "@"
    assert sheet.column_dimensions[headings["Titel"]].number_format == "@"
    assert sheet.column_dimensions[headings["Fortschritt (%)"]].number_format == "General"


def download_template(client, user, kind):
    client.force_login(user)
    return client.get(reverse("network:import_template", args=[kind, "xlsx"])).content
