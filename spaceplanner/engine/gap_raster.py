"""Where people are not served, drawn once from a raster of the residents' ground.

The ground of the plan is cut into square pixels (at most :data:`PIXEL_BUDGET` of them, no finer
than :data:`MIN_PIXEL` metres): each pixel belongs to one resident point or to none. Polygon
residents (blocks, buildings, population-raster cells) own the pixels whose centres they cover;
point residents own the pixels nearest to them (a raster Voronoi, from a Euclidean distance
transform) up to ``radius``, and at least 1.5 pixels (:data:`GROUND_PIXELS`), so that a city
drawn whole at a coarse pixel shows patches, not a dust of single pixels. This is built once
per set of residents.

For an indicator, the pixels of the residents it leaves unserved (plus the pixel each of them
stands on, so that nobody is lost however small their ground) are labelled into 4-connected
patches and each patch is polygonised once (``rasterio.features.shapes``): one polygon per
patch, carrying the unserved persons of the residents standing in it. The patches' persons add
up to the report's unserved population by construction. The cost is linear in the pixels of the
window around the unserved residents, with no union of shapes: ``bench/bench_gaps.py`` measured
it side by side with merging Voronoi units (30 s against 2.3 s at 500,000 residents).

Service areas are drawn the same way: the pieces of street within reach are burnt into a
raster, grown by the buffer with a distance transform, joined with the sites' own ground, and
polygonised once per indicator.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely
from affine import Affine
from rasterio.features import rasterize, shapes
from scipy import ndimage

__all__ = [
    "GROUND_PIXELS",
    "MIN_PIXEL",
    "PIXEL_BUDGET",
    "Ground",
    "Patches",
    "area_raster",
    "gap_patches",
    "pixel_size",
    "resident_ground",
]

#: The most pixels a gap or service-area raster may have (about 16 MB of labels).
PIXEL_BUDGET = 4_000_000
#: The finest pixel, in metres: a neighbourhood is drawn at this size.
MIN_PIXEL = 2.0
#: The least reach of a point resident's ground, in pixels.
GROUND_PIXELS = 1.5


def pixel_size(bounds: np.ndarray, budget: int = PIXEL_BUDGET, finest: float = MIN_PIXEL) -> float:
    """The pixel side (metres, a multiple of 0.5) that fits ``bounds`` (minx, miny, maxx, maxy)
    into ``budget`` pixels, no finer than ``finest``."""
    w, h = float(bounds[2] - bounds[0]), float(bounds[3] - bounds[1])
    side = max(finest, float(np.sqrt(max(w, 1.0) * max(h, 1.0) / budget)))
    return float(np.ceil(side * 2.0) / 2.0)


@dataclass(frozen=True)
class _Grid:
    transform: Affine
    shape: tuple[int, int]
    pixel: float

    @classmethod
    def over(cls, bounds: np.ndarray, pixel: float) -> _Grid:
        lo = np.floor(np.asarray(bounds[:2], float) / pixel) * pixel
        hi = np.ceil(np.asarray(bounds[2:], float) / pixel) * pixel + pixel
        cols, rows = (int(v) for v in np.rint((hi - lo) / pixel))
        return cls(Affine(pixel, 0.0, lo[0], 0.0, -pixel, hi[1]), (rows, cols), pixel)

    def cells(self, xy: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The (row, col) of the pixel each point stands in."""
        t = self.transform
        col = np.clip(((xy[:, 0] - t.c) / self.pixel).astype(np.int64), 0, self.shape[1] - 1)
        row = np.clip(((t.f - xy[:, 1]) / self.pixel).astype(np.int64), 0, self.shape[0] - 1)
        return row, col


@dataclass(frozen=True)
class Ground:
    """The residents' ground as a label raster.

    Attributes
    ----------
    label
        ``(rows, cols)`` int32: the index of the resident point owning each pixel, -1 for none.
    transform
        The raster's affine transform (plan CRS).
    pixel
        Pixel side in metres.
    row, col
        ``(M,)`` the pixel each resident point stands on.
    box
        ``(M, 4)`` each resident's pixel window: first row, first col, last row, last col.
    """

    label: np.ndarray
    transform: Affine
    pixel: float
    row: np.ndarray
    col: np.ndarray
    box: np.ndarray


