"""In the admin, archived minutes and corrections are written only through the workflows that
record them, by Koordination, and never changed or deleted."""

import pytest
from django.urls import reverse

from committee.models import ArchivedMinutes, MinutesCorrection

pytestmark = pytest.mark.django_db


def test_koordination_archives_finalised_minutes_again(client, koordination, finalised_meeting):
    first = {entry.pk: entry.read_verified() for entry in finalised_meeting.archived_minutes.all()}
    client.force_login(koordination)
    response = client.post(
        reverse("admin:committee_archivedminutes_add"), {"meeting": finalised_meeting.pk}
    )
    assert response.status_code == 302
    second = finalised_meeting.archived_minutes.filter(revision=2)
    assert sorted(second.values_list("edition", flat=True)) == ["internal", "public"]
    assert all(entry.read_verified() for entry in second)
    for pk, content in first.items():
        assert ArchivedMinutes.objects.get(pk=pk).read_verified() == content


def test_draft_minutes_cannot_be_archived_in_the_admin(client, koordination, attended):
    client.force_login(koordination)
    response = client.post(reverse("admin:committee_archivedminutes_add"), {"meeting": attended.pk})
    assert response.status_code == 200  # the meeting is not offered
    assert not ArchivedMinutes.objects.exists()


def test_the_admin_corrects_minutes_through_the_workflow(client, koordination, finalised_meeting):
    item = finalised_meeting.agenda_items.get(number="1.1")
    client.force_login(koordination)
    response = client.post(
        reverse("admin:committee_minutescorrection_add"),
        {
            "agenda_item": item.pk,
            "field": "result",
            "new_value": "abgelehnt",
            "reason": "Das Ergebnis wurde verwechselt.",
        },
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.result == "rejected"
    correction = MinutesCorrection.objects.get()
    assert (correction.old_value, correction.new_value) == ("beschlossen", "abgelehnt")
    assert finalised_meeting.archived_minutes.filter(revision=2).count() == 2
    change_url = reverse("admin:committee_minutescorrection_change", args=[correction.pk])
    assert client.post(change_url, {"reason": "Anders"}).status_code == 403
    delete_url = reverse("admin:committee_minutescorrection_delete", args=[correction.pk])
    assert client.post(delete_url, {"post": "yes"}).status_code == 403


def test_the_admin_checks_a_correction_like_the_staff_page(client, koordination, finalised_meeting):
    item = finalised_meeting.agenda_items.get(number="1.1")
    client.force_login(koordination)
    response = client.post(
        reverse("admin:committee_minutescorrection_add"),
        {"agenda_item": item.pk, "field": "votes_yes", "new_value": "5", "reason": "Gezählt."},
    )
    assert response.status_code == 200
    assert "nur 2 Mitglieder anwesend" in response.content.decode()
    assert not MinutesCorrection.objects.exists()


@pytest.mark.parametrize(
    "name", ["committee_archivedminutes_add", "committee_minutescorrection_add"]
)
def test_sachbearbeitung_writes_no_official_record_in_the_admin(
    client, sachbearbeitung, finalised_meeting, name
):
    client.force_login(sachbearbeitung)
    assert client.get(reverse(f"admin:{name}")).status_code == 403
