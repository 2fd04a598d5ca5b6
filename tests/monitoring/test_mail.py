"""Invitations and reminders: one e-mail per contact, fresh links, the time recorded."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from measures.models import MonitoringRequest, MonitoringRound
from measures.monitoring.mail import send_invitations, send_reminders
from measures.monitoring.services import MonitoringError
from tests.factories import add_measures
from tests.monitoring.builders import make_contact, submit

LINK = re.compile(r"/partner/([\w-]+)/")
BASE = "https://integration.example.org/"


@pytest.fixture
def worker(django_capture_on_commit_callbacks):
    """Runs what the commit enqueues: the immediate task backend sends the mails at once."""
    return django_capture_on_commit_callbacks


@pytest.fixture
def requests_(open_round, plan, action_field, measure, contact):
    """Two measures led by the same actor, one by another actor with its own contact and one
    without any contact person."""
    second = add_measures(plan, action_field, 1, start=1)[0]
    second.lead_actor = measure.lead_actor
    second.save()
    third, orphan = add_measures(plan, action_field, 2, start=2)
    other = make_contact(third.lead_actor, "Derya", "Kaya")
    rows = [(measure, contact), (second, contact), (third, other), (orphan, None)]
    return [
        MonitoringRequest.objects.create(
            round=open_round, measure=item, contact=person, expires_on=open_round.link_expiry
        )
        for item, person in rows
    ]


def test_each_contact_gets_one_mail_with_all_their_links(
    koordination, open_round, requests_, worker
):
    with worker(execute=True):  # the mails go out after the commit
        mails, requests = send_invitations(open_round, koordination, BASE)

    assert (mails, requests) == (2, 3)
    by_recipient = {message.to[0]: message for message in mail.outbox}
    seitz = by_recipient["Katharina Seitz <katharina.seitz@example.org>"]
    assert len(LINK.findall(seitz.body)) == 2
    assert "1.1 Mama lernt Deutsch" in seitz.body
    assert "https://integration.example.org/partner/" in seitz.body
    assert "Guten Tag Katharina Seitz" in seitz.body  # the German default text
    assert seitz.subject.startswith("Monitoring Herbst 2026: Ihr Sachstand")
    assert len(LINK.findall(by_recipient["Derya Kaya <derya.kaya@example.org>"].body)) == 1
    for request in MonitoringRequest.objects.exclude(contact=None):
        assert request.invited_at is not None
        assert len(request.token_hash) == 64
    orphan = MonitoringRequest.objects.get(contact=None)
    assert orphan.invited_at is None and orphan.token_hash == ""


def test_invitations_go_out_once(koordination, open_round, requests_, worker):
    with worker(execute=True):
        send_invitations(open_round, koordination, BASE)
        assert send_invitations(open_round, koordination, BASE) == (0, 0)
    assert len(mail.outbox) == 2


def test_reminders_go_only_to_those_who_have_not_answered_and_carry_new_links(
    client, koordination, open_round, requests_, worker
):
    with worker(execute=True):
        send_invitations(open_round, koordination, BASE)
    first_links = {message.to[0]: LINK.findall(message.body) for message in mail.outbox}
    submit(requests_[2])  # Derya Kaya has answered
    mail.outbox.clear()

    with worker(execute=True):
        mails, requests = send_reminders(open_round, koordination, BASE)

    assert (mails, requests) == (1, 2)
    reminder = mail.outbox[0]
    assert reminder.subject.startswith("Erinnerung")
    new_links = LINK.findall(reminder.body)
    old_links = first_links[reminder.to[0]]
    assert set(new_links).isdisjoint(old_links)
    assert client.get(f"/partner/{new_links[0]}/").status_code == 200
    assert client.get(f"/partner/{old_links[0]}/").status_code == 404
    request = MonitoringRequest.objects.get(pk=requests_[0].pk)
    assert request.reminder_count == 1 and request.reminded_at is not None


def test_a_draft_round_sends_nothing(koordination, plan, requests_, open_round):
    MonitoringRound.objects.filter(pk=open_round.pk).update(state=MonitoringRound.State.DRAFT)
    open_round.refresh_from_db()
    with pytest.raises(MonitoringError):
        send_invitations(open_round, koordination, BASE)
    assert mail.outbox == []


def test_the_invite_button_reports_what_was_sent(client, sachbearbeitung, open_round, requests_):
    client.force_login(sachbearbeitung)
    response = client.post(reverse("monitoring:round_invite", args=[open_round.pk]), follow=True)
    assert "2 Einladungen für 3 Anfragen werden versendet." in response.content.decode()
    assert client.get(reverse("monitoring:round_invite", args=[open_round.pk])).status_code == 405


def test_the_mail_text_is_staff_editable_and_checked(client, koordination, open_round):
    client.force_login(koordination)
    url = reverse("monitoring:round_edit", args=[open_round.pk])
    data = {
        "title": open_round.title,
        "reporting_date": open_round.reporting_date.isoformat(),
        "due_date": open_round.due_date.isoformat(),
        "reminder_text": "Erinnerung: {links}",
    }
    response = client.post(url, {**data, "invitation_text": "Hallo {vorname}, {links}"})
    assert response.status_code == 200
    assert "Unbekannter Platzhalter: {vorname}" in response.content.decode()
    response = client.post(url, {**data, "invitation_text": "Hallo {name}, ohne Links"})
    assert "muss {links} enthalten" in response.content.decode()

    client.post(url, {**data, "invitation_text": "Hallo {name}, bis {due_date}: {links}"})
    open_round.refresh_from_db()
    assert open_round.invitation_text == "Hallo {name}, bis {due_date}: {links}"


def test_a_returned_report_is_mailed_with_the_comment(client, koordination, linked, worker):
    request, _token = linked
    submit(request)
    client.force_login(koordination)
    with worker(execute=True):
        client.post(
            reverse("monitoring:request_return", args=[request.pk]),
            {"comment": "Bitte ergänzen Sie die Zahl der Kurse."},
        )
    message = mail.outbox[0]
    assert message.to == ["Katharina Seitz <katharina.seitz@example.org>"]
    assert "Bitte ergänzen Sie die Zahl der Kurse." in message.body
    assert "/partner/" not in message.body  # the partner keeps using the link they have


def test_a_report_entered_by_staff_is_returned_with_a_first_link(
    client, koordination, open_round, measure, contact, worker
):
    request = MonitoringRequest.objects.create(
        round=open_round, measure=measure, contact=contact, expires_on=open_round.link_expiry
    )
    submit(request)
    client.force_login(koordination)
    with worker(execute=True):
        client.post(
            reverse("monitoring:request_return", args=[request.pk]), {"comment": "Bitte ergänzen."}
        )
    token = LINK.search(mail.outbox[0].body)[1]
    client.logout()
    assert client.get(f"/partner/{token}/").status_code == 200


def test_the_link_lives_only_in_the_mail_and_failures_show_on_the_round_page(
    client, koordination, open_round, requests_, worker, settings
):
    from core.models import MailDelivery
    from tests.mail.smtp_double import SMTPDouble

    settings.MAIL_RETRY_DELAYS = (0, 0)
    with SMTPDouble(refuse_every=1) as server:  # the mail server refuses everything
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", server.port
        client.force_login(koordination)
        with worker(execute=True):
            client.post(reverse("monitoring:round_invite", args=[open_round.pk]))
        page = client.get(reverse("monitoring:round_detail", args=[open_round.pk]))
        assert "0 von 2 versendet, 2 fehlgeschlagen" in page.content.decode()
        assert "Derya Kaya &lt;derya.kaya@example.org&gt;: (421" in page.content.decode()

        server.refuse_every = 0  # back again: Koordination sends one of them again
        failed = MailDelivery.objects.get(recipient_email="derya.kaya@example.org")
        with worker(execute=True):
            client.post(reverse("monitoring:round_resend", args=[open_round.pk, failed.pk]))
        (message,) = server.messages()

    token = LINK.search(message.get_body(("plain",)).get_content())[1]
    failed.refresh_from_db()
    assert failed.state == MailDelivery.State.SENT
    assert failed.body == ""  # the queued text kept the link only until it was sent
    assert not MailDelivery.objects.filter(body__contains=token).exists()
    page = client.get(reverse("monitoring:round_detail", args=[open_round.pk]))
    assert "1 von 2 versendet, 1 fehlgeschlagen" in page.content.decode()
    client.logout()
    assert client.get(f"/partner/{token}/").status_code == 200
