"""Files as statistics offices deliver them (Statistisches Landesamt, the city's statistics
office, Bundesagentur für Arbeit), driven through the real import: CSV in Windows-1252 and
UTF-8, XLSX and ODS, wide and long, title rows, footnotes, secret cells and the spellings of
areas; an unknown area is a row error, never a guess."""

import datetime
from decimal import Decimal

import pytest
from django.utils import translation

from core.imports.engine import ImportFileError
from core.imports.runner import ImportChoices, run_import
from measures.indicators.imports import IndicatorValueResource
from measures.models import CityIndicatorValue
from tests.imports.builders import Percent, SheetSpec, csv_file, ods, xlsx
from tests.indicators.world import LONG_DISTRICT, indicator_world

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def german():
    with translation.override("de"):
        yield


@pytest.fixture
def world():
    return indicator_world()


def imported(world, user, data, dry_run=False, indicator=None):
    indicator = indicator or world["city_indicator"]
    choices = ImportChoices(options={"indicator": str(indicator.pk)})
    return run_import(IndicatorValueResource, data, user, dry_run=dry_run, choices=choices)


def values_of(indicator, area):
    """{period label: value} of the indicator's totals in the area."""
    return {
        value.period_label: value.value
        for value in CityIndicatorValue.objects.filter(
            indicator=indicator, area=area, breakdown="total"
        )
    }


def new_values(indicator, area):
    return {
        period: value for period, value in values_of(indicator, area).items() if period < "2023"
    }


LANDESAMT_TABLE = [
    ["Statistisches Landesamt Baden-Württemberg"],
    ["Arbeitslosenquote nach Stadtteilen 2019 bis 2021 in %"],
    [],
    ["Quelle:", "Bundesagentur für Arbeit"],
    ["Stadtteil", "2019", "2020*", "2021 1)"],
    [],
    ["Faurndau", "12,3", "–", "…"],
    ["Jebenhausen", "-1,5", "x", "/"],
    [f"  {LONG_DISTRICT.upper()}  ", "1 234", "1.234", "12,3 %"],
    [],
    ["Stadt insgesamt", "8,1", ".", "8,8"],
    [],
    ["* Werte geschätzt"],
    ["1) vorläufig"],
    ["Quelle: Bundesagentur für Arbeit, Statistik-Service Südwest"],
]


@pytest.mark.parametrize("encoding", ["cp1252", "utf-8-sig", "utf-8"])
def test_a_landesamt_csv_with_titles_footnotes_and_secret_cells(world, sachbearbeitung, encoding):
    faurndau, jebenhausen, long_district = world["districts"]
    indicator = world["city_indicator"]

    report = imported(world, sachbearbeitung, csv_file(LANDESAMT_TABLE, encoding=encoding))

    assert report.saved, (report.errors, report.questions)
    assert report.header_row == 5 and report.ignored_columns == []
    assert new_values(indicator, faurndau) == {"2019": Decimal("12.3")}
    assert new_values(indicator, jebenhausen) == {"2019": Decimal("-1.5")}
    assert new_values(indicator, long_district) == {
        "2019": Decimal("1234"),
        "2020": Decimal("1234"),
        "2021": Decimal("12.3"),
    }
    assert new_values(indicator, world["city_area"]) == {
        "2019": Decimal("8.1"),
        "2021": Decimal("8.8"),
    }
    assert any("'2020*', '2021 1)'" in note and "Fußnote" in note for note in report.notes)
    assert any("2019 bis 2021" in note for note in report.notes)


