"""The API's serializers and viewsets, one of each per object type, built from the registry.

The viewset reads through `permissions.restrict()`, filters with the list page's
filterset, pages by keyset, and writes through the object type's service, so the
model's rules, the service's rules and the audit trail apply as on every page. (They live apart from
`api`, which DRF imports from its settings while its own views are still loading.)

A record's answer carries its ETag, which names its version. A change or a delete sent
with that ETag in If-Match is made only if the record is still that version, else it is
answered 412 Precondition Failed and nothing changes. One sent without If-Match is made
to the record as it stands when the change is made: the record is read under its row
lock, so of two changes sent at once the second waits for the first and keeps its values.
"""

from functools import cache

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction
from django.http import Http404
from django.utils.http import parse_etags
from django.utils.module_loading import import_string
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import exceptions, serializers, viewsets
from rest_framework.parsers import JSONParser
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response

from . import idempotency, permissions, registry, services
from .api import (
    ERROR_DESCRIPTIONS,
    ERROR_RESPONSES,
    ERROR_SERIALIZERS,
    METHOD_ACTIONS,
    Conflict,
    ErrorSerializer,
    PreconditionFailed,
)
from .filtersets import filterset_for

# The operations If-Match makes conditional, and those whose answer carries the ETag.
CONDITIONAL_ACTIONS = frozenset({"update", "partial_update", "destroy"})
TAGGED_ACTIONS = frozenset({"retrieve", "update", "partial_update"})


def etag_of(object_type, record) -> str:
    """The record's ETag: its type, id and version, so it changes with every change."""
    return f'"{object_type.slug}.{record.pk}.{record.version}"'


class CadreAutoSchema(AutoSchema):
    """Adds the error responses an operation can give to its documented responses, and the
    ETag and If-Match headers of the operations that read or change one record."""

    def get_override_parameters(self):
        parameters = super().get_override_parameters()
        action = getattr(self.view, "action", None)
        if action in CONDITIONAL_ACTIONS:
            parameters.append(
                OpenApiParameter(
                    "If-Match",
                    OpenApiTypes.STR,
                    OpenApiParameter.HEADER,
                    description=str(
                        _(
                            "The ETag of the record as the caller read it: the change is made "
                            "only if the record is still that version, else the answer is 412 "
                            "and nothing changes. '*' matches any version. Without it, the "
                            "change is made to the record as it stands."
                        )
                    ),
                )
            )
        if action in TAGGED_ACTIONS:
            parameters.append(
                OpenApiParameter(
                    "ETag",
                    OpenApiTypes.STR,
                    OpenApiParameter.HEADER,
                    response=[200],
                    description=str(
                        _("The record's version, to send back in If-Match with a change.")
                    ),
                )
            )
        return parameters

    def get_response_serializers(self):
        serializer = super().get_response_serializers()
        action = getattr(self.view, "action", None)
        if action not in ERROR_RESPONSES:
            return serializer
        if self.method == "DELETE":
            responses = {204: None}
        elif self._is_create_operation():
            responses = {201: serializer}
        else:
            responses = {200: serializer}
        for code in ERROR_RESPONSES[action]:
            responses[code] = OpenApiResponse(
                ERROR_SERIALIZERS.get(code, ErrorSerializer), description=ERROR_DESCRIPTIONS[code]
            )
        return responses


class RecordKeyField(serializers.SlugRelatedField):
    """A related record named by its key (or ISO code), among those the caller may view:
    a record the caller may not view "does not exist", as it does in their lists."""

    def get_queryset(self):
        request = self.context.get("request")
        return permissions.restrict(super().get_queryset(), getattr(request, "user", None))

    def to_internal_value(self, data):
        # PostgreSQL refuses to compare text holding NUL; no key holds one.
        if isinstance(data, str) and "\x00" in data:
            self.fail("does_not_exist", slug_name=self.slug_field, value=data)
        return super().to_internal_value(data)


