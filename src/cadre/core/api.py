"""The API's policies: who may call it, how it pages, how it answers errors.

Settings name the classes here (REST_FRAMEWORK). DRF imports this module while
`rest_framework.views` is still loading, so it must not import views, viewsets or
drf-spectacular's AutoSchema; the endpoints themselves are built in `api_views`.
"""

from collections import Counter

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import IntegrityError
from django.db.models import ProtectedError, RestrictedError
from django.utils.translation import gettext_lazy as _
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import exceptions, serializers, status
from rest_framework.pagination import CursorPagination
from rest_framework.permissions import BasePermission
from rest_framework.settings import api_settings

from . import paging, permissions

# The permission action each HTTP method needs.
METHOD_ACTIONS = {
    "GET": "view",
    "HEAD": "view",
    "OPTIONS": "view",
    "POST": "add",
    "PUT": "change",
    "PATCH": "change",
    "DELETE": "delete",
}

NOT_SIGNED_IN = _(
    "Sign in, or send your API token in the header 'Authorization: Token <key>'. "
    "You can create a token on your profile's API tokens page."
)


class Conflict(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = _("This change conflicts with other records.")
    default_code = "conflict"


class PreconditionFailed(exceptions.APIException):
    """If-Match named a version of the record other than the stored one: it changed since."""

    status_code = status.HTTP_412_PRECONDITION_FAILED
    default_detail = _("The record has changed since the version If-Match names.")
    default_code = "precondition_failed"

    def __init__(self, stale, etag):
        super().__init__(stale.message)
        self.stale = stale
        self.etag = etag


class CadrePagination(CursorPagination):
    """Keyset pages in the order records were created: deep pages cost what page 1 costs,
    and no request counts the whole table."""

    ordering = "id"
    page_size = paging.PAGE_SIZE
    page_size_query_param = "page_size"
    max_page_size = 500

    def decode_cursor(self, request):
        cursor = super().decode_cursor(request)
        # The position is compared with the primary key: anything but ASCII digits was forged.
        position = cursor.position if cursor is not None else None
        if position is not None and not (position.isascii() and position.isdigit()):
            raise exceptions.NotFound(self.invalid_cursor_message)
        return cursor


class RolePermission(BasePermission):
    """The caller's role must allow the method's action on the endpoint's object type."""

    def has_permission(self, request, view):
        user = request.user
        if user is None or not user.is_authenticated:
            raise exceptions.NotAuthenticated(NOT_SIGNED_IN)
        action = METHOD_ACTIONS.get(request.method)
        if action is None:
            return True  # the view answers 405 Method Not Allowed
        model = view.get_queryset().model
        if permissions.may(user, action, model):
            return True
        self.message = _("Your role (%(role)s) may not %(action)s %(objects)s.") % {
            "role": user.get_role_display() if user.role else _("none"),
            "action": action,
            "objects": model._meta.verbose_name_plural,
        }
        return False


class ErrorSerializer(serializers.Serializer):
    """The body of every error response."""

    detail = serializers.CharField(help_text=_("What went wrong and what to do about it."))
    errors = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()),
        help_text=_(
            "Messages by field name ('non_field_errors' for the object as a whole); "
            "empty unless the request carried invalid values."
        ),
    )

    class Meta:
        ref_name = "Error"


class StaleErrorSerializer(ErrorSerializer):
    """The body of a 412 Precondition Failed: who changed the record last, and when."""

    changed_by = serializers.CharField(
        help_text=_("The user name of who changed the record last; empty when not known.")
    )
    changed_at = serializers.DateTimeField(
        allow_null=True, help_text=_("When the record was changed last; null when not known.")
    )
    version = serializers.IntegerField(help_text=_("The version of the record as it is stored."))
    etag = serializers.CharField(
        help_text=_("The record's ETag as it is stored: read it again before sending If-Match.")
    )

    class Meta:
        ref_name = "StaleError"


def _messages(value) -> list[str]:
    """Every message in a DRF error detail, however nested, as plain strings."""
    if isinstance(value, dict):
        return [message for item in value.values() for message in _messages(item)]
    if isinstance(value, list):
        return [message for item in value for message in _messages(item)]
    return [str(value)]


