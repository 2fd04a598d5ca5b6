"""Every list and export survives whatever a visitor puts into its query string.

A filter value that cannot be used is a form error or ignored, never a server error.
"""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from committee.filters import FollowUpFilter, MeetingFilter, MemberFilter
from committee.models import Meeting
from measures.filters import MeasureFilter
from measures.models import Offer, Project
from measures.monitoring.filters import RoundFilter
from measures.offers.filters import OfferFilter
from measures.projects.project_filters import ProjectFilter
from measures.reports.filters import ArchiveFilter
from network.filters import ActorFilter, ContactFilter, EventFilter, WorkingGroupFilter
from network.models import Event

GARBAGE = [
    "-1",
    "0",
    "99999999999",
    "1e308",
    "abc",
    "2026-13-45",
    "' OR 1=1 --",
    "\x00",
    "x" * 5000,
    ["1", "2"],
]

SORT_AND_PAGE = {
    "o": [*GARBAGE, "-nonexistent", "title,-title"],
    "ordering": [*GARBAGE, "-nonexistent"],
    "sort": GARBAGE,
    "page": ["abc", "-5", "0", "999999", "last", "1.5"],
}

# (URL name, FilterSet the page and its export use)
LISTS = [
    ("measures:list", MeasureFilter),
    ("network:actor_list", ActorFilter),
    ("network:contact_list", ContactFilter),
    ("network:group_list", WorkingGroupFilter),
    ("network:event_list", EventFilter),
    ("committee:meeting_list", MeetingFilter),
    ("committee:member_list", MemberFilter),
    ("committee:follow_up_list", FollowUpFilter),
    ("monitoring:round_list", RoundFilter),
    ("reports:archive_list", ArchiveFilter),
    ("projects:list", ProjectFilter),
    ("offers:list", OfferFilter),
]
EXPORTS = [
    ("measures:export", MeasureFilter),
    ("network:actor_export", ActorFilter),
    ("network:contact_export", ContactFilter),
    ("network:group_export", WorkingGroupFilter),
    ("network:event_export", EventFilter),
    ("committee:meeting_export", MeetingFilter),
    ("committee:member_export", MemberFilter),
    ("committee:follow_up_export", FollowUpFilter),
    ("projects:export", ProjectFilter),
    ("offers:export", OfferFilter),
]


def urls():
    for name, filterset_class in LISTS:
        yield name, {}, filterset_class
    for name, filterset_class in EXPORTS:
        for file_format in ("csv", "xlsx"):
            yield name, {"file_format": file_format}, filterset_class


def requests():
    """(URL name, URL kwargs, parameter, value) for every parameter and garbage value."""
    for name, kwargs, filterset_class in urls():
        for parameter in filterset_class.base_filters:
            for value in GARBAGE:
                yield name, kwargs, parameter, value
        for parameter, values in SORT_AND_PAGE.items():
            for value in values:
                yield name, kwargs, parameter, value


@pytest.fixture
def records(measure, committee_setup):
    """One row in every list, so that filters and sorting really run against data."""
    start = timezone.make_aware(datetime.datetime(2026, 3, 5, 10, 0))
    Event.objects.create(title="Kick-off", start=start)
    Meeting.objects.create(committee=committee_setup, number=3, start=start)
    Project.objects.create(title="Sprachcafé", start=start.date())
    Offer.objects.create(
        provider=measure.lead_actor, category="language", title="Deutschkurs", description="x"
    )


@pytest.fixture
def committee_setup(db):
    from committee.models import Committee

    return Committee.objects.create(name="Integrationsausschuss", short_name="IA")


@pytest.mark.django_db
def test_garbage_in_the_query_string_never_gives_a_server_error(client, koordination, records):
    client.force_login(koordination)
    client.raise_request_exception = False
    failures = []
    for name, kwargs, parameter, value in requests():
        response = client.get(reverse(name, kwargs=kwargs), {parameter: value})
        if response.status_code >= 500:
            failures.append(f"{name} ?{parameter}={str(value)[:30]!r}: {response.status_code}")
    assert not failures, "\n".join(failures)


@pytest.mark.django_db
def test_a_year_out_of_range_is_a_form_error_on_events_and_meetings(client, koordination, records):
    client.force_login(koordination)
    for name in ("network:event_list", "committee:meeting_list"):
        response = client.get(reverse(name), {"year": "99999999999"})
        assert response.status_code == 200
        assert "year" in response.context["filter"].errors
