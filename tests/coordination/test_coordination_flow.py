"""Issue 14's walk, through the API: a host-nation liaison puts forward a need, the
coordination cell publishes it, two nations offer and commit, the cell confirms a part of
each, each nation records its delivery, the liaison confirms receipt, and the need is met.
Each contributing nation's officer sees its own offers and the published need, never the
other nation's offers, matches or deliveries, nor the need before it is published."""

import pytest
from django.contrib.contenttypes.models import ContentType

from cadre.audit.models import ChangeRecord
from cadre.coordination.models import Delivery, Match, Offer, Requirement
from cadre.core.roles import Role

pytestmark = pytest.mark.django_db


def keys(answer):
    assert answer.status_code == 200, answer.content
    return {row["key"] for row in answer.json()["results"]}


def test_a_requirement_goes_from_draft_to_met_with_two_nations_in_part(
    place, make_user, api_as, nation, other_nation
):
    mission, institution = place
    liaison = api_as(make_user(Role.HOST_LIAISON))
    cell = api_as(make_user(Role.COORDINATION_CELL))
    canada = api_as(make_user(Role.NATION_CONTRIBUTOR, nation))
    italy = api_as(make_user(Role.NATION_CONTRIBUTOR, other_nation))

    made = liaison.post(
        "/api/requirements/",
        {
            "mission": mission.key,
            "institution": institution.key,
            "kind": "equipment",
            "category": "radios",
            "description": "Handheld radios for the academy's field exercises",
            "quantity": 10,
            "unit": "radios",
            "needed_by": "2027-06-01",
        },
        format="json",
    )
    assert made.status_code == 201, made.content
    need = made.json()["key"]
    assert made.json()["status"] == "draft"
    assert liaison.post(f"/api/requirements/{need}/submit/", {}, format="json").status_code == 200

    # Not yet published: the nations do not see it.
    assert need not in keys(canada.get("/api/requirements/"))
    assert canada.get(f"/api/requirements/{need}/").status_code == 404
    for step in ("validate", "publish"):
        assert cell.post(f"/api/requirements/{need}/{step}/", {}, format="json").status_code == 200
    assert need in keys(canada.get("/api/requirements/"))
    assert need in keys(italy.get("/api/requirements/"))

    offers = {}
    for api, code, quantity in ((canada, nation.code, 6), (italy, other_nation.code, 4)):
        answer = api.post(
            "/api/offers/",
            {
                "nation": code,
                "kind": "equipment",
                "category": "radios",
                "description": f"Radios from {code}",
                "quantity": quantity,
                "unit": "radios",
                "value": f"{quantity * 900}.00",
                "currency": "EUR",
                "valid_until": "2027-12-31",
            },
            format="json",
        )
        assert answer.status_code == 201, answer.content
        offers[code] = answer.json()["key"]
        committed = api.post(
            f"/api/offers/{offers[code]}/commit/", {"quantity": quantity}, format="json"
        )
        assert committed.status_code == 200, committed.content

    # Each nation reads its own offer only.
    assert keys(canada.get("/api/offers/")) == {offers[nation.code]}
    assert italy.get(f"/api/offers/{offers[nation.code]}/").status_code == 404
    # A nation may not offer in another's name.
    assert italy.post(
        "/api/offers/",
        {
            "nation": nation.code,
            "kind": "equipment",
            "description": "x",
            "quantity": 1,
            "unit": "radios",
            "currency": "EUR",
        },
        format="json",
    ).status_code in (400, 403)

    matches = {}
    for code, quantity in ((nation.code, 6), (other_nation.code, 4)):
        answer = cell.post(
            "/api/matches/",
            {
                "requirement": need,
                "offer": offers[code],
                "quantity": quantity,
                "status": "confirmed",
            },
            format="json",
        )
        assert answer.status_code == 201, answer.content
        matches[code] = answer.json()["key"]
    requirement = Requirement.objects.get(key=need)
    assert (requirement.status, requirement.matched_quantity) == ("partly_met", 10)
    # A third confirmation would over-commit the need: refused.
    extra = cell.post(
        "/api/matches/",
        {"requirement": need, "offer": offers[nation.code], "quantity": 1, "status": "confirmed"},
        format="json",
    )
    assert extra.status_code in (400, 409)
    assert keys(italy.get("/api/matches/")) == {matches[other_nation.code]}

    deliveries = {}
    for api, code, quantity in ((canada, nation.code, 6), (italy, other_nation.code, 4)):
        answer = api.post(
            "/api/deliveries/",
            {
                "match": matches[code],
                "quantity": quantity,
                "delivered_on": "2027-04-01",
                "received_by": "Academy quartermaster",
            },
            format="json",
        )
        assert answer.status_code == 201, answer.content
        deliveries[code] = answer.json()["key"]
    assert keys(canada.get("/api/deliveries/")) == {deliveries[nation.code]}
    assert canada.get(f"/api/deliveries/{deliveries[other_nation.code]}/").status_code == 404

    for key in deliveries.values():
        answer = liaison.post(f"/api/deliveries/{key}/confirm/", {}, format="json")
        assert answer.status_code == 200, answer.content

    requirement.refresh_from_db()
    assert (requirement.status, requirement.delivered_quantity) == ("met", 10)
    assert requirement.met_on is not None
    assert Delivery.objects.filter(confirmed_by_recipient=True).count() == 2
    assert Offer.objects.get(key=offers[nation.code]).matched_quantity == 6
    assert Match.objects.filter(requirement=requirement, status="confirmed").count() == 2

    # Every step is in the audit trail, with who made it.
    trail = ChangeRecord.objects.filter(
        content_type=ContentType.objects.get_for_model(Requirement), object_id=str(requirement.pk)
    ).order_by("pk")
    assert trail.first().action == "create"
    assert trail.first().username.startswith("host_liaison")
    statuses = [change.after.get("status") for change in trail if change.action == "update"]
    assert statuses[-1] == "met", statuses
    assert {"submitted", "validated", "published", "partly_met"} <= set(statuses), statuses
