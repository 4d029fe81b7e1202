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


@pytest.fixture
def open_session(course):
    return save(Session(course=course, start=START, capacity=30, status="open"), user=OPERATOR)


def make_allotment(client, offer, session, nation_obj):
    return client.post(
        f"/api/offers/{offer.key}/make-allotment/",
        {"session": session.key, "nation": nation_obj.code},
        format="json",
    )


def test_the_api_sets_a_seat_offer_aside_as_an_allotment(
    api_as, seat_offer, open_session, other_nation
):
    answer = make_allotment(api_as(Role.MISSION_STAFF), seat_offer, open_session, other_nation)

    assert answer.status_code == 200, answer.json()
    allotment = SeatAllotment.objects.get()
    assert (allotment.session, allotment.nation, allotment.seats) == (
        open_session,
        other_nation,
        12,
    )
    assert answer.json()["seat_allotment"] == allotment.key


def test_the_api_makes_a_seat_offer_a_session(api_as, seat_offer, course):
    answer = api_as(Role.MISSION_STAFF).post(
        f"/api/offers/{seat_offer.key}/make-session/",
        {"course": course.code, "start": "2027-09-06"},
        format="json",
    )

    assert answer.status_code == 200, answer.json()
    session = Session.objects.get()
    assert (session.capacity, session.status) == (12, Session.Status.PLANNED)
    assert answer.json()["session"] == session.key


def test_another_nations_officer_finds_no_offer_to_allot(
    api_as, seat_offer, open_session, other_nation
):
    stranger = api_as(Role.NATION_CONTRIBUTOR, other_nation)

    answer = make_allotment(stranger, seat_offer, open_session, other_nation)

    assert answer.status_code == 404
    assert not SeatAllotment.objects.exists()


def test_a_role_that_may_not_add_allotments_is_refused_by_the_api(
    api_as, seat_offer, open_session, other_nation
):
    answer = make_allotment(api_as(Role.COORDINATION_CELL), seat_offer, open_session, other_nation)

    assert answer.status_code == 403
    assert not SeatAllotment.objects.exists()


def test_the_api_allots_an_offer_once(api_as, seat_offer, open_session, other_nation):
    client = api_as(Role.MISSION_STAFF)
    make_allotment(client, seat_offer, open_session, other_nation)

    answer = make_allotment(client, seat_offer, open_session, other_nation)

    assert answer.status_code == 409
    assert SeatAllotment.objects.count() == 1


def test_the_api_allots_only_in_a_planned_or_open_session(api_as, seat_offer, course, other_nation):
    done = save(Session(course=course, start=START, capacity=30, status="cancelled"), user=OPERATOR)

    answer = make_allotment(api_as(Role.MISSION_STAFF), seat_offer, done, other_nation)

    assert answer.status_code == 400
    assert answer.json()["errors"]["session"] == [
        f"No planned or open session has the key {done.key}."
    ]
    assert not SeatAllotment.objects.exists()


def test_the_schema_documents_the_seat_offer_actions(client_as):
    paths = client_as(Role.AUDITOR).get("/api/schema/", {"format": "json"}).json()["paths"]

    for name in ("make-session", "make-allotment"):
        operation = paths[f"/api/offers/{{key}}/{name}/"]["post"]
        assert operation["summary"] and {"200", "400", "403", "404", "409"} <= set(
            operation["responses"]
        )
