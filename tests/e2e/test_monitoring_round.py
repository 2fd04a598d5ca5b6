"""Workflow 5 in Chromium: a monitoring round from the draft to the archived report.

Koordination creates and opens the round and sends the invitations; the partner opens the
personal link from the e-mail on a phone, reports, gets the report back with a question,
corrects it; Koordination accepts it, closes the round and downloads the archived PDF.
The partner's page once sent "Referrer-Policy: no-referrer", so Chromium posted the form with
"Origin: null" and the CSRF check refused it: this test is the proof that a browser can send.
"""

import datetime
import re
from decimal import Decimal

import pytest
from django.core import mail
from django.urls import reverse
from pypdf import PdfReader

from measures.models import (
    Indicator,
    IndicatorValue,
    Measure,
    MonitoringRequest,
    StatusReport,
)
from network.models import ContactPerson
from tests.e2e.conftest import PHONE, audit, visit
from tests.e2e.helpers import submit_without_csrf_cookie
from tests.monitoring.builders import make_contact, make_request, make_round

LINK = re.compile(r"https?://[^\s/]+/partner/[\w-]+/")
FIRST_TEXT = "Der Herbstkurs hat mit zwölf Müttern begonnen."
SECOND_TEXT = "Der Herbstkurs hat mit zwölf Müttern begonnen; die Kinderbetreuung fehlt noch."
COMMENT = "Bitte nennen Sie, was für die Kinderbetreuung noch fehlt."


@pytest.fixture
def setting(plan, action_field, actor, measure, status_report):
    """Two measures of one actor with two contacts, the first with an indicator."""
    Measure.objects.create(
        plan=plan,
        action_field=action_field,
        code="1.2",
        title="Sprachcafé im Stadtteil",
        lead_actor=actor,
        status=Measure.Status.IN_PROGRESS,
        progress=20,
    )
    make_contact(actor, "Jonas", "Berger")
    make_contact(actor, "Katharina", "Seitz")
    indicator = Indicator.objects.create(
        measure=measure, title="Teilnehmerinnen", unit="Personen", baseline=18, target=60
    )
    IndicatorValue.objects.create(indicator=indicator, date=datetime.date(2025, 12, 31), value=38)
    return indicator


def partner_link(message):
    links = LINK.findall(message.body)
    assert len(links) == 1, message.body
    return links[0]


def send_report(partner, live_server):
    """Send the partner's form and check that the browser posted with our own origin."""
    with partner.expect_request(lambda request: request.method == "POST") as posted:
        partner.get_by_role("button", name="Bericht senden").click()
    assert posted.value.header_value("origin") == live_server.url
    audit(partner)


