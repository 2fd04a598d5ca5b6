"""Working on the draft: add, edit, merge, split and end measures (issue 13)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from measures.fortschreibung import services
from measures.fortschreibung.services import FortschreibungError
from measures.models import Measure, Plan
from tests.plans.draft_builders import add_measures, draft_measure, make_forum, partner, start_draft


@pytest.fixture
def old_measures(plan, action_field, measure):
    return [measure, *add_measures(action_field, 3, start=2)]


@pytest.fixture
def draft(plan, old_measures, koordination):
    return start_draft(plan, koordination)


@pytest.fixture
def clerk(client, sachbearbeitung):
    client.force_login(sachbearbeitung)
    return client


# Adding and editing --------------------------------------------------------------------------


def test_clerk_adds_a_measure_from_a_forum(clerk, draft, actor):
    forum = make_forum()
    draft.forums.add(forum)
    field = draft.action_fields.get()
    response = clerk.post(
        reverse("plans:measure_create", args=[draft.pk]),
        {
            "action_field": field.pk,
            "code": "1.9",
            "title": "Sprachcafé für Väter",
            "lead_actor": actor.pk,
            "source_forum": forum.pk,
            "priority": "medium",
        },
    )
    added = draft_measure(draft, "1.9")
    assert response.url == added.get_absolute_url()
    assert added.source_forum == forum
    assert added.predecessors.count() == 0
    page = clerk.get(reverse("plans:plan_detail", args=[draft.pk])).content.decode()
    assert "Sprachcafé für Väter" in page and "neu" in page


def test_new_measure_needs_a_code_unused_in_the_draft(clerk, draft):
    field = draft.action_fields.get()
    response = clerk.post(
        reverse("plans:measure_create", args=[draft.pk]),
        {"action_field": field.pk, "code": "1.1", "title": "Doppelt"},
    )
    assert response.status_code == 200
    assert "Eine Maßnahme mit dieser Nummer" in response.content.decode()
    assert draft.measures.filter(title="Doppelt").count() == 0


def test_forum_choices_are_the_drafts_forums(clerk, draft):
    other = make_forum("Netzwerktreffen")
    response = clerk.get(reverse("plans:measure_create", args=[draft.pk]))
    assert other.title not in response.content.decode()


def test_copied_measure_is_edited_on_the_measure_edit_page(clerk, draft):
    copy = draft_measure(draft, "1.1")
    url = reverse("measures:edit", args=[copy.pk])
    form = clerk.get(url).context["form"]
    data = {name: value for name, value in form.initial.items() if value is not None}
    data.update(
        title="Mama und Papa lernen Deutsch",
        action_field=copy.action_field_id,
        lead_actor=copy.lead_actor_id,
        partner_actors=[],
    )
    data.pop("responsible", None)
    response = clerk.post(url, data)
    assert response.status_code == 302
    copy.refresh_from_db()
    assert copy.title == "Mama und Papa lernen Deutsch"
    assert Measure.objects.get(plan__state=Plan.State.ADOPTED, code="1.1").title == (
        "Mama lernt Deutsch"
    )


def test_the_adopted_plan_cannot_take_new_measures(clerk, draft, plan):
    response = clerk.get(reverse("plans:measure_create", args=[plan.pk]), follow=True)
    assert "ist kein Entwurf" in response.content.decode()


# Merging -------------------------------------------------------------------------------------


def test_merge_unites_predecessors_and_partners(draft, old_measures, koordination):
    first, second = draft_measure(draft, "1.2"), draft_measure(draft, "1.3")
    first.partner_actors.add(partner("Jobcenter"))
    second.partner_actors.add(partner("Caritas"))
    merged = services.merge_measures(
        draft,
        [first, second],
        koordination,
        action_field=first.action_field,
        code="1.2",
        title="Sprachförderung für Familien",
        description="Zusammengeführt.",
    )
    assert set(merged.predecessors.values_list("code", flat=True)) == {"1.2", "1.3"}
    assert set(merged.partner_actors.values_list("name", flat=True)) == {"Jobcenter", "Caritas"}
    assert not Measure.objects.filter(pk__in=[first.pk, second.pk]).exists()
    # The history keeps the merged measures and who merged them.
    deleted = Measure.history.filter(id=second.pk, history_type="-").get()
    assert deleted.history_user == koordination


def test_merge_needs_two_measures_of_the_draft(draft, plan, old_measures, koordination):
    one = draft_measure(draft, "1.2")
    with pytest.raises(FortschreibungError):
        services.merge_measures(
            draft,
            [one],
            koordination,
            action_field=one.action_field,
            code="9",
            title="X",
            description="",
        )
    with pytest.raises(FortschreibungError):
        services.merge_measures(
            draft,
            [one, old_measures[0]],
            koordination,
            action_field=one.action_field,
            code="9",
            title="X",
            description="",
        )
    assert Measure.objects.filter(pk=one.pk).exists()


def test_merge_page_asks_for_confirmation_first(clerk, draft):
    first, second = draft_measure(draft, "1.2"), draft_measure(draft, "1.3")
    url = reverse("plans:measure_merge", args=[draft.pk])
    data = {
        "measures": [first.pk, second.pk],
        "action_field": first.action_field_id,
        "code": "1.2",
        "title": "Sprachförderung für Familien",
        "description": "",
    }
    page = clerk.post(url, data).content.decode()
    assert "Wird aus dem Entwurf entfernt" in page
    assert Measure.objects.filter(pk=first.pk).exists()
    response = clerk.post(url, {**data, "confirm": "1"})
    merged = draft_measure(draft, "1.2")
    assert response.url == merged.get_absolute_url()
    assert merged.title == "Sprachförderung für Familien"
    assert merged.predecessors.count() == 2


def test_merge_code_must_not_collide_with_a_remaining_measure(clerk, draft):
    first, second = draft_measure(draft, "1.2"), draft_measure(draft, "1.3")
    response = clerk.post(
        reverse("plans:measure_merge", args=[draft.pk]),
        {
            "measures": [first.pk, second.pk],
            "action_field": first.action_field_id,
            "code": "1.4",
            "title": "X",
            "confirm": "1",
        },
    )
    assert response.status_code == 200
    assert Measure.objects.filter(pk=first.pk).exists()


# Splitting -----------------------------------------------------------------------------------


def test_split_gives_each_part_the_same_predecessor(draft, old_measures, koordination):
    original = draft_measure(draft, "1.1")
    parts = services.split_measure(
        original, [("1.1", "Mama lernt Deutsch"), ("1.5", "Papa lernt Deutsch")], koordination
    )
    assert [part.code for part in parts] == ["1.1", "1.5"]
    for part in parts:
        assert list(part.predecessors.all()) == [old_measures[0]]
        assert part.lead_actor_id == original.lead_actor_id
    assert not Measure.objects.filter(pk=original.pk).exists()


def test_split_page_confirms_and_shows_the_parts_as_split(clerk, draft):
    original = draft_measure(draft, "1.1")
    url = reverse("plans:measure_split", args=[draft.pk, original.pk])
    data = {"code_1": "1.1", "title_1": "Mütter", "code_2": "1.7", "title_2": "Väter"}
    assert "Neu im Entwurf" in clerk.post(url, data).content.decode()
    response = clerk.post(url, {**data, "confirm": "1"})
    assert response.url == reverse("plans:plan_detail", args=[draft.pk])
    page = clerk.get(response.url).content.decode()
    assert "aufgeteilt aus:" in page


def test_split_refuses_duplicate_and_taken_codes(clerk, draft):
    original = draft_measure(draft, "1.1")
    url = reverse("plans:measure_split", args=[draft.pk, original.pk])
    page = clerk.post(
        url, {"code_1": "1.8", "title_1": "A", "code_2": "1.8", "title_2": "B", "confirm": "1"}
    ).content.decode()
    assert "eigene Nummer" in page
    page = clerk.post(
        url, {"code_1": "1.8", "title_1": "A", "code_2": "1.2", "title_2": "B", "confirm": "1"}
    ).content.decode()
    assert "Eine Maßnahme mit dieser Nummer" in page
    assert Measure.objects.filter(pk=original.pk).exists()


def test_split_of_another_plans_measure_is_not_found(clerk, draft, old_measures):
    url = reverse("plans:measure_split", args=[draft.pk, old_measures[0].pk])
    assert clerk.get(url).status_code == 404


# Ending --------------------------------------------------------------------------------------


def test_end_records_the_reason_on_the_earlier_plan(draft, old_measures, koordination):
    copy = draft_measure(draft, "1.4")
    ended = services.end_measure(
        copy, Measure.EndReason.REGULAR, "Läuft beim Amt weiter.", koordination
    )
    original = old_measures[3]
    original.refresh_from_db()
    assert ended == [original]
    assert original.end_reason == Measure.EndReason.REGULAR
    assert original.end_note == "Läuft beim Amt weiter."
    assert not Measure.objects.filter(pk=copy.pk).exists()


def test_end_of_one_part_of_a_split_leaves_the_original_without_reason(
    draft, old_measures, koordination
):
    _first, second = services.split_measure(
        draft_measure(draft, "1.1"), [("1.1", "A"), ("1.6", "B")], koordination
    )
    assert services.end_measure(second, Measure.EndReason.DROPPED, "", koordination) == []
    old_measures[0].refresh_from_db()
    assert old_measures[0].end_reason == ""


def test_a_new_measure_cannot_be_ended(draft, koordination):
    new = services.add_measure(
        draft,
        koordination,
        Measure(action_field=draft.action_fields.get(), code="1.9", title="Neu"),
    )
    with pytest.raises(FortschreibungError, match="neu im Entwurf"):
        services.end_measure(new, Measure.EndReason.DROPPED, "", koordination)


def test_end_page_confirms_then_shows_the_reason_on_the_old_plan(clerk, draft, plan):
    copy = draft_measure(draft, "1.3")
    url = reverse("plans:measure_end", args=[draft.pk, copy.pk])
    data = {"reason": "implemented", "note": ""}
    assert "endet, weil „umgesetzt“" in clerk.post(url, data).content.decode()
    clerk.post(url, {**data, "confirm": "1"})
    page = clerk.get(reverse("plans:plan_detail", args=[plan.pk])).content.decode()
    assert "endet: umgesetzt" in page


# Editing the draft itself --------------------------------------------------------------------


def test_clerk_edits_title_introduction_and_forums(clerk, draft):
    forum = make_forum()
    response = clerk.post(
        reverse("plans:plan_edit", args=[draft.pk]),
        {
            "title": "Integrationsplan 2027",
            "version_label": "Entwurf 2027",
            "introduction": "Der Plan wurde mit dem Netzwerk fortgeschrieben.",
            "forums": [forum.pk],
        },
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.introduction.startswith("Der Plan")
    assert list(draft.forums.all()) == [forum]


def test_adopted_plan_cannot_be_edited_here(clerk, draft, plan):
    response = clerk.post(
        reverse("plans:plan_edit", args=[plan.pk]),
        {"title": "Anders", "version_label": "x"},
        follow=True,
    )
    assert "ist kein Entwurf" in response.content.decode()
    plan.refresh_from_db()
    assert plan.title != "Anders"


def test_reading_role_may_not_change_the_draft(client, draft, lesezugriff):
    client.force_login(lesezugriff)
    assert client.get(reverse("plans:measure_merge", args=[draft.pk])).status_code == 403
    page = client.get(reverse("plans:plan_detail", args=[draft.pk])).content.decode()
    assert "/split/" not in page
    assert reverse("plans:measure_create", args=[draft.pk]) not in page


def test_draft_form_pages_keep_a_fixed_number_of_queries(clerk, draft, old_measures):
    field = draft.action_fields.get()
    part = draft_measure(draft, "1.1")
    urls = [
        reverse("plans:measure_create", args=[draft.pk]),
        reverse("plans:measure_merge", args=[draft.pk]),
        reverse("plans:measure_split", args=[draft.pk, part.pk]),
        reverse("plans:measure_end", args=[draft.pk, part.pk]),
        reverse("plans:plan_edit", args=[draft.pk]),
        reverse("plans:adopt", args=[draft.pk]),
    ]

    def counts():
        found = []
        for url in urls:
            with CaptureQueriesContext(connection) as queries:
                assert clerk.get(url).status_code in (200, 403)
            found.append(len(queries))
        return found

    add_measures(field, 3, start=10)
    for number in range(3):
        make_forum(f"Fachforum {number}")
    small = counts()
    add_measures(field, 30, start=20)
    for number in range(30):
        make_forum(f"Weiteres Fachforum {number}")
    assert counts() == small


def test_split_service_refuses_a_code_another_measure_keeps(draft, koordination):
    original = draft_measure(draft, "1.1")
    with pytest.raises(FortschreibungError, match="Nummer"):
        services.split_measure(original, [("1.1", "A"), ("1.2", "B")], koordination)
    assert Measure.objects.filter(pk=original.pk).exists()
