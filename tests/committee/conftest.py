import datetime

import pytest
from django.utils import timezone

from committee.models import (
    AgendaItem,
    Attendance,
    Committee,
    LegislativeTerm,
    Meeting,
    Member,
    Membership,
)
from committee.records import finalise_minutes

TERM_START = datetime.date(2024, 7, 24)


def aware(*args):
    return timezone.make_aware(datetime.datetime(*args))


@pytest.fixture
def committee(db):
    return Committee.objects.create(
        name="Integrationsausschuss", short_name="IA", contact_email="ia@example.org"
    )


@pytest.fixture
def term(db):
    return LegislativeTerm.objects.create(name="Wahlperiode 2024–2029", start=TERM_START)


def add_member(committee, first_name, last_name, role="member", email=True, **extra):
    member = Member.objects.create(
        first_name=first_name,
        last_name=last_name,
        email=f"{first_name.lower()}@example.org" if email else "",
        faction=extra.pop("faction", "Grüne"),
    )
    Membership.objects.create(
        committee=committee, member=member, role=role, start=extra.pop("start", TERM_START), **extra
    )
    return member


@pytest.fixture
def members(committee):
    return [
        add_member(committee, "Ulrike", "Bosch", role="chair", faction="CDU"),
        add_member(committee, "Kemal", "Arslan", role="vice_chair", faction="SPD"),
        add_member(committee, "Sevgi", "Yılmaz", kind="citizen_expert", faction="Brücke e. V."),
        add_member(committee, "Otto", "Ohnemail", email=False),
    ]


@pytest.fixture
def meeting(committee, term):
    return Meeting.objects.create(
        committee=committee,
        term=term,
        number=5,
        start=aware(2026, 12, 9, 17, 0),
        end=aware(2026, 12, 9, 19, 15),
        location="Rathaus Göppingen",
        room="Großer Sitzungssaal",
        address="Hauptstraße 1, 73033 Göppingen",
    )


@pytest.fixture
def items(meeting, measure):
    public = AgendaItem.objects.create(
        meeting=meeting, number="1", order=1, title="Bericht Mama lernt Deutsch", kind="information"
    )
    public.measures.add(measure)
    sub = AgendaItem.objects.create(
        meeting=meeting, number="1.1", order=2, title="Ausweitung auf Stadtteile", kind="resolution"
    )
    closed = AgendaItem.objects.create(
        meeting=meeting,
        number="2",
        order=3,
        title="Geheime Zuschussanträge",
        kind="resolution",
        is_public=False,
        minutes="Vertrauliche Beratung über Verein X.",
        resolution="Zuschuss für Verein X bewilligt.",
    )
    return [public, sub, closed]


@pytest.fixture
def held_meeting(meeting, items, members):
    # A meeting is marked held only from its day on: this one took place two weeks earlier.
    meeting.start, meeting.end = aware(2026, 11, 25, 17, 0), aware(2026, 11, 25, 19, 15)
    meeting.state = Meeting.State.HELD
    meeting.guests = "Frau Dr. Gast (VHS)"
    meeting.save()
    items[0].minutes = "Die VHS berichtet über zwei Kurse."
    items[1].resolution = "Der Ausschuss empfiehlt die Ausweitung."
    items[1].votes_yes, items[1].votes_no, items[1].votes_abstain = 9, 2, 1
    items[1].result = "adopted"
    for item in items[:2]:
        item.save()
    return meeting


@pytest.fixture
def attended(held_meeting, members):
    """Two members present, one excused, one absent."""
    Attendance.objects.create(meeting=held_meeting, member=members[0], state="present")
    Attendance.objects.create(
        meeting=held_meeting, member=members[1], state="present", remark="ab TOP 2"
    )
    Attendance.objects.create(meeting=held_meeting, member=members[2], state="excused")
    Attendance.objects.create(meeting=held_meeting, member=members[3], state="absent")
    return held_meeting


@pytest.fixture
def finalised_meeting(
    attended, koordination, settings, tmp_path, django_capture_on_commit_callbacks
):
    """The held meeting with its minutes finalised (and archived by the worker, here at once
    after the commit) by Koordination."""
    settings.MEDIA_ROOT = tmp_path / "media"
    # The vote as it fits the two members present: 2 yes.
    AgendaItem.objects.filter(meeting=attended, number="1.1").update(
        votes_yes=2, votes_no=0, votes_abstain=0
    )
    with django_capture_on_commit_callbacks(execute=True):
        finalise_minutes(attended, koordination)
    attended.refresh_from_db()
    return attended
