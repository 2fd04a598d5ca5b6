"""The public guide to offers (Wegweiser, issue 17): the list with its filter, an offer's page
and the print view of a category as PDF."""

import datetime
import io
import re

import pytest
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from core import caching
from measures.models import Offer
from network.models import ContactPerson
from tests.pdf_checks import assert_accessible
from tests.public.offer_builders import offer, offers, provider, translation
from tests.test_accessibility import assert_accessible_structure, structure

LIST = reverse("public:offer_list")


def page_of(an_offer):
    return reverse("public:offer_detail", args=[an_offer.pk])


def pdf_of(category):
    return reverse("public:offer_category_pdf", args=[category])


def titles_in(html):
    return re.findall(r'<h4><a href="/public/angebote/\d+/">([^<]+)</a></h4>', html)


def pdf_text(content):
    reader = PdfReader(io.BytesIO(content))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


# ---- What the guide shows ----


@pytest.mark.parametrize(
    "hidden",
    [
        {"is_published": False},
        {"confirmed_at": None},
        {"confirmed_at": timezone.now() - datetime.timedelta(days=16 * 31)},
        {"valid_until": datetime.date.today() - datetime.timedelta(days=1)},
        {"valid_from": datetime.date.today() + datetime.timedelta(days=1)},
    ],
    ids=["unpublished", "never-confirmed", "confirmed-16-months-ago", "ended", "not-started"],
)
def test_only_visible_offers_are_listed_and_have_a_page(client, db, hidden):
    shown = offer("Sprachcafé")
    invisible = offer("Verstecktes Angebot", **hidden)

    html = client.get(LIST).content.decode()

    assert titles_in(html) == ["Sprachcafé"]
    assert "Verstecktes Angebot" not in html
    assert client.get(page_of(shown)).status_code == 200
    assert client.get(page_of(invisible)).status_code == 404


def test_the_list_shows_each_offers_essentials(client, db):
    offer(
        "Deutschkurs für Frauen",
        languages="de,tr",
        district="Innenstadt",
        schedule="dienstags 9–11 Uhr",
    )
    offer(
        "Nähcafé",
        category=Offer.Category.MEETING,
        is_free=False,
        cost="1234.50",
        cost_note="pro Halbjahr",
        provider=provider("Caritas Fils-Neckar-Alb"),
    )

    html = client.get(LIST).content.decode()

    assert "2 Angebote" in html
    for expected in (
        "Volkshochschule Göppingen",
        "Deutsch, Türkisch",
        "Innenstadt",
        "dienstags 9–11 Uhr",
        "kostenlos",
        "Caritas Fils-Neckar-Alb",
        "1.234,50 € (pro Halbjahr)",
    ):
        assert expected in html


def test_offers_are_grouped_by_category_in_the_order_of_the_categories(client, db):
    offer("Zumba im Park", category=Offer.Category.LEISURE)
    offer("Beratung für Neuzugewanderte", category=Offer.Category.COUNSELLING)
    offer("Alphabetisierungskurs", category=Offer.Category.LANGUAGE)
    offer("Integrationskurs", category=Offer.Category.LANGUAGE)

    html = client.get(LIST).content.decode()

    assert titles_in(html) == [
        "Alphabetisierungskurs",
        "Integrationskurs",
        "Beratung für Neuzugewanderte",
        "Zumba im Park",
    ]
    headings = re.findall(r'<h3 id="category-(\w+)">', html)
    assert headings == ["language", "counselling", "leisure"]


def test_each_category_links_to_its_print_view(client, db):
    offer(category=Offer.Category.LANGUAGE)
    offer("Hausaufgabenhilfe", category=Offer.Category.HOMEWORK)

    html = client.get(LIST).content.decode()

    assert f'<a href="{pdf_of("language")}" class="offer-group__print">Druckansicht (PDF)' in html
    assert f'<a href="{pdf_of("homework")}"' in html
    assert f'<a href="{pdf_of("women")}"' not in html


def test_the_guide_is_in_the_public_navigation(client, db):
    html = client.get(reverse("public:overview")).content.decode()
    guide = client.get(LIST).content.decode()

    assert f'<a href="{LIST}">Angebote</a>' in html
    assert f'<a href="{LIST}" aria-current="page">Angebote</a>' in guide


