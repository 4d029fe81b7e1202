"""Reads about deliveries: donor against recipient figures, duplicated offers, the
who-does-what-where rows, and the overview's figures. Every read goes through
`permissions.restrict`, so a nation contributor reads its own nation's offers and
deliveries only, on every page, export and command that uses these."""

import datetime
from collections import defaultdict
from decimal import Decimal

from django.db.models import Q, Sum
from django.utils.translation import gettext as _

from cadre.core import permissions
from cadre.core.services import OPERATOR

from .models import Delivery, Match, Offer, Requirement

LIVE_MATCHES = (Match.Status.PROPOSED, Match.Status.CONFIRMED)


# Donor against recipient ------------------------------------------------------------


def offer_figures(user, offers=None) -> list[dict]:
    """Per offer the reader may read: the donor's figures by tier (pledged, committed, in
    transit, received as the donor reports) and the recipient's (delivered, confirmed)."""
    offers = permissions.restrict(
        Offer.objects.all() if offers is None else offers, user
    ).select_related("nation", "trust_fund")
    delivered = _delivered_by("match__offer_id", offers)
    rows = []
    for offer in offers.order_by("key"):
        recorded, confirmed = delivered.get(offer.pk, (0, 0))
        rows.append(
            {
                "offer": offer,
                "pledged": offer.quantity,
                "committed": offer.committed_quantity,
                "in_transit": offer.in_transit_quantity,
                "donor_received": offer.donor_received_quantity,
                "delivered": recorded,
                "confirmed": confirmed,
                "difference": offer.donor_received_quantity - confirmed,
            }
        )
    return rows


def requirement_figures(user, requirements=None) -> list[dict]:
    """Per requirement the reader may read: quantity, matched, delivered as recorded, and
    what the recipient confirmed."""
    requirements = permissions.restrict(
        Requirement.objects.all() if requirements is None else requirements, user
    )
    delivered = _delivered_by("match__requirement_id", requirements)
    rows = []
    for requirement in requirements.select_related("institution").order_by("key"):
        recorded, confirmed = delivered.get(requirement.pk, (0, 0))
        rows.append(
            {
                "requirement": requirement,
                "quantity": requirement.quantity,
                "matched": requirement.matched_quantity,
                "delivered": recorded,
                "confirmed": confirmed,
                "difference": recorded - confirmed,
            }
        )
    return rows


def _delivered_by(path, within) -> dict:
    """{id: (quantity delivered, quantity the recipient confirmed)} for the ids in `within`."""
    rows = (
        Delivery.objects.filter(**{f"{path}__in": within.values("pk")})
        .values(path)
        .annotate(
            recorded=Sum("quantity"),
            confirmed=Sum("quantity", filter=Q(confirmed_by_recipient=True)),
        )
    )
    return {row[path]: (row["recorded"] or 0, row["confirmed"] or 0) for row in rows}


def differences(user) -> dict:
    """Where the donor's and the recipient's figures differ: offers whose donor says more
    (or less) was received than the recipient confirmed, and requirements with deliveries
    the recipient has not confirmed."""
    return {
        "offers": [row for row in offer_figures(user) if row["difference"]],
        "requirements": [row for row in requirement_figures(user) if row["difference"]],
    }


# Duplication --------------------------------------------------------------------------


def donor_of(offer) -> tuple:
    """Who gives: a nation (or the lead of a group), a trust fund, or NATO common funding."""
    return _donor(offer.offeror, offer.trust_fund_id, offer.nation_id)


def _donor(offeror, trust_fund_id, nation_id) -> tuple:
    if offeror == Offer.Offeror.TRUST_FUND and trust_fund_id:
        return ("fund", trust_fund_id)
    if offeror == Offer.Offeror.NATO_COMMON:
        return ("nato", None)
    return ("nation", nation_id)


def _valid_on(valid_until, day) -> bool:
    return day is None or valid_until is None or valid_until >= day


