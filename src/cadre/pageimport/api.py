"""The timeline import's API actions beyond the generic writes (`api_actions` in objects.py):

POST /api/import-candidates/<key>/accept/   record it as a timeline event citing the page
POST /api/import-candidates/<key>/merge/    {"event": key}: add the page as a source of it
POST /api/import-candidates/<key>/reject/

A batch is made by the generic create, POST /api/page-imports/ with the page's HTML or
text in `text`: the page is read as it is saved.
"""

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
from cadre.core.permissions import restrict
from cadre.missions.models import TimelineEvent

from . import services

# Only the roles that review candidates into the timeline (`services.may_review`).
MayReview = signed_in_and(services.may_review, services.NOT_A_REVIEWER)


class MergeRequestSerializer(serializers.Serializer):
    event = serializers.SlugField(
        help_text=gettext_lazy("The key of the timeline event the page is one more source of.")
    )

    class Meta:
        ref_name = "CandidateMerge"


def _responses(done):
    return {
        200: serializer_for(registry.get("import-candidates")),
        400: OpenApiResponse(ErrorSerializer, description=done),
        401: OpenApiResponse(ErrorSerializer, description=ERROR_DESCRIPTIONS[401]),
        403: OpenApiResponse(ErrorSerializer, description=ERROR_DESCRIPTIONS[403]),
        404: OpenApiResponse(ErrorSerializer, description=ERROR_DESCRIPTIONS[404]),
    }


ALREADY = gettext_lazy("The candidate was reviewed already, or has no full date yet.")


class CandidateActions:
    @property
    def permission_action(self):
        if getattr(self, "action", None) in ("accept", "merge", "reject"):
            # Looked up among the candidates the caller reads; the service checks the writes.
            return "view"
        return super().permission_action

    def _act(self, request, do):
        candidate = self.get_object()
        try:
            do(candidate)
        except DjangoValidationError as exc:
            raise exceptions.ValidationError(exc.messages) from exc
        except DjangoPermissionDenied as exc:
            raise exceptions.PermissionDenied(str(exc) or None) from exc
        candidate.refresh_from_db()
        return Response(self.get_serializer(candidate).data)

    @extend_schema(
        summary=gettext_lazy("Accept the candidate into the timeline"),
        description=gettext_lazy(
            "Records the candidate as a timeline event with its date, precision, kind, "
            "summary, actors and missions, citing the imported page."
        ),
        request=None,
        responses=_responses(ALREADY),
    )
    @action(detail=True, methods=["post"], permission_classes=[MayReview])
    def accept(self, request, *args, **kwargs):
        return self._act(request, lambda c: services.accept(c, user=request.user))

    @extend_schema(
        summary=gettext_lazy("Add the page as one more source of an existing event"),
        description=gettext_lazy(
            "Instead of a second event with the same date and a similar summary, the imported "
            "page becomes one more source of the event named."
        ),
        request=MergeRequestSerializer,
        responses=_responses(ALREADY),
    )
    @action(detail=True, methods=["post"], permission_classes=[MayReview])
    def merge(self, request, *args, **kwargs):
        sent = MergeRequestSerializer(data=request.data)
        sent.is_valid(raise_exception=True)
        events = restrict(TimelineEvent.objects.all(), request.user)
        event = events.filter(key=sent.validated_data["event"]).first()
        if event is None:
            raise exceptions.ValidationError({"event": [gettext_lazy("No such event.")]})
        return self._act(request, lambda c: services.merge(c, event, user=request.user))

    @extend_schema(
        summary=gettext_lazy("Reject the candidate"),
        request=None,
        responses=_responses(ALREADY),
    )
    @action(detail=True, methods=["post"], permission_classes=[MayReview])
    def reject(self, request, *args, **kwargs):
        return self._act(request, lambda c: services.reject(c, user=request.user))
