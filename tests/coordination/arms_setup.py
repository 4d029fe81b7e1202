"""Donated items, units and custody for the arms tests, made through the services."""

import datetime
import itertools

import pytest

from cadre.coordination.models import CustodyChange, DonatedItem, Donation
from cadre.core.services import OPERATOR, save, service_for
from cadre.missions.models import Organisation

_numbers = itertools.count(1)
DAY = datetime.date(2026, 3, 1)


def make_donation(nation, donated_on=datetime.date(2025, 1, 1)):
    n = next(_numbers)
    return save(
        Donation(
            key=f"donation-{n}",
            nation=nation,
            description=f"Rifles {n}",
            donated_on=donated_on,
            value="1000.00",
        ),
        user=OPERATOR,
    )


def make_unit(key):
    return Organisation.objects.get_or_create(
        key=key, defaults={"name": key.replace("-", " ").title(), "kind": "national_force"}
    )[0]


def make_item(donation, serial=None, *, kind="weapon", make="Kalashnikov", model_name="AKM"):
    n = next(_numbers)
    return save(
        DonatedItem(
            kind=kind,
            make=make,
            model_name=model_name,
            serial_number=f"SN{n}" if serial is None else serial,
            donation=donation,
        ),
        user=OPERATOR,
    )


def move(item, day, from_holder, to_holder, *, status="issued", user=OPERATOR):
    item.refresh_from_db()
    return service_for(CustodyChange).record(
        item,
        user=user,
        changed_on=day,
        from_holder=from_holder,
        to_holder=to_holder,
        status=status,
        signed_by="Capt. Test",
    )


@pytest.fixture
def donation(nation):
    return make_donation(nation)


@pytest.fixture
def other_donation(other_nation):
    return make_donation(other_nation)


@pytest.fixture
def depot(db):
    return make_unit("depot")


@pytest.fixture
def brigade(db):
    return make_unit("brigade-1")


@pytest.fixture
def battalion(db):
    return make_unit("battalion-2")


@pytest.fixture
def rifle(donation):
    return make_item(donation, "AK-1001")
