"""A donated item's serial number: normalised, unique per make and model, always on a weapon."""
# ruff: noqa: F403, F405 (the fixtures of arms_setup)

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from cadre.coordination.models import DonatedItem

from .arms_setup import *

pytestmark = pytest.mark.django_db


def test_a_serial_is_stored_in_capitals_without_spaces(donation):
    item = make_item(donation, " ab-123 ")

    assert item.serial_number == "AB-123"


def test_ab_123_with_a_space_and_AB_123_are_one_serial(donation):
    make_item(donation, "ab-123 ")

    with pytest.raises(ValidationError) as refused:
        make_item(donation, "AB-123")

    assert "already recorded" in str(refused.value)
    assert DonatedItem.objects.count() == 1


def test_the_same_serial_on_another_model_is_another_item(donation):
    make_item(donation, "AB-123", model_name="AKM")
    make_item(donation, "AB-123", model_name="AK-74")

    assert DonatedItem.objects.filter(serial_number="AB-123").count() == 2


def test_the_database_refuses_a_second_item_of_the_same_make_model_and_serial(donation):
    make_item(donation, "AB-123", make="Glock", model_name="19")

    with pytest.raises(IntegrityError), transaction.atomic():
        DonatedItem.objects.create(
            key="bypass", make="GLOCK", model_name="19", serial_number="AB-123", donation=donation
        )


def test_a_weapon_without_a_serial_is_refused(donation):
    with pytest.raises(ValidationError) as refused:
        make_item(donation, "")

    assert "always has a serial number" in str(refused.value)


def test_the_database_refuses_a_weapon_without_a_serial(donation):
    with pytest.raises(IntegrityError), transaction.atomic():
        DonatedItem.objects.create(
            key="bypass", kind="weapon", make="Glock", model_name="19", donation=donation
        )


def test_other_equipment_may_have_no_serial(donation):
    first = make_item(donation, "", kind="equipment", make="Motorola", model_name="XTS")
    second = make_item(donation, "", kind="equipment", make="Motorola", model_name="XTS")

    assert first.serial_number == second.serial_number == ""


def test_an_items_key_is_made_from_make_model_and_serial(donation):
    item = make_item(donation, "ab 77", make="Heckler & Koch", model_name="G3")

    assert item.key == "heckler-koch-g3-ab77"


def test_a_new_item_is_in_store_with_no_holder(donation):
    item = make_item(donation)

    assert (item.status, item.holder, item.last_custody_on) == ("in_store", None, None)
