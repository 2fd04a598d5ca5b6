import datetime

import pytest
from django.urls import reverse

from committee.models import AgendaItem, FollowUp, Meeting, Member, Membership
from tests.concurrency import (
    assert_parallel_saves_never_both_win,
    assert_second_save_is_refused,
    parallel_database,
)


def follow_up(request):
    item = request.getfixturevalue("items")[0]
    owner = request.getfixturevalue("actor")
    return FollowUp.objects.create(agenda_item=item, text="Bericht", owner_actor=owner)


def membership(request):
    return request.getfixturevalue("members")[0].memberships.get()


# (record, edit URL name, model, a text field staff edit)
RECORDS = [
    (lambda request: request.getfixturevalue("meeting"), "committee:meeting_edit", Meeting, "room"),
    (
        lambda request: request.getfixturevalue("items")[0],
        "committee:item_edit",
        AgendaItem,
        "title",
    ),
    (
        lambda request: request.getfixturevalue("members")[0],
        "committee:member_edit",
        Member,
        "faction",
    ),
    (membership, "committee:membership_edit", Membership, "end"),
    (follow_up, "committee:follow_up_edit", FollowUp, "text"),
]
IDS = ["meeting", "agenda item", "member", "membership", "follow-up"]


@pytest.mark.parametrize(("record", "url_name", "model", "field"), RECORDS, ids=IDS)
def test_a_second_save_is_refused(client, sachbearbeitung, request, record, url_name, model, field):
    pk = record(request).pk
    client.force_login(sachbearbeitung)
    values, shown = ("Erste Fassung", "Zweite Fassung"), None
    if field == "end":
        values, shown = ("2030-01-31", "2030-02-28"), ("31.01.2030", "28.02.2030")
    assert_second_save_is_refused(
        client,
        reverse(url_name, args=[pk]),
        field,
        *values,
        lambda: str(getattr(model.objects.get(pk=pk), field)),
        shown=shown,
    )


@parallel_database
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(("record", "url_name", "model", "field"), RECORDS, ids=IDS)
def test_two_saves_at_the_same_moment_never_both_win(
    sachbearbeitung, request, record, url_name, model, field
):
    pk = record(request).pk
    assert_parallel_saves_never_both_win(
        sachbearbeitung,
        reverse(url_name, args=[pk]),
        field,
        end_dates if field == "end" else "Fassung",
        lambda: str(getattr(model.objects.get(pk=pk), field)),
    )


def end_dates(race):
    first = datetime.date(2030, 1, 1) + datetime.timedelta(days=2 * race)
    return [first.isoformat(), (first + datetime.timedelta(days=1)).isoformat()]
