"""Which language a field of the record holds its text in, and record text marked so."""

import re

from django.db import models
from django.utils.html import conditional_escape, format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

ARABIC_LETTERS = re.compile("[\u0600-\u06ff\u0750-\u077f]")

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


def record_text(value):
    """A record's name or the record's own text, in whichever language it was written:
    Arabic when it has Arabic letters, else English, each marked so."""
    if value is None or value == "":
        return value
    language = "ar" if ARABIC_LETTERS.search(str(value)) else "en"
    return format_html('<bdi lang="{}" dir="auto">{}</bdi>', language, value)


def with_records(sentence: str, **records) -> SafeString:
    """An interface sentence ("Saved %(object)s.") with records' names put in, each marked
    with its own language: a message in Arabic naming an English record says so."""
    marked = {k: v if isinstance(v, SafeString) else record_text(v) for k, v in records.items()}
    return mark_safe(conditional_escape(sentence) % marked)


def records_listed(records) -> SafeString:
    """Records' names, each marked with its own language, separated by commas."""
    return format_html_join(", ", "{}", ((record_text(str(r)),) for r in records))
