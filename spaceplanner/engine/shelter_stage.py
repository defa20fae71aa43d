"""The emergency period's stage: shelters, their capacity after the checks, and who has a place.

A shelter's capacity is the smaller of its capacity field and its effective area over the
per-capita area of its class (the site's area when no effective area is given); the 避/防/让
checks (:mod:`spaceplanner.engine.check_stage`) take away what a hazard zone, a protective band
or a collapse range covers; the residents are then assigned to places exactly
(:func:`spaceplanner.engine.capacity.assign`: a maximum flow, each resident only to shelters
within their radius). Dual-use activity spaces (平急两用) shelter people as shelters of the
default class.
"""

from __future__ import annotations

from dataclasses import dataclass

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from spaceplanner import settings
from spaceplanner.engine.cache import digest, layer_key
from spaceplanner.engine.capacity import assign
from spaceplanner.engine.check_stage import check_stage
from spaceplanner.engine.daily import counted_sites
from spaceplanner.engine.distance import group_reach, straight_reach
from spaceplanner.engine.locate import Context, Inputs, layer_sources, site_gates
from spaceplanner.engine.siting import SitingResult, dual_use_mask
from spaceplanner.i18n import tx
from spaceplanner.model.plan import PlanLayer
from spaceplanner.model.rules import Profile
from spaceplanner.results.report import DUAL_USE_SUFFIX, ShelterRow, ShelterSummary, SiteRef

__all__ = [
    "ShelterLayer",
    "ShelterStage",
    "dual_use_layers",
    "shelter_layer",
    "shelter_stage",
    "shelter_table",
]

# how a shelter's capacity was found (the shelters table's capacity_basis; words, said whole)
_BASIS_FIELD_SMALLER = tx("capacity field (smaller than area / per-capita)")
_BASIS_AREA_SMALLER = tx("effective area / per-capita (smaller than the capacity field)")
_BASIS_FIELD = tx("capacity field")
_BASIS_AREA = tx("effective area / per-capita")
_BASIS_SITE = tx("site area / per-capita (no effective area given)")
_BASIS_NONE = tx("none: no capacity or area given")


@dataclass(frozen=True)
class ShelterLayer:
    """One shelter layer's sites (``table``) and who lives within each one's radius
    (``pairs``: resident ``r``, shelter ``s``, distance ``d``)."""

    table: pd.DataFrame
    pairs: pd.DataFrame


@dataclass(frozen=True)
class ShelterStage:
    """The shelters of the plan after the checks, and the assignment of residents to them."""

    summary: ShelterSummary
    capacity: np.ndarray
    eligible: np.ndarray
    checks: SitingResult
    zones: gpd.GeoDataFrame
    layers: list[PlanLayer]
    geoms: np.ndarray
    table: pd.DataFrame
    nearest: np.ndarray
    sheltered: np.ndarray
    covered: np.ndarray
    pairs: pd.DataFrame
    #: Each resident point's shelter (the one taking most of its persons; -1: none).
    assigned_to: np.ndarray


def dual_use_layers(inp: Inputs) -> list[PlanLayer]:
    """Dual-use activity spaces (平急两用) as shelter layers of the default class; the same
    layer object while the activity-space layer is unchanged (later stages key on it)."""
    out = []
    for lyr in inp.plan.by_role("activity_spaces"):
        if lyr.frame is None or "dual_use" not in lyr.frame:
            continue

        def make(lyr: PlanLayer = lyr) -> PlanLayer | None:
            frame = lyr.frame
            assert frame is not None
            chosen = frame[dual_use_mask(frame["dual_use"])]
            if chosen.empty:
                return None
            cols = {c: chosen[c] for c in ("id", "name", "steward") if c in chosen}
            if "area" in chosen:
                cols["effective_area"] = chosen["area"]
            shelters = gpd.GeoDataFrame(cols, geometry=chosen.geometry.to_numpy(), crs=frame.crs)
            return PlanLayer(f"{lyr.name}{DUAL_USE_SUFFIX}", "shelters", frame=shelters)

        found = inp.cache.get(f"dual_use:{lyr.name}", layer_key(lyr), make)
        if found is not None:
            out.append(found)
    return out


def shelter_table(profile: Profile, layer: PlanLayer) -> pd.DataFrame:
    """A shelter layer's sites with their class, radius and capacity (and what it is based on)."""
    assert layer.frame is not None
    frame = layer.frame
    n = len(frame)
    classes = frame["class"].fillna("") if "class" in frame else pd.Series([""] * n)
    rows = []
    override = layer.options.get("radius_m")
    for cls_name in classes.to_numpy():
        rule = profile.shelter_class(str(cls_name) or None)
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
        frame["effective_area"].to_numpy(float) if "effective_area" in frame else np.full(n, np.nan)
    )
    given = frame["capacity"].to_numpy(float) if "capacity" in frame else np.full(n, np.nan)
    area = np.where(np.isnan(eff), site_area, eff)
    by_area = area / table["per_capita_m2"].to_numpy()
    both = ~np.isnan(by_area) & ~np.isnan(given)
    capacity = np.where(both, np.minimum(by_area, given), np.where(np.isnan(given), by_area, given))
    basis = np.where(
        both,
        np.where(
            given <= by_area,
            _BASIS_FIELD_SMALLER,
            _BASIS_AREA_SMALLER,
        ),
        np.where(
            ~np.isnan(given),
            _BASIS_FIELD,
            np.where(
                ~np.isnan(eff),
                _BASIS_AREA,
                np.where(
                    polygonal,
                    _BASIS_SITE,
                    _BASIS_NONE,
                ),
            ),
        ),
    )
    table["effective_area_m2"] = area
    table["capacity_persons"] = np.nan_to_num(capacity, nan=0.0)
    table["capacity_basis"] = basis
    return table


