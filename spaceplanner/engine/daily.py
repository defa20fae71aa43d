"""The normal period's stages: activity spaces by life circle and facilities by kind.

Each layer's distances are kept per layer version (:mod:`spaceplanner.engine.cache`); the
figures of every circle and kind are summed over the layers each time, which is cheap.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd
import shapely

from spaceplanner.engine.cache import layer_key
from spaceplanner.engine.distance import Sources
from spaceplanner.engine.locate import Context, Inputs, distances, layer_sources, site_gates
from spaceplanner.i18n import Template, Text, tx
from spaceplanner.model.plan import Plan, PlanLayer
from spaceplanner.model.rules import AreaRule, CoverageRule
from spaceplanner.results.report import (
    ActivitySpaces,
    CircleCoverage,
    FacilityCoverage,
    SizeBandCoverage,
    SpaceArea,
    SpaceCoverage,
    SpacesOverall,
)

__all__ = [
    "FacilityStage",
    "GroupResult",
    "SpaceStage",
    "counted_sites",
    "facility_layer",
    "facility_stage",
    "radius_used",
    "space_layer",
    "space_stage",
]


@dataclass(frozen=True)
class GroupResult:
    """Distances from one group of a layer's sites (a life circle's spaces, a facility kind)."""

    radius: float
    distance: np.ndarray
    sites: np.ndarray
    area: float


@dataclass(frozen=True)
class SpaceStage:
    """Activity spaces: the report's figures, each circle's distances, the layers read; and
    the profile's coverage indicators by size band (with each resident's distance to the
    nearest space covering it, infinite when none does) and areas per person."""

    summary: ActivitySpaces
    distances: dict[str, np.ndarray]
    layers: list[PlanLayer]
    coverage: dict[str, SpaceCoverage] = field(default_factory=dict)
    coverage_distances: dict[str, np.ndarray] = field(default_factory=dict)
    per_capita: dict[str, SpaceArea] = field(default_factory=dict)


@dataclass(frozen=True)
class FacilityStage:
    """Facilities: the report's figures, each kind's distances, kinds without a radius."""

    summary: dict[str, FacilityCoverage]
    distances: dict[str, np.ndarray]
    unrated: list[str]


def _route_groups(
    inp: Inputs, ctx: Context, layer: PlanLayer, wanted: list[tuple[str, float, np.ndarray, float]]
) -> dict[str, GroupResult]:
    """Distances from each named group ``(name, radius, site indices, area)`` of a layer."""
    assert layer.frame is not None
    geoms = layer.frame.geometry.to_numpy()
    gates = site_gates(ctx, layer.frame["id"].to_numpy(), layer.name)
    out: dict[str, GroupResult] = {}
    sources: Sources | None = None
    if ctx.network is not None and any(sites.size for _, _, sites, _ in wanted):
        sources = layer_sources(inp, ctx, layer.name, geoms, gates)
    for name, radius, sites, area in wanted:
        if sites.size == 0:
            out[name] = GroupResult(radius, np.full(ctx.residents.count, np.inf), sites, 0.0)
            continue
        d, sources = distances(inp, ctx, geoms, [sites], radius, sources, gates)
        out[name] = GroupResult(radius, d[0], sites, area)
    return out


def counted_sites(plan: Plan, geoms: np.ndarray) -> np.ndarray:
    """Which sites count in the figures of what a plan holds (the per-person areas, the shelter
    capacity): all of them, unless a boundary layer of the plan says ``areas_within`` (a
    community cut from a city by ``spaceplanner batch``, whose plan also holds its neighbours'
    sites within walking reach): then those whose representative point stands inside the
    boundary."""
    within = [
        b.frame.geometry.union_all()
        for b in plan.by_role("boundary")
        if b.options.get("areas_within") and b.frame is not None and len(b.frame)
    ]
    if not within or not len(geoms):
        return np.ones(len(geoms), dtype=bool)
    return shapely.intersects(shapely.union_all(within), shapely.point_on_surface(geoms))


def space_layer(inp: Inputs, ctx: Context, layer: PlanLayer) -> dict[str, GroupResult]:
    """One activity-space layer's distances per life circle (and ``_all``: every space)."""

    def make() -> dict[str, GroupResult]:
        frame = layer.frame
        assert frame is not None
        geoms = frame.geometry.to_numpy()
        area = _space_areas(frame)
        # the areas summed for the per-person figures (a site's size class uses its own area)
        counted = np.where(counted_sites(inp.plan, geoms), area, 0.0)
        wanted = [
            (name, radius, sites, float(counted[sites].sum()))
            for name, (sites, radius) in circle_sites(inp, layer).items()
        ]
        kind_given, kind = _kinds(frame)
        for rule in inp.profile.space_coverage:
            # a band's radius is the indicator's definition: a layer's radius_m does not change it
            band = rule.band_of(area)
            ok = _kind_ok(rule.kinds, kind_given, kind)
            for j, size in enumerate(rule.bands):
                sites = np.flatnonzero(ok & (band == j))
                wanted.append(
                    (_band_key(rule, j), size.radius_m.value, sites, float(counted[sites].sum()))
                )
        out = _route_groups(inp, ctx, layer, wanted)
        out["_all"] = GroupResult(0.0, np.empty(0), np.arange(len(geoms)), float(counted.sum()))
        out["_no_kind"] = GroupResult(0.0, np.empty(0), np.flatnonzero(~kind_given), 0.0)
        for a in inp.profile.space_area:
            keep = _kind_ok(a.kinds, kind_given, kind)
            if a.min_area_m2 is not None:
                keep &= area >= a.min_area_m2.value
            if a.max_area_m2 is not None:
                keep &= area < a.max_area_m2.value
            sites = np.flatnonzero(keep)
            out[f"_area:{a.name}"] = GroupResult(
                0.0, np.empty(0), sites, float(counted[sites].sum())
            )
        return out

    return inp.cache.get(f"spaces:{layer.name}", (ctx.key, layer_key(layer)), make)


