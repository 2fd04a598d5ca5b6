"""Writes the monitoring rounds: two closed ones with archived reports and the open one."""

import datetime
from decimal import Decimal

from django.utils import timezone

from measures.models import (
    ArchivedReport,
    Measure,
    MonitoringRequest,
    MonitoringRound,
    ReportedIndicatorValue,
)
from measures.reports.archive import monitoring_report_pdf, report_filename, store_report
from network.models import ContactPerson

from .content import MEASURES, PENDING_DATE, REPORTING_DATES, STAFF_AUTHOR
from .content_monitoring import CLOSED_ROUNDS, OPEN_ROUND, OPEN_ROUND_INDICATOR_VALUES
from .helpers import bulk, day

State = MonitoringRequest.State
# Partners answer within two weeks of the invitation, the office reviews within three days.
ANSWER_DAYS = 14
REVIEW_DAYS = 3


def moment(date, hour=10):
    return timezone.make_aware(datetime.datetime.combine(date, datetime.time(hour)))


def load_rounds(plan, measures, reports):
    """Create the rounds with one request per measure; `reports` are all demo reports."""
    contacts = first_contacts([measure.lead_actor_id for measure in measures.values()])
    answers = {(report.measure_id, report.reporting_date): report for report in reports}
    rounds = []
    for title, index, due, opened, closed in CLOSED_ROUNDS:
        rounds.append(
            MonitoringRound(
                plan=plan,
                title=title,
                reporting_date=day(REPORTING_DATES[index]),
                due_date=day(due),
                state=MonitoringRound.State.CLOSED,
                created_at=moment(day(opened), 9),
                opened_at=moment(day(opened)),
                closed_at=moment(day(closed)),
            )
        )
    title, due, opened = OPEN_ROUND
    rounds.append(
        MonitoringRound(
            plan=plan,
            title=title,
            reporting_date=day(PENDING_DATE),
            due_date=day(due),
            state=MonitoringRound.State.OPEN,
            created_at=moment(day(opened), 9),
            opened_at=moment(day(opened)),
        )
    )
    rounds = bulk(MonitoringRound, rounds)
    requests = []
    for round_index, monitoring_round in enumerate(rounds):
        for index, spec in enumerate(MEASURES):
            measure = measures[spec["code"]]
            # The report histories spread a round's reports over a few days before it.
            report = answers.get((measure.pk, monitoring_round.reporting_date)) or answers.get(
                (measure.pk, monitoring_round.reporting_date - datetime.timedelta(days=index % 5))
            )
            if report is None and measure.status in Measure.CLOSED_STATUSES:
                continue
            requests.append(
                demo_request(monitoring_round, measure, contacts, report, index + round_index)
            )
    bulk(MonitoringRequest, requests)
    report_indicator_values(measures, answers)
    for monitoring_round in rounds[:-1]:
        archive_closed_round(monitoring_round)
    return rounds


def demo_request(monitoring_round, measure, contacts, report, number):
    opened = monitoring_round.opened_at
    request = MonitoringRequest(
        round=monitoring_round,
        measure=measure,
        contact=contacts.get(measure.lead_actor_id),
        expires_on=monitoring_round.link_expiry,
        invited_at=opened,
    )
    # The invitations' links went out by e-mail; their tokens are not kept anywhere.
    request.issue_token()
    if report is None:
        request.reminded_at = moment(monitoring_round.due_date - datetime.timedelta(days=3))
        request.reminder_count = 1
        return request
    request.report = report
    request.state = State(report.review_state)
    request.submitted_at = opened + datetime.timedelta(
        days=1 + number % ANSWER_DAYS, hours=number % 7, minutes=7 * number % 60
    )
    if request.state != State.SUBMITTED:
        request.reviewed_at = request.submitted_at + datetime.timedelta(days=REVIEW_DAYS)
    return request


def report_indicator_values(measures, answers):
    """The indicator values that come with the open round's submitted answers."""
    values = []
    for code, value in OPEN_ROUND_INDICATOR_VALUES.items():
        measure = measures[code]
        indicator = measure.indicators.order_by("pk").first()
        report = answers.get((measure.pk, day(PENDING_DATE)))
        if indicator and report:
            values.append(
                ReportedIndicatorValue(report=report, indicator=indicator, value=Decimal(value))
            )
    ReportedIndicatorValue.objects.bulk_create(values)


def first_contacts(actor_ids):
    """Each actor's first contact with an e-mail address, as staff would pick by default."""
    contacts = {}
    for contact in (
        ContactPerson.objects.filter(actor_id__in=actor_ids)
        .exclude(email="")
        .order_by("last_name", "first_name", "pk")
    ):
        contacts.setdefault(contact.actor_id, contact)
    return contacts


# Rendered demo reports by (round, edition). They depend only on the demo content and are
# dated on the round's closing day, so a second load in the same process (the test suite
# loads the demo many times) stores the same bytes without rendering them again.
_RENDERED = {}


def archive_closed_round(monitoring_round):
    """Archive both editions as they were issued on the day the round closed."""
    closed = monitoring_round.closed_at
    for edition in ArchivedReport.Edition.values:
        key = (monitoring_round.title, monitoring_round.reporting_date, edition)
        if key not in _RENDERED:
            pdf, data = monitoring_report_pdf(
                monitoring_round, edition, today=closed.date(), archival=True
            )
            _RENDERED[key] = (pdf, data["title"], report_filename(data))
        archived = store_report(*_RENDERED[key], None, monitoring_round, edition)
        archived.created_at = closed
        archived.created_by_name = STAFF_AUTHOR
        archived.save(update_fields=["created_at", "created_by_name"])
