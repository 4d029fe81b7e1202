"""The generic add, edit and delete pages write through the service and say so, or refuse."""

import pytest

from cadre.accounts.models import Nation
from cadre.core.roles import Role
from cadre.missions.models import Mission, Participation

pytestmark = pytest.mark.django_db


def posted(form):
    """What the browser sends back for an edit form left as it was shown."""
    data = {}
    for name, value in form.initial.items():
        if value is None:
            continue
        if isinstance(value, list):
            value = [getattr(item, "pk", item) for item in value]
        data[name] = getattr(value, "pk", value)
    return data


def test_the_add_page_creates_a_record_and_goes_to_it(client_as):
    response = client_as(Role.MISSION_STAFF).post(
        "/record/nations/add/", {"code": "NOR", "name": "Norway", "status": "ally"}
    )

    nation = Nation.objects.get(code="NOR")
    assert response.status_code == 302 and response.url == f"/record/nations/{nation.pk}/"


def test_the_add_page_shows_the_models_rule_and_keeps_nothing(client_as):
    response = client_as(Role.MISSION_STAFF).post(
        "/record/nations/add/", {"code": "N0", "name": "Nowhere", "status": "ally"}
    )

    assert response.status_code == 400
    assert "ISO 3166-1" in response.content.decode()
    assert not Nation.objects.filter(name="Nowhere").exists()


def test_the_edit_page_changes_the_record(client_as, records):
    mission = records.create(Mission)
    client = client_as(Role.MISSION_STAFF)
    data = posted(client.get(f"/record/missions/{mission.pk}/edit/").context["form"])
    data["name"] = "Renamed mission"

    response = client.post(f"/record/missions/{mission.pk}/edit/", data)

    assert response.status_code == 302, response.content.decode()[:2000]
    mission.refresh_from_db()
    assert mission.name == "Renamed mission"


def test_the_delete_page_deletes_the_record(client_as, records):
    nation = records.create(Nation)

    response = client_as(Role.MISSION_STAFF).post(f"/record/nations/{nation.pk}/delete/")

    assert response.status_code == 302
    assert not Nation.objects.filter(pk=nation.pk).exists()


def test_the_delete_page_names_what_still_refers_to_the_record(client_as, records):
    participation = records.create(Participation)
    nation = participation.nation

    response = client_as(Role.MISSION_STAFF).post(
        f"/record/nations/{nation.pk}/delete/", follow=True
    )

    assert Nation.objects.filter(pk=nation.pk).exists()
    assert "still referred to" in response.content.decode()


def test_a_nation_contributors_edit_of_another_nations_row_is_refused_not_a_500(
    client_as, records, nation, other_nation
):
    own = records.create(Participation, nation=nation)
    client = client_as(Role.NATION_CONTRIBUTOR, nation)
    data = posted(client.get(f"/record/participations/{own.pk}/edit/").context["form"])
    data["nation"] = other_nation.pk

    response = client.post(f"/record/participations/{own.pk}/edit/", data)

    assert response.status_code == 403
    own.refresh_from_db()
    assert own.nation == nation