def test_empty_guide_says_nothing_has_been_published(client, db):
    html = client.get(LIST).content.decode()

    assert "0 Angebote" in html
    assert "Im Wegweiser sind noch keine Angebote veröffentlicht." in html


# ---- The filter ----


def test_the_filter_is_a_labelled_get_form_with_a_button(client, db):
    offer()

    html = client.get(LIST).content.decode()

    assert '<form method="get" class="filter-form"' in html
    for name, label in (
        ("category", "Kategorie"),
        ("language", "Sprache"),
        ("district", "Stadtteil"),
        ("target_group", "Zielgruppe"),
        ("free", "Nur kostenlose Angebote"),
    ):
        assert f'<label for="id_{name}">{label}</label>' in html
    assert '<button type="submit" class="button">Angebote anzeigen</button>' in html


def test_language_filter_offers_the_languages_of_visible_offers_by_german_name(client, db):
    offer(languages="tr,ar")
    offer("Englischer Gesprächskreis", languages="en")
    offer("Versteckt", languages="uk", is_published=False)

    html = client.get(LIST).content.decode()

    select = html[
        html.index('name="language"') : html.index("</select>", html.index('name="language"'))
    ]
    assert re.findall(r'<option value="(\w*)"', select) == ["", "ar", "en", "tr"]
    assert '<option value="tr">Türkisch</option>' in select
    assert "uk" not in select


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("tr", ["Nur Türkisch", "Türkisch zuerst", "Türkisch in der Mitte", "Türkisch zuletzt"]),
        ("ku", ["Türkisch in der Mitte"]),
        ("ar", ["Türkisch zuletzt"]),
    ],
)
def test_language_filter_matches_a_code_anywhere_in_the_list(client, db, code, expected):
    offer("Nur Türkisch", languages="tr")
    offer("Türkisch zuerst", languages="tr,de")
    offer("Türkisch in der Mitte", languages="de,tr,ku")
    offer("Türkisch zuletzt", languages="ar,tr")
    offer("Tigrinya ist nicht Türkisch", languages="ti,de")

    html = client.get(LIST, {"language": code}).content.decode()

    assert sorted(titles_in(html)) == sorted(expected)


def test_filters_by_category_district_target_group_and_free_of_charge(client, db):
    offer("Sprachkurs Nord", district="Nordstadt", target_groups="Jugendliche")
    offer("Sprachkurs Süd", district="Südstadt", is_free=False, cost="40")
    offer("Beratung", category=Offer.Category.COUNSELLING, district="Nordstadt")

    def titles(**query):
        return sorted(titles_in(client.get(LIST, query).content.decode()))

    assert titles(category="counselling") == ["Beratung"]
    assert titles(district="Nordstadt") == ["Beratung", "Sprachkurs Nord"]
    assert titles(target_group="jugend") == ["Sprachkurs Nord"]
    assert titles(free="on") == ["Beratung", "Sprachkurs Nord"]
    assert titles(category="language", free="on") == ["Sprachkurs Nord"]


def test_district_choices_are_those_of_visible_offers(client, db):
    offer(district="Jebenhausen")
    offer(district="Bartenbach")
    offer(district="Geheimstadt", is_published=False)

    html = client.get(LIST).content.decode()

    assert re.findall(r'<option value="(\w+)">\1</option>', html) == ["Bartenbach", "Jebenhausen"]


def test_a_filter_without_results_offers_the_whole_list(client, db):
    offer(languages="de")

    html = client.get(LIST, {"target_group": "Senioren"}).content.decode()

    assert "Kein Angebot passt zu Ihrer Auswahl." in html
    assert f'<a href="{LIST}">Alle Angebote anzeigen</a>' in html
    assert "Filter zurücksetzen" in html


def test_list_is_paginated_by_25(client, db):
    offers(27)

    first = client.get(LIST).content.decode()
    second = client.get(LIST, {"page": 2}).content.decode()

    assert len(titles_in(first)) == 25
    assert titles_in(second) == ["Angebot 025", "Angebot 026"]
    assert "Seite 2 von 2" in second


