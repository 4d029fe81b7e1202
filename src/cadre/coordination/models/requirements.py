"""What the host nation needs (requirements), what nations offer (offers), which offer
meets which need (matches), and what was handed over (deliveries).

Quantities are whole units in the requirement's or offer's own unit (seats, vehicles,
advisors, euros). An offer's and a requirement's matched quantity are kept on the row
by the matching service, under a row lock, and a check constraint keeps each within the
quantity: the database itself refuses an over-commitment, whatever path writes.
"""

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from cadre.accounts.models import Nation
from cadre.core.models import RecordModel
from cadre.missions.models import Location, Mission, Organisation
from cadre.training.models import SeatAllotment, Session, generated_key

from .money import TrustFund
from .receipts import ReceiptStorage, receipt_path

__all__ = ["Delivery", "Match", "Offer", "Requirement", "SupportKind"]


class SupportKind(models.TextChoices):
    TRAINING_SEATS = "training_seats", _("training seats")
    MOBILE_TEAM = "mobile_team", _("mobile training team")
    EQUIPMENT = "equipment", _("equipment")
    EXPERTISE = "expertise", _("expertise")
    FUNDING = "funding", _("funding")


class Requirement(RecordModel):
    """A need of a host-nation institution, put forward by its liaison."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        SUBMITTED = "submitted", _("submitted")
        VALIDATED = "validated", _("validated")
        PUBLISHED = "published", _("published")
        PARTLY_MET = "partly_met", _("partly met")
        MET = "met", _("met")
        WITHDRAWN = "withdrawn", _("withdrawn")
        REJECTED = "rejected", _("rejected")

    class Priority(models.IntegerChoices):
        CRITICAL = 1, _("critical")
        HIGH = 2, _("high")
        MEDIUM = 3, _("medium")
        LOW = 4, _("low")

    key = generated_key()
    mission = models.ForeignKey(
        Mission, verbose_name=_("mission"), on_delete=models.PROTECT, related_name="requirements"
    )
    institution = models.ForeignKey(
        Organisation,
        verbose_name=_("institution served"),
        on_delete=models.PROTECT,
        related_name="requirements",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=SupportKind.choices)
    category = models.CharField(
        _("category"),
        max_length=60,
        blank=True,
        help_text=_("What is needed, in a word or two shared with offers: 'vehicles', 'medical'."),
    )
    description = models.TextField(_("description"))
    quantity = models.PositiveIntegerField(_("quantity"))
    unit = models.CharField(_("unit"), max_length=40)
    priority = models.PositiveSmallIntegerField(
        _("priority"), choices=Priority.choices, default=Priority.MEDIUM
    )
    needed_by = models.DateField(_("needed by"), null=True, blank=True)
    # Set only by the requirement service's actions (submit, validate, publish, withdraw,
    # reject), never by a generic edit: services_requirements.RequirementService.
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.DRAFT, editable=False
    )
    status_reason = models.CharField(
        _("reason"),
        max_length=300,
        blank=True,
        editable=False,
        help_text=_("Why it was withdrawn or rejected."),
    )
    published_on = models.DateField(_("published on"), null=True, blank=True, editable=False)
    met_on = models.DateField(_("met on"), null=True, blank=True, editable=False)
    matched_quantity = models.PositiveIntegerField(_("quantity matched"), default=0, editable=False)
    delivered_quantity = models.PositiveIntegerField(
        _("quantity delivered"), default=0, editable=False
    )
    generated = models.BooleanField(_("generated"), default=False, editable=False)

    class Meta:
        ordering = ["priority", "needed_by", "key"]
        verbose_name = _("requirement")
        verbose_name_plural = _("requirements")
        indexes = [
            models.Index(fields=["status", "priority", "needed_by"]),
            models.Index(fields=["kind", "category"]),
            # The list's default order, read a page at a time (bench/coordination.py).
            models.Index(fields=["priority", "needed_by", "key"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(matched_quantity__lte=F("quantity")),
                name="requirement_not_over_matched",
            ),
        ]

    def __str__(self):
        return f"{self.description[:60]} ({self.quantity} {self.unit})"


class Offer(RecordModel):
    """What a nation, a group of nations, or NATO's common or trust funds offer.

    Its tiers count as the Financial Tracking Service counts money: pledged (announced,
    the offer's quantity) is never counted as committed; committed is a firm promise;
    then in transit; then received, as the recipient confirmed it (deliveries).
    """

    class Offeror(models.TextChoices):
        NATION = "nation", _("a nation")
        NATIONS = "nations", _("a group of nations")
        NATO_COMMON = "nato_common", _("NATO common funding")
        TRUST_FUND = "trust_fund", _("a trust fund")

    key = generated_key()
    offeror = models.CharField(
        _("offered by"), max_length=12, choices=Offeror.choices, default=Offeror.NATION
    )
    nation = models.ForeignKey(
        Nation,
        verbose_name=_("nation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="offers",
        help_text=_("The offering nation, or the lead nation of a group."),
    )
    partner_nations = models.ManyToManyField(
        Nation,
        verbose_name=_("partner nations"),
        blank=True,
        related_name="offers_joined",
    )
    trust_fund = models.ForeignKey(
        TrustFund,
        verbose_name=_("trust fund"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="offers",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=SupportKind.choices)
    category = models.CharField(_("category"), max_length=60, blank=True)
    description = models.TextField(_("description"))
    quantity = models.PositiveIntegerField(_("quantity pledged"))
    unit = models.CharField(_("unit"), max_length=40)
    value = models.DecimalField(_("value"), max_digits=16, decimal_places=2, null=True, blank=True)
    currency = models.CharField(_("currency"), max_length=3, default="EUR")
    eligible_audience = models.CharField(_("eligible audience"), max_length=200, blank=True)
    language = models.CharField(_("language"), max_length=60, blank=True)
    end_use_terms = models.TextField(_("end-use terms"), blank=True)
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    # Donor's own figures, by tier; the recipient's are the deliveries it confirmed. Each
    # counts what reached at least that tier (received <= in transit <= committed <=
    # pledged), moved only by the offer service's actions (commit, ship, receive).
    committed_quantity = models.PositiveIntegerField(
        _("quantity committed"), default=0, editable=False
    )
    in_transit_quantity = models.PositiveIntegerField(
        _("quantity in transit"), default=0, editable=False
    )
    donor_received_quantity = models.PositiveIntegerField(
        _("quantity received, as the donor reports"), default=0, editable=False
    )
    matched_quantity = models.PositiveIntegerField(_("quantity matched"), default=0, editable=False)
    generated = models.BooleanField(_("generated"), default=False, editable=False)
    session = models.ForeignKey(
        Session,
        verbose_name=_("training session"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="offers",
        help_text=_("The session a training-seat offer became."),
    )
    seat_allotment = models.ForeignKey(
        SeatAllotment,
        verbose_name=_("seat allotment"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="offers",
        help_text=_("The seats a training-seat offer became."),
    )

    class Meta:
        ordering = ["-valid_until", "key"]
        verbose_name = _("offer")
        verbose_name_plural = _("offers")
        indexes = [
            models.Index(fields=["kind", "category"]),
            models.Index(fields=["nation", "valid_until"]),
            # The list's default order, read a page at a time (bench/coordination.py).
            models.Index(fields=["-valid_until", "key"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(matched_quantity__lte=F("quantity")),
                name="offer_not_over_matched",
            ),
            models.CheckConstraint(
                condition=Q(committed_quantity__lte=F("quantity")),
                name="offer_commits_at_most_its_pledge",
            ),
            models.CheckConstraint(
                condition=Q(in_transit_quantity__lte=F("committed_quantity")),
                name="offer_ships_at_most_its_commitment",
            ),
            models.CheckConstraint(
                condition=Q(donor_received_quantity__lte=F("in_transit_quantity")),
                name="offer_receives_at_most_what_shipped",
            ),
        ]

    def __str__(self):
        return f"{self.description[:60]} ({self.quantity} {self.unit})"


class Match(RecordModel):
    """Part of an offer set against part of a requirement, confirmed by the coordination cell."""

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("proposed")
        CONFIRMED = "confirmed", _("confirmed")
        CANCELLED = "cancelled", _("cancelled")

    key = generated_key()
    requirement = models.ForeignKey(
        Requirement,
        verbose_name=_("requirement"),
        on_delete=models.PROTECT,
        related_name="matches",
    )
    offer = models.ForeignKey(
        Offer, verbose_name=_("offer"), on_delete=models.PROTECT, related_name="matches"
    )
    quantity = models.PositiveIntegerField(_("quantity"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PROPOSED
    )
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True, editable=False)

    class Meta:
        ordering = ["requirement", "key"]
        verbose_name = _("match")
        verbose_name_plural = _("matches")
        indexes = [models.Index(fields=["offer", "status"])]
        constraints = [
            models.CheckConstraint(condition=Q(quantity__gt=0), name="match_quantity_positive"),
            # The natural key: one standing (not cancelled) match per requirement and offer.
            # Confirming the pair again is refused, naming the standing match.
            models.UniqueConstraint(
                fields=["requirement", "offer"],
                condition=~Q(status="cancelled"),
                name="one_standing_match_per_pair",
            ),
        ]

    def __str__(self):
        return f"{self.offer} -> {self.requirement}"


class Delivery(RecordModel):
    """What was handed over under a match: when, where, to whom, with its receipt."""

    key = generated_key()
    match = models.ForeignKey(
        Match, verbose_name=_("match"), on_delete=models.PROTECT, related_name="deliveries"
    )
    quantity = models.PositiveIntegerField(_("quantity"))
    delivered_on = models.DateField(_("delivered on"))
    place = models.ForeignKey(
        Location,
        verbose_name=pgettext_lazy("where a delivery was handed over", "place"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="deliveries",
    )
    received_by = models.CharField(_("received by"), max_length=200)
    what = models.CharField(
        _("what was handed over"),
        max_length=200,
        blank=True,
        help_text=_("In a few words: '40 radios', 'first aid course, 20 seats'."),
    )
    # Set by the recipient's confirmation (DeliveryService.confirm), never by a form: the
    # recipient's figure is the quantity of the deliveries it confirmed.
    confirmed_by_recipient = models.BooleanField(
        _("confirmed by the recipient"), default=False, editable=False
    )
    confirmed_on = models.DateField(_("confirmed on"), null=True, blank=True, editable=False)
    confirmed_by = models.CharField(_("confirmed by"), max_length=150, blank=True, editable=False)
    generated = models.BooleanField(
        _("generated"),
        default=False,
        editable=False,
        help_text=_("Made up by `cadre demo` to try Cadre out: no such delivery took place."),
    )
    # Uploaded through the delivery's receipt action; read only through the delivery's
    # download address, which checks that the reader may read the delivery.
    receipt = models.FileField(
        _("receipt"),
        upload_to=receipt_path,
        storage=ReceiptStorage(),
        max_length=200,
        blank=True,
        editable=False,
    )

    class Meta:
        ordering = ["-delivered_on", "key"]
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        constraints = [
            # The same hand-over reported twice is one delivery.
            models.UniqueConstraint(
                fields=["match", "delivered_on", "quantity", "received_by"],
                name="one_delivery_per_handover",
            ),
            models.CheckConstraint(condition=Q(quantity__gt=0), name="delivery_quantity_positive"),
        ]

    def __str__(self):
        return gettext("%(quantity)s delivered on %(day)s") % {
            "quantity": self.quantity,
            "day": self.delivered_on,
        }
