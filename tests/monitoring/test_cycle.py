"""The whole monitoring cycle through the web pages, as staff and a partner do it."""

import datetime
import hashlib
import io
import re

from django.core import mail
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from measures.models import (
    ArchivedReport,
    IndicatorValue,
    Measure,
    MonitoringRequest,
    MonitoringRound,
    StatusReport,
)

TODAY = timezone.localdate()
DUE = TODAY + datetime.timedelta(days=21)
LINK = re.compile(r"http://testserver/partner/([\w-]+)/")


def partner_data(**changes):
    data = {
        "status": "delayed",
        "progress": "55",
        "text": "Die Kinderbetreuung fehlt im Herbstkurs.",
        "next_steps": "Neue Räume suchen.",
        "obstacles": "",
        "author_name": "Katharina Seitz",
    }
    data.update(changes)
    return data


def test_open_mail_submit_return_resubmit_accept_close(
    client, koordination, measure, contact, indicator, django_capture_on_commit_callbacks
):
    staff = client
    staff.force_login(koordination)

    # Koordination creates a round; it asks about the measure's lead actor's contact.
    response = staff.post(
        reverse("monitoring:round_create"),
        {
            "title": "Monitoring Herbst 2026",
            "reporting_date": f"{TODAY:%d.%m.%Y}",
            "due_date": f"{DUE:%d.%m.%Y}",
            "invitation_text": "Guten Tag {name},\n\n{links}\n\nbis {due_date}.\n{sender}",
            "reminder_text": "Erinnerung {name}: {links}",
        },
    )
    monitoring_round = MonitoringRound.objects.get()
    assert response.status_code == 302
    request = monitoring_round.requests.get()
    assert (request.measure, request.contact) == (measure, contact)

    staff.post(reverse("monitoring:round_open", args=[monitoring_round.pk]))
    with django_capture_on_commit_callbacks(execute=True):  # the worker sends after the commit
        staff.post(reverse("monitoring:round_invite", args=[monitoring_round.pk]))

    assert len(mail.outbox) == 1
    invitation = mail.outbox[0]
    assert invitation.to == ["Katharina Seitz <katharina.seitz@example.org>"]
    assert "Guten Tag Katharina Seitz" in invitation.body
    assert f"bis {DUE:%d.%m.%Y}." in invitation.body
    token = LINK.search(invitation.body)[1]
    request.refresh_from_db()
    assert request.invited_at is not None
    assert request.token_hash == hashlib.sha256(token.encode()).hexdigest()

    # The partner opens the link without an account and reports.
    partner = client.__class__()
    link = reverse("partner:report", args=[token])
    page = partner.get(link)
    assert page.status_code == 200
    assert "Mama lernt Deutsch" in page.content.decode()
    response = partner.post(link, partner_data(**{f"indicator_{indicator.pk}": "46"}))
    assert response["Location"] == reverse("partner:thanks", args=[token])
    request.refresh_from_db()
    assert request.state == MonitoringRequest.State.SUBMITTED
    assert request.report.review_state == StatusReport.ReviewState.SUBMITTED
    measure.refresh_from_db()
    assert (measure.status, measure.progress) == ("in_progress", 40)  # not before review

    # Koordination returns it with a comment; the partner is told by e-mail.
    review = staff.get(reverse("monitoring:request_review", args=[request.pk]))
    assert "Die Kinderbetreuung fehlt im Herbstkurs." in review.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        staff.post(
            reverse("monitoring:request_return", args=[request.pk]),
            {"comment": "Bitte nennen Sie die Zahl der Teilnehmerinnen."},
        )
    request.refresh_from_db()
    assert request.state == MonitoringRequest.State.RETURNED
    assert len(mail.outbox) == 2
    assert "Bitte nennen Sie die Zahl der Teilnehmerinnen." in mail.outbox[1].body
    assert "denselben Link" in mail.outbox[1].body

    # The same link shows the comment and takes the corrected report.
    page = partner.get(link).content.decode()
    assert "Bitte nennen Sie die Zahl der Teilnehmerinnen." in page
    partner.post(
        link,
        partner_data(
            text="Vier Gruppen mit 46 Teilnehmerinnen.", **{f"indicator_{indicator.pk}": "46,5"}
        ),
    )
    request.refresh_from_db()
    assert request.state == MonitoringRequest.State.SUBMITTED
    assert StatusReport.objects.count() == 1  # corrected in place

    version = measure.version
    staff.post(reverse("monitoring:request_accept", args=[request.pk]))

    measure.refresh_from_db()
    assert (measure.status, measure.progress) == (Measure.Status.DELAYED, 55)
    assert measure.version == version + 1
    report = StatusReport.objects.get()
    assert report.review_state == StatusReport.ReviewState.ACCEPTED
    assert report.text == "Vier Gruppen mit 46 Teilnehmerinnen."
    assert report.history.first().history_user == koordination
    value = IndicatorValue.objects.get(indicator=indicator, date=monitoring_round.reporting_date)
    assert str(value.value) == "46.50"
    # Used up: the link answers with the neutral page now.
    assert partner.get(link).status_code == 404

    assert (
        staff.get(reverse("monitoring:round_close", args=[monitoring_round.pk])).status_code == 200
    )
    # The close commits; the worker (here: at once after the commit) archives both editions.
    with django_capture_on_commit_callbacks(execute=True):
        staff.post(reverse("monitoring:round_close", args=[monitoring_round.pk]))

    monitoring_round.refresh_from_db()
    assert monitoring_round.state == MonitoringRound.State.CLOSED
    archived = {item.edition: item for item in ArchivedReport.objects.all()}
    assert set(archived) == {"internal", "public"}
    internal = archived["internal"]
    assert internal.round == monitoring_round
    assert internal.created_by == koordination
    with internal.file.open("rb") as handle:
        stored = handle.read()
    assert hashlib.sha256(stored).hexdigest() == internal.sha256
    download = staff.get(reverse("reports:archive_download", args=[internal.pk]))
    assert download.status_code == 200
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(download.content)).pages)
    assert "Vier Gruppen mit 46 Teilnehmerinnen." in text


