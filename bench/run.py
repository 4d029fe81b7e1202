"""Benchmark Cadre's timeline pages and API at growing sizes of the mission record.

    uv run python bench/run.py --sizes 1e3,1e5,1e6 [--keep] [--requests 60]

For each size: a fresh PostgreSQL database (cadre_bench_<size>), `migrate`, the synthetic
record from generate.py, VACUUM ANALYZE; then a real server (serve.py, waitress) and a
sequence of signed-in requests per URL, timed inside the server. Prints a table of p50 and
p95 per request and size, the growth of p95 between sizes, and p95 as a multiple of the
baseline (/healthz, no database) measured in the same run. Requests whose p95 misses the
target are explained (explain.py) into bench/results/. See bench/README.md.
"""

import argparse
import datetime
import html
import json
import os
import re
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import psycopg

BENCH_DIR = Path(__file__).resolve().parent
RESULTS_DIR = BENCH_DIR / "results"
SERVER = "postgres://postgres@127.0.0.1:5432"
TARGET_P95_MS = 150.0
TARGET_GROWTH = 1.5
DEEP_PAGE = 20
MIN_REQUESTS = 20
NEXT_LINK = re.compile(r'rel="next" href="\?([^"]+)"')


@dataclass
class Timing:
    status: int
    server_ms: list[float] = field(default_factory=list)
    client_ms: list[float] = field(default_factory=list)

    @staticmethod
    def percentile(values, share):
        return statistics.quantiles(values, n=100, method="inclusive")[share - 1]

    def as_dict(self):
        return {
            "status": self.status,
            "requests": len(self.server_ms),
            "p50_ms": self.percentile(self.server_ms, 50),
            "p95_ms": self.percentile(self.server_ms, 95),
            "client_p50_ms": self.percentile(self.client_ms, 50),
            "client_p95_ms": self.percentile(self.client_ms, 95),
            "server_ms": [round(v, 3) for v in self.server_ms],
        }


class Browser:
    """Sends signed-in GETs to the benchmark server."""

    def __init__(self, port: int, session_cookie: str):
        self.base = f"http://127.0.0.1:{port}"
        self.session_cookie = session_cookie

    def get(self, path: str) -> tuple[int, bytes, float, float]:
        """(status, body, server ms, client ms)."""
        request = urllib.request.Request(self.base + path, headers={"Cookie": self.session_cookie})
        started = time.perf_counter()
        try:
            with urllib.request.urlopen(request) as response:
                body, status, headers = response.read(), response.status, response.headers
        except urllib.error.HTTPError as error:
            body, status, headers = error.read(), error.code, error.headers
        client_ms = (time.perf_counter() - started) * 1000
        server_ms = float(headers["Server-Timing"].split("dur=")[1])
        return status, body, server_ms, client_ms

    def measure(self, path: str, warmup: int, requests: int, budget_seconds: float) -> Timing:
        """`requests` timed GETs, fewer (but at least MIN_REQUESTS) when they overrun the budget."""
        for _ in range(warmup):
            self.get(path)
        timing = None
        deadline = time.monotonic() + budget_seconds
        for n in range(requests):
            if n >= MIN_REQUESTS and time.monotonic() > deadline:
                break
            status, _, server_ms, client_ms = self.get(path)
            timing = timing or Timing(status)
            timing.status = max(timing.status, status)
            timing.server_ms.append(server_ms)
            timing.client_ms.append(client_ms)
        return timing

    def page_of_timeline(self, number: int) -> str:
        """The URL of the timeline's page `number`, reached by following its "next" links."""
        path = "/timeline/"
        for _ in range(number - 1):
            _, body, _, _ = self.get(path)
            path = "/timeline/?" + html.unescape(NEXT_LINK.search(body.decode()).group(1))
        return path

    def page_of_api(self, number: int) -> str:
        path = "/api/events/"
        for _ in range(number - 1):
            _, body, _, _ = self.get(path)
            path = json.loads(body)["next"].removeprefix(self.base)
        return path


