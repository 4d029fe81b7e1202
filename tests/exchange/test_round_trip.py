"""What Cadre exports, it reads back unchanged: list exports and whole dataset directories."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from cadre.cli import main
from cadre.core import registry
from cadre.core.roles import Role
from cadre.missions.models import TimelineEvent
from cadre.sources.models import Claim, Source

from .files import upload


@pytest.fixture
def record(dataset):
    """The built-in dataset, with at least one event and one claim whatever it holds yet."""
    source = Source.objects.create(key="exchange-test-source", title="A page", publisher="NATO")
    event = TimelineEvent.objects.create(
        key="exchange-test-event",
        date=datetime.date(2008, 12, 1),
        date_precision="month",
        kind="decision",
        summary='Mandate extended, with a comma, and "quotes"',
    )
    event.sources.set([source])
    Claim.objects.create(
        key="exchange-test-claim",
        subject="trainees",
        subject_label="Trainees",
        value=Decimal("5000.50"),
        value_text="over 5,000",
        as_of=datetime.date(2010, 1, 1),
        as_of_precision="year",
        statement="Over 5,000 trained.",
        source=source,
    )


IMPORTABLE = [t.slug for t in registry.object_types() if t.importable]


@pytest.mark.django_db
@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
@pytest.mark.parametrize("slug", IMPORTABLE)
def test_an_export_imported_back_changes_nothing(client_as, record, slug, file_format):
    client = client_as(Role.MISSION_STAFF)
    exported = client.get(reverse(f"core:export-{file_format}", args=[slug]))
    preview = upload(client, slug, f"export.{file_format}", b"".join(exported.streaming_content))
    report = preview.context["report"]
    assert report.errors == []
    assert (report.created, report.changed) == (0, 0)
    assert report.unchanged == registry.get(slug).model.objects.count()


def _empty_the_record():
    from cadre.accounts.models import User

    User.objects.all().delete()
    for object_type in reversed(registry.object_types()):
        object_type.model.objects.all().delete()


@pytest.mark.django_db
def test_a_dataset_exported_and_loaded_into_an_empty_database_gives_the_same_records(
    record, tmp_path
):
    first, second = tmp_path / "first", tmp_path / "second"
    assert main(["export-dataset", str(first)]) == 0
    _empty_the_record()
    assert not any(t.model.objects.exists() for t in registry.object_types())
    assert main(["load-dataset", str(first)]) == 0
    assert main(["export-dataset", str(second)]) == 0
    files = sorted(p.name for p in first.iterdir())
    assert files == sorted(p.name for p in second.iterdir())
    for name in files:
        assert (second / name).read_text() == (first / name).read_text(), name
