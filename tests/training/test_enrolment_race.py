"""Forty people ask at once for the five seats of a session: exactly five get one.

The requests go through the API, and through the enrolment page, from threads with
connections of their own, and all of them are held at the service's lock() until every
one has arrived, so they contend as hard as they can. With the lock switched off the
same requests overbook: the lock, not the timing, is what keeps the count.
"""

import threading

import pytest
from django.db import connection, connections
from django.test import Client
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


def through_the_api(session, person_key, user) -> int:
    client = APIClient()
    client.force_authenticate(user)
    body = {"session": session.key, "person": person_key}
    return client.post("/api/enrolments/", body, format="json").status_code


def through_the_page(session, person_key, user) -> int:
    from cadre.training.models import Person

    client = Client()
    client.force_login(user)
    data = {"session": session.pk, "person": Person.objects.get(key=person_key).pk}
    return client.post("/record/enrolments/add/", {**data, "status": "enrolled"}).status_code


PATHS = {"api": (through_the_api, 201), "page": (through_the_page, 302)}


def enrol_all_at_once(session, keys, user, path) -> list[int]:
    statuses = []

    def enrol(person_key):
        try:
            statuses.append(path(session, person_key, user))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=enrol, args=(key,)) for key in keys]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return statuses


@pytest.mark.parametrize("way", PATHS)
def test_forty_parallel_enrolments_fill_exactly_five_seats(contenders, monkeypatch, way):
    session, keys, user = contenders
    path, made = PATHS[way]
    start_together(monkeypatch, then_lock=True)

    statuses = enrol_all_at_once(session, keys, user, path)

    assert sorted(statuses) == sorted([made] * SEATS + [409] * (PEOPLE - SEATS))
    assert Enrolment.objects.filter(session=session).count() == SEATS


@pytest.mark.parametrize("way", PATHS)
def test_without_the_lock_the_same_enrolments_overbook(contenders, monkeypatch, way):
    session, keys, user = contenders
    start_together(monkeypatch, then_lock=False)

    enrol_all_at_once(session, keys, user, PATHS[way][0])

    assert Enrolment.objects.filter(session=session).count() > SEATS
