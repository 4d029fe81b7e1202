"""Reads of donated items and their custody: the small-arms report and an item's custody."""

import datetime
from dataclasses import dataclass

from django.db.models import DateField, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from cadre.core import permissions
from cadre.missions.models import Organisation

from .models import CustodyChange, DonatedItem, ItemStatus
from .services_arms import may_record_custody

STALE_AFTER_DAYS = 90


@dataclass
class WeaponRow:
    """A weapon as it stood on the report's day: its last custody change on or before it."""

    item: DonatedItem
    last_on: datetime.date | None  # its last custody change; None when it has none yet
    holder: Organisation | None
    status: str
    since: datetime.date  # the last change, or the donation when there is none
    stale: bool
    as_of: datetime.date

    @property
    def status_label(self) -> str:
        return ItemStatus(self.status).label

    @property
    def days_since(self) -> int:
        return (self.as_of - self.since).days


def _last(as_of, field):
    changes = CustodyChange.objects.filter(item=OuterRef("pk"), changed_on__lte=as_of)
    return Subquery(changes.order_by("-changed_on", "-id").values(field)[:1])


def weapons(readable, as_of: datetime.date, *, stale_only=False):
    """The weapons among `readable` (items the reader may read) donated by `as_of`, with their
    last custody change on or before it, those longest without one first.

    A weapon is stale when it has had no custody change for more than STALE_AFTER_DAYS
    days on `as_of` (counted from its donation when it has none), unless it was then
    destroyed: a destroyed weapon changes hands no more."""
    cutoff = as_of - datetime.timedelta(days=STALE_AFTER_DAYS)
    qs = (
        readable.filter(kind=DonatedItem.Kind.WEAPON, donation__donated_on__lte=as_of)
        .annotate(
            as_of_on=_last(as_of, "changed_on"),
            as_of_to=_last(as_of, "to_holder"),
            as_of_from=_last(as_of, "from_holder"),
            as_of_status=_last(as_of, "status"),
        )
        .annotate(
            since=Coalesce("as_of_on", "donation__donated_on", output_field=DateField()),
        )
        .select_related("donation__nation")
        .order_by("since", "make", "model_name", "serial_number")
    )
    if stale_only:
        qs = qs.filter(since__lt=cutoff).exclude(
            Q(as_of_status=ItemStatus.DESTROYED) & Q(as_of_status__isnull=False)
        )
    return qs


def weapon_rows(qs, as_of: datetime.date) -> list[WeaponRow]:
    """The report's rows for the weapons of `weapons()` (already sliced): one more query
    for their holders."""
    items = list(qs)
    holder_ids = {i.as_of_to or i.as_of_from for i in items} - {None}
    holders = Organisation.objects.in_bulk(holder_ids)
    cutoff = as_of - datetime.timedelta(days=STALE_AFTER_DAYS)
    rows = []
    for item in items:
        status = item.as_of_status or ItemStatus.IN_STORE
        row = WeaponRow(
            item=item,
            last_on=item.as_of_on,
            holder=holders.get(item.as_of_to or item.as_of_from),
            status=status,
            since=item.since,
            stale=item.since < cutoff and status != ItemStatus.DESTROYED,
            as_of=as_of,
        )
        rows.append(row)
    return rows


def export_rows(qs, as_of: datetime.date, chunk=2000):
    """The report as rows for CSV and XLSX: a header, then one row per weapon, read in chunks."""
    yield [
        "key",
        "make",
        "model",
        "serial_number",
        "donor_nation",
        "donation",
        "last_holder",
        "last_holder_name",
        "last_custody_on",
        "status",
        "days_without_custody_record",
        "stale",
        "as_of",
    ]
    start = 0
    while True:
        rows = weapon_rows(qs[start : start + chunk], as_of)
        for row in rows:
            item = row.item
            yield [
                item.key,
                item.make,
                item.model_name,
                item.serial_number,
                item.donation.nation.code,
                item.donation.key,
                row.holder.key if row.holder else "",
                row.holder.name if row.holder else "",
                row.last_on.isoformat() if row.last_on else "",
                row.status,
                row.days_since,
                row.stale,
                as_of.isoformat(),
            ]
        if len(rows) < chunk:
            return
        start += chunk


def readable_items(user):
    return permissions.restrict(DonatedItem.objects.all(), user)


def custody_panel(item, user) -> dict:
    """An item's custody changes, newest first, and the form to record one for who may."""
    from .views_arms import CustodyForm

    changes = (
        CustodyChange.objects.filter(item=item)
        .select_related("from_holder", "to_holder")
        .order_by("-changed_on", "-id")
    )
    return {
        "item": item,
        "changes": changes,
        "form": CustodyForm(item=item) if may_record_custody(user) else None,
        "empty": _("No custody change is recorded for this item yet."),
    }
