"""Workflow 3: filter a list in the browser and export exactly what it shows, as XLSX and CSV."""

import csv
import io
from pathlib import Path

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from measures.models import ActionField, Measure
from network.models import Actor
from tests.e2e.conftest import audit, visit

IN_PROGRESS, DELAYED, PLANNED = (
    Measure.Status.IN_PROGRESS,
    Measure.Status.DELAYED,
    Measure.Status.PLANNED,
)


@pytest.fixture
def measures(plan, action_field, measure):
    """1.1 (the shared fixture), 1.2 and 1.5 pass the filter; each other one fails one part."""
    work = ActionField.objects.create(plan=plan, code="2", title="Arbeit", order=2)
    rows = [
        (action_field, "1.2", "Deutschkurs im Stadtteil", IN_PROGRESS, ""),
        (action_field, "1.5", "Treffpunkt für Eltern", DELAYED, "Deutsch im Alltag üben"),
        (action_field, "1.3", "Deutsch am Arbeitsplatz", PLANNED, ""),  # status
        (action_field, "1.4", "Vorlesepaten", IN_PROGRESS, "Lesen mit Kindern"),  # text
        (work, "2.1", "Deutsch für den Beruf", IN_PROGRESS, ""),  # action field
    ]
    for field, code, title, status, description in rows:
        Measure.objects.create(
            plan=plan,
            action_field=field,
            code=code,
            title=title,
            status=status,
            description=description,
        )
    measure.description = "Deutschkurse für Mütter mit Kinderbetreuung"
    measure.save()


@pytest.fixture
def actors(action_field):
    organisation = Actor.Kind.MIGRANT_ORGANISATION
    rows = [
        ("Verein Brücke der Kulturen e. V.", organisation, "tr,ku,de"),
        ("Türkischer Elternverein Göppingen", organisation, "tr,de"),
        ("Kurdischer Kulturverein Filstal", organisation, "ku"),  # language
        ("Türkisch-Deutscher Sportverein", Actor.Kind.VOLUNTEER, "tr,de"),  # kind
        ("Frauentreff Orient", organisation, "tr,ar"),  # text
    ]
    for name, kind, languages in rows:
        Actor.objects.create(name=name, kind=kind, languages=languages)


def download(page, link_name):
    """Click an export link and return the downloaded file's path and suggested name."""
    with page.expect_download() as info:
        page.get_by_role("link", name=link_name).click()
    return Path(info.value.path()), info.value.suggested_filename


def xlsx_rows(path):
    # The download has no file name extension, which openpyxl's path check would refuse.
    sheet = load_workbook(io.BytesIO(path.read_bytes()), read_only=True).active
    header, *rows = sheet.iter_rows(values_only=True)
    return [dict(zip(header, row, strict=True)) for row in rows]


def csv_rows(path):
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "German Excel needs the byte order mark"
    text = raw[3:].decode("utf-8")
    return list(csv.DictReader(text.splitlines(), delimiter=";"))


def exported(page, *columns):
    """`columns` of the list shown, from both exports, after checking both hold the same."""
    xlsx, xlsx_name = download(page, "Excel (XLSX)")
    csv_path, csv_name = download(page, "CSV")
    assert xlsx_name.endswith(".xlsx") and csv_name.endswith(".csv")
    from_xlsx = [tuple(row[column] for column in columns) for row in xlsx_rows(xlsx)]
    from_csv = [tuple(row[column] for column in columns) for row in csv_rows(csv_path)]
    assert from_xlsx == from_csv
    return from_xlsx


def shown_links(page, column):
    """The link texts in the result table's `column` (1-based) as the page shows them."""
    return page.locator(f"tbody tr td:nth-child({column})").get_by_role("link").all_inner_texts()


def test_the_measure_export_holds_exactly_the_filtered_measures(
    open_browser, sachbearbeitung, measures
):
    page = open_browser(sachbearbeitung)
    visit(page, reverse("measures:list"))
    assert page.get_by_role("heading", name="6 Maßnahmen").is_visible()

    filters = page.get_by_role("form", name="Filter")
    filters.get_by_label("Handlungsfeld").select_option(label="1 Sprache")
    filters.get_by_label("in Umsetzung").check()
    filters.get_by_label("verzögert").check()
    filters.get_by_label("Suche").fill("deutsch")
    filters.get_by_role("button", name="Filter anwenden").click()
    audit(page)

    assert page.get_by_role("heading", name="3 Maßnahmen").is_visible()
    titles = ["Mama lernt Deutsch", "Deutschkurs im Stadtteil", "Treffpunkt für Eltern"]
    assert shown_links(page, 2) == titles
    assert exported(page, "Nummer", "Titel") == list(
        zip(["1.1", "1.2", "1.5"], titles, strict=True)
    )


def test_the_actor_export_holds_exactly_the_filtered_actors(open_browser, lesezugriff, actors):
    page = open_browser(lesezugriff)
    visit(page, reverse("network:actor_list"))
    assert page.get_by_role("heading", name="5 Akteure").is_visible()

    filters = page.get_by_role("form", name="Filter")
    filters.get_by_label("Art").select_option(label="Migrantenorganisation")
    filters.get_by_label("Sprache").select_option(label="Türkisch")
    filters.get_by_label("Suche").fill("verein")
    filters.get_by_role("button", name="Filter anwenden").click()
    audit(page)

    names = ["Türkischer Elternverein Göppingen", "Verein Brücke der Kulturen e. V."]
    assert page.get_by_role("heading", name="2 Akteure").is_visible()
    assert shown_links(page, 1) == names
    assert exported(page, "Name", "Art") == [(name, "Migrantenorganisation") for name in names]
