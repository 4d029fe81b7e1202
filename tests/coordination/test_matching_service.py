"""Matching: ranked candidates, partial matches from several offers, one offer for several
requirements, never over the quantity on any side, one standing match per pair, the
offer's tiers, Idempotency-Key on creates, and what a nation contributor reads."""

import pytest
from django.db import IntegrityError, connection, transaction

from cadre.coordination import selectors_requirements as selectors
from cadre.coordination.models import Match, Offer, Requirement
from cadre.core.roles import Role
from cadre.core.services import RecordConflict, service_for

pytestmark = pytest.mark.django_db


def test_two_nations_offers_meet_one_requirement_in_part_on_the_page(
    make_requirement, make_offer, other_nation, cell, client
):
    requirement = make_requirement(quantity=10)
    first, second = make_offer(quantity=6), make_offer(quantity=8, of=other_nation)
    client.force_login(cell)
    url = f"/coordination/requirements/{requirement.pk}/matching/"

    page = client.get(url).content.decode()
    client.post(url, {"offer": first.key, "quantity": 6})
    client.post(url, {"offer": second.key, "quantity": 4})

    assert first.key in page and second.key in page
    requirement.refresh_from_db()
    second.refresh_from_db()
    assert (requirement.matched_quantity, requirement.status) == (10, "partly_met")
    assert second.matched_quantity == 4


def test_candidates_exclude_other_kinds_categories_expired_and_used_up(
    make_requirement, make_offer, cell
):
    import datetime

    requirement = make_requirement(quantity=10)
    fits = make_offer(quantity=10, language="English")
    make_offer(kind="funding")
    make_offer(category="medical")
    make_offer(valid_until=datetime.date(2027, 1, 1))
    make_offer(quantity=3, matched_quantity=3)
    partial = make_offer(quantity=2, category="")

    ranked = list(selectors.candidates(requirement, cell))

    assert [o.key for o in ranked] == [fits.key, partial.key]
    assert ranked[0].fit == 100 and ranked[1].fit == pytest.approx(8 + 10 + 20)


def test_one_offer_serves_several_requirements_but_never_over_its_quantity(
    make_requirement, make_offer, cell
):
    offer = make_offer(quantity=5)
    first, second = make_requirement(), make_requirement()
    matches = service_for(Match)

    matches.confirm(first, offer, 3, user=cell)
    with pytest.raises(RecordConflict):
        matches.confirm(second, offer, 3, user=cell)
    matches.confirm(second, offer, 2, user=cell)

    offer.refresh_from_db()
    assert offer.matched_quantity == 5


def test_the_same_pair_confirmed_again_is_refused_and_changing_it_moves_the_totals(
    make_requirement, make_offer, cell
):
    requirement, offer = make_requirement(), make_offer()
    matches = service_for(Match)
    match = matches.confirm(requirement, offer, 3, user=cell)

    with pytest.raises(RecordConflict, match=match.key):
        matches.confirm(requirement, offer, 3, user=cell)
    match.quantity = 5
    matches.save(match, user=cell)
    matches.cancel(Match.objects.get(pk=match.pk), user=cell)

    requirement.refresh_from_db()
    offer.refresh_from_db()
    assert (requirement.matched_quantity, offer.matched_quantity) == (0, 0)
    assert requirement.status == "published"


def test_confirming_and_cancelling_a_match_put_both_sides_changes_in_the_audit_trail(
    make_requirement, make_offer, cell
):
    from cadre.audit.context import Actor, acting_as
    from cadre.audit.models import ChangeRecord

    requirement, offer = make_requirement(quantity=10), make_offer(quantity=6)
    matches = service_for(Match)
    with acting_as(Actor(channel="cli", user=cell)):
        match = matches.confirm(requirement, offer, 4, user=cell)
        matches.cancel(Match.objects.get(pk=match.pk), user=cell)

    def trail(record):
        return [
            (
                change.username,
                change.before["matched_quantity"],
                change.after["matched_quantity"],
                change.after.get("status"),
            )
            for change in ChangeRecord.objects.filter(
                content_type__model=record._meta.model_name,
                object_id=str(record.pk),
                action="update",
            ).order_by("pk")
        ]

    assert trail(requirement) == [
        (cell.username, 0, 4, "partly_met"),
        (cell.username, 4, 0, "published"),
    ]
    assert [row[:3] for row in trail(offer)] == [(cell.username, 0, 4), (cell.username, 4, 0)]


