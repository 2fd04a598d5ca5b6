import pytest
from django.contrib.auth import SESSION_KEY
from django.urls import reverse

from demo.loader import DEMO_PASSWORD
from tests.conftest import PASSWORD

LOGIN = reverse("login")


def attempt(client, username, password):
    return client.post(LOGIN, {"username": username, "password": password})


def test_a_correct_login_leads_to_the_dashboard(client, koordination):
    response = attempt(client, "koordination", PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == reverse("dashboard")


def test_a_wrong_password_is_refused_in_german(client, koordination):
    response = attempt(client, "koordination", "falsch")
    assert response.status_code == 200
    assert "Bitte korrigieren Sie die folgenden Angaben:" in response.content.decode()
    assert SESSION_KEY not in client.session


def test_five_wrong_passwords_lock_the_user_name_from_this_address(
    client, koordination, lesezugriff, settings
):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, "koordination", "falsch")
    locked = attempt(client, "koordination", PASSWORD)
    assert locked.status_code == 429
    assert "Anmeldung vorübergehend gesperrt" in locked.content.decode()
    assert SESSION_KEY not in client.session
    # Another user name from the same address is not affected.
    assert attempt(client, "lesezugriff", PASSWORD).status_code == 302


def test_a_successful_login_resets_the_failure_count(client, koordination, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        attempt(client, "koordination", "falsch")
    assert attempt(client, "koordination", PASSWORD).status_code == 302
    client.logout()
    attempt(client, "koordination", "falsch")
    assert attempt(client, "koordination", PASSWORD).status_code == 302


@pytest.fixture
def demo_account(koordination):
    """The account as `load_demo` leaves it: a demo user name with the published password."""
    koordination.set_password(DEMO_PASSWORD)
    koordination.save()
    return koordination


@pytest.mark.parametrize("url", [LOGIN, reverse("admin:login")])
def test_demo_accounts_are_refused_outside_development(client, demo_account, settings, url):
    settings.DEBUG = False
    response = client.post(url, {"username": "koordination", "password": DEMO_PASSWORD})
    assert response.status_code == 200
    assert "Demo-Zugänge sind nur im Entwicklungsmodus nutzbar." in response.content.decode()
    assert SESSION_KEY not in client.session


def test_demo_accounts_work_in_development(client, demo_account, settings):
    settings.DEBUG = True
    assert attempt(client, "koordination", DEMO_PASSWORD).status_code == 302
    assert SESSION_KEY in client.session


def test_a_demo_user_name_with_a_changed_password_is_a_real_account(client, koordination, settings):
    settings.DEBUG = False
    assert attempt(client, "koordination", PASSWORD).status_code == 302


def test_wrong_passwords_for_many_user_names_lock_the_address(client, koordination):
    # Password spraying: one guess for each of 12 names from the same address.
    for number in range(12):
        attempt(client, f"mitarbeiterin{number}", "Sommer2026!")
    locked = attempt(client, "koordination", PASSWORD)
    assert locked.status_code == 429
    assert "von dieser Netzwerkadresse aus gab es zu viele" in locked.content.decode()
    assert SESSION_KEY not in client.session
    # The lock holds for every user name from this address.
    assert attempt(client, "lesezugriff", PASSWORD).status_code == 429


def test_a_typo_followed_by_a_login_does_not_count_towards_the_address(
    client, koordination, lesezugriff, settings
):
    settings.LOGIN_ADDRESS_FAILURE_LIMIT = 3
    for user in ("koordination", "lesezugriff", "koordination"):
        attempt(client, user, "falsch")
        assert attempt(client, user, PASSWORD).status_code == 302
        client.logout()
    attempt(client, "mitarbeiterin", "falsch")
    assert attempt(client, "lesezugriff", PASSWORD).status_code == 302


def test_a_valid_login_does_not_wipe_failures_of_other_names_from_the_address(
    client, koordination, settings
):
    settings.LOGIN_ADDRESS_FAILURE_LIMIT = 3
    for number in range(2):
        attempt(client, f"mitarbeiterin{number}", "falsch")
    assert attempt(client, "koordination", PASSWORD).status_code == 302
    client.logout()
    attempt(client, "mitarbeiterin2", "falsch")
    assert attempt(client, "koordination", PASSWORD).status_code == 429
