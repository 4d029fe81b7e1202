"""Bulk import: a preview first, then all rows or none, named by row and column when wrong."""

import pytest
from django.urls import reverse

from cadre.accounts.models import Nation
from cadre.audit.models import ChangeAction, ChangeRecord
from cadre.core.roles import Role
from cadre.missions.models import Location, TimelineEvent
from cadre.sources.models import Source

from .files import confirm, csv_file, upload, xlsx_file

HEADER = ["key", "name", "kind", "nation", "within", "latitude", "longitude"]
GOOD_ROWS = [
    HEADER,
    ["camp-dublin", "Camp Dublin", "camp", "IRQ", "baghdad", "33.28", "44.24"],  # changes
    ["besmaya", "Besmaya", "camp", "IRQ", "", "33.17", "44.65"],  # new
]


def counts():
    return Location.objects.count(), TimelineEvent.objects.count(), ChangeRecord.objects.count()


@pytest.fixture
def staff(client_as):
    return client_as(Role.MISSION_STAFF)


@pytest.mark.django_db
def test_preview_of_a_good_file_changes_nothing_until_confirmed(staff, locations):
    before = counts()
    response = upload(staff, "locations", "places.csv", csv_file(GOOD_ROWS))
    assert response.status_code == 200
    report = response.context["report"]
    assert (report.created, report.changed) == (1, 1)
    assert counts() == before
    assert Location.objects.get(key="camp-dublin").name == "Camp-Dublin"


@pytest.mark.django_db
def test_preview_shows_each_changed_field_before_and_after(staff, locations):
    response = upload(staff, "locations", "places.csv", csv_file(GOOD_ROWS))
    change = next(o for o in response.context["report"].outcomes if o.key == "camp-dublin")
    assert (change.number, change.action) == (2, "change")
    assert ("name", "Camp-Dublin", "Camp Dublin") in change.changes
    assert ("latitude", "33.30000", "33.28") in change.changes


@pytest.mark.django_db
def test_confirm_creates_and_changes_every_row(staff, locations):
    confirm(staff, "locations", upload(staff, "locations", "places.csv", csv_file(GOOD_ROWS)))
    assert Location.objects.get(key="camp-dublin").name == "Camp Dublin"
    assert Location.objects.get(key="besmaya").nation.code == "IRQ"


@pytest.mark.django_db
def test_confirm_writes_one_import_record_to_the_audit_trail(staff, locations):
    preview = upload(staff, "locations", "places.csv", csv_file(GOOD_ROWS))
    last = ChangeRecord.objects.order_by("pk").last().pk
    confirm(staff, "locations", preview)
    (record,) = ChangeRecord.objects.filter(pk__gt=last)
    assert record.action == ChangeAction.IMPORT
    assert record.username == staff.user.username
    assert list(record.after["created"]) == ["besmaya"]
    assert record.after["changed"]["camp-dublin"]["name"] == ["Camp-Dublin", "Camp Dublin"]
    assert "1 created, 1 changed" in record.message


@pytest.mark.django_db
def test_a_bad_date_changes_nothing_and_names_row_and_column(staff):
    Source.objects.create(key="nato-factsheet", title="Fact sheet", publisher="NATO")
    rows = [
        ["key", "date", "kind", "summary", "sources"],
        ["ntm-i-set-up", "2004-12", "decision", "NTM-I set up", "nato-factsheet"],
        ["nmi-launched", "2018-07", "decision", "NMI launched", "nato-factsheet"],
        ["bad-month", "2008-13", "visit", "A visit", "nato-factsheet"],
    ]
    before = counts()
    response = upload(staff, "events", "events.csv", csv_file(rows))
    assert response.status_code == 400
    assert counts() == before
    assert (
        "row 4, column date: &#x27;2008-13&#x27; is not a date written YYYY, YYYY-MM or YYYY-MM-DD"
        in (response.content.decode())
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    "column, row",
    [
        ("key", ["mosul\x00", "Mosul", "city", "IRQ", "", "36.34", "43.13"]),
        ("nation", ["mosul", "Mosul", "city", "IR\x00Q", "", "36.34", "43.13"]),
        ("name", ["mosul", "Mo\x00sul", "city", "IRQ", "", "36.34", "43.13"]),
    ],
)
def test_a_nul_character_in_a_cell_changes_nothing_and_names_row_and_column(
    staff, locations, column, row
):
    before = counts()

    response = upload(staff, "locations", "places.csv", csv_file([*GOOD_ROWS, row]))

    assert response.status_code == 400
    assert counts() == before
    assert response.context["report"].errors == [
        f"row 4, column {column}: contains a NUL character, which a record cannot hold"
    ]


