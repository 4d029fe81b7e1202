"""Show where a page's time goes: its SQL queries, the plans of the slow ones, and a profile.

    DATABASE_URL=... CADRE_SECRET_KEY=bench uv run python bench/explain.py /timeline/ /api/events/

Requests go through Django's test client, signed in as the benchmark's mission_staff user;
the queries are captured and each slow one is run again under EXPLAIN (ANALYZE, BUFFERS);
then the request is run once more under cProfile, for the time spent outside SQL.
"""

import argparse
import contextlib
import cProfile
import os
import pstats
import sys
import time

SLOW_QUERY_MS = 5.0
PROFILE_LINES = 45


def explain(path: str, out) -> None:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from serve import BENCH_USERNAME

    from cadre.accounts.models import User

    client = Client()
    client.force_login(User.objects.get(username=BENCH_USERNAME))
    client.get(path)  # warm caches, as the benchmark does
    with CaptureQueriesContext(connection) as captured:
        started = time.perf_counter()
        response = client.get(path)
        milliseconds = (time.perf_counter() - started) * 1000
    queries = [(float(q["time"]) * 1000, q["sql"]) for q in captured.captured_queries]
    print(
        f"\n## GET {path}: HTTP {response.status_code}, {milliseconds:.1f} ms in the test client, "
        f"{len(queries)} queries, {sum(t for t, _ in queries):.1f} ms in SQL",
        file=out,
    )
    for query_ms, sql in queries:
        print(f"- {query_ms:7.1f} ms  {sql[:300]}", file=out)
    with connection.cursor() as cursor:
        for query_ms, sql in sorted(queries, reverse=True):
            if query_ms < SLOW_QUERY_MS:
                break
            cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}")
            plan = "\n".join(f"    {line}" for (line,) in cursor.fetchall())
            print(f"\n### {query_ms:.1f} ms\n    {sql}\n\n{plan}", file=out)
    profile = cProfile.Profile()
    profile.runcall(client.get, path)
    print(f"\n### Profile of GET {path}, by cumulative time\n```", file=out)
    pstats.Stats(profile, stream=out).sort_stats("cumulative").print_stats(PROFILE_LINES)
    print("```", file=out)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--out", help="append to this file instead of printing")
    args = parser.parse_args()

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cadre.settings")
    import django

    django.setup()
    with open(args.out, "a") if args.out else contextlib.nullcontext(sys.stdout) as out:
        for path in args.paths:
            explain(path, out)


if __name__ == "__main__":
    main()
