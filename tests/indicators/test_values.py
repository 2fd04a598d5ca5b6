"""An indicator's values: the list with its filter and pages, and a value's create, edit and
delete pages."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from measures.models import CityIndicator, CityIndicatorValue
from tests.concurrency import assert_second_save_is_refused
from tests.indicators.world import indicator_world


@pytest.fixture
def world(db):
    return indicator_world()


def value_data(world, **changes):
    return {
        "area": world["district"].pk,
        "period_kind": "year",
        "year": 2026,
        "breakdown": "total",
        "group": "",
        "value": "1.234,5",
        "note": "vorläufig",
        "source_reference": "BA, Tabelle 3",
        **changes,
    }


def create(client, world, indicator=None, **changes):
    indicator = indicator or world["city_indicator"]
    url = reverse("indicators:value_create", args=[indicator.pk])
    return client.post(url, value_data(world, **changes))


def form_errors(response):
    return {
        name: [str(e) for e in errors] for name, errors in response.context["form"].errors.items()
    }


def test_a_value_is_entered_with_a_german_decimal(client, sachbearbeitung, world):
    client.force_login(sachbearbeitung)
    response = create(client, world)
    indicator = world["city_indicator"]
    assert response.status_code == 302
    assert response["Location"] == reverse("indicators:values", args=[indicator.pk])
    value = indicator.values.get(period=datetime.date(2026, 12, 31))
    assert value.value == Decimal("1234.5")
    assert value.period_kind == "year"
    assert value.area == world["district"]
    assert (value.note, value.source_reference) == ("vorläufig", "BA, Tabelle 3")
    assert value.history.get().history_user == sachbearbeitung


def test_a_value_of_a_reporting_date(client, sachbearbeitung, world):
    client.force_login(sachbearbeitung)
    response = create(client, world, period_kind="date", year="", date="2026-06-30", value="7,25")
    assert response.status_code == 302
    value = world["city_indicator"].values.get(period=datetime.date(2026, 6, 30))
    assert (value.period_kind, value.value) == ("date", Decimal("7.25"))


def test_the_period_must_be_given(client, sachbearbeitung, world):
    client.force_login(sachbearbeitung)
    response = create(client, world, year="")
    assert form_errors(response) == {"year": ["Bitte geben Sie das Jahr ein."]}
    response = create(client, world, period_kind="date", year="")
    assert form_errors(response) == {"date": ["Bitte geben Sie den Stichtag ein."]}


def test_a_second_value_for_the_same_period_and_group_is_refused(client, sachbearbeitung, world):
    client.force_login(sachbearbeitung)
    # The world has A2 for each district in 2025 already.
    response = create(client, world, year=2025)
    assert response.status_code == 200
    assert form_errors(response) == {
        "__all__": [
            "Für dieses Gebiet, diesen Zeitraum und diese Gruppe gibt es bereits einen Wert. "
            "Ändern Sie bitte diesen Wert."
        ]
    }
    assert world["city_indicator"].values.filter(period__year=2025).count() == 4


def test_a_group_is_required_for_a_breakdown(client, sachbearbeitung, world):
    client.force_login(sachbearbeitung)
    response = create(client, world, breakdown="gender")
    assert form_errors(response) == {
        "group": ["Bitte nennen Sie die Gruppe, z. B. „weiblich“ oder „mit Migrationshintergrund“."]
    }
    response = create(client, world, breakdown="gender", group="weiblich")
    assert response.status_code == 302
    assert world["city_indicator"].values.get(breakdown="gender").group == "weiblich"


def test_the_total_has_no_group(client, sachbearbeitung, world):
    client.force_login(sachbearbeitung)
    response = create(client, world, group="weiblich")
    assert form_errors(response) == {
        "group": ["Lassen Sie die Gruppe beim Wert insgesamt bitte leer."]
    }


def test_a_breakdown_the_indicator_lacks_is_refused_clearly(client, sachbearbeitung, world):
    client.force_login(sachbearbeitung)
    # A2 is broken down by district, nationality group and gender, not by age.
    response = create(client, world, breakdown="age", group="0–17")
    errors = form_errors(response)
    assert list(errors) == ["breakdown"]
    assert errors["breakdown"][0].startswith(
        "Dieser Indikator hat keine Werte nach dieser Aufschlüsselung; er hat: insgesamt, "
    )
    assert not world["city_indicator"].values.filter(breakdown="age").exists()


def test_an_indicator_without_districts_takes_the_city_only(client, sachbearbeitung, world):
    city_only = CityIndicator.objects.get(code="T2")
    assert "district" not in city_only.breakdowns
    client.force_login(sachbearbeitung)
    response = create(client, world, indicator=city_only)
    assert list(form_errors(response)) == ["area"]
    response = create(client, world, indicator=city_only, area=world["city_area"].pk)
    assert response.status_code == 302


def test_a_second_save_of_the_same_value_is_refused(client, sachbearbeitung, world):
    value = world["city_indicator_value"]
    client.force_login(sachbearbeitung)
    assert_second_save_is_refused(
        client,
        reverse("indicators:value_edit", args=[value.pk]),
        "note",
        "geschätzt",
        "endgültig",
        lambda: CityIndicatorValue.objects.get(pk=value.pk).note,
    )


def test_the_edit_form_shows_the_stored_period_and_value(client, sachbearbeitung, world):
    value = world["city_indicator"].values.get(area=world["district"], period__year=2024)
    client.force_login(sachbearbeitung)
    form = client.get(reverse("indicators:value_edit", args=[value.pk])).context["form"]
    assert form["year"].value() == 2024
    assert form["value"].value() == Decimal("11.5")
    assert 'value="11,5"' in str(form["value"])


def test_the_delete_page_shows_the_value_and_deletes_it(client, sachbearbeitung, world):
    value = world["city_indicator_value"]
    client.force_login(sachbearbeitung)
    url = reverse("indicators:value_delete", args=[value.pk])
    page = client.get(url).content.decode()
    assert "Wert löschen?" in page
    assert "Göppingen" in page and "2023" in page
    response = client.post(url)
    assert response["Location"] == reverse("indicators:values", args=[value.indicator_id])
    assert not CityIndicatorValue.objects.filter(pk=value.pk).exists()


def test_the_list_filters_by_area_year_and_breakdown(client, lesezugriff, world):
    client.force_login(lesezugriff)
    url = reverse("indicators:values", args=[world["city_indicator"].pk])
    response = client.get(url, {"area": world["district"].pk, "year": 2024})
    assert [(v.area, v.period.year) for v in response.context["page_obj"]] == [
        (world["district"], 2024)
    ]
    response = client.get(url, {"breakdown": "gender"})
    assert list(response.context["page_obj"]) == []
    assert "Kein Wert entspricht diesem Filter." in response.content.decode()


def test_the_list_links_to_the_import_for_clerks_only(client, sachbearbeitung, lesezugriff, world):
    indicator = world["city_indicator"]
    url = reverse("indicators:values", args=[indicator.pk])
    import_url = reverse("network:import_upload", args=["indicator-values"])
    client.force_login(sachbearbeitung)
    page = client.get(url).content.decode()
    assert f'href="{import_url}?indicator={indicator.pk}"' in page
    assert "Wert hinzufügen" in page
    client.force_login(lesezugriff)
    page = client.get(url).content.decode()
    assert import_url not in page
    assert reverse("indicators:value_edit", args=[world["city_indicator_value"].pk]) not in page


def test_the_list_pages_by_fifty_and_keeps_its_query_count(client, lesezugriff, world):
    indicator = world["city_indicator"]
    url = reverse("indicators:values", args=[indicator.pk])
    client.force_login(lesezugriff)
    client.get(url)  # warm up caches shared between requests
    with CaptureQueriesContext(connection) as few:
        assert client.get(url).status_code == 200
    areas = [world["city_area"], *world["districts"]]
    CityIndicatorValue.objects.bulk_create(
        CityIndicatorValue(
            indicator=indicator, area=area, period=datetime.date(year, 12, 31), value=year
        )
        for year in range(2000, 2020)
        for area in areas
    )
    with CaptureQueriesContext(connection) as many:
        response = client.get(url)
    assert len(many) == len(few)
    assert len(response.context["page_obj"]) == 50
    assert response.context["paginator"].count == 92


def test_an_empty_list_says_how_to_fill_it(client, lesezugriff, world):
    client.force_login(lesezugriff)
    empty = CityIndicator.objects.get(code="B1")
    page = client.get(reverse("indicators:values", args=[empty.pk])).content.decode()
    assert "Für diesen Indikator wurden noch keine Werte erfasst." in page
