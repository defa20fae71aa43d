"""Residents as points with head counts, from point, polygon or raster layers.

A polygon unit is represented by its centroid, or a point on its surface when the centroid
falls outside it; a population raster by the centres of its populated cells, read windowed to
the plan. Each resident point keeps the id of its feature (raster cells: ``<layer>:<row>:<col>``)
and a *unit* polygon for gap maps: the polygon itself, the raster cell, or for point residents
the Voronoi cell of the point clipped to ``unit_radius`` around it.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
import rasterio
import shapely
from pyproj import Transformer
from rasterio.warp import transform_bounds
from rasterio.windows import from_bounds

from spaceplanner.layers.readers import mask_nodata
from spaceplanner.model.plan import Plan, PlanLayer

__all__ = ["Residents", "collect_residents", "raster_points", "representative_points"]


@dataclass(frozen=True)
class Residents:
    """Resident points of a plan, all layers together."""

    ids: np.ndarray
    layer: np.ndarray
    xy: np.ndarray
    population: np.ndarray
    shapes: np.ndarray
    #: The resident points as geometries when the layers' own are those points (2D points of
    #: point layers, shared, not copied); None when they are made from ``xy`` (:meth:`points`).
    own_points: np.ndarray | None = None

    def points(self) -> np.ndarray:
        """The resident points as shapely Points (made from ``xy`` unless the layers' own
        geometries are those points: seconds saved for millions of residents)."""
        if self.own_points is not None:
            return self.own_points
        return shapely.points(self.xy)

    def units(self, radius: float) -> tuple[np.ndarray, bool]:
        """Unit polygons for gap maps, built on demand (they are costly for many points).

        Polygon residents and raster cells are their own units. Point residents share out the
        ground around them: each gets its Voronoi cell, clipped to the settled area (the convex
        hull of the points grown by ``radius``); coinciding points each get a disc of ``radius``.

        Returns
        -------
        tuple
            The units, and whether they form a coverage (cells meeting edge to edge, no
            overlaps), which merges much faster.
        """
        units = self.shapes.copy()
        points = shapely.is_missing(units)
        coverage = False
        if points.any():
            pts = shapely.points(self.xy[points])
            distinct = len(np.unique(self.xy[points], axis=0)) == int(points.sum())
            if distinct and points.sum() > 1:
                settled = shapely.buffer(shapely.convex_hull(shapely.multipoints(pts)), radius)
                cells = shapely.get_parts(
                    shapely.voronoi_polygons(
                        shapely.multipoints(pts), extend_to=settled, ordered=True
                    )
                )
                units[points] = shapely.intersection(cells, settled)
                coverage = bool(points.all())
            else:
                units[points] = shapely.buffer(pts, radius, quad_segs=4)
        return units, coverage

    @property
    def count(self) -> int:
        """Number of resident points."""
        return len(self.ids)

    @property
    def total(self) -> float:
        """Total population."""
        return float(self.population.sum())


def _representative(geoms: np.ndarray) -> np.ndarray:
    """Coordinates ``(M, 2)`` of each geometry's resident point: a point as it is, a polygon's
    centroid, or a point on its surface when the centroid falls outside it."""
    kind = shapely.get_type_id(geoms)
    if kind.size and (kind == 0).all():  # points (most resident layers): no geometry work
        return shapely.get_coordinates(geoms)
    centroids = shapely.centroid(geoms)
    polygonal = np.isin(kind, [3, 6])
    outside = polygonal & ~shapely.contains(geoms, centroids)
    centroids[outside] = shapely.point_on_surface(geoms[outside])
    return shapely.get_coordinates(centroids)


def _vector(layer: PlanLayer) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    assert layer.frame is not None
    geoms = layer.frame.geometry.to_numpy()
    xy = _representative(geoms)
    units = np.array(geoms, dtype=object, copy=True)
    units[~np.isin(shapely.get_type_id(geoms), [3, 6])] = None  # point units come on demand
    ids = layer.frame["id"].to_numpy(dtype=object)
    if pd.api.types.infer_dtype(ids, skipna=False) != "string":
        ids = layer.frame["id"].astype(str).to_numpy()
    pop = layer.frame["population"].to_numpy(dtype=float)
    return ids, xy, pop, units


def _raster(layer: PlanLayer, plan: Plan, margin: float) -> tuple[np.ndarray, ...]:
    assert layer.raster is not None and plan.crs is not None
    src = layer.raster
    minx, miny, maxx, maxy = plan.extent() or layer.bounds(plan.crs)
    box = (minx - margin, miny - margin, maxx + margin, maxy + margin)
    own = transform_bounds(plan.crs, src.crs, *box)
    with rasterio.open(src.dataset) as ds:
        window = from_bounds(*own, transform=ds.transform).round_offsets().round_lengths()
        window = window.intersection(rasterio.windows.Window(0, 0, ds.width, ds.height))
        data = mask_nodata(ds.read(src.band, window=window, masked=True), src.nodata)
        transform = ds.window_transform(window)
    values = np.ma.filled(data.astype(float), 0.0)
    rows, cols = np.nonzero(values > 0)
    xs, ys = rasterio.transform.xy(transform, rows, cols, offset="center")
    corners = [
        rasterio.transform.xy(transform, rows + dr, cols + dc, offset="ul")
        for dr, dc in ((0, 0), (0, 1), (1, 1), (1, 0))
    ]
    to_plan = Transformer.from_crs(src.crs, plan.crs, always_xy=True)
    px, py = to_plan.transform(np.asarray(xs), np.asarray(ys))
    ring = np.stack(
        [np.stack(to_plan.transform(np.asarray(cx), np.asarray(cy)), axis=1) for cx, cy in corners],
        axis=1,
    )
    units = shapely.polygons(ring)
    boundaries = [
        b.frame.geometry.union_all() for b in plan.by_role("boundary") if b.frame is not None
    ]
    if boundaries:
        inside = shapely.contains_xy(shapely.union_all(boundaries), px, py)
        rows, cols, px, py, units = (
            rows[inside],
            cols[inside],
            px[inside],
            py[inside],
            units[inside],
        )
    row0, col0 = int(window.row_off), int(window.col_off)
    ids = np.char.add(
        np.char.add(f"{layer.name}:", (rows + row0).astype(str)),
        np.char.add(":", (cols + col0).astype(str)),
    )
    return ids, np.column_stack([px, py]), values[rows, cols], units


def representative_points(geoms: np.ndarray) -> np.ndarray:
    """``(N, 2)``: where each resident feature stands (a polygon's centroid, or a point on its
    surface when the centroid falls outside it)."""
    return _representative(geoms)


def raster_points(layer: PlanLayer, plan: Plan) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """A population raster's populated cells over the plan (clipped to its boundary): their
    ids (``<layer>:<row>:<col>``), centres ``(N, 2)`` in the plan's CRS and persons."""
    ids, xy, pop, _ = _raster(layer, plan, 0.0)
    return ids, xy, pop


