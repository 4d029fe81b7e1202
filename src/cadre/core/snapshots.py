"""A record as the audit trail keeps it: its fields, and its many-to-many links by key and name."""

from cadre.audit.snapshot import to_json

from . import registry


def record_state(model, pk) -> dict | None:
    """The record's stored fields, and each many-to-many field as [{"key", "name"}], sorted."""
    fields = model._meta.concrete_fields
    row = model._base_manager.filter(pk=pk).values(*[f.attname for f in fields]).first()
    if row is None:
        return None
    state = {f.name: to_json(row[f.attname]) for f in fields}
    for field in model._meta.many_to_many:
        target = field.related_model
        target_type = registry.for_model(target)
        key = target_type.key_field if target_type else "pk"
        related = target._base_manager.filter(
            pk__in=field.remote_field.through._base_manager.filter(
                **{field.m2m_field_name(): pk}
            ).values(field.m2m_reverse_field_name())
        )
        state[field.name] = sorted(
            ({"key": str(getattr(obj, key)), "name": str(obj)} for obj in related),
            key=lambda item: item["key"],
        )
    return state
