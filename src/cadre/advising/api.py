"""Advising's API actions beyond the generic writes (`api_actions` in objects.py):
approving an assessment and writing a gender review."""

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import exceptions, serializers
from rest_framework.decorators import action
from rest_framework.response import Response

from cadre.core import registry
from cadre.core.api import ERROR_DESCRIPTIONS, ErrorSerializer, signed_in_and
from cadre.core.api_views import serializer_for
from cadre.core.services import service_for

from . import services
from .models import Assessment, GenderReview

MayApprove = signed_in_and(services.may_approve, services.NOT_AN_APPROVER)
MayReviewGender = signed_in_and(services.may_review_gender, services.NOT_A_GENDER_REVIEWER)


class GenderReviewRequestSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=GenderReview.choices)
    comments = serializers.CharField(required=False, allow_blank=True, default="")

    class Meta:
        ref_name = "GenderReview"


def _errors(call):
    try:
        return call()
    except DjangoValidationError as exc:
        raise exceptions.ValidationError(exc.messages) from exc
    except DjangoPermissionDenied as exc:
        raise exceptions.PermissionDenied(str(exc) or None) from exc


def _responses(slug):
    return {
        200: serializer_for(registry.get(slug)),
        400: OpenApiResponse(ErrorSerializer, description=ERROR_DESCRIPTIONS[400]),
        401: OpenApiResponse(ErrorSerializer, description=ERROR_DESCRIPTIONS[401]),
        403: OpenApiResponse(ErrorSerializer, description=ERROR_DESCRIPTIONS[403]),
        404: OpenApiResponse(ErrorSerializer, description=ERROR_DESCRIPTIONS[404]),
    }


class ActionLookup:
    """The record an action names is looked up among those the caller reads; the service
    then checks that the caller may take the action."""

    own_actions = ("approve", "gender_review")

    @property
    def permission_action(self):
        if getattr(self, "action", None) in self.own_actions:
            return "view"
        return super().permission_action


def _gender_review(slug):
    """POST /api/<slug>/<key>/gender-review/: the gender adviser's review."""

    @extend_schema(
        summary=gettext_lazy("Write the gender adviser's review"),
        description=gettext_lazy(
            "Sets the gender review's status and comments, with the reviewer and the day. "
            "Only the gender adviser and administrators (403)."
        ),
        request=GenderReviewRequestSerializer,
        responses=_responses(slug),
    )
    @action(
        detail=True,
        methods=["post"],
        url_path="gender-review",
        url_name="gender_review",
        permission_classes=[MayReviewGender],
    )
    def gender_review(self, request, *args, **kwargs):
        record = self.get_object()
        sent = GenderReviewRequestSerializer(data=request.data)
        sent.is_valid(raise_exception=True)
        reviewed = _errors(
            lambda: services.review_gender(
                record,
                user=request.user,
                status=sent.validated_data["status"],
                comments=sent.validated_data["comments"],
            )
        )
        return Response(self.get_serializer(reviewed).data)

    return gender_review


class GenderReviewActions(ActionLookup):
    gender_review = _gender_review("capability-objectives")


class AssessmentActions(ActionLookup):
    """POST /api/assessments/<key>/approve/: the mission staff's approval."""

    gender_review = _gender_review("assessments")

    @extend_schema(
        summary=gettext_lazy("Approve the assessment"),
        description=gettext_lazy(
            "Approves a submitted assessment: from then on it counts in the trend, the "
            "roll-up and the report. Who approved is kept on it and in the audit trail. "
            "Only the mission staff and administrators (403); an approved one answers 400."
        ),
        request=None,
        responses=_responses("assessments"),
    )
    @action(detail=True, methods=["post"], permission_classes=[MayApprove])
    def approve(self, request, *args, **kwargs):
        assessment = self.get_object()
        approved = _errors(lambda: service_for(Assessment).approve(assessment, user=request.user))
        return Response(self.get_serializer(approved).data)
