"""Places, factions and attendance in OParl: one Location per building and room, the city
councillors' factions as Organizations of type "Fraktion", participants only when published."""

import pytest
from django.urls import reverse

from committee.models import Attendance, Meeting, Membership

from .conftest import add_member, aware
from .oparl_client import BASE, Importer

pytestmark = pytest.mark.django_db


def another_meeting(meeting, number, **place):
    return Meeting.objects.create(
        committee=meeting.committee,
        term=meeting.term,
        number=number,
        start=aware(2027, 1, number, 17, 0),
        **place,
    )


def test_meetings_in_the_same_room_share_one_location(client, meeting):
    same = another_meeting(
        meeting, 6, location=" Rathaus Göppingen", room="Großer Sitzungssaal", address=""
    )
    other = another_meeting(meeting, 7, location="Rathaus Göppingen", room="Kleiner Sitzungssaal")
    locations = client.get(reverse("oparl:location_list", args=[1])).json()["data"]
    assert len(locations) == 2
    by_room = {location["room"]: location for location in locations}
    big = by_room["Großer Sitzungssaal"]
    assert big["meetings"] == [f"{BASE}meeting/{meeting.pk}/", f"{BASE}meeting/{same.pk}/"]
    assert big["streetAddress"] == "Hauptstraße 1"
    assert (big["postalCode"], big["locality"]) == ("73033", "Göppingen")
    assert by_room["Kleiner Sitzungssaal"]["meetings"] == [f"{BASE}meeting/{other.pk}/"]
    embedded = client.get(reverse("oparl:meeting", args=[same.pk])).json()["location"]
    assert embedded["id"] == big["id"]


def test_a_place_without_public_meetings_is_not_listed(client, meeting):
    another_meeting(meeting, 6, location="Jugendhaus", is_public=False)
    locations = client.get(reverse("oparl:location_list", args=[1])).json()["data"]
    assert [location["room"] for location in locations] == ["Großer Sitzungssaal"]


def test_councillors_factions_are_organizations_of_type_fraktion(client, members, committee):
    add_member(committee, "Jens", "Kaiser", faction="CDU")
    importer = Importer(client).full_import(["organization", "person", "membership"])
    factions = {
        obj["name"]: obj
        for obj in importer.objects.values()
        if obj.get("organizationType") == "Fraktion"
    }
    # Sevgi Yılmaz is an expert citizen: "Brücke e. V." is her organisation, no faction.
    assert sorted(factions) == ["CDU", "Grüne", "SPD"]
    cdu_members = [importer.objects[url]["person"] for url in factions["CDU"]["membership"]]
    assert sorted(importer.objects[url]["name"] for url in cdu_members) == [
        "Jens Kaiser",
        "Ulrike Bosch",
    ]
    bosch = client.get(reverse("oparl:person", args=[members[0].pk])).json()
    assert factions["CDU"]["id"] in [entry["organization"] for entry in bosch["membership"]]
    committee_org = client.get(reverse("oparl:organization", args=[committee.pk])).json()
    assert committee_org["organizationType"] == "Gremium"


def test_a_change_of_faction_ends_one_membership_and_begins_another(client, members):
    url = reverse("oparl:person", args=[members[1].pk])
    before = [entry["id"] for entry in client.get(url).json()["membership"]]
    members[1].faction = "Grüne"
    members[1].save()
    after = client.get(url).json()["membership"]
    faction_ids = [entry["id"] for entry in after if "/faction/" in entry["id"]]
    assert len(faction_ids) == 1 and faction_ids[0] not in before
    old = next(entry for entry in before if "/faction/" in entry)
    assert client.get(old).json()["deleted"] is True
    # The SPD has no member left: the faction is gone as well.
    organizations = client.get(reverse("oparl:organization_list", args=[1])).json()["data"]
    spd = [obj for obj in organizations if obj.get("name") == "SPD"]
    assert spd == []
    assert any(obj.get("deleted") for obj in organizations)


def test_a_member_who_becomes_councillor_joins_the_faction(client, members, committee):
    expert = members[2]
    expert.faction = "FDP"
    expert.save()
    assert "FDP" not in str(client.get(reverse("oparl:organization_list", args=[1])).json())
    Membership.objects.filter(member=expert).update(kind=Membership.Kind.COUNCILLOR)
    Membership.objects.get(member=expert).save()
    names = [
        obj.get("name")
        for obj in client.get(reverse("oparl:organization_list", args=[1])).json()["data"]
    ]
    assert "FDP" in names


def test_attendance_is_published_only_when_the_setting_is_on(
    client, held_meeting, members, settings
):
    Attendance.objects.create(meeting=held_meeting, member=members[0], state="present")
    Attendance.objects.create(meeting=held_meeting, member=members[1], state="excused")
    url = reverse("oparl:meeting", args=[held_meeting.pk])
    assert "participant" not in client.get(url).json()
    settings.OPARL_PUBLISH_ATTENDANCE = True
    assert client.get(url).json()["participant"] == [f"{BASE}person/{members[0].pk}/"]
