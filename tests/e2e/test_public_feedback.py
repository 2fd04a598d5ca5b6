"""In Chromium on a phone: an anonymous visitor finds the accessibility statement, follows the
link to the feedback form, sends it empty (the error summary), then filled (the thanks); the
office's contact address receives the mail."""

from email.utils import parseaddr

import pytest
from django.core import mail
from django.urls import reverse

from public.models import AccessibilityFeedback
from tests.e2e.conftest import PHONE, audit, visit

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_visitor_reports_a_barrier_from_the_statement(open_browser, settings):
    settings.ACCESSIBILITY_CONTACT_EMAIL = "barrieren@goeppingen.example"
    page = open_browser(viewport=PHONE)
    visit(page, reverse("public:overview"))
    page.get_by_role("link", name="Erklärung zur Barrierefreiheit").click()
    audit(page)
    assert "teilweise vereinbar" in page.get_by_role("main").inner_text()

    page.get_by_role("link", name="Formular für Rückmeldungen zur Barrierefreiheit").click()
    audit(page)
    page.get_by_role("button", name="Rückmeldung senden").click()
    audit(page)
    summary = page.locator(".error-summary")
    assert "Welche Barriere ist Ihnen aufgefallen?" in summary.inner_text()
    assert page.title().startswith("Fehler:")
    # The summary's link leads to the field.
    summary.get_by_role("link").first.click()
    assert page.evaluate("() => document.activeElement.id") == "id_message"

    page.get_by_label("Welche Barriere ist Ihnen aufgefallen?").fill(
        "Die Tabelle der Maßnahmen lässt sich mit der Tastatur nicht scrollen."
    )
    page.get_by_label("Betroffene Seite").fill("/public/measures/")
    page.get_by_label("Ihre E-Mail-Adresse").fill("erika@example.org")
    page.get_by_role("button", name="Rückmeldung senden").click()
    audit(page)
    assert page.get_by_role("status").inner_text() == (
        "Vielen Dank. Ihre Rückmeldung wurde an die Integrationsstelle gesendet."
    )
    assert page.url.endswith("?sent=1")

    assert AccessibilityFeedback.objects.get().page == "/public/measures/"
    (message,) = mail.outbox
    assert [parseaddr(to)[1] for to in message.to] == ["barrieren@goeppingen.example"]
    assert "mit der Tastatur nicht scrollen" in message.body
