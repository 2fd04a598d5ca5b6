"""Start-up refuses a broken configuration with a one-line explanation."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def run_check(*command, **env):
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE"))}
    environment.update(env)
    return subprocess.run(
        [sys.executable, *(command or ("manage.py", "check"))],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize(
    "command",
    [("-c", "import integration_office.wsgi"), ("manage.py", "runserver", "--noreload")],
)
def test_serving_in_production_mode_without_secret_key_stops(command):
    result = run_check(*command, DJANGO_DEBUG="false")
    assert result.returncode != 0
    assert result.stderr.startswith("Configuration error: DJANGO_SECRET_KEY is not set")
    assert result.stderr.count("\n") == 1


def test_maintenance_commands_run_without_secret_key():
    result = run_check("manage.py", "makemigrations", "--check", "--dry-run", DJANGO_DEBUG="false")
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("url", ["mysql://root@localhost/x", "kaputt"])
def test_unusable_database_url_stops(url):
    result = run_check(DJANGO_DEBUG="true", DATABASE_URL=url)
    assert result.returncode != 0
    assert result.stderr.startswith("Configuration error: DATABASE_URL")
    assert result.stderr.count("\n") == 1


def test_postgres_url_uses_psycopg_pool():
    from integration_office.settings import _database

    config = _database("postgres://postgres@127.0.0.1:5432/integrationsplan")
    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert config["OPTIONS"]["pool"] is True
    assert config["NAME"] == "integrationsplan"


def test_time_zone_and_language_are_german(settings):
    assert settings.TIME_ZONE == "Europe/Berlin"
    assert settings.LANGUAGE_CODE == "de"
