"""`cadre demo`'s donated items: made once, marked generated, their custody in step."""

import pytest
from django.contrib.contenttypes.models import ContentType

from cadre.audit.models import ChangeAction, ChangeRecord
from cadre.coordination.generated_arms import generate_arms
from cadre.coordination.models import CustodyChange, DonatedItem, Donation
from cadre.missions.models import Organisation

pytestmark = pytest.mark.django_db


@pytest.fixture
def units(nation):
    from cadre.accounts.models import Nation

    iraq = Nation.objects.create(code="IRQ", name="Iraq", status="host")
    return [
        Organisation.objects.create(key=f"unit-{n}", name=f"Unit {n}", kind="school", nation=iraq)
        for n in range(4)
    ]


def test_the_demo_makes_generated_items_with_custody(units):
    made = generate_arms(40)

    items = DonatedItem.objects.all()
    assert made.startswith("40 donated items")
    assert items.count() == 40 and all(i.generated and i.key.startswith("gen-") for i in items)
    assert CustodyChange.objects.exists()
    assert Donation.objects.filter(key__startswith="gen-").exists()


def test_every_generated_items_holder_follows_its_last_change(units):
    generate_arms(40)

    for item in DonatedItem.objects.all():
        last = item.custody.order_by("changed_on", "id").last()
        if last is None:
            assert (item.holder, item.status) == (None, "in_store")
        else:
            assert item.status == last.status
            assert item.holder_id == (last.to_holder_id or last.from_holder_id)
            assert item.last_custody_on == last.changed_on


def test_the_demo_uses_the_donations_recorded(units, nation):
    from cadre.core.services import OPERATOR, save

    save(
        Donation(key="d1", nation=nation, description="d", donated_on="2025-01-01", value=1),
        user=OPERATOR,
    )
    generate_arms(10)

    assert set(DonatedItem.objects.values_list("donation__key", flat=True)) == {"d1"}


def test_every_generated_item_and_custody_change_is_in_the_audit_trail(units):
    generate_arms(20)

    for model in (DonatedItem, CustodyChange, Donation):
        created = ChangeRecord.objects.filter(
            action=ChangeAction.CREATE, content_type=ContentType.objects.get_for_model(model)
        ).values_list("object_id", flat=True)
        assert set(created) == {str(pk) for pk in model.objects.values_list("pk", flat=True)}
    moved = ChangeRecord.objects.filter(
        action=ChangeAction.UPDATE, content_type=ContentType.objects.get_for_model(DonatedItem)
    )
    assert moved.count() == CustodyChange.objects.count() > 0


def test_the_demo_makes_items_once(units):
    generate_arms(10)

    assert generate_arms(10).startswith("no items")
    assert DonatedItem.objects.count() == 10
