"""Bulk import of CSV or XLSX files into the importable object types: all rows or none.

A file names one object per row by its key (or ISO code) and sets the columns it has;
other fields of an existing object stay as they are. The rows go through the import
engine (`core.engine`) inside one transaction. A preview runs the very same import and
rolls it back, so it shows exactly what confirming will do. Every problem is reported
as "row N, column C: why", with N the row number a spreadsheet shows (the header is
row 1). Files of IMPORT_IN_BACKGROUND_FROM_ROWS rows or more are previewed and imported
by a background job (`core.jobs`), whose page shows how far it is.

The uploaded file is kept on the server between preview and confirmation.
"""

import csv
import datetime
import functools
import json
import uuid
import zipfile
from pathlib import Path

import openpyxl
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404
from django.utils.translation import gettext as _

from cadre.audit.context import Actor, acting_as, without_field_records
from cadre.audit.models import ChangeAction
from cadre.audit.services import record_change

from . import engine, exchange, jobs, permissions, registry
from .kept_files import drop_older_than

MAX_FILE_BYTES = 100 * 1024 * 1024
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


class Table:
    """The rows of a CSV or XLSX file as lists of text cells, read one at a time.

    Iterating raises ImportFileError when the file turns out not to be a table, or holds
    more rows, columns or characters in a cell than the IMPORT_MAX_* settings allow.
    """

    def __init__(self, path: Path, file_name: str):
        self.path = Path(path)
        self.xlsx = file_name.lower().endswith(".xlsx")
        self._count = None

    def __iter__(self):
        return _within_caps(self._xlsx_rows() if self.xlsx else self._csv_rows())

    def count(self) -> int:
        """The number of rows after the header, blank rows included (read once, then known)."""
        if self._count is None:
            self._count = max(0, sum(1 for _row in self) - 1)
        return self._count

    def _csv_rows(self):
        try:
            with self.path.open(encoding="utf-8-sig", newline="") as text:
                yield from csv.reader(text)
        except UnicodeDecodeError as exc:
            raise ImportFileError(_("The file is not UTF-8 text; save it as “CSV UTF-8”.")) from exc
        except csv.Error as exc:
            raise ImportFileError(
                _("The file is not valid CSV: %(reason)s") % {"reason": exc}
            ) from exc

    def _xlsx_rows(self):
        check_workbook_parts(self.path)
        # A kept upload has no .xlsx suffix, which openpyxl wants of a path: give it the file.
        with self.path.open("rb") as data:
            try:
                workbook = openpyxl.load_workbook(data, read_only=True, data_only=True)
            except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
                raise ImportFileError(_("The file is not an XLSX workbook.")) from exc
            try:
                sheet = workbook.worksheets[0]
                check_claimed_size(sheet)
                # Read the cells the sheet has, never rows and columns it only claims to span.
                sheet.reset_dimensions()
                for row in sheet.iter_rows(values_only=True):
                    yield [_cell_text(v) for v in row]
            finally:
                workbook.close()


