"""Declarations of coordination's money types, and the money overview page."""

from django.utils.translation import gettext_lazy as _

from cadre.core.registry import register, register_page
from cadre.core.roles import Role

from . import models as m
from . import services_money as s

COORDINATION_WRITERS = frozenset({Role.ADMIN, Role.MISSION_STAFF, Role.COORDINATION_CELL})
# A nation contributor adds and reads its own nation's donations and contributions only.
OWN_NATION = {
    "nation_field": "nation",
    "nation_writers": frozenset({Role.NATION_CONTRIBUTOR}),
    "nation_readers": frozenset({Role.NATION_CONTRIBUTOR}),
}

register(
    m.TrustFund,
    slug="trust-funds",
    columns=["key", "name", "lead_nation", "mission", "sector"],
    filters={"lead_nation": ["exact"], "mission": ["exact"], "sector": ["exact"]},
    search=["name"],
    ordering=["name"],
    write_roles=COORDINATION_WRITERS,
    select_related=["lead_nation", "mission"],
)

register(
    m.Donation,
    slug="donations",
    columns=[
        "key",
        "nation",
        "description",
        "donated_on",
        "value",
        "currency",
        "mission",
        "sector",
        "generated",
    ],
    filters={
        "nation": ["exact"],
        "currency": ["exact"],
        "mission": ["exact"],
        "sector": ["exact"],
        "donated_on": ["exact", "gte", "lte"],
    },
    search=["description"],
    ordering=["donated_on", "key"],
    write_roles=COORDINATION_WRITERS,
    **OWN_NATION,
    select_related=["nation", "mission"],
    importable=True,
    # Our sources give totals (claims), not single donations: the dataset invents none.
    in_dataset=False,
)

register(
    m.Contribution,
    slug="contributions",
    columns=["key", "trust_fund", "nation", "amount", "currency", "contributed_on", "generated"],
    filters={
        "trust_fund": ["exact"],
        "nation": ["exact"],
        "currency": ["exact"],
        "contributed_on": ["exact", "gte", "lte"],
    },
    ordering=["contributed_on", "key"],
    write_roles=COORDINATION_WRITERS,
    **OWN_NATION,
    service=s.ContributionService,
    select_related=["trust_fund", "nation"],
    importable=True,
    in_dataset=False,
)

register(
    m.Disbursement,
    slug="disbursements",
    columns=[
        "key",
        "trust_fund",
        "purpose",
        "amount",
        "currency",
        "disbursed_on",
        "sector",
        "generated",
    ],
    filters={
        "trust_fund": ["exact"],
        "sector": ["exact"],
        "currency": ["exact"],
        "disbursed_on": ["exact", "gte", "lte"],
    },
    search=["purpose"],
    ordering=["disbursed_on", "key"],
    write_roles=COORDINATION_WRITERS,
    service=s.DisbursementService,
    select_related=["trust_fund"],
    importable=True,
    in_dataset=False,
)

register(
    m.ExchangeRate,
    slug="exchange-rates",
    columns=["key", "currency", "valid_on", "eur_per_unit", "source", "generated"],
    filters={"currency": ["exact"], "valid_on": ["exact", "gte", "lte"]},
    ordering=["currency", "valid_on", "key"],
    write_roles=COORDINATION_WRITERS,
    service=s.ExchangeRateService,
    importable=True,
    in_dataset=False,
)

register_page(
    "coordination:money",
    _("Money"),
    m.Donation,
    shortcut_for={Role.COORDINATION_CELL, Role.NATION_CONTRIBUTOR},
    section="coordination",
    position=75,
)
