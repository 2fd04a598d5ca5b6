"""Errors and focus in Chromium (WCAG 1.3.1, 1.4.11, 2.4.3, 3.3.1, 4.1.3).

A form with errors puts the focus on its error summary and says "Fehler:" in the title; each
invalid field names its error (and help text) in aria-describedby; a summary link focuses its
field; moving an agenda item keeps the focus on the item's button and says where it went; the
focus ring shows with 3:1 or more on the dark header, on white and on grey.
"""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from committee.models import AgendaItem, Committee, Meeting
from tests.e2e.conftest import PHONE, audit, visit
from tests.monitoring.builders import make_contact, make_request, make_round

ACTIVE_CLASS = "document.activeElement.className"
ACTIVE_ID = "document.activeElement.id"
REQUIRED = "Fehler: Dieses Feld ist zwingend erforderlich."
DESCRIPTIONS = """field => field.getAttribute('aria-describedby').split(' ').map(id => {
  const target = document.getElementById(id);
  return target ? target.textContent.trim() : 'missing: ' + id;
})"""
# The focus ring's colours, the element's own background and the one around it.
RING = """element => {
  const background = node => {
    for (; node; node = node.parentElement) {
      const colour = getComputedStyle(node).backgroundColor;
      if (colour !== 'transparent' && !/rgba\\(.*,\\s*0\\)$/.test(colour)) return colour;
    }
    return 'rgb(255, 255, 255)';
  };
  const style = getComputedStyle(element);
  return {
    focusVisible: element.matches(':focus-visible'),
    outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2
      ? style.outlineColor : '',
    shadow: style.boxShadow,
    own: background(element),
    around: background(element.parentElement),
  };
}"""


def descriptions(field):
    return field.evaluate(DESCRIPTIONS)


def colours(text):
    return [
        tuple(int(part) for part in rgb[:3])
        for rgb in re.findall(r"rgba?\((\d+), (\d+), (\d+)", text)
    ]


def luminance(rgb):
    def channel(value):
        value /= 255
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (channel(value) for value in rgb)
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(first, second):
    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def assert_focus_ring_stands_out(element):
    ring = element.evaluate(RING)
    assert ring["focusVisible"]
    ring_colours = colours(ring["outline"]) + colours(ring["shadow"])
    assert len(ring_colours) >= 2, ring
    for background in (ring["around"], ring["own"]):
        best = max(contrast(colour, colours(background)[0]) for colour in ring_colours)
        assert best >= 3, f"focus ring {ring_colours} on {background}: {best:.1f}:1"


@pytest.fixture
def partner_url(plan, measure, actor):
    monitoring_round = make_round(plan)
    _request, token = make_request(monitoring_round, measure, make_contact(actor))
    return reverse("partner:report", args=[token])


@pytest.fixture
def agenda_items(db):
    committee = Committee.objects.create(name="Integrationsausschuss", short_name="IA")
    meeting = Meeting.objects.create(
        committee=committee, number=5, start=timezone.now() + datetime.timedelta(days=7)
    )
    titles = ["Begrüßung", "Bericht Sprachkurse", "Verschiedenes"]
    return [
        AgendaItem.objects.create(meeting=meeting, number=str(order), order=order, title=title)
        for order, title in enumerate(titles, start=1)
    ]


def test_an_invalid_measure_edit_leads_to_the_summary_and_from_there_to_the_field(
    open_browser, sachbearbeitung, measure
):
    page = open_browser(sachbearbeitung)
    visit(page, reverse("measures:edit", args=[measure.pk]))
    assert not page.title().startswith("Fehler")
    page.get_by_role("textbox", name="Titel", exact=True).fill("")
    page.get_by_role("button", name="Speichern").click()
    audit(page)

    assert page.title().startswith("Fehler: Maßnahme 1.1 bearbeiten")
    assert page.evaluate(ACTIVE_CLASS) == "error-summary"
    title = page.get_by_role("textbox", name="Titel", exact=True)
    assert title.get_attribute("aria-invalid") == "true"
    assert descriptions(title) == [REQUIRED]
    assert (
        page.get_by_role("textbox", name="Nummer", exact=True).get_attribute("aria-invalid") is None
    )

    page.locator(".error-summary").get_by_role("link", name="Titel:").click()
    assert page.evaluate(ACTIVE_ID) == "id_title"
    title.fill("Mama lernt Deutsch plus")
    page.get_by_role("button", name="Speichern").click()
    audit(page)
    assert not page.title().startswith("Fehler")
    assert page.locator("#messages[role=status]").inner_text() != ""


