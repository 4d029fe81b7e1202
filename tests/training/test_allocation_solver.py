"""The allocation solver on arrays: optimum, stability, seats and determinism."""

import itertools

import numpy as np
import pytest

from cadre.training import allocation
from cadre.training.allocation import Problem


def problem(nominations, nation, capacity, allotments=()):
    """nominations: (person, session, priority, rank) in the order they were made."""
    person, session, priority, rank = zip(*nominations, strict=True)
    a_session, a_nation, a_seats = zip(*allotments, strict=True) if allotments else ((), (), ())
    return Problem(
        person=person,
        session=session,
        priority=priority,
        rank=rank,
        order=range(len(nominations)),
        nation=nation,
        capacity=capacity,
        allotment_session=a_session,
        allotment_nation=a_nation,
        allotment_seats=a_seats,
    )


def feasible(p: Problem, chosen) -> bool:
    chosen = list(chosen)
    if len({int(p.person[i]) for i in chosen}) != len(chosen):
        return False
    g = allocation.groups(p)
    used_groups = np.bincount(g.of_nomination[chosen], minlength=len(g.seats))
    used_sessions = np.bincount(p.session[chosen], minlength=p.sessions)
    return bool((used_groups <= g.seats).all() and (used_sessions <= p.capacity).all())


def brute_force_best(p: Problem) -> int:
    by_person = {}
    for index, person in enumerate(p.person.tolist()):
        by_person.setdefault(person, [None]).append(index)
    best = 0
    for picks in itertools.product(*by_person.values()):
        chosen = [i for i in picks if i is not None]
        if feasible(p, chosen):
            best = max(best, int(p.priority[chosen].sum()))
    return best


def blocking_pairs(p: Problem, chosen) -> list:
    """(person, nomination) pairs where the person prefers the nomination's group to what
    they hold, and the group has a free seat or holds someone of lower priority."""
    g = allocation.groups(p)
    held_by = {int(p.person[i]): i for i in chosen}
    in_group = {}
    for i in chosen:
        in_group.setdefault(int(g.of_nomination[i]), []).append(i)

    def worse(a, b):  # is nomination a of lower standing than b?
        return (p.priority[a], -p.order[a]) < (p.priority[b], -p.order[b])

    pairs = []
    for n in range(len(p.person)):
        person, group = int(p.person[n]), int(g.of_nomination[n])
        mine = held_by.get(person)
        if mine == n or (mine is not None and p.rank[mine] <= p.rank[n]):
            continue
        holders = in_group.get(group, [])
        if len(holders) < g.seats[group] or any(worse(h, n) for h in holders):
            pairs.append((person, n))
    return pairs


TINY = [
    problem(
        [(0, 0, 5, 1), (0, 1, 1, 2), (1, 0, 3, 1), (2, 0, 4, 1), (2, 1, 4, 2), (3, 1, 2, 1)],
        nation=[0, 0, 1, 1],
        capacity=[1, 1],
    ),
    problem(
        [(0, 0, 2, 1), (0, 1, 5, 2), (1, 0, 5, 1), (1, 1, 1, 2), (2, 1, 3, 1), (3, 0, 4, 1)],
        nation=[0, 1, 1, 2],
        capacity=[2, 1],
        allotments=[(0, 1, 1)],
    ),
]


@pytest.mark.parametrize("p", TINY)
def test_max_priority_is_the_brute_force_optimum(p):
    result = allocation.max_priority(p)
    assert feasible(p, result.chosen)
    assert result.total_priority == brute_force_best(p)


@pytest.mark.parametrize("seed", range(12))
def test_max_priority_matches_brute_force_on_random_tiny_rounds(seed):
    p = allocation.generate(6, 3, seed=seed, choices_mean=2.0)
    p.capacity[:] = np.minimum(p.capacity, [1, 2, 1])
    p.allotment_seats[:] = np.minimum(p.allotment_seats, 1)
    result = allocation.max_priority(p)
    assert feasible(p, result.chosen)
    assert result.total_priority == brute_force_best(p)


@pytest.mark.parametrize("mode", allocation.MODES)
def test_every_mode_holds_capacities_allotments_and_one_seat_a_person(mode):
    p = allocation.generate(3000, 80, seed=3)
    result = allocation.solve(p, mode)
    assert feasible(p, result.chosen)
    assert result.seats == len(result.chosen) > 0


def test_a_nation_with_an_allotment_draws_only_on_it():
    # Session 0: 3 seats, 1 allotted to nation 1; nation 1 nominates three people.
    p = problem(
        [(0, 0, 5, 1), (1, 0, 5, 1), (2, 0, 5, 1), (3, 0, 1, 1)],
        nation=[1, 1, 1, 0],
        capacity=[3],
        allotments=[(0, 1, 1)],
    )
    for mode in allocation.MODES:
        chosen = allocation.solve(p, mode).chosen.tolist()
        assert sum(1 for i in chosen if i < 3) == 1, mode
        assert 3 in chosen, mode


@pytest.mark.parametrize("seed", range(5))
def test_stable_has_no_blocking_pair(seed):
    p = allocation.generate(2000, 60, seed=seed)
    result = allocation.stable(p)
    assert feasible(p, result.chosen)
    assert blocking_pairs(p, result.chosen.tolist()) == []


def test_nobody_loses_a_seat_to_someone_of_lower_priority_in_stable():
    # Person 1 (priority 1) applies first; person 0 (priority 5) later: person 0 gets it.
    p = problem([(1, 0, 1, 1), (0, 0, 5, 1)], nation=[0, 0], capacity=[1])
    assert allocation.stable(p).chosen.tolist() == [1]
    assert allocation.first_come(p).chosen.tolist() == [0]


def test_max_priority_prefers_higher_choices_among_equal_totals():
    p = problem([(0, 0, 3, 2), (0, 1, 3, 1)], nation=[0], capacity=[1, 1])
    assert allocation.max_priority(p).chosen.tolist() == [1]


@pytest.mark.parametrize("mode", allocation.MODES)
def test_same_input_same_allocation_in_any_order(mode):
    p = allocation.generate(2000, 50, seed=7)
    first = allocation.solve(p, mode)
    shuffle = np.random.default_rng(1).permutation(len(p.person))
    shuffled = Problem(
        p.person[shuffle],
        p.session[shuffle],
        p.priority[shuffle],
        p.rank[shuffle],
        p.order[shuffle],
        p.nation,
        p.capacity,
        p.allotment_session,
        p.allotment_nation,
        p.allotment_seats,
    )
    again = allocation.solve(shuffled, mode)
    assert sorted(p.order[first.chosen].tolist()) == sorted(shuffled.order[again.chosen].tolist())
    assert first.total_priority == again.total_priority


def test_max_priority_beats_stable_beats_first_come_on_a_generated_round():
    p = allocation.generate(5000, 200, seed=1)
    best, fair, first = (allocation.solve(p, mode).total_priority for mode in allocation.MODES)
    assert best >= fair > first
