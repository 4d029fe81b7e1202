"""Reads of the sources and the claims they make, for pages, API and reports."""

from dataclasses import dataclass

from django.db.models import Count, F, OuterRef, Q, Subquery, Window
from django.db.models.functions import RowNumber

from cadre.core import paging
from cadre.core.permissions import restrict

from .models import Claim, Source

CITING_EVENTS_SHOWN = 50
# The sources page reads the claims of this many contested subjects at most, and of each
# subject this many claims: a record's sources disagree on a few figures, but a page that
# read every claim of every subject grew with the record (2 s at 10^4 claims).
SUBJECTS_READ = 100
CLAIMS_READ_PER_SUBJECT = 30


def sources_page(user, *, search: str = "", cursor: str | None = None) -> paging.Page:
    """One page of the sources the user may see, each with the number of its claims.

    The claims themselves are on each source's page: a list of every claim of every
    source grows with the record (see bench/README.md).
    """
    sources = restrict(Source.objects.all(), user)
    search = search.strip()
    if search:
        sources = sources.filter(
            Q(title__icontains=search) | Q(publisher__icontains=search) | Q(key__icontains=search)
        )
    claims = restrict(Claim.objects.all(), user).filter(source=OuterRef("pk"))
    sources = sources.annotate(
        claim_count=Subquery(
            claims.order_by().values("source").annotate(n=Count("pk")).values("n")[:1]
        )
    )
    return paging.keyset_page(
        sources, sort_field="key", descending=False, cursor=cursor, size=paging.PAGE_SIZE
    )


@dataclass
class Side:
    source: Source
    claims: list

    @property
    def disagrees_with_itself(self) -> bool:
        """The source states more than one figure on the subject."""
        return len({_figure(claim) for claim in self.claims}) > 1


@dataclass
class Disagreement:
    subject: str
    label: str
    sides: list  # one Side per source, in source order
    claim_count: int = 0  # every claim on the subject; the sides hold the first ones

    @property
    def unread(self) -> int:
        """Claims on the subject beyond those the sides hold (see the claims list)."""
        return self.claim_count - sum(len(side.claims) for side in self.sides)


class Disagreements(list):
    """The disagreements found, and whether subjects beyond SUBJECTS_READ were left unread."""

    def __init__(self, found, more_subjects=False):
        super().__init__(found)
        self.more_subjects = more_subjects


def _figure(claim: Claim):
    """What a claim says, for comparing: its number and what it counts, else its words.

    Wording alone ("about 50" and "50") is no disagreement; 15,000 officers against
    15,000 police and soldiers is one, as is a number against "several hundred".
    """
    if claim.value is not None:
        return ("value", claim.value, claim.unit.strip().lower())
    return ("text", " ".join(claim.value_text.lower().split()))


def disagreements(user) -> Disagreements:
    """Subjects on which sources state different figures, every source's claims kept.

    A source that states two figures on one subject (a page whose summary and body differ)
    disagrees with itself: that is a disagreement too, even when no other source speaks.
    The first SUBJECTS_READ subjects with two claims or more are read, and of each the
    first CLAIMS_READ_PER_SUBJECT claims (by source, then date); whether a subject is a
    disagreement is judged on those.
    """
    visible = restrict(Claim.objects.all(), user)
    # A disagreement needs two claims at least: those subjects are found in SQL, so the
    # page reads the claims of those few subjects, not every claim of the record.
    contested = dict(
        visible.order_by("subject")
        .values("subject")
        .annotate(claims=Count("pk"))
        .filter(claims__gte=2)
        .values_list("subject", "claims")[: SUBJECTS_READ + 1]
    )
    more_subjects = len(contested) > SUBJECTS_READ
    subjects = sorted(contested)[:SUBJECTS_READ]
    order = [F("source__key").asc(), F("as_of").asc(), F("key").asc()]
    claims = (
        visible.filter(subject__in=subjects)
        .annotate(place=Window(RowNumber(), partition_by=[F("subject")], order_by=order))
        .filter(place__lte=CLAIMS_READ_PER_SUBJECT)
        .select_related("source")
        .order_by("subject", "source__key", "as_of", "key")
    )
    by_subject: dict[str, list[Claim]] = {}
    for claim in claims:
        by_subject.setdefault(claim.subject, []).append(claim)
    found = []
    for subject, subject_claims in by_subject.items():
        figures_by_source: dict[int, set] = {}
        for claim in subject_claims:
            figures_by_source.setdefault(claim.source_id, set()).add(_figure(claim))
        between_sources = (
            len(figures_by_source) > 1
            and len({frozenset(f) for f in figures_by_source.values()}) > 1
        )
        within_a_source = any(len(f) > 1 for f in figures_by_source.values())
        if not (between_sources or within_a_source):
            continue
        sides: dict[int, Side] = {}
        for claim in subject_claims:
            sides.setdefault(claim.source_id, Side(source=claim.source, claims=[])).claims.append(
                claim
            )
        found.append(
            Disagreement(
                subject=subject,
                label=subject_claims[0].subject_label,
                sides=list(sides.values()),
                claim_count=contested[subject],
            )
        )
    return Disagreements(found, more_subjects)


def source_record(user, key: str) -> dict | None:
    """A source and what cites it: claims, force levels and (the first of) its events."""
    source = restrict(Source.objects.filter(key=key), user).first()
    if source is None:
        return None
    events = restrict(source.events.all(), user)
    event_count, event_count_capped = paging.capped_count(events)
    return {
        "source": source,
        "claims": list(restrict(source.claims.order_by("subject", "as_of", "key"), user)),
        "force_levels": list(
            restrict(source.force_levels.select_related("mission").order_by("as_of", "pk"), user)
        ),
        "events": list(events.order_by("date", "pk")[:CITING_EVENTS_SHOWN]),
        "event_count": event_count,
        "event_count_capped": event_count_capped,
    }
