"""Every committee page renders with data and keeps its query count as the data grows."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from committee.models import AgendaItem, Attendance, FollowUp, Meeting
from core.caching import forget_everything
from measures.models import StatusReport

from .conftest import add_member, aware

pytestmark = pytest.mark.django_db
# Rendered in full; the meeting page needs 16 then (one reads the data version of the HTML
# cache) and 8 from the cache.
MAX_QUERIES = 16


def grow(meeting, measure, actor, count, start):
    """Add `count` members, meetings, items with measures, reports, follow-ups, attendance."""
    committee = meeting.committee
    for index in range(start, start + count):
        member = add_member(committee, f"Vorname{index}", f"Nachname{index}")
        other = Meeting.objects.create(
            committee=committee,
            term=meeting.term,
            number=100 + index,
            start=aware(2025, 1 + index % 12, 1 + index % 27, 17, 0),
        )
        for target in (meeting, other):
            item = AgendaItem.objects.create(
                meeting=target, number=str(50 + index), order=50 + index, title=f"Punkt {index}"
            )
            item.measures.add(measure)
            report = StatusReport.objects.create(
                measure=measure,
                reporting_date=datetime.date(2025, 1, 1),
                status="planned",
                progress=0,
                text="-",
            )
            item.status_reports.add(report)
            FollowUp.objects.create(
                agenda_item=item,
                text=f"Auftrag {index}",
                owner_actor=actor,
                due_date=datetime.date(2024, 1, 1),
            )
            Attendance.objects.create(meeting=target, member=member, state="present")


def page_urls(meeting, items, members):
    item = items[0]
    membership = members[0].memberships.get()
    return [
        reverse("committee:overview"),
        reverse("committee:meeting_list"),
        reverse("committee:meeting_detail", args=[meeting.pk]),
        reverse("committee:meeting_edit", args=[meeting.pk]),
        reverse("committee:agenda", args=[meeting.pk]),
        reverse("committee:attendance", args=[meeting.pk]),
        reverse("committee:invitation", args=[meeting.pk]),
        reverse("committee:item_edit", args=[item.pk]),
        reverse("committee:follow_up_create", args=[item.pk]),
        reverse("committee:member_list"),
        reverse("committee:member_detail", args=[members[0].pk]),
        reverse("committee:member_edit", args=[members[0].pk]),
        reverse("committee:member_delete", args=[members[0].pk]),
        reverse("committee:membership_edit", args=[membership.pk]),
        reverse("committee:membership_end", args=[membership.pk]),
        reverse("committee:follow_up_list"),
        reverse("committee:meeting_ics", args=[meeting.pk]),
        reverse("committee:staff_feed"),
        reverse("committee:public_feed"),
    ]


def count(client, url):
    forget_everything()  # the page rendered in full, not from the HTML cache
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def test_every_page_keeps_its_query_count_as_data_grows(
    client, koordination, meeting, items, members, measure, actor
):
    client.force_login(koordination)
    urls = page_urls(meeting, items, members)
    grow(meeting, measure, actor, 2, start=0)
    for url in urls:
        count(client, url)  # warm up caches shared between requests
    small = {url: count(client, url) for url in urls}

    grow(meeting, measure, actor, 12, start=2)

    large = {url: count(client, url) for url in urls}
    assert large == small
    assert max(small.values()) <= MAX_QUERIES, small
