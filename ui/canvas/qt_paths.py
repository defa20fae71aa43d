"""Geometry to Qt painter paths: shapely parts cut into small, spatially close groups of
painter paths (read from QPainterPath's stream format, built with numpy), and device
coordinates."""

from __future__ import annotations

import struct
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise

import numpy as np
import shapely
from PyQt5.QtCore import (
    QByteArray,
    QDataStream,
)
from PyQt5.QtGui import (
    QPainterPath,
    QPolygonF,
    QTransform,
)
from shapely.geometry.base import BaseGeometry

__all__ = [
    "Drawing",
    "Shapes",
    "flip",
    "morton",
    "outline",
    "path_chunks",
    "read_paths",
    "read_polygons",
    "split_parts",
    "to_device",
    "vertex_handles",
]


#: Parts per painter path: small enough that a frame skips what is off screen and that the
#: rasteriser works on small areas, large enough that a frame makes few calls (measured with
#: bench/bench_canvas.py: 16 draws 10,000 blocks about twice as fast as 1 or 256).
_GROUP = 16

_ELEMENT = np.dtype([("type", ">i4"), ("x", ">f8"), ("y", ">f8")])
_WINDING_FILL = 1  # Qt::WindingFill in QPainterPath's stream format


# -- geometry to painter paths ---------------------------------------------------------------


def read_paths(chunks: list[bytes], count: int) -> list[QPainterPath]:
    """Painter paths from their QDataStream form (built with numpy: much faster than
    QPainterPath.lineTo per vertex)."""
    stream = QDataStream(QByteArray(b"".join(chunks)))
    paths = []
    for _ in range(count):
        path = QPainterPath()
        stream >> path
        paths.append(path)
    return paths


def read_polygons(arrays: list[np.ndarray]) -> list[QPolygonF]:
    """QPolygonF objects of the (n, 2) coordinate arrays, through their QDataStream form."""
    chunks = [
        struct.pack(">I", len(xy)) + np.ascontiguousarray(xy, dtype=">f8").tobytes()
        for xy in arrays
    ]
    stream = QDataStream(QByteArray(b"".join(chunks)))
    polygons = []
    for _ in arrays:
        polygon = QPolygonF()
        stream >> polygon
        polygons.append(polygon)
    return polygons


def path_chunks(xy: np.ndarray, first: np.ndarray, cuts: np.ndarray) -> list[bytes]:
    """The stream form of one path per slice ``cuts[i]:cuts[i + 1]`` of the vertices ``xy``
    (scene coordinates); ``first`` marks the vertex that starts each ring or line."""
    elements = np.empty(len(xy), _ELEMENT)
    elements["type"] = np.where(first, 0, 1)  # MoveToElement, LineToElement
    elements["x"] = xy[:, 0]
    elements["y"] = xy[:, 1]
    starts = np.flatnonzero(first)
    chunks = []
    for lo, hi in pairwise(cuts.tolist()):
        last_move = int(starts[np.searchsorted(starts, hi) - 1]) - lo
        chunks.append(
            struct.pack(">i", hi - lo)
            + elements[lo:hi].tobytes()
            + struct.pack(">ii", last_move, _WINDING_FILL)
        )
    return chunks


