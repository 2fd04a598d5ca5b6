"""The plans' pages, starting the Fortschreibung and the adoption (issue 13)."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from core import caching
from measures.fortschreibung import services
from measures.fortschreibung.services import FortschreibungError
from measures.models import ActionField, Measure, MonitoringRound, Plan, StatusReport
from network.models import WorkingGroup
from tests.monitoring.builders import make_round
from tests.plans.draft_builders import add_measures, make_forum, start_draft


@pytest.fixture
def draft(plan, measure, koordination):
    return start_draft(plan, koordination)


# Starting the Fortschreibung -------------------------------------------------------------------


def test_start_copies_action_fields_with_their_links(plan, action_field, actor, koordination):
    action_field.guiding_goal = "Alle sprechen Deutsch."
    action_field.save()
    group = WorkingGroup.objects.create(title="AK Sprache")
    action_field.actors.add(actor)
    action_field.working_groups.add(group)
    draft = start_draft(plan, koordination)
    copy = draft.action_fields.get()
    assert (copy.code, copy.title, copy.guiding_goal, copy.order) == (
        "1",
        "Sprache",
        "Alle sprechen Deutsch.",
        1,
    )
    assert list(copy.actors.all()) == [actor]
    assert list(copy.working_groups.all()) == [group]
    assert action_field.plan_id == plan.pk  # the adopted plan keeps its own


def test_start_copies_open_measures_with_lineage_and_keeps_their_status(
    plan, measure, action_field, koordination
):
    partner = measure.lead_actor
    measure.partner_actors.add(partner)
    done, dropped = add_measures(action_field, 2, start=2)
    done.status, dropped.status = Measure.Status.DONE, Measure.Status.DROPPED
    done.save()
    dropped.save()
    draft = start_draft(plan, koordination)
    assert draft.state == Plan.State.DRAFT
    assert draft.predecessor == plan
    copy = draft.measures.get()
    assert copy.code == "1.1"
    assert copy.title == measure.title
    assert copy.status == Measure.Status.IN_PROGRESS  # it continues where it stands
    assert copy.progress == 40
    assert copy.end == measure.end
    assert list(copy.predecessors.all()) == [measure]
    assert list(copy.partner_actors.all()) == [partner]
    assert copy.action_field.plan == draft
    assert copy.history.first().history_user == koordination
    plan.refresh_from_db()
    assert plan.state == Plan.State.ADOPTED


def test_start_is_refused_for_a_plan_that_is_not_adopted(plan, koordination):
    plan.state = Plan.State.ARCHIVED
    plan.save()
    with pytest.raises(FortschreibungError, match="nicht beschlossen"):
        start_draft(plan, koordination)


def test_start_is_refused_when_a_draft_exists_already(draft, plan, koordination):
    with pytest.raises(FortschreibungError):
        start_draft(plan, koordination, "Zweiter Entwurf")
    assert plan.successors.count() == 1


def test_koordination_starts_the_update_from_the_confirmation_page(
    client, plan, measure, koordination
):
    client.force_login(koordination)
    url = reverse("plans:start", args=[plan.pk])
    page = client.get(url).content.decode()
    assert "die 1 Maßnahmen, die weder umgesetzt noch entfallen sind" in page
    response = client.post(url, {"title": "Integrationsplan", "version_label": "Entwurf 2027"})
    draft = Plan.objects.get(state=Plan.State.DRAFT)
    assert response.url == reverse("plans:plan_detail", args=[draft.pk])
    assert draft.version_label == "Entwurf 2027"
    assert draft.measures.count() == 1


def test_start_page_refuses_a_second_draft_with_a_message(client, draft, plan, koordination):
    client.force_login(koordination)
    response = client.post(
        reverse("plans:start", args=[plan.pk]), {"title": "X", "version_label": "Y"}, follow=True
    )
    assert Plan.objects.filter(state=Plan.State.DRAFT).count() == 1
    assert "Die Fortschreibung dieses Plans hat bereits begonnen" in response.content.decode()


def test_start_page_is_not_offered_once_the_update_has_begun(client, draft, plan, koordination):
    client.force_login(koordination)
    response = client.get(reverse("plans:start", args=[plan.pk]))
    assert response.url == reverse("plans:plan_detail", args=[plan.pk])


# The list and the plan's page ------------------------------------------------------------------


def test_list_shows_every_version_newest_first(client, draft, plan, lesezugriff):
    client.force_login(lesezugriff)
    page = client.get(reverse("plans:plan_list")).content.decode()
    assert page.index("Entwurf 2027") < page.index("Fortschreibung 2019")
    assert "11.04.2019" in page


def test_plan_page_shows_measures_lineage_and_forums(client, draft, plan, sachbearbeitung):
    forum = make_forum()
    draft.forums.add(forum)
    client.force_login(sachbearbeitung)
    page = client.get(reverse("plans:plan_detail", args=[draft.pk])).content.decode()
    assert "Mama lernt Deutsch" in page
    assert "Fortschreibung 2019" in page  # the lineage names the predecessor's plan
    assert forum.get_absolute_url() in page
    assert reverse("plans:measure_merge", args=[draft.pk]) in page
    assert reverse("plans:adopt", args=[draft.pk]) not in page  # Koordination only


def test_adopted_plan_offers_the_start_only_to_koordination(
    client, plan, koordination, sachbearbeitung
):
    url = reverse("plans:plan_detail", args=[plan.pk])
    start_url = reverse("plans:start", args=[plan.pk])
    client.force_login(sachbearbeitung)
    assert start_url not in client.get(url).content.decode()
    client.force_login(koordination)
    assert start_url in client.get(url).content.decode()


def test_archived_plan_is_read_only(client, draft, plan, koordination):
    plan.state = Plan.State.ARCHIVED
    plan.save()
    client.force_login(koordination)
    page = client.get(reverse("plans:plan_detail", args=[plan.pk])).content.decode()
    assert reverse("plans:start", args=[plan.pk]) not in page
    assert reverse("plans:plan_edit", args=[plan.pk]) not in page
    assert "/split/" not in page


def _grow(plan, count):
    field = ActionField.objects.create(
        plan=plan, code=f"{count}", title=f"Feld {count}", order=count
    )
    measures = add_measures(field, count)
    for measure in measures:
        measure.partner_actors.add(measure.plan.measures.first().lead_actor)
    return measures


def test_plan_pages_keep_a_fixed_number_of_queries(
    client, draft, plan, koordination, django_assert_num_queries
):
    client.force_login(koordination)
    detail = reverse("plans:plan_detail", args=[draft.pk])
    listing = reverse("plans:plan_list")
    _grow(draft, 3)
    client.get(detail)
    # session, user, the user's permissions (2), plan, action fields, measures, predecessors,
    # forums, sections (the committee's agenda items)
    with django_assert_num_queries(10) as small:
        client.get(detail)
    with django_assert_num_queries(5):
        client.get(listing)
    _grow(draft, 30)
    draft.measures.first().predecessors.add(*Measure.objects.filter(plan=plan))
    with django_assert_num_queries(len(small.captured_queries)):
        client.get(detail)
    with django_assert_num_queries(5):
        client.get(listing)


# Adoption ------------------------------------------------------------------------------------


def test_adopt_makes_the_draft_current_and_archives_the_old_plan(draft, plan, koordination):
    adopted = services.adopt(draft, koordination, datetime.date(2026, 11, 12), "GR 2026/117")
    plan.refresh_from_db()
    assert adopted.state == Plan.State.ADOPTED
    assert adopted.adopted_on == datetime.date(2026, 11, 12)
    assert adopted.resolution_reference == "GR 2026/117"
    assert plan.state == Plan.State.ARCHIVED
    assert Plan.current() == adopted


def test_adopt_is_refused_while_a_round_of_the_old_plan_is_open(draft, plan, koordination):
    make_round(plan, title="Monitoring Herbst 2026")
    make_round(plan, title="Entwurfsrunde", state=MonitoringRound.State.DRAFT)
    with pytest.raises(FortschreibungError, match="Monitoring Herbst 2026") as refused:
        services.adopt(draft, koordination, datetime.date(2026, 11, 12), "GR 2026/117")
    assert "Entwurfsrunde" not in str(refused.value)
    draft.refresh_from_db()
    plan.refresh_from_db()
    assert (draft.state, plan.state) == (Plan.State.DRAFT, Plan.State.ADOPTED)


def test_adopt_is_refused_for_a_plan_that_is_no_draft(plan, koordination):
    with pytest.raises(FortschreibungError):
        services.adopt(plan, koordination, datetime.date(2026, 11, 12), "GR 1")


def test_adopt_form_refuses_a_future_date(client, draft, koordination):
    client.force_login(koordination)
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    response = client.post(
        reverse("plans:adopt", args=[draft.pk]),
        {"adopted_on": tomorrow.isoformat(), "resolution_reference": "GR 1"},
    )
    assert response.status_code == 200
    draft.refresh_from_db()
    assert draft.state == Plan.State.DRAFT


def test_adopt_page_lists_open_rounds_and_refuses(client, draft, plan, koordination):
    make_round(plan, title="Monitoring Herbst 2026")
    client.force_login(koordination)
    url = reverse("plans:adopt", args=[draft.pk])
    assert "Monitoring Herbst 2026" in client.get(url).content.decode()
    response = client.post(
        url, {"adopted_on": "2026-11-12", "resolution_reference": "GR 1"}, follow=True
    )
    assert "Monitoring Herbst 2026" in response.content.decode()
    draft.refresh_from_db()
    assert draft.state == Plan.State.DRAFT


def test_koordination_records_the_adoption(client, draft, plan, koordination):
    client.force_login(koordination)
    response = client.post(
        reverse("plans:adopt", args=[draft.pk]),
        {"adopted_on": "2026-11-12", "resolution_reference": "GR 2026/117"},
    )
    assert response.url == reverse("plans:plan_detail", args=[draft.pk])
    plan.refresh_from_db()
    assert plan.state == Plan.State.ARCHIVED


# The measure's earlier history -----------------------------------------------------------------


def test_measure_page_shows_the_history_across_plan_versions(
    client, draft, measure, status_report, lesezugriff
):
    client.force_login(lesezugriff)
    copy = draft.measures.get()
    page = client.get(copy.get_absolute_url()).content.decode()
    assert "Vorgeschichte" in page
    assert "01.10.2026" in page  # the predecessor's accepted report
    assert "Fortschreibung 2019" in page


def test_measure_history_keeps_a_fixed_number_of_queries(
    client, plan, measure, koordination, lesezugriff, django_assert_num_queries
):
    """Three generations back, with few and with many reports."""
    older = measure
    for year in (2027, 2031, 2035):
        newer = start_draft(Plan.objects.get(state=Plan.State.ADOPTED), koordination, f"{year}")
        services.adopt(newer, koordination, datetime.date(2026, 1, 1), f"GR {year}")
        older = newer.measures.get()
    client.force_login(lesezugriff)

    def reports(count):
        for ancestor in Measure.objects.exclude(pk=older.pk):
            for number in range(count):
                StatusReport.objects.create(
                    measure=ancestor,
                    reporting_date=datetime.date(2020, 1, 1) + datetime.timedelta(number),
                    status="in_progress",
                    progress=10,
                    text="Bericht",
                    review_state="accepted",
                )

    reports(1)
    client.get(older.get_absolute_url())
    caching.forget_everything()
    with CaptureQueriesContext(connection) as small:
        client.get(older.get_absolute_url())
    reports(10)
    caching.forget_everything()
    with django_assert_num_queries(len(small.captured_queries)):
        page = client.get(older.get_absolute_url()).content.decode()
    assert "Fortschreibung 2019" in page and "2027" in page and "2031" in page


# The committee's agenda item (committee/plan_links.py) --------------------------------------


def _item(state):
    from committee.models import AgendaItem, Committee, Meeting

    committee = Committee.objects.get_or_create(name="Gemeinderat", short_name="GR")[0]
    meeting = Meeting.objects.create(
        committee=committee,
        number=Meeting.objects.count() + 1,
        start=timezone.make_aware(datetime.datetime(2026, 11, 12, 17)),
        state=state,
    )
    return AgendaItem.objects.create(
        meeting=meeting, number="4", title="Integrationsplan 2027", resolution="Beschlossen."
    )


def test_adoption_records_the_agenda_item_and_the_plan_page_shows_it(client, draft, koordination):
    from committee.models import Meeting

    held = _item(Meeting.State.HELD)
    planned = _item(Meeting.State.PLANNED)
    client.force_login(koordination)
    url = reverse("plans:adopt", args=[draft.pk])
    form = client.get(url).content.decode()
    assert "Tagesordnungspunkt" in form
    assert f'value="{held.pk}"' in form
    assert f'value="{planned.pk}"' not in form  # only items of held meetings
    client.post(
        url,
        {"adopted_on": "2026-11-12", "resolution_reference": "GR 2026/117", "agenda_item": held.pk},
    )
    held.refresh_from_db()
    assert held.adopted_plan == draft
    assert held.history.first().history_user == koordination
    page = client.get(reverse("plans:plan_detail", args=[draft.pk])).content.decode()
    assert "Integrationsplan 2027" in page
    assert held.meeting.get_absolute_url() in page


def test_adoption_without_an_agenda_item_links_none(client, draft, koordination):
    from committee.models import Meeting

    held = _item(Meeting.State.HELD)
    client.force_login(koordination)
    client.post(
        reverse("plans:adopt", args=[draft.pk]),
        {"adopted_on": "2026-11-12", "resolution_reference": "GR 2026/117", "agenda_item": ""},
    )
    draft.refresh_from_db()
    held.refresh_from_db()
    assert draft.state == Plan.State.ADOPTED
    assert held.adopted_plan is None


def test_plan_page_lists_codes_in_reading_order(client, plan, action_field, measure, lesezugriff):
    add_measures(action_field, 9, start=2)  # 1.2 … 1.10
    client.force_login(lesezugriff)
    page = client.get(reverse("plans:plan_detail", args=[plan.pk])).content.decode()
    assert page.index("<td>1.2</td>") < page.index("<td>1.9</td>") < page.index("<td>1.10</td>")
