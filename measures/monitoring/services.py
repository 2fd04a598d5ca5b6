"""The monitoring workflow: rounds, requests by personal link, review and closing; each step
runs in one transaction."""

import datetime
import hashlib
from collections.abc import Iterable, Mapping
from typing import Any

from django.conf import settings
from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.history import recorded_by
from core.jobs import start_job
from core.models import Job
from measures.models import (
    ArchivedReport,
    Indicator,
    IndicatorValue,
    Measure,
    MonitoringRequest,
    MonitoringRound,
    PartnerLinkFailure,
    Plan,
    ReportedIndicatorValue,
    StatusReport,
)
from measures.monitoring.tasks import CLOSE_KIND, archive_round_reports, round_subject
from measures.services import apply_accepted_report
from network.models import ContactPerson

# At most this many refused partner links per client address and window; then every link is
# refused for a while, valid or not, so that guessing gains nothing.
MAX_FAILURES = 10
FAILURE_WINDOW = datetime.timedelta(minutes=15)


class MonitoringError(Exception):
    """A monitoring step is not possible now; the message tells staff or the partner why."""


def _address_hash(address: str) -> str:
    # Hashed with the secret key: the table holds no readable IP addresses.
    return hashlib.sha256(f"{settings.SECRET_KEY}:{address}".encode()).hexdigest()


def is_throttled(address: str) -> bool:
    """Whether the client address has had MAX_FAILURES refused links within the window."""
    since = timezone.now() - FAILURE_WINDOW
    failures = PartnerLinkFailure.objects.filter(
        address_hash=_address_hash(address), created_at__gte=since
    )
    return failures.count() >= MAX_FAILURES


def record_refused_link(address: str) -> None:
    """Count a refused partner link for the client address; counts past the window go."""
    now = timezone.now()
    with transaction.atomic():
        PartnerLinkFailure.objects.filter(created_at__lt=now - FAILURE_WINDOW).delete()
        PartnerLinkFailure.objects.create(address_hash=_address_hash(address), created_at=now)


def eligible_measures(plan: Plan) -> QuerySet[Measure]:
    """The measures a new round asks about: every measure of the plan not done or dropped."""
    return (
        plan.measures.exclude(status__in=Measure.CLOSED_STATUSES)
        .select_related("action_field", "lead_actor")
        .order_by("action_field__order", "code")
    )


def contact_choices(measures: Iterable[Measure]) -> dict[int, list[ContactPerson]]:
    """The lead actor's contacts with an e-mail address, per measure id, in a single query."""
    actor_ids = {measure.lead_actor_id for measure in measures if measure.lead_actor_id}
    by_actor: dict[int | None, list[ContactPerson]] = {}
    for contact in (
        ContactPerson.objects.filter(actor_id__in=actor_ids)
        .exclude(email="")
        .order_by("last_name", "first_name", "pk")
    ):
        by_actor.setdefault(contact.actor_id, []).append(contact)
    return {measure.pk: by_actor.get(measure.lead_actor_id, []) for measure in measures}


def create_round(monitoring_round: MonitoringRound, user: User) -> MonitoringRound:
    """Save a new draft round with one request per eligible measure of the current plan.

    Each request goes to the lead actor's first contact; staff change or deselect them before
    opening the round.
    """
    plan = Plan.current()
    if plan is None:
        raise MonitoringError(_("No plan has been adopted; a round needs the current plan."))
    with transaction.atomic():
        monitoring_round.plan = plan
        monitoring_round.created_by = user
        recorded_by(monitoring_round, user).save()
        measures = list(eligible_measures(plan))
        contacts = contact_choices(measures)
        MonitoringRequest.objects.bulk_create(
            MonitoringRequest(
                round=monitoring_round,
                measure=measure,
                contact=next(iter(contacts[measure.pk]), None),
            )
            for measure in measures
        )
    return monitoring_round


