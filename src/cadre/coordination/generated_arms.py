"""Generated donated items and their custody, for `cadre demo` to fill /api/items/.

Every item made here has `generated` set and a key starting with `gen-`; no published
figure is computed from them. Items come from the donations already recorded (the demo's
own, if any), else from a few generated donations made through the Donation type's
service. Their custody goes through `CustodyService.record()`, so it keeps the rules any
custody does, and every item, custody change and move is an entry in the audit trail as
when made on a page; the dates are spread over the last year before today, so that the
small-arms report shows weapons both recently and not recently accounted for.
"""

import datetime
import random
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from cadre.accounts.models import Nation
from cadre.core.services import OPERATOR, service_for
from cadre.missions.models import Organisation

from .models import CustodyChange, DonatedItem, Donation, ItemStatus

PREFIX = "gen-"
# (make, model, kind): common types of small arms and serialised equipment, for the demo.
TYPES = [
    ("Kalashnikov", "AKM", DonatedItem.Kind.WEAPON),
    ("Glock", "19", DonatedItem.Kind.WEAPON),
    ("Heckler & Koch", "G3", DonatedItem.Kind.WEAPON),
    ("Beretta", "92FS", DonatedItem.Kind.WEAPON),
    ("FN Herstal", "Minimi", DonatedItem.Kind.WEAPON),
    ("Motorola", "XTS 2500", DonatedItem.Kind.EQUIPMENT),
    ("Thales", "PRC-148", DonatedItem.Kind.EQUIPMENT),
]
SIGNERS = ["Capt. A. Hassan", "Maj. K. Al-Obaidi", "1st Lt. S. Al-Tamimi", "WO H. Al-Saadi"]


def _donations(rng, today) -> list:
    donations = list(Donation.objects.order_by("donated_on", "key")[:20])
    if donations:
        return donations
    nations = list(Nation.objects.filter(status="ally").order_by("code")[:4])
    if not nations:
        nations = list(Nation.objects.order_by("code")[:4])
    service = service_for(Donation)
    made = []
    for n, nation in enumerate(nations, start=1):
        donation = Donation(
            key=f"{PREFIX}donation-{nation.code.lower()}-{n}",
            nation=nation,
            description=f"Generated donation of small arms {n}",
            donated_on=today - datetime.timedelta(days=rng.randint(380, 700)),
            value=Decimal(rng.randint(50, 900) * 1000),
            currency="EUR",
        )
        made.append(service.save(donation, user=OPERATOR))
    return made


def _units() -> list:
    """Host-nation units to hold the items: the host nation's organisations, else any."""
    units = list(Organisation.objects.filter(nation__status="host").order_by("key")[:12])
    return units or list(Organisation.objects.order_by("key")[:12])


def generate_arms(items: int = 120, *, seed: int = 14) -> str:
    """Make `items` generated items and their custody; once per database. Returns what was
    made, as a sentence; nothing when generated items exist, or no unit may hold them."""
    if DonatedItem.objects.filter(generated=True).exists():
        return "no items: generated items exist already"
    rng = random.Random(seed)
    today = timezone.localdate()
    units = _units()
    if not units:
        return "no items: there is no unit to hold them"
    items_made = changes = 0
    custody = service_for(CustodyChange)
    with transaction.atomic():
        donations = _donations(rng, today)
        for n in range(1, items + 1):
            make, model_name, kind = TYPES[n % len(TYPES)]
            donation = donations[n % len(donations)]
            item = service_for(DonatedItem).save(
                DonatedItem(
                    key=f"{PREFIX}item-{n}",
                    kind=kind,
                    make=make,
                    model_name=model_name,
                    serial_number=f"{model_name[:3].upper()}{rng.randint(100000, 999999)}-{n}",
                    donation=donation,
                    generated=True,
                ),
                user=OPERATOR,
            )
            items_made += 1
            changes += _custody(custody, item, donation, units, rng, today)
    return f"{items_made} donated items with {changes} custody changes"


def _custody(service, item, donation, units, rng, today) -> int:
    """A few hand-overs of `item` from its donation's day on: one in eight items stays
    unrecorded, the last change of about a third lies more than 90 days back."""
    count = rng.choice([0, 1, 2, 2, 3, 3, 4, 1])
    day = max(donation.donated_on, today - datetime.timedelta(days=360))
    holder, made = None, 0
    for step in range(count):
        day += datetime.timedelta(days=rng.randint(10, 110))
        if day > today:
            break
        status = ItemStatus.ISSUED if step else ItemStatus.IN_STORE
        to = rng.choice([u for u in units if u != holder] or units)
        if step == count - 1 and rng.random() < 0.05:
            status, to = rng.choice([ItemStatus.LOST, ItemStatus.DESTROYED]), None
        service.record(
            item,
            user=OPERATOR,
            changed_on=day,
            from_holder=holder,
            to_holder=to,
            status=status,
            signed_by=rng.choice(SIGNERS),
        )
        holder, made = to or holder, made + 1
    return made
