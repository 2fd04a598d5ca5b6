"""The monitoring report and the measure sheet: content read back from the PDF's text."""

import datetime
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from measures.models import (
    ActionField,
    Indicator,
    IndicatorValue,
    Measure,
    MonitoringRound,
    StatusReport,
)
from measures.reports.data import monitoring_report_data
from tests.factories import add_measures
from tests.monitoring.builders import make_request, make_round, submit


def pdf_text(content):
    reader = PdfReader(io.BytesIO(content))
    # Lines break wherever the layout wants; compare the words only.
    return reader, " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def fetch(client, **params):
    response = client.get(reverse("reports:monitoring_pdf"), params)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    return pdf_text(response.content)


@pytest.fixture
def reader_client(client, lesezugriff):
    client.force_login(lesezugriff)
    return client


@pytest.fixture
def catalogue(plan, action_field, measure, status_report):
    """Two action fields, a non-public measure with a named reporter, indicators."""
    second = ActionField.objects.create(plan=plan, code="2", title="Bildung", order=2)
    measures = add_measures(plan, second, 3, status=Measure.Status.IN_PROGRESS, progress=30)
    hidden = Measure.objects.create(
        plan=plan,
        action_field=second,
        code="2.9",
        title="Interne Vorbereitung Ausländerbehörde",
        is_public=False,
        status=Measure.Status.PLANNED,
    )
    StatusReport.objects.filter(measure=measures[0]).update(author_name="Derya Kaya")
    indicator = Indicator.objects.create(
        measure=measure, title="Teilnehmerinnen", unit="Personen", baseline=18, target=60
    )
    for year, value in ((2024, 31), (2025, 38), (2026, 46)):
        IndicatorValue.objects.create(
            indicator=indicator, date=datetime.date(year, 6, 30), value=value
        )
    return {"measures": [measure, *measures], "hidden": hidden}


def test_the_internal_edition_names_every_measure(reader_client, catalogue):
    reader, text = fetch(reader_client)
    for measure in [*catalogue["measures"], catalogue["hidden"]]:
        assert f"{measure.code} {measure.title}" in text
    assert "Derya Kaya" in text
    assert "Zwei Kurse laufen." in text
    # Cover, contents, summary, changes, one page or more per action field: plausible length.
    assert 5 <= len(reader.pages) <= 20
    assert reader.metadata.title == "Monitoringbericht – Aktueller Stand"
    assert reader.trailer["/Root"]["/Lang"] == "de"


def test_the_cover_has_letterhead_date_and_the_contents_have_page_numbers(reader_client, catalogue):
    reader, _text = fetch(reader_client)
    cover = reader.pages[0].extract_text()
    assert "Stadt Göppingen" in cover
    assert f"Stand: {timezone.localdate():%d.%m.%Y}" in cover
    assert f"Seite 1 von {len(reader.pages)}" in cover
    contents = reader.pages[1].extract_text()
    assert "Inhalt" in contents
    assert "Handlungsfeld 2: Bildung" in contents
    assert "Zusammenfassung" in reader.pages[2].extract_text()


def test_the_public_edition_leaves_out_internal_measures_and_names(reader_client, catalogue):
    _reader, text = fetch(reader_client, edition="public")
    assert "öffentliche Ausgabe" in text
    assert catalogue["hidden"].title not in text
    assert "2.9" not in text
    assert "Derya Kaya" not in text
    assert "berichtet von" not in text
    for measure in catalogue["measures"]:
        assert measure.title in text


def test_summary_counts_statuses_and_the_round_s_response_rate(
    reader_client, plan, catalogue, contact
):
    monitoring_round = make_round(plan)
    answered, _token = make_request(monitoring_round, catalogue["measures"][0], contact)
    submit(answered)
    make_request(monitoring_round, catalogue["measures"][1])
    _reader, text = fetch(reader_client, round=monitoring_round.pk)
    assert "50 %" in text
    assert "Rücklaufquote (1 von 2 Anfragen beantwortet)" in text
    assert "Monitoringbericht" in text
    # Open requests are listed for the office in the internal edition only.
    assert "Offene Anfragen und Rückfragen" in text
    _reader, public = fetch(reader_client, round=monitoring_round.pk, edition="public")
    assert "Offene Anfragen und Rückfragen" not in public