def test_the_api_creates_a_match_once_per_idempotency_key(
    make_requirement, make_offer, cell, api_as
):
    requirement, offer = make_requirement(), make_offer()
    body = {
        "requirement": requirement.key,
        "offer": offer.key,
        "quantity": 4,
        "status": "confirmed",
    }
    api = api_as(cell)

    first = api.post("/api/matches/", body, format="json", HTTP_IDEMPOTENCY_KEY="k-1")
    again = api.post("/api/matches/", body, format="json", HTTP_IDEMPOTENCY_KEY="k-1")
    other = api.post("/api/matches/", body, format="json", HTTP_IDEMPOTENCY_KEY="k-2")

    assert (first.status_code, again.status_code) == (201, 201)
    assert again.json()["key"] == first.json()["key"]
    assert other.status_code in (400, 409)  # the pair stands: no second match
    assert Match.objects.count() == 1
    requirement.refresh_from_db()
    assert requirement.matched_quantity == 4


def test_an_offer_is_created_once_per_idempotency_key(make_user, api_as, nation):
    contributor = make_user(Role.NATION_CONTRIBUTOR)
    body = {
        "nation": nation.code,
        "kind": "equipment",
        "description": "trucks",
        "quantity": 5,
        "unit": "trucks",
        "currency": "EUR",
    }
    api = api_as(contributor)

    first = api.post("/api/offers/", body, format="json", HTTP_IDEMPOTENCY_KEY="o-1")
    again = api.post("/api/offers/", body, format="json", HTTP_IDEMPOTENCY_KEY="o-1")

    assert first.status_code == 201 and again.json()["key"] == first.json()["key"]
    assert Offer.objects.count() == 1


def test_offer_tiers_never_pass_the_tier_before(make_offer, make_user, api_as):
    offer = make_offer(quantity=10)
    api = api_as(make_user(Role.NATION_CONTRIBUTOR))
    url = f"/api/offers/{offer.key}/"

    assert api.post(url + "ship/", {"quantity": 1}, format="json").status_code == 409
    assert api.post(url + "commit/", {"quantity": 6}, format="json").status_code == 200
    assert api.post(url + "commit/", {"quantity": 5}, format="json").status_code == 409
    assert api.post(url + "ship/", {"quantity": 4}, format="json").status_code == 200
    answer = api.post(url + "receive/", {"quantity": 4}, format="json")

    assert answer.json()["committed_quantity"] == 6
    tiers = selectors.tiers(api.handler._force_user)
    assert (tiers.pledged, tiers.committed, tiers.in_transit, tiers.received) == (10, 6, 4, 4)
    assert tiers.pledged_only == 4


def test_a_generic_edit_cannot_set_the_tiers(make_offer, cell, api_as):
    offer = make_offer()

    api_as(cell).patch(
        f"/api/offers/{offer.key}/", {"committed_quantity": 9, "description": "x"}, format="json"
    )

    offer.refresh_from_db()
    assert (offer.committed_quantity, offer.description) == (0, "x")


def test_the_check_constraint_alone_refuses_an_over_matching_update(make_offer, make_requirement):
    offer = make_offer(quantity=5)
    make_requirement(quantity=5)

    with pytest.raises(IntegrityError), transaction.atomic():
        Offer.objects.filter(pk=offer.pk).update(matched_quantity=6)
    with pytest.raises(IntegrityError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"UPDATE {Requirement._meta.db_table} SET matched_quantity = quantity + 1")