def check_workbook_parts(path):
    """Refuse a workbook whose zipped parts would unpack to more than the caps allow,
    from the sizes the zip's directory declares (unzipping never yields more than those)."""
    try:
        with zipfile.ZipFile(path) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, OSError) as exc:
        raise ImportFileError(_("The file is not an XLSX workbook.")) from exc
    total = sum(part.file_size for part in parts)
    if total > settings.IMPORT_MAX_XLSX_UNPACKED_BYTES:
        raise ImportFileError(
            _(
                "The workbook unpacks to %(size)s MB; at most %(cap)s MB are read. "
                "Split it into several files."
            )
            % {
                "size": -(-total // (1024 * 1024)),  # rounded up: never "1024 MB; at most 1024"
                "cap": settings.IMPORT_MAX_XLSX_UNPACKED_BYTES // (1024 * 1024),
            }
        )
    for part in parts:
        # Small parts (styles, an empty sheet) may shrink a lot; they cost nothing to read.
        if part.file_size < 1024 * 1024:
            continue
        if part.file_size > settings.IMPORT_MAX_XLSX_RATIO * max(part.compress_size, 1):
            raise ImportFileError(
                _(
                    "The workbook's part %(part)s unpacks to %(size)s MB from %(packed)s kB, "
                    "more than %(ratio)s times its zipped size, which no spreadsheet does: "
                    "it is not read."
                )
                % {
                    "part": part.filename,
                    "size": part.file_size // (1024 * 1024),
                    "packed": max(1, part.compress_size // 1024),
                    "ratio": settings.IMPORT_MAX_XLSX_RATIO,
                }
            )


def check_claimed_size(sheet):
    """Refuse a sheet that says it spans more rows or columns than the caps allow."""
    rows, columns = sheet.max_row or 0, sheet.max_column or 0
    if rows > settings.IMPORT_MAX_ROWS + 1 or columns > settings.IMPORT_MAX_COLUMNS:
        raise ImportFileError(
            _(
                "The sheet says it spans %(rows)s rows and %(columns)s columns; at most "
                "%(max_rows)s rows after the header and %(max_columns)s columns are read. "
                "Delete the rows and columns past your data, or copy the data into a new "
                "workbook, and upload that."
            )
            % {
                "rows": rows,
                "columns": columns,
                "max_rows": settings.IMPORT_MAX_ROWS,
                "max_columns": settings.IMPORT_MAX_COLUMNS,
            }
        )


def _within_caps(rows):
    """The rows, refused at the first row, column or cell beyond the IMPORT_MAX_* caps."""
    max_rows, max_columns = settings.IMPORT_MAX_ROWS, settings.IMPORT_MAX_COLUMNS
    max_chars = settings.IMPORT_MAX_CELL_CHARS
    for number, cells in enumerate(rows, start=1):
        if number > max_rows + 1:
            raise ImportFileError(
                _("Row %(row)s: a file may have at most %(cap)s rows after the header; split it.")
                % {"row": number, "cap": max_rows}
            )
        for position, cell in enumerate(cells, start=1):
            if position > max_columns and cell.strip():
                raise ImportFileError(
                    _("Row %(row)s, column %(column)s: a file may have at most %(cap)s columns.")
                    % {"row": number, "column": position, "cap": max_columns}
                )
            if len(cell) > max_chars:
                raise ImportFileError(
                    _(
                        "Row %(row)s, column %(column)s: the cell holds %(length)s characters; "
                        "a cell may hold at most %(cap)s."
                    )
                    % {"row": number, "column": position, "length": len(cell), "cap": max_chars}
                )
        yield cells[:max_columns]


# Importing ----------------------------------------------------------------------


def import_columns(object_type) -> tuple[list[str], list[str]]:
    """(required, optional) column names a file for this object type may have."""
    fields = engine.fields_of(object_type).values()
    required = [
        f.name
        for f in fields
        if f.name == object_type.key_field or not (f.blank or f.null or f.has_default())
    ]
    optional = ["id", *(f.name for f in fields if f.name not in required)]
    return required, optional


def header_columns(object_type, header, report) -> list | None:
    """The column names of the header row, or None when the report has its problems."""
    required, optional = import_columns(object_type)
    known = set(required) | set(optional)
    columns = [c.strip() for c in header]
    while columns and not columns[-1]:
        columns.pop()  # columns a spreadsheet left without a name at the end are not columns
    if not columns:
        report.problem(1, None, _("the file is empty"))
        return None
    for position, column in enumerate(columns, start=1):
        if not column:
            report.problem(1, position, _("this column has no name"))
        elif column not in known:
            report.problem(
                1,
                column,
                _("no such column; the columns are: %(columns)s")
                % {"columns": ", ".join(sorted(known))},
            )
        elif columns.index(column) != position - 1:
            report.problem(1, column, _("this column appears twice"))
    for column in required:
        if column not in columns:
            report.problem(1, column, _("this required column is missing"))
    return None if report.errors else columns


def table_rows(table, columns, report):
    """The data rows of `table` as engine rows; blank rows are skipped but keep their number."""
    width = len(columns)
    for number, cells in enumerate(table, start=2):
        if not any(c.strip() for c in cells):
            continue
        for position, value in enumerate(cells[width:], start=width + 1):
            if value.strip():
                report.problem(number, position, _("this column has no name"))
        cells = cells[:width] + [""] * (width - len(cells))
        row = dict(zip(columns, cells, strict=True))
        refused = [column for column, cell in row.items() if exchange.holds_nul(cell)]
        for column in refused:
            report.problem(number, column, exchange.nul_problem())
        if refused:
            continue
        yield engine.Row(number, row)


def import_file(object_type, user, path, *, file_name, commit, progress=None) -> engine.Report:
    """Create or change one object per data row of the file at `path` (its first row names
    the columns), through the import engine.

    All rows or none: when any row has a problem nothing is written. Without `commit` the
    import runs in full and is rolled back, as a preview. With `commit` it is one entry in
    the audit trail listing the keys created and the fields changed. `progress(done,
    total)` hears how far it is. Raises PermissionDenied for a user who may not both add
    and change records of the type, ImportFileError for a file that is not a table.
    """
    model = object_type.model
    if not (permissions.may(user, "add", model) and permissions.may(user, "change", model)):
        raise PermissionDenied
    report = engine.Report(file_name=file_name)
    table = Table(path, file_name)
    with transaction.atomic(), without_field_records():
        rows = iter(table)
        columns = header_columns(object_type, next(rows, []), report)
        if columns:
            run = engine.Run(user, progress=_per_type(progress))
            run.add(object_type, table_rows(rows, columns, report), report, table.count())
            run.finish()
        if report.errors or not commit:
            transaction.set_rollback(True)
        else:
            record_change(
                model=model,
                action=ChangeAction.IMPORT,
                after={"file": file_name, **report.audit()},
                message=f"{file_name}: {report.created} created, {report.changed} changed, "
                f"{report.unchanged} unchanged",
            )
    return report


def _per_type(progress):
    """The engine's progress callback for one file's `progress(done, total)`."""
    if progress is None:
        return None
    return lambda _object_type, done, total: progress(done, total)


# Keeping the uploaded file between preview and confirmation ---------------------


def _uploads() -> Path:
    directory = Path(settings.DATA_DIR) / "imports"
    directory.mkdir(parents=True, exist_ok=True)
    return directory


def keep_upload(user, object_type, upload) -> str:
    """Store an uploaded file on the server; the preview and the confirmation name it by the
    returned token, so it is sent once."""
    directory = _uploads()
    drop_older_than(directory, UPLOAD_LIFETIME)
    token = str(uuid.uuid4())
    with (directory / token).open("wb") as kept:
        for chunk in upload.chunks():
            kept.write(chunk)
    about = {"user": user.pk, "type": object_type.slug, "file_name": upload.name}
    (directory / f"{token}.json").write_text(json.dumps(about), encoding="utf-8")
    return token


def kept_upload(token: str, user, object_type) -> tuple[str, Path]:
    """(file name, path) of a file this user uploaded for this object type, or Http404."""
    directory = _uploads()
    try:
        about = json.loads((directory / f"{token}.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise Http404 from exc
    path = directory / token
    if not path.exists() or about.get("user") != user.pk or about.get("type") != object_type.slug:
        raise Http404
    return about["file_name"], path


def drop_upload(token: str):
    for path in (_uploads() / token, _uploads() / f"{token}.json"):
        path.unlink(missing_ok=True)


# In the background ----------------------------------------------------------------


def in_background(table) -> bool:
    """Is the file long enough to be previewed and imported by a background job?"""
    return table.count() >= settings.IMPORT_IN_BACKGROUND_FROM_ROWS


def start_import_job(user, object_type, token, file_name, *, commit):
    """A background job that previews (or, with `commit`, imports) a kept upload."""
    title = _("Import of %(file)s") if commit else _("Preview of %(file)s")
    return jobs.start(
        run_import_job,
        kind="import",
        user=user,
        title=title % {"file": file_name},
        params={"slug": object_type.slug, "token": token, "commit": commit},
    )


@jobs.task()
def run_import_job(job_id: int):
    """The work of an import job: the engine on the kept upload, as the user who started it."""
    with jobs.running(job_id) as job:
        params = job.params
        object_type = registry.get(params["slug"])
        file_name, path = kept_upload(params["token"], job.user, object_type)
        with acting_as(Actor(channel="web", user=job.user)):
            report = import_file(
                object_type,
                job.user,
                path,
                file_name=file_name,
                commit=params["commit"],
                progress=functools.partial(jobs.advance, job),
            )
        if params["commit"] or report.errors:
            drop_upload(params["token"])
        job.result = report.as_json()
