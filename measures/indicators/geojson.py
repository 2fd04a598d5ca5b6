"""Checks of uploaded district boundaries (GeoJSON) before they are stored on an `Area`.

A boundary must be a Polygon or MultiPolygon in WGS 84 (longitude, latitude) that lies in
Germany. The commonest mistakes in files from a city's surveying office get a message of their
own: coordinates in UTM (EPSG:25832) instead of degrees, and latitude and longitude swapped.
Coordinates are rounded to six places (about 10 cm), which is more than a map needs.
"""

import json
from math import isfinite

from django.core.exceptions import ValidationError
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

MAX_GEOJSON_BYTES = 2 * 1024 * 1024
MAX_POSITIONS = 50_000
# Longitude and latitude of a box around Germany: a boundary outside it is a wrong file.
GERMANY = {"west": 5.5, "east": 15.5, "south": 47.0, "north": 55.5}
WGS84_NAMES = {
    "urn:ogc:def:crs:ogc:1.3:crs84",
    "urn:ogc:def:crs:ogc::crs84",
    "urn:ogc:def:crs:epsg::4326",
    "urn:ogc:def:crs:epsg:4326",
    "epsg:4326",
    "crs84",
    "wgs84",
    "wgs 84",
}
POLYGON_TYPES = ("Polygon", "MultiPolygon")
CODE_KEYS = {"code", "key", "ags", "schluessel", "schlüssel", "kennziffer", "nummer"}
NAME_KEYS = {"name", "bezeichnung", "stadtteil", "stadtbezirk", "bezirk", "gen"}


def parse_features(data: bytes) -> list[tuple[dict, dict]]:
    """(properties, geometry) of each Polygon/MultiPolygon in a GeoJSON file: a
    FeatureCollection, a Feature or a bare geometry."""
    document = load(data)
    kind = document.get("type")
    if kind == "FeatureCollection":
        features = document.get("features")
        if not isinstance(features, list):
            raise ValidationError(_("The file is not valid GeoJSON."), code="invalid")
    elif kind == "Feature":
        features = [document]
    elif kind in POLYGON_TYPES:
        features = [{"type": "Feature", "properties": {}, "geometry": document}]
    else:
        raise wrong_type(kind)
    if not features:
        raise ValidationError(_("The file contains no area."), code="empty")
    parsed = []
    for number, feature in enumerate(features, start=1):
        if not isinstance(feature, dict) or feature.get("type") != "Feature":
            raise ValidationError(_("The file is not valid GeoJSON."), code="invalid")
        check_crs(feature)
        properties = feature.get("properties") or {}
        if not isinstance(properties, dict):
            properties = {}
        try:
            geometry = validate_geometry(feature.get("geometry"))
        except ValidationError as error:
            if len(features) == 1:
                raise
            raise ValidationError(
                _("%(feature)s: %(error)s")
                % {"feature": feature_label(properties, number), "error": " ".join(error.messages)},
                code=error.error_list[0].code,
            ) from error
        parsed.append((properties, geometry))
    if sum(count_positions(geometry) for _properties, geometry in parsed) > MAX_POSITIONS:
        raise too_many_positions()
    return parsed


def validate_geometry(geometry: dict) -> dict:
    """The geometry checked and normalised (two coordinates per position, rounded to six
    places), or ValidationError."""
    kind = geometry.get("type") if isinstance(geometry, dict) else None
    if kind not in POLYGON_TYPES:
        raise wrong_type(kind)
    check_crs(geometry)
    coordinates = geometry.get("coordinates")
    polygons = [coordinates] if kind == "Polygon" else coordinates
    if not isinstance(polygons, list) or not polygons:
        raise malformed()
    normalised = [[check_ring(ring) for ring in polygon_rings(polygon)] for polygon in polygons]
    positions = [position for polygon in normalised for ring in polygon for position in ring]
    if len(positions) > MAX_POSITIONS:
        raise too_many_positions()
    check_location(positions)
    return {"type": kind, "coordinates": normalised[0] if kind == "Polygon" else normalised}


def boundary_from_upload(data: bytes) -> dict:
    """Exactly one area's boundary from an uploaded file: its one polygon feature, or its
    several polygon features (parts of the same area) merged into a MultiPolygon."""
    features = parse_features(data)
    if len(features) == 1:
        return features[0][1]
    labels = {
        feature_label(properties, 0)
        for properties, _geometry in features
        if key_values(properties, CODE_KEYS | NAME_KEYS)
    }
    if len(labels) > 1:
        raise ValidationError(
            _(
                "The file contains several areas (%(names)s). Upload the boundary of this one "
                "area only, or use the upload of all districts' boundaries."
            )
            % {"names": ", ".join(sorted(labels))},
            code="several",
        )
    polygons = []
    for _properties, geometry in features:
        coordinates = geometry["coordinates"]
        polygons += [coordinates] if geometry["type"] == "Polygon" else coordinates
    return {"type": "MultiPolygon", "coordinates": polygons}


