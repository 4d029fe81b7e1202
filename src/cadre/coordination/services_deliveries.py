"""The write path of deliveries: what was handed over under a confirmed match.

Every page, API call, import and admin save of a delivery goes through
`DeliveryService` (declared with `service=` in objects_requirements.py), so on every path:

- a delivery is made only under a confirmed match, of a requirement neither withdrawn
  nor rejected, and never for more than the match still owes: the requirement's and the
  match's rows are locked (in that order) before the deliveries already made are counted,
  so two deliveries recorded at once cannot together exceed the match;
- the requirement's delivered quantity follows its deliveries, and its status moves to
  partly met, or to met (with the day) when its deliveries cover its quantity. This is
  the only way a requirement becomes met.

The recipient (the host-nation liaison or the coordination cell) confirms a delivery:
that confirmation is the recipient's figure, kept apart from the donor's own figures on
the offer. A receipt (a scan: PDF, PNG or JPEG) is uploaded to the delivery; the file
leaves the storage once the delivery's deletion, or the receipt's replacement, is committed,
and at once when the write that stored it fails (its rollback leaves no row naming it).
"""

import datetime
from contextlib import contextmanager, suppress
from pathlib import Path

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F, Max, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from cadre.audit.models import ChangeAction
from cadre.audit.services import record_change
from cadre.core import permissions
from cadre.core.roles import Role, role_of
from cadre.core.services import OPERATOR, RecordConflict
from cadre.core.snapshots import record_state
from cadre.training.services import KeyedService

from .models import Delivery, Match, Requirement

# Who confirms, for the host nation, that a delivery was received.
RECIPIENT_ROLES = frozenset({Role.ADMIN, Role.COORDINATION_CELL, Role.HOST_LIAISON})
# Requirements whose status follows their deliveries.
FOLLOWS_DELIVERIES = frozenset(
    {Requirement.Status.PUBLISHED, Requirement.Status.PARTLY_MET, Requirement.Status.MET}
)
CLOSED = frozenset({Requirement.Status.WITHDRAWN, Requirement.Status.REJECTED})
# A receipt's first bytes, by the kind of file they open.
RECEIPT_SIGNATURES = {b"%PDF-": "PDF", b"\x89PNG\r\n\x1a\n": "PNG", b"\xff\xd8\xff": "JPEG"}


def may_confirm(user) -> bool:
    return user is OPERATOR or role_of(user) in RECIPIENT_ROLES


def _requirement_id(match_id):
    return Match.objects.filter(pk=match_id).values_list("requirement_id", flat=True).first()


def update_audited(model, pk, **values):
    """Change stored fields of one row, one version on, with its entry in the audit trail."""
    before = record_state(model, pk)
    model._base_manager.filter(pk=pk).update(version=F("version") + 1, **values)
    after = record_state(model, pk)
    if before != after:
        record_change(
            instance=model._base_manager.get(pk=pk),
            action=ChangeAction.UPDATE,
            before=before,
            after=after,
        )


def settle_requirement(requirement_id):
    """Set the requirement's delivered quantity from its deliveries, and its status from that:
    met (on the day of the delivery that covered it) or partly met. Call under its row lock."""
    requirement = Requirement.objects.get(pk=requirement_id)
    totals = Delivery.objects.filter(match__requirement_id=requirement_id).aggregate(
        delivered=Sum("quantity"), last=Max("delivered_on")
    )
    delivered = totals["delivered"] or 0
    status, met_on = requirement.status, requirement.met_on
    if requirement.status in FOLLOWS_DELIVERIES:
        if delivered >= requirement.quantity:
            status, met_on = Requirement.Status.MET, totals["last"]
        elif delivered > 0:
            status, met_on = Requirement.Status.PARTLY_MET, None
        elif requirement.status == Requirement.Status.MET:
            status, met_on = Requirement.Status.PUBLISHED, None
    if (delivered, status, met_on) != (
        requirement.delivered_quantity,
        requirement.status,
        requirement.met_on,
    ):
        update_audited(
            Requirement, requirement_id, delivered_quantity=delivered, status=status, met_on=met_on
        )


