"""The allocation round's batch enrolment (`EnrolmentService.enrol_many`) holds the rules one
enrolment holds, each checked by one query over the batch: seats, allotments, vetting,
overlapping seats and their waivers, shut sessions. A refused batch writes nothing."""

import datetime

import pytest

from cadre.core import services
from cadre.core.services import RecordConflict
from cadre.training.models import EligibilityOverride, Enrolment, SeatAllotment, Session


@pytest.fixture
def enrol_many():
    service = services.service_for(Enrolment)

    def run(seats):
        return service.enrol_many(
            [(person.pk, session.pk) for person, session in seats], user=services.OPERATOR
        )

    return run


def refused(enrol_many, seats) -> str:
    before = Enrolment.objects.count()
    with pytest.raises(RecordConflict) as caught:
        enrol_many(seats)
    assert Enrolment.objects.count() == before  # all or none
    return caught.value.message


def test_a_batch_within_the_rules_is_written_with_keys(enrol_many, make_session, make_person):
    first = make_session(capacity=2)
    second = make_session(
        capacity=1, start=datetime.date(2027, 4, 1), end=datetime.date(2027, 4, 9)
    )
    people = [make_person() for _ in range(3)]
    ids = enrol_many([(people[0], first), (people[1], first), (people[2], second)])
    assert len(ids) == 3
    made = Enrolment.objects.filter(pk__in=ids)
    assert {(e.person_id, e.session_id) for e in made} == {
        (people[0].pk, first.pk),
        (people[1].pk, first.pk),
        (people[2].pk, second.pk),
    }
    assert all(e.key.startswith(e.session.key) and e.status == "enrolled" for e in made)
    assert len({e.key for e in made}) == 3


def test_capacity_and_a_seat_held_twice_are_refused(enrol_many, make_session, make_person, enrol):
    session = make_session(capacity=2)
    holder = make_person()
    enrol(session, holder)
    message = refused(enrol_many, [(holder, session), (make_person(), session)])
    assert "already holds a seat" in message
    assert "more than its 2 seats" in message
    assert "more than its 2 seats" in refused(
        enrol_many, [(make_person(), session), (make_person(), session)]
    )


def test_allotments_and_the_pool_hold(enrol_many, make_session, make_person, iraq):
    from cadre.accounts.models import Nation

    italy = Nation.objects.get_or_create(code="ITA", defaults={"name": "Italy"})[0]
    session = make_session(capacity=3)
    services.save(SeatAllotment(session=session, nation=italy, seats=2), user=services.OPERATOR)
    # Iraq has no allotment: one seat of pool.
    message = refused(enrol_many, [(make_person(), session), (make_person(), session)])
    assert "released pool" in message
    italians = [make_person(nation=italy) for _ in range(3)]
    assert "more than its 2 allotted seats" in refused(
        enrol_many, [(person, session) for person in italians]
    )
    assert len(enrol_many([(italians[0], session), (italians[1], session)])) == 2


def test_vetting_must_cover_the_session(enrol_many, make_session, make_person, vet):
    session = make_session()
    unvetted = make_person(vetted=False)
    expiring = make_person(vetted=False)
    vet(expiring, valid_until=datetime.date(2027, 3, 5))
    withheld = make_person()
    vet(withheld, status="withheld", valid_until=None)
    message = refused(enrol_many, [(unvetted, session), (expiring, session), (withheld, session)])
    for person in (unvetted, expiring, withheld):
        assert f"{person.key}'s vetting does not cover" in message
    assert len(enrol_many([(make_person(), session)])) == 1


def test_overlapping_seats_are_refused_unless_waived(enrol_many, make_session, make_person, enrol):
    first = make_session()
    overlapping = make_session(start=datetime.date(2027, 3, 10), end=datetime.date(2027, 3, 20))
    later = make_session(start=datetime.date(2027, 5, 1), end=datetime.date(2027, 5, 9))
    held, twice = make_person(), make_person()
    enrol(first, held)
    # A seat held already, and two seats given by the same batch.
    message = refused(enrol_many, [(held, overlapping), (twice, first), (twice, overlapping)])
    assert f"{held.key} holds a seat that overlaps" in message
    assert f"{twice.key} holds a seat that overlaps" in message
    assert len(enrol_many([(twice, first), (twice, later)])) == 2
    services.save(
        EligibilityOverride(person=held, session=overlapping, rule="overlap", reason="approved"),
        user=services.OPERATOR,
    )
    assert len(enrol_many([(held, overlapping)])) == 1


def test_a_cancelled_session_takes_no_batch(enrol_many, make_session, make_person):
    session = make_session()
    session.status = Session.Status.CANCELLED
    services.save(session, user=services.OPERATOR)
    assert "takes no enrolments" in refused(enrol_many, [(make_person(), session)])
