"""CSV and XLSX exports of a list: exactly the rows its filters show, in exchange form.

The columns are `id` and the object type's list columns, with each precision folded
into its date, so that a file exported here can be imported again unchanged.
Exports of any length stream: rows are read in chunks and never held all at once.
"""

import csv
import datetime
import re
import tempfile
import uuid
from pathlib import Path

import openpyxl
from django.conf import settings
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.db import connection, transaction
from django.db.models import (
    BooleanField,
    Case,
    CharField,
    F,
    Func,
    TextField,
    Value,
    When,
    Window,
)
from django.db.models.functions import Cast, Concat, RowNumber
from django.http import FileResponse, Http404, HttpRequest, QueryDict, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from . import dates, exchange, jobs, paging, permissions, registry
from .kept_files import drop_older_than
from .models import Job
from .views import ObjectTypeMixin, filtered_queryset, sort_from

CHUNK_SIZE = 2000
EXPORT_LIFETIME = datetime.timedelta(days=1)
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def export_fields(object_type) -> list:
    """The list's columns that an import takes back: not the precisions (folded into their
    dates), and not what only the type's service writes (a release date, a decision)."""
    model = object_type.model
    precisions = set(exchange.precision_pairs(model).values())
    fields = [model._meta.get_field(c) for c in object_type.columns if c not in precisions]
    return [f for f in fields if f.editable]


def export_rows(object_type, queryset, fields, user=None):
    """The header, then one list of exchange values per record, read CHUNK_SIZE at a time.

    Values are read as values, not as model instances, and related records by their keys
    alone: an export of a million rows builds no million objects (see bench/README.md).
    Many-to-many keys come in one query per field and chunk, only for the fields exported,
    and only of the related records `user` may view (all of them when no user is given).
    """
    yield ["id", *(f.name for f in fields)]
    pairs = exchange.precision_pairs(object_type.model)
    columns, readers = ["pk"], []
    for field in fields:
        if field.many_to_many:
            readers.append(("many", field))
            continue
        position = len(columns)
        if field.many_to_one:
            columns.append(f"{field.name}__{exchange.key_field(field.related_model)}")
            readers.append(("plain", position))
        elif field.name in pairs:
            columns += [field.name, pairs[field.name]]
            readers.append(("dated", position))
        else:
            columns.append(field.name)
            readers.append(("plain", position))
    values = queryset.select_related(None).prefetch_related(None).values_list(*columns)
    chunk = []
    for row in values.iterator(chunk_size=CHUNK_SIZE):
        chunk.append(row)
        if len(chunk) == CHUNK_SIZE:
            yield from _exchange_rows(chunk, readers, user)
            chunk = []
    yield from _exchange_rows(chunk, readers, user)


def _many_keys(field, pks, user) -> dict:
    """{record id: sorted keys of its related records} for one many-to-many field."""
    through = field.remote_field.through
    source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
    key = exchange.key_field(field.related_model)
    found = {}
    links = through._default_manager.filter(**{f"{source}_id__in": pks})
    if user is not None and _scoped_for(user, field.related_model):
        links = links.filter(**{f"{target}__in": permissions.viewable(user)(field.related_model)})
    links = links.values_list(f"{source}_id", f"{target}__{key}")
    for pk, related_key in links:
        found.setdefault(pk, []).append(related_key)
    return {pk: sorted(keys) for pk, keys in found.items()}


def _scoped_for(user, model) -> bool:
    """Does this user view only some rows of `model` (their nation's, or the published)?"""
    object_type = registry.for_model(model)
    return permissions.nation_bound(user, "view", object_type) or permissions.published_only(
        user, object_type
    )


def _exchange_rows(chunk, readers, user):
    if not chunk:
        return
    pks = [row[0] for row in chunk]
    many = {field.name: _many_keys(field, pks, user) for kind, field in readers if kind == "many"}
    for row in chunk:
        out = [row[0]]
        for kind, where in readers:
            if kind == "many":
                out.append(many[where.name].get(row[0], []))
            elif kind == "dated":
                out.append(dates.unparse(row[where], row[where + 1]))
            else:
                value = row[where]
                out.append(value.isoformat() if isinstance(value, datetime.date) else value)
        yield out


