"""The comparison of a draft with its predecessor: kinds, changes, the page and the workbook."""

import datetime
import io
import zipfile
from decimal import Decimal
from xml.etree import ElementTree

import pytest
from django.urls import reverse
from django.utils import translation
from openpyxl import load_workbook

from measures.fortschreibung.compare import Kind, compare
from measures.models import Plan
from tests.plans.compare_builders import lineage, make_draft, make_field, more_continued


@pytest.fixture
def world(plan):
    return lineage(plan)


@pytest.fixture
def german():
    with translation.override("de"):
        yield


def rows_by_code(comparison):
    return {(row.kind, row.code): row for row in comparison.rows}


def test_every_measure_gets_its_kind(world):
    comparison = compare(world["draft"], world["plan"])
    kinds = sorted((row.code, row.kind) for row in comparison.rows)
    assert kinds == [
        ("1.1", Kind.CONTINUED),
        ("1.2", Kind.CHANGED),
        ("1.3", Kind.MERGED),
        ("1.5", Kind.SPLIT),
        ("1.6", Kind.SPLIT),
        ("1.7", Kind.NEW),
        ("1.8", Kind.CHANGED),
        ("2.1", Kind.ENDED),
        ("2.2", Kind.ENDED),
        ("3.1", Kind.ENDED),
    ]
    assert comparison.count_of == {
        "new": 1,
        "changed": 2,
        "continued": 1,
        "merged": 1,
        "split": 2,
        "ended": 3,
    }


def test_a_changed_measure_lists_each_field_in_german(world, german):
    row = rows_by_code(compare(world["draft"], world["plan"]))[(Kind.CHANGED, "1.2")]
    changes = {change.label: (change.old, change.new) for change in row.changes}
    assert changes == {
        "Titel": ("Sprachcafé", "Sprachcafé für Frauen"),
        "Partner": (
            "Caritas Fils-Neckar-Alb",
            "Caritas Fils-Neckar-Alb, Jobcenter Landkreis Göppingen",
        ),
        "Ende": ("31.12.2026", "30.06.2029"),
        "Kostenschätzung (EUR)": ("1.500,00 €", "2.750,50 €"),
    }
    # The workbook gets the values themselves.
    typed = {change.field: (change.old_value, change.new_value) for change in row.changes}
    assert typed["end"] == (datetime.date(2026, 12, 31), datetime.date(2029, 6, 30))
    assert typed["cost_estimate"] == (Decimal("1500.00"), Decimal("2750.50"))


def test_a_measure_moved_to_another_field_is_changed_by_its_field(world, german):
    row = rows_by_code(compare(world["draft"], world["plan"]))[(Kind.CHANGED, "1.8")]
    assert [(change.label, change.old, change.new) for change in row.changes] == [
        ("Handlungsfeld", "2 Arbeit", "1 Sprache")
    ]


def test_merged_and_split_measures_name_their_lineage(world, german):
    rows = rows_by_code(compare(world["draft"], world["plan"]))
    merged = rows[(Kind.MERGED, "1.3")]
    assert [measure.code for measure in merged.previous] == ["1.3", "1.4"]
    split = rows[(Kind.SPLIT, "1.5")]
    assert [measure.code for measure in split.previous] == ["1.5"]
    assert split.siblings == [world["new"]["split_b"]]
    assert [change.label for change in split.changes] == ["Titel"]


def test_ended_measures_carry_their_reason(world, german):
    rows = rows_by_code(compare(world["draft"], world["plan"]))
    regular = rows[(Kind.ENDED, "2.1")]
    assert (regular.reason, regular.note) == (
        "in Regelbetrieb überführt",
        "Das Jobcenter führt die Börse weiter.",
    )
    assert rows[(Kind.ENDED, "2.2")].reason == "umgesetzt"  # derived from the status
    assert rows[(Kind.ENDED, "3.1")].reason == "ohne Angabe"


