"""The comparison annex and the Beschlussvorlage as PDF: content, PDF/UA, fixed queries."""

import datetime
import io
import itertools

import pytest
from django.urls import reverse
from django.utils import translation
from pypdf import PdfReader

from measures.fortschreibung.compare import compare
from measures.fortschreibung.compare_files import (
    beschlussvorlage_data,
    comparison_pdf_data,
    period,
)
from measures.models import Measure
from tests.pdf_checks import assert_accessible
from tests.plans.compare_builders import lineage, more_continued

BESCHLUSSVORLAGE = "Beschlussvorlage: Fortschreibung des Integrationsplans"
HEADINGS = {"/H1", "/H2", "/H3", "/H4"}


@pytest.fixture
def world(plan):
    world = lineage(plan)
    draft = world["draft"]
    draft.introduction = (
        "Der Gemeinderat hat 2019 den Integrationsplan beschlossen.\n\n"
        "Die Fortschreibung entstand in fünf Fachforen mit dem Netzwerk."
    )
    draft.save()
    language = draft.action_fields.get(code="1")
    language.guiding_goal = "Alle Göppingerinnen und Göppinger sprechen Deutsch."
    language.save()
    changed = world["new"]["changed"]
    changed.goal = "Frauen üben Deutsch im Alltag."
    changed.funding_source = "Land Baden-Württemberg"
    changed.save()
    return world


def text_of(content):
    """The text of every page, its line breaks (a table cell wraps) read as spaces."""
    reader = PdfReader(io.BytesIO(content))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def heading_levels(tree):
    """The levels of the headings in reading order; WeasyPrint tags a block inside a heading
    (the cover's subject line) as a heading of the same level within it, counted once."""
    return [
        int(str(element.S)[2:])
        for element in tree.elements
        if element.S in HEADINGS and element.P.get("/S") not in HEADINGS
    ]


def assert_headings_in_order(tree):
    levels = heading_levels(tree)
    assert levels[0] == 1 and levels.count(1) == 1
    for before, after in itertools.pairwise(levels):
        assert after <= before + 1, f"a heading level skipped: {levels}"


def test_the_beschlussvorlage_has_cover_introduction_measures_and_annex(client, lesezugriff, world):
    client.force_login(lesezugriff)
    response = client.get(reverse("plans:beschlussvorlage", args=[world["draft"].pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "beschlussvorlage-fortschreibung-2027.pdf" in response["Content-Disposition"]
    _pdf, tree = assert_accessible(response.content, BESCHLUSSVORLAGE)
    assert_headings_in_order(tree)
    text = text_of(response.content)
    for expected in (
        BESCHLUSSVORLAGE,
        "Stabsstelle Migration und Teilhabe",
        "Fortschreibung 2027",
        "Einleitung",
        "Die Fortschreibung entstand in fünf Fachforen",
        "Handlungsfeld 1: Sprache",
        "Alle Göppingerinnen und Göppinger sprechen Deutsch.",
        "1.2 Sprachcafé für Frauen",
        "Frauen üben Deutsch im Alltag.",
        "Volkshochschule Göppingen",
        "Caritas Fils-Neckar-Alb, Jobcenter Landkreis Göppingen",
        "01.09.2019 – 30.06.2029",
        "2.750,50 € (Land Baden-Württemberg)",
        "1.7 Sprach-App für Eltern",
        "Anlage: Vergleich mit dem bisherigen Plan",
        "in Regelbetrieb überführt",
    ):
        assert expected in text, expected


def test_the_introduction_keeps_its_paragraphs(world):
    data = beschlussvorlage_data(world["draft"])
    assert data["paragraphs"] == [
        "Der Gemeinderat hat 2019 den Integrationsplan beschlossen.",
        "Die Fortschreibung entstand in fünf Fachforen mit dem Netzwerk.",
    ]


def test_a_plan_without_predecessor_gets_a_beschlussvorlage_without_annex(
    client, lesezugriff, plan, measure
):
    client.force_login(lesezugriff)
    response = client.get(reverse("plans:beschlussvorlage", args=[plan.pk]))
    assert response.status_code == 200
    text = text_of(response.content)
    assert "1.1 Mama lernt Deutsch" in text
    assert "keinen Vorgänger" in text


def test_the_comparison_pdf_is_the_annex_on_its_own(client, lesezugriff, world):
    client.force_login(lesezugriff)
    response = client.get(reverse("plans:compare_pdf", args=[world["draft"].pk]))
    assert response.status_code == 200
    title = "Vergleich Fortschreibung 2027 mit Fortschreibung 2019"
    _pdf, tree = assert_accessible(response.content, title)
    assert_headings_in_order(tree)
    text = text_of(response.content)
    for expected in (
        "Vergleich der Planfassungen",
        "unverändert fortgeführt",
        "Handlungsfeld 3: Wohnen (nur im bisherigen Plan)",
        "bisher: 31.12.2026",
        "neu: 30.06.2029",
        "Aus 2 Maßnahmen zusammengeführt.",
        "Außerdem aufgeteilt in: 1.6 Kinderbetreuung",
    ):
        assert expected in text, expected


def test_an_unknown_plan_has_no_pdfs(client, lesezugriff, db):
    client.force_login(lesezugriff)
    assert client.get(reverse("plans:beschlussvorlage", args=[999999])).status_code == 404
    assert client.get(reverse("plans:compare_pdf", args=[999999])).status_code == 404


@pytest.mark.parametrize("extra", [3, 30])
def test_the_pdf_data_takes_a_fixed_number_of_queries(world, extra, django_assert_num_queries):
    more_continued(world["plan"], world["draft"], extra)
    draft = type(world["draft"]).objects.select_related("predecessor").get(pk=world["draft"].pk)
    with django_assert_num_queries(9):
        # the draft's measures and their partners, its action fields, and the comparison's six
        data = beschlussvorlage_data(draft)
    assert data["measure_count"] == 7 + extra
    with django_assert_num_queries(6):
        comparison_pdf_data(compare(draft, world["plan"]))


@pytest.mark.parametrize(
    ("start", "end", "continuous", "shown"),
    [
        (datetime.date(2019, 9, 1), datetime.date(2029, 6, 30), False, "01.09.2019 – 30.06.2029"),
        (datetime.date(2019, 9, 1), None, True, "01.09.2019 – dauerhaft"),
        (datetime.date(2019, 9, 1), None, False, "ab 01.09.2019"),
        (None, datetime.date(2029, 6, 30), False, "bis 30.06.2029"),
        (None, None, True, "dauerhaft"),
        (None, None, False, "–"),
    ],
)
def test_the_period_reads_as_german_text(start, end, continuous, shown):
    with translation.override("de"):
        assert period(Measure(start=start, end=end, is_continuous=continuous)) == shown
