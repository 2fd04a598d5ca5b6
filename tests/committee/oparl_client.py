"""An OParl 1.1 client as the tests use it: validates what it reads against the official
schemas (tests/committee/oparl_schema) with jsonschema, walks everything from the System object,
and imports and syncs a body the way a council portal's importer does."""

import datetime
import json
from pathlib import Path
from urllib.parse import urlparse

import jsonschema

SCHEMAS = Path(__file__).parent / "oparl_schema"
TYPE_PREFIX = "https://schema.oparl.org/1.1/"
BASE = "http://testserver/oparl/v1.1/"
TOMBSTONE_KEYS = {"id", "type", "created", "modified", "deleted"}
FILE_URL_PARTS = ("/access/", "/download/")

FORMATS = jsonschema.FormatChecker()


@FORMATS.checks("url")
def is_url(value):
    parts = urlparse(value)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


@FORMATS.checks("date-time", raises=ValueError)
def is_date_time(value):
    return datetime.datetime.fromisoformat(value).tzinfo is not None


@FORMATS.checks("date", raises=ValueError)
def is_date(value):
    return bool(datetime.date.fromisoformat(value))


def schema(name):
    return json.loads((SCHEMAS / f"{name}.json").read_text())


def validate(obj):
    """Validate an object and every object embedded in it against their types' schemas.

    A deleted object keeps only id, type, created and modified (OParl 1.1 §2.8, "alle weiteren
    Attribute dürfen entfernt werden"), so its type's other required properties do not apply.
    """
    name = obj["type"].removeprefix(TYPE_PREFIX)
    rules = schema(name)
    if obj.get("deleted"):
        assert set(obj) == TOMBSTONE_KEYS, obj
        rules = {**rules, "required": ["id", "type"]}
    jsonschema.validate(obj, rules, format_checker=FORMATS)
    assert "created" in obj and "modified" in obj, obj["id"]
    for value in obj.values():
        for entry in value if isinstance(value, list) else [value]:
            if isinstance(entry, dict) and "type" in entry:
                validate(entry)
    return name


def links_in(value):
    if isinstance(value, str) and value.startswith(BASE):
        yield value
    elif isinstance(value, list):
        for entry in value:
            yield from links_in(entry)
    elif isinstance(value, dict):
        for entry in value.values():
            yield from links_in(entry)


def content_of(response):
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def walk(client):
    """Follow every link from the System object; return {url: JSON}, the types seen and the
    files ({url: bytes})."""
    seen, pending, types, files = {}, [BASE], set(), {}
    while pending:
        url = pending.pop()
        if url in seen or url in files:
            continue
        response = client.get(url)
        assert response.status_code == 200, url
        if any(part in url for part in FILE_URL_PARTS):
            files[url] = content_of(response)
            continue
        assert response["Content-Type"].startswith("application/json")
        data = response.json()
        seen[url] = data
        if "data" in data:
            assert set(data) == {"data", "pagination", "links"}, url
            for obj in data["data"]:
                types.add(validate(obj))
        else:
            types.add(validate(data))
            assert data["id"] == url
        pending.extend(links_in(data))
    return seen, types, files


# The body's lists an importer reads (Body property names).
BODY_LISTS = (
    "organization",
    "person",
    "membership",
    "meeting",
    "agendaItem",
    "file",
    "locationList",
    "legislativeTermList",
)


class Importer:
    """Keeps a copy of every object by id: a full import reads all lists; a sync reads them
    with modified_since and replaces what it gets (deleted objects included)."""

    def __init__(self, client):
        self.client = client
        self.objects = {}

    def body(self):
        return self.client.get(BASE + "body/").json()["data"][0]

    def read_list(self, url, params=None):
        response = self.client.get(url, params or {})
        while True:
            assert response.status_code == 200, url
            page = response.json()
            for obj in page["data"]:
                validate(obj)
                yield obj
            if "next" not in page["links"]:
                return
            response = self.client.get(page["links"]["next"])

    def keep(self, obj):
        self.objects[obj["id"]] = obj

    def full_import(self, lists=BODY_LISTS):
        body = self.body()
        for key in lists:
            for obj in self.read_list(body[key]):
                self.keep(obj)
        return self

    def sync(self, since, lists=BODY_LISTS):
        """Read what changed since `since`; return the ids received."""
        body = self.body()
        received = []
        for key in lists:
            for obj in self.read_list(body[key], {"modified_since": since.isoformat()}):
                self.keep(obj)
                received.append(obj["id"])
        return received

    def live(self):
        return {key: obj for key, obj in self.objects.items() if not obj.get("deleted")}

    def deleted(self):
        return {key for key, obj in self.objects.items() if obj.get("deleted")}
