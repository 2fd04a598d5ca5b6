"""Small builders for monitoring test data: rounds, requests with known tokens, reports."""

import datetime
import hashlib

from django.core.files.base import ContentFile

from measures.models import (
    ArchivedReport,
    Measure,
    MonitoringRequest,
    MonitoringRound,
    StatusReport,
)
from network.models import ContactPerson

REPORTING_DATE = datetime.date(2026, 11, 5)


def make_round(plan, state=MonitoringRound.State.OPEN, **fields):
    values = {
        "title": "Monitoring Herbst 2026",
        "reporting_date": REPORTING_DATE,
        "due_date": datetime.date(2099, 12, 1),
        "state": state,
        **fields,
    }
    return MonitoringRound.objects.create(plan=plan, **values)


def make_contact(actor, first_name="Katharina", last_name="Seitz", email=None):
    return ContactPerson.objects.create(
        actor=actor,
        first_name=first_name,
        last_name=last_name,
        email=email or f"{first_name.lower()}.{last_name.lower()}@example.org",
    )


def make_request(monitoring_round, measure, contact=None, **fields):
    """A request with a working link; returns (request, token)."""
    request = MonitoringRequest(
        round=monitoring_round,
        measure=measure,
        contact=contact,
        expires_on=monitoring_round.link_expiry,
        **fields,
    )
    token = request.issue_token()
    request.save()
    return request, token


def submit(request, status=Measure.Status.DELAYED, progress=55, **fields):
    """Attach a submitted partner report to `request`."""
    report = StatusReport.objects.create(
        measure=request.measure,
        reporting_date=request.round.reporting_date,
        status=status,
        progress=progress,
        text=fields.pop("text", "Die Kinderbetreuung fehlt im Herbstkurs."),
        author_name=fields.pop("author_name", "Katharina Seitz"),
        review_state=StatusReport.ReviewState.SUBMITTED,
        **fields,
    )
    request.report = report
    request.state = MonitoringRequest.State.SUBMITTED
    request.save()
    return report


def make_archived(content=b"%PDF-1.7 archived report", monitoring_round=None):
    archived = ArchivedReport(
        round=monitoring_round,
        edition=ArchivedReport.Edition.INTERNAL,
        title="Monitoringbericht – Aktueller Stand",
        sha256=hashlib.sha256(content).hexdigest(),
        size=len(content),
        created_by_name="Miriam Kessler",
    )
    archived.file.save("monitoringbericht-test.pdf", ContentFile(content), save=True)
    return archived
