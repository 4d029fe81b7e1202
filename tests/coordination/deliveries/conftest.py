"""Coordination records for the delivery tests: a published requirement of an Iraqi
institution, offers of two nations, and confirmed matches written directly (the matching
service is another helper's)."""

import datetime
import itertools

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from cadre.coordination.models import Match, Offer, Requirement
from cadre.missions.models import Location, Mission, Organisation

_numbers = itertools.count(1)


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Receipts land in a folder of the test's own."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def mission(records):
    return records.create(Mission, optional=False)


@pytest.fixture
def institution(records):
    return records.create(Organisation, optional=False, name="Iraqi Military Academy")


@pytest.fixture
def make_place(records):
    def make(name, within=None):
        return records.create(Location, optional=False, name=name, within=within)

    return make


@pytest.fixture
def make_requirement(mission, institution):
    def make(quantity=10, **values):
        values = {
            "key": f"req-{next(_numbers)}",
            "mission": mission,
            "institution": institution,
            "kind": "equipment",
            "category": "radios",
            "description": "Handheld radios for the academy's field exercises",
            "quantity": quantity,
            "unit": "radios",
            "status": Requirement.Status.PUBLISHED,
            "needed_by": datetime.date(2027, 6, 1),
            **values,
        }
        return Requirement.objects.create(**values)

    return make


@pytest.fixture
def make_offer(nation):
    def make(quantity=10, nation_obj=None, **values):
        values = {
            "key": f"offer-{next(_numbers)}",
            "nation": nation_obj or nation,
            "kind": "equipment",
            "category": "radios",
            "description": "Handheld radios",
            "quantity": quantity,
            "unit": "radios",
            "value": "50000.00",
            "currency": "EUR",
            "valid_until": datetime.date(2027, 12, 31),
            **values,
        }
        # The donor's tiers follow one another: what it says arrived was shipped and
        # committed first (the offer's check constraints).
        received = values.get("donor_received_quantity", 0)
        values["in_transit_quantity"] = max(values.get("in_transit_quantity", 0), received)
        values["committed_quantity"] = max(
            values.get("committed_quantity", 0), values["in_transit_quantity"]
        )
        return Offer.objects.create(**values)

    return make


@pytest.fixture
def make_match():
    """A match written directly, confirmed unless told otherwise, with the matched
    quantities kept on the offer and the requirement as the matching service keeps them."""

    def make(offer, requirement, quantity, status=Match.Status.CONFIRMED):
        match = Match.objects.create(
            key=f"match-{next(_numbers)}",
            offer=offer,
            requirement=requirement,
            quantity=quantity,
            status=status,
            confirmed_at=timezone.now() if status == Match.Status.CONFIRMED else None,
        )
        if status != Match.Status.CANCELLED:
            Offer.objects.filter(pk=offer.pk).update(
                matched_quantity=offer.matched_quantity + quantity
            )
            Requirement.objects.filter(pk=requirement.pk).update(
                matched_quantity=requirement.matched_quantity + quantity
            )
            offer.refresh_from_db()
            requirement.refresh_from_db()
        return match

    return make


@pytest.fixture
def api_as(make_user):
    def sign_in(role, nation_obj=None):
        user = make_user(role, nation_obj)
        client = APIClient()
        client.force_authenticate(user)
        client.user = user
        return client

    return sign_in
