"""The catalogue's indicator pages: create, edit (with concurrent edits), delete, history."""

import pytest
from django.urls import reverse

from measures.models import CityIndicator, CityIndicatorValue
from tests.concurrency import assert_second_save_is_refused
from tests.indicators.world import indicator_world


@pytest.fixture
def world(db):
    return indicator_world()


def indicator_data(**changes):
    return {
        "code": "Z9",
        "title": "Einbürgerungsquote",
        "topic": "legal",
        "definition": "Einbürgerungen je 100 Ausländerinnen und Ausländer mit 8 Jahren Aufenthalt.",
        "numerator": "Einbürgerungen im Jahr",
        "denominator": "Ausländerinnen und Ausländer mit mindestens 8 Jahren Aufenthalt",
        "unit": "%",
        "decimal_places": 1,
        "direction": "higher",
        "source": "Einbürgerungsbehörde",
        "rhythm": "yearly",
        "breakdowns": ["gender", "district"],
        **changes,
    }


def errors_of(response, field):
    return [str(error) for error in response.context["form"].errors.get(field, [])]


def test_koordination_creates_an_indicator_with_its_links(
    client, koordination, action_field, measure
):
    client.force_login(koordination)
    data = indicator_data(action_fields=[action_field.pk], measures=[measure.pk], in_report="on")
    response = client.post(reverse("indicators:create"), data)
    indicator = CityIndicator.objects.get(code="Z9")
    assert response.status_code == 302
    assert response["Location"] == reverse("indicators:detail", args=[indicator.pk])
    # Stored in the catalogue's order of breakdowns, whatever order the browser sent.
    assert indicator.breakdowns == ["district", "gender"]
    assert list(indicator.action_fields.all()) == [action_field]
    assert list(indicator.measures.all()) == [measure]
    assert indicator.in_report
    # Saving the links writes history records of their own, all by the same person.
    assert indicator.history.earliest().history_type == "+"
    assert {record.history_user for record in indicator.history.all()} == {koordination}


def test_the_form_offers_every_breakdown_as_a_checkbox(client, koordination, world):
    client.force_login(koordination)
    page = client.get(reverse("indicators:create")).content.decode()
    for key in ("district", "gender", "age", "migration", "nationality"):
        assert f'type="checkbox" name="breakdowns" value="{key}"' in page


def test_a_code_in_use_is_refused_whatever_its_case(client, koordination, world):
    client.force_login(koordination)
    response = client.post(reverse("indicators:create"), indicator_data(code="a2"))
    assert response.status_code == 200
    assert errors_of(response, "code") == ["Es gibt bereits einen Indikator mit dem Code „a2“."]
    assert not CityIndicator.objects.filter(code="a2").exists()


def test_an_unknown_breakdown_is_refused(client, koordination, world):
    client.force_login(koordination)
    response = client.post(
        reverse("indicators:create"), indicator_data(breakdowns=["district", "religion"])
    )
    assert response.status_code == 200
    assert errors_of(response, "breakdowns")
    assert not CityIndicator.objects.filter(code="Z9").exists()


def test_a_breakdown_with_values_cannot_be_removed(client, koordination, world):
    population = world["population_indicator"]
    client.force_login(koordination)
    url = reverse("indicators:edit", args=[population.pk])
    data = {
        **indicator_data(code=population.code, breakdowns=["district"]),
        "version": population.version,
    }
    response = client.post(url, data)
    assert response.status_code == 200
    assert errors_of(response, "breakdowns") == [
        "Es gibt Werte nach Migrationshintergrund; löschen Sie diese, bevor Sie die "
        "Aufschlüsselung entfernen."
    ]
    population.refresh_from_db()
    assert "migration" in population.breakdowns


def test_a_second_save_of_the_same_form_is_refused(client, koordination, world):
    indicator = world["city_indicator"]
    client.force_login(koordination)
    assert_second_save_is_refused(
        client,
        reverse("indicators:edit", args=[indicator.pk]),
        "title",
        "Arbeitslosenquote (BA)",
        "Arbeitslosenquote insgesamt",
        lambda: CityIndicator.objects.get(pk=indicator.pk).title,
    )


def test_the_delete_page_names_the_values_that_go_with_it(client, koordination, world):
    indicator = world["city_indicator"]
    client.force_login(koordination)
    page = client.get(reverse("indicators:delete", args=[indicator.pk])).content.decode()
    # The city and three districts, three years each.
    assert "Die 12 Werte des Indikators werden mit ihm gelöscht." in page


def test_deleting_removes_the_values_and_returns_to_the_overview(client, koordination, world):
    indicator = world["city_indicator"]
    client.force_login(koordination)
    response = client.post(reverse("indicators:delete", args=[indicator.pk]))
    assert response.status_code == 302
    assert response["Location"] == reverse("indicators:overview")
    assert not CityIndicator.objects.filter(pk=indicator.pk).exists()
    assert not CityIndicatorValue.objects.filter(indicator_id=indicator.pk).exists()
    # The history keeps who deleted it.
    deleted = CityIndicator.history.filter(id=indicator.pk, history_type="-").get()
    assert deleted.history_user == koordination


def test_the_history_shows_who_changed_what(client, koordination, lesezugriff, world):
    indicator = world["city_indicator"]
    client.force_login(koordination)
    url = reverse("indicators:edit", args=[indicator.pk])
    data = {
        **indicator_data(code="A2", title="Arbeitslosenquote (BA)", breakdowns=["district"]),
        "version": indicator.version,
    }
    assert client.post(url, data).status_code == 302

    client.force_login(lesezugriff)
    page = client.get(reverse("indicators:history", args=[indicator.pk])).content.decode()
    assert "Änderungsverlauf von „A2 Arbeitslosenquote (BA)“" in page
    assert "geändert · koordination" in page
    assert "Titel: Arbeitslosenquote → Arbeitslosenquote (BA)" in page


def test_the_history_of_an_unknown_indicator_is_not_found(client, lesezugriff, db):
    client.force_login(lesezugriff)
    assert client.get(reverse("indicators:history", args=[999999])).status_code == 404


def test_the_history_names_linked_measures_and_breakdowns_in_words(
    client, koordination, world, measure
):
    indicator = world["city_indicator"]
    client.force_login(koordination)
    data = {
        **indicator_data(code="A2", title=indicator.title, breakdowns=["district", "age"]),
        "measures": [measure.pk],
        "version": indicator.version,
    }
    assert client.post(reverse("indicators:edit", args=[indicator.pk]), data).status_code == 302
    page = client.get(reverse("indicators:history", args=[indicator.pk])).content.decode()
    assert f"Maßnahmen: – → {measure}" in page
    assert (
        "Aufschlüsselungen: Stadtteil, Staatsangehörigkeit, Geschlecht → Stadtteil, Altersgruppe"
        in page
    )
    assert "{" not in page.split("<main", 1)[1]


def test_keeping_the_breakdowns_keeps_their_stored_order(client, koordination, world):
    indicator = world["city_indicator"]
    assert indicator.breakdowns == ["district", "nationality", "gender"]
    client.force_login(koordination)
    data = {
        **indicator_data(code="A2", breakdowns=["gender", "district", "nationality"]),
        "version": indicator.version,
    }
    assert client.post(reverse("indicators:edit", args=[indicator.pk]), data).status_code == 302
    indicator.refresh_from_db()
    assert indicator.breakdowns == ["district", "nationality", "gender"]
