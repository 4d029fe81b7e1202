from django.db import models

from cadre.core.dates import precision_field
from cadre.core.models import RecordModel


class Briefing(RecordModel):
    """A briefing with a fixed number of seats, held by one nation."""

    title = models.CharField("title", max_length=100)
    capacity = models.PositiveIntegerField("capacity")
    held_on = models.DateField("held on", null=True, blank=True)
    held_on_precision = precision_field()
    nation = models.ForeignKey(
        "accounts.Nation", verbose_name="nation", on_delete=models.PROTECT, null=True, blank=True
    )

    class Meta:
        ordering = ["key"]

    def __str__(self):
        return self.title


class Seat(RecordModel):
    """A seat at a briefing. Only SeatService keeps the count within the capacity."""

    briefing = models.ForeignKey(
        Briefing, verbose_name="briefing", on_delete=models.CASCADE, related_name="seats"
    )
    holder = models.CharField("holder", max_length=100)
    topics = models.ManyToManyField(Briefing, verbose_name="topics", blank=True, related_name="+")

    class Meta:
        ordering = ["key"]

    def __str__(self):
        return f"{self.holder} at {self.briefing_id}"


class Receipt(RecordModel):
    """Made only by its service's own action: the generic writes are closed to it."""

    briefing = models.ForeignKey(Briefing, verbose_name="briefing", on_delete=models.CASCADE)
    note = models.CharField("note", max_length=100, blank=True)

    def __str__(self):
        return self.key
