"""Allocation rounds: reading a round from the database into the solver's arrays, comparing
its modes, and confirming it through the locked enrolment service.

The solver (`allocation`) knows nothing of Django; this module gives it what is left of
each session when the round is run or confirmed: seats already held (by enrolments made
by hand since, too) are taken off the capacities and allotments, and people who already
hold a seat in one of the round's sessions get no second one.
"""

import time
from collections import defaultdict
from dataclasses import dataclass

import numpy as np
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cadre.audit.context import Actor, acting_as, current_actor
from cadre.audit.models import ChangeAction
from cadre.audit.services import record_change
from cadre.core import jobs, permissions
from cadre.core.roles import Role, role_of
from cadre.core.services import OPERATOR, service_for

from . import allocation
from .models import AllocationRound, Enrolment, Nomination, Session
from .selectors import array_literal
from .services import KeyedService

# Rounds with more nominations than this run as a background job from the page and the API.
BACKGROUND_FROM = 10_000
# Who runs and confirms rounds: those who run the training.
ALLOCATORS = frozenset({Role.ADMIN, Role.TRAINING_OFFICER})
# A round weighs a nomination's priority (1 is the first) as points: 1 counts 5, 5 counts 1.
PRIORITY_LEVELS = 5
MODES = tuple(AllocationRound.Mode.values)


def weight(priority: int) -> int:
    """The points a nomination of this priority counts for in the round's total."""
    return max(1, PRIORITY_LEVELS + 1 - int(priority))


def may_allocate(user, allocation_round=None) -> bool:
    if user is OPERATOR:
        return True
    return role_of(user) in ALLOCATORS and (
        allocation_round is None or permissions.may_write_object(user, "change", allocation_round)
    )


NOT_AN_ALLOCATOR = gettext_lazy(
    "Only an administrator or a training officer runs allocation rounds."
)


@dataclass
class RoundProblem:
    """A round as the solver sees it, and what each array index stands for in the database."""

    problem: allocation.Problem
    nomination_ids: np.ndarray
    person_ids: np.ndarray
    session_ids: np.ndarray
    left_out: int  # nominations not taken: the person holds a seat already, or the session is shut


def _noop(stage, done, total):
    pass


# The round's submitted nominations, with each nominee's nation and whether the nomination
# takes part: not when its session is shut (no capacity or end, cancelled or completed), nor
# when the person already holds a seat in one of the round's sessions.
_NOMINATIONS_SQL = """
WITH nominated AS (
    SELECT id, person_id, session_id, priority, preference FROM training_nomination
    WHERE allocation_round_id = %s AND status = %s
), seated AS (
    SELECT DISTINCT e.person_id FROM training_enrolment e
    WHERE e.session_id IN (SELECT session_id FROM nominated) AND e.status IN (%s, %s, %s)
)
SELECT n.id, n.person_id, p.nation_id, n.session_id, n.priority, COALESCE(n.preference, 0),
    CASE WHEN s.capacity IS NULL OR s."end" IS NULL OR s.status IN (%s, %s)
        OR n.person_id IN (SELECT person_id FROM seated) THEN 0 ELSE 1 END
FROM nominated n
JOIN training_person p ON p.id = n.person_id
JOIN training_session s ON s.id = n.session_id
ORDER BY n.id
"""

# Per session of the round and nation: the seats allotted to the nation (NULL: none) and
# the seats its people hold now; a session with neither has one row of NULL nation.
_SEATS_SQL = """
WITH sessions AS (
    SELECT DISTINCT session_id AS id FROM training_nomination
    WHERE allocation_round_id = %s AND status = %s
), by_nation AS (
    SELECT a.session_id, a.nation_id, a.seats AS allotted, 0 AS held
    FROM training_seatallotment a WHERE a.session_id IN (SELECT id FROM sessions)
    UNION ALL
    SELECT e.session_id, p.nation_id, NULL, 1
    FROM training_enrolment e JOIN training_person p ON p.id = e.person_id
    WHERE e.session_id IN (SELECT id FROM sessions) AND e.status IN (%s, %s, %s)
)
SELECT s.id, COALESCE(s.capacity, 0), b.nation_id, MAX(b.allotted), COALESCE(SUM(b.held), 0)
FROM training_session s
JOIN sessions r ON r.id = s.id
LEFT JOIN by_nation b ON b.session_id = s.id
GROUP BY s.id, s.capacity, b.nation_id
ORDER BY s.id, b.nation_id
"""


