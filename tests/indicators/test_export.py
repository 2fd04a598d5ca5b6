"""The export of the monitoring's values in long format (docs/indicator-data.md), read back with
the csv module and python-calamine, filtered by indicator and area, and imported again."""

import csv
import datetime
import io
from decimal import Decimal
from email.message import EmailMessage

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from python_calamine import CalamineWorkbook

from core.imports.runner import run_import
from measures.indicators.imports import IndicatorValueResource
from measures.models import CityIndicatorValue
from tests.indicators.world import indicator_world, values

pytestmark = pytest.mark.django_db

HEADERS = [
    "Indikator-Code",
    "Indikator",
    "Gebietsschlüssel",
    "Gebiet",
    "Zeitraum",
    "Aufschlüsselung",
    "Gruppe",
    "Wert",
    "Einheit",
    "Quelle",
    "Anmerkung",
]


@pytest.fixture(autouse=True)
def german():
    with translation.override("de"):
        yield


@pytest.fixture
def world():
    found = indicator_world()
    # A reporting date, a negative-free decimal and a note, besides the world's years.
    CityIndicatorValue.objects.create(
        indicator=found["city_indicator"],
        area=found["city_area"],
        period=datetime.date(2026, 6, 30),
        period_kind="date",
        value=Decimal("1234.5"),
        note="vorläufig",
    )
    return found


def export(client, user, **params):
    client.force_login(user)
    return client.get(reverse("indicators:export"), params)


def csv_rows(response):
    content = response.content
    assert content.startswith("\ufeff".encode())
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))


def test_the_csv_has_one_row_per_value_with_german_headings_and_numbers(client, world, lesezugriff):
    response = export(client, lesezugriff)

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = csv_rows(response)
    assert rows[0] == HEADERS
    assert len(rows) - 1 == CityIndicatorValue.objects.count() == 12 + 12 + 1
    indicator = world["city_indicator"]
    first = dict(zip(HEADERS, rows[1], strict=True))
    assert first == {
        "Indikator-Code": "A2",
        "Indikator": indicator.title,
        "Gebietsschlüssel": "08117019",
        "Gebiet": "Göppingen",
        "Zeitraum": "2023",
        "Aufschlüsselung": "total",
        "Gruppe": "",
        "Wert": "10",
        "Einheit": "%",
        "Quelle": "Testdaten",
        "Anmerkung": "",
    }
    by_row = {(row[0], row[3], row[4], row[6]): row for row in rows[1:]}
    assert by_row[("A2", "Göppingen", "2026-06-30", "")][7] == "1234,5"
    assert by_row[("A2", "Faurndau", "2024", "")][7] == "11,5"
    migration = by_row[("S1", "Jebenhausen", "2025", "mit")]
    assert migration[5] == "migration" and migration[7] == "800" and migration[8] == "Personen"


def test_the_file_is_named_for_the_monitoring_and_the_day(client, world, lesezugriff):
    response = export(client, lesezugriff)

    message = EmailMessage()
    message["Content-Disposition"] = response["Content-Disposition"]
    stamp = timezone.localdate().isoformat()
    assert message.get_filename() == f"integrationsmonitoring-{stamp}.csv"


def test_the_workbook_has_real_numbers_read_by_calamine(client, world, lesezugriff):
    response = export(client, lesezugriff, format="xlsx")

    assert response.status_code == 200
    sheet = CalamineWorkbook.from_filelike(io.BytesIO(response.content)).get_sheet_by_index(0)
    rows = sheet.to_python()
    assert rows[0] == HEADERS
    by_row = {(row[0], row[3], str(row[4]), row[6]): row for row in rows[1:]}
    assert by_row[("A2", "Faurndau", "2024", "")][7] == pytest.approx(11.5)
    assert isinstance(by_row[("A2", "Göppingen", "2026-06-30", "")][7], float)
    assert by_row[("A2", "Göppingen", "2026-06-30", "")][7] == pytest.approx(1234.5)
    assert by_row[("S1", "Faurndau", "2024", "ohne")][7] == pytest.approx(1000)


def test_the_export_is_filtered_by_indicators_and_area(client, world, lesezugriff):
    indicator, population = world["city_indicator"], world["population_indicator"]
    faurndau = world["district"]

    only_a2 = csv_rows(export(client, lesezugriff, indicator=indicator.pk))
    both = csv_rows(export(client, lesezugriff, indicator=[indicator.pk, population.pk]))
    in_faurndau = csv_rows(export(client, lesezugriff, indicator=indicator.pk, area=faurndau.pk))

    assert {row[0] for row in only_a2[1:]} == {"A2"} and len(only_a2) - 1 == 13
    assert len(both) - 1 == 25
    assert {(row[0], row[3]) for row in in_faurndau[1:]} == {("A2", "Faurndau")}
    assert [row[4] for row in in_faurndau[1:]] == ["2023", "2024", "2025"]


def test_an_unknown_indicator_or_format_is_refused(client, world, lesezugriff):
    assert export(client, lesezugriff, indicator=999999).status_code == 400
    assert export(client, lesezugriff, format="pdf").status_code == 404


def test_a_user_without_a_role_may_not_export(client, world, django_user_model):
    user = django_user_model.objects.create_user("ohnerolle", password="x")

    assert export(client, user).status_code == 403


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_an_export_imports_again_as_the_same_values(client, world, sachbearbeitung, file_format):
    before = sorted(
        CityIndicatorValue.objects.values_list(
            "indicator__code",
            "area__code",
            "period",
            "period_kind",
            "breakdown",
            "group",
            "value",
            "note",
            "source_reference",
        )
    )
    exported = export(client, sachbearbeitung, format=file_format).content

    unchanged = run_import(IndicatorValueResource, exported, sachbearbeitung, dry_run=True)
    assert unchanged.ok, unchanged.errors
    assert unchanged.counts == {"new": 0, "changed": 0, "unchanged": len(before)}
    CityIndicatorValue.objects.all().delete()
    report = run_import(IndicatorValueResource, exported, sachbearbeitung, dry_run=False)

    assert report.saved, report.errors
    after = sorted(
        CityIndicatorValue.objects.values_list(
            "indicator__code",
            "area__code",
            "period",
            "period_kind",
            "breakdown",
            "group",
            "value",
            "note",
            "source_reference",
        )
    )
    assert after == before


def test_the_export_reads_the_values_in_one_query_however_many_there_are(
    client, world, lesezugriff
):
    client.force_login(lesezugriff)
    url = reverse("indicators:export")
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    values(world["city_indicator"], world["city_area"], world["districts"], years=range(2000, 2020))
    with CaptureQueriesContext(connection) as many:
        rows = csv_rows(client.get(url))

    assert len(rows) - 1 == 25 + 20 * 4
    assert len(many) == len(few)
    selects = [q["sql"] for q in many if "measures_cityindicatorvalue" in q["sql"]]
    assert len(selects) == 1  # values with their indicator and area, joined
