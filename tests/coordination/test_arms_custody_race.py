"""Eight coordinators hand the same rifle, on the same day, from the depot to eight units at
once: exactly one hand-over is recorded. All are held at the service's lock() until every
one has arrived; with the lock switched off the same requests put the rifle in several
places at once: the lock, not the timing, keeps it in one."""
# ruff: noqa: F403, F405 (the fixtures of arms_setup)

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections

from cadre.coordination.models import CustodyChange, DonatedItem
from cadre.coordination.services_arms import CustodyService

from .arms_setup import *

pytestmark = pytest.mark.django_db(transaction=True)
HANDS = 8


@pytest.fixture
def contended(rifle, depot):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite lets one writer in at a time, so it cannot show a race.")
    move(rifle, DAY, None, depot)
    units = [make_unit(f"unit-{n}") for n in range(HANDS)]
    return rifle, depot, units


def start_together(monkeypatch, *, then_lock):
    arrived = threading.Barrier(HANDS, timeout=60)
    real_lock = CustodyService.lock

    def lock(self, obj):
        arrived.wait()
        if then_lock:
            real_lock(self, obj)
        else:
            obj._locked_item = DonatedItem.objects.select_related("holder").get(pk=obj.item_id)

    monkeypatch.setattr(CustodyService, "lock", lock)


def hand_over_at_once(rifle, depot, units) -> list[str]:
    outcomes = []

    def hand(unit):
        try:
            move(rifle.__class__.objects.get(pk=rifle.pk), LATER, depot, unit)
            outcomes.append("recorded")
        except ValidationError:
            outcomes.append("refused")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=hand, args=(unit,)) for unit in units]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


LATER = DAY.replace(day=9)


def test_eight_parallel_hand_overs_record_exactly_one(contended, monkeypatch):
    rifle, depot, units = contended
    start_together(monkeypatch, then_lock=True)

    outcomes = hand_over_at_once(rifle, depot, units)

    assert sorted(outcomes) == ["recorded"] + ["refused"] * (HANDS - 1)
    assert CustodyChange.objects.filter(item=rifle, changed_on=LATER).count() == 1


def test_without_the_lock_the_rifle_goes_to_several_units(contended, monkeypatch):
    rifle, depot, units = contended
    start_together(monkeypatch, then_lock=False)

    hand_over_at_once(rifle, depot, units)

    assert CustodyChange.objects.filter(item=rifle, changed_on=LATER).count() > 1
