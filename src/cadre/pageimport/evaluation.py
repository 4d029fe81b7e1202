"""Score the date reader against gold lists (`cadre eval-timeline GOLD-DIR`); no Django.

A gold file (`*.gold`) names its page and lists every dated event the page states, one a
line: `edtf | kind | actors (; between) | cue`, the cue being a few words of the sentence
that hold the event. A candidate matches a gold event when its sentence holds the cue;
it is right when its EDTF date is the gold one too.
"""

import datetime
import time
from dataclasses import dataclass, field
from pathlib import Path

from .reader import ActorTable, read_page


@dataclass
class GoldEvent:
    edtf: str
    kind: str
    actors: set[str]
    cue: str


@dataclass
class Gold:
    name: str
    page: Path
    written: str  # "before tuning" or "after tuning"
    events: list[GoldEvent]
    reference_date: datetime.date | None = None


def read_gold(path: Path) -> Gold:
    page, written, reference = None, "", None
    events = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            label, _, value = line[1:].partition(":")
            label = label.strip()
            if label == "page":
                page = (path.parent / value.strip()).resolve()
            elif label == "written":
                written = value.strip()
            elif label == "reference date":
                reference = datetime.date.fromisoformat(value.strip())
            continue
        if not line.strip():
            continue
        edtf, kind, actors, cue = (part.strip() for part in line.split("|", 3))
        names = {a.strip().lower() for a in actors.split(";") if a.strip()}
        events.append(GoldEvent(edtf, kind, names, cue))
    if page is None:
        raise ValueError(f"{path}: no '# page:' line")
    return Gold(path.stem, page, written, events, reference)


def _span(edtf: str) -> tuple[datetime.date, datetime.date] | None:
    """The first and last day an EDTF date can mean; None when it has no year."""
    edtf = edtf.rstrip("~?%")
    if "/" in edtf:
        a, b = edtf.split("/", 1)
        first, last = _span(a), _span(b)
        return (first[0], last[1]) if first and last else None
    parts = edtf.split("-")
    if not parts[0].isdigit():
        return None
    year = int(parts[0])
    if len(parts) == 1 or "X" in parts[1]:
        # "2021-XX-16": a day whose month the page leaves unspecified may be any in the year
        return datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    number = int(parts[1])
    if len(parts) == 3 and "X" in parts[2]:
        parts = parts[:2]  # "2021-05-XX": a day unspecified in its month
    if len(parts) == 3:
        day = datetime.date(year, number, int(parts[2]))
        return day, day
    if number <= 12:
        months = (number, number)
    elif 21 <= number <= 24:
        months = {21: (3, 5), 22: (6, 8), 23: (9, 11), 24: (12, 14)}[number]
    elif 33 <= number <= 36:
        months = (3 * (number - 32) - 2, 3 * (number - 32))
    else:
        months = (1, 6) if number == 40 else (7, 12)
    end_year, end_month = year + (months[1] - 1) // 12, (months[1] - 1) % 12 + 1
    following = datetime.date(end_year + end_month // 12, end_month % 12 + 1, 1)
    return datetime.date(year, months[0], 1), following - datetime.timedelta(days=1)


def _normal(text: str) -> str:
    return " ".join(text.replace("’", "'").lower().split())


SUMMED = [
    "gold",
    "candidates",
    "right",
    "false",
    "wrong_precision",
    "split_ranges",
    "invented_years",
    "kinds_right",
    "actors_tp",
    "actors_fp",
    "actors_fn",
    "relative",
    "seconds",
]


@dataclass
class Score:
    name: str
    written: str
    gold: int = 0
    candidates: int = 0
    right: int = 0  # exact date and precision
    false: int = 0  # candidates that match no gold event
    wrong_precision: int = 0
    split_ranges: int = 0
    invented_years: int = 0
    kinds_right: int = 0
    actors_tp: int = 0
    actors_fp: int = 0
    actors_fn: int = 0
    relative: int = 0
    seconds: float = 0.0
    missed: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)
    other_kinds: list[str] = field(default_factory=list)  # events found, of another kind

    def add(self, other: "Score"):
        for name in SUMMED:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    @property
    def recall(self):
        return self.right / self.gold if self.gold else 0.0

    @property
    def kind_accuracy(self):
        return self.kinds_right / self.right if self.right else 0.0

    @property
    def actor_f1(self):
        tp, fp, fn = self.actors_tp, self.actors_fp, self.actors_fn
        return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def score(gold: Gold, actors: ActorTable) -> Score:
    raw = gold.page.read_text(encoding="utf-8")
    started = time.perf_counter()
    _, found = read_page(
        raw, name=gold.page.name, actors=actors, reference_date=gold.reference_date
    )
    result = Score(gold.name, gold.written, seconds=time.perf_counter() - started)
    result.relative = sum(1 for c in found if c.edtf is None)
    dated = [c for c in found if c.edtf is not None]
    result.gold, result.candidates = len(gold.events), len(dated)
    texts = [_normal(c.text) for c in dated]
    used: set[int] = set()
    exact: set[int] = set()
    unmatched = []
    for g in gold.events:
        cue = _normal(g.cue)
        hit = next(
            (
                i
                for i, c in enumerate(dated)
                if i not in used and c.edtf == g.edtf and cue in texts[i]
            ),
            None,
        )
        if hit is None:
            unmatched.append(g)
            continue
        used.add(hit)
        exact.add(hit)
        c = dated[hit]
        result.right += 1
        result.kinds_right += c.kind == g.kind
        if c.kind != g.kind:
            result.other_kinds.append(f"{c.kind} for {g.kind} [{g.cue}]")
        named = {a.lower() for a in c.actors}
        result.actors_tp += len(named & g.actors)
        result.actors_fp += len(named - g.actors)
        result.actors_fn += len(g.actors - named)
    for g in unmatched:
        cue, span = _normal(g.cue), _span(g.edtf)
        near = [
            i
            for i, c in enumerate(dated)
            if i not in used and cue in texts[i] and _overlaps(span, c.edtf)
        ]
        if "/" in g.edtf and len(near) >= 2:
            result.split_ranges += 1
            used.update(near)
        elif near:
            result.wrong_precision += 1
            used.add(near[0])
        result.missed.append(f"{g.edtf} [{g.cue}]")
    for i, c in enumerate(dated):
        # A year the page does not state, and that is not the gold's: invented.
        if c.inferred_year and i not in exact:
            result.invented_years += 1
        if i not in used:
            result.false += 1
            result.extra.append(f"{c.edtf} [{c.date_text}] {c.text[:60]}")
    return result