def _space_areas(frame: pd.DataFrame) -> np.ndarray:
    """Each space's area: its ``area`` field, or its polygon's where that is missing."""
    geoms = frame.geometry.to_numpy()
    area = frame["area"].to_numpy(float) if "area" in frame else np.full(len(geoms), np.nan)
    return np.where(np.isnan(area), shapely.area(geoms), area)


def circle_sites(inp: Inputs, layer: PlanLayer) -> dict[str, tuple[np.ndarray, float]]:
    """Per life circle, the spaces of ``layer`` large enough for it and the circle's radius
    (the layer's ``radius_m`` when it gives one): the sites and radius the circle's figures
    route from, known from the plan alone."""
    assert layer.frame is not None
    area = _space_areas(layer.frame)
    override = layer.options.get("radius_m")
    return {
        circle.name: (
            np.flatnonzero(area >= circle.min_area_m2.value),
            float(override) if override is not None else circle.radius_m.value,
        )
        for circle in inp.profile.circles
    }


def kind_sites(inp: Inputs, layer: PlanLayer) -> dict[str, tuple[np.ndarray, float]]:
    """Per facility kind with a service radius (the profile's, or the layer's ``radius_m``),
    the facilities of ``layer`` of that kind and the radius, in the order of the kinds' names:
    what the facilities' figures route from, known from the plan alone."""
    assert layer.frame is not None
    kinds = layer.frame["kind"].astype(str).to_numpy()
    override = layer.options.get("radius_m")
    out: dict[str, tuple[np.ndarray, float]] = {}
    for kind in sorted(set(kinds)):
        rule = inp.profile.facility_radius.get(kind)
        if override is not None:
            out[kind] = (np.flatnonzero(kinds == kind), float(override))
        elif rule is not None:
            out[kind] = (np.flatnonzero(kinds == kind), rule.value)
    return out


