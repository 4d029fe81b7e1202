"""Lists page by keyset and cost the same few queries however many rows a page holds."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from cadre.core import registry
from cadre.core.roles import Role
from cadre.sources.models import Source

pytestmark = pytest.mark.django_db


def queries_for_list(client, object_type, rows):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"/api/{object_type.slug}/", {"page_size": 500})
    assert len(response.json()["results"]) >= rows
    return len(queries)


@pytest.mark.parametrize("object_type", registry.object_types(), ids=lambda t: t.slug)
def test_list_costs_the_same_queries_for_10_and_200_rows(object_type, make_user, records):
    client = APIClient()
    client.force_authenticate(make_user(Role.MISSION_STAFF))
    records.create_many(object_type.model, 10)
    with_10 = queries_for_list(client, object_type, 10)

    records.create_many(object_type.model, 190)
    with_200 = queries_for_list(client, object_type, 200)

    assert with_10 == with_200
    assert with_200 <= 1 + len(object_type.model._meta.many_to_many)


def test_pages_follow_each_other_without_gaps_or_repeats(api_as, records):
    sources = records.create_many(Source, 7)
    client = api_as(Role.ADVISOR)

    seen = []
    response = client.get("/api/sources/", {"page_size": 3}).json()
    seen += [row["key"] for row in response["results"]]
    while response["next"]:
        response = client.get(response["next"]).json()
        seen += [row["key"] for row in response["results"]]

    assert seen == [source.key for source in sources]


def test_page_size_is_50_unless_asked(api_as, records):
    records.create_many(Source, 51)

    response = api_as(Role.ADVISOR).get("/api/sources/").json()

    assert len(response["results"]) == 50
    assert response["next"]


def test_list_has_no_count(api_as, records):
    records.create(Source)

    response = api_as(Role.ADVISOR).get("/api/sources/").json()

    assert set(response) == {"next", "previous", "results"}


def test_list_filters_as_the_list_page_does(api_as, records):
    wanted = records.create(Source, publisher="NATO")
    records.create(Source, publisher="Ministry of Defence")

    response = api_as(Role.ADVISOR).get("/api/sources/", {"publisher": "NATO"}).json()

    assert [row["key"] for row in response["results"]] == [wanted.key]


def test_list_filters_on_many_to_many_keys(api_as, records):
    events = registry.get("events").model
    wanted = records.create(events)
    other = records.create(events)
    other.missions.clear()

    response = (
        api_as(Role.ADVISOR).get("/api/events/", {"missions": wanted.missions.get().key}).json()
    )

    assert [row["key"] for row in response["results"]] == [wanted.key]


def test_list_search_looks_in_the_declared_fields(api_as, records):
    wanted = records.create(Source, title="Mandate of the training mission")
    records.create(Source, title="Force levels")

    response = api_as(Role.ADVISOR).get("/api/sources/", {"q": "mandate"}).json()

    assert [row["key"] for row in response["results"]] == [wanted.key]
