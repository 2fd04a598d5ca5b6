"""Corrections (Berichtigungen) of finalised minutes: Koordination only, with a reason, recorded
(who, when, what, why), listed in an appendix and archived as a new revision."""

import io
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from committee.models import MinutesCorrection

pytestmark = pytest.mark.django_db
REASON = "Der Beschlusstext wurde im Protokoll falsch übernommen."


def text_of(content):
    pages = PdfReader(io.BytesIO(content)).pages
    return " ".join(" ".join(page.extract_text().split()) for page in pages)


def item_of(meeting, number):
    return meeting.agenda_items.get(number=number)


def correction_data(item, **changes):
    data = {
        "minutes": item.minutes,
        "resolution": item.resolution,
        "votes_yes": "" if item.votes_yes is None else item.votes_yes,
        "votes_no": "" if item.votes_no is None else item.votes_no,
        "votes_abstain": "" if item.votes_abstain is None else item.votes_abstain,
        "result": item.result,
        "reason": REASON,
        **changes,
    }
    if item.unanimous:
        data["unanimous"] = "on"
    return data


def correct(client, item, **changes):
    return client.post(
        reverse("committee:item_correct", args=[item.pk]), correction_data(item, **changes)
    )


@pytest.fixture
def coordinator(client, koordination, finalised_meeting):
    koordination.first_name, koordination.last_name = "Aylin", "Demir"
    koordination.save()
    client.force_login(koordination)
    return koordination


def test_koordination_corrects_a_resolution_stating_the_reason(
    client, coordinator, finalised_meeting
):
    item = item_of(finalised_meeting, "1.1")
    first = {entry.edition: entry for entry in finalised_meeting.archived_minutes.all()}
    first_bytes = {edition: Path(entry.file.path).read_bytes() for edition, entry in first.items()}
    page = client.get(reverse("committee:item_correct", args=[item.pk])).content.decode()
    assert "Der Ausschuss empfiehlt die Ausweitung." in page  # the form starts from the record
    response = correct(client, item, resolution="Der Ausschuss beschließt die Ausweitung.")
    assert response["Location"] == finalised_meeting.get_absolute_url()
    item.refresh_from_db()
    assert item.resolution == "Der Ausschuss beschließt die Ausweitung."
    correction = MinutesCorrection.objects.get()
    assert (correction.meeting, correction.agenda_item, correction.field) == (
        finalised_meeting,
        item,
        "resolution",
    )
    assert correction.old_value == "Der Ausschuss empfiehlt die Ausweitung."
    assert correction.new_value == "Der Ausschuss beschließt die Ausweitung."
    assert (correction.reason, correction.created_by) == (REASON, coordinator)
    assert correction.created_by_name == "Aylin Demir"
    # A new revision of both editions; the first one stays as it was.
    revisions = finalised_meeting.archived_minutes.order_by("revision", "edition")
    assert list(revisions.values_list("revision", "edition")) == [
        (1, "internal"),
        (1, "public"),
        (2, "internal"),
        (2, "public"),
    ]
    for edition, entry in first.items():
        entry.refresh_from_db()
        assert Path(entry.file.path).read_bytes() == first_bytes[edition]
        assert entry.read_verified() == first_bytes[edition]
    second = revisions.get(revision=2, edition="internal")
    assert second.file.name != first["internal"].file.name
    assert "Der Ausschuss beschließt die Ausweitung." in text_of(second.read_verified())
    page = client.get(finalised_meeting.get_absolute_url()).content.decode()
    assert "Fassung 2, interne Ausgabe (PDF)" in page
    assert REASON in page


def test_the_minutes_list_the_corrections_in_an_appendix(client, coordinator, finalised_meeting):
    item = item_of(finalised_meeting, "1.1")
    correct(client, item, resolution="Der Ausschuss beschließt die Ausweitung.")
    today = timezone.localdate().strftime("%d.%m.%Y")
    for edition in ("internal", "public"):
        url = reverse("committee:minutes_pdf", args=[finalised_meeting.pk, edition])
        text = text_of(client.get(url).content)
        assert "Anhang: Berichtigungen" in text
        for expected in (today, "Aylin Demir", "TOP 1.1, Beschluss", REASON):
            assert expected in text, (edition, expected)
    first = finalised_meeting.archived_minutes.get(revision=1, edition="internal")
    assert "Berichtigungen" not in text_of(first.read_verified())
    second = finalised_meeting.archived_minutes.get(revision=2, edition="internal")
    assert REASON in text_of(second.read_verified())


