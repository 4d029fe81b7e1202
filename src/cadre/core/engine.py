"""The import engine: rows in exchange form become records, all of them or none.

The import pages (a CSV or XLSX file, `core.imports`) and the dataset load
(`dataset.io`) hand their rows to one `Run`, which takes each object type's rows in
batches of BATCH_ROWS through the same steps:

1. parse: a row is {column: exchange value} with its number as the reader counts rows
   (a spreadsheet's row number, the header being row 1); its key must be given, once;
2. resolve keys: one query per related type finds every record the batch names, among
   the records the user may view; one more finds the batch's own records among those
   the user may change;
3. permission: a row whose key belongs to a record the user may not change is refused;
   the service checks the right to add or change and the user's scope on each record;
4. diff: a row that would change nothing is left alone;
5. validate and 6. save: the type's service checks each record with the model's rules
   and its own and writes the batch (`RecordService.save_many`);
7. report: what each row did, and every problem as "row N, column C: why".

A nullable reference to a record that is not there yet (a place within a place that a
later row makes; in a dataset, an organisation's mission, loaded after organisations) is
set once every row is in. Nothing here commits or writes to the audit trail: the caller
rolls its transaction back when a report has errors, and records one entry otherwise.
Rows are read, checked and written a batch at a time, so a run holds no table whole.
"""

import itertools
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.utils.translation import gettext as _

from . import exchange, permissions, services

BATCH_ROWS = 5000
MAX_ERRORS = 100
LISTED_ROWS = 200  # rows that create or change something, listed one by one in a report


@dataclass
class Row:
    number: int
    values: dict  # column -> exchange value, as read
    key: str = ""  # set by the parse step


@dataclass
class RowOutcome:
    number: int
    key: str
    action: str  # "create" or "change"
    label: str
    changes: list = field(default_factory=list)  # (column, before, after), as text


@dataclass
class Report:
    """What an import of one file did, or would do: counts, the rows listed, the problems."""

    file_name: str
    errors: list = field(default_factory=list)
    outcomes: list = field(default_factory=list)  # the first LISTED_ROWS created or changed
    created: int = 0
    changed: int = 0
    unchanged: int = 0
    created_keys: list = field(default_factory=list)
    changed_fields: dict = field(default_factory=dict)  # key -> {column: [before, after]}

    @property
    def rows(self) -> int:
        return self.created + self.changed + self.unchanged

    @property
    def unlisted(self) -> int:
        """Rows that create or change something beyond those listed in `outcomes`."""
        return self.created + self.changed - len(self.outcomes)

    @property
    def lists_more(self) -> bool:
        return len(self.outcomes) < LISTED_ROWS

    @property
    def full(self) -> bool:
        return len(self.errors) >= MAX_ERRORS

    def problem(self, number, column, reason):
        if self.full:
            return
        if column is None:
            self.errors.append(_("row %(row)s: %(reason)s") % {"row": number, "reason": reason})
        else:
            self.errors.append(
                _("row %(row)s, column %(column)s: %(reason)s")
                % {"row": number, "column": column, "reason": reason}
            )

    def stop_listing_problems(self):
        self.errors.append(
            _("Only the first %(count)s problems are listed: correct them first.")
            % {"count": MAX_ERRORS}
        )

    def record(self, number, key, obj, action, changes):
        if action == "keep":
            self.unchanged += 1
            return
        if action == "create":
            self.created += 1
            self.created_keys.append(key)
        else:
            self.changed += 1
            self.changed_fields[key] = {c: [before, after] for c, before, after in changes}
        if self.lists_more:
            self.outcomes.append(RowOutcome(number, key, action, str(obj), changes))

    def audit(self) -> dict:
        """The rows for the audit entry: the keys created and the fields changed."""
        return {"created": self.created_keys, "changed": self.changed_fields}

    def as_json(self) -> dict:
        """The report as a background job keeps it for its page: what the preview shows."""
        return {
            "file_name": self.file_name,
            "errors": [str(e) for e in self.errors],
            "outcomes": [vars(o) for o in self.outcomes],
            "created": self.created,
            "changed": self.changed,
            "unchanged": self.unchanged,
            "rows": self.rows,
            "unlisted": self.unlisted,
        }


