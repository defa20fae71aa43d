"""Shelter capacity and the exact assignment of residents to shelters.

The assignment is a transportation problem: residents may go to any shelter within its service
radius; no shelter takes more than its capacity. ``population_sheltered`` is the maximum flow of
that problem, found exactly, and among maximum flows the one of least total walking distance is
taken (nearest shelters preferred), with OR-Tools' min-cost-flow solver.

Residents that reach the same shelters from the same network segment are routed as one group:
this leaves the maximum flow unchanged (members of a group have the same choices, so any flow
splits among them in proportion to their numbers) and keeps the solver fast on city districts;
a group's walking distance to a shelter is its members' population-weighted mean. Persons are
counted in thousandths inside the solver, so figures are exact to 0.001 person.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from ortools.graph.python import min_cost_flow

__all__ = [
    "Arcs",
    "Assignment",
    "arcs_of",
    "assign",
    "flows_of",
    "group_shares",
    "signature_weights",
    "solve",
]

#: Persons are counted in these units inside the integer solver.
_UNITS_PER_PERSON = 1000
#: Distances are costed in these units per metre.
_COST_PER_M = 100


@dataclass(frozen=True)
class Assignment:
    """Result of the assignment.

    Attributes
    ----------
    sheltered
        ``(M,)`` persons of each resident point who get a place.
    load
        ``(K,)`` persons assigned to each shelter.
    flow
        Total persons sheltered (the maximum flow).
    walking
        Total walking of the sheltered, in person-metres (least among maximum flows).
    shelter
        ``(M,)`` with ``by_resident``: the shelter taking the largest share of each resident
        point's persons (the lowest index among equal shares; -1 for none sheltered).
    """

    sheltered: np.ndarray
    load: np.ndarray
    flow: float
    walking: float = 0.0
    shelter: np.ndarray | None = None


def _groups(*keys: np.ndarray) -> tuple[np.ndarray, int]:
    """Each row's group among the rows with equal ``keys`` (numbered in the keys' sorted
    order), and the number of groups: one lexsort, several times faster than ``np.unique``
    over rows (which sorts them as raw bytes)."""
    order = np.lexsort(keys[::-1])
    new = np.ones(len(order), dtype=bool)
    for key in keys:
        sorted_key = key[order]
        new[1:] &= sorted_key[1:] == sorted_key[:-1]
    new = ~new
    new[:1] = True
    group = np.empty(len(order), dtype=np.int64)
    group[order] = np.cumsum(new) - 1
    return group, int(new.sum())


@dataclass
class Arcs:
    """The assignment's network before solving: residents in groups, a group's arcs to the
    shelters its members reach (population and population x distance summed per arc).

    ``residents`` are the resident points with a shelter in reach and ``member_group`` their
    group; ``group_pop`` the persons of each group; per arc ``g_idx`` (group), ``s_idx``
    (shelter), ``pop_sum`` and ``pd_sum`` (so that its walking distance is their ratio).
    Groups are numbered in the order of their keys ``group_keys`` (``(G, 3)``: network segment
    and the two halves of the shelter-set signature), arcs by group then shelter: the solver
    breaks ties among equally short assignments by that order.
    """

    residents: np.ndarray
    member_group: np.ndarray
    group_pop: np.ndarray
    g_idx: np.ndarray
    s_idx: np.ndarray
    pop_sum: np.ndarray
    pd_sum: np.ndarray
    group_keys: np.ndarray | None = None


def arcs_of(
    population: np.ndarray,
    k: int,
    r: np.ndarray,
    s: np.ndarray,
    d: np.ndarray,
    group_key: np.ndarray,
) -> Arcs:
    """The groups and arcs of the pairs ``(r, s, d)`` (``k`` shelters; see :func:`assign`)."""
    m = len(population)
    order = np.lexsort((s, r))
    r_all, s_all, d_all = r[order], s[order], d[order]
    starts = np.flatnonzero(np.r_[True, r_all[1:] != r_all[:-1]])
    # Each resident's set of shelters, as a 128-bit signature: sums of random 64-bit weights.
    w1, w2 = _weights(k)
    with np.errstate(over="ignore"):
        sig1 = np.add.reduceat(w1[s_all], starts)
        sig2 = np.add.reduceat(w2[s_all], starts)
    residents = r_all[starts]
    member_group, n_groups = _groups(group_key[residents].astype(np.uint64), sig1, sig2)
    member_pop = population[residents]
    group_pop = np.bincount(member_group, weights=member_pop, minlength=n_groups)
    g_of = np.full(m, -1, dtype=np.int64)
    g_of[residents] = member_group
    pair_pop = population[r_all]
    arc_key = g_of[r_all] * k + s_all
    arcs, arc_of_pair = np.unique(arc_key, return_inverse=True)
    pop_sum = np.bincount(arc_of_pair, weights=pair_pop, minlength=arcs.size)
    pd_sum = np.bincount(arc_of_pair, weights=pair_pop * d_all, minlength=arcs.size)
    keys = np.zeros((n_groups, 3), dtype=np.uint64)
    keys[member_group] = np.column_stack([group_key[residents].astype(np.uint64), sig1, sig2])
    return Arcs(residents, member_group, group_pop, arcs // k, arcs % k, pop_sum, pd_sum, keys)


def signature_weights(k: int) -> tuple[np.ndarray, np.ndarray]:
    """The random 64-bit weights of the ``k`` shelters whose sums sign a set of shelters."""
    return _weights(k)


def _weights(k: int) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(0)
    w1, w2 = (rng.integers(0, 2**63, size=k, dtype=np.uint64) for _ in range(2))
    return w1, w2


def assign(
    population: np.ndarray,
    capacity: np.ndarray,
    pairs: pd.DataFrame,
    group_key: np.ndarray,
    *,
    by_resident: bool = False,
) -> Assignment:
    """Assign residents to shelters: maximum sheltered, then least walking.

    Parameters
    ----------
    population
        ``(M,)`` persons per resident point.
    capacity
        ``(K,)`` persons each shelter holds.
    pairs
        Allowed (resident ``r``, shelter ``s``) pairs with walking distance ``d`` (metres).
    group_key
        ``(M,)`` an integer per resident (its network segment); residents with the same key and
        the same shelters are routed together.
    by_resident
        Also name each resident's shelter (:attr:`Assignment.shelter`).
    """
    m, k = len(population), len(capacity)
    if pairs.empty or k == 0:
        return Assignment(np.zeros(m), np.zeros(k), 0.0)
    arcs = arcs_of(
        population,
        k,
        pairs["r"].to_numpy(np.int64),
        pairs["s"].to_numpy(np.int64),
        pairs["d"].to_numpy(float),
        group_key,
    )
    return solve(population, capacity, arcs, by_resident=by_resident)


def flows_of(capacity: np.ndarray, arcs: Arcs) -> tuple[np.ndarray, np.ndarray, float]:
    """The maximum flow of least walking over the groups' ``arcs``: per arc the persons it
    carries, per arc its walking distance (the members' population-weighted mean), and the
    persons sheltered in all (see :func:`assign`)."""
    k = len(capacity)
    group_pop, g_idx, s_idx = arcs.group_pop, arcs.g_idx, arcs.s_idx
    n_groups = group_pop.size
    mean_d = np.divide(arcs.pd_sum, arcs.pop_sum, out=np.zeros(g_idx.size), where=arcs.pop_sum > 0)

    supply = np.round(group_pop * _UNITS_PER_PERSON).astype(np.int64)
    cap_units = np.floor(np.maximum(capacity, 0) * _UNITS_PER_PERSON + 1e-6).astype(np.int64)
    source, sink = n_groups + k, n_groups + k + 1
    tails = np.concatenate([np.full(n_groups, source), g_idx, n_groups + np.arange(k)])
    heads = np.concatenate([np.arange(n_groups), n_groups + s_idx, np.full(k, sink)])
    caps = np.concatenate([supply, supply[g_idx], cap_units])
    costs = np.concatenate(
        [
            np.zeros(n_groups, np.int64),
            np.round(mean_d * _COST_PER_M).astype(np.int64),
            np.zeros(k, np.int64),
        ]
    )
    solver = min_cost_flow.SimpleMinCostFlow()
    arc_ids = solver.add_arcs_with_capacity_and_unit_cost(tails, heads, caps, costs)
    total = int(supply.sum())
    supplies = np.zeros(n_groups + k + 2, np.int64)
    supplies[source], supplies[sink] = total, -total
    solver.set_nodes_supplies(np.arange(n_groups + k + 2), supplies)
    status = solver.solve_max_flow_with_min_cost()
    if status != solver.OPTIMAL:
        msg = f"the shelter assignment solver failed (status {status})"
        raise RuntimeError(msg)
    flows = np.asarray(solver.flows(arc_ids), dtype=np.int64)
    to_shelter = flows[n_groups : n_groups + len(g_idx)] / _UNITS_PER_PERSON
    flow = float(flows[:n_groups].sum()) / _UNITS_PER_PERSON
    return to_shelter, mean_d, flow


def group_shares(arcs: Arcs, to_shelter: np.ndarray) -> np.ndarray:
    """The share of each group's persons that its arcs carry (``to_shelter``, per arc)."""
    n_groups = arcs.group_pop.size
    group_flow = np.bincount(arcs.g_idx, weights=to_shelter, minlength=n_groups)
    return np.divide(group_flow, arcs.group_pop, out=np.zeros(n_groups), where=arcs.group_pop > 0)


def solve(
    population: np.ndarray, capacity: np.ndarray, arcs: Arcs, *, by_resident: bool = False
) -> Assignment:
    """The maximum flow of least walking over ``arcs`` (see :func:`assign`)."""
    m, k = len(population), len(capacity)
    sheltered = np.zeros(m)
    residents, member_group, group_pop = arcs.residents, arcs.member_group, arcs.group_pop
    g_idx, s_idx = arcs.g_idx, arcs.s_idx
    n_groups = group_pop.size
    member_pop = population[residents]
    to_shelter, mean_d, flow = flows_of(capacity, arcs)
    load = np.bincount(s_idx, weights=to_shelter, minlength=k).astype(float)
    share = group_shares(arcs, to_shelter)
    sheltered[residents] = member_pop * share[member_group]
    walking = float(np.sum(to_shelter * mean_d))
    shelter = None
    if by_resident:
        # per group, the arc of the largest flow (members of a group share its split)
        used = np.flatnonzero(to_shelter > 0)
        best = np.full(n_groups, -1, dtype=np.int64)
        order = used[np.lexsort((s_idx[used], -to_shelter[used], g_idx[used]))]
        first = np.ones(order.size, dtype=bool)
        first[1:] = g_idx[order][1:] != g_idx[order][:-1]
        best[g_idx[order][first]] = s_idx[order][first]
        shelter = np.full(m, -1, dtype=np.int64)
        shelter[residents] = best[member_group]
    return Assignment(sheltered, load, flow, walking, shelter)
