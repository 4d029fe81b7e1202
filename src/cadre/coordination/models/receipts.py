"""Where delivery receipts are kept, and the address they are read from.

Receipts are not served as static media: a receipt's address is its delivery's download
page, which checks that the reader may read that delivery (another nation's user is
refused), so the stored file's own path is never handed out. The page (signed in) and
GET /api/deliveries/<key>/receipt/ (with an API token) hand the file over alike.
"""

import mimetypes
from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.http import FileResponse
from django.urls import reverse
from django.utils.deconstruct import deconstructible


def receipt_path(delivery, filename: str) -> str:
    """receipts/<delivery key>/<file name>: the key leads from the file to its delivery."""
    return f"receipts/{delivery.key}/{Path(filename).name}"


@deconstructible
class ReceiptStorage(FileSystemStorage):
    """The receipts under MEDIA_ROOT, each read at its delivery's download address."""

    def __init__(self):
        super().__init__()

    @property
    def base_location(self):
        return settings.MEDIA_ROOT

    @property
    def location(self):
        return str(Path(settings.MEDIA_ROOT).resolve())

    def url(self, name):
        parts = Path(name).parts
        key = parts[1] if len(parts) > 2 else ""
        return reverse("coordination:delivery-receipt", args=[key])


def receipt_response(receipt) -> FileResponse:
    """The stored receipt (a delivery's `receipt`) as a download under its own file name."""
    name = Path(receipt.name).name
    response = FileResponse(
        receipt.open("rb"),
        as_attachment=True,
        filename=name,
        content_type=mimetypes.guess_type(name)[0] or "application/octet-stream",
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response
