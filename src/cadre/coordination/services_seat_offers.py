"""A training-seat offer becomes a session or a seat allotment in `training`.

Both go through training's own services (so its seat limits, status rules and the roles
that may write sessions and allotments hold), and the offer then names what it became
(`Offer.session`, `Offer.seat_allotment`); the session's page shows the offer back.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from cadre.core import permissions
from cadre.core.services import OPERATOR, RecordConflict, service_for
from cadre.training.models import SeatAllotment, Session

from .models import Offer, SupportKind
from .services_deliveries import update_audited


def _check_seat_offer(offer, user):
    if user is not OPERATOR and not permissions.may_write_object(user, "change", offer):
        raise PermissionDenied(_("Your role may not change this offer."))
    if offer.kind != SupportKind.TRAINING_SEATS:
        raise ValidationError(_("Only a training-seat offer becomes a session or an allotment."))
    if offer.session_id or offer.seat_allotment_id:
        raise RecordConflict(_("This offer already became a session or an allotment."))


def sessions_open_to_allotment(user):
    """The sessions an offer's seats may be set aside in: planned or open, among those
    `user` reads (the page's choices and the API's alike)."""
    open_sessions = Session.objects.filter(status__in=[Session.Status.PLANNED, Session.Status.OPEN])
    return permissions.restrict(open_sessions.select_related("course"), user)


def _locked(offer):
    return Offer.objects.select_for_update().get(pk=offer.pk)


def offer_make_session(offer, *, user, course, start, end=None):
    """A planned session of `course`, its capacity the seats offered, given by the offering
    nation in the offer's language; the offer names it."""
    with transaction.atomic():
        offer = _locked(offer)
        _check_seat_offer(offer, user)
        session = service_for(Session).save(
            Session(
                course=course,
                start=start,
                end=end,
                capacity=offer.quantity,
                providing_nation_id=offer.nation_id,
                language=offer.language[:40],
                status=Session.Status.PLANNED,
            ),
            user=user,
        )
        update_audited(Offer, offer.pk, session=session)
    return session


def offer_make_allotment(offer, *, user, session, nation):
    """The seats offered, set aside in `session` for `nation` (the nation whose trainees
    take them); the offer names the allotment."""
    with transaction.atomic():
        offer = _locked(offer)
        _check_seat_offer(offer, user)
        allotment = service_for(SeatAllotment).save(
            SeatAllotment(session=session, nation=nation, seats=offer.quantity), user=user
        )
        update_audited(Offer, offer.pk, seat_allotment=allotment)
    return allotment
