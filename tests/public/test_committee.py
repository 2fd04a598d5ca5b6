"""The committee's public pages: public meetings only, the public part of the agenda, and the
issued public PDFs through OParl's download addresses."""

import re

import pytest
from django.urls import reverse

from core import caching
from tests.public.archive_data import (
    MEMBER_EMAIL,
    MEMBER_NAME,
    SECRET_DOCUMENT,
    SECRET_ITEM,
    SECRET_PLACE,
    add_document,
    add_item,
    committee_world,
    make_meeting,
)


@pytest.fixture
def world(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return committee_world()


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_the_list_shows_upcoming_meetings_first_then_past_ones(client, world):
    html = page(client, reverse("public:committee"))
    upcoming = reverse("public:meeting_detail", args=[world["upcoming"].pk])
    past = reverse("public:meeting_detail", args=[world["past"].pk])
    assert upcoming in html and past in html
    assert html.index(upcoming) < html.index(past)
    assert "Rathaus, Großer Sitzungssaal" in html


def test_the_list_leaves_out_non_public_meetings(client, world):
    html = page(client, reverse("public:committee"))
    assert reverse("public:meeting_detail", args=[world["closed"].pk]) not in html
    assert SECRET_PLACE not in html


def test_the_list_shows_the_date_and_time_in_german_in_berlin_time(client, world):
    world["upcoming"].start = world["upcoming"].start.replace(
        year=2026, month=12, day=3, hour=16, minute=0, second=0
    )  # 16:00 UTC is 17:00 in Berlin in winter
    world["upcoming"].save()
    caching.forget_everything()
    html = page(client, reverse("public:committee"))
    assert "03.12.2026, 17:00" in html


def test_the_list_links_the_public_calendar_and_the_oparl_entry_point(client, world):
    html = page(client, reverse("public:committee"))
    assert reverse("committee:public_feed") in html
    assert reverse("oparl:system") in html


def test_past_meetings_come_in_pages(client, db):
    for number in range(1, 23):
        make_meeting(number, -number)
    first = page(client, reverse("public:committee"))
    second = page(client, reverse("public:committee") + "?page=2")
    assert first.count("<tr>") - 1 == 20  # 20 rows and the header row
    assert "?page=2" in first
    assert second.count("<tr>") - 1 == 2


def test_a_page_number_that_is_no_number_shows_the_first_page(client, world):
    assert client.get(reverse("public:committee") + "?page=abc").status_code == 200


def test_a_non_public_meeting_has_no_public_page(client, world):
    response = client.get(reverse("public:meeting_detail", args=[world["closed"].pk]))
    assert response.status_code == 404


def test_an_unknown_meeting_is_not_found(client, world):
    assert client.get(reverse("public:meeting_detail", args=[999999])).status_code == 404


def test_the_meeting_page_shows_only_the_public_items_and_their_documents(client, world):
    html = page(client, reverse("public:meeting_detail", args=[world["past"].pk]))
    assert "Bericht zum Integrationsplan" in html
    assert SECRET_ITEM not in html
    assert SECRET_DOCUMENT not in html
    assert reverse("oparl:file_download", args=[world["public_document"].pk]) in html
    assert "Der Ausschuss nimmt Kenntnis." in html  # the resolution, the minutes being final


def test_the_meeting_page_offers_the_public_invitation_and_minutes(client, world):
    html = page(client, reverse("public:meeting_detail", args=[world["past"].pk]))
    invitation = reverse("oparl:invitation_file_download", args=[world["invitation"].pk])
    minutes = reverse("oparl:minutes_file_download", args=[world["minutes"].pk])
    assert invitation in html and minutes in html
    # Only the public edition: the internal one has no public address at all.
    linked = set(re.findall(r"/oparl/v1\.1/file/minutes/(\d+)/download/", html))
    assert linked == {str(world["minutes"].pk)}
    assert client.get(minutes)["Content-Type"] == "application/pdf"
    assert client.get(invitation).status_code == 200


def test_a_resolution_waits_for_the_final_minutes(client, world):
    add_item(world["upcoming"], "2", "Antrag Sprachcafé", resolution="Entwurf eines Beschlusses")
    html = page(client, reverse("public:meeting_detail", args=[world["upcoming"].pk]))
    assert "Antrag Sprachcafé" in html
    assert "Entwurf eines Beschlusses" not in html


def test_no_page_names_members_or_their_addresses(client, world):
    for url in (
        reverse("public:committee"),
        reverse("public:meeting_detail", args=[world["past"].pk]),
        reverse("public:meeting_detail", args=[world["upcoming"].pk]),
    ):
        html = page(client, url)
        assert MEMBER_NAME.split(" ")[1] not in html
        assert MEMBER_EMAIL not in html


def test_the_pages_are_cacheable_by_everyone(client, world):
    response = client.get(reverse("public:meeting_detail", args=[world["past"].pk]))
    assert "public" in response["Cache-Control"]
    assert "max-age=300" in response["Cache-Control"]
    again = client.get(
        reverse("public:meeting_detail", args=[world["past"].pk]),
        HTTP_IF_NONE_MATCH=response["ETag"],
    )
    assert again.status_code == 304


def _more_meetings(count, offset):
    for number in range(count):
        meeting = make_meeting(100 + offset + number, -(number + 30))
        add_item(meeting, "1", "Bericht")
        add_item(meeting, "2", "Nicht öffentlich", is_public=False)
    upcoming = make_meeting(300 + offset, 40)
    add_item(upcoming, "1", "Bericht")


@pytest.mark.parametrize("extra", [0, 30])
def test_the_list_needs_a_fixed_number_of_queries(client, world, django_assert_num_queries, extra):
    _more_meetings(extra, 0)
    caching.forget_everything()
    # data version, upcoming meetings, count of the past ones, the page of past meetings
    with django_assert_num_queries(4):
        assert client.get(reverse("public:committee")).status_code == 200


@pytest.mark.parametrize("items", [1, 15])
def test_the_meeting_page_needs_a_fixed_number_of_queries(
    client, world, django_assert_num_queries, items
):
    for number in range(items):
        item = add_item(world["past"], str(10 + number), f"Punkt {number}")
        if number % 2:
            add_document(item, f"Anlage {number}")
    caching.forget_everything()
    # data version, meeting with committee, items, their documents, minutes, invitation
    with django_assert_num_queries(6):
        response = client.get(reverse("public:meeting_detail", args=[world["past"].pk]))
    assert response.status_code == 200