def collect_residents(plan: Plan, *, margin: float = 0.0) -> Residents:
    """Gather the resident points of every residents layer of ``plan``.

    Parameters
    ----------
    plan
        The plan.
    margin
        A population raster is read over the extent of the plan's vector layers grown by this
        much (the reach of the network); with a boundary layer, only cells centred inside count.
    """
    parts = []
    own: list[np.ndarray | None] = []
    for layer in plan.by_role("residents"):
        if layer.raster is not None:
            ids, xy, pop, units = _raster(layer, plan, margin)
            own.append(None)
        else:
            ids, xy, pop, units = _vector(layer)
            own.append(_own_points(layer))
        parts.append((ids, np.full(len(ids), layer.name, dtype=object), xy, pop, units))
    if not parts:
        empty = np.empty(0)
        return Residents(
            empty.astype(object),
            empty.astype(object),
            np.empty((0, 2)),
            empty,
            empty.astype(object),
        )
    return Residents(
        np.concatenate([p[0] for p in parts]).astype(object),
        np.concatenate([p[1] for p in parts]),
        np.concatenate([p[2] for p in parts]).reshape(-1, 2),
        np.concatenate([p[3] for p in parts]).astype(float),
        np.concatenate([p[4] for p in parts]).astype(object),
        None if any(o is None for o in own) else np.concatenate(own),  # type: ignore[arg-type]
    )


def _own_points(layer: PlanLayer) -> np.ndarray | None:
    """A point layer's geometries when they are its resident points as made from their
    coordinates would be: 2D, non-empty Points without M values (else None)."""
    assert layer.frame is not None
    geoms = layer.frame.geometry.to_numpy()
    kind = shapely.get_type_id(geoms)
    if not kind.size or not (kind == 0).all():
        return None
    has_m = getattr(shapely, "has_m", None)  # (shapely 2.1 and later read M values)
    if shapely.has_z(geoms).any() or shapely.is_empty(geoms).any():
        return None
    if has_m is not None and has_m(geoms).any():
        return None
    return np.asarray(geoms, dtype=object)
