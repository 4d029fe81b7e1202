"""API actions of requirements, offers and matches, mixed into their viewsets
(`api_actions` in objects_requirements.py):

- POST /api/requirements/<key>/{submit,validate,publish,withdraw,reject}/  {"reason": ""}
- POST /api/offers/<key>/{commit,ship,receive}/  {"quantity": N}
- POST /api/offers/<key>/make-session/  {"course": code, "start": day, "end": day}
- POST /api/offers/<key>/make-allotment/  {"session": key, "nation": code}
- POST /api/matches/<key>/cancel/  {}

A requirement or offer is looked up among those the caller reads (404 otherwise); the
service then checks the caller may take the action (403), that the record's status
allows it (400) and that no other record stands in the way (409).
"""

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import exceptions, serializers
from rest_framework.decorators import action
from rest_framework.response import Response

from cadre.accounts.models import Nation
from cadre.core import permissions, registry
from cadre.core.api import ERROR_DESCRIPTIONS, Conflict, ErrorSerializer, signed_in_and
from cadre.core.api_views import serializer_for
from cadre.core.roles import role_of
from cadre.core.services import RecordConflict, service_for, validation_messages
from cadre.training.models import Course, Session

from .models import Match, Offer, Requirement
from .services_requirements import TRANSITIONS
from .services_seat_offers import (
    offer_make_allotment,
    offer_make_session,
    sessions_open_to_allotment,
)


class ReasonSerializer(serializers.Serializer):
    reason = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=300,
        help_text=gettext_lazy("Why: required to withdraw or reject."),
    )

    class Meta:
        ref_name = "RequirementAction"


class QuantitySerializer(serializers.Serializer):
    quantity = serializers.IntegerField(
        min_value=1, help_text=gettext_lazy("How many more units reach the tier.")
    )

    class Meta:
        ref_name = "OfferStep"


class MakeSessionSerializer(serializers.Serializer):
    course = serializers.SlugRelatedField(
        slug_field="code",
        queryset=Course.objects.none(),
        help_text=gettext_lazy("The course's code."),
        error_messages={"does_not_exist": gettext_lazy("No course has the code {value}.")},
    )
    start = serializers.DateField(help_text=gettext_lazy("The session's first day."))
    end = serializers.DateField(
        required=False, allow_null=True, help_text=gettext_lazy("The session's last day.")
    )

    class Meta:
        ref_name = "OfferMakeSession"

    def __init__(self, *args, user=None, **kwargs):
        # Without a user (the schema's reading of it) no course is offered.
        super().__init__(*args, **kwargs)
        if user is not None:
            self.fields["course"].queryset = permissions.restrict(Course.objects.all(), user)


class MakeAllotmentSerializer(serializers.Serializer):
    session = serializers.SlugRelatedField(
        slug_field="key",
        queryset=Session.objects.none(),
        help_text=gettext_lazy("The key of a planned or open session."),
        error_messages={
            "does_not_exist": gettext_lazy("No planned or open session has the key {value}.")
        },
    )
    nation = serializers.SlugRelatedField(
        slug_field="code",
        queryset=Nation.objects.all(),
        help_text=gettext_lazy("The code of the nation whose trainees take the seats."),
        error_messages={"does_not_exist": gettext_lazy("No nation has the code {value}.")},
    )

    class Meta:
        ref_name = "OfferMakeAllotment"

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        if user is not None:
            self.fields["session"].queryset = sessions_open_to_allotment(user)


class EmptySerializer(serializers.Serializer):
    class Meta:
        ref_name = "MatchCancel"


def _responses(slug, *, conflict=True):
    answers = {
        200: serializer_for(registry.get(slug)),
        400: OpenApiResponse(ErrorSerializer, description=ERROR_DESCRIPTIONS[400]),
        401: OpenApiResponse(ErrorSerializer, description=ERROR_DESCRIPTIONS[401]),
        403: OpenApiResponse(ErrorSerializer, description=ERROR_DESCRIPTIONS[403]),
        404: OpenApiResponse(ErrorSerializer, description=ERROR_DESCRIPTIONS[404]),
    }
    if conflict:
        answers[409] = OpenApiResponse(ErrorSerializer, description=ERROR_DESCRIPTIONS[409])
    return answers


def run(call):
    """Call the service, answering its refusals as the generic writes do."""
    try:
        return call()
    except DjangoValidationError as exc:
        raise exceptions.ValidationError(validation_messages(exc)) from exc
    except RecordConflict as exc:
        raise Conflict(exc.message) from exc
    except DjangoPermissionDenied as exc:
        raise exceptions.PermissionDenied(str(exc) or None) from exc


class LookedUpToRead:
    """An action's record is looked up among those the caller reads; the service checks
    the write."""

    ACTIONS: tuple = ()

    @property
    def permission_action(self):
        if getattr(self, "action", None) in self.ACTIONS:
            return "view"
        return super().permission_action


