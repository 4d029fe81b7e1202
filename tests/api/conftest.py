"""API clients signed in by token."""

import pytest
from rest_framework.test import APIClient

from cadre.accounts.services import api_token_create


@pytest.fixture
def token_client():
    """token_client(user) -> an API client sending a new token of that user."""

    def make(user):
        _token, key = api_token_create(user=user, name="tests")
        client = APIClient()
        client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
        client.user = user
        return client

    return make


@pytest.fixture
def api_as(make_user, token_client):
    """api_as(role, nation_obj=None) -> an API client with a token of a new user of that role."""

    def sign_in(role, nation_obj=None):
        return token_client(make_user(role, nation_obj))

    return sign_in
