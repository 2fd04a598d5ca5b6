"""Every response carries the strict Content-Security-Policy (the browser tests enforce it)."""

import pytest
from django.urls import reverse

REQUIRED = {
    "default-src": "'self'",
    "frame-ancestors": "'none'",
    "form-action": "'self'",
    "base-uri": "'none'",
    "object-src": "'none'",
}


def directives(response):
    header = response["Content-Security-Policy"]
    return dict([*part.strip().split(" ", 1), ""][:2] for part in header.split(";") if part.strip())


@pytest.mark.parametrize(
    "name", ["login", "dashboard", "measures:list", "admin:index", "network:actor_list"]
)
def test_pages_send_the_strict_policy(client, koordination, name):
    client.force_login(koordination)
    policy = directives(client.get(reverse(name)))
    assert {key: policy.get(key) for key in REQUIRED} == REQUIRED
    assert "'unsafe-inline'" not in str(policy)
    assert "'unsafe-eval'" not in str(policy)


def test_error_pages_and_partner_links_send_it_too(client, db):
    for path in ("/measures/999999/", "/partner/not-a-valid-link/"):
        response = client.get(path)
        assert response.status_code in (302, 404)
        assert directives(response)["default-src"] == "'self'"
