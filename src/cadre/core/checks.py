"""Start-up checks of the object type declarations, run by Django's system checks.

A declaration that names a field its model lacks, scopes by nation without saying
where the nation is, or opens personal data to every role would otherwise fail on
the first request that reaches it, or, worse, not fail at all. `cadre manage check`,
`cadre serve`, `cadre migrate` (and `cadre demo`) and the test suite report it, naming
the type and the field. Each message is for the operator who wrote the declaration.
"""

from django.contrib.auth import get_user_model
from django.core import checks
from django.core.exceptions import FieldDoesNotExist

from . import registry
from .models import VersionedModel
from .roles import ALL_ROLES, NATION_BOUND_ROLES
from .services import RecordService


def check_object_types(app_configs=None, **kwargs):
    """Every declaration in the registry (or of the given apps), and no slug twice."""
    object_types = registry.object_types()
    duplicates = registry.duplicate_declarations()
    if app_configs is not None:
        labels = {config.label for config in app_configs}
        object_types = [t for t in object_types if t.model._meta.app_label in labels]
        duplicates = [d for d in duplicates if d[0].model._meta.app_label in labels]
    messages = [duplicate_slug(again, first) for again, first in duplicates]
    for object_type in object_types:
        messages += check_declaration(object_type)
    return messages


def duplicate_slug(again, first) -> checks.Error:
    return checks.Error(
        f"Object type '{again.slug}' is declared twice: for {first.model._meta.label} and "
        f"again for {again.model._meta.label}; the second declaration is ignored.",
        hint="Give each object type a slug of its own.",
        obj=again.model,
        id="cadre.E001",
    )


def check_declaration(object_type) -> list[checks.CheckMessage]:
    """The problems of one declaration, each naming the type and the field."""
    return [
        *_nation_scope(object_type),
        *_published_scope(object_type),
        *_personal_data(object_type),
        *_named_fields(object_type),
        *_relations(object_type),
        *_writes(object_type),
    ]


def _error(object_type, message, hint, id_):
    return checks.Error(
        f"Object type '{object_type.slug}': {message}", hint=hint, obj=object_type.model, id=id_
    )


def _follow(model, path):
    """The field `path` ("a__b__c") ends at, or the reason it ends nowhere."""
    *hops, last = path.split("__")
    for hop in hops:
        try:
            field = model._meta.get_field(hop)
        except FieldDoesNotExist:
            return None, f"{model._meta.label} has no field '{hop}'"
        if not field.is_relation:
            return None, f"'{hop}' of {model._meta.label} is not a relation"
        model = field.related_model
    try:
        return model._meta.get_field(last), None
    except FieldDoesNotExist:
        return None, f"{model._meta.label} has no field '{last}'"


def _single_valued(field) -> bool:
    """A foreign key (or one-to-one) on the model itself: one related row per row."""
    return field.concrete and (field.many_to_one or field.one_to_one)


def _nation_scope(object_type):
    scoped = {
        "nation_writers": object_type.nation_writers,
        "nation_readers": object_type.nation_readers,
    }
    for name, roles in scoped.items():
        if roles and not object_type.nation_field:
            yield _error(
                object_type,
                f"{name} is set but nation_field is not, so no row has a nation to scope by.",
                "Set nation_field to the foreign key (or path) that leads to the row's nation.",
                "cadre.E002",
            )
        unbound = sorted(roles - NATION_BOUND_ROLES)
        if unbound:
            yield _error(
                object_type,
                f"{name} names {', '.join(unbound)}, whose holders need not have a nation.",
                "Scope only nation-bound roles (cadre.core.roles.NATION_BOUND_ROLES).",
                "cadre.E003",
            )
    if object_type.nation_field:
        yield from _nation_field(object_type)


def _published_scope(object_type):
    """Roles that read only the published rows need the rule that says which rows those are,
    and may not write: a writer would write rows it may not read."""
    readers, when = object_type.published_readers, object_type.published_when
    if bool(readers) != (when is not None):
        yield _error(
            object_type,
            "published_readers and published_when go together; only one is set.",
            "Set published_when to the Q of the rows those roles read, or leave both unset.",
            "cadre.E012",
        )
    writers = sorted(readers & (object_type.write_roles | object_type.nation_writers))
    if writers:
        yield _error(
            object_type,
            f"published_readers names {', '.join(writers)}, who also write the type: they "
            "would write records they may not read.",
            "Leave those roles out of published_readers, or out of the writers.",
            "cadre.E013",
        )


