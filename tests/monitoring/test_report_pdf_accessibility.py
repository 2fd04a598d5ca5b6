"""The monitoring report as a screen reader and an archive read it: PDF/UA-1, PDF/A-3a.

The files are read back with pikepdf and `qpdf --check` (tests/pdf_checks.py), page text with
pypdf; WeasyPrint, which writes them, is not asked.
"""

import datetime
import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from measures.models import ActionField, Indicator, IndicatorValue, Measure, StatusReport
from measures.reports.archive import archive_report, monitoring_report_pdf
from tests.factories import add_measures
from tests.monitoring.builders import make_request, make_round
from tests.pdf_checks import (
    assert_accessible,
    destination_page,
    link_annotations,
    only_figures,
    page_owners,
    scope,
)


@pytest.fixture
def reader_client(client, lesezugriff):
    client.force_login(lesezugriff)
    return client


def add_indicator(measure, title, values, **fields):
    indicator = Indicator.objects.create(measure=measure, title=title, **fields)
    for date, value in values:
        IndicatorValue.objects.create(indicator=indicator, date=date, value=value)
    return indicator


@pytest.fixture
def catalogue(plan, action_field, measure, status_report):
    """Two action fields, five measures, two indicators with a chart each, an open round."""
    second = ActionField.objects.create(plan=plan, code="2", title="Bildung", order=2)
    others = add_measures(plan, second, 4, status=Measure.Status.DONE, progress=100)
    add_indicator(
        measure,
        "Teilnehmerinnen",
        [(datetime.date(year, 6, 30), value) for year, value in ((2024, 31), (2025, 38.5))],
        unit="Personen",
        baseline=18,
        target=60,
    )
    add_indicator(
        others[0],
        "Elternabende",
        [(datetime.date(2019 + year, 12, 31), 1200 * year + 0.5) for year in range(7)],
    )
    monitoring_round = make_round(plan)
    make_request(monitoring_round, measure)
    return others


def fetch(client, **params):
    response = client.get(reverse("reports:monitoring_pdf"), params)
    assert response.status_code == 200
    return response.content


@pytest.mark.parametrize(
    ("edition", "title"),
    [
        ("internal", "Monitoringbericht – Aktueller Stand"),
        ("public", "Monitoringbericht – Aktueller Stand (öffentliche Ausgabe)"),
    ],
)
def test_the_staff_download_passes_the_pdf_ua_checks(reader_client, catalogue, edition, title):
    assert_accessible(fetch(reader_client, edition=edition), title)


def test_every_chart_states_its_figures_in_its_alternative_text(reader_client, catalogue):
    _pdf, tree = assert_accessible(fetch(reader_client), "Monitoringbericht – Aktueller Stand")
    alts = [str(figure.Alt) for figure in tree.of_type("/Figure")]
    assert len(alts) == 4  # status, progress and one chart per indicator with two values
    assert alts[0] == (
        "Maßnahmen je Status in jedem Handlungsfeld. "
        "1 Sprache: 1 in Umsetzung, zusammen 1. 2 Bildung: 4 umgesetzt, zusammen 4."
    )
    assert alts[1] == (
        "Durchschnittlicher Fortschritt je Handlungsfeld: 1 Sprache 40 %; 2 Bildung 100 %."
    )
    assert (
        "Werte der Kennzahl „Teilnehmerinnen (Personen)“: 06/2024: 31; 06/2025: 38,5. "
        "Ausgangswert 18. Zielwert 60." in alts
    )
    elternabende = next(alt for alt in alts if "Elternabende" in alt)
    # Every value is stated, also those whose label the chart leaves out for want of room.
    assert elternabende.count(";") == 6 and "12/2025: 7.200,5" in elternabende


def test_header_cells_are_column_headers_in_the_head_and_row_headers_in_the_body(
    reader_client, catalogue
):
    _pdf, tree = assert_accessible(fetch(reader_client), "Monitoringbericht – Aktueller Stand")
    scopes = {"/THead": set(), "/TBody": set()}
    for header in tree.of_type("/TH"):
        section = header.P.P.get("/S")
        scopes[str(section)].add(scope(header))
    assert scopes == {"/THead": {"/Column"}, "/TBody": {"/Row"}}


def test_the_contents_links_say_where_they_lead(reader_client, catalogue):
    pdf, _tree = assert_accessible(fetch(reader_client), "Monitoringbericht – Aktueller Stand")
    links = link_annotations(pdf)
    assert links
    described = {str(link.Contents) for link in links}
    for link in links:
        assert str(link.Contents).endswith(f", Seite {destination_page(pdf, link)}")
    assert any(text.startswith("Handlungsfeld 2: Bildung, Seite ") for text in described)
    assert any(text.startswith("Zusammenfassung, Seite 3") for text in described)


def test_the_archived_report_is_pdf_a_3a_and_pdf_ua_1(reader_client, koordination, catalogue):
    archived = archive_report(koordination)
    with archived.file.open("rb") as handle:
        content = handle.read()
    assert_accessible(content, archived.title, archival=True)
    # The staff download stays PDF/UA only: the archive's identification is for the archive.
    download = fetch(reader_client)
    assert b"pdfaid:part" not in PdfReader(io.BytesIO(download)).xmp_metadata.stream.get_data()


def test_an_action_field_never_leaves_its_last_lines_or_a_chart_alone_on_a_page(
    plan, action_field, measure, status_report
):
    """The last measure of the field grows line by line; where the field first needs another
    page, the measure moves there whole instead of leaving its end or its chart alone."""
    last = add_measures(plan, action_field, 2, status=Measure.Status.IN_PROGRESS)[-1]
    add_indicator(
        last,
        "Kurse",
        [(datetime.date(2020 + year, 12, 31), 3 + year) for year in range(4)],
        target=10,
    )
    report = StatusReport.objects.filter(measure=last).latest("reporting_date")

    def render(lines):
        report.text = "\n\n".join(f"Absatz {number} des Berichts." for number in range(lines))
        report.save()
        return monitoring_report_pdf()[0]

    def pages(lines):
        return len(PdfReader(io.BytesIO(render(lines))).pages)

    shortest = pages(1)
    low, high = 1, 60
    assert pages(high) > shortest
    while high - low > 1:
        middle = (low + high) // 2
        low, high = (middle, high) if pages(middle) == shortest else (low, middle)
    for lines in (high, high + 1, high + 2):
        content = render(lines)
        reader = PdfReader(io.BytesIO(content))
        last_page = " ".join(reader.pages[-1].extract_text().split())
        assert f"{last.code} {last.title}" in last_page, f"{lines} lines: the entry was split"
        owners = page_owners(assert_accessible(content, "Monitoringbericht – Aktueller Stand")[0])
        assert not any(only_figures(elements) for elements in owners)
