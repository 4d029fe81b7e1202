"""A session never holds more people than its seats, whichever path writes the enrolment.

Each path is tried with a seat free (the enrolment is made) and with the session full (it
is refused and nothing is kept); allotments per nation and the released pool hold too.
"""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from rest_framework.test import APIClient

from cadre.accounts.models import Nation
from cadre.core import services
from cadre.core.roles import Role
from cadre.training.models import Enrolment, SeatAllotment

pytestmark = pytest.mark.django_db


def enrol(session, person):
    return services.save(Enrolment(session=session, person=person), user=services.OPERATOR)


def seated(session):
    return Enrolment.objects.filter(session=session).count()


@pytest.fixture
def full(make_session, make_person):
    """A session of one seat, taken."""
    session = make_session(capacity=1)
    enrol(session, make_person())
    return session


@pytest.fixture
def page(client, officer):
    client.force_login(officer)
    return client


@pytest.fixture
def admin_page(client, make_user):
    client.force_login(make_user(Role.ADMIN))
    return client


def test_a_page_enrols_while_a_seat_is_free(page, session, make_person):
    person = make_person()

    data = {"session": session.pk, "person": person.pk, "status": "enrolled"}

    response = page.post("/record/enrolments/add/", data)

    assert response.status_code == 302
    assert seated(session) == 1


def test_a_page_is_refused_a_seat_in_a_full_session(page, full, make_person):
    data = {"session": full.pk, "person": make_person().pk, "status": "enrolled"}

    response = page.post("/record/enrolments/add/", data)

    assert response.status_code == 409
    assert "full" in response.content.decode()
    assert seated(full) == 1


def test_the_api_may_not_move_an_enrolment_into_a_full_session(
    api, full, make_session, make_person
):
    other = make_session(start="2027-05-01", end="2027-05-02")
    moving = enrol(other, make_person())

    response = api.patch(f"/api/enrolments/{moving.key}/", {"session": full.key})

    assert response.status_code == 409
    assert Enrolment.objects.get(pk=moving.pk).session == other


def import_enrolment(client, session, person):
    upload = SimpleUploadedFile(
        "enrolments.csv",
        f"key,session,person,status\nnew-seat,{session.key},{person.key},enrolled\n".encode(),
    )
    preview = client.post("/record/enrolments/import/", {"file": upload})
    if preview.status_code != 200:
        return preview
    return client.post(f"/record/enrolments/import/{preview.context['token']}/")


def test_an_import_enrols_while_a_seat_is_free(page, session, make_person):
    assert import_enrolment(page, session, make_person()).status_code == 302
    assert seated(session) == 1


def test_an_import_is_refused_a_seat_in_a_full_session_naming_the_row(page, full, make_person):
    response = import_enrolment(page, full, make_person())

    assert response.status_code == 400
    errors = response.context["report"].errors
    assert any(e.startswith("row 2") and "full" in e for e in errors), errors
    assert seated(full) == 1


def test_the_admin_enrols_while_a_seat_is_free(admin_page, session, make_person):
    data = {"session": session.pk, "person": make_person().pk, "status": "enrolled"}

    response = admin_page.post("/admin/training/enrolment/add/", {**data, "_save": "Save"})

    assert response.status_code == 302
    assert seated(session) == 1


def test_the_admin_is_refused_a_seat_in_a_full_session(admin_page, full, make_person):
    data = {"session": full.pk, "person": make_person().pk, "status": "enrolled", "_save": "Save"}

    response = admin_page.post("/admin/training/enrolment/add/", data, follow=True)

    assert "full" in response.content.decode()
    assert seated(full) == 1


def test_the_capacity_may_not_be_lowered_below_the_seats_held(api, session, make_person):
    enrol(session, make_person())
    enrol(session, make_person())

    response = api.patch(f"/api/sessions/{session.key}/", {"capacity": 1})

    assert response.status_code == 400
    assert "2 people hold seats" in response.json()["errors"]["capacity"][0]
    session.refresh_from_db()
    assert session.capacity == 5


def test_the_capacity_may_not_be_lowered_below_the_seats_held_on_the_edit_page(
    page, session, make_person
):
    enrol(session, make_person())
    enrol(session, make_person())
    data = {
        "key": session.key,
        "course": session.course.pk,
        "start": "2027-03-01",
        "end": "2027-03-12",
        "capacity": 1,
        "status": "open",
    }

    response = page.post(f"/record/sessions/{session.pk}/edit/", data)

    assert response.status_code == 400
    session.refresh_from_db()
    assert session.capacity == 5


def test_the_capacity_may_be_lowered_to_the_seats_held(api, session, make_person):
    enrol(session, make_person())

    response = api.patch(f"/api/sessions/{session.key}/", {"capacity": 1})

    assert response.status_code == 200, response.json()


def test_a_withdrawn_enrolment_frees_its_seat(api, full, make_person):
    Enrolment.objects.filter(session=full).update(status=Enrolment.Status.WITHDRAWN)

    response = api.post("/api/enrolments/", {"session": full.key, "person": make_person().key})

    assert response.status_code == 201, response.json()


# Allotments per nation and the released pool -----------------------------------------


@pytest.fixture
def jordan(db):
    return Nation.objects.create(code="JOR", name="Jordan", status="partner")


def allot(session, nation, seats):
    return services.save(
        SeatAllotment(session=session, nation=nation, seats=seats), user=services.OPERATOR
    )


def test_a_nations_full_allotment_answers_409(api, make_session, make_person, iraq):
    session = make_session(capacity=5)
    allot(session, iraq, 1)
    enrol(session, make_person())

    response = api.post("/api/enrolments/", {"session": session.key, "person": make_person().key})

    assert response.status_code == 409
    assert "allotted to this person's nation" in response.json()["detail"]


def test_a_nation_without_an_allotment_draws_on_the_released_pool(
    api, make_session, make_person, iraq, jordan
):
    session = make_session(capacity=3)
    allot(session, iraq, 2)
    enrol(session, make_person(nation=jordan))

    response = api.post(
        "/api/enrolments/", {"session": session.key, "person": make_person(nation=jordan).key}
    )

    assert response.status_code == 409
    assert "released pool" in response.json()["detail"]


def test_allotments_may_not_exceed_the_capacity(api, make_session, iraq, jordan):
    session = make_session(capacity=3)
    allot(session, iraq, 2)

    response = api.post(
        "/api/seat-allotments/", {"session": session.key, "nation": "JOR", "seats": 2}
    )

    assert response.status_code == 400
    assert "at most 1 are left" in response.json()["errors"]["seats"][0]


def test_an_enrolment_is_written_to_the_audit_trail(api, session, make_person):
    from django.contrib.contenttypes.models import ContentType

    from cadre.audit.models import ChangeRecord

    response = api.post("/api/enrolments/", {"session": session.key, "person": make_person().key})

    enrolment = Enrolment.objects.get(key=response.json()["key"])
    entries = ChangeRecord.objects.filter(
        content_type=ContentType.objects.get_for_model(Enrolment), object_id=str(enrolment.pk)
    )
    assert [entry.action for entry in entries] == ["create"]


def test_an_api_client_of_another_role_may_not_enrol(make_user, session, make_person):
    client = APIClient()
    client.force_authenticate(make_user(Role.ADVISOR))

    response = client.post(
        "/api/enrolments/", {"session": session.key, "person": "x"}, format="json"
    )

    assert response.status_code == 403