def save_round(monitoring_round: MonitoringRound, user: User) -> MonitoringRound:
    """Save changes to a round's title, dates and texts; a closed round stays as it is."""
    with transaction.atomic():
        stored = MonitoringRound.objects.select_for_update().get(pk=monitoring_round.pk)
        if stored.is_closed:
            raise MonitoringError(_("The round is closed and can no longer be changed."))
        monitoring_round.state = stored.state
        recorded_by(monitoring_round, user).save()
        if monitoring_round.is_open:
            monitoring_round.requests.update(expires_on=monitoring_round.link_expiry)
    return monitoring_round


def update_requests(
    monitoring_round: MonitoringRound,
    selection: Mapping[int, ContactPerson | None],
    user: User,
) -> tuple[int, int]:
    """Apply staff's choice of measures and contacts: `selection` maps measure id → contact.

    Measures left out lose their request unless it has an answer. A new contact for an
    unanswered request invalidates the old link; the next invitation goes to the new contact.
    """
    with transaction.atomic():
        locked = MonitoringRound.objects.select_for_update().get(pk=monitoring_round.pk)
        if locked.is_closed:
            raise MonitoringError(_("The round is closed and can no longer be changed."))
        requests = {request.measure_id: request for request in locked.requests.all()}
        dropped = [request for pk, request in requests.items() if pk not in selection]
        if any(request.is_answered for request in dropped):
            raise MonitoringError(_("A request that has been answered cannot be removed."))
        MonitoringRequest.objects.filter(pk__in=[request.pk for request in dropped]).delete()
        changed: list[MonitoringRequest] = []
        for measure_id, contact in selection.items():
            request = requests.get(measure_id)
            if request is None:
                request = MonitoringRequest(round=locked, measure_id=measure_id)
                if locked.is_open:
                    request.expires_on = locked.link_expiry
            elif request.contact_id == (contact.pk if contact else None) or request.is_answered:
                continue
            else:
                request.token_hash = ""
                request.invited_at = None
            request.contact = contact
            changed.append(recorded_by(request, user))
        for request in changed:
            request.save()
    return len(changed), len(dropped)


def open_round(monitoring_round: MonitoringRound, user: User) -> MonitoringRound:
    """Open a draft round: its links become valid until the due date plus the grace period."""
    with transaction.atomic():
        locked = MonitoringRound.objects.select_for_update().get(pk=monitoring_round.pk)
        if not locked.is_draft:
            raise MonitoringError(_("Only a draft round can be opened."))
        if not locked.requests.exists():
            raise MonitoringError(_("The round asks about no measure; select measures first."))
        if MonitoringRound.objects.filter(
            plan_id=locked.plan_id, state=MonitoringRound.State.OPEN
        ).exists():
            raise MonitoringError(_("Another round is still open; close it first."))
        locked.state = MonitoringRound.State.OPEN
        locked.opened_at = timezone.now()
        recorded_by(locked, user).save(update_fields=["state", "opened_at"])
        locked.requests.update(expires_on=locked.link_expiry)
    return locked


def submit_report(
    request: MonitoringRequest,
    report_fields: Mapping[str, Any],
    indicator_values: Iterable[tuple[Indicator, Any]],
    user: User | None = None,
) -> MonitoringRequest:
    """Store a partner's report (or staff's entry on the partner's behalf) for review.

    `report_fields` are the StatusReport fields, `indicator_values` (indicator, value) pairs.
    The partner may correct the report until it has been reviewed; a returned report is
    corrected in place and goes back to the review queue.
    """
    with transaction.atomic():
        # Only the request's row is locked; the joined rows may be missing (no report yet).
        locked = (
            MonitoringRequest.objects.select_for_update(of=("self",))
            .select_related("round", "report")
            .get(pk=request.pk)
        )
        if not locked.round.is_open or locked.state not in MonitoringRequest.ANSWERABLE_STATES:
            raise MonitoringError(_("This request can no longer be answered."))
        report = locked.report or StatusReport(measure_id=locked.measure_id)
        for name, value in report_fields.items():
            setattr(report, name, value)
        report.reporting_date = locked.round.reporting_date
        report.review_state = StatusReport.ReviewState.SUBMITTED
        if user is not None:
            report.author = user
        recorded_by(report, user).save()
        report.reported_values.all().delete()
        ReportedIndicatorValue.objects.bulk_create(
            ReportedIndicatorValue(report=report, indicator=indicator, value=value)
            for indicator, value in indicator_values
        )
        locked.report = report
        locked.state = MonitoringRequest.State.SUBMITTED
        locked.submitted_at = timezone.now()
        recorded_by(locked, user).save()
    return locked


