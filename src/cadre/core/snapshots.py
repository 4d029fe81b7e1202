"""A record as the audit trail keeps it: its fields, and its many-to-many links by key and name."""

from cadre.audit.snapshot import related_state, to_json


def record_state(model, pk) -> dict | None:
    """The record's stored fields, and each many-to-many field as [{"key", "name"}], sorted.

    The version is left out: it counts the changes the trail records, it is not one of them.
    """
    fields = [f for f in model._meta.concrete_fields if f.name != "version"]
    row = model._base_manager.filter(pk=pk).values(*[f.attname for f in fields]).first()
    if row is None:
        return None
    state = {f.name: to_json(row[f.attname]) for f in fields}
    for field in model._meta.many_to_many:
        through = field.remote_field.through._base_manager.filter(**{field.m2m_field_name(): pk})
        related = field.related_model._base_manager.filter(
            pk__in=through.values(field.m2m_reverse_field_name())
        )
        state[field.name] = related_state(related)
    return state
