"""The `cadre` command: run, set up and look after a Cadre installation.

cadre demo [--port 8000] [--data-dir DIR]   set up on the built-in dataset and serve
cadre serve [--port 8000] [--host 127.0.0.1]
cadre migrate
cadre load-dataset [DIR]                     the built-in dataset when DIR is not given
cadre export-dataset DIR
cadre worker [--batch]                       run background jobs (imports of long files)
cadre createuser USERNAME --role ROLE [--nation ISO3]
cadre audit verify                           check the audit trail's hash chain
cadre run-due [--today YYYY-MM-DD]           carry out the seat timeline's steps due today
cadre generate-training --people N [--seed S]  generated trainees, sessions and seats
cadre allocate ROUND --mode max-priority|stable [--dry-run]   an allocation round's seats
cadre manage ...                             any Django management command
"""

import argparse
import io
import os
import sys
from pathlib import Path


def _setup(data_dir: str | None = None, demo: bool = False):
    if data_dir:
        os.environ["CADRE_DATA_DIR"] = str(Path(data_dir).resolve())
    if demo:
        os.environ["CADRE_DEMO"] = "1"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cadre.settings")
    import django

    django.setup()
    from django.conf import settings

    Path(settings.DATA_DIR).mkdir(parents=True, exist_ok=True)


def _as_cli():
    from cadre.audit.context import Actor, acting_as

    return acting_as(Actor(channel="cli"))


class _RowBars:
    """A progress bar per object type, counting its rows: the engine's progress callback."""

    def __init__(self, verb: str):
        self.verb = verb
        self.object_type = None
        self.bar = None

    def __call__(self, object_type, done, total):
        from tqdm import tqdm

        if object_type is not self.object_type:
            self.close()
            self.object_type = object_type
            self.bar = tqdm(
                total=total,
                desc=f"{self.verb} {object_type.slug}",
                unit=" rows",
                file=sys.stderr,
                mininterval=0.5,
            )
        self.bar.update(done - self.bar.n)

    def close(self):
        if self.bar is not None:
            self.bar.close()


def cmd_migrate(args):
    from django.core.management import call_command

    with _as_cli():
        call_command("migrate", interactive=False, verbosity=args.verbosity)


def _waiting():
    print("cadre: another load of a dataset is running; waiting for it to finish", file=sys.stderr)


def _unmigrated() -> bool:
    """Does the database lack tables or columns a migration would make?"""
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    return bool(executor.migration_plan(executor.loader.graph.leaf_nodes()))


def cmd_load_dataset(args):
    from django.db import OperationalError

    from cadre.dataset.io import BUILT_IN, DatasetError, load_dataset

    directory = Path(args.directory) if args.directory else BUILT_IN
    if _unmigrated():
        print(
            "cadre: nothing loaded: the database is not set up; run `cadre migrate`",
            file=sys.stderr,
        )
        return 1
    bars = _RowBars("loading")
    try:
        with _as_cli():
            counts = load_dataset(directory, progress=bars, waiting=_waiting)
    except DatasetError as exc:
        bars.close()
        print(f"cadre: nothing loaded:\n{exc}", file=sys.stderr)
        return 1
    except OperationalError as exc:
        # SQLite has one writer at a time: another load (or a worker) held the database
        # longer than a writer waits for it.
        bars.close()
        print(
            f"cadre: nothing loaded: another load or import is writing to the database ({exc}); "
            "try again when it has finished",
            file=sys.stderr,
        )
        return 1
    bars.close()
    if not counts.changed:
        # Loads take turns, so the second of two at once finds the first one's records.
        records = sum(counts.values())
        print(f"The dataset in {directory} is loaded already: its {records} records are unchanged.")
        return 0
    print(f"Loaded {sum(counts.values())} records from {directory}")
    return 0


def cmd_export_dataset(args):
    from cadre.dataset.io import export_dataset

    bars = _RowBars("exporting")
    counts = export_dataset(Path(args.directory), progress=bars)
    bars.close()
    print(f"Wrote {sum(counts.values())} records to {args.directory}")
    return 0


def cmd_worker(args):
    """Run the background jobs as they are queued (or, with --batch, those queued, then stop)."""
    from django.core.management import call_command

    options = {"batch": args.batch, "reload": False, "verbosity": args.verbosity}
    if args.max_tasks:
        options["max_tasks"] = args.max_tasks
    with _as_cli():
        call_command("db_worker", **options)
    return 0


def cmd_createuser(args):
    from cadre.accounts.services import UserError, user_create

    try:
        with _as_cli():
            user, password = user_create(
                username=args.username,
                role=args.role,
                nation_code=args.nation,
                password=args.password,
            )
    except UserError as exc:
        print(f"cadre: {exc}", file=sys.stderr)
        return 1
    print(f"Created {user.username} ({user.get_role_display()})")
    if not args.password:
        print(f"One-time password: {password}")
    return 0


