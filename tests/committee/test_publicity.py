"""What is public: public items of public meetings, one rule for OParl, calendars and PDFs."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from committee import pdfs
from committee.models import AgendaItem, Document, Meeting

pytestmark = pytest.mark.django_db


@pytest.fixture
def closed_meeting(committee, term, meeting):
    hidden = Meeting.objects.create(
        committee=committee, term=term, number=6, start=meeting.start, is_public=False
    )
    # A public item of a non-public meeting is not published either.
    AgendaItem.objects.create(meeting=hidden, number="1", title="Personalangelegenheit")
    return hidden


def add_document(item, title):
    return Document.objects.create(
        agenda_item=item,
        title=title,
        file="committee/documents/x.pdf",
        file_name="x.pdf",
        mime_type="application/pdf",
        size=10,
        sha1="a" * 40,
    )


def test_only_public_items_of_public_meetings_are_published(meeting, items, closed_meeting):
    assert list(Meeting.objects.public()) == [meeting]
    published = set(AgendaItem.objects.published())
    assert published == {items[0], items[1]}
    for item in AgendaItem.objects.select_related("meeting"):
        assert item.is_published == (item in published), item


def test_only_documents_of_published_items_are_published(items, closed_meeting):
    shown = add_document(items[0], "Sachstandsbericht")
    add_document(items[2], "Antrag Verein X")
    add_document(closed_meeting.agenda_items.get(), "Personalakte")
    assert list(Document.objects.published()) == [shown]


def test_a_public_item_of_a_non_public_meeting_never_leaves_the_office(
    client, lesezugriff, closed_meeting
):
    item = closed_meeting.agenda_items.get()
    assert client.get(reverse("oparl:agenda_item", args=[item.pk])).status_code == 404
    assert "Personalangelegenheit" not in client.get(reverse("committee:public_feed")).text
    context = pdfs.invitation_context(closed_meeting, recipients=[])
    assert context["public_items"] == []
    assert context["closed_items"] == [item]


def test_the_invitation_separates_the_public_and_the_closed_part(meeting, items):
    context = pdfs.invitation_context(meeting, recipients=[])
    assert context["public_items"] == items[:2]
    assert context["closed_items"] == items[2:]


@pytest.mark.parametrize("edition", pdfs.EDITIONS)
def test_the_minutes_read_publicity_without_a_query_per_item(held_meeting, edition):
    def queries():
        meeting = Meeting.objects.select_related("committee").get(pk=held_meeting.pk)
        with CaptureQueriesContext(connection) as captured:
            pdfs.minutes_context(meeting, edition)
        return len(captured)

    few = queries()
    for number in range(3, 9):
        AgendaItem.objects.create(
            meeting=held_meeting, number=str(number), order=number, title=f"Punkt {number}"
        )
    assert queries() == few
