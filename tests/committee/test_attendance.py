import datetime

import pytest
from django.urls import reverse

from committee.models import Attendance

from .conftest import add_member

pytestmark = pytest.mark.django_db


def form_data(response, states):
    """The attendance form as rendered, with `states` (member -> state) filled in."""
    formset = response.context["formset"]
    data = {f"form-{key}": value for key, value in formset.management_form.initial.items()}
    for index, form in enumerate(formset.forms):
        member = form.initial["member"]
        data[f"form-{index}-member"] = member
        data[f"form-{index}-state"] = states.get(member, "")
        data[f"form-{index}-remark"] = "ab TOP 2" if states.get(member) == "present" else ""
    return data


def test_attendance_of_every_member_is_recorded_in_one_form(
    client, sachbearbeitung, meeting, members, committee
):
    former = add_member(committee, "Gerhard", "Ilg", start=datetime.date(2019, 7, 24))
    former.memberships.update(end=datetime.date(2024, 7, 23))
    client.force_login(sachbearbeitung)
    url = reverse("committee:attendance", args=[meeting.pk])
    response = client.get(url)
    listed = [form.initial["member"] for form in response.context["formset"].forms]
    assert sorted(listed) == sorted(member.pk for member in members)

    states = {members[0].pk: "present", members[1].pk: "excused", members[2].pk: "absent"}
    assert client.post(url, form_data(response, states)).status_code == 302

    recorded = dict(Attendance.objects.values_list("member_id", "state"))
    assert recorded == states
    assert Attendance.objects.get(member=members[0]).remark == "ab TOP 2"


def test_clearing_a_state_removes_the_record(client, sachbearbeitung, meeting, members):
    Attendance.objects.create(meeting=meeting, member=members[0], state="present")
    client.force_login(sachbearbeitung)
    url = reverse("committee:attendance", args=[meeting.pk])
    client.post(url, form_data(client.get(url), {}))
    assert not Attendance.objects.exists()


def test_attendance_for_a_non_member_is_refused(client, sachbearbeitung, meeting, members):
    client.force_login(sachbearbeitung)
    url = reverse("committee:attendance", args=[meeting.pk])
    data = form_data(client.get(url), {})
    data["form-0-member"] = 999999
    data["form-0-state"] = "present"
    response = client.post(url, data, follow=True)
    assert "nur für Mitglieder des Ausschusses" in response.content.decode()
    assert not Attendance.objects.exists()


def test_an_invalid_attendance_is_summarised_and_describes_its_radio_group(
    client, sachbearbeitung, meeting, members
):
    client.force_login(sachbearbeitung)
    url = reverse("committee:attendance", args=[meeting.pk])
    data = form_data(client.get(url), {})
    data["form-0-state"] = "teleported"
    page = client.post(url, data).content.decode()
    assert "<title>Fehler: " in page
    assert '<a href="#id_form-0-state_0">' in page and 'id="id_form-0-state_0"' in page
    assert '<fieldset aria-describedby="id_form-0-state_error">' in page
    assert '<div class="field-errors" id="id_form-0-state_error">' in page
