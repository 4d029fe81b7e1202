"""A mission's strength over time: its figures, numbered, and the running totals they make.

Sources state two sorts of figure. A total (reported or authorised) is how many people
the mission has or may have. An increase is how many a decision adds ("300 more trainers
and support staff"). An increase is no total, so it is never drawn as one: it is added to
the latest total before it, and the sum is Cadre's arithmetic, shown as computed with its
rule in words (about 50 + 300 authorised in December 2004 = about 350).

A running total is left uncomputed, with the reason, when nothing is recorded before the
increase, when the figures just before it differ, or when an earlier increase gives no
number.
"""

import datetime
from dataclasses import dataclass, field

from cadre.core import dates

from .models import ForceLevel


@dataclass
class Figure:
    """One force-level row, numbered as the chart's list numbers it."""

    number: int
    level: ForceLevel

    @property
    def sources(self):
        return [self.level.source]


@dataclass
class Step:
    """What one increase (of one size on one day, from any number of sources) makes."""

    as_of: datetime.date
    precision: str
    increase: int | None  # None: the sources give no number
    increase_figures: list[Figure]
    label: str = ""  # "Σ1" when a total was computed
    base: int | None = None
    base_figures: list[Figure] = field(default_factory=list)
    base_step: "Step | None" = None
    total: int | None = None
    approximate: bool = False
    # Why there is no total: "unstated" (this increase gives no number), "no_base" (nothing
    # is recorded before it), "unknown_increase" (an earlier increase gives no number),
    # "base_unknown" (the total before it could not be computed), "differ" (the figures
    # just before it differ: see `differing`).
    reason: str = ""
    differing: list[int] = field(default_factory=list)

    @property
    def as_of_display(self):
        return dates.show(self.as_of, self.precision)

    @property
    def on_a_day(self):
        return self.precision == dates.DatePrecision.DAY

    @property
    def increase_numbers(self):
        return ", ".join(str(f.number) for f in self.increase_figures)

    @property
    def base_numbers(self):
        if self.base_step is not None:
            return self.base_step.label
        return ", ".join(str(f.number) for f in self.base_figures)

    @property
    def base_approximate(self):
        if self.base_step is not None:
            return self.base_step.approximate
        return any(f.level.approximate for f in self.base_figures)

    @property
    def increase_approximate(self):
        return any(f.level.approximate for f in self.increase_figures)


def is_total(level: ForceLevel) -> bool:
    return level.kind != ForceLevel.Kind.INCREASE and level.strength is not None


def figures_of(levels) -> list[Figure]:
    """Every row, numbered from 1 in date order."""
    ordered = sorted(levels, key=lambda level: (level.as_of, level.kind, level.pk or 0))
    return [Figure(number, level) for number, level in enumerate(ordered, start=1)]


def running_totals(figures: list[Figure]) -> list[Step]:
    """One step per increase, in date order, each with its computed total or the reason why not."""
    groups: dict[tuple, list[Figure]] = {}
    for figure in figures:
        level = figure.level
        if level.kind == ForceLevel.Kind.INCREASE:
            key = (level.as_of, level.as_of_precision, level.strength)
            groups.setdefault(key, []).append(figure)
    steps = [
        Step(as_of=as_of, precision=precision, increase=size, increase_figures=same)
        for (as_of, precision, size), same in sorted(
            groups.items(), key=lambda item: (item[0][0], item[0][2] is None, item[0][2] or 0)
        )
    ]
    totals = [f for f in figures if is_total(f.level)]
    computed = 0
    for step in steps:
        if step.increase is None:
            step.reason = "unstated"
            continue
        # What was there before the increase: totals whose period ends before it, earlier
        # steps (their totals, or their lack of one).
        earlier = [
            (f.level.as_of, f)
            for f in totals
            if dates.period_end(f.level.as_of, f.level.as_of_precision) < step.as_of
        ]
        earlier += [
            (s.as_of, s)
            for s in steps
            if s is not step and dates.period_end(s.as_of, s.precision) < step.as_of
        ]
        if not earlier:
            step.reason = "no_base"
            continue
        latest_day = max(day for day, _ in earlier)
        latest = [item for day, item in earlier if day == latest_day]
        latest_steps = [item for item in latest if isinstance(item, Step)]
        if any(s.increase is None for s in latest_steps):
            step.reason = "unknown_increase"
            continue
        if any(s.total is None for s in latest_steps):
            step.reason = "base_unknown"
            continue
        values = {f.level.strength for f in latest if isinstance(f, Figure)}
        values |= {s.total for s in latest_steps}
        if len(values) > 1:
            step.reason = "differ"
            step.differing = sorted(values)
            continue
        step.base = values.pop()
        if latest_steps:
            step.base_step = latest_steps[0]
        else:
            step.base_figures = [f for f in latest if isinstance(f, Figure)]
        step.total = step.base + step.increase
        step.approximate = step.base_approximate or step.increase_approximate
        computed += 1
        step.label = f"Σ{computed}"
    return steps
