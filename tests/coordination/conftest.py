"""Requirements, offers and the users of coordination's roles."""

import datetime
import itertools

import pytest

from cadre.core.roles import Role

_n = itertools.count(1)


@pytest.fixture
def place(db):
    from records import Records

    from cadre.missions.models import Mission, Organisation

    records = Records()
    return records.create(Mission, optional=False), records.create(Organisation, optional=False)


@pytest.fixture
def make_requirement(place):
    from cadre.coordination.models import Requirement

    mission, institution = place

    def make(status="published", quantity=10, kind="equipment", category="vehicles", **values):
        number = next(_n)
        return Requirement.objects.create(
            key=f"req-{number}",
            mission=mission,
            institution=institution,
            kind=kind,
            category=category,
            description=f"need {number}",
            quantity=quantity,
            unit="vehicles",
            needed_by=datetime.date(2027, 6, 1),
            status=status,
            **values,
        )

    return make


@pytest.fixture
def make_offer(nation):
    from cadre.coordination.models import Offer

    def make(quantity=10, kind="equipment", category="vehicles", of=None, **values):
        values.setdefault("valid_until", datetime.date(2027, 12, 31))
        number = next(_n)
        return Offer.objects.create(
            key=f"offer-{number}",
            nation=of or nation,
            kind=kind,
            category=category,
            description=f"offer {number}",
            quantity=quantity,
            unit="vehicles",
            **values,
        )

    return make


@pytest.fixture
def cell(make_user):
    return make_user(Role.COORDINATION_CELL)


@pytest.fixture
def api_as():
    from rest_framework.test import APIClient

    def client(user):
        api = APIClient()
        api.force_authenticate(user)
        return api

    return client
