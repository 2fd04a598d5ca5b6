"""axe-core (WCAG 2.1 A and AA) on the committee pages, in the project's headless Chromium."""

import pytest

from tests.test_browser_accessibility import (  # noqa: F401 (fixtures)
    axe_violations,
    browser,
    logged_in_browser,
)

from .test_pages import page_urls


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
