"""Status changes follow each type's state machine, and a person has one live nomination
per session, which the database itself holds to."""

import pytest
from django.db import IntegrityError, transaction

from cadre.core import services
from cadre.training.models import Nomination

pytestmark = pytest.mark.django_db


def nominate(session, person, status=Nomination.Status.DRAFT):
    return services.save(
        Nomination(session=session, person=person, status=status), user=services.OPERATOR
    )


def test_the_database_refuses_a_second_live_nomination(session, make_person):
    person = make_person()
    nominate(session, person)

    with pytest.raises(IntegrityError), transaction.atomic():
        Nomination.objects.create(key="again", session=session, person=person)


def test_the_api_refuses_a_second_live_nomination_naming_it(api, session, make_person):
    person = make_person()
    nominate(session, person)

    response = api.post("/api/nominations/", {"session": session.key, "person": person.key})

    assert response.status_code == 400
    assert "already has a live nomination" in response.json()["detail"]


def test_a_withdrawn_nomination_makes_way_for_a_new_one(api, session, make_person):
    person = make_person()
    nominate(session, person, status=Nomination.Status.WITHDRAWN)

    response = api.post("/api/nominations/", {"session": session.key, "person": person.key})

    assert response.status_code == 201, response.json()


def test_a_nomination_moves_along_its_states(api, session, make_person):
    nomination = nominate(session, make_person())

    for status in ("submitted", "allocated", "accepted"):
        response = api.patch(f"/api/nominations/{nomination.key}/", {"status": status})
        assert response.status_code == 200, response.json()


def test_a_nomination_may_not_skip_to_accepted(api, session, make_person):
    nomination = nominate(session, make_person())

    response = api.patch(f"/api/nominations/{nomination.key}/", {"status": "accepted"})

    assert response.status_code == 400
    assert "may go to: submitted, withdrawn" in response.json()["errors"]["status"][0]


def test_submitting_an_ineligible_person_is_refused_with_the_reasons(api, session, make_person):
    nomination = nominate(session, make_person(vetted=False))

    response = api.patch(f"/api/nominations/{nomination.key}/", {"status": "submitted"})

    assert response.status_code == 400
    assert "no vetting case" in response.json()["detail"]


def test_a_completed_session_cannot_be_reopened(api, make_session):
    session = make_session(status="completed")

    response = api.patch(f"/api/sessions/{session.key}/", {"status": "open"})

    assert response.status_code == 400
    assert "from completed" in response.json()["errors"]["status"][0]


def test_a_cancelled_session_takes_no_enrolment(api, make_session, make_person):
    session = make_session(status="cancelled")

    response = api.post("/api/enrolments/", {"session": session.key, "person": make_person().key})

    assert response.status_code == 400
    assert "cancelled and takes no enrolments" in response.json()["detail"]


def test_a_withheld_vetting_case_is_not_cleared_later(api, make_person, vet):
    case = vet(make_person(vetted=False), status="withheld", valid_until=None)

    response = api.patch(f"/api/vetting-cases/{case.key}/", {"status": "cleared"})

    assert response.status_code == 400
