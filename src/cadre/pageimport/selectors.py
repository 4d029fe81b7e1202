"""Reads of the timeline import: the actor table the reader looks for, the review list,
and the events a candidate may already be."""

import re
from dataclasses import dataclass

import yaml
from django.db.models import Count, Q

from cadre.accounts.models import Nation
from cadre.core.permissions import restrict
from cadre.dataset.io import BUILT_IN
from cadre.missions.models import Organisation, TimelineEvent

from .models import ImportCandidate, PageImport
from .reader import ActorTable

# Words too common to make two summaries alike.
_COMMON = frozenset(
    re.findall(
        r"\w+",
        "the a an and of to in on at for with by from its their his her this that was were is "
        "are be been has have had as into within which who will would also nato",
    )
)
SIMILAR = 0.2  # share of words two summaries of one event have in common, at least


def actor_table() -> ActorTable:
    """The organisations and nations of the record, and the offices, as the reader's table."""
    return ActorTable.build(
        Organisation.objects.values_list("key", "name", "short_name"),
        Nation.objects.values_list("code", "name"),
    )


def page_imports(user):
    return restrict(PageImport.objects.all(), user).annotate(
        proposed=Count("candidates", filter=Q(candidates__status=ImportCandidate.Status.PROPOSED)),
        total=Count("candidates"),
    )


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[^\W\d_]{3,}", text.lower()) if w not in _COMMON}


def similarity(a: str, b: str) -> float:
    first, second = _words(a), _words(b)
    if not first or not second:
        return 0.0
    return len(first & second) / len(first | second)


def similar_events(candidates, user) -> dict[int, list[TimelineEvent]]:
    """{candidate id: events of the timeline with its date and precision and a similar
    summary}: the page may be one more source of one of them rather than a new event."""
    dated = [c for c in candidates if c.date is not None]
    if not dated:
        return {}
    events = restrict(TimelineEvent.objects.all(), user).filter(date__in={c.date for c in dated})
    by_date = {}
    for event in events.prefetch_related("sources"):
        by_date.setdefault((event.date, event.date_precision), []).append(event)
    found = {}
    for c in dated:
        scored = [
            (similarity(c.summary, e.summary), e)
            for e in by_date.get((c.date, c.date_precision), [])
        ]
        found[c.pk] = [e for score, e in sorted(scored, key=lambda p: -p[0]) if score >= SIMILAR]
    return found


@dataclass
class ReviewRow:
    candidate: ImportCandidate
    before: str  # page text shown before the sentence
    sentence_before_date: str
    date_phrase: str
    sentence_after_date: str
    after: str
    similar: list


CONTEXT = 160  # characters of the page shown on each side of a sentence


def review_rows(batch: PageImport, user, *, status: str = "") -> list[ReviewRow]:
    """The batch's candidates, each with its sentence set in the page's text."""
    text = batch.text
    candidates = batch.candidates.prefetch_related("actors", "missions").select_related("event")
    if status:
        candidates = candidates.filter(status=status)
    candidates = list(candidates)
    proposed = [c for c in candidates if c.status == ImportCandidate.Status.PROPOSED]
    similar = similar_events(proposed, user)
    rows = []
    for c in candidates:
        s, e = c.sentence_start, c.sentence_end
        ds, de = max(s, min(c.date_start, e)), max(s, min(c.date_end, e))
        before = text[max(0, s - CONTEXT) : s]
        rows.append(
            ReviewRow(
                candidate=c,
                before=("…" if s > CONTEXT else "") + before,
                sentence_before_date=text[s:ds],
                date_phrase=text[ds:de],
                sentence_after_date=text[de:e],
                after=text[e : e + CONTEXT] + ("…" if e + CONTEXT < len(text) else ""),
                similar=similar.get(c.pk, []),
            )
        )
    return rows


def read_from(event: TimelineEvent, user) -> dict:
    """The sentences of imported pages an event was accepted or merged from."""
    candidates = restrict(ImportCandidate.objects.all(), user).filter(event=event)
    return {"read_from": list(candidates.select_related("page_import__source"))}


def evaluation_actor_table() -> ActorTable:
    """The actor table the gold lists were written against: the record's, or the built-in
    dataset's when the database holds no organisations (a fresh checkout)."""
    if Organisation.objects.exists():
        return actor_table()
    organisations = yaml.safe_load((BUILT_IN / "organisations.yaml").read_text(encoding="utf-8"))
    nations = yaml.safe_load((BUILT_IN / "nations.yaml").read_text(encoding="utf-8"))
    return ActorTable.build(
        [(o["key"], o["name"], o.get("short_name", "")) for o in organisations],
        [(n["code"], n["name"]) for n in nations],
    )
