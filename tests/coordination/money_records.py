"""Money records for the money tests, made through the services as every path makes them."""

import datetime
from decimal import Decimal

from cadre.accounts.models import Nation
from cadre.coordination.models import Contribution, Disbursement, Donation, ExchangeRate, TrustFund
from cadre.core import services
from cadre.missions.models import Mission, Organisation


def save(obj):
    return services.save(obj, user=services.OPERATOR)


def nation(code, name):
    return Nation.objects.get_or_create(code=code, defaults={"name": name, "status": "ally"})[0]


def mission():
    iraq = Nation.objects.get_or_create(code="IRQ", defaults={"name": "Iraq", "status": "host"})[0]
    alliance = Organisation.objects.get_or_create(
        key="alliance", defaults={"name": "The Alliance", "kind": "alliance"}
    )[0]
    return Mission.objects.get_or_create(
        key="tm",
        defaults={
            "name": "Training Mission",
            "short_name": "TM",
            "parent_organisation": alliance,
            "host_nation": iraq,
            "start": datetime.date(2004, 7, 30),
            "end": datetime.date(2011, 12, 31),
            "status": Mission.Status.ENDED,
        },
    )[0]


def rate(currency, day, eur_per_unit):
    return save(
        ExchangeRate(
            currency=currency, valid_on=day, eur_per_unit=Decimal(eur_per_unit), source="test"
        )
    )


def fund(key="tf", the_mission=None, **values):
    return save(TrustFund(key=key, name=f"Fund {key}", mission=the_mission, **values))


def contribution(the_fund, the_nation, amount, currency, day):
    return save(
        Contribution(
            trust_fund=the_fund,
            nation=the_nation,
            amount=Decimal(amount),
            currency=currency,
            contributed_on=day,
        )
    )


def disbursement(the_fund, amount, currency, day, purpose="Courses", sector="11430"):
    return save(
        Disbursement(
            trust_fund=the_fund,
            amount=Decimal(amount),
            currency=currency,
            disbursed_on=day,
            purpose=purpose,
            sector=sector,
        )
    )


def donation(key, the_nation, value, currency, day, the_mission=None, description="Trucks"):
    return save(
        Donation(
            key=key,
            nation=the_nation,
            value=Decimal(value),
            currency=currency,
            donated_on=day,
            mission=the_mission,
            description=description,
        )
    )
