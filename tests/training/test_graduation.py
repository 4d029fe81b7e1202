"""Graduation under the course's rule: absences, excused and unexcused, and results."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from cadre.core import services
from cadre.training.models import Course, Enrolment
from cadre.training.selectors import eligibility_failures

from .conftest import record_attendance, record_result

pytestmark = pytest.mark.django_db

LAST_DAY = datetime.date(2027, 3, 12)


def graduate(enrolment, on=LAST_DAY):
    return services.service_for(Enrolment).graduate(enrolment, user=services.OPERATOR, on=on)


def absent(enrolment, days, status, hours="8"):
    for offset in range(days):
        record_attendance(enrolment, datetime.date(2027, 3, 1 + offset), status, hours)


def with_rule(course, **rule):
    for name, value in rule.items():
        setattr(course, name, value)
    return services.save(course, user=services.OPERATOR)


def test_a_trainee_who_passed_and_attended_graduates_on_the_day(enrol):
    enrolment = enrol()
    record_result(enrolment, outcome="pass")

    decided = graduate(enrolment)

    assert decided.status == Enrolment.Status.GRADUATED
    assert decided.decided_on == LAST_DAY
    assert decided.graduation_reason == ""


def test_every_reason_not_to_graduate_is_given_in_words(enrol, course):
    with_rule(course, max_unexcused_absence_hours=16, max_excused_absence_hours=8, pass_mark=60)
    enrolment = enrol()
    absent(enrolment, 3, "unexcused")
    record_attendance(enrolment, datetime.date(2027, 3, 8), "excused", "9")
    record_result(enrolment, "written test", score=55)
    record_result(enrolment, "field exercise", outcome="fail")

    decided = graduate(enrolment)

    assert decided.status == Enrolment.Status.FAILED
    assert decided.graduation_reason.splitlines() == [
        "24 hours of unexcused absence, more than the 16 the course allows.",
        "9 hours of excused absence, more than the 8 the course allows.",
        "Scored 55 in written test, below the pass mark of 60.",
        "Failed the assessment field exercise.",
    ]


def test_excused_hours_do_not_count_against_the_unexcused_limit(enrol, course):
    with_rule(course, max_unexcused_absence_hours=16, max_excused_absence_hours=None)
    enrolment = enrol()
    absent(enrolment, 3, "excused")
    record_result(enrolment, outcome="pass")

    assert graduate(enrolment).status == Enrolment.Status.GRADUATED


def test_a_trainee_without_any_result_does_not_graduate(enrol):
    decided = graduate(enrol())

    assert decided.graduation_reason == "No assessment result is recorded."


def test_graduation_is_not_decided_before_the_last_day(enrol):
    enrolment = enrol()
    record_result(enrolment, outcome="pass")

    decided = graduate(enrolment, on=datetime.date(2027, 3, 11))

    assert "on or after the session's last day" in decided.graduation_reason


def test_a_decided_enrolment_is_not_graduated_again(enrol):
    enrolment = enrol()
    record_result(enrolment, outcome="pass")
    graduate(enrolment)

    with pytest.raises(ValidationError, match="Only an enrolled trainee"):
        graduate(enrolment)


def test_setting_graduated_by_the_api_is_refused_with_every_reason(api, enrol):
    enrolment = enrol()

    response = api.patch(
        f"/api/enrolments/{enrolment.key}/",
        {"status": "graduated", "decided_on": "2027-03-12"},
        format="json",
    )

    assert response.status_code == 400
    assert response.json()["errors"]["status"] == ["No assessment result is recorded."]


def test_not_graduated_needs_a_reason(api, enrol):
    response = api.patch(f"/api/enrolments/{enrol().key}/", {"status": "failed"}, format="json")

    assert response.status_code == 400
    assert "graduation_reason" in response.json()["errors"]


def test_a_result_needs_a_score_or_a_pass_or_fail(enrol):
    with pytest.raises(ValidationError) as refusal:
        record_result(enrol())

    assert "score" in refusal.value.message_dict


def test_graduating_gives_the_prerequisite_of_a_later_course(enrol, make_session, course):
    advanced = services.save(Course(code="C-IED-2", title="Advanced"), user=services.OPERATOR)
    advanced.prerequisites.set([course])
    later = make_session(course=advanced, start="2027-06-01", end="2027-06-12")
    enrolment = enrol()
    record_result(enrolment, outcome="pass")
    before = eligibility_failures(enrolment.person, later)

    graduate(enrolment)

    assert before == ["The prerequisite course C-IED-1 Countering IEDs has not been completed."]
    assert eligibility_failures(enrolment.person, later) == []
