"""Declarations of coordination's requirements, offers, matches and deliveries."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from cadre.core.registry import register, register_detail_panel, register_page
from cadre.core.roles import Role

from . import models as m
from . import services_requirements as s
from . import views_requirements as v
from .objects_money import COORDINATION_WRITERS
from .services_deliveries import DeliveryService

NATION_CONTRIBUTORS = frozenset({Role.NATION_CONTRIBUTOR})
BY_OFFERING_NATION = {"nation_writers": NATION_CONTRIBUTORS, "nation_readers": NATION_CONTRIBUTORS}
# A nation reads a requirement once the coordination cell has published it, never before
# (nor once withdrawn or rejected), and its matches only on such requirements.
PUBLISHED_TO_NATIONS = {
    "published_readers": NATION_CONTRIBUTORS,
    "published_when": Q(status__in=s.OPEN),
}

register(
    m.Requirement,
    slug="requirements",
    # Coordination's day-to-day records, not facts of the built-in dataset.
    in_dataset=False,
    columns=[
        "key",
        "institution",
        "kind",
        "category",
        "quantity",
        "unit",
        "priority",
        "needed_by",
        "status",
        "matched_quantity",
    ],
    filters={
        "status": ["exact"],
        "kind": ["exact"],
        "institution": ["exact"],
        "mission": ["exact"],
    },
    search=["description", "category"],
    ordering=["priority", "needed_by", "key"],
    write_roles=COORDINATION_WRITERS | {Role.HOST_LIAISON},
    **PUBLISHED_TO_NATIONS,
    service=s.RequirementService,
    api_actions="cadre.coordination.api_requirements.RequirementActions",
    select_related=["institution", "mission"],
)

register(
    m.Offer,
    slug="offers",
    # Coordination's day-to-day records, not facts of the built-in dataset.
    in_dataset=False,
    columns=[
        "key",
        "nation",
        "offeror",
        "kind",
        "category",
        "quantity",
        "unit",
        "value",
        "currency",
        "valid_until",
        "committed_quantity",
        "matched_quantity",
    ],
    filters={"nation": ["exact"], "kind": ["exact"], "offeror": ["exact"]},
    m2m_filters=["partner_nations"],
    search=["description", "category"],
    ordering=["valid_until", "key"],
    write_roles=COORDINATION_WRITERS,
    nation_field="nation",
    **BY_OFFERING_NATION,
    service=s.OfferService,
    api_actions="cadre.coordination.api_requirements.OfferActions",
    select_related=["nation", "trust_fund"],
)

register(
    m.Match,
    slug="matches",
    # Coordination's day-to-day records, not facts of the built-in dataset.
    in_dataset=False,
    columns=["key", "requirement", "offer", "quantity", "status", "confirmed_at"],
    filters={"status": ["exact"], "requirement": ["exact"], "offer": ["exact"]},
    ordering=["key"],
    write_roles=COORDINATION_WRITERS,
    nation_field="offer__nation",
    nation_readers=NATION_CONTRIBUTORS,
    published_readers=NATION_CONTRIBUTORS,
    published_when=Q(requirement__status__in=s.OPEN),
    service=s.MatchService,
    api_actions="cadre.coordination.api_requirements.MatchActions",
    select_related=["requirement", "offer"],
)

register(
    m.Delivery,
    slug="deliveries",
    # Coordination's day-to-day records, not facts of the built-in dataset.
    in_dataset=False,
    columns=[
        "key",
        "match",
        "quantity",
        "delivered_on",
        "place",
        "received_by",
        "confirmed_by_recipient",
    ],
    filters={"match": ["exact"], "place": ["exact"], "confirmed_by_recipient": ["exact"]},
    search=["what", "received_by"],
    ordering=["delivered_on", "key"],
    write_roles=COORDINATION_WRITERS,
    nation_field="match__offer__nation",
    **BY_OFFERING_NATION,
    select_related=["match__offer", "match__requirement", "place"],
    service=DeliveryService,
    api_actions="cadre.coordination.api_deliveries.DeliveryActions",
)

register_detail_panel(m.Requirement, "coordination/requirements/_actions.html", v.requirement_panel)
register_detail_panel(m.Offer, "coordination/requirements/_tiers.html", v.offer_panel)
register_page(
    "core:list",
    _("Requirements"),
    m.Requirement,
    args=("requirements",),
    shortcut_for={Role.COORDINATION_CELL, Role.HOST_LIAISON},
    section="coordination",
    position=70,
)
register_page(
    "core:list",
    _("Offers"),
    m.Offer,
    args=("offers",),
    shortcut_for={Role.COORDINATION_CELL, Role.NATION_CONTRIBUTOR},
    section="coordination",
    position=71,
)