def cmd_serve(args):
    from django.core.management import call_command
    from django.core.management.base import SystemCheckError

    # The system checks (the object type declarations among them) stop a broken start here;
    # "no issues" need not be said.
    try:
        call_command("check", stdout=io.StringIO())
    except SystemCheckError as exc:
        print(exc, file=sys.stderr)
        return 1
    call_command("collectstatic", interactive=False, verbosity=0)
    from waitress import create_server

    from cadre.wsgi import application

    server = create_server(application, host=args.host, port=args.port, threads=8)
    print(f"Cadre is serving on http://{args.host}:{args.port}/", flush=True)
    server.run()


def cmd_demo(args):
    from django.core.management import call_command

    from cadre.accounts.services import ensure_demo_users
    from cadre.missions.models import Mission

    with _as_cli():
        call_command("migrate", interactive=False, verbosity=0)
        if Mission.objects.exists():
            print("Dataset already loaded; nothing loaded again.")
        else:
            cmd_load_dataset(argparse.Namespace(directory=None))
        _generate_demo_training()
        created = ensure_demo_users()
    if created:
        print("Demo users (user name, role, one-time password):")
        for user, password in created:
            role = user.get_role_display() + (f" [{user.nation.code}]" if user.nation_id else "")
            print(f"  {user.username:<24} {role:<34} {password}")
    else:
        print("Demo users exist already; their passwords were printed on the first run.")
    return cmd_serve(args)


def cmd_audit_verify(args):
    from tqdm import tqdm

    from cadre.audit.models import ChangeRecord
    from cadre.audit.services import verify_chain

    with tqdm(total=ChangeRecord.objects.count(), desc="verifying", unit="entry") as bar:
        check = verify_chain(progress=bar.update)
    if check.intact:
        print(f"The audit trail is intact: {check.entries} entries, each chained to the last.")
        return 0
    print(f"cadre: the audit trail is broken: {check.problem}", file=sys.stderr)
    print(f"{check.entries} entries before it are intact.", file=sys.stderr)
    return 1


def cmd_run_due(args):
    """Release unfilled allotted seats six weeks before a session and confirm or cancel it
    four weeks before, as the operator; what was done once is not done again."""
    import datetime

    from django.utils import timezone

    from cadre.training.services import run_due

    try:
        today = datetime.date.fromisoformat(args.today) if args.today else timezone.localdate()
    except ValueError:
        print(f"cadre: --today: write the date as YYYY-MM-DD, not {args.today!r}", file=sys.stderr)
        return 1
    with _as_cli():
        done = run_due(today=today)
    for line in done:
        print(line)
    if not done:
        print(f"Nothing is due on {today:%Y-%m-%d}.")
    return 0


def cmd_generate_training(args):
    """Make N generated people with vetting, language tests, and sessions of the record's
    courses with nominations and enrolments, all marked generated; once per database."""
    from cadre.training.generated import GenerationRefused, generate_training

    try:
        with _as_cli():
            made = generate_training(args.people, seed=args.seed, progress=args.people >= 1000)
    except GenerationRefused as exc:
        print(f"cadre: {exc}", file=sys.stderr)
        return 1
    print(f"Generated {made}.")
    return 0


ALLOCATION_MODES = {"max-priority": "max_priority", "stable": "stable"}


def cmd_allocate(args):
    """Compare an allocation round's modes and, without --dry-run, confirm it in --mode:
    the people chosen are enrolled through the enrolment service, as the operator."""
    from django.core.exceptions import ValidationError
    from tqdm import tqdm

    from cadre.core.services import OPERATOR, RecordConflict, service_for
    from cadre.training.models import AllocationRound
    from cadre.training.rounds import MODE_LABELS

    allocation_round = AllocationRound.objects.filter(key=args.round).first()
    if allocation_round is None:
        print(f"cadre: no allocation round {args.round!r}", file=sys.stderr)
        return 1
    mode = ALLOCATION_MODES[args.mode]
    stages = ["read", "solve", "write"] if not args.dry_run else ["read", "solve"]
    bar = tqdm(total=len(stages), desc=f"allocating {args.round}", unit=" steps", file=sys.stderr)

    def progress(stage, done, total):
        bar.set_postfix_str(stage)
        finished = stages.index(stage) + (1 if total and done >= total else 0)
        bar.update(finished - bar.n)

    service = service_for(AllocationRound)
    try:
        with _as_cli():
            if args.dry_run:
                done = service.run(allocation_round, user=OPERATOR, progress=progress)
            else:
                done = service.confirm(
                    allocation_round, mode=mode, user=OPERATOR, progress=progress
                )
    except (ValidationError, RecordConflict) as exc:
        bar.close()
        messages = exc.messages if isinstance(exc, ValidationError) else [exc.message]
        print(f"cadre: {' '.join(messages)}", file=sys.stderr)
        return 1
    bar.close()
    figures = done.comparison
    print(f"{'mode':<32} {'total priority':>15} {'seats':>8}")
    for name in ("max_priority", "stable", "first_come"):
        row = figures[name]
        marker = " *" if name == mode else ""
        print(f"{str(MODE_LABELS[name]):<32} {row['total_priority']:>15} {row['seats']:>8}{marker}")
    if args.dry_run:
        print(f"Dry run: nothing enrolled. {figures['nominations']} nominations compared.")
    else:
        print(f"Confirmed {done.key} in mode {args.mode}: {done.seats_confirmed} people enrolled.")
    return 0


