"""The seat-allocation round: solve time and end-to-end time at three sizes.

    uv run python bench/allocation.py             # 5k x 200, 50k x 2k, 200k x 8k
    uv run python bench/allocation.py --people 50000 --sessions 2000 --json

For each size (people x sessions, about 2.7 ranked nominations a person, 70 % of the
sessions with nation allotments; `allocation.generate`):

- solve: each mode on the generated arrays (`allocation.solve`), and the total priority
  each gives; `solve_s` is the exact max-priority solve;
- end to end, when DATABASE_URL names a database: the instance is written to it (people,
  vetting, sessions, allotments, a round with its submitted nominations; untimed), the
  round is run (compared, timed as `run_s`), then confirmed in max-priority through
  `AllocationRoundService.confirm` (`end_to_end_s`): the sessions locked, the nominations
  read, solved, the enrolments written by `EnrolmentService.enrol_many` and committed.
  The rows made are deleted afterwards. Without DATABASE_URL, `end_to_end_s` is null.
- the baseline, in the same run and on the same tables: a plain COPY (and commit) of as
  many enrolment rows as the round gives seats (`baseline_copy_s`), and the ratio of the
  end-to-end time to it (`end_to_end_per_baseline`): the machine is shared, so the ratio
  is what compares across runs. `load_average` is the 1-minute load after the size ran.
- `--profile FILE` writes a cProfile of the confirmation (read it with `pstats`).

With --json, one JSON object per size on one line; with --people and --sessions, one size.
"""

import argparse
import datetime
import json
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from cadre.training import allocation  # noqa: E402

SIZES = [(5_000, 200), (50_000, 2_000), (200_000, 8_000)]
PREFIX = "bench-alloc"


def solve_figures(problem) -> dict:
    figures = {"objective": {}, "seats": {}, "mode_s": {}}
    for mode in allocation.MODES:
        started = time.perf_counter()
        result = allocation.solve(problem, mode)
        figures["mode_s"][mode] = round(time.perf_counter() - started, 3)
        figures["objective"][mode] = result.total_priority
        figures["seats"][mode] = result.seats
    figures["solve_s"] = figures["mode_s"]["max_priority"]
    return figures


def _django():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cadre.settings")
    os.environ.setdefault("CADRE_SECRET_KEY", "bench")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)


def write_instance(problem, seed):
    """The generated round as rows, written by COPY (untimed). Returns the round."""
    from cadre.accounts.models import Nation
    from cadre.core.services import BatchWriter
    from cadre.training.models import (
        AllocationRound,
        Course,
        Nomination,
        Person,
        SeatAllotment,
        Session,
        VettingCase,
    )
    from cadre.training.rounds import PRIORITY_LEVELS

    tag = f"{PREFIX}-{seed}-{time.time_ns()}"
    nations = []
    for n in range(int(problem.nation.max()) + 1):
        nations.append(
            Nation.objects.get_or_create(
                code=f"Z{n:02d}", defaults={"name": f"Bench nation {n}", "status": "partner"}
            )[0]
        )
    course = Course.objects.create(code=tag, title="Allocation bench")
    start, end = datetime.date(2027, 3, 1), datetime.date(2027, 3, 12)
    sessions = [
        Session(
            key=f"{tag}-s{i}",
            course=course,
            start=start,
            end=end,
            capacity=int(c),
            status=Session.Status.OPEN,
        )  # fmt: skip
        for i, c in enumerate(problem.capacity.tolist())
    ]
    BatchWriter(Session).insert(sessions)
    people = [
        Person(
            key=f"{tag}-p{i}",
            family_name="Bench",
            given_name=f"P{i}",
            nation_id=nations[n].pk,
            rank_group="officer",
        )  # fmt: skip
        for i, n in enumerate(problem.nation.tolist())
    ]
    BatchWriter(Person).insert(people)
    BatchWriter(VettingCase).insert(
        [
            VettingCase(
                key=f"{p.key}-v",
                person_id=p.pk,
                status=VettingCase.Status.CLEARED,
                decided_on=datetime.date(2026, 1, 1),
                valid_until=datetime.date(2028, 1, 1),
            )  # fmt: skip
            for p in people
        ]
    )
    BatchWriter(SeatAllotment).insert(
        [
            SeatAllotment(
                key=f"{tag}-a{i}", session_id=sessions[s].pk, nation_id=nations[n].pk, seats=seats
            )
            for i, (s, n, seats) in enumerate(
                zip(
                    problem.allotment_session.tolist(),
                    problem.allotment_nation.tolist(),
                    problem.allotment_seats.tolist(),
                    strict=True,
                )
            )
        ]
    )
    allocation_round = AllocationRound.objects.create(key=tag, title=tag)
    order = problem.order.argsort()  # nominations made in `order`: ids follow it
    BatchWriter(Nomination).insert(
        [
            Nomination(
                key=f"{tag}-n{i}",
                person_id=people[problem.person[i]].pk,
                session_id=sessions[problem.session[i]].pk,
                priority=PRIORITY_LEVELS + 1 - int(problem.priority[i]),
                preference=int(problem.rank[i]),
                status=Nomination.Status.SUBMITTED,
                allocation_round=allocation_round,
            )
            for i in order.tolist()
        ]
    )
    vacuum()
    return allocation_round, course


