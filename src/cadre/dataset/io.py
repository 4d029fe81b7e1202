"""Read and write the mission record as a dataset directory: one file per object type.

A file holds the rows of one object type (`<slug>.yaml`, a list of rows, or
`<slug>.jsonl`, one row per line), loaded in registry order. A row names its fields as
the model does; a foreign key holds the key (or ISO code) of the object it points to, a
many-to-many field a list of them; a historical date with a precision is written "YYYY",
"YYYY-MM" or "YYYY-MM-DD" and its precision follows from that; an empty field is left
out. YAML is for people: the built-in dataset in this folder is written by hand and
reviewed in diffs. JSON Lines is for size: it is read a line at a time, so `cadre
export-dataset` writes it for a type of more than YAML_ROWS records.

`cadre load-dataset` runs the rows through the import engine (`cadre.core.engine`) as
the operator; `cadre export-dataset` writes what the load reads back unchanged.
"""

import contextlib
import datetime
from collections.abc import Callable
from itertools import groupby
from operator import itemgetter
from pathlib import Path

import orjson
import yaml
from django.db import connection, transaction

from cadre.audit.context import without_field_records
from cadre.audit.models import ChangeAction
from cadre.audit.services import record_change
from cadre.core import dates, engine, exchange, registry, services

BUILT_IN = Path(__file__).resolve().parent / "nato-iraq"
YAML_ROWS = 5000  # a type with more records is exported as JSON Lines
REBUILD_FROM_ROWS = 10_000  # see _built_after
EXPORT_CHUNK = 5000
FORMATS = ("yaml", "jsonl")
# PyYAML's C loader and dumper, where PyYAML was built with libyaml: many times faster.
YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
YAML_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
# Any fixed number: the lock PostgreSQL holds while a load runs, so that loads take turns.
LOAD_LOCK = 0x43414452


class DatasetError(Exception):
    """A dataset could not be loaded; nothing was written."""


class Loaded(dict):
    """The rows of each type a load read, by slug, and how many records it created or changed."""

    def __init__(self, counts: dict, changed: int):
        super().__init__(counts)
        self.changed = changed


Progress = Callable[[object, int, int | None], None]  # (object type, rows done, rows in all)


# Reading --------------------------------------------------------------------------


class DatasetFile:
    """The file of one object type in a dataset directory."""

    def __init__(self, path: Path):
        self.path = path
        self.name = path.name
        self.format = path.suffix.lstrip(".")
        self._yaml = None  # a YAML file's rows, read once: YAML is for small files

    @classmethod
    def of(cls, directory: Path, object_type) -> "DatasetFile | None":
        paths = [p for f in FORMATS if (p := directory / f"{object_type.slug}.{f}").exists()]
        if len(paths) > 1:
            raise DatasetError(f"{paths[0].name} and {paths[1].name}: one file per type, please")
        return cls(paths[0]) if paths else None

    def count(self) -> int:
        if self.format == "jsonl":
            with self.path.open("rb") as lines:
                return sum(1 for line in lines if line.strip())
        return len(self._yaml_rows())

    def rows(self, object_type, report):
        """The rows as engine rows, every field present: a field left out is empty."""
        empty = dict.fromkeys(engine.fields_of(object_type))
        for number, row in self._numbered_rows(report):
            if not isinstance(row, dict):
                report.problem(number, None, "expected a row of field: value")
                continue
            refused = [name for name, value in row.items() if exchange.holds_nul(value)]
            for name in refused:
                report.problem(number, name, exchange.nul_problem())
            if refused:
                continue
            yield engine.Row(number, {**empty, **row})

    def _numbered_rows(self, report):
        if self.format == "yaml":
            yield from enumerate(self._yaml_rows(), start=1)
            return
        with self.path.open("rb") as lines:
            for number, line in enumerate(lines, start=1):
                if not line.strip():
                    continue
                try:
                    yield number, orjson.loads(line)
                except orjson.JSONDecodeError as exc:
                    report.problem(number, None, f"not valid JSON: {exc}")

    def _yaml_rows(self) -> list:
        if self._yaml is None:
            try:
                rows = yaml.load(self.path.read_text(encoding="utf-8"), Loader=YAML_LOADER) or []
            except yaml.YAMLError as exc:
                raise DatasetError(f"{self.name}: not valid YAML: {exc}") from exc
            if not isinstance(rows, list):
                raise DatasetError(f"{self.name}: expected a list of rows")
            self._yaml = rows
        return self._yaml


def dataset_files(directory: Path) -> list:
    """(object type, its file) for each type of the dataset that has a file, in load order."""
    files = []
    for object_type in registry.object_types():
        if object_type.in_dataset and (file := DatasetFile.of(directory, object_type)):
            files.append((object_type, file))
    return files


