"""Bad files change nothing and say why in German; good files are read whatever Excel wrote."""

import datetime
import io
import zipfile

import pytest

from core.imports import engine
from core.imports.engine import ImportFileError
from core.imports.runner import run_import
from measures.imports import MeasureImportResource
from measures.models import Measure
from network.imports import ActorResource, ContactPersonResource
from network.models import Actor, ContactPerson
from tests.network.helpers import (
    csv_bytes,
    table_snapshot,
    xlsx_bomb,
    xlsx_bytes,
    xlsx_with_doctype,
)

ACTOR_HEADER = ["Name", "Kurzname", "Art", "Handlungsfelder", "Sprachen", "Gründungsjahr"]
CONTACT_HEADER = ["E-Mail", "Vorname", "Nachname", "Akteur", "Rechtsgrundlage", "Einwilligung am"]


def broken_xlsx():
    return xlsx_bytes([ACTOR_HEADER, ["Verein"]])[:400]


def other_zip():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("notes.txt", "Keine Tabelle")
    return buffer.getvalue()


MALFORMED = {
    "empty file": (ActorResource, b"", "Die Datei ist leer."),
    "only blanks": (ActorResource, b" \r\n \r\n", "Die Datei ist leer."),
    "headings without rows": (ActorResource, csv_bytes([ACTOR_HEADER]), "keine Zeilen"),
    "a PDF": (ActorResource, b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "keine Tabelle"),
    "a PNG image": (ActorResource, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "keine Tabelle"),
    "binary data": (ActorResource, bytes(range(256)) * 4, "keine Tabelle"),
    "old Excel": (ActorResource, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100), ".xls"),
    "a zip archive": (ActorResource, other_zip(), "Excel-Arbeitsmappe"),
    "a truncated workbook": (ActorResource, broken_xlsx(), "Excel-Arbeitsmappe"),
    "unknown character encoding": (
        ActorResource,
        b"Name;Art\r\nA" + b"\x81\x8d\x9d\xff\xfe" + b";Sonstige\r\n",
        "Zeichen",
    ),
    "no expected column": (
        ActorResource,
        csv_bytes([["Vorname", "Geburtstag"], ["Anna", "01.01.1990"]]),
        "keine der erwarteten Spalten",
    ),
    "missing required column": (
        ContactPersonResource,
        csv_bytes([["E-Mail", "Vorname", "Rechtsgrundlage"], ["a@example.com", "A", "Vertrag"]]),
        "Es fehlen Pflichtspalten: 'Nachname'",
    ),
    "a column twice": (
        ActorResource,
        csv_bytes([["Name", "Art", "Name"], ["A", "Sonstige", "B"]]),
        "kommt mehrfach vor",
    ),
    "unknown kind": (
        ActorResource,
        csv_bytes([ACTOR_HEADER, ["Verein X", "", "Sportverein", "", "", ""]]),
        "Zeile 2, Spalte 'Art': Unbekannter Wert 'Sportverein'",
    ),
    "unknown action field": (
        ActorResource,
        csv_bytes([ACTOR_HEADER, ["Verein X", "", "Sonstige", "Gesundheit", "", ""]]),
        "Zeile 2, Spalte 'Handlungsfelder': Es gibt kein Handlungsfeld 'Gesundheit'",
    ),
    "unknown language": (
        ActorResource,
        csv_bytes([ACTOR_HEADER, ["Verein X", "", "Sonstige", "", "Klingonisch", ""]]),
        "Zeile 2, Spalte 'Sprachen': Unbekannte Sprache: Klingonisch",
    ),
    "a year that is no number": (
        ActorResource,
        csv_bytes([ACTOR_HEADER, ["Verein X", "", "Sonstige", "", "", "neunzehnhundert"]]),
        "Zeile 2, Spalte 'Gründungsjahr': 'neunzehnhundert' ist keine ganze Zahl",
    ),
    "an impossible date": (
        ContactPersonResource,
        csv_bytes(
            [CONTACT_HEADER, ["a@example.com", "Anna", "Arslan", "", "Einwilligung", "31.02.2020"]]
        ),
        "Zeile 2, Spalte 'Einwilligung am': '31.02.2020' ist kein gültiges Datum (TT.MM.JJJJ).",
    ),
    "an invalid e-mail": (
        ContactPersonResource,
        csv_bytes([CONTACT_HEADER, ["anna(at)example", "Anna", "Arslan", "", "Vertrag", ""]]),
        "Zeile 2, Spalte 'E-Mail': 'anna(at)example' ist keine gültige E-Mail-Adresse.",
    ),
    "consent without a date": (
        ContactPersonResource,
        csv_bytes([CONTACT_HEADER, ["a@example.com", "Anna", "Arslan", "", "Einwilligung", ""]]),
        "Zeile 2, Spalte 'Einwilligung am': Bitte geben Sie das Datum",
    ),
    "an unknown actor": (
        ContactPersonResource,
        csv_bytes(
            [CONTACT_HEADER, ["a@example.com", "Anna", "Arslan", "Gibt es nicht", "Vertrag", ""]]
        ),
        "Zeile 2, Spalte 'Akteur': Es gibt keinen Akteur 'Gibt es nicht'.",
    ),
    "the same person twice": (
        ContactPersonResource,
        csv_bytes(
            [
                CONTACT_HEADER,
                ["a@example.com", "Anna", "Arslan", "", "Vertrag", ""],
                ["A@Example.com", "Anna", "Arslan", "", "Vertrag", ""],
            ]
        ),
        "Zeile 3, Spalte 'E-Mail': 'a@example.com' steht bereits in Zeile 2.",
    ),
    "progress above 100 %": (
        MeasureImportResource,
        csv_bytes(
            [["Code", "Handlungsfeld", "Titel", "Fortschritt (%)"], ["1.9", "1", "Neu", "150"]]
        ),
        "Zeile 2, Spalte 'Fortschritt (%)': Die Zahl darf höchstens 100 sein.",
    ),
    "one bad row among good ones": (
        ActorResource,
        csv_bytes(
            [ACTOR_HEADER]
            + [[f"Verein {n}", "", "Sonstige", "1", "tr", "2001"] for n in range(20)]
            + [["Verein 99", "", "Sonstige", "1", "tr", "2999"]]
        ),
        "Zeile 22, Spalte 'Gründungsjahr'",
    ),
}


