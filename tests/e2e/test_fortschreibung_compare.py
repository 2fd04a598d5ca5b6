"""Issue 13 in the browser: Koordination compares the draft with the adopted plan, downloads the
comparison as a workbook and the Beschlussvorlage for the council."""

import datetime
import io
from pathlib import Path

from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from measures.models import Plan
from tests.e2e.conftest import NARROWEST, audit, visit
from tests.plans.compare_builders import lineage


def pdf_text(content):
    reader = PdfReader(io.BytesIO(content))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def test_koordination_compares_the_draft_and_downloads_the_council_documents(
    open_browser, koordination, plan
):
    world = lineage(plan)
    draft = world["draft"]
    first = Plan.objects.create(title="Integrationsplan Göppingen", version_label="Erstplan 2010")
    compare_url = reverse("plans:compare", args=[draft.pk])

    page = open_browser(koordination)
    visit(page, reverse("plans:plan_detail", args=[draft.pk]))
    page.locator(f'a[href="{compare_url}"]').first.click()
    page.wait_for_url(f"**{compare_url}")
    audit(page)
    assert page.get_by_role("heading", level=1).inner_text() == "Vergleich: Fortschreibung 2027"

    counts = page.get_by_role("region", name="Übersicht").get_by_role("listitem")
    shown = [" ".join(text.split()) for text in counts.all_inner_texts()]
    assert "3 beendet" in shown and "2 aufgeteilt" in shown and "1 zusammengeführt" in shown

    changed = page.get_by_role("row").filter(
        has=page.get_by_role("rowheader", name="1.2 Sprachcafé für Frauen")
    )
    text = " ".join(changed.inner_text().split())
    assert "geändert" in text
    assert "Kostenschätzung (EUR) bisher: 1.500,00 € → neu: 2.750,50 €" in text
    ended = page.get_by_role("row").filter(has_text="2.1 Jobbörse für Geflüchtete")
    assert "Grund: in Regelbetrieb überführt" in ended.inner_text()

    # The workbook holds the same comparison, with the dates as dates.
    with page.expect_download() as info:
        page.get_by_role("link", name="Excel (XLSX)").click()
    assert info.value.suggested_filename == "vergleich-fortschreibung-2027.xlsx"
    workbook = load_workbook(io.BytesIO(Path(info.value.path()).read_bytes()), read_only=True)
    rows = list(workbook["Vergleich"].iter_rows(values_only=True))
    end = next(row for row in rows if row[2] == "1.2 Sprachcafé für Frauen" and row[4] == "Ende")
    assert end[5:7] == (datetime.datetime(2026, 12, 31), datetime.datetime(2029, 6, 30))

    # The Beschlussvorlage for the council: the draft's measures and the comparison annex.
    response = page.request.get(reverse("plans:beschlussvorlage", args=[draft.pk]))
    assert response.status == 200
    assert response.headers["content-type"] == "application/pdf"
    text = pdf_text(response.body())
    assert "Beschlussvorlage: Fortschreibung des Integrationsplans" in text
    assert "1.7 Sprach-App für Eltern" in text
    assert "Anlage: Vergleich mit dem bisherigen Plan" in text

    # Compared with the first plan instead, nothing is related: every measure is new.
    page.get_by_label("Vergleichen mit").select_option(label=f"{first} – Entwurf")
    page.get_by_role("button", name="Vergleichen").click()
    page.wait_for_url("**?against=*")
    audit(page)
    shown = [" ".join(text.split()) for text in counts.all_inner_texts()]
    assert "7 neu" in shown and "0 beendet" in shown


def test_the_comparison_reflows_on_the_narrowest_phone(open_browser, lesezugriff, plan):
    world = lineage(plan)
    page = open_browser(lesezugriff, NARROWEST)
    visit(page, reverse("plans:compare", args=[world["draft"].pk]))
    # Every kind is written out, not only coloured.
    kinds = page.locator(".compare-kind").all_inner_texts()
    assert set(kinds) == {
        "neu",
        "geändert",
        "unverändert fortgeführt",
        "zusammengeführt",
        "aufgeteilt",
        "beendet",
    }
