"""The `cadre` command: run, set up and look after a Cadre installation.

cadre demo [--port 8000] [--data-dir DIR]   set up on the built-in dataset and serve
cadre serve [--port 8000] [--host 127.0.0.1]
cadre migrate
cadre load-dataset [DIR]                     the built-in dataset when DIR is not given
cadre export-dataset DIR
cadre export-iati FILE                       the IATI 2.03 file of the funded activities
cadre worker [--batch]                       run background jobs (imports of long files)
cadre createuser USERNAME --role ROLE [--nation ISO3]
cadre audit verify                           check the audit trail's hash chain
cadre run-due [--today YYYY-MM-DD]           carry out the seat timeline's steps due today
cadre generate-training --people N [--seed S]  generated trainees, sessions and seats
cadre rebuild-training-summary              recompute the training dashboard's figures
cadre import-page FILE [--source KEY] [--json] [--reference-date YYYY-MM-DD]
                                             read a public page's dated events for review
cadre eval-timeline GOLD-DIR                 score the date reader against gold lists
cadre signing-key [--public-key-out FILE]    the mission's signing key: made if missing,
                                             its public key printed or written
cadre verify-certificate FILE-or-CODE [--public-key FILE] [--offline]
                                             check a certificate; exits 0 only when valid
cadre allocate ROUND --mode max-priority|stable [--dry-run]   an allocation round's seats
cadre import-custody FILE [--dry-run]        custody changes of donated items, all or none
cadre report --mission M --from YYYY-MM-DD --to YYYY-MM-DD --lang ar|en --out FILE
                                             the mission report for the period, as a PDF
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
        _generate_demo_money()
        _generate_demo_requirements()
        _generate_demo_deliveries()
        _generate_demo_advising()
        _generate_demo_arms()
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


def cmd_rebuild_training_summary(args):
    """Recompute the training dashboard's figures from the enrolments, in SQL."""
    import time

    from cadre.training.summary import rebuild

    started = time.perf_counter()
    with _as_cli():
        rows = rebuild()
    print(f"Rebuilt the training summary: {rows} rows in {time.perf_counter() - started:.1f} s.")
    return 0


def cmd_signing_key(args):
    """Make the mission's signing key if there is none; print or write its public key."""
    from cadre.core import signing

    path = signing.key_path()
    existed = path.exists()
    try:
        key = signing.public_key()
    except (signing.SigningKeyError, ValueError) as exc:
        print(f"cadre: {exc}", file=sys.stderr)
        return 1
    if not existed:
        print(f"Made a new signing key: {path} (readable by its owner only).", file=sys.stderr)
    pem = signing.public_pem(key)
    if args.public_key_out:
        Path(args.public_key_out).write_text(pem)
        print(f"Wrote the public key {signing.key_id(key)} to {args.public_key_out}")
    else:
        print(f"Public key {signing.key_id(key)} (the private key stays in {path}):")
        print(pem, end="")
    return 0


def cmd_verify_certificate(args):
    """Check a certificate's PDF file with the public key alone, or a code against the
    record; print the status and the fields; exit 0 only for a valid certificate."""
    from django.db import DatabaseError

    from cadre.core import signing
    from cadre.training import certificates

    try:
        if args.public_key:
            key = signing.load_public(Path(args.public_key).read_bytes())
        else:
            key = signing.public_key(create=False)
    except (OSError, ValueError, signing.SigningKeyError) as exc:
        print(f"cadre: no public key to check with: {exc}", file=sys.stderr)
        return 2
    target = Path(args.certificate)
    try:
        if target.is_file():
            check = certificates.check_pdf(target.read_bytes(), key)
            if not args.offline and check.fields:
                check = _with_record(check, certificates)
        else:
            check = certificates.check_code(args.certificate, key)
    except DatabaseError as exc:
        print(
            f"cadre: the mission's record cannot be read ({exc}); check a PDF file with --offline",
            file=sys.stderr,
        )
        return 2
    print(check.status.upper())
    for name in (
        "code",
        "name",
        "name_ar",
        "course",
        "course_ar",
        "start",
        "end",
        "result",
        "issuer",
        "issued_on",
        "expires_on",
    ):
        if check.fields.get(name):
            print(f"  {name:<11} {check.fields[name]}")
    for problem in check.problems:
        print(f"  - {problem}")
    return 0 if check.valid else 1


def _with_record(check, certificates):
    """A file's check, with what the record says of it since (revoked, superseded), when
    the record knows the code."""
    from cadre.training.models import Certificate

    certificate = Certificate.objects.filter(code=check.fields.get("code", "")).first()
    if certificate is None:
        return check
    return certificates.with_record(check, certificate)


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


