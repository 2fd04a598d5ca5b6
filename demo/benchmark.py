"""Query counts and response times of the staff pages, for `manage.py benchmark_pages`.

Every page is requested in turn, round after round (interleaved), so that a busy moment of the
machine touches all pages alike; the figures are the medians. Each page is compared with the
floor, `benchmark_floor` (the layout with a heading, for the same user), and with the admin's
list of measures. Each page is measured twice per round: as the first load after a save
(nothing in the cache, core.caching) and as every further load (from the cache).
"""

import statistics
import time
from collections.abc import Iterator
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connection
from django.db.models import Count
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings
from django.urls import reverse

from committee.models import Meeting
from core import caching
from core.roles import KOORDINATION
from measures.models import Area, CityIndicator, Measure, MonitoringRound, Plan
from network.models import Actor, ContactPerson, Event, WorkingGroup

BENCH_USER = "benchmark-koordination"
FLOOR = "benchmark_floor"
ADMIN_LIST = "admin:measures_measure_changelist"

# (URL name, model whose busiest row is used for the pk or None, target: at most this many times
# the floor, or None). The targets are those of issue 16.
PAGES = [
    (FLOOR, None, None),
    ("dashboard", None, 5),
    ("measures:list", None, 5),
    ("measures:detail", "measure", 3),
    ("measures:edit", "measure", 5),
    ("measures:report", "measure", None),
    ("network:actor_list", None, 5),
    ("network:actor_detail", "actor", None),
    ("network:contact_list", None, 5),
    ("network:contact_detail", "contact", None),
    ("network:group_list", None, None),
    ("network:group_detail", "group", None),
    ("network:event_list", None, None),
    ("network:event_detail", "event", None),
    ("committee:overview", None, None),
    ("committee:meeting_list", None, None),
    ("committee:meeting_detail", "meeting", 3),
    ("committee:agenda", "meeting", None),
    ("committee:member_list", None, None),
    ("committee:follow_up_list", None, None),
    ("monitoring:round_list", None, None),
    ("monitoring:round_detail", "round", None),
    ("indicators:overview", None, None),
    ("indicators:detail", "city_indicator", None),
    ("indicators:area_detail", "district", None),
    ("indicators:segregation", None, None),
    ("reports", None, None),
    ("reports:archive_list", None, None),
    (ADMIN_LIST, None, None),
]


@dataclass
class PageFigures:
    name: str
    url: str
    target: int | None
    status: int = 0
    queries: int = 0
    cold_queries: int = 0  # right after a save: nothing of the page in the cache
    timings: list[float] = field(default_factory=list)
    cold_timings: list[float] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.timings or [0.0])

    @property
    def cold_median(self) -> float:
        return statistics.median(self.cold_timings or [0.0])


def busiest_objects() -> dict:
    """The objects with the most related rows, so that the figures are worst cases."""
    return {
        "measure": Measure.objects.filter(plan=Plan.current())
        .annotate(reports=Count("status_reports"))
        .order_by("-reports")
        .first(),
        "actor": Actor.objects.annotate(n=Count("led_measures")).order_by("-n").first(),
        "contact": ContactPerson.objects.order_by("pk").first(),
        "group": WorkingGroup.objects.order_by("pk").first(),
        "event": Event.objects.annotate(n=Count("participants")).order_by("-n").first(),
        "meeting": Meeting.objects.annotate(n=Count("agenda_items")).order_by("-n").first(),
        "round": MonitoringRound.objects.annotate(n=Count("requests")).order_by("-n").first(),
        "city_indicator": CityIndicator.objects.annotate(n=Count("values")).order_by("-n").first(),
        "district": Area.objects.filter(kind=Area.Kind.DISTRICT)
        .annotate(n=Count("values"))
        .order_by("-n")
        .first(),
    }


def pages() -> list[PageFigures]:
    objects = busiest_objects()
    found = []
    for name, kind, target in PAGES:
        if kind is None:
            found.append(PageFigures(name, reverse(name), target))
        elif objects[kind] is not None:
            found.append(PageFigures(name, reverse(name, args=[objects[kind].pk]), target))
    return found


def bench_user():
    """A Koordination account with access to the admin, as the office's coordinators have."""
    user, _created = get_user_model().objects.update_or_create(
        username=BENCH_USER, defaults={"is_staff": True}
    )
    user.groups.add(Group.objects.get(name=KOORDINATION))
    return user


def timed(client: Client, url: str) -> float:
    started = time.perf_counter()
    client.get(url)
    return (time.perf_counter() - started) * 1000


def measure_pages(rounds: int = 15) -> Iterator[PageFigures]:
    """Request every page once per round as after a save (caches emptied) and once more (from
    the caches), after one round to warm up; yield each page's status, queries and timings
    (milliseconds)."""
    user = bench_user()
    client = Client()
    client.force_login(user)
    measured = pages()
    try:
        with override_settings(ALLOWED_HOSTS=["testserver"], DEBUG=False):
            for page in measured:  # templates compiled
                page.status = client.get(page.url).status_code
                caching.forget_everything()
                with CaptureQueriesContext(connection) as queries:
                    client.get(page.url)
                page.cold_queries = len(queries)
                with CaptureQueriesContext(connection) as queries:
                    client.get(page.url)
                page.queries = len(queries)
            for _ in range(rounds):
                for page in measured:
                    caching.forget_everything()
                    page.cold_timings.append(timed(client, page.url))
                    page.timings.append(timed(client, page.url))
        yield from measured
    finally:
        user.delete()