def test_changes_since_the_previous_closed_round(reader_client, plan, measure, status_report):
    earlier = make_round(
        plan,
        state=MonitoringRound.State.CLOSED,
        title="Monitoring Frühjahr 2026",
        reporting_date=datetime.date(2026, 3, 26),
        due_date=datetime.date(2026, 4, 17),
    )
    StatusReport.objects.create(
        measure=measure,
        reporting_date=datetime.date(2026, 3, 20),
        status=Measure.Status.PLANNED,
        progress=10,
        text="Vorbereitung",
        review_state=StatusReport.ReviewState.ACCEPTED,
    )
    _reader, text = fetch(reader_client)
    assert f"seit der Monitoring-Abfrage „{earlier.title}“" in text
    assert "geplant, 10 %" in text
    assert "in Umsetzung, 40 %" in text


def test_an_unknown_or_draft_round_and_an_unknown_edition_are_404(reader_client, plan):
    draft = make_round(plan, state=MonitoringRound.State.DRAFT)
    url = reverse("reports:monitoring_pdf")
    assert reader_client.get(url, {"round": draft.pk}).status_code == 404
    assert reader_client.get(url, {"round": "99999"}).status_code == 404
    assert reader_client.get(url, {"round": "abc"}).status_code == 404
    assert reader_client.get(url, {"edition": "secret"}).status_code == 404


def test_gathering_the_data_takes_the_same_queries_at_scale_1_and_3(plan, action_field, contact):
    def scale(factor, start):
        measures = add_measures(plan, action_field, 4 * factor, start=start)
        for measure in measures:
            indicator = Indicator.objects.create(measure=measure, title="Kennzahl", target=10)
            IndicatorValue.objects.create(indicator=indicator, date="2025-12-31", value=3)
            IndicatorValue.objects.create(indicator=indicator, date="2026-06-30", value=5)
        return measures

    previous = make_round(
        plan,
        state=MonitoringRound.State.CLOSED,
        reporting_date=datetime.date(2026, 3, 1),
        due_date=datetime.date(2026, 3, 20),
    )
    current = make_round(plan)
    for measure in scale(1, 0):
        make_request(current, measure, contact)
    with CaptureQueriesContext(connection) as small:
        data = monitoring_report_data(current)
    assert data["measure_count"] == 4 and data["previous"] == previous

    for measure in scale(3, 100):
        make_request(current, measure, contact)
    with CaptureQueriesContext(connection) as large:
        data = monitoring_report_data(current)
    assert data["measure_count"] == 16
    assert len(small) == len(large) <= 12


def test_the_measure_sheet_is_one_page_with_the_latest_report(reader_client, catalogue):
    measure = catalogue["measures"][0]
    response = reader_client.get(reverse("measures:sheet", args=[measure.pk]))
    reader, text = pdf_text(response.content)
    assert len(reader.pages) == 1
    assert "1.1 Mama lernt Deutsch" in text
    assert "Zwei Kurse laufen." in text
    assert "Teilnehmerinnen (Personen)" in text
    assert "Volkshochschule Göppingen" in text


def test_the_internal_edition_has_projects_and_funding_the_public_one_not(
    reader_client, catalogue, action_field
):
    from decimal import Decimal

    from measures.models import FundingApplication, FundingProgramme, Project

    project = Project.objects.create(
        title="Sprachcafé Nordstadt",
        status=Project.Status.RUNNING,
        start=datetime.date(2026, 1, 1),
        end=datetime.date(2027, 6, 30),
    )
    project.action_fields.add(action_field)
    FundingApplication.objects.create(
        project=project,
        programme=FundingProgramme.objects.create(
            name="AMIF-Lokalfonds", funder="Europäische Union"
        ),
        amount_applied=Decimal("12345.6"),
        amount_granted=Decimal("10000"),
    )
    _reader, internal = fetch(reader_client)
    assert "Projekte und Förderung" in internal
    assert "Sprachcafé Nordstadt laufend 01.01.2026 – 30.06.2027" in internal
    assert "AMIF-Lokalfonds Europäische Union 1 12.345,60 € 10.000,00 €" in internal
    _reader, public = fetch(reader_client, edition="public")
    assert "Projekte und Förderung" not in public
    assert "Sprachcafé Nordstadt" not in public
    assert "AMIF-Lokalfonds" not in public