def _kinds(frame: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Whether each space's kind is given, and the kind (text)."""
    if "kind" not in frame:
        n = len(frame)
        return np.zeros(n, dtype=bool), np.full(n, "", dtype=object)
    raw = frame["kind"]
    given = raw.notna().to_numpy() & (raw.astype(str).str.strip() != "").to_numpy()
    return given, raw.astype(str).to_numpy()


def _kind_ok(kinds: tuple[str, ...] | None, given: np.ndarray, kind: np.ndarray) -> np.ndarray:
    """Spaces an indicator of ``kinds`` keeps: those of the kinds, and those with no kind."""
    if kinds is None:
        return np.ones(given.size, dtype=bool)
    return ~given | np.isin(kind, kinds)


def _band_key(rule: CoverageRule, band: int) -> str:
    return f"_band:{rule.name}:{band}"


def facility_layer(inp: Inputs, ctx: Context, layer: PlanLayer) -> dict[str, GroupResult]:
    """One facility layer's distances per kind with a service radius."""

    def make() -> dict[str, GroupResult]:
        wanted = [
            (kind, radius, sites, 0.0) for kind, (sites, radius) in kind_sites(inp, layer).items()
        ]
        return _route_groups(inp, ctx, layer, wanted)

    return inp.cache.get(f"facilities:{layer.name}", (ctx.key, layer_key(layer)), make)


def space_stage(inp: Inputs, ctx: Context) -> SpaceStage:
    """Who lives within each life circle of an activity space large enough for it."""
    res = ctx.residents
    total = res.total
    layers = inp.plan.by_role("activity_spaces")
    parts = [space_layer(inp, ctx, lyr) for lyr in layers]
    circles: dict[str, CircleCoverage] = {}
    found: dict[str, np.ndarray] = {}
    for circle in inp.profile.circles:
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
        radius, radius_source = radius_used(
            circle.radius_m.value,
            circle.radius_m.source,
            [(lyr.name, lyr.options.get("radius_m")) for lyr in layers],
        )
        circles[circle.name] = CircleCoverage(
            radius_m=radius,
            minutes=inp.profile.minutes(radius),
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
        found[circle.name] = d
    all_area = sum(part["_all"].area for part in parts)
    summary = ActivitySpaces(
        circles,
        SpacesOverall(
            spaces=sum(int(part["_all"].sites.size) for part in parts),
            area_m2=all_area,
            per_capita_m2=all_area / total if total else 0.0,
        ),
    )
    coverage: dict[str, SpaceCoverage] = {}
    coverage_d: dict[str, np.ndarray] = {}
    for rule in inp.profile.space_coverage:
        coverage[rule.name], coverage_d[rule.name] = _coverage(inp, ctx, rule, parts)
    per_capita = {a.name: _area(a, parts, total) for a in inp.profile.space_area}
    return SpaceStage(summary, found, layers, coverage, coverage_d, per_capita)


def _without_kind(parts: list[dict[str, GroupResult]], key: str) -> int:
    """How many of the spaces of group ``key`` have no kind (kept by every kind filter)."""
    return sum(int(np.isin(p[key].sites, p["_no_kind"].sites).sum()) for p in parts)


def _coverage(
    inp: Inputs, ctx: Context, rule: CoverageRule, parts: list[dict[str, GroupResult]]
) -> tuple[SpaceCoverage, np.ndarray]:
    """One coverage indicator by size bands: per band and overall, and each resident's distance
    to the nearest space that covers them (infinite when none does)."""
    res = ctx.residents
    total = res.total
    nearest = np.full(res.count, np.inf)
    bands = []
    counted = without = 0
    for j, size in enumerate(rule.bands):
        key = _band_key(rule, j)
        d = np.full(res.count, np.inf)
        count = 0
        area = 0.0
        for part in parts:
            g = part[key]
            if g.sites.size:
                d = np.minimum(d, g.distance)
            count += int(g.sites.size)
            area += g.area
        nearest = np.minimum(nearest, d)
        counted += count
        without += _without_kind(parts, key)
        pop = float(res.population[np.isfinite(d)].sum())
        upper = rule.bands[j + 1].min_area_m2.value if j + 1 < len(rule.bands) else None
        bands.append(
            SizeBandCoverage(
                min_area_m2=size.min_area_m2.value,
                max_area_m2=upper,
                radius_m=size.radius_m.value,
                minutes=inp.profile.minutes(size.radius_m.value),
                spaces_counted=count,
                area_m2=area,
                population_covered=pop,
                share_covered=pop / total if total else 0.0,
                sources={
                    "min_area_m2": size.min_area_m2.source,
                    "radius_m": size.radius_m.source,
                },
            )
        )
    pop = float(res.population[np.isfinite(nearest)].sum())
    summary = SpaceCoverage(
        kinds=rule.kinds,
        bands=tuple(bands),
        spaces_counted=counted,
        spaces_without_kind=without,
        population_covered=pop,
        share_covered=pop / total if total else 0.0,
        target_share=rule.target.value,
        sources={"target": rule.target.source},
    )
    return summary, nearest


def _area(rule: AreaRule, parts: list[dict[str, GroupResult]], total: float) -> SpaceArea:
    """One area-per-person indicator: the area of its spaces ÷ all residents."""
    key = f"_area:{rule.name}"
    area = float(sum(p[key].area for p in parts))
    sources = {"target": rule.target.source}
    if rule.min_area_m2 is not None:
        sources["min_area_m2"] = rule.min_area_m2.source
    if rule.max_area_m2 is not None:
        sources["max_area_m2"] = rule.max_area_m2.source
    return SpaceArea(
        kinds=rule.kinds,
        min_area_m2=rule.min_area_m2.value if rule.min_area_m2 is not None else None,
        max_area_m2=rule.max_area_m2.value if rule.max_area_m2 is not None else None,
        spaces_counted=sum(int(p[key].sites.size) for p in parts),
        spaces_without_kind=_without_kind(parts, key),
        area_m2=area,
        population=float(total),
        per_capita_m2=area / total if total else 0.0,
        target_per_capita_m2=rule.target.value,
        sources=sources,
    )


def facility_stage(inp: Inputs, ctx: Context) -> FacilityStage:
    """Who lives within the service radius of each facility kind."""
    res = ctx.residents
    total = res.total
    layers = inp.plan.by_role("facilities")
    parts = [facility_layer(inp, ctx, lyr) for lyr in layers]
    kinds_present: set[str] = set()
    for lyr in layers:
        assert lyr.frame is not None
        kinds_present |= set(lyr.frame["kind"].astype(str))
    summary: dict[str, FacilityCoverage] = {}
    found: dict[str, np.ndarray] = {}
    counts: dict[str, int] = {}
    for part in parts:
        for kind, g in part.items():
            found[kind] = np.minimum(found.get(kind, np.full(res.count, np.inf)), g.distance)
            counts[kind] = counts.get(kind, 0) + int(g.sites.size)
    if layers:
        # a kind the profile requires covers nobody when the plan has no site of it
        for kind in inp.profile.required_facilities:
            if kind not in found:
                found[kind] = np.full(res.count, np.inf)
                counts[kind] = 0
    for kind in sorted(found):
        covered = np.isfinite(found[kind])
        pop = float(res.population[covered].sum())
        rule = inp.profile.facility_radius.get(kind)
        radius, source = radius_used(
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
            minutes=inp.profile.minutes(radius),
            count=counts[kind],
            population_covered=pop,
            share_covered=pop / total if total else 0.0,
            source=source,
        )
    return FacilityStage(summary, found, sorted(kinds_present - set(found)))


def radius_used(
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
    by_plan: Text | None = None
    for name, r in radii.items():
        one = tx("{radius:g} m set by the plan (layer '{layer}')").format(radius=r, layer=name)
        by_plan = one if by_plan is None else tx("{items}; {item}").format(items=by_plan, item=one)
    if source:
        text = tx("{by_plan}; standard: {source}").format(by_plan=by_plan, source=Template(source))
    else:
        text = tx("{by_plan}; no standard radius for it in the profile").format(by_plan=by_plan)
    return float(radius), text
