"""Uploaded district boundaries: what is accepted, how it is normalised, and each refusal."""

import json

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from measures.indicators.geojson import (
    MAX_GEOJSON_BYTES,
    boundary_from_upload,
    match_features,
    parse_features,
    validate_geometry,
)

from .world import areas, square


@pytest.fixture(autouse=True)
def _german():
    with translation.override("de"):
        yield


def six_places(geometry):
    """A test geometry as the validation stores it: coordinates rounded to six places."""

    def rounded(item):
        return [rounded(part) for part in item] if isinstance(item, list) else round(item, 6)

    return {"type": geometry["type"], "coordinates": rounded(geometry["coordinates"])}


def feature(geometry, **properties):
    return {"type": "Feature", "properties": properties, "geometry": geometry}


def collection(*features, **extra):
    return json.dumps({"type": "FeatureCollection", "features": list(features), **extra}).encode()


def three_districts():
    return collection(
        feature(square(9.63, 48.69), code="08117019-01", name="Faurndau"),
        feature(square(9.64, 48.69), STADTTEIL="  jeben hausen "),
        feature(square(9.65, 48.69), AGS="08117019-03", NAME="Irgendwas"),
    )


def refusal(data):
    with pytest.raises(ValidationError) as caught:
        parse_features(data)
    return caught.value


def test_a_feature_collection_of_three_districts_is_read():
    features = parse_features(three_districts())
    assert features[0][0] == {
        "code": "08117019-01",
        "name": "Faurndau",
    }
    assert [geometry for _properties, geometry in features] == [
        six_places(square(9.63, 48.69)),
        six_places(square(9.64, 48.69)),
        six_places(square(9.65, 48.69)),
    ]


def test_coordinates_are_rounded_to_six_places_and_heights_dropped():
    ring = [[9.1234567891, 48.1, 250.0], [9.2, 48.1], [9.2, 48.2], [9.1234567891, 48.1, 250.0]]
    geometry = validate_geometry({"type": "Polygon", "coordinates": [ring]})
    assert geometry["coordinates"][0][0] == [9.123457, 48.1]
    assert all(len(position) == 2 for position in geometry["coordinates"][0])


def test_a_feature_and_a_bare_geometry_are_read_too():
    polygon = square(9.6, 48.7)
    assert parse_features(json.dumps(feature(polygon, name="A")).encode()) == [
        ({"name": "A"}, six_places(polygon))
    ]
    assert parse_features(json.dumps(polygon).encode()) == [({}, six_places(polygon))]


def test_a_multipolygon_is_accepted():
    multi = {
        "type": "MultiPolygon",
        "coordinates": [square(9.6, 48.7)["coordinates"], square(9.7, 48.7)["coordinates"]],
    }
    assert validate_geometry(multi) == six_places(multi)


def test_wgs84_named_as_crs84_is_accepted():
    crs = {"type": "name", "properties": {"name": "urn:ogc:def:crs:OGC:1.3:CRS84"}}
    assert len(parse_features(collection(feature(square(9.6, 48.7)), crs=crs))) == 1


def test_not_json_is_refused_in_german():
    assert refusal(b"{ kein json").messages == ["Die Datei ist kein gültiges GeoJSON."]
    assert refusal("nö".encode("latin-1")).code == "invalid"
    assert refusal(b"[1, 2]").code == "invalid"


def test_a_file_over_the_size_limit_is_refused():
    error = refusal(b" " * (MAX_GEOJSON_BYTES + 1))
    assert error.messages == ["Die Datei ist größer als 2 MB."]


def test_points_and_lines_are_refused():
    point = {"type": "Point", "coordinates": [9.6, 48.7]}
    error = refusal(json.dumps(point).encode())
    assert error.code == "wrong_type"
    assert "Polygon oder MultiPolygon" in error.messages[0]
    error = refusal(collection(feature(square(9.6, 48.7), name="A"), feature(point, name="B")))
    assert error.messages[0].startswith("B: ")


def test_an_empty_collection_is_refused():
    assert refusal(collection()).messages == ["Die Datei enthält keine Fläche."]


def test_an_open_ring_is_refused():
    ring = [*square(9.6, 48.7)["coordinates"][0][:-1], [9.6, 48.705]]
    error = refusal(json.dumps({"type": "Polygon", "coordinates": [ring]}).encode())
    assert error.code == "open_ring"
    assert "nicht geschlossen" in error.messages[0]


def test_a_ring_of_three_positions_is_refused():
    ring = [[9.6, 48.7], [9.61, 48.7], [9.6, 48.7]]
    error = refusal(json.dumps({"type": "Polygon", "coordinates": [ring]}).encode())
    assert error.messages == ["Jeder Ring eines Polygons braucht mindestens vier Punkte."]
    assert refusal(json.dumps({"type": "Polygon", "coordinates": [[]]}).encode()).code == (
        "short_ring"
    )


@pytest.mark.parametrize(
    "coordinates",
    [
        [],
        [[9.6, 48.7, 9.61, 48.71]],
        "9.6,48.7",
        [[[9.6, 48.7], [9.61], [9.6, 48.71], [9.6, 48.7]]],
        [[[9.6, "48.7"]] * 4],
    ],
)
def test_malformed_coordinates_are_refused(coordinates):
    error = refusal(json.dumps({"type": "Polygon", "coordinates": coordinates}).encode())
    assert error.code == "malformed"


