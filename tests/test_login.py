from django.contrib.auth import SESSION_KEY
from django.urls import reverse

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
