"""The small-arms report: every weapon's last known holder and date, flagged when it has had
no custody record for over 90 days, as of today or a day the reader picks; page, CSV and
XLSX read alike, a contributing nation's officer reading only its own nation's weapons."""
# ruff: noqa: F403, F405 (the fixtures of arms_setup)

import datetime
import io
import re

import openpyxl
import pytest
from django.utils import timezone

from cadre.coordination import selectors_arms
from cadre.coordination.models import DonatedItem
from cadre.core.roles import Role

from .arms_setup import *

pytestmark = pytest.mark.django_db


def today():
    """Today, read when it is needed: a module constant would be yesterday for a test that
    runs after midnight."""
    return timezone.localdate()


def days_ago(n):
    return today() - datetime.timedelta(days=n)


@pytest.fixture
def weapons(nation, other_nation, depot, brigade):
    """A fresh, a stale, a never-recorded and a destroyed weapon of CAN; a stale one of ITA;
    a radio of CAN (not a weapon)."""
    old = make_donation(nation, donated_on=days_ago(400))
    fresh = make_item(old, "FRESH-1")
    move(fresh, days_ago(200), None, depot)
    move(fresh, days_ago(10), depot, brigade)
    stale = make_item(old, "STALE-1")
    move(stale, days_ago(120), None, depot)
    never = make_item(old, "NEVER-1")
    destroyed = make_item(old, "GONE-1")
    move(destroyed, days_ago(300), None, depot)
    move(destroyed, days_ago(200), depot, None, status="destroyed")
    italian = make_item(make_donation(other_nation, donated_on=days_ago(400)), "ITA-1")
    move(italian, days_ago(150), None, depot)
    make_item(old, "RADIO-1", kind="equipment", make="Motorola", model_name="XTS")
    return {"fresh": fresh, "stale": stale, "never": never, "gone": destroyed, "ita": italian}


def report(as_of=None, stale_only=False):
    as_of = as_of or today()
    qs = selectors_arms.weapons(DonatedItem.objects.all(), as_of, stale_only=stale_only)
    return {row.item.serial_number: row for row in selectors_arms.weapon_rows(qs, as_of)}


def flagged(page) -> set[str]:
    """The serial numbers of the rows the page flags."""
    rows = re.findall(r'<tr class="stale">(.*?)</tr>', page.content.decode(), re.DOTALL)
    return {re.search(r'<code dir="ltr">([^<]*)</code>', row).group(1) for row in rows}


def test_a_weapon_with_no_record_for_over_90_days_is_flagged(weapons, depot):
    row = report()["STALE-1"]

    assert row.stale
    assert (row.holder, row.last_on, row.days_since) == (depot, days_ago(120), 120)


def test_a_weapon_recorded_10_days_ago_is_not_flagged(weapons, brigade):
    row = report()["FRESH-1"]

    assert not row.stale
    assert (row.holder, row.last_on) == (brigade, days_ago(10))


def test_a_weapon_never_recorded_is_flagged_from_its_donation(weapons):
    row = report()["NEVER-1"]

    assert row.stale and row.last_on is None and row.holder is None
    assert row.days_since == 400


def test_a_destroyed_weapon_is_listed_but_not_flagged(weapons):
    row = report()["GONE-1"]

    assert row.status == "destroyed" and not row.stale


def test_only_weapons_are_listed(weapons):
    assert "RADIO-1" not in report()


def test_as_of_an_earlier_day_the_later_changes_are_not_seen(weapons, depot):
    row = report(as_of=days_ago(100))["FRESH-1"]

    assert (row.holder, row.last_on, row.days_since) == (depot, days_ago(200), 100)
    assert row.stale


def test_the_stale_filter_keeps_only_flagged_weapons(weapons):
    assert set(report(stale_only=True)) == {"STALE-1", "NEVER-1", "ITA-1"}


def test_the_page_lists_and_flags_the_weapons(weapons, client_as):
    page = client_as(Role.COORDINATION_CELL).get("/coordination/small-arms/")

    text = page.content.decode()
    assert page.status_code == 200
    assert "STALE-1" in text and "ITA-1" in text
    assert flagged(page) == {"STALE-1", "NEVER-1", "ITA-1"}


def test_the_page_as_of_a_chosen_day(weapons, client_as):
    day = days_ago(100).isoformat()
    page = client_as(Role.MISSION_STAFF).get(f"/coordination/small-arms/?as_of={day}")

    # 100 days ago, FRESH-1 had gone 100 days without a record and STALE-1 only 20.
    assert flagged(page) == {"FRESH-1", "NEVER-1"}


def test_a_nation_contributor_sees_only_its_own_nations_weapons(weapons, client_as):
    client = client_as(Role.NATION_CONTRIBUTOR)
    text = client.get("/coordination/small-arms/").content.decode()
    csv_text = b"".join(client.get("/coordination/small-arms/?export=csv").streaming_content)

    assert "STALE-1" in text and "ITA-1" not in text
    assert b"STALE-1" in csv_text and b"ITA-1" not in csv_text


def test_the_csv_export_has_a_row_per_weapon_with_the_flag(weapons, client_as):
    answer = client_as(Role.COORDINATION_CELL).get("/coordination/small-arms/?export=csv")
    lines = b"".join(answer.streaming_content).decode("utf-8-sig").splitlines()

    assert lines[0].startswith("key,make,model,serial_number")
    assert len(lines) == 1 + 5
    stale = next(line for line in lines if "STALE-1" in line)
    assert ",depot," in stale and stale.endswith(f",120,true,{today().isoformat()}")


def test_the_xlsx_export_reads_as_the_csv(weapons, client_as):
    answer = client_as(Role.NATION_CONTRIBUTOR).get("/coordination/small-arms/?export=xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(answer.streaming_content))).active
    serials = [row[3] for row in sheet.iter_rows(min_row=2, values_only=True)]

    assert sorted(serials) == ["FRESH-1", "GONE-1", "NEVER-1", "STALE-1"]


def test_the_page_shows_only_flagged_weapons_when_asked(weapons, client_as):
    page = client_as(Role.COORDINATION_CELL).get("/coordination/small-arms/?stale=1")

    assert "FRESH-1" not in page.content.decode()
    assert flagged(page) == {"STALE-1", "NEVER-1", "ITA-1"}
