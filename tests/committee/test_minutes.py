import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from committee import pdfs
from committee.models import Meeting
from committee.records import finalise_minutes
from committee.services import CommitteeError

pytestmark = pytest.mark.django_db


def text_of(content):
    reader = PdfReader(io.BytesIO(content))
    return reader, "\n".join(page.extract_text() for page in reader.pages)


def minutes(client, meeting, edition):
    return client.get(reverse("committee:minutes_pdf", args=[meeting.pk, edition]))


def test_the_internal_edition_has_attendance_minutes_resolutions_and_votes(
    client, lesezugriff, attended
):
    client.force_login(lesezugriff)
    response = minutes(client, attended, "internal")
    assert response["Content-Type"] == "application/pdf"
    reader, text = text_of(response.content)
    assert reader.metadata.title == "Niederschrift über die 5. Sitzung des IA"
    for expected in (
        "Anwesend",
        "Ulrike Bosch",
        "ab TOP 2",
        "Entschuldigt",
        "Sevgi Yılmaz",
        "Abwesend",
        "Otto Ohnemail",
        "Frau Dr. Gast (VHS)",
        "TOP 1: Bericht Mama lernt Deutsch",
        "Die VHS berichtet über zwei Kurse.",
        "Der Ausschuss empfiehlt die Ausweitung.",
        "9 Ja, 2 Nein, 1 Enthaltung",
        "Ergebnis: beschlossen",
        "Nichtöffentlicher Teil",
        "Geheime Zuschussanträge",
        "Zuschuss für Verein X bewilligt.",
        "Entwurf",
    ):
        assert expected in text, expected


def test_the_public_edition_leaves_out_every_non_public_item(client, lesezugriff, attended):
    client.force_login(lesezugriff)
    reader, text = text_of(minutes(client, attended, "public").content)
    assert "(öffentliche Ausgabe)" in reader.metadata.title
    assert "Bericht Mama lernt Deutsch" in text
    for secret in ("Geheime Zuschussanträge", "Verein X", "Nichtöffentlicher Teil", "ab TOP 2"):
        assert secret not in text


def test_no_minutes_for_a_meeting_not_yet_held(client, lesezugriff, meeting, items):
    client.force_login(lesezugriff)
    response = minutes(client, meeting, "internal")
    assert response.status_code == 302
    page = client.get(response.url).content.decode()
    assert "nur für eine durchgeführte Sitzung" in page


def test_no_public_edition_of_a_non_public_meeting(client, lesezugriff, held_meeting):
    held_meeting.is_public = False
    held_meeting.save()
    client.force_login(lesezugriff)
    assert minutes(client, held_meeting, "public").status_code == 302
    with pytest.raises(pdfs.NoPublicEdition):
        pdfs.minutes_context(held_meeting, pdfs.PUBLIC)


def test_an_unknown_edition_is_404(client, lesezugriff, held_meeting):
    client.force_login(lesezugriff)
    assert minutes(client, held_meeting, "secret").status_code == 404


def test_koordination_finalises_the_minutes(client, koordination, attended):
    client.force_login(koordination)
    response = client.post(reverse("committee:minutes_finalise", args=[attended.pk]))
    assert response.status_code == 302
    attended.refresh_from_db()
    assert attended.minutes_finalised_at is not None
    _reader, text = text_of(minutes(client, attended, "internal").content)
    assert "Entwurf" not in text
    assert "Abgeschlossen am" in text


def test_sachbearbeitung_cannot_finalise_minutes(client, sachbearbeitung, attended):
    client.force_login(sachbearbeitung)
    response = client.post(reverse("committee:minutes_finalise", args=[attended.pk]))
    assert response.status_code == 403
    attended.refresh_from_db()
    assert attended.minutes_finalised_at is None


def test_minutes_of_a_planned_meeting_cannot_be_finalised(meeting, koordination):
    with pytest.raises(CommitteeError):
        finalise_minutes(meeting, koordination)
    assert Meeting.objects.get(pk=meeting.pk).minutes_finalised_at is None
