"""Bulk import of CSV or XLSX files into the importable object types: all rows or none.

A file names one object per row by its key (or ISO code) and sets the columns it has;
other fields of an existing object stay as they are. Each row is read in exchange
form, checked by the model's own validation (full_clean) and saved inside one
transaction; after each save the user's permission is checked again on the object as
it now stands. A preview runs the very same import and rolls it back, so it shows
exactly what confirming will do. Every problem is reported as "row N, column C: why",
with N the row number a spreadsheet shows (the header is row 1).
"""

import csv
import datetime
import io
import json
import time
import uuid
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import openpyxl
from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.db import DatabaseError, transaction
from django.http import Http404
from django.utils.translation import gettext as _

from cadre.audit.context import without_field_records
from cadre.audit.models import ChangeAction
from cadre.audit.services import record_change

from . import exchange, permissions, services

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_ERRORS = 100
UPLOAD_LIFETIME = datetime.timedelta(days=1)


class ImportFileError(Exception):
    """The file cannot be read as a table at all."""


# Reading files ------------------------------------------------------------------


def _cell_text(value) -> str:
    """An XLSX cell as the text a CSV file would hold for it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime.datetime):
        return value.date().isoformat() if value.time() == datetime.time() else value.isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def read_table(file_name: str, data: bytes) -> list[list[str]]:
    """The rows of a CSV or XLSX file as text cells, blank rows kept so that numbers match."""
    if file_name.lower().endswith(".xlsx"):
        try:
            workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
            raise ImportFileError(_("The file is not an XLSX workbook.")) from exc
        try:
            return [
                [_cell_text(v) for v in row]
                for row in workbook.worksheets[0].iter_rows(values_only=True)
            ]
        finally:
            workbook.close()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportFileError(_("The file is not UTF-8 text; save it as “CSV UTF-8”.")) from exc
    try:
        return list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as exc:
        raise ImportFileError(_("The file is not valid CSV: %(reason)s") % {"reason": exc}) from exc


# Importing ----------------------------------------------------------------------


@dataclass
class RowOutcome:
    number: int
    key: str
    action: str  # "create", "change" or "keep"
    label: str
    changes: list = field(default_factory=list)  # (column, before, after), as text


@dataclass
class ImportReport:
    file_name: str
    outcomes: list = field(default_factory=list)
    errors: list = field(default_factory=list)

    def count(self, action):
        return sum(1 for o in self.outcomes if o.action == action)

    @property
    def created(self):
        return self.count("create")

    @property
    def changed(self):
        return self.count("change")

    @property
    def unchanged(self):
        return self.count("keep")

    @property
    def listed(self):
        """The rows that create or change something, as the preview lists them."""
        return [o for o in self.outcomes if o.action != "keep"]


def problem(number, column, reason) -> str:
    if column is None:
        return _("row %(row)s: %(reason)s") % {"row": number, "reason": reason}
    return _("row %(row)s, column %(column)s: %(reason)s") % {
        "row": number,
        "column": column,
        "reason": reason,
    }


def import_columns(object_type) -> tuple[list[str], list[str]]:
    """(required, optional) column names a file for this object type may have."""
    model = object_type.model
    fields = [*exchange.exchange_fields(model), *model._meta.many_to_many]
    required = [
        f.name
        for f in fields
        if f.name == object_type.key_field or not (f.blank or f.null or f.has_default())
    ]
    optional = ["id", *(f.name for f in fields if f.name not in required)]
    return required, optional


class _Import:
    """One run over the rows of a file, inside the caller's transaction."""

    def __init__(self, object_type, user, report):
        self.object_type = object_type
        self.model = object_type.model
        self.user = user
        self.report = report
        self.find = exchange.KeyFinder()
        self.seen = {}
        self.deferred = []  # (obj, field, key, row number): keys a later row may define
        self.changeable = permissions.restrict(self.model._default_manager.all(), user, "change")

    def error(self, number, column, reason):
        self.report.errors.append(problem(number, column, reason))

    def columns(self, header) -> list | None:
        required, optional = import_columns(self.object_type)
        known = set(required) | set(optional)
        columns = [c.strip() for c in header]
        for position, column in enumerate(columns, start=1):
            if not column:
                self.error(1, position, _("this column has no name"))
            elif column not in known:
                self.error(
                    1,
                    column,
                    _("no such column; the columns are: %(columns)s")
                    % {"columns": ", ".join(sorted(known))},
                )
            elif columns.index(column) != position - 1:
                self.error(1, column, _("this column appears twice"))
        for column in required:
            if column not in columns:
                self.error(1, column, _("this required column is missing"))
        return None if self.report.errors else columns

    def field(self, column):
        return self.model._meta.get_field(column)

    def run(self, table):
        if not table:
            self.error(1, None, _("the file is empty"))
            return
        # Columns that a spreadsheet left without a name and without values are not columns.
        width = max(
            [i + 1 for i, name in enumerate(table[0]) if name.strip()]
            + [i + 1 for row in table[1:] for i, value in enumerate(row) if value.strip()],
            default=0,
        )
        if not width:
            self.error(1, None, _("the file is empty"))
            return
        columns = self.columns(table[0][:width] + [""] * (width - len(table[0])))
        if columns is None:
            return
        for number, cells in enumerate(table[1:], start=2):
            if len(self.report.errors) >= MAX_ERRORS:
                self.report.errors.append(
                    _("Further rows were not checked: correct these problems first.")
                )
                return
            if any(c.strip() for c in cells):
                self.row(
                    number,
                    dict(zip(columns, cells + [""] * (len(columns) - len(cells)), strict=False)),
                )
        self.resolve_deferred()

    def row(self, number, values):
        key_field = self.object_type.key_field
        key = values[key_field].strip()
        if not key:
            return self.error(number, key_field, _("a key is required"))
        if key in self.seen:
            return self.error(
                number,
                key_field,
                _("'%(key)s' is in row %(row)s already") % {"key": key, "row": self.seen[key]},
            )
        self.seen[key] = number
        columns = [c for c in values if c != "id"]
        relations = [c for c in columns if self.field(c).many_to_one]
        obj = self.changeable.select_related(*relations).filter(**{key_field: key}).first()
        is_new = obj is None
        if is_new:
            if self.model._default_manager.filter(**{key_field: key}).exists():
                return self.error(
                    number, key_field, _("you may not change '%(key)s'") % {"key": key}
                )
            obj = self.model(**{key_field: key})
        before = {} if is_new else self.values(obj, columns, {})
        after, many, waiting, failed = {}, {}, [], False
        for column in columns:
            f = self.field(column)
            raw = values[column]
            try:
                if f.many_to_many:
                    many[f] = exchange.read_many(f, raw, self.find)
                    after[column] = sorted(exchange.key_of(t) for t in many[f])
                    if not many[f] and not f.blank:
                        raise exchange.ExchangeError(_("at least one key is required"))
                    continue
                assigned = exchange.read(self.model, f, raw, self.find)
            except exchange.ExchangeError as exc:
                if f.many_to_one and f.null:
                    waiting.append((obj, f, raw.strip(), number))
                    after[column] = raw.strip()
                    continue
                self.error(number, column, exc)
                failed = True
                continue
            for attribute, value in assigned.items():
                setattr(obj, attribute, value)
        if failed:
            return None
        if not is_new and self.values(obj, columns, after) == before:
            # Nothing would be written, so there is nothing to validate.
            self.report.outcomes.append(RowOutcome(number, key, "keep", str(obj)))
            return None
        try:
            obj.full_clean(exclude=[f.name for _obj, f, _key, _number in waiting])
        except ValidationError as exc:
            for name, reasons in exc.message_dict.items():
                column = None if name == NON_FIELD_ERRORS else name.removesuffix("_precision")
                for reason in reasons:
                    self.error(number, column, reason)
            return None
        after = self.values(obj, columns, after)  # clean() may have normalised some
        if is_new:
            changes = [
                (c, "", exchange.text_of(v)) for c, v in after.items() if not exchange.is_empty(v)
            ]
        else:
            changes = [
                (c, exchange.text_of(before[c]), exchange.text_of(after[c]))
                for c in columns
                if before[c] != after[c]
            ]
        exclude = [f.name for _obj, f, _key, _number in waiting]
        if changes and not self.save(number, obj, many, exclude):
            return None
        self.deferred.extend(waiting)
        action = "create" if is_new else "change" if changes else "keep"
        self.report.outcomes.append(RowOutcome(number, key, action, str(obj), changes))
        return None

    def values(self, obj, columns, known) -> dict:
        """The exchange values of `obj` in these columns, besides those `known` already."""
        return {
            c: known[c] if c in known else exchange.value_of(obj, self.field(c)) for c in columns
        }

    def save(self, number, obj, many, exclude) -> bool:
        try:
            with transaction.atomic():
                services.save(
                    obj,
                    user=self.user,
                    many={f.name: targets for f, targets in many.items()},
                    exclude=exclude,
                )
        except DatabaseError as exc:
            self.error(number, None, exc)
            return False
        except ValidationError as exc:
            for name, reasons in services.validation_messages(exc).items():
                column = None if name == NON_FIELD_ERRORS else name.removesuffix("_precision")
                for reason in reasons:
                    self.error(number, column, reason)
            return False
        except services.RecordConflict as exc:
            self.error(number, None, exc.message)
            return False
        except PermissionDenied:
            self.error(
                number,
                None,
                _("the row would put %(object)s outside what you may change") % {"object": obj},
            )
            return False
        return True

    def resolve_deferred(self):
        for obj, f, key, number in self.deferred:
            target = self.find(f.related_model, key)
            if target is None:
                self.error(number, f.name, exchange.missing_key(f.related_model, key))
                continue
            setattr(obj, f.name, target)
            obj.save(update_fields=[f.name])
            if not permissions.may_write_object(self.user, "change", obj):
                self.error(
                    number,
                    None,
                    _("the row would put %(object)s outside what you may change") % {"object": obj},
                )


