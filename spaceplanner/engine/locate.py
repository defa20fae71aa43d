"""The first stages: the walking network, where residents reach it, where sites reach it.

:func:`locate_stage` builds the network (once per network version), collects the residents and
snaps them onto it, and gathers the entrances; :func:`layer_sources` finds where each site of a
layer reaches the network, kept per site; :func:`distances` routes from groups of sites.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
import shapely

from spaceplanner.engine.cache import StageCache, digest, layer_key, raster_extent
from spaceplanner.engine.distance import Sources, group_distances, site_sources, straight_distances
from spaceplanner.engine.network import Access, WalkNetwork, build_network, locate
from spaceplanner.engine.residents import Residents, collect_residents
from spaceplanner.engine.siting import ENTRANCE_KEY_SEP, entrance_points
from spaceplanner.feedback import Feedback
from spaceplanner.model.plan import Plan
from spaceplanner.model.rules import Profile

__all__ = ["Context", "Inputs", "distances", "layer_sources", "locate_stage", "site_gates"]


@dataclass(frozen=True)
class Inputs:
    """What every stage reads: the plan as it is now, the rule profile, the hazard scenario,
    the stage cache and the feedback (progress and cancel)."""

    plan: Plan
    profile: Profile
    scenario: str
    cache: StageCache
    feedback: Feedback


@dataclass(frozen=True)
class Context:
    """The located inputs of the later stages.

    ``key`` identifies the network, the residents, the entrances and the profile: per-site
    results computed under another key are not reused.
    """

    network: WalkNetwork | None
    residents: Residents
    access: Access
    key: str
    entrances: dict[str, np.ndarray]


def locate_stage(inp: Inputs) -> Context:
    """The walking network, the residents snapped onto it, and the entrances by site."""
    plan, profile, cache = inp.plan, inp.profile, inp.cache
    nets = plan.by_role("network")
    net_key = tuple(layer_key(n) for n in nets)

    def make_network() -> WalkNetwork | None:
        lines = [n.frame.geometry.to_numpy() for n in nets if n.frame is not None]
        return build_network(np.concatenate(lines)) if lines else None

    network = cache.get("network", net_key, make_network)
    res_layers = plan.by_role("residents")
    res_key: tuple[object, ...] = (
        net_key,
        *[layer_key(r) for r in res_layers],
        profile.max_connector.value,
    )
    if (extent := raster_extent(plan, "residents")) is not None:
        # a population raster is read over the plan's extent and clipped to its boundary
        res_key += (extent, *[layer_key(b) for b in plan.by_role("boundary")])

    def make_residents() -> tuple[Residents, Access]:
        residents = collect_residents(plan, margin=profile.max_connector.value)
        if network is None:
            m = residents.count
            access = Access(np.zeros(m, np.int64), np.zeros(m), np.zeros(m))
        else:
            access = locate(network, residents.xy, profile.max_connector.value)
        return residents, access

    residents, access = cache.get("residents", res_key, make_residents)
    gates = plan.by_role("entrances")
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
    key = digest(res_key, profile.data, *[layer_key(g) for g in gates])
    return Context(network, residents, access, key, entrances)


def site_gates(ctx: Context, ids: np.ndarray, layers: np.ndarray | str) -> dict[int, np.ndarray]:
    """Entrances of the sites with ``ids`` (of ``layers``), by the sites' positions."""
    if not ctx.entrances:
        return {}
    names = np.broadcast_to(np.asarray(layers, dtype=object), (len(ids),))
    found = {
        i: entrance_points(ctx.entrances, str(layer), str(v))
        for i, (v, layer) in enumerate(zip(ids, names, strict=True))
    }
    return {i: pts for i, pts in found.items() if pts is not None}


def layer_sources(
    inp: Inputs, ctx: Context, name: str, geoms: np.ndarray, gates: dict[int, np.ndarray]
) -> Sources:
    """Where each site of a layer reaches the network, kept per site: after an edit only the
    changed sites are located again (finding a park's network positions is the costly part of
    routing from it). Layers look in each other's tables too (a dual-use park is both a space
    and a shelter)."""
    assert ctx.network is not None
    profile = inp.profile
    keys = [
        digest(ctx.key, wkb, gates[i].tobytes() if i in gates else None)
        for i, wkb in enumerate(shapely.to_wkb(geoms))
    ]
    table = inp.cache.table(f"sources:{name}")
    for key in keys:
        if key not in table:
            other = next((t[key] for t in inp.cache.tables("sources:") if key in t), None)
            if other is not None:
                table[key] = other
    todo = [i for i, k in enumerate(keys) if k not in table]
    if todo:
        idx = np.asarray(todo)
        found = site_sources(
            ctx.network,
            geoms[idx],
            tolerance=profile.entrance_tolerance.value,
            max_connector=profile.max_connector.value,
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
            table[keys[todo[j]]] = (seg, t, offset, found.polygons[j])
    kept = inp.cache.keep(f"sources:{name}", keys)
    parts = [kept[k] for k in keys]
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
        profile.entrance_tolerance.value,
    )


def distances(
    inp: Inputs,
    ctx: Context,
    geoms: np.ndarray,
    groups: list[np.ndarray],
    limit: float,
    sources: Sources | None = None,
    gates: dict[int, np.ndarray] | None = None,
) -> tuple[np.ndarray, Sources | None]:
    """Walking distance from each group of sites to every resident (inf beyond ``limit``);
    straight lines times the detour factor when the plan has no network."""
    profile = inp.profile
    if ctx.network is None:
        d = straight_distances(
            geoms, groups, ctx.residents.xy, detour=profile.detour_factor.value, limit=limit
        )
        return d, None
    if sources is None:
        sources = site_sources(
            ctx.network,
            geoms,
            tolerance=profile.entrance_tolerance.value,
            max_connector=profile.max_connector.value,
            entrances=gates,
        )
    d = group_distances(ctx.network, sources, groups, ctx.access, ctx.residents.xy, limit=limit)
    return d, sources
