"""The seat-allocation round's solver: pure functions on arrays, no Django.

A round gives each person up to five ranked nominations; each nomination has a priority
(a weight: higher counts more). Seats are held by (session, group): a nation with an
allotment in the session draws on its allotment only, nations without one draw on the
session's pool, and a session without allotments is one group. Nobody gets two seats.

- `max_priority`: the exact optimum of the total priority, as a min-cost flow
  (OR-Tools `SimpleMinCostFlow`): source -> person (1) -> allotment, pool or session
  (its seats) -> session (capacity) -> sink, beside an arc source -> sink for the people
  left without a seat. The constraint matrix is totally unimodular, so the flow optimum
  is the integral optimum. Among allocations of equal total priority the flow prefers
  the people's higher-ranked choices.
- `stable`: person-proposing deferred acceptance; nobody loses a seat to someone of lower
  priority (no blocking pair).
- `first_come`: seats in the order nominations were made, for comparison only.

Ties are broken by `order` (the nomination's id, smaller first), and every function sorts
its input by it first, so the same nominations give the same allocation in any order.
"""

import heapq
from dataclasses import dataclass

import numpy as np
from ortools.graph.python import min_cost_flow

MAX_CHOICES = 5
MODES = ("max_priority", "stable", "first_come")


@dataclass
class Problem:
    """One round as arrays. Per nomination: `person` and `session` (indices), `priority`
    (>= 1, higher counts more), `rank` (the person's choice, 1 to 5), `order` (unique,
    smaller = made earlier; the tie-break). Per person: `nation` (an index). Per session:
    `capacity` (seats left). Per allotment: `allotment_session`, `allotment_nation`,
    `allotment_seats` (seats left to that nation). `pool` per session: seats left to
    nations without an allotment, used for sessions that have allotments (default: the
    capacity less the allotments)."""

    person: np.ndarray
    session: np.ndarray
    priority: np.ndarray
    rank: np.ndarray
    order: np.ndarray
    nation: np.ndarray
    capacity: np.ndarray
    allotment_session: np.ndarray
    allotment_nation: np.ndarray
    allotment_seats: np.ndarray
    pool: np.ndarray | None = None

    def __post_init__(self):
        as_int = lambda values: np.asarray(values, dtype=np.int64)  # noqa: E731
        for name in (
            "person",
            "session",
            "priority",
            "rank",
            "order",
            "nation",
            "capacity",
            "allotment_session",
            "allotment_nation",
            "allotment_seats",
        ):
            setattr(self, name, as_int(getattr(self, name)))
        if self.pool is not None:
            self.pool = as_int(self.pool)

    @property
    def people(self) -> int:
        return len(self.nation)

    @property
    def sessions(self) -> int:
        return len(self.capacity)

    def sorted(self) -> "Problem":
        """The same problem with the nominations in `order`."""
        by = np.argsort(self.order, kind="stable")
        return Problem(
            self.person[by],
            self.session[by],
            self.priority[by],
            self.rank[by],
            self.order[by],
            self.nation,
            self.capacity,
            self.allotment_session,
            self.allotment_nation,
            self.allotment_seats,
            self.pool,
        )


@dataclass
class Allocation:
    """The nominations given a seat (indices into the problem's arrays, in `order`)."""

    mode: str
    chosen: np.ndarray
    total_priority: int
    seats: int


@dataclass
class Groups:
    """Which group of seats each nomination draws on, and each group's seats and session."""

    of_nomination: np.ndarray
    seats: np.ndarray
    session: np.ndarray
    direct: np.ndarray  # per group: True when it is a session without allotments


def groups(problem: Problem) -> Groups:
    """Allotment groups first (one per allotment), then a pool per session with
    allotments, then each session without allotments as its own group."""
    sessions = problem.sessions
    allotted = len(problem.allotment_seats)
    has_allotment = np.zeros(sessions, dtype=bool)
    has_allotment[problem.allotment_session] = True
    allotted_seats = np.bincount(
        problem.allotment_session, weights=problem.allotment_seats, minlength=sessions
    ).astype(np.int64)
    pool = problem.pool if problem.pool is not None else problem.capacity - allotted_seats
    pool = np.clip(np.minimum(pool, problem.capacity - allotted_seats), 0, None)
    pooled = np.flatnonzero(has_allotment)
    undivided = np.flatnonzero(~has_allotment)
    group_of_pool = np.full(sessions, -1, dtype=np.int64)
    group_of_pool[pooled] = allotted + np.arange(len(pooled))
    group_of_session = np.full(sessions, -1, dtype=np.int64)
    group_of_session[undivided] = allotted + len(pooled) + np.arange(len(undivided))

    nations = int(max(problem.nation.max(initial=-1), problem.allotment_nation.max(initial=-1)))
    nations += 1
    allotment_keys = problem.allotment_session * nations + problem.allotment_nation
    by_key = np.argsort(allotment_keys, kind="stable")
    nominee_nation = problem.nation[problem.person]
    keys = problem.session * nations + nominee_nation
    if allotted:
        found = np.minimum(np.searchsorted(allotment_keys[by_key], keys), allotted - 1)
        allotment = by_key[found]
        matched = allotment_keys[allotment] == keys
    else:
        allotment = np.zeros(len(keys), dtype=np.int64)
        matched = np.zeros(len(keys), dtype=bool)
    of_nomination = np.where(
        has_allotment[problem.session],
        np.where(matched, allotment, group_of_pool[problem.session]),
        group_of_session[problem.session],
    )
    seats = np.concatenate(
        [np.clip(problem.allotment_seats, 0, None), pool[pooled], problem.capacity[undivided]]
    )
    session = np.concatenate([problem.allotment_session, pooled, undivided])
    direct = np.concatenate(
        [np.zeros(allotted + len(pooled), dtype=bool), np.ones(len(undivided), dtype=bool)]
    )
    return Groups(of_nomination.astype(np.int64), seats.astype(np.int64), session, direct)


