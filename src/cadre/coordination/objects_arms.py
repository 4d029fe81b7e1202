"""Declarations of coordination's arms types: donated items and their custody, read by a
contributing nation for its own donations only, written by the coordination cell and
mission staff; and the small-arms report and custody import pages."""

from django.utils.translation import gettext_lazy as _

from cadre.core.registry import register, register_detail_panel, register_page
from cadre.core.roles import Role

from . import models as m
from . import services_arms as s
from .objects_money import COORDINATION_WRITERS

BY_DONOR_NATION = {"nation_readers": frozenset({Role.NATION_CONTRIBUTOR})}

register(
    m.DonatedItem,
    slug="items",
    columns=[
        "key",
        "kind",
        "make",
        "model_name",
        "serial_number",
        "donation",
        "holder",
        "status",
        "last_custody_on",
    ],
    filters={
        "kind": ["exact"],
        "status": ["exact"],
        "holder": ["exact"],
        "donation": ["exact"],
        "make": ["exact"],
    },
    search=["serial_number", "make", "model_name"],
    ordering=["make", "last_custody_on", "key"],
    write_roles=COORDINATION_WRITERS,
    nation_field="donation__nation",
    **BY_DONOR_NATION,
    service=s.DonatedItemService,
    api_actions="cadre.coordination.api_arms.CustodyActions",
    importable=True,
    select_related=["donation", "holder"],
    in_dataset=False,
)

register(
    m.CustodyChange,
    slug="custody",
    columns=["key", "item", "changed_on", "from_holder", "to_holder", "status", "signed_by"],
    filters={"item": ["exact"], "to_holder": ["exact"], "status": ["exact"]},
    search=["signed_by"],
    ordering=["changed_on", "key"],
    write_roles=COORDINATION_WRITERS,
    nation_field="item__donation__nation",
    **BY_DONOR_NATION,
    service=s.CustodyService,
    generic_writes=False,
    select_related=["item", "from_holder", "to_holder"],
    in_dataset=False,
)


def item_custody(item, user):
    from . import selectors_arms

    return selectors_arms.custody_panel(item, user)


register_detail_panel(m.DonatedItem, "coordination/arms/_custody.html", item_custody)

register_page(
    "core:list",
    _("Donated items"),
    m.DonatedItem,
    args=("items",),
    section="coordination",
    position=82,
)
register_page(
    "coordination:small-arms",
    _("Small-arms report"),
    m.DonatedItem,
    shortcut_for={Role.COORDINATION_CELL},
    section="coordination",
    position=83,
)
register_page(
    "coordination:custody-import",
    _("Custody import"),
    m.CustodyChange,
    visible=lambda user: s.may_record_custody(user),
    section="coordination",
    position=84,
)
