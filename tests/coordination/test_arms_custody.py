"""Custody changes: written only through CustodyService, which keeps the item's holder and
status in step and refuses a change that would put a weapon in two places at once."""
# ruff: noqa: F403, F405 (the fixtures of arms_setup)

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from rest_framework.test import APIClient

from cadre.audit.models import ChangeRecord
from cadre.coordination.models import CustodyChange
from cadre.core.roles import Role

from .arms_setup import *

pytestmark = pytest.mark.django_db
LATER = DAY + datetime.timedelta(days=5)


def test_a_change_moves_the_items_holder_status_and_date(rifle, depot, brigade):
    move(rifle, DAY, None, depot, status="in_store")
    move(rifle, LATER, depot, brigade)

    rifle.refresh_from_db()
    assert (rifle.holder, rifle.status, rifle.last_custody_on) == (brigade, "issued", LATER)


def test_a_change_and_the_items_move_are_in_the_audit_trail(rifle, depot):
    change = move(rifle, DAY, None, depot)

    assert ChangeRecord.objects.filter(object_repr=str(change)).exists()
    assert ChangeRecord.objects.filter(message__contains=change.key).exists()


def test_a_from_that_is_not_where_the_item_is_is_refused(rifle, depot, brigade, battalion):
    move(rifle, DAY, None, depot)

    with pytest.raises(ValidationError) as refused:
        move(rifle, LATER, brigade, battalion)

    assert "from_holder" in refused.value.message_dict
    assert "is then held by Depot" in str(refused.value)
    assert CustodyChange.objects.count() == 1


def test_a_change_dated_before_the_last_one_is_refused(rifle, depot, brigade):
    move(rifle, LATER, None, depot)

    with pytest.raises(ValidationError) as refused:
        move(rifle, DAY, depot, brigade)

    assert "two places at once" in refused.value.message_dict["changed_on"][0]
    rifle.refresh_from_db()
    assert rifle.holder == depot


def test_a_second_unit_on_the_same_day_is_refused(rifle, depot, brigade, battalion):
    move(rifle, DAY, None, depot)
    move(rifle, LATER, depot, brigade)

    with pytest.raises(ValidationError) as refused:
        move(rifle, LATER, brigade, battalion)

    assert "same day" in refused.value.message_dict["changed_on"][0]


def test_a_destroyed_item_takes_no_further_change(rifle, depot, brigade):
    move(rifle, DAY, None, depot)
    move(rifle, LATER, depot, None, status="destroyed")

    with pytest.raises(ValidationError) as refused:
        move(rifle, LATER + datetime.timedelta(days=1), depot, brigade)

    assert "destroyed" in refused.value.message_dict["item"][0]


def test_a_lost_item_keeps_its_last_known_holder(rifle, depot):
    move(rifle, DAY, None, depot)
    move(rifle, LATER, depot, None, status="lost")

    rifle.refresh_from_db()
    assert (rifle.holder, rifle.status) == (depot, "lost")


def test_issue_or_store_needs_a_unit_to_take_it(rifle):
    with pytest.raises(ValidationError) as refused:
        move(rifle, DAY, None, None, status="issued")

    assert "to_holder" in refused.value.message_dict


def test_a_nation_contributor_may_not_record_custody(rifle, depot, make_user):
    with pytest.raises(PermissionDenied):
        move(rifle, DAY, None, depot, user=make_user(Role.NATION_CONTRIBUTOR))


# The API action and the page ------------------------------------------------------


def api_as(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


def body(**values):
    return {"changed_on": "2026-03-01", "to_holder": "depot", "signed_by": "Capt. X", **values}


def test_the_coordination_cell_records_custody_through_the_api(rifle, depot, make_user):
    answer = api_as(make_user(Role.COORDINATION_CELL)).post(
        f"/api/items/{rifle.key}/custody/", body(), format="json"
    )

    assert answer.status_code == 201, answer.content
    assert answer.json()["to_holder"] == "depot"
    rifle.refresh_from_db()
    assert rifle.holder == depot


def test_the_api_names_the_field_of_a_refused_change(rifle, depot, brigade, make_user):
    move(rifle, DAY, None, depot)

    answer = api_as(make_user(Role.MISSION_STAFF)).post(
        f"/api/items/{rifle.key}/custody/",
        body(from_holder="brigade-1", to_holder="depot", changed_on="2026-04-01"),
        format="json",
    )

    assert answer.status_code == 400
    assert "from_holder" in answer.json()["errors"]


def test_a_nation_contributor_is_refused_the_api_action(rifle, depot, make_user):
    answer = api_as(make_user(Role.NATION_CONTRIBUTOR)).post(
        f"/api/items/{rifle.key}/custody/", body(), format="json"
    )

    assert answer.status_code == 403
    assert not CustodyChange.objects.exists()


def test_custody_is_not_written_through_the_generic_api(rifle, depot, make_user):
    answer = api_as(make_user(Role.ADMIN)).post(
        "/api/custody/",
        {"item": rifle.key, "changed_on": "2026-03-01", "to_holder": "depot", "signed_by": "X"},
        format="json",
    )

    assert answer.status_code == 405


def test_the_items_page_records_a_custody_change(rifle, depot, client_as):
    client = client_as(Role.COORDINATION_CELL)
    page = client.get(f"/record/items/{rifle.pk}/")
    assert "Record a custody change" in page.content.decode()

    answer = client.post(
        f"/coordination/items/{rifle.pk}/custody/",
        {"changed_on": "2026-03-01", "to_holder": depot.pk, "status": "issued", "signed_by": "X"},
    )

    assert answer.status_code == 302
    rifle.refresh_from_db()
    assert rifle.holder == depot


def test_a_nation_contributor_reads_its_own_items_custody_without_the_form(rifle, depot, client_as):
    move(rifle, DAY, None, depot)
    page = client_as(Role.NATION_CONTRIBUTOR).get(f"/record/items/{rifle.pk}/")

    assert page.status_code == 200
    assert "Capt. Test" in page.content.decode()
    assert "Record a custody change" not in page.content.decode()


def test_a_nation_contributor_does_not_reach_another_nations_item(other_donation, depot, client_as):
    item = make_item(other_donation, "IT-1")
    move(item, DAY, None, depot)
    client = client_as(Role.NATION_CONTRIBUTOR)

    assert client.get(f"/record/items/{item.pk}/").status_code == 404
    assert client.get("/api/custody/").json()["results"] == []
