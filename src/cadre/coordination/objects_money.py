"""Declarations of coordination's money types."""

from cadre.core.registry import register
from cadre.core.roles import Role

from . import models as m

COORDINATION_WRITERS = frozenset({Role.ADMIN, Role.MISSION_STAFF, Role.COORDINATION_CELL})

register(
    m.Donation,
    slug="donations",
    columns=["key", "nation", "description", "donated_on", "value", "currency"],
    filters={"nation": ["exact"], "currency": ["exact"]},
    search=["description"],
    ordering=["donated_on", "key"],
    write_roles=COORDINATION_WRITERS,
    nation_field="nation",
    nation_writers=frozenset({Role.NATION_CONTRIBUTOR}),
    nation_readers=frozenset({Role.NATION_CONTRIBUTOR}),
    select_related=["nation"],
    # Our sources give totals (claims), not single donations: the dataset invents none.
    in_dataset=False,
)

register(
    m.TrustFund,
    slug="trust-funds",
    columns=["key", "name", "lead_nation"],
    filters={"lead_nation": ["exact"]},
    search=["name"],
    ordering=["name"],
    write_roles=COORDINATION_WRITERS,
    select_related=["lead_nation"],
)