def test_ended_measures_stay_in_their_field_or_a_group_of_the_earlier_plan(world):
    comparison = compare(world["draft"], world["plan"])
    sections = [(section.label, section.earlier) for section in comparison.sections]
    assert sections == [("1 Sprache", False), ("2 Arbeit", False), ("3 Wohnen", True)]
    work = comparison.sections[1]
    assert [(row.kind, row.code) for row in work.rows] == [
        (Kind.ENDED, "2.1"),
        (Kind.ENDED, "2.2"),
    ]


def test_only_direct_predecessors_in_the_compared_plan_count(world):
    """Compared with an unrelated plan, every measure is new and none of it ended."""
    other = Plan.objects.create(title="Anderer Plan", version_label="2010")
    comparison = compare(world["draft"], other)
    assert {row.kind for row in comparison.rows} == {Kind.NEW}


def test_the_comparison_takes_a_fixed_number_of_queries(world, django_assert_num_queries):
    more_continued(world["plan"], world["draft"], 3)
    with django_assert_num_queries(6):
        # the draft's measures and their partners, the same for the earlier plan, the
        # lineage links, the draft's action fields
        compare(world["draft"], world["plan"])
    more_continued(world["plan"], world["draft"], 27)
    with django_assert_num_queries(6):
        compare(world["draft"], world["plan"])


def compare_url(plan, **query):
    url = reverse("plans:compare", args=[plan.pk])
    return f"{url}?{'&'.join(f'{key}={value}' for key, value in query.items())}" if query else url


