"""Who may do what through the API: roles, nations, anonymous callers."""

import pytest
from rest_framework.test import APIClient

from cadre.core import registry
from cadre.core.roles import Role
from cadre.missions.models import Mission, Participation

pytestmark = pytest.mark.django_db

READ_ONLY_ROLES = [
    Role.AUDITOR,
    Role.TRAINING_OFFICER,
    Role.ADVISOR,
    Role.COORDINATION_CELL,
    Role.HOST_LIAISON,
    Role.GENDER_ADVISER,
    Role.NATION_CONTRIBUTOR,
]


@pytest.fixture
def mission(records):
    return records.create(Mission)


@pytest.fixture
def participation_of(records, mission):
    def make(nation):
        return records.create(Participation, mission=mission, nation=nation)

    return make


def participation_body(records, mission, nation):
    body = records.payload(registry.get("participations"))
    return {**body, "mission": mission.key, "nation": nation.code}


@pytest.mark.parametrize("role", list(Role), ids=str)
def test_every_role_may_read_the_mission_record(role, api_as, mission):
    response = api_as(role).get("/api/missions/")

    assert response.status_code == 200
    assert mission.key in [row["key"] for row in response.json()["results"]]


@pytest.mark.parametrize("role", READ_ONLY_ROLES, ids=str)
def test_roles_without_write_rights_may_not_create_missions(role, api_as, records):
    body = records.payload(registry.get("missions"))

    response = api_as(role).post("/api/missions/", body, format="json")

    assert response.status_code == 403
    assert "may not add" in response.json()["detail"]
    assert not Mission.objects.filter(key=body["key"]).exists()


def test_auditor_may_not_change_a_record(api_as, mission):
    response = api_as(Role.AUDITOR).patch(
        f"/api/missions/{mission.key}/", {"name": "Renamed"}, format="json"
    )

    assert response.status_code == 403
    mission.refresh_from_db()
    assert mission.name != "Renamed"


def test_auditor_may_not_delete_a_record(api_as, mission):
    response = api_as(Role.AUDITOR).delete(f"/api/missions/{mission.key}/")

    assert response.status_code == 403
    assert Mission.objects.filter(pk=mission.pk).exists()


def test_anonymous_caller_is_asked_to_authenticate_and_sees_no_data(mission):
    response = APIClient().get("/api/missions/")

    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Token")
    assert set(response.json()) == {"detail", "errors"}
    assert mission.key not in response.content.decode()


def test_anonymous_caller_may_not_read_a_record(mission):
    response = APIClient().get(f"/api/missions/{mission.key}/")

    assert response.status_code == 401
    assert mission.key not in response.content.decode()


def test_anonymous_caller_may_not_create(records):
    body = records.payload(registry.get("nations"))

    response = APIClient().post("/api/nations/", body, format="json")

    assert response.status_code == 401


def test_nation_contributor_adds_a_participation_of_own_nation(api_as, records, mission, nation):
    body = participation_body(records, mission, nation)

    response = api_as(Role.NATION_CONTRIBUTOR, nation).post(
        "/api/participations/", body, format="json"
    )

    assert response.status_code == 201, response.json()
    assert Participation.objects.get(key=body["key"]).nation == nation


def test_nation_contributor_may_not_add_a_participation_of_another_nation(
    api_as, records, mission, nation, other_nation
):
    body = participation_body(records, mission, other_nation)

    response = api_as(Role.NATION_CONTRIBUTOR, nation).post(
        "/api/participations/", body, format="json"
    )

    assert response.status_code == 403
    assert "own nation" in response.json()["detail"]
    assert not Participation.objects.filter(key=body["key"]).exists()


def test_nation_contributor_changes_a_participation_of_own_nation(api_as, participation_of, nation):
    participation = participation_of(nation)

    response = api_as(Role.NATION_CONTRIBUTOR, nation).patch(
        f"/api/participations/{participation.key}/", {"note": "Trainers sent."}, format="json"
    )

    assert response.status_code == 200
    participation.refresh_from_db()
    assert participation.note == "Trainers sent."


