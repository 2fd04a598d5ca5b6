"""End-to-end tests: Debian's Chromium, driven by Playwright, against the app on a live server.

Every page a test visits is audited (`audit(page)`): its HTTP status, no console error (a CSP
violation is one), no request to another host, reflow (no sideways scrolling) and axe-core's
WCAG 2.1 A/AA and best-practice rules with no violation. A browser that loaded a page nobody
audited fails the test, so a workflow cannot skip the checks by accident.

The Makefile and .ci/run install `chromium`; Playwright never downloads a browser of its own.
"""

import os
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.urls import reverse
from playwright.sync_api import sync_playwright

from tests.conftest import PASSWORD

# Playwright's synchronous API keeps an event loop on the test's thread, which makes Django
# take the test's own (synchronous) ORM calls for async code. The live server runs in a thread
# of its own and is not affected.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
AXE = (Path(__file__).parents[1] / "vendor" / "axe.min.js").read_text()
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
# axe cannot always decide these ("incomplete"); for us each such case is a failure.
INCOMPLETE_IS_FAILURE = {"aria-valid-attr-value", "duplicate-id-aria", "form-field-multiple-labels"}
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
NARROWEST = {"width": 320, "height": 640}

# Figures for the closing summary of a run.
STATS = {"audited": 0, "widest_at_320": (0, "")}

AXE_RUN = """async tags => {
  const result = await axe.run(document, {runOnly: {type: 'tag', values: tags}});
  const describe = r => r.id + ': ' + r.help + ' (' +
    r.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ') + ')';
  return {violations: result.violations.map(describe),
          incomplete: result.incomplete.map(r => ({id: r.id, text: describe(r)}))};
}"""


def pytest_collection_modifyitems(items):
    # The live server sees only committed data. The flush after each test is followed by
    # post_migrate, which recreates the role groups (core.apps).
    marker = pytest.mark.django_db(transaction=True)
    for item in items:
        if Path(str(item.fspath)).is_relative_to(Path(__file__).parent):
            item.add_marker(marker)


def pytest_terminal_summary(terminalreporter):
    if STATS["audited"]:
        width, url = STATS["widest_at_320"]
        terminalreporter.write_line(
            f"e2e: {STATS['audited']} page views audited by axe-core; "
            f"widest page at 320 px: {width} px ({url or '–'})"
        )


class Guard:
    """Watches one browser context for what a user would see go wrong."""

    def __init__(self, context, origin):
        self.origin = origin
        self.problems = []
        self.allowed_statuses = set()
        self.loaded = []  # documents the browser showed, in order
        self.audited = set()
        context.on("console", self._console)
        context.on("weberror", lambda error: self.problems.append(f"JS error: {error.error}"))
        context.on("response", self._response)
        context.route("**/*", self._route)

    def _console(self, message):
        if message.type != "error":
            return
        # A failed document load is checked by its status below; this console line repeats it.
        if message.text.startswith("Failed to load resource: the server responded with"):
            return
        self.problems.append(
            f"console error on {message.page.url if message.page else '?'}: {message.text}"
        )

    def _response(self, response):
        request = response.request
        if request.resource_type == "document":
            shown = response.status < 300 or response.status >= 400  # not a redirect
            if shown and "text/html" in (response.headers.get("content-type") or ""):
                self.loaded.append(response.url)
            if response.status >= 400 and response.status not in self.allowed_statuses:
                self.problems.append(f"HTTP {response.status} for {response.url}")
        elif response.status >= 400:
            self.problems.append(
                f"HTTP {response.status} for {request.resource_type} {response.url}"
            )

    def _route(self, route):
        url = route.request.url
        if url.startswith(("data:", "blob:")) or url.startswith(self.origin + "/"):
            route.continue_()
        else:
            self.problems.append(f"request to another host: {url}")
            route.abort()


# In a window without JavaScript, evaluated code runs but timers never fire; axe-core waits on
# them, so they become microtasks there. The page's own scripts stay off.
TIMERS_AS_MICROTASKS = """() => {
  window.setTimeout = (fn, ms, ...args) => { Promise.resolve().then(() => fn(...args)); return 0; };
  window.clearTimeout = () => {};
  window.requestAnimationFrame = fn => window.setTimeout(fn, 0, performance.now());
}"""


def audit(page):
    """Check the page the browser shows now: status, console, reflow and axe-core."""
    guard = page.context.guard
    page.wait_for_load_state("load")
    problems = list(guard.problems)
    width, client = page.evaluate(
        "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    if width > client:
        problems.append(f"scrolls sideways: {width} px in a {client} px window at {page.url}")
    if page.viewport_size and page.viewport_size["width"] == NARROWEST["width"]:
        STATS["widest_at_320"] = max(STATS["widest_at_320"], (width, urlsplit(page.url).path))
    if page.evaluate("() => typeof axe === 'undefined'"):
        if not page.context.javascript:
            page.evaluate(TIMERS_AS_MICROTASKS)
        page.evaluate(AXE)
    result = page.evaluate(AXE_RUN, AXE_TAGS)
    problems += [f"axe on {page.url}: {v}" for v in result["violations"]]
    problems += [
        f"axe incomplete on {page.url}: {r['text']}"
        for r in result["incomplete"]
        if r["id"] in INCOMPLETE_IS_FAILURE
    ]
    STATS["audited"] += 1
    guard.audited.add(page.url.split("#")[0])  # a document is loaded without its fragment
    guard.problems.clear()
    assert problems == [], "\n".join(problems)


def visit(page, path, *, status=200):
    """Open `path` as a user typing it would, and audit the page."""
    guard = page.context.guard
    if status >= 400:
        guard.allowed_statuses.add(status)
    response = page.goto(path)
    assert response is not None and response.status == status, (
        f"{path}: HTTP {response.status if response else '?'}, expected {status}"
    )
    audit(page)
    return response


def log_in(page, username, password=PASSWORD):
    """Log in through the login form, as a person does."""
    page.goto(reverse("login"))
    audit(page)
    page.get_by_label("Benutzername").fill(username)
    page.get_by_label("Passwort").fill(password)
    page.get_by_role("button", name="Anmelden").click()
    page.wait_for_url(lambda url: "/accounts/login/" not in url)
    audit(page)


@pytest.fixture(scope="session")
def chromium():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"],
        )
        yield browser
        browser.close()


@pytest.fixture
def open_browser(chromium, live_server):
    """open_browser(user=None, viewport=DESKTOP): a new browser window (own cookies), logged in.

    `javascript=False` opens a browser with JavaScript switched off (progressive enhancement).

    At the end of the test, every window must have audited every page it showed and seen no
    problem since its last audit.
    """
    opened = []

    def open_(user=None, viewport=DESKTOP, javascript=True):
        context = chromium.new_context(
            base_url=live_server.url,
            viewport=viewport,
            java_script_enabled=javascript,
            locale="de-DE",
            timezone_id="Europe/Berlin",
            accept_downloads=True,
        )
        context.guard = Guard(context, live_server.url)
        context.javascript = javascript
        context.set_default_timeout(15_000)
        page = context.new_page()
        opened.append(context)
        if user is not None:
            log_in(page, user.get_username())
        return page

    yield open_
    failures = []
    for context in opened:
        guard = context.guard
        failures += guard.problems
        failures += [
            f"page shown but never audited: {url}"
            for url in dict.fromkeys(guard.loaded)
            if url not in guard.audited
        ]
        context.close()
    assert failures == [], "\n".join(failures)
