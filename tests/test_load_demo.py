from io import StringIO

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError

from committee.models import Committee, Meeting
from core.roles import KOORDINATION, LESEZUGRIFF, SACHBEARBEITUNG
from demo.loader import DEMO_PASSWORD
from measures.models import Measure, Plan, StatusReport
from network.models import Actor, ContactPerson

pytestmark = pytest.mark.django_db


def load_demo(*args):
    out = StringIO()
    call_command("load_demo", *args, stdout=out)
    return out.getvalue()


def row_counts():
    """Rows of every table, including history and many-to-many tables."""
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models(include_auto_created=True)
    }


@pytest.fixture
def demo():
    load_demo()
    return Plan.current()


def test_it_loads_the_current_plan_with_its_predecessor(demo):
    assert demo.version_label == "Fortschreibung 2019"
    assert demo.adopted_on.isoformat() == "2019-04-11"
    assert demo.predecessor.state == Plan.State.ARCHIVED
    assert demo.predecessor.adopted_on.year == 2010
    assert list(demo.action_fields.values_list("code", "title")) == [
        ("1", "Sprache"),
        ("2", "Bildung"),
        ("3", "Arbeit"),
        ("4", "Wohnen"),
        ("5", "Werte/Regeln/Normen"),
    ]


def test_it_loads_about_forty_measures_each_with_a_lead_actor(demo):
    measures = demo.measures.all()
    assert 35 <= measures.count() <= 45
    assert not measures.filter(lead_actor=None).exists()
    assert not measures.filter(partner_actors=None).exists()
    assert measures.filter(title="Mama lernt Deutsch").exists()
    assert measures.filter(predecessors__plan=demo.predecessor).exists()


def test_every_measure_status_occurs_and_some_measures_need_attention(demo):
    statuses = set(demo.measures.values_list("status", flat=True))
    assert statuses == set(Measure.Status.values)
    assert demo.measures.overdue().exists()
    assert demo.measures.stale().exists()


def test_a_measure_shows_its_latest_accepted_report(demo):
    for measure in demo.measures.prefetch_related("status_reports"):
        accepted = [
            report
            for report in measure.status_reports.all()
            if report.review_state == StatusReport.ReviewState.ACCEPTED
        ]
        if accepted:
            latest = max(accepted, key=lambda report: report.reporting_date)
            assert (latest.status, latest.progress) == (measure.status, measure.progress)


def test_reports_span_two_years_and_await_review(demo):
    dates = StatusReport.objects.values_list("reporting_date", flat=True)
    assert (max(dates) - min(dates)).days > 2 * 365
    assert StatusReport.objects.filter(review_state=StatusReport.ReviewState.SUBMITTED).exists()


def test_the_network_covers_every_kind_of_actor(demo):
    assert Actor.objects.count() >= 30
    assert set(Actor.objects.values_list("kind", flat=True)) == set(Actor.Kind.values)
    assert Actor.objects.filter(kind=Actor.Kind.MIGRANT_ORGANISATION).count() >= 8


def test_contacts_have_a_lawful_basis_and_example_addresses(demo):
    contacts = ContactPerson.objects.all()
    assert contacts.count() >= 25
    assert not contacts.filter(legal_basis=ContactPerson.LegalBasis.CONSENT, consent_date=None)
    for email in contacts.values_list("email", flat=True):
        assert email.endswith(("@example.org", "@example.com"))


def test_the_committee_has_meetings_in_every_state(demo):
    committee = Committee.objects.get(short_name="IA")
    assert committee.memberships.count() >= 10
    assert committee.meetings.count() >= 4
    assert set(committee.meetings.values_list("state", flat=True)) == set(Meeting.State.values)