# The tables a round reads and writes. Autovacuum is off on the shared test server: without
# this, the dead rows of earlier runs (millions) are read again by every run.
TABLES = (
    "training_nomination",
    "training_enrolment",
    "training_person",
    "training_vettingcase",
    "training_session",
    "training_seatallotment",
)


def vacuum():
    from django.db import connection

    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute(f"VACUUM ANALYZE {', '.join(TABLES)}")


def delete_instance(allocation_round, course):
    from django.db import connection

    tag = allocation_round.key
    with connection.cursor() as cursor:
        for statement in (
            "DELETE FROM training_enrolment WHERE session_id IN "
            "(SELECT id FROM training_session WHERE course_id = %s)",
            "DELETE FROM training_nomination WHERE allocation_round_id = %s",
            "DELETE FROM training_seatallotment WHERE session_id IN "
            "(SELECT id FROM training_session WHERE course_id = %s)",
            "DELETE FROM training_session WHERE course_id = %s",
            "DELETE FROM training_course WHERE id = %s",
        ):
            value = allocation_round.pk if "allocation_round_id" in statement else course.pk
            cursor.execute(statement, [value])
        cursor.execute(
            "DELETE FROM training_vettingcase WHERE person_id IN "
            "(SELECT id FROM training_person WHERE key LIKE %s)",
            [f"{tag}-p%"],
        )
        cursor.execute("DELETE FROM training_person WHERE key LIKE %s", [f"{tag}-p%"])
        cursor.execute("DELETE FROM training_allocationround WHERE id = %s", [allocation_round.pk])
    vacuum()


def baseline_copy(allocation_round, course, count) -> float:
    """The baseline, on the same tables in the same run: a plain COPY of `count` enrolment
    rows (no checks, no solve) and its commit, timed; the rows are deleted afterwards."""
    from django.db import connection, transaction

    from cadre.core.services import BatchWriter
    from cadre.training.models import Enrolment, Person, Session

    sessions = list(Session.objects.filter(course=course).order_by("pk").values_list("pk", "key"))
    people = Person.objects.filter(key__startswith=f"{allocation_round.key}-p")
    people = list(people.order_by("pk").values_list("pk", flat=True)[:count])
    rows = []
    for i, person in enumerate(people):
        session_id, key = sessions[i % len(sessions)]
        rows.append({"key": f"{key}-base-{i}", "session_id": session_id, "person_id": person})
    started = time.perf_counter()
    with transaction.atomic():
        BatchWriter(Enrolment).insert_values(rows)
    baseline_s = time.perf_counter() - started
    with connection.cursor() as cursor:
        cursor.execute(
            "DELETE FROM training_enrolment WHERE session_id IN "
            "(SELECT id FROM training_session WHERE course_id = %s)",
            [course.pk],
        )
    vacuum()
    return baseline_s


