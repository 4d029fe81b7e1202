"""Benchmark moving the mission record in bulk: export-dataset, load-dataset, page import.

    uv run python bench/dataset.py                        # 10^5 events, 10^4-row import
    uv run python bench/dataset.py --big-events 1e6       # and an export at 10^6 events

On PostgreSQL at 127.0.0.1:5432 (trust auth), in throwaway databases it creates and
drops (cadre_dataset_source, cadre_dataset_target, cadre_dataset_big):

1. generate.py fills the source database with N events and their organisations,
   sources and claims;
2. baseline: psycopg COPY of the same rows (the events table and its four link tables),
   source to target and source to a file, with no Cadre code at all: the floor;
3. `cadre export-dataset` of the source;
4. `cadre load-dataset` of that directory into the empty, migrated target, timed per
   object type (the events table's share is the time from the end of the type before to
   the end of the load: events are loaded last, and their indexes, the audit entry and
   the commit come after their last batch);
5. the import page, as a browser uses it (the Django test client, signed in as mission
   staff): a CSV of 10^4 new events uploaded (preview), then confirmed;
6. with --big-events, `cadre export-dataset` of a second record of that size.

Each step runs in a subprocess of its own; its peak memory is that process's maximum
resident set size (wait4). Prints a table and writes bench/results/dataset-<time>.json.
"""

import argparse
import csv
import datetime
import json
import os
import subprocess
import sys
import sysconfig
import tempfile
import time
from pathlib import Path

import psycopg

BENCH_DIR = Path(__file__).resolve().parent
RESULTS_DIR = BENCH_DIR / "results"
SERVER = "postgres://postgres@127.0.0.1:5432"
SOURCE, TARGET, BIG = "cadre_dataset_source", "cadre_dataset_target", "cadre_dataset_big"
EVENT_TABLES = [
    "missions_timelineevent",
    "missions_timelineevent_missions",
    "missions_timelineevent_actors",
    "missions_timelineevent_sources",
    "missions_timelineevent_locations",
]


def env_for(database: str) -> dict:
    return {
        **os.environ,
        "DATABASE_URL": f"{SERVER}/{database}",
        "CADRE_SECRET_KEY": "bench",
        "CADRE_DEBUG": "0",
        "CADRE_LOGIN_THROTTLE": "0",
        "PYTHONUNBUFFERED": "1",
    }


def recreate(name: str, drop_only=False):
    with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        if not drop_only:
            connection.execute(f'CREATE DATABASE "{name}"')


def measured(command: list, database: str) -> dict:
    """Run `command` to its end: wall seconds, peak resident memory in MB, its last stdout line."""
    started = time.perf_counter()
    process = subprocess.Popen(
        [str(part) for part in command], env=env_for(database), stdout=subprocess.PIPE, text=True
    )
    output = process.stdout.read()
    _pid, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed: {' '.join(map(str, command))}\n{output}")
    last = output.strip().splitlines()[-1:] or [""]
    return {"seconds": seconds, "peak_mb": usage.ru_maxrss / 1024, "output": last[0]}


def cadre(*args) -> list:
    return [sys.executable, "-m", "cadre.cli", *args]


def child(*args) -> list:
    return [sys.executable, __file__, "--child", *args]


# Steps run in the parent ---------------------------------------------------------


def generate(database: str, events: int) -> float:
    recreate(database)
    print(f"generating {events} events into {database}", file=sys.stderr, flush=True)
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, BENCH_DIR / "generate.py", "--events", str(events)],
        env=env_for(database),
        check=True,
    )
    return time.perf_counter() - started


def migrate(database: str):
    recreate(database)
    subprocess.run(cadre("migrate", "--verbosity", "0"), env=env_for(database), check=True)


def copy_baseline(directory: Path) -> dict:
    """psycopg COPY of the events table and its link tables: source to target (into tables
    with their indexes, and into bare tables whose indexes are built after), and to a file."""
    rows, to_target, to_bare, to_file = 0, 0.0, 0.0, 0.0
    with (
        psycopg.connect(f"{SERVER}/{SOURCE}") as source,
        psycopg.connect(f"{SERVER}/{TARGET}") as target,
    ):
        target.execute("SET maintenance_work_mem = '256MB'")  # as the load builds indexes
        for table in EVENT_TABLES:
            target.execute(f'CREATE TEMP TABLE "copy_{table}" (LIKE "{table}" INCLUDING ALL)')
            to_target += _copied(source, target, table, f"copy_{table}")
            target.execute(f'CREATE TEMP TABLE "bare_{table}" (LIKE "{table}")')
            to_bare += _copied(source, target, table, f"bare_{table}")
            started = time.perf_counter()
            indexes = target.execute(
                "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = %s", [table]
            ).fetchall()
            for name, definition in indexes:
                definition = definition.replace(f" ON public.{table} ", f' ON "bare_{table}" ')
                target.execute(definition.replace(f"INDEX {name} ", f'INDEX "bare_{name}" ', 1))
            to_bare += time.perf_counter() - started
            started = time.perf_counter()
            with (
                (directory / f"{table}.copy").open("wb") as file,
                source.cursor().copy(f'COPY "{table}" TO STDOUT') as out,
            ):
                for data in out:
                    file.write(data)
            to_file += time.perf_counter() - started
            rows += source.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
        target.rollback()
    return {
        "rows": rows,
        "into_table_seconds": to_target,
        "into_bare_then_indexed_seconds": to_bare,
        "to_file_seconds": to_file,
    }


