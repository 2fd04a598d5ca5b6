"""How the OParl interface answers over HTTP: HEAD, error objects, one URL per list page, the
System's and Body's metadata from the settings."""

import pytest
from django.urls import reverse

from .conftest import add_member
from .oparl_client import BASE, content_of, walk
from .test_oparl_files import add_document

pytestmark = pytest.mark.django_db

ERROR_TYPE = "https://schema.oparl.org/1.1/Error"


def assert_error(response, status, message_part):
    assert response.status_code == status
    assert response["Content-Type"] == "application/json"
    data = response.json()
    assert data["type"] == ERROR_TYPE
    assert message_part in data["message"]


def test_head_answers_every_url_like_get_without_a_body(client, held_meeting, members, items):
    add_document(items[0])
    seen, _types, files = walk(client)
    for url in [*seen, *files]:
        head = client.head(url)
        get = client.get(url)
        assert head.status_code == 200, url
        assert head["Content-Type"] == get["Content-Type"], url
        assert content_of(head) == b"", url
    assert files, "the walk reached the document's access and download URLs"


def test_an_object_that_never_existed_is_an_oparl_error(client, db):
    assert_error(client.get(reverse("oparl:meeting", args=[999])), 404, "keine Daten")
    assert_error(client.get(reverse("oparl:body", args=[2])), 404, "keine Daten")


def test_an_unknown_address_below_the_interface_is_an_oparl_error(client, db):
    assert_error(client.get(BASE + "sitzungen/"), 404, "keine Daten")
    assert_error(client.get(BASE + "meeting/abc/"), 404, "keine Daten")
    # Without the trailing slash Django first redirects to the address with it.
    assert client.get(BASE + "sitzungen").status_code == 301


def test_a_bad_filter_date_is_an_oparl_error_in_german(client, db):
    response = client.get(reverse("oparl:person_list", args=[1]), {"created_since": "gestern"})
    assert_error(response, 400, "created_since muss ein Zeitpunkt im Format ISO 8601 sein")


def test_bad_and_missing_pages_are_oparl_errors(client, committee):
    url = reverse("oparl:person_list", args=[1])
    assert_error(client.get(url, {"page": "zwei"}), 400, "page")
    assert_error(client.get(url, {"page": "0"}), 400, "page")
    assert_error(client.get(url, {"page": "7"}), 404, "Seite 7")


def test_writing_is_refused_with_an_oparl_error(client, committee):
    url = reverse("oparl:organization", args=[committee.pk])
    for method in (client.post, client.put, client.delete):
        response = method(url)
        assert_error(response, 405, "nur gelesen")
        assert response["Allow"] == "GET, HEAD"


def test_the_first_page_has_one_url_without_a_page_number(client, committee):
    for index in range(55):
        add_member(committee, f"Person{index:02}", "Muster")
    url = "http://testserver" + reverse("oparl:person_list", args=[1])
    first = client.get(url).json()
    assert first["links"]["first"] == first["links"]["self"] == url
    second = client.get(first["links"]["next"]).json()
    assert "next" not in second["links"]
    assert second["links"]["prev"] == url
    assert second["links"]["self"] == url + "?page=2"

    redirect = client.get(url, {"page": "1"})
    assert redirect.status_code == 301
    assert redirect["Location"] == url


def test_the_first_page_keeps_the_filters_in_its_one_url(client, committee):
    url = "http://testserver" + reverse("oparl:person_list", args=[1])
    since = "2020-01-01T00:00:00+01:00"
    page = client.get(url, {"modified_since": since}).json()
    assert page["links"]["first"] == page["links"]["self"]
    assert "page=" not in page["links"]["self"]
    redirect = client.get(url, {"modified_since": since, "page": "1"})
    assert redirect.status_code == 301
    assert redirect["Location"] == page["links"]["self"]


def test_system_and_body_carry_licence_vendor_and_municipality_keys(client, committee, settings):
    system = client.get(BASE).json()
    assert system["license"] == "https://www.govdata.de/dl-de/by-2-0"
    assert system["vendor"] == "https://www.goeppingen.de/"
    assert system["product"] == system["website"] == "http://testserver/"
    body = client.get(system["body"]).json()["data"][0]
    assert body["license"] == "https://www.govdata.de/dl-de/by-2-0"
    assert body["ags"] == "08117026"
    assert "rgs" not in body
    assert body["website"] == "https://www.goeppingen.de/"

    settings.OPARL_LICENSE = "https://creativecommons.org/licenses/by/4.0/"
    settings.OPARL_BODY_RGS = "081170026026"
    settings.OPARL_PRODUCT = "https://example.org/integrationsplan"
    body = client.get(system["body"]).json()["data"][0]
    assert (body["license"], body["rgs"]) == (
        "https://creativecommons.org/licenses/by/4.0/",
        "081170026026",
    )
    assert client.get(BASE).json()["product"] == "https://example.org/integrationsplan"