def solve(problem: Problem, mode: str) -> Allocation:
    """The allocation of `problem` in `mode`: max_priority, stable or first_come."""
    solvers = {"max_priority": max_priority, "stable": stable, "first_come": first_come}
    if mode not in solvers:
        raise ValueError(f"unknown mode {mode!r}; one of {', '.join(MODES)}")
    return solvers[mode](problem)


def _result(mode, problem, chosen) -> Allocation:
    chosen = np.sort(np.asarray(chosen, dtype=np.int64))
    return Allocation(
        mode=mode,
        chosen=chosen,
        total_priority=int(problem.priority[chosen].sum()),
        seats=len(chosen),
    )


def _in_order(problem: Problem):
    """The problem sorted by order, and the map from sorted positions back to the caller's."""
    back = np.argsort(problem.order, kind="stable")
    return problem.sorted(), back


def max_priority(problem: Problem) -> Allocation:
    """The exact optimum of total priority (min-cost flow)."""
    sorted_problem, back = _in_order(problem)
    p = sorted_problem
    g = groups(p)
    nominations = len(p.person)
    people, sessions, group_count = p.people, p.sessions, len(g.seats)
    source, sink = 0, 1
    person_node = 2 + np.arange(people)
    session_node = 2 + people + np.arange(sessions)
    group_node = 2 + people + sessions + np.arange(group_count)
    # A nomination of a session without allotments goes straight to the session node.
    target = np.where(g.direct[g.of_nomination], session_node[g.session[g.of_nomination]], 0)
    target = np.where(g.direct[g.of_nomination], target, group_node[g.of_nomination])
    # Primary: the total priority; within it, the people's higher choices. The secondary
    # term adds at most MAX_CHOICES per person, less than one unit of priority in total.
    scale = MAX_CHOICES * (people + 1) + 1
    preference = MAX_CHOICES - np.clip(p.rank, 1, MAX_CHOICES)
    cost = -(p.priority * scale + preference)
    pooled = ~g.direct
    tails = np.concatenate(
        [
            np.full(people, source),
            person_node[p.person],
            group_node[pooled],
            session_node,
            [source],
        ]
    )
    heads = np.concatenate(
        [person_node, target, session_node[g.session[pooled]], np.full(sessions, sink), [sink]]
    )
    capacities = np.concatenate(
        [
            np.ones(people, dtype=np.int64),
            np.ones(nominations, dtype=np.int64),
            g.seats[pooled],
            np.clip(p.capacity, 0, None),
            [people],
        ]
    )
    costs = np.concatenate(
        [
            np.zeros(people, dtype=np.int64),
            cost,
            np.zeros(int(pooled.sum()) + sessions + 1, dtype=np.int64),
        ]
    )
    flow = min_cost_flow.SimpleMinCostFlow()
    arcs = flow.add_arcs_with_capacity_and_unit_cost(
        tails.astype(np.int32),
        heads.astype(np.int32),
        capacities.astype(np.int64),
        costs.astype(np.int64),
    )
    supplies = np.zeros(2 + people + sessions + group_count, dtype=np.int64)
    supplies[source], supplies[sink] = people, -people
    flow.set_nodes_supplies(np.arange(len(supplies), dtype=np.int32), supplies)
    status = flow.solve()
    if status != flow.OPTIMAL:
        raise RuntimeError(f"the min-cost flow did not solve: status {status}")
    used = flow.flows(arcs[people : people + nominations]) > 0
    return _result("max_priority", problem, back[np.flatnonzero(used)])


