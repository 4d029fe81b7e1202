"""Money and donated goods: donations, trust funds, contributions, disbursements."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from cadre.accounts.models import Nation
from cadre.core.models import RecordModel
from cadre.sources.models import Source

__all__ = ["Donation", "TrustFund"]


class Donation(RecordModel):
    """Equipment or goods a nation gave to the host nation, at the value it declared."""

    nation = models.ForeignKey(
        Nation, verbose_name=_("donor nation"), on_delete=models.PROTECT, related_name="donations"
    )
    description = models.CharField(_("description"), max_length=300)
    donated_on = models.DateField(_("donated on"))
    value = models.DecimalField(_("value"), max_digits=16, decimal_places=2)
    currency = models.CharField(_("currency"), max_length=3, default="EUR")
    sources = models.ManyToManyField(Source, verbose_name=_("sources"), blank=True)

    class Meta:
        ordering = ["-donated_on", "key"]
        verbose_name = _("donation")
        verbose_name_plural = _("donations")

    def __str__(self):
        return self.description


class TrustFund(RecordModel):
    """A fund nations pay into for the mission's purposes, led by one nation."""

    name = models.CharField(_("name"), max_length=200)
    purpose = models.TextField(_("purpose"), blank=True)
    lead_nation = models.ForeignKey(
        Nation,
        verbose_name=_("lead nation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="trust_funds_led",
    )
    sources = models.ManyToManyField(Source, verbose_name=_("sources"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("trust fund")
        verbose_name_plural = _("trust funds")

    def __str__(self):
        return self.name
