"""The public measure list and a measure's public page (issue 14)."""

import datetime

import pytest
from django.urls import reverse

from core import caching
from measures.models import ActionField, Measure, Plan, StatusReport
from network.models import Actor
from tests.factories import add_measures
from tests.public.builders import (
    accepted_report,
    archived_plan,
    indicator_with_values,
    measure_in,
)

LIST = reverse("public:measure_list")


def page_of(measure):
    return reverse("public:measure_detail", args=[measure.pk])


# ---- The list ----


def test_list_shows_public_measures_of_the_adopted_plan_only(client, plan, measure):
    measure_in(plan, code="1.2", title="Verborgene Maßnahme", is_public=False)
    measure_in(archived_plan(), code="1.3", title="Alte Maßnahme")
    draft = Plan.objects.create(title="Entwurf", version_label="2027", state=Plan.State.DRAFT)
    measure_in(draft, code="1.4", title="Entwurfsmaßnahme")

    html = client.get(LIST).content.decode()

    assert "Mama lernt Deutsch" in html
    assert page_of(measure) in html
    for hidden in ("Verborgene Maßnahme", "Alte Maßnahme", "Entwurfsmaßnahme"):
        assert hidden not in html
    assert "1 Maßnahme" in html


def test_list_shows_number_action_field_status_and_progress(client, measure):
    html = client.get(LIST).content.decode()

    assert "1.1" in html
    assert "1 Sprache" in html
    assert "in Umsetzung" in html
    assert '<progress value="40" max="100"' in html


def test_list_filters_by_action_field(client, plan, measure):
    work = ActionField.objects.create(plan=plan, code="3", title="Arbeit", order=3)
    Measure.objects.create(plan=plan, action_field=work, code="3.1", title="Jobbrücke")

    html = client.get(LIST, {"action_field": work.pk}).content.decode()

    assert "Jobbrücke" in html
    assert "Mama lernt Deutsch" not in html


def test_the_action_field_choices_are_those_of_the_adopted_plan(client, plan, action_field):
    old = archived_plan()
    ActionField.objects.create(plan=old, code="9", title="Altes Handlungsfeld")

    html = client.get(LIST).content.decode()

    assert "1 Sprache</option>" in html
    assert "Altes Handlungsfeld" not in html


def test_list_filters_by_status(client, plan, measure):
    measure_in(plan, code="1.2", title="Unternehmerpreis", status=Measure.Status.DONE, progress=100)

    html = client.get(LIST, {"status": "done"}).content.decode()

    assert "Unternehmerpreis" in html
    assert "Mama lernt Deutsch" not in html


def test_search_finds_every_word_in_title_description_or_goal(client, plan, measure):
    measure_in(
        plan, code="1.2", title="Sprachcafé", description="Treffpunkt in der Stadtbibliothek"
    )

    found = client.get(LIST, {"q": "treffpunkt bibliothek"}).content.decode()
    nothing = client.get(LIST, {"q": "treffpunkt schwimmbad"}).content.decode()

    assert "Sprachcafé" in found
    assert "Mama lernt Deutsch" not in found
    assert "Keine Maßnahme passt zu Ihrem Filter." in nothing


def test_search_finds_a_measure_by_its_number(client, plan, measure):
    measure_in(plan, code="1.2", title="Sprachcafé")

    html = client.get(LIST, {"q": "1.2"}).content.decode()

    assert "Sprachcafé" in html
    assert "Mama lernt Deutsch" not in html


def test_the_filter_is_a_labelled_get_form_with_a_button(client, measure):
    html = client.get(LIST).content.decode()

    assert '<form method="get"' in html
    for field in ("id_q", "id_action_field", "id_status"):
        assert f'<label for="{field}">' in html
    assert '<button type="submit" class="button">Maßnahmen anzeigen</button>' in html


def test_list_is_paginated_by_25(client, plan, action_field):
    add_measures(plan, action_field, 30)

    first = client.get(LIST).content.decode()
    second = client.get(LIST, {"page": 2}).content.decode()

    assert first.count("<tr>") == 1 + 25
    assert second.count("<tr>") == 1 + 5
    assert "Seite 2 von 2" in second
    assert "30 Maßnahmen" in first