@pytest.mark.parametrize("case", sorted(MALFORMED))
def test_a_malformed_file_changes_no_table_and_says_why(case, measure, sachbearbeitung):
    resource_class, data, expected = MALFORMED[case]
    before = table_snapshot()

    try:
        report = run_import(resource_class, data, sachbearbeitung, dry_run=False)
    except ImportFileError as error:
        message = str(error)
    else:
        assert not report.ok
        message = "\n".join(report.errors)

    assert expected in message
    assert table_snapshot() == before


def test_a_file_over_the_size_limit_is_refused_with_the_limit_named(
    monkeypatch, sachbearbeitung, db
):
    monkeypatch.setattr(engine, "MAX_BYTES", 1024)
    data = csv_bytes(
        [ACTOR_HEADER] + [[f"Verein {n}", "", "Sonstige", "", "", ""] for n in range(80)]
    )

    with pytest.raises(ImportFileError, match=r"höchstens 1,0\sKB"):
        run_import(ActorResource, data, sachbearbeitung, dry_run=False)
    assert not Actor.objects.exists()


def test_a_file_with_too_many_rows_is_refused(monkeypatch, sachbearbeitung, db):
    monkeypatch.setattr(engine, "MAX_ROWS", 3)
    data = csv_bytes([["Name"]] + [[f"Verein {n}"] for n in range(4)])

    with pytest.raises(ImportFileError, match="mehr als 3 Zeilen"):
        run_import(ActorResource, data, sachbearbeitung, dry_run=False)
    assert not Actor.objects.exists()