def shelter_layer(inp: Inputs, ctx: Context, layer: PlanLayer) -> ShelterLayer:
    """A shelter layer's table and, per shelter, the residents within its radius."""

    def make() -> ShelterLayer:
        assert layer.frame is not None
        table = shelter_table(inp.profile, layer)
        radius = table["radius_m"].to_numpy()
        geoms = layer.frame.geometry.to_numpy()
        # Each site's residents within its radius, kept per site: an edit to one shelter
        # routes that shelter alone.
        site_keys = [
            digest(ctx.key, wkb, rad, site_id)
            for wkb, rad, site_id in zip(
                shapely.to_wkb(geoms), radius, table["id"].to_numpy(), strict=True
            )
        ]
        known = inp.cache.table(f"reach:{layer.name}")
        todo = [i for i, k in enumerate(site_keys) if k not in known]
        if todo:
            idx = np.asarray(todo)
            gates = site_gates(ctx, table["id"].to_numpy(), layer.name)
            every = (
                None if ctx.network is None else layer_sources(inp, ctx, layer.name, geoms, gates)
            )
            singles = [np.array([j]) for j in range(idx.size)]
            limit = float(radius[idx].max())
            if every is None:
                g, r_all, d_all = straight_reach(
                    geoms[idx],
                    ctx.residents.xy,
                    detour=inp.profile.detour_factor.value,
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
        fresh = inp.cache.keep(f"reach:{layer.name}", site_keys)
        parts = [fresh[k] for k in site_keys]
        pairs = pd.DataFrame(
            {
                "r": np.concatenate([p[0] for p in parts]) if parts else np.empty(0, np.int64),
                "s": np.repeat(np.arange(len(parts)), [len(p[0]) for p in parts]),
                "d": np.concatenate([p[1] for p in parts]) if parts else np.empty(0),
            }
        )
        table["reaches_network"] = [p[2] for p in parts]
        return ShelterLayer(table, pairs)

    return inp.cache.get(f"shelters:{layer.name}", (ctx.key, layer_key(layer)), make)


def shelter_stage(inp: Inputs, ctx: Context) -> ShelterStage:
    """Shelters in an emergency: capacity after the 避/防/让 checks, the exact assignment of
    residents to places within each shelter's radius, and each shelter's figures."""
    profile = inp.profile
    res = ctx.residents
    layers = [*inp.plan.by_role("shelters"), *dual_use_layers(inp)]
    parts = [shelter_layer(inp, ctx, lyr) for lyr in layers]
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
        np.concatenate([lyr.frame.geometry.to_numpy() for lyr in layers if lyr.frame is not None])
        if layers
        else np.empty(0, object)
    )
    before = table["capacity_persons"].to_numpy(float) if len(table) else np.empty(0)
    stage = check_stage(inp, ctx, table, geoms)
    checks = stage.result
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
    result = assign(res.population, capacity, allowed, ctx.access.seg, by_resident=True)
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
    default = profile.shelter_class(None)
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
    # what the plan holds: in a community cut from a city, its own shelters (daily.counted_sites)
    held = counted_sites(inp.plan, geoms)
    summary = ShelterSummary(
        radius_m=default.radius_m.value,
        population_covered=covered_pop,
        share_covered=covered_pop / total if total else 0.0,
        capacity_persons=float(capacity[held].sum()),
        population_sheltered=result.flow,
        share_sheltered=result.flow / total if total else 0.0,
        population_unsheltered=total - result.flow,
        # after the 避/防/让 checks: the ground a flood takes is no shelter space
        effective_area_m2=float(np.nansum(area_after)),
        effective_area_before_checks_m2=float(np.nansum(area_before)),
        per_capita_area_m2=float(np.nansum(area_after[held])) / total
        if total and len(table)
        else 0.0,
        by_shelter=tuple(by_shelter),
        capacity_before_checks=float(before[held].sum()),
        capacity_removed_by={p: float(v.sum()) for p, v in removed_by.items()},
        rules={
            name: {
                "radius_m": c.radius_m.to_dict(),
                "per_capita_m2": c.per_capita_m2.to_dict(),
                "min_area_m2": c.min_area_m2.to_dict(),
            }
            for name, c in profile.shelter_classes.items()
            if name in set(table["class"]) or name == default.name
        },
    )
    return ShelterStage(
        summary=summary,
        capacity=capacity,
        eligible=eligible,
        checks=checks,
        zones=stage.zones,
        layers=layers,
        geoms=geoms,
        table=table,
        nearest=nearest,
        sheltered=result.sheltered,
        covered=covered,
        pairs=allowed,
        assigned_to=(
            result.shelter if result.shelter is not None else np.full(res.count, -1, np.int64)
        ),
    )