def test_a_page_beyond_the_last_shows_the_last(client, plan, action_field):
    add_measures(plan, action_field, 3)

    response = client.get(LIST, {"page": "99"})

    assert response.status_code == 200
    assert response.content.decode().count("<tr>") == 1 + 3


def test_empty_list_says_nothing_has_been_published(client, plan):
    html = client.get(LIST).content.decode()

    assert "Es wurden noch keine Maßnahmen veröffentlicht." in html
    assert "<table" not in html


def test_list_answers_with_a_fixed_number_of_queries(
    client, plan, action_field, django_assert_num_queries
):
    def count_for(total):
        existing = Measure.objects.count()
        add_measures(plan, action_field, total - existing, start=existing)
        caching.forget_everything()
        # data version, action field choices, count, the page's measures (with field and lead)
        with django_assert_num_queries(4):
            assert client.get(LIST, {"status": "planned"}).status_code == 200

    count_for(3)
    count_for(30)


# ---- A measure's page ----


def test_measure_page_shows_what_the_public_may_know(client, plan, measure, actor):
    partner = Actor.objects.create(name="Caritas Fils-Neckar-Alb", kind=Actor.Kind.WELFARE)
    measure.partner_actors.add(partner)
    Measure.objects.filter(pk=measure.pk).update(
        goal="Mütter sprechen im Alltag Deutsch.", description="Kurs mit Kinderbetreuung."
    )

    html = client.get(page_of(measure)).content.decode()

    assert "<h1>1.1 Mama lernt Deutsch</h1>" in html
    assert "1 Sprache" in html
    assert "in Umsetzung" in html
    assert '<progress value="40" max="100"' in html
    assert "01.09.2019 – 31.07.2030" in html
    assert "Volkshochschule Göppingen" in html
    assert "Caritas Fils-Neckar-Alb" in html
    assert "Mütter sprechen im Alltag Deutsch." in html
    assert "Kurs mit Kinderbetreuung." in html


def test_continuous_measure_shows_it_has_no_end(client, plan, measure):
    Measure.objects.filter(pk=measure.pk).update(end=None, is_continuous=True)

    html = client.get(page_of(measure)).content.decode()

    assert "01.09.2019 – dauerhaft" in html


@pytest.mark.parametrize("case", ["unknown", "not public", "draft plan"])
def test_measure_page_is_404(client, plan, measure, case):
    if case == "unknown":
        url = reverse("public:measure_detail", args=[measure.pk + 100])
    elif case == "not public":
        Measure.objects.filter(pk=measure.pk).update(is_public=False)
        url = page_of(measure)
    else:
        draft = Plan.objects.create(title="Entwurf", version_label="2027", state=Plan.State.DRAFT)
        url = page_of(measure_in(draft))

    assert client.get(url).status_code == 404


def test_timeline_shows_public_summaries_of_accepted_reports_only(client, measure):
    accepted_report(
        measure,
        datetime.date(2026, 3, 1),
        public_summary="Der zweite Kurs hat begonnen.",
        obstacles="Raum fehlt",
        next_steps="Raum suchen",
    )
    accepted_report(measure, datetime.date(2025, 9, 1), status=Measure.Status.PLANNED, progress=0)
    accepted_report(
        measure,
        datetime.date(2026, 6, 1),
        public_summary="Noch nicht geprüft.",
        review_state=StatusReport.ReviewState.SUBMITTED,
    )

    html = client.get(page_of(measure)).content.decode()

    assert "Der zweite Kurs hat begonnen." in html
    assert "01.03.2026: in Umsetzung, 50 %" in html
    # A report without a public summary shows its date and status only.
    assert "01.09.2025: geplant, 0 %" in html
    assert html.index("01.03.2026") < html.index("01.09.2025")
    for internal in ("Interner Sachstand.", "Raum fehlt", "Raum suchen", "Noch nicht geprüft."):
        assert internal not in html