def stable(problem: Problem) -> Allocation:
    """Person-proposing deferred acceptance: each person proposes in the order of their
    choices; each group of seats keeps the highest priorities it is offered (then the
    earliest nominations). The result has no blocking pair."""
    sorted_problem, back = _in_order(problem)
    p = sorted_problem
    g = groups(p)
    group_of = g.of_nomination.tolist()
    priority = p.priority.tolist()
    # Each person's nominations, best choice first (rank, then order).
    by = np.lexsort((np.arange(len(p.person)), p.rank, p.person))
    people = p.person[by]
    starts = np.searchsorted(people, np.arange(p.people + 1))
    choices = by.tolist()
    next_choice = starts[:-1].tolist()
    last_choice = starts[1:].tolist()
    seats = g.seats.tolist()
    held = [[] for _ in seats]  # per group: a heap of (priority, -index, index), worst first
    free = [
        person
        for person in range(p.people - 1, -1, -1)
        if next_choice[person] < last_choice[person]
    ]
    while free:
        person = free.pop()
        while next_choice[person] < last_choice[person]:
            nomination = choices[next_choice[person]]
            next_choice[person] += 1
            group = group_of[nomination]
            if seats[group] <= 0:
                continue
            entry = (priority[nomination], -nomination, nomination)
            heap = held[group]
            if len(heap) < seats[group]:
                heapq.heappush(heap, entry)
                person = -1
                break
            if entry > heap[0]:
                rejected = heapq.heapreplace(heap, entry)[2]
                person = int(p.person[rejected])
                continue  # the rejected person proposes on
        # A person out of choices stays without a seat.
    chosen = [entry[2] for heap in held for entry in heap]
    return _result("stable", problem, back[np.asarray(chosen, dtype=np.int64)])


def first_come(problem: Problem) -> Allocation:
    """Each nomination in the order it was made takes a seat if one is free in its group
    and its person holds none yet."""
    sorted_problem, back = _in_order(problem)
    p = sorted_problem
    g = groups(p)
    seats = g.seats.tolist()
    seated = bytearray(p.people)
    chosen = []
    pairs = zip(p.person.tolist(), g.of_nomination.tolist(), strict=True)
    for index, (person, group) in enumerate(pairs):
        if not seated[person] and seats[group] > 0:
            seats[group] -= 1
            seated[person] = 1
            chosen.append(index)
    return _result("first_come", problem, back[np.asarray(chosen, dtype=np.int64)])


def generate(people: int, sessions: int, *, seed: int = 1, choices_mean: float = 2.7) -> Problem:
    """A random round like the mission's: sessions of 12 to 40 seats, most of them with
    nation allotments, about `choices_mean` ranked nominations a person, priorities 1 to 5
    (few high), nominations made in random order. For the benchmark and the tests."""
    rng = np.random.default_rng(seed)
    nations = 12
    nation = rng.choice(nations, size=people, p=_nation_shares(nations))
    capacity = rng.integers(12, 41, size=sessions)
    counts = np.clip(rng.poisson(choices_mean - 1, size=people) + 1, 1, min(MAX_CHOICES, sessions))
    person = np.repeat(np.arange(people), counts)
    rank = np.concatenate([np.arange(1, c + 1) for c in counts]) if people else np.array([])
    # Popular sessions draw more nominations: the round is for oversubscribed ones.
    popularity = rng.pareto(1.5, size=sessions) + 1
    session = _distinct_sessions(rng, counts, sessions, popularity / popularity.sum())
    priority = rng.choice([1, 2, 3, 4, 5], size=len(person), p=[0.35, 0.25, 0.2, 0.12, 0.08])
    order = rng.permutation(len(person))
    allotment_session, allotment_nation, allotment_seats = [], [], []
    for s in np.flatnonzero(rng.random(sessions) < 0.7):
        left = int(capacity[s])
        for n in rng.choice(nations, size=3, replace=False, p=_nation_shares(nations)):
            seats = int(rng.integers(1, max(2, left // 2)))
            if seats <= 0 or left - seats < 0:
                break
            allotment_session.append(s)
            allotment_nation.append(n)
            allotment_seats.append(seats)
            left -= seats
    return Problem(
        person=person,
        session=session,
        priority=priority,
        rank=rank,
        order=order,
        nation=nation,
        capacity=capacity,
        allotment_session=np.asarray(allotment_session, dtype=np.int64),
        allotment_nation=np.asarray(allotment_nation, dtype=np.int64),
        allotment_seats=np.asarray(allotment_seats, dtype=np.int64),
    )


def _nation_shares(nations):
    shares = np.ones(nations)
    shares[0] = nations * 2  # the host nation nominates most
    return shares / shares.sum()


def _distinct_sessions(rng, counts, sessions, weights):
    """For each person, `count` different sessions drawn by popularity."""
    total = int(counts.sum())
    drawn = rng.choice(sessions, size=total * 2, p=weights)
    out = np.empty(total, dtype=np.int64)
    position = 0
    cursor = 0
    for count in counts.tolist():
        mine = []
        while len(mine) < count:
            if cursor >= len(drawn):
                drawn = rng.choice(sessions, size=total, p=weights)
                cursor = 0
            candidate = int(drawn[cursor])
            cursor += 1
            if candidate not in mine:
                mine.append(candidate)
        out[position : position + count] = mine
        position += count
    return out