def test_an_excel_table_with_number_cells_merged_title_and_a_city_row(world, sachbearbeitung):
    faurndau, jebenhausen, _long = world["districts"]
    indicator = world["city_indicator"]
    rows = [
        ["Arbeitslosenquote in den Stadtteilen", None, None, None],
        [None, None, None, None],
        ["Stadtbezirk", 2016.0, 2017.0, 2018],
        ["Faurndau", 12.3, Percent(0.047), 7],
        ["Jebenhausen", -0.4, None, "−0,4"],
        ["Göppingen insgesamt", 10.25, 9.0, "*"],
        [None, None, None, None],
        ["Quelle: Bundesagentur für Arbeit; Stand: Juni 2019", None, None, None],
    ]
    data = xlsx({"Tabelle 1": SheetSpec(rows, merged=["A1:D1", "A8:D8"])})

    report = imported(world, sachbearbeitung, data)

    assert report.saved, (report.errors, report.questions)
    assert new_values(indicator, faurndau) == {
        "2016": Decimal("12.3"),
        "2017": Decimal("4.7"),
        "2018": Decimal("7"),
    }
    assert new_values(indicator, jebenhausen) == {
        "2016": Decimal("-0.4"),
        "2018": Decimal("-0.4"),
    }
    assert new_values(indicator, world["city_area"]) == {
        "2016": Decimal("10.25"),
        "2017": Decimal("9"),
    }


def test_a_libreoffice_table_with_text_and_number_years_and_secret_marks(world, sachbearbeitung):
    faurndau, jebenhausen, _long = world["districts"]
    population = world["population_indicator"]
    rows = [
        ["Einwohnerinnen und Einwohner nach Stadtteilen"],
        ["Gebiet", "2016", 2017, "2018 ¹"],
        ["Faurndau", "1\u00a0234", "1\u202f240", "k. A."],
        ["jebenhausen", 980, "*", 1001],
        ["Gesamtstadt", "58.012", "58.100", "n. v."],
        ["¹ vorläufige Werte"],
    ]

    report = imported(
        world, sachbearbeitung, ods(rows, trailing_empty_rows=50), indicator=population
    )

    assert report.saved, (report.errors, report.questions)
    assert new_values(population, faurndau) == {"2016": Decimal("1234"), "2017": Decimal("1240")}
    assert new_values(population, jebenhausen) == {"2016": Decimal("980"), "2018": Decimal("1001")}
    assert new_values(population, world["city_area"]) == {
        "2016": Decimal("58012"),
        "2017": Decimal("58100"),
    }


def test_a_long_file_of_the_bundesagentur_with_notes_above_and_below(world, sachbearbeitung):
    faurndau = world["district"]
    indicator = world["city_indicator"]
    data = csv_file(
        [
            ["Arbeitsmarkt in Zahlen"],
            ["Quelle:", "Statistik der Bundesagentur für Arbeit"],
            [],
            ["Kennziffer", "Stadtteil", "Jahr", "Merkmal", "Ausprägung", "Wert", "Einheit"],
            ["A2", "Faurndau", "2019", "insgesamt", "", "5,1", "Prozent"],
            ["A2", "Faurndau", "2020", "", "", "*", "%"],
            ["A2", "FAURNDAU", "2021 1)", "", "", "5,9", "in %"],
            [],
            ["*) Daten aus Datenschutzgründen anonymisiert"],
            ["1) vorläufig"],
            ["© Statistik der Bundesagentur für Arbeit"],
        ],
        encoding="utf-8-sig",
    )

    report = run_import(IndicatorValueResource, data, sachbearbeitung, dry_run=False)

    assert report.saved, (report.errors, report.questions)
    assert new_values(indicator, faurndau) == {"2019": Decimal("5.1"), "2021": Decimal("5.9")}


def test_an_area_name_that_is_not_ours_is_a_row_error_and_nothing_is_saved(world, sachbearbeitung):
    before = list(CityIndicatorValue.objects.values_list("pk", "value"))
    data = csv_file(
        [
            ["Stadtteil", "2019"],
            ["Faurndau", "1"],
            ["Göppingen-Faurndau", "2"],
            ["Faurndau-Nord", "3"],
            ["Stadt Eislingen", "4"],
        ]
    )

    report = imported(world, sachbearbeitung, data)

    assert not report.saved
    assert report.errors == [
        f"Zeile {row}, Spalte 'Gebiet': Es gibt kein Gebiet mit dem Schlüssel oder Namen '{name}'."
        for row, name in ((3, "Göppingen-Faurndau"), (4, "Faurndau-Nord"), (5, "Stadt Eislingen"))
    ]
    assert list(CityIndicatorValue.objects.values_list("pk", "value")) == before