def resident_ground(
    xy: np.ndarray,
    shapes_: np.ndarray,
    radius: float,
    *,
    budget: int = PIXEL_BUDGET,
    finest: float = MIN_PIXEL,
) -> Ground:
    """The label raster of the residents' ground.

    Parameters
    ----------
    xy
        ``(M, 2)`` resident points.
    shapes_
        ``(M,)`` each resident's own polygon (block, building, raster cell), or missing
        (``None``) for a point resident.
    radius
        How far around a point resident its ground reaches (metres); at least
        :data:`GROUND_PIXELS` pixels.
    """
    polygon = ~shapely.is_missing(shapes_)
    if not len(xy):  # nobody: an empty raster
        empty = np.empty(0, dtype=np.int64)
        return Ground(
            np.full((1, 1), -1, np.int32),
            Affine.identity(),
            finest,
            empty,
            empty,
            np.empty((0, 4), dtype=np.int64),
        )
    pb = shapely.bounds(shapes_[polygon]) if polygon.any() else None

    def around(r: float) -> np.ndarray:
        bounds = np.concatenate([xy.min(axis=0) - r, xy.max(axis=0) + r])
        if pb is None:
            return bounds
        return np.concatenate(
            [
                np.minimum(bounds[:2], pb[:, :2].min(axis=0)),
                np.maximum(bounds[2:], pb[:, 2:].max(axis=0)),
            ]
        )

    pixel = pixel_size(around(radius), budget, finest)
    # at a coarse pixel (a city drawn whole) a point's ground reaches at least GROUND_PIXELS
    # pixels: neighbours' grounds then meet in patches instead of dotting the map with single
    # pixels, each its own polygon (63,000 patches of 2.5 million vertices for one indicator
    # of 2 million residents at 61.5 m, against 960 patches of 200,000 vertices)
    bounds = around(max(radius, GROUND_PIXELS * pixel))
    pixel = pixel_size(bounds, budget, finest)  # the raster with the wider margin fits too
    radius = max(radius, GROUND_PIXELS * pixel)
    grid = _Grid.over(bounds, pixel)
    row, col = grid.cells(xy)
    label = np.full(grid.shape, -1, dtype=np.int32)
    index = np.arange(len(xy), dtype=np.int32)
    reach = int(np.ceil(radius / grid.pixel))
    box = np.stack([row - reach, col - reach, row + reach, col + reach], axis=1)
    if polygon.any():
        rasterize(
            zip(shapes_[polygon], index[polygon], strict=True),
            out=label,
            transform=grid.transform,
        )
        assert pb is not None
        r0, c0 = grid.cells(pb[:, [0, 3]])
        r1, c1 = grid.cells(pb[:, [2, 1]])
        box[polygon] = np.stack([r0, c0, r1, c1], axis=1)
    points = ~polygon
    if points.any():
        seed = np.full(grid.shape, -1, dtype=np.int32)
        seed[row[points], col[points]] = index[points]
        dist, (ir, ic) = ndimage.distance_transform_edt(seed < 0, return_indices=True)
        near = seed[ir, ic]
        del ir, ic
        near[dist * grid.pixel > radius] = -1
        free = label < 0
        label[free] = near[free]
    box[:, [0, 2]] = np.clip(box[:, [0, 2]], 0, grid.shape[0] - 1)
    box[:, [1, 3]] = np.clip(box[:, [1, 3]], 0, grid.shape[1] - 1)
    return Ground(label, grid.transform, grid.pixel, row, col, box)


@dataclass(frozen=True)
class Patches:
    """The gap patches of one indicator: one polygon per connected patch of unserved ground."""

    geoms: np.ndarray
    persons: np.ndarray
    residents: np.ndarray


def _polygons(
    raster: np.ndarray, mask: np.ndarray, transform: Affine, connectivity: int = 4
) -> tuple[np.ndarray, np.ndarray]:
    """The 4-connected regions of ``raster`` under ``mask`` as polygons, with their values.

    The rings GDAL returns are made into polygons at once (``shapely.linearrings`` and
    ``shapely.polygons`` with indices), not one ``shape()`` call each."""
    rings: list[list[tuple[float, float]]] = []
    owner: list[int] = []
    values: list[int] = []
    for k, (geom, value) in enumerate(
        shapes(raster, mask=mask, connectivity=connectivity, transform=transform)
    ):
        values.append(int(value))
        for ring in geom["coordinates"]:
            rings.append(ring)
            owner.append(k)
    if not rings:
        return np.empty(0, dtype=object), np.empty(0, dtype=np.int64)
    lens = np.fromiter((len(r) for r in rings), np.int64, len(rings))
    flat = np.fromiter(
        (c for r in rings for xy in r for c in xy), np.float64, int(lens.sum()) * 2
    ).reshape(-1, 2)
    lines = shapely.linearrings(flat, indices=np.repeat(np.arange(len(rings)), lens))
    return shapely.polygons(lines, indices=np.asarray(owner)), np.asarray(values, np.int64)


