"""The last stage: result layers of who is not served, and where.

``residents`` (each resident point with its distance to each indicator's nearest site),
``uncovered_residents`` (per indicator), ``shelters`` (with their load and the capacity the checks
removed), ``shelters_over_capacity``, ``hazard_zones``; and the slow ones, ``gap_areas`` (the
residents' ground merged per indicator) and ``service_areas`` (the ground within reach of the
sites serving each indicator). The figures do not need any of them.
"""

from __future__ import annotations

from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from spaceplanner.engine.daily import FacilityStage, SpaceStage, facility_layer, space_layer
from spaceplanner.engine.distance import site_sources
from spaceplanner.engine.locate import Context, Inputs, site_gates
from spaceplanner.engine.service_area import service_area
from spaceplanner.engine.shelter_stage import ShelterStage

__all__ = ["gap_stage", "merge", "service_areas"]


def gap_stage(
    inp: Inputs,
    ctx: Context,
    shelters: ShelterStage,
    spaces: SpaceStage,
    facilities: FacilityStage,
    *,
    areas: bool = True,
) -> dict[str, gpd.GeoDataFrame]:
    """The result layers: residents with their distances, the uncovered residents per indicator,
    the shelters with their load, the hazard zones, and (with ``areas``) the gap areas and the
    service areas, which take seconds at city scale."""
    res = ctx.residents
    crs = inp.plan.crs
    columns: dict[str, Any] = {
        "id": res.ids,
        "layer": res.layer,
        "population": res.population,
        "reachable": ctx.access.reachable,
        "d_shelter": shelters.nearest,
        "sheltered": shelters.sheltered,
        "unsheltered": res.population - shelters.sheltered,
    }
    indicators: dict[str, np.ndarray] = {"shelter": shelters.nearest}
    for name, d in spaces.distances.items():
        indicators[f"space_{name}"] = d
    for kind, d in facilities.distances.items():
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
        name: (res.population - shelters.sheltered > 1e-6) if name == "shelter" else ~np.isfinite(d)
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
                    (res.population - shelters.sheltered)[m]
                    if name == "shelter"
                    else res.population[m]
                    for name, m in missing.items()
                ]
            ),
        },
        geometry=np.concatenate([points[m] for m in missing.values()]),
        crs=crs,
    )
    shelter_geoms = list(shelters.geoms)
    summary_rows = [row.to_dict() for row in shelters.summary.by_shelter]
    shelter_layer = gpd.GeoDataFrame(
        pd.DataFrame(summary_rows).drop(columns=[], errors="ignore")
        if summary_rows
        else pd.DataFrame(columns=["id", "layer", "capacity_persons", "assigned", "over_capacity"]),
        geometry=shelter_geoms,
        crs=crs,
    )
    layers = {
        "residents": residents,
        "hazard_zones": shelters.zones,
        "uncovered_residents": uncovered,
        "shelters": shelter_layer,
        "shelters_over_capacity": shelter_layer[shelter_layer["over_capacity"].astype(bool)]
        if len(shelter_layer)
        else shelter_layer,
    }
    if not areas:
        return layers
    gap_rows = []
    unserved = {
        name: res.population - shelters.sheltered if name == "shelter" else res.population
        for name in missing
    }
    units, coverage = res.units(max(inp.profile.service_area_buffer.value, 50.0))
    for name, miss in missing.items():
        inp.feedback.check()
        if not miss.any():
            continue
        area = merge(units[miss], coverage)
        gap_rows.append(
            {
                "indicator": name,
                # the people not served: for shelters, those without a place (a resident point
                # may be partly sheltered), as the report's population_unsheltered
                "population": float(unserved[name][miss].sum()),
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
    service = service_areas(inp, ctx, shelters, spaces)
    return {
        "residents": residents,
        "hazard_zones": shelters.zones,
        "uncovered_residents": uncovered,
        "gap_areas": gap_areas,
        "shelters": shelter_layer,
        "shelters_over_capacity": layers["shelters_over_capacity"],
        "service_areas": service,
    }


def service_areas(
    inp: Inputs, ctx: Context, shelters: ShelterStage, spaces: SpaceStage
) -> gpd.GeoDataFrame:
    """The ground within walking reach of the sites serving each indicator."""
    # indicator -> the sites that serve it: (geometries, ids, radii) per layer
    served: dict[str, list[tuple[np.ndarray, np.ndarray, np.ndarray, str]]] = {}
    for lyr in shelters.layers:
        assert lyr.frame is not None
        table = shelters.table
        radii = table.loc[table["layer"] == lyr.name, "radius_m"].to_numpy(float)
        served.setdefault("shelter", []).append(
            (lyr.frame.geometry.to_numpy(), lyr.frame["id"].to_numpy(), radii, lyr.name)
        )
    for lyr in spaces.layers:
        assert lyr.frame is not None
        for circle in inp.profile.circles:
            g = space_layer(inp, ctx, lyr)[circle.name]
            if g.sites.size:
                served.setdefault(f"space_{circle.name}", []).append(
                    (
                        lyr.frame.geometry.to_numpy()[g.sites],
                        lyr.frame["id"].to_numpy()[g.sites],
                        np.full(g.sites.size, g.radius),
                        lyr.name,
                    )
                )
    for lyr in inp.plan.by_role("facilities"):
        assert lyr.frame is not None
        for kind, g in facility_layer(inp, ctx, lyr).items():
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
        inp.feedback.check()
        geoms = np.concatenate([p[0] for p in parts])
        ids = np.concatenate([p[1] for p in parts])
        radii = np.concatenate([p[2] for p in parts])
        owners = np.concatenate([np.full(len(p[1]), p[3], dtype=object) for p in parts])
        if len(geoms) == 0:
            continue
        if ctx.network is None:
            shape = shapely.union_all(
                shapely.buffer(geoms, radii / inp.profile.detour_factor.value)
            )
        else:
            sources = site_sources(
                ctx.network,
                geoms,
                tolerance=inp.profile.entrance_tolerance.value,
                max_connector=inp.profile.max_connector.value,
                entrances=site_gates(ctx, ids, owners),
            )
            shape = service_area(ctx.network, sources, radii, inp.profile.service_area_buffer.value)
        rows.append({"indicator": name, "area_m2": float(shapely.area(shape)), "geometry": shape})
    return gpd.GeoDataFrame(rows, columns=["indicator", "area_m2", "geometry"], crs=inp.plan.crs)


def merge(polygons: np.ndarray, coverage: bool) -> shapely.Geometry:
    """Merge polygons; a coverage (edge-to-edge cells) merges fast, with a safe fallback."""
    if coverage:
        try:
            return shapely.coverage_union_all(polygons)
        except shapely.errors.GEOSException:
            pass  # not a clean coverage after all (e.g. rounding at shared edges)
    return shapely.union_all(polygons)
