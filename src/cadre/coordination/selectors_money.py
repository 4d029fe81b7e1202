"""Reads of the money ledger: amounts converted to euros at stored rates, totals by nation
and year, and the published totals (claims), all within what the reader may read.

An amount is converted at the latest stored rate of its currency on or before the
amount's own date; the rate's date goes with the converted figure. An amount whose
currency has no such rate is not convertible: it is counted and listed apart, and never
enters a euro total.
"""

import bisect
import datetime
from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Decimal

from cadre.core import permissions
from cadre.sources.models import Claim

from .models import Contribution, Disbursement, Donation, ExchangeRate, TrustFund

EUR = "EUR"
CENT = Decimal("0.01")
# Claims that state the published totals of the mission's money (claims.yaml).
MONEY_SUBJECTS = ("ntm-i-equipment-donated", "ntm-i-trust-fund", "ntm-i-trust-fund-donors")


@dataclass(frozen=True)
class Converted:
    """One amount in its own currency and, where a rate allows, in euros."""

    amount: Decimal
    currency: str
    on: datetime.date
    eur: Decimal | None  # None: no rate on or before `on`
    rate: Decimal | None = None
    rate_on: datetime.date | None = None
    rate_source: str = ""

    @property
    def convertible(self) -> bool:
        return self.eur is not None


class Rates:
    """The stored exchange rates of some currencies, to convert many amounts with one query."""

    def __init__(self, currencies=None):
        rows = ExchangeRate.objects.order_by("currency", "valid_on")
        if currencies is not None:
            rows = rows.filter(currency__in=set(currencies) - {EUR})
        self._days: dict[str, list] = {}
        self._rates: dict[str, list] = {}
        for currency, day, rate, source in rows.values_list(
            "currency", "valid_on", "eur_per_unit", "source"
        ):
            self._days.setdefault(currency, []).append(day)
            self._rates.setdefault(currency, []).append((rate, source))

    def convert(self, amount: Decimal, currency: str, on: datetime.date) -> Converted:
        if currency == EUR:
            return Converted(amount, currency, on, amount)
        days = self._days.get(currency, [])
        at = bisect.bisect_right(days, on)
        if not at:
            return Converted(amount, currency, on, None)
        rate, source = self._rates[currency][at - 1]
        eur = (amount * rate).quantize(CENT, rounding=ROUND_HALF_EVEN)
        return Converted(amount, currency, on, eur, rate, days[at - 1], source)


def convert(amount, currency, on) -> Converted:
    """One amount in euros at the stored rate (one query: for many, use `Rates`)."""
    return Rates([currency]).convert(Decimal(amount), currency, on)


@dataclass
class Ledger:
    """The rows of one money type the reader may read, each with its euro figure."""

    rows: list  # (record, Converted)
    total_eur: Decimal
    not_convertible: list  # (record, Converted) with no rate

    @property
    def count(self) -> int:
        return len(self.rows)


# (model, amount field, currency field, date field, nation path or None)
KINDS = {
    "donations": (Donation, "value", "donated_on", "nation"),
    "contributions": (Contribution, "amount", "contributed_on", "nation"),
    "disbursements": (Disbursement, "amount", "disbursed_on", None),
}


def readable(user, model):
    """The records of `model` the user may read: none where the role may not read the type."""
    if not permissions.may(user, "view", model):
        return model.objects.none()
    return permissions.restrict(model.objects.all(), user)


def ledger(queryset, amount_field, date_field, rates: Rates | None = None) -> Ledger:
    rows = list(queryset)
    rates = rates or Rates({row.currency for row in rows})
    converted = [
        (row, rates.convert(getattr(row, amount_field), row.currency, getattr(row, date_field)))
        for row in rows
    ]
    total = sum((c.eur for _r, c in converted if c.convertible), Decimal("0.00"))
    return Ledger(converted, total, [(r, c) for r, c in converted if not c.convertible])


def ledgers(user, start=None, end=None) -> dict[str, Ledger]:
    """The reader's donations, contributions and disbursements, between two dates
    (inclusive) when given, each converted to euros."""
    rates = Rates()
    out = {}
    for kind, (model, amount_field, date_field, nation) in KINDS.items():
        qs = readable(user, model) if user is not None else model.objects.all()
        if start:
            qs = qs.filter(**{f"{date_field}__gte": start})
        if end:
            qs = qs.filter(**{f"{date_field}__lte": end})
        related = [name for name in (nation, "trust_fund") if name and _has(model, name)]
        qs = qs.select_related(*related).order_by(date_field, "key")
        out[kind] = ledger(qs, amount_field, date_field, rates)
    return out


def _has(model, name) -> bool:
    return any(f.name == name for f in model._meta.fields)


def by_nation_and_year(book: Ledger, date_field: str) -> dict:
    """{year: {nation: euros}} of the convertible rows of a ledger with a nation."""
    out: dict[int, dict] = {}
    for row, money in book.rows:
        if not money.convertible:
            continue
        year = getattr(row, date_field).year
        nations = out.setdefault(year, {})
        nations[row.nation] = nations.get(row.nation, Decimal("0.00")) + money.eur
    return out


def trust_funds(user):
    return readable(user, TrustFund).select_related("lead_nation", "mission")


def published_totals():
    """The claims that state the mission's money totals, with their sources, by subject."""
    claims = Claim.objects.filter(subject__in=MONEY_SUBJECTS).select_related("source")
    out: dict[str, list] = {}
    for claim in claims.order_by("subject", "source__key", "key"):
        out.setdefault(claim.subject, []).append(claim)
    return out


def disagreements(by_subject: dict) -> dict:
    """The subjects whose claims differ in value or in how the value is worded."""
    return {
        subject: claims
        for subject, claims in by_subject.items()
        if len({(c.value, c.value_text.strip().lower()) for c in claims}) > 1
    }