class RecordSerializer(serializers.ModelSerializer):
    """Writes go through the object type's service, with the caller as the writer."""

    def create(self, validated_data):
        related = self._pop_many_to_many(validated_data)
        return self._save(self.Meta.model(**validated_data), related)

    def update(self, instance, validated_data):
        related = self._pop_many_to_many(validated_data)
        for name, value in validated_data.items():
            setattr(instance, name, value)
        return self._save(instance, related)

    def _pop_many_to_many(self, validated_data):
        names = {f.name for f in self.Meta.model._meta.many_to_many}
        return {name: validated_data.pop(name) for name in names & validated_data.keys()}

    def _save(self, instance, related):
        user = self.context["request"].user
        try:
            return services.save(instance, user=user, many=related)
        except DjangoValidationError as exc:
            raise serializers.ValidationError(serializers.as_serializer_error(exc)) from exc
        except services.RecordConflict as exc:
            raise Conflict(exc.message) from exc
        except DjangoPermissionDenied as exc:
            raise exceptions.PermissionDenied(str(exc) or None) from exc


def _key_field(model_field):
    target = registry.for_model(model_field.related_model)
    many = model_field.many_to_many
    return RecordKeyField(
        slug_field=target.key_field,
        queryset=model_field.related_model._default_manager.all(),
        many=many,
        required=not model_field.blank,
        allow_null=model_field.null and not many,
        label=capfirst(model_field.verbose_name),
        help_text=_("The %(field)s of the %(target)s.")
        % {"field": target.key_field, "target": target.verbose_name},
    )


@cache
def serializer_for(object_type: registry.ObjectType) -> type[RecordSerializer]:
    """All fields of the model; related records appear as their keys."""
    model = object_type.model
    fields = [f.name for f in model._meta.concrete_fields]
    fields += [f.name for f in model._meta.many_to_many]
    attrs = {
        f.name: _key_field(f)
        for f in [*model._meta.concrete_fields, *model._meta.many_to_many]
        if f.is_relation and registry.for_model(f.related_model) is not None
    }
    # A choice left blank until set by an action (editable=False) is still blank on read:
    # DRF builds such a read-only field without allow_blank, so the schema would deny "".
    attrs.update(
        {
            f.name: serializers.ChoiceField(
                choices=f.choices, read_only=True, allow_blank=True, label=f.verbose_name
            )
            for f in model._meta.concrete_fields
            if f.choices and f.blank and not f.editable and not f.is_relation and not f.null
        }
    )
    attrs["Meta"] = type("Meta", (), {"model": model, "fields": fields})
    attrs["__doc__"] = str(
        _("%(object)s. Related records are named by their key, nations by ISO code.")
        % {"object": object_type.verbose_name.capitalize()}
    )
    return type(f"{model.__name__}Serializer", (RecordSerializer,), attrs)


