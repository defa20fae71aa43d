"""The 避/防/让 stage: what the siting checks remove from each site, and the violations found.

The hazard zones of the scenario are built once per version of the hazard layers; each site is
checked once per version of its own content and of the world around it (hazards, hazard
sources, buildings, network), so an edit re-checks only the sites it changed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from spaceplanner.engine.cache import digest, layer_key, raster_extent
from spaceplanner.engine.hazards import hazard_zones
from spaceplanner.engine.locate import Context, Inputs
from spaceplanner.engine.siting import (
    AVOID,
    GIVE_WAY,
    PREVENT,
    SENSITIVE_KINDS,
    SitingResult,
    check_sites,
    route_violations,
)
from spaceplanner.results.report import Note, SiteRef, Violation

__all__ = ["Checks", "check_stage", "route_checks", "typed_violation"]


@dataclass(frozen=True)
class Checks:
    """The checks of the shelters (and, after them, the sensitive facilities): per site what is
    left and what each principle removed, the violations, notes, and the scenario's zones."""

    result: SitingResult
    zones: gpd.GeoDataFrame


def _sites(inp: Inputs, table: pd.DataFrame, geoms: np.ndarray) -> tuple[dict[str, Any], Any]:
    """The shelters of ``table`` and the sensitive facilities as plain columns and geometries
    (a GeoDataFrame is built only for the sites to check)."""
    facilities = [lyr for lyr in inp.plan.by_role("facilities") if lyr.frame is not None]
    sensitive = [
        lyr.frame[lyr.frame["kind"].isin(SENSITIVE_KINDS)].assign(layer=lyr.name)  # type: ignore[index]
        for lyr in facilities
    ]
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
    return {k: np.concatenate(v) for k, v in columns.items()}, np.concatenate(shapes)


def check_stage(inp: Inputs, ctx: Context, table: pd.DataFrame, geoms: np.ndarray) -> Checks:
    """Put the shelters of ``table`` (with ``geoms``) and the sensitive facilities through
    避/防/让 in the scenario."""
    plan, cache = inp.plan, inp.cache
    site_cols, site_geoms = _sites(inp, table, geoms)
    world = digest(
        ctx.key,
        inp.scenario,
        *[
            layer_key(lyr)
            for role in ("hazards", "hazard_sources", "buildings", "network")
            for lyr in plan.by_role(role)
        ],
        # a hazard raster is read over the plan's extent, which every vector layer sets
        raster_extent(plan, "hazards"),
    )

    def make_zones() -> tuple[gpd.GeoDataFrame, list[Note]]:
        notes: list[Note] = []
        return hazard_zones(plan, inp.scenario, notes), notes

    zones, zone_notes = cache.get("zones", world, make_zones)
    texts = [site_cols[c].astype(str) for c in ("layer", "id", "use", "class", "name")]
    keys = [
        digest(world, wkb, *rec)
        for wkb, rec in zip(shapely.to_wkb(site_geoms), zip(*texts, strict=True), strict=True)
    ]
    known = cache.table("siting")
    todo = [i for i, k in enumerate(keys) if k not in known]
    if todo or known.get("world") != world:
        rows = np.asarray(todo, dtype=np.int64)
        subset = gpd.GeoDataFrame(
            {c: site_cols[c][rows] for c in ("layer", "id", "name", "class", "use")},
            geometry=site_geoms[rows],
            crs=plan.crs,
        )
        result = check_sites(
            plan, inp.profile, subset, zones, network=ctx.network, entrances=ctx.entrances
        )
        for j, i in enumerate(todo):
            known[keys[i]] = (
                float(result.remaining_share[j]),
                {p: float(v[j]) for p, v in result.removed_share.items()},
                [v for v in result.violations if v["_site"] == j],
            )
        known["notes"] = result.notes
        known["world"] = world
    kept = cache.keep("siting", [*keys, "notes", "world"])
    per_site = [kept[k] for k in keys]
    principles = (AVOID, PREVENT, GIVE_WAY)
    return Checks(
        SitingResult(
            np.array([r[0] for r in per_site], dtype=float),
            {p: np.array([r[1][p] for r in per_site], dtype=float) for p in principles},
            [{k: v for k, v in viol.items() if k != "_site"} for r in per_site for viol in r[2]],
            [*zone_notes, *kept["notes"]],
        ),
        zones,
    )


def route_checks(inp: Inputs) -> list[dict[str, Any]]:
    """让 on evacuation routes, recomputed only when the network or buildings change."""
    key = (
        digest(inp.profile.data),
        *[layer_key(lyr) for role in ("network", "buildings") for lyr in inp.plan.by_role(role)],
    )
    return inp.cache.get("routes", key, lambda: route_violations(inp.plan, inp.profile))


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
