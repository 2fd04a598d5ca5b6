"""Workflow 2: two people edit the same measure; the second save is refused and compared."""

from django.urls import reverse

from measures.models import Measure
from network.models import Actor
from tests.e2e.conftest import audit, visit
from tests.e2e.helpers import message

MORNING = "Mama lernt Deutsch – Vormittagskurs"
EVENING = "Mama lernt Deutsch – Abendkurs"


def test_the_second_save_is_refused_until_it_is_repeated_consciously(
    open_browser, koordination, sachbearbeitung, measure
):
    edit_url = reverse("measures:edit", args=[measure.pk])
    first = open_browser(koordination)
    second = open_browser(sachbearbeitung)
    visit(first, edit_url)
    visit(second, edit_url)

    first.get_by_label("Titel").fill(MORNING)
    first.get_by_role("button", name="Speichern").click()
    audit(first)
    assert message(first) == "Die Maßnahme wurde gespeichert."
    assert first.get_by_role("heading", level=1).inner_text() == f"1.1 {MORNING}"

    second.get_by_label("Titel").fill(EVENING)
    second.get_by_role("button", name="Speichern").click()
    audit(second)
    assert second.url.endswith(edit_url)  # still on the form: nothing was saved
    assert Measure.objects.get(pk=measure.pk).title == MORNING
    conflict = second.get_by_role("alert").filter(
        has=second.get_by_role("heading", name="Jemand anderes hat diesen Datensatz inzwischen")
    )
    table = conflict.get_by_role("table")
    assert table.get_by_role("columnheader").all_inner_texts() == [
        "Feld",
        "Ihre Eingabe",
        "Inzwischen gespeichert",
    ]
    title_row = table.get_by_role("row").filter(has=second.get_by_role("rowheader", name="Titel"))
    assert title_row.get_by_role("cell").all_inner_texts() == [EVENING, MORNING]
    # Only the field that differs is compared; the form keeps the user's entry.
    assert table.get_by_role("rowheader").all_inner_texts() == ["Titel"]
    assert second.get_by_label("Titel").input_value() == EVENING

    second.get_by_role("button", name="Speichern").click()
    audit(second)
    assert message(second) == "Die Maßnahme wurde gespeichert."
    assert second.get_by_role("heading", level=1).inner_text() == f"1.1 {EVENING}"
    assert Measure.objects.get(pk=measure.pk).title == EVENING

    # The first window, reloaded, shows the version that stuck.
    visit(first, reverse("measures:detail", args=[measure.pk]))
    assert first.get_by_role("heading", level=1).inner_text() == f"1.1 {EVENING}"


def test_an_actor_saved_in_two_windows_keeps_the_first_and_compares(
    open_browser, sachbearbeitung, actor
):
    edit_url = reverse("network:actor_edit", args=[actor.pk])
    first = open_browser(sachbearbeitung)
    second = open_browser(sachbearbeitung)
    visit(first, edit_url)
    visit(second, edit_url)

    first.get_by_label("Telefon").fill("07161 650-111")
    first.get_by_role("button", name="Speichern").click()
    audit(first)
    assert message(first) == "Der Eintrag wurde gespeichert."

    second.get_by_label("Telefon").fill("07161 650-222")
    second.get_by_role("button", name="Speichern").click()
    audit(second)
    table = second.get_by_role("alert").get_by_role("table")
    phone_row = table.get_by_role("row").filter(has=second.get_by_role("rowheader", name="Telefon"))
    assert phone_row.get_by_role("cell").all_inner_texts() == ["07161 650-222", "07161 650-111"]
    assert Actor.objects.get(pk=actor.pk).phone == "07161 650-111"
