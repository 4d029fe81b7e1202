"""The import engine: each step, each kind of problem named by row and column, all or nothing.

The import pages and the dataset load both run through the engine; these tests call it
as the import page does (`import_file`) or through a `Run` with rows in hand, on the
real database (SQLite and PostgreSQL alike).
"""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cadre.audit.models import ChangeAction, ChangeRecord
from cadre.core import engine, permissions, registry, services
from cadre.core.imports import import_file
from cadre.core.roles import Role
from cadre.missions.models import Location, Organisation, TimelineEvent
from cadre.sources.models import Source
from cadre_probe.models import Briefing, Seat
from cadre_probe.services import SeatService

from .files import csv_file

pytestmark = pytest.mark.django_db

LOCATION_HEADER = ["key", "name", "kind", "nation", "within", "latitude", "longitude"]


def run_file(tmp_path, slug, rows, user, *, commit=True, name="rows.csv"):
    """Import `rows` (the header first) as the import page does; returns the report."""
    path = tmp_path / name
    path.write_bytes(csv_file(rows))
    return import_file(registry.get(slug), user, path, file_name=name, commit=commit)


@pytest.fixture
def staff(make_user):
    return make_user(Role.MISSION_STAFF)


@pytest.fixture
def sources(db):
    return [
        Source.objects.create(key=f"src-{n}", title=f"Page {n}", publisher="NATO") for n in (1, 2)
    ]


def event_rows(count, start=1):
    return [
        [f"event-{n}", f"2010-{1 + n % 12:02d}", "visit", f"Visit {n}", "src-1;src-2"]
        for n in range(start, start + count)
    ]


EVENT_HEADER = ["key", "date", "kind", "summary", "sources"]


# Each kind of problem, named by row and column ----------------------------------------


def test_a_key_that_names_no_record_is_refused_by_row_and_column(tmp_path, staff, iraq):
    report = run_file(
        tmp_path,
        "locations",
        [LOCATION_HEADER, ["mosul", "Mosul", "city", "XYZ", "", "36.34", "43.13"]],
        staff,
    )
    assert report.errors == [
        "row 2, column nation: there is no nation with the ISO 3166 code 'XYZ'"
    ]
    assert not Location.objects.filter(key="mosul").exists()


def test_an_unknown_column_in_a_dataset_row_is_named(iraq):
    report = engine.Report("locations.yaml")
    row = {"key": "mosul", "name": "Mosul", "kind": "city", "nation": "IRQ", "colour": "red"}
    row |= {"latitude": "36.34", "longitude": "43.13"}
    engine.Run(services.OPERATOR).add(registry.get("locations"), [engine.Row(1, row)], report)
    assert report.errors[0].startswith("row 1, column colour: no such column")


def test_a_key_given_twice_in_a_file_names_the_first_row(tmp_path, staff, iraq):
    rows = [
        LOCATION_HEADER,
        ["besmaya", "Besmaya", "camp", "IRQ", "", "33.17", "44.65"],
        ["besmaya", "Besmaya again", "camp", "IRQ", "", "33.17", "44.65"],
    ]
    report = run_file(tmp_path, "locations", rows, staff)
    assert report.errors == ["row 3, column key: 'besmaya' is in row 2 already"]
    assert not Location.objects.filter(key="besmaya").exists()


def test_a_key_held_by_a_record_the_user_may_not_change_is_refused(
    tmp_path, make_user, nation, other_nation
):
    Briefing.objects.create(key="b-ita", title="Italian", capacity=3, nation=other_nation)
    contributor = make_user(Role.NATION_CONTRIBUTOR)
    rows = [["key", "title", "capacity", "nation"], ["b-ita", "Taken over", "3", "CAN"]]
    report = run_file(tmp_path, "probe-briefings", rows, contributor)
    assert report.errors == ["row 2, column key: you may not change 'b-ita'"]
    assert Briefing.objects.get(key="b-ita").title == "Italian"


def test_a_row_that_would_leave_the_users_scope_is_refused(tmp_path, make_user, other_nation):
    contributor = make_user(Role.NATION_CONTRIBUTOR)
    rows = [["key", "title", "capacity", "nation"], ["b-new", "Elsewhere", "3", "ITA"]]
    report = run_file(tmp_path, "probe-briefings", rows, contributor)
    assert report.errors == ["row 2: the row would put Elsewhere outside what you may change"]
    assert not Briefing.objects.filter(key="b-new").exists()


