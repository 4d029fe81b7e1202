"""The one write path of every object type.

Pages, the API, imports, the dataset load and the admin create, change and delete
records only through the service their object type declares (`register(...,
service=...)`), so a rule written once in a service (a seat limit, a vetting block, an
over-commitment check) holds on every path. The generic service, built from the
declaration, does for every type what every path needs:

1. checks the writer's role may add, change or delete records of the type;
2. normalises historical dates to the first day of their precision ("December 2008"
   is stored as 2008-12-01, whatever day was sent);
3. validates with the model's own rules (`full_clean`) and the service's (`check`);
4. saves, with the many-to-many values, if the record is still the version the writer
   read (its row locked meanwhile), adding one to its version;
5. checks the writer's scope again on the record as it now stands (a nation-bound
   writer may not move a row to another nation), rolling everything back if not;
6. records one entry in the audit trail, many-to-many changes included, with the
   related records' keys and names.

A type's own service subclasses `RecordService` and overrides `check()` (rules across
rows, taken under `lock()`), or adds actions of its own.

Imports and dataset loads write many records at once through `save_many()`: the same
steps, with the checks that would ask the database once per row (keys, references)
done in bulk by the caller, and the rows written in batches (COPY on PostgreSQL). A
service whose rules span rows (`lock`, `check` or `save` of its own) is not `bulk_safe`:
`save_many()` then saves its records one by one through `save()`, so its rules hold.

`OPERATOR` stands for whoever runs the command line (`cadre load-dataset`): the person
who holds the installation's files holds every right, so no role is checked for it.
"""

from dataclasses import dataclass, field
from operator import attrgetter

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import DatabaseError, IntegrityError, connections, router, transaction
from django.db.models.fields import AutoFieldMixin
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from cadre.audit.context import current_actor, without_field_records
from cadre.audit.models import ChangeAction
from cadre.audit.services import record_change

from . import dates, permissions, registry, selectors
from .exchange import precision_pairs
from .snapshots import record_state


class _Operator:
    """The person at the command line, who holds every right over the installation."""

    def __repr__(self):
        return "OPERATOR"


OPERATOR = _Operator()


class OutsideScope(PermissionDenied):
    """The writer may change records of this type, but not this one as it would stand."""


