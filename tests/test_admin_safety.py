"""The back office cannot bypass the workflow or the roles (issue 10, section 3)."""

import pytest
from django.contrib import admin
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone
from simple_history.admin import SimpleHistoryAdmin

from core.admin import HistoryAdmin
from core.roles import KOORDINATION, LESEZUGRIFF, SACHBEARBEITUNG
from measures.models import StatusReport
from tests.conftest import make_user
from tests.test_admin import change_form_data


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser("admin", "admin@example.org", "x-secret-1")


@pytest.fixture
def colleague(django_user_model):
    return make_user(django_user_model, "kollegin", LESEZUGRIFF)


def report_once_submitted(status_report):
    """An accepted report whose history holds its submitted state."""
    status_report.review_state = StatusReport.ReviewState.SUBMITTED
    status_report.save()
    status_report.review_state = StatusReport.ReviewState.ACCEPTED
    status_report.save()
    return status_report.history.filter(review_state="submitted").latest()


def test_every_history_admin_refuses_reverting():
    history_admins = [a for a in admin.site._registry.values() if isinstance(a, SimpleHistoryAdmin)]
    assert history_admins
    assert all(isinstance(a, HistoryAdmin) for a in history_admins)


def test_history_page_offers_no_revert(client, sachbearbeitung, status_report):
    old = report_once_submitted(status_report)
    client.force_login(sachbearbeitung)
    history_url = reverse("admin:measures_statusreport_history", args=[status_report.pk])
    revert_url = reverse(
        "admin:measures_statusreport_simple_history", args=[status_report.pk, old.history_id]
    )

    response = client.get(history_url)

    assert response.status_code == 200
    content = response.content.decode()
    assert "Änderungshistorie: " in content
    assert revert_url not in content
    assert "/history/" + str(old.history_id) not in content


@pytest.mark.parametrize("user", ["sachbearbeitung", "koordination"])
def test_reverting_a_status_report_is_refused(client, request, user, status_report):
    old = report_once_submitted(status_report)
    client.force_login(request.getfixturevalue(user))
    change_url = reverse("admin:measures_statusreport_change", args=[status_report.pk])
    data = change_form_data(client.get(change_url))
    revert_url = reverse(
        "admin:measures_statusreport_simple_history", args=[status_report.pk, old.history_id]
    )
    history_rows = status_report.history.count()

    assert client.get(revert_url).status_code == 403
    assert client.post(revert_url, data).status_code == 403

    status_report.refresh_from_db()
    assert status_report.review_state == StatusReport.ReviewState.ACCEPTED
    assert status_report.history.count() == history_rows


def test_reverting_a_measure_is_refused(client, sachbearbeitung, measure):
    client.force_login(sachbearbeitung)
    url = reverse("admin:measures_measure_change", args=[measure.pk])
    data = change_form_data(client.get(url))
    data["title"] = "Zweite Fassung"
    assert client.post(url, data).status_code == 302
    oldest = measure.history.earliest()
    revert_url = reverse(
        "admin:measures_measure_simple_history", args=[measure.pk, oldest.history_id]
    )

    assert client.post(revert_url, data | {"title": "Mama lernt Deutsch"}).status_code == 403

    measure.refresh_from_db()
    assert (measure.title, measure.version) == ("Zweite Fassung", 2)


def user_url(user):
    return reverse("admin:auth_user_change", args=[user.pk])


def post_user(client, user, **changes):
    data = change_form_data(client.get(user_url(user)))
    joined = timezone.localtime(data.pop("date_joined"))
    data.update(date_joined_0=f"{joined:%d.%m.%Y}", date_joined_1=f"{joined:%H:%M:%S}")
    data.update(changes)
    return client.post(user_url(user), data)


@pytest.mark.parametrize("target", ["colleague", "koordination"])
def test_koordination_cannot_grant_superuser_or_staff(client, request, koordination, target):
    user = request.getfixturevalue(target)
    client.force_login(koordination)

    response = post_user(client, user, is_superuser="on", is_staff="on")

    assert response.status_code == 302
    user.refresh_from_db()
    assert not user.is_superuser
    assert user.is_staff == (target == "koordination")


def test_koordination_cannot_grant_single_permissions(client, koordination, colleague):
    client.force_login(koordination)
    permission = Group.objects.get(name=KOORDINATION).permissions.first()

    assert post_user(client, colleague, user_permissions=[permission.pk]).status_code == 302

    assert not colleague.user_permissions.exists()


def test_koordination_assigns_roles_only(client, koordination, colleague):
    Group.objects.create(name="Systembetrieb")
    client.force_login(koordination)
    form = client.get(user_url(colleague)).context["adminform"].form
    assert set(form.fields["groups"].queryset.values_list("name", flat=True)) == {
        KOORDINATION,
        SACHBEARBEITUNG,
        LESEZUGRIFF,
    }
    sachbearbeitung = Group.objects.get(name=SACHBEARBEITUNG)

    assert post_user(client, colleague, groups=[str(sachbearbeitung.pk)]).status_code == 302

    assert list(colleague.groups.values_list("name", flat=True)) == [SACHBEARBEITUNG]


def test_koordination_keeps_groups_it_cannot_assign(client, koordination, colleague):
    operations = Group.objects.create(name="Systembetrieb")
    colleague.groups.add(operations)
    client.force_login(koordination)

    # The browser posts the groups it shows, the role groups.
    role = Group.objects.get(name=LESEZUGRIFF)
    assert post_user(client, colleague, first_name="Eva", groups=[str(role.pk)]).status_code == 302

    assert set(colleague.groups.values_list("name", flat=True)) == {LESEZUGRIFF, "Systembetrieb"}


def test_koordination_cannot_open_or_change_a_superuser(client, koordination, superuser):
    client.force_login(koordination)
    data = {"username": "admin", "first_name": "Mallory", "date_joined_0": "01.01.2026"}

    assert client.get(user_url(superuser)).status_code == 403
    assert client.post(user_url(superuser), data).status_code == 403
    password_url = reverse("admin:auth_user_password_change", args=[superuser.pk])
    assert client.get(password_url).status_code == 403
    assert client.get(reverse("admin:auth_user_history", args=[superuser.pk])).status_code == 403

    superuser.refresh_from_db()
    assert superuser.first_name == ""
    assert superuser.is_superuser


def test_superuser_still_grants_everything(client, superuser, colleague, koordination):
    client.force_login(superuser)
    operations = Group.objects.create(name="Systembetrieb")
    form = client.get(user_url(colleague)).context["adminform"].form
    assert "Systembetrieb" in form.fields["groups"].queryset.values_list("name", flat=True)

    response = post_user(
        client, colleague, is_superuser="on", is_staff="on", groups=[str(operations.pk)]
    )

    assert response.status_code == 302
    colleague.refresh_from_db()
    assert colleague.is_superuser and colleague.is_staff
    assert list(colleague.groups.all()) == [operations]
    assert client.get(user_url(superuser)).status_code == 200
