"""The parts of coordination's pages about deliveries: panels on the delivery, offer and
requirement pages, and the overview in the main navigation."""

from django.utils.translation import gettext_lazy as _

from cadre.core import permissions
from cadre.core.registry import register_detail_panel, register_page

from . import models as m
from . import selectors_deliveries
from .services_deliveries import may_confirm
from .views_deliveries import may_see_overview


def delivery_panel(delivery, user) -> dict:
    """The receipt (download, upload) and the recipient's confirmation."""
    return {
        "delivery": delivery,
        "may_confirm": may_confirm(user) and not delivery.confirmed_by_recipient,
        "may_add_receipt": not (delivery.confirmed_by_recipient and delivery.receipt)
        and (permissions.may_write_object(user, "change", delivery) or may_confirm(user)),
    }


def offer_panel(offer, user) -> dict:
    """The donor's figures against the recipient's, and offers of other donors it duplicates."""
    rows = selectors_deliveries.offer_figures(user, m.Offer.objects.filter(pk=offer.pk))
    return {
        "figures": rows[0] if rows else None,
        "duplicates": selectors_deliveries.duplicates_of(offer, user),
    }


def requirement_panel(requirement, user) -> dict:
    rows = selectors_deliveries.requirement_figures(
        user, m.Requirement.objects.filter(pk=requirement.pk)
    )
    return {
        "figures": rows[0] if rows else None,
        "duplicated": selectors_deliveries.duplicated_offers(requirement, user),
    }


register_detail_panel(m.Delivery, "coordination/deliveries/_delivery.html", delivery_panel)
register_detail_panel(m.Offer, "coordination/deliveries/_offer.html", offer_panel)
register_detail_panel(m.Requirement, "coordination/deliveries/_requirement.html", requirement_panel)
register_page("coordination:overview", _("Coordination"), visible=may_see_overview, position=70)
