"""The measure sheet is one page, however much a measure says, and stays accessible."""

import datetime
import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from measures.models import Indicator, IndicatorValue, Measure, StatusReport
from network.models import Actor
from tests.pdf_checks import assert_accessible

SHORTENED = "Mit „…“ endende Texte sind gekürzt"


def words(count, word="Sprachförderung"):
    return " ".join(f"{word}{number}" for number in range(count))


def sheet(client, measure):
    response = client.get(reverse("measures:sheet", args=[measure.pk]))
    assert response.status_code == 200
    reader = PdfReader(io.BytesIO(response.content))
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    return response.content, reader, text


@pytest.fixture
def reader_client(client, lesezugriff):
    client.force_login(lesezugriff)
    return client


def add_indicator(measure, number, values):
    indicator = Indicator.objects.create(
        measure=measure,
        title=f"Kennzahl {number} mit einem ausführlichen Titel über Teilnehmende",
        unit="Personen",
        baseline=12,
        target=1500,
    )
    for month in range(values):
        IndicatorValue.objects.create(
            indicator=indicator,
            date=datetime.date(2020 + month // 12, month % 12 + 1, 28),
            value=100 * month + 12.5,
        )


def test_a_measure_with_demo_like_texts_fits_one_page_unshortened(
    reader_client, measure, status_report
):
    measure.goal = "Mütter erwerben Grundkenntnisse in Deutsch und finden den Weg in Kurse. " * 2
    measure.description = "Niedrigschwelliger Deutschkurs für Mütter in Kitas und Schulen. " * 4
    measure.target_groups = "Mütter mit Migrationsgeschichte, besonders mit kleinen Kindern"
    measure.save()
    add_indicator(measure, 1, 5)
    content, reader, text = sheet(reader_client, measure)
    assert len(reader.pages) == 1
    assert SHORTENED not in text
    assert measure.description.strip() in text
    assert_accessible(content, "Maßnahmenblatt 1.1 Mama lernt Deutsch")


def test_the_longest_measure_still_fits_one_page_with_its_texts_shortened(
    reader_client, plan, action_field, actor, koordination
):
    measure = Measure.objects.create(
        plan=plan,
        action_field=action_field,
        code="1.99",
        title=words(20, "Integrationsmaßnahme")[:300],
        lead_actor=actor,
        goal=words(150),
        description="\n\n".join(words(120) for _paragraph in range(4)),
        target_groups=words(40, "Zielgruppe")[:300],
        status=Measure.Status.DELAYED,
        progress=35,
        start=datetime.date(2020, 1, 1),
        end=datetime.date(2035, 12, 31),
        responsible=koordination,
    )
    for number in range(12):
        measure.partner_actors.add(
            Actor.objects.create(name=f"Partnerorganisation Nummer {number} e. V.", kind="other")
        )
    StatusReport.objects.create(
        measure=measure,
        reporting_date=datetime.date(2026, 10, 1),
        status=Measure.Status.DELAYED,
        progress=35,
        text="\n\n".join(words(100, "Bericht") for _paragraph in range(5)),
        next_steps=words(120, "Schritt"),
        obstacles=words(120, "Hindernis"),
        author=koordination,
        review_state=StatusReport.ReviewState.ACCEPTED,
    )
    for number in range(4):
        add_indicator(measure, number, 12)
    content, reader, text = sheet(reader_client, measure)
    assert len(reader.pages) == 1
    assert SHORTENED in text
    assert "und 8 weitere" in text  # partners beyond the fourth
    assert "2 weitere Kennzahlen stehen im Monitoringbericht." in text
    assert "Hindernis0" in text and "Schritt0" in text
    assert_accessible(content, f"Maßnahmenblatt 1.99 {measure.title}")