# How many duplicates a page names for one offer; the rest are counted, not listed. An
# institution with thousands of needs of one kind would otherwise list every other donor.
DUPLICATES_SHOWN = 10


class Duplicates(list):
    """The warnings a page lists, and how many more there are (`omitted`)."""

    omitted = 0


_OFFER_FACTS = ("offer_id", "offer__offeror", "offer__trust_fund_id", "offer__nation_id")
_NEED_FACTS = (
    "requirement_id",
    "requirement__institution_id",
    "requirement__kind",
    "requirement__category",
    "requirement__quantity",
    "requirement__needed_by",
)


def duplicates_of(offer, user, shown=DUPLICATES_SHOWN) -> Duplicates:
    """Offers of other donors that target what `offer` targets (the same requirement, or a
    requirement of the same institution of the same kind and category, through live
    matches), whose quantities together exceed what those requirements need, and that are
    both valid by the day the first of them is needed. Each names the other offer only if
    the reader may read it ("another donor" otherwise). Read as plain values, and only the
    first `shown` are made into records."""
    targets = {
        row[0]: row
        for row in Match.objects.filter(offer=offer, status__in=LIVE_MATCHES).values_list(
            *_NEED_FACTS
        )
    }
    warnings = Duplicates()
    if not targets:
        return warnings
    groups = {row[1:4] for row in targets.values()}
    same = Q()
    for institution, kind, category in groups:
        same |= Q(
            requirement__institution_id=institution,
            requirement__kind=kind,
            requirement__category=category,
        )
    rows = (
        Match.objects.filter(same, status__in=LIVE_MATCHES)
        .exclude(offer=offer)
        .values_list(*_OFFER_FACTS, "offer__quantity", "offer__valid_until", *_NEED_FACTS)
    )
    donor = donor_of(offer)
    others, needs_of = {}, defaultdict(dict)
    for row in rows:
        if _donor(*row[1:4]) == donor:
            continue
        others[row[0]] = row[4:6]
        needs_of[row[0]][row[6]] = row[6:]
    found = []
    for other_id in sorted(needs_of):
        other_needs = needs_of[other_id]
        other_groups = {need[1:4] for need in other_needs.values()}
        together = {
            **{pk: need for pk, need in targets.items() if need[1:4] in other_groups},
            **other_needs,
        }
        quantity, valid_until = others[other_id]
        if offer.quantity + quantity <= sum(need[4] for need in together.values()):
            continue
        days = [need[5] for need in together.values() if need[5]]
        first = min(days) if days else None
        if not (_valid_on(offer.valid_until, first) and _valid_on(valid_until, first)):
            continue
        found.append((other_id, any(pk in targets for pk in other_needs), set(together)))
    warnings.omitted = max(0, len(found) - shown)
    found = found[:shown]
    offers = Offer.objects.in_bulk([other_id for other_id, _, _ in found])
    needs = Requirement.objects.in_bulk(set().union(*(pks for _, _, pks in found)))
    readable = set(
        permissions.restrict(Offer.objects.filter(pk__in=offers), user).values_list("pk", flat=True)
    )
    for other_id, same_requirement, pks in found:
        warnings.append(
            {
                "offer": offers[other_id] if other_id in readable else None,
                "same_requirement": same_requirement,
                "requirements": sorted((needs[pk] for pk in pks), key=lambda r: r.key),
            }
        )
    return warnings


def duplicated_offers(requirement, user) -> list[dict]:
    """The offers of different donors that duplicate each other on `requirement`: for each
    live offer on it the reader may read (or 'another donor'), the duplicates it has."""
    offers = Offer.objects.filter(
        matches__requirement=requirement, matches__status__in=LIVE_MATCHES
    ).distinct()
    readable = set(permissions.restrict(offers, user).values_list("pk", flat=True))
    result = []
    for offer in offers.order_by("key"):
        found = duplicates_of(offer, user)
        if found:
            result.append({"offer": offer if offer.pk in readable else None, "duplicates": found})
    return result


