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
            data[field.name] = related_state(getattr(instance, field.name).all())
    return data


def related_key(obj) -> str:
    """The key a related record is known by: its natural key where it has one, else its id."""
    natural = getattr(obj, "natural_key", None)
    return str(natural()[0]) if natural else str(obj.pk)


def related_state(objects) -> list[dict]:
    """Related records as the trail keeps them: [{"key", "name"}], sorted by key."""
    return sorted(
        ({"key": related_key(obj), "name": str(obj)} for obj in objects),
        key=lambda item: item["key"],
    )
