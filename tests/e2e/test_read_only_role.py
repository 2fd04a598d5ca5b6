"""Workflow 8: Lesezugriff reads everything, is offered no change, and is refused every change.

The URLs come from the permission table (tests/url_permissions/): every page that the table
refuses to Lesezugriff is opened directly and must show the German "access denied" page.
"""

import datetime
from urllib.parse import urlsplit

import pytest
from django.urls import Resolver404, resolve, reverse
from django.utils import timezone

from committee.models import AgendaItem, Committee, Meeting
from network.models import ContactPerson
from tests.e2e.conftest import audit, visit
from tests.test_permissions import TABLE

READ_ONLY = "lesezugriff"
REFUSED = sorted(
    name for name, (_kwargs, expected, *_post) in TABLE.items() if expected[READ_ONLY] == 403
)
# What the page layout offers every signed-in user to send.
LAYOUT_FORMS = {"logout", "set_language"}


@pytest.fixture
def objects(measure, status_report, actor):
    """The shared objects the permission table's URL builders expect, linked to each other."""
    committee = Committee.objects.create(name="Integrationsausschuss", short_name="IA")
    meeting = Meeting.objects.create(
        committee=committee,
        number=4,
        start=timezone.make_aware(datetime.datetime(2026, 12, 3, 17, 0)),
    )
    item = AgendaItem.objects.create(meeting=meeting, number="1", title="Sachstand Sprachkurse")
    item.measures.add(measure)
    ContactPerson.objects.create(
        actor=actor, first_name="Derya", last_name="Kaya", email="derya.kaya@example.com"
    )
    return {"measure": measure, "actor": actor, "meeting": meeting}


def url_kwargs(name, objects, number):
    """The URL's arguments from the table's builder; each gets a meeting of its own, since
    the builders add agenda item 1 to the meeting they are given."""
    builder = TABLE[name][0]
    if builder is None:
        return None
    meeting = objects["meeting"]
    own = Meeting.objects.create(committee=meeting.committee, number=number, start=meeting.start)
    return builder({**objects, "meeting": own})


def url_name(url):
    """The URL pattern's name for a link or form target on our site, or None elsewhere."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        return None
    try:
        match = resolve(parts.path)
    except Resolver404:
        return None
    return match.view_name


def offered_changes(page):
    """Links, buttons and forms on the page that lead to something Lesezugriff may not do."""
    links = page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)")
    forms = page.eval_on_selector_all(
        "form",
        "forms => forms.map(f => [f.action, (f.getAttribute('method') || 'get').toLowerCase()])",
    )
    buttons = page.eval_on_selector_all(
        "button[formaction], input[formaction]", "buttons => buttons.map(b => b.formAction)"
    )
    offered = []
    for url in links:
        name = url_name(url)
        if name in TABLE and TABLE[name][1][READ_ONLY] != 200:
            offered.append(f"link to {name}: {url}")
    for url, method in forms:
        name = url_name(url)
        if method == "post" and name not in LAYOUT_FORMS:
            offered.append(f"form posting to {name}: {url}")
    offered += [f"button sending to {url_name(url)}: {url}" for url in buttons]
    return offered


def test_read_only_access_shows_no_change_controls(open_browser, lesezugriff, objects):
    page = open_browser(lesezugriff)
    visit(page, reverse("measures:list"))
    assert offered_changes(page) == []

    page.get_by_role("link", name="Mama lernt Deutsch").click()
    audit(page)
    assert page.get_by_role("heading", level=1).inner_text() == "1.1 Mama lernt Deutsch"
    assert page.get_by_text("Zwei Kurse laufen.").is_visible()
    assert page.get_by_role("link", name="Sachstand erfassen").count() == 0
    assert page.get_by_role("link", name="Maßnahme bearbeiten").count() == 0
    assert offered_changes(page) == []

    details = page.get_by_role("region", name="Angaben")
    details.get_by_role("link", name="Volkshochschule Göppingen").click()
    audit(page)
    assert page.get_by_role("heading", level=1).inner_text() == "Volkshochschule Göppingen"
    assert page.get_by_text("Kaya").first.is_visible()
    assert offered_changes(page) == []

    visit(page, reverse("measures:detail", args=[objects["measure"].pk]))
    committee = page.get_by_role("region", name="Beratung im Ausschuss")
    committee.get_by_role("link").first.click()
    audit(page)
    assert urlsplit(page.url).path == objects["meeting"].get_absolute_url()
    assert page.get_by_text("Sachstand Sprachkurse").first.is_visible()
    assert offered_changes(page) == []


def test_every_change_page_is_refused_with_the_german_error_page(
    open_browser, lesezugriff, objects
):
    assert len(REFUSED) > 30, "the permission table lost its write URLs"
    urls = [
        reverse(name, kwargs=url_kwargs(name, objects, number))
        for number, name in enumerate(REFUSED, start=10)
    ]
    page = open_browser(lesezugriff)
    for url in urls:
        visit(page, url, status=403)
        assert page.title().startswith("Zugriff verweigert"), url
        assert page.get_by_role("heading", level=1).inner_text() == "Zugriff verweigert", url
        assert page.get_by_text("Ihre Rolle erlaubt diese Seite oder Aktion nicht.").is_visible()
        assert page.get_by_role("navigation", name="Hauptnavigation").is_visible(), url

    # The page offers a way back.
    page.get_by_role("main").get_by_role("link", name="Zurück zur Übersicht").click()
    audit(page)
    assert urlsplit(page.url).path == reverse("dashboard")
