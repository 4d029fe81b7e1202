"""Records of any registered object type, filled in from the model's fields.

Every field gets a value (optional ones too, so that a missing join or prefetch shows
up as extra queries); each related record is made once per field and shared.
"""

import datetime
import decimal
import itertools
import string

from django.db import models

from cadre.audit.context import without_field_records
from cadre.core import registry


class Records:
    def __init__(self):
        self._numbers = itertools.count(1)
        self._shared = {}

    def values(self, model, *, optional=True) -> dict:
        """Field values for a new record; related records are created and shared."""
        n = next(self._numbers)
        values = {}
        for field in model._meta.concrete_fields:
            if field.primary_key or getattr(field, "auto_now_add", False):
                continue
            if field.is_relation:
                if field.null and not optional:
                    continue
                values[field.name] = self.shared(field.related_model, field.name)
            elif field.null and not optional:
                continue
            else:
                values[field.name] = _scalar(field, n)
        return values

    def related_values(self, model, *, optional=True) -> dict:
        """Many-to-many values for a new record: one shared related record per field."""
        return {
            field.name: [self.shared(field.related_model, field.name)]
            for field in model._meta.many_to_many
            if optional or not field.blank
        }

    def shared(self, model, role):
        if (model, role) not in self._shared:
            self._shared[(model, role)] = self.create(model, optional=False)
        return self._shared[(model, role)]

    def create(self, model, *, optional=True, **overrides):
        with without_field_records():
            record = model(**{**self.values(model, optional=optional), **overrides})
            record.full_clean()
            record.save()
            for name, related in self.related_values(model, optional=optional).items():
                getattr(record, name).set(related)
        return record

    def create_many(self, model, count):
        return [self.create(model) for _ in range(count)]

    def payload(self, object_type) -> dict:
        """A valid API body for a new record of this type."""
        model = object_type.model
        body = {}
        for name, value in self.values(model).items():
            body[name] = _as_json(value)
        for name, related in self.related_values(model).items():
            body[name] = [_as_json(record) for record in related]
        return body


def _scalar(field, n):
    if field.choices:
        return field.choices[0][0]
    if isinstance(field, models.BooleanField):
        return field.default
    if isinstance(field, models.DateField):
        return datetime.date(2004, 1, 1) + datetime.timedelta(days=n)
    if isinstance(field, models.DecimalField):
        return decimal.Decimal("33.5")
    if isinstance(field, models.IntegerField):
        return 100 + n
    if isinstance(field, models.SlugField):
        return f"{field.model._meta.model_name}-{n}"
    if field.name == "code":
        letters = string.ascii_uppercase
        return "Q" + letters[n // 26 % 26] + letters[n % 26]
    return f"{field.verbose_name} {n}"[: field.max_length]


def _as_json(value):
    if isinstance(value, models.Model):
        return getattr(value, registry.for_model(type(value)).key_field)
    if isinstance(value, datetime.date | decimal.Decimal):
        return str(value)
    return value