def split_parts(geoms: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Polygons (exteriors counter-clockwise, so holes stay holes under the winding rule),
    lines, and point coordinates (map CRS) of an array of geometries of any type."""
    parts = shapely.get_parts(geoms)
    kind = shapely.get_type_id(parts)
    if (kind >= 4).any():  # multi-part geometries inside a collection
        parts = shapely.get_parts(parts)
        kind = shapely.get_type_id(parts)
    keep = ~shapely.is_empty(parts) & (kind >= 0)
    parts, kind = parts[keep], kind[keep]
    polygons = shapely.orient_polygons(parts[kind == 3])
    lines = parts[(kind == 1) | (kind == 2)]
    points = shapely.get_coordinates(parts[kind == 0])
    return np.asarray(polygons, dtype=object), lines, points


def flip(xy: np.ndarray) -> np.ndarray:
    """Map coordinates to scene coordinates (and back): y flipped."""
    return np.column_stack([xy[:, 0], -xy[:, 1]]) if len(xy) else np.zeros((0, 2))


def morton(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Position along a Z-order curve, so that neighbours in the order are neighbours on the map."""

    def spread(v: np.ndarray) -> np.ndarray:
        v = v.astype(np.uint32)
        v = (v | (v << 8)) & 0x00FF00FF
        v = (v | (v << 4)) & 0x0F0F0F0F
        v = (v | (v << 2)) & 0x33333333
        return (v | (v << 1)) & 0x55555555

    def grid(v: np.ndarray) -> np.ndarray:
        lo, hi = float(v.min()), float(v.max())
        return np.round((v - lo) / max(hi - lo, 1e-9) * 65535)

    return spread(grid(x)) | (spread(grid(y)) << 1)


@dataclass
class Shapes:
    """Polygons or lines of a layer as painter paths of up to ``_GROUP`` close parts each."""

    paths: list[QPainterPath] = field(default_factory=list)
    centres: np.ndarray = field(default_factory=lambda: np.zeros((0, 2)))  # of parts, in order
    bounds: np.ndarray = field(default_factory=lambda: np.zeros((0, 4)))  # scene coordinates
    sizes: np.ndarray = field(default_factory=lambda: np.zeros(0))  # largest part, metres
    parts: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=int))
    vertices: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=int))

    def __len__(self) -> int:
        return len(self.paths)

    @classmethod
    def build(cls, parts: np.ndarray, *, rings: bool) -> Shapes:
        """Group ``parts`` (polygons when ``rings``, else lines) into painter paths.

        Parts are sorted by size class, largest first (so that small parts of a layer are drawn
        over large ones, and each path holds parts of about one size, for the level of detail),
        then along a Morton curve, and cut into paths of ``_GROUP``.
        """
        n = len(parts)
        if n == 0:
            return cls()
        box = shapely.bounds(parts)
        size = np.maximum(box[:, 2] - box[:, 0], box[:, 3] - box[:, 1])
        size_class = np.floor(np.log2(np.maximum(size, 1e-3)))
        cx, cy = (box[:, 0] + box[:, 2]) / 2, (box[:, 1] + box[:, 3]) / 2
        order = np.lexsort((morton(cx, cy), -size_class))
        rank = np.empty(n, dtype=np.int64)
        rank[order] = np.arange(n)
        sorted_class = size_class[order]
        new_class = np.r_[True, sorted_class[1:] != sorted_class[:-1]]
        run_start = np.maximum.accumulate(np.where(new_class, np.arange(n), 0))
        new_group = new_class | ((np.arange(n) - run_start) % _GROUP == 0)
        group_starts = np.flatnonzero(new_group)
        group_of_rank = np.cumsum(new_group) - 1

        if rings:
            lines, line_part = shapely.get_rings(parts, return_index=True)
        else:
            lines, line_part = parts, np.arange(n)
        coords, line_of_vertex = shapely.get_coordinates(lines, return_index=True)
        counts = np.bincount(line_of_vertex, minlength=len(lines))
        starts = np.r_[0, np.cumsum(counts)[:-1]]
        line_order = np.argsort(rank[line_part], kind="stable")
        c, s = counts[line_order], starts[line_order]
        offsets = np.r_[0, np.cumsum(c)[:-1]]
        index = np.repeat(s - offsets, c) + np.arange(int(c.sum()))
        first = np.zeros(len(index), dtype=bool)
        first[offsets[c > 0]] = True
        vertex_group = np.repeat(group_of_rank[rank[line_part[line_order]]], c)
        cuts = np.r_[np.flatnonzero(np.r_[True, vertex_group[1:] != vertex_group[:-1]]), len(index)]
        xy = flip(coords[index])
        count = len(cuts) - 1
        lo = cuts[:-1]
        bounds = np.column_stack(
            [
                np.minimum.reduceat(xy[:, 0], lo),
                np.minimum.reduceat(xy[:, 1], lo),
                np.maximum.reduceat(xy[:, 0], lo),
                np.maximum.reduceat(xy[:, 1], lo),
            ]
        )
        centres = flip(np.column_stack([cx, cy])[order])
        part_cuts = np.r_[group_starts, n]
        return cls(
            paths=read_paths(path_chunks(xy, first, cuts), count),
            centres=centres,
            bounds=bounds,
            sizes=np.maximum.reduceat(size[order], group_starts),
            parts=np.diff(part_cuts),
            vertices=np.diff(cuts),
        )

    def centres_of(self, groups: list[int]) -> QPolygonF:
        """The centres of the parts of ``groups``, as one polygon for ``drawPoints``."""
        cuts = np.r_[0, np.cumsum(self.parts)]
        return read_polygons(
            [np.concatenate([self.centres[cuts[g] : cuts[g + 1]] for g in groups])]
        )[0]

    def visible(self, box: tuple[float, float, float, float]) -> np.ndarray:
        """Which paths reach into ``box`` (scene minx, miny, maxx, maxy)."""
        b = self.bounds
        return (b[:, 0] <= box[2]) & (b[:, 2] >= box[0]) & (b[:, 1] <= box[3]) & (b[:, 3] >= box[1])