def import_table(object_type, user, table, *, file_name, commit) -> ImportReport:
    """Create or change one object per data row of `table` (the first row names the columns).

    All rows or none: when any row has a problem nothing is written. Without `commit`
    the import runs in full and is rolled back, as a preview. With `commit` it is one
    entry in the audit trail listing the keys created and the fields changed.
    """
    if not (
        permissions.may(user, "add", object_type.model)
        and permissions.may(user, "change", object_type.model)
    ):
        raise PermissionDenied
    report = ImportReport(file_name=file_name)
    with transaction.atomic(), without_field_records():
        _Import(object_type, user, report).run(table)
        if report.errors or not commit:
            transaction.set_rollback(True)
        else:
            record_change(
                model=object_type.model,
                action=ChangeAction.IMPORT,
                after={
                    "file": file_name,
                    "created": {
                        o.key: {c: a for c, _b, a in o.changes}
                        for o in report.outcomes
                        if o.action == "create"
                    },
                    "changed": {
                        o.key: {c: [b, a] for c, b, a in o.changes}
                        for o in report.outcomes
                        if o.action == "change"
                    },
                },
                message=f"{file_name}: {report.created} created, {report.changed} changed, "
                f"{report.unchanged} unchanged",
            )
    return report


# Keeping the uploaded file between preview and confirmation ---------------------


