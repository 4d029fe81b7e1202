"""An edit form's related-record picker, in a real browser: type, pick, save."""

import pytest

from cadre.core import pickers, registry
from cadre.core.roles import Role
from cadre.missions.models import Organisation, ReportingLine

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_writer_types_a_few_letters_picks_an_organisation_and_saves(
    live_server, signed_in, records, monkeypatch
):
    monkeypatch.setattr(pickers, "MOST_OPTIONS", 2)
    for key, name in [("nmi", "NATO Mission Iraq"), ("mod", "Ministry of Defence")]:
        records.create(Organisation, key=key, name=name)
    records.create(Organisation, key="moi", name="Ministry of Interior")
    page = signed_in(Role.MISSION_STAFF)
    form = records.form_data(registry.get("reporting-lines"))

    page.goto(f"{live_server.url}/record/reporting-lines/add/")
    assert page.locator("select#id_unit").count() == 0
    page.fill("#id_key", "line-picked")
    page.fill("#id_start", form["start"])
    page.locator("#id_unit").press_sequentially("minis")
    page.get_by_label("Ministry of Defence").check()
    page.locator("#id_superior").press_sequentially("nato")
    page.get_by_label("NATO Mission Iraq").check()
    page.click("form.stacked button[type=submit]")
    page.wait_for_url("**/record/reporting-lines/*/")

    line = ReportingLine.objects.get(key="line-picked")
    assert (line.unit.key, line.superior.key) == ("mod", "nmi")
