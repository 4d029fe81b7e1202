"""The instructor cadre: levels that require levels, who may certify whom, one lead per
session, and an instructor's currency counted from what they taught; on every path."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction

from cadre.core import services
from cadre.core.roles import Role
from cadre.training import selectors
from cadre.training.models import (
    InstructorLevel,
    InstructorQualification,
    Session,
    SessionInstructor,
)

pytestmark = pytest.mark.django_db
OP = services.OPERATOR
D = datetime.date


@pytest.fixture
def levels(db):
    """The Carabinieri model: T5 requires T3 and certifies T3s; nothing certifies T5."""
    t5 = services.save(InstructorLevel(code="T5", name="T5", currency_months=12), user=OP)
    t3 = services.save(
        InstructorLevel(code="T3", name="T3", currency_months=12, certified_by=t5), user=OP
    )
    t5.requires = t3
    services.save(t5, user=OP)
    return {"T3": t3, "T5": t5}


def certify(person, level, on, by=None, note=""):
    return services.save(
        InstructorQualification(
            person=person, level=level, certified_on=on, certified_by=by, note=note
        ),
        user=OP,
    )


def outside(person, level, on):
    return certify(person, level, on, note="Certified by the Carabinieri school.")


@pytest.fixture
def trainer(make_person, other_nation, levels):
    """A mission trainer holding T3 and T5 from outside the cadre since 2023."""
    person = make_person(nation=other_nation)
    outside(person, levels["T3"], D(2023, 1, 1))
    outside(person, levels["T5"], D(2023, 1, 2))
    return person


def teach(session, person, role=SessionInstructor.Role.LEAD):
    return services.save(SessionInstructor(session=session, person=person, role=role), user=OP)


def refusal(call) -> dict:
    with pytest.raises(ValidationError) as caught:
        call()
    return caught.value.message_dict


# Levels and who certifies ---------------------------------------------------------------


def test_a_level_that_requires_another_is_refused_to_someone_without_it(
    levels, trainer, make_person
):
    errors = refusal(lambda: certify(make_person(), levels["T5"], D(2023, 6, 1), trainer))
    assert "T5 requires T3" in errors["level"][0]


def test_a_level_is_given_once_the_level_it_requires_is_held(levels, trainer, make_person):
    person = make_person()
    certify(person, levels["T3"], D(2023, 3, 1), trainer)
    certify(person, levels["T5"], D(2023, 9, 1), trainer)
    assert set(person.instructor_qualifications.values_list("level__code", flat=True)) == {
        "T3",
        "T5",
    }


def test_the_required_level_must_be_held_by_the_day_of_certification(levels, trainer, make_person):
    person = make_person()
    certify(person, levels["T3"], D(2023, 9, 1), trainer)
    errors = refusal(lambda: certify(person, levels["T5"], D(2023, 6, 1), trainer))
    assert "T5 requires T3" in errors["level"][0]


def test_only_a_holder_of_the_certifying_level_certifies(levels, trainer, make_person):
    basic = make_person()
    certify(basic, levels["T3"], D(2023, 3, 1), trainer)
    errors = refusal(lambda: certify(make_person(), levels["T3"], D(2023, 4, 1), basic))
    assert "Only an instructor certified at T5 may certify T3" in errors["certified_by"][0]


def test_a_certifier_whose_level_has_lapsed_may_not_certify(levels, trainer, make_person):
    # Certified T5 on 2 January 2023 and never taught: lapsed on 2 January 2024.
    errors = refusal(lambda: certify(make_person(), levels["T3"], D(2024, 2, 1), trainer))
    assert "had lapsed" in errors["certified_by"][0]


def test_teaching_keeps_a_certifier_current(levels, trainer, make_person, make_session):
    teach(make_session(start=D(2023, 11, 1), end=D(2023, 11, 30)), trainer)
    certify(make_person(), levels["T3"], D(2024, 2, 1), trainer)


def test_nobody_certifies_themselves(levels, trainer):
    errors = refusal(lambda: certify(trainer, levels["T3"], D(2023, 6, 1), trainer))
    assert "themselves" in errors["certified_by"][0]


def test_a_level_from_outside_the_cadre_needs_a_note_saying_so(levels, make_person):
    errors = refusal(lambda: certify(make_person(), levels["T3"], D(2023, 6, 1)))
    assert "note" in errors["certified_by"][0]


def test_a_level_may_not_require_itself_through_another(levels):
    t3 = levels["T3"]
    t3.requires = levels["T5"]
    errors = refusal(lambda: services.save(t3, user=OP))
    assert "T3 cannot require T5" in errors["requires"][0]


def test_the_api_refuses_a_certifier_without_the_certifying_level(
    api, levels, trainer, make_person
):
    basic = make_person()
    certify(basic, levels["T3"], D(2023, 3, 1), trainer)
    body = {
        "person": make_person().key,
        "level": "T3",
        "certified_on": "2023-04-01",
        "certified_by": basic.key,
    }
    response = api.post("/api/instructor-qualifications/", body)
    assert response.status_code == 400, response.content
    assert "certified_by" in response.json()["errors"]
    body["certified_by"] = trainer.key
    assert api.post("/api/instructor-qualifications/", body).status_code == 201


def test_an_import_refuses_a_certification_naming_the_row(
    client, officer, levels, trainer, make_person
):
    client.force_login(officer)
    first, second = make_person(), make_person()
    upload = SimpleUploadedFile(
        "qualifications.csv",
        (
            "key,person,level,certified_on,certified_by,note\n"
            f"q-1,{first.key},T3,2023-04-01,{trainer.key},\n"
            f"q-2,{second.key},T5,2023-04-01,{trainer.key},\n"
        ).encode(),
    )
    preview = client.post("/record/instructor-qualifications/import/", {"file": upload})
    if preview.status_code == 200:
        preview = client.post(
            f"/record/instructor-qualifications/import/{preview.context['token']}/"
        )
    assert preview.status_code == 400
    errors = preview.context["report"].errors
    assert any(e.startswith("row 3") and "T5 requires T3" in e for e in errors), errors
    assert not InstructorQualification.objects.filter(person__in=[first, second]).exists()


# One lead per session ------------------------------------------------------------------


def test_a_session_has_one_lead_and_any_number_of_co_teachers(session, make_person):
    teach(session, make_person())
    for _ in range(2):
        teach(session, make_person(), SessionInstructor.Role.CO_TEACHER)
    errors = refusal(lambda: teach(session, make_person()))
    assert "already has a lead" in " ".join(errors["__all__"])


def test_the_database_keeps_one_lead_per_session(session, make_person):
    teach(session, make_person())
    with pytest.raises(IntegrityError), transaction.atomic():
        SessionInstructor.objects.bulk_create(
            [SessionInstructor(key="second-lead", session=session, person=make_person())]
        )


def test_the_api_refuses_a_second_lead(api, session, make_person):
    teach(session, make_person())
    body = {"session": session.key, "person": make_person().key, "role": "lead"}
    response = api.post("/api/session-instructors/", body)
    assert response.status_code == 400
    body["role"] = "co_teacher"
    assert api.post("/api/session-instructors/", body).status_code == 201


def test_an_import_of_two_leads_for_one_session_writes_nothing(
    client, officer, session, make_person
):
    client.force_login(officer)
    one, two = make_person(), make_person()
    upload = SimpleUploadedFile(
        "teaching.csv",
        (
            "key,session,person,role\n"
            f"t-1,{session.key},{one.key},lead\n"
            f"t-2,{session.key},{two.key},lead\n"
        ).encode(),
    )
    preview = client.post("/record/session-instructors/import/", {"file": upload})
    if preview.status_code == 200:
        preview = client.post(f"/record/session-instructors/import/{preview.context['token']}/")
    assert preview.status_code == 400
    assert not SessionInstructor.objects.filter(session=session).exists()


# Currency ------------------------------------------------------------------------------


@pytest.fixture
def basic(levels, trainer, make_person, make_session):
    """A T3 certified on 1 March 2023 who last taught a session ending 30 June 2023."""
    teach(make_session(start=D(2022, 12, 1), end=D(2022, 12, 20)), trainer)
    person = make_person()
    certify(person, levels["T3"], D(2023, 3, 1), trainer)
    teach(
        make_session(start=D(2023, 6, 1), end=D(2023, 6, 30)),
        person,
        SessionInstructor.Role.CO_TEACHER,
    )
    return person


def state(person, on):
    rows = selectors.currencies(InstructorQualification.objects.filter(person=person), on)
    return [(c.qualification.level.code, c.state, c.lapses_on) for c in rows]


def test_an_instructor_is_current_for_the_levels_months_after_last_teaching(basic):
    assert state(basic, D(2024, 1, 1)) == [("T3", "current", D(2024, 6, 30))]
    assert state(basic, D(2024, 5, 1)) == [("T3", "lapsing", D(2024, 6, 30))]
    assert state(basic, D(2024, 6, 30)) == [("T3", "lapsed", D(2024, 6, 30))]


def test_a_cancelled_session_keeps_nobody_current(basic, make_session):
    cancelled = make_session(start=D(2024, 3, 1), end=D(2024, 3, 5))
    teach(cancelled, basic)
    cancelled.status = Session.Status.CANCELLED
    services.save(cancelled, user=OP)
    assert state(basic, D(2024, 7, 1))[0][1] == "lapsed"


def test_teaching_again_renews_currency(basic, make_session):
    teach(make_session(start=D(2024, 5, 1), end=D(2024, 5, 10)), basic)
    assert state(basic, D(2024, 7, 1)) == [("T3", "current", D(2025, 5, 10))]


def test_a_lapsed_instructor_is_listed_and_shown_on_their_page(client_as, basic):
    client = client_as(Role.TRAINING_OFFICER)
    listed = client.get("/training/instructors/currency/").content.decode()
    assert basic.passport_name in listed and "lapsed" in listed
    page = client.get(f"/record/people/{basic.pk}/").content.decode()
    assert "lapsed on" in page


def test_a_nation_officer_lists_only_its_own_nations_instructors(client_as, basic, nation):
    client = client_as(Role.NATION_CONTRIBUTOR)  # of Canada; the instructor is Iraqi
    assert basic.passport_name not in client.get("/training/instructors/currency/").content.decode()


def test_roles_that_do_not_read_people_do_not_see_the_currency_list(client_as, basic):
    assert client_as(Role.ADVISOR).get("/training/instructors/currency/").status_code == 403
