"""Graduating a trainee from the enrolment's page and from the API: both decide through
EnrolmentService.graduate, show the outcome, and are open only to those who decide."""

import pytest
from rest_framework.test import APIClient

from cadre.core.roles import Role
from cadre.training.models import Enrolment

from .conftest import record_result

pytestmark = pytest.mark.django_db

LAST_DAY = "2027-03-12"


def api_as(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


def graduate_url(enrolment):
    return f"/api/enrolments/{enrolment.key}/graduate/"


def test_the_api_graduates_a_trainee_who_passed_and_answers_the_enrolment(api, enrol):
    enrolment = enrol()
    record_result(enrolment, outcome="pass")

    response = api.post(graduate_url(enrolment), {"on": LAST_DAY}, format="json")

    assert response.status_code == 200, response.json()
    assert response.json()["key"] == enrolment.key
    assert response.json()["status"] == "graduated"
    assert response.json()["decided_on"] == LAST_DAY


def test_the_api_names_every_reason_a_trainee_does_not_graduate(api, enrol):
    enrolment = enrol()
    record_result(enrolment, "field exercise", outcome="fail")

    response = api.post(graduate_url(enrolment), {"on": "2027-03-05"}, format="json")

    assert response.status_code == 400
    assert response.json()["errors"]["non_field_errors"] == [
        "Graduation is decided on or after the session's last day, 2027-03-12.",
        "Failed the assessment field exercise.",
    ]
    enrolment.refresh_from_db()
    assert enrolment.status == Enrolment.Status.FAILED


def test_the_api_refuses_to_decide_twice_and_changes_nothing(api, enrol):
    enrolment = enrol()
    record_result(enrolment, outcome="pass")
    api.post(graduate_url(enrolment), {"on": LAST_DAY}, format="json")

    response = api.post(graduate_url(enrolment), {"on": "2027-04-01"}, format="json")

    assert response.status_code == 400
    assert "Only an enrolled trainee can graduate" in response.json()["detail"]
    enrolment.refresh_from_db()
    assert str(enrolment.decided_on) == LAST_DAY


def test_the_api_decides_today_when_no_day_is_sent(api, enrol):
    enrolment = enrol()
    record_result(enrolment, outcome="pass")

    response = api.post(graduate_url(enrolment), {}, format="json")

    # Today is before the session of March 2027: not graduated, for that reason alone.
    assert response.status_code == 400
    assert response.json()["errors"]["non_field_errors"] == [
        "Graduation is decided on or after the session's last day, 2027-03-12."
    ]


@pytest.mark.parametrize("role", [Role.MISSION_STAFF, Role.HOST_LIAISON, Role.AUDITOR])
def test_roles_that_do_not_decide_graduations_are_refused_by_the_api(role, enrol, make_user):
    enrolment = enrol()
    record_result(enrolment, outcome="pass")

    response = api_as(make_user(role)).post(graduate_url(enrolment), {"on": LAST_DAY})

    assert response.status_code == 403
    enrolment.refresh_from_db()
    assert enrolment.status == Enrolment.Status.ENROLLED


def test_an_administrator_graduates_through_the_api(enrol, make_user):
    enrolment = enrol()
    record_result(enrolment, outcome="pass")

    response = api_as(make_user(Role.ADMIN)).post(
        graduate_url(enrolment), {"on": LAST_DAY}, format="json"
    )

    assert response.status_code == 200


def test_the_page_graduates_and_shows_the_outcome(client_as, enrol):
    enrolment = enrol()
    record_result(enrolment, outcome="pass")
    client = client_as(Role.TRAINING_OFFICER)
    detail = f"/record/enrolments/{enrolment.pk}/"
    assert (
        f'action="/record/enrolments/{enrolment.pk}/graduate/"'
        in client.get(detail).content.decode()
    )

    response = client.post(
        f"/record/enrolments/{enrolment.pk}/graduate/", {"on": LAST_DAY}, follow=True
    )

    page = response.content.decode()
    assert response.redirect_chain == [(detail, 302)]
    assert "Graduated on 2027-03-12." in page
    assert 'class="graduate"' not in page  # decided: no button any more
    enrolment.refresh_from_db()
    assert enrolment.status == Enrolment.Status.GRADUATED


def test_the_page_shows_every_reason_a_trainee_does_not_graduate(client_as, enrol):
    enrolment = enrol()
    record_result(enrolment, "written test", outcome="fail")
    client = client_as(Role.TRAINING_OFFICER)

    response = client.post(
        f"/record/enrolments/{enrolment.pk}/graduate/", {"on": "2027-03-05"}, follow=True
    )

    page = response.content.decode()
    assert "Did not graduate, decided on 2027-03-05" in page
    assert "Graduation is decided on or after the session&#x27;s last day, 2027-03-12." in page
    assert "Failed the assessment written test." in page


def test_reasons_are_kept_in_english_when_decided_on_an_arabic_page(client_as, enrol):
    enrolment = enrol()
    client = client_as(Role.TRAINING_OFFICER)
    client.cookies["django_language"] = "ar"

    client.post(f"/record/enrolments/{enrolment.pk}/graduate/", {"on": LAST_DAY})

    enrolment.refresh_from_db()
    assert enrolment.graduation_reason == "No assessment result is recorded."


def test_the_page_offers_no_graduate_button_to_who_may_not_graduate(client_as, enrol):
    enrolment = enrol()
    client = client_as(Role.MISSION_STAFF)

    page = client.get(f"/record/enrolments/{enrolment.pk}/").content.decode()

    assert "Not decided yet" in page
    assert "/graduate/" not in page


def test_the_page_refuses_who_may_not_graduate(client_as, enrol):
    enrolment = enrol()
    record_result(enrolment, outcome="pass")
    client = client_as(Role.MISSION_STAFF)

    response = client.post(f"/record/enrolments/{enrolment.pk}/graduate/", {"on": LAST_DAY})

    assert response.status_code == 403
    enrolment.refresh_from_db()
    assert enrolment.status == Enrolment.Status.ENROLLED


def test_the_schema_documents_the_graduate_action(client_as):
    schema = client_as(Role.AUDITOR).get("/api/schema/", {"format": "json"}).json()

    operation = schema["paths"]["/api/enrolments/{key}/graduate/"]["post"]

    assert {"200", "400", "401", "403", "404"} <= set(operation["responses"])
    request = operation["requestBody"]["content"]["application/json"]["schema"]["$ref"]
    assert request.endswith("/GraduationRequest")
    assert schema["components"]["schemas"]["GraduationRequest"]["properties"]["on"]["format"] == (
        "date"
    )
