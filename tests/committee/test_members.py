import datetime

import pytest
from django.urls import reverse

from committee.models import Member, Membership

from .conftest import TERM_START

pytestmark = pytest.mark.django_db


def test_a_member_with_memberships_cannot_be_deleted(client, sachbearbeitung, members):
    client.force_login(sachbearbeitung)
    url = reverse("committee:member_delete", args=[members[0].pk])
    page = client.get(url).content.decode()
    assert "kann nicht gelöscht werden" in page
    assert reverse("committee:membership_end", args=[members[0].memberships.get().pk]) in page
    response = client.post(url, follow=True)
    assert "bitte beenden Sie stattdessen die Mitgliedschaft" in response.content.decode()
    assert Member.objects.filter(pk=members[0].pk).exists()


def test_a_member_without_memberships_is_deleted_after_confirmation(client, sachbearbeitung):
    member = Member.objects.create(first_name="Eva", last_name="Irrtum")
    client.force_login(sachbearbeitung)
    url = reverse("committee:member_delete", args=[member.pk])
    assert "Löschen</button>" in client.get(url).content.decode()
    client.post(url)
    assert not Member.objects.filter(pk=member.pk).exists()
    assert member.history.filter(history_type="-").exists()


def test_ending_a_membership_keeps_it_in_the_history_of_terms(client, sachbearbeitung, members):
    membership = members[2].memberships.get()
    client.force_login(sachbearbeitung)
    response = client.post(
        reverse("committee:membership_end", args=[membership.pk]), {"end": "2026-01-31"}
    )
    assert response.status_code == 302
    membership.refresh_from_db()
    assert membership.end == datetime.date(2026, 1, 31)
    assert not membership.is_current
    page = client.get(members[2].get_absolute_url()).content.decode()
    assert "31.01.2026" in page


def test_an_end_before_the_start_is_refused(client, sachbearbeitung, members):
    membership = members[2].memberships.get()
    client.force_login(sachbearbeitung)
    response = client.post(
        reverse("committee:membership_end", args=[membership.pk]), {"end": "2020-01-01"}
    )
    assert "Das Ende darf nicht vor dem Beginn liegen." in response.content.decode()


def test_overlapping_memberships_in_the_same_role_are_refused_in_german(
    client, sachbearbeitung, members, committee
):
    client.force_login(sachbearbeitung)
    response = client.post(
        reverse("committee:membership_create"),
        {
            "committee": committee.pk,
            "member": members[2].pk,
            "role": "member",
            "kind": "citizen_expert",
            "start": "2025-01-01",
        },
    )
    assert response.status_code == 200
    assert "bereits inne" in response.content.decode()
    assert members[2].memberships.count() == 1


def test_a_deputy_for_a_named_member_is_recorded(client, sachbearbeitung, members, committee):
    deputy = Member.objects.create(first_name="Bernd", last_name="Kühn")
    client.force_login(sachbearbeitung)
    response = client.post(
        reverse("committee:membership_create"),
        {
            "committee": committee.pk,
            "member": deputy.pk,
            "role": "deputy",
            "kind": "councillor",
            "deputy_for": members[0].pk,
            "start": TERM_START.isoformat(),
        },
    )
    assert response.status_code == 302
    assert Membership.objects.get(member=deputy).deputy_for == members[0]
    page = client.get(reverse("committee:overview")).content.decode()
    assert "Stellvertretung für Ulrike Bosch" in page


def test_the_member_list_filters_current_and_former(client, lesezugriff, members, committee):
    former = Member.objects.create(first_name="Gerhard", last_name="Ilg")
    Membership.objects.create(
        committee=committee,
        member=former,
        start=datetime.date(2019, 7, 24),
        end=datetime.date(2024, 7, 23),
    )
    client.force_login(lesezugriff)
    url = reverse("committee:member_list")
    current = client.get(url, {"status": "current"}).context["page_obj"].object_list
    assert former not in current and members[0] in current
    assert list(client.get(url, {"status": "former"}).context["page_obj"].object_list) == [former]


def test_the_member_export_has_no_email_addresses(client, lesezugriff, members):
    client.force_login(lesezugriff)
    content = client.get(reverse("committee:member_export", args=["csv"])).content.decode(
        "utf-8-sig"
    )
    assert "Bosch" in content
    assert "@" not in content


def test_a_new_members_salutation_gives_the_kind_its_form_on_every_page(
    client, sachbearbeitung, committee
):
    client.force_login(sachbearbeitung)
    response = client.post(
        reverse("committee:member_create"),
        {"salutation": "ms", "first_name": "Heike", "last_name": "Schwarz", "faction": "SPD"},
    )
    assert response.status_code == 302
    member = Member.objects.get(last_name="Schwarz")
    assert member.salutation == Member.Salutation.MS
    Membership.objects.create(committee=committee, member=member, start=TERM_START)
    member_list = client.get(reverse("committee:member_list")).content.decode()
    assert "IA: Mitglied, Stadträtin (" in member_list
    for url in (
        reverse("committee:member_detail", args=[member.pk]),
        reverse("committee:overview"),
    ):
        assert "<td>Stadträtin</td>" in client.get(url).content.decode(), url