@pytest.mark.parametrize(
    "field", ["category", "language", "district", "target_group", "free", "page"]
)
@pytest.mark.parametrize("value", ["-1", "abc", "' OR 1=1 --", "\x00", "x" * 5000])
def test_list_survives_any_query_string(client, db, field, value):
    offer()

    assert client.get(LIST, {field: value}).status_code == 200


def test_list_answers_with_a_fixed_number_of_queries(client, db, django_assert_num_queries):
    def count_for(total):
        offers(total - Offer.objects.count(), start=Offer.objects.count())
        caching.forget_everything()
        # data version, the filter's languages and districts, count, the page's offers with
        # their providers
        with django_assert_num_queries(4):
            assert client.get(LIST, {"language": "tr"}).status_code == 200

    count_for(3)
    count_for(30)


# ---- An offer's page ----


def test_offer_page_shows_all_public_details(client, db):
    shown = offer(
        "Deutschkurs für Frauen",
        description="Ein Deutschkurs mit Kinderbetreuung.\n\nEinstieg jederzeit.",
        languages="de,tr",
        target_groups="Frauen, Mütter",
        address="Mörikestraße 16",
        district="Innenstadt",
        schedule="dienstags 9–11 Uhr",
        is_free=False,
        cost="25",
        accessibility="Stufenloser Zugang, Aufzug.",
        registration_phone="07161 65-1234",
        registration_email="anmeldung@vhs.example",
        registration_url="https://vhs.example/kurse",
        valid_from=datetime.date(2026, 1, 1),
        valid_until=datetime.date(2030, 7, 31),
    )

    html = client.get(page_of(shown)).content.decode()

    assert "<h1>Deutschkurs für Frauen</h1>" in html
    for expected in (
        "Sprachkurse",
        "Volkshochschule Göppingen",
        "<p>Ein Deutschkurs mit Kinderbetreuung.</p>",
        "<p>Einstieg jederzeit.</p>",
        "Deutsch, Türkisch",
        "Frauen, Mütter",
        "Mörikestraße 16, Innenstadt",
        "dienstags 9–11 Uhr",
        "25,00 €",
        "Stufenloser Zugang, Aufzug.",
        '<a href="tel:07161651234">07161 65-1234</a>',
        '<a href="mailto:anmeldung@vhs.example">anmeldung@vhs.example</a>',
        '<a href="https://vhs.example/kurse">https://vhs.example/kurse</a>',
        "ab 01.01.2026 bis 31.07.2030",
        "Zuletzt bestätigt am",
    ):
        assert expected in html


def test_offer_page_shows_the_entered_translations_with_language_and_direction(client, db):
    shown = offer()
    translation(shown, "tr", "Kadınlar için Almanca kursu", "Çocuk bakımı ile.")
    translation(shown, "ar", "دورة اللغة الألمانية للنساء", "مع رعاية الأطفال.")
    translation(shown, "prs", "کورس زبان آلمانی", "با مراقبت از کودکان.")

    html = client.get(page_of(shown)).content.decode()

    assert "In anderen Sprachen" in html
    assert '<div lang="tr">\n      <h3>Kadınlar için Almanca kursu</h3>' in html
    assert '<div lang="ar" dir="rtl">\n      <h3>دورة اللغة الألمانية للنساء</h3>' in html
    assert '<div lang="prs" dir="rtl">' in html
    for name in ("Türkisch", "Arabisch", "Dari"):
        assert f'<p class="offer-translation__language">{name}</p>' in html


def test_offer_page_without_translations_has_no_such_section(client, db):
    html = client.get(page_of(offer())).content.decode()

    assert "In anderen Sprachen" not in html


def test_offer_page_never_shows_a_contact_person(client, db):
    shown = offer()
    ContactPerson.objects.create(
        actor=shown.provider, first_name="Ilse", last_name="Verborgen", email="ilse@vhs.example"
    )

    html = client.get(page_of(shown)).content.decode()

    assert "Verborgen" not in html
    assert "ilse@vhs.example" not in html


def test_offer_page_is_404_for_an_unknown_offer(client, db):
    assert client.get(reverse("public:offer_detail", args=[999999])).status_code == 404


