"""axe-core (WCAG 2.1 A and AA) in headless Chromium on the network's pages."""

import pytest
from django.urls import reverse
from selenium.webdriver.support.wait import WebDriverWait

from tests import test_browser_accessibility as axe
from tests.network.helpers import csv_bytes

# Transactional tests end with an emptied database; serialized_rollback restores the role
# groups of the data migration for the tests that come after.
browser = axe.browser


@pytest.fixture
def logged_in(browser, live_server, client, django_user_model):
    user = django_user_model.objects.create_superuser("axe", password="axe-pass-123")
    client.force_login(user)
    browser.get(live_server.url + reverse("login"))
    browser.delete_all_cookies()
    browser.add_cookie({"name": "sessionid", "value": client.cookies["sessionid"].value})
    return browser


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_network_pages_have_no_wcag_violations(
    logged_in, live_server, actor, migrant_organisation, contact, working_group, event
):
    pages = [
        reverse("network:actor_list"),
        reverse("network:actor_detail", args=[migrant_organisation.pk]),
        reverse("network:actor_edit", args=[migrant_organisation.pk]),
        reverse("network:contact_list"),
        reverse("network:contact_detail", args=[contact.pk]),
        reverse("network:contact_edit", args=[contact.pk]),
        reverse("network:contact_disclosure", args=[contact.pk]),
        reverse("network:contact_erase", args=[contact.pk]),
        reverse("network:contact_reconfirm"),
        reverse("network:group_list"),
        reverse("network:group_detail", args=[working_group.pk]),
        reverse("network:event_list"),
        reverse("network:event_detail", args=[event.pk]),
        reverse("network:event_edit", args=[event.pk]),
        reverse("network:event_attendance", args=[event.pk]),
        reverse("network:actor_delete", args=[actor.pk]),
        reverse("network:import_upload", args=["contacts"]),
    ]
    found = {url: axe.axe_violations(logged_in, live_server.url + url) for url in pages}
    assert {url: v for url, v in found.items() if v} == {}


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_import_preview_with_errors_has_no_wcag_violations(
    logged_in, live_server, action_field, tmp_path
):
    upload = tmp_path / "akteure.csv"
    upload.write_bytes(csv_bytes([["Name", "Art"], ["Neu", "Sonstige"], ["X", "Sportverein"]]))
    logged_in.get(live_server.url + reverse("network:import_upload", args=["actors"]))
    logged_in.find_element("id", "id_file").send_keys(str(upload))
    logged_in.find_element("css selector", "main form button[type=submit]").click()
    summary = WebDriverWait(logged_in, 10).until(
        lambda driver: driver.find_element("css selector", ".error-summary")
    )
    assert "Sportverein" in summary.text
    assert axe.axe_violations(logged_in) == []
