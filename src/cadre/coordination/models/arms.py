"""Small arms and light weapons, and other serialised equipment nations donated: each item
by its serial number, and who has held it since (custody changes).

An item's holder and status follow its custody changes: the custody service
(`services_arms.CustodyService`) writes a change and sets them in the same transaction,
under a lock on the item, so they never disagree with its last change.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.db.models.functions import Upper
from django.utils.translation import gettext_lazy as _

from cadre.core.models import RecordModel
from cadre.missions.models import Organisation
from cadre.training.models import generated_key

from .money import Donation

__all__ = ["CustodyChange", "DonatedItem", "ItemStatus", "normal_serial"]


def normal_serial(text: str) -> str:
    """A serial number as stored and compared: capitals, no spaces around or inside
    ("ab-123 " and "AB-123" are one)."""
    return "".join((text or "").split()).upper()


def normal_name(text: str) -> str:
    """A make or model as stored: single spaces, none around it."""
    return " ".join((text or "").split())


class ItemStatus(models.TextChoices):
    IN_STORE = "in_store", _("in store")
    ISSUED = "issued", _("issued")
    LOST = "lost", _("lost")
    DESTROYED = "destroyed", _("destroyed")


class DonatedItem(RecordModel):
    """One donated weapon or piece of serialised equipment, from the donation it came in."""

    class Kind(models.TextChoices):
        WEAPON = "weapon", _("weapon")
        EQUIPMENT = "equipment", _("other serialised equipment")

    key = generated_key()
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.WEAPON)
    make = models.CharField(_("make"), max_length=100)
    model_name = models.CharField(_("model"), max_length=100)
    serial_number = models.CharField(
        _("serial number"),
        max_length=100,
        blank=True,
        help_text=_("Stored in capitals without spaces; a weapon always has one."),
    )
    donation = models.ForeignKey(
        Donation,
        verbose_name=_("donation"),
        on_delete=models.PROTECT,
        related_name="items",
    )
    holder = models.ForeignKey(
        Organisation,
        verbose_name=_("current holder"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.PROTECT,
        related_name="donated_items",
        help_text=_("The unit that holds it, as its last custody change says."),
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=ItemStatus.choices,
        default=ItemStatus.IN_STORE,
        editable=False,
    )
    last_custody_on = models.DateField(
        _("last custody change"), null=True, blank=True, editable=False
    )
    generated = models.BooleanField(
        _("generated"), default=False, editable=False, help_text=_("Made by `cadre demo`.")
    )

    class Meta:
        ordering = ["make", "model_name", "serial_number"]
        verbose_name = _("donated item")
        verbose_name_plural = _("donated items")
        indexes = [
            models.Index(fields=["make", "model_name", "serial_number"]),
            models.Index(fields=["kind", "last_custody_on"]),
        ]
        constraints = [
            models.UniqueConstraint(
                Upper("make"),
                Upper("model_name"),
                "serial_number",
                condition=~Q(serial_number=""),
                name="one_item_per_make_model_serial",
                violation_error_message=_(
                    "An item of this make and model with this serial number is already recorded."
                ),
            ),
            models.CheckConstraint(
                condition=~Q(kind="weapon") | ~Q(serial_number=""),
                name="weapon_has_serial_number",
                violation_error_message=_("A weapon always has a serial number."),
            ),
        ]

    def __str__(self):
        serial = self.serial_number or "—"
        return f"{self.make} {self.model_name} {serial}"

    def clean(self):
        super().clean()
        self.make = normal_name(self.make)
        self.model_name = normal_name(self.model_name)
        self.serial_number = normal_serial(self.serial_number)


class CustodyChange(RecordModel):
    """An item handed from one holder to another (or into store, or reported lost or
    destroyed) on a day, signed for by a named person."""

    key = generated_key()
    item = models.ForeignKey(
        DonatedItem, verbose_name=_("item"), on_delete=models.PROTECT, related_name="custody"
    )
    changed_on = models.DateField(_("date"))
    from_holder = models.ForeignKey(
        Organisation,
        verbose_name=_("from"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="custody_given",
        help_text=_("Empty for an item's first hand-over from the donor."),
    )
    to_holder = models.ForeignKey(
        Organisation,
        verbose_name=_("to"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="custody_taken",
        help_text=_("Empty when the item is lost or destroyed."),
    )
    status = models.CharField(
        _("status after"),
        max_length=10,
        choices=ItemStatus.choices,
        default=ItemStatus.ISSUED,
    )
    signed_by = models.CharField(_("signed by"), max_length=200)
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        ordering = ["item", "changed_on", "id"]
        verbose_name = _("custody change")
        verbose_name_plural = _("custody changes")
        indexes = [models.Index(fields=["item", "changed_on"])]

    def __str__(self):
        return f"{self.item} {self.changed_on}"

    def clean(self):
        super().clean()
        placed = self.status in (ItemStatus.IN_STORE, ItemStatus.ISSUED)
        if placed and self.to_holder_id is None:
            raise ValidationError(
                {"to_holder": _("Name the unit that takes the item in store or on issue.")}
            )