def _uploads() -> Path:
    directory = Path(settings.DATA_DIR) / "imports"
    directory.mkdir(parents=True, exist_ok=True)
    return directory


def keep_upload(user, object_type, file_name, data) -> str:
    """Store the file on the server; confirming names it by the returned token, never resends it."""
    directory = _uploads()
    stale = time.time() - UPLOAD_LIFETIME.total_seconds()
    for path in directory.iterdir():
        if path.stat().st_mtime < stale:
            path.unlink(missing_ok=True)
    token = str(uuid.uuid4())
    (directory / token).write_bytes(data)
    about = {"user": user.pk, "type": object_type.slug, "file_name": file_name}
    (directory / f"{token}.json").write_text(json.dumps(about), encoding="utf-8")
    return token


def kept_upload(token: str, user, object_type) -> tuple[str, bytes]:
    """(file name, content) of a file this user uploaded for this object type, or Http404."""
    directory = _uploads()
    try:
        about = json.loads((directory / f"{token}.json").read_text(encoding="utf-8"))
        data = (directory / token).read_bytes()
    except (OSError, ValueError) as exc:
        raise Http404 from exc
    if about.get("user") != user.pk or about.get("type") != object_type.slug:
        raise Http404
    return about["file_name"], data


def drop_upload(token: str):
    for path in (_uploads() / token, _uploads() / f"{token}.json"):
        path.unlink(missing_ok=True)
