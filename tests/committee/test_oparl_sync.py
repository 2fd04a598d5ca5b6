"""An importer that syncs with modified_since sees every change (OParl 1.1 §2.5, §2.8).

The importer reads the whole body, then the office changes, deletes and depublishes records;
reading only what was modified since then must leave the importer with exactly what a fresh
full import reads, deleted objects included."""

import datetime

import pytest
from django.utils import timezone

from committee.models import AgendaItem, Committee, Meeting, Member, Membership
from committee.services import (
    delete_agenda_item,
    delete_document,
    end_membership,
    move_agenda_item,
    renumber_agenda,
)

from .conftest import add_member, aware
from .oparl_client import BASE, Importer
from .test_oparl_files import add_document

pytestmark = pytest.mark.django_db


@pytest.fixture
def body(meeting, items, members, committee, term):
    """Three more public meetings (one alone in its room), documents, a member without
    memberships and a second committee."""
    second = Meeting.objects.create(
        committee=committee,
        term=term,
        number=6,
        start=aware(2027, 2, 3, 17, 0),
        location="Rathaus Göppingen",
        room="Großer Sitzungssaal",
    )
    second_item = AgendaItem.objects.create(meeting=second, number="1", title="Elterncafé")
    Meeting.objects.create(
        committee=committee,
        term=term,
        number=8,
        start=aware(2027, 4, 7, 17, 0),
        location="Rathaus Göppingen",
        room="Großer Sitzungssaal",
    )
    alone = Meeting.objects.create(
        committee=committee,
        term=term,
        number=7,
        start=aware(2027, 3, 3, 17, 0),
        location="Haus der Familie",
        room="Saal",
    )
    alone_item = AgendaItem.objects.create(meeting=alone, number="1", title="Sprachpaten")
    return {
        "second": second,
        "second_item": second_item,
        "second_doc": add_document(second_item, title="Konzept Elterncafé"),
        "alone": alone,
        "alone_doc": add_document(alone_item, title="Sprachpaten Übersicht"),
        "item_doc": add_document(items[0], title="Kursliste"),
        "guest": Member.objects.create(first_name="Gast", last_name="Ohne Gremium"),
        "board": Committee.objects.create(name="Beirat für Teilhabe", kind="advisory_board"),
        "former": add_member(committee, "Frieda", "Früher", faction="SPD"),
    }


def test_a_sync_with_modified_since_sees_every_change(client, body, items, members, koordination):
    importer = Importer(client).full_import()
    live_before = set(importer.live())
    gone = {
        f"{BASE}file/{body['item_doc'].pk}/",
        f"{BASE}agendaItem/{body['second_item'].pk}/",
        f"{BASE}file/{body['second_doc'].pk}/",
        f"{BASE}person/{body['guest'].pk}/",
        f"{BASE}organization/{body['board'].pk}/",
        f"{BASE}agendaItem/{items[0].pk}/",
        f"{BASE}meeting/{body['alone'].pk}/",
        f"{BASE}agendaItem/{body['alone_doc'].agenda_item_id}/",
        f"{BASE}file/{body['alone_doc'].pk}/",
        f"{BASE}location/{body['alone'].venue_id}/",
    }
    since = timezone.now()

    # Changes that reach objects embedded in others.
    items[1].resolution = "Der Ausschuss beschließt die Ausweitung auf alle Stadtteile."
    items[1].save()
    chair = Membership.objects.get(member=members[0])
    end_membership(chair, datetime.date(2026, 12, 31), koordination)
    members[1].faction = "Grüne"  # leaves the SPD faction
    members[1].save()
    # The room's address as corrected at one meeting: every meeting there shows it.
    body["second"].address = "Hauptstraße 1/1, 73033 Göppingen"
    body["second"].save()
    # Deletions.
    delete_document(body["item_doc"], koordination)
    delete_agenda_item(body["second_item"], koordination)
    body["guest"].delete()
    body["board"].delete()
    Membership.objects.get(member=body["former"]).delete()
    # Depublications: an item, and a whole meeting with its room.
    items[0].is_public = False
    items[0].save()
    body["alone"].is_public = False
    body["alone"].save()

    received = importer.sync(since)
    fresh = Importer(client).full_import()
    assert importer.objects == fresh.objects

    assert gone <= live_before
    assert gone <= importer.deleted()
    # Also gone: Kemal Arslan's SPD faction membership, Frieda Früher's committee and faction
    # memberships, and the SPD faction, left without members.
    others = importer.deleted() - gone
    assert sorted(importer.objects[url]["type"].rsplit("/", 1)[1] for url in others) == [
        "Membership",
        "Membership",
        "Membership",
        "Organization",
    ]
    # Unchanged objects are not sent again.
    assert f"{BASE}legislativeTerm/{items[0].meeting.term_id}/" not in received
    assert f"{BASE}person/{members[3].pk}/" not in received


