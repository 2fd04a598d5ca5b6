import io
from email.utils import parseaddr

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from icalendar import Calendar
from pypdf import PdfReader

from committee.models import Meeting
from committee.services import CommitteeError, send_invitation

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    """Sending archives the public invitation once committed: into this test's own folder."""
    settings.MEDIA_ROOT = tmp_path / "media"


def pdf_text(content):
    reader = PdfReader(io.BytesIO(content))
    return reader, "\n".join(page.extract_text() for page in reader.pages)


def test_koordination_sends_one_email_per_current_member_with_pdf_and_ics(
    client, koordination, meeting, items, members, django_capture_on_commit_callbacks
):
    client.force_login(koordination)

    # The worker sends after the commit (the immediate task backend runs it at once).
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("committee:invitation", args=[meeting.pk]))

    assert response.status_code == 302
    assert sorted(parseaddr(message.to[0])[1] for message in mail.outbox) == sorted(
        member.email for member in members if member.email
    )
    message = mail.outbox[0]
    assert message.subject == "Einladung: 5. Sitzung des IA am 09.12.2026 17:00"
    assert "Mittwoch, 9. Dezember 2026 um 17:00 Uhr" in message.body
    assert message.reply_to == ["ia@example.org"]
    names = [name for name, _content, _type in message.attachments]
    assert names == ["einladung-2026-12-09.pdf", f"sitzung-2026-12-09-{meeting.pk}.ics"]
    calendar = Calendar.from_ical(message.attachments[1][1])
    assert calendar["METHOD"] == "REQUEST"
    meeting.refresh_from_db()
    assert meeting.state == Meeting.State.INVITED
    assert meeting.invitation_sent_at is not None


def test_members_without_email_are_named_for_a_letter(
    client, koordination, meeting, items, members, django_capture_on_commit_callbacks
):
    client.force_login(koordination)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("committee:invitation", args=[meeting.pk]), follow=True)
    text = response.content.decode()
    assert "Otto Ohnemail" in text
    assert len(mail.outbox) == 3


def test_former_members_are_not_invited(
    meeting, items, members, koordination, committee, django_capture_on_commit_callbacks
):
    from .conftest import add_member

    former = add_member(committee, "Gerhard", "Ilg", start=meeting.start.date().replace(year=2019))
    former.memberships.update(end=meeting.start.date().replace(year=2024, month=1))
    with django_capture_on_commit_callbacks(execute=True):
        send_invitation(meeting, koordination)
    assert len(mail.outbox) == 3
    assert former.email not in [parseaddr(message.to[0])[1] for message in mail.outbox]


def test_the_invitation_pdf_lists_date_place_recipients_and_both_agenda_parts(
    client, lesezugriff, meeting, items, members, measure
):
    client.force_login(lesezugriff)
    response = client.get(reverse("committee:invitation_pdf", args=[meeting.pk]))
    assert response["Content-Type"] == "application/pdf"
    reader, text = pdf_text(response.content)
    assert reader.metadata.title == "Einladung zur 5. Sitzung des IA"
    assert reader.trailer["/Root"]["/Lang"] == "de"
    for expected in (
        "Stadt Göppingen",
        "Mittwoch, 9. Dezember 2026",
        "17:00 – 19:15",
        "Großer Sitzungssaal",
        "Ulrike Bosch",
        "Tagesordnung: öffentlicher Teil",
        "Tagesordnung: nichtöffentlicher Teil",
        "Bericht Mama lernt Deutsch",
        "1.1 Mama lernt Deutsch",
        "Geheime Zuschussanträge",
        "Seite 1 von",
    ):
        assert expected in text


def test_sachbearbeitung_cannot_send_invitations(client, sachbearbeitung, meeting, items, members):
    client.force_login(sachbearbeitung)
    assert client.post(reverse("committee:invitation", args=[meeting.pk])).status_code == 403
    with pytest.raises(PermissionDenied):
        send_invitation(meeting, sachbearbeitung)
    assert mail.outbox == []


def test_an_empty_agenda_is_not_sent(meeting, members, koordination):
    with pytest.raises(CommitteeError):
        send_invitation(meeting, koordination)
    assert mail.outbox == []


@pytest.mark.parametrize("state", [Meeting.State.HELD, Meeting.State.CANCELLED])
def test_no_invitation_for_a_held_or_cancelled_meeting(
    meeting, items, members, koordination, state
):
    meeting.state = state
    meeting.save()
    with pytest.raises(CommitteeError):
        send_invitation(meeting, koordination)
    assert mail.outbox == []


def test_the_refusal_is_shown_in_german(client, koordination, meeting, members):
    client.force_login(koordination)
    response = client.post(reverse("committee:invitation", args=[meeting.pk]), follow=True)
    assert "Tagesordnung ist leer" in response.content.decode()
