"""Subscribing to the meetings: a staff member makes a personal calendar link, copies it, a
calendar app (no login) fetches it, and after a confirmed revocation the link is dead."""

import datetime

from django.urls import reverse
from django.utils import timezone

from committee.models import Committee, Meeting
from tests.e2e.conftest import audit, visit
from tests.e2e.helpers import message


def test_make_use_and_revoke_a_personal_calendar_link(open_browser, lesezugriff):
    committee = Committee.objects.create(name="Integrationsausschuss", short_name="IA")
    closed = Meeting.objects.create(
        committee=committee,
        number=7,
        start=timezone.make_aware(datetime.datetime(2027, 1, 20, 17, 0)),
        is_public=False,
    )
    page = open_browser(lesezugriff)
    visit(page, reverse("committee:overview"))
    page.get_by_role("link", name="Kalender abonnieren").click()
    audit(page)
    assert page.get_by_role("heading", level=1).inner_text() == "Kalender abonnieren"
    assert page.get_by_text("Sie haben noch keinen Kalender-Link.").is_visible()

    page.get_by_role("button", name="Kalender-Link erstellen").click()
    audit(page)
    field = page.get_by_role("textbox", name="Ihr neuer Kalender-Link")
    url = field.input_value()
    assert "/committee/calendar/" in url and url.endswith(".ics")
    assert page.get_by_text("Er wird nur dieses eine Mal angezeigt.").is_visible()

    # A calendar app holds no session: the link alone opens the internal feed.
    app = open_browser().context.request
    feed = app.get(url)
    assert feed.status == 200
    assert feed.headers["content-type"] == "text/calendar; charset=utf-8"
    assert closed.calendar_uid in feed.text()
    assert app.get(url, headers={"If-None-Match": feed.headers["etag"]}).status == 304

    visit(page, reverse("committee:calendar_subscription"))
    # The link is shown only once, when it is made.
    assert page.get_by_role("textbox", name="Ihr neuer Kalender-Link").count() == 0
    assert page.get_by_text("Eine Kalender-App hat ihn zuletzt am").is_visible()

    # Revoking asks first; cancelling keeps the link.
    page.get_by_role("link", name="Link widerrufen").click()
    audit(page)
    assert page.get_by_role("heading", level=1).inner_text() == "Kalender-Link widerrufen"
    page.get_by_role("link", name="Abbrechen").click()
    audit(page)
    assert app.get(url).status == 200

    page.get_by_role("link", name="Link widerrufen").click()
    audit(page)
    page.get_by_role("button", name="Link widerrufen").click()
    audit(page)
    assert message(page) == "Ihr Kalender-Link wurde widerrufen."
    assert page.get_by_role("button", name="Kalender-Link erstellen").is_visible()
    assert app.get(url).status == 404
