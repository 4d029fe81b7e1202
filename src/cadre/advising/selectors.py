"""Reads of advising: whose team is whose, ratings as they stand, how they roll up, trends.

The roll-up rule (shown on the capability page, `ROLL_UP_RULE`): an institution's rolled-up
rating is the LOWEST of its own latest approved rating and the rolled-up ratings of the
units under its command (the record's "under command of" reporting lines, function ->
department -> ministry). A ministry is taken to be no more capable than its weakest part;
a unit with no approved assessment yet does not pull its superior down or up.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import Min, Q
from django.utils.translation import gettext_lazy as _

from cadre.missions.models import Organisation, ReportingLine

from .models import Advisor, Assessment, CapabilityObjective, FollowUpAction, RatingLevel

ROLL_UP_RULE = _(
    "An institution's rolled-up rating is the lowest of its own latest approved rating and "
    "the rolled-up ratings of the units under its command (function, then department, then "
    "ministry): a ministry is rated no higher than its weakest part. Units not yet assessed "
    "are left out, and only assessments approved by the mission staff count."
)


def team_ids_of(user) -> set:
    """The advisory teams whose advisors name this user's account."""
    username = user.get_username() if user is not None else ""
    if not username:
        return set()
    return set(Advisor.objects.filter(username=username).values_list("team_id", flat=True))


def _open_on(on):
    return Q(start__lte=on) & (Q(end__isnull=True) | Q(end__gte=on))


def superiors(unit_ids, on=None) -> set:
    """`unit_ids` and every unit above them by command, as of `on` (today when None)."""
    on = on or datetime.date.today()
    seen, frontier = set(unit_ids), set(unit_ids)
    while frontier:
        above = set(
            ReportingLine.objects.filter(
                _open_on(on), unit_id__in=frontier, relation=ReportingLine.Relation.COMMAND
            ).values_list("superior_id", flat=True)
        )
        frontier = above - seen
        seen |= frontier
    return seen


def advisers_of(unit_ids) -> set:
    """The units that advise these (by "advised through" lines), whenever they did."""
    return set(
        ReportingLine.objects.filter(
            unit_id__in=unit_ids, relation=ReportingLine.Relation.ADVICE
        ).values_list("superior_id", flat=True)
    )


def advising_team_ids(institution_id, on=None) -> set:
    """The teams that advise this institution or a unit it is under: directly, or as a
    team under the command of the headquarters that advises it."""
    advisers = advisers_of(superiors({institution_id}, on))
    direct = Organisation.objects.filter(pk__in=advisers, kind=Organisation.Kind.TEAM)
    under = ReportingLine.objects.filter(
        superior_id__in=advisers,
        relation=ReportingLine.Relation.COMMAND,
        unit__kind=Organisation.Kind.TEAM,
    )
    return set(direct.values_list("pk", flat=True)) | set(under.values_list("unit_id", flat=True))


def advised_by_team(team) -> list:
    """The institutions a team advises: those advised through it, or else through the
    headquarters it is under."""
    lines = ReportingLine.objects.filter(relation=ReportingLine.Relation.ADVICE)
    direct = lines.filter(superior=team)
    if not direct.exists():
        above = ReportingLine.objects.filter(
            unit=team, relation=ReportingLine.Relation.COMMAND
        ).values("superior_id")
        direct = lines.filter(superior__in=above, superior__kind=Organisation.Kind.MISSION_HQ)
    return list(
        Organisation.objects.filter(pk__in=direct.values("unit_id")).order_by("key").distinct()
    )


def approved(mission=None):
    rows = Assessment.objects.filter(status=Assessment.Status.APPROVED)
    if mission is not None:
        rows = rows.filter(objective__mission=mission)
    return rows


def latest_ratings(mission, on) -> dict:
    """institution id -> the RatingLevel of its latest approved assessment up to `on`."""
    rows = (
        approved(mission)
        .filter(assessed_on__lte=on)
        .order_by("objective__institution_id", "-assessed_on", "-pk")
        .values_list("objective__institution_id", "level_id")
    )
    latest = {}
    for institution_id, level_id in rows:
        latest.setdefault(institution_id, level_id)
    levels = RatingLevel.objects.in_bulk(set(latest.values()))
    return {institution: levels[level] for institution, level in latest.items()}


@dataclass
class Node:
    unit: Organisation
    own: RatingLevel | None
    rolled: RatingLevel | None = None
    children: list = field(default_factory=list)
    depth: int = 0


def roll_up(mission, on=None) -> list[Node]:
    """The assessed institutions of the mission and everything above them by command, as
    trees from the top, each node with its own and its rolled-up rating (`ROLL_UP_RULE`)."""
    on = on or datetime.date.today()
    own = latest_ratings(mission, on)
    assessed = set(
        CapabilityObjective.objects.filter(mission=mission).values_list("institution_id", flat=True)
    )
    units = superiors(assessed, on)
    lines = ReportingLine.objects.filter(
        _open_on(on),
        unit_id__in=units,
        superior_id__in=units,
        relation=ReportingLine.Relation.COMMAND,
    ).values_list("unit_id", "superior_id")
    below, has_superior = {}, set()
    for unit_id, superior_id in lines:
        below.setdefault(superior_id, []).append(unit_id)
        has_superior.add(unit_id)
    organisations = Organisation.objects.in_bulk(units)

    def build(unit_id, depth, path):
        node = Node(unit=organisations[unit_id], own=own.get(unit_id), depth=depth)
        for child_id in sorted(below.get(unit_id, []), key=lambda pk: organisations[pk].name):
            if child_id not in path:
                node.children.append(build(child_id, depth + 1, path | {child_id}))
        node.rolled = lowest([node.own, *(child.rolled for child in node.children)])
        return node

    tops = sorted(units - has_superior, key=lambda pk: organisations[pk].name)
    return [build(top, 0, {top}) for top in tops]


def lowest(levels):
    """The least capable of the levels given, leaving out the missing ones."""
    present = [level for level in levels if level is not None]
    return min(present, key=lambda level: level.rank) if present else None


def flatten(nodes) -> list[Node]:
    rows = []
    for node in nodes:
        rows.append(node)
        rows.extend(flatten(node.children))
    return rows


def trend(institution, mission=None) -> list:
    """The institution's approved assessments in date order: (date, level)."""
    rows = (
        approved(mission)
        .filter(objective__institution=institution)
        .select_related("level")
        .order_by("assessed_on", "pk")
    )
    return [(row.assessed_on, row.level) for row in rows]


def full_capability(mission=None):
    """Institutions that reached full operational capability, with the first day they did."""
    rows = CapabilityObjective.objects.filter(foc_reached_on__isnull=False)
    if mission is not None:
        rows = rows.filter(mission=mission)
    return (
        rows.values("institution", "institution__name", "institution__name_ar", "institution__key")
        .annotate(reached=Min("foc_reached_on"))
        .order_by("reached", "institution__name")
    )


def overdue_actions(user, today):
    """Follow-up actions of the user's teams past their due day and not done."""
    return (
        FollowUpAction.objects.filter(
            engagement__team_id__in=team_ids_of(user), done_on__isnull=True, due_on__lt=today
        )
        .select_related("engagement", "owner")
        .order_by("due_on", "key")
    )
