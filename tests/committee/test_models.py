import datetime

import pytest
from django.core.exceptions import ValidationError

from committee.models import AgendaItem, FollowUp, LegislativeTerm, Member, Membership

from .conftest import TERM_START, add_member

pytestmark = pytest.mark.django_db


def membership(committee, member, **fields):
    return Membership(committee=committee, member=member, **{"start": TERM_START, **fields})


def test_a_member_cannot_hold_the_same_role_twice_in_overlapping_periods(committee, members):
    second = membership(committee, members[2], start=datetime.date(2025, 1, 1))
    with pytest.raises(
        ValidationError, match="hat diese Rolle im Ausschuss in diesem Zeitraum bereits inne"
    ):
        second.full_clean()


def test_the_same_role_may_follow_after_the_first_ended(committee, members):
    first = members[2].memberships.get()
    first.end = datetime.date(2024, 12, 31)
    first.save()
    membership(committee, members[2], start=datetime.date(2025, 1, 1)).full_clean()


def test_only_one_chair_at_a_time(committee, members):
    rival = add_member(committee, "Rita", "Rival", role="member")
    with pytest.raises(ValidationError, match="Eine andere Person hat die Rolle Vorsitz"):
        membership(committee, rival, role="chair", start=datetime.date(2025, 5, 1)).full_clean()


def test_a_deputy_names_the_member_they_stand_in_for(committee, members):
    deputy = add_member(committee, "Bernd", "Kühn", role="member", start=datetime.date(2020, 1, 1))
    deputy.memberships.update(end=datetime.date(2021, 1, 1))
    with pytest.raises(ValidationError) as error:
        membership(committee, deputy, role="deputy").full_clean()
    assert "deputy_for" in error.value.message_dict
    membership(committee, deputy, role="deputy", deputy_for=members[0]).full_clean()


def test_current_members_derive_from_dates(committee, members):
    former = add_member(committee, "Gerhard", "Ilg", start=datetime.date(2019, 7, 24))
    former.memberships.update(end=datetime.date(2024, 7, 23))
    current = Membership.objects.current(on=datetime.date(2025, 1, 1))
    assert former.pk not in current.values_list("member_id", flat=True)
    earlier = Membership.objects.current(on=datetime.date(2020, 1, 1))
    assert list(earlier.values_list("member_id", flat=True)) == [former.pk]


def test_the_term_of_a_date(term):
    old = LegislativeTerm.objects.create(
        name="2019–2024", start=datetime.date(2019, 7, 24), end=datetime.date(2024, 7, 23)
    )
    assert LegislativeTerm.for_date(datetime.date(2023, 3, 1)) == old
    assert LegislativeTerm.for_date(datetime.date(2026, 3, 1)) == term
    assert LegislativeTerm.for_date(datetime.date(2010, 1, 1)) is None


@pytest.mark.parametrize("number", ["1", "2.1", "10.2.3"])
def test_item_numbers_like_1_and_1_1_are_accepted(meeting, number):
    AgendaItem(meeting=meeting, number=number, title="Bericht").full_clean()


@pytest.mark.parametrize("number", ["A", "1.", "1..2", "TOP 1"])
def test_other_item_numbers_are_refused(meeting, number):
    with pytest.raises(ValidationError) as error:
        AgendaItem(meeting=meeting, number=number, title="Bericht").full_clean()
    assert "number" in error.value.message_dict


def test_a_duplicate_item_number_is_refused(items):
    with pytest.raises(
        ValidationError, match="hat bereits einen Tagesordnungspunkt mit dieser Nummer"
    ):
        AgendaItem(meeting=items[0].meeting, number="1", title="Doppelt").full_clean()


def test_a_unanimous_vote_has_no_votes_against(meeting):
    item = AgendaItem(meeting=meeting, number="3", title="B", unanimous=True, votes_no=2)
    with pytest.raises(ValidationError):
        item.full_clean()


@pytest.mark.parametrize(
    ("abstentions", "text"),
    [
        (0, "10 Ja, 1 Nein, 0 Enthaltungen"),
        (1, "10 Ja, 1 Nein, 1 Enthaltung"),
        (2, "10 Ja, 1 Nein, 2 Enthaltungen"),
    ],
)
def test_the_vote_says_one_abstention_in_the_singular(meeting, abstentions, text):
    item = AgendaItem(meeting=meeting, votes_yes=10, votes_no=1, votes_abstain=abstentions)
    assert item.vote_text == text


def test_follow_ups_are_overdue_after_their_due_date_until_done(items, actor):
    today = datetime.date.today()
    follow_up = FollowUp(
        agenda_item=items[0], text="Bericht", owner_actor=actor, due_date=today.replace(year=2020)
    )
    assert follow_up.is_overdue
    follow_up.done_on = today
    assert not follow_up.is_overdue


def test_a_follow_up_has_exactly_one_owner(items, actor, koordination):
    with pytest.raises(ValidationError):
        FollowUp(agenda_item=items[0], text="x").full_clean()
    with pytest.raises(ValidationError):
        FollowUp(
            agenda_item=items[0], text="x", owner_actor=actor, owner_user=koordination
        ).full_clean()


def test_overdue_follow_ups_come_first(items, actor):
    def add(text, due, done=None):
        return FollowUp.objects.create(
            agenda_item=items[0], text=text, owner_actor=actor, due_date=due, done_on=done
        )

    add("erledigt", datetime.date(2020, 1, 1), done=datetime.date(2020, 2, 1))
    add("offen", datetime.date(2099, 1, 1))
    add("überfällig", datetime.date(2021, 1, 1))
    order = [f.text for f in FollowUp.objects.overdue_first()]
    assert order == ["überfällig", "offen", "erledigt"]


@pytest.mark.parametrize(
    ("kind", "salutation", "title"),
    [
        ("councillor", "ms", "Stadträtin"),
        ("councillor", "mr", "Stadtrat"),
        ("councillor", "", "Stadträtin/Stadtrat"),
        ("citizen_expert", "ms", "sachkundige Einwohnerin"),
        ("citizen_expert", "mr", "sachkundiger Einwohner"),
        ("advisory", "ms", "beratendes Mitglied"),
    ],
)
def test_the_kind_takes_the_form_of_the_members_salutation(committee, kind, salutation, title):
    member = Member(first_name="Kim", last_name="Berger", salutation=salutation)
    assert str(Membership(committee=committee, member=member, kind=kind).kind_title) == title
