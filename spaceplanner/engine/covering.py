"""The covering-location models behind the site suggestions, and their solvers.

Residents within the radius of the same sites are one group ``g`` of ``P_g`` persons (this leaves
every optimum unchanged): :func:`groups`. A :class:`CoveringModel` holds the groups, the arcs
from group to site, the sites' capacities (None: plain coverage) and which sites are candidates.
For shelters, a **capacitated maximal covering** model: flows ``x_gs >= 0`` from group to site
(only pairs within the radius), ``y_j`` in {0, 1} per candidate; ``sum_s x_gs <= P_g``,
``sum_g x_gs <= c_s`` (existing), ``sum_g x_gj <= c_j y_j`` (candidates), ``sum_j y_j <= k``,
maximise ``sum x`` (Church & ReVelle 1974, with capacities as in Pirkul & Schilling 1991). For
coverage, the maximal covering location problem: ``z_g <= sum_{j covers g} y_j``, maximise
``sum P_g z_g``. The target question minimises ``sum cost_j y_j`` subject to the served persons
reaching the target (the location set covering problem, Toregas et al. 1971, with a partial
target).

:func:`solve` solves the MILP exactly with HiGHS (``scipy.optimize.milp``) within a time limit,
or its LP relaxation (a bound); :func:`greedy` is the fallback for models too large;
:func:`prefer_earlier` and :func:`rank` make the answer deterministic and ordered.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import sparse
from scipy.optimize import Bounds, LinearConstraint, milp

from spaceplanner.engine.capacity import assign
from spaceplanner.feedback import Feedback

__all__ = [
    "MAX_VARIABLES",
    "MIP_GAP",
    "CoveringModel",
    "greedy",
    "groups",
    "prefer_earlier",
    "rank",
    "solve",
]

#: Models with more variables than this are not given to the exact solver (greedy instead).
MAX_VARIABLES = 3_000_000
#: Relative optimality gap at which the exact solver stops.
MIP_GAP = 1e-6


def groups(
    resident: np.ndarray, site: np.ndarray, population: np.ndarray, n_sites: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Residents reaching the same set of sites as one group: ``(group population, arc group,
    arc site)`` with one arc per (group, site)."""
    if resident.size == 0:
        return np.empty(0), np.empty(0, np.int64), np.empty(0, np.int64)
    order = np.lexsort((site, resident))
    r, s = resident[order], site[order]
    keep = np.r_[True, (r[1:] != r[:-1]) | (s[1:] != s[:-1])]
    r, s = r[keep], s[keep]
    starts = np.flatnonzero(np.r_[True, r[1:] != r[:-1]])
    rng = np.random.default_rng(0)
    w1, w2 = (rng.integers(0, 2**63, size=n_sites, dtype=np.uint64) for _ in range(2))
    with np.errstate(over="ignore"):
        sig = np.column_stack([np.add.reduceat(w1[s], starts), np.add.reduceat(w2[s], starts)])
    _, first, member = np.unique(sig, axis=0, return_index=True, return_inverse=True)
    member = member.ravel()
    residents = r[starts]
    group_pop = np.bincount(member, weights=population[residents], minlength=first.size)
    # the arcs of a group are those of its first member
    rep_resident = residents[first]
    rep_of = np.full(int(r.max()) + 1, -1, dtype=np.int64)
    rep_of[rep_resident] = np.arange(first.size)
    arc_mask = rep_of[r] >= 0
    return group_pop, rep_of[r[arc_mask]], s[arc_mask]


@dataclass
class CoveringModel:
    """A capacitated (or plain) covering problem over groups and sites."""

    group_pop: np.ndarray
    arc_g: np.ndarray
    arc_s: np.ndarray
    capacity: np.ndarray | None  # per site; None: coverage (no capacities)
    candidate: np.ndarray  # per site: True for a candidate
    cost: np.ndarray  # per candidate (in candidate order)
    fixed: float = 0.0  # persons already served outside the model (coverage)

    @property
    def cand_sites(self) -> np.ndarray:
        return np.flatnonzero(self.candidate)

    def value(self, open_candidates: np.ndarray) -> float:
        """Persons served with the existing sites and ``open_candidates`` (candidate indices)."""
        sites = np.concatenate([np.flatnonzero(~self.candidate), self.cand_sites[open_candidates]])
        on = np.zeros(self.candidate.size, dtype=bool)
        on[sites] = True
        use = on[self.arc_s]
        if self.capacity is None:
            served = np.zeros(self.group_pop.size, dtype=bool)
            served[self.arc_g[use]] = True
            return self.fixed + float(self.group_pop[served].sum())
        pairs = pd.DataFrame(
            {"r": self.arc_g[use], "s": self.arc_s[use], "d": np.zeros(int(use.sum()))}
        )
        cap = np.where(on, self.capacity, 0.0)
        result = assign(self.group_pop, cap, pairs, np.zeros(self.group_pop.size, np.int64))
        return self.fixed + result.flow