def match_features(features: list[tuple[dict, dict]], areas) -> tuple[dict, list[str]]:
    """Each feature's area, found by a property holding its code ("code", "AGS", …) or its name
    ("name", "stadtteil", …; compared case- and space-insensitively). Returns ({area: geometry},
    [labels of the features matched to no area, or to an area already matched])."""
    areas = list(areas)
    by_code = {simplified(area.code): area for area in areas}
    by_name = {simplified(area.name): area for area in areas}
    matched, unmatched = {}, []
    for number, (properties, geometry) in enumerate(features, start=1):
        area = next(
            (
                by_code[v]
                for v in map(simplified, key_values(properties, CODE_KEYS))
                if v in by_code
            ),
            None,
        ) or next(
            (
                by_name[v]
                for v in map(simplified, key_values(properties, NAME_KEYS))
                if v in by_name
            ),
            None,
        )
        label = feature_label(properties, number)
        if area is None:
            unmatched.append(label)
        elif area in matched:
            unmatched.append(
                _("%(feature)s (a second boundary for %(area)s)") % {"feature": label, "area": area}
            )
        else:
            matched[area] = geometry
    return matched, unmatched


def load(data):
    """The file's JSON document, within the size limit and in WGS 84."""
    if len(data) > MAX_GEOJSON_BYTES:
        raise ValidationError(
            _("The file is larger than %(size)s MB.") % {"size": MAX_GEOJSON_BYTES // 1024**2},
            code="too_big",
        )
    try:
        document = json.loads(data.decode("utf-8-sig"), parse_constant=reject_constant)
    except (UnicodeDecodeError, ValueError) as error:
        raise ValidationError(_("The file is not valid GeoJSON."), code="invalid") from error
    if not isinstance(document, dict):
        raise ValidationError(_("The file is not valid GeoJSON."), code="invalid")
    check_crs(document)
    return document


def reject_constant(name):
    raise ValueError(name)  # NaN and Infinity are not JSON


def check_crs(member):
    """Refuse a `crs` member (from older GeoJSON) naming anything but WGS 84."""
    crs = member.get("crs")
    if crs is None:
        return
    name = crs.get("properties", {}).get("name") if isinstance(crs, dict) else None
    if not isinstance(name, str) or name.strip().lower() not in WGS84_NAMES:
        raise ValidationError(
            _(
                "The file uses the coordinate reference system “%(crs)s”. Boundaries must use "
                "WGS 84 (EPSG:4326): please convert UTM coordinates (such as EPSG:25832) to "
                "WGS 84 first, for example in QGIS."
            )
            % {"crs": name if isinstance(name, str) else pgettext("geojson", "unknown")},
            code="crs",
        )


def polygon_rings(polygon):
    if not isinstance(polygon, list) or not polygon:
        raise malformed()
    return polygon


def check_ring(ring):
    """The ring's positions as [lon, lat] rounded to six places; closed, with four or more."""
    if not isinstance(ring, list) or not all(isinstance(p, list) for p in ring):
        raise malformed()
    if len(ring) < 4:
        raise ValidationError(
            _("Each ring of a polygon needs at least four positions."), code="short_ring"
        )
    positions = []
    for position in ring:
        if len(position) not in (2, 3) or not all(is_number(number) for number in position):
            raise malformed()
        if not all(isfinite(number) for number in position):
            raise ValidationError(
                _("The file contains coordinates that are not finite numbers."), code="not_finite"
            )
        positions.append([round(float(position[0]), 6), round(float(position[1]), 6)])
    if positions[0] != positions[-1]:
        raise ValidationError(
            _("A ring of the polygon is not closed: its first and last positions differ."),
            code="open_ring",
        )
    return positions


def is_number(value):
    return isinstance(value, int | float) and not isinstance(value, bool)


def check_location(positions):
    """Degrees of longitude and latitude, inside Germany."""
    if any(abs(lon) > 180 or abs(lat) > 90 for lon, lat in positions):
        raise ValidationError(
            _(
                "The coordinates are not longitude and latitude in WGS 84 (EPSG:4326). UTM "
                "coordinates (such as EPSG:25832) must be converted to WGS 84 first."
            ),
            code="not_degrees",
        )
    if all(in_germany(lon, lat) for lon, lat in positions):
        return
    if all(in_germany(lat, lon) for lon, lat in positions):
        raise ValidationError(_("Latitude and longitude seem to be swapped."), code="swapped")
    raise ValidationError(
        _("The boundary lies outside Germany. Please check the file's coordinates."),
        code="outside",
    )


def in_germany(lon, lat):
    return GERMANY["west"] <= lon <= GERMANY["east"] and GERMANY["south"] <= lat <= GERMANY["north"]


def count_positions(geometry):
    polygons = (
        [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    )
    return sum(len(ring) for polygon in polygons for ring in polygon)


def key_values(properties, keys):
    """The non-empty values of the properties whose key (in any case) is one of `keys`."""
    return [
        str(value)
        for key, value in properties.items()
        if str(key).strip().lower() in keys and value not in (None, "")
    ]


def simplified(text):
    """For comparing names and codes: without case and spaces."""
    return "".join(str(text).split()).casefold()


def feature_label(properties, number):
    """How a feature is named in messages: its name or code, else its number in the file."""
    values = key_values(properties, NAME_KEYS) or key_values(properties, CODE_KEYS)
    return values[0] if values else _("feature %(number)s") % {"number": number}


def wrong_type(kind):
    return ValidationError(
        _("The file must contain areas (Polygon or MultiPolygon), not “%(type)s”.")
        % {"type": kind if isinstance(kind, str) else pgettext("geojson", "unknown")},
        code="wrong_type",
    )


def malformed():
    return ValidationError(
        _("The file is not valid GeoJSON: the coordinates of a polygon are malformed."),
        code="malformed",
    )


def too_many_positions():
    return ValidationError(
        _("The boundaries have more than %(count)s positions; please simplify them first.")
        % {"count": formats.number_format(MAX_POSITIONS, use_l10n=True)},
        code="too_many_positions",
    )