@dataclass
class Drawing:
    """A layer's geometry ready to paint: polygons, lines and points (scene coordinates)."""

    polygons: Shapes
    lines: Shapes
    points: np.ndarray

    @classmethod
    def build(cls, geoms: np.ndarray, *, unique_points: bool = False) -> Drawing:
        polygons, lines, points = split_parts(geoms)
        if unique_points and len(points):
            points = np.unique(points, axis=0)
        return cls(
            Shapes.build(polygons, rings=True), Shapes.build(lines, rings=False), flip(points)
        )


def outline(geoms: Sequence[BaseGeometry]) -> tuple[QPainterPath, np.ndarray]:
    """One painter path of the polygons and lines, and the points (scene coordinates)."""
    polygons, lines, points = split_parts(np.asarray(list(geoms), dtype=object))
    rings, _ = shapely.get_rings(polygons, return_index=True)
    all_lines = np.concatenate([np.asarray(rings, dtype=object), lines])
    coords, which = shapely.get_coordinates(all_lines, return_index=True)
    if not len(coords):
        return QPainterPath(), flip(points)
    first = np.r_[True, which[1:] != which[:-1]]
    cuts = np.array([0, len(coords)])
    return read_paths(path_chunks(flip(coords), first, cuts), 1)[0], flip(points)


def to_device(xy: np.ndarray, t: QTransform) -> np.ndarray:
    """Scene coordinates to the painter's device coordinates."""
    x, y = xy[:, 0], xy[:, 1]
    return np.column_stack([x * t.m11() + y * t.m21() + t.dx(), x * t.m12() + y * t.m22() + t.dy()])


def vertex_handles(geometry: BaseGeometry) -> tuple[np.ndarray, np.ndarray]:
    """A geometry's coordinates and, for each, the index of its ring's other end (or -1):
    a ring's first and last vertex are one corner and move together."""
    polygons, _, _ = split_parts(np.array([geometry], dtype=object))
    rings = shapely.get_rings(polygons) if len(polygons) else np.zeros(0, dtype=object)
    coords = shapely.get_coordinates(geometry)
    twin = np.full(len(coords), -1)
    if geometry.geom_type in ("Polygon", "MultiPolygon"):
        ends = np.cumsum(shapely.get_num_coordinates(rings))
        starts = np.r_[0, ends[:-1]]
        twin[starts] = ends - 1
        twin[ends - 1] = starts
    return coords, twin
