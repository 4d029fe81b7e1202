"""Deliveries keep within their match, and are the only way a requirement becomes met."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from cadre.audit.models import ChangeRecord
from cadre.coordination.models import Delivery, Match, Requirement
from cadre.core.roles import Role
from cadre.core.services import OPERATOR, RecordConflict, delete, save, service_for

pytestmark = pytest.mark.django_db

DAY = datetime.date(2027, 4, 1)


def deliver(match, quantity, day=DAY, received_by="Academy liaison", user=OPERATOR):
    return save(
        Delivery(match=match, quantity=quantity, delivered_on=day, received_by=received_by),
        user=user,
    )


@pytest.fixture
def requirement(make_requirement):
    return make_requirement(quantity=10)


@pytest.fixture
def two_matches(requirement, make_offer, make_match, other_nation):
    canada = make_match(make_offer(quantity=6), requirement, 6)
    italy = make_match(make_offer(quantity=4, nation_obj=other_nation), requirement, 4)
    return canada, italy


def test_a_delivery_moves_the_requirement_to_partly_met(requirement, two_matches):
    deliver(two_matches[0], 6)

    requirement.refresh_from_db()
    assert requirement.delivered_quantity == 6
    assert requirement.status == Requirement.Status.PARTLY_MET
    assert requirement.met_on is None


def test_the_requirement_is_met_when_its_deliveries_cover_it(requirement, two_matches):
    deliver(two_matches[0], 6, day=datetime.date(2027, 4, 1))
    deliver(two_matches[1], 4, day=datetime.date(2027, 4, 9))

    requirement.refresh_from_db()
    assert requirement.status == Requirement.Status.MET
    assert requirement.delivered_quantity == 10
    assert requirement.met_on == datetime.date(2027, 4, 9)


def test_a_delivery_never_exceeds_what_its_match_still_owes(requirement, two_matches):
    deliver(two_matches[0], 4)

    with pytest.raises(RecordConflict, match="still owes 2"):
        deliver(two_matches[0], 3, received_by="Someone else")
    assert Delivery.objects.count() == 1


def test_a_delivery_needs_a_confirmed_match(requirement, make_offer, make_match):
    proposed = make_match(make_offer(), requirement, 5, status=Match.Status.PROPOSED)

    with pytest.raises(ValidationError, match="confirmed match"):
        deliver(proposed, 1)


def test_a_withdrawn_requirement_takes_no_delivery(requirement, two_matches):
    Requirement.objects.filter(pk=requirement.pk).update(status=Requirement.Status.WITHDRAWN)

    with pytest.raises(ValidationError, match="withdrawn"):
        deliver(two_matches[0], 1)


def test_the_same_handover_cannot_be_recorded_twice(requirement, two_matches):
    deliver(two_matches[0], 2)

    with pytest.raises(ValidationError):
        deliver(two_matches[0], 2)
    assert Delivery.objects.count() == 1


def test_deleting_the_covering_delivery_reopens_the_requirement(requirement, two_matches):
    deliver(two_matches[0], 6)
    last = deliver(two_matches[1], 4)

    delete(last, user=OPERATOR)

    requirement.refresh_from_db()
    assert requirement.status == Requirement.Status.PARTLY_MET
    assert requirement.delivered_quantity == 6
    assert requirement.met_on is None


def test_the_requirements_change_is_in_the_audit_trail(requirement, two_matches):
    deliver(two_matches[0], 6)

    entry = ChangeRecord.objects.filter(object_id=str(requirement.pk), action="update").latest("pk")
    assert entry.after["delivered_quantity"] == 6
    assert entry.after["status"] == "partly_met"


def test_the_recipient_confirms_a_delivery(requirement, two_matches, make_user):
    delivery = deliver(two_matches[0], 6)
    liaison = make_user(Role.HOST_LIAISON)

    confirmed = service_for(Delivery).confirm(delivery, user=liaison, on=DAY)

    assert confirmed.confirmed_by_recipient
    assert confirmed.confirmed_on == DAY
    assert confirmed.confirmed_by == liaison.username


def test_a_delivery_is_confirmed_once(requirement, two_matches):
    delivery = deliver(two_matches[0], 6)
    service_for(Delivery).confirm(delivery, user=OPERATOR)

    with pytest.raises(RecordConflict, match="confirmed"):
        service_for(Delivery).confirm(delivery, user=OPERATOR)


def test_a_donor_does_not_confirm_its_own_delivery(requirement, two_matches, make_user):
    delivery = deliver(two_matches[0], 6)

    with pytest.raises(PermissionDenied):
        service_for(Delivery).confirm(delivery, user=make_user(Role.NATION_CONTRIBUTOR))


def test_a_confirmed_delivery_keeps_its_quantity(requirement, two_matches):
    delivery = deliver(two_matches[0], 6)
    delivery = service_for(Delivery).confirm(delivery, user=OPERATOR)
    delivery.quantity = 5

    with pytest.raises(ValidationError, match="confirmed"):
        save(delivery, user=OPERATOR)
