"""Who may take a seat: each rule refuses on its own, named in words."""

import datetime

import pytest
from django.test import override_settings

from cadre.core import services
from cadre.training.models import Course, Enrolment, LanguageTest
from cadre.training.selectors import eligibility_failures

pytestmark = pytest.mark.django_db


@pytest.fixture
def english_course(make_session):
    course = services.save(
        Course(code="LOG-UK", title="Logistics abroad", minimum_slp="2222"),
        user=services.OPERATOR,
    )
    return make_session(course=course)


def with_language_test(person, slp, on=datetime.date(2026, 6, 1)):
    services.save(LanguageTest(person=person, taken_on=on, slp=slp), user=services.OPERATOR)
    return person


def test_each_skill_must_reach_its_minimum_without_averaging(english_course, make_person):
    person = with_language_test(make_person(), "3132")

    assert eligibility_failures(person, english_course) == [
        "SLP in speaking is 1, below the course minimum of 2."
    ]


def test_a_profile_meeting_every_minimum_passes(english_course, make_person):
    assert eligibility_failures(with_language_test(make_person(), "2222"), english_course) == []


@override_settings(LANGUAGE_TEST_VALID_DAYS=30)
def test_a_test_older_than_its_validity_does_not_count(english_course, make_person):
    person = with_language_test(make_person(), "3333", on=datetime.date(2026, 6, 1))

    assert "No language test valid on 2027-03-01" in eligibility_failures(person, english_course)[0]


def test_an_overlapping_session_is_named(make_session, make_person):
    first = make_session()
    second = make_session(start="2027-03-10", end="2027-03-20")
    person = make_person()
    services.save(Enrolment(session=first, person=person), user=services.OPERATOR)

    failures = eligibility_failures(person, second)

    assert len(failures) == 1 and "which overlaps" in failures[0]


def test_a_graduate_of_the_prerequisite_passes(make_session, make_person, course):
    advanced = services.save(Course(code="C-IED-2", title="Advanced"), user=services.OPERATOR)
    advanced.prerequisites.set([course])
    earlier = make_session(start="2026-01-05", end="2026-01-16")
    person = make_person()
    Enrolment.objects.create(
        key="done", session=earlier, person=person, status=Enrolment.Status.GRADUATED
    )

    assert eligibility_failures(person, make_session(course=advanced)) == []


def test_a_nation_outside_the_audience_is_named(make_session, make_person, iraq, other_nation):
    closed = services.save(Course(code="ITA-ONLY", title="National"), user=services.OPERATOR)
    closed.audience_nations.set([other_nation])

    failures = eligibility_failures(make_person(), make_session(course=closed))

    assert failures == ["Iraq is not among the nations the course admits."]


def test_a_clearance_ending_during_the_session_is_named(session, make_person, vet):
    person = make_person(vetted=False)
    vet(person, valid_until=datetime.date(2027, 3, 5))

    assert eligibility_failures(person, session) == [
        "Vetting (force under government control) expires on 2027-03-05, before 2027-03-12."
    ]
