"""The integration monitoring in print: the monitoring report's section on the marked indicators
and the standalone indicator report, read back with pypdf (text) and pikepdf (structure, alt
texts; tests/pdf_checks.py), not with WeasyPrint, which writes them."""

import datetime
import io
import re
from decimal import Decimal
from email.message import EmailMessage

import pytest
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from measures.models import CityIndicator, CityIndicatorValue
from measures.reports.data import monitoring_report_data
from tests.indicators.world import indicator_world
from tests.pdf_checks import assert_accessible

REPORT_TITLE = "Monitoringbericht – Aktueller Stand"
INDICATOR_REPORT_TITLE = "Integrationsmonitoring – Indikatorenbericht"


def pdf_text(content):
    reader = PdfReader(io.BytesIO(content))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def figure_alts(tree):
    return [str(figure.get("/Alt", "")) for figure in tree.of_type("/Figure")]


@pytest.fixture
def world(db):
    return indicator_world()


@pytest.fixture
def reader_client(client, lesezugriff):
    client.force_login(lesezugriff)
    return client


@pytest.fixture
def marked(world):
    indicator = world["city_indicator"]
    indicator.in_report = True
    indicator.report_text = "Die Arbeitslosigkeit steigt in allen Stadtteilen leicht an."
    indicator.save()
    return indicator


def monitoring_report(client, **params):
    response = client.get(reverse("reports:monitoring_pdf"), params)
    assert response.status_code == 200
    return response.content


