"""Who may do what, in one place, for pages, API, imports and exports alike.

Actions: "view", "add", "change", "delete". The answers come from the role tables in
`roles` and the object type's declaration in the registry.
"""

from django.core.exceptions import PermissionDenied

from . import registry
from .roles import AUDIT_READERS, READ_ONLY_ROLES, role_of


def may(user, action: str, model) -> bool:
    """May this user do this action on some objects of this type?"""
    object_type = registry.for_model(model)
    role = role_of(user)
    if object_type is None or role is None:
        return False
    if action == "view":
        return role in object_type.view_roles
    if role in READ_ONLY_ROLES:
        return False
    return role in object_type.write_roles or role in object_type.nation_writers


def restrict(queryset, user, action: str = "view"):
    """The part of `queryset` this user may act on."""
    model = queryset.model
    if not may(user, action, model):
        return queryset.none()
    object_type = registry.for_model(model)
    role = role_of(user)
    if action != "view" and role not in object_type.write_roles:
        # Nation-bound writers reach only their own nation's rows.
        return queryset.filter(**{object_type.nation_field: user.nation_id})
    return queryset


def may_write_object(user, action: str, instance) -> bool:
    """May this user save or delete this object as it now stands (checked after a change too)?"""
    model = type(instance)
    if not may(user, action, model):
        return False
    object_type = registry.for_model(model)
    if role_of(user) in object_type.write_roles:
        return True
    return getattr(instance, f"{object_type.nation_field}_id") == user.nation_id


def require(user, action, model):
    if not may(user, action, model):
        raise PermissionDenied


def may_read_audit(user) -> bool:
    return role_of(user) in AUDIT_READERS
