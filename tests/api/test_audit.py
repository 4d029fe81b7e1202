"""API writes land in the audit trail, on the "api" channel, with the token's user."""

import pytest
from django.contrib.contenttypes.models import ContentType

from cadre.audit.models import ChangeAction, ChangeRecord
from cadre.core import registry
from cadre.core.roles import Role
from cadre.missions.models import Mission

pytestmark = pytest.mark.django_db


def records_of(model):
    return ChangeRecord.objects.filter(content_type=ContentType.objects.get_for_model(model))


def test_creation_through_the_api_is_audited(api_as, records):
    client = api_as(Role.MISSION_STAFF)
    body = records.payload(registry.get("missions"))

    response = client.post("/api/missions/", body, format="json")

    record = records_of(Mission).get(object_id=str(response.json()["id"]))
    assert (record.action, record.channel, record.user) == (
        ChangeAction.CREATE,
        "api",
        client.user,
    )


def test_change_through_the_api_is_audited_with_before_and_after(api_as, records):
    mission = records.create(Mission)
    client = api_as(Role.MISSION_STAFF)

    client.patch(f"/api/missions/{mission.key}/", {"name": "Training Mission"}, format="json")

    record = records_of(Mission).get(object_id=str(mission.pk), action=ChangeAction.UPDATE)
    assert record.channel == "api"
    assert record.user == client.user
    assert (record.before["name"], record.after["name"]) == (mission.name, "Training Mission")


def test_deletion_through_the_api_is_audited(api_as, records):
    mission = records.create(Mission)
    client = api_as(Role.ADMIN)

    response = client.delete(f"/api/missions/{mission.key}/")

    assert response.status_code == 204
    record = records_of(Mission).get(object_id=str(mission.pk), action=ChangeAction.DELETE)
    assert (record.channel, record.user) == ("api", client.user)


def test_write_refused_after_saving_leaves_no_audit_record(api_as, records, nation, other_nation):
    body = {
        **records.payload(registry.get("participations")),
        "nation": other_nation.code,
    }

    response = api_as(Role.NATION_CONTRIBUTOR, nation).post(
        "/api/participations/", body, format="json"
    )

    assert response.status_code == 403
    assert not ChangeRecord.objects.filter(channel="api").exists()