def indicator_report(client, *indicators):
    response = client.get(
        reverse("indicators:report_pdf"), {"indicator": [indicator.pk for indicator in indicators]}
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    return response


# The monitoring report's section ------------------------------------------------------------


def test_the_monitoring_report_has_no_indicator_section_without_marked_indicators(
    reader_client, plan, world
):
    assert monitoring_report_data()["city_indicators"] is None
    text = pdf_text(monitoring_report(reader_client))
    assert "Integrationsmonitoring" not in text
    assert "Arbeitslosenquote" not in text


def test_a_marked_indicator_appears_with_chart_map_district_values_and_text(
    reader_client, plan, marked
):
    content = monitoring_report(reader_client)

    text = pdf_text(content)
    assert "Integrationsmonitoring" in text
    assert "A2 Arbeitslosenquote" in text
    assert marked.source in text
    assert "Werte der Stadtteile 2025" in text
    assert "Faurndau 12,5 Jebenhausen 13,0" in text
    assert "Die Arbeitslosigkeit steigt in allen Stadtteilen leicht an." in text
    assert "Vereinfachte, erfundene Grenze" in text
    # The population count is not marked, so it stays out.
    assert "Einwohnerinnen und Einwohner nach Migrationshintergrund" not in text

    _pdf, tree = assert_accessible(content, REPORT_TITLE)
    alts = figure_alts(tree)
    map_alt = next(alt for alt in alts if alt.startswith("Karte „Arbeitslosenquote“"))
    assert "Faurndau: 12,5 %" in map_alt
    assert "Nördliche Oberhofenstraßenviertelsiedlung: 13,5 %" in map_alt
    series_alt = next(alt for alt in alts if "Arbeitslosenquote" in alt and alt != map_alt)
    assert "2023" in series_alt and "12,0 %" in series_alt


def test_the_public_edition_shows_the_section_as_well(reader_client, plan, marked):
    content = monitoring_report(reader_client, edition="public")

    assert_accessible(content, f"{REPORT_TITLE} (öffentliche Ausgabe)")
    assert "A2 Arbeitslosenquote" in pdf_text(content)


def test_an_indicator_without_values_is_reported_as_such(reader_client, plan, world):
    CityIndicator.objects.filter(code="T2").update(in_report=True)

    text = pdf_text(monitoring_report(reader_client))

    assert "T2 Engagement in Migrantenorganisationen" in text
    assert "Für diesen Indikator wurden noch keine Werte erfasst." in text


# The standalone report ------------------------------------------------------------------------


def test_the_indicator_report_holds_the_chosen_indicators_with_trend_and_segregation(
    reader_client, world
):
    response = indicator_report(
        reader_client, world["city_indicator"], world["population_indicator"]
    )

    today = timezone.localdate()
    header = EmailMessage()
    header["Content-Disposition"] = response["Content-Disposition"]
    assert header.get_filename() == f"integrationsmonitoring-{today:%Y-%m-%d}.pdf"
    _pdf, tree = assert_accessible(response.content, INDICATOR_REPORT_TITLE)
    text = pdf_text(response.content)
    assert f"Stand: {today:%d.%m.%Y}" in text
    # The contents name both, before the indicators' own pages.
    contents = text.index("Inhalt")
    assert contents < text.index("A2 Arbeitslosenquote") < text.rindex("A2 Arbeitslosenquote")
    # The city's trend: 12 after 11, and a higher unemployment is worse.
    assert "Letzter Wert (2025): 12,0 %; vorheriger Wert (2024): 11,0 %" in text
    assert "+1,0 %" in text
    # The segregation index of the population count: ½·(600 + 0 + 600)/2400 = 25 %.
    assert "Segregationsindex nach Migrationshintergrund" in text
    assert re.search(r"2024 25,0 2025 25,0", text)
    assert any("Faurndau: 12,5 %" in alt for alt in figure_alts(tree))


def test_a_chart_of_city_values_alone_lists_no_districts(reader_client, world):
    """R1 is collected for the city only: its chart has the city's line and no empty district
    lines (in its legend and alt text); A2 beside it keeps its districts."""
    naturalisation = CityIndicator.objects.get(code="R1")
    for year, value in ((2024, "2.4"), (2025, "2.5")):
        CityIndicatorValue.objects.create(
            indicator=naturalisation,
            area=world["city_area"],
            period=datetime.date(year, 12, 31),
            value=Decimal(value),
        )
    response = indicator_report(reader_client, world["city_indicator"], naturalisation)

    _pdf, tree = assert_accessible(response.content, INDICATOR_REPORT_TITLE)
    alts = figure_alts(tree)
    city_only = next(alt for alt in alts if "„Einbürgerungsquote" in alt)
    assert "Göppingen: 2024: 2,4 %; 2025: 2,5 %." in city_only
    assert "Faurndau" not in city_only
    assert "kein Wert" not in city_only
    assert any("Arbeitslosenquote" in alt and "Faurndau: 2023" in alt for alt in alts)


def test_values_of_a_single_period_give_no_empty_chart_box(reader_client, world):
    """A chart needs two periods: with one, the report says so instead of leaving a captioned
    empty figure; the latest value is still named."""
    naturalisation = CityIndicator.objects.get(code="R1")
    CityIndicatorValue.objects.create(
        indicator=naturalisation,
        area=world["city_area"],
        period=datetime.date(2025, 12, 31),
        value=Decimal("2.5"),
    )
    response = indicator_report(reader_client, naturalisation)

    _pdf, tree = assert_accessible(response.content, INDICATOR_REPORT_TITLE)
    assert figure_alts(tree) == []
    text = pdf_text(response.content)
    assert "Letzter Wert (2025): 2,5 %" in text
    assert "Für das Diagramm sind Werte aus mindestens zwei Zeiträumen nötig." in text
    assert "Zeitverlauf: Einbürgerungsquote" not in text


def test_the_indicator_report_leaves_out_indicators_not_chosen(reader_client, world):
    text = pdf_text(indicator_report(reader_client, world["population_indicator"]).content)

    assert "Einwohnerinnen und Einwohner nach Migrationshintergrund" in text
    assert "Arbeitslosenquote" not in text
    # The population count has groups only, no totals: no trend, map or table of districts.
    assert "Letzter Wert" not in text
    assert "Stadtteil Personen" not in text  # the head of the table of districts
    assert "Für diesen Indikator wurden noch keine Werte erfasst." in text


def test_without_a_choice_it_reports_the_marked_indicators(reader_client, marked, world):
    text = pdf_text(indicator_report(reader_client).content)

    assert "A2 Arbeitslosenquote" in text
    assert "Segregationsindex" not in text


def test_without_a_choice_or_marks_it_reports_every_indicator_with_values(reader_client, world):
    text = pdf_text(indicator_report(reader_client).content)

    assert "A2 Arbeitslosenquote" in text
    assert "S1 Einwohnerinnen und Einwohner nach Migrationshintergrund" in text
    assert "Beschäftigungsquote" not in text  # A1 has no values


def test_without_any_values_it_returns_to_the_choice(reader_client, db):
    CityIndicatorValue.objects.all().delete()

    response = reader_client.get(reverse("indicators:report_pdf"))

    assert response.status_code == 302
    assert response["Location"] == reverse("indicators:report")


@pytest.mark.parametrize("value", ["A2", "-1", "999999"])
def test_an_unknown_indicator_is_not_found(reader_client, world, value):
    response = reader_client.get(reverse("indicators:report_pdf"), {"indicator": value})

    assert response.status_code == 404


# The page to choose ---------------------------------------------------------------------------


def test_the_choice_lists_every_indicator_by_topic_with_the_marked_ones_checked(
    reader_client, marked
):
    response = reader_client.get(reverse("indicators:report"))

    assert response.status_code == 200
    html = response.content.decode()
    assert html.count('type="checkbox" name="indicator"') == CityIndicator.objects.count()
    assert "<legend>Arbeit und Einkommen</legend>" in html
    # Grouped by topic in the KGSt's order: structure first.
    assert html.index("Bevölkerung und Struktur") < html.index("Arbeit und Einkommen")
    checked = re.findall(r'value="(\d+)" id="indicator-\d+" checked', html)
    assert checked == [str(marked.pk)]
    assert f'action="{reverse("indicators:report_pdf")}"' in html
