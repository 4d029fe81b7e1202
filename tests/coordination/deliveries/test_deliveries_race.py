"""Twelve deliveries of one radio each are recorded at once under a match of five: exactly
five are kept, and the requirement counts five delivered.

The requests go through the API from threads with connections of their own, all held at
the service's lock() until every one has arrived. Without the lock the same requests
over-deliver: the lock, not the timing, is what keeps the count.
"""

import threading

import pytest
from django.db import connection, connections
from rest_framework.test import APIClient

from cadre.coordination.models import Delivery, Requirement
from cadre.coordination.services_deliveries import DeliveryService
from cadre.core.roles import Role

pytestmark = pytest.mark.django_db(transaction=True)

SENDERS = 12
OWED = 5


@pytest.fixture
def match(make_requirement, make_offer, make_match):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite lets one writer in at a time, so it cannot show a race.")
    return make_match(make_offer(quantity=OWED), make_requirement(quantity=OWED), OWED)


def start_together(monkeypatch, *, then_lock):
    arrived = threading.Barrier(SENDERS, timeout=60)
    real_lock = DeliveryService.lock

    def lock(self, obj):
        arrived.wait()
        if then_lock:
            real_lock(self, obj)

    monkeypatch.setattr(DeliveryService, "lock", lock)


def deliver_all_at_once(match, user, *, keyed=False) -> list[int]:
    """Without keys, each delivery's key is made by the service (under the lock)."""
    statuses = []

    def send(number):
        client = APIClient()
        client.force_authenticate(user)
        body = {
            "match": match.key,
            "quantity": 1,
            "delivered_on": "2027-04-01",
            "received_by": f"Storekeeper {number}",
        }
        if keyed:
            body["key"] = f"radio-{number}"
        try:
            statuses.append(client.post("/api/deliveries/", body, format="json").status_code)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=send, args=(n,)) for n in range(SENDERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return statuses


def test_concurrent_deliveries_never_exceed_the_match(match, make_user, monkeypatch):
    start_together(monkeypatch, then_lock=True)

    statuses = deliver_all_at_once(match, make_user(Role.COORDINATION_CELL))

    assert sorted(statuses) == [201] * OWED + [409] * (SENDERS - OWED)
    assert Delivery.objects.filter(match=match).count() == OWED
    requirement = Requirement.objects.get(pk=match.requirement_id)
    assert requirement.delivered_quantity == OWED
    assert requirement.status == Requirement.Status.MET


def test_without_the_lock_the_same_deliveries_exceed_the_match(match, make_user, monkeypatch):
    start_together(monkeypatch, then_lock=False)

    deliver_all_at_once(match, make_user(Role.COORDINATION_CELL), keyed=True)

    assert Delivery.objects.filter(match=match).count() > OWED