def test_nation_contributor_may_not_change_another_nations_participation(
    api_as, participation_of, nation, other_nation
):
    participation = participation_of(other_nation)

    response = api_as(Role.NATION_CONTRIBUTOR, nation).patch(
        f"/api/participations/{participation.key}/", {"note": "Overwritten."}, format="json"
    )

    assert response.status_code == 403
    participation.refresh_from_db()
    assert participation.note != "Overwritten."


def test_nation_contributor_may_not_move_own_participation_to_another_nation(
    api_as, participation_of, nation, other_nation
):
    participation = participation_of(nation)

    response = api_as(Role.NATION_CONTRIBUTOR, nation).patch(
        f"/api/participations/{participation.key}/",
        {"nation": other_nation.code, "note": "Moved."},
        format="json",
    )

    assert response.status_code == 403
    participation.refresh_from_db()
    assert participation.nation == nation
    assert participation.note != "Moved."


def test_nation_contributor_may_not_delete_another_nations_participation(
    api_as, participation_of, nation, other_nation
):
    participation = participation_of(other_nation)

    response = api_as(Role.NATION_CONTRIBUTOR, nation).delete(
        f"/api/participations/{participation.key}/"
    )

    assert response.status_code == 403
    assert Participation.objects.filter(pk=participation.pk).exists()


def test_nation_contributor_reads_every_nations_participation(
    api_as, participation_of, nation, other_nation
):
    participation_of(nation)
    participation_of(other_nation)

    response = api_as(Role.NATION_CONTRIBUTOR, nation).get("/api/participations/")

    assert sorted(row["nation"] for row in response.json()["results"]) == ["CAN", "ITA"]


# Records read by nation (the probe types: tests/cadre_probe) --------------------------


@pytest.fixture
def briefing_of(records):
    from cadre_probe.models import Briefing

    def make(nation):
        return records.create(Briefing, nation=nation)

    return make


def seat_body(records, briefing):
    return {**records.payload(registry.get("probe-seats")), "briefing": briefing.key, "topics": []}


def test_a_key_the_caller_may_not_read_does_not_exist_in_a_payload(
    api_as, records, briefing_of, nation, other_nation
):
    body = seat_body(records, briefing_of(other_nation))

    response = api_as(Role.NATION_CONTRIBUTOR, nation).post(
        "/api/probe-seats/", body, format="json"
    )

    assert response.status_code == 400
    assert "does not exist" in response.json()["errors"]["briefing"][0]


def test_a_key_the_caller_may_read_is_accepted_in_a_payload(api_as, records, briefing_of, nation):
    body = seat_body(records, briefing_of(nation))

    response = api_as(Role.NATION_CONTRIBUTOR, nation).post(
        "/api/probe-seats/", body, format="json"
    )

    assert response.status_code == 201, response.json()


def test_many_to_many_values_hold_only_records_the_caller_may_read(
    api_as, records, briefing_of, nation, other_nation
):
    from cadre_probe.models import Seat

    own, foreign = briefing_of(nation), briefing_of(other_nation)
    seat = records.create(Seat, briefing=own)
    seat.topics.set([own, foreign])

    response = api_as(Role.NATION_CONTRIBUTOR, nation).get(f"/api/probe-seats/{seat.key}/")

    assert response.json()["topics"] == [own.key]


def test_a_list_filter_refuses_a_key_the_caller_may_not_read(
    api_as, briefing_of, nation, other_nation
):
    foreign = briefing_of(other_nation)

    response = api_as(Role.NATION_CONTRIBUTOR, nation).get(
        "/api/probe-seats/", {"briefing": foreign.key}
    )

    assert response.status_code == 400
    assert "briefing" in response.json()["errors"]
