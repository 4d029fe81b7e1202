"""Read and write the mission record as a directory of YAML files.

One file per object type (`<slug>.yaml`, a list of rows), in registry order.
A row names its fields as the model does; a foreign key holds the key (or ISO code)
of the object it points to, a many-to-many field a list of them; a historical date
with a precision is written "YYYY", "YYYY-MM" or "YYYY-MM-DD" and its precision
follows from that. `cadre export-dataset` writes this; `cadre load-dataset` reads it;
the built-in dataset in this folder is one such directory.
"""

import datetime
import decimal
from collections.abc import Callable
from pathlib import Path

import yaml
from django.core.exceptions import ValidationError
from django.db import models, transaction

from cadre.audit.context import without_field_records
from cadre.audit.models import ChangeAction
from cadre.audit.services import record_change
from cadre.core import dates, registry

BUILT_IN = Path(__file__).resolve().parent / "nato-iraq"


class DatasetError(Exception):
    """A dataset file could not be loaded; nothing was written."""


def _precision_pairs(model) -> dict[str, str]:
    names = {f.name for f in model._meta.concrete_fields}
    return {n: f"{n}_precision" for n in names if f"{n}_precision" in names}


def dataset_fields(model):
    """The concrete fields a dataset row carries, in model order."""
    skip = set(_precision_pairs(model).values()) | {"id"}
    return [
        f
        for f in model._meta.concrete_fields
        if f.name not in skip and not getattr(f, "auto_now_add", False) and not f.auto_created
    ]


def _key_of(obj):
    object_type = registry.for_model(type(obj))
    return getattr(obj, object_type.key_field)


def _row_of(obj) -> dict:
    model = type(obj)
    pairs = _precision_pairs(model)
    row = {}
    for f in dataset_fields(model):
        value = getattr(obj, f.name)
        if f.is_relation:
            value = _key_of(value) if value is not None else None
        elif f.name in pairs:
            value = dates.unparse(value, getattr(obj, pairs[f.name]))
        elif isinstance(value, datetime.date):
            value = value.isoformat()
        elif isinstance(value, decimal.Decimal):
            value = str(value)
        if value in (None, "") and (f.null or f.blank):
            continue
        row[f.name] = value
    for f in model._meta.many_to_many:
        keys = sorted(_key_of(o) for o in getattr(obj, f.name).all())
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


def _lookup(model, key):
    object_type = registry.for_model(model)
    return model._default_manager.filter(**{object_type.key_field: key}).first()


def _assign(obj, model, row, where, deferred):
    pairs = _precision_pairs(model)
    fields = {f.name: f for f in dataset_fields(model)}
    unknown = set(row) - set(fields) - {f.name for f in model._meta.many_to_many}
    if unknown:
        raise DatasetError(f"{where}: unknown field(s) {', '.join(sorted(unknown))}")
    for name, f in fields.items():
        value = row.get(name)
        if f.is_relation:
            if value is None:
                setattr(obj, name, None)
                continue
            target = _lookup(f.related_model, value)
            if target is None:
                if f.null:
                    deferred.append((obj, name, f.related_model, value, where))
                    continue
                raise DatasetError(f"{where}, field {name}: no {f.related_model._meta.verbose_name} '{value}'")
            setattr(obj, name, target)
        elif name in pairs:
            if value in (None, ""):
                setattr(obj, name, None)
                continue
            try:
                day, precision = dates.parse(value)
            except ValueError as exc:
                raise DatasetError(f"{where}, field {name}: {exc}") from exc
            setattr(obj, name, day)
            setattr(obj, pairs[name], precision)
        elif value is None:
            setattr(obj, name, f.get_default() if not f.null else None)
        else:
            setattr(obj, name, f.to_python(value) if not isinstance(f, models.BooleanField) else bool(value))


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
                obj = _lookup(model, key) or model()
                is_new = obj.pk is None
                _assign(obj, model, row, where, deferred)
                try:
                    obj.full_clean(exclude=[d[1] for d in deferred if d[0] is obj])
                except ValidationError as exc:
                    raise DatasetError(f"{where}: {_messages(exc)}") from exc
                obj.save()
                for name in m2m_names:
                    field = model._meta.get_field(name)
                    targets = []
                    for target_key in row.get(name, []):
                        target = _lookup(field.related_model, target_key)
                        if target is None:
                            raise DatasetError(
                                f"{where}, field {name}: no {field.related_model._meta.verbose_name} '{target_key}'"
                            )
                        targets.append(target)
                    getattr(obj, name).set(targets)
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
        for obj, name, related_model, value, where in deferred:
            target = _lookup(related_model, value)
            if target is None:
                raise DatasetError(f"{where}, field {name}: no {related_model._meta.verbose_name} '{value}'")
            setattr(obj, name, target)
            obj.save(update_fields=[name])
    return counts


def _messages(exc: ValidationError) -> str:
    if hasattr(exc, "message_dict"):
        return "; ".join(f"field {k}: {' '.join(v)}" for k, v in exc.message_dict.items())
    return " ".join(exc.messages)
