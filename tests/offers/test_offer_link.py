"""The providers' personal links: Koordination sends them, the provider confirms or corrects
each offer on a phone-friendly page, and dead links all get the same neutral answer."""

import datetime
import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from core.models import MailDelivery
from measures.models import Offer, OfferChange, OfferInvitation, PartnerLinkFailure
from measures.monitoring.services import MAX_FAILURES
from measures.offers.services import DISCONTINUED, visible_offers
from network.models import ContactPerson
from tests.offers.builders import make_invitation, make_offer, make_provider

LINK = re.compile(r"http://testserver/angebot/([\w-]+)/")


@pytest.fixture
def worker(django_capture_on_commit_callbacks):
    """Runs what the commit enqueues: the immediate task backend sends the mails at once."""
    return django_capture_on_commit_callbacks


@pytest.fixture
def provider(db):
    return make_provider("Internationaler Frauentreff")


@pytest.fixture
def offers(provider):
    old = timezone.now() - datetime.timedelta(days=500)
    return (
        make_offer("Frauencafé", provider=provider, confirmed_at=old),
        make_offer("Nähkurs", provider=provider, schedule="freitags 15 Uhr", confirmed_at=old),
    )


@pytest.fixture
def invited(offers, provider):
    return make_invitation(provider)


def form_url(token):
    return reverse("offer_link:form", args=[token])


def change_url(token, offer):
    return reverse("offer_link:change", args=[token, offer.pk])


def change_data(offer, **fields):
    data = {
        "description": offer.description,
        "schedule": offer.schedule,
        "address": offer.address,
        "district": offer.district,
        "languages": offer.languages.split(","),
        "is_free": "on",
        "cost": "",
        "cost_note": "",
        "registration_phone": "",
        "registration_email": "",
        "registration_url": "",
        "valid_until": "",
        "comment": "",
        **fields,
    }
    return {key: value for key, value in data.items() if value is not None}


# Sending the links.


def test_invite_page_defaults_to_six_weeks_and_the_first_contact_with_an_address(
    client, koordination, offers, provider
):
    ContactPerson.objects.create(actor=provider, first_name="Ohne", last_name="Adresse")
    client.force_login(koordination)

    page = client.get(reverse("offers:invite")).content.decode()

    six_weeks = timezone.localdate() + datetime.timedelta(weeks=6)
    assert f'value="{six_weeks.isoformat()}"' in page
    assert "Internationaler Frauentreff" in page
    assert f"kontakt{provider.pk}@example.org" in page
    assert "Ohne Adresse" not in page


def test_each_chosen_provider_gets_one_mail_with_a_working_link(
    client, koordination, offers, provider, worker
):
    client.force_login(koordination)
    contact = provider.contacts.get()
    expires = timezone.localdate() + datetime.timedelta(days=30)

    with worker(execute=True):
        response = client.post(
            reverse("offers:invite"),
            {
                "provider": [provider.pk],
                f"contact_{provider.pk}": contact.pk,
                "expires_on": expires.isoformat(),
            },
        )

    assert response.status_code == 302
    invitation = OfferInvitation.objects.get()
    assert invitation.contact == contact and invitation.invited_by == koordination
    [message] = mail.outbox
    assert message.to == [f"{contact.full_name} <{contact.email}>"]
    assert message.subject == f"Bitte prüfen Sie Ihre Angebote – Link gültig bis {expires:%d.%m.%Y}"
    assert "mit 2 Angebot(en) eingetragen" in message.body
    token = LINK.search(message.body)[1]
    assert client.get(form_url(token)).status_code == 200
    assert set(MailDelivery.objects.values_list("body", "erase_body")) == {("", True)}


def test_inviting_nobody_a_past_date_or_a_foreign_contact_is_refused(
    client, koordination, offers, provider
):
    client.force_login(koordination)
    stranger = ContactPerson.objects.create(
        actor=make_provider("Anderer Verein"), first_name="A", last_name="B", email="ab@example.org"
    )
    future = (timezone.localdate() + datetime.timedelta(days=30)).isoformat()
    past = (timezone.localdate() - datetime.timedelta(days=1)).isoformat()

    nobody = client.post(reverse("offers:invite"), {"expires_on": future})
    assert "Bitte wählen Sie mindestens einen Anbieter aus." in nobody.content.decode()
    dated = client.post(reverse("offers:invite"), {"provider": [provider.pk], "expires_on": past})
    assert "Das Datum liegt in der Vergangenheit." in dated.content.decode()
    foreign = client.post(
        reverse("offers:invite"),
        {"provider": [provider.pk], f"contact_{provider.pk}": stranger.pk, "expires_on": future},
    )
    assert foreign.status_code == 200
    assert not OfferInvitation.objects.exists() and not MailDelivery.objects.exists()


def test_sachbearbeitung_may_not_send_links(client, sachbearbeitung, offers):
    client.force_login(sachbearbeitung)

    assert client.get(reverse("offers:invite")).status_code == 403


# The provider's page.


def test_only_the_hash_of_the_token_is_stored(invited):
    invitation, token = invited

    assert token not in invitation.token_hash
    assert OfferInvitation.objects.filter(token_hash=invitation.token_hash).count() == 1


def test_the_page_lists_the_providers_current_offers_only(client, invited, provider):
    _invitation, token = invited
    make_offer(
        "Beendet", provider=provider, valid_until=timezone.localdate() - datetime.timedelta(1)
    )
    make_offer("Fremdes Angebot", provider=make_provider("Anderer Verein"))

    response = client.get(form_url(token))
    page = response.content.decode()

    assert "no-store" in response["Cache-Control"] and response["X-Robots-Tag"] == "noindex"
    assert "Frauencafé" in page and "Nähkurs" in page
    assert "Beendet" not in page and "Fremdes Angebot" not in page
    assert page.count("Stimmt so") == 2 and page.count(">Ändern") == 2