def _overlaps(span, edtf: str) -> bool:
    other = _span(edtf)
    if span is None or other is None:
        return False
    return span[0] <= other[1] and other[0] <= span[1]


def evaluate(directory: Path, actors: ActorTable) -> tuple[list[Score], Score]:
    scores = [score(read_gold(path), actors) for path in sorted(directory.glob("*.gold"))]
    total = Score("total", "")
    for s in scores:
        total.add(s)
    return scores, total


COLUMNS = (
    "page", "written", "gold", "cands", "recall", "false", "wrong prec", "split rng",
    "yrs invented", "kind acc", "actor F1", "relative", "ms",
)  # fmt: skip


def table(scores: list[Score], total: Score, *, markdown: bool = False) -> str:
    rows = [COLUMNS]
    for s in [*scores, total]:
        rows.append(
            (
                s.name,
                s.written,
                str(s.gold),
                str(s.candidates),
                f"{s.recall:.1%}" if s.gold else "–",
                str(s.false),
                str(s.wrong_precision),
                str(s.split_ranges),
                str(s.invented_years),
                f"{s.kind_accuracy:.0%}" if s.right else "–",
                f"{s.actor_f1:.2f}" if s.actors_tp + s.actors_fp + s.actors_fn else "–",
                str(s.relative),
                f"{s.seconds * 1000:.0f}",
            )
        )
    if markdown:
        lines = ["| " + " | ".join(rows[0]) + " |", "|" + "---|" * len(rows[0])]
        lines += ["| " + " | ".join(row) + " |" for row in rows[1:]]
        return "\n".join(lines)
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return "\n".join(
        "  ".join(
            cell.ljust(widths[i]) if i < 2 else cell.rjust(widths[i]) for i, cell in enumerate(row)
        )
        for row in rows
    )


def missed_report(scores: list[Score]) -> str:
    lines = []
    for s in scores:
        for item in s.missed:
            lines.append(f"{s.name}: missed {item}")
        for item in s.extra:
            lines.append(f"{s.name}: false {item}")
        for item in s.other_kinds:
            lines.append(f"{s.name}: kind {item}")
    return "\n".join(lines)