def _copied(source, target, table, into) -> float:
    started = time.perf_counter()
    with (
        source.cursor().copy(f'COPY "{table}" TO STDOUT') as out,
        target.cursor().copy(f'COPY "{into}" FROM STDIN') as copy,
    ):
        for data in out:
            copy.write(data)
    return time.perf_counter() - started


def page_import_file(directory: Path, rows: int) -> Path:
    """A CSV of `rows` new events naming records the generator made."""
    path = directory / "events-import.csv"
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["key", "date", "kind", "summary", "missions", "actors", "sources"])
        for n in range(1, rows + 1):
            writer.writerow(
                [
                    f"imported-event-{n}",
                    f"20{10 + n % 15}-{1 + n % 12:02d}",
                    "visit",
                    f"Imported visit number {n} by advisers to the ministry",
                    f"mission-{1 + n % 10}",
                    f"organisation-{1 + n % 50};organisation-{51 + n % 50}",
                    f"source-{1 + n % 5}",
                ]
            )
    return path


# Steps run in a child process ----------------------------------------------------


def _setup():
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cadre.settings")
    django.setup()


def child_load(directory: str):
    """load-dataset as the command line runs it, timing each object type."""
    _setup()
    from cadre.audit.context import Actor, acting_as
    from cadre.dataset.io import load_dataset

    ends = {}

    def progress(object_type, done, total):
        ends[object_type.slug] = time.perf_counter()

    started = time.perf_counter()
    with acting_as(Actor(channel="cli")):
        counts = load_dataset(Path(directory), progress=progress)
    finished = time.perf_counter()
    # What follows the last type's last batch (its indexes built, references settled, the
    # audit entry, the commit) is counted in that type's share.
    ends[list(ends)[-1]] = finished
    shares, previous = {}, started
    for slug, end in ends.items():
        shares[slug] = end - previous
        previous = end
    print(json.dumps({"counts": counts, "seconds": finished - started, "shares": shares}))


def child_import(path: str):
    """The import page, signed in as mission staff: upload (preview), then confirm."""
    _setup()
    from django.test import Client
    from django.test.utils import setup_test_environment

    from cadre.accounts.services import user_create
    from cadre.core.roles import Role

    setup_test_environment()  # the test client's view of the response's context
    user, _password = user_create(username="bench-importer", role=Role.MISSION_STAFF)
    client = Client()
    client.force_login(user)
    with open(path, "rb") as upload:
        started = time.perf_counter()
        preview = client.post("/record/events/import/", {"file": upload})
        preview_seconds = time.perf_counter() - started
    report = preview.context["report"]
    assert preview.status_code == 200 and not report.errors, report.errors[:5]
    started = time.perf_counter()
    confirmed = client.post(f"/record/events/import/{preview.context['token']}/")
    confirm_seconds = time.perf_counter() - started
    assert confirmed.status_code == 302, confirmed.status_code
    print(
        json.dumps(
            {
                "rows": report.rows,
                "created": report.created,
                "preview_seconds": preview_seconds,
                "confirm_seconds": confirm_seconds,
            }
        )
    )


# The run -------------------------------------------------------------------------


def compile_bytecode():
    """Compile Cadre and its packages, as pip does on install. Where PYTHONDONTWRITEBYTECODE
    is set (these machines set it) and uv installed without --compile-bytecode, each
    command would otherwise compile some 600 modules before it starts: 1.3 s of CPU."""
    paths = [sysconfig.get_paths()["purelib"], str(BENCH_DIR.parent / "src")]
    subprocess.run([sys.executable, "-m", "compileall", "-q", "-j0", *paths], check=False)