def solve(
    model: CoveringModel,
    *,
    k: int | None,
    need: float | None,
    time_limit: float,
    relax: bool = False,
) -> tuple[np.ndarray | None, float, float, bool]:
    """Solve the MILP: ``(open candidates, objective, dual bound, optimal)``; None if infeasible
    or no solution within the time limit."""
    n_g, n_a = model.group_pop.size, model.arc_g.size
    cand = model.cand_sites
    n_c = cand.size
    cand_of_site = np.full(model.candidate.size, -1, dtype=np.int64)
    cand_of_site[cand] = np.arange(n_c)
    coverage = model.capacity is None
    # variables: coverage: z_g (n_g), y_j (n_c); capacitated: x_a (n_a), y_j (n_c)
    n_main = n_g if coverage else n_a
    rows: list[sparse.spmatrix] = []
    lo: list[np.ndarray] = []
    hi: list[np.ndarray] = []
    if coverage:
        # z_g - sum_{j covers g} y_j <= 0   (arcs to existing sites never appear here)
        cand_arc = cand_of_site[model.arc_s] >= 0
        g, j = model.arc_g[cand_arc], cand_of_site[model.arc_s[cand_arc]]
        a = sparse.hstack(
            [
                sparse.identity(n_g, format="csr"),
                -sparse.csr_matrix((np.ones(g.size), (g, j)), shape=(n_g, n_c)),
            ]
        )
        rows.append(a)
        lo.append(np.full(n_g, -np.inf))
        hi.append(np.zeros(n_g))
        served = sparse.csr_matrix(np.r_[model.group_pop, np.zeros(n_c)])
    else:
        arcs = np.arange(n_a)
        # sum_s x_gs <= P_g
        rows.append(
            sparse.hstack(
                [
                    sparse.csr_matrix((np.ones(n_a), (model.arc_g, arcs)), shape=(n_g, n_a)),
                    sparse.csr_matrix((n_g, n_c)),
                ]
            )
        )
        lo.append(np.full(n_g, -np.inf))
        hi.append(model.group_pop)
        # existing sites: sum_g x_gs <= c_s ; candidates: sum_g x_gj - c_j y_j <= 0
        n_s = model.candidate.size
        site_rows = sparse.csr_matrix((np.ones(n_a), (model.arc_s, arcs)), shape=(n_s, n_a))
        cap = model.capacity
        assert cap is not None
        y_part = sparse.csr_matrix((-cap[cand], (cand, np.arange(n_c))), shape=(n_s, n_c))
        rows.append(sparse.hstack([site_rows, y_part]))
        lo.append(np.full(n_s, -np.inf))
        hi.append(np.where(model.candidate, 0.0, cap))
        served = sparse.csr_matrix(np.r_[np.ones(n_a), np.zeros(n_c)])
    base = model.fixed
    if k is not None:
        rows.append(sparse.csr_matrix(np.r_[np.zeros(n_main), np.ones(n_c)]))
        lo.append(np.array([-np.inf]))
        hi.append(np.array([float(k)]))
        # maximise persons; ties: the cheaper, then the earlier candidate (a deterministic answer)
        tie = (
            1e-7
            * (model.cost / max(float(model.cost.max()), 1e-12) + np.arange(n_c) / max(n_c, 1))
            / 2
        )
        c = -np.asarray(served.todense()).ravel() + np.r_[np.zeros(n_main), tie]
    else:
        assert need is not None
        rows.append(served)
        lo.append(np.array([need - base]))
        hi.append(np.array([np.inf]))
        tie = 1e-7 * np.arange(n_c) / max(n_c, 1) * float(model.cost.min(initial=1.0))
        c = np.r_[np.zeros(n_main), model.cost + tie]
    upper = np.r_[np.ones(n_main) if coverage else np.full(n_main, np.inf), np.ones(n_c)]
    integrality = np.r_[np.zeros(n_main), np.zeros(n_c) if relax else np.ones(n_c)].astype(int)
    res = milp(
        c,
        constraints=[
            LinearConstraint(sparse.vstack(rows).tocsr(), np.concatenate(lo), np.concatenate(hi))
        ],
        integrality=integrality,
        bounds=Bounds(np.zeros(n_main + n_c), upper),
        options={"time_limit": max(time_limit, 1e-3), "mip_rel_gap": MIP_GAP, "disp": False},
    )
    if res.x is None:
        return None, math.nan, math.nan, False
    y = res.x[n_main:]
    chosen = np.flatnonzero(y > 0.5)
    objective = float(-res.fun) + base if k is not None else float(res.fun)
    bound = getattr(res, "mip_dual_bound", None)
    if bound is None or not np.isfinite(bound):
        bound = res.fun
    bound_value = float(-bound) + base if k is not None else float(bound)
    optimal = res.status == 0
    return chosen, objective, bound_value, optimal


