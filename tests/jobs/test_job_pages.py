"""A background job's progress page: bar, text, state and result; its JSON; who may see it."""

import json

import lxml.html
import pytest
from django.urls import reverse

from core.models import Job
from core.roles import SACHBEARBEITUNG
from tests.conftest import make_user


def make_job(user=None, **fields):
    values = {
        "kind": "monitoring_close",
        "title": "Bericht archivieren",
        "permission": "measures.issue_official_report",
        "created_by": user,
        **fields,
    }
    return Job.objects.create(**values)


def page_of(client, job):
    response = client.get(reverse("job_detail", args=[job.pk]))
    assert response.status_code == 200
    return lxml.html.fromstring(response.content)


@pytest.mark.django_db
def test_the_page_shows_the_progress_as_bar_and_text(client, koordination):
    job = make_job(koordination, state=Job.State.RUNNING, done=1234, total=4000)
    client.force_login(koordination)
    page = page_of(client, job)
    bar = page.xpath("//progress")[0]
    assert (bar.get("value"), bar.get("max")) == ("1234", "4000")
    box = page.xpath("//*[@data-job-status]")[0]
    text = " ".join(box.text_content().split())
    assert "läuft" in text
    assert "1.234 von 4.000" in text
    # Without script: a plain link to load the page again; the script is a file, not inline.
    refresh = page.xpath("//a[normalize-space()='Aktualisieren']")
    assert refresh and refresh[0].get("href") == reverse("job_detail", args=[job.pk])
    scripts = page.xpath("//script")
    assert all(script.get("src") and not (script.text or "").strip() for script in scripts)
    assert any(script.get("src").endswith("js/job-progress.js") for script in scripts)
    status_url = box.get("data-job-status")
    assert status_url == reverse("job_status", args=[job.pk])


@pytest.mark.django_db
def test_a_finished_job_links_its_result_and_offers_no_refresh(client, koordination):
    job = make_job(
        koordination,
        state=Job.State.DONE,
        done=2,
        total=2,
        result_url="/monitoring/1/#archive-heading",
        result_label="Archivierte Berichte anzeigen",
    )
    client.force_login(koordination)
    page = page_of(client, job)
    link = page.xpath("//a[normalize-space()='Archivierte Berichte anzeigen']")
    assert link[0].get("href") == "/monitoring/1/#archive-heading"
    assert "fertig" in page.xpath("//*[@data-job-status]")[0].text_content()
    assert not page.xpath("//a[normalize-space()='Aktualisieren']")


@pytest.mark.django_db
def test_a_failed_job_shows_its_error(client, koordination):
    job = make_job(koordination, state=Job.State.FAILED, error="Die Vorlage fehlt.")
    client.force_login(koordination)
    box = page_of(client, job).xpath("//*[@data-job-status]")[0]
    assert "fehlgeschlagen" in box.text_content()
    error = box.xpath(".//*[@data-job-error]")[0]
    assert error.text_content().strip() == "Die Vorlage fehlt."
    assert error.get("hidden") is None


@pytest.mark.django_db
def test_the_json_tells_the_script_how_far_the_job_is(client, koordination):
    job = make_job(koordination, state=Job.State.RUNNING, done=12, total=40)
    client.force_login(koordination)
    response = client.get(reverse("job_status", args=[job.pk]))
    assert response["Content-Type"] == "application/json"
    status = json.loads(response.content)
    assert status["state"] == "running"
    assert status["state_label"] == "läuft"
    assert (status["done"], status["total"], status["progress"]) == (12, 40, "12 von 40")
    assert status["finished"] is False


@pytest.mark.django_db
def test_the_creator_and_holders_of_the_permission_see_the_job_others_do_not(
    client, django_user_model, koordination
):
    creator = make_user(django_user_model, "anna", SACHBEARBEITUNG)
    colleague = make_user(django_user_model, "bernd", SACHBEARBEITUNG)
    job = make_job(creator)
    for user, expected in ((creator, 200), (koordination, 200), (colleague, 403)):
        client.force_login(user)
        assert client.get(reverse("job_detail", args=[job.pk])).status_code == expected
        assert client.get(reverse("job_status", args=[job.pk])).status_code == expected
    client.logout()
    assert client.get(reverse("job_status", args=[job.pk])).status_code == 302