def test_numbers_that_are_not_finite_are_refused():
    ring = "[[9.6, 48.7], [1e999, 48.7], [9.6, 48.71], [9.6, 48.7]]"
    data = b'{"type": "Polygon", "coordinates": [' + ring.encode() + b"]}"
    assert refusal(data).code == "not_finite"
    assert refusal(data.replace(b"1e999", b"NaN")).code == "invalid"


def test_longitude_beyond_180_is_refused():
    ring = [[200, 48.7], [201, 48.7], [201, 48.71], [200, 48.7]]
    assert refusal(json.dumps({"type": "Polygon", "coordinates": [ring]}).encode()).code == (
        "not_degrees"
    )


def test_utm_coordinates_are_refused_with_advice():
    east, north = 549_000, 5_393_000
    ring = [[east, north], [east + 500, north], [east + 500, north + 500], [east, north]]
    error = refusal(json.dumps({"type": "Polygon", "coordinates": [ring]}).encode())
    assert "WGS 84 (EPSG:4326)" in error.messages[0]
    assert "UTM-Koordinaten" in error.messages[0]


def test_a_crs_other_than_wgs84_is_refused():
    crs = {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::25832"}}
    error = refusal(collection(feature(square(9.6, 48.7)), crs=crs))
    assert error.code == "crs"
    assert "„urn:ogc:def:crs:EPSG::25832“" in error.messages[0]
    assert "WGS 84 (EPSG:4326)" in error.messages[0]
    assert "UTM-Koordinaten" in error.messages[0]


def test_swapped_latitude_and_longitude_are_named():
    swapped = [[lat, lon] for lon, lat in square(9.6, 48.7)["coordinates"][0]]
    error = refusal(json.dumps({"type": "Polygon", "coordinates": [swapped]}).encode())
    assert error.messages == ["Breite und Länge scheinen vertauscht zu sein."]


def test_a_boundary_outside_germany_is_refused():
    error = refusal(json.dumps(square(2.35, 48.85)).encode())  # Paris
    assert error.code == "outside"
    assert "außerhalb Deutschlands" in error.messages[0]


def test_more_than_fifty_thousand_positions_are_refused():
    count = 50_001
    ring = [[9.6 + 0.01 * index / count, 48.7 + (index % 2) * 0.001] for index in range(count - 1)]
    ring.append(ring[0])
    data = json.dumps({"type": "Polygon", "coordinates": [ring]}).encode()
    assert len(data) < MAX_GEOJSON_BYTES
    error = refusal(data)
    assert error.code == "too_many_positions"
    assert "50.000" in error.messages[0]


def test_the_limit_counts_the_positions_of_all_features():
    ring = [[9.6 + 0.01 * index / 30_000, 48.7 + (index % 2) * 0.001] for index in range(29_999)]
    ring.append(ring[0])
    polygon = {"type": "Polygon", "coordinates": [ring]}
    assert refusal(collection(feature(polygon), feature(polygon))).code == "too_many_positions"


def test_one_feature_is_the_uploaded_boundary():
    data = collection(feature(square(9.6, 48.7), name="Faurndau"))
    assert boundary_from_upload(data) == six_places(square(9.6, 48.7))


def test_several_parts_of_one_area_are_merged_into_a_multipolygon():
    data = collection(
        feature(square(9.6, 48.7), name="Faurndau"), feature(square(9.7, 48.7), name="Faurndau")
    )
    assert boundary_from_upload(data) == six_places(
        {
            "type": "MultiPolygon",
            "coordinates": [square(9.6, 48.7)["coordinates"], square(9.7, 48.7)["coordinates"]],
        }
    )


def test_a_file_of_several_districts_is_no_single_boundary():
    with pytest.raises(ValidationError) as caught:
        boundary_from_upload(three_districts())
    assert caught.value.code == "several"
    assert "Faurndau" in caught.value.messages[0]


def test_an_upload_with_a_bad_geometry_is_refused():
    with pytest.raises(ValidationError):
        boundary_from_upload(json.dumps({"type": "Point", "coordinates": [9.6, 48.7]}).encode())


@pytest.mark.django_db
def test_features_are_matched_by_code_or_by_name():
    _city, (faurndau, jebenhausen, long_district) = areas()
    features = parse_features(three_districts())
    matched, unmatched = match_features(features, [faurndau, jebenhausen, long_district])
    assert matched == {
        faurndau: six_places(square(9.63, 48.69)),  # by its code
        jebenhausen: six_places(square(9.64, 48.69)),  # by its name, without case and spaces
        long_district: six_places(square(9.65, 48.69)),  # by the AGS key in capitals
    }
    assert unmatched == []


@pytest.mark.django_db
def test_unmatched_and_doubled_features_are_reported():
    _city, (faurndau, jebenhausen, _long) = areas()
    features = parse_features(
        collection(
            feature(square(9.63, 48.69), Name="FAURNDAU"),
            feature(square(9.64, 48.69), schluessel="08117019-01"),
            feature(square(9.65, 48.69), name="Holzheim"),
            feature(square(9.66, 48.69), flaeche=12),
        )
    )
    matched, unmatched = match_features(features, [faurndau, jebenhausen])
    assert matched == {faurndau: six_places(square(9.63, 48.69))}
    assert unmatched == [
        "08117019-01 (eine zweite Grenze für Faurndau)",
        "Holzheim",
        "Objekt 4",
    ]
