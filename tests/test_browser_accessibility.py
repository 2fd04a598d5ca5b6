"""axe-core (WCAG 2.1 A and AA rules) in Debian's headless Chromium on every staff page.

The Makefile and .ci/run install the `chromium` and `chromium-driver` packages when missing.
"""

import json
import shutil
import tempfile
from pathlib import Path

import pytest
from django.urls import reverse
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.support.wait import WebDriverWait

AXE = (Path(__file__).parent / "vendor" / "axe.min.js").read_text()
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"


@pytest.fixture(scope="module")
def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    profile = tempfile.mkdtemp(prefix="chromium-profile-")
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1280,1024",
        f"--user-data-dir={profile}",
    ):
        options.add_argument(flag)
    options.add_experimental_option("prefs", {"intl.accept_languages": "de-DE,de"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    yield driver
    driver.quit()
    shutil.rmtree(profile, ignore_errors=True)


def axe_violations(browser, url=None):
    """The axe-core violations of `url`, or of the page the browser shows when url is None."""
    if url:
        browser.get(url)
    browser.execute_script(AXE)
    result = browser.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}})"
        ".then(r => done(JSON.stringify(r.violations)));",
        WCAG_TAGS,
    )
    return [
        f"{v['id']}: {v['help']} ({', '.join(n['target'][0] for n in v['nodes'][:3])})"
        for v in json.loads(result)
    ]


@pytest.fixture
def logged_in_browser(browser, live_server, client, sachbearbeitung):
    client.force_login(sachbearbeitung)
    browser.get(live_server.url + reverse("login"))
    browser.delete_all_cookies()
    browser.add_cookie({"name": "sessionid", "value": client.cookies["sessionid"].value})
    return browser


# serialized_rollback restores the role groups of the data migration after the flush.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_staff_pages_have_no_wcag_violations(logged_in_browser, live_server, core_pages):
    found = {url: axe_violations(logged_in_browser, live_server.url + url) for url in core_pages}
    assert {url: v for url, v in found.items() if v} == {}


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_login_page_and_form_errors_have_no_wcag_violations(browser, live_server):
    browser.delete_all_cookies()
    assert axe_violations(browser, live_server.url + reverse("login")) == []
    browser.find_element("id", "id_username").send_keys("niemand")
    browser.find_element("id", "id_password").send_keys("falsch")
    browser.find_element("css selector", "main form button[type=submit]").click()
    summary = WebDriverWait(browser, 10).until(
        lambda driver: driver.find_element("css selector", ".error-summary")
    )
    assert "Bitte korrigieren Sie" in summary.text
    assert axe_violations(browser) == []
