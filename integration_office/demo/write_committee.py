"""Writes the Integrationsausschuss with its members, meetings and agenda items."""

import datetime
from zoneinfo import ZoneInfo

from django.conf import settings

from committee.models import AgendaItem, Committee, Meeting, Member, Membership

from .content_committee import COMMITTEE, LOCATION, MEETINGS, MEMBERS, TERM_START
from .helpers import bulk, day, email_address, link

MEETING_START = datetime.time(17, 0)
MEETING_LENGTH = datetime.timedelta(hours=2, minutes=15)


def load_committee(measures):
    """Create the committee; `measures` maps code to measure for the agenda items."""
    committee = Committee.objects.create(**COMMITTEE)
    members = bulk(
        Member,
        [
            Member(
                title=title,
                first_name=first_name,
                last_name=last_name,
                email=email_address(first_name, last_name, "example.org"),
                faction=faction,
            )
            for title, first_name, last_name, faction, *_rest in MEMBERS
        ],
    )
    bulk(
        Membership,
        [
            Membership(
                committee=committee,
                member=member,
                role=role,
                kind=kind,
                start=day(term[0] if term else TERM_START),
                end=day(term[1]) if term else None,
            )
            for member, (*_names, role, kind, term) in zip(members, MEMBERS, strict=True)
        ],
    )
    _load_meetings(committee, measures)


def _load_meetings(committee, measures):
    tz = ZoneInfo(settings.TIME_ZONE)
    meetings = []
    for spec in MEETINGS:
        start = datetime.datetime.combine(day(spec["date"]), MEETING_START, tzinfo=tz)
        held = spec["state"] == Meeting.State.HELD
        meetings.append(
            Meeting(
                committee=committee,
                number=spec["number"],
                start=start,
                end=start + MEETING_LENGTH if held else None,
                location=LOCATION,
                state=spec["state"],
            )
        )
    meetings = bulk(Meeting, meetings)
    items, codes = [], []
    for meeting, spec in zip(meetings, MEETINGS, strict=True):
        for order, item in enumerate(spec["items"], start=1):
            number, title, kind, is_public, item_codes, minutes, resolution, votes = item
            items.append(
                AgendaItem(
                    meeting=meeting,
                    number=number,
                    order=order,
                    title=title,
                    kind=kind,
                    is_public=is_public,
                    minutes=minutes,
                    resolution=resolution,
                    **_votes(votes),
                )
            )
            codes.append(item_codes)
    items = bulk(AgendaItem, items)
    link(
        AgendaItem._meta.get_field("measures"),
        [
            (item.pk, measures[code].pk)
            for item, item_codes in zip(items, codes, strict=True)
            for code in item_codes
        ],
    )


def _votes(votes):
    if votes is None:
        return {}
    if votes[0] == "unanimous":
        return {"votes_yes": votes[1], "votes_no": 0, "votes_abstain": 0, "unanimous": True}
    yes, no, abstain = votes
    return {"votes_yes": yes, "votes_no": no, "votes_abstain": abstain}
