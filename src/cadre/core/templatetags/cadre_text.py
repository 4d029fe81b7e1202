"""Text of the record marked with its language.

Cadre's interface speaks English and Arabic, but much of the record's own text (claims,
mandate rules, notes) is kept in English only. On an Arabic page such text must say it
is English, or a screen reader reads it with Arabic rules.
"""

from django import template
from django.utils.html import format_html

from cadre.core import text
from cadre.core.text import language_of_field

register = template.Library()


@register.filter
def english(value):
    """Text kept in English: marked lang="en", its direction found from the text."""
    if value is None or value == "":
        return value
    return format_html('<span lang="en" dir="auto">{}</span>', value)


@register.filter
def in_language(value, language):
    """Text in the given language ("ar" or "en"), marked as such."""
    if value is None or value == "":
        return value
    return format_html('<span lang="{}" dir="auto">{}</span>', language, value)


@register.filter
def field_language(field):
    """The language a field of the record is written in, or "" for words of the interface."""
    return language_of_field(field)


# A record's name or the record's own text, marked with the language it is written in.
register.filter("record_text", text.record_text)
