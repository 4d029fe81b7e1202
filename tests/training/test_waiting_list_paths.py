"""The waiting list through the API and the pages: reading it, answering an offer."""

import pytest
from django.utils import timezone

from cadre.core import services
from cadre.core.roles import Role
from cadre.core.services import OPERATOR
from cadre.training.models import Enrolment, Nomination, WaitingListEntry

W = WaitingListEntry.Status


@pytest.fixture
def offered(make_session, enrol, make_person):
    """A full session of one seat whose trainee withdrew: the first person waiting holds an
    offer, the second waits. Returns (session, offered entry, waiting entry)."""
    session = make_session(capacity=1)
    taken = enrol(session)
    entries = []
    for minutes in (1, 2):
        nomination = services.save(
            Nomination(
                person=make_person(),
                session=session,
                status=Nomination.Status.WAITLISTED,
                nominated_at=timezone.now() + timezone.timedelta(minutes=minutes),
            ),
            user=OPERATOR,
        )
        entries.append(WaitingListEntry.objects.get(nomination=nomination))
    taken.status = Enrolment.Status.WITHDRAWN
    services.save(taken, user=OPERATOR)
    first, second = (WaitingListEntry.objects.get(pk=e.pk) for e in entries)
    assert first.status == W.OFFERED
    return session, first, second


def test_the_api_lists_the_waiting_list_with_each_offers_expiry(api, offered):
    session, first, second = offered
    response = api.get("/api/waiting-list/", {"session": session.key})
    assert response.status_code == 200
    rows = {row["key"]: row for row in response.json()["results"]}
    assert rows[first.key]["status"] == "offered"
    assert rows[first.key]["offer_expires_at"]
    assert rows[second.key]["status"] == "waiting"


def test_accepting_through_the_api_enrols_the_person(api, offered):
    session, first, _ = offered
    response = api.post(f"/api/waiting-list/{first.key}/accept/")
    assert response.status_code == 200, response.json()
    assert response.json()["status"] == "enrolled"
    assert Enrolment.objects.get(session=session, person=first.person).status == "enrolled"


def test_declining_through_the_api_offers_the_seat_to_the_next(api, offered):
    _session, first, second = offered
    response = api.post(f"/api/waiting-list/{first.key}/decline/")
    assert response.status_code == 200
    assert response.json()["status"] == "declined"
    assert WaitingListEntry.objects.get(pk=second.pk).status == W.OFFERED


def test_answering_an_entry_with_no_offer_is_refused(api, offered):
    _session, _first, second = offered
    response = api.post(f"/api/waiting-list/{second.key}/accept/")
    assert response.status_code == 400
    assert WaitingListEntry.objects.get(pk=second.pk).status == W.WAITING


def test_an_auditor_may_not_answer_an_offer(client_as, offered):
    from rest_framework.test import APIClient

    _session, first, _ = offered
    api = APIClient()
    api.force_authenticate(client_as(Role.AUDITOR).user)
    assert api.post(f"/api/waiting-list/{first.key}/accept/").status_code == 403
    assert WaitingListEntry.objects.get(pk=first.pk).status == W.OFFERED


def test_nobody_adds_to_the_waiting_list_but_the_nomination(api, offered, make_person):
    session, _first, _second = offered
    body = {"session": session.key, "person": make_person().key}
    assert api.post("/api/waiting-list/", body).status_code == 405


def test_a_host_nation_liaison_accepts_on_the_page(client_as, offered):
    session, first, _ = offered
    client = client_as(Role.HOST_LIAISON)
    page = client.get(f"/record/waiting-list/{first.pk}/").content.decode()
    assert "Accept the seat" in page

    response = client.post(f"/record/waiting-list/{first.pk}/accept/", follow=True)

    assert response.status_code == 200
    assert WaitingListEntry.objects.get(pk=first.pk).status == W.ENROLLED
    assert "is enrolled in" in response.content.decode()


def test_the_session_page_shows_its_waiting_list_in_order(client_as, offered):
    session, first, second = offered
    page = client_as(Role.TRAINING_OFFICER).get(f"/record/sessions/{session.pk}/")
    html = page.content.decode()
    assert "Waiting list" in html
    assert html.index(str(first.person)) < html.index(str(second.person))
    assert "Seat offered until" in html


def test_who_may_not_read_people_sees_no_waiting_list(client_as, offered):
    session, first, _ = offered
    html = client_as(Role.ADVISOR).get(f"/record/sessions/{session.pk}/").content.decode()
    assert str(first.person) not in html
