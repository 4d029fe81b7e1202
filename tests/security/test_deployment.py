"""Deployment settings: HTTPS switched on by one variable, a Content-Security-Policy,
SQLite ready for concurrent writers, and sign-in lockout by user name and address."""

import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.db import connection

from cadre.core.roles import Role


def deploy_check(**extra_env):
    env = {
        key: value
        for key, value in os.environ.items()
        # Nothing of the test run's own settings: a deployment starts without them.
        if not key.startswith(("CADRE_", "PYTEST", "DATABASE_URL", "DJANGO_"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="cadre.settings",
        CADRE_SECRET_KEY="k7Qp-" + "x3Vb9" * 12,
        CADRE_ALLOWED_HOSTS="cadre.example.org",
        **extra_env,
    )
    command = [sys.executable, "-m", "django", "check", "--deploy", "--fail-level", "WARNING"]
    return subprocess.run(command, env=env, capture_output=True, text=True)


def test_check_deploy_is_clean_with_cadre_https():
    done = deploy_check(CADRE_HTTPS="1")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "no issues" in done.stdout


def test_check_deploy_warns_without_cadre_https():
    done = deploy_check()
    assert done.returncode != 0
    assert "SECURE_HSTS_SECONDS" in done.stdout + done.stderr


@pytest.mark.django_db
def test_every_page_is_sent_with_a_policy_that_allows_no_inline_script(client_as):
    response = client_as(Role.MISSION_STAFF).get("/timeline/")
    policy = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy


def test_sqlite_writers_wait_their_turn_instead_of_failing():
    if connection.vendor != "sqlite":
        pytest.skip("SQLite's settings")
    options = settings.DATABASES["default"]["OPTIONS"]
    assert options["timeout"] >= 20 and options["transaction_mode"] == "IMMEDIATE"
    assert "journal_mode=WAL" in options["init_command"]


@pytest.mark.django_db
def test_five_wrong_passwords_lock_that_user_name_at_that_address_only(client, make_user):
    victim = make_user(Role.ADVISOR)
    neighbour = make_user(Role.ADVISOR)
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post("/accounts/login/", {"username": victim.username, "password": "wrong-1"})

    locked = client.post(
        "/accounts/login/", {"username": victim.username, "password": "a-Long-test-passw0rd"}
    )
    neighbour_signs_in = client.post(
        "/accounts/login/", {"username": neighbour.username, "password": "a-Long-test-passw0rd"}
    )

    assert locked.status_code == 429
    assert neighbour_signs_in.status_code == 302
