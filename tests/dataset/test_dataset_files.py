"""Dataset directories: YAML for people, JSON Lines for size, one audit entry per load."""

import json

import pytest
import yaml

from cadre.audit.models import ChangeAction, ChangeRecord
from cadre.cli import main
from cadre.dataset import io
from cadre.dataset.io import DatasetError, export_dataset, load_dataset
from cadre.missions.models import Organisation, TimelineEvent
from cadre.sources.models import Source

pytestmark = pytest.mark.django_db

SOURCES = [{"key": "src-1", "title": "A page", "publisher": "NATO"}]
EVENTS = [
    {"key": "e-1", "date": "2008-12", "kind": "visit", "summary": "A visit", "sources": ["src-1"]},
    {"key": "e-2", "date": "2009", "kind": "decision", "summary": "Decided", "sources": ["src-1"]},
]
NATIONS = [{"code": "IRQ", "name": "Iraq", "name_ar": "العراق", "status": "host"}]
ORGANISATIONS = [
    {"key": "mod", "name": "Ministry of Defence", "kind": "ministry", "nation": "IRQ"},
]


def write_yaml(directory, slug, rows):
    (directory / f"{slug}.yaml").write_text(yaml.safe_dump(rows), encoding="utf-8")


def write_jsonl(directory, slug, rows):
    lines = [json.dumps(row) for row in rows]
    (directory / f"{slug}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_a_directory_may_mix_yaml_and_json_lines(tmp_path):
    write_yaml(tmp_path, "sources", SOURCES)
    write_jsonl(tmp_path, "events", EVENTS)

    counts = load_dataset(tmp_path)

    assert (counts["sources"], counts["events"], counts["claims"]) == (1, 2, 0)
    event = TimelineEvent.objects.get(key="e-1")
    assert (str(event.date), event.date_precision) == ("2008-12-01", "month")
    assert list(event.sources.values_list("key", flat=True)) == ["src-1"]


def test_a_load_is_one_audit_entry_listing_what_it_created(tmp_path):
    write_yaml(tmp_path, "sources", SOURCES)
    write_jsonl(tmp_path, "events", EVENTS)
    before = ChangeRecord.objects.count()

    load_dataset(tmp_path)

    (entry,) = ChangeRecord.objects.order_by("pk")[before:]
    assert entry.action == ChangeAction.LOAD and entry.content_type is None
    assert entry.object_repr == tmp_path.name
    assert entry.after["sources"] == {"created": ["src-1"], "changed": {}}
    assert entry.after["events"] == {"created": ["e-1", "e-2"], "changed": {}}


def test_loading_again_changes_nothing_and_records_nothing(tmp_path):
    write_yaml(tmp_path, "sources", SOURCES)
    write_jsonl(tmp_path, "events", EVENTS)
    load_dataset(tmp_path)
    before = ChangeRecord.objects.count()

    load_dataset(tmp_path)

    assert ChangeRecord.objects.count() == before
    assert TimelineEvent.objects.count() == 2


def test_a_changed_row_is_recorded_with_its_fields_before_and_after(tmp_path):
    write_yaml(tmp_path, "sources", SOURCES)
    load_dataset(tmp_path)
    write_yaml(tmp_path, "sources", [{**SOURCES[0], "publisher": "NATO PDD"}])

    load_dataset(tmp_path)

    entry = ChangeRecord.objects.filter(action=ChangeAction.LOAD).order_by("pk").last()
    assert entry.after["sources"]["changed"] == {"src-1": {"publisher": ["NATO", "NATO PDD"]}}


def test_a_field_the_file_leaves_out_is_emptied(tmp_path):
    write_yaml(tmp_path, "sources", [{**SOURCES[0], "file_name": "page.txt"}])
    load_dataset(tmp_path)
    write_yaml(tmp_path, "sources", SOURCES)

    load_dataset(tmp_path)

    assert Source.objects.get(key="src-1").file_name == ""


def test_problems_name_the_file_row_and_column_and_nothing_is_loaded(tmp_path):
    write_yaml(tmp_path, "sources", SOURCES)
    rows = [EVENTS[0], {**EVENTS[1], "colour": "red"}, {**EVENTS[1], "key": "e-3", "date": "x"}]
    write_jsonl(tmp_path, "events", rows)

    with pytest.raises(DatasetError) as refused:
        load_dataset(tmp_path)

    problems = str(refused.value).splitlines()
    assert problems[0].startswith("events.jsonl: row 2, column colour: no such column")
    assert problems[1] == (
        "events.jsonl: row 3, column date: 'x' is not a date written YYYY, YYYY-MM or YYYY-MM-DD"
    )
    assert not Source.objects.exists() and not TimelineEvent.objects.exists()


def test_a_line_that_is_not_json_is_named_and_nothing_is_loaded(tmp_path):
    write_yaml(tmp_path, "sources", SOURCES)
    write_jsonl(tmp_path, "events", EVENTS)
    with (tmp_path / "events.jsonl").open("ab") as out:
        out.write(b'{"key": "e-3", "summary": "cut off\n\xff\n')

    with pytest.raises(DatasetError) as refused:
        load_dataset(tmp_path)

    problems = str(refused.value).splitlines()
    assert problems[0].startswith("events.jsonl: row 3: not valid JSON")
    assert problems[1].startswith("events.jsonl: row 4: not valid JSON")
    assert not TimelineEvent.objects.exists()


def test_a_reference_to_a_type_loaded_later_is_set_at_the_end(tmp_path):
    write_yaml(tmp_path, "nations", [{"code": "IRQ", "name": "Iraq", "status": "host"}])
    write_yaml(
        tmp_path,
        "organisations",
        [{"key": "hq", "name": "HQ", "kind": "mission_hq", "mission": "nmi"}],
    )
    write_yaml(
        tmp_path,
        "missions",
        [
            {
                "key": "nmi",
                "name": "NATO Mission Iraq",
                "short_name": "NMI",
                "parent_organisation": "hq",
                "host_nation": "IRQ",
                "start": "2018-10",
                "status": "active",
            }
        ],
    )

    load_dataset(tmp_path)

    assert Organisation.objects.get(key="hq").mission.key == "nmi"


@pytest.mark.parametrize(
    "column, event",
    [
        ("key", {**EVENTS[1], "key": "e-\x002"}),
        ("summary", {**EVENTS[1], "summary": "De\x00cided"}),
        ("sources", {**EVENTS[1], "sources": ["src-1\x00"]}),
    ],
)
def test_a_nul_character_in_a_field_is_named_and_nothing_is_loaded(tmp_path, column, event):
    write_yaml(tmp_path, "sources", SOURCES)
    write_jsonl(tmp_path, "events", [EVENTS[0], event])

    with pytest.raises(DatasetError) as refused:
        load_dataset(tmp_path)

    assert str(refused.value) == (
        f"events.jsonl: row 2, column {column}: contains a NUL character, "
        "which a record cannot hold"
    )
    assert not Source.objects.exists()


def test_two_files_for_one_type_are_refused(tmp_path):
    write_yaml(tmp_path, "sources", SOURCES)
    write_jsonl(tmp_path, "sources", SOURCES)
    with pytest.raises(DatasetError, match="one file per type"):
        load_dataset(tmp_path)


def test_a_large_type_is_exported_as_json_lines_and_reads_back_the_same(tmp_path, monkeypatch):
    given = tmp_path / "given"
    given.mkdir()
    write_yaml(given, "sources", SOURCES)
    write_jsonl(given, "events", EVENTS)
    load_dataset(given)
    monkeypatch.setattr(io, "YAML_ROWS", 1)

    export_dataset(tmp_path / "out")

    assert (tmp_path / "out" / "sources.yaml").exists()
    assert not (tmp_path / "out" / "events.yaml").exists()
    lines = (tmp_path / "out" / "events.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in lines] == EVENTS


def test_export_replaces_a_file_of_the_other_format(tmp_path, monkeypatch):
    write_yaml(tmp_path, "sources", SOURCES)
    load_dataset(tmp_path)
    monkeypatch.setattr(io, "YAML_ROWS", 0)

    export_dataset(tmp_path)

    assert (tmp_path / "sources.jsonl").exists() and not (tmp_path / "sources.yaml").exists()
    assert load_dataset(tmp_path)["sources"] == 1


def test_the_command_line_says_what_it_loaded_and_why_it_refused(tmp_path, capsys):
    write_yaml(tmp_path, "sources", [{"key": "src-1", "title": "A page"}])

    assert main(["load-dataset", str(tmp_path)]) == 1

    error = capsys.readouterr().err
    assert "nothing loaded" in error
    assert "sources.yaml: row 1, column publisher: This field cannot be blank." in error


def indexes_of(model):
    """The indexes and foreign keys of the model's table and its many-to-many tables."""
    from django.db import connection

    tables = [model._meta.db_table]
    tables += [f.remote_field.through._meta.db_table for f in model._meta.many_to_many]
    names = []
    with connection.cursor() as cursor:
        for table in tables:
            found = connection.introspection.get_constraints(cursor, table)
            names += [
                (table, name, bool(about["foreign_key"]))
                for name, about in found.items()
                if about["index"] or about["foreign_key"]
            ]
    return sorted(names)


def test_a_load_into_an_empty_table_leaves_its_indexes_and_foreign_keys_as_they_were(
    tmp_path, monkeypatch
):
    # Two rows and more are "many": the events are, the organisation before them is not,
    # so its own foreign-key checks are still waiting for the commit when the events'
    # links to organisations are taken off.
    monkeypatch.setattr(io, "REBUILD_FROM_ROWS", 2)
    indexes = indexes_of(TimelineEvent)
    assert sum(foreign for _table, _name, foreign in indexes) >= 4  # the links' own
    write_yaml(tmp_path, "sources", SOURCES)
    write_yaml(tmp_path, "nations", NATIONS)
    write_yaml(tmp_path, "organisations", ORGANISATIONS)
    write_jsonl(tmp_path, "events", [*EVENTS, {**EVENTS[0], "key": "e-3", "kind": "x"}])

    with pytest.raises(DatasetError):
        load_dataset(tmp_path)
    assert indexes_of(TimelineEvent) == indexes

    write_jsonl(tmp_path, "events", [{**EVENTS[0], "actors": ["mod"]}, EVENTS[1]])
    load_dataset(tmp_path)
    assert indexes_of(TimelineEvent) == indexes
    assert TimelineEvent.objects.get(key="e-1").actors.get().key == "mod"
    assert TimelineEvent.objects.filter(summary__icontains="decid").count() == 1