def _generate_demo_arms():
    """Donated items with their custody, once (coordination.generated_arms): after the demo's
    donations, so the items come from them."""
    from cadre.coordination.generated_arms import generate_arms
    from cadre.coordination.models import DonatedItem

    if not DonatedItem.objects.filter(generated=True).exists():
        print(f"Generated for the demo: {generate_arms()}.")


def _generate_demo_advising():
    """Generated engagements, objectives and assessments for the demo's advisory teams."""
    from cadre.advising.generated import generate_advising
    from cadre.advising.models import Engagement

    if not Engagement.objects.exists():
        print(f"Generated for the demo: {generate_advising()}.")


def _generate_demo_training(people=200):
    """Enough generated trainees for every training page of the demo to show something,
    when the training tables hold nobody yet."""
    from cadre.training.generated import generate_graduates, generate_training
    from cadre.training.models import Enrolment, Person

    if Person.objects.exists() or Enrolment.objects.exists():
        return
    made = generate_training(people, through_services=True)
    print(f"Generated for the demo: {made}.")
    print(f"Generated for the demo: {generate_graduates()}.")


def _generate_demo_money():
    """Generated trust funds, contributions, disbursements, donations and rates, once."""
    from cadre.coordination.generated_money import generate_money

    made = generate_money()
    if made:
        print("Generated for the demo: " + ", ".join(f"{n} {what}" for what, n in made.items()))


def cmd_export_iati(args):
    """Write the IATI 2.03 activity file of the mission's funded activities."""
    from cadre.coordination import iati

    with _as_cli():
        tree = iati.build()
    count = len(tree.getroot())
    if not count:
        # IATI needs one activity at least: an empty file would not validate.
        print("cadre: no trust fund or donation is recorded; no file written", file=sys.stderr)
        return 1
    Path(args.file).write_bytes(iati.to_bytes(tree))
    print(f"Wrote {count} IATI activities to {args.file}")
    if iati.reporting_org_ref() == iati.STAND_IN_REPORTING_ORG_REF:
        print(
            f"cadre: the reporting organisation is the stand-in {iati.STAND_IN_REPORTING_ORG_REF}:"
            " set CADRE_IATI_REPORTING_ORG to its registered IATI identifier before publishing",
            file=sys.stderr,
        )
    return 0


def _generate_demo_requirements():
    """Requirements, offers and matches for coordination's pages and API, when none are
    generated yet."""
    from cadre.coordination.generated_requirements import generate_requirements
    from cadre.coordination.models import Requirement

    if not Requirement.objects.filter(generated=True).exists():
        print(f"Generated for the demo: {generate_requirements()}.")


def _generate_demo_deliveries():
    """Deliveries under the demo's confirmed matches, once (coordination.generated_deliveries)."""
    from cadre.coordination.generated_deliveries import generate_deliveries
    from cadre.coordination.models import Delivery

    if Delivery.objects.filter(generated=True).exists():
        return
    made = generate_deliveries()
    if made:
        print(f"Generated for the demo: {made} deliveries.")


def cmd_sweep_receipts(args):
    """Remove receipt files that no delivery names, older than --older-than-hours."""
    import datetime

    from cadre.coordination.services_deliveries import sweep_receipts

    if args.older_than_hours < 1:
        print(
            "cadre: --older-than-hours: at least 1, so no write in flight loses its file",
            file=sys.stderr,
        )
        return 1
    age = datetime.timedelta(hours=args.older_than_hours)
    removed = sweep_receipts(older_than=age, dry_run=args.dry_run)
    for name in removed:
        print(name)
    verb = "Would remove" if args.dry_run else "Removed"
    print(f"{verb} {len(removed)} receipt files that no delivery names.")
    return 0


def cmd_export_3w(args):
    """Write the who-does-what-where CSV (HXL hashtags on its second row): every delivery."""
    from cadre.coordination.exports_deliveries import write_3w
    from cadre.core.services import OPERATOR

    with open(args.file, "w", newline="", encoding="utf-8") as stream:
        count = write_3w(stream, OPERATOR)
    print(f"Wrote {count} deliveries to {args.file}")
    return 0


def _reference_date(text):
    import datetime

    if not text:
        return None
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        print(f"cadre: --reference-date: write it as YYYY-MM-DD, not {text!r}", file=sys.stderr)
        raise SystemExit(1) from None


