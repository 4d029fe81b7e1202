"""Generated money for the demo (`cadre demo`): exchange rates, trust funds, the nations'
contributions and the funds' disbursements, and equipment donations, every row marked
`generated` and its text saying so. None of it is a real figure: the published totals are
the claims of the built-in dataset, and nothing here is drawn from them.

Every row is written through its type's service, as the operator, in one transaction: the
rows are validated as any other, and each is an entry in the audit trail; the 288 exchange
rates go through the service's batch write, as an import's rows do, and are one entry.

One currency (`UNRATED`) gets amounts but no rates, so that the pages show how an amount
that cannot be converted is kept out of the euro totals.
"""

import datetime
import random
from decimal import Decimal

from django.db import transaction
from django.utils.translation import gettext as _

from cadre.accounts.models import Nation, NationStatus
from cadre.audit.models import ChangeAction
from cadre.audit.services import record_change
from cadre.core.services import OPERATOR, Entry, service_for
from cadre.missions.models import Mission

from .models import Contribution, Disbursement, Donation, ExchangeRate, Sector, TrustFund

# Currencies and a made-up euro value of one unit, drifting a little each month.
CURRENCIES = {"USD": Decimal("0.78"), "GBP": Decimal("1.30"), "NOK": Decimal("0.12")}
UNRATED = "PLN"
RATE_SOURCE = "generated for the demo: not a real rate"
FIRST_YEAR, LAST_YEAR = 2005, 2011
EQUIPMENT = (
    "Armoured vehicles (generated)",
    "Small arms and ammunition (generated)",
    "Radios and field communications (generated)",
    "Uniforms and protective gear (generated)",
    "Medical supplies (generated)",
    "Training simulators (generated)",
)
PAID_FOR = (
    ("Courses at the NATO School for Iraqi officers (generated)", Sector.ADVANCED_TRAINING),
    ("Travel of Iraqi trainees to Allied schools (generated)", Sector.SECURITY_SYSTEM),
    ("Instruction material in Arabic (generated)", Sector.SECURITY_SYSTEM),
    ("Weapons storage and record keeping (generated)", Sector.SMALL_ARMS),
)


def _currency(rng, nation):
    pick = rng.random()
    if nation.code == "USA" or pick < 0.15:
        return "USD"
    if nation.code == "GBR":
        return "GBP"
    if nation.code == "NOR":
        return "NOK"
    return UNRATED if pick > 0.95 else "EUR"


def _day(rng, year):
    return datetime.date(year, 1, 1) + datetime.timedelta(days=rng.randrange(365))


def _amount(rng, low, high):
    return Decimal(rng.randrange(low, high)) * 1000


def _save(row):
    return service_for(type(row)).save(row, user=OPERATOR)


def _save_batch(model, rows):
    """Rows of one type through its service's batch write, as an import writes them (each
    validated), and one entry in the audit trail naming them all."""
    failures = service_for(model).save_many([Entry(row) for row in rows], user=OPERATOR)
    if failures:
        raise next(iter(failures.values()))
    record_change(
        model=model,
        action=ChangeAction.CREATE,
        after={"keys": [row.key for row in rows]},
        message=_("%(count)s %(objects)s generated for the demo.")
        % {"count": len(rows), "objects": model._meta.verbose_name_plural},
    )


def generate_money(seed: int = 14) -> dict:
    """Make the demo's money rows once; {type: count} of what was made (empty when the
    demo's money is already there or no Ally is recorded)."""
    with transaction.atomic():
        return _generate(seed)


def _generate(seed):
    if TrustFund.objects.filter(generated=True).exists():
        return {}
    allies = list(Nation.objects.filter(status=NationStatus.ALLY).order_by("code"))
    if not allies:
        return {}
    rng = random.Random(seed)
    mission = (
        Mission.objects.filter(key="ntm-i").first() or Mission.objects.order_by("start").first()
    )
    rates = []
    for currency, base in CURRENCIES.items():
        value = base
        for year in range(FIRST_YEAR - 1, LAST_YEAR + 1):
            for month in range(1, 13):
                value = (value * Decimal(1 + rng.uniform(-0.02, 0.02))).quantize(
                    Decimal("0.00000001")
                )
                rates.append(
                    ExchangeRate(
                        key=f"fx-{currency.lower()}-{year}-{month:02d}-gen",
                        currency=currency,
                        valid_on=datetime.date(year, month, 1),
                        eur_per_unit=value,
                        source=RATE_SOURCE,
                        generated=True,
                    )
                )
    _save_batch(ExchangeRate, rates)
    lead = next((n for n in allies if n.code == "ITA"), allies[0])
    funds = [
        _save(
            TrustFund(
                key="tf-training-gen",
                name="Training and education trust fund (generated)",
                purpose="Made up for the demo: pays for Iraqi officers' courses at NATO schools.",
                lead_nation=lead,
                mission=mission,
                sector=Sector.ADVANCED_TRAINING,
                generated=True,
            )
        ),
        _save(
            TrustFund(
                key="tf-equipment-gen",
                name="Equipment transport trust fund (generated)",
                purpose="Made up for the demo: pays to ship donated equipment to Iraq.",
                lead_nation=allies[-1],
                mission=mission,
                sector=Sector.SECURITY_SYSTEM,
                generated=True,
            )
        ),
    ]
    contributions, disbursements, donations = [], [], []
    for fund in funds:
        for n, nation in enumerate(rng.sample(allies, min(len(allies), 18))):
            for year in rng.sample(range(FIRST_YEAR, LAST_YEAR + 1), 2):
                contributions.append(
                    Contribution(
                        key=f"c-{fund.key}-{nation.code.lower()}-{year}-{n}",
                        trust_fund=fund,
                        nation=nation,
                        amount=_amount(rng, 20, 400),
                        currency=_currency(rng, nation),
                        contributed_on=_day(rng, year),
                        generated=True,
                    )
                )
        for year in range(FIRST_YEAR, LAST_YEAR + 1):
            for i in range(3):
                purpose, sector = rng.choice(PAID_FOR)
                disbursements.append(
                    Disbursement(
                        key=f"d-{fund.key}-{year}-{i}",
                        trust_fund=fund,
                        amount=_amount(rng, 50, 600),
                        currency="EUR",
                        disbursed_on=_day(rng, year),
                        purpose=purpose,
                        sector=sector,
                        generated=True,
                    )
                )
    for i in range(60):
        nation = rng.choice(allies)
        donations.append(
            Donation(
                key=f"don-{i:03d}-gen",
                nation=nation,
                description=rng.choice(EQUIPMENT),
                donated_on=_day(rng, rng.randrange(FIRST_YEAR, LAST_YEAR + 1)),
                value=_amount(rng, 100, 3000),
                currency=_currency(rng, nation),
                mission=mission,
                sector=Sector.SMALL_ARMS if i % 6 == 1 else Sector.SECURITY_SYSTEM,
                generated=True,
            )
        )
    for row in (*contributions, *disbursements, *donations):
        _save(row)
    return {
        "exchange rates": len(rates),
        "trust funds": len(funds),
        "contributions": len(contributions),
        "disbursements": len(disbursements),
        "donations": len(donations),
    }
