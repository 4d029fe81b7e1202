"""Which language a field of the record holds its text in."""

from django.db import models

# Fields that name or code a record: neither English nor Arabic words.
IDENTIFIERS = frozenset({"key", "code"})


def language_of_field(field) -> str:
    """ "ar" for a field kept in Arabic script, "en" for free text of the record (kept in
    English), "" for values the interface words itself (choices, numbers, dates, keys)."""
    if field is None or field.is_relation or field.choices:
        return ""
    if not isinstance(field, models.CharField | models.TextField):
        return ""
    if field.name in IDENTIFIERS or isinstance(field, models.SlugField):
        return ""
    return "ar" if field.name.endswith("_ar") else "en"
