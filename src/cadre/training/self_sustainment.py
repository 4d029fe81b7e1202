"""The mission's measure of self-sustainment: of the sessions held, the share led by an
instructor of the host nation, per year or quarter and per discipline.

A session counts once, in the period it started, by its lead instructor (the database
keeps one lead per session), when it has begun and was not cancelled. Its host nation is
the host nation of its mission; a session with no mission recorded has none, so it is
counted apart and left out of the share. Everything is counted in SQL, over the teaching
records the reader may count (`permissions.restrict(..., "count")`): a contributing
nation's officer counts only the sessions its own nation's instructors led.
"""

import datetime
from dataclasses import dataclass, field

from django import forms
from django.db.models import Count, F, Q
from django.db.models.functions import TruncQuarter, TruncYear
from django.utils.translation import gettext_lazy as _

from cadre.core import permissions, registry
from cadre.missions.models import Mission

from .models import Course, Session, SessionInstructor
from .selectors import add_months

PERIODS = {"year": TruncYear, "quarter": TruncQuarter}


class SelfSustainmentFilter(forms.Form):
    mission = forms.ModelChoiceField(
        Mission.objects.order_by("key"),
        to_field_name="key",
        required=False,
        label=_("mission"),
        empty_label=_("every mission"),
    )
    discipline = forms.ChoiceField(
        choices=[("", _("every discipline")), *Course.Discipline.choices],
        required=False,
        label=_("discipline"),
    )
    start = forms.IntegerField(min_value=1900, max_value=2999, required=False, label=_("from year"))
    end = forms.IntegerField(min_value=1900, max_value=2999, required=False, label=_("to year"))
    by = forms.ChoiceField(
        choices=[("year", _("year")), ("quarter", _("quarter"))],
        required=False,
        label=_("per"),
    )

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and end < start:
            raise forms.ValidationError(_("The period cannot end before it starts."))
        cleaned["by"] = cleaned.get("by") or "year"
        return cleaned


@dataclass
class Period:
    start: datetime.date
    led: int
    host_led: int
    by: str

    @property
    def share(self) -> float | None:
        """Host-nation share in per cent, or None when no session was led."""
        return round(100 * self.host_led / self.led, 1) if self.led else None

    @property
    def label(self) -> str:
        if self.by == "quarter":
            return f"{self.start.year} Q{(self.start.month - 1) // 3 + 1}"
        return str(self.start.year)


@dataclass
class DisciplineRow:
    discipline: str
    label: str
    led: int
    host_led: int
    periods: list[Period] = field(default_factory=list)  # one per period of the whole measure

    @property
    def share(self) -> float | None:
        return round(100 * self.host_led / self.led, 1) if self.led else None


@dataclass
class Measure:
    by: str
    periods: list[Period]
    disciplines: list[DisciplineRow]
    without_mission: int  # sessions led whose mission (hence host nation) is not recorded
    scoped_to: object  # the reader's nation when the count is of its instructors only

    @property
    def led(self) -> int:
        return sum(p.led for p in self.periods)

    @property
    def host_led(self) -> int:
        return sum(p.host_led for p in self.periods)

    @property
    def share(self) -> float | None:
        return round(100 * self.host_led / self.led, 1) if self.led else None


def leads(user, *, today, mission=None, discipline="", start=None, end=None):
    """The lead-instructor records of the sessions held by `today`, within the filters,
    among those `user` may count."""
    rows = permissions.restrict(
        SessionInstructor.objects.filter(role=SessionInstructor.Role.LEAD), user, "count"
    )
    rows = rows.filter(session__start__lte=today).exclude(session__status=Session.Status.CANCELLED)
    if mission is not None:
        rows = rows.filter(session__mission=mission)
    if discipline:
        rows = rows.filter(session__course__discipline=discipline)
    if start:
        rows = rows.filter(session__start__gte=datetime.date(start, 1, 1))
    if end:
        rows = rows.filter(session__start__lte=datetime.date(end, 12, 31))
    return rows


def _counted(rows, by, *group):
    host = Q(person__nation_id=F("session__mission__host_nation_id"))
    return (
        rows.annotate(period=PERIODS[by]("session__start"))
        .values("period", *group)
        .annotate(led=Count("pk"), host_led=Count("pk", filter=host))
        .order_by("period", *group)
    )


