"""The demo's committee data supports the whole workflow of the secretariat."""

from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from committee.models import AgendaItem, Document, FollowUp, LegislativeTerm, Meeting, Membership

from .test_oparl import walk

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    """Sending archives the public invitation once committed: into this test's own folder."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def demo(db):
    call_command("load_demo", stdout=StringIO())


def test_the_demo_committee_has_members_terms_meetings_and_items(demo):
    assert LegislativeTerm.objects.count() == 2
    current = Membership.objects.current()
    assert 13 <= current.count() <= 17
    assert current.filter(kind="citizen_expert").count() >= 3
    assert current.filter(role="deputy").exclude(deputy_for=None).exists()
    years = {meeting.start.year for meeting in Meeting.objects.all()}
    assert {2023, 2024, 2025, 2026} <= years
    assert Meeting.objects.filter(start__year__lte=2026).count() >= 6
    assert Meeting.objects.filter(state="cancelled").count() == 1
    assert Meeting.objects.filter(
        start__gt=timezone.now(), state__in=["planned", "invited"]
    ).exists()
    assert AgendaItem.objects.filter(measures__isnull=False).distinct().count() >= 25
    assert (
        FollowUp.objects.overdue().exists()
        and FollowUp.objects.open().exclude(pk__in=FollowUp.objects.overdue()).exists()
    )
    held = Meeting.objects.filter(state="held")
    assert all(meeting.attendances.exists() for meeting in held)
    assert AgendaItem.objects.filter(meeting__in=held).exclude(resolution="").count() >= 8
    assert Document.objects.count() >= 2


def test_the_workflow_runs_on_the_demo(
    demo, client, koordination, django_capture_on_commit_callbacks
):
    client.force_login(koordination)
    planned = Meeting.objects.get(state="planned")
    with django_capture_on_commit_callbacks(execute=True):  # the worker sends after the commit
        response = client.post(reverse("committee:invitation", args=[planned.pk]))
    assert response.status_code == 302
    assert len(mail.outbox) >= 13
    planned.refresh_from_db()
    assert planned.state == "invited"
    draft = Meeting.objects.get(state="held", minutes_finalised_at=None)
    assert (
        client.get(reverse("committee:minutes_pdf", args=[draft.pk, "public"])).status_code == 200
    )
    client.post(reverse("committee:minutes_finalise", args=[draft.pk]))
    draft.refresh_from_db()
    assert draft.minutes_finalised_at is not None


def test_the_demo_oparl_interface_validates(demo, client):
    _seen, types, downloads = walk(client)
    assert "File" in types and "Meeting" in types
    assert downloads and all(content.startswith(b"%PDF") for content in downloads.values())
