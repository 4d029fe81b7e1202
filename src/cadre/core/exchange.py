"""A record in exchange form: how CSV and XLSX exports, imports and dataset files write it.

A foreign key holds the key (or ISO code) of the object it points to, a many-to-many
field the sorted list of those keys, a historical date "YYYY", "YYYY-MM" or
"YYYY-MM-DD" with its precision following from how it is written. Reading a value
back gives the value it was written from, so an export imported again changes nothing.
"""

import datetime
from functools import cache

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext as _

from . import dates, registry

MANY_SEPARATOR = ";"
# A spreadsheet program runs a cell that starts with one of these as a formula: CSV exports
# put an apostrophe before such text (exports.csv_cell), and reading takes it off again.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_TRUE = frozenset({"true", "t", "yes", "y", "1"})
_FALSE = frozenset({"false", "f", "no", "n", "0"})


class ExchangeError(ValueError):
    """A value that cannot be read; the message says which value and why, for the user."""


@cache
def precision_pairs(model) -> dict[str, str]:
    """{date field: its precision field} for the model's historical dates."""
    names = {f.name for f in model._meta.concrete_fields}
    return {n: f"{n}_precision" for n in names if f"{n}_precision" in names}


@cache
def exchange_fields(model) -> list:
    """The concrete fields a record is exchanged with, in model order.

    Precision fields are left out: a historical date carries its precision in how it is written.
    So are the fields Cadre keeps itself (the version, a time of creation).
    """
    skip = set(precision_pairs(model).values()) | {"id"}
    return [
        f
        for f in model._meta.concrete_fields
        if f.name not in skip and f.editable and not f.auto_created
    ]


@cache
def key_field(model) -> str:
    return registry.for_model(model).key_field


def key_of(obj) -> str:
    return getattr(obj, key_field(type(obj)))


def value_of(obj, field):
    """The exchange value of one field of `obj`.

    Decimals stay Decimals: 33.3 read from a file must equal 33.30000 read from the database.
    """
    if field.many_to_many:
        return sorted(key_of(o) for o in getattr(obj, field.name).all())
    value = getattr(obj, field.name)
    if field.is_relation:
        return key_of(value) if value is not None else None
    precision = precision_pairs(type(obj)).get(field.name)
    if precision:
        return dates.unparse(value, getattr(obj, precision))
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def text_of(value) -> str:
    """An exchange value as the text of one CSV cell."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return MANY_SEPARATOR.join(value)
    return str(value)


def is_empty(raw) -> bool:
    return raw is None or (isinstance(raw, str) and not raw.strip()) or raw == []


def holds_nul(raw) -> bool:
    """Does an exchange value (text, or a list of keys) hold a NUL character?

    PostgreSQL can neither store one in text nor compare text with one, so a file or dataset
    row holding one is refused before any of its keys is looked up.
    """
    if isinstance(raw, str):
        return "\x00" in raw
    if isinstance(raw, list):
        return any(holds_nul(item) for item in raw)
    return False


def nul_problem() -> str:
    return _("contains a NUL character, which a record cannot hold")


def missing_key(model, key) -> ExchangeError:
    """The problem of a key that names no object."""
    return ExchangeError(
        _("there is no %(object)s with the %(field)s '%(key)s'")
        % {
            "object": model._meta.verbose_name,
            "field": model._meta.get_field(key_field(model)).verbose_name,
            "key": key,
        }
    )


def read(model, field, raw, find) -> dict:
    """{attribute: value} to set on an object of `model` for the exchange value `raw` of `field`.

    An empty value clears the field (or gives its default when it cannot be null). A
    relation's key is looked up with `find(model, key)`, which gives the record or None.
    Raises ExchangeError when `raw` cannot be read.
    """
    pairs = precision_pairs(model)
    if is_empty(raw):
        if field.is_relation or field.name in pairs:
            return {field.name: None}
        return {field.name: None if field.null else field.get_default()}
    if field.is_relation:
        key = str(raw).strip()
        target = find(field.related_model, key)
        if target is None:
            raise missing_key(field.related_model, key)
        return {field.name: target}
    if field.name in pairs:
        try:
            day, precision = dates.parse(str(raw))
        except ValueError as exc:
            message = _("'%(value)s' is not a date written YYYY, YYYY-MM or YYYY-MM-DD")
            raise ExchangeError(message % {"value": str(raw).strip()}) from exc
        return {field.name: day, pairs[field.name]: precision}
    if isinstance(field, models.BooleanField):
        if isinstance(raw, bool):
            return {field.name: raw}
        text = str(raw).strip().lower()
        if text not in _TRUE | _FALSE:
            raise ExchangeError(_("'%(value)s' is not yes or no (true or false)") % {"value": raw})
        return {field.name: text in _TRUE}
    if isinstance(raw, str) and raw.startswith("'") and raw[1:2] and raw[1] in FORMULA_STARTS:
        raw = raw[1:]
    try:
        return {field.name: field.to_python(raw)}
    except ValidationError as exc:
        raise ExchangeError(" ".join(exc.messages)) from exc


def keys_of(raw) -> list[str]:
    """The keys a many-to-many exchange value names: a list of keys, or keys separated by ';'."""
    if is_empty(raw):
        return []
    keys = raw if isinstance(raw, list) else str(raw).split(MANY_SEPARATOR)
    return [key for key in (str(k).strip() for k in keys) if key]


def read_many(field, keys, find) -> list:
    """The records of `field`'s related model that `keys` (see keys_of) name.

    `find(model, key)` gives the record with that key or None; None raises ExchangeError.
    """
    targets = []
    for key in keys:
        target = find(field.related_model, key)
        if target is None:
            raise missing_key(field.related_model, key)
        targets.append(target)
    return targets
