import re

from django import template
from django.utils.html import format_html
from django.utils.translation import get_language

register = template.Library()

ARABIC = re.compile(r"[\u0600-\u06ff]")
LATIN = re.compile(r"[A-Za-z]")


@register.filter
def marked(value):
    """Text of the record shown on an Arabic page: marked lang="en" when it is in Latin
    letters (a source's title, a mandate's reference), left as it is otherwise."""
    text = str(value)
    if get_language() == "ar" and LATIN.search(text) and not ARABIC.search(text):
        return format_html('<span lang="en" dir="ltr">{}</span>', text)
    return text