ROWS = [
    ["Name", "Art", "Handlungsfelder", "Sprachen", "Mitgliederzahl", "Aktiv", "Interne Notizen"],
    [
        "Türkischer Elternverein Göppingen",
        "Migrantenorganisation",
        "1",
        "Türkisch, de",
        "1.200",
        "ja",
        "Treffen im Bürgerhaus",
    ],
    ["Café Grenzenlos", "Ehrenamtliche Initiative", "Sprache", "", "", "nein", "'=HYPERLINK(1)"],
]


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(csv_bytes(ROWS, encoding="cp1252"), id="cp1252 semicolons"),
        pytest.param(csv_bytes(ROWS, encoding="utf-8", bom=True), id="UTF-8 with BOM"),
        pytest.param(csv_bytes(ROWS, encoding="utf-8"), id="UTF-8 without BOM"),
        pytest.param(csv_bytes(ROWS, encoding="utf-8", separator=","), id="commas"),
        pytest.param(csv_bytes(ROWS, encoding="utf-16", separator="\t"), id="UTF-16 tabs"),
        pytest.param(xlsx_bytes(ROWS), id="XLSX"),
    ],
)
def test_german_files_are_read_whatever_encoding_and_separator(data, action_field, sachbearbeitung):
    report = run_import(ActorResource, data, sachbearbeitung, dry_run=False)

    assert report.ok, report.errors
    assert report.counts == {"new": 2, "changed": 0, "unchanged": 0}
    club = Actor.objects.get(name="Türkischer Elternverein Göppingen")
    assert club.kind == Actor.Kind.MIGRANT_ORGANISATION
    assert club.languages == "tr,de"
    assert club.member_count == 1200
    assert club.notes == "Treffen im Bürgerhaus"
    assert list(club.action_fields.all()) == [action_field]
    cafe = Actor.objects.get(name="Café Grenzenlos")
    assert not cafe.is_active
    assert cafe.notes == "=HYPERLINK(1)"


def test_xlsx_dates_and_numbers_are_read_as_excel_stores_them(actor, sachbearbeitung):
    data = xlsx_bytes(
        [
            ["E-Mail", "Vorname", "Nachname", "Akteur", "Rechtsgrundlage", "Einwilligung am"],
            [
                "lena@example.org",
                "Lena",
                "Hofmann",
                "Volkshochschule Göppingen",
                "Einwilligung",
                datetime.datetime(2024, 3, 11),
            ],
        ]
    )

    report = run_import(ContactPersonResource, data, sachbearbeitung, dry_run=False)

    assert report.ok, report.errors
    person = ContactPerson.objects.get(email="lena@example.org")
    assert person.consent_date == datetime.date(2024, 3, 11)
    assert person.actor == actor


def test_the_preview_saves_nothing_and_lists_new_changed_and_unchanged(actor, sachbearbeitung):
    Actor.objects.create(name="AWO Kreisverband Göppingen", kind=Actor.Kind.WELFARE)
    data = csv_bytes(
        [
            ["Name", "Art"],
            ["Volkshochschule Göppingen", "Schule / Bildung"],
            ["AWO Kreisverband Göppingen", "Sonstige"],
            ["Stadtjugendring", "Sonstige"],
        ]
    )
    before = table_snapshot()

    report = run_import(ActorResource, data, sachbearbeitung, dry_run=True)

    assert table_snapshot() == before
    assert [(row.number, row.key, row.status) for row in report.rows] == [
        (2, "Volkshochschule Göppingen", "unchanged"),
        (3, "AWO Kreisverband Göppingen", "changed"),
        (4, "Stadtjugendring", "new"),
    ]
    assert report.rows[1].changes == [("Art", "Wohlfahrtsverband", "Sonstige")]


def test_an_import_is_recorded_in_the_history_with_the_user(actor, sachbearbeitung):
    data = csv_bytes([["Name", "Telefon"], ["Volkshochschule Göppingen", "07161 650"]])

    run_import(ActorResource, data, sachbearbeitung, dry_run=False)

    latest = actor.history.latest()
    assert latest.phone == "07161 650"
    assert latest.history_user == sachbearbeitung


def test_columns_the_file_lacks_stay_as_they_are(migrant_organisation, sachbearbeitung):
    data = csv_bytes([["Name", "Telefon"], [migrant_organisation.name, "07161 1"]])

    run_import(ActorResource, data, sachbearbeitung, dry_run=False)

    migrant_organisation.refresh_from_db()
    assert migrant_organisation.languages == "tr,ku,de"
    assert migrant_organisation.member_count == 120
    assert migrant_organisation.phone == "07161 1"


def test_links_to_action_fields_of_older_plans_are_kept(migrant_organisation, sachbearbeitung):
    from measures.models import ActionField, Plan

    old_plan = Plan.objects.create(title="Integrationsplan 2010", version_label="2010")
    old_field = ActionField.objects.create(plan=old_plan, code="A", title="Sprache und Bildung")
    migrant_organisation.action_fields.add(old_field)
    data = csv_bytes([["Name", "Handlungsfelder"], [migrant_organisation.name, ""]])

    run_import(ActorResource, data, sachbearbeitung, dry_run=False)

    assert list(migrant_organisation.action_fields.all()) == [old_field]


