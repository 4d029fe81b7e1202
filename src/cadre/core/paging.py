"""Keyset pages for lists of any length, with a count that stops at 10,000.

An exact COUNT or a deep OFFSET over millions of rows costs hundreds of milliseconds
(see shared/PERFORMANCE.md); a keyset page costs the same at any depth. Pages move
forward by a cursor holding the last row's sort value and id.
"""

import base64
import datetime
import decimal
import json
from dataclasses import dataclass

from django.core.exceptions import BadRequest, FieldDoesNotExist, ValidationError
from django.db.models import F, Q
from django.utils.translation import gettext as _

COUNT_CAP = 10_000
# Rows on one page of every list, page and API alike.
PAGE_SIZE = 50


def capped_count(queryset) -> tuple[int, bool]:
    """(count, capped): at most COUNT_CAP, and whether there are more."""
    n = queryset.order_by()[: COUNT_CAP + 1].count()
    return min(n, COUNT_CAP), n > COUNT_CAP


class InvalidCursor(BadRequest):
    """A page cursor Cadre did not make: the request is answered 400, never quietly restarted."""


def _encode(value):
    if isinstance(value, datetime.datetime):
        return {"t": value.isoformat()}
    if isinstance(value, datetime.date):
        return {"d": value.isoformat()}
    if isinstance(value, decimal.Decimal):
        return {"n": str(value)}
    return value


def _decode(value):
    if isinstance(value, dict) and set(value) == {"t"}:
        return datetime.datetime.fromisoformat(value["t"])
    if isinstance(value, dict) and set(value) == {"d"}:
        return datetime.date.fromisoformat(value["d"])
    if isinstance(value, dict) and set(value) == {"n"}:
        return decimal.Decimal(value["n"])
    if value is None or isinstance(value, bool | int | float | str):
        return value
    raise ValueError("not a sort value")


def make_cursor(sort_value, pk) -> str:
    raw = json.dumps([_encode(sort_value), pk]).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def read_cursor(cursor: str, model=None, sort_field=None):
    """(sort_value, pk) of a cursor Cadre made; InvalidCursor for any other.

    With the model and sort field, the value must also be one that field can hold.
    """
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        value, pk = json.loads(raw)
        if not isinstance(pk, int) or isinstance(pk, bool):
            raise ValueError("not an id")
        value = _decode(value)
        if model is not None and value is not None:
            value = _sort_field(model, sort_field).to_python(value)
        if isinstance(value, str) and "\x00" in value:
            raise ValueError("NUL")
        return value, pk
    except (ValueError, TypeError, ValidationError, decimal.InvalidOperation, OverflowError) as exc:
        raise InvalidCursor(
            _("This page link is broken or was changed; go back to the first page.")
        ) from exc


def _sort_field(model, sort_field):
    field = None
    for part in sort_field.split("__"):
        try:
            field = model._meta.get_field(part)
        except FieldDoesNotExist as exc:
            raise ValueError(sort_field) from exc
        model = field.related_model
    if field.is_relation:
        field = field.target_field
    return field


@dataclass
class Page:
    rows: list
    next_cursor: str | None
    count: int
    count_capped: bool
    is_first: bool


def ordered(queryset, sort_field: str, descending: bool):
    # NULLS LAST on a column that cannot be null would keep PostgreSQL off the index.
    nulls_last = True if _nullable(queryset.model, sort_field) else None
    if descending:
        return queryset.order_by(F(sort_field).desc(nulls_last=nulls_last), "-pk")
    return queryset.order_by(F(sort_field).asc(nulls_last=nulls_last), "pk")


def _nullable(model, sort_field):
    field = None
    for part in sort_field.split("__"):
        field = model._meta.get_field(part)
        model = field.related_model
    return field.null


def after(queryset, sort_field: str, descending: bool, value, pk):
    """Rows after (value, pk) in the order `ordered` gives, in an index-seekable form."""
    if value is None:
        # Null sort values come last; among them rows go by id.
        pk_step = Q(pk__lt=pk) if descending else Q(pk__gt=pk)
        return queryset.filter(Q(**{f"{sort_field}__isnull": True}) & pk_step)
    if descending:
        seek = Q(**{f"{sort_field}__lte": value}) & (
            Q(**{f"{sort_field}__lt": value}) | Q(pk__lt=pk)
        )
    else:
        seek = Q(**{f"{sort_field}__gte": value}) & (
            Q(**{f"{sort_field}__gt": value}) | Q(pk__gt=pk)
        )
    if _nullable(queryset.model, sort_field):
        seek |= Q(**{f"{sort_field}__isnull": True})
    return queryset.filter(seek)


def keyset_page(
    queryset,
    *,
    sort_field: str,
    descending: bool,
    cursor: str | None,
    size: int,
    known_count: int | None = None,
) -> Page:
    """A page of `queryset`; `known_count`, the number of its rows when it is already known
    and under the cap (a search's), saves counting them again."""
    if known_count is not None and known_count <= COUNT_CAP:
        count, capped = known_count, False
    else:
        count, capped = capped_count(queryset)
    position = read_cursor(cursor, queryset.model, sort_field) if cursor else None
    rows_qs = ordered(queryset, sort_field, descending)
    if position is not None:
        rows_qs = after(rows_qs, sort_field, descending, *position)
    rows = list(rows_qs[: size + 1])
    next_cursor = None
    if len(rows) > size:
        rows = rows[:size]
        last = rows[-1]
        next_cursor = make_cursor(_value(last, sort_field), last.pk)
    return Page(
        rows=rows,
        next_cursor=next_cursor,
        count=count,
        count_capped=capped,
        is_first=position is None,
    )


def _value(obj, sort_field):
    value = obj
    for part in sort_field.split("__"):
        value = getattr(value, part, None)
        if value is None:
            return None
    if hasattr(value, "pk"):
        return value.pk
    return value
