"""Invitations through a slow or refusing mail server: one delivery per member, retried, each
mail sent exactly once, failures named on the meeting page and sent again on request."""

import io
from email.utils import getaddresses

import pytest
from django.core import mail
from django.urls import reverse
from icalendar import Calendar
from pypdf import PdfReader

from committee.models import Meeting
from committee.services import send_invitation
from core.models import MailDelivery
from tests.mail.smtp_double import SMTPDouble

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    """Sending archives the public invitation once committed: into this test's own folder."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def smtp(settings):
    """A local SMTP server; retries without waiting (the immediate backend runs them at once)."""
    with SMTPDouble() as server:
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST = "127.0.0.1"
        settings.EMAIL_PORT = server.port
        settings.MAIL_RETRY_DELAYS = (0, 0)
        yield server


def recipients(server):
    return sorted(
        address
        for message in server.messages()
        for _name, address in getaddresses(message.get_all("To"))
    )


def invite(client, user, meeting, worker):
    client.force_login(user)
    with worker(execute=True):  # the commit enqueues; the immediate backend sends at once
        return client.post(reverse("committee:invitation", args=[meeting.pk]), follow=True)


def test_every_member_gets_exactly_one_mail_when_every_second_connection_is_refused(
    client, koordination, meeting, items, members, smtp, django_capture_on_commit_callbacks
):
    smtp.refuse_every = 2

    invite(client, koordination, meeting, django_capture_on_commit_callbacks)

    expected = sorted(member.email for member in members if member.email)
    assert recipients(smtp) == expected  # each once, none lost
    assert smtp.refused >= 1
    deliveries = MailDelivery.objects.filter(kind="committee.invitation")
    assert {d.state for d in deliveries} == {MailDelivery.State.SENT}
    # One connection per attempt; a refused one is retried, at most three times in all.
    assert sum(d.attempts for d in deliveries) == smtp.connections == 3 + smtp.refused
    assert max(d.attempts for d in deliveries) <= 3
    for message in smtp.messages():
        parts = {part.get_filename(): part for part in message.iter_attachments()}
        pdf = PdfReader(io.BytesIO(parts["einladung-2026-12-09.pdf"].get_content()))
        assert "Tagesordnung" in "\n".join(page.extract_text() for page in pdf.pages)
        (ics_name,) = [name for name in parts if name.endswith(".ics")]
        calendar = Calendar.from_ical(parts[ics_name].get_content())
        attendee = str(calendar.walk("VEVENT")[0]["ATTENDEE"]).removeprefix("mailto:")
        assert [attendee] == [address for _n, address in getaddresses(message.get_all("To"))]


def test_the_meeting_page_names_failures_and_sends_them_again(
    client, koordination, meeting, items, members, smtp, django_capture_on_commit_callbacks
):
    smtp.refuse_every = 1  # the server refuses everything

    page = invite(client, koordination, meeting, django_capture_on_commit_callbacks)

    assert smtp.received == []
    deliveries = MailDelivery.objects.filter(kind="committee.invitation")
    assert {(d.state, d.attempts) for d in deliveries} == {(MailDelivery.State.FAILED, 3)}
    assert all("421" in d.last_error for d in deliveries)
    meeting.refresh_from_db()
    assert meeting.state == Meeting.State.INVITED  # the meeting's state did not wait for SMTP
    # Right after the click the mails wait for the worker; the page shows it.
    assert "0 von 3 versendet, 3 in der Warteschlange" in page.content.decode()
    text = client.get(reverse("committee:meeting_detail", args=[meeting.pk])).content.decode()
    assert "0 von 3 versendet, 3 fehlgeschlagen" in text
    assert "Kemal Arslan &lt;kemal@example.org&gt;: (421" in text

    smtp.refuse_every = 0  # the server is back
    kemal = deliveries.get(recipient_email="kemal@example.org")
    url = reverse("committee:invitation_resend", args=[meeting.pk, kemal.pk])
    assert client.get(url).status_code == 405  # a GET never sends
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url)

    assert recipients(smtp) == ["kemal@example.org"]
    kemal.refresh_from_db()
    assert (kemal.state, kemal.attempts, kemal.requested_by) == ("sent", 1, koordination)
    page = client.get(reverse("committee:meeting_detail", args=[meeting.pk]))
    assert "1 von 3 versendet, 2 fehlgeschlagen" in page.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        page = client.post(url, follow=True)  # sent already: not again
    assert len(smtp.received) == 1
    assert "nicht erneut gesendet" in page.content.decode()


def test_a_second_click_while_sending_queues_nothing(
    client, koordination, meeting, items, members, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as waiting:  # the worker has not run yet
        send_invitation(meeting, koordination)
    client.force_login(koordination)
    page = client.post(reverse("committee:invitation", args=[meeting.pk]), follow=True)
    assert "wird noch versandt" in page.content.decode()
    assert MailDelivery.objects.count() == 3
    for callback in waiting:
        callback()
    assert len(mail.outbox) == 3

    # Once it has gone out, sending the invitation again (say, with a new item) is intended.
    with django_capture_on_commit_callbacks(execute=True):
        send_invitation(meeting, koordination)
    assert MailDelivery.objects.count() == len(mail.outbox) == 6


def test_only_the_secretariat_may_send_again(
    client,
    sachbearbeitung,
    meeting,
    items,
    members,
    koordination,
    smtp,
    django_capture_on_commit_callbacks,
):
    smtp.refuse_every = 1
    invite(client, koordination, meeting, django_capture_on_commit_callbacks)
    failed = MailDelivery.objects.first()
    client.force_login(sachbearbeitung)
    page = client.get(reverse("committee:meeting_detail", args=[meeting.pk])).content.decode()
    assert "3 fehlgeschlagen" in page and "Erneut senden" not in page
    url = reverse("committee:invitation_resend", args=[meeting.pk, failed.pk])
    assert client.post(url).status_code == 403
    failed.refresh_from_db()
    assert failed.state == MailDelivery.State.FAILED
