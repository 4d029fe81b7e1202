"""The API calls a national personnel system makes, exactly as it makes them: only the
fields it names are sent, everything else is optional or defaulted."""

import pytest

from cadre.training.models import Enrolment, Person, Session

pytestmark = pytest.mark.django_db


def test_a_course_is_created_from_its_code_and_title(api):
    response = api.post("/api/courses/", {"code": "C-IED-1", "title": "Countering IEDs"})

    assert response.status_code == 201, response.json()
    assert response.json()["code"] == "C-IED-1"
    assert api.get("/api/courses/C-IED-1/").json()["title"] == "Countering IEDs"


def test_a_session_is_created_with_a_generated_key(api, course):
    body = {
        "course": "C-IED-1",
        "start": "2027-03-01",
        "end": "2027-03-12",
        "capacity": 5,
        "status": "open",
    }

    response = api.post("/api/sessions/", body, format="json")

    assert response.status_code == 201, response.json()
    assert response.json()["key"] == "c-ied-1-2027-03-01"
    assert Session.objects.get(key="c-ied-1-2027-03-01").capacity == 5


def test_a_second_session_starting_the_same_day_gets_a_key_of_its_own(api, session):
    body = {"course": "C-IED-1", "start": "2027-03-01", "end": "2027-03-12", "capacity": 5}

    response = api.post("/api/sessions/", body, format="json")

    assert response.status_code == 201, response.json()
    assert response.json()["key"] == "c-ied-1-2027-03-01-2"


def test_a_person_is_created_with_a_key_that_names_no_one(api, iraq):
    body = {"family_name": "Al-Tikriti", "given_name": "Omar", "nation": "IRQ"}

    response = api.post("/api/people/", body, format="json")

    assert response.status_code == 201, response.json()
    key = response.json()["key"]
    assert "tikriti" not in key.lower()
    assert Person.objects.get(key=key).nation == iraq


def test_a_name_outside_latin_script_is_refused_naming_the_field(api, iraq):
    body = {"family_name": "التكريتي", "given_name": "Omar", "nation": "IRQ"}

    response = api.post("/api/people/", body, format="json")

    assert response.status_code == 400
    assert "passport" in response.json()["errors"]["family_name"][0]


def test_a_vetting_case_is_created_cleared(api, make_person):
    person = make_person(vetted=False)
    body = {"person": person.key, "status": "cleared", "valid_until": "2028-01-01"}

    response = api.post("/api/vetting-cases/", body, format="json")

    assert response.status_code == 201, response.json()
    assert response.json()["key"]
    assert person.vetting_cases.get().status == "cleared"


def test_an_enrolment_is_created_for_a_vetted_person(api, session, make_person):
    person = make_person()

    response = api.post(
        "/api/enrolments/", {"session": session.key, "person": person.key}, format="json"
    )

    assert response.status_code == 201, response.json()
    assert response.json()["key"]
    assert Enrolment.objects.get(key=response.json()["key"]).person == person


def test_an_enrolment_in_a_full_session_answers_409(api, make_session, make_person):
    session = make_session(capacity=1)
    api.post("/api/enrolments/", {"session": session.key, "person": make_person().key})

    response = api.post(
        "/api/enrolments/", {"session": session.key, "person": make_person().key}, format="json"
    )

    assert response.status_code == 409
    assert "full" in response.json()["detail"]
    assert Enrolment.objects.filter(session=session).count() == 1


def test_an_unvetted_person_is_refused_400_naming_the_missing_vetting(api, session, make_person):
    person = make_person(vetted=False)

    response = api.post(
        "/api/enrolments/", {"session": session.key, "person": person.key}, format="json"
    )

    assert response.status_code == 400
    assert "no vetting case" in response.json()["detail"]
    assert not Enrolment.objects.exists()


def test_the_refusal_names_every_eligibility_failure_at_once(api, make_session, make_person):
    from cadre.core import services
    from cadre.training.models import Course

    prerequisite = services.save(
        Course(code="EOD-1", title="Explosive ordnance disposal"), user=services.OPERATOR
    )
    course = services.save(
        Course(code="MED-2", title="Combat medicine", minimum_slp="2222", admits_ncos=False),
        user=services.OPERATOR,
    )
    course.prerequisites.set([prerequisite])
    session = make_session(course=course)
    person = make_person(vetted=False, rank_group="nco")

    response = api.post(
        "/api/enrolments/", {"session": session.key, "person": person.key}, format="json"
    )

    assert response.status_code == 400
    detail = response.json()["detail"]
    assert "no vetting case" in detail
    assert "No language test valid" in detail
    assert "EOD-1" in detail
    assert "non-commissioned officer is not admitted" in detail


def test_enrolments_filter_by_session_key(api, make_session, make_person):
    first, second = make_session(), make_session(start="2027-04-01", end="2027-04-05")
    for session in (first, second):
        api.post("/api/enrolments/", {"session": session.key, "person": make_person().key})

    response = api.get("/api/enrolments/", {"session": first.key})

    assert response.status_code == 200
    assert [row["session"] for row in response.json()["results"]] == [first.key]


def test_people_are_found_by_search(api, make_person):
    make_person(family_name="Jaber")
    make_person(family_name="Karim")

    response = api.get("/api/people/", {"search": "Jaber"})

    assert response.status_code == 200
    assert [row["family_name"] for row in response.json()["results"]] == ["Jaber"]
