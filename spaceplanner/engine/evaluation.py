"""Evaluate a plan: who can walk to a shelter with room for them, to activity space, to facilities.

The pipeline (ARCHITECTURE.md §3): the walking network → where residents and sites reach it →
walking distances by multi-source Dijkstra with a cut-off → indicators → the exact shelter
assignment → gap layers → a :class:`~spaceplanner.results.report.Report`.

An :class:`Evaluator` keeps what it computed per layer, keyed by a fingerprint of the layer's
content, the network and the residents. Evaluating again after an edit recomputes only the
layers whose content changed (the incremental path of the desktop app); everything downstream
of the per-layer distances is cheap and recomputed every time, so an incremental evaluation is
the same computation as a full one, on the same inputs.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from spaceplanner import __version__, settings
from spaceplanner.engine.capacity import assign
from spaceplanner.engine.distance import (
    Sources,
    group_distances,
    group_reach,
    site_sources,
    straight_distances,
    straight_reach,
)
from spaceplanner.engine.hazards import (
    SCENARIOS,
    check_scenario,
    hazard_types,
    hazard_zones,
    scenario_types,
)
from spaceplanner.engine.limits import check_memory, plan_memory
from spaceplanner.engine.network import Access, WalkNetwork, build_network, locate
from spaceplanner.engine.residents import Residents, collect_residents
from spaceplanner.engine.service_area import service_area
from spaceplanner.engine.siting import (
    AVOID,
    ENTRANCE_KEY_SEP,
    GIVE_WAY,
    PREVENT,
    SENSITIVE_KINDS,
    SitingResult,
    check_sites,
    dual_use_mask,
    entrance_points,
    route_violations,
)
from spaceplanner.feedback import CancelledError, Feedback
from spaceplanner.layers.catalogue import get_role
from spaceplanner.layers.crs import crs_label
from spaceplanner.layers.errors import PlanError
from spaceplanner.model.plan import Plan, PlanLayer
from spaceplanner.model.rules import Profile, load_profile
from spaceplanner.results.indicators import check_targets, indicators
from spaceplanner.results.report import (
    DUAL_USE_SUFFIX,
    ActivitySpaces,
    CircleCoverage,
    FacilityCoverage,
    Note,
    Report,
    RunRecord,
    ShelterRow,
    ShelterSummary,
    SiteRef,
    SpacesOverall,
    Violation,
)
from spaceplanner.results.violation_layers import violation_layers

__all__ = ["CancelledError", "Evaluator", "ShelterProblem", "evaluate"]

Progress = Callable[[float, str], None]
PERIODS = settings.PERIODS


def _column_bytes(values: np.ndarray) -> bytes:
    """The values of a column as bytes: raw for numbers, text for anything else."""
    if values.dtype.kind in "biuf":
        return np.ascontiguousarray(values).tobytes()
    return "\x1f".join(map(repr, values.tolist())).encode()


def _fingerprint(*parts: object) -> str:
    """A digest of the parts; a GeoDataFrame counts by its geometry and its columns' values."""
    digest = hashlib.sha1()
    for part in parts:
        if isinstance(part, gpd.GeoDataFrame):
            digest.update(b"".join(shapely.to_wkb(part.geometry.to_numpy(), hex=False)))
            for col in part.columns:
                if col != part.geometry.name:
                    digest.update(str(col).encode() + b"\x1e")
                    digest.update(_column_bytes(part[col].to_numpy()))
        else:
            digest.update(repr(part).encode())
    return digest.hexdigest()


def _layer_fingerprint(layer: PlanLayer) -> str:
    """A digest of what the engine reads from a layer: geometry, role fields, options."""
    if layer.raster is not None:
        return _fingerprint(
            layer.raster.dataset,
            layer.raster.band,
            layer.raster.crs.to_wkt(),
            sorted(layer.options.items()),
        )
    frame = layer.frame
    assert frame is not None
    used = [] if layer.role == "network" else [c for c in get_role(layer.role).fields if c in frame]
    digest = hashlib.sha1(b"".join(shapely.to_wkb(frame.geometry.to_numpy(), hex=False)))
    for col in used:
        digest.update(col.encode() + b"\x1e")
        digest.update(_column_bytes(frame[col].to_numpy()))
    digest.update(repr(sorted(layer.options.items())).encode())
    return digest.hexdigest()


@dataclass
class _Context:
    network: WalkNetwork | None
    residents: Residents
    access: Access
    key: str
    entrances: dict[str, np.ndarray]


@dataclass
class _ShelterLayer:
    table: pd.DataFrame
    pairs: pd.DataFrame
    sources: Sources | None


@dataclass
class _GroupResult:
    radius: float
    distance: np.ndarray
    sites: np.ndarray
    area: float


@dataclass(frozen=True)
class ShelterProblem:
    """The shelters of a plan after the checks, and who can walk to each (see
    :meth:`Evaluator.shelter_problem`)."""

    table: pd.DataFrame
    pairs: pd.DataFrame
    capacity: np.ndarray
    eligible: np.ndarray
    population: np.ndarray
    group_key: np.ndarray
    violations: list[dict[str, Any]]
    sheltered: float