def test_a_round_from_draft_to_archived_report(open_browser, live_server, koordination, setting):
    office = open_browser(koordination)
    visit(office, reverse("monitoring:round_list"))
    office.get_by_role("link", name="Neue Abfrage").click()
    audit(office)
    office.get_by_label("Titel").fill("Monitoring Herbst 2026")
    office.get_by_role("button", name="Entwurf anlegen").click()
    audit(office)
    assert office.get_by_role("heading", level=1).inner_text() == "Monitoring Herbst 2026"
    assert "Entwurf" in office.locator(".round-state").inner_text()

    # Ask only about 1.1, and ask Katharina Seitz rather than the first contact, Jonas Berger.
    office.get_by_role("link", name="Maßnahmen und Ansprechpersonen").click()
    audit(office)
    office.get_by_label("1.2 abfragen").uncheck()
    contact = office.get_by_label("Ansprechperson für 1.1")
    assert "Jonas Berger" in contact.locator("option:checked").inner_text()
    contact.select_option(label="Katharina Seitz <katharina.seitz@example.org>")
    office.get_by_role("button", name="Auswahl speichern").click()
    audit(office)
    requests = office.get_by_role("table")
    assert "Katharina Seitz" in requests.inner_text()
    assert "Sprachcafé" not in requests.inner_text()

    office.get_by_role("button", name="Abfrage eröffnen").click()
    audit(office)
    office.get_by_role("button", name="Einladungen versenden (1 Anfrage)").click()
    audit(office)
    assert len(mail.outbox) == 1
    invitation = mail.outbox[0]
    assert invitation.to == ["Katharina Seitz <katharina.seitz@example.org>"]
    assert "1.1 Mama lernt Deutsch" in invitation.body
    link = partner_link(invitation)
    assert link.startswith(live_server.url)

    # The partner, on a phone, without an account.
    partner = open_browser(viewport=PHONE)
    response = visit(partner, link)
    assert response.headers["referrer-policy"] == "same-origin"
    assert partner.get_by_role("heading", level=1).inner_text() == "1.1 Mama lernt Deutsch"
    assert partner.get_by_text("Zwei Kurse laufen.").is_visible()
    partner.get_by_label("Wie steht die Maßnahme?").select_option(label="verzögert")
    partner.get_by_label("Wie weit ist sie? (0 bis 100 %)").fill("50")
    partner.get_by_label("Was ist seit dem letzten Bericht passiert?").fill(FIRST_TEXT)
    partner.get_by_label("Was sind die nächsten Schritte?").fill("Zweiten Kurs planen.")
    partner.get_by_label("Teilnehmerinnen (Personen)").fill("44,5")
    partner.get_by_label("Ihr Name").fill("Katharina Seitz")
    send_report(partner, live_server)
    assert partner.get_by_role("heading", level=1).inner_text() == "Vielen Dank für Ihren Bericht"
    assert partner.get_by_text(FIRST_TEXT).is_visible()

    # Koordination compares the report with the last accepted one and returns it.
    visit(office, reverse("monitoring:round_list"))
    office.get_by_role("link", name="Monitoring Herbst 2026").click()
    audit(office)
    office.get_by_role("link", name="Prüfen", exact=True).click()
    audit(office)
    previous = office.get_by_role("region", name="Letzter übernommener Bericht")
    submitted = office.get_by_role("region", name="Eingereichter Bericht")
    assert "Zwei Kurse laufen." in previous.inner_text()
    assert FIRST_TEXT in submitted.inner_text()
    assert "44,5" in office.get_by_role("region", name="Kennzahlen").inner_text()
    office.get_by_label("Was soll der Partner ändern?").fill(COMMENT)
    office.get_by_role("button", name="Mit Rückmeldung zurückgeben").click()
    audit(office)
    assert office.get_by_text("Der Bericht wurde zurückgegeben").is_visible()
    assert len(mail.outbox) == 2
    notice = mail.outbox[1]
    assert notice.to == invitation.to
    assert COMMENT in notice.body
    assert "denselben Link" in notice.body

    # The partner opens the same link again, reads the question and corrects the report.
    visit(partner, link)
    question = partner.get_by_role("status")
    assert "Wir haben eine Rückfrage zu Ihrem Bericht" in question.inner_text()
    assert COMMENT in question.inner_text()
    text = partner.get_by_label("Was ist seit dem letzten Bericht passiert?")
    assert text.input_value() == FIRST_TEXT
    text.fill(SECOND_TEXT)
    partner.get_by_label("Wie weit ist sie? (0 bis 100 %)").fill("60")
    send_report(partner, live_server)
    assert partner.get_by_text(SECOND_TEXT).is_visible()

    # Koordination accepts; the measure takes over status, progress and the indicator value.
    visit(office, office.url)
    office.get_by_role("link", name="Prüfen", exact=True).click()
    audit(office)
    assert COMMENT in office.get_by_text("Frühere Rückmeldung:").inner_text()
    office.get_by_role("button", name="Bericht übernehmen").click()
    audit(office)
    assert office.get_by_text("Der Bericht zu 1.1 wurde übernommen").is_visible()
    office.get_by_role("link", name="Mama lernt Deutsch").click()
    audit(office)
    summary = office.locator("main").inner_text()
    assert "verzögert" in summary
    assert "60 %" in summary
    assert SECOND_TEXT in summary

    # Closing the round archives its report; the archive hands out the PDF.
    visit(office, reverse("monitoring:round_list"))
    office.get_by_role("link", name="Monitoring Herbst 2026").click()
    audit(office)
    office.get_by_role("link", name="Abfrage abschließen").click()
    audit(office)
    office.get_by_role("button", name="Abfrage abschließen und Bericht archivieren").click()
    audit(office)
    assert office.get_by_text("Die Abfrage ist abgeschlossen").is_visible()
    visit(office, reverse("reports:archive_list"))
    internal = office.get_by_role("row").filter(has_text="interne Ausgabe")
    with office.expect_download() as download:
        internal.get_by_role("link").click()
    assert download.value.suggested_filename.endswith(".pdf")
    reader = PdfReader(download.value.path())
    text = " ".join((page.extract_text() or "") for page in reader.pages)
    text = " ".join(text.split())
    assert len(reader.pages) > 1
    assert "Mama lernt Deutsch" in text
    assert "Kinderbetreuung fehlt noch" in text
    assert "Katharina Seitz" in text  # the internal edition names the reporter

    request = MonitoringRequest.objects.get()
    assert request.state == MonitoringRequest.State.ACCEPTED
    assert request.contact.last_name == "Seitz"
    assert request.measure.progress == 60
    assert setting.values.get(date=request.round.reporting_date).value == Decimal("44.5")


def test_a_partner_whose_form_has_expired_gets_the_german_page_and_nothing_is_stored(
    open_browser, plan, measure, actor
):
    contact = ContactPerson.objects.create(
        actor=actor, first_name="Katharina", last_name="Seitz", email="k.seitz@example.org"
    )
    request, token = make_request(make_round(plan), measure, contact)
    partner = open_browser(viewport=PHONE)
    visit(partner, reverse("partner:report", args=[token]))
    partner.get_by_label("Was ist seit dem letzten Bericht passiert?").fill("Ein Kurs läuft.")
    partner.get_by_label("Ihr Name").fill("Katharina Seitz")
    assert submit_without_csrf_cookie(partner, "Bericht senden") == 403
    audit(partner)
    assert partner.get_by_role("heading", level=1).inner_text() == (
        "Das Formular konnte nicht gesendet werden"
    )
    assert partner.get_by_text("öffnen Sie den Link aus unserer E-Mail noch einmal").is_visible()
    assert partner.locator("body.partner").count() == 1  # the partner layout, no staff menu
    assert "CSRF" not in partner.content()
    assert partner.get_by_role("main").get_by_role("link").count() == 0  # no way to staff pages

    request.refresh_from_db()
    assert request.state == MonitoringRequest.State.OPEN
    assert request.report is None
    assert not StatusReport.objects.filter(author_name="Katharina Seitz").exists()
