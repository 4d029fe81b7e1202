"""Ten training officers name a lead for the same session at the same moment: one lead is
recorded, and the others are told the session has one.

The requests go through the API from threads with connections of their own, all held in
the service until every one has passed validation (where none yet sees another's lead),
so that only the database's partial unique index stands between them and two leads.
"""

import threading

import pytest
from django.db import connection, connections
from rest_framework.test import APIClient

from cadre.training.models import SessionInstructor
from cadre.training.services import SessionInstructorService

pytestmark = pytest.mark.django_db(transaction=True)

WRITERS = 10


@pytest.fixture
def contenders(session, make_person, officer):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite lets one writer in at a time, so it cannot show a race.")
    return session, [make_person(vetted=False).key for _ in range(WRITERS)], officer


def test_ten_leads_named_at_once_leave_one(contenders, monkeypatch):
    session, keys, officer = contenders
    arrived = threading.Barrier(WRITERS, timeout=60)
    monkeypatch.setattr(SessionInstructorService, "check", lambda self, *a: arrived.wait())
    statuses = []

    def name_lead(person_key):
        try:
            client = APIClient()
            client.force_authenticate(officer)
            body = {"session": session.key, "person": person_key, "role": "lead"}
            statuses.append(
                client.post("/api/session-instructors/", body, format="json").status_code
            )
        finally:
            connections.close_all()

    threads = [threading.Thread(target=name_lead, args=(key,)) for key in keys]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(statuses) == [201] + [409] * (WRITERS - 1), statuses
    assert SessionInstructor.objects.filter(session=session, role="lead").count() == 1