def test_names_in_other_case_spacing_and_unicode_form_are_the_same_area(world, sachbearbeitung):
    # macOS writes "ö" as "o" and a combining diaeresis; a table may part words by non-breaking
    # spaces.
    decomposed = "Go\u0308ppingen"
    data = csv_file(
        [
            ["Gebiet", "2019"],
            [decomposed, "1"],
            ["  JEBENHAUSEN ", "2"],
            [LONG_DISTRICT.replace(" ", "\u00a0 "), "3"],
        ],
        encoding="utf-8",
    )

    report = imported(world, sachbearbeitung, data)

    assert report.saved, report.errors
    faurndau, jebenhausen, long_district = world["districts"]
    indicator = world["city_indicator"]
    assert new_values(indicator, world["city_area"]) == {"2019": Decimal("1")}
    assert new_values(indicator, jebenhausen) == {"2019": Decimal("2")}
    assert new_values(indicator, long_district) == {"2019": Decimal("3")}
    assert new_values(indicator, faurndau) == {}


def test_a_key_excel_turned_into_a_number_finds_its_area(world, sachbearbeitung):
    data = xlsx([["Gebietsschlüssel", "Jahr", "Wert"], [8117019, 2019, 4.5], ["8117019", 2020, 5]])

    report = imported(world, sachbearbeitung, data)

    assert report.saved, report.errors
    assert new_values(world["city_indicator"], world["city_area"]) == {
        "2019": Decimal("4.5"),
        "2020": Decimal("5"),
    }


def test_a_repeated_row_is_an_error_naming_the_first_one(world, sachbearbeitung):
    data = csv_file(
        [["Stadtteil", "2019"], ["Faurndau", "1"], ["Jebenhausen", "2"], ["Faurndau", "1"]]
    )

    report = imported(world, sachbearbeitung, data)

    assert not report.saved
    assert report.errors == [
        "Zeile 4, Spalte 'Zeitraum': 'A2 · Faurndau · 2019' steht bereits in Zeile 2."
    ]
    assert new_values(world["city_indicator"], world["district"]) == {}


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ([["Stadtteil", "2019", "2020"]], "keine Zeilen"),
        (
            [["Stadtteil", "2019"], ["Faurndau", "-"], ["Jebenhausen", "x"], ["Quelle: BA"]],
            "keine Werte",
        ),
        ([["Indikator", "Gebiet", "Jahr", "Wert"], ["A2", "Faurndau", "2019", "."]], "keine Werte"),
        (
            [["Stadtteil", "Jahr", ""], ["", "2019", "2020"], ["Faurndau", "1", "2"]],
            "zweiten Zeile",
        ),
    ],
)
def test_a_file_without_values_or_with_two_heading_rows_is_refused(
    world, sachbearbeitung, rows, message
):
    for data in (csv_file(rows), xlsx(rows)):
        with pytest.raises(ImportFileError, match=message):
            imported(world, sachbearbeitung, data)


def test_a_value_in_per_cent_for_a_count_is_refused(world, sachbearbeitung):
    data = csv_file([["Stadtteil", "2019"], ["Faurndau", "12,5 %"]])

    report = imported(world, sachbearbeitung, data, indicator=world["population_indicator"])

    assert report.errors == [
        "Zeile 2, Spalte 'Wert': Der Wert ist in Prozent angegeben, die Einheit von S1 ist aber "
        "Personen."
    ]


