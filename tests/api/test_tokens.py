"""Personal API tokens: authentication by token, and the page where people manage them."""

import datetime

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from cadre.accounts.models import ApiToken
from cadre.accounts.services import api_token_create, api_token_revoke
from cadre.core.roles import Role

pytestmark = pytest.mark.django_db


def client_with_key(key):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return client


def test_token_authenticates_as_its_user(make_user):
    user = make_user(Role.MISSION_STAFF)
    _token, key = api_token_create(user=user, name="script")

    response = client_with_key(key).post(
        "/api/nations/", {"code": "NOR", "name": "Norway", "status": "ally"}, format="json"
    )

    assert response.status_code == 201


def test_token_is_stored_only_as_its_digest(make_user):
    _token, key = api_token_create(user=make_user(), name="script")

    stored = ApiToken.objects.values().get()

    assert key not in [str(value) for value in stored.values()]
    assert stored["digest"] == ApiToken.digest_of(key)


def test_revoked_token_is_rejected(make_user):
    token, key = api_token_create(user=make_user(), name="script")
    api_token_revoke(token=token)

    response = client_with_key(key).get("/api/nations/")

    assert response.status_code == 401
    assert "revoked" in response.json()["detail"]


def test_unknown_token_is_rejected(db):
    response = client_with_key("not-a-token").get("/api/nations/")

    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Token")


def test_token_of_a_disabled_account_is_rejected(make_user):
    user = make_user()
    _token, key = api_token_create(user=user, name="script")
    user.is_active = False
    user.save()

    response = client_with_key(key).get("/api/nations/")

    assert response.status_code == 401


def test_header_without_a_key_is_rejected_with_the_expected_form(db):
    response = APIClient().get("/api/nations/", HTTP_AUTHORIZATION="Token")

    assert response.status_code == 401
    assert "Authorization: Token <key>" in response.json()["detail"]


def test_use_of_a_token_is_recorded(make_user):
    token, key = api_token_create(user=make_user(), name="script")

    client_with_key(key).get("/api/nations/")

    token.refresh_from_db()
    assert token.last_used is not None


def test_last_use_is_written_at_most_once_a_minute(make_user):
    token, key = api_token_create(user=make_user(), name="script")
    recently = timezone.now() - datetime.timedelta(seconds=20)
    ApiToken.objects.filter(pk=token.pk).update(last_used=recently)

    client_with_key(key).get("/api/nations/")

    token.refresh_from_db()
    assert token.last_used == recently


def test_last_use_older_than_a_minute_is_updated(make_user):
    token, key = api_token_create(user=make_user(), name="script")
    earlier = timezone.now() - datetime.timedelta(minutes=5)
    ApiToken.objects.filter(pk=token.pk).update(last_used=earlier)

    client_with_key(key).get("/api/nations/")

    token.refresh_from_db()
    assert token.last_used > earlier


def test_token_page_lists_only_own_tokens(client_as, make_user):
    client = client_as(Role.ADVISOR)
    api_token_create(user=client.user, name="my laptop")
    api_token_create(user=make_user(), name="someone else's")

    page = client.get("/accounts/tokens/").content.decode()

    assert "my laptop" in page
    assert "someone else" not in page


def test_new_token_key_is_shown_once(client_as):
    client = client_as(Role.ADVISOR)

    created = client.post("/accounts/tokens/", {"name": "reporting script"})
    token = ApiToken.objects.get(user=client.user)
    key = created.context["new_key"]

    assert key in created.content.decode()
    assert token.digest == ApiToken.digest_of(key)
    assert key not in client.get("/accounts/tokens/").content.decode()


def test_token_is_revoked_from_the_page(client_as):
    client = client_as(Role.ADVISOR)
    token, _key = api_token_create(user=client.user, name="old script")

    response = client.post(f"/accounts/tokens/{token.pk}/revoke/")

    assert response.status_code == 302
    token.refresh_from_db()
    assert token.revoked is not None


def test_another_users_token_cannot_be_revoked(client_as, make_user):
    token, _key = api_token_create(user=make_user(), name="theirs")

    response = client_as(Role.ADVISOR).post(f"/accounts/tokens/{token.pk}/revoke/")

    assert response.status_code == 404
    token.refresh_from_db()
    assert token.revoked is None


def test_token_page_needs_sign_in(client, db):
    response = client.get("/accounts/tokens/")

    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
