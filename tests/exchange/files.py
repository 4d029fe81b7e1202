"""Reading exports back and uploading files, as a user's browser would."""

import csv
import io

import openpyxl
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse


def csv_rows(response) -> list[list[str]]:
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


def xlsx_rows(response) -> list[list]:
    workbook = openpyxl.load_workbook(
        io.BytesIO(b"".join(response.streaming_content)), read_only=True
    )
    rows = [list(row) for row in workbook.worksheets[0].iter_rows(values_only=True)]
    # A workbook keeps no empty cells at the end of a row: give each row the header's width.
    width = max((len(row) for row in rows), default=0)
    return [row + [None] * (width - len(row)) for row in rows]


def csv_file(rows) -> bytes:
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    return out.getvalue().encode()


def xlsx_file(rows) -> bytes:
    workbook = openpyxl.Workbook()
    for row in rows:
        workbook.active.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def upload(client, slug, name, content: bytes):
    """Upload a file to the import page: the preview."""
    return client.post(
        reverse("core:import", args=[slug]), {"file": SimpleUploadedFile(name, content)}
    )


def confirm(client, slug, preview):
    """Press the confirm button of a preview."""
    return client.post(reverse("core:import-confirm", args=[slug, preview.context["token"]]))
