"""The parts of coordination's pages about deliveries: panels on the delivery, offer and
requirement pages, and the overview in the main navigation."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from cadre.core import permissions
from cadre.core.registry import register_detail_panel, register_page
from cadre.training.models import SeatAllotment, Session

from . import models as m
from . import selectors_deliveries
from .services_deliveries import may_confirm
from .views_deliveries import MakeAllotmentForm, MakeSessionForm, may_see_overview


def delivery_panel(delivery, user) -> dict:
    """The receipt (download, upload) and the recipient's confirmation."""
    return {
        "delivery": delivery,
        "may_confirm": may_confirm(user) and not delivery.confirmed_by_recipient,
        "may_add_receipt": not (delivery.confirmed_by_recipient and delivery.receipt)
        and (permissions.may_write_object(user, "change", delivery) or may_confirm(user)),
    }


def offer_panel(offer, user) -> dict:
    """The donor's figures against the recipient's, offers of other donors it duplicates,
    and for a training-seat offer what it became in training, or the forms to make it."""
    rows = selectors_deliveries.offer_figures(user, m.Offer.objects.filter(pk=offer.pk))
    seats = offer.kind == m.SupportKind.TRAINING_SEATS
    open_to_link = seats and not (offer.session_id or offer.seat_allotment_id)
    may_change = permissions.may_write_object(user, "change", offer)
    return {
        "offer": offer,
        "figures": rows[0] if rows else None,
        "duplicates": selectors_deliveries.duplicates_of(offer, user),
        "seats": seats,
        "session_form": MakeSessionForm(user=user)
        if open_to_link and may_change and permissions.may(user, "add", Session)
        else None,
        "allotment_form": MakeAllotmentForm(user=user)
        if open_to_link and may_change and permissions.may(user, "add", SeatAllotment)
        else None,
    }


def session_offers(session, user) -> dict:
    """The offers the session, or an allotment in it, came from: those the reader may read."""
    offers = permissions.restrict(
        m.Offer.objects.filter(Q(session=session) | Q(seat_allotment__session=session)), user
    ).select_related("nation", "seat_allotment")
    return {"offers": list(offers.order_by("key"))}


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
register_detail_panel(Session, "coordination/deliveries/_session_offers.html", session_offers)
register_page(
    "coordination:overview",
    _("Coordination overview"),
    visible=may_see_overview,
    section="coordination",
    position=70,
)