def run(args) -> dict:
    results = {"events": args.events, "import_rows": args.import_rows}
    compile_bytecode()
    results["generate_seconds"] = generate(SOURCE, args.events)
    migrate(TARGET)
    with tempfile.TemporaryDirectory(prefix="cadre-dataset-") as scratch:
        scratch = Path(scratch)
        results["copy_baseline"] = copy_baseline(scratch)
        exported = scratch / "export"
        print("export-dataset", file=sys.stderr, flush=True)
        results["export"] = measured(cadre("export-dataset", exported), SOURCE)
        results["files"] = {p.name: p.stat().st_size for p in sorted(exported.iterdir())}
        print("load-dataset", file=sys.stderr, flush=True)
        load = measured(child("load", exported), TARGET)
        load.update(json.loads(load.pop("output")))
        results["load"] = load
        again = measured(child("load", exported), TARGET)
        again.update(json.loads(again.pop("output")))
        results["load_again"] = again
        print("page import", file=sys.stderr, flush=True)
        page = measured(child("import", page_import_file(scratch, args.import_rows)), TARGET)
        page.update(json.loads(page.pop("output")))
        results["page_import"] = page
        if args.big_events:
            results["big_generate_seconds"] = generate(BIG, args.big_events)
            print("export-dataset, big", file=sys.stderr, flush=True)
            results["big_export"] = measured(cadre("export-dataset", scratch / "big"), BIG)
            results["big_events"] = args.big_events
    if not args.keep:
        for database in (SOURCE, TARGET, BIG):
            recreate(database, drop_only=True)
    return results


def table(results: dict) -> str:
    events = results["events"]
    load, export, page = results["load"], results["export"], results["page_import"]
    copy = results["copy_baseline"]
    share = load["shares"]["events"]
    lines = [
        "| step | time | rate | peak memory | against the COPY baseline |",
        "|---|---|---|---|---|",
        f"| COPY baseline: events + links, table to table ({copy['rows']:,} rows) "
        f"| {copy['into_table_seconds']:.1f} s | {copy['rows'] / copy['into_table_seconds']:,.0f}"
        " rows/s | | 1x |",
        f"| COPY baseline: the same rows into bare tables, then their indexes built "
        f"| {copy['into_bare_then_indexed_seconds']:.1f} s "
        f"| {events / copy['into_bare_then_indexed_seconds']:,.0f} events/s | | |",
        f"| COPY baseline: events + links, table to file | {copy['to_file_seconds']:.1f} s "
        f"| {copy['rows'] / copy['to_file_seconds']:,.0f} rows/s | | 1x |",
        f"| load-dataset, {events:,} events: events' share | {share:.1f} s "
        f"| {events / share:,.0f} events/s | | {share / copy['into_table_seconds']:.1f}x |",
        f"| load-dataset, whole command | {load['seconds']:.1f} s "
        f"| {events / load['seconds']:,.0f} events/s | {load['peak_mb']:,.0f} MB | |",
        f"| load-dataset again (changes nothing) | {results['load_again']['seconds']:.1f} s "
        f"| {events / results['load_again']['seconds']:,.0f} events/s "
        f"| {results['load_again']['peak_mb']:,.0f} MB | |",
        f"| export-dataset, {events:,} events | {export['seconds']:.1f} s "
        f"| {events / export['seconds']:,.0f} events/s | {export['peak_mb']:,.0f} MB "
        f"| {export['seconds'] / copy['to_file_seconds']:.1f}x |",
        f"| page import, {page['rows']:,} rows: preview | {page['preview_seconds']:.1f} s "
        f"| {page['rows'] / page['preview_seconds']:,.0f} rows/s | | |",
        f"| page import: confirm | {page['confirm_seconds']:.1f} s "
        f"| {page['rows'] / page['confirm_seconds']:,.0f} rows/s | | |",
        f"| page import: preview + confirm | "
        f"{page['preview_seconds'] + page['confirm_seconds']:.1f} s | | {page['peak_mb']:,.0f} MB "
        "| |",
    ]
    if "big_export" in results:
        big, n = results["big_export"], results["big_events"]
        lines.append(
            f"| export-dataset, {n:,} events | {big['seconds']:.1f} s "
            f"| {n / big['seconds']:,.0f} events/s | {big['peak_mb']:,.0f} MB | |"
        )
    return "\n".join(lines)


def main():
    if len(sys.argv) > 2 and sys.argv[1] == "--child":
        {"load": child_load, "import": child_import}[sys.argv[2]](*sys.argv[3:])
        return
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=lambda t: int(float(t)), default=100_000)
    parser.add_argument("--import-rows", type=lambda t: int(float(t)), default=10_000)
    parser.add_argument("--big-events", type=lambda t: int(float(t)), default=0)
    parser.add_argument("--keep", action="store_true", help="keep the databases")
    args = parser.parse_args()
    results = run(args)
    RESULTS_DIR.mkdir(exist_ok=True)
    stamp = datetime.datetime.now(datetime.UTC).strftime("%Y%m%d-%H%M%S")
    (RESULTS_DIR / f"dataset-{stamp}.json").write_text(json.dumps(results, indent=2))
    print(table(results))
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