# Loading --------------------------------------------------------------------------


def load_dataset(
    directory: Path, progress: Progress | None = None, waiting: Callable | None = None
) -> dict:
    """Create or update every row of the dataset in `directory`: all of it or nothing.

    Objects are matched by key, so loading the same directory twice changes nothing. A load
    that creates or changes something is one entry in the audit trail, listing the keys
    created and the fields changed. Loads take turns: on PostgreSQL a second load waits for
    the first (calling `waiting()` first), on SQLite for the database's write lock. Returns
    the number of rows by slug, with how many records changed (`Loaded`); raises
    DatasetError naming every problem as "<file>: row N, column C: why".
    """
    directory = Path(directory)
    if not directory.is_dir():
        raise DatasetError(f"{directory} is not a directory")
    files = dataset_files(directory)
    with transaction.atomic(), without_field_records():
        _take_turns(waiting)
        reports = _load(files, progress)
        problems = [f"{report.file_name}: {e}" for report in reports for e in report.errors]
        if problems:
            raise DatasetError("\n".join(problems))
        _record(directory, files, reports)
    counts = dict.fromkeys((t.slug for t in registry.object_types() if t.in_dataset), 0)
    counts.update({t.slug: report.rows for (t, _file), report in zip(files, reports, strict=True)})
    return Loaded(counts, changed=sum(report.created + report.changed for report in reports))


def _take_turns(waiting):
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_xact_lock(%s)", [LOAD_LOCK])
        if cursor.fetchone()[0]:
            return
        if waiting:
            waiting()
        cursor.execute("SELECT pg_advisory_xact_lock(%s)", [LOAD_LOCK])


def _load(files, progress) -> list:
    run = engine.Run(services.OPERATOR, progress=progress)
    reports = []
    for object_type, file in files:
        report = engine.Report(file.name)
        reports.append(report)
        total = file.count()
        with _built_after(object_type.model, total):
            run.add(object_type, file.rows(object_type, report), report, total)
        if report.errors:
            return reports  # later types refer to this one: their problems would follow from it
    run.finish()
    return reports


@contextlib.contextmanager
def _built_after(model, rows):
    """On PostgreSQL, a table this load fills from empty gets its GIN indexes (the trigram
    indexes of text search) and the foreign keys of it and its many-to-many tables made
    once at the end, as pg_restore does, rather than row by row. Row by row, the index is
    most of the time COPY takes, and each foreign key queues a check per row that runs at
    commit (five seconds for 10^5 events and their links). Adding a foreign key back
    checks every row in one query, so a wrong reference still fails the load. The tables
    are locked until the load commits; if it fails, the rollback brings everything back."""
    if (
        connection.vendor != "postgresql"
        or rows < REBUILD_FROM_ROWS
        or model._base_manager.exists()
    ):
        yield
        return
    tables = [model._meta.db_table]
    tables += [f.remote_field.through._meta.db_table for f in model._meta.many_to_many]
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() "
            "AND tablename = %s AND indexdef LIKE %s",
            [tables[0], "% USING gin %"],
        )
        indexes = cursor.fetchall()
        cursor.execute(
            "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) "
            "FROM pg_constraint WHERE contype = 'f' AND conrelid = ANY(%s::regclass[])",
            [tables],
        )
        foreign_keys = cursor.fetchall()
        if foreign_keys:
            # Rows written earlier in this load still wait for their checks at commit, and
            # a table with checks waiting cannot lose a key: run those checks now.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")
        for name, _definition in indexes:
            cursor.execute(f"DROP INDEX {quote(name)}")
        for table, name, _definition in foreign_keys:
            cursor.execute(f"ALTER TABLE {table} DROP CONSTRAINT {quote(name)}")
    yield
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL maintenance_work_mem = '256MB'")
        for _name, definition in indexes:
            cursor.execute(definition)
        for table, name, definition in foreign_keys:
            cursor.execute(f"ALTER TABLE {table} ADD CONSTRAINT {quote(name)} {definition}")


def _record(directory, files, reports):
    touched = {
        t.slug: report.audit()
        for (t, _file), report in zip(files, reports, strict=True)
        if report.created or report.changed
    }
    if not touched:
        return
    record_change(
        action=ChangeAction.LOAD,
        object_repr=directory.name,
        after={"directory": directory.name, **touched},
        message="\n".join(
            f"{t.slug}: {r.created} created, {r.changed} changed, {r.unchanged} unchanged"
            for (t, _file), r in zip(files, reports, strict=True)
        ),
    )


# Exporting ------------------------------------------------------------------------


