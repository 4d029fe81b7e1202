"""Import of a file of custody changes (CSV or XLSX): every row or none.

Each row names an item by make, model and serial number, the day, the unit it came from
(empty for its first hand-over) and the unit it went to (by their keys), and who signed.
The file is read with the generic import's reader (`core.imports.Table`: UTF-8 CSV or
XLSX, within the size caps) and its problems are reported as every import's are ("row N,
column C: why", `core.engine.Report`). The rows are taken in order of date (rows of one
day in file order) and each goes through `CustodyService.record()`, the one write path of
custody, so the file is held to the rules a single change is: a weapon that would be in
two places at once (two rows moving it on one day to different units, or a row whose
'from' is not where it then is) is refused, naming the row. One transaction holds the
whole file: a preview runs it and rolls it back; with any problem nothing is saved.
"""

import datetime
import sys
from dataclasses import dataclass
from pathlib import Path

from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from cadre.audit.context import without_field_records
from cadre.audit.models import ChangeAction
from cadre.audit.services import record_change
from cadre.core import engine, permissions
from cadre.core.imports import Table, table_rows
from cadre.core.services import OPERATOR, service_for
from cadre.missions.models import Organisation

from .models import CustodyChange, DonatedItem, ItemStatus
from .models.arms import normal_name, normal_serial
from .services_arms import may_record_custody

REQUIRED = ["make", "model", "serial_number", "date", "from", "to", "signed_by"]
OPTIONAL = ["status", "note"]
# The file's column for each field of a custody change, to name it in a problem.
FIELD_COLUMNS = {
    "item": "serial_number",
    "changed_on": "date",
    "from_holder": "from",
    "to_holder": "to",
    "status": "status",
    "signed_by": "signed_by",
    "note": "note",
}


@dataclass
class CustodyRow:
    number: int
    item: DonatedItem
    changed_on: datetime.date
    from_holder: Organisation | None
    to_holder: Organisation | None
    status: str
    signed_by: str
    note: str


def header_columns(header, report) -> list | None:
    """The file's columns, or None when the report has its problems."""
    columns = [c.strip() for c in header]
    while columns and not columns[-1]:
        columns.pop()
    if not columns:
        report.problem(1, None, _("the file is empty"))
        return None
    known = REQUIRED + OPTIONAL
    for column in columns:
        if column not in known:
            report.problem(
                1,
                column,
                _("no such column; the columns are: %(columns)s") % {"columns": ", ".join(known)},
            )
        elif columns.count(column) > 1:
            report.problem(1, column, _("this column appears twice"))
    for column in REQUIRED:
        if column not in columns:
            report.problem(1, column, _("this required column is missing"))
    return None if report.errors else columns


def _items(rows, user) -> dict:
    """(MAKE, MODEL, SERIAL) -> the item, among those the user reads, for the serials named."""
    serials = {normal_serial(row.values["serial_number"]) for row in rows}
    readable = DonatedItem.objects.all()
    if user is not OPERATOR:
        readable = permissions.restrict(readable, user)
    found = {}
    for item in readable.filter(serial_number__in=serials).select_related("holder"):
        found[(item.make.upper(), item.model_name.upper(), item.serial_number)] = item
    return found


def _units(rows) -> dict:
    keys = {row.values[c].strip() for row in rows for c in ("from", "to")} - {""}
    return {o.key: o for o in Organisation.objects.filter(key__in=keys)}


def parse(rows, user, report) -> list[CustodyRow]:
    """The rows as custody changes to record; a row with a problem is reported and left out."""
    items, units = _items(rows, user), _units(rows)
    parsed = []
    for row in rows:
        problems = []
        change = _parse_row(row, items, units, problems)
        for column, reason in problems:
            report.problem(row.number, column, reason)
        if not problems:
            parsed.append(change)
    return parsed


def _parse_row(row, items, units, problems) -> CustodyRow | None:
    values = {k: v.strip() for k, v in row.values.items()}
    identity = (
        normal_name(values["make"]).upper(),
        normal_name(values["model"]).upper(),
        normal_serial(values["serial_number"]),
    )
    item = items.get(identity)
    if item is None:
        problems.append(
            (
                "serial_number",
                _("no item of this make and model has the serial number %(serial)s")
                % {"serial": identity[2] or "—"},
            )
        )
    try:
        changed_on = datetime.date.fromisoformat(values["date"])
    except ValueError:
        changed_on = None
        problems.append(("date", _("write the date as YYYY-MM-DD")))
    holders = {}
    for column in ("from", "to"):
        key = values[column]
        holders[column] = units.get(key) if key else None
        if key and holders[column] is None:
            problems.append((column, _("no unit has the key %(key)s") % {"key": key}))
    status = values.get("status") or ItemStatus.ISSUED
    if status not in ItemStatus.values:
        problems.append(
            (
                "status",
                _("the status is one of: %(choices)s") % {"choices": ", ".join(ItemStatus.values)},
            )
        )
    if not values["signed_by"]:
        problems.append(("signed_by", _("name who signed for the item")))
    if problems:
        return None
    return CustodyRow(
        row.number,
        item,
        changed_on,
        holders["from"],
        holders["to"],
        status,
        values["signed_by"],
        values.get("note", ""),
    )


