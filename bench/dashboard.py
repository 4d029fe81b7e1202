"""The training dashboard at 10^6 enrolments: the page read from the training summary,
against the plain aggregate over the enrolments it replaces.

    uv run python bench/dashboard.py                    # build 10^6 enrolments, measure
    uv run python bench/dashboard.py --reuse            # measure the database built before
    uv run python bench/dashboard.py --enrolments 1e5   # a smaller run

The database (`cadre_bench_dashboard_<size>`) is built as bench/training.py builds its
own (migrate, the built-in dataset, `cadre generate-training`), then spread out in SQL so
that the dashboard has something to split: generated sessions start over 12 years, a third
belong to a mission of the record and a quarter take place at one of its locations, and
six enrolments in ten graduated, one did not. Those rows are written in bulk, past the
services, so the summary is then rebuilt by `cadre rebuild-training-summary` (timed), and
VACUUM ANALYZE.

Timed, as run.py times pages (server time from the Server-Timing header, p50 / p95):
/healthz and the page of the generated session holding the most enrolments (the
baselines, in the same run), the dashboard unfiltered and with each filter, and its CSV
export. Then, in a process of its own, the plain aggregate in SQL that the summary
replaces (`summary.aggregate()`: COUNT(DISTINCT person) per year, sex and category, over
every enrolment), timed three times (`--aggregate-runs`). Results go to
bench/results/dashboard-<time>.json and .md.
"""

import argparse
import datetime
import json
import subprocess
import sys
import time

import psycopg
from run import RESULTS_DIR, SERVER, Browser, bench_env, size_label, wait_for
from training import BENCH_DIR, build, cadre, load_average, measured_session

SPREAD = """
UPDATE training_session SET
    start = start - make_interval(years => (id % 12)::int),
    "end" = "end" - make_interval(years => (id % 12)::int),
    mission_id = CASE WHEN id % 3 = 0
        THEN (SELECT id FROM missions_mission ORDER BY id DESC LIMIT 1) END,
    location_id = CASE WHEN id % 4 = 1
        THEN (SELECT id FROM missions_location ORDER BY id
              LIMIT 1 OFFSET (training_session.id % 7)) END,
    status = 'completed'
WHERE generated;
UPDATE training_enrolment e SET
    status = CASE WHEN e.id % 10 < 6 THEN 'graduated' ELSE 'failed' END,
    graduation_reason = CASE WHEN e.id % 10 < 6 THEN '' ELSE 'Generated: did not pass.' END,
    decided_on = s."end"
FROM training_session s
WHERE s.id = e.session_id AND s.generated AND e.id % 10 < 7;
"""

AGGREGATE = """
import json, time
from cadre.cli import _setup
_setup()
from cadre.training import summary
times = []
for _ in range(RUNS):
    started = time.perf_counter()
    cells = summary.aggregate()
    times.append(round(time.perf_counter() - started, 2))
print(json.dumps({"seconds": times, "cells": len(cells)}))
"""


def spread(database: str) -> None:
    """Once: generate-training starts every session after today, so a session before it
    shows the database was spread already (--reuse)."""
    with psycopg.connect(f"{SERVER}/{database}", autocommit=True) as connection:
        done = connection.execute(
            "SELECT EXISTS (SELECT 1 FROM training_session WHERE generated "
            "AND start < CURRENT_DATE)"
        ).fetchone()[0]
        if not done:
            connection.execute(SPREAD)


def rebuild(database: str) -> float:
    started = time.perf_counter()
    cadre(bench_env(database), "rebuild-training-summary")
    seconds = time.perf_counter() - started
    with psycopg.connect(f"{SERVER}/{database}", autocommit=True) as connection:
        connection.execute("VACUUM ANALYZE")
    return seconds


def facts(database: str) -> dict:
    with psycopg.connect(f"{SERVER}/{database}") as connection:
        one = connection.execute
        return {
            "summary_rows": one("SELECT count(*) FROM training_trainingsummary").fetchone()[0],
            "years": one(
                "SELECT count(DISTINCT extract(year FROM start)) FROM training_session"
            ).fetchone()[0],
            "mission": one(
                "SELECT id, key FROM missions_mission ORDER BY id DESC LIMIT 1"
            ).fetchone(),
            "iraq": one("SELECT id FROM accounts_nation WHERE code = 'IRQ'").fetchone()[0],
        }