def _protected_detail(exc) -> str:
    blocking = exc.protected_objects if isinstance(exc, ProtectedError) else exc.restricted_objects
    counts = Counter(type(obj) for obj in blocking)
    referring = sorted(
        f"{count} {model._meta.verbose_name if count == 1 else model._meta.verbose_name_plural}"
        for model, count in counts.items()
    )
    return _(
        "This record cannot be deleted because other records refer to it (%(referring)s). "
        "Change or delete those first."
    ) % {"referring": ", ".join(referring)}


def exception_handler(exc, context):
    """Answer every error as {"detail": ..., "errors": {field: [messages]}}."""
    from rest_framework.views import exception_handler as drf_exception_handler  # see above

    if isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(serializers.as_serializer_error(exc))
    elif isinstance(exc, ProtectedError | RestrictedError):
        exc = Conflict(_protected_detail(exc))
    elif isinstance(exc, IntegrityError):
        exc = Conflict(
            _(
                "The database refused this change because it conflicts with existing records, "
                "e.g. a key that is already taken. Reload the record and check the values."
            )
        )
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, exceptions.ValidationError):
        detail = exc.detail
        if not isinstance(detail, dict):
            detail = {api_settings.NON_FIELD_ERRORS_KEY: detail}
        errors = {str(field): _messages(messages) for field, messages in detail.items()}
        fields = [field for field in errors if field != api_settings.NON_FIELD_ERRORS_KEY]
        if fields:
            summary = _("Correct the values of: %(fields)s.") % {"fields": ", ".join(fields)}
        else:
            summary = " ".join(_messages(detail))
        response.data = {"detail": summary, "errors": errors}
    else:
        response.data = {"detail": " ".join(_messages(response.data)), "errors": {}}
    if isinstance(exc, PreconditionFailed):
        changed_at = exc.stale.changed_at
        response.data.update(
            changed_by=exc.stale.changed_by,
            changed_at=changed_at.isoformat() if changed_at else None,
            version=exc.stale.version,
            etag=exc.etag,
        )
        response["ETag"] = exc.etag
    return response


# Which errors each operation can answer with, as the schema tells clients.
ERROR_RESPONSES = {
    "list": (400, 401, 403, 404),
    "retrieve": (401, 403, 404),
    "create": (400, 401, 403, 409),
    "update": (400, 401, 403, 404, 409, 412),
    "partial_update": (400, 401, 403, 404, 409, 412),
    "destroy": (401, 403, 404, 409, 412),
}
ERROR_DESCRIPTIONS = {
    400: _("The request has invalid values; `errors` names each field."),
    401: _("Not signed in and no valid API token."),
    403: _("The caller's role or nation does not allow this."),
    404: _("No such record, or an invalid page cursor."),
    409: _("The change conflicts with other records, e.g. records that refer to this one."),
    412: _(
        "If-Match names a version other than the stored one: the record changed since it was "
        "read. Nothing was changed; read it again (its ETag is in the answer) and retry."
    ),
}
ERROR_SERIALIZERS = {412: StaleErrorSerializer}


class ApiTokenScheme(OpenApiAuthenticationExtension):
    target_class = "cadre.accounts.authentication.ApiTokenAuthentication"
    name = "apiToken"

    def get_security_definition(self, auto_schema):
        return {
            "type": "apiKey",
            "in": "header",
            "name": "Authorization",
            "description": str(_("A personal API token, sent as 'Token <key>'.")),
        }


def signed_in_and(allowed, message=None):
    """A DRF permission for an action only some roles take: 401 to the signed out, 403 with
    `message` to a signed-in user for whom `allowed(user)` is false."""

    class Allowed(BasePermission):
        def has_permission(self, request, view):
            user = request.user
            if user is None or not user.is_authenticated:
                raise exceptions.NotAuthenticated(NOT_SIGNED_IN)
            if allowed(user):
                return True
            if message is not None:
                self.message = message
            return False

    return Allowed
