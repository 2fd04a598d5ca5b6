"""Open data: the public measures as CSV and JSON, read back with Python's csv and json
modules, under the licence of the settings; nothing non-public and no person in them."""

import csv
import datetime
import io
import json
from email.message import EmailMessage

import pytest
from django.urls import reverse
from django.utils import timezone

from core import caching
from measures.models import ActionField, Measure, Plan, StatusReport
from network.models import Actor, ContactPerson

SECRET_TITLE = "Interne Vorbereitung Sprachförderung"
HEADER = [
    "Nummer",
    "Titel",
    "Handlungsfeld",
    "Status",
    "Fortschritt (%)",
    "Beginn",
    "Ende",
    "Federführung",
    "Ziel",
    "Beschreibung",
    "Öffentliche Seite",
    "Stand",
]


@pytest.fixture
def data(plan, action_field, measure, status_report, actor, koordination):
    measure.goal = "Mütter sprechen im Alltag Deutsch."
    measure.description = "=Kurse am Vormittag mit Kinderbetreuung."
    measure.save()
    measure.partner_actors.add(Actor.objects.create(name="Familienzentrum Nord"))
    koordination.first_name, koordination.last_name = "Miriam", "Kessler"
    koordination.save()
    measure.responsible = koordination
    measure.save()
    ContactPerson.objects.create(
        actor=actor, first_name="Petra", last_name="Ansprech", email="petra@vhs.example"
    )
    Measure.objects.create(
        plan=plan,
        action_field=action_field,
        code="1.9",
        title=SECRET_TITLE,
        is_public=False,
    )
    draft = Plan.objects.create(title="Entwurf", version_label="2027")
    draft_field = ActionField.objects.create(plan=draft, code="1", title="Sprache")
    Measure.objects.create(
        plan=draft, action_field=draft_field, code="1.1", title="Entwurfsmaßnahme"
    )
    return measure


def get_csv(client):
    response = client.get(reverse("public:measures_csv"))
    assert response.status_code == 200
    return response, list(
        csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";")
    )


def get_json(client):
    response = client.get(reverse("public:measures_json"))
    assert response.status_code == 200
    return response, json.loads(response.content)


def disposition(response):
    header = EmailMessage()
    header["Content-Disposition"] = response["Content-Disposition"]
    return header.get_content_disposition(), header.get_filename()


def test_the_csv_is_utf8_with_bom_semicolons_and_a_german_header(client, data):
    response, rows = get_csv(client)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response.content.startswith("\ufeff".encode())
    assert disposition(response) == ("attachment", "massnahmen-integrationsplan.csv")
    assert rows[0] == HEADER


def test_the_csv_has_one_row_per_public_measure(client, data):
    _, rows = get_csv(client)
    assert len(rows) == 2
    row = dict(zip(HEADER, rows[1], strict=True))
    assert row["Nummer"] == "1.1"
    assert row["Titel"] == "Mama lernt Deutsch"
    assert row["Handlungsfeld"] == "1 Sprache"
    assert row["Status"] == "in Umsetzung"
    assert row["Fortschritt (%)"] == "40"
    assert row["Beginn"] == "2019-09-01"
    assert row["Ende"] == "2030-07-31"
    assert row["Federführung"] == "Volkshochschule Göppingen"
    assert row["Ziel"] == "Mütter sprechen im Alltag Deutsch."
    assert row["Öffentliche Seite"] == "http://testserver" + reverse(
        "public:measure_detail", args=[data.pk]
    )
    assert row["Stand"] == "2026-10-01"  # the latest accepted report


def test_a_cell_a_spreadsheet_would_run_as_a_formula_is_neutralised(client, data):
    _, rows = get_csv(client)
    assert rows[1][HEADER.index("Beschreibung")] == "'=Kurse am Vormittag mit Kinderbetreuung."