class _Lines:
    """A file that hands back what is written to it, so csv.writer can feed a stream."""

    def write(self, line):
        return line


FORMULA_STARTS = exchange.FORMULA_STARTS


def csv_cell(value) -> str:
    """A value as CSV text that no spreadsheet runs as a formula.

    Text starting like a formula gets a leading apostrophe, as OWASP advises for CSV
    injection; numbers are numbers (a negative one stays as it is), and imports take the
    apostrophe off again (`exchange.read`), so an export still imports unchanged.
    """
    text = exchange.text_of(value)
    if isinstance(value, str) and text.startswith(FORMULA_STARTS):
        return "'" + text
    return text


def csv_lines(rows):
    writer = csv.writer(_Lines(), lineterminator="\n")
    # The byte-order mark makes spreadsheet programs read the file as UTF-8 (Arabic names).
    yield "\ufeff"
    for row in rows:
        yield writer.writerow([csv_cell(v) for v in row])


def _exchange_expressions(fields) -> list:
    """Each exported field but the many-to-many ones as an SQL expression giving the text
    `csv_cell` would write for it."""
    expressions = []
    for field in fields:
        pairs = exchange.precision_pairs(field.model)
        if field.many_to_one:
            expressions.append(F(f"{field.name}__{exchange.key_field(field.related_model)}"))
        elif field.name in pairs:
            as_text = {
                dates.DatePrecision.YEAR: "YYYY",
                dates.DatePrecision.MONTH: "YYYY-MM",
            }
            expressions.append(
                Case(
                    *(
                        When(
                            **{pairs[field.name]: precision},
                            then=Func(F(field.name), Value(pattern), function="to_char"),
                        )
                        for precision, pattern in as_text.items()
                    ),
                    default=Cast(F(field.name), TextField()),
                    output_field=TextField(),
                )
            )
        elif isinstance(field, BooleanField):
            expressions.append(
                Case(
                    When(**{field.name: True}, then=Value("true")),
                    When(**{field.name: False}, then=Value("false")),
                    default=Value(""),
                )
            )
        elif isinstance(field, CharField | TextField):
            formula = "^[" + re.escape("".join(FORMULA_STARTS)) + "]"
            expressions.append(
                Case(
                    When(
                        **{f"{field.name}__regex": formula}, then=Concat(Value("'"), F(field.name))
                    ),
                    default=F(field.name),
                    output_field=TextField(),
                )
            )
        else:
            expressions.append(F(field.name))
    return expressions


def _many_keys_sql(field, rows: str) -> str:
    """SQL of (record id, its related keys joined by ';') for the records in `rows`."""
    quote = connection.ops.quote_name
    through = field.remote_field.through._meta
    target = field.related_model._meta
    source_column = through.get_field(field.m2m_field_name()).column
    target_column = through.get_field(field.m2m_reverse_field_name()).column
    key = quote(target.get_field(exchange.key_field(field.related_model)).column)
    return (
        f"SELECT t.{quote(source_column)} AS id, "
        f"string_agg(r.{key}, '{exchange.MANY_SEPARATOR}' ORDER BY r.{key}) AS keys "
        f"FROM {quote(through.db_table)} t JOIN {quote(target.db_table)} r "
        f"ON r.{quote(target.pk.column)} = t.{quote(target_column)} "
        f"WHERE t.{quote(source_column)} IN (SELECT {rows}.pk FROM {rows}) "
        f"GROUP BY t.{quote(source_column)}"
    )


