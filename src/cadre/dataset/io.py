"""Read and write the mission record as a directory of YAML files.

One file per object type (`<slug>.yaml`, a list of rows), in registry order.
A row names its fields as the model does; a foreign key holds the key (or ISO code)
of the object it points to, a many-to-many field a list of them; a historical date
with a precision is written "YYYY", "YYYY-MM" or "YYYY-MM-DD" and its precision
follows from that. `cadre export-dataset` writes this; `cadre load-dataset` reads it;
the built-in dataset in this folder is one such directory.
"""

import decimal
from collections.abc import Callable
from pathlib import Path

import yaml
from django.core.exceptions import ValidationError
from django.db import transaction

from cadre.audit.context import without_field_records
from cadre.audit.models import ChangeAction
from cadre.audit.services import record_change
from cadre.core import exchange, registry, services

BUILT_IN = Path(__file__).resolve().parent / "nato-iraq"


class DatasetError(Exception):
    """A dataset file could not be loaded; nothing was written."""


def _row_of(obj) -> dict:
    model = type(obj)
    row = {}
    for f in exchange.exchange_fields(model):
        value = exchange.value_of(obj, f)
        if value in (None, "") and (f.null or f.blank):
            continue
        row[f.name] = str(value) if isinstance(value, decimal.Decimal) else value
    for f in model._meta.many_to_many:
        keys = exchange.value_of(obj, f)
        if keys:
            row[f.name] = keys
    return row


def export_dataset(directory: Path, progress: Callable[[str, int], None] | None = None) -> dict:
    """Write every object type of the dataset into `directory`; returns counts by slug."""
    directory.mkdir(parents=True, exist_ok=True)
    counts = {}
    for object_type in registry.object_types():
        if not object_type.in_dataset:
            continue
        model = object_type.model
        qs = model._default_manager.order_by(object_type.key_field).prefetch_related(
            *[f.name for f in model._meta.many_to_many]
        )
        rows = [_row_of(obj) for obj in qs]
        text = yaml.safe_dump(rows, allow_unicode=True, sort_keys=False, width=100)
        (directory / f"{object_type.slug}.yaml").write_text(text, encoding="utf-8")
        counts[object_type.slug] = len(rows)
        if progress:
            progress(object_type.slug, len(rows))
    return counts


def read_rows(directory: Path, object_type) -> list[dict]:
    path = directory / f"{object_type.slug}.yaml"
    if not path.exists():
        return []
    try:
        rows = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    except yaml.YAMLError as exc:
        raise DatasetError(f"{path.name}: not valid YAML: {exc}") from exc
    if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
        raise DatasetError(f"{path.name}: expected a list of rows")
    return rows


def _assign(obj, model, row, where, deferred, find):
    fields = {f.name: f for f in exchange.exchange_fields(model)}
    unknown = set(row) - set(fields) - {f.name for f in model._meta.many_to_many}
    if unknown:
        raise DatasetError(f"{where}: unknown field(s) {', '.join(sorted(unknown))}")
    for name, f in fields.items():
        value = row.get(name)
        try:
            values = exchange.read(model, f, value, find)
        except exchange.ExchangeError as exc:
            if f.is_relation and f.null:
                # A later row of the same file may define it: resolved once every row is in.
                deferred.append((obj, name, value, where))
                continue
            raise DatasetError(f"{where}, field {name}: {exc}") from exc
        for attribute, v in values.items():
            setattr(obj, attribute, v)


@transaction.atomic
def load_dataset(directory: Path, progress: Callable[[str, int], None] | None = None) -> dict:
    """Create or update every row of the dataset in `directory`: all of it or nothing.

    Objects are matched by key, so loading the same directory twice changes nothing.
    The load is one entry per object type in the audit trail.
    """
    directory = Path(directory)
    if not directory.is_dir():
        raise DatasetError(f"{directory} is not a directory")
    counts = {}
    deferred = []
    find = exchange.KeyFinder()
    with without_field_records():
        for object_type in registry.object_types():
            if not object_type.in_dataset:
                continue
            model = object_type.model
            rows = read_rows(directory, object_type)
            m2m_names = [f.name for f in model._meta.many_to_many]
            created = updated = 0
            for number, row in enumerate(rows, start=1):
                where = f"{object_type.slug}.yaml, row {number}"
                key = row.get(object_type.key_field)
                if not key:
                    raise DatasetError(f"{where}, field {object_type.key_field}: missing")
                obj = exchange.find(model, key) or model()
                is_new = obj.pk is None
                _assign(obj, model, row, where, deferred, find)
                many = {}
                for name in m2m_names:
                    field = model._meta.get_field(name)
                    try:
                        many[name] = exchange.read_many(field, row.get(name), find)
                    except exchange.ExchangeError as exc:
                        raise DatasetError(f"{where}, field {name}: {exc}") from exc
                try:
                    services.save(
                        obj,
                        user=services.OPERATOR,
                        many=many,
                        exclude=[d[1] for d in deferred if d[0] is obj],
                    )
                except ValidationError as exc:
                    raise DatasetError(f"{where}: {_messages(exc)}") from exc
                except services.RecordConflict as exc:
                    raise DatasetError(f"{where}: {exc.message}") from exc
                created += is_new
                updated += not is_new
            counts[object_type.slug] = len(rows)
            if rows:
                record_change(
                    model=model,
                    action=ChangeAction.LOAD,
                    message=f"{directory.name}: {created} created, {updated} updated",
                )
            if progress:
                progress(object_type.slug, len(rows))
        for obj, name, value, where in deferred:
            try:
                values = exchange.read(type(obj), obj._meta.get_field(name), value, find)
            except exchange.ExchangeError as exc:
                raise DatasetError(f"{where}, field {name}: {exc}") from exc
            setattr(obj, name, values[name])
            obj.save(update_fields=[name])
    return counts


def _messages(exc: ValidationError) -> str:
    if hasattr(exc, "message_dict"):
        return "; ".join(f"field {k}: {' '.join(v)}" for k, v in exc.message_dict.items())
    return " ".join(exc.messages)
