"""The public pages (issue 14) in Chromium, without an account: every page at 320 px and at
1280 px with axe-core, no request to another host and reflow (see conftest.visit)."""

import pytest
from django.urls import reverse

from tests.e2e.conftest import DESKTOP, NARROWEST, visit
from tests.test_permissions import named_patterns

# URL name -> kwargs builder over the `public_world` fixture's objects (None: no arguments).
PUBLIC_WALK = {
    "public:overview": None,
}
# Public answers that are not HTML pages (downloads, data) or not pages of their own.
PUBLIC_NOT_PAGES = {}


def test_every_public_page_is_walked():
    names = {name for name in named_patterns() if name.startswith("public:")}
    assert names == set(PUBLIC_WALK) | set(PUBLIC_NOT_PAGES)


@pytest.fixture
def public_world(db, plan, action_field, measure, actor, status_report):
    return {
        "plan": plan,
        "action_field": action_field,
        "measure": measure,
        "actor": actor,
        "status_report": status_report,
    }


def test_every_public_page_reflows_and_passes_axe(open_browser, public_world):
    paths = [
        reverse(name, kwargs=build(public_world) if build else None)
        for name, build in PUBLIC_WALK.items()
    ]
    failures = []
    for viewport in (NARROWEST, DESKTOP):
        page = open_browser(viewport=viewport)
        for path in paths:
            try:
                visit(page, path)
            except AssertionError as error:
                failures.append(f"{path} at {viewport['width']} px: {error}")
    assert failures == []
