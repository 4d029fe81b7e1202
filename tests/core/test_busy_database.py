"""SQLite lets one writer in at a time: a write that meets another's long one is told to
come back (503, Retry-After), not shown a server error, and nothing of it is kept."""

import sqlite3

import pytest
from django.db import connection

from cadre.core.roles import Role
from cadre.sources.models import Source

pytestmark = pytest.mark.skipif(
    connection.vendor != "sqlite", reason="PostgreSQL lets writers of different rows in at once"
)


@pytest.fixture
def staff(client_as):
    return client_as(Role.MISSION_STAFF)


@pytest.fixture
def another_writer(staff):
    """A second connection to the test database, holding its write lock until released."""
    other = sqlite3.connect(connection.settings_dict["NAME"], uri=True, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    other.execute("DELETE FROM sources_source WHERE key = 'none such'")
    yield other
    other.execute("ROLLBACK")
    other.close()


PAYLOAD = {"key": "new-page", "title": "A page", "publisher": "NATO"}


@pytest.mark.django_db(transaction=True)
def test_an_api_write_that_meets_another_writer_is_told_to_retry(staff, another_writer):
    client = staff

    response = client.post("/api/sources/", PAYLOAD, content_type="application/json")

    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "busy" in response.json()["detail"]
    another_writer.execute("ROLLBACK")
    another_writer.execute("BEGIN")
    assert not Source.objects.filter(key="new-page").exists()
    retried = client.post("/api/sources/", PAYLOAD, content_type="application/json")
    assert retried.status_code == 201


@pytest.mark.django_db(transaction=True)
def test_a_page_write_that_meets_another_writer_is_told_to_retry(staff, another_writer):
    client = staff

    response = client.post("/record/sources/add/", PAYLOAD)

    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "Try again in a minute" in response.content.decode()