def test_the_partner_on_a_phone_sees_the_errors_first(open_browser, partner_url):
    page = open_browser(viewport=PHONE)
    visit(page, partner_url)
    page.get_by_label("Wie weit ist sie? (0 bis 100 %)").fill("150")
    page.get_by_label("Was ist seit dem letzten Bericht passiert?").fill("Zwei Kurse laufen.")
    page.get_by_label("Ihr Name").fill("Katharina Seitz")
    page.get_by_role("button", name="Bericht senden").click()
    audit(page)

    assert page.title().startswith("Fehler: ")
    assert page.evaluate(ACTIVE_CLASS) == "error-summary"
    # Right below the introduction, so the partner sees it without scrolling.
    assert page.evaluate("document.querySelector('.lead').nextElementSibling") == page.evaluate(
        "document.querySelector('.error-summary')"
    )
    box = page.locator(".error-summary").bounding_box()
    assert 0 <= box["y"] < PHONE["height"]
    progress = page.get_by_label("Wie weit ist sie? (0 bis 100 %)")
    assert progress.get_attribute("aria-invalid") == "true"
    assert descriptions(progress) == [
        "Eine Schätzung genügt: 0 heißt „noch nicht begonnen“, 100 heißt „fertig“.",
        "Fehler: Dieser Wert muss kleiner oder gleich 100 sein.",
    ]

    page.get_by_role("link", name="Wie weit ist sie? (0 bis 100 %): Dieser Wert").click()
    assert page.evaluate(ACTIVE_ID) == "id_progress"
    expect(page.locator("label[for=id_progress]")).to_be_in_viewport()


def test_a_wrong_password_is_announced_by_title_and_summary(open_browser, sachbearbeitung):
    page = open_browser()
    visit(page, reverse("login"))
    page.get_by_label("Benutzername").fill("sachbearbeitung")
    page.get_by_label("Passwort").fill("falsches-passwort")
    page.get_by_role("button", name="Anmelden").click()
    audit(page)
    assert page.title() == "Fehler: Anmelden – Stadt Göppingen"
    assert page.evaluate(ACTIVE_CLASS) == "error-summary"
    assert "Beide Felder berücksichtigen" in page.locator(".error-summary").inner_text()


def test_moving_an_agenda_item_by_keyboard_keeps_the_focus_on_it(
    open_browser, sachbearbeitung, agenda_items
):
    moved = agenda_items[2]
    page = open_browser(sachbearbeitung)
    visit(page, reverse("committee:agenda", args=[moved.meeting_id]))
    page.get_by_role("button", name="nach oben TOP 3: Verschiedenes").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    audit(page)
    assert page.url.endswith(f"#item-{moved.pk}")
    assert page.evaluate(ACTIVE_ID) == f"item-{moved.pk}-up"
    status = page.locator("#messages[role=status]")
    assert status.inner_text() == "TOP 3 „Verschiedenes“ steht jetzt an Stelle 2 von 3."
    # The focused button carries the message to a screen reader.
    assert page.evaluate("document.activeElement.getAttribute('aria-describedby')") == "messages"
    # One live region holding a plain list.
    assert page.locator("#messages > ul > li").count() == 1
    assert page.locator("#messages [role]").count() == 0

    # Once more: now first, the item has no "up" button left; the focus stays with the item.
    with page.expect_navigation():
        page.keyboard.press("Enter")
    audit(page)
    assert page.evaluate(ACTIVE_ID) == f"item-{moved.pk}-down"
    assert status.inner_text() == "TOP 3 „Verschiedenes“ steht jetzt an Stelle 1 von 3."
    subjects = page.locator(".agenda-table tbody tr td:nth-child(2)").all_inner_texts()
    assert subjects == ["Verschiedenes", "Begrüßung", "Bericht Sprachkurse"]


def test_the_focus_ring_stands_out_on_the_header_on_white_and_on_grey(
    open_browser, sachbearbeitung, measure
):
    page = open_browser(sachbearbeitung)
    visit(page, reverse("measures:list"))
    for _press in range(3):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('brand')"):
            break
    brand = page.locator(".site-header .brand")
    assert brand.evaluate("element => element === document.activeElement")
    assert_focus_ring_stands_out(brand)  # on the dark blue header

    apply = page.get_by_role("button", name="Filter anwenden")
    apply.focus()
    assert_focus_ring_stands_out(apply)  # a blue button on the grey filter panel

    visit(page, reverse("measures:edit", args=[measure.pk]))
    page.keyboard.press("Tab")
    cancel = page.get_by_role("link", name="Abbrechen")
    cancel.focus()
    assert_focus_ring_stands_out(cancel)  # a link on white


def test_the_archive_form_groups_its_radio_buttons(open_browser, koordination):
    page = open_browser(koordination)
    visit(page, reverse("reports:archive_list"))
    editions = page.get_by_role("group", name="Ausgabe")
    assert editions.get_by_role("radio").count() == 2
    assert page.get_by_role("radio", name="intern").is_checked()
    duplicates = page.evaluate(
        "() => [...document.querySelectorAll('[id]')].map(e => e.id)"
        ".filter((id, i, all) => all.indexOf(id) !== i)"
    )
    assert duplicates == []
