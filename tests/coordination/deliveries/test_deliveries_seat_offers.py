"""A training-seat offer becomes a session or an allotment through training's services."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from cadre.coordination.services_seat_offers import offer_make_allotment, offer_make_session
from cadre.core.roles import Role
from cadre.core.services import OPERATOR, RecordConflict, save
from cadre.training.models import Course, SeatAllotment, Session

pytestmark = pytest.mark.django_db

START = datetime.date(2027, 9, 6)


@pytest.fixture
def course(db):
    return save(Course(code="LOG-1", title="Logistics officers"), user=OPERATOR)


@pytest.fixture
def seat_offer(make_offer):
    return make_offer(
        quantity=12, kind="training_seats", category="logistics", unit="seats", language="English"
    )


def test_a_seat_offer_becomes_a_planned_session_of_its_seats(seat_offer, course, nation):
    session = offer_make_session(seat_offer, user=OPERATOR, course=course, start=START)

    seat_offer.refresh_from_db()
    assert seat_offer.session == session
    assert session.capacity == 12
    assert session.status == Session.Status.PLANNED
    assert session.providing_nation == nation


def test_a_seat_offer_becomes_an_allotment_for_a_nation(seat_offer, course, other_nation):
    session = save(Session(course=course, start=START, capacity=30, status="open"), user=OPERATOR)

    allotment = offer_make_allotment(
        seat_offer, user=OPERATOR, session=session, nation=other_nation
    )

    seat_offer.refresh_from_db()
    assert seat_offer.seat_allotment == allotment
    assert (allotment.seats, allotment.nation) == (12, other_nation)


def test_an_allotment_beyond_the_sessions_seats_is_refused_by_training(
    seat_offer, course, other_nation
):
    session = save(Session(course=course, start=START, capacity=5, status="open"), user=OPERATOR)

    with pytest.raises((ValidationError, RecordConflict)):
        offer_make_allotment(seat_offer, user=OPERATOR, session=session, nation=other_nation)
    assert not SeatAllotment.objects.exists()
    seat_offer.refresh_from_db()
    assert seat_offer.seat_allotment is None


def test_an_offer_becomes_a_session_once(seat_offer, course):
    offer_make_session(seat_offer, user=OPERATOR, course=course, start=START)

    with pytest.raises(RecordConflict):
        offer_make_session(seat_offer, user=OPERATOR, course=course, start=START)
    assert Session.objects.count() == 1


def test_an_equipment_offer_becomes_no_session(make_offer, course):
    with pytest.raises(ValidationError):
        offer_make_session(make_offer(), user=OPERATOR, course=course, start=START)


def test_a_role_that_may_not_write_sessions_is_refused(seat_offer, course, make_user):
    with pytest.raises(PermissionDenied):
        offer_make_session(
            seat_offer, user=make_user(Role.COORDINATION_CELL), course=course, start=START
        )
    assert not Session.objects.exists()


def test_the_session_page_shows_the_offer_it_came_from(seat_offer, course, client_as):
    offer_make_session(seat_offer, user=OPERATOR, course=course, start=START)
    session = Session.objects.get()

    page = client_as(Role.MISSION_STAFF).get(f"/record/sessions/{session.pk}/").content.decode()

    assert "Offered by" in page
    assert seat_offer.key in page


def test_the_offer_page_makes_a_session(seat_offer, course, client_as):
    client = client_as(Role.MISSION_STAFF)
    assert "Make a session" in client.get(f"/record/offers/{seat_offer.pk}/").content.decode()

    client.post(
        f"/coordination/offers/{seat_offer.key}/make-session/",
        {"course": course.pk, "start": "2027-09-06"},
    )

    seat_offer.refresh_from_db()
    assert seat_offer.session.course == course
