"""The offers' staff pages: list with filters, record pages, translations, the guide's rule of
visibility, unconfirmed offers and the review of providers' changes (issue 17)."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from measures.models import Offer, OfferChange, OfferTranslation
from measures.offers.services import DISCONTINUED, visible_offers
from tests.offers.builders import make_change, make_invitation, make_offer, make_provider


@pytest.fixture
def staff(client, sachbearbeitung):
    client.force_login(sachbearbeitung)
    return client


def months_ago(months):
    return timezone.now() - datetime.timedelta(days=months * 31)


def offer_form(offer=None, **fields):
    provider = offer.provider if offer else make_provider()
    return {
        "provider": provider.pk,
        "category": "counselling",
        "title": "Sozialberatung",
        "description": "Beratung zu Anträgen und Behörden.",
        "languages": ["de", "ar"],
        "schedule": "montags 10–12 Uhr",
        "is_free": "on",
        "is_published": "on",
        **({"version": offer.version} if offer else {}),
        **fields,
    }


# The guide's rule.


def test_visible_offers_are_published_valid_today_and_confirmed_within_15_months(db, settings):
    settings.OFFER_CONFIRM_MONTHS = 15
    today = timezone.localdate()
    shown = make_offer("Aktuell")
    make_offer("Unveröffentlicht", is_published=False)
    make_offer("Abgelaufen", valid_until=today - datetime.timedelta(days=1))
    make_offer("Noch nicht", valid_from=today + datetime.timedelta(days=1))
    make_offer("Zu alt", confirmed_at=months_ago(16))
    make_offer("Nie bestätigt", confirmed_at=None)
    ending_today = make_offer("Endet heute", valid_until=today, confirmed_at=months_ago(14))

    assert set(visible_offers()) == {shown, ending_today}


def test_unconfirmed_page_lists_offers_hidden_only_for_want_of_confirmation(staff):
    make_offer("Aktuell")
    make_offer("Zu alt", confirmed_at=months_ago(16))
    make_offer("Zu alt, aber unveröffentlicht", confirmed_at=months_ago(16), is_published=False)

    page = staff.get(reverse("offers:unconfirmed")).content.decode()

    assert "Zu alt</a>" in page
    assert "Aktuell" not in page and "unveröffentlicht" not in page
    assert "1 Angebot nicht bestätigt" in page


# List and filters.


def test_list_filters_by_language_free_of_charge_and_unconfirmed(staff):
    make_offer("Türkisch und Deutsch", languages="de,tr")
    make_offer("Arabisch", languages="ar", is_free=False, cost=20)
    make_offer("Alt", languages="uk", confirmed_at=months_ago(20))
    url = reverse("offers:list")

    def titles(**params):
        page = staff.get(url, params).content.decode()
        return {t for t in ("Türkisch und Deutsch", "Arabisch", "Alt") if f">{t}</a>" in page}

    assert titles(language="tr") == {"Türkisch und Deutsch"}
    assert titles(is_free="false") == {"Arabisch"}
    assert titles(unconfirmed="on") == {"Alt"}
    assert titles() == {"Türkisch und Deutsch", "Arabisch", "Alt"}


def queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def add_offers(count, start=0):
    made = []
    for number in range(start, start + count):
        offer = make_offer(f"Angebot {number}", provider=make_provider(f"Träger {number}"))
        OfferTranslation.objects.create(offer=offer, language="tr", title="Kurs", description="x")
        offer.measures.set([])
        make_change(offer)
        made.append(offer)
    return made


@pytest.mark.parametrize(
    "url_name", ["offers:list", "offers:unconfirmed", "offers:changes", "offers:invite"]
)
def test_pages_take_the_same_number_of_queries_for_3_and_30_offers(client, koordination, url_name):
    client.force_login(koordination)
    add_offers(3)
    small = queries(client, reverse(url_name))
    add_offers(27, start=3)
    Offer.objects.update(confirmed_at=None)
    assert queries(client, reverse(url_name)) == small


def test_detail_and_review_take_the_same_number_of_queries(staff):
    offer = add_offers(1)[0]
    change = offer.changes.get()
    detail, review = offer.get_absolute_url(), reverse("offers:change_review", args=[change.pk])
    small = queries(staff, detail), queries(staff, review)
    for number in range(10):
        OfferTranslation.objects.create(
            offer=offer,
            language=["ar", "uk", "en", "fa", "ru", "pl", "ro", "it", "es", "fr"][number],
            title="t",
            description="d",
        )
        make_change(offer, schedule=f"Termin {number}", address=f"Straße {number}")
    change.changes = {"schedule": "neu", "district": "Nord", "cost": "5.00", "is_free": False}
    change.save()
    assert (queries(staff, detail), queries(staff, review)) == small


def test_export_is_the_filtered_list_with_german_headings(staff):
    make_offer("Deutschkurs", languages="de,tr")
    make_offer("Hausaufgabenhilfe", category=Offer.Category.HOMEWORK)

    response = staff.get(reverse("offers:export", args=["csv"]), {"category": "language"})
    text = response.content.decode("utf-8-sig")

    assert text.splitlines()[0].startswith("Titel;Anbieter;Kategorie;Beschreibung;Sprachen")
    assert "Deutschkurs" in text and "Hausaufgabenhilfe" not in text
    assert "Deutsch, Türkisch" in text


# Record pages.


def test_a_new_offer_counts_as_confirmed_and_keeps_its_languages(staff):
    response = staff.post(reverse("offers:create"), offer_form())

    offer = Offer.objects.get(title="Sozialberatung")
    assert response.status_code == 302 and response["Location"] == offer.get_absolute_url()
    assert offer.languages == "de,ar"
    assert offer.confirmed_at is not None
    assert offer in visible_offers()


def test_a_free_offer_with_a_cost_is_refused(staff):
    response = staff.post(reverse("offers:create"), offer_form(is_free="on", cost="10,00"))

    assert response.status_code == 200
    assert "Ein kostenloses Angebot hat keine Kosten." in response.content.decode()
    assert not Offer.objects.exists()


def test_edit_keeps_the_other_editors_version(staff):
    offer = make_offer()
    stale = offer_form(offer, title="Meine Fassung")
    Offer.objects.get(pk=offer.pk).save()  # someone else saved meanwhile

    response = staff.post(reverse("offers:edit", args=[offer.pk]), stale)

    assert response.status_code == 200
    assert Offer.objects.get(pk=offer.pk).title == "Deutschkurs am Vormittag"


def test_edit_and_delete_appear_in_the_history(staff, sachbearbeitung):
    offer = make_offer()
    staff.post(reverse("offers:edit", args=[offer.pk]), offer_form(offer, title="Abendkurs"))

    page = staff.get(offer.get_absolute_url()).content.decode()
    assert "Abendkurs" in page and "Änderungshistorie" in page

    response = staff.post(reverse("offers:delete", args=[offer.pk]))
    assert response.status_code == 302
    assert not Offer.objects.exists()
    assert offer.history.filter(history_type="-", history_user=sachbearbeitung).exists()


def test_translations_are_added_and_removed_on_their_page(staff):
    offer = make_offer()
    url = reverse("offers:translation_edit", args=[offer.pk])
    staff.post(
        url,
        {
            "translations-TOTAL_FORMS": "1",
            "translations-INITIAL_FORMS": "0",
            "translations-0-language": "uk",
            "translations-0-title": "Курс німецької",
            "translations-0-description": "Вивчайте німецьку в малих групах.",
        },
    )
    translation = offer.translations.get()
    assert translation.language == "uk"
    page = staff.get(offer.get_absolute_url()).content.decode()
    assert 'lang="uk"' in page and "Курс німецької" in page

    staff.post(
        url,
        {
            "translations-TOTAL_FORMS": "2",
            "translations-INITIAL_FORMS": "1",
            "translations-0-id": translation.pk,
            "translations-0-language": "uk",
            "translations-0-title": "Курс німецької",
            "translations-0-description": "x",
            "translations-0-DELETE": "on",
            "translations-1-language": "",
            "translations-1-title": "",
            "translations-1-description": "",
        },
    )
    assert not offer.translations.exists()


def test_lesezugriff_sees_offers_but_no_edit_links(client, lesezugriff):
    offer = make_offer()
    client.force_login(lesezugriff)

    page = client.get(offer.get_absolute_url()).content.decode()

    assert "Deutschkurs am Vormittag" in page
    assert reverse("offers:edit", args=[offer.pk]) not in page


# Review of providers' changes.


def test_open_changes_come_first_and_show_old_and_new(staff):
    offer = make_offer()
    invitation, _token = make_invitation(offer.provider)
    reviewed = make_change(offer, invitation, schedule="früher")
    reviewed.state = OfferChange.State.DECLINED
    reviewed.reviewed_at = timezone.now()
    reviewed.save()
    change = make_change(offer, invitation, schedule="mittwochs 17–19 Uhr", cost="5.00")

    listing = staff.get(reverse("offers:changes")).content.decode()
    assert "1 offene Änderung" in listing
    assert listing.index(reverse("offers:change_review", args=[change.pk])) < listing.index(
        "Zuletzt geprüft"
    )

    page = staff.get(reverse("offers:change_review", args=[change.pk])).content.decode()
    assert "dienstags 9–11 Uhr" in page and "mittwochs 17–19 Uhr" in page
    assert "Übernehmen" in page


def test_accepting_applies_the_values_and_confirms_through_the_version(staff, sachbearbeitung):
    offer = make_offer(confirmed_at=months_ago(20))
    version = offer.version
    change = make_change(offer, schedule="mittwochs 17–19 Uhr", valid_until="2031-06-30")

    response = staff.post(reverse("offers:change_review", args=[change.pk]), {"decision": "accept"})

    assert response.status_code == 302
    offer.refresh_from_db()
    change.refresh_from_db()
    assert offer.schedule == "mittwochs 17–19 Uhr"
    assert offer.valid_until == datetime.date(2031, 6, 30)
    assert offer.version > version
    assert offer in visible_offers()
    assert change.state == OfferChange.State.ACCEPTED and change.reviewed_by == sachbearbeitung
    # A second decision on the same change is refused.
    staff.post(reverse("offers:change_review", args=[change.pk]), {"decision": "decline"})
    change.refresh_from_db()
    assert change.state == OfferChange.State.ACCEPTED


def test_accepting_that_an_offer_ended_unpublishes_it(staff):
    offer = make_offer()
    change = make_change(offer, **{DISCONTINUED: True})

    page = staff.get(reverse("offers:change_review", args=[change.pk])).content.decode()
    assert "Angebot gibt es nicht mehr" in page
    staff.post(reverse("offers:change_review", args=[change.pk]), {"decision": "accept"})

    offer.refresh_from_db()
    assert offer.is_published is False
    assert offer.valid_until == timezone.localdate()
    assert offer not in visible_offers()


def test_declining_keeps_the_offer_and_records_the_reason(staff):
    offer = make_offer()
    change = make_change(offer, schedule="nie")

    staff.post(
        reverse("offers:change_review", args=[change.pk]),
        {"decision": "decline", "reason": "Bitte telefonisch klären."},
    )

    offer.refresh_from_db()
    change.refresh_from_db()
    assert offer.schedule == "dienstags 9–11 Uhr"
    assert change.state == OfferChange.State.DECLINED
    assert "Bitte telefonisch klären." in change.comment
