"""Contact persons: list, filters, forms with the lawful-basis rules, re-confirmation."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from network.models import ContactPerson, reconfirm_cutoff


def names(response):
    return [contact.full_name for contact in response.context["page_obj"].object_list]


@pytest.fixture
def volunteer(db):
    return ContactPerson.objects.create(
        first_name="Hildegard",
        last_name="Sauter",
        email="hildegard.sauter@example.com",
        legal_basis=ContactPerson.LegalBasis.CONSENT,
        consent_date=timezone.localdate() - datetime.timedelta(days=30),
        preferred_language="de",
    )


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", ["Derya Kaya", "Hildegard Sauter"]),
        ("q=vorsitz", ["Derya Kaya"]),
        ("legal_basis=consent", ["Derya Kaya", "Hildegard Sauter"]),
        ("preferred_language=tr", ["Derya Kaya"]),
        ("without_actor=on", ["Hildegard Sauter"]),
        ("reconfirm=yes", ["Derya Kaya"]),
        ("reconfirm=no", ["Hildegard Sauter"]),
    ],
)
def test_filters_find_the_right_persons(client, lesezugriff, contact, volunteer, query, expected):
    client.force_login(lesezugriff)
    response = client.get(reverse("network:contact_list") + "?" + query)
    assert names(response) == expected


def test_actor_filter(client, lesezugriff, contact, volunteer):
    client.force_login(lesezugriff)
    url = reverse("network:contact_list") + f"?actor={contact.actor_id}"
    assert names(client.get(url)) == ["Derya Kaya"]


def form_data(**changes):
    return {
        "first_name": "Rania",
        "last_name": "Haddad",
        "email": "Rania.Haddad@Example.com",
        "legal_basis": ContactPerson.LegalBasis.CONSENT,
        "consent_date": "2024-03-19",
        "salutation": "ms",
        "preferred_language": "ar",
        "source": "Anmeldung Netzwerktreffen",
        **changes,
    }


def test_create_stores_the_lawful_basis_and_a_lower_case_address(client, sachbearbeitung, db):
    client.force_login(sachbearbeitung)

    client.post(reverse("network:contact_create"), form_data())

    person = ContactPerson.objects.get()
    assert person.email == "rania.haddad@example.com"
    assert person.consent_date == datetime.date(2024, 3, 19)
    assert person.get_salutation_display() == "Frau"
    assert person.history.get().history_user == sachbearbeitung


def test_consent_without_a_date_is_refused(client, sachbearbeitung, db):
    client.force_login(sachbearbeitung)

    response = client.post(reverse("network:contact_create"), form_data(consent_date=""))

    assert response.status_code == 200
    assert "Bitte geben Sie das Datum an, an dem die Einwilligung erteilt wurde." in (
        response.content.decode()
    )
    assert not ContactPerson.objects.exists()


def test_a_second_person_with_the_same_address_is_refused(client, sachbearbeitung, contact):
    client.force_login(sachbearbeitung)

    response = client.post(
        reverse("network:contact_create"), form_data(email="DERYA.KAYA@example.com")
    )

    assert "Es gibt bereits eine Ansprechperson mit dieser E-Mail-Adresse." in (
        response.content.decode()
    )
    assert ContactPerson.objects.count() == 1


def test_a_new_contact_can_start_from_the_actor_page(client, sachbearbeitung, actor):
    client.force_login(sachbearbeitung)
    response = client.get(reverse("network:contact_create") + f"?actor={actor.pk}")
    assert response.context["form"].initial["actor"] == str(actor.pk)


def test_delete_asks_first(client, sachbearbeitung, contact):
    client.force_login(sachbearbeitung)
    url = reverse("network:contact_delete", args=[contact.pk])
    assert client.get(url).status_code == 200
    assert ContactPerson.objects.exists()
    client.post(url)
    assert not ContactPerson.objects.exists()


def test_reconfirmation_list_uses_the_configured_period(
    client, lesezugriff, contact, volunteer, settings
):
    client.force_login(lesezugriff)
    url = reverse("network:contact_reconfirm")
    assert [c.full_name for c in client.get(url).context["page_obj"].object_list] == ["Derya Kaya"]

    settings.CONTACT_RECONFIRM_YEARS = 10

    assert not client.get(url).context["page_obj"].object_list


def test_reconfirmation_list_shows_individuals_without_actor(client, lesezugriff, volunteer):
    volunteer.consent_date = datetime.date(2020, 1, 1)
    volunteer.save()
    client.force_login(lesezugriff)
    page = client.get(reverse("network:contact_reconfirm")).content.decode()
    assert "Sauter, Hildegard" in page


def test_reconfirmation_counts_the_later_of_consent_and_confirmation(db):
    cutoff = reconfirm_cutoff()
    recent, old = cutoff + datetime.timedelta(days=1), cutoff - datetime.timedelta(days=1)
    cases = {
        "never": (None, None, True),
        "old consent": (old, None, True),
        "old consent, recent confirmation": (old, recent, False),
        "recent consent, no confirmation": (recent, None, False),
        "both old": (old, old, True),
    }
    for name, (consent, confirmed, due) in cases.items():
        person = ContactPerson(first_name=name, consent_date=consent, last_confirmed=confirmed)
        assert person.needs_reconfirmation is due, name


def test_confirming_sets_today_and_leaves_the_list(client, sachbearbeitung, contact):
    client.force_login(sachbearbeitung)

    response = client.post(
        reverse("network:contact_confirm", args=[contact.pk]), {"next": "reconfirm"}
    )

    assert response["Location"] == reverse("network:contact_reconfirm")
    contact.refresh_from_db()
    assert contact.last_confirmed == timezone.localdate()
    assert not client.get(reverse("network:contact_reconfirm")).context["page_obj"].object_list


def test_lesezugriff_cannot_confirm(client, lesezugriff, contact):
    client.force_login(lesezugriff)
    response = client.post(reverse("network:contact_confirm", args=[contact.pk]))
    assert response.status_code == 403


def list_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("name", ["network:contact_list", "network:contact_reconfirm"])
def test_list_query_count_does_not_grow(client, lesezugriff, contact, name):
    client.force_login(lesezugriff)
    small = list_queries(client, reverse(name))
    for number in range(30):
        ContactPerson.objects.create(
            actor=contact.actor, first_name="Eva", last_name=f"M{number}", email=f"e{number}@x.org"
        )
    large = list_queries(client, reverse(name))
    assert small == large <= 15


def test_detail_query_count_does_not_grow(client, lesezugriff, contact, working_group, event):
    client.force_login(lesezugriff)
    small = list_queries(client, contact.get_absolute_url())
    for number in range(10):
        contact.phone = f"0{number}"
        contact.save()
    large = list_queries(client, contact.get_absolute_url())
    assert small == large <= 15
