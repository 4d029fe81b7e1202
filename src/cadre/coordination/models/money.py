"""Money and donated goods: donations, trust funds, contributions, disbursements, and the
exchange rates that turn them into euros.

Every amount is a Decimal beside its ISO 4217 currency, never a float. A total in euros
converts each amount at the stored rate of its currency on or before its own date; an
amount with no such rate is "not convertible" and is counted apart, never guessed
(`cadre.coordination.selectors_money`).
"""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from cadre.accounts.models import Nation
from cadre.core.models import RecordModel
from cadre.missions.models import Mission
from cadre.sources.models import Source
from cadre.training.models import generated_key

__all__ = ["Contribution", "Disbursement", "Donation", "ExchangeRate", "Sector", "TrustFund"]

validate_currency = RegexValidator(
    r"^[A-Z]{3}$", _("Write the currency as its three-letter ISO 4217 code, e.g. EUR or USD.")
)
# The currencies the mission's donors paid in (ISO 4217); the euro first.
CURRENCIES = (
    "EUR",
    "USD",
    "GBP",
    "CAD",
    "NOK",
    "DKK",
    "SEK",
    "CHF",
    "PLN",
    "CZK",
    "HUF",
    "RON",
    "BGN",
    "TRY",
    "JPY",
    "AUD",
    "IQD",
)
CURRENCY_CHOICES = [(code, code) for code in CURRENCIES]
POSITIVE = [MinValueValidator(Decimal("0.01"))]


def currency_field():
    return models.CharField(
        _("currency"),
        max_length=3,
        default="EUR",
        choices=CURRENCY_CHOICES,
        validators=[validate_currency],
    )


def generated_field():
    return models.BooleanField(
        _("generated"),
        default=False,
        editable=False,
        help_text=_("Made up by `cadre demo` to try Cadre out: no such record exists."),
    )


class Sector(models.TextChoices):
    """The OECD DAC 5-digit purpose codes the mission's money went to (IATI vocabulary 1)."""

    SECURITY_SYSTEM = "15210", _("Security system management and reform")
    SMALL_ARMS = "15240", _("Reintegration and small arms and light weapons control")
    LEGAL_JUDICIAL = "15130", _("Legal and judicial development")
    MINE_ACTION = "15250", _("Removal of land mines and explosive remnants of war")
    ADVANCED_TRAINING = "11430", _("Advanced technical and managerial training")


class Donation(RecordModel):
    """Equipment or goods a nation gave to the host nation, at the value it declared."""

    nation = models.ForeignKey(
        Nation, verbose_name=_("donor nation"), on_delete=models.PROTECT, related_name="donations"
    )
    description = models.CharField(_("description"), max_length=300)
    donated_on = models.DateField(_("donated on"))
    value = models.DecimalField(_("value"), max_digits=16, decimal_places=2, validators=POSITIVE)
    currency = currency_field()
    mission = models.ForeignKey(
        Mission,
        verbose_name=_("mission"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="donations",
        help_text=_("The mission the donation went through."),
    )
    sector = models.CharField(
        _("sector"), max_length=5, choices=Sector.choices, default=Sector.SECURITY_SYSTEM
    )
    generated = generated_field()
    sources = models.ManyToManyField(Source, verbose_name=_("sources"), blank=True)

    class Meta:
        ordering = ["-donated_on", "key"]
        verbose_name = _("donation")
        verbose_name_plural = _("donations")
        indexes = [models.Index(fields=["nation", "donated_on"])]
        constraints = [
            models.CheckConstraint(condition=Q(value__gt=0), name="donation_value_positive")
        ]

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
    mission = models.ForeignKey(
        Mission,
        verbose_name=_("mission"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="trust_funds",
        help_text=_("The mission whose activities the fund pays for."),
    )
    sector = models.CharField(
        _("sector"), max_length=5, choices=Sector.choices, default=Sector.SECURITY_SYSTEM
    )
    generated = generated_field()
    sources = models.ManyToManyField(Source, verbose_name=_("sources"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("trust fund")
        verbose_name_plural = _("trust funds")

    def __str__(self):
        return self.name


class Contribution(RecordModel):
    """Money one nation paid into a trust fund."""

    key = generated_key()
    trust_fund = models.ForeignKey(
        TrustFund,
        verbose_name=_("trust fund"),
        on_delete=models.PROTECT,
        related_name="contributions",
    )
    nation = models.ForeignKey(
        Nation,
        verbose_name=_("contributing nation"),
        on_delete=models.PROTECT,
        related_name="contributions",
    )
    amount = models.DecimalField(_("amount"), max_digits=16, decimal_places=2, validators=POSITIVE)
    currency = currency_field()
    contributed_on = models.DateField(_("paid on"))
    generated = generated_field()

    class Meta:
        ordering = ["-contributed_on", "key"]
        verbose_name = _("contribution")
        verbose_name_plural = _("contributions")
        indexes = [models.Index(fields=["nation", "contributed_on"])]
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="contribution_amount_positive")
        ]

    def __str__(self):
        return f"{self.amount} {self.currency} ({self.contributed_on})"


class Disbursement(RecordModel):
    """Money a trust fund paid out, and what it paid for."""

    key = generated_key()
    trust_fund = models.ForeignKey(
        TrustFund,
        verbose_name=_("trust fund"),
        on_delete=models.PROTECT,
        related_name="disbursements",
    )
    amount = models.DecimalField(_("amount"), max_digits=16, decimal_places=2, validators=POSITIVE)
    currency = currency_field()
    disbursed_on = models.DateField(_("paid on"))
    purpose = models.CharField(_("what it paid for"), max_length=300)
    sector = models.CharField(
        _("sector"), max_length=5, choices=Sector.choices, default=Sector.SECURITY_SYSTEM
    )
    generated = generated_field()

    class Meta:
        ordering = ["-disbursed_on", "key"]
        verbose_name = _("disbursement")
        verbose_name_plural = _("disbursements")
        indexes = [models.Index(fields=["trust_fund", "disbursed_on"])]
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="disbursement_amount_positive")
        ]

    def __str__(self):
        return f"{self.purpose[:60]} ({self.amount} {self.currency})"


class ExchangeRate(RecordModel):
    """What one unit of a currency was worth in euros on a day, and where that rate is from.

    An amount is converted at the latest rate of its currency on or before its own date.
    """

    key = generated_key()
    currency = models.CharField(
        _("currency"), max_length=3, choices=CURRENCY_CHOICES, validators=[validate_currency]
    )
    valid_on = models.DateField(_("rate of the day"))
    eur_per_unit = models.DecimalField(
        _("euros for one unit"),
        max_digits=18,
        decimal_places=8,
        validators=[MinValueValidator(Decimal(0))],
    )
    source = models.CharField(
        _("source of the rate"),
        max_length=200,
        help_text=_("Who published the rate, e.g. the European Central Bank's reference rate."),
    )
    generated = generated_field()

    class Meta:
        ordering = ["currency", "-valid_on"]
        verbose_name = _("exchange rate")
        verbose_name_plural = _("exchange rates")
        constraints = [
            models.UniqueConstraint(fields=["currency", "valid_on"], name="one_rate_a_day"),
            models.CheckConstraint(condition=Q(eur_per_unit__gt=0), name="exchange_rate_positive"),
        ]

    def clean(self):
        super().clean()
        if self.currency == "EUR":
            raise ValidationError({"currency": _("A euro needs no rate: pick another currency.")})

    def __str__(self):
        return f"1 {self.currency} = {self.eur_per_unit} EUR ({self.valid_on})"