def _transition(name):
    def act(self, request, *args, **kwargs):
        requirement = self.get_object()
        sent = ReasonSerializer(data=request.data)
        sent.is_valid(raise_exception=True)
        done = run(
            lambda: service_for(Requirement).transition(
                requirement, name, user=request.user, reason=sent.validated_data.get("reason", "")
            )
        )
        return Response(self.get_serializer(done).data)

    # Named before it is made an action: DRF maps the method to the function's name.
    act.__name__ = name
    schema = extend_schema(
        summary=gettext_lazy("Change the requirement's status"),
        description=gettext_lazy(
            "submit: draft to submitted (host-nation liaison or coordination cell); validate: "
            "submitted to validated; publish: validated to published (coordination cell); "
            "withdraw or reject, with a reason. A status that does not allow the action "
            "answers 400; confirmed matches standing against a requirement to withdraw or "
            "reject answer 409."
        ),
        request=ReasonSerializer,
        responses=_responses("requirements"),
    )
    roles = TRANSITIONS[name].roles
    allowed = signed_in_and(lambda user: role_of(user) in roles)
    return schema(action(detail=True, methods=["post"], permission_classes=[allowed])(act))


class RequirementActions(LookedUpToRead):
    """POST /api/requirements/<key>/<submit|validate|publish|withdraw|reject>/"""

    ACTIONS = ("submit", "validate", "publish", "withdraw", "reject")
    submit = _transition("submit")
    validate = _transition("validate")
    publish = _transition("publish")
    withdraw = _transition("withdraw")
    reject = _transition("reject")


MayChangeOffers = signed_in_and(lambda user: permissions.may(user, "change", Offer))
MayChangeMatches = signed_in_and(lambda user: permissions.may(user, "change", Match))


def _step(name):
    def step(self, request, *args, **kwargs):
        offer = self.get_object()
        sent = QuantitySerializer(data=request.data)
        sent.is_valid(raise_exception=True)
        done = run(
            lambda: service_for(Offer).step(
                offer, name, sent.validated_data["quantity"], user=request.user
            )
        )
        return Response(self.get_serializer(done).data)

    step.__name__ = name
    schema = extend_schema(
        summary=gettext_lazy("Move part of the offer to the next tier"),
        description=gettext_lazy(
            "commit: part of the pledge becomes a firm commitment; ship: part of the "
            "commitment is in transit; receive: part of what is in transit was received. "
            "Never past the tier before (409), by a nation's officer only for its own "
            "nation's offers."
        ),
        request=QuantitySerializer,
        responses=_responses("offers"),
    )
    return schema(action(detail=True, methods=["post"], permission_classes=[MayChangeOffers])(step))


def _made_of_seats(name, serializer_class, make, *, summary, description):
    """POST /api/offers/<key>/make-session|make-allotment/: `make` (services_seat_offers)
    turns the training-seat offer into what the request names; answers with the offer."""

    def made(self, request, *args, **kwargs):
        offer = self.get_object()
        sent = serializer_class(data=request.data, user=request.user)
        sent.is_valid(raise_exception=True)
        run(lambda: make(offer, user=request.user, **sent.validated_data))
        return Response(self.get_serializer(Offer.objects.get(pk=offer.pk)).data)

    made.__name__ = name
    schema = extend_schema(
        summary=summary,
        description=description,
        request=serializer_class,
        responses=_responses("offers"),
    )
    path = name.replace("_", "-")
    return schema(
        action(
            detail=True,
            methods=["post"],
            url_path=path,
            url_name=name,
            permission_classes=[MayChangeOffers],
        )(made)
    )


class OfferActions(LookedUpToRead):
    """POST /api/offers/<key>/<commit|ship|receive>/ {"quantity": N}, and a training-seat
    offer made a session or a seat allotment (the offer page's two buttons)."""

    ACTIONS = ("commit", "ship", "receive", "make_session", "make_allotment")
    commit = _step("commit")
    ship = _step("ship")
    receive = _step("receive")

    make_session = _made_of_seats(
        "make_session",
        MakeSessionSerializer,
        offer_make_session,
        summary=gettext_lazy("Make the training-seat offer a session"),
        description=gettext_lazy(
            "A planned session of the course, its seats those offered, given by the offering "
            "nation in the offer's language, made through training's session service; the "
            "offer then names it (`session`). Only a training-seat offer (400), once (409), "
            "by a role that may change the offer and add sessions (403)."
        ),
    )
    make_allotment = _made_of_seats(
        "make_allotment",
        MakeAllotmentSerializer,
        offer_make_allotment,
        summary=gettext_lazy("Set the training-seat offer's seats aside in a session"),
        description=gettext_lazy(
            "A seat allotment of the seats offered, in a planned or open session, for the "
            "nation whose trainees take them, made through training's allotment service (its "
            "seat limits hold: 409 when the session has not the seats); the offer then names "
            "it (`seat_allotment`). Only a training-seat offer (400), once (409), by a role "
            "that may change the offer and add allotments (403)."
        ),
    )


class MatchActions(LookedUpToRead):
    """POST /api/matches/<key>/cancel/: the quantity goes back to both sides."""

    ACTIONS = ("cancel",)

    @extend_schema(
        summary=gettext_lazy("Cancel the match"),
        description=gettext_lazy(
            "The match's quantity is no longer matched, on the requirement and on the offer."
        ),
        request=EmptySerializer,
        responses=_responses("matches"),
    )
    @action(detail=True, methods=["post"], permission_classes=[MayChangeMatches])
    def cancel(self, request, *args, **kwargs):
        match = self.get_object()
        service = service_for(Match)

        def cancel():
            service.require(request.user, "change")
            service.within_scope(request.user, "change", match)
            return service.cancel(match, user=request.user)

        return Response(self.get_serializer(run(cancel)).data)
