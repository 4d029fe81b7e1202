"""Reads for the reconciliation page (/coordination/reconciliation/): one page at a time of
the offers and of the requirements the reader may read, each row with the donor's and the
recipient's figures (`selectors_deliveries`), by key.

"Only the differences" is asked of the database, so that a page holds a page of rows that
differ however many agree: an offer differs when what its donor says was received is not
what the recipient confirmed; a requirement, when one of its deliveries is not confirmed.
"""

from django.db.models import Exists, F, IntegerField, OuterRef, Subquery, Sum, Value
from django.db.models.functions import Coalesce

from cadre.core import paging, permissions

from . import selectors_deliveries
from .models import Delivery, Offer, Requirement


def _confirmed_of_offer():
    confirmed = (
        Delivery.objects.filter(match__offer_id=OuterRef("pk"), confirmed_by_recipient=True)
        .order_by()
        .values("match__offer_id")
        .annotate(total=Sum("quantity"))
        .values("total")
    )
    return Coalesce(Subquery(confirmed, output_field=IntegerField()), Value(0))


def offers_page(user, *, only_differences=False, cursor=None):
    """(page, rows): a page of the offers `user` reads and their figures, in key order."""
    offers = permissions.restrict(Offer.objects.all(), user)
    if only_differences:
        offers = offers.alias(confirmed=_confirmed_of_offer()).exclude(
            confirmed=F("donor_received_quantity")
        )
    page = paging.keyset_page(
        offers, sort_field="key", descending=False, cursor=cursor, size=paging.PAGE_SIZE
    )
    rows = selectors_deliveries.offer_figures(user, Offer.objects.filter(pk__in=_ids(page)))
    return page, rows


def requirements_page(user, *, only_differences=False, cursor=None):
    """(page, rows): a page of the requirements `user` reads and their figures, by key."""
    requirements = permissions.restrict(Requirement.objects.all(), user)
    if only_differences:
        unconfirmed = Delivery.objects.filter(
            match__requirement_id=OuterRef("pk"), confirmed_by_recipient=False
        )
        requirements = requirements.filter(Exists(unconfirmed))
    page = paging.keyset_page(
        requirements, sort_field="key", descending=False, cursor=cursor, size=paging.PAGE_SIZE
    )
    rows = selectors_deliveries.requirement_figures(
        user, Requirement.objects.filter(pk__in=_ids(page))
    )
    return page, rows


def _ids(page):
    return [row.pk for row in page.rows]
