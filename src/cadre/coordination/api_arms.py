"""The API action of donated items beyond the generic writes: recording a custody change,
POST /api/items/<key>/custody/ (`api_actions` in objects_arms.py)."""

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import exceptions, serializers, status
from rest_framework.decorators import action
from rest_framework.response import Response

from cadre.core import registry
from cadre.core.api import ERROR_DESCRIPTIONS, ErrorSerializer, signed_in_and
from cadre.core.api_views import serializer_for
from cadre.core.services import service_for
from cadre.missions.models import Organisation

from .models import CustodyChange, ItemStatus
from .services_arms import may_record_custody

NOT_A_CUSTODIAN = gettext_lazy(
    "Only the coordination cell, mission staff and administrators record custody changes."
)
MayRecordCustody = signed_in_and(may_record_custody, NOT_A_CUSTODIAN)


class CustodyRequestSerializer(serializers.Serializer):
    changed_on = serializers.DateField(help_text=gettext_lazy("The day of the hand-over."))
    from_holder = serializers.SlugRelatedField(
        slug_field="key",
        queryset=Organisation.objects.all(),
        required=False,
        allow_null=True,
        help_text=gettext_lazy("The unit's key; empty for the item's first hand-over."),
    )
    to_holder = serializers.SlugRelatedField(
        slug_field="key",
        queryset=Organisation.objects.all(),
        required=False,
        allow_null=True,
        help_text=gettext_lazy("The unit's key; empty when the item is lost or destroyed."),
    )
    status = serializers.ChoiceField(choices=ItemStatus.choices, default=ItemStatus.ISSUED)
    signed_by = serializers.CharField(max_length=200)
    note = serializers.CharField(max_length=300, required=False, allow_blank=True, default="")

    class Meta:
        ref_name = "Custody"


class CustodyActions:
    """POST /api/items/<key>/custody/: record a custody change of the item."""

    @property
    def permission_action(self):
        if getattr(self, "action", None) == "custody":
            return "view"  # the item is found among those the caller reads
        return super().permission_action

    @extend_schema(
        summary=gettext_lazy("Record a custody change"),
        description=gettext_lazy(
            "Records that the item went from one unit to another on a day, signed for by a "
            "named person, and moves its holder and status with it. Refused with 400 naming "
            "the field when the item was destroyed, when the day is before its last change, "
            "when it went to another unit that day, or when 'from_holder' is not where it is."
        ),
        request=CustodyRequestSerializer,
        responses={
            201: serializer_for(registry.get("custody")),
            400: OpenApiResponse(ErrorSerializer, description=ERROR_DESCRIPTIONS[400]),
            401: OpenApiResponse(ErrorSerializer, description=ERROR_DESCRIPTIONS[401]),
            403: OpenApiResponse(ErrorSerializer, description=ERROR_DESCRIPTIONS[403]),
            404: OpenApiResponse(ErrorSerializer, description=ERROR_DESCRIPTIONS[404]),
        },
    )
    @action(detail=True, methods=["post"], permission_classes=[MayRecordCustody])
    def custody(self, request, *args, **kwargs):
        item = self.get_object()
        sent = CustodyRequestSerializer(data=request.data)
        sent.is_valid(raise_exception=True)
        try:
            change = service_for(CustodyChange).record(
                item, user=request.user, **sent.validated_data
            )
        except DjangoValidationError as exc:
            raise exceptions.ValidationError(
                exc.message_dict if hasattr(exc, "error_dict") else exc.messages
            ) from exc
        except DjangoPermissionDenied as exc:
            raise exceptions.PermissionDenied(str(exc) or None) from exc
        body = serializer_for(registry.get("custody"))(change, context={"request": request})
        return Response(body.data, status=status.HTTP_201_CREATED)