def _rows(sql, params) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def read_problem(allocation_round) -> RoundProblem:
    """The round's submitted nominations and the seats left in its sessions, now: two
    queries, read straight into the solver's arrays."""
    submitted = Nomination.Status.SUBMITTED
    rows = _rows(
        _NOMINATIONS_SQL,
        [allocation_round.pk, submitted, *Enrolment.SEATED]
        + [Session.Status.CANCELLED, Session.Status.COMPLETED],
    )
    if not rows:
        empty = np.zeros(0, dtype=np.int64)
        problem = allocation.Problem(*(empty,) * 10)
        return RoundProblem(problem, empty, empty, empty, 0)
    table = np.array(rows, dtype=np.int64)
    keep = table[:, 6] == 1
    left_out = int((~keep).sum())
    ids, person_ids, nations, session_ids, priorities, preferences = table[keep, :6].T

    seat_rows = _rows(_SEATS_SQL, [allocation_round.pk, submitted, *Enrolment.SEATED])
    people, person_index = np.unique(person_ids, return_inverse=True)
    used_sessions, session_index = np.unique(session_ids, return_inverse=True)
    allotted_nations = [row[2] for row in seat_rows if row[3] is not None]
    nation_codes, nation_index = np.unique(
        np.concatenate([nations, np.asarray(allotted_nations, dtype=np.int64)]),
        return_inverse=True,
    )
    nation_of = dict(zip(nation_codes.tolist(), range(len(nation_codes)), strict=True))
    person_nation = np.zeros(len(people), dtype=np.int64)
    person_nation[person_index] = nation_index[: len(person_index)]

    # Per session: capacity, seats held, allotments {nation: (seats, held)}, held outside them.
    capacity_of, held_in, allotted_in, pool_held = {}, defaultdict(int), defaultdict(dict), {}
    for session_id, capacity, nation_id, allotted, held in seat_rows:
        capacity_of[session_id] = capacity
        held_in[session_id] += held
        if allotted is not None:
            allotted_in[session_id][nation_id] = (allotted, held)
        else:
            pool_held[session_id] = pool_held.get(session_id, 0) + held
    capacity, pool = [], []
    allotment_session, allotment_nation, allotment_seats = [], [], []
    for index, session_id in enumerate(used_sessions.tolist()):
        total = capacity_of[session_id]
        capacity.append(max(total - held_in[session_id], 0))
        allotted = allotted_in.get(session_id, {})
        for nation_id, (seats, held) in sorted(allotted.items()):
            allotment_session.append(index)
            allotment_nation.append(nation_of[nation_id])
            allotment_seats.append(max(seats - held, 0))
        outside = sum(seats for seats, _held in allotted.values())
        pool.append(max(total - outside - pool_held.get(session_id, 0), 0))
    problem = allocation.Problem(
        person=person_index,
        session=session_index,
        priority=np.maximum(1, PRIORITY_LEVELS + 1 - priorities),
        rank=np.where(preferences > 0, preferences, allocation.MAX_CHOICES),
        order=ids,
        nation=person_nation,
        capacity=capacity,
        allotment_session=allotment_session,
        allotment_nation=allotment_nation,
        allotment_seats=allotment_seats,
        pool=pool,
    )
    return RoundProblem(problem, ids.copy(), people, used_sessions, left_out)


def mark_allocated(allocation_round, nomination_ids):
    """The round's nominations `nomination_ids` become allocated, each one version on: one
    UPDATE joined to the ids as an array on PostgreSQL, in chunks of 5,000 elsewhere."""
    ids = sorted(int(pk) for pk in nomination_ids)
    if not ids:
        return
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "UPDATE training_nomination AS n SET status = %s, version = n.version + 1"
                " FROM unnest(%s::bigint[]) AS chosen(id)"
                " WHERE n.id = chosen.id AND n.allocation_round_id = %s",
                [Nomination.Status.ALLOCATED, array_literal(ids), allocation_round.pk],
            )
        return
    for start in range(0, len(ids), 5000):
        Nomination.objects.filter(
            allocation_round=allocation_round, pk__in=ids[start : start + 5000]
        ).update(status=Nomination.Status.ALLOCATED, version=F("version") + 1)