def test_indicators_show_values_in_a_chart_and_a_table(client, measure):
    indicator_with_values(measure)

    html = client.get(page_of(measure)).content.decode()

    assert "Teilnehmerinnen (Personen)" in html
    assert '<svg class="chart__svg" role="img"' in html
    assert (
        "Werte der Kennzahl „Teilnehmerinnen (Personen)“: 12/2023: 12; 12/2024: 18; 12/2025: 25."
        in html
    )
    assert '<th scope="row">31.12.2025</th><td class="number">25</td>' in html
    assert "letzter Wert: 25 (31.12.2025)" in html


def test_measure_of_an_archived_plan_points_to_its_successor(client, plan, measure):
    old = measure_in(archived_plan(), code="2.4", title="Deutschkurs für Mütter")
    measure.predecessors.add(old)

    response = client.get(page_of(old))
    html = response.content.decode()

    assert response.status_code == 200
    assert "Deutschkurs für Mütter" in html
    assert "Diese Maßnahme wird im aktuellen Plan fortgeführt:" in html
    assert f'<a href="{page_of(measure)}">1.1 Mama lernt Deutsch</a>' in html


def test_no_successor_notice_for_a_hidden_successor_or_a_current_measure(client, plan, measure):
    old = measure_in(archived_plan(), code="2.4", title="Deutschkurs für Mütter")
    measure.predecessors.add(old)
    Measure.objects.filter(pk=measure.pk).update(is_public=False)

    old_page = client.get(page_of(old)).content.decode()
    current_page = client.get(page_of(measure_in(plan, code="1.5"))).content.decode()

    assert "fortgeführt" not in old_page
    assert "Mama lernt Deutsch" not in old_page
    assert "früheren Plan" in old_page
    assert "früheren Plan" not in current_page


def test_measure_page_answers_with_a_fixed_number_of_queries(
    client, plan, measure, django_assert_num_queries
):
    old = measure_in(archived_plan(), code="2.4", title="Deutschkurs für Mütter")
    measure.predecessors.add(old)

    def count_for(size):
        for number in range(size - old.partner_actors.count()):
            old.partner_actors.add(Actor.objects.create(name=f"Partner {size}-{number}"))
            accepted_report(
                old, datetime.date(2020, 1, 1) + datetime.timedelta(days=size * 40 + number)
            )
            indicator_with_values(old, title=f"Kennzahl {size}-{number}")
        caching.forget_everything()
        # data version, measure (plan, field, lead), partners, reports, indicators, values,
        # successors
        with django_assert_num_queries(7):
            assert client.get(page_of(old)).status_code == 200

    count_for(3)
    count_for(30)


# ---- Caching ----


def test_public_pages_are_cacheable_with_etag_and_last_modified(client, measure):
    for url in (LIST, page_of(measure)):
        response = client.get(url)

        assert response["Cache-Control"] == "public, max-age=300"
        assert response["ETag"]
        assert response["Last-Modified"]
        assert client.get(url, headers={"if-none-match": response["ETag"]}).status_code == 304


def test_a_saved_change_shows_on_the_next_request(client, measure):
    before = client.get(page_of(measure))

    measure.title = "Mama lernt Deutsch – mit Kinderbetreuung"
    measure.save()
    after = client.get(page_of(measure), headers={"if-none-match": before["ETag"]})

    assert after.status_code == 200
    assert after["ETag"] != before["ETag"]
    assert "mit Kinderbetreuung" in after.content.decode()
    assert "mit Kinderbetreuung" in client.get(LIST).content.decode()


def test_measure_hidden_later_disappears_at_once(client, measure):
    assert client.get(page_of(measure)).status_code == 200

    measure.is_public = False
    measure.save()

    assert client.get(page_of(measure)).status_code == 404
    assert "Mama lernt Deutsch" not in client.get(LIST).content.decode()


def test_pages_are_404_when_the_public_pages_are_off(client, measure, settings):
    settings.PUBLIC_PAGES_ENABLED = False

    assert client.get(LIST).status_code == 404
    assert client.get(page_of(measure)).status_code == 404


@pytest.mark.parametrize("field", ["q", "action_field", "status", "page"])
@pytest.mark.parametrize(
    "value", ["-1", "0", "99999999999", "abc", "' OR 1=1 --", "\x00", "x" * 5000, "a " * 2500]
)
def test_list_survives_any_query_string(client, measure, field, value):
    response = client.get(LIST, {field: value})

    assert response.status_code == 200