def test_parents_show_changes_of_the_objects_they_embed(client, body, items, members, koordination):
    """An importer that reads only meetings and persons (as OParl 1.0 importers do) gets the
    changed agenda item and the ended membership inside them."""
    importer = Importer(client).full_import(["meeting", "person"])
    since = timezone.now()
    items[1].result = AgendaItem.Result.REJECTED
    items[1].save()
    chair = Membership.objects.get(member=members[0])
    end_membership(chair, datetime.date(2026, 12, 31), koordination)
    delete_agenda_item(body["second_item"], koordination)

    received = importer.sync(since, ["meeting", "person"])
    meeting = importer.objects[f"{BASE}meeting/{items[1].meeting_id}/"]
    assert meeting["id"] in received
    embedded = {item["id"]: item for item in meeting["agendaItem"]}
    assert embedded[f"{BASE}agendaItem/{items[1].pk}/"]["result"] == "abgelehnt"
    person = importer.objects[f"{BASE}person/{members[0].pk}/"]
    assert person["membership"][0]["endDate"] == "2026-12-31"
    second = importer.objects[f"{BASE}meeting/{body['second'].pk}/"]
    assert second["id"] in received
    assert "agendaItem" not in second


def test_a_meeting_published_again_comes_back_with_its_items_and_files(client, body):
    alone = body["alone"]
    alone.is_public = False
    alone.save()
    importer = Importer(client).full_import()
    assert f"{BASE}meeting/{alone.pk}/" in importer.deleted()
    since = timezone.now()

    alone.is_public = True
    alone.save()

    importer.sync(since)
    assert importer.objects == Importer(client).full_import().objects
    assert {
        f"{BASE}meeting/{alone.pk}/",
        f"{BASE}file/{body['alone_doc'].pk}/",
        f"{BASE}agendaItem/{body['alone_doc'].agenda_item_id}/",
        f"{BASE}location/{alone.venue_id}/",
    } <= set(importer.live())
    assert not importer.deleted()


def test_a_deleted_object_stays_at_its_url_as_deleted(client, body):
    url = f"{BASE}person/{body['guest'].pk}/"
    created = client.get(url).json()["created"]
    body["guest"].delete()
    response = client.get(url)
    assert response.status_code == 200
    data = response.json()
    assert data == {
        "id": url,
        "type": "https://schema.oparl.org/1.1/Person",
        "created": created,
        "modified": data["modified"],
        "deleted": True,
    }
    assert data["modified"] >= created


def test_reordering_the_agenda_reaches_the_importer(client, body, items, koordination):
    """Moving and renumbering items writes them in bulk, past the model signals."""
    lists = ["meeting", "agendaItem"]
    importer = Importer(client).full_import(lists)
    for change in (
        lambda: move_agenda_item(items[2], "up", koordination),
        lambda: renumber_agenda(items[0].meeting, koordination),
    ):
        since = timezone.now()
        change()
        received = importer.sync(since, lists)
        assert f"{BASE}meeting/{items[0].meeting_id}/" in received
        assert importer.objects == Importer(client).full_import(lists).objects


def test_a_membership_moved_to_another_committee_changes_both(client, body, members, committee):
    lists = ["organization", "person", "membership"]
    importer = Importer(client).full_import(lists)
    since = timezone.now()
    membership = Membership.objects.get(member=members[3])
    membership.committee = body["board"]
    membership.save()
    received = importer.sync(since, lists)
    assert {
        f"{BASE}organization/{membership.committee_id}/",
        f"{BASE}organization/{committee.pk}/",
        f"{BASE}person/{members[3].pk}/",
    } <= set(received)
    assert importer.objects == Importer(client).full_import(lists).objects
