"""Subscribing: a personal feed address per staff member (only its hash stored, shown once,
revocable), and feeds that answer HEAD and conditional GETs as calendar apps poll them."""

import datetime
import hashlib

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.http import http_date

from committee.models import AgendaItem, CalendarFeedToken, Meeting
from core.roles import LESEZUGRIFF

pytestmark = pytest.mark.django_db
SUBSCRIPTION = reverse("committee:calendar_subscription")
REVOKE = reverse("committee:calendar_revoke")


def feed_path(url):
    return url[url.index("/committee/") :]


def create_link(client, user):
    client.force_login(user)
    response = client.post(SUBSCRIPTION)
    assert response.status_code == 200
    return response, feed_path(response.context["new_url"])


def test_a_new_link_is_shown_once_and_only_its_hash_is_stored(client, lesezugriff):
    response, path = create_link(client, lesezugriff)

    token = path.rsplit("/", 1)[1].removesuffix(".ics")
    assert len(token) >= 43  # 256 bits
    assert f'value="http://testserver{path}"' in response.content.decode()
    assert "nur dieses eine Mal angezeigt" in response.content.decode()
    link = CalendarFeedToken.objects.get(user=lesezugriff)
    assert link.token_hash == hashlib.sha256(token.encode()).hexdigest()
    stored = CalendarFeedToken.objects.filter(pk=link.pk).values().get()
    assert token not in str(stored)
    again = client.get(SUBSCRIPTION).content.decode()
    assert token not in again
    assert "Ihr Link wurde am" in again


def test_the_link_serves_the_staff_feed_without_a_login(client, lesezugriff, meeting, items):
    hidden = Meeting.objects.create(
        committee=meeting.committee, number=6, start=meeting.start, is_public=False
    )
    _response, path = create_link(client, lesezugriff)
    client.logout()

    response = client.get(path)

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    text = response.content.decode()
    assert hidden.calendar_uid in text
    assert "Geheime Zuschussanträge" in text
    assert response["Cache-Control"] == "private, no-cache"
    assert response["X-Robots-Tag"] == "noindex"


def test_each_user_has_their_own_link(client, lesezugriff, sachbearbeitung):
    _response, first = create_link(client, lesezugriff)
    _response, second = create_link(client, sachbearbeitung)
    assert first != second
    assert CalendarFeedToken.objects.count() == 2
    client.logout()
    assert client.get(first).status_code == client.get(second).status_code == 200


def test_a_new_link_replaces_the_previous_one(client, lesezugriff):
    _response, old = create_link(client, lesezugriff)
    _response, new = create_link(client, lesezugriff)
    client.logout()
    assert client.get(old).status_code == 404
    assert client.get(new).status_code == 200


def test_revoking_asks_first_and_then_the_link_answers_404(client, lesezugriff):
    _response, path = create_link(client, lesezugriff)

    confirmation = client.get(REVOKE)
    assert confirmation.status_code == 200
    assert "Möchten Sie Ihren Kalender-Link vom" in confirmation.content.decode()
    assert CalendarFeedToken.objects.filter(user=lesezugriff).exists()

    response = client.post(REVOKE, follow=True)
    assert response.redirect_chain == [(SUBSCRIPTION, 302)]
    assert "Ihr Kalender-Link wurde widerrufen." in response.content.decode()
    assert not CalendarFeedToken.objects.filter(user=lesezugriff).exists()
    client.logout()
    assert client.get(path).status_code == 404
    assert client.get(path, headers={"if-none-match": "*"}).status_code == 404


def test_revoking_without_a_link_changes_nothing(client, lesezugriff):
    client.force_login(lesezugriff)
    assert "Sie haben keinen Kalender-Link." in client.get(REVOKE).content.decode()
    assert client.post(REVOKE).status_code == 302


@pytest.mark.parametrize("token", ["unbekannt", "x" * 43, "A" * 200])
def test_an_unknown_link_answers_404(client, token):
    assert client.get(reverse("committee:personal_feed", args=[token])).status_code == 404


def test_the_link_stops_when_its_owner_may_no_longer_see_meetings(client, lesezugriff):
    _response, path = create_link(client, lesezugriff)
    client.logout()
    lesezugriff.groups.clear()
    assert client.get(path).status_code == 404
    lesezugriff.groups.add(Group.objects.get(name=LESEZUGRIFF))
    lesezugriff.is_active = False
    lesezugriff.save()
    assert client.get(path).status_code == 404


