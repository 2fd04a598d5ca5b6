"""The import kind "indicator-values": statistics offices' wide tables (one column per year) and
long files (one row per value), row errors, all or nothing, updates with history, and the
indicator chosen on the upload page."""

import datetime
import io
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation

from core.imports.engine import ImportFileError
from core.imports.runner import ImportChoices, run_import
from measures.indicators.imports import IndicatorValueResource
from measures.models import CityIndicator, CityIndicatorValue
from tests.imports.builders import csv_file, xlsx
from tests.indicators.world import indicator_world

pytestmark = pytest.mark.django_db

LONG = ["Indikator", "Gebiet", "Zeitraum", "Aufschlüsselung", "Gruppe", "Wert", "Einheit"]


@pytest.fixture(autouse=True)
def german():
    with translation.override("de"):
        yield


@pytest.fixture
def world():
    return indicator_world()


def chosen(indicator):
    return ImportChoices(options={"indicator": str(indicator.pk)})


def values_of(indicator, area):
    """{period label: value} of the indicator's totals in the area."""
    return {
        value.period_label: value.value
        for value in CityIndicatorValue.objects.filter(
            indicator=indicator, area=area, breakdown="total"
        )
    }


def test_a_wide_csv_of_the_statistics_office_becomes_one_value_per_area_and_year(
    world, sachbearbeitung
):
    faurndau, jebenhausen, _long = world["districts"]
    data = csv_file(
        [
            ["Arbeitslosenquote nach Stadtteilen in %", "", "", ""],
            ["Stadtteil", "2019", "2020", "2021"],
            ["Göppingen", "8,1", "9,4", "8,8"],
            ["Faurndau", "1.234,5", "-", "x"],
            ["JEBENHAUSEN", ".", "", "7"],
        ],
        encoding="cp1252",
    )

    report = run_import(
        IndicatorValueResource,
        data,
        sachbearbeitung,
        dry_run=False,
        choices=chosen(world["city_indicator"]),
    )

    assert report.saved, report.errors
    assert report.counts == {"new": 5, "changed": 0, "unchanged": 0}
    indicator = world["city_indicator"]
    assert values_of(indicator, world["city_area"]) == {
        "2019": Decimal("8.1"),
        "2020": Decimal("9.4"),
        "2021": Decimal("8.8"),
        "2023": Decimal("10"),
        "2024": Decimal("11"),
        "2025": Decimal("12"),
    }
    assert values_of(indicator, faurndau)["2019"] == Decimal("1234.5")
    assert "2020" not in values_of(indicator, faurndau)
    assert values_of(indicator, jebenhausen)["2021"] == Decimal("7")
    saved = CityIndicatorValue.objects.get(indicator=indicator, area=faurndau, period__year=2019)
    assert saved.period == datetime.date(2019, 12, 31) and saved.period_kind == "year"
    record = saved.history.get()
    assert record.history_user == sachbearbeitung and record.history_change_reason == "Import"
    assert any("2019 bis 2021" in note for note in report.notes)
    assert any("4 Zellen ohne Wert" in note for note in report.notes)


def test_a_wide_workbook_with_number_cells_and_year_headings_as_numbers(world, sachbearbeitung):
    faurndau = world["district"]
    data = xlsx([["Stadtbezirk", 2016, 2017], ["Faurndau", 12.3, 4], ["Göppingen", 11, None]])

    report = run_import(
        IndicatorValueResource,
        data,
        sachbearbeitung,
        dry_run=False,
        choices=chosen(world["city_indicator"]),
    )

    assert report.saved, report.errors
    found = values_of(world["city_indicator"], faurndau)
    assert found["2016"] == Decimal("12.3") and found["2017"] == Decimal("4")
    assert values_of(world["city_indicator"], world["city_area"])["2016"] == Decimal("11")


def test_a_wide_file_with_a_column_indikator_needs_no_choice(world, sachbearbeitung):
    data = csv_file([["Indikator", "Gebiet", "2018"], ["A2", "Faurndau", "3,5"]])

    report = run_import(IndicatorValueResource, data, sachbearbeitung, dry_run=False)

    assert report.saved, report.errors
    assert values_of(world["city_indicator"], world["district"])["2018"] == Decimal("3.5")


def test_a_wide_file_without_indicator_asks_to_choose_one(world, sachbearbeitung):
    data = csv_file([["Stadtteil", "2018"], ["Faurndau", "3,5"]])

    with pytest.raises(ImportFileError, match="wählen Sie den Indikator"):
        run_import(IndicatorValueResource, data, sachbearbeitung)


def test_a_wide_cell_that_is_no_number_names_its_row_and_year(world, sachbearbeitung):
    before = CityIndicatorValue.objects.count()
    data = csv_file(
        [["Stadtteil", "2018", "2019"], ["Faurndau", "1", "2"], ["Jebenhausen", "3", "12,3a"]]
    )

    report = run_import(
        IndicatorValueResource,
        data,
        sachbearbeitung,
        dry_run=False,
        choices=chosen(world["city_indicator"]),
    )

    assert not report.saved
    assert report.errors == [
        "Zeile 3, Spalte '2019': '12,3a' ist keine Zahl (zum Beispiel 1.234,50)."
    ]
    assert CityIndicatorValue.objects.count() == before