def requests_to_measure(browser: Browser, targets: dict) -> dict[str, str]:
    """Label -> path, in the order of the table."""
    mission = targets["mission_key"]
    return {
        "baseline: /healthz (no database)": "/healthz",
        "timeline, page 1": "/timeline/",
        "timeline, kind + years": "/timeline/?kind=visit&date_year_from=2010&date_year_to=2015",
        "timeline, one mission": f"/timeline/?missions={mission}",
        "timeline, newest first": "/timeline/?sort=-date",
        f"timeline, page {DEEP_PAGE} by next links": browser.page_of_timeline(DEEP_PAGE),
        "timeline, middle row (cursor)": f"/timeline/?cursor={targets['middle_cursor']}",
        "timeline, search one word": "/timeline/?q=erbil",
        "event detail": f"/record/events/{targets['middle_event_pk']}/",
        "API list, page 1": "/api/events/",
        "API list, kind + years + mission": (
            f"/api/events/?kind=visit&date_year_from=2010&date_year_to=2015&missions={mission}"
        ),
        f"API list, page {DEEP_PAGE} by next links": browser.page_of_api(DEEP_PAGE),
        "home": "/",
        "mission page": f"/missions/{mission}/",
        "missions": "/missions/",
        "chain of command": "/chain-of-command/?on=2010-06-01",
        "locations": "/locations/",
        "sources and claims": "/sources/",
        "audit trail": "/audit/",
        "event add form": "/record/events/add/",
        "event edit form": f"/record/events/{targets['middle_event_pk']}/edit/",
        "reporting line add form": "/record/reporting-lines/add/",
        **{f"list: {slug}": f"/record/{slug}/" for slug in LIST_SLUGS},
    }


# Every generic list (the events list is the timeline's, measured above as well).
LIST_SLUGS = [
    "nations",
    "sources",
    "claims",
    "locations",
    "organisations",
    "missions",
    "mission-names",
    "mandates",
    "events",
    "reporting-lines",
    "appointments",
    "participations",
    "mission-locations",
    "force-levels",
    "scope-changes",
]
EXPORTS = {"events CSV": "/record/events/export.csv", "events XLSX": "/record/events/export.xlsx"}


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def measure_export(browser, path: str, env: dict, rows: int) -> dict:
    """One export read to its end: seconds to the first byte and in all, and rows a second.

    A long XLSX export answers with its job's page (a redirect): the job is then run to its
    end by `cadre worker --batch`, and its seconds are the request's plus the worker's."""
    started = time.perf_counter()
    request = urllib.request.Request(
        browser.base + path, headers={"Cookie": browser.session_cookie}
    )
    opener = urllib.request.build_opener(_NoRedirect)
    first_byte, size, lines, job = None, 0, 0, None
    try:
        with opener.open(request, timeout=3600) as response:
            while chunk := response.read(1 << 16):
                first_byte = first_byte or time.perf_counter() - started
                size += len(chunk)
                lines += chunk.count(b"\n")
    except urllib.error.HTTPError as answer:
        if answer.code != 302:
            raise
        first_byte, job = time.perf_counter() - started, answer.headers["Location"]
        worker = [sys.executable, "-m", "cadre.cli", "worker", "--batch"]
        subprocess.run(worker, env=env, check=True)
    seconds = time.perf_counter() - started
    return {
        "first_byte_s": round(first_byte or seconds, 3),
        "seconds": round(seconds, 2),
        "bytes": size,
        "background_job": job,
        # A job's file is not read here: its rows are the list's, every event.
        "csv_rows_per_s": (
            round((rows if job else lines - 1) / seconds) if path.endswith(".csv") else None
        ),
    }


def size_label(events: int) -> str:
    exponent = len(str(events)) - 1
    return f"1e{exponent}" if events == 10**exponent else str(events)


def bench_env(database: str) -> dict:
    return {
        **os.environ,
        "DATABASE_URL": f"{SERVER}/{database}",
        "CADRE_SECRET_KEY": "bench",
        "CADRE_DEBUG": "0",
        "CADRE_LOGIN_THROTTLE": "0",
        "PYTHONUNBUFFERED": "1",
    }


def recreate_database(name: str, drop_only=False):
    with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        if not drop_only:
            connection.execute(f'CREATE DATABASE "{name}"')