def _lock_for_review(request: MonitoringRequest) -> tuple[MonitoringRequest, StatusReport]:
    """The request, locked, and its submitted report; MonitoringError unless it awaits review."""
    locked = (
        MonitoringRequest.objects.select_for_update(of=("self",))
        .select_related("round", "report", "measure")
        .get(pk=request.pk)
    )
    if not locked.round.is_open:
        raise MonitoringError(_("The round is closed and can no longer be changed."))
    report = locked.report
    if locked.state != MonitoringRequest.State.SUBMITTED or report is None:
        raise MonitoringError(_("Only a submitted report can be reviewed."))
    return locked, report


def accept_report(request: MonitoringRequest, user: User) -> MonitoringRequest:
    """Accept a submitted report: the measure takes its status, progress and indicator values."""
    with transaction.atomic():
        locked, report = _lock_for_review(request)
        report.review_state = StatusReport.ReviewState.ACCEPTED
        recorded_by(report, user).save(update_fields=["review_state"])
        apply_accepted_report(report, user)
        for reported in report.reported_values.select_related("indicator"):
            _store_indicator_value(reported, report.reporting_date, locked.round, user)
        locked.state = MonitoringRequest.State.ACCEPTED
        locked.reviewed_at = timezone.now()
        locked.reviewed_by = user
        recorded_by(locked, user).save()
    return locked


def _store_indicator_value(
    reported: ReportedIndicatorValue,
    date: datetime.date,
    monitoring_round: MonitoringRound,
    user: User,
) -> None:
    value = IndicatorValue.objects.filter(indicator_id=reported.indicator_id, date=date).first()
    value = value or IndicatorValue(indicator_id=reported.indicator_id, date=date)
    value.value = reported.value
    value.note = monitoring_round.title
    recorded_by(value, user).save()


def return_report(request: MonitoringRequest, user: User, comment: str) -> MonitoringRequest:
    """Return a submitted report to the partner with a comment; the link stays valid."""
    if not comment.strip():
        raise MonitoringError(_("Please tell the partner what to change."))
    with transaction.atomic():
        locked, report = _lock_for_review(request)
        report.review_state = StatusReport.ReviewState.RETURNED
        report.review_comment = comment.strip()
        recorded_by(report, user).save(update_fields=["review_state", "review_comment"])
        locked.state = MonitoringRequest.State.RETURNED
        locked.reviewed_at = timezone.now()
        locked.reviewed_by = user
        recorded_by(locked, user).save()
    return locked


def close_round(monitoring_round: MonitoringRound, user: User) -> tuple[MonitoringRound, Job]:
    """Close an open round once every submitted report has been reviewed; the closed round is
    read-only from then on. Its report is archived in both editions by the worker once the
    close has committed (tasks.archive_round_reports); the job tells how far it is."""
    with transaction.atomic():
        locked = MonitoringRound.objects.select_for_update().get(pk=monitoring_round.pk)
        if not locked.is_open:
            raise MonitoringError(_("Only an open round can be closed."))
        pending = locked.requests.filter(state=MonitoringRequest.State.SUBMITTED).count()
        if pending:
            raise MonitoringError(
                ngettext(
                    "%(count)d submitted report has not been reviewed yet.",
                    "%(count)d submitted reports have not been reviewed yet.",
                    pending,
                )
                % {"count": pending}
            )
        locked.state = MonitoringRound.State.CLOSED
        locked.closed_at = timezone.now()
        recorded_by(locked, user).save(update_fields=["state", "closed_at"])
        job = start_job(
            archive_round_reports,
            kind=CLOSE_KIND,
            title=_("Archiving the report of %(round)s") % {"round": locked.title},
            user=user,
            permission="measures.issue_official_report",
            subject=round_subject(locked),
            total=len(ArchivedReport.Edition.values),
            round_id=locked.pk,
            user_id=user.pk,
        )
    return locked, job
