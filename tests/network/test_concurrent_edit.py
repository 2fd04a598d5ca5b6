from django.urls import reverse

from network.models import Actor, ContactPerson
from tests.concurrency import assert_second_save_is_refused


def test_a_second_save_of_an_actor_is_refused(client, sachbearbeitung, migrant_organisation):
    client.force_login(sachbearbeitung)
    assert_second_save_is_refused(
        client,
        reverse("network:actor_edit", args=[migrant_organisation.pk]),
        "phone",
        "07161 111",
        "07161 222",
        lambda: Actor.objects.get(pk=migrant_organisation.pk).phone,
    )


def test_a_second_save_of_a_contact_is_refused(client, sachbearbeitung, contact):
    client.force_login(sachbearbeitung)
    assert_second_save_is_refused(
        client,
        reverse("network:contact_edit", args=[contact.pk]),
        "function",
        "Vorsitz",
        "Kassenwart",
        lambda: ContactPerson.objects.get(pk=contact.pk).function,
    )
