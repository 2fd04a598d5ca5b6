"""Every network page renders for Koordination with an accessible structure."""

import re

import pytest
from django.urls import reverse

from tests.test_accessibility import assert_accessible_structure, structure


@pytest.fixture
def pages(actor, migrant_organisation, contact, working_group, event):
    return [
        reverse("network:actor_list"),
        reverse("network:actor_list") + "?language=tr&measure_role=lead&ordering=-lead_count",
        reverse("network:actor_create"),
        reverse("network:actor_detail", args=[migrant_organisation.pk]),
        reverse("network:actor_detail", args=[actor.pk]),
        reverse("network:actor_edit", args=[migrant_organisation.pk]),
        reverse("network:actor_delete", args=[actor.pk]),
        reverse("network:contact_list"),
        reverse("network:contact_create"),
        reverse("network:contact_detail", args=[contact.pk]),
        reverse("network:contact_edit", args=[contact.pk]),
        reverse("network:contact_delete", args=[contact.pk]),
        reverse("network:contact_disclosure", args=[contact.pk]),
        reverse("network:contact_erase", args=[contact.pk]),
        reverse("network:contact_reconfirm"),
        reverse("network:erasure_log"),
        reverse("network:group_list"),
        reverse("network:group_create"),
        reverse("network:group_detail", args=[working_group.pk]),
        reverse("network:group_edit", args=[working_group.pk]),
        reverse("network:group_delete", args=[working_group.pk]),
        reverse("network:event_list"),
        reverse("network:event_create"),
        reverse("network:event_detail", args=[event.pk]),
        reverse("network:event_edit", args=[event.pk]),
        reverse("network:event_delete", args=[event.pk]),
        reverse("network:event_attendance", args=[event.pk]),
        reverse("network:import_index"),
        reverse("network:import_upload", args=["actors"]),
        reverse("network:import_upload", args=["contacts"]),
        reverse("network:import_upload", args=["measures"]),
    ]


def test_network_pages_have_language_headings_skip_link_and_labels(client, koordination, pages):
    client.force_login(koordination)
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        assert_accessible_structure(structure(response), url)


def test_pages_use_no_inline_styles_or_scripts(client, koordination, pages):
    client.force_login(koordination)
    for url in pages:
        page = client.get(url).content.decode()
        assert "style=" not in page, url
        # Scripts only as files of our own (a strict CSP forbids inline ones).
        assert re.findall(r"<script(?![^>]*\bsrc=\"/static/)", page) == [], url