def test_the_public_edition_leaves_out_corrections_of_non_public_items(
    client, coordinator, finalised_meeting
):
    secret = item_of(finalised_meeting, "2")
    correct(client, secret, resolution="Zuschuss für Verein X abgelehnt.", reason="Zahlendreher.")
    public = text_of(
        client.get(reverse("committee:minutes_pdf", args=[finalised_meeting.pk, "public"])).content
    )
    internal = text_of(
        client.get(
            reverse("committee:minutes_pdf", args=[finalised_meeting.pk, "internal"])
        ).content
    )
    assert "Zahlendreher." in internal
    assert "Zahlendreher." not in public
    assert "Verein X" not in public


def test_each_corrected_vote_count_is_recorded(client, coordinator, finalised_meeting):
    item = item_of(finalised_meeting, "1.1")
    correct(client, item, votes_yes="1", votes_no="0", votes_abstain="1", reason="Falsch gezählt.")
    corrections = MinutesCorrection.objects.order_by("field")
    assert [(c.field, c.old_value, c.new_value) for c in corrections] == [
        ("votes_abstain", "0", "1"),
        ("votes_yes", "2", "1"),
    ]
    item.refresh_from_db()
    assert item.vote_text == "1 Ja, 0 Nein, 1 Enthaltung"


def test_a_correction_needs_a_reason(client, coordinator, finalised_meeting):
    item = item_of(finalised_meeting, "1.1")
    response = correct(client, item, resolution="Anders.", reason="  ")
    assert response.status_code == 200
    assert "Bitte geben Sie den Grund für die Berichtigung an." in response.content.decode()
    item.refresh_from_db()
    assert item.resolution == "Der Ausschuss empfiehlt die Ausweitung."
    assert not MinutesCorrection.objects.exists()
    assert finalised_meeting.archived_minutes.count() == 2


def test_corrected_votes_must_fit_the_members_present(client, coordinator, finalised_meeting):
    item = item_of(finalised_meeting, "1.1")
    response = correct(client, item, votes_yes="3", votes_no="0", votes_abstain="0")
    assert response.status_code == 200
    assert "laut Anwesenheit waren aber nur 2 Mitglieder anwesend" in response.content.decode()
    assert not MinutesCorrection.objects.exists()


def test_a_correction_that_changes_nothing_is_refused(client, coordinator, finalised_meeting):
    item = item_of(finalised_meeting, "1")
    response = correct(client, item)
    assert response.status_code == 200
    assert "Es wurde nichts geändert" in response.content.decode()
    assert not MinutesCorrection.objects.exists()
    assert finalised_meeting.archived_minutes.count() == 2


@pytest.mark.parametrize("role", ["sachbearbeitung", "lesezugriff"])
def test_only_koordination_corrects_minutes(request, client, finalised_meeting, role):
    client.force_login(request.getfixturevalue(role))
    item = item_of(finalised_meeting, "1.1")
    url = reverse("committee:item_correct", args=[item.pk])
    assert client.get(url).status_code == 403
    assert correct(client, item, resolution="Anders.").status_code == 403
    item.refresh_from_db()
    assert item.resolution == "Der Ausschuss empfiehlt die Ausweitung."


def test_draft_minutes_are_edited_not_corrected(client, koordination, attended):
    item = item_of(attended, "1.1")
    client.force_login(koordination)
    response = client.get(reverse("committee:item_correct", args=[item.pk]))
    assert response["Location"] == reverse("committee:item_edit", args=[item.pk])
    assert correct(client, item, resolution="Anders.").status_code == 302
    assert not MinutesCorrection.objects.exists()


def test_koordination_finds_the_correction_on_the_meeting_page(
    client, coordinator, finalised_meeting
):
    page = client.get(finalised_meeting.get_absolute_url()).content.decode()
    item = item_of(finalised_meeting, "1.1")
    assert reverse("committee:item_correct", args=[item.pk]) in page
