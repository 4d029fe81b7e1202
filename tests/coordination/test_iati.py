"""The IATI 2.03 activity file: `cadre export-iati FILE` and the money page's download
validate against the schema kept at ../shared/iati-2.03 (as CI has it), and a nation
contributor's file holds only what it may read."""

import datetime
from pathlib import Path

import pytest
from lxml import etree

from cadre import cli
from cadre.coordination import iati
from cadre.core.roles import Role

from . import money_records as r

PROJECT_ROOT = Path(__file__).resolve().parents[2]
D = datetime.date


@pytest.fixture(scope="module")
def schema():
    path = PROJECT_ROOT / ".." / "shared" / "iati-2.03" / "iati-activities-schema.xsd"
    assert path.exists(), f"the IATI schema is expected at {path}"
    return iati.schema(PROJECT_ROOT)


@pytest.fixture
def funded(db):
    canada, italy = r.nation("CAN", "Canada"), r.nation("ITA", "Italy")
    mission = r.mission()
    fund = r.fund("tf-a", mission, purpose="Courses at NATO schools", lead_nation=italy)
    r.contribution(fund, canada, "1000.00", "USD", D(2006, 6, 1))
    r.contribution(fund, italy, "2500.50", "EUR", D(2007, 5, 1))
    r.disbursement(fund, "900.00", "EUR", D(2008, 2, 1), purpose="Officers' courses")
    r.donation("don-can", canada, "3000.00", "USD", D(2006, 12, 31), mission)
    r.donation("don-ita", italy, "4000.00", "EUR", D(2008, 1, 1), mission)
    return {"canada": canada, "italy": italy}


def _assert_valid(schema, tree):
    assert schema.validate(tree), schema.error_log


def test_cadre_export_iati_writes_a_file_that_validates(funded, schema, tmp_path, capsys):
    out = tmp_path / "activities.xml"

    assert cli.main(["export-iati", str(out)]) == 0

    tree = etree.parse(str(out))
    _assert_valid(schema, tree)
    assert "Wrote 2 IATI activities" in capsys.readouterr().out
    root = tree.getroot()
    assert root.get("version") == "2.03"
    (fund,) = root.xpath("iati-activity[iati-identifier='XI-CADRE-NATO-trust-fund-tf-a']")
    incoming = fund.xpath("transaction[transaction-type/@code='1']")
    paid_out = fund.xpath("transaction[transaction-type/@code='3']")
    assert len(incoming) == 2 and len(paid_out) == 1
    values = {(v.text, v.get("currency"), v.get("value-date")) for v in fund.iter("value")}
    assert ("1000.00", "USD", "2006-06-01") in values
    assert paid_out[0].find("sector").get("code") == "11430"
    (donations,) = root.xpath("iati-activity[iati-identifier='XI-CADRE-NATO-donations-tm']")
    assert len(donations.findall("transaction")) == 2


def test_the_stand_in_reporting_organisation_is_warned_about(funded, tmp_path, capsys):
    assert cli.main(["export-iati", str(tmp_path / "activities.xml")]) == 0

    assert "stand-in XI-CADRE-NATO" in capsys.readouterr().err


def test_the_registered_reporting_organisation_names_every_activity(
    funded, schema, tmp_path, capsys, settings
):
    settings.IATI_REPORTING_ORG_REF = "XM-DAC-928"
    settings.IATI_REPORTING_ORG_NAME = "Training Mission"
    out = tmp_path / "activities.xml"

    assert cli.main(["export-iati", str(out)]) == 0

    tree = etree.parse(str(out))
    _assert_valid(schema, tree)
    root = tree.getroot()
    assert [a.findtext("iati-identifier") for a in root] == [
        "XM-DAC-928-trust-fund-tf-a",
        "XM-DAC-928-donations-tm",
    ]
    assert {org.get("ref") for org in root.iter("reporting-org")} == {"XM-DAC-928"}
    assert {org.findtext("narrative") for org in root.iter("reporting-org")} == {"Training Mission"}
    assert "XI-CADRE-NATO" not in out.read_text()
    assert "stand-in" not in capsys.readouterr().err


def test_with_no_money_recorded_no_file_is_written(db, tmp_path, capsys):
    # The schema needs one activity at least: an empty file would not validate.
    out = tmp_path / "activities.xml"

    assert cli.main(["export-iati", str(out)]) == 1

    assert not out.exists()
    assert "no file written" in capsys.readouterr().err


def test_with_nothing_the_reader_may_read_the_download_is_not_found(db, client_as):
    client = client_as(Role.NATION_CONTRIBUTOR)

    assert client.get("/coordination/money/iati.xml").status_code == 404


def test_the_cells_download_holds_every_nation(funded, schema, client_as):
    response = client_as(Role.COORDINATION_CELL).get("/coordination/money/iati.xml")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/xml"
    tree = etree.fromstring(response.content).getroottree()
    _assert_valid(schema, tree)
    providers = {n.text for n in tree.iterfind(".//provider-org/narrative")}
    assert providers == {"Canada", "Italy"}


def test_a_nation_contributors_download_holds_only_its_own_nation(funded, schema, client_as):
    client = client_as(Role.NATION_CONTRIBUTOR, funded["canada"])
    response = client.get("/coordination/money/iati.xml")

    assert response.status_code == 200
    tree = etree.fromstring(response.content).getroottree()
    _assert_valid(schema, tree)
    providers = {n.text for n in tree.iterfind(".//provider-org/narrative")}
    funders = {n.text for n in tree.xpath("//participating-org[@role='1']/narrative")}
    assert providers == {"Canada"}
    assert "Italy" not in funders
    assert b"2500.50" not in response.content and b"4000.00" not in response.content


def test_the_download_needs_a_signed_in_user(funded, client):
    assert client.get("/coordination/money/iati.xml").status_code == 302
