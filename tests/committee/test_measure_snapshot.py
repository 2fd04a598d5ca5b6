"""Finalised minutes name the measures as they were called at the meeting, not as today."""

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

pytestmark = pytest.mark.django_db


def minutes_text(client, meeting):
    response = client.get(reverse("committee:minutes_pdf", args=[meeting.pk, "internal"]))
    pages = PdfReader(io.BytesIO(response.content)).pages
    return " ".join(" ".join(page.extract_text().split()) for page in pages)


def rename(measure):
    measure.code, measure.title = "4.7", "Sprachkurse für Eltern"
    measure.save()


def test_finalising_keeps_the_measures_as_they_were_called(finalised_meeting, measure):
    item = finalised_meeting.agenda_items.get(number="1")
    assert item.measure_snapshot == [
        {"pk": measure.pk, "code": "1.1", "title": "Mama lernt Deutsch"}
    ]
    assert finalised_meeting.agenda_items.get(number="1.1").measure_snapshot == []


def test_finalised_minutes_show_the_measure_titles_of_the_meeting(
    client, lesezugriff, finalised_meeting, measure
):
    rename(measure)
    client.force_login(lesezugriff)
    text = minutes_text(client, finalised_meeting)
    assert "1.1 Mama lernt Deutsch" in text
    assert "Sprachkurse für Eltern" not in text
    page = client.get(finalised_meeting.get_absolute_url()).content.decode()
    assert "1.1 Mama lernt Deutsch" in page
    assert "Sprachkurse für Eltern" not in page
    assert measure.get_absolute_url() in page  # still leads to the measure


def test_draft_minutes_show_the_measures_as_they_are_called_today(
    client, lesezugriff, attended, measure
):
    rename(measure)
    client.force_login(lesezugriff)
    assert "4.7 Sprachkurse für Eltern" in minutes_text(client, attended)