class RecordViewSet(viewsets.ModelViewSet):
    """List, read and write one object type, within what the caller's role allows."""

    object_type: registry.ObjectType
    schema = CadreAutoSchema()
    parser_classes = [JSONParser]
    renderer_classes = [JSONRenderer]
    # Keys are slugs and nation codes letters; nothing else can name a record.
    lookup_value_regex = r"[-a-zA-Z0-9_]+"

    @property
    def permission_action(self):
        return METHOD_ACTIONS.get(self.request.method, "view")

    def record_queryset(self):
        """Every record of the type, with what the serializer reads joined or prefetched; the
        many-to-many values hold only the related records the caller may view."""
        model = self.object_type.model
        foreign = [f.name for f in model._meta.concrete_fields if f.is_relation]
        many = [f.name for f in model._meta.many_to_many]
        visible = permissions.viewable(self.request.user)
        return self.object_type.base_queryset(visible, many).select_related(*foreign)

    def create(self, request, *args, **kwargs):
        """Create a record; with an `Idempotency-Key` header, a retry makes no second one
        and answers what the first call answered (`idempotency`)."""
        key = request.headers.get("Idempotency-Key")
        if not key:
            return super().create(request, *args, **kwargs)
        with transaction.atomic():
            try:
                claimed, earlier = idempotency.claim(
                    user=request.user, key=key, scope=request.path, content=request.body
                )
            except idempotency.KeyReused as exc:
                raise Conflict(exc.message) from exc
            if earlier is not None:
                return Response(earlier.body, status=earlier.status)
            response = super().create(request, *args, **kwargs)
            idempotency.keep(claimed, response.status_code, response.data)
            return response

    def get_queryset(self):
        queryset = permissions.restrict(
            self.record_queryset(), self.request.user, self.permission_action
        )
        if self.permission_action in ("change", "delete"):
            # Read under the row lock (update and destroy run in a transaction), so a change
            # sent while another is being saved waits for it, then applies to what it saved.
            queryset = queryset.select_for_update(of=("self",))
        return queryset

    def get_object(self):
        record = self._get_object()
        if self.permission_action in ("change", "delete"):
            self.check_precondition(record)
        return record

    def check_precondition(self, record):
        """Refuse (412) a change whose If-Match names a version other than the stored one.

        The ETag is compared strongly, but a W/ prefix is not held against it: proxies
        that compress an answer mark its ETag weak.
        """
        header = self.request.headers.get("If-Match")
        if header is None:
            return
        tags = {tag.removeprefix("W/") for tag in parse_etags(header)}
        etag = etag_of(self.object_type, record)
        if "*" not in tags and etag not in tags:
            raise PreconditionFailed(services.StaleRecord(record), etag)

    def retrieve(self, request, *args, **kwargs):
        record = self.get_object()
        response = Response(self.get_serializer(record).data)
        response["ETag"] = etag_of(self.object_type, record)
        return response

    def update(self, request, *args, **kwargs):
        with transaction.atomic():
            response = super().update(request, *args, **kwargs)
        response["ETag"] = etag_of(self.object_type, self.saved)
        return response

    def perform_update(self, serializer):
        self.saved = serializer.save()

    def destroy(self, request, *args, **kwargs):
        with transaction.atomic():
            return super().destroy(request, *args, **kwargs)

    def _get_object(self):
        try:
            return super().get_object()
        except Http404:
            lookup = {self.lookup_field: self.kwargs[self.lookup_field]}
            visible = permissions.restrict(self.record_queryset(), self.request.user, "view")
            if self.permission_action != "view" and visible.filter(**lookup).exists():
                raise exceptions.PermissionDenied(self._outside_scope_message()) from None
            raise exceptions.NotFound(
                _("No %(object)s has the %(field)s '%(value)s'.")
                % {
                    "object": self.object_type.verbose_name,
                    "field": self.lookup_field,
                    "value": self.kwargs[self.lookup_field],
                }
            ) from None

    def perform_destroy(self, instance):
        try:
            services.delete(instance, user=self.request.user)
        except DjangoPermissionDenied as exc:
            raise exceptions.PermissionDenied(str(exc) or None) from exc

    def _outside_scope_message(self):
        return services.outside_scope_message(self.object_type, self.permission_action)


READ_ONLY_METHODS = ["get", "head", "options"]


class ServiceActionsOnly:
    """A type closed to the generic writes whose service has API actions: POST reaches the
    actions, never a create."""

    @extend_schema(exclude=True)
    def create(self, request, *args, **kwargs):
        raise exceptions.MethodNotAllowed(request.method)


def viewset_for(object_type: registry.ObjectType) -> type[RecordViewSet]:
    methods = RecordViewSet.http_method_names
    bases = (RecordViewSet,)
    if not object_type.generic_writes:
        # Records of this type are made only by its service's own actions.
        methods = READ_ONLY_METHODS
        if object_type.api_actions:
            methods = [*READ_ONLY_METHODS, "post"]
            bases = (ServiceActionsOnly, RecordViewSet)
    if object_type.api_actions:
        bases = (import_string(object_type.api_actions), *bases)
    return type(
        f"{object_type.model.__name__}ViewSet",
        bases,
        {
            "object_type": object_type,
            "http_method_names": methods,
            "serializer_class": serializer_for(object_type),
            "filterset_class": filterset_for(object_type),
            "lookup_field": object_type.key_field,
            "__doc__": str(
                _("%(objects)s of the mission record.")
                % {"objects": object_type.verbose_name_plural.capitalize()}
            ),
        },
    )
