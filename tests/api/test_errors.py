"""Errors answer as JSON a person can act on: {"detail": ..., "errors": {field: [...]}}."""

import base64

import pytest

from cadre.accounts.models import Nation
from cadre.core import registry
from cadre.core.roles import Role
from cadre.missions.models import Location, Mission

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(api_as):
    return api_as(Role.MISSION_STAFF)


def test_model_rule_violation_names_the_field(staff, records):
    body = {
        **records.payload(registry.get("missions")),
        "start": "2018-10-01",
        "end": "2018-07-01",
    }

    response = staff.post("/api/missions/", body, format="json")

    assert response.status_code == 400
    assert response.json()["errors"] == {"end": ["A mission cannot end before it starts."]}
    assert "end" in response.json()["detail"]


def test_missing_required_field_is_named(staff, records):
    body = records.payload(registry.get("missions"))
    del body["host_nation"]

    response = staff.post("/api/missions/", body, format="json")

    assert response.status_code == 400
    assert list(response.json()["errors"]) == ["host_nation"]


def test_unknown_related_key_is_named(staff, records):
    body = {**records.payload(registry.get("missions")), "host_nation": "ZZZ"}

    response = staff.post("/api/missions/", body, format="json")

    assert response.status_code == 400
    assert "ZZZ" in response.json()["errors"]["host_nation"][0]


def test_key_already_taken_is_named(staff, records):
    existing = records.create(Mission)
    body = {**records.payload(registry.get("missions")), "key": existing.key}

    response = staff.post("/api/missions/", body, format="json")

    assert response.status_code == 400
    assert "key" in response.json()["errors"]


def test_database_constraint_is_checked_before_saving(staff, records):
    body = {**records.payload(registry.get("locations")), "latitude": "95.0"}

    response = staff.post("/api/locations/", body, format="json")

    assert response.status_code == 400
    assert not Location.objects.filter(key=body["key"]).exists()


def test_deleting_a_referenced_record_is_a_conflict(staff, records, other_nation):
    records.create(Location, nation=other_nation)

    response = staff.delete(f"/api/nations/{other_nation.code}/")

    assert response.status_code == 409
    assert "(1 location)" in response.json()["detail"]
    assert Nation.objects.filter(pk=other_nation.pk).exists()


def test_unknown_key_is_not_found_with_a_message(staff):
    response = staff.get("/api/missions/no-such-mission/")

    assert response.status_code == 404
    assert "no-such-mission" in response.json()["detail"]


def test_malformed_json_is_a_bad_request(staff):
    response = staff.generic("POST", "/api/missions/", "{not json", content_type="application/json")

    assert response.status_code == 400
    assert "JSON" in response.json()["detail"]


def test_body_that_is_not_an_object_is_a_bad_request(staff):
    response = staff.post("/api/missions/", ["a", "list"], format="json")

    assert response.status_code == 400
    assert "non_field_errors" in response.json()["errors"]


def test_invalid_filter_value_is_named(staff):
    response = staff.get("/api/missions/", {"status": "imaginary"})

    assert response.status_code == 400
    assert "status" in response.json()["errors"]


@pytest.mark.parametrize("position", ["1; drop table", "%C2%B2"], ids=["text", "unicode-digit"])
def test_forged_page_cursor_is_not_found(staff, position):
    cursor = base64.b64encode(f"p={position}".encode()).decode()

    response = staff.get("/api/missions/", {"cursor": cursor})

    assert response.status_code == 404
    assert response.json()["detail"] == "Invalid cursor"


def test_form_encoded_body_is_refused_with_a_message(staff):
    response = staff.post("/api/nations/", {"code": "XYZ"})

    assert response.status_code == 415
    assert "Unsupported media type" in response.json()["detail"]


@pytest.mark.parametrize(
    "path, parameters",
    [
        ("/api/participations/", {"nation": "CA\x00N"}),
        ("/api/events/", {"missions": "x\x00"}),
        ("/api/nations/", {"code": "\x00"}),
        ("/api/sources/", {"q": "\x00"}),
        ("/api/events/", {"date_year_from": "99999999999"}),
    ],
)
def test_impossible_filter_value_is_a_bad_request(staff, path, parameters):
    response = staff.get(path, parameters)

    assert response.status_code == 400
    assert list(response.json()["errors"]) == list(parameters)


def test_nul_byte_in_a_related_key_is_named(staff, records):
    body = {**records.payload(registry.get("missions")), "host_nation": "IR\x00Q"}

    response = staff.post("/api/missions/", body, format="json")

    assert response.status_code == 400
    assert "host_nation" in response.json()["errors"]


@pytest.mark.parametrize(
    "field, value",
    [("key", "mosul\x00"), ("name", "Mo\x00sul"), ("nation", "IR\x00Q")],
)
def test_nul_byte_in_a_payload_string_is_a_bad_request_naming_the_field(
    staff, records, field, value
):
    body = {**records.payload(registry.get("locations")), field: value}
    before = Location.objects.count()

    response = staff.post("/api/locations/", body, format="json")

    assert response.status_code == 400
    assert list(response.json()["errors"]) == [field]
    assert Location.objects.count() == before