def report_refusal(report, number, obj, exc):
    """Put a service's refusal of a row into the report, by column where it names one."""
    if isinstance(exc, ValidationError):
        for name, reasons in services.validation_messages(exc).items():
            column = None if name == NON_FIELD_ERRORS else name.removesuffix("_precision")
            for reason in reasons:
                report.problem(number, column, reason)
    elif isinstance(exc, services.RecordConflict):
        report.problem(number, None, exc.message)
    elif isinstance(exc, services.OutsideScope):
        report.problem(
            number,
            None,
            _("the row would put %(object)s outside what you may change") % {"object": obj},
        )
    elif isinstance(exc, PermissionDenied):
        report.problem(number, None, exc)
    else:
        report.problem(number, None, exc)


def batches(rows: Iterable, size: int):
    iterator = iter(rows)
    while batch := list(itertools.islice(iterator, size)):
        yield batch


def fields_of(object_type) -> dict:
    """{column: field} of the columns rows of this type may have."""
    model = object_type.model
    return {f.name: f for f in [*exchange.exchange_fields(model), *model._meta.many_to_many]}


@dataclass
class Waiting:
    """A reference to a record that no row had made yet: set at the end of the run."""

    object_type: object
    report: Report
    pk: int
    column: str
    key: str
    number: int


class Run:
    """One import or dataset load by one user, across one or more object types."""

    def __init__(self, user, progress: Callable | None = None):
        self.user = user
        self.progress = progress  # progress(object_type, rows done, rows in all or None)
        self.waiting: list[Waiting] = []

    def viewable(self, model):
        """The records of `model` the user may name in a row."""
        queryset = model._default_manager.all()
        if self.user is services.OPERATOR:
            return queryset
        return permissions.restrict(queryset, self.user, "view")

    def changeable(self, model):
        """The records of `model` a row may change."""
        queryset = model._default_manager.all()
        if self.user is services.OPERATOR:
            return queryset
        return permissions.restrict(queryset, self.user, "change")

    def fetch(self, model, keys, *, whole: bool) -> dict:
        """{key: record} (or {key: pk} unless `whole`) of the viewable records with these keys."""
        key_field = exchange.key_field(model)
        queryset = self.viewable(model).filter(**{f"{key_field}__in": keys})
        if whole:
            return {getattr(obj, key_field): obj for obj in queryset}
        return dict(queryset.values_list(key_field, "pk"))

    def add(self, object_type, rows: Iterable[Row], report: Report, total: int | None = None):
        """Create or change the records `rows` describe; problems go to `report`."""
        TypeRun(self, object_type, report).run(rows, total)

    def finish(self):
        """Set the references that waited for later rows; a key still unknown is a problem."""
        groups = defaultdict(list)
        for waiting in self.waiting:
            groups[waiting.object_type, waiting.column].append(waiting)
        self.waiting = []
        for (object_type, column), group in groups.items():
            for batch in batches(group, BATCH_ROWS):
                self._settle(object_type, column, batch)

    def _settle(self, object_type, column, group):
        model = object_type.model
        relation = model._meta.get_field(column)
        targets = self.fetch(relation.related_model, {w.key for w in group}, whole=True)
        objs = model._base_manager.in_bulk([w.pk for w in group])
        entries, settled = [], []
        for waiting in group:
            target = targets.get(waiting.key)
            if target is None:
                problem = exchange.missing_key(relation.related_model, waiting.key)
                waiting.report.problem(waiting.number, column, problem)
                continue
            obj = objs[waiting.pk]
            setattr(obj, column, target)
            entries.append(services.Entry(obj))
            settled.append(waiting)
        failures = services.service_for(object_type).save_many(entries, user=self.user)
        for index, exc in failures.items():
            waiting = settled[index]
            report_refusal(waiting.report, waiting.number, entries[index].obj, exc)


@dataclass
class Draft:
    """A row made into a record, not yet validated or written."""

    row: Row
    obj: object
    is_new: bool
    before: dict | None
    many: dict  # column -> related records or pks
    many_keys: dict  # column -> the keys the row gives, sorted
    waiting: dict  # column -> a key no record has yet


