"""The `cadre` command, run as a user runs it: in a subprocess, on a fresh data directory."""

import csv
import io
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

import pytest

from cadre.dataset.io import BUILT_IN, DatasetFile


def cadre(*args, data_dir, secret_key=None, database_url=None):
    """Run `cadre` as outside tests (with a secret key if given), on SQLite in data_dir or on
    the database at `database_url`."""
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "CADRE_SECRET_KEY")}
    env["CADRE_TESTING"] = "0"
    if secret_key:
        env["CADRE_SECRET_KEY"] = secret_key
    if database_url:
        env["DATABASE_URL"] = database_url
    return subprocess.Popen(
        [sys.executable, "-m", "cadre.cli", "--data-dir", str(data_dir), *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run_demo_until_serving(data_dir, database_url=None):
    port = free_port()
    process = cadre("demo", "--port", str(port), data_dir=data_dir, database_url=database_url)
    lines = []
    deadline = time.monotonic() + 300
    try:
        for line in process.stdout:
            lines.append(line)
            if "Cadre is serving" in line or time.monotonic() > deadline:
                break
        body = (
            urllib.request.urlopen(f"http://127.0.0.1:{port}/accounts/login/", timeout=10)
            .read()
            .decode()
        )
    finally:
        process.terminate()
        process.wait(timeout=20)
    return "".join(lines), body


@pytest.fixture(scope="session")
def _migrated_once(tmp_path_factory):
    """A data directory set up by `cadre migrate` on SQLite, once per test process: migrating
    takes a subprocess over ten seconds of CPU, the same for every test that starts from it."""
    data_dir = tmp_path_factory.mktemp("migrated")
    done = cadre("migrate", "--verbosity", "0", data_dir=data_dir, secret_key="test-only")
    assert done.wait(timeout=300) == 0, done.communicate()[0]
    return data_dir


@pytest.fixture
def migrated(_migrated_once, tmp_path):
    """A data directory of this test's own, as `cadre migrate` leaves it: a copy of one."""
    data_dir = tmp_path / "data"
    shutil.copytree(_migrated_once, data_dir)
    return data_dir


def test_a_fresh_demo_serves_exports_valid_files_and_is_reused_on_the_second_run(
    tmp_path, database_url
):
    """One demo, set up from nothing (on PostgreSQL in a PostgreSQL run), walked through as
    its user would: it serves, its IATI file validates and its who-does-what-where file has
    HXL hashtags, and a second `cadre demo` reuses what is there. One scenario, because
    setting up a demo is the slowest thing the tests do."""
    from lxml import etree

    from cadre.coordination import iati

    data_dir = tmp_path / "data"
    first, login_page = run_demo_until_serving(data_dir, database_url)
    assert "Loaded" in first and "demo-mission-staff" in first
    assert "Generated for the demo: 200 people" in first
    assert "deliveries" in first and "donations" in first, first
    assert "Sign in to Cadre" in login_page

    def export(command, path):
        done = cadre(
            command, str(path), data_dir=data_dir, database_url=database_url, secret_key="test-only"
        )
        printed = done.communicate(timeout=300)[0]
        assert done.returncode == 0, printed
        return printed

    printed = export("export-iati", tmp_path / "iati.xml")
    schema = iati.schema(Path(__file__).resolve().parents[1])
    tree = etree.parse(str(tmp_path / "iati.xml"))
    assert schema.validate(tree), schema.error_log
    assert f"Wrote {len(tree.getroot())} IATI activities" in printed and len(tree.getroot()) > 1
    printed = export("export-3w", tmp_path / "3w.csv")
    names, tags, *rows = csv.reader(io.StringIO((tmp_path / "3w.csv").read_text("utf-8")))
    assert all(tag.startswith("#") for tag in tags) and len(tags) == len(names)
    assert {"#org", "#sector", "#adm1", "#activity", "#date"} <= set(tags)
    assert rows and f"Wrote {len(rows)} deliveries" in printed

    second, _ = run_demo_until_serving(data_dir, database_url)
    assert "Dataset already loaded" in second
    assert "Loaded" not in second and "demo-mission-staff" not in second
    assert "Generated" not in second


def test_generate_training_makes_the_people_once_and_refuses_a_second_run(migrated):
    def run(*args):
        return cadre(*args, data_dir=migrated, secret_key="test-only")

    setup = run("load-dataset")
    assert setup.wait(timeout=300) == 0, setup.communicate()[0]
    first = run("generate-training", "--people", "40", "--seed", "2")
    output = first.communicate(timeout=300)[0]
    assert first.returncode == 0, output
    assert "Generated 40 people" in output
    second = run("generate-training", "--people", "40", "--seed", "2")
    output = second.communicate(timeout=300)[0]
    assert second.returncode == 1
    assert "already holds 40 generated people; nothing generated again" in output


def test_createuser_then_manage_check(migrated):
    out = cadre("createuser", "ana", "--role", "auditor", data_dir=migrated, secret_key="test-only")
    text = out.communicate()[0]
    assert out.returncode == 0, text
    assert "Created ana (Auditor)" in text and "One-time password:" in text
    check = cadre("manage", "check", data_dir=migrated, secret_key="test-only")
    assert "no issues" in check.communicate()[0]


def test_createuser_refuses_a_nation_bound_role_without_a_nation(migrated):
    out = cadre(
        "createuser",
        "bo",
        "--role",
        "nation_contributor",
        data_dir=migrated,
        secret_key="test-only",
    )
    assert out.wait() == 1 and "needs --nation" in out.stdout.read()


def test_the_worker_runs_the_queued_jobs_and_with_batch_stops(migrated):
    worker = cadre("worker", "--batch", data_dir=migrated, secret_key="test-only")
    assert worker.wait(timeout=300) == 0, worker.stdout.read()


def test_serving_without_a_secret_key_is_refused(tmp_path):
    out = cadre("serve", data_dir=tmp_path)
    assert out.wait(timeout=60) != 0 and "CADRE_SECRET_KEY" in out.stdout.read()


@pytest.fixture
def database_url():
    """On a PostgreSQL test run, the URL of a fresh database for `cadre` to set up; else None
    (SQLite in the data directory)."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        yield None
        return
    import psycopg

    name = f"cadre_cli_{uuid.uuid4().hex[:12]}"
    server = urllib.parse.urlparse(url)._replace(path="/postgres").geturl()
    with psycopg.connect(server, autocommit=True) as connection:
        connection.execute(f"CREATE DATABASE {name}")
    yield urllib.parse.urlparse(url)._replace(path=f"/{name}").geturl()
    with psycopg.connect(server, autocommit=True) as connection:
        connection.execute(f"DROP DATABASE {name} WITH (FORCE)")


def test_two_loads_at_once_take_turns_and_the_second_finds_the_dataset_loaded(
    migrated, database_url
):
    def run(*args):
        return cadre(*args, data_dir=migrated, secret_key="test-only", database_url=database_url)

    if database_url:  # on SQLite, the data directory is migrated already
        assert run("migrate", "--verbosity", "0").wait(timeout=300) == 0
    loads = [run("load-dataset"), run("load-dataset")]
    outputs = [load.communicate(timeout=300)[0] for load in loads]

    assert [load.returncode for load in loads] == [0, 0], outputs
    assert not any("Traceback" in output for output in outputs), outputs
    finals = sorted(output.strip().splitlines()[-1] for output in outputs)
    records = sum(DatasetFile(path).count() for path in BUILT_IN.iterdir() if path.is_file())
    assert finals[0].startswith(f"Loaded {records} records from "), outputs
    assert finals[1].endswith(f"is loaded already: its {records} records are unchanged."), outputs


def test_a_load_into_a_database_not_set_up_says_to_migrate(tmp_path, database_url):
    load = cadre(
        "load-dataset", data_dir=tmp_path, secret_key="test-only", database_url=database_url
    )
    output = load.communicate(timeout=300)[0]

    assert load.returncode == 1
    assert "Traceback" not in output
    assert "nothing loaded: the database is not set up; run `cadre migrate`" in output


@pytest.mark.parametrize(
    "command", [["import-page", "--json", "page.txt"], ["createuser", "ana", "--role", "auditor"]]
)
def test_a_command_on_a_database_not_set_up_says_to_migrate(command, tmp_path):
    (tmp_path / "page.txt").write_text("The course began on 3 May 2021.\n", "utf-8")
    command = [str(tmp_path / part) if part == "page.txt" else part for part in command]
    run = cadre(*command, data_dir=tmp_path / "data", secret_key="test-only")
    output = run.communicate(timeout=300)[0]

    assert run.returncode == 1, output
    assert "Traceback" not in output
    assert "the database is not set up; run `cadre migrate` first" in output


pytestmark = pytest.mark.filterwarnings("ignore::ResourceWarning")
