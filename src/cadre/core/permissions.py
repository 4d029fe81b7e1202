"""Who may do what, in one place, for pages, API, imports and exports alike.

Actions: "view", "count", "add", "change", "delete". The answers come from the role
tables in `roles` and the object type's declaration in the registry:

- a role in `view_roles` views the type's rows; a role in `nation_readers` views only
  the rows of its own nation (the nation `nation_field` leads to);
- a role in `write_roles` adds, changes and deletes them; a role in `nation_writers`
  only those of its own nation, and only among the rows it may view;
- counting is viewing, except that every signed-in role may count the rows of a type
  that holds personal data: who may not view it learns how many, never who. A count
  is taken over `restrict(queryset, user, "count")`, which keeps the nation scope of
  a nation reader; what a selector shows from it must be figures, never rows;
- a role in `published_readers` views (and counts) only the rows `published_when`
  holds for (a requirement once published), besides any nation scope.
"""

from django.core.exceptions import PermissionDenied

from . import registry
from .roles import AUDIT_READERS, READ_ONLY_ROLES, role_of

READS = frozenset({"view", "count"})


def may(user, action: str, model) -> bool:
    """May this user do this action on some objects of this type?"""
    object_type = registry.for_model(model)
    role = role_of(user)
    if object_type is None or role is None:
        return False
    if action == "view":
        return role in object_type.view_roles
    if action == "count":
        return role in object_type.view_roles or object_type.personal_data
    if role in READ_ONLY_ROLES:
        return False
    return role in object_type.write_roles or role in object_type.nation_writers


def nation_bound(user, action: str, object_type) -> bool:
    """Does the user reach only their own nation's rows of this type for this action?"""
    role = role_of(user)
    if role in object_type.nation_readers:
        return True
    return action not in READS and role not in object_type.write_roles


def published_only(user, object_type) -> bool:
    """Does the user read only the published rows of this type (`published_when`)?"""
    return role_of(user) in object_type.published_readers


def restrict(queryset, user, action: str = "view"):
    """The part of `queryset` this user may act on."""
    model = queryset.model
    if not may(user, action, model):
        return queryset.none()
    object_type = registry.for_model(model)
    if published_only(user, object_type):
        queryset = queryset.filter(object_type.published_when)
    if not nation_bound(user, action, object_type):
        return queryset
    if user.nation_id is None:
        # Filtering on no nation would give the rows of no nation, not none.
        return queryset.none()
    return queryset.filter(**{object_type.nation_field: user.nation_id})


def viewable(user):
    """model -> the rows of it this user may view: the related rows a record may show them."""
    return lambda model: restrict(model._default_manager.all(), user, "view")


def nation_id_of(instance, nation_field: str):
    """The id of the nation `nation_field` (a foreign key or a path of them) leads to, or None."""
    *hops, last = nation_field.split("__")
    for hop in hops:
        instance = getattr(instance, hop, None)
        if instance is None:
            return None
    return getattr(instance, f"{last}_id")


def may_write_object(user, action: str, instance) -> bool:
    """May this user save or delete this object as it now stands (checked after a change too)?"""
    model = type(instance)
    if not may(user, action, model):
        return False
    object_type = registry.for_model(model)
    if not nation_bound(user, action, object_type):
        return True
    nation_id = nation_id_of(instance, object_type.nation_field)
    return nation_id is not None and nation_id == user.nation_id


def require(user, action, model):
    if not may(user, action, model):
        raise PermissionDenied


def may_read_audit(user) -> bool:
    return role_of(user) in AUDIT_READERS