def test_a_closed_round_is_read_only(client, koordination, open_round, linked):
    request, token = linked
    client.force_login(koordination)
    client.post(reverse("monitoring:round_close", args=[open_round.pk]))
    open_round.refresh_from_db()
    assert open_round.is_closed

    response = client.post(
        reverse("monitoring:round_edit", args=[open_round.pk]),
        {"title": "Geändert", "reporting_date": "05.11.2026", "due_date": "04.12.2026"},
    )
    assert response.status_code == 302
    open_round.refresh_from_db()
    assert open_round.title == "Monitoring Herbst 2026"
    client.post(reverse("monitoring:request_enter", args=[request.pk]), partner_data())
    assert not StatusReport.objects.exists()
    client.logout()
    assert client.get(reverse("partner:report", args=[token])).status_code == 404


def test_a_round_with_unreviewed_reports_cannot_be_closed(client, koordination, open_round, linked):
    from tests.monitoring.builders import submit

    submit(linked[0])
    client.force_login(koordination)
    page = client.get(reverse("monitoring:round_close", args=[open_round.pk])).content.decode()
    assert "noch nicht geprüft" in page
    client.post(reverse("monitoring:round_close", args=[open_round.pk]))
    open_round.refresh_from_db()
    assert open_round.is_open
    assert not ArchivedReport.objects.exists()


def test_clerk_enters_a_report_on_behalf_and_only_koordination_accepts(
    client, sachbearbeitung, measure, linked
):
    request, _token = linked
    client.force_login(sachbearbeitung)
    client.post(
        reverse("monitoring:request_enter", args=[request.pk]),
        partner_data(author_name="Katharina Seitz (telefonisch)"),
    )
    request.refresh_from_db()
    assert request.state == MonitoringRequest.State.SUBMITTED
    assert request.report.author == sachbearbeitung
    assert request.report.author_name == "Katharina Seitz (telefonisch)"

    response = client.post(reverse("monitoring:request_accept", args=[request.pk]))
    assert response.status_code == 403
    request.refresh_from_db()
    assert request.state == MonitoringRequest.State.SUBMITTED


def test_accepting_an_older_report_keeps_the_newer_status(
    client, koordination, measure, status_report, linked
):
    from tests.monitoring.builders import submit

    # A staff report dated after the round's reporting date stays the measure's state.
    request, _token = linked
    status_report.reporting_date = request.round.reporting_date.replace(month=12)
    status_report.save()
    submit(request, status=Measure.Status.PLANNED, progress=10)
    client.force_login(koordination)
    client.post(reverse("monitoring:request_accept", args=[request.pk]))
    measure.refresh_from_db()
    assert (measure.status, measure.progress) == (Measure.Status.IN_PROGRESS, 40)
