import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.test import override_settings

from cadre.accounts.models import User
from cadre.accounts.services import UserError, ensure_demo_users, user_create
from cadre.core.roles import Role


def test_outside_tests_passwords_are_hashed_with_argon2():
    # Tests swap in a fast hasher, so read the settings as a deployment gets them.
    env = {**os.environ, "CADRE_SECRET_KEY": "x", "CADRE_TESTING": "0"}
    code = "import cadre.settings as s; print(s.PASSWORD_HASHERS[0])"
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "django.contrib.auth.hashers.Argon2PasswordHasher"


def test_outside_demo_and_tests_a_secret_key_is_required():
    env = {k: v for k, v in os.environ.items() if k != "CADRE_SECRET_KEY"} | {"CADRE_TESTING": "0"}
    out = subprocess.run(
        [sys.executable, "-c", "import cadre.settings"], env=env, capture_output=True, text=True
    )
    assert out.returncode != 0 and "CADRE_SECRET_KEY" in out.stderr


@pytest.mark.django_db
def test_a_nation_contributor_needs_a_nation():
    with pytest.raises(UserError, match="needs --nation"):
        user_create(username="x", role=Role.NATION_CONTRIBUTOR)


@pytest.mark.django_db
def test_an_unknown_role_is_refused_with_the_roles_named():
    with pytest.raises(UserError, match="mission_staff"):
        user_create(username="x", role="general")


@pytest.mark.django_db
def test_demo_users_are_one_per_role_and_made_once(nation):
    first = ensure_demo_users()
    assert sorted(u.role for u, _ in first) == sorted(Role.values)
    assert ensure_demo_users() == []
    assert User.objects.filter(username__startswith="demo-").count() == len(Role.values)


@pytest.mark.django_db
def test_pages_need_a_signed_in_user(client):
    response = client.get("/missions/")
    assert response.status_code == 302 and response.url.startswith("/accounts/login/")


@pytest.mark.django_db
def test_signing_in_with_the_right_password_reaches_home(client, make_user):
    user = make_user(Role.ADVISOR)
    response = client.post(
        "/accounts/login/", {"username": user.username, "password": "a-Long-test-passw0rd"}
    )
    assert response.status_code == 302 and response.url == "/"


@pytest.mark.django_db
@override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=3)
def test_signing_in_is_throttled_after_repeated_failures(client, make_user):
    user = make_user(Role.ADVISOR)
    for _ in range(3):
        client.post("/accounts/login/", {"username": user.username, "password": "wrong"})
    response = client.post(
        "/accounts/login/", {"username": user.username, "password": "a-Long-test-passw0rd"}
    )
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_the_chosen_language_is_kept_for_the_user(client_as):
    client = client_as(Role.ADVISOR)
    client.post("/language/", {"language": "ar", "next": "/"})
    client.user.refresh_from_db()
    assert client.user.language == "ar"
    assert 'lang="ar"' in client.get("/").content.decode()


@pytest.mark.django_db
def test_the_browser_language_is_used_when_nothing_was_chosen(client_as):
    client = client_as(Role.ADVISOR)
    page = client.get("/", HTTP_ACCEPT_LANGUAGE="ar").content.decode()
    assert 'dir="rtl"' in page


@pytest.mark.django_db
def test_english_is_the_default(client_as):
    page = client_as(Role.ADVISOR).get("/").content.decode()
    assert 'lang="en"' in page and 'dir="ltr"' in page
    assert settings.LANGUAGE_CODE == "en"