# Who does what where ----------------------------------------------------------------

THREE_W_COLUMNS = [
    ("Organisation", "#org"),
    ("Sector", "#sector"),
    ("Province", "#adm1"),
    ("Place", "#loc"),
    ("Activity", "#activity"),
    ("Quantity", "#output+num"),
    ("Unit", "#output+unit"),
    ("Date", "#date"),
    ("Confirmed by the recipient", "#status"),
    ("Delivery", "#meta+id"),
]


def organisation_of(offer) -> str:
    if offer.offeror == Offer.Offeror.TRUST_FUND and offer.trust_fund_id:
        return offer.trust_fund.name
    if offer.offeror == Offer.Offeror.NATO_COMMON:
        return str(Offer.Offeror.NATO_COMMON.label)
    return offer.nation.name if offer.nation_id else ""


def province_of(place) -> str:
    """The province (first administrative level) a place lies in: the outermost place it is
    within. Cadre records places, not provinces, so this is the top of the `within` chain."""
    if place is None:
        return ""
    seen = set()
    while place.within_id and place.within_id not in seen:
        seen.add(place.pk)
        place = place.within
    return place.name


def three_w_rows(user):
    """One row per delivery the reader may read (every one for OPERATOR), in the order of
    the columns above."""
    deliveries = Delivery.objects.all()
    if user is not OPERATOR:  # the command line writes every delivery
        deliveries = permissions.restrict(deliveries, user)
    deliveries = deliveries.select_related(
        "match__offer__nation",
        "match__offer__trust_fund",
        "match__requirement",
        "place__within__within",
    )
    for delivery in deliveries.order_by("delivered_on", "key"):
        offer, requirement = delivery.match.offer, delivery.match.requirement
        sector = requirement.get_kind_display()
        if requirement.category:
            sector = f"{sector}: {requirement.category}"
        yield [
            organisation_of(offer),
            sector,
            province_of(delivery.place),
            delivery.place.name if delivery.place_id else "",
            delivery.what or offer.description[:120],
            delivery.quantity,
            requirement.unit,
            delivery.delivered_on.isoformat(),
            _("yes") if delivery.confirmed_by_recipient else _("no"),
            delivery.key,
        ]


# The overview's figures ---------------------------------------------------------------


def requirements_met_by_month(user) -> list[tuple[datetime.date, int]]:
    """(first day of the month, requirements met by the end of it), cumulative."""
    days = (
        permissions.restrict(Requirement.objects.all(), user)
        .filter(status=Requirement.Status.MET, met_on__isnull=False)
        .values_list("met_on", flat=True)
    )
    per_month = defaultdict(int)
    for day in days:
        per_month[day.replace(day=1)] += 1
    total, result = 0, []
    for month in sorted(per_month):
        total += per_month[month]
        result.append((month, total))
    return result


TIERS = ("pledged", "committed", "in_transit", "donor_received", "confirmed")


def tiers_by_kind(user) -> dict:
    """The offers the reader may read, by tier: the value of each tier (its share of the
    offer's value, in proportion to quantity), per currency, and per kind and unit the
    quantities. Money stays Decimal in its own currency."""
    value = defaultdict(lambda: dict.fromkeys(TIERS, Decimal(0)))
    quantity = defaultdict(lambda: dict.fromkeys(TIERS, 0))
    for row in offer_figures(user):
        offer = row["offer"]
        quantities = {tier: row[tier] for tier in TIERS}
        for tier, n in quantities.items():
            quantity[(offer.get_kind_display(), offer.unit)][tier] += n
        if offer.value is not None and offer.quantity:
            for tier, n in quantities.items():
                share = (offer.value * n / offer.quantity).quantize(Decimal("0.01"))
                value[offer.currency][tier] += share
    return {"value": dict(value), "quantity": dict(sorted(quantity.items()))}
