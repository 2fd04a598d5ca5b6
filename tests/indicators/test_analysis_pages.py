"""The analysis pages of the integration monitoring: overview, indicator page, district profile
and segregation index, in German."""

import datetime
import re
from decimal import Decimal
from html.parser import HTMLParser

import pytest
from django.urls import reverse

from measures.models import Area, CityIndicator, CityIndicatorValue
from tests.indicators.world import LONG_DISTRICT, indicator_world

OVERVIEW = reverse("indicators:overview")
SEGREGATION = reverse("indicators:segregation")


@pytest.fixture
def world(db):
    return indicator_world()


@pytest.fixture
def reader(client, lesezugriff):
    client.force_login(lesezugriff)
    return client


class Text(HTMLParser):
    """The page's visible text with single spaces, and its table rows as lists of cell texts."""

    def __init__(self, html):
        super().__init__()
        self.parts, self.rows, self.row, self.cell = [], [], None, None
        self.feed(html)
        self.text = re.sub(r"\s+", " ", " ".join(self.parts))

    def handle_starttag(self, tag, attrs):
        if tag == "tr":
            self.row = []
        elif tag in ("td", "th") and self.row is not None:
            self.cell = []

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self.cell is not None:
            self.row.append(re.sub(r"\s+", " ", "".join(self.cell)).strip())
            self.cell = None
        elif tag == "tr" and self.row is not None:
            self.rows.append(self.row)
            self.row = None

    def handle_data(self, data):
        self.parts.append(data)
        if self.cell is not None:
            self.cell.append(data)


def page(response):
    assert response.status_code == 200
    return Text(response.content.decode())


def row_starting(parsed, *cells):
    return next(row for row in parsed.rows if row[: len(cells)] == list(cells))


# Overview ------------------------------------------------------------------------------------


def test_the_overview_shows_the_trend_in_words_grouped_by_topic(reader, world):
    parsed = page(reader.get(OVERVIEW))
    assert "Integrationsmonitoring" in parsed.text
    # A2 (lower is better) rose from 11,0 % to 12,0 %: worse, said in words with an arrow.
    row = row_starting(parsed, "A2")
    assert row[1] == world["city_indicator"].title
    assert row[3] == "12,0 % (2025)"
    assert row[4] == "11,0 % (2024)"
    assert row[5] == "+1,0 %"
    assert row[6] == "▲ verschlechtert"
    # S1 has no total values: no trend.
    assert row_starting(parsed, "S1")[3:] == ["–", "–", "–", "keine Werte"]


def test_the_overview_groups_follow_the_order_of_the_topics(reader, world):
    from measures.models import Topic

    html = reader.get(OVERVIEW).content.decode()
    headings = re.findall(r'<h3 id="topic-\d+">(.*?)</h3>', html)
    order = [str(label) for label in Topic.labels]
    assert headings == sorted(headings, key=order.index)
    assert len(headings) == len(set(headings)) > 1


def test_the_overview_says_rising_or_falling_for_a_neutral_indicator(reader, world):
    indicator = world["city_indicator"]
    indicator.direction = CityIndicator.Direction.NEUTRAL
    indicator.save()
    assert row_starting(page(reader.get(OVERVIEW)), "A2")[6] == "▲ gestiegen"


def test_the_overview_filters_by_topic_and_text(reader, world):
    parsed = page(reader.get(OVERVIEW, {"topic": "work"}))
    codes = {row[0] for row in parsed.rows if len(row) == 7 and row[0] != "Kürzel"}
    assert "A2" in codes
    assert "S1" not in codes
    parsed = page(reader.get(OVERVIEW, {"q": "A2"}))
    assert {row[0] for row in parsed.rows[1:]} == {"A2"}
    parsed = page(reader.get(OVERVIEW, {"q": "gibt es nicht"}))
    assert "Kein Indikator passt zum Filter." in parsed.text


def test_the_overview_without_values_says_so(reader, db):
    parsed = page(reader.get(OVERVIEW))
    assert "Es wurden noch keine Werte erfasst." in parsed.text


def test_the_overview_offers_a_new_indicator_only_to_coordination(client, koordination, world):
    client.force_login(koordination)
    html = client.get(OVERVIEW).content.decode()
    assert f'href="{SEGREGATION}"' in html
    assert f'href="{reverse("indicators:create")}">Neuer Indikator</a>' in html


def test_the_overview_hides_new_indicator_from_readers(reader, world):
    assert "Neuer Indikator" not in reader.get(OVERVIEW).content.decode()


def test_the_navigation_marks_the_monitoring_as_current(reader, world):
    html = reader.get(OVERVIEW).content.decode()
    assert f'<a href="{OVERVIEW}" aria-current="page">Integrationsmonitoring</a>' in html


# Indicator page ------------------------------------------------------------------------------


def test_the_indicator_page_shows_definition_chart_table_and_map(reader, world):
    indicator = world["city_indicator"]
    response = reader.get(indicator.get_absolute_url())
    parsed = page(response)
    html = response.content.decode()
    assert indicator.source in parsed.text
    assert "niedriger ist besser" in parsed.text
    assert html.count("<svg") == 2  # the chart and the map
    # The chart's data as a table: period × series, city first.
    assert row_starting(parsed, "Zeitraum")[1:] == [
        "Göppingen",
        "Faurndau",
        "Jebenhausen",
        LONG_DISTRICT,
    ]
    assert row_starting(parsed, "2024") == ["2024", "11,0", "11,5", "12,0", "12,5"]
    # The latest value per district with its change and a link to the profile.
    assert row_starting(parsed, "Faurndau", "12,5") == [
        "Faurndau",
        "12,5",
        "+1,0 (gegenüber 2024)",
        "▲ verschlechtert",
    ]
    assert reverse("indicators:area_detail", args=[world["district"].pk]) in html


