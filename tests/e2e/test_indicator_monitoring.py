"""Issue 15 in the browser: Sachbearbeitung imports the statistics office's wide table of ten
years for A2 (one row per area, one column per year), chooses the indicator, previews and
confirms; the indicator page then draws the series and the map with the imported values in
their accessible names, and the indicator report (PDF) carries them too."""

import io
import re
from decimal import Decimal

import pytest
from django.urls import reverse
from playwright.sync_api import expect
from pypdf import PdfReader

from measures.models import CityIndicatorValue
from tests.e2e.conftest import NARROWEST, audit, visit
from tests.indicators.world import LONG_DISTRICT, indicator_world

YEARS = list(range(2016, 2026))


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """The previewed file is kept for the confirmation in a throwaway folder."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def world(db):
    return indicator_world()


def value(area_index, year):
    """The table's figure: the city (0) at 6,0 in 2016, each district a little above, rising."""
    return Decimal("6.0") + Decimal(area_index) * Decimal("1.5") + (year - 2016) * Decimal("0.3")


def german(number):
    return f"{number:.1f}".replace(".", ",")


def statistics_table(world):
    """The statistics office's CSV: a title row, Windows characters, semicolons, one column
    per year and "-" for a value kept secret."""
    areas = [world["city_area"], *world["districts"]]
    lines = ["Arbeitslosenquote in % nach Stadtteilen;" + ";" * len(YEARS)]
    lines.append(";".join(["Stadtteil", *map(str, YEARS)]))
    for index, area in enumerate(areas):
        cells = [german(value(index, year)) for year in YEARS]
        if index == 2:
            cells[0] = "-"
        lines.append(";".join([area.name, *cells]))
    content = "\r\n".join(lines) + "\r\n"
    return {
        "name": "arbeitslosenquote.csv",
        "mimeType": "text/csv",
        "buffer": content.encode("cp1252"),
    }


def figures(page):
    counts = {}
    for item in page.locator("ul.figures li").all_inner_texts():
        number, label = item.split(maxsplit=1)
        counts[label] = int(number.replace(".", ""))
    return counts


def test_a_wide_table_is_imported_and_shown_in_chart_map_and_report(
    open_browser, sachbearbeitung, world
):
    indicator = world["city_indicator"]
    faurndau = world["district"]
    page = open_browser(sachbearbeitung)

    visit(page, reverse("network:import_upload", args=["indicator-values"]))
    page.get_by_label(
        "Datei (Excel-Arbeitsmappe .xlsx, LibreOffice-Tabelle .ods oder CSV)"
    ).set_input_files(statistics_table(world))
    page.get_by_label("Indikator einer Tabelle mit einer Spalte je Jahr").select_option(
        label=str(indicator)
    )
    page.get_by_role("button", name="Datei prüfen und Vorschau zeigen").click()
    audit(page)
    heading = "Vorschau des Imports: Werte des Integrationsmonitorings"
    assert page.get_by_role("heading", level=1).inner_text() == heading
    # 4 areas × 10 years, less the secret cell; 2023–2025 were saved before.
    assert figures(page) == {"neu": 27, "geändert": 12, "unverändert": 0, "Fehler": 0}
    assert "1 Zelle ohne Wert" in page.locator(".import-notes").inner_text()
    assert not CityIndicatorValue.objects.filter(period__year=2016).exists()

    page.get_by_role("button", name="Jetzt importieren").click()
    audit(page)
    assert page.url.endswith(reverse("indicators:overview"))
    assert CityIndicatorValue.objects.filter(indicator=indicator, breakdown="total").count() == 39
    saved = CityIndicatorValue.objects.get(indicator=indicator, area=faurndau, period__year=2025)
    assert saved.value == value(1, 2025) == Decimal("10.2")

    visit(page, reverse("indicators:detail", args=[indicator.pk]))
    # The accessible names (title and description of each SVG) read the figures out.
    series = page.get_by_role("region", name="Entwicklung im Zeitverlauf")
    chart = series.get_by_role(
        "img", name=f"Liniendiagramm „{indicator.title} (%)“ von 2016 bis 2025"
    )
    assert chart.count() == 1
    expect(chart).to_have_accessible_name(
        re.compile(f"Faurndau: 2016: {german(value(1, 2016))} %; 2017: {german(value(1, 2017))} %")
    )
    districts = page.get_by_role("region", name="Stadtteile")
    district_map = districts.get_by_role("img", name=f"Karte „{indicator.title}“, 2025")
    expect(district_map).to_have_accessible_name(
        re.compile(f"Faurndau: {german(value(1, 2025))} %")
    )
    expect(district_map).to_have_accessible_name(
        re.compile(f"{LONG_DISTRICT}: {german(value(3, 2025))} %")
    )

    response = page.request.get(f"{reverse('indicators:report_pdf')}?indicator={indicator.pk}")
    assert response.status == 200
    assert response.headers["content-type"] == "application/pdf"
    text = " ".join(
        page_text.extract_text() for page_text in PdfReader(io.BytesIO(response.body())).pages
    )
    assert indicator.title in text
    assert german(value(1, 2025)) in text


def test_a_wide_table_with_a_cell_that_is_no_number_is_refused_on_a_narrow_screen(
    open_browser, sachbearbeitung, world
):
    indicator = world["city_indicator"]
    page = open_browser(sachbearbeitung, NARROWEST)
    # The indicator's values page links here with the indicator chosen.
    url = reverse("network:import_upload", args=["indicator-values"])
    visit(page, f"{url}?indicator={indicator.pk}")
    choice = page.get_by_label("Indikator einer Tabelle mit einer Spalte je Jahr")
    assert choice.input_value() == str(indicator.pk)
    content = f"Stadtteil;2019;2020\r\n{LONG_DISTRICT};12,3a;4\r\n".encode("cp1252")
    page.get_by_label(
        "Datei (Excel-Arbeitsmappe .xlsx, LibreOffice-Tabelle .ods oder CSV)"
    ).set_input_files({"name": "quote.csv", "mimeType": "text/csv", "buffer": content})
    page.get_by_role("button", name="Datei prüfen und Vorschau zeigen").click()
    audit(page)

    errors = page.get_by_role("alert").get_by_role("listitem").all_inner_texts()
    assert errors == ["Zeile 2, Spalte '2019': '12,3a' ist keine Zahl (zum Beispiel 1.234,50)."]
    assert page.get_by_role("button", name="Jetzt importieren").count() == 0
    assert not CityIndicatorValue.objects.filter(period__year=2020).exists()