def compare(round_problem: RoundProblem) -> dict:
    """Each mode's total priority, seats filled and solve time, on the same problem."""
    figures = {"nominations": len(round_problem.nomination_ids), "left_out": round_problem.left_out}
    for mode in allocation.MODES:
        started = time.perf_counter()
        result = allocation.solve(round_problem.problem, mode)
        figures[mode] = {
            "total_priority": result.total_priority,
            "seats": result.seats,
            "solve_s": round(time.perf_counter() - started, 3),
        }
    return figures


class AllocationRoundService(KeyedService):
    """Runs (compares) and confirms allocation rounds; only those who run the training may."""

    def key_parts(self, obj):
        return ["round", obj.title]

    def _require_allocator(self, user, allocation_round):
        if not may_allocate(user, allocation_round):
            raise PermissionDenied(NOT_AN_ALLOCATOR)
        if allocation_round.status == AllocationRound.Status.CONFIRMED:
            raise ValidationError(
                _("The round was confirmed on %(day)s: it is not run again.")
                % {"day": timezone.localtime(allocation_round.confirmed_at).date()}
            )

    def run(self, allocation_round, *, user, progress=_noop):
        """Compare max-priority, stable and first-come on the round as it stands; keep the
        figures on the round. Writes no enrolment. Returns the round."""
        allocation_round = AllocationRound.objects.get(pk=allocation_round.pk)
        self._require_allocator(user, allocation_round)
        progress("read", 0, 1)
        round_problem = read_problem(allocation_round)
        progress("read", 1, 1)
        progress("solve", 0, 1)
        allocation_round.comparison = compare(round_problem)
        progress("solve", 1, 1)
        allocation_round.status = AllocationRound.Status.COMPARED
        allocation_round.ran_at = timezone.now()
        return self.save(allocation_round, user=user)

    def confirm(self, allocation_round, *, mode, user, progress=_noop):
        """Allocate the round's seats in `mode` and enrol the people chosen.

        The round's sessions are locked first, then the round is read and solved again for
        what is left: enrolments made by hand since it ran keep their seats. The
        enrolments are written in one batch by `EnrolmentService.enrol_many`, under the
        same locks; the chosen nominations become allocated. Returns the round."""
        if mode not in MODES:
            raise ValidationError(
                {"mode": _("Choose the mode: %(modes)s.") % {"modes": ", ".join(MODES)}}
            )
        allocation_round = AllocationRound.objects.get(pk=allocation_round.pk)
        self._require_allocator(user, allocation_round)
        enrolments = service_for(Enrolment)
        with transaction.atomic():
            session_ids = [
                session_id
                for (session_id,) in _rows(
                    "SELECT DISTINCT session_id FROM training_nomination"
                    " WHERE allocation_round_id = %s",
                    [allocation_round.pk],
                )
            ]
            enrolments.lock_sessions(session_ids)
            progress("read", 0, 1)
            round_problem = read_problem(allocation_round)
            progress("read", 1, 1)
            progress("solve", 0, 1)
            result = allocation.solve(round_problem.problem, mode)
            progress("solve", 1, 1)
            problem = round_problem.problem
            seats = np.column_stack(
                [
                    round_problem.person_ids[problem.person[result.chosen]],
                    round_problem.session_ids[problem.session[result.chosen]],
                ]
            )
            progress("write", 0, len(seats))
            # The nominations first, while the round's rows are still in the database's
            # cache from the read; a refused batch below rolls this back too.
            chosen_ids = round_problem.nomination_ids[result.chosen]
            mark_allocated(allocation_round, chosen_ids)
            enrolments.enrol_many(
                seats,
                user=user,
                message=_("Seats allocated by the round %(round)s (%(mode)s).")
                % {"round": allocation_round.key, "mode": mode},
            )
            if len(chosen_ids) and current_actor().record_fields:
                record_change(
                    model=Nomination,
                    action=ChangeAction.UPDATE,
                    message=_("%(count)s nominations allocated a seat by the round %(round)s.")
                    % {"count": len(chosen_ids), "round": allocation_round.key},
                )
            progress("write", len(seats), len(seats))
            comparison = dict(allocation_round.comparison or {})
            if any(name not in comparison for name in allocation.MODES):
                comparison.update(compare(round_problem))  # confirmed without being run first
            comparison["confirmed"] = {
                "mode": mode,
                "total_priority": result.total_priority,
                "seats": result.seats,
            }
            allocation_round.comparison = comparison
            allocation_round.status = AllocationRound.Status.CONFIRMED
            allocation_round.mode = mode
            allocation_round.ran_at = allocation_round.ran_at or timezone.now()
            allocation_round.confirmed_at = timezone.now()
            allocation_round.seats_confirmed = result.seats
            return self.save(allocation_round, user=user)


