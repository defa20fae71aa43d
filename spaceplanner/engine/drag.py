"""Figures that follow a site while it is dragged: exact, at a few milliseconds per position.

A drag moves one site of a shelter, activity-space or facility layer. :class:`SiteDrag` prepares
once, from the evaluator's warm stages, everything that does not depend on where that site is:

- per indicator the moved site serves (a life circle, a facility kind), the walking distance of
  every resident to the *other* sites (one Dijkstra from them, once);
- for the shelters, the other shelters' reach, their capacities after the 避/防/让 checks, and
  their exact assignment, split into independent parts (shelters that share no resident share no
  flow: the maximum flow of least walking is the sum of the parts' own).

:meth:`SiteDrag.at` then recomputes only the moved site at the new position: where it reaches
the network, one Dijkstra limited to its radius, its 避/防/让 checks (a shelter, a dual-use space
or a sensitive facility), the assignment of the parts it now touches, and the indicators. The
figures are those of a full evaluation of the plan with the site there (same stages, same
solver), not an estimate. Gap areas and service areas are not drawn during a drag: the
uncovered residents of each indicator come back as boolean masks for a quick drawing.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
from scipy import sparse
from scipy.sparse.csgraph import connected_components
from shapely import affinity

from spaceplanner import settings
from spaceplanner.engine.capacity import (
    Arcs,
    Assignment,
    arcs_of,
    flows_of,
    group_shares,
    signature_weights,
)
from spaceplanner.engine.check_stage import typed_violation
from spaceplanner.engine.daily import facility_layer, facility_stage, space_layer, space_stage
from spaceplanner.engine.distance import group_reach, site_sources, straight_reach
from spaceplanner.engine.evaluation import Evaluator
from spaceplanner.engine.locate import (
    Context,
    Inputs,
    distances,
    layer_sources,
    locate_stage,
    site_gates,
)
from spaceplanner.engine.shelter_stage import ShelterStage, shelter_stage
from spaceplanner.engine.siting import (
    AVOID,
    GIVE_WAY,
    PREVENT,
    SENSITIVE_KINDS,
    check_sites,
    prepare_siting,
)
from spaceplanner.i18n import tx
from spaceplanner.layers.errors import PlanError
from spaceplanner.model.plan import Plan
from spaceplanner.results.indicators import indicators
from spaceplanner.results.report import DUAL_USE_SUFFIX, Report, SiteRef
from spaceplanner.results.words import join_words, role_word

__all__ = ["DRAGGABLE_ROLES", "DragFrame", "SiteDrag"]

#: Roles whose sites have live figures while dragged.
DRAGGABLE_ROLES = ("shelters", "activity_spaces", "facilities")
_PRINCIPLES = (AVOID, PREVENT, GIVE_WAY)


@dataclass(frozen=True)
class DragFrame:
    """The plan's figures with the dragged site at one position.

    Attributes
    ----------
    report
        The last report with the figures, indicators and violations for this position; its
        layers are the last report's (the point and area layers are not rebuilt during a drag).
    uncovered
        Per indicator key (``shelter``, ``space_5min``, a facility kind): which resident points
        it leaves unserved (for shelters, those without a whole place).
    xy
        ``(M, 2)`` the resident points' coordinates.
    offset
        The ``(dx, dy)`` of this position.
    """

    report: Report
    uncovered: dict[str, np.ndarray]
    xy: np.ndarray
    offset: tuple[float, float]


@dataclass(frozen=True)
class _Group:
    """One indicator the moved site serves: its radius, who the other sites reach."""

    key: str
    radius: float
    others: np.ndarray  # distance to the nearest other site (inf: none within the radius)
    others_pop: float  # persons the other sites reach


def _key_bytes(keys: np.ndarray) -> np.ndarray:
    """``(G, 3)`` group keys as one byte string each, in the same order as the keys (big-endian
    numbers, compared byte by byte)."""
    return np.ascontiguousarray(keys, dtype=">u8").view("S24").reshape(-1)


@dataclass(frozen=True)
class _Change:
    """The shelter assignment with the moved shelter at one position, as a change of the
    assignment without it: every shelter's load, the persons sheltered in all, and the
    residents whose sheltered persons may differ from it, with theirs."""

    load: np.ndarray
    flow: float
    residents: np.ndarray
    sheltered: np.ndarray


class _Parts:
    """The exact shelter assignment without the moved shelter, split into independent parts,
    and the assignment again when the moved shelter joins some of them.

    The residents' groups and their arcs (:class:`~spaceplanner.engine.capacity.Arcs`) are made
    once; at each position only the groups whose residents the moved shelter reaches are split
    (reached or not: the groups a full evaluation would make) and their arcs summed again, and
    the parts they belong to solved. The residents' sheltered persons are made again only for
    the groups whose share changed.
    """

    def __init__(
        self, population: np.ndarray, capacity: np.ndarray, pairs: pd.DataFrame, key: np.ndarray
    ) -> None:
        self.population, self.capacity, self.key = population, capacity, key
        k, m = len(capacity), len(population)
        r = pairs["r"].to_numpy(np.int64)
        s = pairs["s"].to_numpy(np.int64)
        d = pairs["d"].to_numpy(float)
        self.k = k
        if r.size:
            self.arcs = arcs_of(population, k, r, s, d, key)
            to_shelter, _, flow = flows_of(capacity, self.arcs)
            self.base_share = group_shares(self.arcs, to_shelter)
            sheltered = np.zeros(m)
            members = self.arcs.residents
            sheltered[members] = population[members] * self.base_share[self.arcs.member_group]
            load = np.bincount(self.arcs.s_idx, weights=to_shelter, minlength=k).astype(float)
            self.base = Assignment(sheltered, load, flow)
        else:
            none, empty = np.empty(0, np.int64), np.empty(0)
            keys = np.empty((0, 3), dtype=np.uint64)
            self.arcs = Arcs(none, none, empty, none, none, empty, empty, keys)
            self.base_share = empty
            self.base = Assignment(np.zeros(m), np.zeros(k), 0.0)
        #: who has no whole place without the moved shelter
        self.uncovered = population - self.base.sheltered > 1e-6
        # shelters and residents as one graph: a part is a connected piece of it
        graph = sparse.coo_matrix((np.ones(r.size), (s, k + r)), shape=(k + m, k + m))
        self.n_parts, label = connected_components(graph, directed=False)
        self.part_of_shelter = label[:k]
        has = np.zeros(m, dtype=bool)
        has[r] = True
        self.part_of_resident = np.where(has, label[k:], -1)
        arcs = self.arcs
        n_groups = arcs.group_pop.size
        self.group_of = np.full(m, -1, dtype=np.int64)
        self.group_of[arcs.residents] = arcs.member_group
        self.group_part = np.zeros(n_groups, dtype=np.int64)
        self.group_part[arcs.member_group] = label[k + arcs.residents]
        # the groups' keys, as bytes that sort as the keys do
        assert arcs.group_keys is not None
        self.key_bytes = _key_bytes(arcs.group_keys)
        # each group's members, in resident order
        by_group = np.argsort(arcs.member_group, kind="stable")
        self.members = arcs.residents[by_group]
        self.member_start = np.searchsorted(arcs.member_group[by_group], np.arange(n_groups + 1))
        # each resident's base pairs, in resident order
        order = np.lexsort((s, r))
        self.pr, self.ps, self.pd = r[order], s[order], d[order]
        self.pair_start = np.searchsorted(self.pr, np.arange(m + 1))
        self.reached = np.zeros(m, dtype=bool)
        self.scratch = np.zeros(m, dtype=np.int64)
        self.w1, self.w2 = signature_weights(k)

    @staticmethod
    def _runs(start: np.ndarray, items: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Indices of the runs ``start[i]..start[i+1]-1`` of ``items``, one after the other,
        and each run's length."""
        lo, hi = start[items], start[items + 1]
        counts = hi - lo
        total = int(counts.sum())
        if total == 0:
            return np.empty(0, np.int64), counts
        # a ramp, restarted at each run's first index
        starts = np.repeat(lo - np.concatenate([[0], np.cumsum(counts)[:-1]]), counts)
        return starts + np.arange(total), counts

    def _pairs_of(self, residents: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Indices (into the resident-ordered pairs) of the base pairs of ``residents``, and
        how many each resident has."""
        return self._runs(self.pair_start, residents)

    def sheltered(self, change: _Change) -> np.ndarray:
        """``(M,)`` every resident's sheltered persons after ``change``."""
        out = self.base.sheltered.copy()
        out[change.residents] = change.sheltered
        return out

    def solve(self, site: int, capacity: float, r: np.ndarray, d: np.ndarray) -> _Change:
        """The assignment with shelter ``site`` (of ``capacity``) reaching residents ``r`` at
        distances ``d``: only the parts those residents belong to are solved again."""
        if r.size == 0 or capacity <= 0:
            none = np.empty(0, np.int64)
            return _Change(self.base.load, self.base.flow, none, np.empty(0))
        k, arcs, pop = self.k, self.arcs, self.population
        n_groups = arcs.group_pop.size
        parts = np.unique(self.part_of_resident[r])
        parts = parts[parts >= 0]
        affected = np.unique(self.group_of[r])
        affected = affected[affected >= 0]
        # the groups of the touched parts the site does not reach keep their arcs
        part_hit = np.zeros(self.n_parts, dtype=bool)
        part_hit[parts] = True
        kept = part_hit[self.group_part]
        kept[affected] = False
        kept_ids = np.flatnonzero(kept)
        n1 = kept_ids.size
        renumber = np.full(n_groups, -1, dtype=np.int64)
        renumber[kept_ids] = np.arange(n1)
        arc_kept = kept[arcs.g_idx]
        # the affected groups split into the members the site reaches and the others; the
        # residents it reaches that had no shelter group by network segment (as assign does)
        split = np.sort(self.members[self._runs(self.member_start, affected)[0]])
        fresh = r[self.group_of[r] < 0]
        new_res = np.concatenate([split, fresh])
        self.reached[r] = True
        tag = np.concatenate(
            # (a segment key may be -1: residents beyond the connector)
            [2 * self.group_of[split] + self.reached[split], 2 * n_groups + 1 + self.key[fresh]]
        )
        self.reached[r] = False
        _, first, new_gid = np.unique(tag, return_index=True, return_inverse=True)
        new_gid = new_gid.reshape(-1)
        n2 = first.size
        self.scratch[new_res] = n1 + new_gid
        # their arcs: their pairs with the other shelters, and with the site
        idx, counts = self._pairs_of(split)
        g_pairs = np.concatenate([np.repeat(n1 + new_gid[: split.size], counts), self.scratch[r]])
        s_pairs = np.concatenate([self.ps[idx], np.full(r.size, site)])
        d_pairs = np.concatenate([self.pd[idx], d])
        w = pop[np.concatenate([self.pr[idx], r])]
        keys, arc_of = np.unique(g_pairs * k + s_pairs, return_inverse=True)
        pop_new = np.bincount(arc_of, weights=w, minlength=keys.size)
        pd_new = np.bincount(arc_of, weights=w * d_pairs, minlength=keys.size)
        # number the groups and order the arcs as a full evaluation does (by segment and
        # signature; by group, then shelter), so the solver meets the same problem
        rep = new_res[first]
        old_rep = self.group_of[rep]
        has_old = old_rep >= 0
        group_keys = np.zeros((n2, 3), dtype=np.uint64)
        assert arcs.group_keys is not None
        group_keys[has_old] = arcs.group_keys[old_rep[has_old]]
        group_keys[~has_old, 0] = self.key[rep[~has_old]].astype(np.uint64)
        joins = ~has_old | (tag[first] % 2 == 1)
        with np.errstate(over="ignore"):
            group_keys[joins, 1] += self.w1[site]
            group_keys[joins, 2] += self.w2[site]
        # the kept groups are in key order already: the new ones are merged in
        new_bytes = _key_bytes(group_keys)
        before = np.concatenate([[0], np.cumsum(kept)])[
            np.searchsorted(self.key_bytes, new_bytes)
        ]  # kept groups of smaller keys
        among = np.empty(n2, dtype=np.int64)
        among[np.argsort(new_bytes)] = np.arange(n2)
        rank = np.concatenate(
            [
                np.arange(n1) + np.searchsorted(np.sort(before), np.arange(n1), side="right"),
                before + among,
            ]
        )
        order = np.empty(n1 + n2, dtype=np.int64)
        order[rank] = np.arange(n1 + n2)
        group_pop = np.concatenate(
            [arcs.group_pop[kept_ids], np.bincount(new_gid, weights=pop[new_res], minlength=n2)]
        )
        g_idx = rank[np.concatenate([renumber[arcs.g_idx[arc_kept]], keys // k])]
        s_idx = np.concatenate([arcs.s_idx[arc_kept], keys % k])
        # the kept arcs are in order already (by group, then shelter): a sort of runs
        by_arc = np.argsort(g_idx * k + s_idx, kind="stable")
        none = np.empty(0, np.int64)
        sub = Arcs(
            residents=none,
            member_group=none,
            group_pop=group_pop[order],
            g_idx=g_idx[by_arc],
            s_idx=s_idx[by_arc],
            pop_sum=np.concatenate([arcs.pop_sum[arc_kept], pop_new])[by_arc],
            pd_sum=np.concatenate([arcs.pd_sum[arc_kept], pd_new])[by_arc],
        )
        cap = self.capacity.copy()
        cap[site] = capacity
        to_shelter, _, flow = flows_of(cap, sub)
        share = group_shares(sub, to_shelter)
        touched = part_hit[self.part_of_shelter]
        touched[site] = True
        got_load = np.bincount(sub.s_idx, weights=to_shelter, minlength=k).astype(float)
        load = np.where(touched, got_load, self.base.load)
        # the residents of the kept groups whose share changed, and of the split groups
        share_kept = share[rank[:n1]]
        changed = np.flatnonzero(share_kept != self.base_share[kept_ids])
        idx, counts = self._runs(self.member_start, kept_ids[changed])
        residents = np.concatenate([self.members[idx], new_res])
        group_share = np.concatenate(
            [np.repeat(share_kept[changed], counts), share[rank[n1 + new_gid]]]
        )
        total = self.base.flow - float(self.base.load[touched].sum()) + flow
        return _Change(load, total, residents, pop[residents] * group_share)


class SiteDrag:
    """Live figures for one site being dragged (see the module docstring).

    Parameters
    ----------
    evaluator
        A warm evaluator of the plan (its stages' caches are read once, here, in the calling
        thread; :meth:`at` does not use it).
    plan
        The plan as it is when the drag starts (a session snapshot).
    layer, feature_id
        The dragged site.
    base
        The report shown when the drag starts: the drag's reports are it with new figures.
    scenario, period
        As for :meth:`Evaluator.evaluate`.
    """

    def __init__(
        self,
        evaluator: Evaluator,
        plan: Plan,
        layer: str,
        feature_id: str,
        base: Report,
        *,
        scenario: str | None = None,
        period: str = "both",
    ) -> None:
        lyr = plan.layers.get(layer)
        if lyr is None or lyr.frame is None or lyr.role not in DRAGGABLE_ROLES:
            msg = tx("layer {name} has no live figures while a site is dragged").format(
                name=repr(layer)
            )
            hint = tx("drag a site of {roles}").format(
                roles=join_words([role_word(r) for r in DRAGGABLE_ROLES])
            )
            raise PlanError(msg, layer=layer, hint=hint)
        ids = lyr.frame["id"].astype(str).to_numpy()
        rows = np.flatnonzero(ids == str(feature_id))
        if rows.size != 1:
            msg = tx("no single feature with id {id}").format(id=repr(feature_id))
            raise PlanError(msg, layer=layer, feature=str(feature_id))
        evaluator.plan = plan
        self.inp: Inputs = evaluator._inputs(scenario)
        self.ctx: Context = locate_stage(self.inp)
        self.plan, self.layer, self.feature_id, self.base = plan, lyr, str(feature_id), base
        self.period = period
        self.row = int(rows[0])
        self.geometry = lyr.frame.geometry.iloc[self.row]
        res = self.ctx.residents
        self.population, self.total = res.population, res.total
        self.emergency, self.normal = period != "normal", period != "emergency"
        self.shelters: ShelterStage = shelter_stage(self.inp, self.ctx)
        self.spaces = space_stage(self.inp, self.ctx)
        self.facilities = facility_stage(self.inp, self.ctx)
        self.groups: list[_Group] = self._groups()
        self.siting = prepare_siting(plan, self.inp.profile)
        self._prepare_shelter()
        self.sensitive = (
            lyr.role == "facilities" and str(lyr.frame["kind"].iloc[self.row]) in SENSITIVE_KINDS
        )
        self.uncovered: dict[str, np.ndarray] = {
            "shelter": self.population - self.shelters.sheltered > 1e-6,
            **{f"space_{n}": ~np.isfinite(d) for n, d in self.spaces.distances.items()},
            **{k: ~np.isfinite(d) for k, d in self.facilities.distances.items()},
        }
        self.radius = max([g.radius for g in self.groups] + [self._shelter_radius()])

    # -- preparing ---------------------------------------------------------------------------
    def _groups(self) -> list[_Group]:
        """The life circles or the facility kind the moved site serves, with the other sites'
        distances (every layer's but the moved site's)."""
        inp, ctx, lyr = self.inp, self.ctx, self.layer
        assert lyr.frame is not None
        if lyr.role == "activity_spaces":
            mine = space_layer(inp, ctx, lyr)
            others = [space_layer(inp, ctx, x) for x in inp.plan.by_role("activity_spaces")]
            keys = [(f"space_{c.name}", c.name) for c in inp.profile.circles]
        elif lyr.role == "facilities":
            mine = facility_layer(inp, ctx, lyr)
            others = [facility_layer(inp, ctx, x) for x in inp.plan.by_role("facilities")]
            kind = str(lyr.frame["kind"].iloc[self.row])
            keys = [(kind, kind)] if kind in mine else []
        else:
            return []
        names = [x.name for x in inp.plan.by_role(lyr.role)]
        geoms = lyr.frame.geometry.to_numpy()
        gates = site_gates(ctx, lyr.frame["id"].to_numpy(), lyr.name)
        sources = (
            layer_sources(inp, ctx, lyr.name, geoms, gates) if ctx.network is not None else None
        )
        out = []
        for key, name in keys:
            group = mine[name]
            if self.row not in set(group.sites.tolist()):
                continue
            rest = group.sites[group.sites != self.row]
            if rest.size:
                d_rest, _ = distances(inp, ctx, geoms, [rest], group.radius, sources, gates)
                d = d_rest[0]
            else:
                d = np.full(ctx.residents.count, np.inf)
            for other_name, part in zip(names, others, strict=True):
                if other_name != lyr.name and name in part and part[name].sites.size:
                    d = np.minimum(d, part[name].distance)
            pop = float(self.population[np.isfinite(d)].sum())
            out.append(_Group(key, group.radius, d, pop))
        return out

    def _shelter_index(self) -> int | None:
        """The moved site's row in the shelter table (a shelter, or a dual-use space)."""
        table = self.shelters.table
        if not len(table):
            return None
        name = self.layer.name
        if self.layer.role == "activity_spaces":
            name = f"{name}{DUAL_USE_SUFFIX}"
        elif self.layer.role != "shelters":
            return None
        hit = np.flatnonzero(
            (table["layer"].to_numpy() == name) & (table["id"].astype(str) == self.feature_id)
        )
        return int(hit[0]) if hit.size else None

    def _shelter_radius(self) -> float:
        if self.shelter is None:
            return 0.0
        return float(self.shelters.table["radius_m"].iloc[self.shelter])

    def _prepare_shelter(self) -> None:
        st = self.shelters
        self.shelter = self._shelter_index()
        if self.shelter is None:
            return
        m = self.shelter
        pairs = st.pairs[st.pairs["s"].to_numpy() != m].reset_index(drop=True)
        capacity = np.asarray(st.capacity, dtype=float).copy()
        self.capacity_before = float(st.table["capacity_persons"].iloc[m])
        self.area_before = float(st.table["effective_area_m2"].iloc[m])
        capacity[m] = 0.0
        self.parts = _Parts(self.population, capacity, pairs, self.ctx.access.seg)
        r, s, d = (pairs[c].to_numpy() for c in ("r", "s", "d"))
        order = np.lexsort((s, d, r))  # per resident: nearest first, then the first shelter
        r, s, d = r[order], s[order], d[order]
        first = np.ones(r.size, dtype=bool)
        first[1:] = r[1:] != r[:-1]
        self.nearest = np.full(self.population.size, np.inf)
        self.nearest_site = np.full(self.population.size, -1)
        self.nearest[r[first]] = d[first]
        self.nearest_site[r[first]] = s[first]
        has = self.nearest_site >= 0
        self.demand = np.bincount(
            self.nearest_site[has], weights=self.population[has], minlength=len(st.table)
        )
        self.covered_pop = float(self.population[has].sum())
        self.within = np.bincount(
            pairs["s"].to_numpy(),
            weights=self.population[pairs["r"].to_numpy()],
            minlength=len(st.table),
        )
        #: per shelter row: assigned, spare, within its radius, nearest demand, over capacity
        self.row_figures = np.array(
            [
                [
                    row.assigned,
                    row.spare,
                    row.population_within_radius,
                    row.nearest_demand,
                    row.over_capacity,
                ]
                for row in st.summary.by_shelter
            ],
            dtype=float,
        ).reshape(-1, 5)
        rec = st.table.iloc[m]
        self.check_row = gpd.GeoDataFrame(
            {
                "layer": [rec["layer"]],
                "id": [rec["id"]],
                "name": [rec["name"]],
                "class": [rec["class"]],
                "use": [rec["use"]],
            },
            geometry=[self.geometry],
            crs=self.plan.crs,
        )

    # -- one position --------------------------------------------------------------------------
    def _reach(self, geometry: Any, limit: float) -> tuple[np.ndarray, np.ndarray]:
        """Residents within ``limit`` of the moved site at ``geometry`` and their distances."""
        ctx, profile = self.ctx, self.inp.profile
        geoms = np.array([geometry], dtype=object)
        if ctx.network is None:
            _, r, d = straight_reach(
                geoms, ctx.residents.xy, detour=profile.detour_factor.value, limit=limit
            )
            return r, d
        gates = site_gates(ctx, np.array([self.feature_id]), self.layer.name)
        sources = site_sources(
            ctx.network,
            geoms,
            tolerance=profile.entrance_tolerance.value,
            max_connector=profile.max_connector.value,
            entrances=gates or None,
        )
        _, r, d = group_reach(ctx.network, sources, [np.array([0])], ctx.access, limit=limit)
        return r, d

    def at(self, dx: float, dy: float) -> DragFrame:
        """The figures with the dragged site moved by ``(dx, dy)`` metres from where it was."""
        geometry = affinity.translate(self.geometry, dx, dy)
        r, d = self._reach(geometry, self.radius) if self.radius > 0 else (np.empty(0, int), [])
        d = np.asarray(d, dtype=float)
        uncovered = dict(self.uncovered)
        report = self.base
        spaces, facilities = self.spaces.summary, dict(self.facilities.summary)
        circles = dict(spaces.circles)
        tol = settings.DISTANCE_TOLERANCE_M
        for g in self.groups:
            keep = d <= g.radius + tol
            dist = g.others.copy()
            np.minimum.at(dist, r[keep], d[keep])
            covered = np.isfinite(dist)
            pop = float(self.population[covered].sum())
            uncovered[g.key] = ~covered
            share = pop / self.total if self.total else 0.0
            if g.key.startswith("space_"):
                name = g.key.removeprefix("space_")
                c = circles[name]
                circles[name] = replace(
                    c,
                    population_covered=pop,
                    share_covered=share,
                    per_capita_m2=c.area_m2 / pop if pop else 0.0,
                )
            else:
                facilities[g.key] = replace(
                    facilities[g.key], population_covered=pop, share_covered=share
                )
        spaces = replace(spaces, circles=circles)
        shelter_summary = self.shelters.summary
        violations = list(report.violations)
        if self.shelter is not None:
            shelter_summary, found = self._shelter_at(geometry, r, d, uncovered)
            violations = self._replace_violations(violations, found)
        elif self.sensitive:
            found = self._checks(geometry, "sensitive")[2]
            violations = self._replace_violations(violations, found)
        emergency, normal = self.emergency, self.normal
        report = replace(
            report,
            shelters=shelter_summary if emergency else None,
            activity_spaces=spaces if normal else None,
            facilities=facilities if normal else None,
            violations=tuple(violations),
            capacity_removed_by=shelter_summary.capacity_removed_by,
            indicators=indicators(
                self.total,
                shelter_summary if emergency else None,
                spaces if normal else None,
                facilities if normal else None,
                self.inp.profile,
                self.plan.targets,
                has_shelters=bool(self.shelters.layers),
                has_spaces=bool(self.spaces.layers),
                unrated=self.facilities.unrated if normal else [],
            ),
        )
        return DragFrame(report, uncovered, self.ctx.residents.xy, (float(dx), float(dy)))

    def _checks(
        self, geometry: Any, use: str
    ) -> tuple[float, dict[str, float], list[dict[str, Any]]]:
        """The moved site's 避/防/让 checks at ``geometry``: the share of its capacity left, the
        share each principle removed, and its violations."""
        if use == "sensitive":
            assert self.layer.frame is not None
            rec = self.layer.frame.iloc[self.row]
            row = gpd.GeoDataFrame(
                {
                    "layer": [self.layer.name],
                    "id": [self.feature_id],
                    "name": [rec.get("name")],
                    "class": [None],
                    "use": ["sensitive"],
                },
                geometry=[geometry],
                crs=self.plan.crs,
            )
        else:
            row = self.check_row.set_geometry([geometry], crs=self.plan.crs)
        got = check_sites(
            self.plan,
            self.inp.profile,
            row,
            self.shelters.zones,
            network=self.ctx.network,
            entrances=self.ctx.entrances,
            prepared=self.siting,
        )
        found = [{k: v for k, v in x.items() if k != "_site"} for x in got.violations]
        removed = {p: float(got.removed_share[p][0]) for p in _PRINCIPLES}
        return float(got.remaining_share[0]), removed, found

    def _replace_violations(self, violations: list[Any], found: list[dict[str, Any]]) -> list[Any]:
        """The last report's violations with the moved site's replaced by ``found``."""
        dual = self.layer.role == "activity_spaces"
        me = SiteRef(self.layer.name, self.feature_id, dual)
        kept = [v for v in violations if v.site != me]
        return kept + [typed_violation(v) for v in found]

    def _shelter_at(
        self, geometry: Any, r: np.ndarray, d: np.ndarray, uncovered: dict[str, np.ndarray]
    ) -> tuple[Any, list[dict[str, Any]]]:
        """The shelter figures with the moved shelter at ``geometry``."""
        st, m = self.shelters, self.shelter
        assert m is not None
        share, removed, found = self._checks(geometry, st.table["use"].iloc[m])
        radius = self._shelter_radius()
        keep = d <= radius + settings.DISTANCE_TOLERANCE_M
        r_m, d_m = r[keep], d[keep]
        eligible = share > 0
        capacity_m = self.capacity_before * share
        if not eligible:
            r_m, d_m = r_m[:0], d_m[:0]
        result = self.parts.solve(m, capacity_m, r_m, d_m)
        mask = self.parts.uncovered.copy()
        mask[result.residents] = self.population[result.residents] - result.sheltered > 1e-6
        uncovered["shelter"] = mask
        # the residents the site is now nearest to leave their nearest shelter's demand
        near_r, site_r = self.nearest[r_m], self.nearest_site[r_m]
        better = (d_m < near_r) | ((d_m == near_r) & (m < site_r))
        moved, before = r_m[better], site_r[better]
        weight = self.population[moved]
        k = len(st.table)
        had = before >= 0
        demand = self.demand - np.bincount(before[had], weights=weight[had], minlength=k)
        demand[m] += float(weight.sum())
        within = self.within.copy()
        within[m] = float(self.population[r_m].sum())
        capacity = np.asarray(st.capacity, dtype=float).copy()
        capacity[m] = capacity_m
        rows = list(st.summary.by_shelter)
        load = result.load
        over = demand > capacity + 1e-9
        figures = np.column_stack([load, capacity - load, within, demand, over])
        # only the rows whose figures changed are made again (and the moved shelter's)
        redo = np.flatnonzero((figures != self.row_figures).any(axis=1)).tolist()
        for i in sorted({*redo, m}):
            row = rows[i]
            changed: dict[str, Any] = dict(
                assigned=float(load[i]),
                spare=float(capacity[i] - load[i]),
                population_within_radius=float(within[i]),
                nearest_demand=float(demand[i]),
                over_capacity=bool(over[i]),
            )
            if i == m:
                changed.update(
                    capacity_persons=float(capacity_m),
                    effective_area_m2=self.area_before * share,
                    capacity_removed={
                        p: self.capacity_before * min(removed[p], 1.0) for p in removed
                    },
                    eligible=bool(eligible),
                    reaches_network=bool(r.size > 0) if self.ctx.network is not None else True,
                )
            rows[i] = replace(row, **changed)
        summary = st.summary
        covered_pop = self.covered_pop + float(weight[~had].sum())
        area_after = (
            summary.effective_area_m2
            - rows_area(st.summary.by_shelter[m])
            + (self.area_before * share)
        )
        removed_by = dict(summary.capacity_removed_by)
        for p in removed_by:
            removed_by[p] += rows[m].capacity_removed.get(p, 0.0) - summary.by_shelter[
                m
            ].capacity_removed.get(p, 0.0)
        total = self.total
        summary = replace(
            summary,
            population_covered=covered_pop,
            share_covered=covered_pop / total if total else 0.0,
            capacity_persons=float(capacity.sum()),
            population_sheltered=result.flow,
            share_sheltered=result.flow / total if total else 0.0,
            population_unsheltered=total - result.flow,
            effective_area_m2=area_after,
            per_capita_area_m2=area_after / total if total else 0.0,
            by_shelter=tuple(rows),
            capacity_removed_by=removed_by,
        )
        return summary, found


def rows_area(row: Any) -> float:
    """A shelter row's effective area after the checks (0 when not a number)."""
    value = float(row.effective_area_m2)
    return value if np.isfinite(value) else 0.0