def test_the_page_tells_when_a_calendar_app_last_fetched_the_link(client, lesezugriff):
    _response, path = create_link(client, lesezugriff)
    assert "Noch keine Kalender-App hat ihn abgerufen." in client.get(SUBSCRIPTION).content.decode()
    client.get(path)
    last = CalendarFeedToken.objects.get(user=lesezugriff).last_used
    assert last is not None
    assert "zuletzt am" in client.get(SUBSCRIPTION).content.decode()
    client.get(path)  # within the hour: no write
    assert CalendarFeedToken.objects.get(user=lesezugriff).last_used == last


# Conditional requests and HEAD, for every feed.


@pytest.fixture
def feed_url(request, client, lesezugriff):
    def build():
        if request.param == "personal":
            return reverse("committee:personal_feed", args=[CalendarFeedToken.issue(lesezugriff)])
        if request.param == "staff":
            client.force_login(lesezugriff)
            return reverse("committee:staff_feed")
        return reverse("committee:public_feed")

    return build()


FEEDS = pytest.mark.parametrize("feed_url", ["staff", "public", "personal"], indirect=True)


@FEEDS
def test_a_feed_answers_304_while_nothing_changed(client, meeting, items, feed_url):
    first = client.get(feed_url)
    assert first.status_code == 200
    assert first["ETag"].startswith('W/"')
    assert first["Last-Modified"]

    by_etag = client.get(feed_url, headers={"if-none-match": first["ETag"]})
    by_date = client.get(feed_url, headers={"if-modified-since": first["Last-Modified"]})

    assert by_etag.status_code == by_date.status_code == 304
    assert by_etag.content == by_date.content == b""
    assert by_etag["ETag"] == first["ETag"]


@FEEDS
def test_a_changed_item_gives_a_new_version(client, meeting, items, feed_url):
    first = client.get(feed_url)
    later = timezone.now() + datetime.timedelta(seconds=2)
    items[0].title = "Neuer Bericht Mama lernt Deutsch"
    items[0].save()
    AgendaItem.objects.filter(pk=items[0].pk).update(modified=later)

    response = client.get(feed_url, headers={"if-none-match": first["ETag"]})

    assert response.status_code == 200
    unfolded = response.content.decode().replace("\r\n ", "")
    assert "Neuer Bericht Mama lernt Deutsch" in unfolded
    assert response["ETag"] != first["ETag"]
    assert response["Last-Modified"] == http_date(later.timestamp())


@FEEDS
def test_a_deleted_meeting_gives_a_new_version(client, meeting, committee, feed_url):
    other = Meeting.objects.create(committee=committee, number=6, start=meeting.start)
    first = client.get(feed_url)
    other.delete()

    by_etag = client.get(feed_url, headers={"if-none-match": first["ETag"]})

    assert by_etag.status_code == 200
    assert other.calendar_uid not in by_etag.content.decode()
    assert by_etag["ETag"] != first["ETag"]


@FEEDS
def test_head_answers_like_get_without_a_body(client, meeting, feed_url):
    get = client.get(feed_url)
    head = client.head(feed_url)
    assert head.status_code == 200
    assert head.content == b""
    for header in ("Content-Type", "ETag", "Last-Modified", "Content-Disposition"):
        assert head[header] == get[header]
    assert client.head(feed_url, headers={"if-none-match": get["ETag"]}).status_code == 304


def test_head_on_a_single_meeting(client, lesezugriff, meeting):
    client.force_login(lesezugriff)
    response = client.head(reverse("committee:meeting_ics", args=[meeting.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"


def test_a_feed_reads_the_same_number_of_queries_for_more_meetings(client, committee, meeting):
    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("committee:public_feed")).status_code == 200
        return len(queries)

    few = count()
    for number in range(6, 16):
        added = Meeting.objects.create(committee=committee, number=number, start=meeting.start)
        AgendaItem.objects.create(meeting=added, number="1", title="Bericht")
    # 7 for the version (last changes, deletions, counts); meetings with committees; items
    assert count() == few == 9


def test_koordination_can_revoke_a_link_in_the_admin_but_not_make_one(
    client, koordination, lesezugriff
):
    path = reverse("committee:personal_feed", args=[CalendarFeedToken.issue(lesezugriff)])
    link = CalendarFeedToken.objects.get(user=lesezugriff)
    client.force_login(koordination)

    add = reverse("admin:committee_calendarfeedtoken_add")
    assert "Kalender abonnieren" in client.get(add).content.decode()
    client.post(add, {"user": koordination.pk})
    assert not CalendarFeedToken.objects.filter(user=koordination).exists()

    delete = reverse("admin:committee_calendarfeedtoken_delete", args=[link.pk])
    assert client.post(delete, {"post": "yes"}).status_code == 302
    client.logout()
    assert client.get(path).status_code == 404
