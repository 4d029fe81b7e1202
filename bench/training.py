"""Training at 10^4 and 10^5 enrolments: the pages of one session, and seats per second.

    uv run python bench/training.py                       # 1e4 and 1e5 enrolments
    uv run python bench/training.py --sizes 1e4 --keep    # keep the database to look into it

For each size: a fresh PostgreSQL database (`cadre_bench_training_<size>`), migrated, the
built-in dataset loaded (its courses), then `cadre generate-training` with enough people
for about that many enrolments, and VACUUM ANALYZE. Cadre is then served by serve.py and
the session page, the enrolment list of that session and the API's enrolments of that
session are timed as run.py times pages (server time from the Server-Timing header),
with /healthz as the baseline in the same run. The session measured is the generated
session holding the most enrolments.

Then enrolment throughput through EnrolmentService (services.save, the session row locked
while the seats are counted): 8 threads, each with its own database connection, enrol
distinct people into one new session, then into 100 new sessions (thread i takes
sessions i, i+8, ...). Results go to bench/results/training-<time>.json and .md.
"""

import argparse
import datetime
import json
import math
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import psycopg
from run import (
    RESULTS_DIR,
    SERVER,
    Browser,
    bench_env,
    recreate_database,
    size_label,
    wait_for,
)

BENCH_DIR = Path(__file__).resolve().parent
# generate-training seats about 0.79 of the people it makes (the others are not cleared,
# or the courses do not admit them); asked for a size, make this many more people.
PEOPLE_PER_ENROLMENT = 1.27
THREADS = 8
SESSIONS = 100


def cadre(env, *args):
    subprocess.run([sys.executable, "-m", "cadre.cli", *args], env=env, check=True)


def build(database: str, enrolments: int) -> float:
    env = bench_env(database)
    recreate_database(database)
    started = time.perf_counter()
    cadre(env, "migrate", "--verbosity", "0")
    cadre(env, "load-dataset")
    people = math.ceil(enrolments * PEOPLE_PER_ENROLMENT)
    cadre(env, "generate-training", "--people", str(people))
    with psycopg.connect(f"{SERVER}/{database}", autocommit=True) as connection:
        connection.execute("VACUUM ANALYZE")
    return time.perf_counter() - started


def measured_session(database: str) -> tuple[int, str, int, int]:
    """(pk, key, its enrolments, all enrolments) of the session holding the most."""
    with psycopg.connect(f"{SERVER}/{database}") as connection:
        pk, key, held = connection.execute(
            "SELECT s.id, s.key, count(*) FROM training_session s "
            "JOIN training_enrolment e ON e.session_id = s.id "
            "WHERE s.generated GROUP BY s.id ORDER BY count(*) DESC, s.id LIMIT 1"
        ).fetchone()
        total = connection.execute("SELECT count(*) FROM training_enrolment").fetchone()[0]
    return pk, key, held, total


