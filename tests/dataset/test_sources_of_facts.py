"""Every fact of the built-in dataset has a source, and its words are Cadre's own.

A fact no source page states is kept only with a source of its own of kind "reference"
(a standard public reference) or "editorial" (a judgement of Cadre's editors) that says
what it rests on; otherwise it is left out.
"""

import os
from pathlib import Path

import pytest
import source_dates
from django.db import models

from cadre.accounts.models import Nation
from cadre.core import registry
from cadre.dataset import copied_text
from cadre.missions.models import (
    Appointment,
    Location,
    Mandate,
    Mission,
    Organisation,
    ReportingLine,
    ScopeChange,
    TimelineEvent,
)
from cadre.sources.models import Claim, Source

SOURCES_DIR = Path(
    os.environ.get("CADRE_SOURCES_DIR", Path(__file__).resolve().parents[3] / "shared" / "sources")
)
NOT_A_PAGE = ["reference", "editorial"]  # Source.Kind: what is not a captured page


def source_fields(model) -> list:
    """The fields of `model` that cite a Source: foreign keys and many-to-many fields."""
    return [
        f
        for f in [*model._meta.get_fields()]
        if isinstance(f, models.ForeignKey | models.ManyToManyField) and f.related_model is Source
    ]


def dataset_types():
    """The types of Cadre's mission record (not the tests' own probe types), sources aside."""
    return [
        t
        for t in registry.object_types()
        if t.in_dataset and t.model is not Source and t.model.__module__.startswith("cadre.")
    ]


@pytest.mark.parametrize("object_type", dataset_types(), ids=lambda t: t.slug)
def test_every_type_of_the_dataset_can_cite_a_source(object_type):
    assert source_fields(object_type.model), f"{object_type.slug} has no field that cites a source"


def unsourced(object_type) -> list[str]:
    """The records of a type that leave a field citing sources empty, as "key (field)"."""
    model = object_type.model
    found = []
    for field in source_fields(model):
        rows = model.objects.filter(**{f"{field.name}__isnull": True})
        found += [f"{getattr(row, object_type.key_field)} ({field.name})" for row in rows]
    return sorted(found)


@pytest.mark.django_db
@pytest.mark.parametrize("object_type", dataset_types(), ids=lambda t: t.slug)
def test_every_record_and_claim_of_the_dataset_cites_a_source(dataset, object_type):
    assert source_fields(object_type.model), f"{object_type.slug} cannot cite a source"
    assert object_type.model.objects.exists()
    assert not unsourced(object_type), f"{object_type.slug} without a source"


@pytest.mark.django_db
def test_a_record_citing_nothing_is_found(dataset):
    mandate = Mandate.objects.get(key="mdt-2009-07-26-lta")
    mandate.sources.clear()
    place = Location.objects.get(key="taji")
    place.coordinates_source = None
    place.save()
    assert unsourced(registry.get("mandates")) == ["mdt-2009-07-26-lta (sources)"]
    assert unsourced(registry.get("locations")) == ["taji (coordinates_source)"]


@pytest.mark.django_db
def test_a_source_that_is_not_a_captured_page_says_what_it_rests_on(dataset):
    assert Source.objects.filter(kind__in=NOT_A_PAGE).exists()
    for source in Source.objects.filter(kind__in=NOT_A_PAGE):
        assert len(source.note.split()) >= 20, source.key
        assert not source.file_name, source.key
    for page in Source.objects.filter(kind=Source.Kind.PAGE):
        assert page.file_name, page.key
        if SOURCES_DIR.is_dir():
            assert (SOURCES_DIR / page.file_name).is_file(), page.file_name


@pytest.mark.django_db
def test_a_source_other_than_a_page_must_say_what_it_rests_on():
    from django.core.exceptions import ValidationError

    source = Source(key="a-guess", kind=Source.Kind.EDITORIAL, title="A guess", publisher="Us")
    with pytest.raises(ValidationError) as refused:
        source.full_clean()
    assert "note" in refused.value.message_dict


# ---- the facts no source page states ----


@pytest.mark.django_db
def test_coordinates_rest_on_a_gazetteer_or_the_editors_never_on_a_page(dataset):
    for place in Location.objects.select_related("coordinates_source"):
        assert place.coordinates_source is not None, place.key
        assert place.coordinates_source.kind in NOT_A_PAGE, place.key
        if place.coordinates_source.kind == Source.Kind.EDITORIAL:
            assert "approximate" in place.description.lower(), place.key
        assert place.sources.filter(kind=Source.Kind.PAGE).exists(), place.key


