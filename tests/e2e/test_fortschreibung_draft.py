"""Issue 13 in the browser: Koordination starts the Fortschreibung, Sachbearbeitung edits,
merges, splits and ends measures of the draft, Koordination records the council's adoption."""

import pytest
from django.urls import reverse

from measures.models import Measure, Plan
from tests.e2e.conftest import PHONE, audit, visit
from tests.e2e.helpers import message
from tests.plans.draft_builders import add_measures


@pytest.fixture
def adopted(plan, action_field, measure):
    """The adopted plan: 1.1 to 1.6 in progress, 1.7 implemented (not copied)."""
    add_measures(action_field, 5, start=2)
    add_measures(action_field, 1, start=7, status=Measure.Status.DONE)
    return plan


def textbox(page, name):
    return page.get_by_role("textbox", name=name, exact=True)


def draft_row(page, code):
    return page.get_by_role("row").filter(has=page.get_by_role("cell", name=code, exact=True))


def confirm(page, leaving):
    """The confirmation page names what leaves the draft; confirm it."""
    audit(page)
    assert page.get_by_role("heading", name="Wird aus dem Entwurf entfernt").is_visible()
    listed = page.locator("main ul.plain-list").first.inner_text()
    assert all(code in listed for code in leaving), listed
    page.get_by_role("button", name="Bestätigen").click()
    audit(page)


def test_the_draft_from_start_to_adoption(open_browser, adopted, koordination, sachbearbeitung):
    # Koordination finds the plans from the measure list and starts the update.
    coordinator = open_browser(koordination)
    visit(coordinator, reverse("measures:list"))
    coordinator.get_by_role("link", name="Pläne").click()
    audit(coordinator)
    coordinator.get_by_role("link", name="Integrationsplan Göppingen").click()
    audit(coordinator)
    coordinator.get_by_role("link", name="Fortschreibung beginnen").click()
    audit(coordinator)
    assert "die 6 Maßnahmen" in coordinator.locator("main").inner_text()
    coordinator.get_by_label("Fassung").fill("Entwurf 2027")
    coordinator.get_by_role("button", name="Fortschreibung beginnen").click()
    audit(coordinator)
    assert message(coordinator).startswith("Der Entwurf wurde mit 6 Maßnahmen angelegt.")
    draft = Plan.objects.get(state=Plan.State.DRAFT)
    assert coordinator.url.endswith(reverse("plans:plan_detail", args=[draft.pk]))
    assert "führt fort: 1.1" in draft_row(coordinator, "1.1").inner_text()

    # Sachbearbeitung changes a copied measure on its usual edit page.
    clerk = open_browser(sachbearbeitung)
    visit(clerk, reverse("plans:plan_detail", args=[draft.pk]))
    clerk.get_by_role("link", name="Bearbeiten 1.1").click()
    audit(clerk)
    textbox(clerk, "Titel").fill("Mama und Papa lernen Deutsch")
    clerk.get_by_role("button", name="Speichern").click()
    audit(clerk)
    assert message(clerk) == "Die Maßnahme wurde gespeichert."
    history = clerk.get_by_role("region", name="Vorgeschichte")
    assert "1.1 Mama lernt Deutsch (Fortschreibung 2019)" in history.inner_text()

    # … merges 1.2 and 1.3 into one measure …
    visit(clerk, reverse("plans:plan_detail", args=[draft.pk]))
    clerk.get_by_role("link", name="Maßnahmen zusammenführen").click()
    audit(clerk)
    clerk.get_by_label("1.2 Maßnahme 1.2").check()
    clerk.get_by_label("1.3 Maßnahme 1.3").check()
    clerk.get_by_label("Handlungsfeld").select_option(label="1 Sprache")
    clerk.get_by_label("Nummer der neuen Maßnahme").fill("1.2")
    clerk.get_by_label("Titel der neuen Maßnahme").fill("Sprachförderung in der Familie")
    clerk.get_by_role("button", name="Weiter").click()
    confirm(clerk, ["1.2", "1.3"])
    assert message(clerk) == (
        "Die Maßnahmen wurden zu 1.2 Sprachförderung in der Familie zusammengeführt."
    )

    # … splits 1.4 in two …
    visit(clerk, reverse("plans:plan_detail", args=[draft.pk]))
    clerk.get_by_role("link", name="Aufteilen 1.4").click()
    audit(clerk)
    textbox(clerk, "Nummer der neuen Maßnahme 1").fill("1.4")
    textbox(clerk, "Titel der neuen Maßnahme 1").fill("Elterncafé Nord")
    textbox(clerk, "Nummer der neuen Maßnahme 2").fill("1.8")
    textbox(clerk, "Titel der neuen Maßnahme 2").fill("Elterncafé Süd")
    clerk.get_by_role("button", name="Weiter").click()
    confirm(clerk, ["1.4"])
    assert "aufgeteilt aus: 1.4" in draft_row(clerk, "1.8").inner_text()
    merged = draft_row(clerk, "1.2").inner_text()
    assert "zusammengeführt aus: 1.2 (Fortschreibung 2019), 1.3 (Fortschreibung 2019)" in merged

    # … and ends 1.6, which continues in regular operation.
    clerk.get_by_role("link", name="Beenden 1.6").click()
    audit(clerk)
    clerk.get_by_label("in Regelbetrieb überführt").check()
    clerk.get_by_label("Anmerkung").fill("Das Amt führt das Angebot weiter.")
    clerk.get_by_role("button", name="Weiter").click()
    confirm(clerk, ["1.6"])
    assert draft_row(clerk, "1.6").count() == 0
    assert clerk.get_by_role("link", name="Beschluss erfassen").count() == 0  # Koordination's

    # Koordination records the council's resolution on a phone.
    phone = open_browser(koordination, PHONE)
    visit(phone, reverse("plans:plan_detail", args=[draft.pk]))
    phone.get_by_role("link", name="Beschluss erfassen").click()
    audit(phone)
    phone.get_by_label("Vom Gemeinderat beschlossen am").fill("2026-11-12")
    phone.get_by_label("Aktenzeichen des Gemeinderatsbeschlusses").fill("GR 2026/117")
    phone.get_by_role("button", name="Beschluss erfassen").click()
    audit(phone)
    assert message(phone).endswith("der bisherige Plan ist archiviert.")
    details = phone.locator("dl.details").inner_text()
    assert "beschlossen" in details and "12.11.2026" in details and "GR 2026/117" in details

    visit(phone, reverse("plans:plan_detail", args=[adopted.pk]))
    assert "archiviert" in phone.locator("dl.details").inner_text()
    assert "endet: in Regelbetrieb überführt" in draft_row(phone, "1.6").inner_text()
    assert phone.get_by_role("link", name="Fortschreibung beginnen").count() == 0