def test_the_json_has_licence_publisher_plan_and_the_public_measures(client, data, settings):
    response, document = get_json(client)
    assert response["Content-Type"] == "application/json"
    assert disposition(response) == ("attachment", "massnahmen-integrationsplan.json")
    assert document["licence"] == {
        "name": "Datenlizenz Deutschland – Namensnennung – Version 2.0",
        "url": settings.OPEN_DATA_LICENCE_URL,
    }
    assert document["publisher"] == settings.OFFICE_NAME
    generated = datetime.datetime.fromisoformat(document["generated"])
    assert generated.tzinfo is not None
    assert document["plan"] == {
        "title": "Integrationsplan Göppingen",
        "version": "Fortschreibung 2019",
        "adopted_on": "2019-04-11",
        "council_resolution": "",
    }
    [entry] = document["measures"]
    assert entry["code"] == "1.1"
    assert entry["status"] == {"code": "in_progress", "label": "in Umsetzung"}
    assert entry["progress_percent"] == 40
    assert entry["start"] == "2019-09-01" and entry["end"] == "2030-07-31"
    assert entry["action_field"] == {"code": "1", "title": "Sprache"}
    assert entry["lead_organisation"] == "Volkshochschule Göppingen"
    assert entry["partner_organisations"] == ["Familienzentrum Nord"]
    assert entry["as_of"] == "2026-10-01"


def test_the_licence_follows_the_settings(client, data, settings):
    settings.OPEN_DATA_LICENCE = "CC BY 4.0"
    settings.OPEN_DATA_LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"
    _, document = get_json(client)
    assert document["licence"]["name"] == "CC BY 4.0"
    html = client.get(reverse("public:open_data")).content.decode()
    assert 'href="https://creativecommons.org/licenses/by/4.0/" rel="license">CC BY 4.0' in html


@pytest.mark.parametrize("name", ["public:measures_csv", "public:measures_json"])
def test_no_non_public_measure_and_no_person_in_the_files(client, data, name):
    text = client.get(reverse(name)).content.decode("utf-8-sig")
    for hidden in (SECRET_TITLE, "Entwurfsmaßnahme", "Kessler", "Ansprech", "petra@vhs.example"):
        assert hidden not in text


def test_a_measure_without_a_report_is_as_of_its_last_change(client, data):
    data.status_reports.all().delete()
    _, document = get_json(client)
    assert document["measures"][0]["as_of"] == timezone.localdate(data.updated_at).isoformat()


def test_the_page_explains_the_files_and_links_them(client, data):
    html = client.get(reverse("public:open_data")).content.decode()
    assert reverse("public:measures_csv") in html
    assert reverse("public:measures_json") in html
    assert "Datenlizenz Deutschland – Namensnennung – Version 2.0" in html
    assert "Byte Order Mark" in html
    for column in HEADER:
        assert f'<th scope="row">{column}</th>' in html


@pytest.mark.parametrize("name", ["public:measures_csv", "public:measures_json"])
def test_the_files_are_cacheable_by_everyone(client, data, name):
    response = client.get(reverse(name))
    assert "public" in response["Cache-Control"] and "max-age=300" in response["Cache-Control"]
    again = client.get(reverse(name), HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304


def test_the_files_are_german_whatever_the_visitors_language(client, data):
    _, rows = get_csv(client)
    caching.forget_everything()
    english = client.get(reverse("public:measures_csv"), HTTP_ACCEPT_LANGUAGE="en")
    text = english.content.decode("utf-8-sig")
    assert list(csv.reader(io.StringIO(text), delimiter=";")) == rows


def _more_measures(plan, action_field, count):
    lead = Actor.objects.create(name="Caritas")
    partner = Actor.objects.create(name="Jugendhaus")
    for number in range(count):
        measure = Measure.objects.create(
            plan=plan,
            action_field=action_field,
            code=f"2.{number}",
            title=f"Maßnahme {number}",
            lead_actor=lead,
        )
        measure.partner_actors.add(partner)
        StatusReport.objects.create(
            measure=measure,
            reporting_date=datetime.date(2026, 9, 1),
            status=Measure.Status.IN_PROGRESS,
            progress=10,
            text="Läuft.",
            review_state=StatusReport.ReviewState.ACCEPTED,
        )


@pytest.mark.parametrize("extra", [0, 40])
@pytest.mark.parametrize(
    ("name", "queries"),
    [
        # data version, the count of public measures
        ("public:open_data", 2),
        # data version, the measures with their latest report date
        ("public:measures_csv", 2),
        # and the adopted plan and the measures' partner organisations
        ("public:measures_json", 4),
    ],
)
def test_each_answer_needs_a_fixed_number_of_queries(
    client, data, plan, action_field, django_assert_num_queries, extra, name, queries
):
    _more_measures(plan, action_field, extra)
    caching.forget_everything()
    with django_assert_num_queries(queries):
        assert client.get(reverse(name)).status_code == 200
