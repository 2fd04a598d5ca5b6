import datetime

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from committee.models import AgendaItem, Committee, Meeting
from core import caching
from core.roles import KOORDINATION, LESEZUGRIFF, SACHBEARBEITUNG
from measures.models import ActionField, Measure, Plan, StatusReport
from network.models import Actor

PASSWORD = "test-password-123"


@pytest.fixture(autouse=True)
def _empty_caches():
    """No cached HTML of an earlier test's data (core.caching)."""
    caching.forget_everything()


def make_user(django_user_model, username, role=None, **extra):
    user = django_user_model.objects.create_user(username=username, password=PASSWORD, **extra)
    if role:
        user.groups.add(Group.objects.get(name=role))
    return user


@pytest.fixture
def koordination(django_user_model):
    return make_user(django_user_model, "koordination", KOORDINATION, is_staff=True)


@pytest.fixture
def sachbearbeitung(django_user_model):
    return make_user(django_user_model, "sachbearbeitung", SACHBEARBEITUNG, is_staff=True)


@pytest.fixture
def lesezugriff(django_user_model):
    return make_user(django_user_model, "lesezugriff", LESEZUGRIFF)


@pytest.fixture
def no_role(django_user_model):
    return make_user(django_user_model, "ohnerolle")


@pytest.fixture
def plan(db):
    return Plan.objects.create(
        title="Integrationsplan Göppingen",
        version_label="Fortschreibung 2019",
        adopted_on=datetime.date(2019, 4, 11),
        state=Plan.State.ADOPTED,
    )


@pytest.fixture
def action_field(plan):
    return ActionField.objects.create(plan=plan, code="1", title="Sprache", order=1)


@pytest.fixture
def actor(db):
    return Actor.objects.create(name="Volkshochschule Göppingen", kind=Actor.Kind.EDUCATION)


@pytest.fixture
def measure(plan, action_field, actor):
    return Measure.objects.create(
        plan=plan,
        action_field=action_field,
        code="1.1",
        title="Mama lernt Deutsch",
        lead_actor=actor,
        status=Measure.Status.IN_PROGRESS,
        progress=40,
        start=datetime.date(2019, 9, 1),
        end=datetime.date(2030, 7, 31),
    )


@pytest.fixture
def status_report(measure, koordination):
    return StatusReport.objects.create(
        measure=measure,
        reporting_date=datetime.date(2026, 10, 1),
        status=Measure.Status.IN_PROGRESS,
        progress=40,
        text="Zwei Kurse laufen.",
        author=koordination,
        review_state=StatusReport.ReviewState.ACCEPTED,
    )


@pytest.fixture
def core_pages(measure, status_report, actor):
    """The foundation's staff pages, with a meeting and an agenda item to show."""
    committee = Committee.objects.create(name="Integrationsausschuss", short_name="IA")
    meeting = Meeting.objects.create(
        committee=committee, number=3, start=timezone.now() + datetime.timedelta(days=3)
    )
    AgendaItem.objects.create(meeting=meeting, number="1", title="Bericht", minutes="Text")
    return [
        reverse("dashboard"),
        reverse("reports"),
        reverse("measures:list"),
        reverse("measures:detail", args=[measure.pk]),
        reverse("measures:edit", args=[measure.pk]),
        reverse("measures:report", args=[measure.pk]),
        reverse("network:actor_list"),
        reverse("network:actor_detail", args=[actor.pk]),
        reverse("committee:meeting_list"),
        reverse("committee:meeting_detail", args=[meeting.pk]),
        reverse("monitoring:round_list"),
        reverse("reports:archive_list"),
    ]
