"""The import kind "offers": German headings, providers by name, languages by name or code,
rows found again by provider and title, row errors and all or nothing."""

import datetime
import io

import pytest
from django.urls import reverse
from django.utils import translation

from core.imports.runner import run_import
from measures.models import Offer
from measures.offers.resources import OfferResource
from tests.imports.builders import csv_file, xlsx
from tests.offers.builders import make_offer, make_provider

HEADINGS = [
    "Titel",
    "Anbieter",
    "Kategorie",
    "Beschreibung",
    "Sprachen",
    "Zielgruppen",
    "Stadtteil",
    "Adresse",
    "Zeiten",
    "kostenlos",
    "Kosten",
    "Anmeldung Telefon",
    "Anmeldung E-Mail",
    "Anmeldung Link",
    "gültig ab",
    "gültig bis",
]


def row(title="Deutschkurs A1", provider="Volkshochschule Göppingen", **cells):
    values = {
        "Titel": title,
        "Anbieter": provider,
        "Kategorie": "Sprachkurse",
        "Beschreibung": "Deutsch für den Alltag.",
        "Sprachen": "Deutsch, tr, Arabisch",
        "Zielgruppen": "Erwachsene",
        "Stadtteil": "Innenstadt",
        "Adresse": "Mörikestraße 16",
        "Zeiten": "montags 18–20 Uhr",
        "kostenlos": "nein",
        "Kosten": "45,00",
        "Anmeldung Telefon": "07161 12345",
        "Anmeldung E-Mail": "kurse@vhs.example.org",
        "Anmeldung Link": "https://vhs.example.org/kurse",
        "gültig ab": "01.09.2026",
        "gültig bis": "31.07.2027",
        **cells,
    }
    return [values[heading] for heading in HEADINGS]


@pytest.fixture(autouse=True)
def german():
    with translation.override("de"):
        yield


@pytest.fixture
def provider(db):
    return make_provider("Volkshochschule Göppingen")


def test_a_file_with_german_headings_creates_offers(provider, sachbearbeitung):
    data = xlsx([HEADINGS, row(), row("Sprachcafé", **{"kostenlos": "ja", "Kosten": ""})])

    report = run_import(OfferResource, data, sachbearbeitung, dry_run=False)

    assert report.saved, report.errors
    course = Offer.objects.get(title="Deutschkurs A1")
    assert course.provider == provider
    assert course.category == Offer.Category.LANGUAGE
    assert course.languages == "de,tr,ar"
    assert course.is_free is False and str(course.cost) == "45.00"
    assert course.valid_from == datetime.date(2026, 9, 1)
    assert course.valid_until == datetime.date(2027, 7, 31)
    assert course.registration_url == "https://vhs.example.org/kurse"
    assert Offer.objects.get(title="Sprachcafé").is_free is True
    assert course.history.first().history_user == sachbearbeitung


def test_a_row_with_a_known_provider_and_title_changes_that_offer(provider, sachbearbeitung):
    existing = make_offer("Deutschkurs A1", provider=provider)
    other = make_offer("Deutschkurs A1", provider=make_provider("Caritas"))
    data = csv_file([HEADINGS, row("deutschkurs a1", **{"Zeiten": "dienstags 18 Uhr"})])

    preview = run_import(OfferResource, data, sachbearbeitung, dry_run=True)
    assert preview.counts == {"new": 0, "changed": 1, "unchanged": 0}
    run_import(OfferResource, data, sachbearbeitung, dry_run=False)

    existing.refresh_from_db()
    other.refresh_from_db()
    assert existing.schedule == "dienstags 18 Uhr"
    assert other.schedule == "dienstags 9–11 Uhr"
    assert Offer.objects.count() == 2


def test_row_errors_stop_the_whole_file(provider, sachbearbeitung):
    data = xlsx(
        [
            HEADINGS,
            row(),
            row("Unbekannter Anbieter", provider="Gibt es nicht e.V."),
            row("Falsche Sprache", **{"Sprachen": "Klingonisch"}),
            row("Kostenlos mit Kosten", **{"kostenlos": "ja"}),
        ]
    )

    report = run_import(OfferResource, data, sachbearbeitung, dry_run=False)

    assert not report.saved
    messages = " ".join(report.errors)
    assert "Zeile 3, Spalte 'Anbieter'" in messages
    assert "Klingonisch" in messages
    assert "Ein kostenloses Angebot hat keine Kosten." in messages
    assert "Zeile 2" not in messages
    assert not Offer.objects.exists()


def test_an_exported_list_imports_again_unchanged(client, provider, sachbearbeitung):
    make_offer("Deutschkurs A1", provider=provider, languages="de,uk", is_free=False, cost=45)
    client.force_login(sachbearbeitung)
    exported = client.get(reverse("offers:export", args=["xlsx"])).content

    preview = run_import(OfferResource, exported, sachbearbeitung, dry_run=True)

    assert preview.ok, preview.errors
    assert preview.counts == {"new": 0, "changed": 0, "unchanged": 1}


def test_the_import_pages_of_the_network_take_the_kind_offers(client, provider, sachbearbeitung):
    client.force_login(sachbearbeitung)
    upload_url = reverse("network:import_upload", args=["offers"])
    assert client.get(upload_url).status_code == 200
    file = io.BytesIO(xlsx([HEADINGS, row()]))
    file.name = "angebote.xlsx"

    preview = client.post(upload_url, {"file": file})
    assert preview.status_code == 200 and "Deutschkurs A1" in preview.content.decode()
    response = client.post(reverse("network:import_confirm", args=["offers"]))

    assert response.status_code == 302
    assert response["Location"] == reverse("offers:list")
    assert Offer.objects.filter(title="Deutschkurs A1", provider=provider).exists()


def test_lesezugriff_cannot_import_offers(client, lesezugriff):
    client.force_login(lesezugriff)

    assert client.get(reverse("network:import_upload", args=["offers"])).status_code == 403
