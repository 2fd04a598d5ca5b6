"""`manage.py run_periodic`: reminders N days before the due date, once per round and contact."""

import datetime
from email.utils import parseaddr

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from core.models import Job, MailDelivery
from measures.models import MonitoringRequest
from tests.monitoring.builders import make_contact, make_request, make_round


@pytest.fixture
def contact(actor):
    return make_contact(actor)


@pytest.fixture
def invited(plan, measure, contact, koordination):
    """An open round due in five days; its request was invited and not answered."""
    monitoring_round = make_round(
        plan,
        due_date=timezone.localdate() + datetime.timedelta(days=5),
        created_by=koordination,
    )
    request, _token = make_request(monitoring_round, measure, contact)
    MonitoringRequest.objects.filter(pk=request.pk).update(
        invited_at=timezone.now() - datetime.timedelta(days=20)
    )
    return monitoring_round


@pytest.mark.django_db
def test_contacts_are_reminded_once_within_the_reminder_days(
    invited, contact, settings, django_capture_on_commit_callbacks
):
    settings.REMINDER_DAYS = 7
    settings.SITE_URL = "https://integration.goeppingen.example"
    with django_capture_on_commit_callbacks(execute=True):
        call_command("run_periodic", verbosity=0)
    assert [[parseaddr(to)[1] for to in message.to] for message in mail.outbox] == [[contact.email]]
    assert "https://integration.goeppingen.example/partner/" in mail.outbox[0].body
    with django_capture_on_commit_callbacks(execute=True):
        call_command("run_periodic", verbosity=0)
    assert len(mail.outbox) == 1  # the next day's run does not remind again


@pytest.mark.django_db
def test_no_reminder_before_the_reminder_days(
    invited, settings, django_capture_on_commit_callbacks
):
    settings.REMINDER_DAYS = 3
    with django_capture_on_commit_callbacks(execute=True):
        call_command("run_periodic", verbosity=0)
    assert mail.outbox == []


@pytest.mark.django_db
def test_old_finished_jobs_are_pruned(settings):
    old = timezone.now() - datetime.timedelta(days=40)
    Job.objects.create(kind="x", title="alt", state=Job.State.DONE, finished=old)
    kept = Job.objects.create(kind="x", title="neu", state=Job.State.DONE, finished=timezone.now())
    running = Job.objects.create(kind="x", title="läuft", state=Job.State.RUNNING)
    call_command("run_periodic", verbosity=0)
    assert set(Job.objects.all()) == {kept, running}


@pytest.mark.django_db
def test_a_mail_whose_worker_died_while_sending_is_marked_failed_not_resent(plan):
    from tests.mail.builders import failed_delivery

    stuck = failed_delivery(plan, "test", email="alt@example.org")
    recent = failed_delivery(plan, "test", email="neu@example.org")
    MailDelivery.objects.filter(pk=stuck.pk).update(
        state=MailDelivery.State.SENDING,
        last_error="",
        updated=timezone.now() - datetime.timedelta(hours=1),
    )
    MailDelivery.objects.filter(pk=recent.pk).update(
        state=MailDelivery.State.SENDING, updated=timezone.now()
    )
    call_command("run_periodic", verbosity=0)
    stuck.refresh_from_db()
    recent.refresh_from_db()
    assert stuck.state == MailDelivery.State.FAILED
    assert "unterbrochen" in stuck.last_error
    assert recent.state == MailDelivery.State.SENDING  # perhaps still talking to the server
    assert mail.outbox == []  # nothing is sent again without a person asking