def test_a_long_file_names_indicator_area_and_period_in_every_spelling(world, sachbearbeitung):
    population = world["population_indicator"]
    faurndau = world["district"]
    data = xlsx(
        [
            [*LONG, "Quelle", "Anmerkung"],
            ["a2", "faurndau", 2018, "", "", "12.3", "%", "Bundesagentur", ""],
            [
                population.title,
                "08117019-01",
                "30.06.2024",
                "Migrationshintergrund",
                "mit",
                "1.234",
                "Personen",
                "",
                "vorläufig",
            ],
            [population.code, "Faurndau", "2024-03-31", "gender", "weiblich", 600, "", "", ""],
            [
                population.code,
                "Faurndau",
                datetime.date(2023, 12, 1),
                "insgesamt",
                "",
                1200,
                "",
                "",
                "",
            ],
        ]
    )

    report = run_import(IndicatorValueResource, data, sachbearbeitung, dry_run=False)

    assert report.saved, report.errors
    assert values_of(world["city_indicator"], faurndau)["2018"] == Decimal("12.3")
    by_migration = CityIndicatorValue.objects.get(
        indicator=population,
        area=faurndau,
        breakdown="migration",
        period=datetime.date(2024, 6, 30),
    )
    assert by_migration.value == Decimal("1234") and by_migration.group == "mit"
    assert by_migration.period_kind == "date" and by_migration.note == "vorläufig"
    women = CityIndicatorValue.objects.get(indicator=population, breakdown="gender")
    assert women.period == datetime.date(2024, 3, 31) and women.group == "weiblich"
    total = CityIndicatorValue.objects.get(indicator=population, breakdown="total")
    assert total.period == datetime.date(2023, 12, 1) and total.value == 1200
    source = CityIndicatorValue.objects.get(indicator=world["city_indicator"], period__year=2018)
    assert source.source_reference == "Bundesagentur"


def test_every_row_error_is_reported_and_nothing_is_saved(world, sachbearbeitung):
    before = list(CityIndicatorValue.objects.values_list("pk", "value"))
    data = csv_file(
        [
            LONG,
            ["A2", "Faurndau", "2018", "", "", "1", ""],  # fine, but not saved
            ["A2", "Nirgendwo", "2018", "", "", "1", ""],
            ["Z9", "Faurndau", "2018", "", "", "1", ""],
            ["A2", "Faurndau", "2019", "Altersgruppe", "18–64", "1", ""],
            ["S1", "Faurndau", "2019", "Migrationshintergrund", "", "1", ""],
            ["A2", "Faurndau", "2020", "", "", "viel", ""],
            ["A2", "FAURNDAU", "2018", "", "", "2", ""],
            ["A2", "Faurndau", "2021", "", "", "2", "Personen"],
            ["A2", "Faurndau", "im Frühjahr", "", "", "2", ""],
        ]
    )

    preview = run_import(IndicatorValueResource, data, sachbearbeitung, dry_run=True)
    report = run_import(IndicatorValueResource, data, sachbearbeitung, dry_run=False)

    assert not report.saved and report.errors
    assert preview.errors == [
        "Zeile 3, Spalte 'Gebiet': Es gibt kein Gebiet mit dem Schlüssel oder Namen 'Nirgendwo'.",
        "Zeile 4, Spalte 'Indikator': Es gibt keinen Indikator mit dem Code oder Titel 'Z9'.",
        "Zeile 5, Spalte 'Aufschlüsselung': Der Indikator A2 hat keine Aufschlüsselung nach "
        "Altersgruppe.",
        "Zeile 6, Spalte 'Gruppe': Bitte nennen Sie die Gruppe der Aufschlüsselung nach "
        "Migrationshintergrund.",
        "Zeile 7, Spalte 'Wert': 'viel' ist keine Zahl (zum Beispiel 1.234,50).",
        "Zeile 8, Spalte 'Zeitraum': 'A2 · Faurndau · 2018' steht bereits in Zeile 2.",
        "Zeile 9, Spalte 'Einheit': Die Einheit 'Personen' ist nicht die Einheit des "
        "Indikators (%).",
        "Zeile 10, Spalte 'Zeitraum': 'im Frühjahr' ist kein Zeitraum: ein Jahr wie 2024 oder "
        "ein Datum wie 30.06.2024.",
    ]
    assert list(CityIndicatorValue.objects.values_list("pk", "value")) == before


def test_a_district_value_of_an_indicator_kept_for_the_city_only_is_refused(world, sachbearbeitung):
    naturalisation = CityIndicator.objects.get(code="R1")
    assert not naturalisation.by_district
    data = csv_file([LONG, ["R1", "Faurndau", "2024", "", "", "2,1", ""]])

    report = run_import(IndicatorValueResource, data, sachbearbeitung)

    assert report.errors == [
        "Zeile 2, Spalte 'Gebiet': Der Indikator R1 hat keine Werte je Stadtteil."
    ]