def test_confirming_puts_an_offer_back_into_the_guide_without_review(client, invited, offers):
    invitation, token = invited
    cafe, _sewing = offers
    assert cafe not in visible_offers()

    response = client.post(form_url(token), {"confirm": cafe.pk})

    assert response.status_code == 302
    assert response["Location"] == reverse("offer_link:thanks", args=[token])
    assert cafe in visible_offers()
    change = OfferChange.objects.get()
    assert change.state == OfferChange.State.ACCEPTED and change.invitation == invitation
    thanks = client.get(response["Location"]).content.decode()
    assert "Noch zu prüfende Angebote" in thanks and "Nähkurs" in thanks


def test_a_correction_sends_only_the_changed_fields_for_review(client, invited, offers):
    _invitation, token = invited
    _cafe, sewing = offers

    page = client.get(change_url(token, sewing)).content.decode()
    assert "freitags 15 Uhr" in page and "Dieses Angebot gibt es nicht mehr" in page
    response = client.post(
        change_url(token, sewing),
        change_data(sewing, schedule="samstags 10 Uhr", comment="Neuer Raum ab Mai"),
    )

    assert response.status_code == 302
    change = OfferChange.objects.get()
    assert change.changes == {"schedule": "samstags 10 Uhr"}
    assert change.comment == "Neuer Raum ab Mai" and change.state == OfferChange.State.OPEN
    sewing.refresh_from_db()
    assert sewing.schedule == "freitags 15 Uhr"  # unchanged until staff accept


def test_an_ended_offer_and_amounts_are_proposed_as_values(client, invited, offers):
    _invitation, token = invited
    cafe, _sewing = offers

    client.post(
        change_url(token, cafe),
        change_data(cafe, is_free=None, cost="3,50", discontinued="on"),
    )

    change = OfferChange.objects.get()
    assert change.changes == {DISCONTINUED: True, "is_free": False, "cost": "3.50"}


def test_the_form_refuses_a_free_offer_with_a_cost(client, invited, offers):
    _invitation, token = invited
    cafe, _sewing = offers

    response = client.post(change_url(token, cafe), change_data(cafe, cost="3,50"))

    assert response.status_code == 200
    assert "Ein kostenloses Angebot hat keine Kosten." in response.content.decode()
    assert not OfferChange.objects.exists()


def test_another_providers_offer_cannot_be_reached_through_the_link(client, invited):
    _invitation, token = invited
    foreign = make_offer("Fremd", provider=make_provider("Anderer Verein"))

    assert client.get(change_url(token, foreign)).status_code == 404
    assert client.post(form_url(token), {"confirm": foreign.pk}).status_code == 404
    assert not OfferChange.objects.exists()


def answer(client, url):
    response = client.get(url)
    return response.status_code, response.content


def test_wrong_expired_and_replaced_links_get_the_same_answer(client, invited, provider):
    invitation, token = invited
    wrong = answer(client, form_url("x" * 43))
    invitation.expires_on = timezone.localdate() - datetime.timedelta(days=1)
    invitation.save()
    expired = answer(client, form_url(token))

    assert wrong == expired
    assert wrong[0] == 404
    assert "Dieser Link kann nicht verwendet werden" in wrong[1].decode()


def test_the_thanks_page_needs_an_answer_through_the_link(client, invited, offers):
    _invitation, token = invited
    thanks = reverse("offer_link:thanks", args=[token])

    assert client.get(thanks).status_code == 404
    client.post(form_url(token), {"confirm": offers[0].pk})
    assert client.get(thanks).status_code == 200


def test_repeated_dead_links_are_throttled_even_for_a_working_link(client, invited):
    _invitation, token = invited
    for _ in range(MAX_FAILURES):
        assert client.get(form_url("x" * 43)).status_code == 404
    assert PartnerLinkFailure.objects.count() == MAX_FAILURES

    assert client.get(form_url(token)).status_code == 429


@pytest.mark.parametrize("total", [2, 20])
def test_the_page_reads_a_fixed_number_of_queries(
    client, provider, total, django_assert_num_queries
):
    for number in range(total):
        make_offer(f"Angebot {number}", provider=provider)
    _invitation, token = make_invitation(provider)

    with django_assert_num_queries(4):
        assert client.get(form_url(token)).status_code == 200


def test_offers_survive_a_provider_with_offers_only_as_protected(provider, offers):
    # Deleting a provider with offers is refused by the database (PROTECT).
    from django.db.models import ProtectedError

    with pytest.raises(ProtectedError):
        provider.delete()
    assert Offer.objects.count() == 2


def test_erasing_the_contact_ends_the_link_and_empties_the_mail_record(
    client, koordination, offers, provider, worker
):
    from measures import privacy
    from measures.offers import mail as offer_mail
    from network.privacy import erase_contact

    client.force_login(koordination)
    contact = provider.contacts.get()
    with worker(execute=True):
        client.post(
            reverse("offers:invite"),
            {
                "provider": [provider.pk],
                f"contact_{provider.pk}": contact.pk,
                "expires_on": (timezone.localdate() + datetime.timedelta(days=30)).isoformat(),
            },
        )
    assert privacy.OFFER_MAIL_KINDS == (offer_mail.INVITATION,)
    erase_contact(contact, koordination)
    assert not OfferInvitation.objects.exists()
    delivery = MailDelivery.objects.get()
    assert (delivery.recipient_email, delivery.body) == ("", "")
    assert contact.full_name not in delivery.recipient_name