def cmd_import_page(args):
    """Read a saved page (HTML or text) and propose its dated events: as JSON on stdout
    (--json, nothing written), or as a batch of candidates for review citing a Source."""
    import json

    from cadre.core.services import OPERATOR
    from cadre.pageimport import reader, selectors, services
    from cadre.sources.models import Source

    path = Path(args.file)
    try:
        raw = path.read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        print(f"cadre: cannot read {path}: {exc.strerror}", file=sys.stderr)
        return 1
    reference = _reference_date(args.reference_date)
    if args.json:
        _, found = reader.read_page(
            raw, name=path.name, actors=selectors.actor_table(), reference_date=reference
        )
        json.dump([c.as_json() for c in found], sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    source = None
    if args.source:
        source = Source.objects.filter(key=args.source).first()
        if source is None:
            print(f"cadre: no source has the key {args.source!r}", file=sys.stderr)
            return 1
    with _as_cli():
        batch = services.import_page(
            user=OPERATOR, raw=raw, file_name=path.name, source=source, reference_date=reference
        )
    count = batch.candidates.count()
    relative = batch.candidates.exclude(relative="").count()
    undated = f" ({relative} dated only relative to another, to complete)" if relative else ""
    print(
        f"Read {count} candidate events{undated} from {path} into {batch.key}, citing the "
        f"source {batch.source.key}; review them at /page-imports/{batch.key}/"
    )
    return 0


def cmd_eval_timeline(args):
    """Print, per gold page and in total, how well the date reader finds its events."""
    from cadre.pageimport import evaluation, selectors

    directory = Path(args.gold_dir)
    if not directory.is_dir() or not any(directory.glob("*.gold")):
        print(f"cadre: no *.gold files in {directory}", file=sys.stderr)
        return 1
    scores, total = evaluation.evaluate(directory, selectors.evaluation_actor_table())
    print(evaluation.table(scores, total, markdown=args.markdown))
    if args.details:
        print(evaluation.missed_report(scores))
    return 0


def cmd_import_custody(args):
    """Record the custody changes of a CSV or XLSX file, all of them or none."""
    from cadre.coordination.custody_import import command

    with _as_cli():
        return command(args.file, dry_run=args.dry_run)


def cmd_report(args):
    """Write the mission report's PDF, with a progress bar on stderr: one step per app
    that gives the report sections, one for the PDF."""
    import datetime

    from tqdm import tqdm

    from cadre.core.services import OPERATOR
    from cadre.missions.models import Mission
    from cadre.reports import jobs as report_jobs

    try:
        start = datetime.date.fromisoformat(args.start)
        end = datetime.date.fromisoformat(args.end)
    except ValueError:
        print("cadre: write --from and --to as YYYY-MM-DD", file=sys.stderr)
        return 1
    if start > end:
        print("cadre: --to must be on or after --from", file=sys.stderr)
        return 1
    mission = Mission.objects.filter(key=args.mission).first()
    if mission is None:
        known = ", ".join(Mission.objects.order_by("start").values_list("key", flat=True))
        print(f"cadre: no mission {args.mission!r} (known: {known})", file=sys.stderr)
        return 1
    bar = tqdm(total=None, desc=f"report {args.mission}", unit=" steps", file=sys.stderr)

    def progress(done, total):
        bar.total = total
        bar.update(done - bar.n)

    size = report_jobs.write(
        mission, start, end, args.lang, OPERATOR, Path(args.out), progress=progress
    )
    bar.close()
    print(f"Wrote {args.out} ({size:,} bytes).")
    return 0


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

    p = sub.add_parser(
        "export-iati", help="write the IATI 2.03 activity file of the mission's funded activities"
    )
    p.add_argument("file", help="the XML file to write")
    p.set_defaults(func=cmd_export_iati)

    p = sub.add_parser("export-dataset", help="write the mission record as a dataset directory")
    p.add_argument("directory")
    p.set_defaults(func=cmd_export_dataset)

    p = sub.add_parser(
        "export-3w",
        help="write the who-does-what-where CSV of the deliveries, HXL hashtags on its second row",
    )
    p.add_argument("file", help="the CSV file to write")
    p.set_defaults(func=cmd_export_3w)

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
        "sweep-receipts",
        help="remove receipt files no delivery names (left by a write rolled back)",
    )
    p.add_argument(
        "--older-than-hours",
        type=int,
        default=24,
        help="only files older than this, so writes in flight keep theirs (default 24)",
    )
    p.add_argument("--dry-run", action="store_true", help="list the files, remove none")
    p.set_defaults(func=cmd_sweep_receipts)
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
        "rebuild-training-summary",
        help="recompute the training dashboard's figures from the enrolments (after rows "
        "were written in bulk, outside Cadre's services)",
    )
    p.set_defaults(func=cmd_rebuild_training_summary)

    p = sub.add_parser(
        "import-page",
        help="read a saved public page and propose its dated events for the timeline",
    )
    p.add_argument("file", help="a saved HTML page or a plain text file")
    p.add_argument("--source", help="the key of the Source the events cite (default: a new one)")
    p.add_argument("--json", action="store_true", help="print the candidates; write nothing")
    p.add_argument("--reference-date", help="the page's own date, YYYY-MM-DD")
    p.set_defaults(func=cmd_import_page)

    p = sub.add_parser("eval-timeline", help="score the date reader against gold lists")
    p.add_argument("gold_dir", metavar="GOLD-DIR")
    p.add_argument("--markdown", action="store_true", help="print the table in Markdown")
    p.add_argument(
        "--details",
        action="store_true",
        help="list every miss, false candidate and event found with another kind",
    )
    p.set_defaults(func=cmd_eval_timeline)

    p = sub.add_parser(
        "signing-key",
        help="make the mission's signing key if missing; print or write its public key",
    )
    p.add_argument("--public-key-out", help="write the public key (PEM) to this file")
    p.set_defaults(func=cmd_signing_key)

    p = sub.add_parser(
        "verify-certificate",
        help="check a certificate's PDF file or code; exits 0 only for a valid certificate",
    )
    p.add_argument("certificate", help="a certificate's PDF file, or its verification code")
    p.add_argument(
        "--public-key",
        help="the mission's public key (PEM); default: this installation's signing key",
    )
    p.add_argument(
        "--offline",
        action="store_true",
        help="check a file with the public key alone, without asking the record whether "
        "it was revoked or superseded",
    )
    p.set_defaults(func=cmd_verify_certificate)

    p = sub.add_parser(
        "allocate",
        help="compare an allocation round's modes and confirm it in one (enrolling the "
        "people chosen), or with --dry-run only compare",
    )
    p.add_argument("round", help="the round's key")
    p.add_argument("--mode", required=True, choices=sorted(ALLOCATION_MODES))
    p.add_argument("--dry-run", action="store_true", help="compare only; enrol nobody")
    p.set_defaults(func=cmd_allocate)

    p = sub.add_parser(
        "import-custody",
        help="record the custody changes of donated items in a CSV or XLSX file, all or none",
    )
    p.add_argument("file", help="columns: make, model, serial_number, date, from, to, signed_by")
    p.add_argument("--dry-run", action="store_true", help="check the file; record nothing")
    p.set_defaults(func=cmd_import_custody)
    p = sub.add_parser("report", help="write the mission report for a period as a PDF")
    p.add_argument("--mission", required=True, help="the mission's key, e.g. ntm-i")
    p.add_argument("--from", dest="start", required=True, help="first day, YYYY-MM-DD")
    p.add_argument("--to", dest="end", required=True, help="last day, YYYY-MM-DD")
    p.add_argument("--lang", choices=["en", "ar"], default="en")
    p.add_argument("--out", required=True, help="the PDF file to write")
    p.set_defaults(func=cmd_report)

    p = sub.add_parser("manage", help="run a Django management command", add_help=False)
    p.add_argument("rest", nargs=argparse.REMAINDER)
    p.set_defaults(func=cmd_manage)
    return parser


# The commands that read or write the mission's record: on a database not set up they would
# stop at the first missing table with a traceback. (`load-dataset` says so in its own words;
# `demo` sets the database up itself.)
NEEDS_THE_RECORD = {
    cmd_serve,
    cmd_export_iati,
    cmd_export_dataset,
    cmd_export_3w,
    cmd_worker,
    cmd_createuser,
    cmd_audit_verify,
    cmd_sweep_receipts,
    cmd_run_due,
    cmd_generate_training,
    cmd_rebuild_training_summary,
    cmd_import_page,
    cmd_eval_timeline,
    cmd_allocate,
    cmd_import_custody,
    cmd_report,
}


def main(argv=None):
    args = build_parser().parse_args(argv)
    data_dir = getattr(args, "data_dir_sub", None) or args.data_dir
    _setup(data_dir, demo=getattr(args, "demo", False))
    if args.func in NEEDS_THE_RECORD and _unmigrated():
        print("cadre: the database is not set up; run `cadre migrate` first", file=sys.stderr)
        return 1
    return args.func(args) or 0


if __name__ == "__main__":
    sys.exit(main())