def test_an_existing_value_is_updated_with_its_history_and_previewed_as_a_change(
    world, sachbearbeitung
):
    indicator, faurndau = world["city_indicator"], world["district"]
    existing = CityIndicatorValue.objects.get(indicator=indicator, area=faurndau, period__year=2024)
    assert existing.value == Decimal("11.5")
    data = csv_file([LONG, ["A2", "Faurndau", "2024", "insgesamt", "", "13,25", "%"]])

    preview = run_import(IndicatorValueResource, data, sachbearbeitung, dry_run=True)

    assert preview.counts == {"new": 0, "changed": 1, "unchanged": 0}
    assert preview.rows[0].changes == [("Wert", "11,5", "13,25")]
    count = CityIndicatorValue.objects.count()
    report = run_import(IndicatorValueResource, data, sachbearbeitung, dry_run=False)
    assert report.saved
    existing.refresh_from_db()
    assert existing.value == Decimal("13.25") and existing.source_reference == "Testdaten"
    assert CityIndicatorValue.objects.count() == count
    latest = existing.history.first()
    assert latest.history_type == "~" and latest.history_user == sachbearbeitung
    assert [record.value for record in existing.history.all()] == [Decimal("13.25")]


def test_the_same_file_again_changes_nothing(world, sachbearbeitung):
    data = csv_file([LONG, ["A2", "Faurndau", "2024", "", "", "11,5", ""]])

    report = run_import(IndicatorValueResource, data, sachbearbeitung, dry_run=True)

    assert report.counts == {"new": 0, "changed": 0, "unchanged": 1}


def upload(client, rows, **data):
    file = io.BytesIO(csv_file(rows))
    file.name = "arbeitslosenquote.csv"
    url = reverse("network:import_upload", args=["indicator-values"])
    return client.post(url, {"file": file, **data})


def test_the_upload_page_presets_the_indicator_from_the_values_page(client, world, sachbearbeitung):
    client.force_login(sachbearbeitung)
    indicator = world["city_indicator"]
    url = reverse("network:import_upload", args=["indicator-values"])

    page = client.get(f"{url}?indicator={indicator.pk}").content.decode()

    assert f'<option value="{indicator.pk}" selected>' in page
    assert "Indikator einer Tabelle mit einer Spalte je Jahr" in page
    assert '<option value="" selected>' in client.get(url).content.decode()


def test_the_import_pages_preview_and_import_a_wide_file_for_the_chosen_indicator(
    client, world, sachbearbeitung
):
    client.force_login(sachbearbeitung)
    indicator = world["city_indicator"]
    rows = [["Stadtteil", "2016", "2017"], ["Faurndau", "5,5", "6"], ["Jebenhausen", "7", "-"]]

    preview = upload(client, rows, indicator=indicator.pk)

    page = preview.content.decode()
    assert preview.status_code == 200 and "A2 · Faurndau · 2016" in page
    assert not CityIndicatorValue.objects.filter(period__year=2016).exists()
    response = client.post(reverse("network:import_confirm", args=["indicator-values"]))
    assert response.status_code == 302 and response["Location"] == reverse("indicators:overview")
    assert values_of(indicator, world["district"])["2017"] == Decimal("6")
    assert CityIndicatorValue.objects.filter(indicator=indicator, period__year=2016).count() == 2


def test_the_upload_page_says_when_a_wide_file_has_no_indicator(client, world, sachbearbeitung):
    client.force_login(sachbearbeitung)

    response = upload(client, [["Stadtteil", "2016"], ["Faurndau", "5,5"]])

    assert response.status_code == 200
    assert "keine Spalte „Indikator“" in response.content.decode()
    assert not CityIndicatorValue.objects.filter(period__year=2016).exists()


def test_lesezugriff_may_not_import_values(client, world, lesezugriff):
    client.force_login(lesezugriff)

    response = upload(client, [LONG, ["A2", "Faurndau", "2016", "", "", "1", ""]])

    assert response.status_code == 403
    assert not CityIndicatorValue.objects.filter(period__year=2016).exists()


def test_the_template_has_the_columns_of_the_export(client, world, sachbearbeitung):
    client.force_login(sachbearbeitung)

    response = client.get(reverse("network:import_template", args=["indicator-values", "csv"]))

    headings = response.content.decode("utf-8-sig").splitlines()[0].split(";")
    assert headings[:5] == ["Indikator-Code", "Indikator", "Gebietsschlüssel", "Gebiet", "Zeitraum"]
    assert headings[5:] == ["Aufschlüsselung", "Gruppe", "Wert", "Einheit", "Quelle", "Anmerkung"]


def test_the_chosen_indicator_reaches_a_large_file_checked_by_the_worker(world):
    choices = ImportChoices(sheet=None, options={"indicator": str(world["city_indicator"].pk)})

    assert ImportChoices.from_json(choices.as_json()) == choices
    # A job stored before the options existed still reads.
    assert ImportChoices.from_json({"sheet": None, "ignored_confirmed": False, "links": {}})
