"""axe-core (WCAG 2.1 A and AA) on the committee pages, in the project's headless Chromium."""

import pytest
from django.db import connection

from tests.test_browser_accessibility import (  # noqa: F401 (fixtures)
    axe_violations,
    browser,
    logged_in_browser,
)

from .test_pages import page_urls


@pytest.fixture(scope="module", autouse=True)
def restore_initial_data(django_db_blocker):
    """Put back what the migrations wrote (role groups, permissions) once this module is done.

    A live-server test ends by emptying every table; the transactional tests that run after it
    (such as the project's own browser test) expect the role groups to exist.
    """
    yield
    with django_db_blocker.unblock():
        connection.creation.deserialize_db_from_string(connection._test_serialized_contents)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_committee_pages_have_no_wcag_violations(
    logged_in_browser,  # noqa: F811 (the fixture imported above)
    live_server,
    meeting,
    items,
    members,
):
    failures = {}
    for path in page_urls(meeting, items, members):
        if path.endswith(".ics") or "/invitation/" in path:
            continue
        violations = axe_violations(logged_in_browser, live_server.url + path)
        if violations:
            failures[path] = violations
    assert failures == {}
