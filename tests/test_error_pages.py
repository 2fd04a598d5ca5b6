"""The error pages: German, in the site's layout (or the partner's), with a way back."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import Client, RequestFactory
from django.urls import reverse

from core import errors
from tests.monitoring.builders import make_contact, make_request, make_round

BACK_LINK = f'<a href="{reverse("dashboard")}">Zurück zur Übersicht</a>'


def assert_site_page(text, heading):
    assert '<html lang="de">' in text
    assert '<header class="site-header">' in text
    assert f"<h1>{heading}</h1>" in text
    assert BACK_LINK in text


def test_an_unknown_measure_answers_with_the_german_404_page(client, lesezugriff):
    client.force_login(lesezugriff)
    response = client.get(reverse("measures:detail", args=[999999]))
    assert response.status_code == 404
    text = response.content.decode()
    assert_site_page(text, "Seite nicht gefunden")
    assert "Die aufgerufene Seite gibt es nicht oder sie wurde entfernt." in text
    # The signed-in user keeps the main navigation.
    assert 'aria-label="Hauptnavigation"' in text


def test_a_request_for_another_host_answers_with_the_german_400_page(client):
    response = client.get("/", HTTP_HOST="elsewhere.example")
    assert response.status_code == 400
    assert_site_page(response.content.decode(), "Anfrage nicht verstanden")


def test_the_400_handler_renders_in_german():
    response = errors.bad_request(anonymous_request("/measures/"))
    assert response.status_code == 400
    assert_site_page(response.content.decode(), "Anfrage nicht verstanden")


def anonymous_request(path):
    request = RequestFactory().get(path)
    request.user = AnonymousUser()
    return request


def test_the_500_page_renders_in_german_with_the_layout():
    response = errors.server_error(anonymous_request("/measures/1/"))
    assert response.status_code == 500
    text = response.content.decode()
    assert_site_page(text, "Technischer Fehler")
    assert "Bitte versuchen Sie es in einigen Minuten noch einmal." in text


def test_the_500_page_falls_back_to_plain_html_when_rendering_fails(monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("the database is gone")

    monkeypatch.setattr(errors, "render", broken)
    response = errors.server_error(anonymous_request("/measures/1/"))
    assert response.status_code == 500
    text = response.content.decode()
    assert '<html lang="de">' in text
    assert "<h1>Technischer Fehler</h1>" in text
    assert '<a href="/">Zurück zur Übersicht</a>' in text


def test_a_staff_form_without_csrf_token_gets_the_german_csrf_page(sachbearbeitung, measure):
    client = Client(enforce_csrf_checks=True)
    client.force_login(sachbearbeitung)
    response = client.post(reverse("measures:report", args=[measure.pk]), {"text": "Stand"})
    assert response.status_code == 403
    text = response.content.decode()
    assert_site_page(text, "Das Formular konnte nicht gesendet werden")
    assert "laden Sie die Seite neu" in text
    assert "Link aus unserer E-Mail" not in text


@pytest.fixture
def partner_link(plan, measure, actor):
    _request, token = make_request(make_round(plan), measure, make_contact(actor))
    return reverse("partner:report", args=[token])


def test_a_partner_form_without_csrf_token_tells_to_open_the_link_again(partner_link):
    client = Client(enforce_csrf_checks=True)
    response = client.post(partner_link, {"text": "Stand"})
    assert response.status_code == 403
    text = response.content.decode()
    assert '<html lang="de">' in text
    assert '<body class="partner">' in text
    assert "<h1>Das Formular konnte nicht gesendet werden</h1>" in text
    assert "Bitte öffnen Sie den Link aus unserer E-Mail noch einmal" in text
    # A partner has no account: no link into the staff pages, but whom to contact.
    assert BACK_LINK not in text
    assert "wenden Sie sich bitte an die Stabsstelle Migration und Teilhabe" in text