class Found:
    """What one batch names, fetched in bulk: related records by type, and the batch's own."""

    def __init__(self, type_run, rows, columns):
        self.type_run = type_run
        self.related = self._related(rows, columns)
        self.own, self.taken = self._own(rows, columns)
        self.links = self._links(columns)

    def find(self, model, key):
        return self.related.get(model, {}).get(key)

    def _related(self, rows, columns) -> dict:
        run, fields = self.type_run.run_, self.type_run.fields
        keys, whole = defaultdict(set), set()
        for name in columns:
            relation = fields[name]
            if not relation.is_relation:
                continue
            wanted = keys[relation.related_model]
            if relation.many_to_many:
                for row in rows:
                    wanted.update(row.values.get(name, ()))
            else:
                whole.add(relation.related_model)
                wanted.update(row.values.get(name) for row in rows)
        for wanted in keys.values():
            wanted.discard(None)
        return {
            model: run.fetch(model, wanted, whole=model in whole) for model, wanted in keys.items()
        }

    def _own(self, rows, columns):
        type_run = self.type_run
        if type_run.started_empty:
            return {}, set()  # keys are once per run: no row of it can name an earlier one
        model, key_field = type_run.model, type_run.key_field
        keys = [row.key for row in rows]
        references = [n for n in columns if type_run.fields[n].many_to_one]
        queryset = type_run.run_.changeable(model).select_related(*references)
        own = {getattr(o, key_field): o for o in queryset.filter(**{f"{key_field}__in": keys})}
        missing = [key for key in keys if key not in own]
        taken = set()
        if missing and type_run.run_.user is not services.OPERATOR:
            taken = set(
                model._default_manager.filter(**{f"{key_field}__in": missing}).values_list(
                    key_field, flat=True
                )
            )
        return own, taken

    def _links(self, columns) -> dict:
        """{many-to-many column: {pk: sorted related keys}} of the batch's own records."""
        pks = [obj.pk for obj in self.own.values()]
        links = {}
        for name in columns:
            relation = self.type_run.fields[name]
            if not relation.many_to_many or not pks:
                continue
            through = relation.remote_field.through
            source, target = relation.m2m_field_name(), relation.m2m_reverse_field_name()
            target_key = exchange.key_field(relation.related_model)
            pairs = through._base_manager.filter(**{f"{source}__in": pks}).values_list(
                source, f"{target}__{target_key}"
            )
            by_record = defaultdict(list)
            for pk, key in pairs:
                by_record[pk].append(key)
            links[name] = {pk: sorted(keys) for pk, keys in by_record.items()}
        return links