@pytest.mark.django_db
def test_the_dates_allies_joined_rest_on_a_reference(dataset):
    allies = Nation.objects.exclude(member_since=None)
    assert allies.count() >= 30
    for nation in allies:
        assert nation.sources.filter(kind=Source.Kind.REFERENCE).exists(), nation.code


@pytest.mark.django_db
def test_places_no_page_names_are_gone(dataset):
    # The pages say "Kuwait" and "Wales" and name Allied Command Transformation, never a city.
    assert not Location.objects.filter(key__in=["kuwait-city", "newport-wales", "norfolk"])
    assert not Location.objects.filter(name__in=["Kuwait City", "Newport, Wales"]).exists()
    assert not Location.objects.filter(name__startswith="Norfolk").exists()
    assert Organisation.objects.get(key="act").location is None


@pytest.mark.django_db
def test_words_no_page_says_are_gone(dataset):
    assert not Claim.objects.filter(statement__icontains="of all ranks").exists()
    assert not ScopeChange.objects.filter(description__icontains="traceable").exists()
    # First names the pages do not give.
    for name in ["Ayad", "Jawad", "Nouri", "Haider"]:
        assert not TimelineEvent.objects.filter(summary__contains=name).exists(), name
        assert not Mandate.objects.filter(issued_by__contains=name).exists(), name
    for name in ["إياد", "جواد", "نوري", "حيدر"]:
        assert not TimelineEvent.objects.filter(summary_ar__contains=name).exists(), name


@pytest.mark.django_db
def test_the_commanders_second_hat_from_2010_rests_on_when_us_forces_iraq_was_formed(dataset):
    hat = Appointment.objects.get(key="appt-ntm-i-commander-dual-hat")
    assert hat.start.year == 2010
    assert hat.sources.filter(key="usf-i-formation", kind=Source.Kind.REFERENCE).exists()
    line = ReportingLine.objects.get(key="rl-ntm-i-hq-usf-i")
    assert line.start.year == 2010
    assert line.sources.filter(key="usf-i-formation").exists()


@pytest.mark.django_db
def test_a_reporting_line_no_page_dates_cites_what_its_start_rests_on(dataset):
    """A line's start is a page's date, or a reference or the editors' judgement says why."""
    if not SOURCES_DIR.is_dir():
        pytest.skip(f"source pages not available: {SOURCES_DIR}")
    undated = []
    for line in ReportingLine.objects.prefetch_related("sources"):
        if any(s.kind in NOT_A_PAGE for s in line.sources.all()):
            continue
        pages = [s for s in line.sources.all() if s.file_name]
        texts = [(SOURCES_DIR / s.file_name).read_text(encoding="utf-8") for s in pages]
        if not any(source_dates.states(t, line.start, line.start_precision) for t in texts):
            undated.append(line.key)
    assert not undated, f"lines whose start no cited page gives: {undated}"


@pytest.mark.django_db
def test_the_resolutions_date_and_the_partnership_as_a_mission_rest_on_their_own_sources(
    dataset,
):
    resolution = Mandate.objects.get(key="mdt-unscr-1546")
    assert resolution.sources.filter(key="unscr-1546", kind=Source.Kind.REFERENCE).exists()
    partnership = Mission.objects.get(key="nato-iraq-partnership")
    assert partnership.sources.filter(kind=Source.Kind.EDITORIAL).exists()


# ---- Cadre's own words ----


def test_no_text_of_cadre_repeats_a_source_page():
    if not SOURCES_DIR.is_dir():
        pytest.skip(f"source pages not available: {SOURCES_DIR}")
    copies = copied_text.find_copies(SOURCES_DIR)
    assert not copies, "text copied from the source pages:\n" + "\n".join(map(str, copies))


def test_the_checker_finds_a_copied_sentence_whatever_its_punctuation(tmp_path):
    (tmp_path / "page.txt").write_text(
        "In 2031 the council agreed that the school would widen its teaching to cover "
        "river patrols by the coast guard.",
        encoding="utf-8",
    )
    runs = copied_text.source_runs(tmp_path)
    ours = "summary: the council agreed; that the school would widen its teaching, to cover"
    found = copied_text.copies_in(Path("events.yaml"), ours, runs)
    assert [c.passage for c in found] == [
        "the council agreed; that the school would widen its teaching, to cover"
    ]
    assert copied_text.copies_in(Path("x"), "The council widens the river teaching", runs) == []