def pages(database: str, args) -> tuple[dict, dict]:
    pk, key, held, total = measured_session(database)
    paths = {
        "baseline: /healthz (no database)": "/healthz",
        "session page": f"/record/sessions/{pk}/",
        "enrolments of the session (page)": f"/record/enrolments/?session={key}",
        "enrolments of the session (API)": f"/api/enrolments/?session={key}",
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
        status, body, _, _ = browser.get(paths["enrolments of the session (API)"])
        found = json.loads(body).get("count", len(json.loads(body).get("results", [])))
        timings = {}
        for label, path in paths.items():
            print(f"   {label}: {path}", file=sys.stderr, flush=True)
            timings[label] = browser.measure(
                path, args.warmup, args.requests, args.seconds_per_url
            ).as_dict()
    finally:
        server.terminate()
        server.wait()
    facts = {
        "enrolments": total,
        "session": key,
        "session_enrolments": held,
        "api_status": status,
        "api_count": found,
    }
    return paths, timings | {"_facts": facts}


def throughput(database: str, args) -> dict:
    result = subprocess.run(
        [sys.executable, __file__, "--child-throughput", "--per-run", str(args.per_run)],
        env=bench_env(database),
        check=True,
        stdout=subprocess.PIPE,
        text=True,
    )
    return json.loads(result.stdout)


def child_throughput(per_run: int) -> dict:
    """Enrolments per second into one session and into 100, from THREADS threads."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cadre.settings")
    import django

    django.setup()
    from django.db import connection

    from cadre.core import services
    from cadre.training.models import Course, Enrolment, Person, Session, VettingCase

    course = services.save(
        Course(code="BENCH-SEATS", title="Seat throughput"), user=services.OPERATOR
    )
    # After every generated session, and within the generated clearances.
    latest = Session.objects.filter(generated=True).order_by("-end").values_list("end", flat=True)
    start = latest.first() + datetime.timedelta(days=10)
    end = start + datetime.timedelta(days=4)
    cleared = list(
        Person.objects.filter(
            vetting_cases__status=VettingCase.Status.CLEARED, vetting_cases__valid_until__gte=end
        )
        .order_by("pk")
        .values_list("pk", flat=True)[: 2 * per_run]
    )
    if len(cleared) < 2 * per_run:
        raise SystemExit(f"only {len(cleared)} cleared people; ask for fewer per run")

    def new_sessions(count, capacity):
        return [
            services.save(
                Session(
                    course=course,
                    start=start,
                    end=end,
                    capacity=capacity,
                    status=Session.Status.OPEN,
                ),
                user=services.OPERATOR,
            )
            for _ in range(count)
        ]

    def run(sessions, people):
        refused = []

        def work(thread):
            try:
                for n in range(thread, len(people), THREADS):
                    session = sessions[n % len(sessions)]
                    try:
                        services.save(
                            Enrolment(session=session, person_id=people[n]),
                            user=services.OPERATOR,
                        )
                    except Exception as exc:  # a refusal is counted, not fatal to the bench
                        refused.append(repr(exc)[:200])
            finally:
                connection.close()

        threads = [threading.Thread(target=work, args=(t,)) for t in range(THREADS)]
        started = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        seconds = time.perf_counter() - started
        made = Enrolment.objects.filter(session__in=sessions).count()
        return {
            "enrolments": made,
            "refused": len(refused),
            "first_refusal": refused[0] if refused else None,
            "seconds": round(seconds, 2),
            "per_second": round(made / seconds, 1),
        }

    one = run(new_sessions(1, per_run), cleared[:per_run])
    many = run(new_sessions(SESSIONS, per_run), cleared[per_run:])
    return {"one session": one, f"{SESSIONS} sessions": many}


def load_average() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def table(results: list[dict]) -> str:
    labels = [size_label(r["target"]) for r in results]
    lines = [
        "| request | "
        + " | ".join(f"{label} p50 / p95" for label in labels)
        + " | p95 ÷ baseline at "
        + labels[-1]
        + " |",
        "|---|" + "---|" * (len(labels) + 1),
    ]
    last = results[-1]["timings"]
    baseline = last["baseline: /healthz (no database)"]["p95_ms"]
    for name in results[0]["paths"]:
        cells = [
            f"{r['timings'][name]['p50_ms']:.1f} / {r['timings'][name]['p95_ms']:.1f}"
            for r in results
        ]
        ratio = last[name]["p95_ms"] / baseline
        lines.append(f"| {name} | " + " | ".join(cells) + f" | {ratio:.0f}x |")
    lines += [
        "",
        "| enrolments through EnrolmentService, 8 threads | " + " | ".join(labels) + " |",
        "|---|" + "---|" * len(labels),
    ]
    for run_name in results[0]["throughput"]:
        runs = [r["throughput"][run_name] for r in results]
        cells = [f"{t['per_second']:.0f}/s ({t['enrolments']} in {t['seconds']} s)" for t in runs]
        lines.append(f"| into {run_name} | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1e4,1e5", help="enrolments, e.g. 1e4,1e5")
    parser.add_argument("--requests", type=int, default=60)
    parser.add_argument("--warmup", type=int, default=10)
    parser.add_argument("--seconds-per-url", type=float, default=30)
    parser.add_argument("--per-run", type=int, default=800, help="enrolments per throughput run")
    parser.add_argument("--port", type=int, default=8766)
    parser.add_argument("--keep", action="store_true", help="keep the databases")
    parser.add_argument("--child-throughput", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child_throughput:
        print(json.dumps(child_throughput(args.per_run)))
        return

    RESULTS_DIR.mkdir(exist_ok=True)
    started_at = datetime.datetime.now(datetime.UTC)
    load_before = load_average()
    results = []
    for target in (int(float(size)) for size in args.sizes.split(",")):
        database = f"cadre_bench_training_{size_label(target)}"
        print(f"\n== {size_label(target)} enrolments into {database}", file=sys.stderr)
        build_seconds = build(database, target)
        paths, timings = pages(database, args)
        facts = timings.pop("_facts")
        rates = throughput(database, args)
        if not args.keep:
            recreate_database(database, drop_only=True)
        results.append(
            {
                "target": target,
                "build_seconds": round(build_seconds, 1),
                "paths": paths,
                "timings": timings,
                "throughput": rates,
                **facts,
            }
        )
    finished_at = datetime.datetime.now(datetime.UTC)
    header = (
        f"{started_at:%Y-%m-%d %H:%M}-{finished_at:%H:%M} UTC, load average "
        f"{load_before} at the start, {load_average()} at the end\n\n"
    )
    for r in results:
        header += (
            f"- {size_label(r['target'])}: {r['enrolments']} enrolments, built in "
            f"{r['build_seconds']} s; session {r['session']} holds {r['session_enrolments']} "
            f"(API found {r['api_count']}, status {r['api_status']})\n"
        )
    text = header + "\n" + table(results)
    stamp = f"{started_at:%Y%m%d-%H%M%S}"
    (RESULTS_DIR / f"training-{stamp}.json").write_text(json.dumps(results, indent=1))
    (RESULTS_DIR / f"training-{stamp}.md").write_text(text)
    print(text)


if __name__ == "__main__":
    main()
