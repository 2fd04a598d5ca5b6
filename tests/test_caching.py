"""Whatever a logged-in user sees or downloads must not stay in a cache; public views decide
their caching themselves."""

import pytest
from django.urls import reverse


@pytest.mark.parametrize(
    "url",
    [
        pytest.param(lambda measure: reverse("dashboard"), id="dashboard"),
        pytest.param(lambda measure: measure.get_absolute_url(), id="measure page"),
        pytest.param(lambda measure: reverse("measures:export", args=["xlsx"]), id="xlsx export"),
        pytest.param(lambda measure: reverse("measures:export", args=["csv"]), id="csv export"),
        pytest.param(lambda measure: reverse("measures:sheet", args=[measure.pk]), id="pdf"),
        pytest.param(lambda measure: reverse("committee:staff_feed"), id="staff calendar"),
    ],
)
def test_responses_to_a_logged_in_user_are_not_stored(client, sachbearbeitung, measure, url):
    client.force_login(sachbearbeitung)
    response = client.get(url(measure))
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"


def test_a_refused_page_is_not_stored_either(client, no_role, measure):
    client.force_login(no_role)
    response = client.get(measure.get_absolute_url())
    assert response.status_code == 403
    assert response["Cache-Control"] == "private, no-store"


@pytest.mark.parametrize("name", ["committee:public_feed", "oparl:system"])
def test_public_views_keep_their_caching_for_everybody(client, lesezugriff, db, name):
    url = reverse(name)
    anonymous = client.get(url)
    client.force_login(lesezugriff)
    logged_in = client.get(url)
    assert anonymous.status_code == logged_in.status_code == 200
    assert "no-store" not in anonymous.get("Cache-Control", "")
    assert logged_in.get("Cache-Control") == anonymous.get("Cache-Control")
