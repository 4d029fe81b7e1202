"""The custody import, from the page and from `cadre import-custody FILE`: every row or
none; a file that would put a weapon in two places at once is refused, naming the row."""
# ruff: noqa: F403, F405 (the fixtures of arms_setup)

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from cadre import cli
from cadre.audit.models import ChangeAction, ChangeRecord
from cadre.coordination.custody_import import import_custody
from cadre.coordination.models import CustodyChange
from cadre.core.roles import Role
from cadre.core.services import OPERATOR

from .arms_setup import *

pytestmark = pytest.mark.django_db
HEADER = "make,model,serial_number,date,from,to,signed_by,status\n"


@pytest.fixture
def rifles(donation, depot, brigade, battalion):
    return make_item(donation, "AK-1"), make_item(donation, "AK-2")


def write(tmp_path, body, name="custody.csv"):
    path = tmp_path / name
    path.write_text(HEADER + body, encoding="utf-8")
    return path


GOOD = (
    "Kalashnikov,AKM,ak-1 ,2026-03-01,,depot,Capt. A,in_store\n"
    "Kalashnikov,AKM,AK-2,2026-03-01,,depot,Capt. A,in_store\n"
    "kalashnikov,akm,AK-1,2026-03-09,depot,brigade-1,Maj. B,issued\n"
    "Kalashnikov,AKM,AK-1,2026-03-05,depot,depot,Capt. C,in_store\n"
)
# AK-2 goes to the brigade and to the battalion on one day.
TWO_UNITS_ONE_DAY = (
    "Kalashnikov,AKM,AK-1,2026-03-01,,depot,Capt. A,in_store\n"
    "Kalashnikov,AKM,AK-2,2026-03-01,,depot,Capt. A,in_store\n"
    "Kalashnikov,AKM,AK-2,2026-03-04,depot,brigade-1,Maj. B,issued\n"
    "Kalashnikov,AKM,AK-2,2026-03-04,depot,battalion-2,Maj. B,issued\n"
)
# AK-1 is at the depot, but row 3 hands it over from the battalion.
FROM_ELSEWHERE = (
    "Kalashnikov,AKM,AK-1,2026-03-01,,depot,Capt. A,in_store\n"
    "Kalashnikov,AKM,AK-1,2026-03-04,battalion-2,brigade-1,Maj. B,issued\n"
)


def test_a_good_file_records_every_change_in_order_of_date(rifles, depot, brigade, tmp_path):
    report = import_custody(OPERATOR, write(tmp_path, GOOD), file_name="c.csv", commit=True)

    assert report.errors == []
    assert CustodyChange.objects.count() == 4
    first, second = rifles
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.holder, first.last_custody_on.isoformat()) == (brigade, "2026-03-09")
    assert second.holder == depot


def test_a_good_file_is_one_entry_in_the_audit_trail(rifles, tmp_path):
    import_custody(OPERATOR, write(tmp_path, GOOD), file_name="c.csv", commit=True)

    entries = ChangeRecord.objects.filter(action=ChangeAction.IMPORT)
    assert entries.count() == 1
    assert len(entries.get().after["created"]) == 4


def test_a_preview_saves_nothing(rifles, tmp_path):
    report = import_custody(OPERATOR, write(tmp_path, GOOD), file_name="c.csv", commit=False)

    assert report.created == 4
    assert not CustodyChange.objects.exists()


def test_two_units_on_one_day_are_refused_naming_the_row(rifles, tmp_path):
    path = write(tmp_path, TWO_UNITS_ONE_DAY)
    report = import_custody(OPERATOR, path, file_name="c.csv", commit=True)

    assert report.errors == [
        "row 5, column to: row 4 sends Kalashnikov AKM AK-2 to brigade-1 on 2026-03-04: "
        "it cannot be at two units on the same day"
    ]
    assert not CustodyChange.objects.exists()


