"""A meeting's page comes from the HTML cache below its heading, and never hides a change."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from committee.models import Attendance

pytestmark = pytest.mark.django_db


def load(client, meeting):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(meeting.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode(), len(queries)


def test_the_second_load_comes_from_the_cache(client, lesezugriff, meeting, items):
    client.force_login(lesezugriff)
    _first, first_count = load(client, meeting)
    again, again_count = load(client, meeting)
    assert again_count < first_count
    assert "Ausweitung auf Stadtteile" in again


def test_a_changed_item_a_renamed_measure_and_attendance_show_at_once(
    client, lesezugriff, held_meeting, items, members, measure
):
    client.force_login(lesezugriff)
    load(client, held_meeting)
    items[1].title = "Ausweitung auf alle Stadtteile"
    items[1].save()
    assert "Ausweitung auf alle Stadtteile" in load(client, held_meeting)[0]
    measure.title = "Mama und Papa lernen Deutsch"
    measure.save()
    assert "Mama und Papa lernen Deutsch" in load(client, held_meeting)[0]
    Attendance.objects.create(meeting=held_meeting, member=members[0], remark="kam später")
    assert "kam später" in load(client, held_meeting)[0]


def test_each_set_of_rights_gets_its_own_links(
    client, lesezugriff, koordination, finalised_meeting
):
    correction_link = "/correct/"
    client.force_login(lesezugriff)
    assert correction_link not in load(client, finalised_meeting)[0]
    client.force_login(koordination)
    assert correction_link in load(client, finalised_meeting)[0]
    client.force_login(lesezugriff)
    assert correction_link not in load(client, finalised_meeting)[0]
