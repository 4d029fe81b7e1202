"""The benchmark's generator fills an empty mission record with the rows it promises."""

import datetime
import importlib.util
from pathlib import Path

import pytest
from django.db.models import Count

from cadre.accounts.models import Nation
from cadre.missions.models import Location, Mission, Organisation, TimelineEvent
from cadre.sources.models import Claim, Source

GENERATOR = Path(__file__).resolve().parents[2] / "bench" / "generate.py"
EVENTS = 200


@pytest.fixture(scope="module")
def generator():
    spec = importlib.util.spec_from_file_location("bench_generate", GENERATOR)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def generated(db, generator):
    return generator.generate(EVENTS, progress=False)


def test_makes_the_events_and_the_records_around_them_in_proportion(generated):
    assert TimelineEvent.objects.count() == EVENTS
    assert Organisation.objects.count() == generated.organisations == 10
    assert Source.objects.count() == generated.sources == 5
    assert Location.objects.count() == generated.locations == 5
    assert Claim.objects.count() == generated.claims == 2
    assert Mission.objects.count() == 10
    assert Nation.objects.filter(code="IRQ").exists()


def test_links_every_event_to_missions_actors_and_sources(generated):
    events = TimelineEvent.objects.annotate(
        missions_n=Count("missions", distinct=True),
        actors_n=Count("actors", distinct=True),
        sources_n=Count("sources", distinct=True),
        locations_n=Count("locations", distinct=True),
    )
    assert not events.exclude(missions_n__range=(1, 2)).exists()
    assert not events.exclude(actors_n__range=(1, 3)).exists()
    assert not events.exclude(sources_n__range=(1, 2)).exists()
    assert not events.exclude(locations_n__range=(0, 1)).exists()
    assert TimelineEvent.missions.through.objects.count() >= EVENTS


def test_generated_records_pass_model_validation(generated):
    for model in (Nation, Location, Organisation, Mission, Source, Claim, TimelineEvent):
        for record in model.objects.order_by("pk")[:20]:
            record.full_clean()


def test_records_made_afterwards_get_fresh_ids(generated):
    event = TimelineEvent.objects.create(
        key="after-the-load", date=datetime.date(2020, 1, 1), kind="visit", summary="s"
    )
    assert event.pk == EVENTS + 1


def test_refuses_a_database_that_already_holds_a_record(generated, generator):
    with pytest.raises(RuntimeError, match="empty"):
        generator.generate(10, progress=False)