def test_offer_page_answers_with_a_fixed_number_of_queries(client, db, django_assert_num_queries):
    shown = offer()
    languages = ["tr", "ar", "uk", "en", "fa", "ru", "pl", "ro", "es", "it"]

    def count_for(total):
        for language in languages[shown.translations.count() : total]:
            translation(shown, language, f"Titel {language}")
        offers(total, start=Offer.objects.count())
        caching.forget_everything()
        # data version, the offer with its provider, its translations
        with django_assert_num_queries(3):
            assert client.get(page_of(shown)).status_code == 200

    count_for(1)
    count_for(10)


def test_guide_pages_have_one_h1_headings_in_order_and_labelled_controls(client, db):
    shown = offer(registration_phone="07161 65-1234")
    translation(shown)
    offer("Beratung", category=Offer.Category.COUNSELLING)

    for url in (LIST, page_of(shown), f"{LIST}?language=xx"):
        assert_accessible_structure(structure(client.get(url)), url)


# ---- Caching and switching off ----


def test_guide_pages_are_cacheable_with_etag(client, db):
    shown = offer()
    for url in (LIST, page_of(shown), pdf_of("language")):
        response = client.get(url)
        assert response["Cache-Control"] == "public, max-age=300"
        assert response["ETag"]
        assert not response.cookies
        assert client.get(url, headers={"if-none-match": response["ETag"]}).status_code == 304


def test_a_hidden_offer_disappears_at_once(client, db):
    shown = offer()
    assert client.get(page_of(shown)).status_code == 200

    shown.is_published = False
    shown.save()

    assert client.get(page_of(shown)).status_code == 404
    assert "Deutschkurs für Frauen" not in client.get(LIST).content.decode()


def test_guide_is_404_when_the_public_pages_are_off(client, db, settings):
    shown = offer()
    settings.PUBLIC_PAGES_ENABLED = False

    for url in (LIST, page_of(shown), pdf_of("language")):
        assert client.get(url).status_code == 404


# ---- The print view ----


def test_the_print_view_lists_the_visible_offers_of_one_category(client, db):
    offer(
        "Deutschkurs für Frauen",
        registration_phone="07161 65-1234",
        registration_email="anmeldung@vhs.example",
    )
    offer("Integrationskurs", languages="de,ar", is_free=False, cost="50")
    offer("Beratung", category=Offer.Category.COUNSELLING)
    offer("Alter Kurs", is_published=False)

    response = client.get(pdf_of("language"))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert 'filename="angebote-sprachkurse.pdf"' in response["Content-Disposition"]
    assert_accessible(response.content, "Angebote: Sprachkurse")
    reader = PdfReader(io.BytesIO(response.content))
    assert len(reader.pages) == 1
    text = pdf_text(response.content)
    for expected in (
        "Angebote: Sprachkurse",
        "2 Angebote, Stand",
        "Deutschkurs für Frauen",
        "Volkshochschule Göppingen",
        "Deutsch, Türkisch",
        "Tel. 07161 65-1234, anmeldung@vhs.example",
        "Integrationskurs",
        "Deutsch, Arabisch",
        "50,00 €",
        "http://testserver/public/angebote/",
    ):
        assert expected in text
    assert "Beratung" not in text
    assert "Alter Kurs" not in text


def test_nine_offers_fit_on_one_page(client, db):
    for number in range(9):
        offer(
            f"Sprachkurs {number}",
            description="Ein Kurs für alle, die im Alltag Deutsch sprechen möchten. " * 4,
            registration_phone="07161 65-1234",
            registration_email="anmeldung@vhs.example",
            registration_url="https://vhs.example/kurse",
        )

    response = client.get(pdf_of("language"))

    assert len(PdfReader(io.BytesIO(response.content)).pages) == 1


def test_the_print_view_of_an_empty_category_says_so(client, db):
    response = client.get(pdf_of("women"))

    assert response.status_code == 200
    assert "keine Angebote" in pdf_text(response.content)


def test_the_print_view_of_an_unknown_category_is_404(client, db):
    assert client.get(pdf_of("unbekannt")).status_code == 404


def test_the_print_view_answers_with_a_fixed_number_of_queries(
    client, db, django_assert_num_queries
):
    def count_for(total):
        offers(total - Offer.objects.count(), start=Offer.objects.count())
        caching.forget_everything()
        # data version, the category's offers with their providers
        with django_assert_num_queries(2):
            assert client.get(pdf_of("language")).status_code == 200

    count_for(3)
    count_for(30)
