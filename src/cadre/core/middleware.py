"""Answers for requests that meet a database busy with someone else's write."""

from django.db import OperationalError
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

RETRY_AFTER_SECONDS = 30


def is_busy(exc) -> bool:
    """Did SQLite refuse because another connection holds the write lock? It lets one
    writer in at a time; a long import or dataset load can outlast the wait (settings)."""
    return isinstance(exc, OperationalError) and "is locked" in str(exc)


class DatabaseBusyMiddleware:
    """A write that waited its turn in vain is answered 503 with Retry-After, saying why,
    never a 500: nothing of it was kept, and sending it again later will work."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exc):
        if not is_busy(exc):
            return None
        message = _(
            "Cadre is busy writing someone else's import or load; nothing of yours was "
            "saved. Try again in a minute."
        )
        if request.path_info.startswith("/api/"):
            response = JsonResponse({"detail": message}, status=503)
        else:
            response = render(request, "core/busy.html", {"message": message}, status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
