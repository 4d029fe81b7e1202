"""The waiting list of a session: freed seats go to the next eligible person in order,
as an offer that holds the seat until it is accepted, declined or expires."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from cadre.core import services
from cadre.core.roles import Role
from cadre.core.services import OPERATOR, RecordConflict, service_for
from cadre.training import selectors
from cadre.training.models import (
    EligibilityOverride,
    EligibilityRule,
    Enrolment,
    Nomination,
    Session,
    VettingCase,
    WaitingListEntry,
)
from cadre.training.services import run_due, run_waiting_lists

W = WaitingListEntry.Status
# A moment well before the fixtures' sessions (1-12 March 2027).
NOW = timezone.make_aware(datetime.datetime(2027, 1, 10, 9, 0))


@pytest.fixture
def full(make_session, enrol):
    """A session of two seats, both taken: (session, [its two enrolments])."""
    session = make_session(capacity=2)
    return session, [enrol(session) for _ in range(2)]


def waitlist(person, session, *, priority=1, minutes=0):
    """Put the person's nomination on the session's waiting list; nominated `minutes`
    after NOW. Returns their waiting-list entry."""
    nomination = services.save(
        Nomination(
            person=person,
            session=session,
            priority=priority,
            status=Nomination.Status.WAITLISTED,
            nominated_at=NOW + datetime.timedelta(minutes=minutes),
        ),
        user=OPERATOR,
    )
    return WaitingListEntry.objects.get(nomination=nomination)


def withdraw(enrolment):
    enrolment.status = Enrolment.Status.WITHDRAWN
    return services.save(enrolment, user=OPERATOR)


def fresh(entry):
    return WaitingListEntry.objects.get(pk=entry.pk)


def test_putting_a_nomination_on_the_waiting_list_puts_the_person_on_it(full, make_person):
    session, _ = full
    entry = waitlist(make_person(), session)
    assert entry.status == W.WAITING
    assert entry.nominated_at == NOW


def test_a_withdrawal_offers_the_seat_to_the_first_in_line(full, make_person):
    session, (first, _) = full
    later = waitlist(make_person(), session, minutes=5)
    earlier = waitlist(make_person(), session, minutes=1)

    withdraw(first)

    earlier, later = fresh(earlier), fresh(later)
    assert earlier.status == W.OFFERED
    assert later.status == W.WAITING
    assert earlier.nomination.status == Nomination.Status.ALLOCATED
    hours = (earlier.offer_expires_at - earlier.offered_at).total_seconds() / 3600
    assert hours == 72


def test_the_nations_priority_goes_before_the_time_of_nomination(full, make_person):
    session, (first, _) = full
    second_choice = waitlist(make_person(), session, priority=2, minutes=1)
    first_choice = waitlist(make_person(), session, priority=1, minutes=9)

    withdraw(first)

    assert fresh(first_choice).status == W.OFFERED
    assert fresh(second_choice).status == W.WAITING
    assert [e.pk for e in selectors.waiting_list(session.pk)] == [first_choice.pk, second_choice.pk]


def test_someone_whose_vetting_is_not_cleared_is_passed_over(full, make_person, vet):
    session, (first, _) = full
    unvetted = make_person(vetted=False)
    vet(unvetted, status=VettingCase.Status.PENDING, valid_until=None)
    passed_over = waitlist(unvetted, session, minutes=1)
    next_in_line = waitlist(make_person(), session, minutes=2)

    withdraw(first)

    assert fresh(passed_over).status == W.WAITING
    assert fresh(next_in_line).status == W.OFFERED
    reasons = selectors.promotion_refusal(passed_over, session, today=NOW.date())
    assert any("not cleared" in reason for reason in reasons)


def test_an_open_offer_holds_its_seat_against_a_direct_enrolment(full, make_person, enrol):
    session, (first, _) = full
    waitlist(make_person(), session)
    withdraw(first)

    with pytest.raises(RecordConflict, match="full"):
        enrol(session)
    assert selectors.held_seats(session.pk) == 2


def test_accepting_the_offer_enrols_the_person(full, make_person):
    session, (first, _) = full
    entry = waitlist(make_person(), session)
    withdraw(first)

    enrolment = service_for(WaitingListEntry).accept(fresh(entry), user=OPERATOR)

    entry = fresh(entry)
    assert enrolment.status == Enrolment.Status.ENROLLED
    assert entry.status == W.ENROLLED and entry.enrolment == enrolment
    assert entry.nomination.status == Nomination.Status.ACCEPTED
    assert selectors.held_seats(session.pk) == 2


def test_declining_passes_the_seat_to_the_next_in_line(full, make_person):
    session, (first, _) = full
    entry = waitlist(make_person(), session, minutes=1)
    following = waitlist(make_person(), session, minutes=2)
    withdraw(first)

    service_for(WaitingListEntry).decline(fresh(entry), user=OPERATOR)

    assert fresh(entry).status == W.DECLINED
    assert fresh(entry).nomination.status == Nomination.Status.REFUSED
    assert fresh(following).status == W.OFFERED


def test_an_expired_offer_passes_the_seat_on_when_run_due_runs(full, make_person):
    session, (first, _) = full
    entry = waitlist(make_person(), session, minutes=1)
    following = waitlist(make_person(), session, minutes=2)
    withdraw(first)
    expiry = fresh(entry).offer_expires_at

    assert run_waiting_lists(today=expiry.date(), now=expiry - datetime.timedelta(minutes=1)) == []
    done = run_waiting_lists(today=expiry.date(), now=expiry)

    assert fresh(entry).status == W.EXPIRED
    assert fresh(following).status == W.OFFERED
    assert len(done) == 2


def test_accepting_an_expired_offer_is_refused_and_passes_the_seat_on(full, make_person):
    session, (first, _) = full
    entry = waitlist(make_person(), session, minutes=1)
    following = waitlist(make_person(), session, minutes=2)
    withdraw(first)
    late = fresh(entry).offer_expires_at + datetime.timedelta(seconds=1)

    with pytest.raises(ValidationError, match="expired"):
        service_for(WaitingListEntry).accept(fresh(entry), user=OPERATOR, now=late)

    assert fresh(entry).status == W.EXPIRED
    assert fresh(following).status == W.OFFERED
    assert not Enrolment.objects.filter(person=entry.person).exists()


def test_the_offer_never_outlives_the_start(make_session, enrol, make_person, settings):
    settings.WAITLIST_OFFER_HOURS = 24 * 365
    session = make_session(capacity=1)
    taken = enrol(session)
    entry = waitlist(make_person(), session)
    withdraw(taken)
    assert timezone.localtime(fresh(entry).offer_expires_at).date() == session.start


def test_nobody_is_promoted_on_or_after_the_start(make_session, enrol, make_person):
    today = timezone.localdate()
    session = make_session(capacity=1, start=today, end=today + datetime.timedelta(days=10))
    taken = enrol(session)
    entry = waitlist(make_person(), session)

    withdraw(taken)

    assert fresh(entry).status == W.WAITING
    assert run_waiting_lists(today=today) == []


def test_nobody_is_promoted_after_go_no_go_without_a_waiver(full, make_person):
    session, (first, _) = full
    entry = waitlist(make_person(), session)
    Session.objects.filter(pk=session.pk).update(go_no_go_on=datetime.date(2027, 2, 1))

    withdraw(first)
    assert fresh(entry).status == W.WAITING

    services.save(
        EligibilityOverride(
            person=entry.person,
            session=session,
            rule=EligibilityRule.AFTER_GO_NO_GO,
            reason="The school asked for the seat to be filled.",
        ),
        user=OPERATOR,
    )
    run_waiting_lists(today=NOW.date(), now=NOW)
    assert fresh(entry).status == W.OFFERED


def test_running_it_twice_changes_nothing_more(full, make_person):
    session, (first, second) = full
    entries = [waitlist(make_person(), session, minutes=n) for n in range(3)]
    withdraw(first)
    expiry = fresh(entries[0]).offer_expires_at
    states = lambda: [(e.status, e.version) for e in map(fresh, entries)]  # noqa: E731

    day_after = expiry.date() + datetime.timedelta(days=1)
    first_run = run_due(today=day_after)
    after_first = states()
    second_run = run_due(today=day_after)

    assert len(first_run) == 2  # the first offer expired, the second made
    assert second_run == []
    assert states() == after_first
    assert [status for status, _version in after_first] == [W.EXPIRED, W.OFFERED, W.WAITING]


def test_a_free_seat_found_by_run_due_goes_to_the_waiting_list(make_session, make_person):
    session = make_session(capacity=1)
    entry = waitlist(make_person(), session)
    assert fresh(entry).status == W.OFFERED  # a seat was free at once
    session = Session.objects.get(pk=session.pk)
    session.capacity = 2
    services.save(session, user=OPERATOR)
    second = waitlist(make_person(), session)
    assert fresh(second).status == W.OFFERED


def test_withdrawing_the_nomination_of_someone_offered_a_seat_passes_it_on(full, make_person):
    session, (first, _) = full
    entry = waitlist(make_person(), session, minutes=1)
    following = waitlist(make_person(), session, minutes=2)
    withdraw(first)

    nomination = Nomination.objects.get(pk=entry.nomination_id)
    nomination.status = Nomination.Status.WITHDRAWN
    services.save(nomination, user=OPERATOR)

    assert fresh(entry).status == W.WITHDRAWN
    assert fresh(following).status == W.OFFERED


def test_a_direct_enrolment_of_someone_offered_a_seat_takes_that_seat(full, make_person):
    session, (first, _) = full
    entry = waitlist(make_person(), session)
    withdraw(first)

    services.save(Enrolment(session=session, person=entry.person), user=OPERATOR)

    assert fresh(entry).status == W.ENROLLED
    assert selectors.held_seats(session.pk) == 2


def test_only_who_may_answer_answers_an_offer(full, make_person, make_user):
    session, (first, _) = full
    entry = waitlist(make_person(), session)
    withdraw(first)
    with pytest.raises(PermissionDenied):
        service_for(WaitingListEntry).accept(fresh(entry), user=make_user(Role.AUDITOR))
    assert fresh(entry).status == W.OFFERED
