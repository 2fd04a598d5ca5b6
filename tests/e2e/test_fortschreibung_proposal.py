"""Proposals for the draft plan in Chromium (issue 13).

Koordination invites a contact person; the person opens the personal link from the e-mail on a
phone, sends an empty form (error summary), then a proposal, and sees the thanks page.
Sachbearbeitung accepts it as a new measure of the draft, and declines another with a reason,
which the proposer receives by e-mail.
"""

import re

import pytest
from django.core import mail
from django.urls import reverse
from playwright.sync_api import expect

from measures.models import Measure, Proposal
from tests.e2e.conftest import PHONE, audit, visit
from tests.plans.proposal_builders import make_draft, make_person, make_proposal

LINK = re.compile(r"https?://[^\s/]+/vorschlag/[\w-]+/")
REASON = "Ein Sprachcafé gibt es bereits in Maßnahme 1.2; wir ergänzen dort die Elternarbeit."


@pytest.fixture
def draft(plan):
    return make_draft(plan)


def pick(page, combobox, text):
    combobox.fill(text)
    expect(page.get_by_role("listbox")).to_be_visible()
    combobox.press("ArrowDown")
    combobox.press("Enter")


def test_a_proposal_by_link_on_a_phone_is_accepted_and_another_declined(
    open_browser, live_server, koordination, sachbearbeitung, draft
):
    person = make_person("Derya", "Kaya")
    office = open_browser(koordination)
    visit(office, reverse("plans:proposal_list", args=[draft.pk]))
    office.get_by_role("link", name="Zu Vorschlägen einladen").click()
    audit(office)
    pick(office, office.get_by_role("combobox", name=re.compile("Ansprechpersonen")), "Kaya")
    office.get_by_role("button", name="Einladungen senden").click()
    audit(office)
    assert office.get_by_text("1 Einladung wird gesendet.").is_visible()
    [invitation] = mail.outbox
    assert invitation.to == ["Derya Kaya <derya.kaya@example.org>"]
    link = LINK.search(invitation.body)[0]
    assert link.startswith(live_server.url)

    # The person, on a phone, without an account.
    phone = open_browser(viewport=PHONE)
    visit(phone, link)
    assert "Derya Kaya (Verein Kaya)" in phone.get_by_role("main").inner_text()
    phone.get_by_role("button", name="Vorschlag senden").click()
    audit(phone)
    summary = phone.locator(".error-summary")
    assert "Bitte korrigieren Sie" in summary.inner_text()
    assert "Kurzer Titel Ihres Vorschlags" in summary.inner_text()
    phone.get_by_label("eine neue Maßnahme").check()
    phone.get_by_label("Handlungsfeld").select_option(label="1 Sprache")
    phone.get_by_label("Kurzer Titel Ihres Vorschlags").fill("Sprachcafé für Väter")
    phone.get_by_label("Was soll getan werden?").fill("Ein Sprachcafé am Samstagvormittag.")
    phone.get_by_label("Was soll damit erreicht werden?").fill("Väter sprechen sicherer Deutsch.")
    phone.get_by_label("Ist die Idee in einem Fachforum entstanden? (freiwillig)").select_option(
        label="Fachforum Sprache und Bildung"
    )
    with phone.expect_request(lambda request: request.method == "POST") as posted:
        phone.get_by_role("button", name="Vorschlag senden").click()
    assert posted.value.header_value("origin") == live_server.url
    audit(phone)
    assert phone.get_by_role("heading", level=1).inner_text() == "Vielen Dank für Ihren Vorschlag"
    assert phone.get_by_role("link", name="Weiteren Vorschlag einreichen").is_visible()
    proposal = Proposal.objects.get()
    assert proposal.proposer_name == "Derya Kaya"

    # Sachbearbeitung accepts it as a new measure of the draft.
    clerk = open_browser(sachbearbeitung)
    visit(clerk, reverse("plans:proposal_list", args=[draft.pk]))
    clerk.get_by_role("link", name="Sprachcafé für Väter").click()
    audit(clerk)
    new = clerk.locator("form").filter(has_text="Als neue Maßnahme übernehmen")
    assert new.get_by_label("Titel").input_value() == "Sprachcafé für Väter"
    new.get_by_label("Nummer").fill("1.7")
    new.get_by_role("button", name="Als neue Maßnahme übernehmen").click()
    audit(clerk)
    assert clerk.get_by_text("Maßnahme 1.7 des Planentwurfs").is_visible()
    measure = Measure.objects.get(plan=draft, code="1.7")
    proposal.refresh_from_db()
    assert (proposal.state, proposal.result) == ("accepted", measure)
    assert measure.source_forum == draft.forums.get()

    # Another proposal is declined with a reason, which is e-mailed.
    other = make_proposal(proposal.invitation, title="Sprachcafé für Eltern")
    visit(clerk, reverse("plans:proposal_review", args=[draft.pk, other.pk]))
    clerk.get_by_role("button", name="Mit dieser Begründung ablehnen").click()
    audit(clerk)
    assert "Grund der Ablehnung" in clerk.locator(".error-summary").inner_text()
    clerk.get_by_label("Grund der Ablehnung").fill(REASON)
    clerk.get_by_role("button", name="Mit dieser Begründung ablehnen").click()
    audit(clerk)
    assert clerk.get_by_text("Der Vorschlag wurde abgelehnt").is_visible()
    notice = mail.outbox[-1]
    assert notice.to == invitation.to
    assert REASON in notice.body
    other.refresh_from_db()
    assert other.state == "declined"
    assert person.proposal_invitations.count() == 1
