"""In Chromium on a phone: an anonymous visitor opens the guide to offers from the public
navigation, filters it by a language (Türkisch), sees only the offers held in it, opens one and
reads its Turkish and Dari descriptions (issue 17). Every page is audited."""

import re

import pytest
from django.urls import reverse

from measures.models import Offer
from tests.e2e.conftest import PHONE, audit, visit
from tests.public.offer_builders import offer, provider, translation

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def guide(db):
    course = offer("Deutschkurs für Frauen", languages="de,tr", district="Innenstadt")
    translation(course, "tr", "Kadınlar için Almanca kursu", "Çocuk bakımı ile.")
    translation(course, "prs", "کورس زبان آلمانی برای زنان", "با مراقبت از کودکان.")
    offer(
        "Migrationsberatung",
        category=Offer.Category.COUNSELLING,
        languages="de,ar,tr",
        provider=provider("Caritas Fils-Neckar-Alb"),
    )
    offer("Ukrainisches Elterncafé", category=Offer.Category.WOMEN, languages="uk,ru")
    offer("Conversation Club", languages="en", is_free=False, cost="20")
    return course


def shown_titles(page):
    return page.locator(".offer-card h4").all_inner_texts()


def test_a_visitor_on_a_phone_finds_offers_in_turkish(open_browser, guide):
    page = open_browser(viewport=PHONE)
    visit(page, reverse("public:overview"))
    page.get_by_role("navigation", name="Hauptnavigation").get_by_role(
        "link", name="Angebote"
    ).click()
    audit(page)
    assert sorted(shown_titles(page)) == [
        "Conversation Club",
        "Deutschkurs für Frauen",
        "Migrationsberatung",
        "Ukrainisches Elterncafé",
    ]

    page.get_by_label("Sprache", exact=True).select_option(label="Türkisch")
    page.get_by_role("button", name="Angebote anzeigen").click()
    audit(page)
    assert "language=tr" in page.url
    assert sorted(shown_titles(page)) == ["Deutschkurs für Frauen", "Migrationsberatung"]
    assert page.get_by_role("heading", name="2 Angebote").is_visible()

    page.get_by_role("link", name="Deutschkurs für Frauen").click()
    audit(page)
    assert page.get_by_role("heading", level=1).inner_text() == "Deutschkurs für Frauen"
    turkish = page.locator('[lang="tr"]')
    assert turkish.get_by_role("heading").inner_text() == "Kadınlar için Almanca kursu"
    assert page.locator('[lang="prs"]').get_attribute("dir") == "rtl"

    page.get_by_role("link", name="Angebote", exact=True).first.click()
    audit(page)
    # One print view per category, each link named with its category for screen readers.
    print_links = page.get_by_role("link", name=re.compile(r"^Druckansicht \(PDF\)"))
    assert [" ".join(name.split()) for name in print_links.all_inner_texts()] == [
        "Druckansicht (PDF) : Sprachkurse",
        "Druckansicht (PDF) : Beratung",
        "Druckansicht (PDF) : Frauengruppen",
    ]
