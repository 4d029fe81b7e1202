"""Writes of donated items and their custody.

An item is added and corrected through the generic path (its key made from make, model
and serial). Its custody is written only by `CustodyService.record()` (pages, API, the
custody import and the demo alike): under a lock on the item it refuses a change that
would put the item in two places at once or that follows its destruction, saves the
change and moves the item's holder, status and date of last change with it, each in the
audit trail.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _

from cadre.audit.context import current_actor
from cadre.audit.models import ChangeAction
from cadre.audit.services import record_change
from cadre.core import permissions
from cadre.core.services import OPERATOR
from cadre.core.snapshots import record_state
from cadre.training.services import KeyedService

from .models import CustodyChange, DonatedItem, ItemStatus
from .models.arms import normal_name, normal_serial


class DonatedItemService(KeyedService):
    """Items keyed by make, model and serial, e.g. `ak-47-ab123`."""

    def key_parts(self, obj) -> list:
        return [obj.make, obj.model_name, obj.serial_number]

    def normalise(self, obj):
        obj.make = normal_name(obj.make)
        obj.model_name = normal_name(obj.model_name)
        obj.serial_number = normal_serial(obj.serial_number)
        super().normalise(obj)


def holder_after(change, current_holder_id):
    """The item's holder once `change` is made: whom it went to, or, lost or destroyed, the
    last unit that held it (its last known holder)."""
    return change.to_holder_id or current_holder_id


class CustodyService(KeyedService):
    """The one write path of custody changes; records are never changed once written."""

    def key_parts(self, obj) -> list:
        to = obj.to_holder.key if obj.to_holder_id else obj.status
        return [obj.item.key, obj.changed_on, to]

    def lock(self, obj):
        obj._locked_item = (
            DonatedItem._base_manager.select_for_update(of=("self",))
            .filter(pk=obj.item_id)
            .order_by("pk")
            .select_related("holder")
            .get()
        )

    def check(self, obj, many, action):
        if action != "add":
            raise ValidationError(_("A custody change is not changed once recorded."))
        item = obj._locked_item
        if item.status == ItemStatus.DESTROYED:
            raise ValidationError(
                {
                    "item": _("%(item)s was destroyed on %(day)s: no custody change may follow.")
                    % {"item": item, "day": item.last_custody_on}
                }
            )
        last = item.last_custody_on
        if last is not None and obj.changed_on < last:
            raise ValidationError(
                {
                    "changed_on": _(
                        "%(item)s changed hands last on %(day)s: a change dated before it would "
                        "put the item in two places at once."
                    )
                    % {"item": item, "day": last}
                }
            )
        if last is not None and obj.changed_on == last and obj.to_holder_id:
            elsewhere = (
                CustodyChange.objects.filter(item=item, changed_on=last)
                .exclude(to_holder=None)
                .exclude(to_holder=obj.to_holder_id)
                .select_related("to_holder")
                .first()
            )
            if elsewhere is not None:
                raise ValidationError(
                    {
                        "changed_on": _(
                            "%(item)s went to %(holder)s on %(day)s: it cannot go to another "
                            "unit on the same day."
                        )
                        % {"item": item, "holder": elsewhere.to_holder, "day": last}
                    }
                )
        if obj.from_holder_id != item.holder_id:
            if item.holder_id is None:
                message = _("%(item)s has no holder yet: leave 'from' empty.") % {"item": item}
            else:
                message = _("%(item)s is then held by %(holder)s, not by %(from)s.") % {
                    "item": item,
                    "holder": item.holder,
                    "from": obj.from_holder,
                }
            raise ValidationError({"from_holder": message})

    def save(self, obj, *, user, many=None, exclude=None):
        with transaction.atomic():
            saved = super().save(obj, user=user, many=many, exclude=exclude)
            self._move_item(saved)
        return saved

    def _move_item(self, change):
        item = change._locked_item
        audited = current_actor().record_fields
        before = record_state(DonatedItem, item.pk) if audited else None
        DonatedItem._base_manager.filter(pk=item.pk).update(
            holder_id=holder_after(change, item.holder_id),
            status=change.status,
            last_custody_on=change.changed_on,
            version=F("version") + 1,
        )
        if audited:
            item.refresh_from_db()
            record_change(
                instance=item,
                action=ChangeAction.UPDATE,
                before=before,
                after=record_state(DonatedItem, item.pk),
                message=_("custody change %(key)s") % {"key": change.key},
            )

    def record(
        self,
        item,
        *,
        user,
        changed_on,
        signed_by,
        from_holder=None,
        to_holder=None,
        status=ItemStatus.ISSUED,
        note="",
    ) -> CustodyChange:
        """Record that `item` went from `from_holder` to `to_holder` on `changed_on`, signed
        for by `signed_by`, and is then `status`. Raises ValidationError naming the field
        (the item destroyed, a date before its last change, another unit the same day, a
        'from' that is not where the item then is), PermissionDenied for a role that may not."""
        change = CustodyChange(
            item=item,
            changed_on=changed_on,
            from_holder=from_holder,
            to_holder=to_holder,
            status=status,
            signed_by=signed_by,
            note=note,
        )
        return self.save(change, user=user)


def may_record_custody(user) -> bool:
    """May this user record custody changes (and so import a custody file)?"""
    return user is OPERATOR or permissions.may(user, "add", CustodyChange)
