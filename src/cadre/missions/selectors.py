"""Reads of the mission record for pages, API and reports.

Every function takes the user and returns only what that user may see (through
`cadre.core.permissions.restrict`). Each page's reads are a fixed number of queries,
whatever the number of rows: related rows come by select_related or prefetch_related.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import Prefetch, Q

from cadre.core import paging, registry
from cadre.core.dates import DatePrecision
from cadre.core.filtersets import filterset_for
from cadre.core.permissions import restrict
from cadre.sources.models import Source

from .models import (
    Appointment,
    ForceLevel,
    Mandate,
    Mission,
    MissionLocation,
    MissionName,
    Organisation,
    Participation,
    ReportingLine,
    ScopeChange,
    TimelineEvent,
)

# How long before the governing agreement ends the mission page starts warning.
WARNING_DAYS = 180
RECENT_EVENTS = 10


def home_summary(user):
    """Figures for the home page, each counted from the records the user may see."""
    events, events_capped = paging.capped_count(restrict(TimelineEvent.objects.all(), user))
    return {
        "missions": restrict(Mission.objects.all(), user).count(),
        "active_missions": restrict(Mission.objects.filter(status=Mission.Status.ACTIVE), user),
        "events": events,
        "events_capped": events_capped,
    }


def valid_on(on: datetime.date, start="start", end="end") -> Q:
    """Rows whose period from `start` to `end` (open when unset) covers the day `on`.

    An end known only to the month or year ("until December 2011") lasts to the end of
    that month or year; dates are stored as the first day of their period.
    """
    ends_later = (
        Q(**{f"{end}__isnull": True})
        | Q(**{f"{end}__gte": on})
        | Q(**{f"{end}_precision": DatePrecision.MONTH, f"{end}__gte": on.replace(day=1)})
        | Q(**{f"{end}_precision": DatePrecision.YEAR, f"{end}__gte": on.replace(month=1, day=1)})
    )
    return Q(**{f"{start}__lte": on}) & ends_later


def _cited(user):
    return Prefetch("sources", queryset=restrict(Source.objects.all(), user))


@dataclass
class MandateOnDay:
    mandate: Mandate
    state: str  # "valid", "expired" or "pending" on the day shown


@dataclass
class PresenceWarning:
    mandate: Mandate
    days_left: int


def _mandate_state(mandate: Mandate, on: datetime.date) -> str:
    if mandate.is_valid_on(on):
        return "valid"
    if mandate.valid_until and mandate.valid_until < on:
        return "expired"
    return "pending"


def _governing(mandates: list[Mandate], on: datetime.date) -> Mandate | None:
    """The agreement governing the presence on `on`, else the last one there was."""
    governing = [m for m in mandates if m.governs_presence]
    in_force = [m for m in governing if m.is_valid_on(on)]
    candidates = in_force or governing
    return max(candidates, key=lambda m: m.valid_until or datetime.date.max, default=None)


def presence_warning(mandates: list[Mandate], on: datetime.date) -> PresenceWarning | None:
    """A warning when the agreement in force on `on` ends within WARNING_DAYS of it."""
    governing = _governing(mandates, on)
    if governing is None or governing.valid_until is None or not governing.is_valid_on(on):
        return None
    days_left = (governing.valid_until - on).days
    if days_left > WARNING_DAYS:
        return None
    return PresenceWarning(mandate=governing, days_left=days_left)


def mission_record(user, key: str, on: datetime.date) -> dict | None:
    """Everything the mission page shows, as it stood on `on`; None when not visible."""
    missions = restrict(
        Mission.objects.select_related("parent_organisation", "host_nation", "predecessor"), user
    )
    mission = (
        missions.filter(key=key)
        .prefetch_related(
            Prefetch(
                "former_names",
                queryset=restrict(MissionName.objects.order_by("used_from"), user).prefetch_related(
                    _cited(user)
                ),
            ),
            Prefetch(
                "mandates",
                queryset=restrict(
                    Mandate.objects.order_by("signed_on", "valid_from", "pk"), user
                ).prefetch_related(_cited(user)),
            ),
            Prefetch(
                "force_levels",
                queryset=restrict(
                    ForceLevel.objects.select_related("source").order_by("as_of", "kind", "pk"),
                    user,
                ),
            ),
            Prefetch(
                "scope_changes",
                queryset=restrict(
                    ScopeChange.objects.order_by("date", "pk"), user
                ).prefetch_related(_cited(user)),
            ),
            Prefetch(
                "sites",
                queryset=restrict(
                    MissionLocation.objects.select_related("location").order_by(
                        "location__name", "pk"
                    ),
                    user,
                ).prefetch_related(_cited(user)),
            ),
            Prefetch(
                "participations",
                queryset=restrict(
                    Participation.objects.select_related("nation").order_by("role", "nation__name"),
                    user,
                ).prefetch_related(_cited(user)),
            ),
            Prefetch("successors", queryset=missions.order_by("start")),
        )
        .first()
    )
    if mission is None:
        return None
    mandates = list(mission.mandates.all())
    command = (
        restrict(Appointment.objects.select_related("organisation", "nation"), user)
        .filter(
            valid_on(on),
            organisation__mission=mission,
            organisation__kind=Organisation.Kind.MISSION_HQ,
        )
        .prefetch_related(_cited(user))
        .order_by("start", "pk")
    )
    events = restrict(TimelineEvent.objects.filter(missions=mission), user)
    event_count, event_count_capped = paging.capped_count(events)
    recent_events = events.order_by("-date", "-pk").prefetch_related(_cited(user))[:RECENT_EVENTS]
    ended_by = _governing(mandates, mission.end) if mission.end else None
    return {
        "mission": mission,
        "mandates": [MandateOnDay(m, _mandate_state(m, on)) for m in mandates],
        "warning": presence_warning(mandates, on),
        "ended_by": ended_by if ended_by and not ended_by.extended else None,
        "command": list(command),
        "recent_events": list(recent_events),
        "event_count": event_count,
        "event_count_capped": event_count_capped,
        "locations": _unique_locations(mission.sites.all()),
    }


def _unique_locations(sites):
    seen = {}
    for site in sites:
        seen.setdefault(site.location_id, site.location)
    return list(seen.values())


def timeline(user, params, *, cursor: str | None, newest_first: bool):
    """(filterset, page) of timeline events matching `params`, one keyset page of them."""
    events = restrict(TimelineEvent.objects.all(), user).prefetch_related(
        Prefetch("missions", queryset=restrict(Mission.objects.order_by("start"), user)),
        Prefetch("actors", queryset=restrict(Organisation.objects.all(), user)),
        _cited(user),
    )
    filterset = filterset_for(registry.get("events"))(params or None, queryset=events)
    for choice in filterset.filters.values():
        if getattr(choice, "queryset", None) is not None:
            choice.queryset = restrict(choice.queryset, user)
    if filterset.is_bound:
        events = filterset.qs if filterset.is_valid() else events.none()
    page = paging.keyset_page(
        events, sort_field="date", descending=newest_first, cursor=cursor, size=paging.PAGE_SIZE
    )
    return filterset, page


@dataclass
class ChainNode:
    unit: Organisation
    line: ReportingLine | None  # the line up to the node above; None for a top
    other_lines: list = field(default_factory=list)  # further lines up, e.g. coordination
    holders: list = field(default_factory=list)
    children: list = field(default_factory=list)


@dataclass
class Chain:
    roots: list
    loops: list  # lines among units that report to each other in a circle, with no top

    def rows(self):
        """The tree in reading order, flat, for a page to draw without recursion.

        Each row is (node, depth, closes): after a unit with no units below it, `closes`
        (a range) counts the enclosing lists that end there. A chain may be deeper than Python's
        recursion (or the template engine's) allows; walking it with a stack never is.
        """
        rows = []
        stack = [
            (root, 0, index == len(self.roots) - 1)
            for index, root in reversed(list(enumerate(self.roots)))
        ]
        last_in_list = []  # for each open level: is the node that opened it its list's last?
        while stack:
            node, depth, is_last = stack.pop()
            del last_in_list[depth:]
            last_in_list.append(is_last)
            if node.children:
                rows.append((node, depth, range(0)))
                count = len(node.children)
                stack.extend(
                    (child, depth + 1, index == count - 1)
                    for index, child in reversed(list(enumerate(node.children)))
                )
                continue
            closes = 0
            for level in range(depth, 0, -1):
                if not last_in_list[level]:
                    break
                closes += 1
            rows.append((node, depth, range(closes)))
        return rows


# A unit with several lines up hangs in the tree by the strongest; the others are listed.
RELATION_STRENGTH = [
    ReportingLine.Relation.COMMAND,
    ReportingLine.Relation.DIRECTION,
    ReportingLine.Relation.ADVICE,
    ReportingLine.Relation.COORDINATION,
]


def chain_of_command(user, on: datetime.date) -> Chain:
    """The tree of reporting lines valid on `on`, with each unit's post holders that day."""
    lines = list(
        restrict(ReportingLine.objects.select_related("unit", "superior"), user)
        .filter(valid_on(on))
        .order_by("unit__name", "pk")
    )
    unit_ids = {line.unit_id for line in lines} | {line.superior_id for line in lines}
    holders: dict[int, list] = {}
    appointments = (
        restrict(Appointment.objects.select_related("nation"), user)
        .filter(valid_on(on), organisation_id__in=unit_ids)
        .order_by("start", "pk")
    )
    for appointment in appointments:
        holders.setdefault(appointment.organisation_id, []).append(appointment)

    lines_up: dict[int, list] = {}
    for line in lines:
        lines_up.setdefault(line.unit_id, []).append(line)
    for ups in lines_up.values():
        ups.sort(key=lambda line: (RELATION_STRENGTH.index(line.relation), line.superior.name))
    below: dict[int, list] = {}
    for ups in lines_up.values():
        below.setdefault(ups[0].superior_id, []).append(ups[0])
    tops = {
        line.superior_id: line.superior
        for line in lines
        if line.superior_id not in lines_up and line.superior_id in below
    }
    placed: set[int] = set()

    # Each unit hangs by exactly one line, so units whose lines run in a circle are never
    # reached from a top: the descent ends, and those lines are reported as `loops`.
    # Grown with a stack, not by recursion: a chain may be as deep as the record says.
    def grow(top):
        root = ChainNode(unit=top, line=None, holders=holders.get(top.pk, []))
        placed.add(top.pk)
        size, stack = 1, [root]
        while stack:
            node = stack.pop()
            for child_line in below.get(node.unit.pk, []):
                unit = child_line.unit
                placed.add(unit.pk)
                child = ChainNode(
                    unit=unit,
                    line=child_line,
                    other_lines=lines_up.get(unit.pk, [])[1:],
                    holders=holders.get(unit.pk, []),
                )
                node.children.append(child)
                stack.append(child)
                size += 1
        return size, root

    # The largest tree (the Alliance's own chain) first, then the host nation's.
    grown = [grow(unit) for unit in tops.values()]
    roots = [root for _size, root in sorted(grown, key=lambda g: (-g[0], g[1].unit.name))]
    loops = [line for line in lines if line.unit_id not in placed]
    return Chain(roots=roots, loops=loops)