def bench_size(events: int, args) -> dict:
    label = size_label(events)
    database = f"cadre_bench_{label}"
    env = bench_env(database)
    recreate_database(database)
    print(f"\n== {label} events: generating into {database}", file=sys.stderr, flush=True)
    started = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            BENCH_DIR / "generate.py",
            "--events",
            str(events),
            "--seed",
            str(args.seed),
        ],
        env=env,
        check=True,
    )
    load_seconds = time.perf_counter() - started
    server = subprocess.Popen(
        [sys.executable, BENCH_DIR / "serve.py", "--port", str(args.port)],
        env=env,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        targets = json.loads(server.stdout.readline())
        browser = Browser(args.port, targets["session_cookie"])
        wait_for(browser)
        paths = requests_to_measure(browser, targets)
        timings = {}
        for label_of_request, path in paths.items():
            print(f"   {label_of_request}: {path[:90]}", file=sys.stderr, flush=True)
            timings[label_of_request] = browser.measure(
                path, args.warmup, args.requests, args.seconds_per_url
            ).as_dict()
        exports = {}
        for label_of_export, path in EXPORTS.items():
            if path.endswith(".xlsx") and events > args.xlsx_up_to:
                continue
            print(f"   export {label_of_export}: {path}", file=sys.stderr, flush=True)
            exports[label_of_export] = measure_export(browser, path, env, events)
    finally:
        server.terminate()
        server.wait()
    missed = [paths[name] for name, t in timings.items() if t["p95_ms"] > TARGET_P95_MS]
    if missed:
        explained = RESULTS_DIR / f"explain-{label}.md"
        explained.unlink(missing_ok=True)
        subprocess.run(
            [sys.executable, BENCH_DIR / "explain.py", "--out", explained, *missed],
            env=env,
            check=True,
        )
        print(f"   slow requests explained in {explained}", file=sys.stderr)
    if not args.keep:
        recreate_database(database, drop_only=True)
    return {
        "events": events,
        "load_seconds": round(load_seconds, 1),
        "paths": paths,
        "timings": timings,
        "exports": exports,
    }


def wait_for(browser: Browser, seconds=30):
    deadline = time.monotonic() + seconds
    while True:
        try:
            browser.get("/healthz")
            return
        except (ConnectionError, urllib.error.URLError):
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def table(results: list[dict]) -> str:
    """A Markdown table: p50 / p95 (ms) per request and size, p95 growth, p95 over the baseline."""
    labels = [size_label(r["events"]) for r in results]
    by_size = {size_label(r["events"]): r["timings"] for r in results}
    growths = [(a, b) for a, b in [("1e3", "1e5"), ("1e5", "1e6")] if a in by_size and b in by_size]
    largest = labels[-1]
    baseline_name = next(iter(results[0]["timings"]))
    header = [
        "request",
        *(f"{s} p50 / p95" for s in labels),
        *(f"p95 {a}→{b}" for a, b in growths),
        f"p95 ÷ baseline at {largest}",
    ]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for name in results[0]["timings"]:
        cells = [name]
        for s in labels:
            t = by_size[s][name]
            failed = "" if t["status"] == 200 else f" (HTTP {t['status']})"
            cells.append(f"{t['p50_ms']:.1f} / {t['p95_ms']:.1f}{failed}")
        for a, b in growths:
            cells.append(f"{by_size[b][name]['p95_ms'] / by_size[a][name]['p95_ms']:.2f}x")
        baseline = by_size[largest][baseline_name]["p95_ms"]
        cells.append(f"{by_size[largest][name]['p95_ms'] / baseline:.0f}x")
        lines.append("| " + " | ".join(cells) + " |")
    lines += [
        "",
        "| export | size | first byte | total | CSV rows/s | as |",
        "|---|---|---|---|---|---|",
    ]
    for result in results:
        for name, export in result.get("exports", {}).items():
            rate = export["csv_rows_per_s"]
            way = "background job" if export.get("background_job") else "stream"
            lines.append(
                f"| {name} | {size_label(result['events'])} | {export['first_byte_s']} s "
                f"| {export['seconds']} s | {rate if rate is not None else '—'} | {way} |"
            )
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1e3,1e5,1e6", help="numbers of timeline events")
    parser.add_argument("--keep", action="store_true", help="keep the databases afterwards")
    parser.add_argument("--requests", type=int, default=60, help="timed requests per URL")
    parser.add_argument("--warmup", type=int, default=10, help="untimed requests per URL first")
    parser.add_argument(
        "--seconds-per-url",
        type=float,
        default=30,
        help=f"stop timing a URL after this long, once it has {MIN_REQUESTS} requests",
    )
    parser.add_argument(
        "--xlsx-up-to",
        type=float,
        default=1e5,
        help="time the XLSX export only up to this many events (it takes minutes at 10^6)",
    )
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    RESULTS_DIR.mkdir(exist_ok=True)
    sizes = sorted(int(float(s)) for s in args.sizes.split(","))
    started = datetime.datetime.now(datetime.UTC)
    results = [bench_size(events, args) for events in sizes]
    summary = table(results)
    stamp = started.strftime("%Y%m%dT%H%M%SZ")
    (RESULTS_DIR / f"{stamp}.json").write_text(
        json.dumps(
            {"started": started.isoformat(), "requests": args.requests, "results": results},
            indent=1,
        )
    )
    (RESULTS_DIR / f"{stamp}.md").write_text(summary + "\n")
    loads = ", ".join(f"{size_label(r['events'])}: {r['load_seconds']} s" for r in results)
    print(f"\nGenerate + migrate + VACUUM ANALYZE: {loads}\n\n{summary}")
    print(
        f"\nServer time in ms, {args.requests} requests per URL after {args.warmup} untimed; "
        f"target p95 < {TARGET_P95_MS:.0f} ms, growth 1e5→1e6 < {TARGET_GROWTH}x. "
        f"Saved in {RESULTS_DIR}/{stamp}.*"
    )


if __name__ == "__main__":
    main()
