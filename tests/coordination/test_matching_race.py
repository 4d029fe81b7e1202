"""Thirty confirmations at once, against one offer of ten and six requirements: ten units
are matched, never more.

Each confirmation runs in a thread with a connection of its own, and all are held at the
service's lock() until every one has arrived, so they contend as hard as they can. With
the lock switched off, the same confirmations over-commit the offer. In that variant the
test also drops the offer's and the requirement's CHECK constraints for the duration,
to show that the lock, on its own, is what keeps the count (with the constraints in
place the database would refuse the excess itself, as
test_matching_service.test_the_check_constraint_alone_refuses_an_over_matching_update
shows).
"""

import threading

import pytest
from django.db import connection, connections
from rest_framework.test import APIClient

from cadre.coordination.models import Match, Offer, Requirement
from cadre.coordination.services_requirements import MatchService

pytestmark = pytest.mark.django_db(transaction=True)

CONFIRMATIONS = 30
PER_CONFIRMATION = 2
OFFERED = 10
REQUIREMENTS = 6


@pytest.fixture
def contenders(make_requirement, make_offer, cell):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite lets one writer in at a time, so it cannot show a race.")
    offer = make_offer(quantity=OFFERED)
    requirements = [make_requirement(quantity=100) for _ in range(REQUIREMENTS)]
    return offer, requirements, cell


def start_together(monkeypatch, *, then_lock):
    arrived = threading.Barrier(CONFIRMATIONS, timeout=60)
    real_lock = MatchService.lock

    def lock(self, obj):
        arrived.wait()
        if then_lock:
            real_lock(self, obj)

    monkeypatch.setattr(MatchService, "lock", lock)


def confirm_all_at_once(offer, requirements, user) -> list[int]:
    statuses = []
    pairs = []
    # Thirty confirmations over six requirements: five per pair, of which the natural key
    # lets one stand; the offer has room for five pairs of two, so one pair must lose.
    for number in range(CONFIRMATIONS):
        pairs.append(requirements[number % len(requirements)])

    def confirm(requirement):
        try:
            client = APIClient()
            client.force_authenticate(user)
            body = {
                "requirement": requirement.key,
                "offer": offer.key,
                "quantity": PER_CONFIRMATION,
                "status": "confirmed",
            }
            statuses.append(client.post("/api/matches/", body, format="json").status_code)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=confirm, args=(r,)) for r in pairs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return statuses


def matched(offer):
    standing = Match.objects.filter(offer=offer, status=Match.Status.CONFIRMED)
    return sum(standing.values_list("quantity", flat=True))


def test_parallel_confirmations_never_over_commit_the_offer(contenders, monkeypatch):
    offer, requirements, user = contenders
    start_together(monkeypatch, then_lock=True)

    statuses = confirm_all_at_once(offer, requirements, user)

    offer.refresh_from_db()
    assert statuses.count(201) == OFFERED // PER_CONFIRMATION
    assert matched(offer) == offer.matched_quantity == OFFERED
    totals = Requirement.objects.filter(pk__in=[r.pk for r in requirements])
    assert sum(totals.values_list("matched_quantity", flat=True)) == OFFERED


@pytest.fixture
def without_checks():
    """Drop the over-matching CHECK constraints for the test, then put them back."""
    names = {
        Offer._meta.db_table: "offer_not_over_matched",
        Requirement._meta.db_table: "requirement_not_over_matched",
    }
    with connection.cursor() as cursor:
        for table, name in names.items():
            cursor.execute(f'ALTER TABLE "{table}" DROP CONSTRAINT "{name}"')
    yield
    Match.objects.all().delete()
    Offer.objects.update(matched_quantity=0)
    Requirement.objects.update(matched_quantity=0)
    with connection.cursor() as cursor:
        cursor.execute(
            f'ALTER TABLE "{Offer._meta.db_table}" ADD CONSTRAINT "offer_not_over_matched" '
            "CHECK (matched_quantity <= quantity)"
        )
        cursor.execute(
            f'ALTER TABLE "{Requirement._meta.db_table}" ADD CONSTRAINT '
            '"requirement_not_over_matched" CHECK (matched_quantity <= quantity)'
        )


def test_without_the_lock_the_same_confirmations_over_commit(
    contenders, monkeypatch, without_checks
):
    offer, requirements, user = contenders
    start_together(monkeypatch, then_lock=False)

    confirm_all_at_once(offer, requirements, user)

    offer.refresh_from_db()
    assert matched(offer) > OFFERED
    assert offer.matched_quantity > offer.quantity
