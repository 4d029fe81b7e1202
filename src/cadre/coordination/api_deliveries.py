"""Deliveries' API actions beyond the generic writes (`api_actions` in objects_requirements.py):
POST /api/deliveries/<key>/confirm/ (the recipient confirms receipt) and
POST /api/deliveries/<key>/receipt/ (a receipt file, sent as multipart form data), and
GET on the same address (the receipt file, to those who may read the delivery)."""

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext_lazy
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import exceptions, serializers
from rest_framework.decorators import action
from rest_framework.parsers import MultiPartParser
from rest_framework.response import Response

from cadre.core import registry
from cadre.core.api import ERROR_DESCRIPTIONS, Conflict, ErrorSerializer, signed_in_and
from cadre.core.api_views import serializer_for
from cadre.core.services import RecordConflict, service_for

from .models import Delivery
from .models.receipts import receipt_response
from .services_deliveries import may_confirm


class ConfirmationSerializer(serializers.Serializer):
    on = serializers.DateField(
        required=False,
        allow_null=True,
        help_text=gettext_lazy("The day the recipient received it; today when not sent."),
    )

    class Meta:
        ref_name = "DeliveryConfirmation"


class ReceiptUploadSerializer(serializers.Serializer):
    receipt = serializers.FileField(
        help_text=gettext_lazy("The receipt: a PDF, PNG or JPEG file of at most 10 MB.")
    )

    class Meta:
        ref_name = "DeliveryReceipt"


MayConfirm = signed_in_and(
    may_confirm,
    gettext_lazy("Only the host-nation liaison or the coordination cell confirms a receipt."),
)
# Any signed-in reader of the delivery reaches the action; the service decides.
SignedIn = signed_in_and(lambda user: True)


def _responses():
    return {
        200: serializer_for(registry.get("deliveries")),
        **{
            code: OpenApiResponse(ErrorSerializer, description=ERROR_DESCRIPTIONS[code])
            for code in (400, 401, 403, 404, 409)
        },
    }


class DeliveryActions:
    """The recipient's confirmation and the receipt of one delivery."""

    @property
    def permission_action(self):
        if getattr(self, "action", None) in ("confirm", "receipt"):
            # Looked up among the deliveries the caller reads; the service then checks that
            # the caller may confirm it or add its receipt.
            return "view"
        return super().permission_action

    def _done(self, do):
        try:
            delivery = do()
        except DjangoValidationError as exc:
            raise serializers.ValidationError(serializers.as_serializer_error(exc)) from exc
        except RecordConflict as exc:
            raise Conflict(exc.message) from exc
        except DjangoPermissionDenied as exc:
            raise exceptions.PermissionDenied(str(exc) or None) from exc
        return Response(self.get_serializer(delivery).data)

    @extend_schema(
        summary=gettext_lazy("Confirm that the delivery was received"),
        description=gettext_lazy(
            "The recipient's confirmation: the host-nation liaison or the coordination cell "
            "confirms the delivery was received, on the day sent or today. The confirmed "
            "quantity is the recipient's figure, set against the donor's own. Answers 409 "
            "when it was confirmed already."
        ),
        request=ConfirmationSerializer,
        responses=_responses(),
    )
    @action(detail=True, methods=["post"], permission_classes=[MayConfirm])
    def confirm(self, request, *args, **kwargs):
        delivery = self.get_object()
        sent = ConfirmationSerializer(data=request.data)
        sent.is_valid(raise_exception=True)
        on = sent.validated_data.get("on")
        return self._done(lambda: service_for(Delivery).confirm(delivery, user=request.user, on=on))

    @extend_schema(
        methods=["GET"],
        summary=gettext_lazy("Download the delivery's receipt"),
        description=gettext_lazy(
            "The receipt file as it was uploaded (PDF, PNG or JPEG), to whoever may read the "
            "delivery; with an API token as with a signed-in session. Answers 404 when the "
            "delivery has no receipt or the caller may not read the delivery."
        ),
        request=None,
        responses={
            (200, "application/octet-stream"): OpenApiResponse(
                OpenApiTypes.BINARY, description=gettext_lazy("The receipt file.")
            ),
            **{
                code: OpenApiResponse(ErrorSerializer, description=ERROR_DESCRIPTIONS[code])
                for code in (401, 403, 404)
            },
        },
    )
    @extend_schema(
        methods=["POST"],
        summary=gettext_lazy("Add the delivery's receipt"),
        description=gettext_lazy(
            "Uploads the receipt (multipart form data, field `receipt`): a PDF, PNG or JPEG "
            "of at most 10 MB. Whoever may change the delivery, and the recipient, add it. "
            "It is read back with GET on this address, or at the address in the delivery's "
            "`receipt`, by those who may read the delivery."
        ),
        request={"multipart/form-data": ReceiptUploadSerializer},
        responses=_responses(),
    )
    @action(
        detail=True,
        methods=["get", "post"],
        parser_classes=[MultiPartParser],
        permission_classes=[SignedIn],
    )
    def receipt(self, request, *args, **kwargs):
        delivery = self.get_object()
        if request.method == "GET":
            if not delivery.receipt:
                raise exceptions.NotFound(gettext_lazy("This delivery has no receipt."))
            return receipt_response(delivery.receipt)
        sent = ReceiptUploadSerializer(data=request.data)
        sent.is_valid(raise_exception=True)
        upload = sent.validated_data["receipt"]
        return self._done(
            lambda: service_for(Delivery).attach_receipt(delivery, user=request.user, upload=upload)
        )
