"""Finalised minutes are the official record: the meeting, its items, votes, attendance and
documents can no longer be changed; follow-ups can still be added."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from committee import services
from committee.models import AgendaItem, Attendance, Document, FollowUp, Meeting
from committee.services import CommitteeError

pytestmark = pytest.mark.django_db
REFUSAL = "Die Niederschrift dieser Sitzung ist abgeschlossen"


@pytest.fixture
def document(finalised_meeting):
    item = finalised_meeting.agenda_items.get(number="1")
    document = Document(
        agenda_item=item,
        title="Vorlage",
        file_name="vorlage.pdf",
        mime_type="application/pdf",
        size=10,
        sha1="0" * 40,
    )
    document.file.save("vorlage.pdf", ContentFile(b"%PDF-1.4 x"))
    return document


def snapshot(meeting):
    """Everything of the meeting that the minutes record."""
    meeting = Meeting.objects.get(pk=meeting.pk)
    items = AgendaItem.objects.filter(meeting=meeting).order_by("pk")
    return (
        (meeting.state, meeting.room, meeting.guests),
        list(items.values_list("number", "order", "title", "minutes", "resolution", "votes_yes")),
        list(Attendance.objects.filter(meeting=meeting).values_list("member", "state", "remark")),
        list(Document.objects.filter(agenda_item__meeting=meeting).values_list("pk", "title")),
    )


@pytest.mark.parametrize(
    "change",
    [
        lambda meeting, user: services.move_agenda_item(
            meeting.agenda_items.get(number="2"), "up", user
        ),
        lambda meeting, user: services.renumber_agenda(meeting, user),
        lambda meeting, user: services.save_attendance(
            meeting, [(meeting.attendances.first().member_id, "absent", "")], user
        ),
        lambda meeting, user: services.delete_agenda_item(
            meeting.agenda_items.get(number="2"), user
        ),
        lambda meeting, user: services.delete_document(
            Document.objects.get(agenda_item__meeting=meeting), user
        ),
    ],
    ids=["move", "renumber", "attendance", "delete item", "delete document"],
)
def test_services_refuse_any_change_to_a_finalised_meeting(
    finalised_meeting, document, sachbearbeitung, change
):
    before = snapshot(finalised_meeting)
    with pytest.raises(CommitteeError, match=REFUSAL):
        change(finalised_meeting, sachbearbeitung)
    assert snapshot(finalised_meeting) == before


def posts(meeting, document, measure):
    item = meeting.agenda_items.get(number="1.1")
    return [
        (reverse("committee:meeting_edit", args=[meeting.pk]), {"room": "Raum 1"}),
        (reverse("committee:agenda", args=[meeting.pk]), {"title": "Neu", "kind": "information"}),
        (reverse("committee:agenda_renumber", args=[meeting.pk]), {}),
        (reverse("committee:item_move", args=[item.pk, "up"]), {}),
        (
            reverse("committee:item_edit", args=[item.pk]),
            {
                "number": "1.1",
                "title": "Geändert",
                "kind": "resolution",
                "measures": [measure.pk],
                "minutes": "Nachträglich geändert.",
                "votes_yes": "1",
            },
        ),
        (reverse("committee:item_delete", args=[item.pk]), {}),
        (
            reverse("committee:attendance", args=[meeting.pk]),
            {"form-TOTAL_FORMS": "0", "form-INITIAL_FORMS": "0"},
        ),
        (
            reverse("committee:document_upload", args=[item.pk]),
            {
                "document-title": "Nachgereicht",
                "document-file": SimpleUploadedFile("neu.pdf", b"%PDF-1.4\n%%EOF\n"),
            },
        ),
        (reverse("committee:document_delete", args=[document.pk]), {}),
    ]


def test_no_edit_page_accepts_a_change_to_a_finalised_meeting(
    client, sachbearbeitung, finalised_meeting, document, measure
):
    client.force_login(sachbearbeitung)
    before = snapshot(finalised_meeting)
    for url, data in posts(finalised_meeting, document, measure):
        response = client.post(url, data, follow=True)
        assert response.status_code == 200, url
        assert REFUSAL in response.content.decode(), url
    assert snapshot(finalised_meeting) == before
    assert Document.objects.count() == 1


@pytest.mark.parametrize(
    "name", ["meeting_edit", "agenda", "attendance", "item_delete", "document_delete"]
)
def test_edit_pages_of_a_finalised_meeting_send_the_user_back_with_the_reason(
    client, sachbearbeitung, finalised_meeting, document, name
):
    item = finalised_meeting.agenda_items.get(number="1")
    pk = {
        "meeting_edit": finalised_meeting.pk,
        "agenda": finalised_meeting.pk,
        "attendance": finalised_meeting.pk,
        "item_delete": item.pk,
        "document_delete": document.pk,
    }[name]
    client.force_login(sachbearbeitung)
    response = client.get(reverse(f"committee:{name}", args=[pk]))
    assert response.status_code == 302
    assert response["Location"] in (finalised_meeting.get_absolute_url(), item.get_absolute_url())
    assert REFUSAL in client.get(response["Location"]).content.decode()


def test_the_meeting_page_shows_the_state_instead_of_edit_controls(
    client, sachbearbeitung, finalised_meeting
):
    client.force_login(sachbearbeitung)
    page = client.get(finalised_meeting.get_absolute_url()).content.decode()
    assert "Die Niederschrift wurde am" in page and "abgeschlossen." in page
    for control in (
        reverse("committee:meeting_edit", args=[finalised_meeting.pk]),
        reverse("committee:agenda", args=[finalised_meeting.pk]),
        reverse("committee:attendance", args=[finalised_meeting.pk]),
        reverse("committee:minutes_finalise", args=[finalised_meeting.pk]),
        "Punkt, Niederschrift und Vorlagen bearbeiten",
        "Niederschrift berichtigen",  # Koordination only
    ):
        assert control not in page, control
    assert "Punkt und Aufträge ansehen" in page


def test_the_item_page_is_read_only_but_follow_ups_can_still_be_added(
    client, sachbearbeitung, finalised_meeting, document, actor
):
    item = finalised_meeting.agenda_items.get(number="1")
    client.force_login(sachbearbeitung)
    page = client.get(reverse("committee:item_edit", args=[item.pk])).content.decode()
    assert "Wie in der Niederschrift festgehalten" in page
    assert "Die VHS berichtet über zwei Kurse." in page
    assert 'name="minutes"' not in page
    assert 'name="document-file"' not in page
    assert reverse("committee:document_delete", args=[document.pk]) not in page
    assert reverse("committee:document_download", args=[document.pk]) in page
    follow_up_url = reverse("committee:follow_up_create", args=[item.pk])
    assert follow_up_url in page
    response = client.post(follow_up_url, {"text": "Bericht nachreichen", "owner_actor": actor.pk})
    assert response.status_code == 302
    assert FollowUp.objects.filter(agenda_item=item, text="Bericht nachreichen").exists()


def test_the_admin_shows_a_finalised_meeting_read_only(client, koordination, finalised_meeting):
    item = finalised_meeting.agenda_items.get(number="1")
    client.force_login(koordination)
    url = reverse("admin:committee_agendaitem_change", args=[item.pk])
    assert client.get(url).status_code == 200
    assert client.post(url, {"title": "Im Admin geändert"}).status_code == 403
    assert (
        client.post(reverse("admin:committee_agendaitem_delete", args=[item.pk])).status_code == 403
    )
    meeting_url = reverse("admin:committee_meeting_change", args=[finalised_meeting.pk])
    assert client.post(meeting_url, {"room": "Raum 1"}).status_code == 403
    item.refresh_from_db()
    assert item.title == "Bericht Mama lernt Deutsch"
