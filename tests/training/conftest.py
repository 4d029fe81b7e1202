"""Training records made through their services, as every path makes them."""

import datetime
import itertools

import pytest
from rest_framework.test import APIClient

from cadre.core import services
from cadre.core.roles import Role
from cadre.training.models import (
    AssessmentResult,
    Attendance,
    Course,
    Enrolment,
    Person,
    Session,
    VettingCase,
)

_numbers = itertools.count(1)


@pytest.fixture
def iraq(db):
    from cadre.accounts.models import Nation

    return Nation.objects.get_or_create(code="IRQ", defaults={"name": "Iraq", "status": "host"})[0]


@pytest.fixture
def course(db):
    return services.save(Course(code="C-IED-1", title="Countering IEDs"), user=services.OPERATOR)


@pytest.fixture
def make_session(course):
    """make_session(capacity=5, **values) -> an open session of the course, 1-12 March 2027."""

    def make(capacity=5, **values):
        values = {
            "course": course,
            "start": datetime.date(2027, 3, 1),
            "end": datetime.date(2027, 3, 12),
            "capacity": capacity,
            "status": Session.Status.OPEN,
            **values,
        }
        return services.save(Session(**values), user=services.OPERATOR)

    return make


@pytest.fixture
def session(make_session):
    return make_session()


@pytest.fixture
def make_person(iraq):
    """make_person(vetted=True, nation=iraq, **values) -> a person, cleared until 2028 if vetted."""

    def make(vetted=True, nation=None, **values):
        number = next(_numbers)
        values = {
            "family_name": f"Hassan{number}",
            "given_name": "Ali",
            "nation": nation or iraq,
            "rank_group": "officer",
            **values,
        }
        person = services.save(Person(**values), user=services.OPERATOR)
        if vetted:
            vet_person(person)
        return person

    return make


@pytest.fixture
def vet():
    """vet(person, status="cleared", valid_until=2028-01-01) -> a vetting case of the person."""
    return vet_person


def vet_person(
    person, status=VettingCase.Status.CLEARED, valid_until=datetime.date(2028, 1, 1), **more
):
    return services.save(
        VettingCase(person=person, status=status, valid_until=valid_until, **more),
        user=services.OPERATOR,
    )


@pytest.fixture
def officer(make_user):
    return make_user(Role.TRAINING_OFFICER)


@pytest.fixture
def api(officer):
    """An API client signed in as a training officer."""
    client = APIClient()
    client.force_authenticate(officer)
    client.default_format = "json"
    return client


@pytest.fixture
def enrol(session, make_person):
    """enrol(session=the session, person=a new vetted person) -> their enrolment."""

    def make(in_session=None, person=None):
        return services.save(
            Enrolment(session=in_session or session, person=person or make_person()),
            user=services.OPERATOR,
        )

    return make


def record_attendance(enrolment, day, status="present", hours="0"):
    return services.save(
        Attendance(enrolment=enrolment, day=day, status=status, hours_absent=hours),
        user=services.OPERATOR,
    )


def record_result(enrolment, assessment="written test", score=None, outcome=""):
    return services.save(
        AssessmentResult(
            enrolment=enrolment,
            assessment=assessment,
            score=score,
            outcome=outcome,
            assessed_on=enrolment.session.end,
        ),
        user=services.OPERATOR,
    )