@contextmanager
def new_receipt_removed_on_failure(delivery):
    """Around a write of `delivery` that may store a new receipt file: when the write fails
    after the file was stored, the file is removed, since the rollback leaves no row naming
    it. (Django runs callbacks when a transaction commits, none when it rolls back.)"""
    receipt = delivery.receipt
    kept = receipt.name if receipt._committed else None
    try:
        yield
    except BaseException:
        receipt = delivery.receipt
        if receipt and receipt._committed and receipt.name != kept:
            receipt.storage.delete(receipt.name)
        raise


class DeliveryService(KeyedService):
    """Deliveries within what their match owes, keeping their requirement's figures."""

    def key_parts(self, obj):
        return ["delivery", obj.match.key, obj.delivered_on]

    def normalise(self, obj):
        obj._key_made = not obj.key
        super().normalise(obj)

    def _free_key_under_lock(self, obj):
        """A key made before the lock may have been taken meanwhile by a delivery of the same
        match and day saved at the same time: made again under the lock, it is free."""
        if getattr(obj, "_key_made", False):
            obj.key = self.free_key(obj)

    def lock(self, obj):
        # The requirement first, then the match: the order the matching service takes too.
        requirement_id = _requirement_id(obj.match_id)
        if requirement_id is not None:
            Requirement.objects.select_for_update().filter(pk=requirement_id).order_by("pk").first()
        Match.objects.select_for_update().filter(pk=obj.match_id).order_by("pk").first()

    def check(self, obj, many, action):
        self._free_key_under_lock(obj)
        match = Match.objects.select_related("requirement").get(pk=obj.match_id)
        if action == "change":
            stored = Delivery.objects.get(pk=obj.pk)
            if stored.confirmed_by_recipient and (
                stored.match_id != obj.match_id or stored.quantity != obj.quantity
            ):
                raise ValidationError(
                    _(
                        "The recipient confirmed this delivery: its match and quantity stay as "
                        "confirmed."
                    )
                )
        if match.status != Match.Status.CONFIRMED:
            raise ValidationError(
                {"match": _("Deliveries are recorded only under a confirmed match.")}
            )
        if match.requirement.status in CLOSED:
            raise ValidationError(
                {
                    "match": _("The requirement was %(status)s: nothing more is delivered to it.")
                    % {"status": match.requirement.get_status_display()}
                }
            )
        others = Delivery.objects.filter(match_id=match.pk).exclude(pk=obj.pk)
        delivered = others.aggregate(total=Sum("quantity"))["total"] or 0
        owed = match.quantity - delivered
        if obj.quantity > owed:
            raise RecordConflict(
                _(
                    "The match still owes %(owed)s %(unit)s (%(matched)s matched, %(delivered)s "
                    "delivered): a delivery of %(quantity)s would exceed it. Nothing was saved."
                )
                % {
                    "owed": owed,
                    "unit": match.requirement.unit,
                    "matched": match.quantity,
                    "delivered": delivered,
                    "quantity": obj.quantity,
                }
            )

    def save(self, obj, *, user, many=None, exclude=None):
        if obj.receipt and not obj.receipt._committed:
            # A receipt given with the record meets the rule of one attached to it.
            check_receipt(obj.receipt.file)
        with new_receipt_removed_on_failure(obj), transaction.atomic():
            before = None
            if not obj._state.adding:
                before = Delivery.objects.filter(pk=obj.pk).values_list("match_id", flat=True)[0]
            saved = super().save(obj, user=user, many=many, exclude=exclude)
            for match_id in {saved.match_id, before} - {None}:
                settle_requirement(_requirement_id(match_id))
        return saved

    def delete(self, obj, *, user):
        with transaction.atomic():
            requirement_id = _requirement_id(obj.match_id)
            Requirement.objects.select_for_update().filter(pk=requirement_id).order_by("pk").first()
            receipt = Delivery.objects.filter(pk=obj.pk).values_list("receipt", flat=True).first()
            label = super().delete(obj, user=user)
            settle_requirement(requirement_id)
            if receipt:
                # Kept until the deletion is committed: a rollback leaves the delivery and
                # its receipt as they were.
                storage = Delivery._meta.get_field("receipt").storage
                transaction.on_commit(lambda: storage.delete(receipt))
        return label

    # Actions beyond the generic writes ---------------------------------------------

    def confirm(self, delivery, *, user, on=None):
        """The recipient confirms it received the delivery (on `on`, today when not given)."""
        if not may_confirm(user):
            raise PermissionDenied(
                _("Only the host-nation liaison or the coordination cell confirms a receipt.")
            )
        with transaction.atomic():
            stored = Delivery.objects.select_for_update().get(pk=delivery.pk)
            if stored.confirmed_by_recipient:
                raise RecordConflict(
                    _("This delivery was confirmed on %(day)s already.")
                    % {"day": stored.confirmed_on}
                )
            update_audited(
                Delivery,
                delivery.pk,
                confirmed_by_recipient=True,
                confirmed_on=on or timezone.localdate(),
                confirmed_by="" if user is OPERATOR else user.get_username(),
            )
        return Delivery.objects.get(pk=delivery.pk)

    def attach_receipt(self, delivery, *, user, upload):
        """Keep `upload` as the delivery's receipt, if it is a PDF, PNG or JPEG small enough."""
        if not (
            user is OPERATOR
            or permissions.may_write_object(user, "change", delivery)
            or may_confirm(user)
        ):
            raise PermissionDenied(_("Your role may not add a receipt to this delivery."))
        check_receipt(upload)
        with transaction.atomic():
            stored = Delivery.objects.select_for_update().get(pk=delivery.pk)
            if stored.confirmed_by_recipient and stored.receipt:
                raise RecordConflict(
                    _("The recipient confirmed this delivery with its receipt: it stays.")
                )
            old = stored.receipt.name
            with new_receipt_removed_on_failure(stored):
                stored.receipt.save(upload.name, upload, save=False)
                update_audited(Delivery, delivery.pk, receipt=stored.receipt.name)
            if old and old != stored.receipt.name:
                transaction.on_commit(lambda: stored.receipt.storage.delete(old))
        return Delivery.objects.get(pk=delivery.pk)


