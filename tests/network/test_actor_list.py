"""The actor list: find every actor working on a field, in a language or on a measure."""

import io
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from measures.models import ActionField, Measure
from network.models import Actor
from tests.factories import add_measures


def names(response):
    return [actor.name for actor in response.context["page_obj"].object_list]


@pytest.fixture
def network(measure, actor, migrant_organisation, action_field, plan):
    """VHS leads 1.1, the migrant organisation is its partner, the Jobcenter is neither."""
    measure.partner_actors.add(migrant_organisation)
    work = ActionField.objects.create(plan=plan, code="3", title="Arbeit", order=3)
    jobcenter = Actor.objects.create(
        name="Jobcenter Landkreis Göppingen", kind=Actor.Kind.PUBLIC_INSTITUTION, is_active=False
    )
    jobcenter.action_fields.add(work)
    return {"measure": measure, "vhs": actor, "club": migrant_organisation, "jobcenter": jobcenter}


@pytest.fixture
def logged_in(client, lesezugriff):
    client.force_login(lesezugriff)
    return client


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (
            "",
            [
                "Jobcenter Landkreis Göppingen",
                "Verein Brücke der Kulturen e. V.",
                "Volkshochschule Göppingen",
            ],
        ),
        ("kind=migrant_organisation", ["Verein Brücke der Kulturen e. V."]),
        ("language=ku", ["Verein Brücke der Kulturen e. V."]),
        ("language=de", ["Verein Brücke der Kulturen e. V."]),
        ("language=ar", []),
        ("is_active=false", ["Jobcenter Landkreis Göppingen"]),
        ("measure_role=lead", ["Volkshochschule Göppingen"]),
        ("measure_role=partner", ["Verein Brücke der Kulturen e. V."]),
        ("measure_role=any", ["Verein Brücke der Kulturen e. V.", "Volkshochschule Göppingen"]),
        ("measure_role=none", ["Jobcenter Landkreis Göppingen"]),
        ("q=landkreis", ["Jobcenter Landkreis Göppingen"]),
        (
            "ordering=-kind",
            [
                "Jobcenter Landkreis Göppingen",
                "Verein Brücke der Kulturen e. V.",
                "Volkshochschule Göppingen",
            ],
        ),
    ],
)
def test_filters_find_the_right_actors(logged_in, network, query, expected):
    response = logged_in.get(reverse("network:actor_list") + "?" + query)
    assert names(response) == expected


def test_action_field_filter_offers_the_current_plan(logged_in, network, action_field):
    url = reverse("network:actor_list") + f"?action_field={action_field.pk}"
    assert names(logged_in.get(url)) == ["Verein Brücke der Kulturen e. V."]


def test_a_measure_filter_finds_lead_and_partners(logged_in, network):
    url = reverse("network:actor_list") + f"?measure={network['measure'].pk}"
    assert names(logged_in.get(url)) == [
        "Verein Brücke der Kulturen e. V.",
        "Volkshochschule Göppingen",
    ]
    url += "&measure_role=partner"
    assert names(logged_in.get(url)) == ["Verein Brücke der Kulturen e. V."]


def test_language_filter_does_not_match_part_of_a_code(logged_in, db):
    Actor.objects.create(name="Afghanischer Frauenverein", languages="prs,ps")
    Actor.objects.create(name="Polnische Mission", languages="pl")
    url = reverse("network:actor_list") + "?language=ps"
    assert names(logged_in.get(url)) == ["Afghanischer Frauenverein"]


def test_the_list_shows_languages_and_measure_counts(logged_in, network):
    page = logged_in.get(reverse("network:actor_list")).content.decode()
    assert "Türkisch, Kurdisch, Deutsch" in page


def test_export_contains_exactly_the_filtered_list(logged_in, network):
    response = logged_in.get(reverse("network:actor_export", args=["xlsx"]) + "?kind=education")
    rows = list(load_workbook(io.BytesIO(response.content)).active.values)
    assert rows[0][:3] == ("Name", "Kurzname", "Art")
    assert [row[0] for row in rows[1:]] == ["Volkshochschule Göppingen"]


def test_csv_export_opens_in_german_excel_and_neutralises_formulas(logged_in, network):
    network["club"].notes = '=HYPERLINK("http://example.com")'
    network["club"].short_name = "@Brücke"
    network["club"].save()
    response = logged_in.get(reverse("network:actor_export", args=["csv"]))
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeffName;Kurzname;Art;")
    club = next(line for line in text.splitlines() if line.startswith("Verein"))
    assert ";'@Brücke;" in club
    assert "'=HYPERLINK" in club


def query_count(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_query_count_does_not_grow_with_the_data(logged_in, plan, action_field, network):
    url = reverse("network:actor_list") + "?ordering=-lead_count"
    small = query_count(logged_in, url)
    add_measures(plan, action_field, 30)
    for number in range(30):
        Actor.objects.create(name=f"Initiative {number}", languages="tr,ar")
    large = query_count(logged_in, url)
    # session, user, permissions, count, page, plan's action fields and measures for the filter
    assert small == large <= 15
    assert Measure.objects.count() > 30


def test_the_export_link_carries_the_filter(logged_in, network):
    page = logged_in.get(reverse("network:actor_list") + "?kind=education&page=1").content.decode()
    assert 'href="/network/actors/export.csv?kind=education"' in page


def select_options(page, name):
    """The (value, text) pairs of the select `name` as the page renders it."""
    select = re.search(rf'<select name="{name}"[^>]*>(.*?)</select>', page, re.S).group(1)
    return re.findall(r'<option value="([^"]*)"[^>]*>([^<]*)</option>', select)


@pytest.mark.parametrize(
    ("url_name", "field"),
    [
        ("network:actor_list", "is_active"),
        ("network:group_list", "is_active"),
        ("network:contact_list", "reconfirm"),
    ],
)
def test_yes_no_filters_offer_all_yes_and_no(logged_in, url_name, field):
    page = logged_in.get(reverse(url_name)).content.decode()
    assert [text for _value, text in select_options(page, field)] == ["alle", "ja", "nein"]


def test_the_active_filter_set_to_all_lists_active_and_inactive_actors(logged_in, network):
    everyone = names(logged_in.get(reverse("network:actor_list")))
    page = logged_in.get(reverse("network:actor_list") + "?is_active=unknown")
    assert names(page) == everyone and len(everyone) == 3
    selected = re.search(
        r'<select name="is_active".*?<option value="(\w+)" selected>', page.content.decode(), re.S
    )
    assert selected.group(1) == "unknown"
