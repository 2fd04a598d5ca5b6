"""The shared delete page (core.views.DeleteRecordView): every area's domain error is shown in
German and the record stays; only the confirmed POST deletes."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from committee.models import AgendaItem, Committee, FollowUp, Meeting, Member, Membership
from network.models import Actor

pytestmark = pytest.mark.django_db


@pytest.fixture
def follow_up_owned_by_actor(actor):
    committee = Committee.objects.create(name="Integrationsausschuss", short_name="IA")
    meeting = Meeting.objects.create(
        committee=committee,
        number=1,
        start=timezone.make_aware(datetime.datetime(2026, 12, 3, 17, 0)),
    )
    item = AgendaItem.objects.create(meeting=meeting, number="1", order=1, title="Bericht")
    return FollowUp.objects.create(agenda_item=item, text="Bericht vorlegen", owner_actor=actor)


def test_an_actor_others_refer_to_is_kept_and_the_reason_shown(
    client, sachbearbeitung, actor, follow_up_owned_by_actor
):
    client.force_login(sachbearbeitung)

    response = client.post(reverse("network:actor_delete", args=[actor.pk]), follow=True)

    assert response.redirect_chain[-1][0] == actor.get_absolute_url()
    assert (
        "„Volkshochschule Göppingen“ kann nicht gelöscht werden, solange diese Einträge darauf "
        "verweisen: Aufträge."
    ) in response.content.decode()
    assert Actor.objects.filter(pk=actor.pk).exists()


def test_an_http_delete_does_not_bypass_the_confirmation_and_its_service(
    client, sachbearbeitung, actor
):
    member = Member.objects.create(first_name="Eva", last_name="Muster")
    committee = Committee.objects.create(name="Integrationsausschuss", short_name="IA")
    Membership.objects.create(member=member, committee=committee, start="2024-07-24")
    client.force_login(sachbearbeitung)

    member_answer = client.delete(reverse("committee:member_delete", args=[member.pk]))
    actor_answer = client.delete(reverse("network:actor_delete", args=[actor.pk]))

    assert (member_answer.status_code, actor_answer.status_code) == (405, 405)
    assert Member.objects.filter(pk=member.pk).exists()
    assert Actor.objects.filter(pk=actor.pk).exists()
