"""Field values of an object as plain JSON, for before/after records."""

import datetime
import decimal
import uuid


def to_json(value):
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal | uuid.UUID):
        return str(value)
    return value


def stored_state(instance) -> dict | None:
    """The object's fields as the database holds them now, before a save changes them."""
    fields = instance._meta.concrete_fields
    row = (
        type(instance)
        ._base_manager.filter(pk=instance.pk)
        .values(*[f.attname for f in fields])
        .first()
    )
    if row is None:
        return None
    return {f.name: to_json(row[f.attname]) for f in fields}


def snapshot(instance, with_many=True) -> dict:
    data = {}
    for field in instance._meta.concrete_fields:
        data[field.name] = to_json(getattr(instance, field.attname))
    if with_many and instance.pk is not None:
        for field in instance._meta.many_to_many:
            data[field.name] = sorted(getattr(instance, field.name).values_list("pk", flat=True))
    return data
