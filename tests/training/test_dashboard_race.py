"""Twelve people each enrolled in two sessions of one year at the same moment, from 24
threads with connections of their own: the summary still counts each person once, as a
rebuild from the enrolments does. Each write locks the people it counts before reading
what they contributed, so the two writes of one person take turns; without that lock
this test counted 13 people for 12."""

import datetime
import threading

import pytest
from django.db import connection, connections

from cadre.core import services
from cadre.training import summary
from cadre.training.models import Enrolment, TrainingSummary
from cadre.training.services import EnrolmentService

pytestmark = pytest.mark.django_db(transaction=True)

PEOPLE = 12


def test_parallel_enrolments_of_one_person_count_them_once(make_session, make_person, monkeypatch):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite lets one writer in at a time, so it cannot show a race.")
    march = make_session(capacity=PEOPLE)
    may = make_session(
        capacity=PEOPLE, start=datetime.date(2027, 5, 3), end=datetime.date(2027, 5, 14)
    )
    people = [make_person() for _ in range(PEOPLE)]
    arrived = threading.Barrier(2 * PEOPLE, timeout=60)
    real_lock = EnrolmentService.lock

    def lock(self, obj):
        arrived.wait()
        real_lock(self, obj)

    monkeypatch.setattr(EnrolmentService, "lock", lock)
    failures = []

    def enrol(session, person):
        try:
            services.save(Enrolment(session=session, person=person), user=services.OPERATOR)
        except Exception as exc:  # noqa: BLE001 (reported below, with the others)
            failures.append(exc)
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=enrol, args=(session, person))
        for person in people
        for session in (march, may)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert failures == []
    assert Enrolment.objects.count() == 2 * PEOPLE
    total = TrainingSummary.objects.get(
        mission=0, nation=summary.ALL_NATIONS, year=2027, dimension="total", sex=""
    )
    assert total.trained == PEOPLE
    kept = {
        (r.year, r.mission, r.nation, r.service, r.sex, r.dimension, r.value): (
            r.trained,
            r.graduated,
            r.decided,
        )
        for r in TrainingSummary.objects.exclude(trained=0)
    }
    assert kept == summary.aggregate()
