"""A travel order is issued on no path unless every vetting case of the person is cleared
and unexpired from the issue date through the session's last day; no override exists."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from cadre.core import services
from cadre.core.roles import Role
from cadre.training.models import Course, TravelOrder

pytestmark = pytest.mark.django_db

ISSUED = "2027-02-01"


@pytest.fixture
def abroad(make_session):
    """A session in Jordan, 1-12 March 2027."""
    course = services.save(
        Course(code="C-IED-T3", title="C-IED trainers", delivery=Course.Delivery.THIRD_COUNTRY),
        user=services.OPERATOR,
    )
    return make_session(course=course)


@pytest.fixture
def expiring(make_person, vet):
    """A person whose clearance ends in the middle of the session."""
    person = make_person(vetted=False)
    vet(person, valid_until=datetime.date(2027, 3, 5))
    return person


@pytest.fixture
def page(client, officer):
    client.force_login(officer)
    return client


def orders():
    return TravelOrder.objects.count()


def test_the_api_issues_an_order_in_the_passport_name(api, abroad, make_person):
    person = make_person(family_name="Hassan", given_name="Ali")

    response = api.post("/api/travel-orders/", {"person": person.key, "session": abroad.key})

    assert response.status_code == 201, response.json()
    assert response.json()["passport_name"] == "HASSAN, Ali"


def test_the_name_on_the_order_cannot_be_written_over(api, abroad, make_person):
    person = make_person(family_name="Hassan", given_name="Ali")
    body = {"person": person.key, "session": abroad.key, "passport_name": "Someone Else"}

    response = api.post("/api/travel-orders/", body)

    assert response.json()["passport_name"] == "HASSAN, Ali"


def test_the_api_refuses_an_order_for_a_clearance_ending_during_the_session(api, abroad, expiring):
    body = {"person": expiring.key, "session": abroad.key, "issued_on": ISSUED}

    response = api.post("/api/travel-orders/", body)

    assert response.status_code == 400
    assert "expires on 2027-03-05" in response.json()["detail"]
    assert orders() == 0


def test_the_api_refuses_an_order_for_a_person_never_vetted(api, abroad, make_person):
    person = make_person(vetted=False)

    response = api.post("/api/travel-orders/", {"person": person.key, "session": abroad.key})

    assert response.status_code == 400
    assert "no vetting case" in response.json()["detail"]


def test_one_withheld_case_blocks_the_order_beside_a_cleared_one(api, abroad, make_person, vet):
    person = make_person()
    vet(person, status="withheld", kind="human_rights", valid_until=None)

    response = api.post("/api/travel-orders/", {"person": person.key, "session": abroad.key})

    assert response.status_code == 400
    assert "withheld" in response.json()["detail"]


def test_a_clearance_decided_after_the_issue_date_does_not_cover_it(api, abroad, make_person, vet):
    person = make_person(vetted=False)
    vet(person, decided_on=datetime.date(2027, 2, 15))
    body = {"person": person.key, "session": abroad.key, "issued_on": ISSUED}

    response = api.post("/api/travel-orders/", body)

    assert response.status_code == 400
    assert "cleared only on 2027-02-15" in response.json()["detail"]


def test_the_api_may_not_move_an_order_to_an_unvetted_person(api, abroad, make_person):
    order = services.save(TravelOrder(person=make_person(), session=abroad), user=services.OPERATOR)

    response = api.patch(f"/api/travel-orders/{order.key}/", {"person": make_person(False).key})

    assert response.status_code == 400
    order.refresh_from_db()
    assert order.person.vetting_cases.exists()


def test_an_in_country_session_needs_no_travel_order(api, session, make_person):
    response = api.post(
        "/api/travel-orders/", {"person": make_person().key, "session": session.key}
    )

    assert response.status_code == 400
    assert "in country" in response.json()["errors"]["session"][0]


def test_the_add_page_refuses_the_order(page, abroad, expiring):
    data = {"person": expiring.pk, "session": abroad.pk, "issued_on": ISSUED}

    response = page.post("/record/travel-orders/add/", data)

    assert response.status_code == 400
    assert "expires on 2027-03-05" in response.content.decode()
    assert orders() == 0


def test_the_add_page_issues_the_order_when_vetting_holds(page, abroad, make_person):
    data = {"person": make_person().pk, "session": abroad.pk, "issued_on": ISSUED}

    assert page.post("/record/travel-orders/add/", data).status_code == 302
    assert orders() == 1


def test_an_import_refuses_the_order_naming_the_row(page, abroad, expiring):
    upload = SimpleUploadedFile(
        "orders.csv",
        f"key,person,session,issued_on\nto-1,{expiring.key},{abroad.key},{ISSUED}\n".encode(),
    )

    response = page.post("/record/travel-orders/import/", {"file": upload})

    assert response.status_code == 400
    errors = response.context["report"].errors
    assert any(e.startswith("row 2") and "expires on 2027-03-05" in e for e in errors), errors
    assert orders() == 0


def test_the_admin_refuses_the_order(client, make_user, abroad, expiring):
    client.force_login(make_user(Role.ADMIN))
    data = {"person": expiring.pk, "session": abroad.pk, "issued_on": ISSUED, "_save": "Save"}

    response = client.post("/admin/training/travelorder/add/", data, follow=True)

    assert "expires on 2027-03-05" in response.content.decode()
    assert orders() == 0


def test_the_service_refuses_the_order_to_the_operator_too(abroad, expiring):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="expires on 2027-03-05"):
        services.save(
            TravelOrder(person=expiring, session=abroad, issued_on=datetime.date(2027, 2, 1)),
            user=services.OPERATOR,
        )
