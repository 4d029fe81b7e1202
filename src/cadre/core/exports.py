"""CSV and XLSX exports of a list: exactly the rows its filters show, in exchange form.

The columns are `id` and the object type's list columns, with each precision folded
into its date, so that a file exported here can be imported again unchanged.
Exports of any length stream: rows are read in chunks and never held all at once.
"""

import csv
import tempfile

import openpyxl
from django.http import FileResponse, StreamingHttpResponse
from django.utils import timezone
from django.views import View
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from . import exchange, paging
from .views import ObjectTypeMixin, filtered_queryset, sort_from

CHUNK_SIZE = 2000
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def export_fields(object_type) -> list:
    model = object_type.model
    precisions = set(exchange.precision_pairs(model).values())
    return [model._meta.get_field(c) for c in object_type.columns if c not in precisions]


def export_rows(object_type, queryset, fields):
    """The header, then one list of exchange values per object, read CHUNK_SIZE at a time."""
    yield ["id", *(f.name for f in fields)]
    queryset = queryset.select_related(*(f.name for f in fields if f.many_to_one)).prefetch_related(
        *(f.name for f in fields if f.many_to_many)
    )
    for obj in queryset.iterator(chunk_size=CHUNK_SIZE):
        yield [obj.pk, *(exchange.value_of(obj, f) for f in fields)]


class _Lines:
    """A file that hands back what is written to it, so csv.writer can feed a stream."""

    def write(self, line):
        return line


# A spreadsheet program runs a cell that starts with one of these as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


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
    writer = csv.writer(_Lines())
    # The byte-order mark makes spreadsheet programs read the file as UTF-8 (Arabic names).
    yield "\ufeff"
    for row in rows:
        yield writer.writerow([csv_cell(v) for v in row])


def _xlsx_cell(sheet, value):
    if isinstance(value, bool | int) or value is None:
        return value
    text = ILLEGAL_CHARACTERS_RE.sub("", exchange.text_of(value))
    cell = WriteOnlyCell(sheet, value=text)
    # Text stays text: a value starting with "=" must not become a formula.
    cell.data_type = "s"
    return cell


def xlsx_file(rows, title):
    """A temporary file holding the rows as a workbook; it is deleted when closed."""
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet(title=title[:31])
    for row in rows:
        sheet.append([_xlsx_cell(sheet, v) for v in row])
    output = tempfile.TemporaryFile()  # noqa: SIM115 (FileResponse closes it once it is sent)
    workbook.save(output)
    output.seek(0)
    return output


class ExportView(ObjectTypeMixin, View):
    """/record/<slug>/export.csv or .xlsx: the list with the filters in the query string."""

    file_format = "csv"

    def get(self, request, *args, **kwargs):
        self.restricted("view")
        _filterset, queryset = filtered_queryset(self.object_type, request)
        queryset = paging.ordered(queryset, *sort_from(self.object_type, request))
        rows = export_rows(self.object_type, queryset, export_fields(self.object_type))
        name = f"cadre-{self.object_type.slug}-{timezone.localdate():%Y-%m-%d}.{self.file_format}"
        if self.file_format == "xlsx":
            output = xlsx_file(rows, self.object_type.slug)
            return FileResponse(output, as_attachment=True, filename=name, content_type=XLSX_TYPE)
        return StreamingHttpResponse(
            csv_lines(rows),
            content_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": f'attachment; filename="{name}"'},
        )
