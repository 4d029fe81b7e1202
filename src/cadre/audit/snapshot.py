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


def snapshot(instance, with_many=True) -> dict:
    data = {}
    for field in instance._meta.concrete_fields:
        data[field.name] = to_json(getattr(instance, field.attname))
    if with_many and instance.pk is not None:
        for field in instance._meta.many_to_many:
            data[field.name] = sorted(getattr(instance, field.name).values_list("pk", flat=True))
    return data
