import csv
import datetime
import io
import re

import openpyxl
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from measures.models import ActionField, Measure, Plan, StatusReport
from tests.factories import add_measures

LIST = reverse("measures:list")


@pytest.fixture
def logged_in(client, lesezugriff):
    client.force_login(lesezugriff)
    return client


def titles(response):
    return [m.title for m in response.context["page_obj"].object_list]


def test_it_lists_measures_of_the_current_plan_by_default(logged_in, measure, plan):
    old = Plan.objects.create(title="Erster Plan", version_label="2010", state="archived")
    field = ActionField.objects.create(plan=old, code="1", title="Sprache")
    Measure.objects.create(plan=old, action_field=field, code="1.1", title="Alter Kurs")
    response = logged_in.get(LIST)
    assert titles(response) == ["Mama lernt Deutsch"]
    response = logged_in.get(LIST, {"plan": old.pk})
    assert titles(response) == ["Alter Kurs"]


def test_it_filters_by_status_and_free_text(logged_in, plan, action_field, measure):
    add_measures(plan, action_field, 2, status=Measure.Status.DELAYED)
    assert len(titles(logged_in.get(LIST, {"status": "delayed"}))) == 2
    assert titles(logged_in.get(LIST, {"q": "mama"})) == ["Mama lernt Deutsch"]
    both = logged_in.get(LIST, {"status": ["delayed", "in_progress"]})
    assert len(titles(both)) == 3


def test_it_filters_overdue_and_stale(logged_in, plan, action_field, measure):
    late = Measure.objects.create(
        plan=plan,
        action_field=action_field,
        code="1.9",
        title="Verspätet",
        end=datetime.date(2020, 1, 1),
        status=Measure.Status.IN_PROGRESS,
    )
    assert titles(logged_in.get(LIST, {"overdue": "yes"})) == ["Verspätet"]
    assert "Verspätet" not in titles(logged_in.get(LIST, {"overdue": "no"}))
    # Neither measure has an accepted report: both are stale until one gets a recent one.
    StatusReport.objects.create(
        measure=measure,
        status=measure.status,
        progress=measure.progress,
        text="Aktuell",
        review_state=StatusReport.ReviewState.ACCEPTED,
    )
    assert titles(logged_in.get(LIST, {"stale": "yes"})) == [late.title]
    assert titles(logged_in.get(LIST, {"stale": "no"})) == [measure.title]


def test_it_sorts_by_progress(logged_in, plan, action_field, measure):
    add_measures(plan, action_field, 1, progress=90)
    assert titles(logged_in.get(LIST, {"ordering": "-progress"}))[0] == "Maßnahme 0"
    assert titles(logged_in.get(LIST, {"ordering": "progress"}))[0] == "Mama lernt Deutsch"


def test_it_paginates_25_per_page(logged_in, plan, action_field):
    add_measures(plan, action_field, 30)
    assert len(titles(logged_in.get(LIST))) == 25
    assert len(titles(logged_in.get(LIST, {"page": 2}))) == 5
    assert logged_in.get(LIST, {"page": 9}).status_code == 404


def test_it_shows_a_progress_bar_and_an_empty_state(logged_in, measure):
    response = logged_in.get(LIST)
    assert b'<progress value="40" max="100"' in response.content
    response = logged_in.get(LIST, {"q": "gibt es nicht"})
    assert titles(response) == []
    assert "Keine Maßnahme entspricht diesem Filter." in response.content.decode()


def test_query_count_does_not_grow_with_the_data(logged_in, plan, action_field):
    add_measures(plan, action_field, 3)
    with CaptureQueriesContext(connection) as small:
        logged_in.get(LIST)
    add_measures(plan, action_field, 40, start=3)
    with CaptureQueriesContext(connection) as large:
        logged_in.get(LIST)
    assert len(small) == len(large)
    assert len(large) <= 15


def test_csv_export_follows_the_filter_and_opens_in_german_excel(logged_in, plan, action_field):
    add_measures(plan, action_field, 2, status=Measure.Status.DELAYED)
    add_measures(plan, action_field, 1, start=5, status=Measure.Status.DONE, progress=100)
    response = logged_in.get(reverse("measures:export", args=["csv"]), {"status": "delayed"})
    assert response["Content-Type"].startswith("text/csv")
    body = response.content.decode("utf-8")
    assert body.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(body.lstrip("\ufeff")), delimiter=";"))
    assert rows[0][:4] == ["Plan", "Handlungsfeld", "Nummer", "Titel"]
    assert len(rows) == 3
    assert {row[4] for row in rows[1:]} == {"verzögert"}


def test_xlsx_export_stores_formula_like_text_as_text(logged_in, plan, action_field, measure):
    # A text cell is never run as a formula: it needs no apostrophe, which would show.
    measure.title = '=HYPERLINK("http://example.com")'
    measure.goal = "+1 und -2 @ Ziel"
    measure.save()
    response = logged_in.get(reverse("measures:export", args=["xlsx"]))
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    cells = {cell.value: cell.data_type for cell in sheet[2]}
    assert cells['=HYPERLINK("http://example.com")'] == "s"
    assert cells["+1 und -2 @ Ziel"] == "s"


def test_unknown_export_format_is_404(logged_in):
    assert logged_in.get(reverse("measures:export", args=["pdf"])).status_code == 404


def test_page_and_export_links_keep_the_filter(logged_in, plan, action_field):
    add_measures(plan, action_field, 30, status=Measure.Status.DELAYED)
    page = logged_in.get(LIST, {"status": "delayed", "page": 1}).content.decode()
    assert 'href="?status=delayed&amp;page=2" rel="next"' in page
    export = reverse("measures:export", args=["xlsx"])
    assert f'href="{export}?status=delayed"' in page


@pytest.mark.parametrize("field", ["overdue", "stale"])
def test_yes_no_filters_offer_all_yes_and_no(logged_in, field):
    page = logged_in.get(reverse("measures:list")).content.decode()
    select = re.search(rf'<select name="{field}"[^>]*>(.*?)</select>', page, re.S).group(1)
    assert re.findall(r"<option [^>]*>([^<]*)</option>", select) == ["alle", "ja", "nein"]