def _day(value) -> datetime.date:
    # Trunc gives a date on PostgreSQL and SQLite alike for a DateField; a datetime would
    # only come from a DateTimeField.
    return value.date() if isinstance(value, datetime.datetime) else value


def measure(user, *, today, by="year", **filters) -> Measure:
    """The share of sessions led by host-nation instructors, per period and per discipline."""
    rows = leads(user, today=today, **filters)
    with_mission = rows.filter(session__mission__isnull=False)
    periods = [
        Period(_day(row["period"]), row["led"], row["host_led"], by)
        for row in _counted(with_mission, by)
    ]
    labels = dict(Course.Discipline.choices)
    disciplines = {}
    for row in _counted(with_mission, by, "session__course__discipline"):
        code = row["session__course__discipline"]
        line = disciplines.setdefault(code, DisciplineRow(code, labels.get(code, code), 0, 0))
        line.led += row["led"]
        line.host_led += row["host_led"]
        line.periods.append(Period(_day(row["period"]), row["led"], row["host_led"], by))
    scoped = (
        user.nation
        if permissions.nation_bound(user, "count", registry.for_model(SessionInstructor))
        else None
    )
    return Measure(
        by=by,
        periods=periods,
        disciplines=sorted(disciplines.values(), key=lambda d: str(d.label)),
        without_mission=rows.filter(session__mission__isnull=True).count(),
        scoped_to=scoped,
    )


# The chart: one bar per period, its height the host-nation share -----------------------

WIDTH, HEIGHT = 640, 280
LEFT, RIGHT, TOP, BOTTOM = 52, 624, 24, 236
MOST_LABELS = 12
SPARK_WIDTH, SPARK_HEIGHT = 160, 32


def _y(share: float) -> float:
    return round(BOTTOM - share / 100 * (BOTTOM - TOP), 1)


def chart(result: Measure) -> dict | None:
    """The geometry of the share chart, drawn as SVG by the template; None with no data."""
    if not result.periods:
        return None
    periods = _every_period(result)
    slot = (RIGHT - LEFT) / len(periods)
    every = -(-len(periods) // MOST_LABELS)  # label every n-th period, at most 12 labels
    bars = []
    for i, period in enumerate(periods):
        share = period.share or 0
        x = LEFT + i * slot
        bars.append(
            {
                "period": period,
                "x": round(x + slot * 0.15, 1),
                "width": round(slot * 0.7, 1),
                # A share of 0 is drawn as a sliver, so that it differs from no session.
                "y": min(_y(share), BOTTOM - 2) if period.led else BOTTOM,
                "height": max(round(BOTTOM - _y(share), 1), 2) if period.led else 0,
                "centre": round(x + slot / 2, 1),
                "label_y": _y(share) - 4,
                "labelled": i % every == 0,
                "show_value": bool(period.led) and len(periods) <= MOST_LABELS,
            }
        )
    return {
        "width": WIDTH,
        "height": HEIGHT,
        "left": LEFT,
        "right": RIGHT,
        "top": TOP,
        "bottom": BOTTOM,
        "ticks": [{"value": v, "y": _y(v)} for v in (0, 25, 50, 75, 100)],
        "bars": bars,
        "x_label_y": BOTTOM + 18,
        "axis_label_x": (LEFT + RIGHT) // 2,
        "axis_label_y": HEIGHT - 6,
    }


def _every_period(result: Measure) -> list[Period]:
    """The measure's periods with those in between that had no session led, so that the
    axis runs evenly through time (an empty period shows no bar, unlike a share of 0)."""
    step = 3 if result.by == "quarter" else 12
    held = {period.start: period for period in result.periods}
    day, last, every = result.periods[0].start, result.periods[-1].start, []
    while day <= last:
        every.append(held.get(day) or Period(day, 0, 0, result.by))
        day = add_months(day, step)
    return every


def sparkline(row: DisciplineRow, periods: list[Period]) -> str:
    """SVG polyline points of one discipline's share over the measure's periods."""
    starts = [p.start for p in periods]
    if not starts:
        return ""
    step = SPARK_WIDTH / max(len(starts) - 1, 1)
    index = {start: i for i, start in enumerate(starts)}
    points = []
    for period in row.periods:
        x = round(index[period.start] * step, 1) if len(starts) > 1 else SPARK_WIDTH / 2
        y = round(SPARK_HEIGHT - 2 - (period.share or 0) / 100 * (SPARK_HEIGHT - 4), 1)
        points.append(f"{x},{y}")
    return " ".join(points)
