"""The OpenAPI schema tells the truth: every operation, called with generated requests by a
writing role, answers without a server error and as the schema describes."""

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from records import Records
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from cadre.accounts.services import api_token_create
from cadre.core import registry
from cadre.core.roles import Role

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]
EXAMPLES_PER_OPERATION = 20


@pytest.mark.django_db
def test_schema_and_docs_are_served_to_signed_in_users(client_as):
    client = client_as(Role.AUDITOR)

    schema = client.get("/api/schema/", {"format": "json"}).json()
    docs = client.get("/api/docs/")

    assert {"/api/events/", "/api/events/{key}/"} <= set(schema["paths"])
    assert docs.status_code == 200


@pytest.mark.django_db
def test_schema_needs_authentication(client):
    assert client.get("/api/schema/").status_code == 401


@pytest.mark.django_db
def test_docs_send_anonymous_visitors_to_sign_in(client):
    response = client.get("/api/docs/")

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


@pytest.mark.django_db(transaction=True)
def test_every_operation_answers_as_the_schema_says(live_server, make_user):
    records = Records()
    for object_type in registry.object_types():
        records.create(object_type.model)
    _token, key = api_token_create(user=make_user(Role.MISSION_STAFF), name="schemathesis")
    headers = {"Authorization": f"Token {key}"}
    schema = schemathesis.openapi.from_url(
        f"{live_server.url}/api/schema/?format=json", headers=headers
    )

    failures = []
    for result in schema.get_all_operations():
        operation = result.ok()

        @given(case=operation.as_strategy())
        @settings(
            max_examples=EXAMPLES_PER_OPERATION,
            phases=[Phase.explicit, Phase.generate],
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def call(case):
            case.call_and_validate(base_url=live_server.url, headers=headers, checks=CHECKS)

        try:
            call()
        except Exception as failure:  # collect every operation's failure, then report them all
            failures.append(f"{operation.label}: {failure}")

    assert not failures, "\n\n".join(failures)
