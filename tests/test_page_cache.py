"""Cached HTML (filter panels, lists, the dashboard, a measure's page) never hides a change: a save
shows on the next page load, in the process that saved at once and in every other one after the
commit (core.caching)."""

import socket
from unittest.mock import patch

import pytest
from django.core.cache import CacheHandler, caches
from django.core.exceptions import ImproperlyConfigured
from django.db import connection
from django.test.utils import CaptureQueriesContext, override_settings
from django.urls import reverse

from core import caching
from core.roles import LESEZUGRIFF
from measures.models import Measure
from network.models import Actor
from tests.concurrency import form_data
from tests.factories import add_measures
from tests.test_measure_edit import form_data as measure_form_data


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def query_count(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def cached_pages(measure):
    """Pages that show the measure's title, each with cached parts."""
    return [
        reverse("dashboard"),  # the latest changes
        reverse("measures:list"),
        reverse("measures:list") + "?status=in_progress&ordering=title",
        measure.get_absolute_url(),
    ]


def test_the_pages_come_from_the_cache_the_second_time(client, lesezugriff, measure):
    client.force_login(lesezugriff)
    for url in [*cached_pages(measure), reverse("network:actor_list")]:
        first = query_count(client, url)
        again = query_count(client, url)
        assert again < first, url


def test_an_edited_measure_shows_on_the_next_load_of_every_cached_page(
    client, sachbearbeitung, measure
):
    client.force_login(sachbearbeitung)
    for url in cached_pages(measure):
        page(client, url)
        assert "Mama lernt Deutsch" in page(client, url)  # now from the cache

    edit = reverse("measures:edit", args=[measure.pk])
    response = client.post(edit, measure_form_data(measure, title="Deutsch für Eltern"))
    assert response.status_code == 302

    for url in cached_pages(measure):
        assert "Deutsch für Eltern" in page(client, url), url
    # The lists name the measure by its new title only (the history keeps the old one).
    for url in cached_pages(measure)[1:3]:
        assert "Mama lernt Deutsch" not in page(client, url), url


def test_a_renamed_actor_shows_in_the_list_the_filter_and_the_measure(
    client, sachbearbeitung, measure
):
    client.force_login(sachbearbeitung)
    actor = measure.lead_actor
    filtered = f"{reverse('measures:list')}?lead_actor={actor.pk}"
    urls = [reverse("network:actor_list"), filtered, measure.get_absolute_url()]
    for url in urls:
        page(client, url)
        assert "Volkshochschule Göppingen" in page(client, url)

    edit = reverse("network:actor_edit", args=[actor.pk])
    data = form_data(client.get(edit).context["form"])
    assert client.post(edit, {**data, "name": "VHS Göppingen e. V."}).status_code == 302

    for url in urls:
        shown = page(client, url)
        assert "VHS Göppingen e. V." in shown, url
        assert "Volkshochschule Göppingen" not in shown, url


def test_a_new_status_report_shows_on_the_dashboard_and_the_measure(
    client, sachbearbeitung, measure
):
    client.force_login(sachbearbeitung)
    for url in (reverse("dashboard"), measure.get_absolute_url()):
        assert "Verzögert wegen Raummangel" not in page(client, url)
    response = client.post(
        reverse("measures:report", args=[measure.pk]),
        {
            "reporting_date": "2026-01-15",
            "status": "delayed",
            "progress": 45,
            "text": "Verzögert wegen Raummangel",
        },
    )
    assert response.status_code == 302
    assert "Verzögert wegen Raummangel" in page(client, measure.get_absolute_url())
    dashboard = page(client, reverse("dashboard"))
    assert "15.01.2026" in dashboard  # the latest reports
    assert 'status--delayed">verzögert</span></a></th>\n          <td class="number">1</td>' in (
        dashboard
    )


def test_a_deleted_actor_leaves_the_cached_list(client, koordination, measure):
    client.force_login(koordination)
    gone = Actor.objects.create(name="Aufgelöster Verein")
    url = reverse("network:actor_list")
    page(client, url)
    assert "Aufgelöster Verein</a>" in page(client, url)
    response = client.post(reverse("network:actor_delete", args=[gone.pk]))
    assert response.status_code == 302
    assert "Aufgelöster Verein</a>" not in page(client, url)  # the message names it still


def test_a_commit_in_another_process_shows_here(client, lesezugriff, measure):
    """Another worker or server changes the data and, after its commit, the shared version;
    this process's own version stays as it was."""
    client.force_login(lesezugriff)
    url = measure.get_absolute_url()
    page(client, url)
    Measure.objects.filter(pk=measure.pk).update(goal="Geändert in einem anderen Prozess")
    # No signal here: until the other process's commit replaces the shared version, the
    # cached page is what this process shows …
    assert "Geändert in einem anderen Prozess" not in page(client, url)
    caching._replace_shared_token()  # … what the other process does after its commit
    assert "Geändert in einem anderen Prozess" in page(client, url)


def test_the_shared_version_is_replaced_once_after_the_commit(sachbearbeitung, measure):
    measure.title = "Neu"
    measure.save()
    measure.partner_actors.add(measure.lead_actor)
    # Once per transaction (here the test's), however many records it wrote.
    pending = [
        func
        for _savepoints, func, _robust in connection.run_on_commit
        if func is caching._replace_shared_token
    ]
    assert len(pending) == 1
    before = caches[caching.VERSIONS].get(caching.VERSION_KEY)
    pending[0]()
    assert caches[caching.VERSIONS].get(caching.VERSION_KEY) not in (None, before)


def test_a_withdrawn_role_takes_effect_on_the_next_request(client, lesezugriff, measure):
    client.force_login(lesezugriff)
    assert client.get(measure.get_absolute_url()).status_code == 200
    lesezugriff.groups.remove(lesezugriff.groups.get(name=LESEZUGRIFF))
    assert client.get(measure.get_absolute_url()).status_code == 403
    assert client.get(reverse("dashboard")).status_code == 403


def test_each_language_has_its_own_cached_page(client, lesezugriff, measure):
    client.force_login(lesezugriff)
    assert "Maßnahmen je Status" in page(client, reverse("dashboard"))
    client.cookies["django_language"] = "en"
    assert "Measures per status" in page(client, reverse("dashboard"))


@pytest.mark.parametrize(
    "url",
    [
        lambda measure: reverse("dashboard"),
        lambda measure: reverse("measures:list"),
        lambda measure: measure.get_absolute_url(),
        lambda measure: reverse("network:actor_list"),
    ],
    ids=["dashboard", "measure list", "measure page", "actor list"],
)
def test_a_cached_page_needs_the_same_queries_at_any_size(client, lesezugriff, measure, url):
    client.force_login(lesezugriff)
    page(client, url(measure))
    small = query_count(client, url(measure))
    add_measures(measure.plan, measure.action_field, 30, start=3)
    page(client, url(measure))
    large = query_count(client, url(measure))
    # session, user, permissions (2), data version, and what the page reads outside its cache:
    # the list its plan (twice: the current one, and the filter's choice) and the count
    assert small == large <= 8


def redis_url():
    """Redis on this machine, which the load test and production with several app servers use;
    the test needs it (`redis-server`) and says so when it is not running."""
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=0.5).close()
    except OSError:
        pytest.skip("needs a Redis server at 127.0.0.1:6379 (apt-get install redis-server)")
    return "redis://127.0.0.1:6379/15"


