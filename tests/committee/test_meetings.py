import pytest
from django.urls import reverse

from committee.models import Meeting

pytestmark = pytest.mark.django_db


def data(committee, **changes):
    return {
        "committee": committee.pk,
        "start": "2027-05-12T17:00",
        "end": "2027-05-12T19:00",
        "location": "Rathaus Göppingen",
        "room": "Großer Sitzungssaal",
        "address": "Hauptstraße 1, 73033 Göppingen",
        "is_public": "on",
        "state": "planned",
        **changes,
    }


def test_a_new_meeting_gets_its_term_and_the_next_number(
    client, sachbearbeitung, meeting, committee, term
):
    client.force_login(sachbearbeitung)
    response = client.post(reverse("committee:meeting_create"), data(committee))
    created = Meeting.objects.exclude(pk=meeting.pk).get()
    assert response["Location"] == reverse("committee:agenda", args=[created.pk])
    assert (created.term, created.number) == (term, 6)


def test_an_end_before_the_start_is_refused_in_german(client, sachbearbeitung, committee, term):
    client.force_login(sachbearbeitung)
    response = client.post(
        reverse("committee:meeting_create"), data(committee, end="2027-05-12T16:00")
    )
    assert response.status_code == 200
    assert "Das Ende darf nicht vor dem Beginn liegen." in response.content.decode()
    assert not Meeting.objects.exists()


def test_a_number_may_not_repeat_within_a_term(client, sachbearbeitung, meeting, committee, term):
    client.force_login(sachbearbeitung)
    response = client.post(
        reverse("committee:meeting_create"), data(committee, number="5", term=term.pk)
    )
    assert "bereits eine Sitzung mit dieser Nummer" in response.content.decode()


def test_the_list_filters_by_term_state_and_year(client, lesezugriff, meeting, committee, term):
    Meeting.objects.create(
        committee=committee, number=1, start=meeting.start.replace(year=2023), state="held"
    )
    client.force_login(lesezugriff)
    url = reverse("committee:meeting_list")
    assert list(
        client.get(url, {"year": 2023})
        .context["page_obj"]
        .object_list.values_list("number", flat=True)
    ) == [1]
    assert [m.pk for m in client.get(url, {"term": term.pk}).context["page_obj"]] == [meeting.pk]
    assert [m.number for m in client.get(url, {"state": "held"}).context["page_obj"]] == [1]


def test_the_list_exports_what_it_shows(client, lesezugriff, meeting):
    client.force_login(lesezugriff)
    response = client.get(reverse("committee:meeting_export", args=["csv"]), {"state": "planned"})
    content = response.content.decode("utf-8-sig")
    assert content.splitlines()[0].startswith("Nummer;Ausschuss;Wahlperiode;Beginn")
    assert "09.12.2026 17:00" in content


def test_lesezugriff_reads_but_does_not_edit(client, lesezugriff, meeting):
    client.force_login(lesezugriff)
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "Sitzung bearbeiten" not in page
    assert client.get(reverse("committee:meeting_edit", args=[meeting.pk])).status_code == 403


def test_the_detail_page_shows_the_change_history(client, sachbearbeitung, meeting, committee):
    client.force_login(sachbearbeitung)
    client.post(
        reverse("committee:meeting_edit", args=[meeting.pk]),
        data(committee, number="5", term=meeting.term_id),
    )
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "Änderungshistorie" in page
    assert "sachbearbeitung" in page


def test_invited_is_not_a_state_to_choose_before_the_invitation_is_sent(meeting):
    from committee.forms import MeetingForm

    assert "invited" not in dict(MeetingForm(instance=meeting).fields["state"].choices)
    meeting.state = Meeting.State.INVITED
    assert "invited" in dict(MeetingForm(instance=meeting).fields["state"].choices)


@pytest.mark.parametrize(
    "name",
    [
        "committee:meeting_detail",
        "committee:meeting_edit",
        "committee:agenda",
        "committee:attendance",
        "committee:invitation",
        "committee:invitation_pdf",
        "committee:meeting_ics",
        "committee:item_edit",
        "committee:item_delete",
        "committee:document_download",
        "committee:member_detail",
        "committee:member_delete",
        "committee:membership_edit",
        "committee:follow_up_edit",
        "oparl:meeting",
        "oparl:person",
        "oparl:file",
    ],
)
def test_an_unknown_id_is_404(client, koordination, name):
    client.force_login(koordination)
    assert client.get(reverse(name, kwargs={"pk": 999999})).status_code == 404
