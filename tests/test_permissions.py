"""One table of every URL of the project × role → expected HTTP status, on GET and, for the
actions, on POST.

The table's rows live in tests/url_permissions/, one module per area. The walk over the URL
resolver fails when a URL pattern is added without a row there.
"""

import pytest
from django.contrib import messages
from django.contrib.admin import site
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.conftest import make_user
from tests.url_permissions import (
    ROLES,
    committee,
    core,
    indicators,
    monitoring,
    network,
    plans,
    projects,
    public,
)

AREAS = (core, network, committee, monitoring, plans, projects, public, indicators)
TABLE = {name: entry for area in AREAS for name, entry in area.TABLE.items()}
POSTS = sorted((name, role) for name, entry in TABLE.items() if len(entry) > 2 for role in ROLES)


def named_patterns(patterns=None, namespace=""):
    for entry in patterns if patterns is not None else get_resolver().url_patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            if inner == "admin:":
                continue  # the admin's own URLs: covered by admin:index and test_admin.py
            yield from named_patterns(entry.url_patterns, inner)
        elif isinstance(entry, URLPattern) and entry.name:
            yield namespace + entry.name


def test_no_url_is_listed_in_two_areas():
    assert sum(len(area.TABLE) for area in AREAS) == len(TABLE)


def test_every_url_pattern_is_in_the_permission_table():
    assert set(named_patterns()) | {"admin:index"} == set(TABLE)


@pytest.fixture
def objects(measure, actor, koordination):
    import datetime

    from django.utils import timezone

    from committee.models import Committee, Meeting

    committee = Committee.objects.create(name="Integrationsausschuss", short_name="IA")
    meeting = Meeting.objects.create(
        committee=committee,
        number=1,
        start=timezone.make_aware(datetime.datetime(2026, 12, 3, 17, 0)),
    )
    return {"measure": measure, "actor": actor, "meeting": meeting}


@pytest.fixture
def role_users(django_user_model):
    from core.roles import KOORDINATION, LESEZUGRIFF, SACHBEARBEITUNG

    return {
        "no_role": make_user(django_user_model, "u-none"),
        "lesezugriff": make_user(django_user_model, "u-read", LESEZUGRIFF),
        "sachbearbeitung": make_user(django_user_model, "u-clerk", SACHBEARBEITUNG, is_staff=True),
        "koordination": make_user(django_user_model, "u-coord", KOORDINATION, is_staff=True),
    }


@pytest.mark.parametrize("name", sorted(TABLE))
def test_url_answers_each_role_as_the_table_says(client, objects, role_users, name):
    kwargs_builder, expected = TABLE[name][:2]
    url = reverse(name, kwargs=kwargs_builder(objects) if kwargs_builder else None)
    answers = {}
    for role in ROLES:
        client.logout()
        if role != "anonymous":
            client.force_login(role_users[role])
        answers[role] = client.get(url).status_code
    assert answers == expected


@pytest.mark.parametrize(("name", "role"), POSTS)
def test_post_is_refused_or_done_as_the_table_says(client, objects, role_users, name, role):
    """One role per test: a permitted POST changes the data the next role would act on."""
    kwargs_builder, _get, post = TABLE[name]
    kwargs = kwargs_builder(objects) if kwargs_builder else {}
    url = reverse(name, kwargs=kwargs or None)
    data = post.data(objects)
    before = post.changes(kwargs) if post.changes else None
    if role != "anonymous":
        client.force_login(role_users[role])
    response = client.post(url, data)
    assert response.status_code == post.expected[role]
    done = role != "anonymous" and response.status_code < 400
    if done:  # the action was really carried out, not turned back by the form or a domain rule
        assert "next=" not in response.get("Location", "")  # not sent to log in first
        errors = [
            str(message)
            for message in messages.get_messages(response.wsgi_request)
            if message.level >= messages.ERROR
        ]
        assert errors == []
    if post.changes:
        assert (post.changes(kwargs) != before) == done


def test_anonymous_is_sent_to_the_login_page(client, objects):
    response = client.get(reverse("measures:detail", args=[objects["measure"].pk]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize(
    "name",
    [
        "measures:detail",
        "measures:edit",
        "measures:report",
        "network:actor_detail",
        "committee:meeting_detail",
    ],
)
def test_unknown_id_is_404(client, koordination, name):
    client.force_login(koordination)
    assert client.get(reverse(name, kwargs={"pk": 999999})).status_code == 404


def test_every_admin_registered_model_belongs_to_our_apps_or_auth():
    apps = {model._meta.app_label for model in site._registry}
    assert apps <= {"auth", "core", "measures", "network", "committee", "public"}
