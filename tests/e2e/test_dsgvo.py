"""Workflow 7 in Chromium: Koordination answers a person's request for access and erasure.

The disclosure page and its JSON download, then "Personenbezogene Daten löschen" with the
confirmation; afterwards the person is gone from the list and their page answers with the
German 404 page.
"""

import datetime
import json

import pytest
from django.urls import reverse
from django.utils import timezone

from measures.models import MonitoringRequest
from network.models import ContactPerson, ErasureLog, Event, EventParticipant, WorkingGroup
from tests.e2e.conftest import audit, visit
from tests.monitoring.builders import make_request, make_round


@pytest.fixture
def person(actor, action_field, measure, plan):
    """A contact person with a working group, an event and a monitoring request."""
    contact = ContactPerson.objects.create(
        actor=actor,
        salutation=ContactPerson.Salutation.MS,
        first_name="Derya",
        last_name="Kaya",
        function="Kursleiterin",
        email="derya.kaya@example.org",
        phone="07161 123456",
        legal_basis=ContactPerson.LegalBasis.CONSENT,
        consent_date=datetime.date(2023, 11, 8),
        consent_scope="Netzwerkarbeit",
        source="Anmeldung Fachforum 2023",
    )
    ContactPerson.objects.create(
        actor=actor, first_name="Jonas", last_name="Berger", email="jonas.berger@example.org"
    )
    group = WorkingGroup.objects.create(title="Arbeitskreis Sprache")
    group.action_fields.add(action_field)
    group.member_contacts.add(contact)
    event = Event.objects.create(
        title="Fachforum Sprache",
        kind=Event.Kind.SPECIALIST_FORUM,
        start=timezone.make_aware(datetime.datetime(2023, 11, 14, 17, 0)),
    )
    EventParticipant.objects.create(event=event, contact=contact, attended=True)
    make_request(make_round(plan), measure, contact)
    return contact


def test_koordination_discloses_and_erases_a_persons_data(open_browser, koordination, person):
    page = open_browser(koordination)
    detail = reverse("network:contact_detail", args=[person.pk])
    visit(page, detail)

    page.get_by_role("link", name="Auskunft (lesbare Seite)").click()
    audit(page)
    assert page.get_by_role("heading", level=1).inner_text() == "Auskunft für Derya Kaya"
    main = page.get_by_role("main")
    for shown in ("derya.kaya@example.org", "Arbeitskreis Sprache", "Fachforum Sprache"):
        assert shown in main.inner_text()

    with page.expect_download() as download:
        page.get_by_role("link", name="Als JSON herunterladen").click()
    assert download.value.suggested_filename.startswith(f"auskunft-{person.pk}-")
    data = json.loads(download.value.path().read_text(encoding="utf-8"))
    fields = {entry["field"]: entry["value"] for entry in data["person"]}
    assert fields["Vorname"] == "Derya"
    assert fields["E-Mail"] == "derya.kaya@example.org"
    assert fields["Einwilligung erteilt am"] == "2023-11-08"
    assert data["working_groups"] == [{"title": "Arbeitskreis Sprache", "role": "Mitglied"}]
    assert data["events"] == [
        {"title": "Fachforum Sprache", "date": "2023-11-14", "attended": True}
    ]
    assert {"kind": "Monitoring-Anfragen", "count": 1} in data["other_records"]

    page.get_by_role("link", name="Derya Kaya").click()
    audit(page)
    page.get_by_role("link", name="Personenbezogene Daten löschen").click()
    audit(page)
    assert "Daten von Derya Kaya löschen?" in page.get_by_role("heading", level=1).inner_text()
    page.get_by_role("button", name="Personenbezogene Daten löschen").click()
    audit(page)

    assert page.url.endswith(reverse("network:contact_list"))
    assert page.get_by_text("Die Daten der Person wurden gelöscht.").is_visible()
    listing = page.get_by_role("main").inner_text()
    assert "Kaya" not in listing
    assert "Berger" in listing

    visit(page, detail, status=404)
    assert page.get_by_role("heading", level=1).inner_text() == "Seite nicht gefunden"
    assert page.locator("html").get_attribute("lang") == "de"

    assert not ContactPerson.objects.filter(last_name="Kaya").exists()
    assert not ContactPerson.history.filter(last_name="Kaya").exists()
    assert MonitoringRequest.objects.get().contact is None
    assert ErasureLog.objects.get().erased_by == koordination
