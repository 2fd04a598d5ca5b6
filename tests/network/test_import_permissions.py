"""Each import kind's pages answer only users holding that kind's permissions; the index lists
the registered kinds a user may import, and a kind no app registered is not served."""

import io
import re

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils.translation import gettext_lazy
from import_export import fields

from core.imports import registry
from core.imports.base import ImportResource
from network.models import WorkingGroup
from tests.conftest import make_user
from tests.network.helpers import csv_bytes, table_snapshot

# One importable row per kind.
FILES = {
    "actors": [["Name"], ["Sprachcafé Miteinander"]],
    "contacts": [
        ["E-Mail", "Vorname", "Nachname", "Rechtsgrundlage"],
        ["eva.muster@example.org", "Eva", "Muster", "öffentliche Aufgabe"],
    ],
    "measures": [["Nummer", "Handlungsfeld", "Titel"], ["9.9", "Sprache", "Elterncafé"]],
    "offers": [
        ["Titel", "Anbieter", "Kategorie", "Beschreibung"],
        ["Elterncafé", "Familientreff Nord", "Treffpunkte", "Ein offenes Café für Eltern."],
    ],
    "members": [["Vorname", "Nachname"], ["Gül", "Özdemir"]],
    "indicator-values": [
        ["Indikator", "Gebiet", "Zeitraum", "Wert"],
        ["A2", "Göppingen", "2024", "8,5"],
    ],
}
LABELS = {
    "actors": "Akteure",
    "contacts": "Ansprechpersonen",
    "measures": "Maßnahmen des aktuellen Plans",
    "offers": "Angebote",
    "indicator-values": "Werte des Integrationsmonitorings",
    "members": "Ausschussmitglieder",
}


def user_with(django_user_model, username, permissions):
    user = make_user(django_user_model, username)
    for name in permissions:
        app_label, codename = name.split(".")
        user.user_permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )
    return user


def permissions_except(slug):
    return [name for kind in registry.kinds() if kind.slug != slug for name in kind.permissions]


def upload(client, slug):
    file = io.BytesIO(csv_bytes(FILES[slug]))
    file.name = "liste.csv"
    return client.post(reverse("network:import_upload", args=[slug]), {"file": file})


def confirm(client, slug):
    return client.post(reverse("network:import_confirm", args=[slug]))


def listed_kinds(client):
    page = client.get(reverse("network:import_index")).content.decode()
    return re.findall(r'href="/network/import/([\w-]+)/"', page)


@pytest.fixture(autouse=True)
def offer_provider(db):
    """The provider the offers file names (an offer's provider must exist)."""
    from network.models import Actor

    return Actor.objects.create(name="Familientreff Nord")


@pytest.fixture(autouse=True)
def monitored_city(db):
    """The area the monitoring values file names."""
    from measures.models import Area

    return Area.objects.create(code="08117019", name="Göppingen", kind=Area.Kind.CITY)


@pytest.fixture
def other_kinds_only(django_user_model):
    """A user who may import every kind but the one under test."""
    return lambda slug: user_with(django_user_model, "andere-arten", permissions_except(slug))


@pytest.mark.parametrize("slug", sorted(FILES))
@pytest.mark.parametrize("who", ["lesezugriff", "other kinds only"])
def test_each_kind_refuses_a_user_without_its_permissions(
    client, lesezugriff, other_kinds_only, media_root, action_field, slug, who
):
    user = lesezugriff if who == "lesezugriff" else other_kinds_only(slug)
    client.force_login(user)
    before = table_snapshot()

    assert client.get(reverse("network:import_upload", args=[slug])).status_code == 403
    assert upload(client, slug).status_code == 403
    assert confirm(client, slug).status_code == 403
    template = reverse("network:import_template", args=[slug, "xlsx"])
    assert client.get(template).status_code == 403
    assert table_snapshot() == before
    assert not (media_root / "imports").exists()


@pytest.mark.parametrize("slug", sorted(FILES))
def test_a_user_with_only_one_kinds_permissions_imports_that_kind(
    client, django_user_model, action_field, slug
):
    client.force_login(user_with(django_user_model, "eine-art", registry.get(slug).permissions))

    assert listed_kinds(client) == [slug]
    assert upload(client, slug).status_code == 200
    assert confirm(client, slug).status_code == 302


@pytest.mark.parametrize("slug", sorted(FILES))
def test_a_preview_cannot_be_confirmed_once_the_permission_is_withdrawn(
    client, django_user_model, action_field, slug
):
    user = user_with(django_user_model, "entzogen", registry.get(slug).permissions)
    client.force_login(user)
    assert "Jetzt importieren" in upload(client, slug).content.decode()
    user.user_permissions.remove(user.user_permissions.order_by("codename").first())
    before = table_snapshot()

    assert confirm(client, slug).status_code == 403
    assert table_snapshot() == before


def test_the_index_lists_every_registered_kind_in_order(client, sachbearbeitung):
    client.force_login(sachbearbeitung)

    page = client.get(reverse("network:import_index")).content.decode()

    assert listed_kinds(client) == [
        "actors",
        "contacts",
        "measures",
        "offers",
        "indicator-values",
        "members",
    ]
    labels = re.findall(r'href="/network/import/[\w-]+/">([^<]+)</a>', page)
    assert labels == list(LABELS.values())


def test_the_network_shows_the_import_link_to_who_may_import_something(client, django_user_model):
    reader = user_with(django_user_model, "leser", ["network.view_actor"])
    secretary = user_with(
        django_user_model,
        "sekretariat",
        ["network.view_actor", *registry.get("members").permissions],
    )
    link = f'href="{reverse("network:import_index")}"'

    client.force_login(reader)
    assert link not in client.get(reverse("network:actor_list")).content.decode()
    client.force_login(secretary)
    assert link in client.get(reverse("network:actor_list")).content.decode()


def test_a_kind_that_no_app_registered_is_neither_listed_nor_served(
    client, sachbearbeitung, monkeypatch
):
    monkeypatch.setattr(
        registry,
        "_KINDS",
        {slug: kind for slug, kind in registry._KINDS.items() if slug != "members"},
    )
    client.force_login(sachbearbeitung)

    assert listed_kinds(client) == ["actors", "contacts", "measures", "offers", "indicator-values"]
    assert client.get(reverse("network:import_upload", args=["members"])).status_code == 404
    assert confirm(client, "members").status_code == 404


class WorkingGroupResource(ImportResource):
    key = "title"
    required = ("title",)
    title = fields.Field(attribute="title", column_name=gettext_lazy("Title"))

    class Meta(ImportResource.Meta):
        model = WorkingGroup
        import_id_fields = ("title",)
        fields = ("title",)


def test_a_kind_an_app_registers_is_listed_served_and_guarded(
    client, sachbearbeitung, lesezugriff, monkeypatch
):
    monkeypatch.setattr(registry, "_KINDS", dict(registry._KINDS))
    registry.register(
        registry.ImportKind(
            "groups",
            "Arbeitskreise",
            WorkingGroupResource,
            ("network.add_workinggroup", "network.change_workinggroup"),
            "network:group_list",
        )
    )
    url = reverse("network:import_upload", args=["groups"])

    client.force_login(sachbearbeitung)
    assert listed_kinds(client)[-1] == "groups"
    assert "Import: Arbeitskreise" in client.get(url).content.decode()
    client.force_login(lesezugriff)
    assert client.get(url).status_code == 403