def pages(database: str, args, known: dict) -> tuple[dict, dict]:
    pk, _key, held, total = measured_session(database)
    mission_id = known["mission"][0]
    paths = {
        "baseline: /healthz (no database)": "/healthz",
        "baseline: session page": f"/record/sessions/{pk}/",
        "dashboard, unfiltered": "/training/dashboard/",
        "dashboard, one mission": f"/training/dashboard/?mission={mission_id}",
        "dashboard, nation + service": (
            f"/training/dashboard/?nation={known['iraq']}&service=federal_police"
        ),
        "dashboard, 2020-2024": "/training/dashboard/?year_from=2020&year_to=2024",
        "dashboard, CSV export": "/training/dashboard/?export=csv",
    }
    server = subprocess.Popen(
        [sys.executable, BENCH_DIR / "serve.py", "--port", str(args.port)],
        env=bench_env(database),
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        targets = json.loads(server.stdout.readline())
        browser = Browser(args.port, targets["session_cookie"])
        wait_for(browser)
        timings = {}
        for label, path in paths.items():
            print(f"   {label}: {path}", file=sys.stderr, flush=True)
            timings[label] = browser.measure(
                path, args.warmup, args.requests, args.seconds_per_url
            ).as_dict()
    finally:
        server.terminate()
        server.wait()
    return paths, timings | {"_facts": {"enrolments": total, "session_enrolments": held}}


def plain_aggregate(database: str, runs: int) -> dict:
    result = subprocess.run(
        [sys.executable, "-c", AGGREGATE.replace("RUNS", str(runs))],
        env=bench_env(database),
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def table(paths, timings, aggregate) -> str:
    healthz = timings["baseline: /healthz (no database)"]["p95_ms"]
    session = timings["baseline: session page"]["p95_ms"]
    lines = [
        "| request | p50 / p95 ms | p95 ÷ /healthz | p95 ÷ session page | status |",
        "|---|---|---|---|---|",
    ]
    for label in paths:
        t = timings[label]
        lines.append(
            f"| {label} | {t['p50_ms']:.1f} / {t['p95_ms']:.1f} | {t['p95_ms'] / healthz:.0f}x "
            f"| {t['p95_ms'] / session:.1f}x | {t['status']} |"
        )
    runs = ", ".join(f"{s:.2f}" for s in aggregate["seconds"])
    lines.append(
        f"| plain aggregate over the enrolments (`summary.aggregate()`, 10 queries), "
        f"{len(aggregate['seconds'])} run(s) "
        f"| {runs} s | | {min(aggregate['seconds']) * 1000 / session:.0f}x (fastest) | |"
    )
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--enrolments", default="1e6")
    parser.add_argument("--reuse", action="store_true", help="measure the database built before")
    parser.add_argument("--requests", type=int, default=60)
    parser.add_argument("--warmup", type=int, default=10)
    parser.add_argument("--seconds-per-url", type=float, default=30)
    parser.add_argument("--port", type=int, default=8767)
    parser.add_argument(
        "--aggregate-runs", type=int, default=3, help="times the plain aggregate is timed"
    )
    args = parser.parse_args()

    RESULTS_DIR.mkdir(exist_ok=True)
    started_at = datetime.datetime.now(datetime.UTC)
    load_before = load_average()
    target = int(float(args.enrolments))
    database = f"cadre_bench_dashboard_{size_label(target)}"
    build_seconds = None
    if not args.reuse:
        print(f"== {size_label(target)} enrolments into {database}", file=sys.stderr)
        build_seconds = round(build(database, target), 1)
    cadre(bench_env(database), "migrate", "--verbosity", "0")
    spread(database)
    rebuild_seconds = round(rebuild(database), 1)
    known = facts(database)
    paths, timings = pages(database, args, known)
    found = timings.pop("_facts")
    aggregate = plain_aggregate(database, args.aggregate_runs)
    finished_at = datetime.datetime.now(datetime.UTC)
    header = (
        f"{started_at:%Y-%m-%d %H:%M}-{finished_at:%H:%M} UTC, load average {load_before} at "
        f"the start, {load_average()} at the end\n\n"
        f"- {found['enrolments']} enrolments over {known['years']} years; "
        f"built in {build_seconds} s; summary rebuilt in {rebuild_seconds} s "
        f"({known['summary_rows']} rows); the session measured holds "
        f"{found['session_enrolments']}\n"
    )
    text = header + "\n" + table(paths, timings, aggregate)
    stamp = f"{started_at:%Y%m%d-%H%M%S}"
    result = {
        "paths": paths,
        "timings": timings,
        "aggregate": aggregate,
        "build_seconds": build_seconds,
        "rebuild_seconds": rebuild_seconds,
        **found,
        **{k: v for k, v in known.items() if k != "mission"},
    }
    (RESULTS_DIR / f"dashboard-{stamp}.json").write_text(json.dumps(result, indent=1))
    (RESULTS_DIR / f"dashboard-{stamp}.md").write_text(text)
    print(text)


if __name__ == "__main__":
    main()