def two_places_in_file(parsed, report) -> set[int]:
    """Rows that send an item on a day to a unit other than an earlier row of that day does:
    the item would be in two places at once. Returns the ids of their items."""
    first = {}
    refused = set()
    for row in parsed:
        if row.to_holder is None:
            continue
        day = (row.item.pk, row.changed_on)
        earlier = first.setdefault(day, row)
        if earlier.to_holder != row.to_holder:
            refused.add(row.item.pk)
            report.problem(
                row.number,
                "to",
                _(
                    "row %(row)s sends %(item)s to %(unit)s on %(day)s: it cannot be at two "
                    "units on the same day"
                )
                % {
                    "row": earlier.number,
                    "item": row.item,
                    "unit": earlier.to_holder.key,
                    "day": row.changed_on,
                },
            )
    return refused


def report_refusal(report, number, exc):
    if isinstance(exc, ValidationError):
        for name, reasons in exc.message_dict.items():
            column = None if name == NON_FIELD_ERRORS else FIELD_COLUMNS.get(name, name)
            for reason in reasons:
                report.problem(number, column, reason)
    else:
        report.problem(number, None, exc)


def record_rows(parsed, user, report, skip, progress=None):
    """Record each row through the custody service, in order of date; rows of an item with a
    problem already are not tried (each would follow from a change that is not made)."""
    service = service_for(CustodyChange)
    ordered = sorted(parsed, key=lambda r: (r.changed_on, r.number))
    for done, row in enumerate(ordered, start=1):
        if row.item.pk not in skip:
            try:
                with transaction.atomic():
                    change = service.record(
                        row.item,
                        user=user,
                        changed_on=row.changed_on,
                        from_holder=row.from_holder,
                        to_holder=row.to_holder,
                        status=row.status,
                        signed_by=row.signed_by,
                        note=row.note,
                    )
            except (ValidationError, PermissionDenied) as exc:
                skip.add(row.item.pk)
                report_refusal(report, row.number, exc)
            else:
                changes = [
                    ("date", "", str(row.changed_on)),
                    ("from", "", row.from_holder.key if row.from_holder else ""),
                    ("to", "", row.to_holder.key if row.to_holder else ""),
                    ("status", "", row.status),
                ]
                report.record(row.number, change.key, change, "create", changes)
        if progress:
            progress(done, len(ordered))


def import_custody(user, path, *, file_name, commit, progress=None) -> engine.Report:
    """Record the custody changes of the file at `path`, all of them or none.

    Without `commit` the import runs in full and is rolled back, as a preview; with it, it
    is one entry in the audit trail listing the changes made. `progress(done, total)` hears
    how far it is. Raises PermissionDenied for a user who may not record custody, and
    core.imports.ImportFileError for a file that is not a table."""
    if not may_record_custody(user):
        raise PermissionDenied
    report = engine.Report(file_name=file_name)
    table = Table(path, file_name)
    with transaction.atomic(), without_field_records():
        rows = iter(table)
        columns = header_columns(next(rows, []), report)
        if columns:
            source = [
                engine.Row(r.number, {c: r.values.get(c, "") for c in REQUIRED + OPTIONAL})
                for r in table_rows(rows, columns, report)
            ]
            parsed = parse(source, user, report)
            skip = two_places_in_file(parsed, report)
            record_rows(parsed, user, report, skip, progress)
        if report.errors or not commit:
            transaction.set_rollback(True)
        else:
            record_change(
                model=CustodyChange,
                action=ChangeAction.IMPORT,
                after={"file": file_name, **report.audit()},
                message=f"{file_name}: {report.created} custody changes recorded",
            )
    return report


def command(file: str, *, dry_run: bool = False) -> int:
    """`cadre import-custody FILE [--dry-run]`, as the operator, with a progress bar."""
    from tqdm import tqdm

    from cadre.core.imports import ImportFileError

    path = Path(file)
    if not path.is_file():
        print(f"cadre: no such file: {path}", file=sys.stderr)
        return 1
    with tqdm(desc="import-custody", unit=" rows", file=sys.stderr, mininterval=0.5) as bar:

        def progress(done, total):
            bar.total = total
            bar.update(done - bar.n)

        try:
            report = import_custody(
                OPERATOR, path, file_name=path.name, commit=not dry_run, progress=progress
            )
        except ImportFileError as exc:
            print(f"cadre: {exc}", file=sys.stderr)
            return 1
    if report.errors:
        print(f"cadre: nothing was imported from {path.name}:", file=sys.stderr)
        for error in report.errors:
            print(f"  {error}", file=sys.stderr)
        return 1
    verb = "would record" if dry_run else "recorded"
    print(f"{path.name}: {verb} {report.created} custody changes.")
    return 0
