"""Providers keep their offers current by link, in Chromium (issue 17).

Koordination sends the provider's contact person a link; on a phone the person confirms one
offer as it is and corrects another's times; Sachbearbeitung accepts the correction in the
review queue, and the offer shows the new times.
"""

import datetime
import re

from django.core import mail
from django.urls import reverse
from django.utils import timezone

from measures.models import Offer, OfferChange
from measures.offers.services import visible_offers
from tests.e2e.conftest import PHONE, audit, visit
from tests.offers.builders import make_offer, make_provider

LINK = re.compile(r"https?://[^\s/]+/angebot/[\w-]+/")


def test_a_provider_confirms_and_corrects_offers_on_a_phone_and_staff_accept(
    open_browser, live_server, koordination, sachbearbeitung
):
    provider = make_provider("Internationaler Frauentreff")
    old = timezone.now() - datetime.timedelta(days=480)
    cafe = make_offer("Frauencafé", provider=provider, confirmed_at=old)
    sewing = make_offer("Nähkurs", provider=provider, schedule="freitags 15 Uhr", confirmed_at=old)
    assert cafe not in visible_offers() and sewing not in visible_offers()

    # Koordination sends the link.
    office = open_browser(koordination)
    visit(office, reverse("offers:unconfirmed"))
    assert "Frauencafé" in office.get_by_role("main").inner_text()
    office.get_by_role("link", name="Links an Anbieter senden").first.click()
    audit(office)
    office.get_by_role("checkbox", name="Internationaler Frauentreff").check()
    office.get_by_role("button", name="E-Mails senden").click()
    audit(office)
    assert office.get_by_text("1 E-Mail(s) mit persönlichem Link werden versendet.").is_visible()
    [message] = mail.outbox
    link = LINK.search(message.body)[0]
    assert link.startswith(live_server.url)

    # The contact person, on a phone, without an account.
    phone = open_browser(viewport=PHONE)
    visit(phone, link)
    assert phone.get_by_role("heading", level=1).inner_text() == "Ihre Angebote im Wegweiser"
    phone.get_by_role("button", name=re.compile("Stimmt so.*Frauencafé")).click()
    audit(phone)
    assert phone.get_by_role("heading", level=1).inner_text() == "Vielen Dank"
    assert "Nähkurs" in phone.get_by_role("main").inner_text()
    phone.get_by_role("link", name="Zurück zu Ihren Angeboten").click()
    audit(phone)
    phone.get_by_role("link", name=re.compile("Ändern.*Nähkurs")).click()
    audit(phone)
    phone.get_by_label("Wann").fill("samstags 10–12 Uhr")
    phone.get_by_role("button", name="Änderungen senden").click()
    audit(phone)
    assert phone.get_by_role("heading", level=1).inner_text() == "Vielen Dank"
    assert cafe in visible_offers()
    change = OfferChange.objects.get(state=OfferChange.State.OPEN)
    assert change.changes == {"schedule": "samstags 10–12 Uhr"}

    # Sachbearbeitung accepts the correction.
    clerk = open_browser(sachbearbeitung)
    visit(clerk, reverse("offers:changes"))
    clerk.get_by_role("link", name="Nähkurs").click()
    audit(clerk)
    table = clerk.get_by_role("table", name="Vorgeschlagene Änderungen").inner_text()
    assert "freitags 15 Uhr" in table and "samstags 10–12 Uhr" in table
    clerk.get_by_role("button", name="Übernehmen").click()
    audit(clerk)
    assert clerk.get_by_text("Die Änderung wurde in das Angebot übernommen.").is_visible()
    visit(clerk, reverse("offers:detail", args=[sewing.pk]))
    assert "samstags 10–12 Uhr" in clerk.get_by_role("main").inner_text()
    assert Offer.objects.get(pk=sewing.pk) in visible_offers()
