"""Writes of the timeline import: read a page into a batch of candidates; accept, merge or
reject a candidate. Every path (page, API, `cadre import-page`) calls these."""

import datetime
import itertools
import urllib.parse
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cadre.core import services
from cadre.core.dates import DatePrecision
from cadre.core.permissions import may
from cadre.core.services import Entry, RecordService, service_for
from cadre.missions.models import Organisation, TimelineEvent
from cadre.sources.models import Source

from . import reader, selectors
from .models import ImportCandidate, PageImport


def stored_date(candidate: reader.Candidate) -> tuple[datetime.date | None, str]:
    """The date and precision a timeline event would be recorded at: a day or a month as
    read; a season, quarter, half year or year at its year (never a first of the month);
    a range at its start. A decade or a century has no year the timeline could hold
    without claiming more than the page says: the reviewer gives one."""
    if not candidate.start:
        return None, DatePrecision.DAY
    parts = candidate.edtf.split("/")[0].rstrip("~").split("-")
    if "X" in parts[0]:
        return None, DatePrecision.YEAR  # 195X, 19XX, 195X/196X: decades and centuries
    start = datetime.date.fromisoformat(candidate.start)
    if len(parts) == 3:
        return start, DatePrecision.DAY
    if len(parts) == 2 and int(parts[1]) <= 12:
        return start, DatePrecision.MONTH
    return datetime.date(start.year if len(parts) == 1 else int(parts[0]), 1, 1), (
        DatePrecision.YEAR
    )


class PageImportService(RecordService):
    """A new page import is read as it is saved: its text becomes the page's text and its
    dated events the batch's candidates, on every path that makes one."""

    def save(self, obj, *, user, many=None, exclude=None):
        if not obj._state.adding:
            return super().save(obj, user=user, many=many, exclude=exclude)
        page, found = reader.read_page(
            obj.text,
            name=obj.file_name,
            actors=selectors.actor_table(),
            reference_date=obj.reference_date,
        )
        obj.text = page.text
        obj.title = obj.title or page.title or obj.file_name
        obj.address = obj.address or page.address
        with transaction.atomic():
            super().save(obj, user=user, many=many, exclude=exclude)
            _propose(obj, found, user=user)
        return obj


def _propose(batch: PageImport, found: list[reader.Candidate], *, user):
    organisations = dict(Organisation.objects.values_list("key", "pk"))
    entries = []
    for position, candidate in enumerate(found, start=1):
        date, precision = stored_date(candidate)
        obj = ImportCandidate(
            key=f"{batch.key}-{position:03d}",
            page_import=batch,
            position=position,
            edtf=candidate.edtf or "",
            read_precision=candidate.precision,
            qualifier=candidate.qualifier,
            inferred_year=candidate.inferred_year,
            relative=candidate.relative[:100],
            first_day=candidate.start,
            last_day=candidate.end,
            sentence=candidate.text,
            sentence_start=candidate.span[0],
            sentence_end=candidate.span[1],
            date_start=candidate.date_span[0],
            date_end=candidate.date_span[1],
            actors_named="; ".join(candidate.actors)[:500],
            date=date,
            date_precision=precision,
            summary=candidate.summary or candidate.text,
            kind=candidate.kind,
        )
        actors = [organisations[k] for k in candidate.actor_keys if k in organisations]
        entries.append(Entry(obj, many={"actors": actors}))
    if entries:
        service_for(ImportCandidate).save_many(entries, user=user)


def import_page(
    *,
    user,
    raw: str,
    file_name: str = "",
    source: Source | None = None,
    title: str = "",
    address: str = "",
    reference_date: datetime.date | None = None,
) -> PageImport:
    """Read a saved page (HTML or text) into a batch of candidates for review, citing
    `source`, or a new Source for the page when none is given."""
    page = reader.page_text(raw, file_name)
    title = (title or page.title or Path(file_name).stem or _("Imported page"))[:300]
    address = address or page.address
    with transaction.atomic():
        if source is None:
            source = Source(
                key=_free_key(Source, slugify(title)[:70] or "page"),
                kind=Source.Kind.PAGE,
                title=title,
                publisher=(urllib.parse.urlsplit(address).hostname or _("unknown"))[:200],
                file_name=file_name[:200],
            )
            services.save(source, user=user)
        batch = PageImport(
            key=_free_key(PageImport, f"import-{source.key}"[:80]),
            source=source,
            title=title,
            address=address[:500],
            file_name=file_name[:200],
            text=raw,
            reference_date=reference_date,
        )
        return services.save(batch, user=user)


def _free_key(model, base: str) -> str:
    taken = set(model._default_manager.filter(key__startswith=base).values_list("key", flat=True))
    for n in itertools.count(1):
        key = base if n == 1 else f"{base}-{n}"
        if key not in taken:
            return key
    raise AssertionError("unreachable")


NOT_A_REVIEWER = gettext_lazy(
    "Only those who write the timeline review imported candidates into it."
)


def may_review(user) -> bool:
    """May this user accept, merge and reject candidates: change them and add events?"""
    return may(user, "change", ImportCandidate) and may(user, "add", TimelineEvent)


def _refuse_unless_open(candidate: ImportCandidate):
    if candidate.status != ImportCandidate.Status.PROPOSED:
        raise ValidationError(
            _("This candidate was %(status)s already.") % {"status": candidate.get_status_display()}
        )


def accept(candidate: ImportCandidate, *, user) -> TimelineEvent:
    """Record the candidate as a timeline event citing the page."""
    _refuse_unless_open(candidate)
    if candidate.date is None:
        raise ValidationError(
            {"date": _("Give the date first: the page does not state it in full.")}
        )
    with transaction.atomic():
        event = TimelineEvent(
            key=_free_key(
                TimelineEvent,
                f"evt-{candidate.date:%Y-%m-%d}-{slugify(candidate.summary)[:50]}".rstrip("-"),
            ),
            date=candidate.date,
            date_precision=candidate.date_precision,
            kind=candidate.kind,
            summary=candidate.summary,
        )
        services.save(
            event,
            user=user,
            many={
                "sources": [candidate.page_import.source],
                "actors": list(candidate.actors.all()),
                "missions": list(candidate.missions.all()),
            },
        )
        _close(candidate, ImportCandidate.Status.ACCEPTED, event, user=user)
    return event


def merge(candidate: ImportCandidate, event: TimelineEvent, *, user) -> TimelineEvent:
    """Add the page as one more source of an event already in the timeline."""
    _refuse_unless_open(candidate)
    source = candidate.page_import.source
    with transaction.atomic():
        sources = list(event.sources.all())
        if source not in sources:
            services.save(event, user=user, many={"sources": [*sources, source]})
        _close(candidate, ImportCandidate.Status.MERGED, event, user=user)
    return event


def reject(candidate: ImportCandidate, *, user) -> ImportCandidate:
    _refuse_unless_open(candidate)
    candidate.status = ImportCandidate.Status.REJECTED
    return services.save(candidate, user=user)


def _close(candidate, status, event, *, user):
    candidate.status = status
    candidate.event = event
    services.save(candidate, user=user)
