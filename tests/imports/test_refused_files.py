"""Files an office makes that cannot be imported as they are: each says why in German and
changes nothing (every table, row counts and a sample record as before)."""

import datetime
import io
from pathlib import Path

import pytest

from core.imports.engine import ImportFileError
from core.imports.runner import CREATE_NEW, ImportChoices, run_import
from measures.imports import MeasureImportResource
from measures.models import Measure
from network.imports import ActorResource
from network.models import Actor
from tests.imports.builders import Formula, SheetSpec, csv_file, encrypted_ods, ods, xlsx
from tests.network.helpers import table_snapshot

FILES = Path(__file__).parent / "files"
MEASURE_HEADER = ["Nummer", "Handlungsfeld", "Titel"]
TWO_SHEETS = {
    "Hinweise": SheetSpec([["Bitte die Liste im zweiten Blatt pflegen."]]),
    "Akteure": SheetSpec([["Name", "Art"], ["Verein Neu", "Sonstige"]]),
}
PASSWORD = "Die Arbeitsmappe ist mit einem Kennwort geschützt und kann nicht gelesen werden."

REFUSED = {
    # made with msoffcrypto-tool: an Excel workbook saved with a password to open it
    "an Excel workbook with a password": (
        ActorResource,
        (FILES / "kennwort-geheim.xlsx").read_bytes(),
        ImportChoices(),
        PASSWORD,
    ),
    "a LibreOffice spreadsheet with a password": (
        ActorResource,
        encrypted_ods(),
        ImportChoices(),
        PASSWORD,
    ),
    "a formula without a stored value (xlsx)": (
        ActorResource,
        xlsx([["Name", "Mitgliederzahl"], ["Verein Neu", 10], ["Verein Zwei", Formula("=B2*2")]]),
        ImportChoices(),
        "Zelle B3 enthält eine Formel ohne berechneten Wert",
    ),
    "a formula without a stored value (ods)": (
        ActorResource,
        ods([["Name", "Mitgliederzahl"], ["Verein Neu", 10], ["Verein Zwei", Formula("[.B2]*2")]]),
        ImportChoices(),
        "Zelle B3 enthält eine Formel ohne berechneten Wert",
    ),
    "a measure number Excel turned into a date (xlsx)": (
        MeasureImportResource,
        xlsx([MEASURE_HEADER, [datetime.datetime(2024, 3, 1), "1", "Sprachcafé"]]),
        ImportChoices(),
        "Zeile 2, Spalte 'Nummer': Excel hat den Eintrag in ein Datum umgewandelt (01.03.2024).",
    ),
    "a measure number Excel turned into a date (ods)": (
        MeasureImportResource,
        ods([MEASURE_HEADER, [datetime.date(2024, 3, 1), "1", "Sprachcafé"]]),
        ImportChoices(),
        "Zeile 2, Spalte 'Nummer': Excel hat den Eintrag in ein Datum umgewandelt (01.03.2024).",
    ),
    "a measure number Excel turned into a date (csv)": (
        MeasureImportResource,
        csv_file([MEASURE_HEADER, ["01. Mrz", "1", "Sprachcafé"]]),
        ImportChoices(),
        "Zeile 2, Spalte 'Nummer': Excel hat den Eintrag in ein Datum umgewandelt (01. Mrz).",
    ),
    "a sheet the workbook does not have": (
        ActorResource,
        xlsx(TWO_SHEETS, active="Akteure"),
        ImportChoices(sheet="Tabelle1"),
        "Die Arbeitsmappe hat kein Tabellenblatt 'Tabelle1'.",
    ),
    "the sheet of notes picked instead of the table": (
        ActorResource,
        ods(TWO_SHEETS, active="Akteure"),
        ImportChoices(sheet="Hinweise"),
        "Die Datei hat Spaltenüberschriften, aber keine Zeilen mit Daten.",
    ),
    "ignored columns not confirmed": (
        ActorResource,
        csv_file([["Name", "Lieblingsfarbe"], ["Verein Neu", "blau"]]),
        ImportChoices(),
        "Bitte bestätigen Sie, dass die Spalten 'Lieblingsfarbe' ignoriert werden.",
    ),
    "a similar actor not decided on": (
        ActorResource,
        xlsx([["Name", "Telefon"], ["AWO Kreisverband", "07161 1"]]),
        ImportChoices(),
        "Zeile 2: Es gibt ähnliche Einträge (AWO KREISVERBAND GÖPPINGEN); bitte wählen Sie",
    ),
}