def greedy(
    model: CoveringModel, *, k: int | None, need: float | None, feedback: Feedback | None = None
) -> np.ndarray:
    """Open candidates one at a time, each time the one that adds most persons (per unit of
    cost for the target question), until ``k`` are open or the target is met. Gains only
    shrink as sites open (the served persons are a submodular function of the open sites), so
    a candidate whose last gain is below the best of this round is not evaluated again.

    A cancel of ``feedback`` stops it between rounds
    (:class:`~spaceplanner.feedback.CancelledError`).
    """
    n_c = model.cand_sites.size
    per = model.cost if need is not None else np.ones(n_c)
    bound = np.full(n_c, np.inf)
    is_open = np.zeros(n_c, dtype=bool)
    chosen: list[int] = []
    current = model.value(np.empty(0, np.int64))
    while (k is None or len(chosen) < k) and (need is None or current < need - 1e-9):
        if feedback is not None:
            feedback.check()
        best, best_score, best_gain = -1, -np.inf, 0.0
        for j in np.argsort(-(bound / per), kind="stable"):
            if is_open[j]:
                continue
            if bound[j] / per[j] <= best_score:
                break
            gain = model.value(np.array([*chosen, j])) - current
            bound[j] = gain
            if gain / per[j] > best_score + 1e-12:
                best, best_score, best_gain = int(j), gain / per[j], gain
        if best < 0 or best_gain <= 1e-9:
            break
        chosen.append(best)
        is_open[best] = True
        current += best_gain
    return np.asarray(chosen, dtype=np.int64)


def prefer_earlier(model: CoveringModel, chosen: np.ndarray, budget: int = 400) -> np.ndarray:
    """Among answers as good as ``chosen``, the one with the cheaper, then earlier candidates:
    each chosen candidate is swapped for an earlier one of no higher cost that serves as many
    (a deterministic tie-break; the solver's own choice among equal optima is arbitrary)."""
    best = model.value(chosen)
    picked = [int(j) for j in chosen]
    evaluations = 0
    changed = True
    while changed and evaluations < budget:
        changed = False
        for j in sorted(picked, reverse=True):
            for i in range(j):
                if i in picked or model.cost[i] > model.cost[j] or evaluations >= budget:
                    continue
                trial = [i if c == j else c for c in picked]
                evaluations += 1
                if model.value(np.asarray(trial)) >= best - 1e-9:
                    picked = trial
                    changed = True
                    break
            if changed:
                break
    return np.asarray(sorted(picked), dtype=np.int64)


def rank(model: CoveringModel, chosen: np.ndarray) -> tuple[np.ndarray, list[float], list[float]]:
    """Order the chosen candidates by what each adds, greedily: ``(order, gains, curve)``."""
    order: list[int] = []
    gains: list[float] = []
    curve: list[float] = []
    current = model.value(np.empty(0, np.int64))
    left = [int(j) for j in chosen]
    while left:
        values = [model.value(np.array([*order, j])) for j in left]
        i = int(np.argmax(values))
        gains.append(values[i] - current)
        current = values[i]
        curve.append(current)
        order.append(left.pop(i))
    return np.asarray(order, dtype=np.int64), gains, curve
