"""The mail queue itself (core/deliveries.py): backoff, at most three attempts, never twice."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from core.deliveries import queue_mail, send_mail_delivery
from core.models import MailDelivery
from core.tasks import default_task_backend
from tests.mail.smtp_double import SMTPDouble

pytestmark = pytest.mark.django_db


@pytest.fixture
def deferring(settings):
    """A backend that keeps what is enqueued, with its run_after, instead of running it."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    return default_task_backend


@pytest.fixture
def target(django_user_model):
    return django_user_model.objects.create(username="anlass")


def queue(target, key="k1", **extra):
    return queue_mail(
        kind="test.note",
        target=target,
        key=key,
        recipient_name="Eva Muster",
        recipient_email="eva@example.org",
        subject="Betreff",
        body="Guten Tag",
        **extra,
    )


def test_a_refused_mail_is_retried_after_one_and_five_minutes_then_failed(
    settings, deferring, target, django_capture_on_commit_callbacks
):
    with SMTPDouble(refuse_every=1) as server:
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", server.port
        with django_capture_on_commit_callbacks(execute=True):
            delivery = queue(target)
        (first,) = deferring.results
        assert first.args == [delivery.pk] and first.task.run_after is None

        waits = []
        for _attempt in range(3):  # the worker runs each enqueued attempt when it is due
            before = timezone.now()
            with django_capture_on_commit_callbacks(execute=True):
                send_mail_delivery.call(delivery.pk)
            if len(deferring.results) > 1 + len(waits):
                waits.append(deferring.results[-1].task.run_after - before)
    delivery.refresh_from_db()
    assert (delivery.state, delivery.attempts) == (MailDelivery.State.FAILED, 3)
    assert "421" in delivery.last_error
    assert len(deferring.results) == 3  # the first and two retries; none after the third
    assert [round(wait.total_seconds() / 60) for wait in waits] == [1, 5]
    assert server.connections == 3


def test_a_mail_is_sent_once_however_often_its_task_runs(
    target, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        delivery = queue(target)
    assert send_mail_delivery.call(delivery.pk) == "not queued"  # a second worker, later
    assert len(mail.outbox) == 1
    delivery.refresh_from_db()
    assert delivery.state == MailDelivery.State.SENT and delivery.sent_at is not None


def test_a_row_being_sent_by_one_worker_is_not_taken_by_another(target, deferring):
    delivery = queue(target)
    MailDelivery.objects.filter(pk=delivery.pk).update(state=MailDelivery.State.SENDING)
    assert send_mail_delivery.call(delivery.pk) == "not queued"
    assert mail.outbox == []


def test_the_same_key_is_queued_once(target, deferring, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        assert queue(target) is not None
        assert queue(target) is None
    assert MailDelivery.objects.count() == 1 and len(deferring.results) == 1


def test_a_body_with_a_personal_link_is_erased_once_sent(
    target, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        delivery = queue(target, erase_body=True)
    delivery.refresh_from_db()
    assert mail.outbox[0].body == "Guten Tag"
    assert delivery.body == "" and delivery.state == MailDelivery.State.SENT
    assert delivery.sent_at <= timezone.now() < delivery.sent_at + datetime.timedelta(minutes=1)