class RecordConflict(Exception):
    """The change is valid in itself but conflicts with other records (a full session, a
    quantity already committed): retrying later may succeed. The API answers 409."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


class StaleRecord(RecordConflict):
    """The record has changed since the writer read it: saving would undo that change
    unseen. Names who made the last change and when, as the audit trail has them."""

    def __init__(self, record):
        change = selectors.last_change(record)
        self.record = record  # as stored now
        self.version = record.version
        self.changed_by = change.username if change else ""
        self.changed_at = change.time if change else None
        super().__init__(stale_message(record, self.changed_by, self.changed_at))


def stale_message(record, changed_by, changed_at) -> str:
    values = {"object": record, "user": changed_by}
    if changed_at is not None:
        values["time"] = formats.date_format(timezone.localtime(changed_at), "DATETIME_FORMAT")
    if changed_by and changed_at is not None:
        message = _(
            "%(object)s was changed by %(user)s at %(time)s since you opened it. Nothing was "
            "saved: open it again to see that change, then make yours."
        )
    elif changed_at is not None:
        message = _(
            "%(object)s was changed at %(time)s since you opened it. Nothing was saved: open "
            "it again to see that change, then make yours."
        )
    else:
        message = _(
            "%(object)s has changed since you opened it. Nothing was saved: open it again to "
            "see that change, then make yours."
        )
    return message % values


OUTSIDE_SCOPE = {
    "add": _("You may add only %(objects)s of your own nation; nothing was saved."),
    "change": _("You may change only %(objects)s of your own nation; nothing was saved."),
    "delete": _("You may delete only %(objects)s of your own nation; nothing was deleted."),
}


def outside_scope_message(object_type, action) -> str:
    return str(OUTSIDE_SCOPE[action]) % {"objects": object_type.verbose_name_plural}


@dataclass
class Entry:
    """One record a batch write (`save_many`) creates or changes."""

    obj: object  # a model instance: unsaved to create it, loaded and changed to change it
    many: dict = field(default_factory=dict)  # many-to-many name -> related records or pks
    exclude: list = field(default_factory=list)  # fields left unset for now, not validated


# The methods in which a service holds rules across rows. A subclass that overrides one
# is not bulk-safe unless it says otherwise (see RecordService.bulk_safe).
_ROW_RULES = ("lock", "check", "save")


class RecordService:
    """The generic write path of one object type, built from its declaration."""

    # May `save_many` write this type's records in batches? Not when the service holds rules
    # across rows: a seat limit counts the seats already stored, and a batch would count
    # before any of its own seats are in. A subclass overriding lock(), check() or save()
    # is taken as not bulk-safe unless it sets `bulk_safe = True` itself.
    bulk_safe = True

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if "bulk_safe" not in cls.__dict__ and any(name in cls.__dict__ for name in _ROW_RULES):
            cls.bulk_safe = False

    def __init__(self, object_type):
        self.object_type = object_type
        self.model = object_type.model
        self._references = [f for f in self.model._meta.concrete_fields if f.many_to_one]

    # The steps, each of which a type's own service may extend -----------------------

    def require(self, user, action):
        """The role check: may this user do `action` on some records of this type?"""
        if user is OPERATOR:
            return
        if not permissions.may(user, action, self.model):
            raise PermissionDenied(
                _("Your role may not %(action)s %(objects)s.")
                % {"action": action, "objects": self.object_type.verbose_name_plural}
            )

    def normalise(self, obj):
        """Historical dates on the first day of the period their precision names."""
        for name, precision_name in precision_pairs(self.model).items():
            value = getattr(obj, name)
            precision = getattr(obj, precision_name)
            if value is not None and precision:
                setattr(obj, name, dates.normalise(value, precision))

    def validate(self, obj, *, exclude=None, in_batch=False):
        """The model's own rules, then the service's.

        `in_batch` (save_many) leaves out the checks that ask the database once per row:
        whether the record a foreign key names exists (the caller resolved it), whether
        unique values are free and constraints hold (the caller checked keys in bulk, and
        the database refuses the batch otherwise).
        """
        if not in_batch:
            obj.full_clean(exclude=exclude)
            return
        resolved = [f.name for f in self._references if getattr(obj, f.attname) is not None]
        obj.full_clean(
            exclude=[*(exclude or []), *resolved], validate_unique=False, validate_constraints=False
        )

    def lock(self, obj):
        """Take the row locks `check` needs before it counts; none for the generic service."""

    def check(self, obj, many, action):
        """Rules across records, checked under `lock()` inside the write's transaction.

        Raise ValidationError (the values are wrong) or RecordConflict (other records
        stand in the way). The generic service has none.
        """

    def within_scope(self, user, action, obj):
        if user is OPERATOR:
            return
        if not permissions.may_write_object(user, action, obj):
            raise OutsideScope(outside_scope_message(self.object_type, action))

    def require_object(self, user, action, obj):
        """The checks `save` and `delete` make of the writer before any change, on `obj` as
        it now stands: raises PermissionDenied, with the reason, where they would refuse."""
        self.require(user, action)
        self.within_scope(user, action, obj)

    def permits(self, user, action, obj) -> bool:
        """Would `save` or `delete` let `user` do `action` on `obj`? What a page asks before
        it offers Edit or Delete, so that it offers neither to whom the service refuses."""
        try:
            self.require_object(user, action, obj)
        except PermissionDenied:
            return False
        return True

    # The write path ------------------------------------------------------------------

    def save(self, obj, *, user, many=None, exclude=None):
        """Create `obj` (not yet saved) or change it (saved, with new values set on it).

        `many` maps many-to-many field names to the related records the object must have
        after the save. A change is saved only if the stored record is still the version
        the writer read, `obj.version`; the saved object has the next one. Returns the saved
        object; raises PermissionDenied, OutsideScope, ValidationError or RecordConflict
        (StaleRecord when the record changed since it was read), and then nothing is written.
        """
        many = many or {}
        adding = obj._state.adding
        action = "add" if adding else "change"
        self.require(user, action)
        if not adding:
            # A nation-bound writer may not take hold of another nation's row either.
            stored = type(obj)._default_manager.get(pk=obj.pk)
            self.within_scope(user, action, stored)
        self.normalise(obj)
        self.validate(obj, exclude=exclude)
        read_version = obj.version
        try:
            with transaction.atomic():
                if not adding:
                    obj.version = self.claim(obj) + 1
                before = None if adding else record_state(self.model, obj.pk)
                self.lock(obj)
                self.check(obj, many, action)
                with without_field_records():
                    obj.save()
                    for name, related in many.items():
                        getattr(obj, name).set(related)
                self.within_scope(user, action, obj)
                after = record_state(self.model, obj.pk)
                if current_actor().record_fields and before != after:
                    record_change(
                        instance=obj,
                        action=ChangeAction.CREATE if adding else ChangeAction.UPDATE,
                        before=before,
                        after=after,
                    )
        except BaseException:
            obj.version = read_version  # nothing was saved: the writer still holds what they read
            raise
        return obj

    def claim(self, obj) -> int:
        """Lock the stored row of `obj` until the transaction ends and return its version,
        which must be the one the writer read (`obj.version`): else StaleRecord."""
        # Ordered by the key alone: the model's default ordering would join (and so lock)
        # the rows it orders by, e.g. an enrolment's session.
        stored = (
            self.model._base_manager.select_for_update()
            .filter(pk=obj.pk)
            .order_by("pk")
            .values_list("version", flat=True)
            .first()
        )
        if stored is None:
            raise RecordConflict(
                _("%(object)s was deleted since you opened it; nothing was saved.")
                % {"object": obj}
            )
        if stored != obj.version:
            raise StaleRecord(self.model._base_manager.get(pk=obj.pk))
        return stored

    def save_many(self, entries, *, user) -> dict:
        """Create or change the records of `entries` (a list of Entry): the batch write.

        For imports and dataset loads, inside the caller's transaction; the caller writes
        one audit entry for all of them, so none is written here. The caller has found
        each changed record among those `user` may change, resolved the foreign keys and
        many-to-many keys among the records `user` may view, and checked in bulk that no
        key is taken or given twice.

        Each record is normalised, validated and checked against the writer's scope as it
        will stand; those that pass are written in batches with their many-to-many links.
        Returns {index in entries: the error} for those that did not pass or that the
        database refused: they are not written, the others are. A service that is not
        `bulk_safe` saves each record through `save()` instead, rules and all.
        """
        if not self.bulk_safe:
            return self._save_each(entries, user)
        refused = {}  # action -> why the writer's role may not do it
        for action in {_action(entry.obj) for entry in entries}:
            try:
                self.require(user, action)
            except PermissionDenied as exc:
                refused[action] = exc
        failures, ready = {}, []
        for index, entry in enumerate(entries):
            try:
                if _action(entry.obj) in refused:
                    raise refused[_action(entry.obj)]
                self._prepare(entry, user)
            except (ValidationError, PermissionDenied) as exc:
                failures[index] = exc
            else:
                ready.append((index, entry))
        with transaction.atomic():
            stale = self._claim_many(ready)
            failures.update(stale)
            failures.update(self._write_checked([r for r in ready if r[0] not in stale]))
        return failures

    def _claim_many(self, ready) -> dict:
        """`claim()` for the changed records of a batch: their rows locked, in the order of
        their ids so that two batches wait for each other rather than deadlock, and each
        given its next version. Returns {index: StaleRecord} of those changed since read."""
        changed = [(index, entry.obj) for index, entry in ready if not entry.obj._state.adding]
        stored = {}
        for start in range(0, len(changed), BatchWriter.BATCH_SIZE):
            pks = [obj.pk for _index, obj in changed[start : start + BatchWriter.BATCH_SIZE]]
            rows = self.model._base_manager.select_for_update().filter(pk__in=pks).order_by("pk")
            stored.update(rows.values_list("pk", "version"))
        stale = {}
        for index, obj in changed:
            version = stored.get(obj.pk)
            if version is None:
                stale[index] = RecordConflict(
                    _("%(object)s was deleted since you opened it; nothing was saved.")
                    % {"object": obj}
                )
            elif version != obj.version:
                stale[index] = StaleRecord(self.model._base_manager.get(pk=obj.pk))
            else:
                obj.version = version + 1
        return stale

    def _save_each(self, entries, user) -> dict:
        failures = {}
        for index, entry in enumerate(entries):
            try:
                with transaction.atomic():
                    self.save(entry.obj, user=user, many=entry.many, exclude=entry.exclude)
            except (ValidationError, PermissionDenied, RecordConflict, DatabaseError) as exc:
                failures[index] = exc
        return failures

    def _prepare(self, entry, user):
        self.normalise(entry.obj)
        self.validate(entry.obj, exclude=entry.exclude, in_batch=True)
        self.within_scope(user, _action(entry.obj), entry.obj)

    def _write_checked(self, ready) -> dict:
        """Write the batch; when the database refuses it, write it again row by row so that
        the refusal names its row (a constraint the batch validation left to the database)."""
        try:
            with transaction.atomic():
                self._write([entry for _index, entry in ready])
            return {}
        except IntegrityError:
            pass
        failures = {}
        for index, entry in ready:
            try:
                with transaction.atomic():
                    self._write([entry])
            except IntegrityError as exc:
                failures[index] = self._refusal(entry.obj, exc)
        return failures

    def _refusal(self, obj, exc) -> ValidationError:
        """The model's message for a row the database refused, or the database's own."""
        try:
            obj.validate_unique()
            obj.validate_constraints()
        except ValidationError as validation:
            return validation
        return ValidationError(str(exc).strip())

    def _write(self, entries):
        writer = BatchWriter(self.model)
        # Sorted before writing: bulk_create marks what it inserts as no longer new.
        new = [e.obj for e in entries if e.obj._state.adding]
        changed = [e.obj for e in entries if not e.obj._state.adding]
        writer.insert(new)
        writer.update(changed)
        writer.link(entries)
        for entry in entries:
            entry.obj._state.adding = False
            entry.obj._state.db = writer.alias

    def delete(self, obj, *, user):
        """Delete `obj`, if it is still the version the writer read; raises PermissionDenied,
        OutsideScope, StaleRecord or ProtectedError."""
        self.require(user, "delete")
        self.within_scope(user, "delete", obj)
        with transaction.atomic():
            self.claim(obj)
            before = record_state(self.model, obj.pk)
            pk, label = obj.pk, str(obj)
            with without_field_records():
                obj.delete()
            if current_actor().record_fields:
                obj.pk = pk
                record_change(instance=obj, action=ChangeAction.DELETE, before=before)
                obj.pk = None
        return label


# Fields whose validated Python value psycopg writes as it is: read without a conversion
# per value, which was a third of the time COPY's rows took to make.
_WRITTEN_AS_IS = frozenset(
    {
        "AutoField",
        "BigAutoField",
        "BigIntegerField",
        "BooleanField",
        "CharField",
        "DateField",
        "DateTimeField",
        "DecimalField",
        "ForeignKey",
        "IntegerField",
        "PositiveBigIntegerField",
        "PositiveIntegerField",
        "PositiveSmallIntegerField",
        "SlugField",
        "SmallIntegerField",
        "TextField",
    }
)


def _action(obj) -> str:
    return "add" if obj._state.adding else "change"


class BatchWriter:
    """Writes rows of one model in batches: by COPY on PostgreSQL, by bulk_create elsewhere.

    COPY is an order of magnitude faster than INSERT for many rows (shared/PERFORMANCE.md);
    it returns no ids, so the ids of new rows are taken from the table's sequence first.
    """

    BATCH_SIZE = 2000

    def __init__(self, model):
        self.model = model
        self.alias = router.db_for_write(model)
        self.connection = connections[self.alias]

    def _copies(self, model) -> bool:
        return self.connection.vendor == "postgresql" and isinstance(model._meta.pk, AutoFieldMixin)

    def insert(self, objs):
        """Insert new records, setting their ids."""
        if not objs:
            return
        if not self._copies(self.model):
            self.model._base_manager.using(self.alias).bulk_create(objs, self.BATCH_SIZE)
            return
        for obj, pk in zip(objs, self._new_ids(self.model, len(objs)), strict=True):
            obj.pk = pk
        fields = self.model._meta.concrete_fields
        readers = [self._reader(f) for f in fields]
        self._copy(self.model, fields, ([read(obj) for read in readers] for obj in objs))

    def insert_values(self, rows: list[dict]) -> list[int]:
        """Insert new rows given as {field attname: value}, the other fields at their
        defaults, without making a model instance for each (tens of thousands of seats of an
        allocation round). Returns the new ids, in order."""
        if not rows:
            return []
        if not self._copies(self.model):
            objs = [self.model(**row) for row in rows]
            self.model._base_manager.using(self.alias).bulk_create(objs, self.BATCH_SIZE)
            return [obj.pk for obj in objs]
        fields = self.model._meta.concrete_fields
        ids = self._new_ids(self.model, len(rows))
        pk = self.model._meta.pk.attname
        defaults = {f.attname: f.get_default() for f in fields if f.attname != pk}
        names = [f.attname for f in fields]

        def values():
            for new_id, row in zip(ids, rows, strict=True):
                full = {**defaults, **row, pk: new_id}
                yield [full[name] for name in names]

        self._copy(self.model, fields, values())
        return ids

    def _reader(self, field):
        """A function giving the value COPY writes for `field` of a new record."""
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
            return lambda obj: field.pre_save(obj, True)
        if field.get_internal_type() in _WRITTEN_AS_IS:
            return attrgetter(field.attname)
        return lambda obj: field.get_db_prep_save(field.pre_save(obj, True), self.connection)

    def update(self, objs):
        """Write back every field of changed records."""
        if objs:
            fields = [f.name for f in self.model._meta.concrete_fields if not f.primary_key]
            self.model._base_manager.using(self.alias).bulk_update(objs, fields, self.BATCH_SIZE)

    def link(self, entries):
        """Make each record's many-to-many links those of its entry, adding and removing."""
        for name in {name for entry in entries for name in entry.many}:
            relation = self.model._meta.get_field(name)
            through = relation.remote_field.through
            source = through._meta.get_field(relation.m2m_field_name()).attname
            target = through._meta.get_field(relation.m2m_reverse_field_name()).attname
            wanted = {
                (entry.obj.pk, getattr(related, "pk", related))
                for entry in entries
                if name in entry.many
                for related in entry.many[name]
            }
            changed = [e.obj.pk for e in entries if name in e.many and not e.obj._state.adding]
            stored = {}
            if changed:
                rows = through._base_manager.using(self.alias).filter(**{f"{source}__in": changed})
                stored = {(s, t): pk for pk, s, t in rows.values_list("pk", source, target)}
            gone = [pk for pair, pk in stored.items() if pair not in wanted]
            if gone:
                through._base_manager.using(self.alias).filter(pk__in=gone).delete()
            self._insert_links(through, source, target, sorted(wanted - stored.keys()))

    def _insert_links(self, through, source, target, pairs):
        if not pairs:
            return
        if not self._copies(through):
            through._base_manager.using(self.alias).bulk_create(
                [through(**{source: s, target: t}) for s, t in pairs], self.BATCH_SIZE
            )
            return
        fields = [through._meta.get_field(source), through._meta.get_field(target)]
        self._copy(through, fields, pairs)

    def _new_ids(self, model, count) -> list[int]:
        table = self.connection.ops.quote_name(model._meta.db_table)
        with self.connection.cursor() as cursor:
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
                [table, model._meta.pk.column, count],
            )
            return [row[0] for row in cursor.fetchall()]

    def _copy(self, model, fields, rows):
        from psycopg import sql

        statement = sql.SQL("COPY {} ({}) FROM STDIN").format(
            sql.Identifier(model._meta.db_table),
            sql.SQL(", ").join(sql.Identifier(f.column) for f in fields),
        )
        # Django's cursor wraps execute(), not copy(): a refusal must still be IntegrityError.
        with (
            self.connection.wrap_database_errors,
            self.connection.cursor() as cursor,
            cursor.cursor.copy(statement) as copy,
        ):
            for row in rows:
                copy.write_row(row)


_services: dict[str, RecordService] = {}


def service_for(object_type_or_model) -> RecordService:
    """The service that writes records of this object type (or model)."""
    object_type = object_type_or_model
    if not isinstance(object_type, registry.ObjectType):
        object_type = registry.for_model(object_type_or_model)
    service = _services.get(object_type.slug)
    if service is None:
        service = (object_type.service or RecordService)(object_type)
        _services[object_type.slug] = service
    return service


def save(obj, *, user, many=None, exclude=None):
    """Create or change `obj` through its type's service."""
    return service_for(type(obj)).save(obj, user=user, many=many, exclude=exclude)


def delete(obj, *, user):
    """Delete `obj` through its type's service."""
    return service_for(type(obj)).delete(obj, user=user)


def validation_messages(exc: ValidationError) -> dict[str, list[str]]:
    """{field or '__all__': [messages]} of a Django ValidationError."""
    if hasattr(exc, "error_dict"):
        return {name: list(messages) for name, messages in exc.message_dict.items()}
    return {"__all__": list(exc.messages)}
