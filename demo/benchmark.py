"""Query counts and response times of the staff pages, for `manage.py benchmark_pages`."""

import time

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connection
from django.db.models import Count
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings
from django.urls import reverse

from committee.models import Meeting
from core.roles import KOORDINATION
from measures.models import Measure, MonitoringRound, Plan
from network.models import Actor, ContactPerson, Event, WorkingGroup

BENCH_USER = "benchmark-koordination"


# (URL name, model whose busiest row is used for the pk, or None for a page without one)
PAGES = [
    ("dashboard", None),
    ("measures:list", None),
    ("measures:detail", "measure"),
    ("measures:edit", "measure"),
    ("measures:report", "measure"),
    ("network:actor_list", None),
    ("network:actor_detail", "actor"),
    ("network:contact_list", None),
    ("network:contact_detail", "contact"),
    ("network:group_list", None),
    ("network:group_detail", "group"),
    ("network:event_list", None),
    ("network:event_detail", "event"),
    ("committee:overview", None),
    ("committee:meeting_list", None),
    ("committee:meeting_detail", "meeting"),
    ("committee:agenda", "meeting"),
    ("committee:member_list", None),
    ("committee:follow_up_list", None),
    ("monitoring:round_list", None),
    ("monitoring:round_detail", "round"),
    ("reports", None),
    ("reports:archive_list", None),
]


def busiest_objects():
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
    }


def page_urls():
    objects = busiest_objects()
    urls = []
    for name, kind in PAGES:
        if kind is None:
            urls.append(reverse(name))
        elif objects[kind] is not None:
            urls.append(reverse(name, args=[objects[kind].pk]))
    return urls


def measure_pages(repeat=5):
    """Yield (url, status, queries, median milliseconds) for every staff page."""
    user, _created = get_user_model().objects.get_or_create(username=BENCH_USER)
    user.groups.add(Group.objects.get(name=KOORDINATION))
    client = Client()
    client.force_login(user)
    with override_settings(ALLOWED_HOSTS=["testserver"], DEBUG=False):
        for url in page_urls():
            timings = []
            for _ in range(repeat):
                with CaptureQueriesContext(connection) as queries:
                    started = time.perf_counter()
                    response = client.get(url)
                    timings.append((time.perf_counter() - started) * 1000)
            timings.sort()
            yield url, response.status_code, len(queries), timings[len(timings) // 2]
    user.delete()