class Evaluator:
    """Evaluates a plan, reusing per-layer work across calls.

    Parameters
    ----------
    plan
        The plan (its layers may be edited between calls to :meth:`evaluate`).
    rules
        Rule profile name or path; the plan's when omitted.
    """

    def __init__(self, plan: Plan, *, rules: str | None = None) -> None:
        if plan.crs is None or not plan.layers:
            msg = "the plan has no usable layers"
            raise PlanError(msg, file=str(plan.path) if plan.path else None)
        self.plan = plan
        self.profile: Profile = load_profile(rules or plan.rules)
        self._cache: dict[str, tuple[str, Any]] = {}
        self._site_cache: dict[str, dict[str, tuple[np.ndarray, np.ndarray, bool]]] = {}
        # per layer: site key -> where that site reaches the network (seg, t, offset, zone);
        # layers look in each other's too (a dual-use park is both a space and a shelter)
        self._source_cache: dict[str, dict[str, tuple[Any, ...]]] = {}
        self.scenario = plan.scenario
        self._siting_cache: dict[str, Any] = {}
        self._fingerprints: dict[str, str] = {}
        self._feedback = Feedback()
        self._zones = gpd.GeoDataFrame(columns=["layer", "hazard", "geometry"], crs=plan.crs)

    def _lfp(self, layer: PlanLayer) -> str:
        """The layer's fingerprint, computed once per evaluation."""
        found = self._fingerprints.get(layer.name)
        if found is None:
            found = self._fingerprints[layer.name] = _layer_fingerprint(layer)
        return found

    def _cached(self, name: str, key: str, make: Callable[[], Any]) -> Any:
        hit = self._cache.get(name)
        if hit is not None and hit[0] == key:
            return hit[1]
        value = make()
        self._cache[name] = (key, value)
        return value

    # -- the shared inputs ----------------------------------------------------------------
    def _context(self) -> _Context:
        nets = self.plan.by_role("network")
        net_key = _fingerprint(*[self._lfp(n) for n in nets])

        def make_network() -> WalkNetwork | None:
            lines = [n.frame.geometry.to_numpy() for n in nets if n.frame is not None]
            return build_network(np.concatenate(lines)) if lines else None

        network = self._cached("network", net_key, make_network)
        res_layers = self.plan.by_role("residents")
        res_key = _fingerprint(net_key, *[self._lfp(r) for r in res_layers])

        def make_residents() -> tuple[Residents, Access]:
            residents = collect_residents(self.plan, margin=self.profile.max_connector.value)
            if network is None:
                m = residents.count
                access = Access(np.zeros(m, np.int64), np.zeros(m), np.zeros(m))
            else:
                access = locate(network, residents.xy, self.profile.max_connector.value)
            return residents, access

        residents, access = self._cached("residents", res_key, make_residents)
        gates = self.plan.by_role("entrances")
        entrances: dict[str, np.ndarray] = {}
        for gate in gates:
            assert gate.frame is not None
            xy = shapely.get_coordinates(gate.frame.geometry.to_numpy())
            layer = (
                gate.frame["site_layer"].fillna("").astype(str)
                if "site_layer" in gate.frame
                else pd.Series([""] * len(gate.frame), index=gate.frame.index)
            )
            keys = layer + ENTRANCE_KEY_SEP + gate.frame["site"].astype(str)
            for key, rows in keys.groupby(keys).indices.items():
                entrances[key] = np.concatenate([entrances.get(key, np.empty((0, 2))), xy[rows]])
        key = _fingerprint(res_key, self.profile.data, *[self._lfp(g) for g in gates])
        return _Context(network, residents, access, key, entrances)

    @staticmethod
    def _gates(ctx: _Context, ids: np.ndarray, layers: np.ndarray | str) -> dict[int, np.ndarray]:
        """Entrances of the sites with ``ids`` (of ``layers``), by the sites' positions."""
        if not ctx.entrances:
            return {}
        names = np.broadcast_to(np.asarray(layers, dtype=object), (len(ids),))
        found = {
            i: entrance_points(ctx.entrances, str(layer), str(v))
            for i, (v, layer) in enumerate(zip(ids, names, strict=True))
        }
        return {i: pts for i, pts in found.items() if pts is not None}

    def _distances(
        self,
        ctx: _Context,
        geoms: np.ndarray,
        groups: list[np.ndarray],
        limit: float,
        sources: Sources | None = None,
        gates: dict[int, np.ndarray] | None = None,
    ) -> tuple[np.ndarray, Sources | None]:
        if ctx.network is None:
            d = straight_distances(
                geoms,
                groups,
                ctx.residents.xy,
                detour=self.profile.detour_factor.value,
                limit=limit,
            )
            return d, None
        if sources is None:
            sources = site_sources(
                ctx.network,
                geoms,
                tolerance=self.profile.entrance_tolerance.value,
                max_connector=self.profile.max_connector.value,
                entrances=gates,
            )
        d = group_distances(ctx.network, sources, groups, ctx.access, ctx.residents.xy, limit=limit)
        return d, sources

    # -- shelters -------------------------------------------------------------------------
    def _shelter_table(self, layer: PlanLayer) -> pd.DataFrame:
        assert layer.frame is not None
        frame = layer.frame
        n = len(frame)
        classes = frame["class"].fillna("") if "class" in frame else pd.Series([""] * n)
        rows = []
        override = layer.options.get("radius_m")
        for cls_name in classes.to_numpy():
            rule = self.profile.shelter_class(str(cls_name) or None)
            rows.append(
                (
                    rule.name,
                    float(override) if override is not None else rule.radius_m.value,
                    rule.per_capita_m2.value,
                )
            )
        table = pd.DataFrame(rows, columns=["class", "radius_m", "per_capita_m2"]).astype(
            {"class": object, "radius_m": float, "per_capita_m2": float}
        )
        table["id"] = frame["id"].astype(str).to_numpy()
        table["layer"] = layer.name
        table["name"] = frame["name"].to_numpy() if "name" in frame else None
        table["steward"] = frame["steward"].to_numpy() if "steward" in frame else None
        geoms = frame.geometry.to_numpy()
        polygonal = np.isin(shapely.get_type_id(geoms), [3, 6])
        site_area = np.where(polygonal, shapely.area(geoms), np.nan)
        eff = (
            frame["effective_area"].to_numpy(float)
            if "effective_area" in frame
            else np.full(n, np.nan)
        )
        given = frame["capacity"].to_numpy(float) if "capacity" in frame else np.full(n, np.nan)
        area = np.where(np.isnan(eff), site_area, eff)
        by_area = area / table["per_capita_m2"].to_numpy()
        both = ~np.isnan(by_area) & ~np.isnan(given)
        capacity = np.where(
            both, np.minimum(by_area, given), np.where(np.isnan(given), by_area, given)
        )
        basis = np.where(
            both,
            np.where(
                given <= by_area,
                "capacity field (smaller than area / per-capita)",
                "effective area / per-capita (smaller than the capacity field)",
            ),
            np.where(
                ~np.isnan(given),
                "capacity field",
                np.where(
                    ~np.isnan(eff),
                    "effective area / per-capita",
                    np.where(
                        polygonal,
                        "site area / per-capita (no effective area given)",
                        "none: no capacity or area given",
                    ),
                ),
            ),
        )
        table["effective_area_m2"] = area
        table["capacity_persons"] = np.nan_to_num(capacity, nan=0.0)
        table["capacity_basis"] = basis
        return table

    def _shelter_layer(self, ctx: _Context, layer: PlanLayer) -> _ShelterLayer:
        key = _fingerprint(ctx.key, self._lfp(layer))

        def make() -> _ShelterLayer:
            assert layer.frame is not None
            table = self._shelter_table(layer)
            radius = table["radius_m"].to_numpy()
            geoms = layer.frame.geometry.to_numpy()
            # Each site's residents within its radius, kept per site: an edit to one shelter
            # routes that shelter alone.
            site_keys = [
                _fingerprint(ctx.key, wkb, rad, site_id)
                for wkb, rad, site_id in zip(
                    shapely.to_wkb(geoms), radius, table["id"].to_numpy(), strict=True
                )
            ]
            known = self._site_cache.setdefault(layer.name, {})
            todo = [i for i, k in enumerate(site_keys) if k not in known]
            if todo:
                idx = np.asarray(todo)
                gates = self._gates(ctx, table["id"].to_numpy(), layer.name)
                every = (
                    None
                    if ctx.network is None
                    else self._layer_sources(ctx, layer.name, geoms, gates)
                )
                singles = [np.array([j]) for j in range(idx.size)]
                limit = float(radius[idx].max())
                if every is None:
                    g, r_all, d_all = straight_reach(
                        geoms[idx],
                        ctx.residents.xy,
                        detour=self.profile.detour_factor.value,
                        limit=limit,
                    )
                else:
                    # sparse: each shelter's residents within its radius, not a dense
                    # (shelters x residents) array
                    assert ctx.network is not None
                    g, r_all, d_all = group_reach(
                        ctx.network, every.subset(idx), singles, ctx.access, limit=limit
                    )
                reached = every.reached()[idx] if every is not None else np.ones(idx.size, bool)
                cuts = np.searchsorted(g, np.arange(1, idx.size))  # g is sorted
                for j, (r, dist) in enumerate(
                    zip(np.split(r_all, cuts), np.split(d_all, cuts), strict=True)
                ):
                    i = todo[j]
                    keep = dist <= radius[i] + settings.DISTANCE_TOLERANCE_M
                    known[site_keys[i]] = (r[keep], dist[keep], bool(reached[j]))
            fresh = {k: known[k] for k in site_keys}
            self._site_cache[layer.name] = fresh
            parts = [fresh[k] for k in site_keys]
            pairs = pd.DataFrame(
                {
                    "r": np.concatenate([p[0] for p in parts]) if parts else np.empty(0, np.int64),
                    "s": np.repeat(np.arange(len(parts)), [len(p[0]) for p in parts]),
                    "d": np.concatenate([p[1] for p in parts]) if parts else np.empty(0),
                }
            )
            table["reaches_network"] = [p[2] for p in parts]
            return _ShelterLayer(table, pairs, None)

        return self._cached(f"shelters:{layer.name}", key, make)

    # -- activity spaces and facilities -----------------------------------------------------
    def _route_groups(
        self, ctx: _Context, layer: PlanLayer, wanted: list[tuple[str, float, np.ndarray, float]]
    ) -> dict[str, _GroupResult]:
        """Distances from each named group ``(name, radius, site indices, area)`` of a layer."""
        assert layer.frame is not None
        geoms = layer.frame.geometry.to_numpy()
        gates = self._gates(ctx, layer.frame["id"].to_numpy(), layer.name)
        out: dict[str, _GroupResult] = {}
        sources: Sources | None = None
        if ctx.network is not None and any(sites.size for _, _, sites, _ in wanted):
            sources = self._layer_sources(ctx, layer.name, geoms, gates)
        for name, radius, sites, area in wanted:
            if sites.size == 0:
                out[name] = _GroupResult(radius, np.full(ctx.residents.count, np.inf), sites, 0.0)
                continue
            d, sources = self._distances(ctx, geoms, [sites], radius, sources, gates)
            out[name] = _GroupResult(radius, d[0], sites, area)
        return out

    def _layer_sources(
        self, ctx: _Context, name: str, geoms: np.ndarray, gates: dict[int, np.ndarray]
    ) -> Sources:
        """Where each site of a layer reaches the network, kept per site: after an edit only
        the changed sites are located again (finding a park's network positions is the costly
        part of routing from it)."""
        assert ctx.network is not None
        keys = [
            _fingerprint(ctx.key, wkb, gates[i].tobytes() if i in gates else None)
            for i, wkb in enumerate(shapely.to_wkb(geoms))
        ]
        known = dict(self._source_cache.get(name, {}))
        for key in keys:
            if key not in known:
                other = next((c[key] for c in self._source_cache.values() if key in c), None)
                if other is not None:
                    known[key] = other
        todo = [i for i, k in enumerate(keys) if k not in known]
        if todo:
            idx = np.asarray(todo)
            found = site_sources(
                ctx.network,
                geoms[idx],
                tolerance=self.profile.entrance_tolerance.value,
                max_connector=self.profile.max_connector.value,
                entrances={j: gates[i] for j, i in enumerate(todo) if i in gates} or None,
            )
            order = np.argsort(found.site, kind="stable")
            cuts = np.cumsum(np.bincount(found.site, minlength=idx.size))[:-1]
            pieces = zip(
                np.split(found.seg[order], cuts),
                np.split(found.t[order], cuts),
                np.split(found.offset[order], cuts),
                strict=True,
            )
            for j, (seg, t, offset) in enumerate(pieces):
                known[keys[todo[j]]] = (seg, t, offset, found.polygons[j])
        self._source_cache[name] = {k: known[k] for k in keys}
        parts = [known[k] for k in keys]
        n = len(parts)
        polygons = np.empty(n, dtype=object)
        polygons[:] = [p[3] for p in parts]
        return Sources(
            np.repeat(np.arange(n, dtype=np.int64), [len(p[0]) for p in parts]),
            np.concatenate([p[0] for p in parts]).astype(np.int64) if n else np.empty(0, np.int64),
            np.concatenate([p[1] for p in parts]) if n else np.empty(0),
            np.concatenate([p[2] for p in parts]) if n else np.empty(0),
            polygons,
            n,
            self.profile.entrance_tolerance.value,
        )

    def _space_layer(self, ctx: _Context, layer: PlanLayer) -> dict[str, _GroupResult]:
        key = _fingerprint(ctx.key, self._lfp(layer))

        def make() -> dict[str, _GroupResult]:
            frame = layer.frame
            assert frame is not None
            geoms = frame.geometry.to_numpy()
            area = frame["area"].to_numpy(float) if "area" in frame else np.full(len(geoms), np.nan)
            area = np.where(np.isnan(area), shapely.area(geoms), area)
            override = layer.options.get("radius_m")
            wanted = []
            for circle in self.profile.circles:
                sites = np.flatnonzero(area >= circle.min_area_m2.value)
                radius = float(override) if override is not None else circle.radius_m.value
                wanted.append((circle.name, radius, sites, float(area[sites].sum())))
            out = self._route_groups(ctx, layer, wanted)
            out["_all"] = _GroupResult(0.0, np.empty(0), np.arange(len(geoms)), float(area.sum()))
            return out

        return self._cached(f"spaces:{layer.name}", key, make)

    def _facility_layer(self, ctx: _Context, layer: PlanLayer) -> dict[str, _GroupResult]:
        key = _fingerprint(ctx.key, self._lfp(layer))

        def make() -> dict[str, _GroupResult]:
            assert layer.frame is not None
            kinds = layer.frame["kind"].astype(str).to_numpy()
            override = layer.options.get("radius_m")
            wanted = []
            for kind in sorted(set(kinds)):
                rule = self.profile.facility_radius.get(kind)
                if override is not None:
                    wanted.append((kind, float(override), np.flatnonzero(kinds == kind), 0.0))
                elif rule is not None:
                    wanted.append((kind, rule.value, np.flatnonzero(kinds == kind), 0.0))
            return self._route_groups(ctx, layer, wanted)

        return self._cached(f"facilities:{layer.name}", key, make)

    # -- the evaluation ---------------------------------------------------------------------
    def evaluate(
        self,
        *,
        scenario: str | None = None,
        period: str = "both",
        progress: Progress | None = None,
        cancel: Callable[[], bool] | None = None,
        gaps: bool | str = True,
        feedback: Feedback | None = None,
    ) -> Report:
        """Evaluate the plan as it is now.

        Parameters
        ----------
        feedback
            Progress by step code (``network``, ``shelters``, ``activity_spaces``,
            ``facilities``, ``gaps``, ``done``) and cancel; see :mod:`spaceplanner.feedback`.
            A cancel stops the evaluation with :class:`~spaceplanner.feedback.CancelledError`.
        progress, cancel
            Simple callbacks instead of ``feedback``: ``progress(fraction, English label)``,
            ``cancel()`` returning True to stop.
        gaps
            Also build the gap layers; the figures do not need them. ``"points"`` builds only the
            cheap ones (residents with their distances, uncovered residents, shelters with their
            load, hazard zones) and leaves out gap areas and service areas, which take seconds
            at city scale: the desktop app's live updates after an edit use it.
        scenario
            Hazard scenario (``flood``, ``earthquake``, ``fire``, ``all`` or a user type); the
            plan's when omitted. Its hazard zones shape the emergency period.
        period
            ``normal`` (daily life: activity space and facilities), ``emergency`` (shelters,
            dual-use spaces switched to shelters, after the 避/防/让 checks) or ``both``.
        """
        if period not in PERIODS:
            msg = f"unknown period '{period}'"
            raise PlanError(msg, field="period", hint=f"use one of {', '.join(PERIODS)}")
        self.scenario = scenario or self.plan.scenario
        check_scenario(self.scenario, self.plan)
        check_targets(
            self.plan.targets,
            self.profile,
            self._facility_kinds(),
            file=str(self.plan.path) if self.plan.path else None,
        )
        check_memory(plan_memory(self.plan), file=str(self.plan.path) if self.plan.path else None)
        fb = feedback or Feedback.from_callbacks(progress, cancel)
        self._feedback = fb
        self._fingerprints = {}
        steps = ["network", "shelters", "activity_spaces", "facilities", "gaps"]

        def step(i: int) -> None:
            fb.step(steps[i], i / len(steps))

        step(0)
        ctx = self._context()
        res = ctx.residents
        total = res.total
        reachable = ctx.access.reachable
        step(1)
        shelters = self._shelters(ctx)
        step(2)
        spaces = self._spaces(ctx)
        step(3)
        facilities = self._facilities(ctx)
        violations = [
            typed_violation(v) for v in [*shelters["checks"].violations, *self._route_violations()]
        ]
        shelter_summary: ShelterSummary = shelters["summary"]
        facility_summary = facilities["summary"] if period != "emergency" else None
        population_unreachable = float(res.population[~reachable].sum())
        layers: dict[str, gpd.GeoDataFrame] = {}
        if gaps not in (True, False, "points"):
            msg = f"unknown gaps option {gaps!r}"
            raise PlanError(msg, field="gaps", hint="use True, False or 'points'")
        if gaps:
            step(4)
            layers = self._gap_layers(ctx, shelters, spaces, facilities, areas=gaps is True)
            layers.update(violation_layers(violations, self.plan.crs))
        report = Report(
            plan=self.plan.name,
            crs=crs_label(self.plan.crs),
            rules=self.profile.name,
            rules_title=self.profile.title,
            scenario=self.scenario,
            distance="network" if ctx.network is not None else "straight_line",
            walking_speed_m_per_min=self.profile.walking_speed.value,
            population=total,
            resident_points=res.count,
            population_unreachable=population_unreachable,
            period=period,
            shelters=shelter_summary if period != "normal" else None,
            activity_spaces=spaces["summary"] if period != "emergency" else None,
            facilities=facility_summary,
            violations=tuple(violations),
            capacity_removed_by=shelter_summary.capacity_removed_by,
            # shelters, dual-use spaces and sensitive facilities put through 避/防/让
            sites_checked=len(shelters["checks"].remaining_share),
            notes=tuple(self._notes(ctx, facilities, shelters["checks"])),
            run=run_record(self.plan, self.profile, self.scenario, period),
            indicators=indicators(
                total,
                shelter_summary if period != "normal" else None,
                spaces["summary"] if period != "emergency" else None,
                facility_summary,
                self.profile,
                self.plan.targets,
                has_shelters=bool(shelters["layers"]),
                has_spaces=bool(spaces["layers"]),
                unrated=facilities["unrated"] if period != "emergency" else [],
            ),
            detour_factor=self.profile.detour_factor.to_dict() if ctx.network is None else None,
            layers=layers,
        )
        fb.step("done", 1.0)
        return report

    # -- inputs of the site suggestions ----------------------------------------------------------
    def _prepare(self, scenario: str | None) -> _Context:
        self.scenario = scenario or self.plan.scenario
        check_scenario(self.scenario, self.plan)
        self._fingerprints = {}
        return self._context()

    def shelter_problem(self, *, scenario: str | None = None) -> ShelterProblem:
        """The shelter step as the site suggestions need it: every shelter (dual-use spaces
        included) with its capacity after the 避/防/让 checks, and the residents within each
        one's radius. :func:`~spaceplanner.engine.capacity.assign` on it gives the report's
        figure."""
        ctx = self._prepare(scenario)
        sh = self._shelters(ctx)
        return ShelterProblem(
            table=sh["table"],
            pairs=sh["pairs"],
            capacity=np.asarray(sh["capacity"], dtype=float),
            eligible=np.asarray(sh["eligible"], dtype=bool),
            population=ctx.residents.population,
            group_key=ctx.access.seg,
            violations=sh["checks"].violations,
            sheltered=float(sh["summary"].population_sheltered),
        )

    def coverage_problem(
        self, layer: PlanLayer, radius: float, *, scenario: str | None = None
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """``(site, resident, distance)`` of every resident within ``radius`` of each site of
        ``layer`` (a layer that need not be in the plan), and the residents' populations."""
        ctx = self._prepare(scenario)
        assert layer.frame is not None
        geoms = layer.frame.geometry.to_numpy()
        singles = [np.array([i]) for i in range(len(geoms))]
        if ctx.network is None:
            dense, _ = self._distances(ctx, geoms, singles, radius)
            site, resident = np.nonzero(np.isfinite(dense))
            return site, resident, dense[site, resident]
        gates = self._gates(ctx, layer.frame["id"].to_numpy(), layer.name)
        sources = self._layer_sources(ctx, layer.name, geoms, gates)
        site, resident, d = group_reach(ctx.network, sources, singles, ctx.access, limit=radius)
        keep = d <= radius
        return site[keep], resident[keep], d[keep]

    def population(self) -> np.ndarray:
        """Persons of each resident point (in the order of the coverage and shelter problems)."""
        return self._context().residents.population

    def covered(self, what: str, *, scenario: str | None = None) -> np.ndarray:
        """Which residents an existing indicator already covers: ``space_<circle>`` or a
        facility kind (a boolean per resident point)."""
        ctx = self._prepare(scenario)
        if what.startswith("space_"):
            d = self._spaces(ctx)["distances"].get(what.removeprefix("space_"))
        else:
            d = self._facilities(ctx)["distances"].get(what)
        if d is None:
            return np.zeros(ctx.residents.count, dtype=bool)
        return np.isfinite(d)

    def _check_cancel(self) -> None:
        """Inside long steps (gap areas, service areas: one indicator at a time) a cancel is
        honoured before the next indicator, not only between steps."""
        self._feedback.check()

    def _route_violations(self) -> list[dict[str, Any]]:
        """让 on evacuation routes, recomputed only when the network or buildings change."""
        key = _fingerprint(
            self.profile.data,
            *[
                self._lfp(lyr)
                for role in ("network", "buildings")
                for lyr in self.plan.by_role(role)
            ],
        )
        return self._cached("routes", key, lambda: route_violations(self.plan, self.profile))

    def _facility_kinds(self) -> set[str]:
        kinds: set[str] = set()
        for lyr in self.plan.by_role("facilities"):
            if lyr.frame is not None:
                kinds |= set(lyr.frame["kind"].astype(str))
        return kinds

    def _notes(self, ctx: _Context, facilities: dict[str, Any], checks: SitingResult) -> list[Note]:
        # what loading found (skipped features, repairs, warnings) stays with the figures
        notes = [
            Note("loading", f"loading: {p.describe()}")
            for p in self.plan.problems
            if p.severity in ("warning", "repair", "error")
        ]
        notes += checks.notes
        present = hazard_types(self.plan)
        counted = scenario_types(self.scenario, present)
        if self.scenario not in {*SCENARIOS, "all"} and self.scenario not in present:
            text = (
                f"scenario '{self.scenario}' is none of {', '.join([*SCENARIOS, 'all'])} and no "
                "hazard layer has that type: no hazard zone applies"
            )
            notes.append(Note("scenario_without_hazards", text))
        if present - counted:
            text = (
                f"hazard types not part of scenario '{self.scenario}': "
                f"{', '.join(sorted(present - counted))} (they count in 'all')"
            )
            notes.append(Note("hazard_types_not_counted", text))
        if ctx.network is None:
            text = (
                "no network layer: distances are straight lines x the detour factor "
                f"{self.profile.detour_factor.value:g} ({self.profile.detour_factor.source})"
            )
            notes.append(Note("no_network", text))
        if not self.plan.by_role("shelters"):
            if self._dual_use_layers():
                text = "the plan has no shelters layer: only dual-use spaces shelter people"
                notes.append(Note("no_shelters_dual_use_only", text))
            else:
                text = "the plan has no shelters layer and no dual-use space: nobody is sheltered"
                notes.append(Note("no_shelters", text))
        layers_of: dict[str, set[str]] = {}
        for role in ("shelters", "activity_spaces", "facilities"):
            for lyr in self.plan.by_role(role):
                if lyr.frame is not None:
                    for site_id in lyr.frame["id"].astype(str):
                        layers_of.setdefault(site_id, set()).add(lyr.name)
        orphans, ambiguous = [], []
        for key in ctx.entrances:
            layer, site_id = key.split(ENTRANCE_KEY_SEP, 1)
            owners = layers_of.get(site_id, set())
            if (layer and layer not in owners) or not owners:
                orphans.append(f"{layer}/{site_id}" if layer else site_id)
            elif not layer and len(owners) > 1:
                ambiguous.append(f"{site_id} ({', '.join(sorted(owners))})")
        if orphans:
            text = (
                f"entrances name sites that are not in the plan ({', '.join(orphans[:5])}): ignored"
            )
            notes.append(Note("entrances_unknown_site", text))
        if ambiguous:
            text = (
                "entrances name site ids used in several layers, so they serve each of them: "
                f"{'; '.join(ambiguous[:5])} — give the entrances a site_layer"
            )
            notes.append(Note("entrances_ambiguous", text))
        for kind in facilities["unrated"]:
            text = (
                f"facility kind '{kind}' has no service radius in profile '{self.profile.name}': "
                "not evaluated (set radius_m on its layer)"
            )
            notes.append(Note("facility_kind_unrated", text))
        return notes

    def _dual_use_layers(self) -> list[PlanLayer]:
        """Dual-use activity spaces (平急两用) as shelter layers of the default class."""
        out = []
        for lyr in self.plan.by_role("activity_spaces"):
            if lyr.frame is None or "dual_use" not in lyr.frame:
                continue
            frame = lyr.frame

            def make(frame: gpd.GeoDataFrame = frame) -> gpd.GeoDataFrame | None:
                chosen = frame[dual_use_mask(frame["dual_use"])]
                if chosen.empty:
                    return None
                cols = {c: chosen[c] for c in ("id", "name", "steward") if c in chosen}
                if "area" in chosen:
                    cols["effective_area"] = chosen["area"]
                return gpd.GeoDataFrame(cols, geometry=chosen.geometry.to_numpy(), crs=frame.crs)

            # the same frame object while the layer is unchanged (its caches key on that)
            shelters = self._cached(f"dual_use:{lyr.name}", self._lfp(lyr), make)
            if shelters is not None:
                out.append(PlanLayer(f"{lyr.name}{DUAL_USE_SUFFIX}", "shelters", frame=shelters))
        return out

    def _checks(self, ctx: _Context, table: pd.DataFrame, geoms: np.ndarray) -> SitingResult:
        facilities = [lyr for lyr in self.plan.by_role("facilities") if lyr.frame is not None]
        sensitive = [
            lyr.frame[lyr.frame["kind"].isin(SENSITIVE_KINDS)].assign(layer=lyr.name)  # type: ignore[index]
            for lyr in facilities
        ]
        # the sites as plain columns; a GeoDataFrame is built only for those to check
        columns: dict[str, list[np.ndarray]] = {
            "layer": [table["layer"].to_numpy(object)],
            "id": [table["id"].to_numpy(object)],
            "name": [table["name"].to_numpy(object)],
            "class": [table["class"].to_numpy(object)],
            "use": [table["use"].to_numpy(object)],
        }
        shapes = [np.asarray(geoms, dtype=object)]
        for f in sensitive:
            if not len(f):
                continue
            n = len(f)
            columns["layer"].append(f["layer"].to_numpy(object))
            columns["id"].append(f["id"].astype(str).to_numpy(object))
            columns["name"].append(
                f["name"].to_numpy(object) if "name" in f else np.full(n, None, dtype=object)
            )
            columns["class"].append(np.full(n, None, dtype=object))
            columns["use"].append(np.full(n, "sensitive", dtype=object))
            shapes.append(f.geometry.to_numpy())
        site_cols = {k: np.concatenate(v) for k, v in columns.items()}
        site_geoms = np.concatenate(shapes)
        world = _fingerprint(
            ctx.key,
            self.scenario,
            *[
                self._lfp(lyr)
                for role in ("hazards", "hazard_sources", "buildings", "network")
                for lyr in self.plan.by_role(role)
            ],
        )
        zone_notes: list[Note] = []
        zones = self._cached(
            "zones", world, lambda: (hazard_zones(self.plan, self.scenario, zone_notes), zone_notes)
        )
        zones, zone_notes = zones
        self._zones = zones
        # Checked per site: an edit re-checks only the sites it changed.
        texts = [site_cols[c].astype(str) for c in ("layer", "id", "use", "class", "name")]
        keys = [
            _fingerprint(world, wkb, *rec)
            for wkb, rec in zip(shapely.to_wkb(site_geoms), zip(*texts, strict=True), strict=True)
        ]
        known = self._siting_cache
        todo = [i for i, k in enumerate(keys) if k not in known]
        if todo or known.get("world") != world:
            rows = np.asarray(todo, dtype=np.int64)
            subset = gpd.GeoDataFrame(
                {c: site_cols[c][rows] for c in ("layer", "id", "name", "class", "use")},
                geometry=site_geoms[rows],
                crs=self.plan.crs,
            )
            result = check_sites(
                self.plan, self.profile, subset, zones, network=ctx.network, entrances=ctx.entrances
            )
            for j, i in enumerate(todo):
                known[keys[i]] = (
                    float(result.remaining_share[j]),
                    {p: float(v[j]) for p, v in result.removed_share.items()},
                    [v for v in result.violations if v["_site"] == j],
                )
            known["notes"] = result.notes
            known["world"] = world
        per_site = [known[k] for k in keys]
        notes = known["notes"]
        self._siting_cache = {k: known[k] for k in (*keys, "notes", "world")}
        principles = (AVOID, PREVENT, GIVE_WAY)
        return SitingResult(
            np.array([r[0] for r in per_site], dtype=float),
            {p: np.array([r[1][p] for r in per_site], dtype=float) for p in principles},
            [{k: v for k, v in viol.items() if k != "_site"} for r in per_site for viol in r[2]],
            [*zone_notes, *notes],
        )

    def _shelters(self, ctx: _Context) -> dict[str, Any]:
        res = ctx.residents
        layers = [*self.plan.by_role("shelters"), *self._dual_use_layers()]
        parts = [self._shelter_layer(ctx, lyr) for lyr in layers]
        tables, pairs, offset = [], [], 0
        for lyr, part in zip(layers, parts, strict=True):
            use = "dual_use" if lyr.name.endswith(DUAL_USE_SUFFIX) else "shelter"
            tables.append(part.table.assign(use=use))
            pairs.append(part.pairs.assign(s=part.pairs["s"] + offset))
            offset += len(part.table)
        table = (
            pd.concat(tables, ignore_index=True)
            if tables
            else pd.DataFrame(
                columns=[
                    "id",
                    "layer",
                    "name",
                    "class",
                    "use",
                    "steward",
                    "radius_m",
                    "per_capita_m2",
                    "effective_area_m2",
                    "capacity_persons",
                    "capacity_basis",
                ]
            )
        )
        allowed = (
            pd.concat(pairs, ignore_index=True)
            if pairs
            else pd.DataFrame(
                {"r": np.empty(0, np.int64), "s": np.empty(0, np.int64), "d": np.empty(0)}
            )
        )
        geoms = (
            np.concatenate(
                [lyr.frame.geometry.to_numpy() for lyr in layers if lyr.frame is not None]
            )
            if layers
            else np.empty(0, object)
        )
        before = table["capacity_persons"].to_numpy(float) if len(table) else np.empty(0)
        checks = self._checks(ctx, table, geoms)
        k = len(table)
        share = checks.remaining_share[:k]
        capacity = before * share
        removed_by = {
            p: before * np.minimum(checks.removed_share[p][:k], 1.0) for p in checks.removed_share
        }
        eligible = share > 0
        area_before = table["effective_area_m2"].to_numpy(float) if len(table) else np.empty(0)
        area_after = area_before * share
        if not allowed.empty:
            allowed = allowed[eligible[allowed["s"].to_numpy()]].reset_index(drop=True)
        result = assign(res.population, capacity, allowed, ctx.access.seg)
        nearest = np.full(res.count, np.inf)
        nearest_site = np.full(res.count, -1)
        if not allowed.empty:
            best = allowed.loc[allowed.groupby("r")["d"].idxmin()]
            nearest[best["r"].to_numpy()] = best["d"].to_numpy()
            nearest_site[best["r"].to_numpy()] = best["s"].to_numpy()
        covered = np.isfinite(nearest)
        has = nearest_site >= 0
        demand = np.bincount(nearest_site[has], weights=res.population[has], minlength=len(table))
        within: np.ndarray = np.zeros(len(table))
        if not allowed.empty:
            within = np.bincount(  # persons within each shelter's radius
                allowed["s"].to_numpy(),
                weights=res.population[allowed["r"].to_numpy()],
                minlength=len(table),
            )
        total = res.total
        default = self.profile.shelter_class(None)
        by_shelter = []
        for i, row in table.reset_index(drop=True).iterrows():
            by_shelter.append(
                ShelterRow(
                    site=SiteRef(
                        str(row["layer"]).removesuffix(DUAL_USE_SUFFIX),
                        str(row["id"]),
                        row["use"] == "dual_use",
                    ),
                    name=row.get("name"),
                    shelter_class=row["class"],
                    steward=row.get("steward"),
                    radius_m=row["radius_m"],
                    effective_area_m2=float(area_after[i]),
                    effective_area_before_checks_m2=float(area_before[i]),
                    per_capita_m2=row["per_capita_m2"],
                    use=row["use"],
                    capacity_before_checks=row["capacity_persons"],
                    capacity_persons=float(capacity[i]),
                    capacity_removed={p: float(removed_by[p][i]) for p in removed_by},
                    eligible=bool(eligible[i]),
                    capacity_basis=row["capacity_basis"],
                    assigned=float(result.load[i]),
                    spare=float(capacity[i] - result.load[i]),
                    population_within_radius=float(within[i]),
                    nearest_demand=float(demand[i]),
                    over_capacity=bool(demand[i] > capacity[i] + 1e-9),
                    reaches_network=bool(row.get("reaches_network", True)),
                )
            )
        covered_pop = float(res.population[covered].sum())
        summary = ShelterSummary(
            radius_m=default.radius_m.value,
            population_covered=covered_pop,
            share_covered=covered_pop / total if total else 0.0,
            capacity_persons=float(capacity.sum()),
            population_sheltered=result.flow,
            share_sheltered=result.flow / total if total else 0.0,
            population_unsheltered=total - result.flow,
            # after the 避/防/让 checks: the ground a flood takes is no shelter space
            effective_area_m2=float(np.nansum(area_after)),
            effective_area_before_checks_m2=float(np.nansum(area_before)),
            per_capita_area_m2=float(np.nansum(area_after)) / total
            if total and len(table)
            else 0.0,
            by_shelter=tuple(by_shelter),
            capacity_before_checks=float(before.sum()),
            capacity_removed_by={p: float(v.sum()) for p, v in removed_by.items()},
            rules={
                name: {
                    "radius_m": c.radius_m.to_dict(),
                    "per_capita_m2": c.per_capita_m2.to_dict(),
                    "min_area_m2": c.min_area_m2.to_dict(),
                }
                for name, c in self.profile.shelter_classes.items()
                if name in set(table["class"]) or name == default.name
            },
        )
        return {
            "summary": summary,
            "capacity": capacity,
            "eligible": eligible,
            "checks": checks,
            "layers": layers,
            "geoms": geoms,
            "table": table,
            "nearest": nearest,
            "sheltered": result.sheltered,
            "covered": covered,
            "pairs": allowed,
            "parts": parts,
        }

    def _spaces(self, ctx: _Context) -> dict[str, Any]:
        res = ctx.residents
        total = res.total
        layers = self.plan.by_role("activity_spaces")
        parts = [self._space_layer(ctx, lyr) for lyr in layers]
        circles: dict[str, CircleCoverage] = {}
        distances: dict[str, np.ndarray] = {}
        for circle in self.profile.circles:
            d = np.full(res.count, np.inf)
            area = 0.0
            count = 0
            for part in parts:
                g = part[circle.name]
                if g.sites.size:
                    d = np.minimum(d, g.distance)
                area += g.area
                count += int(g.sites.size)
            covered = np.isfinite(d)
            pop = float(res.population[covered].sum())
            radius, radius_source = _radius_used(
                circle.radius_m.value,
                circle.radius_m.source,
                [(lyr.name, lyr.options.get("radius_m")) for lyr in layers],
            )
            circles[circle.name] = CircleCoverage(
                radius_m=radius,
                minutes=self.profile.minutes(radius),
                min_area_m2=circle.min_area_m2.value,
                spaces_counted=count,
                area_m2=area,
                population_covered=pop,
                share_covered=pop / total if total else 0.0,
                per_capita_m2=area / pop if pop else 0.0,
                target_per_capita_m2=circle.per_capita_m2.value,
                sources={
                    "radius_m": radius_source,
                    "min_area_m2": circle.min_area_m2.source,
                    "per_capita_m2": circle.per_capita_m2.source,
                },
            )
            distances[circle.name] = d
        all_area = sum(part["_all"].area for part in parts)
        summary = ActivitySpaces(
            circles,
            SpacesOverall(
                spaces=sum(int(part["_all"].sites.size) for part in parts),
                area_m2=all_area,
                per_capita_m2=all_area / total if total else 0.0,
            ),
        )
        return {"summary": summary, "distances": distances, "layers": layers}

    def _facilities(self, ctx: _Context) -> dict[str, Any]:
        res = ctx.residents
        total = res.total
        layers = self.plan.by_role("facilities")
        parts = [self._facility_layer(ctx, lyr) for lyr in layers]
        kinds_present: set[str] = set()
        for lyr in layers:
            assert lyr.frame is not None
            kinds_present |= set(lyr.frame["kind"].astype(str))
        summary: dict[str, FacilityCoverage] = {}
        distances: dict[str, np.ndarray] = {}
        radii: dict[str, set[float]] = {}
        counts: dict[str, int] = {}
        for part in parts:
            for kind, g in part.items():
                distances[kind] = np.minimum(
                    distances.get(kind, np.full(res.count, np.inf)), g.distance
                )
                radii.setdefault(kind, set()).add(g.radius)
                counts[kind] = counts.get(kind, 0) + int(g.sites.size)
        for kind in sorted(distances):
            covered = np.isfinite(distances[kind])
            pop = float(res.population[covered].sum())
            rule = self.profile.facility_radius.get(kind)
            radius, source = _radius_used(
                rule.value if rule is not None else None,
                rule.source if rule is not None else None,
                [
                    (lyr.name, lyr.options.get("radius_m"))
                    for lyr in layers
                    if lyr.frame is not None and (lyr.frame["kind"].astype(str) == kind).any()
                ],
            )
            summary[kind] = FacilityCoverage(
                radius_m=radius,
                minutes=self.profile.minutes(radius),
                count=counts[kind],
                population_covered=pop,
                share_covered=pop / total if total else 0.0,
                source=source,
            )
        unrated = sorted(kinds_present - set(distances))
        return {"summary": summary, "distances": distances, "unrated": unrated}

    # -- gap layers -------------------------------------------------------------------------
    def _gap_layers(
        self,
        ctx: _Context,
        shelters: dict[str, Any],
        spaces: dict[str, Any],
        facilities: dict[str, Any],
        *,
        areas: bool = True,
    ) -> dict[str, gpd.GeoDataFrame]:
        res = ctx.residents
        crs = self.plan.crs
        columns: dict[str, Any] = {
            "id": res.ids,
            "layer": res.layer,
            "population": res.population,
            "reachable": ctx.access.reachable,
            "d_shelter": shelters["nearest"],
            "sheltered": shelters["sheltered"],
            "unsheltered": res.population - shelters["sheltered"],
        }
        indicators: dict[str, np.ndarray] = {"shelter": shelters["nearest"]}
        for name, d in spaces["distances"].items():
            indicators[f"space_{name}"] = d
        for kind, d in facilities["distances"].items():
            indicators[kind] = d
        for name, d in indicators.items():
            columns[f"d_{name}"] = d
            columns[f"ok_{name}"] = np.isfinite(d)
        frame = pd.DataFrame(columns)
        for col in frame.columns:
            if col.startswith("d_"):
                frame[col] = frame[col].where(np.isfinite(frame[col]))
        points = shapely.points(res.xy)
        residents = gpd.GeoDataFrame(frame, geometry=points, crs=crs)
        missing = {
            name: (res.population - shelters["sheltered"] > 1e-6)
            if name == "shelter"
            else ~np.isfinite(d)
            for name, d in indicators.items()
        }
        uncovered = gpd.GeoDataFrame(
            {
                "indicator": np.concatenate(
                    [np.full(int(m.sum()), name, dtype=object) for name, m in missing.items()]
                ),
                "id": np.concatenate([res.ids[m] for m in missing.values()]),
                "layer": np.concatenate([res.layer[m] for m in missing.values()]),
                "population": np.concatenate(
                    [
                        (res.population - shelters["sheltered"])[m]
                        if name == "shelter"
                        else res.population[m]
                        for name, m in missing.items()
                    ]
                ),
            },
            geometry=np.concatenate([points[m] for m in missing.values()]),
            crs=crs,
        )
        shelter_geoms = list(shelters["geoms"])
        summary_rows = [row.to_dict() for row in shelters["summary"].by_shelter]
        shelter_layer = gpd.GeoDataFrame(
            pd.DataFrame(summary_rows).drop(columns=[], errors="ignore")
            if summary_rows
            else pd.DataFrame(
                columns=["id", "layer", "capacity_persons", "assigned", "over_capacity"]
            ),
            geometry=shelter_geoms,
            crs=crs,
        )
        layers = {
            "residents": residents,
            "hazard_zones": self._zones,
            "uncovered_residents": uncovered,
            "shelters": shelter_layer,
            "shelters_over_capacity": shelter_layer[shelter_layer["over_capacity"].astype(bool)]
            if len(shelter_layer)
            else shelter_layer,
        }
        if not areas:
            return layers
        gap_rows = []
        units, coverage = res.units(max(self.profile.service_area_buffer.value, 50.0))
        for name, miss in missing.items():
            self._check_cancel()
            if not miss.any():
                continue
            area = _merge(units[miss], coverage)
            gap_rows.append(
                {
                    "indicator": name,
                    "population": float(res.population[miss].sum()),
                    "residents": int(miss.sum()),
                    "area_m2": float(shapely.area(area)),
                    "geometry": area,
                }
            )
        gap_areas = gpd.GeoDataFrame(
            gap_rows,
            columns=["indicator", "population", "residents", "area_m2", "geometry"],
            crs=crs,
        )
        service = self._service_areas(ctx, shelters, spaces, facilities)
        return {
            "residents": residents,
            "hazard_zones": self._zones,
            "uncovered_residents": uncovered,
            "gap_areas": gap_areas,
            "shelters": shelter_layer,
            "shelters_over_capacity": layers["shelters_over_capacity"],
            "service_areas": service,
        }

    def _service_areas(
        self,
        ctx: _Context,
        shelters: dict[str, Any],
        spaces: dict[str, Any],
        facilities: dict[str, Any],
    ) -> gpd.GeoDataFrame:
        # indicator -> the sites that serve it: (geometries, ids, radii) per layer
        served: dict[str, list[tuple[np.ndarray, np.ndarray, np.ndarray, str]]] = {}
        for lyr in shelters["layers"]:
            assert lyr.frame is not None
            table = shelters["table"]
            radii = table.loc[table["layer"] == lyr.name, "radius_m"].to_numpy(float)
            served.setdefault("shelter", []).append(
                (lyr.frame.geometry.to_numpy(), lyr.frame["id"].to_numpy(), radii, lyr.name)
            )
        for lyr in spaces["layers"]:
            assert lyr.frame is not None
            for circle in self.profile.circles:
                g = self._space_layer(ctx, lyr)[circle.name]
                if g.sites.size:
                    served.setdefault(f"space_{circle.name}", []).append(
                        (
                            lyr.frame.geometry.to_numpy()[g.sites],
                            lyr.frame["id"].to_numpy()[g.sites],
                            np.full(g.sites.size, g.radius),
                            lyr.name,
                        )
                    )
        for lyr in self.plan.by_role("facilities"):
            assert lyr.frame is not None
            for kind, g in self._facility_layer(ctx, lyr).items():
                served.setdefault(kind, []).append(
                    (
                        lyr.frame.geometry.to_numpy()[g.sites],
                        lyr.frame["id"].to_numpy()[g.sites],
                        np.full(g.sites.size, g.radius),
                        lyr.name,
                    )
                )
        rows = []
        for name, parts in served.items():
            self._check_cancel()
            geoms = np.concatenate([p[0] for p in parts])
            ids = np.concatenate([p[1] for p in parts])
            radii = np.concatenate([p[2] for p in parts])
            owners = np.concatenate([np.full(len(p[1]), p[3], dtype=object) for p in parts])
            if len(geoms) == 0:
                continue
            if ctx.network is None:
                shape = shapely.union_all(
                    shapely.buffer(geoms, radii / self.profile.detour_factor.value)
                )
            else:
                sources = site_sources(
                    ctx.network,
                    geoms,
                    tolerance=self.profile.entrance_tolerance.value,
                    max_connector=self.profile.max_connector.value,
                    entrances=self._gates(ctx, ids, owners),
                )
                shape = service_area(
                    ctx.network, sources, radii, self.profile.service_area_buffer.value
                )
            rows.append(
                {"indicator": name, "area_m2": float(shapely.area(shape)), "geometry": shape}
            )
        return gpd.GeoDataFrame(
            rows, columns=["indicator", "area_m2", "geometry"], crs=self.plan.crs
        )


def _radius_used(
    standard: float | None, source: str | None, layers: list[tuple[str, Any]]
) -> tuple[float, str]:
    """The walking radius an indicator was computed with, and how to cite it.

    A layer's ``radius_m`` replaces the profile's for that layer's sites; the report then names
    the plan's value first and the standard after it, so a label never claims the standard's
    300 m when the plan used 1000 m.
    """
    radii = {name: float(r) for name, r in layers if r is not None}
    used = list(radii.values())
    if standard is not None and (len(radii) < len(layers) or not used):
        used.append(standard)  # some layers (or none) keep the profile's radius
    radius = max(used, default=0.0)
    if not radii:
        return float(radius), source or ""
    by_plan = "; ".join(f"{r:g} m set by the plan (layer '{name}')" for name, r in radii.items())
    standard_text = f"standard: {source}" if source else "no standard radius for it in the profile"
    return float(radius), f"{by_plan}; {standard_text}"


def run_record(plan: Plan, profile: Profile, scenario: str, period: str) -> RunRecord:
    """What was evaluated, with what, when: so a report.json can be traced and reproduced."""
    return RunRecord(
        tool="spaceplanner",
        version=__version__,
        time=datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        plan_file=str(plan.path) if plan.path else None,
        plan_sha256=file_digest(plan.path) if plan.path else None,
        rules=profile.name,
        rules_file=str(profile.path),
        rules_sha256=file_digest(profile.path),
        scenario=scenario,
        period=period,
        targets_set_by_plan=dict(plan.targets),
    )


def typed_violation(v: dict[str, Any]) -> Violation:
    """A violation as the siting checks record it (a dict with its geometries under ``_``
    keys) as the report's :class:`~spaceplanner.results.report.Violation`."""
    core = {"layer", "id", "name", "rule", "principle", "measured", "required", "message"}
    return Violation(
        site=SiteRef.parse(v["layer"], v["id"]),
        name=v.get("name"),
        rule=v["rule"],
        principle=v["principle"],
        measured=v["measured"],
        required=v["required"],
        message=v["message"],
        source=v["source"],
        details={
            k: val for k, val in v.items() if not k.startswith("_") and k not in {*core, "source"}
        },
        geometry=v.get("_geometry"),
        zone=v.get("_zone"),
        cause=v.get("_source"),
    )


_DIGESTS: dict[tuple[str, int, int], str] = {}


def file_digest(path: Path) -> str | None:
    """SHA-256 of a file, remembered while its size and modification time stay the same (the
    desktop evaluates after every edit and must not read a large file again each time)."""
    try:
        st = path.stat()
    except OSError:
        return None
    if not path.is_file():
        return None
    key = (str(path.resolve()), st.st_size, st.st_mtime_ns)
    found = _DIGESTS.get(key)
    if found is None:
        digest = hashlib.sha256()
        with path.open("rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                digest.update(block)
        found = _DIGESTS[key] = digest.hexdigest()
    return found


def _merge(polygons: np.ndarray, coverage: bool) -> shapely.Geometry:
    """Merge polygons; a coverage (edge-to-edge cells) merges fast, with a safe fallback."""
    if coverage:
        try:
            return shapely.coverage_union_all(polygons)
        except shapely.errors.GEOSException:
            pass  # not a clean coverage after all (e.g. rounding at shared edges)
    return shapely.union_all(polygons)


def evaluate(
    plan: Plan,
    *,
    rules: str | None = None,
    scenario: str | None = None,
    period: str = "both",
    progress: Progress | None = None,
    cancel: Callable[[], bool] | None = None,
    gaps: bool | str = True,
    feedback: Feedback | None = None,
) -> Report:
    """Evaluate ``plan`` once (see :class:`Evaluator` to evaluate again after edits)."""
    return Evaluator(plan, rules=rules).evaluate(
        scenario=scenario,
        period=period,
        progress=progress,
        cancel=cancel,
        gaps=gaps,
        feedback=feedback,
    )
