"""Pickers in Chromium: partner actors and the lead actor filter by keyboard, and without script."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from committee.models import AgendaItem, Committee, Meeting
from measures.models import Measure, StatusReport
from network.models import Actor
from tests.e2e.conftest import PHONE, audit, visit


@pytest.fixture
def actors(db):
    names = ["Caritas Fils-Neckar-Alb", "Diakonie Göppingen", "Diakonieverein Eislingen"]
    # Enough others that a list of options would be long; none of them matches the searches.
    Actor.objects.bulk_create(Actor(name=f"Träger {number:03}") for number in range(120))
    return {name: Actor.objects.create(name=name) for name in names}


@pytest.fixture
def led_measures(plan, action_field, actors, measure):
    """1.1 led by the VHS (the `measure` fixture), 2.1 by Caritas, 2.2 by Diakonie Göppingen."""
    for code, name in (("2.1", "Caritas Fils-Neckar-Alb"), ("2.2", "Diakonie Göppingen")):
        Measure.objects.create(
            plan=plan,
            action_field=action_field,
            code=code,
            title=f"Angebot {code}",
            lead_actor=actors[name],
        )


def pick(page, combobox, text):
    """Type into a combobox, move to the first match with ArrowDown and take it with Enter."""
    combobox.fill(text)
    expect(page.get_by_role("listbox")).to_be_visible()
    combobox.press("ArrowDown")
    combobox.press("Enter")


def save(page):
    with page.expect_navigation():
        page.get_by_role("button", name="Speichern").click()
    audit(page)


def apply_filter(page):
    with page.expect_navigation():
        page.get_by_role("button", name="Filter anwenden").click()
    audit(page)


def partners_on_detail_page(page):
    row = page.locator("dt", has_text="Partner").locator("xpath=following-sibling::dd[1]")
    return row.inner_text()


def test_partner_actors_are_picked_and_removed_by_keyboard_only(
    open_browser, sachbearbeitung, measure, actors
):
    page = open_browser(sachbearbeitung)
    visit(page, f"/measures/{measure.pk}/edit/")
    combobox = page.get_by_role("combobox", name="Partner: suchen und hinzufügen")
    expect(combobox).to_have_attribute("aria-expanded", "false")

    combobox.fill("diakonie")
    listbox = page.get_by_role("listbox")
    expect(listbox.get_by_role("option")).to_have_text(
        ["Diakonie Göppingen", "Diakonieverein Eislingen"]
    )
    expect(combobox).to_have_attribute("aria-expanded", "true")
    expect(page.get_by_role("status").filter(has_text="2 Treffer")).to_have_count(1)
    combobox.press("ArrowDown")
    expect(combobox).to_have_attribute(
        "aria-activedescendant", listbox.get_by_role("option").first.get_attribute("id")
    )
    audit(page)  # axe with the listbox open and an option active
    combobox.press("Enter")
    expect(listbox).to_be_hidden()
    expect(combobox).to_have_value("")

    pick(page, combobox, "cari")
    chosen = page.get_by_role("list", name="Partner: ausgewählt").get_by_role("listitem")
    expect(chosen.locator(".picker__chip-label")).to_have_text(
        ["Diakonie Göppingen", "Caritas Fils-Neckar-Alb"]
    )
    # An entry already chosen is not offered again; Escape closes the list, then empties the field.
    combobox.fill("diakonie")
    expect(listbox.get_by_role("option")).to_have_text(["Diakonieverein Eislingen"])
    combobox.press("Escape")
    expect(listbox).to_be_hidden()
    combobox.press("ArrowDown")
    expect(listbox).to_be_visible()
    combobox.press("Escape")
    combobox.press("Escape")
    expect(combobox).to_have_value("")

    remove = page.get_by_role("button", name="Diakonie Göppingen entfernen")
    remove.focus()
    page.keyboard.press("Enter")
    expect(chosen).to_have_count(1)
    expect(page.get_by_role("status").filter(has_text="Diakonie Göppingen entfernt")).to_have_count(
        1
    )
    # The focus moves to the remaining entry's button, so that the keyboard is never lost.
    expect(page.get_by_role("button", name="Caritas Fils-Neckar-Alb entfernen")).to_be_focused()

    save(page)
    assert partners_on_detail_page(page) == "Caritas Fils-Neckar-Alb"
    assert [a.name for a in Measure.objects.get(pk=measure.pk).partner_actors.all()] == [
        "Caritas Fils-Neckar-Alb"
    ]


def test_the_lead_actor_is_replaced_on_a_phone_by_tapping_a_match(
    open_browser, sachbearbeitung, measure, actors
):
    page = open_browser(sachbearbeitung, viewport=PHONE)
    visit(page, f"/measures/{measure.pk}/edit/")
    combobox = page.get_by_role("combobox", name="Federführender Akteur")
    expect(combobox).to_have_value("Volkshochschule Göppingen")
    combobox.fill("caritas")
    expect(page.get_by_role("option", name="Caritas Fils-Neckar-Alb")).to_be_visible()
    audit(page)  # the open list fits the phone's width
    page.get_by_role("option", name="Caritas Fils-Neckar-Alb").click()
    expect(combobox).to_have_value("Caritas Fils-Neckar-Alb")
    expect(combobox).to_be_focused()
    # Typed text that was not chosen does not stay: the field shows what the form sends.
    combobox.fill("irgendwas")
    combobox.press("Tab")
    expect(combobox).to_have_value("Caritas Fils-Neckar-Alb")
    save(page)
    assert Measure.objects.get(pk=measure.pk).lead_actor == actors["Caritas Fils-Neckar-Alb"]


def codes_listed(page):
    return page.locator("table tbody tr td:first-child").all_inner_texts()


def test_the_measure_list_is_filtered_by_lead_actor_with_the_autocomplete(
    open_browser, lesezugriff, led_measures
):
    page = open_browser(lesezugriff)
    visit(page, "/measures/")
    assert page.locator("option").count() < 30  # no list of every actor
    combobox = page.get_by_role("combobox", name="Federführung")
    combobox.fill("diakonie gö")
    expect(page.get_by_role("listbox").get_by_role("option")).to_have_text(["Diakonie Göppingen"])
    audit(page)
    combobox.press("ArrowDown")
    combobox.press("Enter")
    apply_filter(page)
    assert codes_listed(page) == ["2.2"]
    expect(page.get_by_role("combobox", name="Federführung")).to_have_value("Diakonie Göppingen")
    # Emptying the field removes the filter again.
    page.get_by_role("combobox", name="Federführung").fill("")
    apply_filter(page)
    assert codes_listed(page) == ["1.1", "2.1", "2.2"]


def test_without_javascript_partners_and_the_filter_work_through_the_server(
    open_browser, sachbearbeitung, measure, led_measures, actors
):
    page = open_browser(sachbearbeitung, javascript=False)
    visit(page, f"/measures/{measure.pk}/edit/")
    search = page.get_by_role("textbox", name="Partner: suchen und hinzufügen")
    search.fill("diakonie")
    save(page)
    expect(page.get_by_text("Bitte wählen Sie unten unter den Treffern aus")).not_to_have_count(0)
    assert not Measure.objects.get(pk=measure.pk).partner_actors.exists()
    page.get_by_role("checkbox", name="Diakonieverein Eislingen").check()
    save(page)
    assert partners_on_detail_page(page) == "Diakonieverein Eislingen"

    visit(page, "/measures/")
    page.get_by_role("textbox", name="Federführung").fill("diakonie")
    apply_filter(page)
    assert codes_listed(page) == ["2.2"]  # every measure led by an actor called "…diakonie…"
    page.get_by_role("radio", name="Diakonie Göppingen").check()
    apply_filter(page)
    assert codes_listed(page) == ["2.2"]
    expect(page.get_by_role("radio", name="Diakonie Göppingen")).to_be_checked()


def test_a_short_checkbox_list_gets_a_text_filter(open_browser, sachbearbeitung, measure):
    committee = Committee.objects.create(name="Integrationsausschuss", short_name="IA")
    start = timezone.make_aware(datetime.datetime(2026, 12, 3, 17, 0))
    item = AgendaItem.objects.create(
        meeting=Meeting.objects.create(committee=committee, number=1, start=start),
        number="1",
        title="Bericht",
    )
    item.measures.add(measure)
    for year, month in [(2024, 3), (2024, 9), (2025, 3), (2025, 9), (2026, 3), (2026, 6)]:
        StatusReport.objects.create(
            measure=measure,
            reporting_date=datetime.date(year, month, 1),
            status=measure.status,
            progress=measure.progress,
            text="Bericht",
        )
    page = open_browser(sachbearbeitung)
    visit(page, f"/committee/items/{item.pk}/")
    reports = page.get_by_role("group", name="Sachstandsberichte")
    expect(reports.get_by_role("checkbox")).to_have_count(6)
    reports.get_by_role("textbox", name="Liste filtern").fill("2025")
    expect(reports.get_by_role("checkbox")).to_have_count(2)
    expect(page.get_by_role("status").filter(has_text="2 von 6 Einträgen angezeigt")).to_have_count(
        1
    )
    reports.get_by_role("checkbox", name="1.1 – 01.09.2025").check()
    audit(page)
