"""Residents for a plan built from outside data: a population grid or raster, else an estimate
from building footprints and levels.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import TYPE_CHECKING, Any

import geopandas as gpd
import numpy as np
import pandas as pd
import rasterio
import shapely
from pyproj import CRS
from rasterio.features import geometry_mask
from rasterio.warp import transform_geom
from rasterio.windows import Window, from_bounds

from spaceplanner.i18n import tx
from spaceplanner.layers.catalogue import get_role, match_columns
from spaceplanner.layers.crs import crs_label
from spaceplanner.layers.errors import LayerError
from spaceplanner.layers.problems import Problem
from spaceplanner.layers.readers import is_raster_source, read_raster, read_vector
from spaceplanner.model.plan_core import PlanLayer

if TYPE_CHECKING:
    from spaceplanner.sources.osm_tags import OsmTags

__all__ = ["estimate_from_buildings", "read_population"]


def _no_overlap(path: Path) -> LayerError:
    msg = tx("the population layer does not overlap the plan's area")
    return LayerError(
        msg,
        file=str(path),
        layer="residents",
        hint=tx("check that it covers the area and that its CRS is right"),
    )


def read_population(
    path: Path,
    area: shapely.Geometry,
    crs: CRS,
    *,
    layer: str | None = None,
    field: str | None = None,
    workdir: Path,
) -> tuple[gpd.GeoDataFrame | PlanLayer, list[Problem]]:
    """Residents inside ``area`` (in ``crs``) from a population grid or raster.

    A vector grid (polygons or points with a population field, found by the catalogue's
    aliases unless ``field`` names it) is cut to the area, a cell's persons shared by the part of
    its area inside; a raster (any CRS) keeps the cells whose centre lies inside, cropped and
    written into ``workdir``.

    Raises
    ------
    LayerError
        When the file cannot be read, has no CRS or population field, or does not overlap.
    """
    if is_raster_source(path, layer, label="residents"):
        return _raster(path, area, crs, layer=layer, workdir=workdir)
    return _grid(path, area, crs, layer=layer, field=field)


def _grid(
    path: Path, area: shapely.Geometry, crs: CRS, *, layer: str | None, field: str | None
) -> tuple[gpd.GeoDataFrame, list[Problem]]:
    source = read_vector(path, label="residents", layer=layer)
    frame = source.frame
    if frame.crs is None:
        msg: str = tx("the population layer has no CRS")
        raise LayerError(msg, file=str(path), layer="residents", hint=tx("save it with its CRS"))
    column = field or match_columns(get_role("residents"), list(frame.columns)).get("population")
    if column is None or column not in frame.columns:
        msg = (
            tx("the population layer has no field '{field}'").format(field=field)
            if field
            else tx("the population layer has no population field")
        )
        raise LayerError(
            msg,
            file=str(path),
            layer="residents",
            field=field,
            hint=tx("name it with --population-field (fields: {fields})").format(
                fields=", ".join(map(str, frame.columns[:12]))
            ),
        )
    values = pd.to_numeric(frame[column], errors="coerce")
    bad = values.isna() & frame[column].notna() | (values < 0)
    if bad.any():
        msg = tx("{n} population values are not numbers ≥ 0").format(n=int(bad.sum()))
        raise LayerError(msg, file=str(path), layer="residents", field=column, hint=tx("fix them"))
    frame = frame.assign(_population=values.fillna(0.0)).to_crs(crs)
    frame = frame[frame.geometry.notna() & ~frame.geometry.is_empty]
    frame = frame.iloc[np.sort(frame.sindex.query(area, predicate="intersects"))]
    if frame.empty:
        raise _no_overlap(path)
    polygon = frame.geom_type.isin(["Polygon", "MultiPolygon"]).to_numpy()
    whole = frame.area.to_numpy()
    cut = frame.geometry.values.copy()
    cut[polygon] = shapely.intersection(cut[polygon], area)
    share = np.ones(len(frame))
    share[polygon] = np.where(whole[polygon] > 0, shapely.area(cut[polygon]) / whole[polygon], 0)
    ids = (
        frame["id"].astype(str).to_numpy()
        if "id" in frame.columns and frame["id"].is_unique
        else np.array([f"cell-{i + 1}" for i in range(len(frame))])
    )
    out = gpd.GeoDataFrame(
        {"id": ids, "population": frame["_population"].to_numpy() * share},
        geometry=cut,
        crs=crs,
    )
    out = out[out["population"] > 0].reset_index(drop=True)
    if out.empty:
        raise _no_overlap(path)
    problems = list(source.problems)
    partly = int(((share > 0) & (share < 0.999)).sum())
    if partly:
        text = tx(
            "{n} population cells are cut by the plan's boundary: each keeps the persons "
            "of the share of its area inside"
        ).format(n=partly)
        problems.append(Problem("note", text, file=str(path), layer="residents", count=partly))
    return out, problems


def _raster(
    path: Path, area: shapely.Geometry, crs: CRS, *, layer: str | None, workdir: Path
) -> tuple[PlanLayer, list[Problem]]:
    source = read_raster(path, label="residents", layer=layer)
    own = gpd.GeoSeries([area], crs=crs).to_crs(source.crs).iloc[0]
    with rasterio.open(source.dataset) as src:
        try:
            window = from_bounds(*own.bounds, transform=src.transform)
            col, row = math.floor(window.col_off), math.floor(window.row_off)
            window = Window(
                col,
                row,
                math.ceil(window.col_off + window.width) - col,
                math.ceil(window.row_off + window.height) - row,
            )
            window = window.intersection(Window(0, 0, src.width, src.height))
        except (ValueError, rasterio.errors.WindowError) as exc:
            raise _no_overlap(path) from exc
        data = src.read(source.band, window=window, masked=True).astype("float32")
        transform = src.window_transform(window)
    if data.size == 0:
        raise _no_overlap(path)
    shape = transform_geom(source.crs, source.crs, shapely.geometry.mapping(own))
    outside = geometry_mask([shape], out_shape=data.shape, transform=transform)
    values = np.ma.masked_array(data.filled(np.nan), mask=np.ma.getmaskarray(data) | outside)
    if values.count() == 0 or not np.nansum(values.filled(0)) > 0:
        raise _no_overlap(path)
    nodata = -1.0
    target = workdir / "residents.tif"
    profile = {
        "driver": "GTiff",
        "width": data.shape[1],
        "height": data.shape[0],
        "count": 1,
        "dtype": "float32",
        "crs": source.crs,
        "transform": transform,
        "nodata": nodata,
    }
    with rasterio.open(target, "w", **profile) as dst:
        dst.write(values.filled(nodata).astype("float32"), 1)
    cropped = read_raster(target, label="residents")
    layer_obj = PlanLayer(
        "residents",
        "residents",
        raster=cropped,
        source=str(path),
        source_crs=crs_label(source.crs),
    )
    return layer_obj, list(source.problems)


def estimate_from_buildings(
    buildings: gpd.GeoDataFrame,
    landuse: gpd.GeoDataFrame,
    area: shapely.Geometry,
    tags: OsmTags,
) -> tuple[gpd.GeoDataFrame, dict[str, Any]]:
    """Residents per residential building inside ``area``: footprint x levels / floor area per
    person (parameters in ``[osm.buildings]``).

    Returns the residents (building polygons with ``population``, ``levels``, ``floor_area_m2``)
    and the estimate's parameters with a sentence saying how it was made.
    """
    per_person = tags.number("buildings", "floor_area_per_person_m2")
    default_levels = tags.number("buildings", "default_levels")
    level_height = tags.number("buildings", "level_height_m")
    min_footprint = tags.number("buildings", "min_footprint_m2")
    residential = tags.words("buildings", "residential")
    other_uses = tags.words("buildings", "not_residential_tags")
    other_land = tags.words("buildings", "not_residential_landuse")
    if per_person <= 0:
        msg = tx("osm.buildings.floor_area_per_person_m2 must be more than 0")
        raise LayerError(msg, file=tags.file, field="floor_area_per_person_m2", hint=tx("e.g. 45"))
    empty = gpd.GeoDataFrame(
        {"id": [], "population": []}, geometry=[], crs=buildings.crs if len(buildings) else None
    )
    params: dict[str, Any] = {
        "floor_area_per_person_m2": per_person,
        "default_levels": default_levels,
        "level_height_m": level_height,
        "min_footprint_m2": min_footprint,
    }
    if buildings.empty:
        return empty, {**params, "text": "no buildings"}
    spot = buildings.geometry.representative_point()
    inside = spot.within(area).to_numpy()
    kind = buildings["building"].astype(str)
    used_otherwise = np.array([not other_uses.isdisjoint(t) for t in buildings["_tags"]])
    keep = inside & kind.isin(residential).to_numpy()
    keep &= ~((kind == "yes").to_numpy() & used_otherwise)
    if not landuse.empty:
        other = landuse[[t.get("landuse") in other_land for t in landuse["tags"]]]
        if not other.empty:
            hit = other.sindex.query(spot.values, predicate="within")[0]
            in_other = np.zeros(len(buildings), dtype=bool)
            in_other[hit] = True
            keep &= ~((kind == "yes").to_numpy() & in_other)
    footprint = buildings.area.to_numpy()
    keep &= footprint >= min_footprint
    chosen = buildings[keep]
    levels = chosen["floors"].astype(float).to_numpy()
    from_height = chosen["height"].astype(float).to_numpy() / (level_height or np.inf)
    levels = np.where(np.isfinite(levels) & (levels > 0), levels, np.nan)
    from_height = np.where(from_height >= 1, np.round(from_height), np.nan)
    levels = np.where(np.isnan(levels), from_height, levels)
    levels = np.where(np.isnan(levels), default_levels, levels)
    floor_area = footprint[keep] * levels
    out = gpd.GeoDataFrame(
        {
            "id": chosen["id"].to_numpy(),
            "population": floor_area / per_person,
            "levels": levels,
            "floor_area_m2": floor_area,
            "building": chosen["building"].to_numpy(),
        },
        geometry=chosen.geometry.values,
        crs=buildings.crs,
    )
    total = float(out["population"].sum())
    text = tx(
        "residents are an estimate, not a count: {total:,.0f} persons in {n} OSM "
        "buildings = footprint x levels / {per_person:g} m² floor area per person (levels from "
        "building:levels, else height / {level_height:g} m, else {default_levels:g}; "
        "residential buildings and building=yes outside non-residential land, footprints "
        "≥ {min_footprint:g} m²); give a population grid with --population for counted figures"
    ).format(
        total=total,
        n=len(out),
        per_person=per_person,
        level_height=level_height,
        default_levels=default_levels,
        min_footprint=min_footprint,
    )
    return out, {**params, "persons": round(total), "buildings": len(out), "text": text}