def test_a_value_that_cannot_be_read_is_named(tmp_path, staff, iraq):
    rows = [LOCATION_HEADER, ["mosul", "Mosul", "city", "IRQ", "", "north", "43.13"]]
    report = run_file(tmp_path, "locations", rows, staff)
    assert len(report.errors) == 1
    assert report.errors[0].startswith("row 2, column latitude: ")


def test_a_value_the_model_refuses_is_named(tmp_path, staff, iraq):
    rows = [LOCATION_HEADER, ["mosul", "Mosul", "village", "IRQ", "", "36.34", "43.13"]]
    report = run_file(tmp_path, "locations", rows, staff)
    assert report.errors == ["row 2, column kind: Value 'village' is not a valid choice."]


def test_a_rule_of_the_models_clean_is_named(tmp_path, staff):
    rows = [["code", "name", "status"], ["I1Q", "Nowhere", "ally"]]
    report = run_file(tmp_path, "nations", rows, staff)
    assert report.errors == ["row 2, column code: Use the three-letter ISO 3166-1 code, e.g. IRQ."]


def test_a_constraint_the_database_enforces_is_named_by_its_row(tmp_path, staff, iraq):
    rows = [
        LOCATION_HEADER,
        ["erbil", "Erbil", "city", "IRQ", "", "36.19", "44.01"],
        ["nowhere", "Nowhere", "city", "IRQ", "", "95", "44.01"],
    ]
    report = run_file(tmp_path, "locations", rows, staff)
    assert report.errors == ["row 3: Constraint “location_coordinates_in_range” is violated."]
    assert not Location.objects.filter(key__in=["erbil", "nowhere"]).exists()


def test_a_required_many_to_many_value_must_be_given(tmp_path, staff, sources):
    rows = [EVENT_HEADER, ["e-1", "2010", "visit", "A visit", ""]]
    report = run_file(tmp_path, "events", rows, staff)
    assert report.errors == ["row 2, column sources: at least one key is required"]


def test_a_service_rule_across_rows_is_named_by_row(tmp_path, staff):
    briefing = Briefing.objects.create(key="b1", title="Full", capacity=1)
    rows = [["key", "briefing", "holder"], ["seat-1", "b1", "One"], ["seat-2", "b1", "Two"]]
    report = run_file(tmp_path, "probe-seats", rows, staff)
    assert len(report.errors) == 1 and report.errors[0].startswith("row 3: ")
    assert "no free seat" in report.errors[0]
    assert not Seat.objects.filter(briefing=briefing).exists()


# All or nothing -------------------------------------------------------------------


def test_a_problem_in_a_later_batch_leaves_the_earlier_batches_unwritten(
    tmp_path, staff, sources, monkeypatch
):
    monkeypatch.setattr(engine, "BATCH_ROWS", 2)
    rows = [EVENT_HEADER, *event_rows(5), ["event-bad", "2010-13", "visit", "Bad", "src-1"]]
    report = run_file(tmp_path, "events", rows, staff)
    assert report.errors == [
        "row 7, column date: '2010-13' is not a date written YYYY, YYYY-MM or YYYY-MM-DD"
    ]
    assert not TimelineEvent.objects.exists()


def test_a_preview_writes_nothing_and_says_what_confirming_does(tmp_path, staff, sources):
    report = run_file(tmp_path, "events", [EVENT_HEADER, *event_rows(3)], staff, commit=False)
    assert (report.created, report.changed, report.unchanged) == (3, 0, 0)
    assert not TimelineEvent.objects.exists()
    confirmed = run_file(tmp_path, "events", [EVENT_HEADER, *event_rows(3)], staff)
    assert [vars(o) for o in confirmed.outcomes] == [vars(o) for o in report.outcomes]
    assert TimelineEvent.objects.count() == 3


def test_the_report_lists_the_first_rows_and_counts_the_rest(tmp_path, staff, sources, monkeypatch):
    monkeypatch.setattr(engine, "LISTED_ROWS", 2)
    report = run_file(tmp_path, "events", [EVENT_HEADER, *event_rows(5)], staff, commit=False)
    assert [o.key for o in report.outcomes] == ["event-1", "event-2"]
    assert (report.rows, report.unlisted) == (5, 3)