def test_a_table_by_reporting_date_becomes_values_of_those_dates(world, sachbearbeitung):
    population = world["population_indicator"]
    faurndau = world["district"]
    for data in (
        csv_file([["Stadtteil", "30.06.2019", "31.12.2019"], ["Faurndau", "1.200", "1.210"]]),
        xlsx(
            [
                ["Stadtteil", datetime.date(2019, 6, 30), datetime.datetime(2019, 12, 31)],
                ["Faurndau", 1200, 1210],
            ]
        ),
    ):
        report = imported(world, sachbearbeitung, data, indicator=population)

        assert report.saved, report.errors
        assert any(
            "Spalte je Stichtag (30.06.2019 bis 31.12.2019)" in note for note in report.notes
        )
        found = CityIndicatorValue.objects.filter(
            indicator=population, area=faurndau, breakdown="total"
        )
        assert {(value.period, value.period_kind, value.value) for value in found} == {
            (datetime.date(2019, 6, 30), "date", Decimal("1200")),
            (datetime.date(2019, 12, 31), "date", Decimal("1210")),
        }


def test_row_labels_without_heading_name_the_areas(world, sachbearbeitung):
    data = xlsx(
        [["Arbeitslosenquote"], [None, 2019, 2020], ["Faurndau", 3, 4], ["Insgesamt", 5, None]]
    )

    report = imported(world, sachbearbeitung, data)

    assert report.saved, report.errors
    assert new_values(world["city_indicator"], world["district"]) == {
        "2019": Decimal("3"),
        "2020": Decimal("4"),
    }
    assert new_values(world["city_indicator"], world["city_area"]) == {"2019": Decimal("5")}


def test_a_value_with_a_footnote_mark_is_a_clear_row_error(world, sachbearbeitung):
    data = csv_file([["Stadtteil", "2019"], ["Faurndau", "12,3 1)"], ["Jebenhausen", "(5)"]])

    report = imported(world, sachbearbeitung, data)

    assert report.errors == [
        "Zeile 2, Spalte '2019': '12,3 1)' ist keine Zahl (zum Beispiel 1.234,50).",
        "Zeile 3, Spalte '2019': '(5)' ist keine Zahl (zum Beispiel 1.234,50).",
    ]


def test_a_footnote_mark_after_an_area_name_is_not_part_of_it(world, sachbearbeitung):
    data = csv_file(
        [
            ["Stadtteil", "2019"],
            ["Faurndau 1)", "1"],
            ["Jebenhausen*", "2"],
            ["Stadt insgesamt²", "3"],
            ["Holzheim 1)", "4"],
            ["1) Gebietsstand 2019"],
        ]
    )

    report = imported(world, sachbearbeitung, data)

    assert report.errors == [
        "Zeile 5, Spalte 'Gebiet': Es gibt kein Gebiet mit dem Schlüssel oder Namen 'Holzheim 1)'."
    ]
    preview = imported(world, sachbearbeitung, data[: data.index(b"Holzheim")], dry_run=True)
    assert [row.key for row in preview.rows] == [
        "A2 · Faurndau · 2019",
        "A2 · Jebenhausen · 2019",
        "A2 · Göppingen · 2019",
    ]


def test_a_reporting_date_on_31_december_updates_the_saved_year_and_keeps_it_a_year(
    world, sachbearbeitung
):
    faurndau = world["district"]
    data = csv_file([["Stadtteil", "31.12.2024", "31.12.2025"], ["Faurndau", "11,5", "13"]])

    report = imported(world, sachbearbeitung, data)

    assert report.saved, report.errors
    assert report.counts == {"new": 0, "changed": 1, "unchanged": 1}
    saved = CityIndicatorValue.objects.filter(indicator=world["city_indicator"], area=faurndau)
    assert {(value.period_label, value.period_kind, value.value) for value in saved} == {
        ("2023", "year", Decimal("10.5")),
        ("2024", "year", Decimal("11.5")),
        ("2025", "year", Decimal("13")),
    }