def nominations_count(allocation_round) -> int:
    return Nomination.objects.filter(
        allocation_round=allocation_round, status=Nomination.Status.SUBMITTED
    ).count()


MODE_LABELS = {
    "max_priority": gettext_lazy("max-priority (exact optimum)"),
    "stable": gettext_lazy("stable (deferred acceptance)"),
    "first_come": gettext_lazy("first-come (for comparison)"),
}


def round_comparison(allocation_round, user) -> dict:
    """The round's page: each mode's total priority and seats side by side, drawn as bars,
    and the forms to run and confirm the round for who may."""
    figures = allocation_round.comparison or {}
    rows = []
    best = max(
        (figures.get(mode, {}).get("total_priority", 0) for mode in allocation.MODES), default=0
    )
    most_seats = max(
        (figures.get(mode, {}).get("seats", 0) for mode in allocation.MODES), default=0
    )
    for mode in allocation.MODES:
        if mode not in figures:
            continue
        total = figures[mode]["total_priority"]
        rows.append(
            {
                "mode": mode,
                "label": MODE_LABELS[mode],
                "total_priority": total,
                "seats": figures[mode]["seats"],
                "share": round(100 * total / best, 1) if best else None,
                "loss": round(100 * (best - total) / best, 1) if best else None,
            }
        )
    may = may_allocate(user, allocation_round)
    open_round = allocation_round.status != AllocationRound.Status.CONFIRMED
    return {
        "round": allocation_round,
        "rows": rows,
        "chart": _bars(rows, best, most_seats) if rows else None,
        "nominations": figures.get("nominations"),
        "left_out": figures.get("left_out"),
        "confirmed": figures.get("confirmed"),
        "may_run": may and open_round,
        "modes": [(mode, MODE_LABELS[mode]) for mode in MODES],
        "background": nominations_count(allocation_round) > BACKGROUND_FROM if may else False,
    }


def _bars(rows, best, most_seats) -> dict:
    """Bar geometry: one bar per mode for the total priority, one for the seats."""
    left, width, bar, gap = 190, 300, 16, 6
    groups, y = [], 28
    for measure, top in (("total_priority", best), ("seats", most_seats)):
        bars = []
        for row in rows:
            value = row[measure]
            length = round(width * value / top) if top else 0
            bars.append(
                {"mode": row["mode"], "label": row["label"], "y": y, "width": length,
                 "value": value, "text_x": left + length + 4, "text_y": y + bar - 4}
            )  # fmt: skip
            y += bar + gap
        groups.append(
            {"measure": measure, "bars": bars, "title_y": y - len(rows) * (bar + gap) - 8}
        )
        y += 26
    return {"width": left + width + 80, "height": y, "left": left, "bar": bar, "groups": groups}


@jobs.task()
def run_allocation_job(job_id: int):
    """A round too large for a request: run (compare) or confirm it as who started it."""
    with jobs.running(job_id) as job:
        params = job.params
        allocation_round = AllocationRound.objects.get(pk=params["round"])
        stages = {"read": 0, "solve": 1, "write": 2}

        def progress(stage, done, total):
            finished = stages[stage] + (1 if total and done >= total else 0)
            jobs.advance(job, finished, 3)

        service = service_for(AllocationRound)
        with acting_as(Actor(channel="web", user=job.user)):
            if params["action"] == "confirm":
                done = service.confirm(
                    allocation_round, mode=params["mode"], user=job.user, progress=progress
                )
            else:
                done = service.run(allocation_round, user=job.user, progress=progress)
        jobs.advance(job, 3, 3)
        job.result = {"round": done.pk, "key": done.key, "status": done.status}


def start_job(allocation_round, *, action, user, mode=""):
    return jobs.start(
        run_allocation_job,
        kind="allocation",
        user=user,
        title=_("Allocation round %(round)s") % {"round": allocation_round.key},
        params={"round": allocation_round.pk, "action": action, "mode": mode},
    )
