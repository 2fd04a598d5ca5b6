"""The error pages in Chromium: German, audited like every page, with a way back."""

import re

from django.urls import reverse
from playwright.sync_api import expect

from measures.models import StatusReport
from tests.e2e.conftest import audit, visit
from tests.e2e.helpers import submit_without_csrf_cookie


def test_an_unknown_measure_shows_the_german_404_page(open_browser, lesezugriff):
    page = open_browser(lesezugriff)
    visit(page, reverse("measures:detail", args=[999999]), status=404)
    expect(page.get_by_role("heading", level=1)).to_have_text("Seite nicht gefunden")
    page.get_by_role("link", name="Zurück zur Übersicht").click()
    audit(page)
    assert page.url.endswith(reverse("dashboard"))


def test_a_form_sent_without_its_csrf_cookie_shows_the_german_page(
    open_browser, sachbearbeitung, measure
):
    page = open_browser(sachbearbeitung)
    visit(page, reverse("measures:report", args=[measure.pk]))
    # As when the browser dropped the cookie, or the form was opened long ago.
    assert submit_without_csrf_cookie(page, "Sachstandsbericht speichern") == 403
    audit(page)
    expect(page).to_have_title(re.compile(r"^Formular abgelaufen"))
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Das Formular konnte nicht gesendet werden"
    )
    expect(page.get_by_role("main")).to_contain_text("laden Sie die Seite neu")
    assert not StatusReport.objects.filter(measure=measure).exists()
    page.get_by_role("link", name="Zurück zur Übersicht").click()
    audit(page)