def copied_csv_lines(queryset, fields):
    """The CSV export written by PostgreSQL itself (COPY), the same text `csv_lines` gives.

    PostgreSQL turns rows into CSV far faster than Python can (bench/README.md), and the
    first line leaves at once, however long the list. The list's query (its filters and
    order) is Django's; each many-to-many field is aggregated once for the whole list and
    joined on, rather than looked up row by row.
    """
    yield "\ufeff"
    yield csv_cell_line(["id", *(f.name for f in fields)])
    plain = [f for f in fields if not f.many_to_many]
    names = [f"c{position}" for position in range(len(plain))]
    ordering = queryset.query.order_by or ("pk",)
    values = (
        queryset.select_related(None)
        .prefetch_related(None)
        .annotate(
            **dict(zip(names, _exchange_expressions(plain), strict=True)),
            ordinal=Window(RowNumber(), order_by=[_order(o) for o in ordering]),
        )
        .values_list("pk", "ordinal", *names)
    )
    sql, params = values.query.sql_with_params()
    columns, joins = ["q.pk"], []
    for field in fields:
        if field.many_to_many:
            alias = f"m{len(joins)}"
            joins.append(f"LEFT JOIN ({_many_keys_sql(field, 'q')}) {alias} ON {alias}.id = q.pk")
            columns.append(f"{alias}.keys")
        else:
            columns.append(f"q.c{plain.index(field)}")
    statement = (
        f"COPY (WITH q (pk, ordinal, {', '.join(names) or 'none'}) AS ({sql}) "
        f"SELECT {', '.join(columns)} FROM q {' '.join(joins)} ORDER BY q.ordinal) "
        "TO STDOUT WITH (FORMAT csv)"
    )
    with transaction.atomic(), connection.cursor() as cursor:
        # Compiling this one query for a JIT costs more than the JIT saves.
        cursor.execute("SET LOCAL jit = off")
        cursor.execute("SET LOCAL work_mem = '64MB'")
        with cursor.cursor.copy(statement, params) as copy:
            for data in copy:
                yield bytes(data).decode()


def _order(term):
    if isinstance(term, str):
        return F(term[1:]).desc() if term.startswith("-") else F(term).asc()
    return term


def csv_cell_line(cells) -> str:
    return csv.writer(_Lines(), lineterminator="\n").writerow(cells)


def _xlsx_cell(sheet, value):
    if isinstance(value, bool | int) or value is None:
        return value
    text = ILLEGAL_CHARACTERS_RE.sub("", exchange.text_of(value))
    cell = WriteOnlyCell(sheet, value=text)
    # Text stays text: a value starting with "=" must not become a formula.
    cell.data_type = "s"
    return cell


def xlsx_file(rows, title, output=None, progress=None):
    """The rows as a workbook written to `output` (by default a temporary file, deleted when
    closed). `progress(rows done)` hears how far it is, every CHUNK_SIZE rows."""
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet(title=title[:31])
    for done, row in enumerate(rows):
        sheet.append([_xlsx_cell(sheet, v) for v in row])
        if progress and done and done % CHUNK_SIZE == 0:
            progress(done)
    if output is None:
        output = tempfile.TemporaryFile()  # noqa: SIM115 (FileResponse closes it once sent)
    workbook.save(output)
    output.seek(0)
    return output


def export_file_name(object_type, file_format) -> str:
    return f"cadre-{object_type.slug}-{timezone.localdate():%Y-%m-%d}.{file_format}"


CONTENT_TYPES = {"csv": "text/csv; charset=utf-8", "xlsx": XLSX_TYPE}


def long_list(queryset, file_format) -> bool:
    """Does the list hold enough rows for its export to run in the background?"""
    threshold = {
        "csv": settings.EXPORT_CSV_IN_BACKGROUND_FROM_ROWS,
        "xlsx": settings.EXPORT_XLSX_IN_BACKGROUND_FROM_ROWS,
    }[file_format]
    return queryset.order_by()[:threshold].count() >= threshold


def csv_text(object_type, queryset, fields, user, rows):
    """The CSV lines of the export: written by PostgreSQL where it can (the fastest), else
    by Python. A reader scoped on a many-to-many field's records needs Python's filter."""
    scoped = any(f.many_to_many and _scoped_for(user, f.related_model) for f in fields)
    if connection.vendor == "postgresql" and not scoped:
        return copied_csv_lines(queryset, fields)
    return csv_lines(rows)


# In the background ----------------------------------------------------------------


def _exports() -> Path:
    directory = Path(settings.DATA_DIR) / "exports"
    directory.mkdir(parents=True, exist_ok=True)
    return directory


