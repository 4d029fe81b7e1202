"""Related records on edit forms: a search box and its suggestions once there are many."""

import pytest

from cadre.core import pickers, registry, services
from cadre.core.roles import Role
from cadre.missions.models import Organisation, ReportingLine
from cadre_probe.models import Briefing

pytestmark = pytest.mark.django_db


@pytest.fixture
def organisations(records):
    def make(count):
        return [
            records.create(Organisation, key=f"org-{n}", name=f"Brigade {n}") for n in range(count)
        ]

    return make


@pytest.fixture
def briefings(nation, other_nation):
    """{nation code: a briefing on convoy drills of that nation}."""
    return {
        n.code: services.save(
            Briefing(key=f"b-{n.code}", title=f"Convoy drills {n.code}", capacity=5, nation=n),
            user=services.OPERATOR,
        )
        for n in (nation, other_nation)
    }


def test_the_add_form_offers_a_search_box_not_every_organisation_beyond_the_limit(
    client_as, organisations
):
    organisations(pickers.MOST_OPTIONS + 1)

    response = client_as(Role.MISSION_STAFF).get("/record/reporting-lines/add/")

    body = response.content.decode()
    assert response.status_code == 200
    assert '<select name="unit"' not in body
    assert "Brigade 150" not in body
    assert 'hx-get="/record/organisations/suggestions/?field=unit' in body
    assert len(body) < 20_000


def test_the_add_form_keeps_the_drop_down_while_organisations_are_few(client_as, organisations):
    organisations(3)

    body = client_as(Role.MISSION_STAFF).get("/record/reporting-lines/add/").content.decode()

    assert '<select name="unit"' in body


def test_suggestions_are_the_matching_records_by_key(client_as, organisations):
    organisations(3)

    response = client_as(Role.MISSION_STAFF).get(
        "/record/organisations/suggestions/", {"q": "brigade", "field": "unit"}
    )

    body = response.content.decode()
    assert body.count('type="radio" name="unit"') == 3
    assert 'value="org-2"' in body


def test_suggestions_offer_only_the_records_the_user_may_view(client_as, briefings):
    client = client_as(Role.NATION_CONTRIBUTOR)

    response = client.get(
        "/record/probe-briefings/suggestions/", {"q": "convoy", "field": "briefing"}
    )

    body = response.content.decode()
    assert 'value="b-CAN"' in body
    assert 'value="b-ITA"' not in body


def test_suggestions_for_a_many_to_many_field_are_checkboxes(client_as, briefings):
    response = client_as(Role.MISSION_STAFF).get(
        "/record/probe-briefings/suggestions/",
        {"q": "convoy", "field": "topics", "multiple": "1"},
    )

    assert response.content.decode().count('type="checkbox" name="topics"') == 2


def test_the_picked_key_saves_the_record(client_as, records, organisations, monkeypatch):
    monkeypatch.setattr(pickers, "MOST_OPTIONS", 1)
    unit, superior = organisations(2)
    form = records.form_data(registry.get("reporting-lines"))

    response = client_as(Role.MISSION_STAFF).post(
        "/record/reporting-lines/add/",
        {**form, "key": "line-1", "unit": unit.key, "superior": superior.key, "sources": []},
    )

    assert response.status_code == 302
    line = ReportingLine.objects.get(key="line-1")
    assert (line.unit, line.superior) == (unit, superior)


def test_the_form_refuses_the_key_of_a_record_the_user_may_not_view(
    client_as, briefings, monkeypatch
):
    monkeypatch.setattr(pickers, "MOST_OPTIONS", 0)
    client = client_as(Role.NATION_CONTRIBUTOR)

    response = client.post(
        "/record/probe-seats/add/", {"key": "s-1", "briefing": "b-ITA", "holder": "A. Holder"}
    )

    assert response.status_code == 400
    assert "briefing" in response.context["form"].errors


def test_the_edit_form_shows_the_chosen_record_by_key(
    client_as, records, organisations, monkeypatch
):
    monkeypatch.setattr(pickers, "MOST_OPTIONS", 1)
    unit, superior = organisations(2)
    line = records.create(ReportingLine, unit=unit, superior=superior)

    body = client_as(Role.MISSION_STAFF).get(f"/record/reporting-lines/{line.pk}/edit/")

    assert f'name="unit" value="{unit.key}" checked' in body.content.decode()