def _burn_lines(mask: np.ndarray, pieces: np.ndarray, grid: _Grid) -> None:
    """Mark the pixels the straight pieces ``(N, 2, 2)`` pass through: each is sampled at its
    ends and at even steps of at most half a pixel between them, all at once."""
    a, b = pieces[:, 0], pieces[:, 1]
    step = grid.pixel / 2.0
    # as shapely.segmentize(line, step): ceil(length / step) equal parts, their ends
    parts = np.maximum(np.ceil(np.hypot(*(b - a).T) / step), 1.0).astype(np.int64)
    count = parts + 1
    which = np.repeat(np.arange(len(a)), count)
    k = np.arange(int(count.sum())) - np.repeat(np.cumsum(count) - count, count)
    t = (k / np.repeat(parts, count))[:, None]
    xy = a[which] + (b - a)[which] * t
    row, col = grid.cells(xy)
    inside = (
        (xy[:, 0] >= grid.transform.c)
        & (xy[:, 1] <= grid.transform.f)
        & (col < grid.shape[1])
        & (row < grid.shape[0])
    )
    mask[row[inside], col[inside]] = 1


def gap_patches(ground: Ground, miss: np.ndarray, persons: np.ndarray) -> Patches:
    """The patches of ground of the residents ``miss`` leaves unserved.

    Parameters
    ----------
    miss
        ``(M,)`` bool: the residents not served.
    persons
        ``(M,)`` each resident point's unserved persons.
    """
    who = np.flatnonzero(miss)
    if not who.size:
        return Patches(np.empty(0, object), np.empty(0), np.empty(0, np.int64))
    box = ground.box[who]
    r0, c0 = box[:, 0].min(), box[:, 1].min()
    r1, c1 = box[:, 2].max() + 1, box[:, 3].max() + 1
    # one look-up per pixel: a label of -1 (nobody's ground) reads the False appended last
    mask = np.append(np.asarray(miss, dtype=bool), False)[ground.label[r0:r1, c0:c1]]
    row, col = ground.row[who] - r0, ground.col[who] - c0
    mask[row, col] = True
    # 8-connected (as shapes(connectivity=8)): a raster Voronoi leaves single pixels touching
    # their region at a corner, which would otherwise be patches of nobody
    patches, n = ndimage.label(mask, structure=np.ones((3, 3), dtype=bool))
    at = patches[row, col]
    people = np.bincount(at, weights=persons[who], minlength=n + 1)
    count = np.bincount(at, minlength=n + 1)
    window = ground.transform @ Affine.translation(c0, r0)
    geoms, idx = _polygons(patches.astype(np.int32, copy=False), mask, window, connectivity=8)
    return Patches(geoms, people[idx], count[idx])


def area_raster(
    lines: np.ndarray, zones: np.ndarray, buffer: float, *, budget: int = PIXEL_BUDGET
) -> tuple[shapely.Geometry, float]:
    """The ground within ``buffer`` of the straight pieces ``lines`` together with ``zones``,
    drawn on pixels.

    Parameters
    ----------
    lines
        ``(N, 2, 2)``: the coordinates of each straight piece's two ends.
    zones
        ``(K,)`` polygons.

    Returns
    -------
    tuple
        The (multi)polygon and its area in square metres (pixels times pixel area).
    """
    lines = np.asarray(lines, dtype=float).reshape(-1, 2, 2)
    lines = lines[np.isfinite(lines).all(axis=(1, 2))]  # a piece without coordinates: no ground
    if not len(lines) and not len(zones):
        return shapely.Polygon(), 0.0
    boxes = []
    if len(lines):
        boxes.append(np.concatenate([lines.min(axis=1), lines.max(axis=1)], axis=1))
    if len(zones):
        boxes.append(shapely.bounds(zones))
    b = np.concatenate(boxes)
    bounds = np.array([*(b[:, :2].min(axis=0) - buffer), *(b[:, 2:].max(axis=0) + buffer)])
    grid = _Grid.over(bounds, pixel_size(bounds, budget))
    mask = np.zeros(grid.shape, dtype=np.uint8)
    if len(lines):
        _burn_lines(mask, lines, grid)
        if buffer > 0:
            dist = ndimage.distance_transform_edt(mask == 0)
            mask = (dist * grid.pixel <= buffer).astype(np.uint8)
    if len(zones):
        rasterize(((g, 1) for g in zones), out=mask, transform=grid.transform)
    on = mask.astype(bool)
    geoms, _ = _polygons(mask, on, grid.transform)
    shape = shapely.multipolygons(geoms) if len(geoms) else shapely.Polygon()
    return shape, float(on.sum()) * grid.pixel**2
