"""The `cadre` command: run, set up and look after a Cadre installation.

cadre demo [--port 8000] [--data-dir DIR]   set up on the built-in dataset and serve
cadre serve [--port 8000] [--host 127.0.0.1]
cadre migrate
cadre load-dataset [DIR]                     the built-in dataset when DIR is not given
cadre export-dataset DIR
cadre createuser USERNAME --role ROLE [--nation ISO3]
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


def _progress_bar(total_steps: int, description: str):
    from tqdm import tqdm

    bar = tqdm(total=total_steps, desc=description, unit="type", file=sys.stderr)

    def step(slug, count):
        bar.set_postfix_str(f"{slug}: {count}")
        bar.update(1)

    return bar, step


def cmd_migrate(args):
    from django.core.management import call_command

    with _as_cli():
        call_command("migrate", interactive=False, verbosity=args.verbosity)


def cmd_load_dataset(args):
    from cadre.core import registry
    from cadre.dataset.io import BUILT_IN, DatasetError, load_dataset

    directory = Path(args.directory) if args.directory else BUILT_IN
    bar, step = _progress_bar(len(registry.object_types()), "loading")
    try:
        with _as_cli():
            counts = load_dataset(directory, progress=step)
    except DatasetError as exc:
        bar.close()
        print(f"cadre: nothing loaded: {exc}", file=sys.stderr)
        return 1
    bar.close()
    print(f"Loaded {sum(counts.values())} records from {directory}")
    return 0


def cmd_export_dataset(args):
    from cadre.core import registry
    from cadre.dataset.io import export_dataset

    bar, step = _progress_bar(len(registry.object_types()), "exporting")
    counts = export_dataset(Path(args.directory), progress=step)
    bar.close()
    print(f"Wrote {sum(counts.values())} records to {args.directory}")
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
        created = ensure_demo_users()
    if created:
        print("Demo users (user name, role, one-time password):")
        for user, password in created:
            role = user.get_role_display() + (f" [{user.nation.code}]" if user.nation_id else "")
            print(f"  {user.username:<24} {role:<34} {password}")
    else:
        print("Demo users exist already; their passwords were printed on the first run.")
    return cmd_serve(args)


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

    p = sub.add_parser("createuser", help="create a user with a role")
    p.add_argument("username")
    p.add_argument("--role", required=True)
    p.add_argument("--nation", help="ISO 3166 alpha-3 code, for nation-bound roles")
    p.add_argument("--password", help="set this password instead of printing a one-time one")
    p.set_defaults(func=cmd_createuser)

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