def test_the_page_shows_counts_kinds_and_changes(client, lesezugriff, world):
    client.force_login(lesezugriff)
    response = client.get(compare_url(world["draft"]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Vergleich: Fortschreibung 2027" in html
    assert '<span class="figure">3</span> beendet' in html
    assert '<span class="figure">2</span> aufgeteilt' in html
    assert "<dt>Kostenschätzung (EUR)</dt>" in html
    assert "bisher: 1.500,00 €" in html and "neu: 2.750,50 €" in html
    assert "Grund: in Regelbetrieb überführt" in html
    changed = world["new"]["changed"]
    assert f'href="{reverse("measures:detail", args=[changed.pk])}"' in html
    assert reverse("plans:compare_xlsx", args=[world["draft"].pk]) in html


def test_the_page_compares_with_a_chosen_plan(client, lesezugriff, world):
    other = Plan.objects.create(title="Integrationsplan", version_label="Erstplan 2010")
    client.force_login(lesezugriff)
    response = client.get(compare_url(world["draft"], against=other.pk))
    assert response.status_code == 200
    assert response.context["comparison"].against == other
    assert response.context["comparison"].count_of["ended"] == 0
    # The downloads compare with the same plan.
    assert f"compare.xlsx?against={other.pk}" in response.content.decode()


@pytest.mark.parametrize("against", ["999999", "abc", "self"])
def test_an_unknown_plan_to_compare_with_is_not_found(client, lesezugriff, world, against):
    client.force_login(lesezugriff)
    value = world["draft"].pk if against == "self" else against
    assert client.get(compare_url(world["draft"], against=value)).status_code == 404


def test_a_plan_without_predecessor_says_there_is_nothing_to_compare(client, lesezugriff, plan):
    client.force_login(lesezugriff)
    response = client.get(compare_url(plan))
    assert response.status_code == 200
    assert "nichts zum Vergleichen" in response.content.decode()
    xlsx = client.get(reverse("plans:compare_xlsx", args=[plan.pk]))
    assert xlsx.status_code == 404


def test_the_page_takes_a_fixed_number_of_queries(
    client, lesezugriff, world, django_assert_num_queries
):
    client.force_login(lesezugriff)
    url = compare_url(world["draft"])
    client.get(url)  # the session and the permissions, once
    more_continued(world["plan"], world["draft"], 3)
    with django_assert_num_queries(PAGE_QUERIES):
        assert client.get(url).status_code == 200
    more_continued(world["plan"], world["draft"], 27)
    with django_assert_num_queries(PAGE_QUERIES):
        assert client.get(url).status_code == 200


# The session, the user, the user's own and group permissions, the plan with its predecessor,
# the other plans for the choice, and the comparison's six.
PAGE_QUERIES = 12


def read_xlsx(content):
    return load_workbook(io.BytesIO(content), read_only=True)


def test_the_workbook_has_a_row_per_change_with_typed_cells(client, lesezugriff, world):
    client.force_login(lesezugriff)
    response = client.get(reverse("plans:compare_xlsx", args=[world["draft"].pk]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert "vergleich-fortschreibung-2027.xlsx" in response["Content-Disposition"]
    workbook = read_xlsx(response.content)
    assert workbook.sheetnames == ["Vergleich", "Übersicht"]
    rows = list(workbook["Vergleich"].iter_rows(values_only=True))
    assert rows[0] == (
        "Handlungsfeld",
        "Art",
        "Maßnahme (neu)",
        "Maßnahme (bisher)",
        "Feld",
        "bisher",
        "neu",
        "Grund",
    )
    by_field = {(row[2], row[4]): row for row in rows[1:]}
    end = by_field[("1.2 Sprachcafé für Frauen", "Ende")]
    assert end[1] == "geändert"
    assert end[3] == "1.2 Sprachcafé"
    assert end[5:7] == (datetime.datetime(2026, 12, 31), datetime.datetime(2029, 6, 30))
    cost = by_field[("1.2 Sprachcafé für Frauen", "Kostenschätzung (EUR)")]
    assert cost[5:7] == (1500, 2750.5)
    merged = by_field[("1.3 Lesepaten", None)]
    assert merged[3] == "1.3 Lesepaten in Kitas; 1.4 Lesepaten in Schulen"
    ended = [row for row in rows[1:] if row[3] == "2.1 Jobbörse für Geflüchtete"]
    assert ended == [
        (
            "2 Arbeit",
            "beendet",
            None,
            "2.1 Jobbörse für Geflüchtete",
            None,
            None,
            None,
            "in Regelbetrieb überführt: Das Jobcenter führt die Börse weiter.",
        )
    ]
    counts = list(workbook["Übersicht"].iter_rows(values_only=True))
    assert ("beendet", 3) in counts and ("neu", 1) in counts


def test_the_workbooks_cells_are_stored_as_dates_numbers_and_text(client, lesezugriff, world):
    """Read with the standard library: the sheet names and the cell types in the XML itself."""
    client.force_login(lesezugriff)
    content = client.get(reverse("plans:compare_xlsx", args=[world["draft"].pk])).content
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        workbook_xml = ElementTree.fromstring(archive.read("xl/workbook.xml"))
        sheet_xml = ElementTree.fromstring(archive.read("xl/worksheets/sheet1.xml"))
        styles = archive.read("xl/styles.xml").decode()
    names = [sheet.get("name") for sheet in workbook_xml.iter() if sheet.tag.endswith("sheet")]
    assert names == ["Vergleich", "Übersicht"]
    cells = [cell for cell in sheet_xml.iter() if cell.tag.endswith("}c")]
    numbers = [cell for cell in cells if cell.get("t") in (None, "n") and len(cell)]
    # The two dates of "Ende" and the two amounts are numbers (dates by their format).
    assert len(numbers) == 4
    assert "DD.MM.YYYY" in styles and "€" in styles
    assert all(cell.get("t") != "str" for cell in cells)  # no formula results


def test_a_title_starting_with_equals_stays_text_in_the_workbook(client, lesezugriff, world):
    world["new"]["new"].title = "=HYPERLINK(1)"
    world["new"]["new"].save()
    client.force_login(lesezugriff)
    content = client.get(reverse("plans:compare_xlsx", args=[world["draft"].pk])).content
    workbook = load_workbook(io.BytesIO(content))
    values = [cell.value for row in workbook["Vergleich"].iter_rows() for cell in row]
    assert "1.7 =HYPERLINK(1)" in values


def test_an_empty_draft_compares_everything_as_ended(plan, action_field, measure, german):
    draft = make_draft(plan)
    make_field(draft, "1", "Sprache")
    comparison = compare(draft, plan)
    assert [(row.kind, row.code) for row in comparison.rows] == [(Kind.ENDED, "1.1")]
    assert comparison.rows[0].reason == "ohne Angabe"
