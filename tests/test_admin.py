import datetime

import pytest
from django.apps import apps
from django.contrib import admin
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from committee.models import AgendaItem, Committee, Meeting, Member, Membership
from core.admin import DerivedAdmin
from measures.models import Measure, StatusReport
from network.models import Actor, ContactPerson

OUR_APPS = ("core", "measures", "network", "committee")
OUR_MODELS = sorted(
    f"{model._meta.app_label}_{model._meta.model_name}"
    for model in admin.site._registry
    if model._meta.app_label in OUR_APPS
)


def change_form_data(response):
    """The POST data of an admin change form as rendered, inlines included."""
    data = {}
    forms = [response.context["adminform"].form]
    for inline in response.context.get("inline_admin_formsets", []):
        forms += [inline.formset.management_form, *inline.formset.forms]
    for form in forms:
        for field in form:
            value = field.value()
            if value is None or value is False:
                continue
            data[field.html_name] = [str(v) for v in value] if isinstance(value, list) else value
    return data


def test_every_model_of_our_apps_is_registered():
    # Fails when a model is added without an admin; the history tables are shown per object.
    models = {
        f"{app}_{model._meta.model_name}"
        for app in OUR_APPS
        for model in apps.get_app_config(app).get_models()
        if not model.__name__.startswith("Historical")
    }
    assert set(OUR_MODELS) == models


@pytest.mark.parametrize("model", OUR_MODELS)
def test_koordination_sees_changelist_and_add_page(client, koordination, measure, model):
    client.force_login(koordination)
    assert client.get(reverse(f"admin:{model}_changelist")).status_code == 200
    # Derived rows are never added by hand; every other model can be.
    derived = isinstance(admin_of(model), DerivedAdmin)
    assert client.get(reverse(f"admin:{model}_add")).status_code == (403 if derived else 200)


def admin_of(name):
    return next(
        model_admin
        for model, model_admin in admin.site._registry.items()
        if f"{model._meta.app_label}_{model._meta.model_name}" == name
    )


def test_measure_change_page_links_to_its_history(client, koordination, status_report):
    client.force_login(koordination)
    measure = status_report.measure
    history_url = reverse("admin:measures_measure_history", args=[measure.pk])

    response = client.get(reverse("admin:measures_measure_change", args=[measure.pk]))

    assert response.status_code == 200
    assert history_url in response.content.decode()
    assert client.get(history_url).status_code == 200


def test_clerk_cannot_delete_a_plan(client, sachbearbeitung, plan):
    client.force_login(sachbearbeitung)
    response = client.get(reverse("admin:measures_plan_delete", args=[plan.pk]))
    assert response.status_code == 403


def test_clerk_can_edit_a_measure(client, sachbearbeitung, measure):
    client.force_login(sachbearbeitung)
    response = client.get(reverse("admin:measures_measure_change", args=[measure.pk]))
    assert response.status_code == 200


def test_clerk_cannot_manage_users(client, sachbearbeitung):
    client.force_login(sachbearbeitung)
    assert client.get(reverse("admin:auth_user_changelist")).status_code == 403


def test_clerk_cannot_review_a_status_report(client, sachbearbeitung, status_report):
    client.force_login(sachbearbeitung)
    url = reverse("admin:measures_statusreport_change", args=[status_report.pk])
    form = client.get(url).context["adminform"].form
    assert "review_state" not in form.fields
    assert "author" not in form.fields


def test_read_only_role_is_sent_to_the_admin_login(client, lesezugriff):
    client.force_login(lesezugriff)
    response = client.get(reverse("admin:measures_measure_changelist"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("admin:login"))


def test_saving_a_measure_increments_its_version(client, sachbearbeitung, status_report):
    measure = status_report.measure
    client.force_login(sachbearbeitung)
    url = reverse("admin:measures_measure_change", args=[measure.pk])
    data = change_form_data(client.get(url))
    data["title"] = "Mama lernt Deutsch – Kurs 2"

    response = client.post(url, data)

    assert response.status_code == 302
    measure.refresh_from_db()
    assert measure.title == "Mama lernt Deutsch – Kurs 2"
    assert measure.version == 2
    assert measure.history.first().history_user == sachbearbeitung
    # The read-only inline leaves the measure's reports as they were.
    assert StatusReport.objects.get(pk=status_report.pk).text == status_report.text


def test_adding_a_measure_starts_at_version_one(client, koordination, plan, action_field):
    client.force_login(koordination)
    url = reverse("admin:measures_measure_add")
    data = change_form_data(client.get(url))
    data.update(plan=plan.pk, action_field=action_field.pk, code="1.2", title="Sprachcafé")

    assert client.post(url, data).status_code == 302
    assert Measure.objects.get(code="1.2").version == 1


def add_measures(measure, count):
    for number in range(count):
        actor = Actor.objects.create(name=f"Träger {Actor.objects.count()}")
        code = f"{measure.action_field.code}.{Measure.objects.count() + 1}"
        Measure.objects.create(
            plan=measure.plan,
            action_field=measure.action_field,
            code=code,
            title=f"Maßnahme {number}",
            lead_actor=actor,
        )


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("model", ["measure", "statusreport", "indicator"])
def test_measure_lists_do_not_query_per_row(client, koordination, measure, model):
    client.force_login(koordination)
    url = reverse(f"admin:measures_{model}_changelist")
    add_measures(measure, 2)
    for item in Measure.objects.all():
        StatusReport.objects.create(measure=item, status="planned", progress=0, text="-")
        item.indicators.create(title="Teilnehmende")
    count_queries(client, url)  # warm up caches shared between requests
    few = count_queries(client, url)

    add_measures(measure, 27)
    for item in Measure.objects.filter(status_reports=None):
        StatusReport.objects.create(measure=item, status="planned", progress=0, text="-")
        item.indicators.create(title="Teilnehmende")
    assert Measure.objects.count() == 30

    assert count_queries(client, url) == few


def add_committee_data(count):
    committee = Committee.objects.get_or_create(name="Integrationsausschuss")[0]
    for _number in range(count):
        number = Meeting.objects.count() + 1
        start = datetime.datetime(2026, 1, number % 28 + 1, 17, tzinfo=datetime.UTC)
        meeting = Meeting.objects.create(committee=committee, number=number, start=start)
        AgendaItem.objects.create(meeting=meeting, number="1", title="Bericht")
        member = Member.objects.create(first_name="Eva", last_name=f"Muster {number}")
        Membership.objects.create(committee=committee, member=member, start=start.date())
        actor = Actor.objects.create(name=f"Verein {number}")
        ContactPerson.objects.create(actor=actor, first_name="Ali", last_name=f"Yilmaz {number}")


@pytest.mark.parametrize(
    "model",
    [
        "committee_meeting",
        "committee_agendaitem",
        "committee_membership",
        "committee_member",
        "network_actor",
        "network_contactperson",
    ],
)
def test_network_and_committee_lists_do_not_query_per_row(client, koordination, model):
    client.force_login(koordination)
    url = reverse(f"admin:{model}_changelist")
    add_committee_data(3)
    count_queries(client, url)  # warm up caches shared between requests
    few = count_queries(client, url)

    add_committee_data(27)

    assert count_queries(client, url) == few