@pytest.fixture
def sample(measure, db):
    return Actor.objects.create(name="AWO KREISVERBAND GÖPPINGEN", phone="07161 9")


def sample_state(sample):
    sample.refresh_from_db()
    return (
        Actor.objects.count(),
        Measure.objects.count(),
        (sample.name, sample.phone, sample.version),
        Measure.objects.values_list("code", "title", "progress").get(code="1.1"),
    )


@pytest.mark.parametrize("case", list(REFUSED))
def test_a_refused_file_says_why_and_changes_nothing(case, sample, sachbearbeitung):
    resource, data, choices, expected = REFUSED[case]
    before, state = table_snapshot(), sample_state(sample)

    for dry_run in (True, False):
        try:
            report = run_import(resource, data, sachbearbeitung, dry_run=dry_run, choices=choices)
        except ImportFileError as error:
            messages = [str(error)]
        else:
            assert not report.saved
            messages = report.errors + report.questions
        assert any(expected in message for message in messages), messages

    assert table_snapshot() == before
    assert sample_state(sample) == state


def test_a_workbook_is_read_from_the_sheet_it_opens_with(sachbearbeitung, db):
    for data in (xlsx(TWO_SHEETS, active="Akteure"), ods(TWO_SHEETS, active="Akteure")):
        report = run_import(ActorResource, data, sachbearbeitung)

        assert report.ok, report.errors
        assert (report.sheet, report.sheets) == ("Akteure", ["Hinweise", "Akteure"])
        assert [row.key for row in report.rows] == ["Verein Neu"]


def test_a_refused_sheet_names_the_other_sheets_to_pick(sachbearbeitung, db):
    data = xlsx(TWO_SHEETS, active="Hinweise")

    with pytest.raises(ImportFileError) as refused:
        run_import(ActorResource, data, sachbearbeitung)

    assert refused.value.sheets == ["Hinweise", "Akteure"]
    report = run_import(ActorResource, data, sachbearbeitung, choices=ImportChoices("Akteure"))
    assert report.counts["new"] == 1


def test_a_similar_actor_is_linked_when_the_user_says_so(sample, sachbearbeitung):
    data = ods([["Name", "Telefon"], ["AWO Kreisverband", "07161 1"]])

    preview = run_import(ActorResource, data, sachbearbeitung)
    assert [(row.number, row.status, row.similar) for row in preview.rows] == [
        (2, "new", [(str(sample.pk), "AWO KREISVERBAND GÖPPINGEN")])
    ]

    choices = ImportChoices(links={2: str(sample.pk)})
    report = run_import(ActorResource, data, sachbearbeitung, dry_run=False, choices=choices)

    assert report.saved
    assert report.rows[0].linked_to == "AWO KREISVERBAND GÖPPINGEN"
    sample.refresh_from_db()
    # The existing record keeps its name and takes the row's values.
    assert (sample.name, sample.phone) == ("AWO KREISVERBAND GÖPPINGEN", "07161 1")
    assert Actor.objects.count() == 2  # the sample and the fixture's actor


def test_a_similar_actor_is_created_anew_when_the_user_says_so(sample, sachbearbeitung):
    data = csv_file([["Name", "Telefon"], ["AWO Kreisverband", "07161 1"]])
    choices = ImportChoices(links={2: CREATE_NEW})

    report = run_import(ActorResource, data, sachbearbeitung, dry_run=False, choices=choices)

    assert report.saved
    assert Actor.objects.get(name="AWO Kreisverband").phone == "07161 1"
    sample.refresh_from_db()
    assert sample.phone == "07161 9"


def ods_with_a_row_repeated(times):
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    document = OpenDocumentSpreadsheet()
    table = Table(name="Akteure")
    heading = TableRow()
    cell = TableCell(valuetype="string")
    cell.addElement(P(text="Name"))
    heading.addElement(cell)
    table.addElement(heading)
    row = TableRow(numberrowsrepeated=times)
    cell = TableCell(valuetype="string", numbercolumnsrepeated=16384)
    cell.addElement(P(text="Verein"))
    row.addElement(cell)
    table.addElement(row)
    document.spreadsheet.addElement(table)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_a_row_repeated_a_million_times_is_stopped_at_the_limit(sachbearbeitung, db):
    # One element in the file, a million rows on the sheet: counted, never unrolled.
    data = ods_with_a_row_repeated(1_000_000)

    with pytest.raises(ImportFileError, match=r"mehr als 10\.000 Zeilen"):
        run_import(ActorResource, data, sachbearbeitung, dry_run=False)
    assert not Actor.objects.exists()