def _generate_demo_training(people=200):
    """Enough generated trainees for every training page of the demo to show something,
    when the training tables hold nobody yet."""
    from cadre.training.generated import generate_training
    from cadre.training.models import Enrolment, Person

    if Person.objects.exists() or Enrolment.objects.exists():
        return
    made = generate_training(people)
    print(f"Generated for the demo: {made}.")


def cmd_manage(args):
    from django.core.management import execute_from_command_line

    with _as_cli():
        execute_from_command_line(["cadre manage", *args.rest])


def build_parser():
    parser = argparse.ArgumentParser(
        prog="cadre", description="Cadre, a training mission's record."
    )
    parser.add_argument("--data-dir", help="where the SQLite database and static files live")
    sub = parser.add_subparsers(dest="command", required=True)

    def serving(p):
        p.add_argument("--port", type=int, default=8000)
        p.add_argument("--host", default="127.0.0.1")

    p = sub.add_parser("demo", help="set up on the built-in dataset with demo users, then serve")
    p.add_argument("--data-dir", dest="data_dir_sub")
    serving(p)
    p.set_defaults(func=cmd_demo, demo=True)

    p = sub.add_parser("serve", help="serve Cadre")
    serving(p)
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("migrate", help="create or upgrade the database")
    p.add_argument("--verbosity", type=int, default=1)
    p.set_defaults(func=cmd_migrate)

    p = sub.add_parser("load-dataset", help="load a dataset directory (default: the built-in one)")
    p.add_argument("directory", nargs="?")
    p.set_defaults(func=cmd_load_dataset)

    p = sub.add_parser("export-dataset", help="write the mission record as a dataset directory")
    p.add_argument("directory")
    p.set_defaults(func=cmd_export_dataset)

    p = sub.add_parser("worker", help="run background jobs (long imports) as they are queued")
    p.add_argument("--batch", action="store_true", help="run the jobs queued now, then stop")
    p.add_argument("--max-tasks", type=int, help="stop after this many jobs")
    p.add_argument("--verbosity", type=int, default=1)
    p.set_defaults(func=cmd_worker)

    p = sub.add_parser("createuser", help="create a user with a role")
    p.add_argument("username")
    p.add_argument("--role", required=True)
    p.add_argument("--nation", help="ISO 3166 alpha-3 code, for nation-bound roles")
    p.add_argument("--password", help="set this password instead of printing a one-time one")
    p.set_defaults(func=cmd_createuser)

    p = sub.add_parser("audit", help="look after the audit trail")
    audit = p.add_subparsers(dest="audit_command", required=True)
    verify = audit.add_parser("verify", help="check that no entry was changed or removed")
    verify.set_defaults(func=cmd_audit_verify)

    p = sub.add_parser(
        "run-due",
        help="release unfilled allotted seats (6 weeks before) and confirm or cancel "
        "sessions (4 weeks before), as due",
    )
    p.add_argument("--today", help="the day to act on, YYYY-MM-DD (default: today)")
    p.set_defaults(func=cmd_run_due)

    p = sub.add_parser(
        "generate-training",
        help="make generated people, vetting, sessions, nominations and enrolments, "
        "marked generated (for trying Cadre out and for benchmarks)",
    )
    p.add_argument("--people", type=int, required=True, help="how many people to make")
    p.add_argument("--seed", type=int, default=1, help="the same seed makes the same record")
    p.set_defaults(func=cmd_generate_training)

    p = sub.add_parser(
        "allocate",
        help="compare an allocation round's modes and confirm it in one (enrolling the "
        "people chosen), or with --dry-run only compare",
    )
    p.add_argument("round", help="the round's key")
    p.add_argument("--mode", required=True, choices=sorted(ALLOCATION_MODES))
    p.add_argument("--dry-run", action="store_true", help="compare only; enrol nobody")
    p.set_defaults(func=cmd_allocate)

    p = sub.add_parser("manage", help="run a Django management command", add_help=False)
    p.add_argument("rest", nargs=argparse.REMAINDER)
    p.set_defaults(func=cmd_manage)
    return parser


def main(argv=None):
    args = build_parser().parse_args(argv)
    data_dir = getattr(args, "data_dir_sub", None) or args.data_dir
    _setup(data_dir, demo=getattr(args, "demo", False))
    return args.func(args) or 0


if __name__ == "__main__":
    sys.exit(main())
