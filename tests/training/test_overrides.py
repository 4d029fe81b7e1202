"""Waivers: a training officer may excuse a person from one eligibility rule in one session,
with a written reason; vetting and capacity are never waived."""

import pytest

from cadre.audit.models import ChangeRecord
from cadre.core import services
from cadre.training.models import Course, EligibilityOverride, Enrolment

pytestmark = pytest.mark.django_db


@pytest.fixture
def english_session(make_session):
    course = services.save(
        Course(code="LOG-UK", title="Logistics abroad", minimum_slp="2222"),
        user=services.OPERATOR,
    )
    return make_session(course=course)


def waive(api, person, session, rule="language", reason="Interpreter provided by the school."):
    body = {"person": person.key, "session": session.key, "rule": rule, "reason": reason}
    return api.post("/api/overrides/", body, format="json")


def enrol(api, person, session):
    body = {"session": session.key, "person": person.key}
    return api.post("/api/enrolments/", body, format="json")


def test_a_waived_slp_shortfall_enrols(api, officer, english_session, make_person):
    person = make_person()
    assert enrol(api, person, english_session).status_code == 400

    granted = waive(api, person, english_session)
    response = enrol(api, person, english_session)

    assert granted.status_code == 201, granted.json()
    assert response.status_code == 201, response.json()
    override = EligibilityOverride.objects.get()
    assert override.granted_by == officer.username and override.granted_at is not None
    assert Enrolment.objects.get(person=person).waivers == override.key


def test_the_waiver_is_in_the_audit_trail_with_who_granted_it(
    api, officer, english_session, make_person
):
    waive(api, make_person(), english_session)

    entry = ChangeRecord.objects.get(content_type__model="eligibilityoverride")

    assert entry.username == officer.username
    assert entry.after["reason"] == "Interpreter provided by the school."


def test_a_waiver_of_one_rule_leaves_the_others_in_force(api, english_session, make_person):
    person = make_person(rank_group="shurta")
    english_session.course.admits_shurta = False
    services.save(english_session.course, user=services.OPERATOR)
    waive(api, person, english_session)

    response = enrol(api, person, english_session)

    assert response.status_code == 400
    assert "rank group" in str(response.json())
    assert "SLP" not in str(response.json())


def test_a_waiver_for_one_session_does_not_carry_to_another(
    api, english_session, make_session, make_person
):
    person = make_person()
    waive(api, person, english_session)
    other = make_session(course=english_session.course, start="2027-05-03", end="2027-05-14")

    assert enrol(api, person, other).status_code == 400


def test_vetting_cannot_be_waived(api, session, make_person):
    person = make_person(vetted=False)

    response = waive(api, person, session, rule="vetting")

    assert response.status_code == 400
    assert "rule" in response.json()["errors"]
    assert not EligibilityOverride.objects.exists()
    assert "vetting" not in dict(EligibilityOverride._meta.get_field("rule").choices)


def test_capacity_is_never_waived(api, english_session, make_person):
    english_session.capacity = 1
    english_session = services.save(english_session, user=services.OPERATOR)
    first, second = make_person(), make_person()
    for person in (first, second):
        waive(api, person, english_session)
    assert enrol(api, first, english_session).status_code == 201

    response = enrol(api, second, english_session)

    assert response.status_code == 409
    assert "capacity" not in dict(EligibilityOverride._meta.get_field("rule").choices)


def test_a_waiver_without_a_reason_is_refused_naming_the_field(api, english_session, make_person):
    response = waive(api, make_person(), english_session, reason="  ")

    assert response.status_code == 400
    assert "reason" in response.json()["errors"]


def test_who_granted_a_waiver_cannot_be_sent(api, officer, english_session, make_person):
    body = {
        "person": make_person().key,
        "session": english_session.key,
        "rule": "language",
        "reason": "Interpreter provided.",
        "granted_by": "someone else",
    }

    api.post("/api/overrides/", body, format="json")

    assert EligibilityOverride.objects.get().granted_by == officer.username


def test_a_host_liaison_may_not_grant_a_waiver(english_session, make_person, make_user):
    from rest_framework.test import APIClient

    from cadre.core.roles import Role

    liaison = APIClient()
    liaison.force_authenticate(make_user(Role.HOST_LIAISON))

    assert waive(liaison, make_person(), english_session).status_code == 403


def test_a_waived_rule_lets_the_nomination_be_submitted(english_session, make_person):
    from cadre.training.models import Nomination

    person = make_person()
    services.save(
        EligibilityOverride(
            person=person, session=english_session, rule="language", reason="Interpreter."
        ),
        user=services.OPERATOR,
    )

    nomination = services.save(
        Nomination(person=person, session=english_session, status="submitted"),
        user=services.OPERATOR,
    )

    assert nomination.status == "submitted"


def test_the_waiver_page_shows_when_it_was_granted_as_a_reader_writes_it(
    api, english_session, make_person, client_as
):
    from cadre.core.roles import Role

    waive(api, make_person(), english_session)
    override = EligibilityOverride.objects.get()

    page = client_as(Role.TRAINING_OFFICER).get(f"/record/overrides/{override.pk}/")

    text = page.content.decode()
    assert page.status_code == 200
    assert override.granted_at.isoformat(sep=" ") not in text and "+00:00" not in text
    assert str(override.granted_at.year) in text
