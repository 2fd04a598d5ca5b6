"""Files as offices make them, in Excel (.xlsx), LibreOffice (.ods) and CSV: each case asserts
the preview and what the import saves."""

import datetime
from dataclasses import dataclass, field
from typing import Any

import pytest

from core.imports.runner import ImportChoices, run_import
from measures.imports import MeasureImportResource
from measures.models import Measure
from network.imports import ActorResource, ContactPersonResource
from network.models import Actor, ContactPerson
from tests.imports.builders import Percent, SheetSpec, csv_file, ods, xlsx


def every_format(rows: list[list[Any]], merged: list[str] | None = None) -> dict[str, bytes]:
    """The same table as Excel and LibreOffice write it, and as CSV (without merged cells,
    which CSV does not know: Excel writes the value in the first row only)."""
    spec = SheetSpec(rows, merged=merged or [])
    files = {"xlsx": xlsx({"Tabelle1": spec}), "ods": ods({"Tabelle1": spec})}
    text_rows = [["" if value is None else value for value in row] for row in rows]
    files["csv cp1252"] = csv_file(as_text(text_rows), "cp1252")
    files["csv utf-8-sig with sep=;"] = csv_file(as_text(text_rows), "utf-8-sig", sep_line=True)
    return files


def as_text(rows: list[list[Any]]) -> list[list[str]]:
    """Cells as Excel writes them into CSV: dates German, percentages with the sign."""

    def text(value: Any) -> str:
        if isinstance(value, Percent):
            return f"{round(value.value * 100)}%"
        if isinstance(value, datetime.datetime):
            return value.strftime("%d.%m.%Y %H:%M")
        if isinstance(value, datetime.date):
            return value.strftime("%d.%m.%Y")
        return str(value)

    return [[text(value) for value in row] for row in rows]


@dataclass
class Case:
    resource: type
    rows: list[list[Any]]
    merged: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)
    # (model, lookup, {attribute: expected value}) after the import
    saved: list[tuple[type, dict[str, Any], dict[str, Any]]] = field(default_factory=list)
    choices: ImportChoices = field(default_factory=ImportChoices)
    csv: bool = True  # whether the case means anything in CSV


