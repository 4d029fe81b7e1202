"""Who the mission report being built is for (cadre.reports).

The sections' contract, `report_sections(mission, start, end)`, passes no user. A section
whose figures count personal data (people trained) reads through `readable(queryset)`,
which keeps what the report's reader may read; `reader()` is that user, or OPERATOR at the
command line, who reads everything. Here, in core, so that the apps' report modules and
the reports app both build on it without importing each other.
"""

import contextvars
from contextlib import contextmanager

from .permissions import restrict
from .services import OPERATOR

_reader = contextvars.ContextVar("report_reader", default=OPERATOR)


def reader():
    """Who the report being built is for: a user, or OPERATOR at the command line."""
    return _reader.get()


@contextmanager
def reading_as(user):
    token = _reader.set(user)
    try:
        yield
    finally:
        _reader.reset(token)


def readable(queryset, action: str = "view"):
    """The part of `queryset` the report's reader may read (all of it for the operator)."""
    user = reader()
    return queryset if user is OPERATOR else restrict(queryset, user, action)
