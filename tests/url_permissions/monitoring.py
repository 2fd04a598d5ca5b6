from django.utils import timezone

from core.models import Job, MailDelivery
from measures.models import MonitoringRequest, MonitoringRound
from tests.mail.builders import delivery_state, failed_delivery
from tests.monitoring.builders import make_archived, make_contact, make_request, make_round, submit
from tests.url_permissions import (
    COORDINATION,
    DONE_BY_COORDINATION,
    DONE_BY_WRITE,
    POST_ONLY,
    PUBLIC,
    READ,
    WRITE,
    Post,
    row_of,
)


def round_kwargs(data):
    return {"pk": make_round(data["measure"].plan).pk}


def draft_round(data):
    """A draft round that asks about one measure: ready to be opened."""
    monitoring_round = make_round(data["measure"].plan, state=MonitoringRound.State.DRAFT)
    make_request(monitoring_round, data["measure"])
    return {"pk": monitoring_round.pk}


def round_asking(data, invited_at=None):
    """An open round whose request has a contact with an e-mail address."""
    monitoring_round = make_round(data["measure"].plan)
    contact = make_contact(data["actor"])
    make_request(monitoring_round, data["measure"], contact=contact, invited_at=invited_at)
    return {"pk": monitoring_round.pk}


def round_with_failed_mail(data):
    monitoring_round = make_round(data["measure"].plan)
    delivery = failed_delivery(monitoring_round, "monitoring.invitation")
    return {"pk": monitoring_round.pk, "delivery": delivery.pk}


def request_kwargs(data):
    request, _token = make_request(make_round(data["measure"].plan), data["measure"])
    submit(request)
    return {"pk": request.pk}


def token_kwargs(data, submitted=False):
    request, token = make_request(make_round(data["measure"].plan), data["measure"])
    if submitted:
        submit(request)
    return {"token": token}


def mails_sent(kwargs):
    """The mails queued for the worker (it sends them after the commit)."""
    return MailDelivery.objects.count()


def archive_jobs(kwargs):
    """Archiving by hand starts a job; the worker renders and stores the report."""
    return Job.objects.filter(kind="report_archive").count()


REQUEST = Post(DONE_BY_COORDINATION, changes=row_of(MonitoringRequest))

TABLE = {
    "monitoring:round_list": (None, READ),
    "monitoring:round_create": (None, WRITE),
    "monitoring:round_detail": (round_kwargs, READ),
    "monitoring:round_edit": (round_kwargs, WRITE),
    "monitoring:round_requests": (round_kwargs, WRITE),
    "monitoring:round_open": (
        draft_round,
        POST_ONLY,
        Post(DONE_BY_WRITE, changes=row_of(MonitoringRound)),
    ),
    "monitoring:round_invite": (round_asking, POST_ONLY, Post(DONE_BY_WRITE, changes=mails_sent)),
    "monitoring:round_resend": (
        round_with_failed_mail,
        POST_ONLY,
        Post(DONE_BY_WRITE, changes=delivery_state),
    ),
    "monitoring:round_remind": (
        lambda d: round_asking(d, invited_at=timezone.now()),
        POST_ONLY,
        Post(DONE_BY_WRITE, changes=mails_sent),
    ),
    # GET is a confirmation page; closing issues the official report.
    "monitoring:round_close": (
        round_kwargs,
        COORDINATION,
        Post(DONE_BY_COORDINATION, changes=row_of(MonitoringRound)),
    ),
    "monitoring:request_review": (request_kwargs, COORDINATION),
    "monitoring:request_accept": (request_kwargs, POST_ONLY, REQUEST),
    "monitoring:request_return": (
        request_kwargs,
        POST_ONLY,
        Post(
            DONE_BY_COORDINATION,
            data=lambda d: {"comment": "Bitte die Teilnehmerzahl ergänzen."},
            changes=row_of(MonitoringRequest),
        ),
    ),
    "monitoring:request_enter": (request_kwargs, WRITE),
    # The partner's link works without an account, for whoever holds it.
    "partner:report": (token_kwargs, PUBLIC),
    "partner:thanks": (lambda data: token_kwargs(data, submitted=True), PUBLIC),
    "reports:monitoring_pdf": (None, READ),
    "reports:archive_list": (None, READ),
    "reports:archive_create": (
        None,
        POST_ONLY,
        Post(DONE_BY_COORDINATION, data=lambda d: {"edition": "internal"}, changes=archive_jobs),
    ),
    "reports:archive_download": (lambda data: {"pk": make_archived().pk}, READ),
}