def exported_file(job) -> Path:
    """Where a finished export job's file is kept, for whoever started it to fetch."""
    file_format = job.params.get("format", "xlsx")
    return _exports() / f"{job.pk}-{job.params['token']}.{file_format}"


def start_export_job(user, object_type, query: str, file_format: str):
    """A background job that writes the list (its filters and order in `query`) to a file."""
    drop_older_than(_exports(), EXPORT_LIFETIME)
    return jobs.start(
        run_export_job,
        kind="export",
        user=user,
        title=_("Export of %(type)s") % {"type": object_type.verbose_name_plural},
        params={
            "slug": object_type.slug,
            "query": query,
            "format": file_format,
            "token": uuid.uuid4().hex,
        },
    )


@jobs.task()
def run_export_job(job_id: int):
    """The work of an export job: the list as its starter sees it now, written to a file."""
    with jobs.running(job_id) as job:
        object_type = registry.get(job.params["slug"])
        request = HttpRequest()
        request.GET, request.user = QueryDict(job.params["query"]), job.user
        if not permissions.may(job.user, "view", object_type.model):
            raise PermissionDenied
        _filterset, queryset = filtered_queryset(object_type, request)
        queryset = paging.ordered(queryset, *sort_from(object_type, request))
        total = queryset.count()
        jobs.advance(job, 0, total)
        fields = export_fields(object_type)
        rows = export_rows(object_type, queryset, fields, job.user)
        path, file_format = exported_file(job), job.params.get("format", "xlsx")
        with path.open("wb") as output:
            if file_format == "xlsx":
                advance = lambda done: jobs.advance(job, done, total)  # noqa: E731
                xlsx_file(rows, object_type.slug, output, advance)
            else:
                _write_csv(csv_text(object_type, queryset, fields, job.user, rows), output, job)
        jobs.advance(job, total, total)
        job.result = {"file_name": export_file_name(object_type, file_format), "rows": total}


def _write_csv(lines, output, job):
    """Write the lines, telling the job how many rows are out every CHUNK_SIZE lines."""
    written = 0
    for text in lines:
        output.write(text.encode())
        written += text.count("\n")
        if written >= CHUNK_SIZE:
            jobs.advance(job, job.done + written, job.total)
            written = 0


class ExportDownloadView(LoginRequiredMixin, View):
    """/jobs/<pk>/download/: the workbook of a finished export job, for whoever started it."""

    def get(self, request, pk):
        job = get_object_or_404(
            Job.objects.filter(user=request.user, kind="export", status=Job.Status.FINISHED),
            pk=pk,
        )
        path = exported_file(job)
        if not path.exists():
            raise Http404
        return FileResponse(
            path.open("rb"),
            as_attachment=True,
            filename=job.result["file_name"],
            content_type=CONTENT_TYPES[job.params.get("format", "xlsx")],
        )


class ExportView(ObjectTypeMixin, View):
    """/record/<slug>/export.csv or .xlsx: the list with the filters in the query string."""

    file_format = "csv"

    def get(self, request, *args, **kwargs):
        self.restricted("view")
        _filterset, queryset = filtered_queryset(self.object_type, request)
        queryset = paging.ordered(queryset, *sort_from(self.object_type, request))
        fields = export_fields(self.object_type)
        rows = export_rows(self.object_type, queryset, fields, request.user)
        name = export_file_name(self.object_type, self.file_format)
        if long_list(queryset, self.file_format):
            query = request.GET.urlencode()
            job = start_export_job(request.user, self.object_type, query, self.file_format)
            return redirect("jobs:detail", job.pk)
        if self.file_format == "xlsx":
            output = xlsx_file(rows, self.object_type.slug)
            return FileResponse(output, as_attachment=True, filename=name, content_type=XLSX_TYPE)
        return StreamingHttpResponse(
            csv_text(self.object_type, queryset, fields, request.user, rows),
            content_type=CONTENT_TYPES["csv"],
            headers={"Content-Disposition": f'attachment; filename="{name}"'},
        )