def test_problems_past_the_limit_are_left_out(tmp_path, staff, sources, monkeypatch):
    monkeypatch.setattr(engine, "MAX_ERRORS", 3)
    rows = [EVENT_HEADER, *([f"e{n}", "2010-13", "visit", "x", "src-1"] for n in range(10))]
    report = run_file(tmp_path, "events", rows, staff)
    assert len(report.errors) == 4
    assert report.errors[-1] == "Only the first 3 problems are listed: correct them first."


# The steps ------------------------------------------------------------------------


def test_related_keys_are_resolved_per_batch_not_per_row(tmp_path, staff, sources):
    def queries_for(count, start):
        with CaptureQueriesContext(connection) as queries:
            report = run_file(tmp_path, "events", [EVENT_HEADER, *event_rows(count, start)], staff)
        assert report.errors == []
        return len(queries)

    queries_for(1, start=900)  # a first import into an empty table makes fewer: see the next
    assert queries_for(3, start=1) == queries_for(60, start=100)


def test_rows_into_an_empty_table_are_not_looked_for_among_its_records(tmp_path, staff, sources):
    def queries_for(count, start):
        with CaptureQueriesContext(connection) as queries:
            report = run_file(tmp_path, "events", [EVENT_HEADER, *event_rows(count, start)], staff)
        assert report.created == count
        return [q["sql"] for q in queries]

    def own_lookups(queries):
        return [q for q in queries if 'FROM "missions_timelineevent"' in q and '."key" IN (' in q]

    assert own_lookups(queries_for(3, start=1)) == []
    assert own_lookups(queries_for(3, start=100)) != []


def test_keys_are_found_only_among_records_the_user_may_view(tmp_path, staff, sources, monkeypatch):
    real_restrict = permissions.restrict

    def hiding_src_2(queryset, user, action="view"):
        queryset = real_restrict(queryset, user, action)
        if queryset.model is Source and action == "view":
            return queryset.exclude(key="src-2")
        return queryset

    monkeypatch.setattr(permissions, "restrict", hiding_src_2)
    report = run_file(tmp_path, "events", [EVENT_HEADER, *event_rows(1)], staff)
    assert report.errors == ["row 2, column sources: there is no source with the key 'src-2'"]


def test_an_unchanged_row_is_not_written(tmp_path, staff, sources):
    run_file(tmp_path, "events", [EVENT_HEADER, *event_rows(2)], staff)
    with CaptureQueriesContext(connection) as queries:
        report = run_file(tmp_path, "events", [EVENT_HEADER, *event_rows(2)], staff)
    assert (report.created, report.changed, report.unchanged) == (0, 0, 2)
    assert not [q for q in queries if q["sql"].lstrip().upper().startswith("UPDATE")]


def test_a_change_reports_each_field_before_and_after_and_moves_links(tmp_path, staff, sources):
    run_file(tmp_path, "events", [EVENT_HEADER, *event_rows(1)], staff)
    changed = [["event-1", "2011", "visit", "Visit 1", "src-2"]]
    report = run_file(tmp_path, "events", [EVENT_HEADER, *changed], staff)
    (outcome,) = report.outcomes
    assert outcome.action == "change"
    assert outcome.changes == [("date", "2010-02", "2011"), ("sources", "src-1;src-2", "src-2")]
    event = TimelineEvent.objects.get(key="event-1")
    assert (event.date, event.date_precision) == (datetime.date(2011, 1, 1), "year")
    assert list(event.sources.values_list("key", flat=True)) == ["src-2"]


def test_a_reference_to_a_later_row_is_set_once_every_row_is_in(tmp_path, staff, iraq, monkeypatch):
    monkeypatch.setattr(engine, "BATCH_ROWS", 1)
    rows = [
        LOCATION_HEADER,
        ["camp-taji", "Camp Taji", "camp", "IRQ", "baghdad", "33.52", "44.26"],
        ["baghdad", "Baghdad", "city", "IRQ", "", "33.31", "44.36"],
    ]
    report = run_file(tmp_path, "locations", rows, staff)
    assert report.errors == []
    assert Location.objects.get(key="camp-taji").within.key == "baghdad"


def test_a_reference_no_row_makes_is_named_at_the_end(tmp_path, staff, iraq):
    rows = [LOCATION_HEADER, ["camp-taji", "Camp Taji", "camp", "IRQ", "atlantis", "33.5", "44"]]
    report = run_file(tmp_path, "locations", rows, staff)
    assert report.errors == ["row 2, column within: there is no location with the key 'atlantis'"]