@pytest.mark.django_db
def test_an_unknown_key_changes_nothing_and_names_the_key(staff, locations):
    rows = [*GOOD_ROWS, ["mosul", "Mosul", "city", "XYZ", "", "36.34", "43.13"]]
    before = counts()
    response = upload(staff, "locations", "places.csv", csv_file(rows))
    assert counts() == before
    assert response.context["report"].errors == [
        "row 4, column nation: there is no nation with the ISO 3166 code 'XYZ'"
    ]


@pytest.mark.django_db
def test_a_missing_required_column_changes_nothing(staff, locations):
    latitude = HEADER.index("latitude")
    rows = [[c for i, c in enumerate(row) if i != latitude] for row in GOOD_ROWS]
    before = counts()
    response = upload(staff, "locations", "places.csv", csv_file(rows))
    assert counts() == before
    assert response.context["report"].errors == [
        "row 1, column latitude: this required column is missing"
    ]


@pytest.mark.django_db
def test_an_unknown_column_is_an_error(staff, locations):
    rows = [HEADER + ["colour"], GOOD_ROWS[1] + ["green"]]
    response = upload(staff, "locations", "places.csv", csv_file(rows))
    assert response.context["report"].errors[0].startswith("row 1, column colour: no such column")


@pytest.mark.django_db
def test_a_failing_row_on_confirm_changes_nothing(staff, locations):
    preview = upload(staff, "locations", "places.csv", csv_file(GOOD_ROWS))
    Location.objects.get(key="baghdad").delete()  # the file names it as camp-dublin's "within"
    before = counts()
    response = confirm(staff, "locations", preview)
    assert response.status_code == 400
    assert counts() == before
    assert Location.objects.get(key="camp-dublin").name == "Camp-Dublin"


@pytest.mark.django_db
def test_a_row_may_be_within_a_place_a_later_row_creates(staff, iraq):
    rows = [
        HEADER,
        ["camp-taji", "Camp Taji", "camp", "IRQ", "baghdad", "33.52", "44.26"],
        ["baghdad", "Baghdad", "city", "IRQ", "", "33.31", "44.36"],
    ]
    confirm(staff, "locations", upload(staff, "locations", "places.csv", csv_file(rows)))
    assert Location.objects.get(key="camp-taji").within.key == "baghdad"


@pytest.mark.django_db
def test_xlsx_import_creates_and_changes_rows(staff, locations):
    rows = [GOOD_ROWS[0], *([*row[:5], float(row[5]), float(row[6])] for row in GOOD_ROWS[1:])]
    confirm(staff, "locations", upload(staff, "locations", "places.xlsx", xlsx_file(rows)))
    assert Location.objects.get(key="camp-dublin").name == "Camp Dublin"
    assert str(Location.objects.get(key="besmaya").latitude) == "33.17000"


@pytest.mark.django_db
def test_nations_are_matched_by_iso_code(staff, iraq):
    rows = [["code", "name", "status"], ["IRQ", "Republic of Iraq", "host"]]
    confirm(staff, "nations", upload(staff, "nations", "nations.csv", csv_file(rows)))
    assert Nation.objects.get(code="IRQ").name == "Republic of Iraq"
    assert Nation.objects.filter(code="IRQ").count() == 1


@pytest.mark.django_db
def test_a_confirmation_is_for_the_user_who_uploaded(staff, client_as, locations, client):
    preview = upload(staff, "locations", "places.csv", csv_file(GOOD_ROWS))
    token = preview.context["token"]
    client_as(Role.MISSION_STAFF)  # the same test client, now signed in as someone else
    response = client.post(reverse("core:import-confirm", args=["locations", token]))
    assert response.status_code == 404
    assert not Location.objects.filter(key="besmaya").exists()


@pytest.mark.django_db
@pytest.mark.parametrize("role", [Role.ADVISOR, Role.AUDITOR])
def test_a_role_without_write_permission_may_not_open_the_import_page(client_as, role):
    response = client_as(role).get(reverse("core:import", args=["locations"]))
    assert response.status_code == 403


@pytest.mark.django_db
def test_a_nation_contributor_cannot_import_nations(client_as, iraq):
    client = client_as(Role.NATION_CONTRIBUTOR)
    rows = [["code", "name", "status"], ["IRQ", "Changed", "host"]]
    assert upload(client, "nations", "nations.csv", csv_file(rows)).status_code == 403
    assert Nation.objects.get(code="IRQ").name == "Iraq"


@pytest.mark.django_db
def test_a_type_that_is_not_importable_has_no_import_page(staff):
    assert staff.get(reverse("core:import", args=["missions"])).status_code == 404