def test_with_redis_a_save_shows_at_once_and_the_html_is_shared(client, sachbearbeitung, measure):
    from integration_office.settings import _caches

    with override_settings(CACHES=_caches(redis_url())):
        caches["default"].clear()
        client.force_login(sachbearbeitung)
        url = measure.get_absolute_url()
        caching._replace_shared_token()  # as after a commit: all processes read one version
        page(client, url)
        cached = query_count(client, url)
        # A second process: connections of its own, nothing in its memory; Redis holds the
        # version and the HTML.
        fresh = CacheHandler()
        with patch.object(caching, "caches", fresh):
            assert query_count(client, url) == cached
        edit = reverse("measures:edit", args=[measure.pk])
        response = client.post(edit, measure_form_data(measure, title="Deutsch für Eltern"))
        assert response.status_code == 302
        assert "Deutsch für Eltern" in page(client, url)
        caches["default"].clear()


def test_django_cache_url_chooses_where_html_and_versions_live():
    from integration_office.settings import _caches

    default = _caches("")
    assert default["default"]["BACKEND"].endswith(".LocMemCache")
    assert default["versions"]["BACKEND"].endswith(".DatabaseCache")  # shared by all workers
    redis = _caches("redis://127.0.0.1:6379/0")
    assert redis["default"]["BACKEND"] == "django.core.cache.backends.redis.RedisCache"
    assert redis["versions"]["BACKEND"] == "django.core.cache.backends.redis.RedisCache"
    assert redis["versions"]["LOCATION"] == "redis://127.0.0.1:6379/0"
    # A cache of one process cannot hold what every process must see.
    assert _caches("locmemcache://")["versions"]["BACKEND"].endswith(".DatabaseCache")
    with pytest.raises(ImproperlyConfigured, match="DJANGO_CACHE_URL"):
        _caches("gopher://somewhere")