def _nation_field(object_type):
    nation_model = get_user_model()._meta.get_field("nation").related_model
    hint = (
        f"Name a foreign key to {nation_model._meta.label}, or a path of foreign keys that "
        'ends at one, e.g. "person__nation".'
    )
    model = object_type.model
    path = object_type.nation_field
    for hop in path.split("__"):
        try:
            field = model._meta.get_field(hop)
        except FieldDoesNotExist:
            reason = f"{model._meta.label} has no field '{hop}'"
            break
        if not _single_valued(field):
            reason = f"'{hop}' of {model._meta.label} is not a foreign key"
            break
        model = field.related_model
    else:
        if model is nation_model:
            return
        reason = f"it ends at {model._meta.label}"
    yield _error(
        object_type,
        f"nation_field '{path}' does not lead to {nation_model._meta.label}: {reason}.",
        hint,
        "cadre.E004",
    )


def _personal_data(object_type):
    if object_type.personal_data and object_type.view_roles == ALL_ROLES:
        yield _error(
            object_type,
            "holds personal data but every role may view it.",
            "Declare view_roles: the roles that may see names; the others get counts.",
            "cadre.E005",
        )


def _named_fields(object_type):
    """Columns, filters, search, orderings and joins name fields the model has."""
    model = object_type.model
    hint = f"Name fields of {model._meta.label} (or paths across its relations for lookups)."
    direct = {
        "columns": object_type.columns,
        "filters": list(object_type.filters),
        "m2m_filters": object_type.m2m_filters,
    }
    for declaration, names in direct.items():
        for name in names:
            try:
                field = model._meta.get_field(name)
            except FieldDoesNotExist:
                yield _error(
                    object_type,
                    f"{declaration} names '{name}', which is not a field of {model._meta.label}.",
                    hint,
                    "cadre.E006",
                )
                continue
            if field.auto_created and not field.concrete:
                yield _error(
                    object_type,
                    f"{declaration} names '{name}', which is a relation from another model, "
                    f"not a field of {model._meta.label}.",
                    hint,
                    "cadre.E006",
                )
            elif declaration == "m2m_filters" and not field.many_to_many:
                yield _error(
                    object_type,
                    f"m2m_filters names '{name}', which is not a many-to-many field.",
                    "Declare a filter on a foreign key or a plain field in filters.",
                    "cadre.E006",
                )
    paths = {
        "search": object_type.search,
        "ordering": object_type.ordering,
        "select_related": object_type.select_related,
        "prefetch_related": object_type.prefetch_related,
    }
    for declaration, names in paths.items():
        for name in names:
            _field, reason = _follow(model, name)
            if reason:
                yield _error(
                    object_type, f"{declaration} names '{name}': {reason}.", hint, "cadre.E006"
                )


def _relations(object_type):
    """Related rows are named by their key, and shown only to roles that may see them."""
    model = object_type.model
    for field in [*model._meta.concrete_fields, *model._meta.many_to_many]:
        if not field.is_relation:
            continue
        target = registry.for_model(field.related_model)
        if target is None:
            yield _error(
                object_type,
                f"field '{field.name}' points to {field.related_model._meta.label}, which is "
                "not a declared object type: its rows have no key to be named by and no "
                "permissions to be read under.",
                "Declare the related model with register(...) too.",
                "cadre.E007",
            )
        elif not field.many_to_many:
            # A row shows the record its foreign key points to (its key, its name): it may
            # not show it to a role that may not view that record. Many-to-many values are
            # read through restrict() and hold only what the reader may view.
            yield from _shown_through(object_type, field, target)


def _shown_through(object_type, field, target):
    hidden = sorted(object_type.view_roles - target.view_roles)
    if hidden:
        yield _error(
            object_type,
            f"field '{field.name}' shows {target.verbose_name_plural} to "
            f"{', '.join(hidden)}, whose role may not view them.",
            f"Leave those roles out of view_roles, as '{target.slug}' does.",
            "cadre.E008",
        )
    unscoped = sorted((object_type.view_roles & target.nation_readers) - object_type.nation_readers)
    if unscoped:
        yield _error(
            object_type,
            f"field '{field.name}' shows {target.verbose_name_plural} of every nation to "
            f"{', '.join(unscoped)}, who may read them only for their own nation.",
            f"Declare those roles in nation_readers, with nation_field through '{field.name}' "
            f'(e.g. "{field.name}__{target.nation_field}").',
            "cadre.E009",
        )


def _writes(object_type):
    service = object_type.service
    if service is not None and not (
        isinstance(service, type) and issubclass(service, RecordService)
    ):
        yield _error(
            object_type,
            f"service {service!r} is not a subclass of RecordService.",
            "Subclass cadre.core.services.RecordService, or leave service unset for the "
            "generic one.",
            "cadre.E010",
        )
    if not issubclass(object_type.model, VersionedModel):
        yield _error(
            object_type,
            f"{object_type.model._meta.label} keeps no version, so a change made to an old "
            "version of a record would undo the changes made since.",
            "Base the model on cadre.core.models.VersionedModel (RecordModel is one).",
            "cadre.E012",
        )
    if object_type.importable and not object_type.generic_writes:
        yield _error(
            object_type,
            "is importable, but generic_writes=False closes the generic writes an import makes.",
            "Drop importable, or open the generic writes.",
            "cadre.E011",
        )
