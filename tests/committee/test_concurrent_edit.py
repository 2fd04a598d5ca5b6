from django.urls import reverse

from committee.models import Meeting
from tests.concurrency import assert_second_save_is_refused


def test_a_second_save_of_a_meeting_is_refused(client, sachbearbeitung, meeting):
    client.force_login(sachbearbeitung)
    assert_second_save_is_refused(
        client,
        reverse("committee:meeting_edit", args=[meeting.pk]),
        "room",
        "Sitzungssaal 1",
        "Raum 204",
        lambda: Meeting.objects.get(pk=meeting.pk).room,
    )