CASES = {
    "header variants": Case(
        ActorResource,
        [
            ["Name:", "E-Mail-Adresse", "PLZ", "Tel.", "Homepage", "Mitglieder", "Ort"],
            [
                "Verein Brücke",
                "Info@Bruecke.example",
                "07161",
                "07161 1234",
                "bruecke.example",
                12,
                "Göppingen",
            ],
        ],
        counts={"new": 1, "changed": 0, "unchanged": 0},
        saved=[
            (
                Actor,
                {"name": "Verein Brücke"},
                {
                    "email": "info@bruecke.example",
                    "postal_code": "07161",
                    "phone": "07161 1234",
                    "website": "https://bruecke.example",
                    "member_count": 12,
                    "city": "Göppingen",
                },
            )
        ],
    ),
    "other spellings of the headings": Case(
        ActorResource,
        [
            ["NAME", "Mail", "Postleitzahl", "Telefonnummer", "Webseite", "Stadt"],
            [
                "Verein Brücke",
                "info@bruecke.example",
                "73033",
                "07161 1",
                "https://b.example",
                "Göppingen",
            ],
        ],
        counts={"new": 1, "changed": 0, "unchanged": 0},
        saved=[(Actor, {"name": "Verein Brücke"}, {"postal_code": "73033", "phone": "07161 1"})],
    ),
    "title and empty rows above the headings": Case(
        ActorResource,
        [
            ["Akteure der Stadt Göppingen – Stand März 2024", None, None],
            [None, None, None],
            ["Name", "Art", "PLZ"],
            ["Café Grenzenlos", "Ehrenamtliche Initiative", "73033"],
        ],
        merged=["A1:C1"],
        counts={"new": 1, "changed": 0, "unchanged": 0},
        notes=[
            "Die Spaltenüberschriften stehen in Zeile 3; die Zeilen darüber werden nicht "
            "importiert."
        ],
        saved=[(Actor, {"name": "Café Grenzenlos"}, {"kind": Actor.Kind.VOLUNTEER})],
    ),
    "merged cells give every covered row their value": Case(
        ContactPersonResource,
        [
            ["Akteur", "E-Mail", "Vorname", "Nachname", "Rechtsgrundlage"],
            ["Volkshochschule Göppingen", "a@example.org", "Anna", "Arslan", "Vertrag"],
            [None, "b@example.org", "Bernd", "Bauer", "Vertrag"],
            [None, "c@example.org", "Cem", "Çelik", "Vertrag"],
        ],
        merged=["A2:A4"],
        csv=False,
        counts={"new": 3, "changed": 0, "unchanged": 0},
        saved=[
            (ContactPerson, {"email": email}, {"actor__name": "Volkshochschule Göppingen"})
            for email in ("a@example.org", "b@example.org", "c@example.org")
        ],
    ),
    "percentages as Excel shows them": Case(
        MeasureImportResource,
        [
            ["Nummer", "Handlungsfeld", "Titel", "Fortschritt (%)"],
            ["1.1", "1", "Mama lernt Deutsch", Percent(0.7)],
        ],
        counts={"new": 0, "changed": 1, "unchanged": 0},
        saved=[(Measure, {"code": "1.1"}, {"progress": 70})],
    ),
    "empty progress keeps the saved value and gives new measures 0": Case(
        MeasureImportResource,
        [
            ["Nummer", "Handlungsfeld", "Titel", "Fortschritt (%)"],
            ["1.1", "1", "Mama lernt Deutsch", None],
            ["1.2", "1", "Sprachpaten", None],
        ],
        counts={"new": 1, "changed": 0, "unchanged": 1},
        notes=[
            "Leere Zellen in der Spalte 'Fortschritt (%)' lassen den gespeicherten Wert "
            "unverändert; neue Einträge erhalten 0."
        ],
        saved=[
            (Measure, {"code": "1.1"}, {"progress": 40}),
            (Measure, {"code": "1.2"}, {"progress": 0}),
        ],
    ),
    "dates with a time part are dates": Case(
        MeasureImportResource,
        [
            ["Nummer", "Handlungsfeld", "Titel", "Beginn", "Ende"],
            [
                "1.1",
                "1",
                "Mama lernt Deutsch",
                datetime.datetime(2019, 4, 1, 0, 0),
                datetime.datetime(2031, 7, 31, 0, 0),
            ],
        ],
        counts={"new": 0, "changed": 1, "unchanged": 0},
        saved=[
            (
                Measure,
                {"code": "1.1"},
                {"start": datetime.date(2019, 4, 1), "end": datetime.date(2031, 7, 31)},
            )
        ],
    ),
    "actors match without case and spaces": Case(
        ActorResource,
        [["Name", "Telefon"], ["  volkshochschule   GÖPPINGEN ", "07161 650"]],
        counts={"new": 0, "changed": 1, "unchanged": 0},
        saved=[(Actor, {"name": "Volkshochschule Göppingen"}, {"phone": "07161 650"})],
    ),
    "an ignored column, confirmed": Case(
        ActorResource,
        [["Name", "Lieblingsfarbe", "Telefon"], ["Verein Brücke", "blau", "07161 1"]],
        counts={"new": 1, "changed": 0, "unchanged": 0},
        ignored=["Lieblingsfarbe"],
        choices=ImportChoices(ignored_confirmed=True),
        saved=[(Actor, {"name": "Verein Brücke"}, {"phone": "07161 1"})],
    ),
}


def files_of(case: Case) -> dict[str, bytes]:
    files = every_format(case.rows, case.merged)
    if not case.csv:
        files = {name: data for name, data in files.items() if not name.startswith("csv")}
    return files


PARAMS = [
    pytest.param(name, file_format, id=f"{name} ({file_format})")
    for name, case in CASES.items()
    for file_format in files_of(case)
]


@pytest.mark.parametrize(("name", "file_format"), PARAMS)
def test_office_files_are_previewed_and_imported(name, file_format, measure, sachbearbeitung):
    case = CASES[name]
    data = files_of(case)[file_format]

    preview = run_import(case.resource, data, sachbearbeitung, dry_run=True, choices=case.choices)

    assert preview.ok, preview.errors
    assert preview.counts == case.counts
    assert preview.notes == case.notes
    assert preview.ignored_columns == case.ignored

    report = run_import(case.resource, data, sachbearbeitung, dry_run=False, choices=case.choices)

    assert report.saved, (report.errors, report.questions)
    for model, lookup, expected in case.saved:
        record = model.objects.get(**lookup)
        for attribute, value in expected.items():
            current = record
            for part in attribute.split("__"):
                current = getattr(current, part)
            assert current == value, (attribute, current)