def export_dataset(directory: Path, progress: Progress | None = None) -> dict:
    """Write every object type of the dataset into `directory`; returns counts by slug.

    Records are read EXPORT_CHUNK at a time, in the order they were made, and written as
    they are read; only a type small enough for YAML is held whole.
    """
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    counts = {}
    for object_type in registry.object_types():
        if object_type.in_dataset:
            counts[object_type.slug] = _export_type(directory, object_type, progress)
    return counts


def _export_type(directory, object_type, progress) -> int:
    total = _records(object_type.model).count()
    file_format = "yaml" if total <= YAML_ROWS else "jsonl"
    for other in FORMATS:
        if other != file_format:
            (directory / f"{object_type.slug}.{other}").unlink(missing_ok=True)
    path = directory / f"{object_type.slug}.{file_format}"
    rows = _counted(dataset_rows(object_type), object_type, total, progress)
    if file_format == "yaml":
        rows = list(rows)
        with path.open("w", encoding="utf-8") as out:
            if rows:
                out.write(
                    yaml.dump(
                        rows, Dumper=YAML_DUMPER, allow_unicode=True, sort_keys=False, width=100
                    )
                )
        return total
    with path.open("wb") as out:
        for row in rows:
            out.write(orjson.dumps(row, option=orjson.OPT_APPEND_NEWLINE))
    return total


def _counted(rows, object_type, total, progress):
    for done, row in enumerate(rows, start=1):
        yield row
        if progress and (done % EXPORT_CHUNK == 0 or done == total):
            progress(object_type, done, total)


def _records(model):
    """The records of the model that belong in a dataset: not those `cadre generate-training`
    made up, which would lose their mark on the way (it is not a field a dataset sets)."""
    rows = model._base_manager.all()
    if any(field.name == "generated" for field in model._meta.concrete_fields):
        rows = rows.filter(generated=False)
    return rows


def dataset_rows(object_type):
    """The records of the type as dataset rows, in the order they were made."""
    model = object_type.model
    columns = _Columns(model)
    last = 0
    while True:
        chunk = list(
            _records(model)
            .filter(pk__gt=last)
            .order_by("pk")
            .values_list(*columns.read)[:EXPORT_CHUNK]
        )
        if not chunk:
            return
        links = columns.links(chunk[0][0], chunk[-1][0])
        for values in chunk:
            yield columns.row(values, links)
        last = chunk[-1][0]


class _Columns:
    """How one model's records are read from the database and written as dataset rows."""

    def __init__(self, model):
        precisions = exchange.precision_pairs(model)
        self.read = ["pk"]
        self.writers = []  # (name, position of its value in `read`, convert or None, optional)
        for f in exchange.exchange_fields(model):
            if f.many_to_one:
                self.read.append(f"{f.name}__{exchange.key_field(f.related_model)}")
                convert = None
            elif f.name in precisions:
                self.read += [f.attname, precisions[f.name]]
                convert = _dated
            else:
                self.read.append(f.attname)
                convert = _PLAIN.get(f.get_internal_type())
            position = len(self.read) - (2 if convert is _dated else 1)
            self.writers.append((f.name, position, convert, f.null or f.blank))
        self.many = model._meta.many_to_many

    def row(self, values, links) -> dict:
        row = {}
        for name, position, convert, optional in self.writers:
            if convert is _dated:
                value = _dated(values[position], values[position + 1])
            else:
                value = values[position]
                if convert is not None and value is not None:
                    value = convert(value)
            if not (optional and (value is None or value == "")):
                row[name] = value
        for relation in self.many:
            keys = links[relation.name].get(values[0])
            if keys:
                row[relation.name] = keys
        return row

    def links(self, first_pk, last_pk) -> dict:
        """{many-to-many name: {pk: [related keys, sorted]}} for the records first..last."""
        links = {}
        for relation in self.many:
            through = relation.remote_field.through
            source, target = relation.m2m_field_name(), relation.m2m_reverse_field_name()
            target_key = f"{target}__{exchange.key_field(relation.related_model)}"
            pairs = (
                through._base_manager.filter(
                    **{f"{source}__gte": first_pk, f"{source}__lte": last_pk}
                )
                .order_by(source, target_key)
                .values_list(source, target_key)
            )
            links[relation.name] = {
                pk: [key for _pk, key in group] for pk, group in groupby(pairs, itemgetter(0))
            }
        return links


def _dated(value, precision):
    return dates.unparse(value, precision) if value is not None else None


_PLAIN = {
    "DecimalField": str,
    "DateField": datetime.date.isoformat,
    "DateTimeField": datetime.datetime.isoformat,
}
