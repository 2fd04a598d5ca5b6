"""`make screenshots`: PNGs of the main pages with the demo data, for the README.

Not part of the test suite (pytest collects only test_*.py files): run it with
`.venv/bin/pytest tests/e2e/screenshots.py`. Every page is audited as in the browser tests, so
a screenshot never shows a page that fails axe-core or scrolls sideways. The images go to
docs/screenshots/, at most MAX_HEIGHT pixels tall and reduced to 256 colours to stay small.
"""

import io
import re
from pathlib import Path

from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from PIL import Image

from committee.models import Meeting
from measures.models import (
    Area,
    CityIndicator,
    Measure,
    MonitoringRequest,
    MonitoringRound,
    Plan,
)
from measures.monitoring.mail import send_reminders
from tests.conftest import PASSWORD
from tests.e2e.conftest import DESKTOP, log_in, visit

OUTPUT = Path(__file__).parents[2] / "docs" / "screenshots"
PHONE = {"width": 390, "height": 844}
WIDTHS = {"1280": DESKTOP, "390": PHONE}
MAX_HEIGHT = {"1280": 1400, "390": 2000}


def shoot(page, name, width):
    """Save the page, full length up to MAX_HEIGHT, as docs/screenshots/<name>-<width>.png."""
    height = min(page.evaluate("() => document.documentElement.scrollHeight"), MAX_HEIGHT[width])
    path = OUTPUT / f"{name}-{width}.png"
    page.screenshot(
        path=path, full_page=True, clip={"x": 0, "y": 0, "width": int(width), "height": height}
    )
    reduce_colours(path)


def reduce_colours(path):
    with Image.open(path) as image:
        small = image.convert("RGB").quantize(colors=256)
    small.save(path, optimize=True)


def shoot_map(page):
    """The indicator page's district map alone, for the README's section on the monitoring."""
    path = OUTPUT / "integrationsmonitoring-karte.png"
    page.locator("section[aria-labelledby=districts-heading] figure").screenshot(path=path)
    reduce_colours(path)


def partner_link(live_server, koordination):
    """A fresh link of the demo's open round, as the reminder e-mail sends it."""
    monitoring_round = MonitoringRound.objects.get(state=MonitoringRound.State.OPEN)
    mail.outbox = []
    send_reminders(monitoring_round, koordination, live_server.url + "/")
    return re.search(r"/partner/[^/\s]+/", mail.outbox[0].body).group(0)


def test_screenshots(open_browser, live_server, settings, tmp_path, django_user_model):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.DEBUG = True  # the demo users exist only in development mode
    call_command("load_demo", stdout=io.StringIO())
    settings.DEBUG = False
    koordination = django_user_model.objects.get(username="koordination")
    # Outside development the published demo password no longer opens the account.
    koordination.set_password(PASSWORD)
    koordination.save()
    OUTPUT.mkdir(parents=True, exist_ok=True)

    measure = Measure.objects.filter(indicators__isnull=False).order_by("pk").first()
    meeting = Meeting.objects.filter(state=Meeting.State.INVITED).order_by("start").first()
    review = MonitoringRequest.objects.filter(state=MonitoringRequest.State.SUBMITTED).first()
    staff_pages = {
        "dashboard": reverse("dashboard"),
        "measure-list": reverse("measures:list"),
        "measure-detail": measure.get_absolute_url(),
        "actor-list": reverse("network:actor_list"),
        "meeting-detail": meeting.get_absolute_url(),
        "review": reverse("monitoring:request_review", args=[review.pk]),
        "fortschreibung-compare": reverse(
            "plans:compare", args=[Plan.objects.get(state=Plan.State.DRAFT).pk]
        ),
        "indicator-overview": reverse("indicators:overview"),
        "indicator-detail": CityIndicator.objects.get(code="K2").get_absolute_url(),
        "district-profile": Area.objects.get(name="Faurndau").get_absolute_url(),
    }
    for width, viewport in WIDTHS.items():
        page = open_browser(viewport=viewport)
        log_in(page, "koordination", PASSWORD)
        for name, path in staff_pages.items():
            visit(page, path)
            shoot(page, name, width)
            if name == "indicator-detail" and width == "1280":
                shoot_map(page)

    partner = open_browser(viewport=PHONE)
    visit(partner, partner_link(live_server, koordination))
    shoot(partner, "partner", "390")

    public_measure = (
        Measure.objects.filter(
            plan__state="adopted", is_public=True, status_reports__public_summary__gt=""
        ).first()
        or Measure.objects.filter(plan__state="adopted", is_public=True).first()
    )
    public_pages = {
        "public-overview": reverse("public:overview"),
        "public-measure": reverse("public:measure_detail", args=[public_measure.pk]),
    }
    for width, viewport in WIDTHS.items():
        visitor = open_browser(viewport=viewport)
        for name, path in public_pages.items():
            visit(visitor, path)
            shoot(visitor, name, width)