def test_it_loads_the_draft_fortschreibung_2027_in_progress(demo):
    draft = demo.successors.get()
    assert (draft.state, draft.version_label) == (Plan.State.DRAFT, "Entwurf 2027")
    assert draft.introduction
    measures = draft.measures.prefetch_related("predecessors")
    assert 33 <= measures.count() <= 37
    lineage = {measure.code: len(measure.predecessors.all()) for measure in measures}
    assert [code for code, count in lineage.items() if count > 1]  # merged
    assert sum(1 for count in lineage.values() if count == 0) >= 4  # new
    split = demo.measures.get(code="1.1")
    assert split.successors.filter(plan=draft).count() == 2
    ended = demo.measures.exclude(end_reason="")
    assert set(ended.values_list("end_reason", flat=True)) == set(Measure.EndReason.values)
    assert not draft.measures.filter(predecessors__in=ended).exists()
    assert sorted(draft.forums.values_list("title", flat=True)) == [
        "Fachforum Arbeit und Teilhabe",
        "Fachforum Sprache und Bildung",
    ]
    assert draft.measures.filter(source_forum__in=draft.forums.all()).count() >= 3


def test_it_loads_30_offers_in_every_category_some_translated_some_unconfirmed(demo):
    from measures.models import Offer, OfferTranslation
    from measures.offers.services import unconfirmed_offers, visible_offers

    assert Offer.objects.count() == 30
    assert set(Offer.objects.values_list("category", flat=True)) == set(Offer.Category.values)
    languages = set(OfferTranslation.objects.values_list("language", flat=True))
    assert {"tr", "ar", "uk", "en"} <= languages
    assert 3 <= unconfirmed_offers().count() <= 6
    assert visible_offers().count() == 30 - unconfirmed_offers().count()


def test_it_loads_12_projects_in_every_state_with_funding_and_deadlines(settings):
    import datetime

    from django.utils import timezone

    from measures.models import FundingDeadline, FundingProgramme, Project

    settings.DEBUG = True
    load_demo()
    assert Project.objects.count() == 12
    assert set(Project.objects.values_list("status", flat=True)) == set(Project.Status.values)
    assert not Project.objects.filter(responsible=None).exists()
    assert not Project.objects.filter(lead_actor=None).exists()
    assert FundingProgramme.objects.count() == 4
    assert set(FundingProgramme.objects.values_list("funder_kind", flat=True)) == {
        "state",
        "eu",
        "foundation",
        "federal",
    }
    today = timezone.localdate()
    open_deadlines = FundingDeadline.objects.filter(done_on=None)
    assert open_deadlines.filter(due_on__lt=today).exists()
    assert open_deadlines.filter(
        due_on__gte=today, due_on__lte=today + datetime.timedelta(days=60)
    ).exists()
    assert FundingDeadline.objects.exclude(done_on=None).exists()


def test_running_it_twice_changes_nothing(settings):
    settings.DEBUG = True
    load_demo("--scale", "2")
    before = row_counts()

    output = load_demo("--scale", "2")

    assert row_counts() == before
    assert "bereits vorhanden" in output


def test_scale_multiplies_measures_actors_and_reports(db):
    load_demo()
    measures = Plan.current().measures.count()
    actors = Actor.objects.count()
    reports = StatusReport.objects.count()

    load_demo("--scale", "3")

    assert Plan.current().measures.count() == 3 * measures
    assert Actor.objects.count() == 3 * actors
    assert StatusReport.objects.count() == 3 * reports
    assert Plan.current().measures.filter(code="1.1-s3").exists()


def test_it_creates_the_demo_users_in_debug_mode(settings):
    settings.DEBUG = True

    output = load_demo()

    users = get_user_model().objects
    for username, role in [
        ("koordination", KOORDINATION),
        ("sachbearbeitung", SACHBEARBEITUNG),
        ("lesezugriff", LESEZUGRIFF),
    ]:
        user = users.get(username=username)
        assert list(user.groups.values_list("name", flat=True)) == [role]
        assert user.check_password(DEMO_PASSWORD)
        assert user.is_staff == (role != LESEZUGRIFF)
    assert users.get(username="admin").is_superuser
    assert DEMO_PASSWORD in output


def test_it_creates_no_users_without_debug(settings):
    settings.DEBUG = False

    output = load_demo()

    assert not get_user_model().objects.exists()
    assert "keine Demo-Benutzer" in output


def test_it_refuses_a_database_with_another_adopted_plan(plan):
    with pytest.raises(CommandError, match="adopted plan"):
        load_demo()
    assert Plan.objects.count() == 1


def test_it_rejects_a_scale_below_one(db):
    with pytest.raises(CommandError):
        load_demo("--scale", "0")
