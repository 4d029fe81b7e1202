"""Forty people ask at once for the five seats of a session: exactly five get one.

The requests go through the API from threads with connections of their own, and all of
them are held at the service's lock() until every one has arrived, so they contend as
hard as they can. With the lock switched off the same requests overbook: the lock, not
the timing, is what keeps the count.
"""

import threading

import pytest
from django.db import connection, connections
from rest_framework.test import APIClient

from cadre.training.models import Enrolment
from cadre.training.services import EnrolmentService

pytestmark = pytest.mark.django_db(transaction=True)

PEOPLE = 40
SEATS = 5


@pytest.fixture
def contenders(make_session, make_person, officer):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite lets one writer in at a time, so it cannot show a race.")
    session = make_session(capacity=SEATS)
    return session, [make_person().key for _ in range(PEOPLE)], officer


def start_together(monkeypatch, *, then_lock):
    """Hold every enrolment at lock() until all have reached it, then lock or not."""
    arrived = threading.Barrier(PEOPLE, timeout=60)
    real_lock = EnrolmentService.lock

    def lock(self, obj):
        arrived.wait()
        if then_lock:
            real_lock(self, obj)

    monkeypatch.setattr(EnrolmentService, "lock", lock)


def enrol_all_at_once(session, keys, user) -> list[int]:
    statuses = []

    def enrol(person_key):
        try:
            client = APIClient()
            client.force_authenticate(user)
            body = {"session": session.key, "person": person_key}
            statuses.append(client.post("/api/enrolments/", body, format="json").status_code)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=enrol, args=(key,)) for key in keys]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return statuses


def test_forty_parallel_enrolments_fill_exactly_five_seats(contenders, monkeypatch):
    session, keys, user = contenders
    start_together(monkeypatch, then_lock=True)

    statuses = enrol_all_at_once(session, keys, user)

    assert sorted(statuses) == [201] * SEATS + [409] * (PEOPLE - SEATS)
    assert Enrolment.objects.filter(session=session).count() == SEATS


def test_without_the_lock_the_same_enrolments_overbook(contenders, monkeypatch):
    session, keys, user = contenders
    start_together(monkeypatch, then_lock=False)

    enrol_all_at_once(session, keys, user)

    assert Enrolment.objects.filter(session=session).count() > SEATS
