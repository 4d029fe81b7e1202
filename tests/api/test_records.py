"""Every object type in the registry: list, read, create, change and delete through the API."""

import pytest

from cadre.core import registry
from cadre.core.roles import Role

OBJECT_TYPES = registry.object_types()
# Types open to the generic create, change and delete (the rest only to their service).
WRITABLE_TYPES = [t for t in OBJECT_TYPES if t.generic_writes]
pytestmark = pytest.mark.django_db


def writer(object_type):
    """Mission HQ staff where they write the type, else the administrator (eligibility
    overrides are granted by training officers and administrators alone)."""
    return Role.MISSION_STAFF if Role.MISSION_STAFF in object_type.write_roles else Role.ADMIN


def by_slug(object_type):
    return object_type.slug


def key_of(record):
    return getattr(record, registry.for_model(type(record)).key_field)


@pytest.mark.parametrize("object_type", OBJECT_TYPES, ids=by_slug)
def test_list_shows_records_of_the_type(object_type, api_as, records):
    record = records.create(object_type.model)

    response = api_as(Role.MISSION_STAFF).get(f"/api/{object_type.slug}/")

    assert response.status_code == 200
    keys = [row[object_type.key_field] for row in response.json()["results"]]
    assert key_of(record) in keys


@pytest.mark.parametrize("object_type", OBJECT_TYPES, ids=by_slug)
def test_detail_is_found_by_key(object_type, api_as, records):
    record = records.create(object_type.model)

    response = api_as(Role.TRAINING_OFFICER).get(f"/api/{object_type.slug}/{key_of(record)}/")

    assert response.status_code == 200
    assert response.json()["id"] == record.pk


@pytest.mark.parametrize("object_type", WRITABLE_TYPES, ids=by_slug)
def test_a_writer_creates_a_record(object_type, api_as, records):
    body = records.payload(object_type)

    response = api_as(writer(object_type)).post(f"/api/{object_type.slug}/", body, format="json")

    assert response.status_code == 201, response.json()
    created = object_type.model.objects.get(pk=response.json()["id"])
    assert key_of(created) == body[object_type.key_field]


@pytest.mark.parametrize("object_type", WRITABLE_TYPES, ids=by_slug)
def test_a_writer_replaces_a_record(object_type, api_as, records):
    record = records.create(object_type.model)
    body = records.payload(object_type)

    response = api_as(writer(object_type)).put(
        f"/api/{object_type.slug}/{key_of(record)}/", body, format="json"
    )

    assert response.status_code == 200, response.json()
    record.refresh_from_db()
    assert key_of(record) == body[object_type.key_field]


@pytest.mark.parametrize("object_type", WRITABLE_TYPES, ids=by_slug)
def test_a_writer_changes_one_field(object_type, api_as, records):
    record = records.create(object_type.model)
    new_key = "QZZ" if object_type.key_field == "code" else "changed-key"

    response = api_as(writer(object_type)).patch(
        f"/api/{object_type.slug}/{key_of(record)}/",
        {object_type.key_field: new_key},
        format="json",
    )

    assert response.status_code == 200, response.json()
    record.refresh_from_db()
    assert key_of(record) == new_key


@pytest.mark.parametrize("object_type", WRITABLE_TYPES, ids=by_slug)
def test_admin_deletes_a_record(object_type, api_as, records):
    record = records.create(object_type.model)

    response = api_as(Role.ADMIN).delete(f"/api/{object_type.slug}/{key_of(record)}/")

    assert response.status_code == 204
    assert not object_type.model.objects.filter(pk=record.pk).exists()


def test_many_to_many_fields_are_written_and_shown_as_keys(api_as, records):
    events = registry.get("events")
    body = records.payload(events)

    response = api_as(Role.MISSION_STAFF).post("/api/events/", body, format="json")

    assert response.status_code == 201
    assert response.json()["sources"] == body["sources"]
    event = events.model.objects.get(key=body["key"])
    assert [source.key for source in event.sources.all()] == body["sources"]


def test_partial_change_keeps_many_to_many_fields_not_sent(api_as, records):
    event = records.create(registry.get("events").model)
    sources_before = list(event.sources.all())

    response = api_as(Role.MISSION_STAFF).patch(
        f"/api/events/{event.key}/", {"summary": "Mission activated."}, format="json"
    )

    assert response.status_code == 200
    event.refresh_from_db()
    assert event.summary == "Mission activated."
    assert list(event.sources.all()) == sources_before