def end_to_end(problem, seed, seats, profile=None) -> dict:
    import cProfile

    from cadre.audit.context import Actor, acting_as
    from cadre.core.services import OPERATOR, service_for
    from cadre.training.models import AllocationRound

    allocation_round, course = write_instance(problem, seed)
    service = service_for(AllocationRound)
    try:
        baseline_s = baseline_copy(allocation_round, course, seats)
        with acting_as(Actor(channel="cli")):
            started = time.perf_counter()
            service.run(allocation_round, user=OPERATOR)
            run_s = time.perf_counter() - started
            profiler = cProfile.Profile() if profile else None
            started = time.perf_counter()
            if profiler:
                profiler.enable()
            done = service.confirm(allocation_round, mode="max_priority", user=OPERATOR)
            confirm_s = time.perf_counter() - started
            if profiler:
                profiler.disable()
                profiler.dump_stats(profile)
    finally:
        delete_instance(allocation_round, course)
    return {
        "run_s": round(run_s, 3),
        "end_to_end_s": round(confirm_s, 3),
        "enrolled": done.seats_confirmed,
        "baseline_copy_s": round(baseline_s, 3),
        "end_to_end_per_baseline": round(confirm_s / baseline_s, 1),
    }


def bench(people, sessions, seed, database, profile=None) -> dict:
    problem = allocation.generate(people, sessions, seed=seed)
    figures = {
        "people": people,
        "sessions": sessions,
        "nominations": len(problem.person),
        **solve_figures(problem),
        "end_to_end_s": None,
    }
    if database:
        figures.update(end_to_end(problem, seed, figures["seats"]["max_priority"], profile))
    figures["load_average"] = round(os.getloadavg()[0], 2)
    return figures


def table(rows) -> str:
    lines = [
        "| people x sessions | nominations | solve max-priority | stable | first-come "
        "| run (compare, DB) | confirm end to end (DB) | baseline: COPY of as many enrolments "
        "| end to end / baseline | total priority max / stable / first-come | first-come loses "
        "| load average |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        o, s = r["objective"], r["mode_s"]
        loss = 100 * (o["max_priority"] - o["first_come"]) / o["max_priority"]
        e2e = "n/a" if r["end_to_end_s"] is None else f"{r['end_to_end_s']:.2f} s"
        run = f"{r['run_s']:.2f} s" if "run_s" in r else "n/a"
        base = f"{r['baseline_copy_s']:.2f} s" if "baseline_copy_s" in r else "n/a"
        ratio = f"{r['end_to_end_per_baseline']:.1f}" if "baseline_copy_s" in r else "n/a"
        lines.append(
            f"| {r['people']:,} x {r['sessions']:,} | {r['nominations']:,} "
            f"| {s['max_priority']:.2f} s | {s['stable']:.2f} s | {s['first_come']:.2f} s "
            f"| {run} | {e2e} | {base} | {ratio} "
            f"| {o['max_priority']:,} / {o['stable']:,} / {o['first_come']:,} "
            f"| {loss:.1f} % | {r['load_average']:.1f} |"
        )
    return "\n".join(lines)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int)
    parser.add_argument("--sessions", type=int)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", action="store_true", help="one JSON object per size")
    parser.add_argument(
        "--no-database", action="store_true", help="solve only, even with DATABASE_URL set"
    )
    parser.add_argument(
        "--profile", metavar="FILE", help="cProfile the confirmation into FILE (pstats)"
    )
    args = parser.parse_args(argv)
    sizes = SIZES
    if args.people or args.sessions:
        sizes = [(args.people or 5000, args.sessions or max(1, (args.people or 5000) // 25))]
    database = bool(os.environ.get("DATABASE_URL")) and not args.no_database
    if database:
        _django()
    rows = []
    run_started = time.time()
    for people, sessions in sizes:
        row = bench(people, sessions, args.seed, database, args.profile)
        rows.append(row)
        if args.json:
            print(json.dumps(row), flush=True)
    if not args.json:
        started_at = time.strftime("%Y-%m-%d %H:%M", time.gmtime(run_started))
        print(
            f"run {started_at}-{time.strftime('%H:%M UTC', time.gmtime())}, "
            f"load average at the end {os.getloadavg()}"
        )
        print(table(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