class TypeRun:
    """The rows of one object type in a run."""

    def __init__(self, run, object_type, report):
        self.run_ = run
        self.object_type = object_type
        self.model = object_type.model
        self.key_field = object_type.key_field
        self.fields = fields_of(object_type)
        self.relations = [name for name, f in self.fields.items() if f.is_relation]
        self.service = services.service_for(object_type)
        self.report = report
        self.seen = {}  # key -> the number of the row that gave it
        # A table that holds nothing yet (a first load) has no records for rows to change.
        self.started_empty = not self.model._base_manager.exists()

    def run(self, rows, total):
        done = 0
        for batch in batches(rows, BATCH_ROWS):
            self.batch(batch)
            done += len(batch)
            if self.run_.progress:
                self.run_.progress(self.object_type, done, total)
            if self.report.full:
                self.report.stop_listing_problems()
                return

    def batch(self, rows):
        rows = [row for row in rows if self.parse(row)]
        if not rows:
            return
        columns = [c for c in dict.fromkeys(c for row in rows for c in row.values) if c != "id"]
        found = Found(self, rows, columns)
        drafts = [draft for row in rows if (draft := self.draft(row, columns, found))]
        self.save(drafts, columns, found)

    # 1. parse ----------------------------------------------------------------------

    def parse(self, row) -> bool:
        unknown = sorted(row.values.keys() - self.fields.keys() - {"id"})
        for column in unknown:
            self.report.problem(
                row.number,
                column,
                _("no such column; the columns are: %(columns)s")
                % {"columns": ", ".join(sorted(self.fields))},
            )
        raw = row.values.get(self.key_field)
        row.key = "" if exchange.is_empty(raw) else str(raw).strip()
        if not row.key:
            self.report.problem(row.number, self.key_field, _("a key is required"))
            return False
        if row.key in self.seen:
            self.report.problem(
                row.number,
                self.key_field,
                _("'%(key)s' is in row %(row)s already")
                % {"key": row.key, "row": self.seen[row.key]},
            )
            return False
        self.seen[row.key] = row.number
        for column in self.relations:
            if column in row.values:
                row.values[column] = self.keys(column, row.values[column])
        return not unknown

    def keys(self, column, raw):
        """A relation's cell as its key(s): a list of keys for many-to-many, else a key or None."""
        if self.fields[column].many_to_many:
            return exchange.keys_of(raw)
        return None if exchange.is_empty(raw) else str(raw).strip()

    # 2-4. resolve keys, permission, diff --------------------------------------------

    def draft(self, row, columns, found) -> Draft | None:
        obj = found.own.get(row.key)
        is_new = obj is None
        if is_new:
            if row.key in found.taken:
                self.report.problem(
                    row.number, self.key_field, _("you may not change '%(key)s'") % {"key": row.key}
                )
                return None
            obj = self.model(**{self.key_field: row.key})
        before = None if is_new else self.values(obj, columns, self.stored_links(found, obj), {})
        draft = Draft(row, obj, is_new, before, many={}, many_keys={}, waiting={})
        failed = False
        for column in columns:
            try:
                self.assign(draft, column, row.values.get(column), found)
            except exchange.ExchangeError as exc:
                self.report.problem(row.number, column, exc)
                failed = True
        if failed:
            return None
        if not is_new and self.after(draft, columns) == before:
            self.report.record(row.number, row.key, obj, "keep", [])
            return None
        return draft

    def stored_links(self, found, obj) -> dict:
        return {column: links.get(obj.pk, []) for column, links in found.links.items()}

    def assign(self, draft, column, raw, found):
        relation = self.fields[column]
        if relation.many_to_many:
            keys = raw  # the parse step made the cell a list of keys
            if not keys and not relation.blank:
                raise exchange.ExchangeError(_("at least one key is required"))
            draft.many[column] = exchange.read_many(relation, keys, found.find)
            draft.many_keys[column] = sorted(set(keys))
            return
        try:
            values = exchange.read(self.model, relation, raw, found.find)
        except exchange.ExchangeError:
            if not (relation.many_to_one and relation.null):
                raise
            # A later row (or, in a dataset, a later type) may make it: settled at the end.
            draft.waiting[column] = str(raw).strip()
            values = {column: None}
        for attribute, value in values.items():
            setattr(draft.obj, attribute, value)

    def values(self, obj, columns, many_keys, waiting) -> dict:
        """The exchange values of `obj` in these columns."""
        values = {}
        for column in columns:
            relation = self.fields[column]
            if relation.many_to_many:
                values[column] = many_keys.get(column, [])
            elif column in waiting:
                values[column] = waiting[column]
            else:
                values[column] = exchange.value_of(obj, relation)
        return values

    def after(self, draft, columns) -> dict:
        return self.values(draft.obj, columns, draft.many_keys, draft.waiting)

    # 5-7. validate, save, report -----------------------------------------------------

    def save(self, drafts, columns, found):
        entries = [services.Entry(d.obj, d.many, list(d.waiting)) for d in drafts]
        failures = self.service.save_many(entries, user=self.run_.user)
        for index, draft in enumerate(drafts):
            if index in failures:
                report_refusal(self.report, draft.row.number, draft.obj, failures[index])
            else:
                self.saved(draft, columns)

    def saved(self, draft, columns):
        if draft.is_new:
            # What a new record holds is listed for the first rows only; the audit keeps keys.
            changes = self.created_values(draft, columns) if self.report.lists_more else []
            action = "create"
        else:
            after = self.after(draft, columns)  # as validated: the service may have normalised it
            changes = [
                (c, exchange.text_of(draft.before[c]), exchange.text_of(after[c]))
                for c in columns
                if draft.before[c] != after[c]
            ]
            action = "change" if changes else "keep"
        self.report.record(draft.row.number, draft.row.key, draft.obj, action, changes)
        for column, key in draft.waiting.items():
            self.run_.waiting.append(
                Waiting(self.object_type, self.report, draft.obj.pk, column, key, draft.row.number)
            )

    def created_values(self, draft, columns) -> list:
        after = self.after(draft, columns)
        return [(c, "", exchange.text_of(v)) for c, v in after.items() if not exchange.is_empty(v)]
