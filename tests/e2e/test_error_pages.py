"""The error pages in Chromium: German, audited like every page, with a way back."""

import re

from django.urls import reverse
from playwright.sync_api import expect

from measures.models import StatusReport
from tests.e2e.conftest import audit, visit
from tests.monitoring.builders import make_contact, make_request, make_round


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
    page.context.clear_cookies(name="csrftoken")
    page.context.guard.allowed_statuses.add(403)
    with page.expect_response(lambda response: response.request.method == "POST") as answer:
        page.get_by_role("button", name="Sachstandsbericht speichern").click()
    assert answer.value.status == 403
    audit(page)
    expect(page).to_have_title(re.compile(r"^Formular abgelaufen"))
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Das Formular konnte nicht gesendet werden"
    )
    expect(page.get_by_role("main")).to_contain_text("laden Sie die Seite neu")
    assert not StatusReport.objects.filter(measure=measure).exists()
    page.get_by_role("link", name="Zurück zur Übersicht").click()
    audit(page)


def test_a_partner_whose_form_expired_is_told_to_open_the_link_again(
    open_browser, plan, measure, actor
):
    _request, token = make_request(make_round(plan), measure, make_contact(actor))
    page = open_browser()
    visit(page, reverse("partner:report", args=[token]))
    page.context.clear_cookies(name="csrftoken")
    page.context.guard.allowed_statuses.add(403)
    with page.expect_response(lambda response: response.request.method == "POST") as answer:
        page.get_by_role("button", name="Bericht senden").click()
    assert answer.value.status == 403
    audit(page)
    main = page.get_by_role("main")
    expect(main).to_contain_text("Bitte öffnen Sie den Link aus unserer E-Mail noch einmal")
    expect(main.get_by_role("link")).to_have_count(0)  # no way into the staff pages