def test_a_from_that_is_not_where_the_item_is_is_refused_naming_the_row(rifles, tmp_path):
    path = write(tmp_path, FROM_ELSEWHERE)
    report = import_custody(OPERATOR, path, file_name="c.csv", commit=True)

    assert len(report.errors) == 1
    assert report.errors[0].startswith("row 3, column from: Kalashnikov AKM AK-1 is then held by")
    assert not CustodyChange.objects.exists()


def test_a_change_before_one_already_recorded_is_refused(rifles, depot, tmp_path):
    move(rifles[0], DAY, None, depot)
    body = "Kalashnikov,AKM,AK-1,2026-02-01,depot,brigade-1,Maj. B,issued\n"
    report = import_custody(OPERATOR, write(tmp_path, body), file_name="c.csv", commit=True)

    assert report.errors[0].startswith("row 2, column date:")
    assert CustodyChange.objects.count() == 1


def test_unknown_items_units_and_dates_are_named(rifles, tmp_path):
    body = "Kalashnikov,AKM,NOPE,2026-03-01,,depot,A,\nKalashnikov,AKM,AK-1,1 March,,nowhere,A,\n"
    report = import_custody(OPERATOR, write(tmp_path, body), file_name="c.csv", commit=True)

    assert report.errors == [
        "row 2, column serial_number: no item of this make and model has the serial number NOPE",
        "row 3, column date: write the date as YYYY-MM-DD",
        "row 3, column to: no unit has the key nowhere",
    ]


def test_a_missing_column_is_named(rifles, tmp_path):
    path = tmp_path / "c.csv"
    path.write_text("make,model,serial_number,date,to,signed_by\n", encoding="utf-8")

    report = import_custody(OPERATOR, path, file_name="c.csv", commit=True)

    assert report.errors == ["row 1, column from: this required column is missing"]


# The page ---------------------------------------------------------------------------


def upload(client, text):
    file = SimpleUploadedFile("custody.csv", (HEADER + text).encode(), "text/csv")
    return client.post("/coordination/custody/import/", {"file": file})


def test_the_page_previews_then_records(rifles, client_as):
    client = client_as(Role.COORDINATION_CELL)
    preview = upload(client, GOOD)

    assert preview.status_code == 200
    assert "4 custody changes will be recorded" in preview.content.decode()
    assert not CustodyChange.objects.exists()
    done = client.post(f"/coordination/custody/import/{preview.context['token']}/")
    assert done.status_code == 302
    assert CustodyChange.objects.count() == 4


def test_the_page_refuses_a_bad_file_naming_the_row(rifles, client_as):
    answer = upload(client_as(Role.MISSION_STAFF), TWO_UNITS_ONE_DAY)

    assert answer.status_code == 400
    assert "row 5, column to:" in answer.content.decode()
    assert not CustodyChange.objects.exists()


def test_a_nation_contributor_may_not_import_custody(rifles, client_as):
    client = client_as(Role.NATION_CONTRIBUTOR)

    assert client.get("/coordination/custody/import/").status_code == 403
    assert upload(client, GOOD).status_code == 403


# The command line ---------------------------------------------------------------------


def test_the_command_imports_a_good_file(rifles, tmp_path, capsys):
    assert cli.cmd_import_custody(cli_args(write(tmp_path, GOOD))) == 0

    assert "recorded 4 custody changes" in capsys.readouterr().out
    assert CustodyChange.objects.count() == 4


def test_the_command_refuses_a_bad_file_naming_the_row(rifles, tmp_path, capsys):
    assert cli.cmd_import_custody(cli_args(write(tmp_path, FROM_ELSEWHERE))) == 1

    assert "row 3, column from:" in capsys.readouterr().err
    assert not CustodyChange.objects.exists()


def test_the_command_parses_its_arguments(tmp_path):
    args = cli.build_parser().parse_args(["import-custody", str(tmp_path / "f.csv"), "--dry-run"])

    assert args.func is cli.cmd_import_custody and args.dry_run


def cli_args(path, dry_run=False):
    import argparse

    return argparse.Namespace(file=str(path), dry_run=dry_run)
