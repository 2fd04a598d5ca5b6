"""Query counts and response times of the staff pages, for `manage.py benchmark_pages`."""

import time

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings
from django.urls import reverse

from committee.models import Meeting
from integration_office.roles import KOORDINATION
from measures.models import Measure, Plan
from network.models import Actor

BENCH_USER = "benchmark-koordination"


def page_urls():
    """One URL per staff page, using the busiest objects so that the numbers are worst cases."""
    plan = Plan.current()
    measure = Measure.objects.filter(plan=plan).order_by("-status_reports__reporting_date").first()
    actor = Actor.objects.order_by("pk").first()
    meeting = Meeting.objects.order_by("-start").first()
    urls = [
        reverse("dashboard"),
        reverse("measures:list"),
        reverse("measures:list") + "?ordering=-progress&page=2",
        reverse("network:actor_list"),
        reverse("committee:meeting_list"),
    ]
    if measure:
        urls += [
            reverse("measures:detail", args=[measure.pk]),
            reverse("measures:edit", args=[measure.pk]),
            reverse("measures:report", args=[measure.pk]),
        ]
    if actor:
        urls.append(reverse("network:actor_detail", args=[actor.pk]))
    if meeting:
        urls.append(reverse("committee:meeting_detail", args=[meeting.pk]))
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
