"""Reads of requirements, offers and matches: the offers that could meet a requirement,
ranked by fit, and the offers' totals by tier.

The fit score of an offer for a requirement, 0 to 100 (`candidates`):

- 40 x the share of the requirement's unmatched quantity the offer's unmatched
  quantity covers (an offer covering all of it scores 40);
- 30 when offer and requirement name the same category, 10 when either names none;
- 20 when the offer is valid until a stated day on or after the day the requirement is
  needed by, 10 when either date is open;
- 10 when the offer names its eligible audience, language or end-use terms (the cell
  can check the conditions), 0 when it states none.

Only offers of the requirement's kind, with some quantity unmatched, in the same
category (or naming none), and not expiring before the requirement is needed, are
candidates. Ties go to the offer with the most left, then the oldest key.
"""

from dataclasses import dataclass

from django.db.models import (
    Case,
    DecimalField,
    ExpressionWrapper,
    F,
    FloatField,
    IntegerField,
    Q,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Cast, Least

from cadre.core import permissions

from .models import Match, Offer, Requirement

MOST_CANDIDATES = 50


def candidates(requirement, user, limit=MOST_CANDIDATES):
    """The offers this user reads that could meet `requirement`, best fit first (a list of
    at most `limit`), each with `fit` (0-100) and `free` (its unmatched quantity)."""
    need = max(requirement.quantity - requirement.matched_quantity, 1)
    offers = permissions.restrict(Offer.objects.all(), user).filter(
        kind=requirement.kind, matched_quantity__lt=F("quantity")
    )
    if requirement.category:
        offers = offers.filter(Q(category=requirement.category) | Q(category=""))
    if requirement.needed_by:
        offers = offers.filter(Q(valid_until__gte=requirement.needed_by) | Q(valid_until=None))
    free = ExpressionWrapper(F("quantity") - F("matched_quantity"), output_field=IntegerField())
    cover = ExpressionWrapper(
        Cast(Least(free, Value(need)), FloatField()) * 40.0 / need, output_field=FloatField()
    )
    category = Value(10.0)
    if requirement.category:
        category = Case(
            When(category=requirement.category, then=Value(30.0)),
            default=Value(10.0),
            output_field=FloatField(),
        )
    dated = Value(10.0)
    if requirement.needed_by:
        dated = Case(
            When(valid_until__gte=requirement.needed_by, then=Value(20.0)),
            default=Value(10.0),
            output_field=FloatField(),
        )
    conditions = Case(
        When(Q(eligible_audience="") & Q(language="") & Q(end_use_terms=""), then=Value(0.0)),
        default=Value(10.0),
        output_field=FloatField(),
    )
    # Scored without joins, then only the best `limit` are read whole: thousands of offers
    # may share a kind and category (bench/coordination.py).
    best = list(
        offers.annotate(free=free, fit=cover + category + dated + conditions)
        .order_by("-fit", "-free", "key")
        .values_list("pk", "fit", "free")[:limit]
    )
    records = Offer.objects.select_related("nation", "trust_fund").in_bulk(
        [pk for pk, _, _ in best]
    )
    ranked = []
    for pk, fit, left in best:
        offer = records[pk]
        offer.fit, offer.free = fit, left
        ranked.append(offer)
    return ranked


def matches_of(requirement, user):
    """The requirement's matches this user reads, with their offers."""
    return (
        permissions.restrict(Match.objects.all(), user)
        .filter(requirement=requirement)
        .select_related("offer__nation")
        .order_by("key")
    )


@dataclass
class Tiers:
    """Quantities by tier, each counting what reached at least that tier. `pledged_only`
    is pledged and not (yet) committed: never counted in a committed total."""

    pledged: int = 0
    committed: int = 0
    in_transit: int = 0
    received: int = 0

    @property
    def pledged_only(self):
        return self.pledged - self.committed


def tiers(user, offers=None) -> Tiers:
    """Totals by tier of the offers this user reads (or of `offers`, restricted to them)."""
    offers = permissions.restrict(Offer.objects.all() if offers is None else offers, user, "count")
    totals = offers.aggregate(
        pledged=Sum("quantity"),
        committed=Sum("committed_quantity"),
        in_transit=Sum("in_transit_quantity"),
        received=Sum("donor_received_quantity"),
    )
    return Tiers(**{name: value or 0 for name, value in totals.items()})


def tiers_by_nation(user):
    """[(nation code or None, Tiers)] of the offers this user reads, by offering nation."""
    offers = permissions.restrict(Offer.objects.all(), user, "count")
    rows = (
        offers.values("nation__code")
        .annotate(
            pledged=Sum("quantity"),
            committed=Sum("committed_quantity"),
            in_transit=Sum("in_transit_quantity"),
            received=Sum("donor_received_quantity"),
        )
        .order_by("nation__code")
    )
    return [
        (
            row.pop("nation__code"),
            Tiers(**{k: v or 0 for k, v in row.items()}),
        )
        for row in rows
    ]


def pledged_value(user):
    """{currency: total value} of the offers this user reads: money stays in its currency."""
    offers = permissions.restrict(Offer.objects.exclude(value=None), user, "count")
    rows = offers.values("currency").annotate(
        total=Sum("value", output_field=DecimalField(max_digits=20, decimal_places=2))
    )
    return {row["currency"]: row["total"] for row in rows.order_by("currency")}


def open_requirements(user):
    return permissions.restrict(Requirement.objects.all(), user).filter(
        status__in=(Requirement.Status.PUBLISHED, Requirement.Status.PARTLY_MET)
    )
