"""Every committee page: language, one h1, no skipped heading level, labels for every control."""

import pytest
from django.urls import reverse

from committee.models import Document, FollowUp
from tests.test_accessibility import assert_accessible_structure, structure

from .test_pages import page_urls

pytestmark = pytest.mark.django_db


def test_committee_pages_have_an_accessible_structure(
    client, koordination, meeting, items, members, actor
):
    follow_up = FollowUp.objects.create(agenda_item=items[0], text="Bericht", owner_actor=actor)
    document = Document.objects.create(
        agenda_item=items[0],
        title="Vorlage",
        file="x.pdf",
        file_name="x.pdf",
        mime_type="application/pdf",
        size=1,
        sha1="0" * 40,
    )
    client.force_login(koordination)
    urls = [url for url in page_urls(meeting, items, members) if not url.endswith(".ics")] + [
        reverse("committee:meeting_create"),
        reverse("committee:member_create"),
        reverse("committee:membership_create"),
        reverse("committee:follow_up_edit", args=[follow_up.pk]),
        reverse("committee:item_delete", args=[items[0].pk]),
        reverse("committee:document_delete", args=[document.pk]),
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert_accessible_structure(structure(response), url)


def test_form_errors_are_summarised_on_committee_forms(client, sachbearbeitung, committee):
    client.force_login(sachbearbeitung)
    response = client.post(reverse("committee:meeting_create"), {"committee": committee.pk})
    page = response.content.decode()
    assert "error-summary" in page
    assert 'href="#id_start"' in page
    assert_accessible_structure(structure(response), "meeting_create")