def test_measures_are_matched_on_their_code_in_the_current_plan(measure, actor, sachbearbeitung):
    partner = Actor.objects.create(name="Referat Kinder, Jugend und Familie")
    data = csv_bytes(
        [
            [
                "Code",
                "Handlungsfeld",
                "Titel",
                "Federführung",
                "Partner",
                "Status",
                "Fortschritt (%)",
                "Kostenschätzung (EUR)",
                "Beginn",
                "Daueraufgabe",
            ],
            [
                "1.1",
                "Sprache",
                "Mama lernt Deutsch",
                actor.name,
                partner.name,
                "umgesetzt",
                "100",
                "12.500,50",
                "01.09.2019",
                "nein",
            ],
            [
                "1.2",
                "1",
                "Sprachpatenschaften",
                "VHS ohne Eintrag",
                "",
                "geplant",
                "0",
                "",
                "",
                "ja",
            ],
        ]
    )

    report = run_import(MeasureImportResource, data, sachbearbeitung, dry_run=True)
    assert report.errors == [
        "Zeile 3, Spalte 'Federführung': Es gibt keinen Akteur 'VHS ohne Eintrag'."
    ]

    data = data.replace(b"VHS ohne Eintrag", actor.name.encode("cp1252"))
    report = run_import(MeasureImportResource, data, sachbearbeitung, dry_run=False)

    assert report.ok, report.errors
    measure.refresh_from_db()
    assert measure.status == Measure.Status.DONE
    assert measure.progress == 100
    assert str(measure.cost_estimate) == "12500.50"
    assert list(measure.partner_actors.all()) == [partner]
    assert measure.version == 2
    new = Measure.objects.get(code="1.2")
    assert new.plan == measure.plan
    assert new.is_continuous


def test_the_readme_example_file_imports_cleanly(action_field, plan, sachbearbeitung):
    from pathlib import Path

    from measures.models import ActionField

    for code, title in [("3", "Arbeit"), ("4", "Wohnen"), ("5", "Werte/Regeln/Normen")]:
        ActionField.objects.create(plan=plan, code=code, title=title)
    example = Path(__file__).resolve().parents[2] / "docs" / "examples" / "actors-example.csv"

    report = run_import(ActorResource, example.read_bytes(), sachbearbeitung, dry_run=False)

    assert report.ok, report.errors
    assert report.ignored_columns == []
    assert report.counts["new"] == 4
    club = Actor.objects.get(short_name="DKK")
    assert (club.languages, club.communities) == ("ku,tr,de", "Kurdische Familien im Filstal")


def test_a_workbook_that_unpacks_to_over_100_mb_is_refused(tmp_path, sachbearbeitung, db):
    data = xlsx_bomb(tmp_path / "bombe.xlsx", [ACTOR_HEADER, ["Verein", "", "Sonstige"]])
    assert len(data) < engine.MAX_BYTES

    with pytest.raises(ImportFileError, match="entpackt größer als 100 MB"):
        run_import(ActorResource, data, sachbearbeitung, dry_run=False)
    assert not Actor.objects.exists()


def test_a_workbook_compressed_over_100_to_1_is_refused(tmp_path, sachbearbeitung, db):
    data = xlsx_bomb(tmp_path / "dicht.xlsx", [ACTOR_HEADER, ["Verein"]], unpacked_mb=20)

    with pytest.raises(ImportFileError, match=r"ungewöhnlich stark komprimiert \(mehr als 100"):
        run_import(ActorResource, data, sachbearbeitung, dry_run=False)
    assert not Actor.objects.exists()


@pytest.mark.parametrize("member", ["xl/worksheets/sheet1.xml", "xl/workbook.xml"])
def test_a_workbook_with_a_dtd_is_refused(member, sachbearbeitung, db):
    data = xlsx_with_doctype([ACTOR_HEADER, ["Verein", "", "Sonstige"]], member)

    with pytest.raises(ImportFileError, match=r"nicht erlaubte XML-Bestandteile \(DTD\)"):
        run_import(ActorResource, data, sachbearbeitung, dry_run=False)
    assert not Actor.objects.exists()
