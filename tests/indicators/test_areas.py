"""The areas' pages: the list, create and edit with a GeoJSON boundary, delete (refused while
values refer to the area), the history, and the upload of all districts' boundaries."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from measures.models import Area
from tests.concurrency import assert_second_save_is_refused
from tests.indicators.world import LONG_DISTRICT, indicator_world, square


@pytest.fixture
def world(db):
    return indicator_world()


def geojson_file(content, name="grenze.geojson"):
    if not isinstance(content, bytes):
        content = json.dumps(content).encode()
    return SimpleUploadedFile(name, content, "application/geo+json")


def feature(geometry, **properties):
    return {"type": "Feature", "properties": properties, "geometry": geometry}


def collection(*features):
    return {"type": "FeatureCollection", "features": list(features)}


def area_data(area=None, **changes):
    data = {"code": "08117019-07", "name": "Bartenbach", "kind": "district", "sort_order": 7}
    if area is not None:
        data |= {
            "code": area.code,
            "name": area.name,
            "kind": area.kind,
            "sort_order": area.sort_order,
            "boundary_note": area.boundary_note,
            "version": area.version,
        }
    return {**data, **changes}


def form_errors(response):
    form = response.context["form"]
    return {name: [str(e) for e in errors] for name, errors in form.errors.items()}


def test_the_list_shows_every_area_with_its_boundary_and_values(client, lesezugriff, world):
    client.force_login(lesezugriff)
    response = client.get(reverse("indicators:areas"))
    areas = list(response.context["areas"])
    assert areas[0] == world["city_area"]  # the city first
    assert [area.value_count for area in areas] == [3, 7, 7, 7]  # A2; S1 by group as well
    page = response.content.decode()
    assert LONG_DISTRICT in page
    assert reverse("indicators:area_detail", args=[world["district"].pk]) in page
    # Reading only: no way to change an area.
    assert reverse("indicators:area_edit", args=[world["district"].pk]) not in page


def test_an_area_is_created_with_a_boundary(client, koordination, world):
    client.force_login(koordination)
    boundary = square(9.70, 48.70)
    data = {**area_data(), "boundary_file": geojson_file(feature(boundary, name="Bartenbach"))}
    response = client.post(reverse("indicators:area_create"), data)
    assert response.status_code == 302
    assert response["Location"] == reverse("indicators:areas")
    area = Area.objects.get(code="08117019-07")
    assert area.boundary["type"] == "Polygon"
    assert area.boundary["coordinates"][0][0] == [9.70, 48.70]
    assert area.history.get().history_user == koordination


def test_a_second_city_is_refused(client, koordination, world):
    client.force_login(koordination)
    response = client.post(reverse("indicators:area_create"), area_data(kind="city"))
    assert form_errors(response) == {
        "kind": ["„Göppingen“ ist bereits die Stadt; jedes andere Gebiet ist ein Stadtteil."]
    }
    # The city itself stays the city when edited.
    city = world["city_area"]
    response = client.post(reverse("indicators:area_edit", args=[city.pk]), area_data(city))
    assert response.status_code == 302


def test_a_file_that_is_no_geojson_is_refused(client, koordination, world):
    client.force_login(koordination)
    district = world["district"]
    before = district.boundary
    url = reverse("indicators:area_edit", args=[district.pk])
    for upload in (
        geojson_file(b"{not json", "grenze.geojson"),
        geojson_file(feature(square(9.6, 48.6)), "grenze.txt"),
        geojson_file(feature({"type": "Point", "coordinates": [9.6, 48.6]})),
        geojson_file(feature(square(190.0, 48.6))),
    ):
        response = client.post(url, {**area_data(district), "boundary_file": upload})
        assert response.status_code == 200
        assert list(form_errors(response)) == ["boundary_file"]
    district.refresh_from_db()
    assert district.boundary == before


def test_the_boundary_can_be_removed(client, koordination, world):
    client.force_login(koordination)
    district = world["district"]
    url = reverse("indicators:area_edit", args=[district.pk])
    response = client.post(url, {**area_data(district), "remove_boundary": "on"})
    assert response.status_code == 302
    district.refresh_from_db()
    assert district.boundary is None


def test_the_edit_page_previews_the_stored_boundary(client, koordination, world):
    client.force_login(koordination)
    page = client.get(reverse("indicators:area_edit", args=[world["district"].pk]))
    assert "<svg" in page.content.decode()
    page = client.get(reverse("indicators:area_edit", args=[world["city_area"].pk]))
    content = page.content.decode()
    assert "<svg" not in content
    assert "Für dieses Gebiet ist noch keine Grenze gespeichert." in content
    assert 'name="remove_boundary"' not in content


def test_a_second_save_of_the_same_area_is_refused(client, koordination, world):
    district = world["district"]
    client.force_login(koordination)
    assert_second_save_is_refused(
        client,
        reverse("indicators:area_edit", args=[district.pk]),
        "boundary_note",
        "Quelle: Vermessungsamt",
        "Quelle: Stadtplanung",
        lambda: Area.objects.get(pk=district.pk).boundary_note,
    )


def test_an_area_with_values_cannot_be_deleted(client, koordination, world):
    district = world["district"]
    client.force_login(koordination)
    url = reverse("indicators:area_delete", args=[district.pk])
    page = client.get(url).content.decode()
    assert "Dieses Gebiet kann nicht gelöscht werden: 7 Werte beziehen sich darauf." in page
    assert 'class="button button--danger"' not in page
    response = client.post(url, follow=True)
    assert Area.objects.filter(pk=district.pk).exists()
    assert [str(message) for message in response.context["messages"]] == [
        "„Faurndau“ kann nicht gelöscht werden: 7 Werte beziehen sich darauf. Löschen Sie "
        "zuerst die Werte."
    ]


def test_an_area_without_values_is_deleted_after_confirmation(client, koordination, world):
    spare = Area.objects.create(code="08117019-99", name="Ursenwang")
    client.force_login(koordination)
    url = reverse("indicators:area_delete", args=[spare.pk])
    assert "Löschen" in client.get(url).content.decode()
    assert Area.objects.filter(pk=spare.pk).exists()  # a GET changes nothing
    response = client.post(url)
    assert response["Location"] == reverse("indicators:areas")
    assert not Area.objects.filter(pk=spare.pk).exists()


def test_the_area_history_shows_the_changes(client, koordination, world):
    district = world["district"]
    client.force_login(koordination)
    url = reverse("indicators:area_edit", args=[district.pk])
    client.post(url, area_data(district, name="Faurndau-Nord"))
    page = client.get(reverse("indicators:area_history", args=[district.pk])).content.decode()
    assert "Name: Faurndau → Faurndau-Nord" in page
    assert "geändert · koordination" in page


def upload_boundaries(client, content):
    return client.post(reverse("indicators:area_boundaries"), {"file": geojson_file(content)})


def test_the_boundaries_of_all_districts_are_matched_by_key_and_name(client, koordination, world):
    faurndau, jebenhausen, long_one = world["districts"]
    client.force_login(koordination)
    response = upload_boundaries(
        client,
        collection(
            feature(square(9.50, 48.60), AGS=faurndau.code),
            feature(square(9.52, 48.60), NAME="  jebenhausen "),
            feature(square(9.54, 48.60), name=LONG_DISTRICT),
        ),
    )
    assert response.status_code == 200
    result = response.context["result"]
    assert result["stored"]
    assert result["matched"] == [faurndau, jebenhausen, long_one]
    assert result["without"] == [world["city_area"]]
    for area, west in ((faurndau, 9.50), (jebenhausen, 9.52), (long_one, 9.54)):
        area.refresh_from_db()
        assert area.boundary["coordinates"][0][0] == [west, 48.60]
        assert area.history.latest().history_user == koordination
    assert "3 Grenzen wurden gespeichert." in response.content.decode()


def test_nothing_is_stored_unless_every_feature_matched(client, koordination, world):
    faurndau = world["district"]
    before = faurndau.boundary
    client.force_login(koordination)
    response = upload_boundaries(
        client,
        collection(
            feature(square(9.50, 48.60), code=faurndau.code),
            feature(square(9.52, 48.60), name="Holzheim"),
        ),
    )
    result = response.context["result"]
    assert not result["stored"]
    assert result["unmatched"] and "Holzheim" in result["unmatched"][0]
    faurndau.refresh_from_db()
    assert faurndau.boundary == before
    page = response.content.decode()
    assert "Es wurde keine Grenze gespeichert" in page
    assert "Holzheim" in page


def test_a_broken_boundaries_file_is_refused(client, koordination, world):
    client.force_login(koordination)
    response = upload_boundaries(client, b"<kml></kml>")
    assert response.context["result"] is None
    assert list(form_errors(response)) == ["file"]
