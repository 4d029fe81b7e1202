"""What one imported file may hold: a workbook that claims, or unpacks to, more than the
caps is refused at once, naming the cap, before it can fill the server's memory."""

import io
import re
import time
import tracemalloc
import zipfile

import pytest

from cadre.core.imports import ImportFileError, Table
from cadre.core.roles import Role

from .files import csv_file, upload, xlsx_file

pytestmark = pytest.mark.django_db

HEADER = ["key", "name", "kind", "nation", "within", "latitude", "longitude"]
ROW = ["besmaya", "Besmaya", "camp", "IRQ", "", "33.17", "44.65"]
SHEET = "xl/worksheets/sheet1.xml"
STRINGS = "xl/sharedStrings.xml"
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
CHUNK = 1024 * 1024


@pytest.fixture
def staff(client_as):
    return client_as(Role.MISSION_STAFF)


def rewritten(workbook: bytes, parts: dict) -> bytes:
    """The workbook with each part named in `parts` replaced by parts[name](its XML text, or
    "" for a new part): an iterable of text, written to the zip a chunk at a time."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(workbook)) as source, zipfile.ZipFile(out, "w") as target:
        old = {info.filename: source.read(info).decode() for info in source.infolist()}
        for name in [*old, *(name for name in parts if name not in old)]:
            info = zipfile.ZipInfo(name)
            info.compress_type = zipfile.ZIP_DEFLATED
            with target.open(info, "w", force_zip64=True) as written:
                chunks = parts[name](old.get(name, "")) if name in parts else [old[name]]
                for chunk in chunks:
                    written.write(chunk.encode())
    return out.getvalue()


def claiming(dimension: str, rows=(HEADER, ROW)) -> bytes:
    """A small workbook whose sheet says it spans `dimension`."""
    return rewritten(
        xlsx_file(rows),
        {
            SHEET: lambda xml: [
                re.sub(r'<dimension ref="[^"]*" ?/>', f'<dimension ref="{dimension}"/>', xml)
            ]
        },
    )


def with_shared_string(run: int, text="") -> bytes:
    """A workbook whose one data cell is a shared string: `text`, then `run` x's. A run of
    one character zips to about a thousandth of its length."""

    def strings(_xml):
        yield f'<sst xmlns="{MAIN}" count="1" uniqueCount="1"><si><t>{text}'
        for _ in range(run // CHUNK):
            yield "x" * CHUNK
        yield "x" * (run % CHUNK) + "</t></si></sst>"

    relation = (
        '<Relationship Id="rIdStrings" Target="sharedStrings.xml" Type="http://schemas.'
        'openxmlformats.org/officeDocument/2006/relationships/sharedStrings"/></Relationships>'
    )
    content_type = (
        '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats'
        '-officedocument.spreadsheetml.sharedStrings+xml"/></Types>'
    )
    return rewritten(
        xlsx_file([["key"], ["placeholder"]]),
        {
            SHEET: lambda xml: [
                re.sub(r'<c r="A2" t="inlineStr">.*?</c>', '<c r="A2" t="s"><v>0</v></c>', xml)
            ],
            STRINGS: strings,
            "xl/_rels/workbook.xml.rels": lambda xml: [xml.replace("</Relationships>", relation)],
            "[Content_Types].xml": lambda xml: [xml.replace("</Types>", content_type)],
        },
    )


def refusal(path) -> tuple[str, float, int]:
    """(the refusal's message, seconds taken, peak bytes allocated) of reading the workbook."""
    tracemalloc.start()
    start = time.monotonic()
    try:
        with pytest.raises(ImportFileError) as refused:
            Table(path, "bomb.xlsx").count()
        return str(refused.value), time.monotonic() - start, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def write(tmp_path, content: bytes):
    path = tmp_path / "bomb.xlsx"
    path.write_bytes(content)
    return path


def test_a_workbook_claiming_every_row_and_column_is_refused_at_once_in_flat_memory(tmp_path):
    bomb = claiming("A1:XFD1048576")
    assert len(bomb) < 10_000

    message, seconds, peak = refusal(write(tmp_path, bomb))

    assert "spans 1048576 rows and 16384 columns" in message
    assert "at most 1000000 rows after the header and 1000 columns" in message
    assert seconds < 5
    assert peak < 50 * 1024 * 1024


def test_a_workbook_built_as_the_bombs_are_is_read(tmp_path):
    path = write(tmp_path, with_shared_string(3, text="camp-"))

    assert list(Table(path, "camps.xlsx")) == [["key"], ["camp-xxx"]]


def test_a_workbook_with_a_huge_shared_string_is_refused_before_it_is_unzipped(tmp_path):
    bomb = with_shared_string(64 * 1024 * 1024)
    assert len(bomb) < 1024 * 1024

    message, seconds, peak = refusal(write(tmp_path, bomb))

    assert f"part {STRINGS} unpacks to 64 MB" in message
    assert "more than 100 times its zipped size" in message
    assert seconds < 5
    assert peak < 50 * 1024 * 1024  # the string alone is 64 MB


def test_a_workbook_unpacking_to_more_than_the_cap_is_refused(tmp_path, settings):
    settings.IMPORT_MAX_XLSX_UNPACKED_BYTES = 1024 * 1024
    rows = [
        HEADER,
        *([f"camp-{n}", f"Camp {n}", "camp", "IRQ", "", "33", "44"] for n in range(5000)),
    ]

    message, _seconds, _peak = refusal(write(tmp_path, xlsx_file(rows)))

    assert message == (
        "The workbook unpacks to 2 MB; at most 1 MB are read. Split it into several files."
    )


def test_a_claimed_dimension_within_the_caps_is_not_trusted_for_the_width(tmp_path):
    path = write(tmp_path, claiming("A1:ALL5"))

    rows = list(Table(path, "places.xlsx"))

    assert rows == [HEADER, ROW]


def test_rows_past_the_cap_are_refused_naming_the_row_though_the_sheet_claims_fewer(
    tmp_path, settings
):
    settings.IMPORT_MAX_ROWS = 3
    path = write(tmp_path, claiming("A1", rows=[HEADER, *[ROW] * 5]))

    with pytest.raises(ImportFileError, match="Row 5: a file may have at most 3 rows"):
        Table(path, "places.xlsx").count()


def test_csv_rows_past_the_cap_are_refused_naming_the_row(tmp_path, settings):
    settings.IMPORT_MAX_ROWS = 3
    path = tmp_path / "places.csv"
    path.write_bytes(csv_file([HEADER, *[ROW] * 5]))

    with pytest.raises(ImportFileError, match="Row 5: a file may have at most 3 rows"):
        Table(path, "places.csv").count()


def test_a_cell_past_the_column_cap_is_refused_naming_row_and_column(tmp_path, settings):
    settings.IMPORT_MAX_COLUMNS = 10
    wide = ROW + [""] * 4 + ["far out"]
    path = write(tmp_path, claiming("A1", rows=[HEADER, wide]))

    with pytest.raises(
        ImportFileError, match="Row 2, column 12: a file may have at most 10 columns"
    ):
        Table(path, "places.xlsx").count()


def test_a_cell_longer_than_a_spreadsheet_cell_is_refused_naming_row_and_column(tmp_path):
    # openpyxl cuts what it writes to a spreadsheet cell's length: lengthen it in the XML.
    longer = rewritten(
        xlsx_file([HEADER, ROW]),
        {SHEET: lambda xml: [xml.replace("<t>Besmaya</t>", f"<t>{'n' * 32_768}</t>")]},
    )
    path = write(tmp_path, longer)

    with pytest.raises(
        ImportFileError,
        match="Row 2, column 2: the cell holds 32768 characters; a cell may hold at most 32767",
    ):
        Table(path, "places.xlsx").count()


@pytest.mark.parametrize(
    "bomb, message",
    [
        (lambda: claiming("A1:XFD1048576"), "spans 1048576 rows and 16384 columns"),
        (lambda: with_shared_string(8 * 1024 * 1024), "more than 100 times its zipped size"),
    ],
    ids=["claimed-dimension", "huge-shared-string"],
)
def test_the_import_page_refuses_a_workbook_bomb_with_its_reason(staff, bomb, message):
    response = upload(staff, "locations", "places.xlsx", bomb())

    assert response.status_code == 400
    assert message in " ".join(response.context["form"].errors["file"])
