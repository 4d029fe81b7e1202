"""Serve Cadre with waitress for the benchmark, timing every request inside the server.

    DATABASE_URL=... CADRE_SECRET_KEY=bench uv run python bench/serve.py --port 8765

Before serving, prints one JSON line with what the benchmark needs: a session cookie of a
admin user (signed in the way Django's test client's force_login does; an admin opens
every page measured, the audit trail included) and the
records the measured URLs point at. Each response carries `Server-Timing: app;dur=<ms>`,
the time from the request reaching Django to the last byte of the body being ready, so
the loopback connection and the client do not count.
"""

import argparse
import json
import os
import time

BENCH_USERNAME = "bench-mission-staff"


def timed(app):
    """A WSGI app that adds the wrapped app's time as a Server-Timing header."""

    def timed_app(environ, start_response):
        started = time.perf_counter()
        response_start = {}

        def hold_start(status, headers, exc_info=None):
            response_start.update(status=status, headers=headers, exc_info=exc_info)

        body = app(environ, hold_start)
        try:
            chunks = list(body)
            milliseconds = (time.perf_counter() - started) * 1000
        finally:
            if hasattr(body, "close"):
                body.close()
        headers = [*response_start["headers"], ("Server-Timing", f"app;dur={milliseconds:.3f}")]
        start_response(response_start["status"], headers, response_start["exc_info"])
        return chunks

    return timed_app


def targets() -> dict:
    """The session cookie of the benchmark user, and the records the benchmark asks for."""
    from django.conf import settings
    from django.test import Client

    from cadre.accounts.models import User
    from cadre.core.paging import make_cursor
    from cadre.core.roles import Role
    from cadre.missions.models import Mission, TimelineEvent

    user = User.objects.filter(username=BENCH_USERNAME).first() or User.objects.create(
        username=BENCH_USERNAME, role=Role.ADMIN
    )
    client = Client()
    client.force_login(user)
    events = TimelineEvent.objects.count()
    middle = TimelineEvent.objects.order_by("date", "id")[events // 2]
    cookie_name = settings.SESSION_COOKIE_NAME
    return {
        "session_cookie": f"{cookie_name}={client.cookies[cookie_name].value}",
        "events": events,
        "middle_event_pk": middle.pk,
        "middle_cursor": make_cursor(middle.date, middle.pk),
        "mission_key": Mission.objects.order_by("pk").values_list("key", flat=True).first(),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cadre.settings")
    from waitress import serve

    # The application exactly as `cadre serve` runs it (cadre.wsgi freezes the GC).
    from cadre.wsgi import application

    print(json.dumps(targets()), flush=True)
    serve(timed(application), host="127.0.0.1", port=args.port, threads=args.threads, _quiet=True)


if __name__ == "__main__":
    main()