def check_receipt(upload):
    """Refuse a receipt that is too large or not a PDF, PNG or JPEG (by its first bytes)."""
    limit = settings.RECEIPT_MAX_BYTES
    if upload.size > limit:
        raise ValidationError(
            {
                "receipt": _("A receipt may be at most %(mb)s MB; this one is %(size)s MB.")
                % {"mb": limit // (1024 * 1024), "size": round(upload.size / (1024 * 1024), 1)}
            }
        )
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if not any(head.startswith(signature) for signature in RECEIPT_SIGNATURES):
        raise ValidationError(
            {"receipt": _("A receipt is a PDF, PNG or JPEG file; this one is none of them.")}
        )


def sweep_receipts(*, older_than: datetime.timedelta, dry_run: bool = False) -> list[str]:
    """Remove the receipt files no delivery names (left when a caller's transaction rolled
    back after a delivery and its file were written), once older than `older_than`, so a
    file whose write is still in flight stays. Returns the names removed (or, with
    `dry_run`, that would be)."""
    storage = Delivery._meta.get_field("receipt").storage
    root = Path(storage.location)
    named = set(Delivery.objects.exclude(receipt="").values_list("receipt", flat=True))
    cutoff = (timezone.now() - older_than).timestamp()
    removed = []
    for path in sorted((root / "receipts").rglob("*")):
        name = path.relative_to(root).as_posix()
        if name in named:
            continue
        try:
            # A delivery's own rollback may remove its file while the sweep looks.
            if not path.is_file() or path.stat().st_mtime > cutoff:
                continue
        except FileNotFoundError:
            continue
        removed.append(name)
        if not dry_run:
            storage.delete(name)
    if not dry_run:
        for folder in sorted((root / "receipts").glob("*/"), reverse=True):
            with suppress(OSError):  # not empty, or gone already
                folder.rmdir()
    return removed
