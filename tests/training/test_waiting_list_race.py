"""Withdrawals and enrolments at once on a full session with a waiting list (PostgreSQL).

Ten trainees withdraw and ten outsiders ask for a seat, each through the API from a thread
with a connection of its own. A withdrawal's seat goes at once to the next eligible person
waiting (an offer, which holds it); only the seats nobody eligible waits for are left for
the outsiders. A watcher counts the seats held (enrolled plus offered) in one statement
all along. The session's lock, taken by every enrolment and every promotion, is what keeps
the count within capacity: with it switched off, the same requests overbook.
"""

import datetime
import threading

import pytest
from django.db import connection, connections
from django.utils import timezone
from rest_framework.test import APIClient

from cadre.core import services
from cadre.core.services import OPERATOR
from cadre.training import selectors
from cadre.training.models import Enrolment, Nomination, Session, VettingCase, WaitingListEntry
from cadre.training.services import EnrolmentService

pytestmark = pytest.mark.django_db(transaction=True)

CAPACITY = 10
WITHDRAWALS = 10
OUTSIDERS = 10
ELIGIBLE_WAITING = 4
UNVETTED_WAITING = 2


@pytest.fixture
def full_session(make_session, make_person, enrol, vet, officer):
    """A full session of ten seats, and its waiting list: two people whose vetting is still
    pending first in line, then four who may take a seat."""
    if connection.vendor != "postgresql":
        pytest.skip("SQLite lets one writer in at a time, so it cannot show a race.")
    session = make_session(capacity=CAPACITY)
    enrolled = [enrol(session).key for _ in range(CAPACITY)]
    moment = timezone.now()
    for number in range(UNVETTED_WAITING + ELIGIBLE_WAITING):
        if number < UNVETTED_WAITING:
            person = make_person(vetted=False)
            vet(person, status=VettingCase.Status.PENDING, valid_until=None)
        else:
            person = make_person()
        services.save(
            Nomination(
                person=person,
                session=session,
                status=Nomination.Status.WAITLISTED,
                nominated_at=moment + datetime.timedelta(minutes=number),
            ),
            user=OPERATOR,
        )
    outsiders = [make_person().key for _ in range(OUTSIDERS)]
    return session, enrolled, outsiders, officer


HELD = """
    SELECT (SELECT count(*) FROM training_enrolment
            WHERE session_id = %s AND status IN ('enrolled', 'graduated', 'failed'))
         + (SELECT count(*) FROM training_waitinglistentry
            WHERE session_id = %s AND status = 'offered')
"""


class Watcher(threading.Thread):
    """Counts the seats held, in one statement, until told to stop; keeps the most seen."""

    def __init__(self, session):
        super().__init__()
        self.session = session
        self.most = 0
        self.stop = threading.Event()

    def run(self):
        try:
            with connections["default"].cursor() as cursor:
                while not self.stop.is_set():
                    cursor.execute(HELD, [self.session.pk, self.session.pk])
                    self.most = max(self.most, cursor.fetchone()[0])
        finally:
            connections.close_all()


def choreograph(monkeypatch, *, staged, then_lock):
    """Hold every request at the session lock until its group has arrived, then lock or
    not. Staged: the outsiders' enrolments are held until every withdrawal is done, so that
    they arrive together at the seats the waiting list could not fill."""
    everyone = threading.Barrier(WITHDRAWALS + OUTSIDERS, timeout=60)
    withdrawals = threading.Barrier(WITHDRAWALS, timeout=60)
    enrolments = threading.Barrier(OUTSIDERS, timeout=60)
    withdrawals_done = threading.Event()
    real_lock = EnrolmentService.lock

    def lock(self, obj):
        if not staged:
            everyone.wait()
        elif obj.pk:
            withdrawals.wait()
        else:
            assert withdrawals_done.wait(timeout=60)
            enrolments.wait()
        if then_lock:
            real_lock(self, obj)

    monkeypatch.setattr(EnrolmentService, "lock", lock)
    return withdrawals_done


def run_race(session, enrolled, outsiders, user, withdrawals_done):
    """Start every withdrawal and enrolment at once; returns (withdrawal statuses,
    enrolment statuses, most seats ever held)."""
    withdrawn, enrolling = [], []

    def withdraw(key):
        try:
            client = APIClient()
            client.force_authenticate(user)
            response = client.patch(
                f"/api/enrolments/{key}/", {"status": "withdrawn"}, format="json"
            )
            withdrawn.append(response.status_code)
        finally:
            connections.close_all()

    def enrol(key):
        try:
            client = APIClient()
            client.force_authenticate(user)
            body = {"session": session.key, "person": key}
            enrolling.append(client.post("/api/enrolments/", body, format="json").status_code)
        finally:
            connections.close_all()

    watcher = Watcher(session)
    watcher.start()
    withdrawers = [threading.Thread(target=withdraw, args=(key,)) for key in enrolled]
    enrollers = [threading.Thread(target=enrol, args=(key,)) for key in outsiders]
    for thread in withdrawers + enrollers:
        thread.start()
    for thread in withdrawers:
        thread.join()
    withdrawals_done.set()
    for thread in enrollers:
        thread.join()
    watcher.stop.set()
    watcher.join()
    return withdrawn, enrolling, watcher.most


def idle_seats_with_eligible_waiting(session) -> list:
    """The waiting entries that could be offered a seat now, while a seat is free."""
    session = Session.objects.select_related("course").get(pk=session.pk)
    if selectors.held_seats(session.pk) >= session.capacity:
        return []
    today = timezone.localdate()
    return [
        entry
        for entry in selectors.waiting_list(session.pk).filter(status="waiting")
        if not selectors.promotion_refusal(entry, session, today=today)
    ]


@pytest.mark.parametrize("staged", [False, True], ids=["all-at-once", "enrolments-after"])
def test_parallel_withdrawals_and_enrolments_keep_capacity_and_leave_no_seat_idle(
    full_session, monkeypatch, staged
):
    session, enrolled, outsiders, user = full_session
    done = choreograph(monkeypatch, staged=staged, then_lock=True)

    withdrawn, enrolling, most = run_race(session, enrolled, outsiders, user, done)

    assert withdrawn == [200] * WITHDRAWALS
    assert set(enrolling) <= {201, 409}
    assert most <= CAPACITY
    offers = WaitingListEntry.objects.filter(session=session, status="offered")
    assert offers.count() == ELIGIBLE_WAITING  # every eligible person waiting got a seat
    assert WaitingListEntry.objects.filter(session=session, status="waiting").count() == (
        UNVETTED_WAITING
    )
    seated = Enrolment.objects.filter(session=session, status="enrolled").count()
    assert seated == enrolling.count(201)
    assert seated + offers.count() <= CAPACITY
    assert idle_seats_with_eligible_waiting(session) == []
    if staged:
        # The outsiders arrived together at the seats the waiting list left: they fill them.
        assert enrolling.count(201) == CAPACITY - ELIGIBLE_WAITING


def test_without_the_lock_the_same_requests_overbook(full_session, monkeypatch):
    session, enrolled, outsiders, user = full_session
    done = choreograph(monkeypatch, staged=True, then_lock=False)

    _withdrawn, _enrolling, most = run_race(session, enrolled, outsiders, user, done)

    assert most > CAPACITY
