"""The write paths of requirements, offers and matches.

- `RequirementService`: a requirement moves draft -> submitted (the host-nation liaison)
  -> validated -> published (the coordination cell), or is withdrawn or rejected with a
  reason, only through its actions (`transition`); a generic edit keeps the stored status.
  Once submitted, only the coordination cell edits or deletes it: the liaison who wrote
  it takes only the actions its status offers them (withdraw).
  Confirmed matches then move it published <-> partly met (`MatchService`); "met" is for
  the deliveries to set.
- `OfferService`: an offer's tiers move only through `commit`, `ship` and `receive`, each
  for part of the quantity or all of it, and never past the tier before it: received <=
  in transit <= committed <= pledged (the offer's quantity). The database refuses the
  same with check constraints.
- `MatchService`: confirming, changing, cancelling or deleting a match moves the
  requirement's and the offer's `matched_quantity` in the same transaction, under row
  locks taken in one fixed order (the match's own row, then the requirements, then the
  offers, each in id order), so that two confirmations never over-commit nor deadlock.
  The database's check constraints refuse an over-matched row whatever path writes it.
  A pair (requirement, offer) has one standing match: confirming it again is refused
  with a conflict naming the standing match, whose quantity may be changed instead.

A record created without a key gets `<type>-<8 hex digits>` (`KeyedService`).
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cadre.core import permissions
from cadre.core.roles import Role, role_of
from cadre.core.services import OPERATOR, RecordConflict
from cadre.training.services import KeyedService

from .models import Match, Offer, Requirement
from .services_deliveries import update_audited

R = Requirement.Status
CELL = frozenset({Role.ADMIN, Role.MISSION_STAFF, Role.COORDINATION_CELL})
LIAISON_OR_CELL = CELL | {Role.HOST_LIAISON}
# The statuses a requirement is open to matching in, and read by the nations in.
OPEN = (R.PUBLISHED, R.PARTLY_MET, R.MET)
SUBMITTED_FOR_THE_CELL = gettext_lazy(
    "This requirement is %(status)s: since it was submitted, only the coordination cell "
    "changes or deletes it. Ask the cell for the change, or withdraw the requirement."
)


class Transition:
    def __init__(self, label, sources, target, roles, needs_reason=False):
        self.label = label
        self.sources = frozenset(sources)
        self.target = target
        self.roles = roles
        self.needs_reason = needs_reason


TRANSITIONS = {
    "submit": Transition(gettext_lazy("Submit"), [R.DRAFT], R.SUBMITTED, LIAISON_OR_CELL),
    "validate": Transition(gettext_lazy("Validate"), [R.SUBMITTED], R.VALIDATED, CELL),
    "publish": Transition(gettext_lazy("Publish"), [R.VALIDATED], R.PUBLISHED, CELL),
    "withdraw": Transition(
        gettext_lazy("Withdraw"),
        [R.DRAFT, R.SUBMITTED, R.VALIDATED, R.PUBLISHED, R.PARTLY_MET],
        R.WITHDRAWN,
        LIAISON_OR_CELL,
        needs_reason=True,
    ),
    "reject": Transition(
        gettext_lazy("Reject"), [R.SUBMITTED, R.VALIDATED], R.REJECTED, CELL, needs_reason=True
    ),
}


def transitions_for(user, requirement) -> list[tuple[str, Transition]]:
    """The actions this user may take on this requirement now."""
    role = role_of(user)
    return [
        (name, t)
        for name, t in TRANSITIONS.items()
        if role in t.roles and requirement.status in t.sources
    ]


# True while `transition` saves: the action's own rule has said who may take it.
_in_transition = ContextVar("in_transition", default=False)


@contextmanager
def _transition_saving():
    token = _in_transition.set(True)
    try:
        yield
    finally:
        _in_transition.reset(token)


class RequirementService(KeyedService):
    """Status only through `transition`; the matched and delivered figures only through
    the services that keep them; after submission, edits by the coordination cell only."""

    KEPT = ("status", "status_reason", "published_on", "met_on", "matched_quantity")

    def within_scope(self, user, action, obj):
        super().within_scope(user, action, obj)
        if action == "add" or user is OPERATOR or _in_transition.get():
            return
        # `obj` is the stored row, or the edited one whose status `lock` kept as stored.
        if obj.status != R.DRAFT and role_of(user) not in CELL:
            raise PermissionDenied(SUBMITTED_FOR_THE_CELL % {"status": obj.get_status_display()})

    def lock(self, obj):
        if obj.pk is None:
            return
        stored = Requirement.objects.filter(pk=obj.pk).values(*self.KEPT, "delivered_quantity")
        stored = stored.first()
        if _in_transition.get():
            obj.matched_quantity = stored["matched_quantity"]
            obj.delivered_quantity = stored["delivered_quantity"]
            return
        for name in self.KEPT:
            setattr(obj, name, stored[name])

    def check(self, obj, many, action):
        if action == "add" and not _in_transition.get() and obj.status != R.DRAFT:
            raise ValidationError(
                {"status": _("A requirement starts as a draft; submit it with its action.")}
            )

    def transition(self, requirement, name, *, user, reason="", today=None):
        """Take the action `name` (submit, validate, publish, withdraw, reject)."""
        rule = TRANSITIONS.get(name)
        if rule is None:
            raise ValidationError(_("No such action."))
        if user is not OPERATOR and (
            role_of(user) not in rule.roles
            or not permissions.may_write_object(user, "change", requirement)
        ):
            raise PermissionDenied(_("Your role may not take this action."))
        reason = (reason or "").strip()
        if rule.needs_reason and not reason:
            raise ValidationError({"reason": _("Give the reason.")})
        with transaction.atomic():
            stored = Requirement.objects.select_for_update().get(pk=requirement.pk)
            if stored.status not in rule.sources:
                raise ValidationError(
                    _("A requirement that is %(status)s cannot be %(action)s.")
                    % {"status": stored.get_status_display(), "action": str(rule.label).lower()}
                )
            if rule.target in (R.WITHDRAWN, R.REJECTED):
                standing = stored.matches.filter(status=Match.Status.CONFIRMED).count()
                if standing:
                    raise RecordConflict(
                        _(
                            "%(count)s confirmed matches stand against this requirement: "
                            "cancel them first."
                        )
                        % {"count": standing}
                    )
            stored.status = rule.target
            stored.status_reason = reason if rule.needs_reason else ""
            if rule.target == R.PUBLISHED:
                stored.published_on = today or timezone.localdate()
            with _transition_saving():
                return self.save(stored, user=user)


class OfferService(KeyedService):
    """Tiers only through `commit`, `ship`, `receive`; the matched figure only by matches."""

    TIERS = ("committed_quantity", "in_transit_quantity", "donor_received_quantity")
    # action -> (the tier it moves, the tier it may not pass)
    STEPS = {
        "commit": ("committed_quantity", "quantity"),
        "ship": ("in_transit_quantity", "committed_quantity"),
        "receive": ("donor_received_quantity", "in_transit_quantity"),
    }

    def lock(self, obj):
        if obj.pk is None:
            for name in self.TIERS:
                setattr(obj, name, 0)
            obj.matched_quantity = 0
            return
        stored = Offer.objects.filter(pk=obj.pk).values(*self.TIERS, "matched_quantity").first()
        obj.matched_quantity = stored["matched_quantity"]
        if not getattr(obj, "_step", False):
            for name in self.TIERS:
                setattr(obj, name, stored[name])

    def check(self, obj, many, action):
        floor = max(obj.matched_quantity, obj.committed_quantity)
        if obj.quantity < floor:
            raise ValidationError(
                {
                    "quantity": _(
                        "At least %(floor)s are already committed or matched: the quantity "
                        "cannot be less."
                    )
                    % {"floor": floor}
                }
            )

    def step(self, offer, name, quantity, *, user):
        """Move `quantity` more of the offer to the next tier (commit, ship, receive)."""
        field, limit = self.STEPS[name]
        if user is not OPERATOR and not permissions.may_write_object(user, "change", offer):
            raise PermissionDenied(_("You may not change this offer."))
        if quantity is None or quantity <= 0:
            raise ValidationError({"quantity": _("Give a quantity above zero.")})
        with transaction.atomic():
            stored = Offer.objects.select_for_update().get(pk=offer.pk)
            available = getattr(stored, limit) - getattr(stored, field)
            if quantity > available:
                raise RecordConflict(
                    _("Only %(available)s more can be %(tier)s.")
                    % {"available": available, "tier": TIER_LABELS[name]}
                )
            setattr(stored, field, getattr(stored, field) + quantity)
            stored._step = True
            return self.save(stored, user=user)


TIER_LABELS = {
    "commit": gettext_lazy("committed"),
    "ship": gettext_lazy("shipped"),
    "receive": gettext_lazy("received"),
}


def lock_rows(requirement_ids, offer_ids):
    """Lock requirements, then offers, each in id order: the one order every writer of
    matched quantities takes them in, so two never wait on each other in a circle."""
    list(
        Requirement.objects.select_for_update()
        .filter(pk__in=sorted(requirement_ids))
        .order_by("pk")
        .values_list("pk")
    )
    list(Offer.objects.select_for_update().filter(pk__in=sorted(offer_ids)).order_by("pk"))


class MatchService(KeyedService):
    """Confirmed matches are what `matched_quantity` counts, on both sides."""

    def _stored(self, obj):
        if obj.pk is None:
            return None
        return (
            Match.objects.filter(pk=obj.pk)
            .values("requirement_id", "offer_id", "quantity", "status")
            .first()
        )

    def lock(self, obj):
        stored = self._stored(obj)
        requirements, offers = {obj.requirement_id}, {obj.offer_id}
        if stored:
            requirements.add(stored["requirement_id"])
            offers.add(stored["offer_id"])
        lock_rows(requirements, offers)

    def validate(self, obj, *, exclude=None, in_batch=False):
        # Before the model's own rules, whose unique constraint would say less.
        self.refuse_second_match(obj)
        super().validate(obj, exclude=exclude, in_batch=in_batch)

    def refuse_second_match(self, obj):
        """The natural key: one standing match per requirement and offer."""
        if obj.status == Match.Status.CANCELLED:
            return
        standing = (
            Match.objects.filter(requirement_id=obj.requirement_id, offer_id=obj.offer_id)
            .exclude(status=Match.Status.CANCELLED)
            .exclude(pk=obj.pk)
            .values_list("key", flat=True)
            .first()
        )
        if standing:
            raise RecordConflict(
                _("This offer is already matched to this requirement (%(key)s): change that match.")
                % {"key": standing}
            )

    def normalise(self, obj):
        super().normalise(obj)
        if obj.status == Match.Status.CONFIRMED and obj.confirmed_at is None:
            obj.confirmed_at = timezone.now()

    def check(self, obj, many, action):
        stored = self._stored(obj)
        confirmed = Match.Status.CONFIRMED
        requirement = Requirement.objects.get(pk=obj.requirement_id)
        offer = Offer.objects.get(pk=obj.offer_id)
        if obj.status == confirmed:
            if requirement.status not in OPEN:
                raise ValidationError(
                    {"requirement": _("Only a published requirement can be matched.")}
                )
            if offer.kind != requirement.kind:
                raise ValidationError({"offer": _("The offer is not of the requirement's kind.")})
        self.refuse_second_match(obj)
        moves = {}  # (model, pk) -> change of matched_quantity
        if stored and stored["status"] == confirmed:
            for model, pk in ((Requirement, stored["requirement_id"]), (Offer, stored["offer_id"])):
                moves[model, pk] = moves.get((model, pk), 0) - stored["quantity"]
        if obj.status == confirmed:
            for model, pk in ((Requirement, obj.requirement_id), (Offer, obj.offer_id)):
                moves[model, pk] = moves.get((model, pk), 0) + obj.quantity
        for (model, pk), change in moves.items():
            if change <= 0:
                continue
            row = requirement if (model, pk) == (Requirement, requirement.pk) else None
            row = row or (offer if (model, pk) == (Offer, offer.pk) else model.objects.get(pk=pk))
            free = row.quantity - row.matched_quantity
            if change > free:
                raise RecordConflict(
                    _("Only %(free)s %(unit)s of %(object)s are still unmatched.")
                    % {"free": free, "unit": row.unit, "object": row}
                )
        obj._moves = moves

    def save(self, obj, *, user, many=None, exclude=None):
        with transaction.atomic():
            saved = super().save(obj, user=user, many=many, exclude=exclude)
            apply_moves(getattr(obj, "_moves", {}))
        return saved

    def delete(self, obj, *, user):
        with transaction.atomic():
            self.claim(obj)
            self.lock(obj)
            stored = self._stored(obj)
            label = super().delete(obj, user=user)
            if stored["status"] == Match.Status.CONFIRMED:
                apply_moves(
                    {
                        (Requirement, stored["requirement_id"]): -stored["quantity"],
                        (Offer, stored["offer_id"]): -stored["quantity"],
                    }
                )
        return label

    def confirm(self, requirement, offer, quantity, *, user):
        """The coordination cell confirms `quantity` of `offer` against `requirement`."""
        match = Match(
            requirement=requirement, offer=offer, quantity=quantity, status=Match.Status.CONFIRMED
        )
        return self.save(match, user=user)

    def cancel(self, match, *, user):
        match.status = Match.Status.CANCELLED
        return self.save(match, user=user)


def apply_moves(moves):
    """Add each change to its row's matched quantity, in the database (an F() update: the
    row's check constraint refuses an over-match), and set the requirement's status; each
    row's change goes to the audit trail. The rows are locked (`lock_rows`)."""
    for (model, pk), change in sorted(moves.items(), key=lambda m: (m[0][0] is Offer, m[0][1])):
        values = {"matched_quantity": F("matched_quantity") + change} if change else {}
        if model is Requirement:
            stored = Requirement.objects.values("status", "matched_quantity").get(pk=pk)
            matched = stored["matched_quantity"] + change
            if stored["status"] == R.PUBLISHED and matched > 0:
                values["status"] = R.PARTLY_MET
            elif stored["status"] == R.PARTLY_MET and matched == 0:
                values["status"] = R.PUBLISHED
        if values:
            update_audited(model, pk, **values)