def test_an_import_is_one_audit_entry_listing_its_rows(tmp_path, staff, sources):
    before = ChangeRecord.objects.count()
    run_file(tmp_path, "events", [EVENT_HEADER, *event_rows(3)], staff, name="visits.csv")
    (entry,) = ChangeRecord.objects.order_by("pk")[before:]
    assert entry.action == ChangeAction.IMPORT
    assert entry.after == {
        "file": "visits.csv",
        "created": ["event-1", "event-2", "event-3"],
        "changed": {},
    }


# The service's batch write ----------------------------------------------------------


def test_a_service_with_rules_across_rows_is_not_bulk_safe():
    assert services.RecordService.bulk_safe
    assert not SeatService.bulk_safe

    class Checked(services.RecordService):
        def check(self, obj, many, action):
            pass

    class CheckedButSafe(services.RecordService):
        bulk_safe = True

        def check(self, obj, many, action):
            pass

    class Normalising(services.RecordService):
        def normalise(self, obj):
            pass

    assert not Checked.bulk_safe
    assert CheckedButSafe.bulk_safe
    assert Normalising.bulk_safe


def test_save_many_writes_the_valid_records_and_returns_the_others(iraq):
    good = Organisation(key="org-1", name="Council", kind="council", nation=iraq)
    bad = Organisation(key="org-2", name="Nameless", kind="no-such-kind")
    service = services.service_for(Organisation)
    source = Source.objects.create(key="s", title="S", publisher="NATO")

    failures = service.save_many(
        [services.Entry(good, {"sources": [source.pk]}), services.Entry(bad)],
        user=services.OPERATOR,
    )

    assert list(failures) == [1]
    assert "kind" in failures[1].message_dict
    assert list(Organisation.objects.get(key="org-1").sources.all()) == [source]
    assert not Organisation.objects.filter(key="org-2").exists()


def test_new_records_of_a_batch_are_written_once(iraq):
    """bulk_create marks what it inserts as no longer new: a batch read afterwards for its
    changed records wrote every new one a second time (SQLite: 14 of 16 s of an import)."""
    service = services.service_for(Organisation)
    batch = [Organisation(key=f"org-{n}", name=f"Unit {n}", kind="team") for n in range(3)]
    with CaptureQueriesContext(connection) as queries:
        assert service.save_many([services.Entry(o) for o in batch], user=services.OPERATOR) == {}
    assert not [q["sql"] for q in queries if q["sql"].lstrip().upper().startswith("UPDATE")]
    assert Organisation.objects.filter(key__startswith="org-").count() == 3


def test_records_written_in_a_batch_take_ids_a_later_save_does_not_reuse(iraq):
    service = services.service_for(Organisation)
    batch = [Organisation(key=f"org-{n}", name=f"Unit {n}", kind="team") for n in range(3)]
    assert service.save_many([services.Entry(o) for o in batch], user=services.OPERATOR) == {}
    later = services.save(
        Organisation(key="org-later", name="Later", kind="team"), user=services.OPERATOR
    )
    ids = [o.pk for o in batch]
    assert all(ids) and len(set(ids)) == 3
    assert later.pk not in ids
    assert set(Organisation.objects.values_list("pk", flat=True)) == {*ids, later.pk}


@pytest.mark.skipif(connection.vendor != "postgresql", reason="COPY is PostgreSQL's")
def test_on_postgresql_new_records_and_their_links_go_in_by_copy(monkeypatch, iraq):
    import psycopg

    copied = []
    real_copy = psycopg.Cursor.copy

    def watching_copy(cursor, statement, *args, **kwargs):
        copied.append(statement.as_string(cursor) if hasattr(statement, "as_string") else statement)
        return real_copy(cursor, statement, *args, **kwargs)

    monkeypatch.setattr(psycopg.Cursor, "copy", watching_copy)
    source = Source.objects.create(key="s", title="S", publisher="NATO")
    units = [Organisation(key=f"org-{n}", name=f"Unit {n}", kind="team") for n in range(3)]
    batch = [services.Entry(unit, {"sources": [source]}) for unit in units]

    assert services.service_for(Organisation).save_many(batch, user=services.OPERATOR) == {}

    assert [s.split("(")[0].strip() for s in copied] == [
        'COPY "missions_organisation"',
        'COPY "missions_organisation_sources"',
    ]
    assert Organisation.objects.filter(sources=source).count() == 3
