"""The public pages (issue 14) in Chromium, without an account: every page at 320 px and at
1280 px with axe-core, no request to another host and reflow (see conftest.visit)."""

import pytest
from django.urls import reverse

from measures.models import StatusReport
from tests.e2e.conftest import DESKTOP, NARROWEST, visit
from tests.public import offer_builders
from tests.public.archive_data import committee_world
from tests.public.builders import indicator_with_values
from tests.test_permissions import named_patterns

# URL name -> kwargs builder over the `public_world` fixture's objects (None: no arguments).
PUBLIC_WALK = {
    "public:overview": None,
    "public:committee": None,
    "public:meeting_detail": lambda d: {"pk": d["committee"]["past"].pk},
    "public:reports": None,
    "public:open_data": None,
    "public:measure_list": None,
    "public:measure_detail": lambda d: {"pk": d["measure"].pk},
    "public:accessibility": None,
    "public:feedback": None,
    "public:imprint": None,
    "public:privacy": None,
    "public:easy_language": None,
    "public:offer_list": None,
    "public:offer_detail": lambda d: {"pk": d["offer"].pk},
}
# Public answers that are not HTML pages (downloads, data) or not pages of their own.
PUBLIC_NOT_PAGES = {
    "public:report_download",
    "public:measures_csv",
    "public:measures_json",
    "public:offer_category_pdf",
}


def test_every_public_page_is_walked():
    names = {name for name in named_patterns() if name.startswith("public:")}
    assert names == set(PUBLIC_WALK) | set(PUBLIC_NOT_PAGES)


@pytest.fixture
def public_world(db, plan, action_field, measure, actor, status_report):
    # The measure's page with its timeline and an indicator chart.
    StatusReport.objects.filter(pk=status_report.pk).update(public_summary="Zwei Kurse laufen.")
    indicator_with_values(measure)
    # An offer with its registration and descriptions in Turkish and Arabic (right to left).
    offer = offer_builders.offer(
        registration_phone="07161 65-1234",
        registration_email="anmeldung@vhs.example",
        registration_url="https://vhs.example/kurse",
    )
    offer_builders.translation(offer)
    offer_builders.translation(offer, "ar", "دورة اللغة الألمانية للنساء", "مع رعاية الأطفال.")
    return {
        "plan": plan,
        "action_field": action_field,
        "measure": measure,
        "actor": actor,
        "status_report": status_report,
        "offer": offer,
        # meetings (public, not public), their items and PDFs, public and internal reports
        "committee": committee_world(),
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