def test_the_chart_shows_the_areas_chosen(reader, world):
    indicator = world["city_indicator"]
    jebenhausen = world["districts"][1]
    parsed = page(reader.get(indicator.get_absolute_url(), {"area": [jebenhausen.pk]}))
    assert row_starting(parsed, "Zeitraum") == ["Zeitraum", "Jebenhausen"]
    assert row_starting(parsed, "2025") == ["2025", "13,0"]


def test_a_breakdown_shows_the_city_groups(reader, world):
    indicator = world["city_indicator"]
    for year, women, men in ((2024, "10.5", "11.5"), (2025, "11.0", "13.0")):
        for group, value in (("nichtdeutsch", women), ("deutsch", men)):
            CityIndicatorValue.objects.create(
                indicator=indicator,
                area=world["city_area"],
                period=datetime.date(year, 12, 31),
                breakdown="nationality",
                group=group,
                value=Decimal(value),
            )
    indicator.breakdowns = ["district", "nationality"]
    indicator.save()
    response = reader.get(indicator.get_absolute_url(), {"breakdown": "nationality"})
    parsed = page(response)
    assert "nach Staatsangehörigkeit" in parsed.text
    assert ["2025", "13,0", "11,0"] in parsed.rows  # deutsch, nichtdeutsch
    assert response.content.decode().count("<svg") == 3


def test_the_indicator_page_without_values_says_so(reader, world):
    indicator = CityIndicator.objects.get(code="B1")
    parsed = page(reader.get(indicator.get_absolute_url()))
    assert "Für die gewählten Gebiete gibt es noch keine Werte." in parsed.text
    assert "Es gibt noch keine Werte je Stadtteil." in parsed.text


def test_a_population_indicator_links_to_segregation(reader, world):
    html = reader.get(world["population_indicator"].get_absolute_url()).content.decode()
    assert f'href="{SEGREGATION}"' in html


def test_an_unknown_indicator_is_404(reader, world):
    assert reader.get(reverse("indicators:detail", args=[999999])).status_code == 404


def test_an_invalid_choice_falls_back_to_the_default(reader, world):
    indicator = world["city_indicator"]
    parsed = page(reader.get(indicator.get_absolute_url(), {"area": ["x"], "breakdown": "nope"}))
    assert len(row_starting(parsed, "Zeitraum")) == 5


# District profile ----------------------------------------------------------------------------


def test_the_profile_compares_the_district_with_the_city(reader, world):
    district = world["districts"][2]
    parsed = page(reader.get(district.get_absolute_url()))
    assert LONG_DISTRICT in parsed.text
    row = row_starting(parsed, f"A2 {world['city_indicator'].title}")
    assert row[1:] == ["2025", "13,5 %", "12,0 %", "+1,5 %", "▲ verschlechtert"]
    # S1 has only group counts, no total for the district.
    assert "S1" not in " ".join(r[0] for r in parsed.rows)


def test_the_city_profile_has_no_comparison_columns(reader, world):
    parsed = page(reader.get(world["city_area"].get_absolute_url()))
    assert "Unterschied zur Stadt" not in parsed.text
    assert row_starting(parsed, f"A2 {world['city_indicator'].title}")[1:] == [
        "2025",
        "12,0 %",
        "▲ verschlechtert",
    ]


def test_a_profile_without_values_says_so(reader, world):
    area = Area.objects.create(code="leer", name="Neubaugebiet")
    parsed = page(reader.get(area.get_absolute_url()))
    assert "Für dieses Gebiet gibt es noch keine Werte." in parsed.text


def test_an_unknown_area_is_404(reader, world):
    assert reader.get(reverse("indicators:area_detail", args=[999999])).status_code == 404


# Segregation ---------------------------------------------------------------------------------


def test_the_segregation_page_explains_and_lists_the_index(reader, world):
    response = reader.get(SEGREGATION)
    parsed = page(response)
    assert "0 bedeutet" in parsed.text
    assert "100 bedeutet vollständige Trennung" in parsed.text
    assert "wie die Stadtteile zugeschnitten sind" in parsed.text
    assert row_starting(parsed, "Jahr") == ["Jahr", "mit gegenüber ohne"]
    assert row_starting(parsed, "2024") == ["2024", "25,0"]
    assert row_starting(parsed, "2025") == ["2025", "25,0"]
    assert response.content.decode().count("<svg") == 1


def test_the_segregation_page_names_years_left_out(reader, world):
    CityIndicatorValue.objects.filter(
        indicator=world["population_indicator"],
        area=world["district"],
        group="mit",
        period=datetime.date(2024, 12, 31),
    ).delete()
    parsed = page(reader.get(SEGREGATION))
    assert "Ausgelassen, weil für einen Stadtteil eine Zahl fehlt: 2024." in parsed.text
    assert row_starting(parsed, "2025") == ["2025", "25,0"]


def test_the_segregation_page_without_counts_says_so(reader, db):
    parsed = page(reader.get(SEGREGATION))
    assert "Es gibt noch keine Einwohnerzahlen je Stadtteil und Gruppe." in parsed.text


def test_the_form_ticks_the_areas_shown(reader, world):
    indicator = world["city_indicator"]
    html = reader.get(indicator.get_absolute_url()).content.decode()
    ticked = re.findall(r'<input type="checkbox" name="area" value="(\d+)"[^>]*checked', html)
    assert sorted(map(int, ticked)) == sorted(
        [world["city_area"].pk, *(d.pk for d in world["districts"])]
    )
