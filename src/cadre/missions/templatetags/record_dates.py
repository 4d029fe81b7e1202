"""Historical dates in templates, shown at their precision: "December 2008", not 1 December 2008."""

from django import template

from cadre.core import dates

register = template.Library()


@register.filter
def at_precision(value, precision):
    return dates.show(value, precision)
