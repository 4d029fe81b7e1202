"""The one write path of every object type.

Pages, the API, imports, the dataset load and the admin create, change and delete
records only through the service their object type declares (`register(...,
service=...)`), so a rule written once in a service (a seat limit, a vetting block, an
over-commitment check) holds on every path. The generic service, built from the
declaration, does for every type what every path needs:

1. checks the writer's role may add, change or delete records of the type;
2. normalises historical dates to the first day of their precision ("December 2008"
   is stored as 2008-12-01, whatever day was sent);
3. validates with the model's own rules (`full_clean`) and the service's (`check`);
4. saves, with the many-to-many values;
5. checks the writer's scope again on the record as it now stands (a nation-bound
   writer may not move a row to another nation), rolling everything back if not;
6. records one entry in the audit trail, many-to-many changes included, with the
   related records' keys and names.

A type's own service subclasses `RecordService` and overrides `check()` (rules across
rows, taken under `lock()`), or adds actions of its own.

`OPERATOR` stands for whoever runs the command line (`cadre load-dataset`): the person
who holds the installation's files holds every right, so no role is checked for it.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from cadre.audit.context import current_actor, without_field_records
from cadre.audit.models import ChangeAction
from cadre.audit.services import record_change

from . import dates, permissions, registry
from .exchange import precision_pairs
from .snapshots import record_state


class _Operator:
    """The person at the command line, who holds every right over the installation."""

    def __repr__(self):
        return "OPERATOR"


OPERATOR = _Operator()


class OutsideScope(PermissionDenied):
    """The writer may change records of this type, but not this one as it would stand."""


class RecordConflict(Exception):
    """The change is valid in itself but conflicts with other records (a full session, a
    quantity already committed): retrying later may succeed. The API answers 409."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


OUTSIDE_SCOPE = {
    "add": _("You may add only %(objects)s of your own nation; nothing was saved."),
    "change": _("You may change only %(objects)s of your own nation; nothing was saved."),
    "delete": _("You may delete only %(objects)s of your own nation; nothing was deleted."),
}


def outside_scope_message(object_type, action) -> str:
    return str(OUTSIDE_SCOPE[action]) % {"objects": object_type.verbose_name_plural}


class RecordService:
    """The generic write path of one object type, built from its declaration."""

    def __init__(self, object_type):
        self.object_type = object_type
        self.model = object_type.model

    # The steps, each of which a type's own service may extend -----------------------

    def require(self, user, action):
        """The role check: may this user do `action` on some records of this type?"""
        if user is OPERATOR:
            return
        if not permissions.may(user, action, self.model):
            raise PermissionDenied(
                _("Your role may not %(action)s %(objects)s.")
                % {"action": action, "objects": self.object_type.verbose_name_plural}
            )

    def normalise(self, obj):
        """Historical dates on the first day of the period their precision names."""
        for name, precision_name in precision_pairs(self.model).items():
            value = getattr(obj, name)
            precision = getattr(obj, precision_name)
            if value is not None and precision:
                setattr(obj, name, dates.normalise(value, precision))

    def validate(self, obj, *, exclude=None):
        """The model's own rules, then the service's."""
        obj.full_clean(exclude=exclude)

    def lock(self, obj):
        """Take the row locks `check` needs before it counts; none for the generic service."""

    def check(self, obj, many, action):
        """Rules across records, checked under `lock()` inside the write's transaction.

        Raise ValidationError (the values are wrong) or RecordConflict (other records
        stand in the way). The generic service has none.
        """

    def within_scope(self, user, action, obj):
        if user is OPERATOR:
            return
        if not permissions.may_write_object(user, action, obj):
            raise OutsideScope(outside_scope_message(self.object_type, action))

    # The write path ------------------------------------------------------------------

    def save(self, obj, *, user, many=None, exclude=None):
        """Create `obj` (not yet saved) or change it (saved, with new values set on it).

        `many` maps many-to-many field names to the related records the object must have
        after the save. Returns the saved object; raises PermissionDenied, OutsideScope,
        ValidationError or RecordConflict, and then nothing is written.
        """
        many = many or {}
        adding = obj._state.adding
        action = "add" if adding else "change"
        self.require(user, action)
        if not adding:
            # A nation-bound writer may not take hold of another nation's row either.
            stored = type(obj)._default_manager.get(pk=obj.pk)
            self.within_scope(user, action, stored)
        self.normalise(obj)
        self.validate(obj, exclude=exclude)
        with transaction.atomic():
            before = None if adding else record_state(self.model, obj.pk)
            self.lock(obj)
            self.check(obj, many, action)
            with without_field_records():
                obj.save()
                for name, related in many.items():
                    getattr(obj, name).set(related)
            self.within_scope(user, action, obj)
            after = record_state(self.model, obj.pk)
            if current_actor().record_fields and before != after:
                record_change(
                    instance=obj,
                    action=ChangeAction.CREATE if adding else ChangeAction.UPDATE,
                    before=before,
                    after=after,
                )
        return obj

    def delete(self, obj, *, user):
        """Delete `obj`; raises PermissionDenied, OutsideScope or ProtectedError."""
        self.require(user, "delete")
        self.within_scope(user, "delete", obj)
        with transaction.atomic():
            before = record_state(self.model, obj.pk)
            pk, label = obj.pk, str(obj)
            with without_field_records():
                obj.delete()
            if current_actor().record_fields:
                obj.pk = pk
                record_change(instance=obj, action=ChangeAction.DELETE, before=before)
                obj.pk = None
        return label


_services: dict[str, RecordService] = {}


def service_for(object_type_or_model) -> RecordService:
    """The service that writes records of this object type (or model)."""
    object_type = object_type_or_model
    if not isinstance(object_type, registry.ObjectType):
        object_type = registry.for_model(object_type_or_model)
    service = _services.get(object_type.slug)
    if service is None:
        service = (object_type.service or RecordService)(object_type)
        _services[object_type.slug] = service
    return service


def save(obj, *, user, many=None, exclude=None):
    """Create or change `obj` through its type's service."""
    return service_for(type(obj)).save(obj, user=user, many=many, exclude=exclude)


def delete(obj, *, user):
    """Delete `obj` through its type's service."""
    return service_for(type(obj)).delete(obj, user=user)


def validation_messages(exc: ValidationError) -> dict[str, list[str]]:
    """{field or '__all__': [messages]} of a Django ValidationError."""
    if hasattr(exc, "error_dict"):
        return {name: list(messages) for name, messages in exc.message_dict.items()}
    return {"__all__": list(exc.messages)}
