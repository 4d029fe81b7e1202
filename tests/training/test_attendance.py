"""Attendance: one row per trainee and day, within the session, and absences without leave
flagged to those who act on them."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from cadre.core.roles import Role
from cadre.training import selectors
from cadre.training.models import Attendance, Enrolment

from .conftest import record_attendance

pytestmark = pytest.mark.django_db

FIRST_DAY = datetime.date(2027, 3, 1)


def test_a_day_outside_the_session_is_refused_naming_the_day(enrol):
    with pytest.raises(ValidationError) as refusal:
        record_attendance(enrol(), datetime.date(2027, 3, 13))

    assert "not a day of the session" in refusal.value.message_dict["day"][0]


def test_a_second_row_for_the_same_trainee_and_day_is_refused(enrol):
    enrolment = enrol()
    record_attendance(enrolment, FIRST_DAY)

    with pytest.raises(ValidationError):
        record_attendance(enrolment, FIRST_DAY, status="unexcused", hours="8")

    assert Attendance.objects.filter(enrolment=enrolment).count() == 1


def test_the_database_refuses_a_second_row_written_past_the_service(enrol):
    from django.db import IntegrityError, transaction

    enrolment = enrol()
    record_attendance(enrolment, FIRST_DAY)

    with pytest.raises(IntegrityError), transaction.atomic():
        Attendance.objects.create(key="twice", enrolment=enrolment, day=FIRST_DAY)


def test_an_absence_needs_its_hours(enrol):
    with pytest.raises(ValidationError) as refusal:
        record_attendance(enrol(), FIRST_DAY, status="unexcused", hours="0")

    assert "hours_absent" in refusal.value.message_dict


def test_the_api_names_the_field_of_a_bad_day(api, enrol):
    enrolment = enrol()
    body = {"enrolment": enrolment.key, "day": "2027-04-01", "status": "present"}

    response = api.post("/api/attendance/", body, format="json")

    assert response.status_code == 400
    assert "not a day of the session" in response.json()["errors"]["day"][0]


def test_unexcused_hours_over_24_are_flagged_and_excused_ones_are_not(enrol):
    absent, excused, short = enrol(), enrol(), enrol()
    for offset in range(3):
        day = FIRST_DAY + datetime.timedelta(days=offset)
        record_attendance(absent, day, "unexcused", "8.5")
        record_attendance(excused, day, "excused", "8.5")
        record_attendance(short, day, "unexcused", "8")

    flagged = list(selectors.absent_without_leave(Enrolment.objects.all()))

    assert flagged == [absent]
    assert flagged[0].unexcused_hours == 25.5


def test_the_training_officers_home_page_names_the_absent_trainee(enrol, make_user):
    enrolment = enrol()
    for offset in range(4):
        record_attendance(enrolment, FIRST_DAY + datetime.timedelta(days=offset), "unexcused", "7")
    client = Client()
    client.force_login(make_user(Role.TRAINING_OFFICER))

    page = client.get("/").content.decode()

    assert "Absent without leave more than 24 hours" in page
    assert enrolment.person.family_name.upper() in page


def test_the_liaison_of_another_nation_sees_it_but_a_nation_contributor_of_another_does_not(
    enrol, make_user, other_nation
):
    enrolment = enrol()
    for offset in range(4):
        record_attendance(enrolment, FIRST_DAY + datetime.timedelta(days=offset), "unexcused", "7")
    liaison, contributor = Client(), Client()
    liaison.force_login(make_user(Role.HOST_LIAISON))
    contributor.force_login(make_user(Role.NATION_CONTRIBUTOR, nation_obj=other_nation))
    name = enrolment.person.family_name.upper()

    assert name in liaison.get("/").content.decode()
    assert name not in contributor.get("/").content.decode()


def test_a_contributor_of_another_nation_cannot_read_the_attendance(enrol, make_user, other_nation):
    row = record_attendance(enrol(), FIRST_DAY)
    client = Client()
    client.force_login(make_user(Role.NATION_CONTRIBUTOR, nation_obj=other_nation))

    assert client.get(f"/record/attendance/{row.pk}/").status_code == 404
    assert client.get(f"/api/attendance/{row.key}/").status_code == 404


def test_no_attendance_is_kept_for_a_trainee_who_withdrew(enrol):
    enrolment = enrol()
    enrolment.status = Enrolment.Status.WITHDRAWN
    enrolment.save()

    with pytest.raises(ValidationError) as refusal:
        record_attendance(enrolment, FIRST_DAY)

    assert "withdrawn" in refusal.value.message_dict["enrolment"][0]
    assert not Attendance.objects.exists()
