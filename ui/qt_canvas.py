"""The map canvas: a plan's layers, the latest evaluation over them, and the edit tools.

:class:`QtMapCanvas` is a QGraphicsView (as QGIS's canvas) over a
:class:`~spaceplanner.ui.model.session.
Session`. Scene coordinates are the plan's metres with y flipped (scene y = -map y), so north is
up. Each layer is ONE graphics item that paints cached painter paths: the features are cut into
paths of a few spatially close parts (ordered along a Morton curve) so a frame draws only the
paths in the exposed area, and parts smaller than a pixel are drawn as single dots. Point symbols
are pre-rendered pixmaps stamped at the points' screen positions, so pens and symbols keep their
size in pixels at any zoom. Features are found under the cursor with one shapely STRtree per layer
(rebuilt when the layer's frame is replaced, as every edit does).

Edits go through the session's command stack (one command per gesture); a command that cannot be
done raises a :class:`~spaceplanner.layers.errors.SpacePlannerError`, which the canvas turns into
:attr:`QtMapCanvas.edit_failed` for the main window to show.
"""

from __future__ import annotations

import functools
import logging
import math
import operator
import struct
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from itertools import pairwise, repeat
from typing import Any, TypeVar

import numpy as np
import rasterio
import shapely
from pyproj import CRS, Transformer
from PyQt5.QtCore import (
    QByteArray,
    QCoreApplication,
    QDataStream,
    QPointF,
    QRectF,
    Qt,
    pyqtSignal,
)
from PyQt5.QtGui import (
    QBrush,
    QColor,
    QFont,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
    QPolygonF,
    QResizeEvent,
    QTransform,
    QWheelEvent,
)
from PyQt5.QtWidgets import (
    QFrame,
    QGraphicsItem,
    QGraphicsPixmapItem,
    QGraphicsScene,
    QGraphicsView,
    QStyleOptionGraphicsItem,
    QWidget,
)
from rasterio.enums import Resampling
from rasterio.errors import RasterioError
from shapely.geometry.base import BaseGeometry

from spaceplanner.engine.siting import DUAL_USE_SUFFIX
from spaceplanner.layers.catalogue import get_role
from spaceplanner.layers.errors import SpacePlannerError
from spaceplanner.model.commands import AddFeature, Command, DeleteFeature, MoveFeature, SetGeometry
from spaceplanner.model.plan import Plan, PlanLayer
from spaceplanner.results.report import Report
from spaceplanner.ui.model.session import Session
from spaceplanner.ui.qt_follow import follow

__all__ = ["OVERLAYS", "TOOLS", "QtMapCanvas"]

log = logging.getLogger(__name__)

#: The canvas's tools (:meth:`QtMapCanvas.set_tool`).
TOOLS = ("pan", "select", "move", "add_point", "draw_polygon", "reshape")
#: The result overlays drawn over the plan, bottom first (:meth:`QtMapCanvas.set_overlay_visible`).
OVERLAYS = (
    "service_areas",
    "hazard_zones",
    "gap_areas",
    "shelters_over_capacity",
    "uncovered_residents",
    "violations",
)

#: Parts per painter path: small enough that a frame skips what is off screen and that the
#: rasteriser works on small areas, large enough that a frame makes few calls (measured with
#: bench/bench_canvas.py: 16 draws 10,000 blocks about twice as fast as 1 or 256).
_GROUP = 16
#: Parts smaller than this many pixels are drawn as a dot at their centre.
_MIN_FEATURE_PX = 1.0
#: Above this many parts of a layer in a frame the layer is drawn without antialiasing: the
#: parts are then a few pixels across, where it shows little and costs half the frame.
_ANTIALIAS_PARTS = 4000
#: Above this many vertices of a layer in a frame, even pens of 3 pixels and more are drawn as
#: 1-pixel lines side by side (see _VectorItem._paint_shapes).
_WIDE_PEN_VERTICES = 20_000
#: How near (pixels) the cursor must be to a feature or a vertex to hit it.
_HIT_PX = 4.0
_HANDLE_PX = 7.0
#: Zoom limits: at most 1:10; at least the whole world rect (the plan's extent, 10x around).
_MAX_ZOOM_DENOMINATOR = 10.0
_WORLD_FACTOR = 10.0
_WORLD_MIN_M = 10_000.0
#: Opacity of a hazard layer that the chosen scenario does not count.
_UNCOUNTED_OPACITY = 0.3
#: Rasters are shown from an overview of at most this many pixels a side.
_RASTER_PIXELS = 1024
_WHEEL_STEP = 1.25
_KEY_ZOOM = 1.5

#: Violation symbols per principle (as the web map and map sheet draw them): colour, shape,
#: horizontal offset in pixels so that the three principles at one site sit side by side.
_PRINCIPLES: dict[str, tuple[str, str, float]] = {
    "避": ("#c62828", "circle", 14.0),
    "防": ("#e65100", "square", 0.0),
    "让": ("#1565c0", "diamond", -14.0),
}

_Z_OVERLAYS = 10_000.0
_Z_SELECTION = 20_000.0
_Z_PREVIEW = 20_001.0

_ELEMENT = np.dtype([("type", ">i4"), ("x", ">f8"), ("y", ">f8")])
_WINDING_FILL = 1  # Qt::WindingFill in QPainterPath's stream format

_Handler = TypeVar("_Handler", bound=Callable[..., Any])


# -- geometry to painter paths ---------------------------------------------------------------


def _read_paths(chunks: list[bytes], count: int) -> list[QPainterPath]:
    """Painter paths from their QDataStream form (built with numpy: much faster than
    QPainterPath.lineTo per vertex)."""
    stream = QDataStream(QByteArray(b"".join(chunks)))
    paths = []
    for _ in range(count):
        path = QPainterPath()
        stream >> path
        paths.append(path)
    return paths


def _read_polygons(arrays: list[np.ndarray]) -> list[QPolygonF]:
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


def _path_chunks(xy: np.ndarray, first: np.ndarray, cuts: np.ndarray) -> list[bytes]:
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


def _split(geoms: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
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


def _flip(xy: np.ndarray) -> np.ndarray:
    """Map coordinates to scene coordinates (and back): y flipped."""
    return np.column_stack([xy[:, 0], -xy[:, 1]]) if len(xy) else np.zeros((0, 2))


def _morton(x: np.ndarray, y: np.ndarray) -> np.ndarray:
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
class _Shapes:
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
    def build(cls, parts: np.ndarray, *, rings: bool) -> _Shapes:
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
        order = np.lexsort((_morton(cx, cy), -size_class))
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
        xy = _flip(coords[index])
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
        centres = _flip(np.column_stack([cx, cy])[order])
        part_cuts = np.r_[group_starts, n]
        return cls(
            paths=_read_paths(_path_chunks(xy, first, cuts), count),
            centres=centres,
            bounds=bounds,
            sizes=np.maximum.reduceat(size[order], group_starts),
            parts=np.diff(part_cuts),
            vertices=np.diff(cuts),
        )

    def centres_of(self, groups: list[int]) -> QPolygonF:
        """The centres of the parts of ``groups``, as one polygon for ``drawPoints``."""
        cuts = np.r_[0, np.cumsum(self.parts)]
        return _read_polygons(
            [np.concatenate([self.centres[cuts[g] : cuts[g + 1]] for g in groups])]
        )[0]

    def visible(self, box: tuple[float, float, float, float]) -> np.ndarray:
        """Which paths reach into ``box`` (scene minx, miny, maxx, maxy)."""
        b = self.bounds
        return (b[:, 0] <= box[2]) & (b[:, 2] >= box[0]) & (b[:, 1] <= box[3]) & (b[:, 3] >= box[1])


@dataclass
class _Drawing:
    """A layer's geometry ready to paint: polygons, lines and points (scene coordinates)."""

    polygons: _Shapes
    lines: _Shapes
    points: np.ndarray

    @classmethod
    def build(cls, geoms: np.ndarray, *, unique_points: bool = False) -> _Drawing:
        polygons, lines, points = _split(geoms)
        if unique_points and len(points):
            points = np.unique(points, axis=0)
        return cls(
            _Shapes.build(polygons, rings=True), _Shapes.build(lines, rings=False), _flip(points)
        )


def _outline(geoms: Sequence[BaseGeometry]) -> tuple[QPainterPath, np.ndarray]:
    """One painter path of the polygons and lines, and the points (scene coordinates)."""
    polygons, lines, points = _split(np.asarray(list(geoms), dtype=object))
    rings, _ = shapely.get_rings(polygons, return_index=True)
    all_lines = np.concatenate([np.asarray(rings, dtype=object), lines])
    coords, which = shapely.get_coordinates(all_lines, return_index=True)
    if not len(coords):
        return QPainterPath(), _flip(points)
    first = np.r_[True, which[1:] != which[:-1]]
    cuts = np.array([0, len(coords)])
    return _read_paths(_path_chunks(_flip(coords), first, cuts), 1)[0], _flip(points)


def _to_device(xy: np.ndarray, t: QTransform) -> np.ndarray:
    """Scene coordinates to the painter's device coordinates."""
    x, y = xy[:, 0], xy[:, 1]
    return np.column_stack([x * t.m11() + y * t.m21() + t.dx(), x * t.m12() + y * t.m22() + t.dy()])


# -- symbols ------------------------------------------------------------------------------------


def _colour(value: Any, opacity: float = 1.0) -> QColor | None:
    """A style colour (``#rrggbb`` or a Qt colour name) with ``opacity``; None for ``none``."""
    if value is None or str(value).lower() in {"none", ""}:
        return None
    colour = QColor(str(value))
    if not colour.isValid():
        colour = QColor("#888888")
    colour.setAlphaF(max(0.0, min(1.0, float(opacity))) * colour.alphaF())
    return colour


@functools.lru_cache(maxsize=128)
def _marker(
    fill: int, stroke: int, size: float, outline: float, shape: str, text: str, ratio: float
) -> QPixmap:
    """A point symbol, pre-rendered (colours as ARGB ints; 0 is none) at the device ratio."""
    reach = size * (1.3 if shape == "diamond" else 1.0)  # a diamond's text needs more room
    side = math.ceil(reach + 2 * outline + 2)
    pixmap = QPixmap(max(1, round(side * ratio)), max(1, round(side * ratio)))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = (
        QPen(QColor.fromRgba(stroke), outline)
        if stroke and outline > 0
        else QPen(Qt.PenStyle.NoPen)
    )
    painter.setPen(pen)
    painter.setBrush(QColor.fromRgba(fill) if fill else QBrush(Qt.BrushStyle.NoBrush))
    c, r = side / 2, size / 2
    if shape == "square":
        painter.drawRect(QRectF(c - r * 0.85, c - r * 0.85, r * 1.7, r * 1.7))
    elif shape == "diamond":
        d = reach / 2
        painter.drawPolygon(
            QPolygonF([QPointF(c, c - d), QPointF(c + d, c), QPointF(c, c + d), QPointF(c - d, c)])
        )
    else:
        painter.drawEllipse(QPointF(c, c), r, r)
    if text:
        font = QFont()
        font.setPixelSize(max(6, round(size * (0.55 if shape == "diamond" else 0.58))))
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor("white"))
        painter.drawText(QRectF(0, 0, side, side), Qt.AlignmentFlag.AlignCenter, text)
    painter.end()
    return pixmap


def _stamp(painter: QPainter, device_xy: np.ndarray, pixmap: QPixmap) -> None:
    """Draw ``pixmap`` centred on each device position (one C++ call per point, no Python loop
    body: 10,000 symbols take about 15 ms)."""
    if not len(device_xy):
        return
    half = pixmap.width() / pixmap.devicePixelRatio() / 2
    xs = np.round(device_xy[:, 0] - half).astype(int).tolist()
    ys = np.round(device_xy[:, 1] - half).astype(int).tolist()
    painter.save()
    painter.resetTransform()
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
    list(map(painter.drawPixmap, xs, ys, repeat(pixmap, len(xs))))
    painter.restore()


def _cosmetic(colour: QColor, width: float, *, dashed: bool = False) -> QPen:
    pen = QPen(colour, width)
    pen.setCosmetic(True)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    if dashed:
        pen.setStyle(Qt.PenStyle.DashLine)
    return pen


@dataclass
class _Symbology:
    """How a layer item paints: polygon fills (painted in turn), outline, point symbol."""

    brushes: tuple[QBrush, ...] = ()
    stroke: QColor | None = None
    width: float = 1.0  # pixels
    dashed: bool = False
    point_fill: QColor | None = None
    point_stroke: QColor | None = None
    point_size: float = 8.0  # pixels
    point_outline: float = 1.0

    @classmethod
    def from_style(cls, style: dict[str, Any], dpi: float) -> _Symbology:
        """The symbology of a layer view's style (widths and sizes in mm)."""
        px = dpi / 25.4
        opacity = float(style.get("opacity", 1.0))
        fill = _colour(style.get("fill"), opacity)
        stroke = _colour(style.get("stroke"))
        width = float(style.get("width", 0.4)) * px
        size = max(float(style.get("size", 2.4)) * px, 3.0)
        return cls(
            brushes=(QBrush(fill),) if fill is not None else (),
            stroke=stroke,
            # pens under 1.5 px drawn 1 px wide: Qt's fast path for thin cosmetic pens
            width=1.0 if width < 1.5 else width,
            point_fill=fill if fill is not None else stroke,
            point_stroke=stroke,
            point_size=size,
            point_outline=min(max(width, 1.0), size / 3),
        )

    def pen(self, *, thin: bool = False) -> QPen:
        if self.stroke is None:
            return QPen(Qt.PenStyle.NoPen)
        return _cosmetic(self.stroke, 1.0 if thin else self.width, dashed=self.dashed)

    def dot_colour(self) -> QColor:
        return self.stroke or self.point_fill or QColor("#555555")

    def point_pixmap(self, ratio: float) -> QPixmap:
        fill = self.point_fill.rgba() if self.point_fill is not None else 0
        stroke = self.point_stroke.rgba() if self.point_stroke is not None else 0
        return _marker(fill, stroke, self.point_size, self.point_outline, "circle", "", ratio)

    @property
    def margin(self) -> float:
        """How far (pixels) the symbols reach beyond the geometry."""
        return max(self.width, self.point_size + 2 * self.point_outline) / 2 + 2


# -- graphics items -----------------------------------------------------------------------------


class _WorldItem(QGraphicsItem):
    """An item as large as the canvas's world rect: it culls what it draws itself, by the
    exposed rectangle, so its bounds never depend on the zoom."""

    def __init__(self, world: QRectF) -> None:
        super().__init__()
        self._world = QRectF(world)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption, True)

    def set_world(self, world: QRectF) -> None:
        self.prepareGeometryChange()
        self._world = QRectF(world)

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt's name)
        return self._world


class _VectorItem(_WorldItem):
    """A vector layer (or a result overlay) of the map."""

    def __init__(self, world: QRectF, drawing: _Drawing, symbology: _Symbology) -> None:
        super().__init__(world)
        self.drawing = drawing
        self.symbology = symbology
        self.source: Any = None  # the frame drawn, to know when to rebuild
        self._geoms: np.ndarray | None = None

    @classmethod
    def of_frame(cls, world: QRectF, frame: Any, symbology: _Symbology) -> _VectorItem:
        """The item of a layer's frame."""
        geoms = np.asarray(frame.geometry.values, dtype=object)
        item = cls(world, _Drawing.build(geoms), symbology)
        item.source, item._geoms = frame, geoms
        return item

    def follow(self, frame: Any) -> None:
        """Draw a new version of the layer's frame. Commands set a new frame on every edit but
        keep the geometry objects of the features they leave alone, so a frame with the very
        same geometries (an attribute edit) needs no new drawing."""
        if frame is self.source:
            return
        geoms = np.asarray(frame.geometry.values, dtype=object)
        old = self._geoms
        same = old is not None and len(old) == len(geoms) and all(map(operator.is_, old, geoms))
        if not same:
            self.set_drawing(_Drawing.build(geoms))
        self.source, self._geoms = frame, geoms

    @property
    def brush(self) -> QBrush:
        """The polygon fill (no brush when the style's fill is ``none``)."""
        return (
            self.symbology.brushes[0] if self.symbology.brushes else QBrush(Qt.BrushStyle.NoBrush)
        )

    @property
    def pen(self) -> QPen:
        """The outline and line pen."""
        return self.symbology.pen()

    def set_drawing(self, drawing: _Drawing) -> None:
        self.drawing = drawing
        self.update()

    def set_symbology(self, symbology: _Symbology) -> None:
        self.symbology = symbology
        self.update()

    def paint(
        self,
        painter: QPainter | None,
        option: QStyleOptionGraphicsItem | None,
        widget: QWidget | None = None,
    ) -> None:
        assert painter is not None and option is not None
        lod = QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())
        if lod <= 0:
            return
        pad = self.symbology.margin / lod
        r = option.exposedRect
        box = (r.left() - pad, r.top() - pad, r.right() + pad, r.bottom() + pad)
        drawing = self.drawing
        if len(drawing.polygons):
            self._paint_shapes(painter, drawing.polygons, box, lod, self.symbology.brushes)
        if len(drawing.lines):
            self._paint_shapes(painter, drawing.lines, box, lod, ())
        if len(drawing.points):
            self._paint_points(painter, drawing.points, box)

    def _paint_shapes(
        self,
        painter: QPainter,
        shapes: _Shapes,
        box: tuple[float, float, float, float],
        lod: float,
        brushes: tuple[QBrush, ...],
    ) -> None:
        visible = shapes.visible(box)
        large = visible & (shapes.sizes * lod >= _MIN_FEATURE_PX)
        chosen = np.flatnonzero(large).tolist()
        paths = shapes.paths
        sym = self.symbology
        smooth = int(shapes.parts[large].sum()) <= _ANTIALIAS_PARTS
        if brushes:
            # A fill under an outline is drawn without antialiasing: the antialiased outline
            # covers its edge, and an antialiased fill takes twice as long.
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, smooth and sym.stroke is None)
            painter.setPen(Qt.PenStyle.NoPen)
            for brush in brushes:
                painter.setBrush(brush)
                for i in chosen:
                    painter.drawPath(paths[i])
        if sym.stroke is not None:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, smooth)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            many = int(shapes.vertices[large].sum()) > _WIDE_PEN_VERTICES
            if sym.width < 1.5 or (sym.width >= 3 and not many):
                painter.setPen(sym.pen())
                for i in chosen:
                    painter.drawPath(paths[i])
            else:
                # Qt strokes pens wider than a pixel through its general stroker, ten times
                # slower than its 1-pixel path: draw 1-pixel lines side by side instead.
                painter.setPen(sym.pen(thin=True))
                base = painter.worldTransform()
                shift = min(sym.width - 1, 1.5)
                for dx, dy in ((0.0, 0.0), (shift, 0.0), (0.0, shift)):
                    painter.setWorldTransform(base * QTransform.fromTranslate(dx, dy))
                    for i in chosen:
                        painter.drawPath(paths[i])
                painter.setWorldTransform(base)
        small = np.flatnonzero(visible & ~large).tolist()
        if small:
            painter.setPen(_cosmetic(self.symbology.dot_colour(), 1.0))
            painter.drawPoints(shapes.centres_of(small))

    def _paint_points(
        self, painter: QPainter, xy: np.ndarray, box: tuple[float, float, float, float]
    ) -> None:
        inside = (xy[:, 0] >= box[0]) & (xy[:, 0] <= box[2])
        inside &= (xy[:, 1] >= box[1]) & (xy[:, 1] <= box[3])
        device = painter.device()
        ratio = device.devicePixelRatioF() if device is not None else 1.0
        pixmap = self.symbology.point_pixmap(ratio)
        _stamp(painter, _to_device(xy[inside], painter.worldTransform()), pixmap)


class _RasterItem(QGraphicsPixmapItem):
    """A raster layer, shown from a downsampled overview placed by its transform."""

    def __init__(self, layer: PlanLayer, plan_crs: CRS, style: dict[str, Any]) -> None:
        super().__init__()
        self.source: Any = layer.raster
        self.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self.setShapeMode(QGraphicsPixmapItem.ShapeMode.BoundingRectShape)
        self._layer = layer
        self._crs = plan_crs
        self._style: dict[str, Any] = {}
        self.set_style(style)

    def set_style(self, style: dict[str, Any]) -> None:
        self.setOpacity(float(style.get("opacity", 1.0)))
        if style.get("fill") != self._style.get("fill") or self.pixmap().isNull():
            picture = _raster_picture(self._layer, self._crs, style)
            if picture is not None:
                image, transform = picture
                self.setPixmap(QPixmap.fromImage(image))
                self.setTransform(transform)
        self._style = dict(style)


#: A hypsometric ramp: stops (0 low, 1 high) and their colours.
_TERRAIN_STOPS = np.array([0.0, 0.25, 0.5, 0.75, 1.0])
_TERRAIN_COLOURS = np.array(
    [(61, 122, 74), (140, 186, 108), (226, 219, 152), (190, 150, 96), (245, 242, 236)], dtype=float
)


def _terrain(values: np.ndarray, cell: float | None) -> np.ndarray:
    """RGB of a hypsometric ramp (2nd to 98th percentile), shaded from the north-west."""
    finite = values[np.isfinite(values)]
    lo, hi = np.percentile(finite, [2, 98]) if finite.size else (0.0, 1.0)
    t = np.clip((values - lo) / max(hi - lo, 1e-9), 0, 1)
    t = np.nan_to_num(t)
    rgb = np.stack(
        [np.interp(t, _TERRAIN_STOPS, _TERRAIN_COLOURS[:, k]) for k in range(3)], axis=-1
    )
    if cell:
        filled = np.where(np.isfinite(values), values, np.nanmean(values) if finite.size else 0)
        dz_dy, dz_dx = np.gradient(filled, cell)
        slope = np.arctan(np.hypot(dz_dx, dz_dy))
        aspect = np.arctan2(-dz_dx, dz_dy)
        azimuth, altitude = np.radians(315.0), np.radians(45.0)
        shade = np.sin(altitude) * np.cos(slope) + np.cos(altitude) * np.sin(slope) * np.cos(
            azimuth - aspect
        )
        rgb *= (0.6 + 0.4 * np.clip(shade, 0, 1))[..., None]
    return rgb


def _raster_picture(
    layer: PlanLayer, plan_crs: CRS, style: dict[str, Any]
) -> tuple[QImage, QTransform] | None:
    """An overview image of a raster layer and the transform that places it in the scene.

    Terrain: a shaded hypsometric ramp. Hazards: the zone the layer's threshold selects, in the
    style's fill colour. Others: the values as a ramp from transparent to the fill colour.
    Nodata is transparent. None when the raster cannot be read.
    """
    src = layer.raster
    assert src is not None
    try:
        with rasterio.open(src.dataset) as ds:
            full_width = ds.width
            k = max(1.0, max(ds.width, ds.height) / _RASTER_PIXELS)
            w, h = max(1, round(ds.width / k)), max(1, round(ds.height / k))
            data = ds.read(
                src.band, out_shape=(h, w), masked=True, resampling=Resampling.bilinear
            ).astype(float)
    except (RasterioError, OSError) as exc:
        log.warning("cannot show raster %s: %s", layer.name, exc)
        return None
    if src.nodata is not None:
        data = np.ma.masked_equal(data, src.nodata)
    values = data.filled(np.nan)
    valid = np.isfinite(values)
    cell = abs(src.transform.a) * full_width / w if src.crs.is_projected else None
    rgba = np.zeros((h, w, 4), dtype=np.uint8)
    fill = _colour(style.get("fill")) or QColor("#888888")
    opts = layer.options
    if layer.role == "terrain":
        rgba[..., :3] = _terrain(values, cell).astype(np.uint8)
        rgba[..., 3] = np.where(valid, 255, 0)
    elif layer.role == "hazards" and any(k in opts for k in ("min_value", "max_value")):
        if "max_value" in opts:
            zone = np.where(valid, values, np.inf) <= float(opts["max_value"])
        else:
            zone = np.where(valid, values, -np.inf) >= float(opts["min_value"])
        rgba[..., :3] = (fill.red(), fill.green(), fill.blue())
        rgba[..., 3] = np.where(zone & valid, 255, 0)
    elif layer.role == "hazards" and "max_slope_pct" in opts and cell:
        dz_dy, dz_dx = np.gradient(np.where(valid, values, np.nanmean(values)), cell)
        zone = np.hypot(dz_dx, dz_dy) * 100 > float(opts["max_slope_pct"])
        rgba[..., :3] = (fill.red(), fill.green(), fill.blue())
        rgba[..., 3] = np.where(zone & valid, 255, 0)
    else:
        finite = values[valid]
        lo, hi = np.percentile(finite, [2, 98]) if finite.size else (0.0, 1.0)
        t = np.nan_to_num(np.clip((values - lo) / max(hi - lo, 1e-9), 0, 1))
        rgba[..., :3] = (fill.red(), fill.green(), fill.blue())
        rgba[..., 3] = np.where(valid, np.round(40 + 215 * t), 0).astype(np.uint8)
    image = QImage(rgba.tobytes(), w, h, 4 * w, QImage.Format.Format_RGBA8888).copy()

    # Three corners of the raster, in the plan's CRS when the raster has another one. Through
    # them an affine transform places the overview: exact in the raster's own CRS, and in
    # another CRS approximate (the curvature between the two is ignored; a warp would be exact,
    # and for a plan-sized raster the error is well under a pixel of the overview).
    t = src.transform
    corners = np.array([t @ (0, 0), t @ (src.width, 0), t @ (0, src.height)], dtype=float)
    if CRS.from_user_input(src.crs) != CRS.from_user_input(plan_crs):
        to_plan = Transformer.from_crs(src.crs, plan_crs, always_xy=True)
        corners = np.column_stack(to_plan.transform(corners[:, 0], corners[:, 1]))
    (x0, y0), (x1, y1), (x2, y2) = corners.tolist()
    placement = QTransform((x1 - x0) / w, -(y1 - y0) / w, (x2 - x0) / h, -(y2 - y0) / h, x0, -y0)
    return image, placement


class _ViolationItem(_WorldItem):
    """The sites that break a siting rule: their outline and a symbol per principle."""

    def __init__(self, world: QRectF, sites: dict[str, list[BaseGeometry]]) -> None:
        super().__init__(world)
        self._outlines: dict[str, QPainterPath] = {}
        self._anchors: dict[str, np.ndarray] = {}
        for principle, geoms in sites.items():
            if not geoms:
                continue
            self._outlines[principle] = _outline(geoms)[0]
            anchors = np.array(
                [
                    shapely.line_interpolate_point(g, 0.5, normalized=True).coords[0]
                    if g.geom_type in ("LineString", "MultiLineString")
                    else g.representative_point().coords[0]
                    for g in geoms
                ]
            )
            self._anchors[principle] = _flip(anchors)

    def paint(
        self,
        painter: QPainter | None,
        option: QStyleOptionGraphicsItem | None,
        widget: QWidget | None = None,
    ) -> None:
        assert painter is not None and option is not None
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for principle, path in self._outlines.items():
            painter.setPen(_cosmetic(QColor(_PRINCIPLES[principle][0]), 2.0, dashed=True))
            painter.drawPath(path)
        device = painter.device()
        ratio = device.devicePixelRatioF() if device is not None else 1.0
        for principle, anchors in self._anchors.items():
            colour, shape, dx = _PRINCIPLES[principle]
            pixmap = _marker(
                QColor(colour).rgba(), QColor("white").rgba(), 19.0, 1.5, shape, principle, ratio
            )
            where = _to_device(anchors, painter.worldTransform()) + np.array([dx, -12.0])
            _stamp(painter, where, pixmap)


class _ShapeItem(QGraphicsItem):
    """A few geometries drawn over the map with pens in pixels: the selection, a feature being
    moved or reshaped, a polygon being drawn; optionally with vertex handles."""

    def __init__(self, pens: Sequence[QPen], brush: QBrush, point_size: float) -> None:
        super().__init__()
        self._pens = list(pens)
        self._brush = brush
        self._point_size = point_size
        self._path = QPainterPath()
        self._points = np.zeros((0, 2))
        self._handles = np.zeros((0, 2))
        self._box: tuple[float, float, float, float] | None = None
        self._mpp = 1.0

    def set_geometries(
        self,
        geoms: Sequence[BaseGeometry],
        *,
        handles: np.ndarray | None = None,
        path: QPainterPath | None = None,
    ) -> None:
        """Show ``geoms`` (map CRS) or ``path`` (scene), and handles at map points ``handles``."""
        self.prepareGeometryChange()
        if path is None:
            self._path, self._points = _outline(geoms)
        else:
            self._path, self._points = path, np.zeros((0, 2))
        self._handles = _flip(handles) if handles is not None else np.zeros((0, 2))
        xs, ys = [], []
        if not self._path.isEmpty():
            r = self._path.boundingRect()
            xs += [r.left(), r.right()]
            ys += [r.top(), r.bottom()]
        for xy in (self._points, self._handles):
            if len(xy):
                xs += [float(xy[:, 0].min()), float(xy[:, 0].max())]
                ys += [float(xy[:, 1].min()), float(xy[:, 1].max())]
        self._box = (min(xs), min(ys), max(xs), max(ys)) if xs else None
        self.update()

    def set_metres_per_pixel(self, mpp: float) -> None:
        self.prepareGeometryChange()
        self._mpp = mpp

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt's name)
        if self._box is None:
            return QRectF()
        pad = max((p.widthF() for p in self._pens), default=1) + self._point_size + 2 * _HANDLE_PX
        pad *= self._mpp
        x0, y0, x1, y1 = self._box
        return QRectF(x0 - pad, y0 - pad, x1 - x0 + 2 * pad, y1 - y0 + 2 * pad)

    def paint(
        self,
        painter: QPainter | None,
        option: QStyleOptionGraphicsItem | None,
        widget: QWidget | None = None,
    ) -> None:
        assert painter is not None and option is not None
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        for i, pen in enumerate(self._pens):
            painter.setPen(pen)
            painter.setBrush(
                self._brush if i == len(self._pens) - 1 else QBrush(Qt.BrushStyle.NoBrush)
            )
            painter.drawPath(self._path)
        if not (len(self._points) or len(self._handles)):
            return
        transform = painter.worldTransform()
        points = _to_device(self._points, transform)
        handles = _to_device(self._handles, transform)
        painter.save()
        painter.resetTransform()
        r = self._point_size / 2 + 2
        for i, pen in enumerate(self._pens):
            painter.setPen(pen)
            painter.setBrush(
                self._brush if i == len(self._pens) - 1 else QBrush(Qt.BrushStyle.NoBrush)
            )
            for x, y in points.tolist():
                painter.drawEllipse(QPointF(x, y), r, r)
        painter.setPen(_cosmetic(QColor("#1a1a1a"), 1.0))
        painter.setBrush(QColor("white"))
        h = _HANDLE_PX
        for x, y in handles.tolist():
            painter.drawRect(QRectF(x - h / 2, y - h / 2, h, h))
        painter.restore()


# -- hit testing ----------------------------------------------------------------------------------


class _Same:
    """Equal to another ``_Same`` holding the very same object (frames compare by identity)."""

    __slots__ = ("obj",)

    def __init__(self, obj: object) -> None:
        self.obj = obj

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Same) and other.obj is self.obj

    def __hash__(self) -> int:
        return id(self.obj)


class _HitIndex:
    """Find a layer's features near a point: an STRtree over the frame's geometries."""

    def __init__(self, frame: Any) -> None:
        self.frame = frame
        self.geoms = np.asarray(frame.geometry.values, dtype=object)
        self.ids = frame["id"].astype(str).to_numpy()

    @functools.cached_property
    def tree(self) -> shapely.STRtree:
        """Built on the first search (finding a feature by id does not need it)."""
        return shapely.STRtree(self.geoms)

    @functools.cached_property
    def area(self) -> np.ndarray:
        return shapely.area(self.geoms)

    @functools.cached_property
    def pointlike(self) -> np.ndarray:
        return np.isin(shapely.get_type_id(self.geoms), [0, 4])

    def nearest(self, x: float, y: float, tol: float, point_tol: float) -> int | None:
        """The row of the feature nearest (x, y) within ``tol`` metres (``point_tol`` for
        points; a polygon under the cursor is at 0); among several, the smallest (drawn on top).
        """
        reach = max(tol, point_tol)
        rows = self.tree.query(shapely.box(x - reach, y - reach, x + reach, y + reach))
        if not len(rows):
            return None
        distance = shapely.distance(self.geoms[rows], shapely.Point(x, y))
        ok = distance <= np.where(self.pointlike[rows], point_tol, tol)
        if not ok.any():
            return None
        rows, distance = rows[ok], distance[ok]
        return int(rows[np.lexsort((-rows, self.area[rows], distance))[0]])

    def row(self, feature_id: str) -> int | None:
        hits = np.flatnonzero(self.ids == feature_id)
        return int(hits[0]) if hits.size else None


def _overlay_symbology(name: str) -> _Symbology:
    """The fixed look of a result overlay."""
    red = QColor("#c62828")
    if name == "gap_areas":
        hatch = QBrush(QColor(198, 40, 40, 150), Qt.BrushStyle.BDiagPattern)
        return _Symbology(brushes=(QBrush(QColor(229, 57, 53, 40)), hatch), stroke=red, width=1.5)
    if name == "uncovered_residents":
        return _Symbology(
            point_fill=QColor("#e53935"),
            point_stroke=QColor("white"),
            point_size=8.0,
            point_outline=1.5,
            stroke=red,
        )
    if name == "shelters_over_capacity":
        return _Symbology(stroke=QColor("#d50000"), width=3.5)
    if name == "service_areas":
        return _Symbology(stroke=QColor(21, 101, 192, 170), width=1.0, dashed=True)
    if name == "hazard_zones":
        return _Symbology(
            brushes=(QBrush(QColor(235, 87, 87, 45)),),
            stroke=QColor("#9b1c1c"),
            width=1.5,
            dashed=True,
        )
    msg = f"no overlay {name!r}"
    raise KeyError(msg)


def _guarded(handler: _Handler) -> _Handler:
    """Keep exceptions inside a Qt event handler: a refused edit becomes ``edit_failed`` with
    its description; anything else is logged and reported the same way (an exception escaping
    into Qt would abort the app)."""

    @functools.wraps(handler)
    def wrapper(self: QtMapCanvas, *args: Any) -> Any:
        try:
            return handler(self, *args)
        except SpacePlannerError as exc:
            self._cancel_gesture()
            self.edit_failed.emit(exc.describe())
        except Exception as exc:
            log.exception("map canvas: %s failed", handler.__name__)
            self._cancel_gesture()
            # the function is outside the class: pylupdate needs the context spelled out
            message = QCoreApplication.translate("QtMapCanvas", "unexpected error: {error}")
            self.edit_failed.emit(message.format(error=exc))
        return None

    return wrapper  # type: ignore[return-value]


@dataclass
class _Gesture:
    """A mouse gesture in progress (press to release)."""

    kind: str  # "pan", "click", "move", "vertex"
    press: QPointF  # viewport position
    last: QPointF
    start: tuple[float, float] = (0.0, 0.0)  # map position of the press
    layer: str = ""
    feature_id: str = ""
    geometry: BaseGeometry | None = None
    coords: np.ndarray | None = None  # reshape: the geometry's coordinates
    moved: list[int] = field(default_factory=list)  # reshape: the vertex (and its ring twin)


# -- the canvas -----------------------------------------------------------------------------------


class QtMapCanvas(QGraphicsView):
    """The map of a session's plan, its evaluation results and the edit tools.

    Parameters
    ----------
    session
        The open plan; None shows an empty canvas (see :meth:`set_session`).
    parent
        The parent widget.

    Signals
    -------
    mouse_moved(float, float)
        The cursor's map coordinates (plan CRS).
    scale_changed(float)
        The new scale denominator (1:N) after a zoom.
    identified(str, str)
        The select tool clicked on feature (layer, id).
    feature_added(str, str)
        A tool added feature (layer, id).
    edit_failed(str)
        An edit could not be done; the message says why (for a dialog).
    tool_changed(str)
        The tool changed.
    """

    mouse_moved = pyqtSignal(float, float)
    scale_changed = pyqtSignal(float)
    identified = pyqtSignal(str, str)
    feature_added = pyqtSignal(str, str)
    edit_failed = pyqtSignal(str)
    tool_changed = pyqtSignal(str)

    def __init__(self, session: Session | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._scene = QGraphicsScene(self)
        self._scene.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
        self.setScene(self._scene)
        self.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        self.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        # Layer items repaint only what is exposed, so a small change (the selection, a
        # rubber band) or a scroll repaints a small area; they keep their own painter state.
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontSavePainterState, True)
        self.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontAdjustForAntialiasing, True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setDragMode(QGraphicsView.DragMode.NoDrag)
        self.setInteractive(False)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setBackgroundBrush(QColor("white"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self._viewport().setMouseTracking(True)

        self._session: Session | None = None
        self._unfollow: Callable[[], None] | None = None
        self._world = QRectF(-_WORLD_MIN_M, -_WORLD_MIN_M, 2 * _WORLD_MIN_M, 2 * _WORLD_MIN_M)
        self._layers: dict[str, QGraphicsItem] = {}
        self._overlays: dict[str, QGraphicsItem] = {}
        self._overlay_counts: dict[str, int] = {}
        self._overlay_shown = {name: name != "service_areas" for name in OVERLAYS}
        self._indicator: str | None = None
        # per overlay: what it was built from, so an unchanged one is not built again
        self._overlay_keys: dict[str, tuple[Any, ...]] = {}
        self._hits: dict[str, _HitIndex] = {}
        self._tool = "pan"
        self._edit_layer: str | None = None
        self._gesture: _Gesture | None = None
        self._vertices: list[tuple[float, float]] = []
        self._cursor_map: tuple[float, float] | None = None
        self._fit_pending = True
        self._last_scale = 0.0

        self._selection = _ShapeItem(
            [_cosmetic(QColor(0, 188, 212, 170), 9.0), _cosmetic(QColor("#ffeb3b"), 3.0)],
            QBrush(QColor(255, 235, 59, 60)),
            10.0,
        )
        self._selection.setZValue(_Z_SELECTION)
        self._preview = _ShapeItem(
            [_cosmetic(QColor("#ff6f00"), 2.0, dashed=True)],
            QBrush(QColor(255, 111, 0, 50)),
            10.0,
        )
        self._preview.setZValue(_Z_PREVIEW)
        for item in (self._selection, self._preview):
            item.setVisible(False)
            self._scene.addItem(item)
        self._scene.setSceneRect(self._world)
        self.set_session(session)

    # -- session ----------------------------------------------------------------------------------
    def _viewport(self) -> QWidget:
        viewport = self.viewport()
        assert viewport is not None
        return viewport

    def session(self) -> Session | None:
        """The session shown."""
        return self._session

    def set_session(self, session: Session | None) -> None:
        """Show ``session`` (None: nothing) and follow its events; zoom to its extent."""
        if self._unfollow is not None:
            self._unfollow()
            self._unfollow = None
        self._cancel_gesture()
        self._vertices.clear()
        for item in [*self._layers.values(), *self._overlays.values()]:
            self._scene.removeItem(item)
        self._layers.clear()
        self._overlays.clear()
        self._overlay_counts.clear()
        self._overlay_keys.clear()
        self._hits.clear()
        self._edit_layer = None
        self._session = session
        if session is not None:
            self._unfollow = follow(self, session, self._on_session_event)
            extent = session.plan.extent(rasters=True)
            self._set_world(self._world_around(extent) if extent else self._world)
            self._sync_layers()
            self._build_overlays()
        self._show_selection()
        self._update_preview()
        self.zoom_to_extent()

    def _on_session_event(self, event: str, data: Any) -> None:
        if event == "features":
            self._refresh_layer(str(data))
            self._show_selection()
        elif event in ("layers", "scenario"):
            self._sync_layers()
            self._show_selection()
        elif event == "selection":
            self._show_selection()
        elif event == "report":
            self._build_overlays()

    @property
    def _plan(self) -> Plan:
        assert self._session is not None
        return self._session.plan

    # -- world rect -----------------------------------------------------------------------------
    @staticmethod
    def _world_around(extent: tuple[float, float, float, float]) -> QRectF:
        minx, miny, maxx, maxy = extent
        half = max(_WORLD_FACTOR * max(maxx - minx, maxy - miny, 1.0), _WORLD_MIN_M)
        cx, cy = (minx + maxx) / 2, -(miny + maxy) / 2
        return QRectF(cx - half, cy - half, 2 * half, 2 * half)

    def _set_world(self, world: QRectF) -> None:
        self._world = QRectF(world)
        self._scene.setSceneRect(self._world)
        for item in [*self._layers.values(), *self._overlays.values()]:
            if isinstance(item, _WorldItem):
                item.set_world(self._world)

    def _grow_world(self, rect: QRectF) -> None:
        if not self._world.contains(rect):
            big = rect.adjusted(-rect.width(), -rect.height(), rect.width(), rect.height())
            self._set_world(self._world.united(big))

    # -- layers ---------------------------------------------------------------------------------
    def _dpi(self) -> float:
        return float(self.logicalDpiX())

    def _sync_layers(self) -> None:
        """Items for the plan's layers, in the views' order, visibility and style."""
        if self._session is None:
            return
        plan = self._plan
        for name in [n for n in self._layers if n not in plan.layers]:
            self._scene.removeItem(self._layers.pop(name))
            self._hits.pop(name, None)
        extent = plan.extent(rasters=True)
        if extent is not None:
            self._grow_world(self.map_rect(*extent))
        views = self._session.views
        # a hazard layer the scenario does not count is drawn faintly (and so marked in the
        # layer list): it is on the map but not in the figures
        uncounted = self._session.uncounted_hazards()
        for z, view in enumerate(reversed(views), start=1):
            layer = plan.layers.get(view.name)
            if layer is None:
                continue
            item = self._layers.get(view.name)
            if isinstance(item, _VectorItem) and layer.frame is not None:
                item.follow(layer.frame)
            source = layer.frame if layer.frame is not None else layer.raster
            if item is None or getattr(item, "source", None) is not source:
                if item is not None:
                    self._scene.removeItem(item)
                item = self._make_layer_item(layer, view.style)
                if item is None:
                    self._layers.pop(view.name, None)
                    continue
                self._layers[view.name] = item
                self._scene.addItem(item)
            elif isinstance(item, _VectorItem):
                symbology = _Symbology.from_style(view.style, self._dpi())
                if symbology != item.symbology:
                    item.set_symbology(symbology)
            elif isinstance(item, _RasterItem):
                item.set_style(view.style)
            item.setZValue(float(z))
            item.setVisible(view.visible)
            base = float(view.style.get("opacity", 1.0)) if isinstance(item, _RasterItem) else 1.0
            item.setOpacity(base * (_UNCOUNTED_OPACITY if view.name in uncounted else 1.0))
        if self._edit_layer is not None and self._edit_layer not in plan.layers:
            self._edit_layer = None

    def _make_layer_item(self, layer: PlanLayer, style: dict[str, Any]) -> QGraphicsItem | None:
        if layer.raster is not None:
            if self._plan.crs is None:
                return None
            return _RasterItem(layer, self._plan.crs, style)
        if layer.frame is None:
            return None
        return _VectorItem.of_frame(
            self._world, layer.frame, _Symbology.from_style(style, self._dpi())
        )

    def _refresh_layer(self, name: str) -> None:
        """Redraw a layer whose features changed (or all its view, when it is new)."""
        if self._session is None:
            return
        layer = self._plan.layers.get(name)
        item = self._layers.get(name)
        if layer is None or item is None or not isinstance(item, _VectorItem):
            self._sync_layers()
            return
        if layer.frame is not None:
            item.follow(layer.frame)

    def layer_item(self, name: str) -> QGraphicsItem | None:
        """The graphics item that draws layer ``name`` (None when not shown).

        A vector layer's item has ``brush`` and ``pen`` (its style as Qt draws it); a raster
        layer's is a QGraphicsPixmapItem.
        """
        return self._layers.get(name)

    # -- overlays -------------------------------------------------------------------------------
    def overlay_names(self) -> list[str]:
        """The result overlays, bottom first (:data:`OVERLAYS`)."""
        return list(OVERLAYS)

    def set_overlay_visible(self, name: str, visible: bool) -> None:
        """Show or hide a result overlay (``service_areas`` is hidden at first)."""
        if name not in self._overlay_shown:
            msg = f"no overlay {name!r}; overlays: {', '.join(OVERLAYS)}"
            raise KeyError(msg)
        self._overlay_shown[name] = bool(visible)
        if name in self._overlays:
            self._overlays[name].setVisible(bool(visible))

    def indicator(self) -> str | None:
        """The indicator whose gaps the overlays show (None: every indicator's)."""
        return self._indicator

    def set_indicator(self, name: str | None) -> None:
        """Show the gap areas, uncovered residents and service areas of one indicator
        (``shelter``, ``space_5min``, a facility kind); None shows every indicator's."""
        if name != self._indicator:
            self._indicator = name
            self._build_overlays()

    def overlay_visible(self, name: str) -> bool:
        """Whether the overlay is switched on."""
        return self._overlay_shown[name]

    def show_suggestions(self, geometries: Any | None) -> None:
        """Draw suggested sites (from the Suggest sites dialog) above everything; None clears."""
        old: QGraphicsItem | None = getattr(self, "_suggested", None)
        if old is not None:
            self._scene.removeItem(old)
            self._suggested: QGraphicsItem | None = None
        if geometries is None or not len(geometries):
            return
        item = _VectorItem(
            self._world,
            _Drawing.build(np.asarray(geometries, dtype=object), unique_points=True),
            _Symbology(
                brushes=(QBrush(QColor(245, 158, 11, 110)),),
                stroke=QColor("#92400e"),
                width=2.5,
                point_fill=QColor("#f59e0b"),
                point_stroke=QColor("#92400e"),
                point_size=13.0,
                point_outline=2.0,
            ),
        )
        item.setZValue(_Z_OVERLAYS + len(OVERLAYS) + 1)
        self._scene.addItem(item)
        self._suggested = item
        self._suggested_count = len(geometries)

    def suggestion_count(self) -> int:
        """Suggested sites drawn (0 when none)."""
        return self._suggested_count if getattr(self, "_suggested", None) is not None else 0

    def overlay_count(self, name: str) -> int:
        """Features drawn by an overlay from the current report (0 when it has none): rows of
        the report layer, or for ``violations`` the (principle, site) symbols."""
        return self._overlay_counts.get(name, 0)

    def _build_overlays(self) -> None:
        report = self._session.report if self._session is not None else None
        if report is None:
            for old in self._overlays.values():
                self._scene.removeItem(old)
            self._overlays.clear()
            self._overlay_counts.clear()
            self._overlay_keys.clear()
            return
        item: QGraphicsItem
        for z, name in enumerate(OVERLAYS):
            if name == "violations":
                sites = _violation_sites(self._plan, report)
                count = sum(len(v) for v in sites.values())
                key: tuple[Any, ...] = ("violations", repr(sorted(sites.items(), key=str)))
            else:
                frame = report.layers.get(name)
                if (
                    frame is not None
                    and self._indicator is not None
                    and "indicator" in frame.columns
                ):
                    frame = frame[frame["indicator"] == self._indicator]
                count = 0 if frame is None else len(frame)
                # a live report carries the last full run's area layers: the same frames (held
                # in the key, so an identity check is safe)
                key = (_Same(report.layers.get(name)), self._indicator, count)
            if self._overlay_keys.get(name) == key and (name in self._overlays or not count):
                continue  # unchanged since the last report: keep the item
            if name in self._overlays:
                self._scene.removeItem(self._overlays.pop(name))
            self._overlay_counts.pop(name, None)
            self._overlay_keys[name] = key
            if not count:
                continue
            if name == "violations":
                item = _ViolationItem(self._world, sites)
            else:
                assert frame is not None
                geoms = np.asarray(frame.geometry.values, dtype=object)
                item = _VectorItem(
                    self._world,
                    _Drawing.build(geoms, unique_points=True),
                    _overlay_symbology(name),
                )
            item.setZValue(_Z_OVERLAYS + z)
            item.setVisible(self._overlay_shown[name])
            self._scene.addItem(item)
            self._overlays[name] = item
            self._overlay_counts[name] = count

    # -- coordinates ----------------------------------------------------------------------------
    @staticmethod
    def map_to_scene(x: float, y: float) -> QPointF:
        """The scene point of map coordinates (plan CRS)."""
        return QPointF(x, -y)

    @staticmethod
    def scene_to_map(point: QPointF) -> tuple[float, float]:
        """The map coordinates (plan CRS) of a scene point."""
        return (point.x(), -point.y())

    @staticmethod
    def map_rect(minx: float, miny: float, maxx: float, maxy: float) -> QRectF:
        """The scene rectangle of map bounds."""
        return QRectF(minx, -maxy, maxx - minx, maxy - miny)

    def view_to_map(self, pos: QPointF) -> tuple[float, float]:
        """The map coordinates under a viewport position (pixels, fractions allowed)."""
        inverse, _ = self.viewportTransform().inverted()
        return self.scene_to_map(inverse.map(QPointF(pos)))

    def map_to_view(self, x: float, y: float) -> QPointF:
        """The viewport position (pixels) of map coordinates."""
        return self.viewportTransform().map(self.map_to_scene(x, y))

    def visible_extent(self) -> tuple[float, float, float, float]:
        """The map bounds ``(minx, miny, maxx, maxy)`` shown in the viewport."""
        r = self._viewport().rect()
        x0, y0 = self.view_to_map(QPointF(r.left(), r.bottom() + 1))
        x1, y1 = self.view_to_map(QPointF(r.right() + 1, r.top()))
        return (x0, y0, x1, y1)

    def _metres_per_pixel(self) -> float:
        return 1.0 / max(abs(self.transform().m11()), 1e-12)

    def map_scale(self) -> float:
        """The scale denominator N of 1:N, for the screen's logical DPI."""
        return self._metres_per_pixel() * self._dpi() / 0.0254

    # -- navigation -----------------------------------------------------------------------------
    def zoom_to_extent(self) -> None:
        """Show the whole plan (vector and raster layers)."""
        extent = self._plan.extent(rasters=True) if self._session is not None else None
        if extent is not None:
            self._fit(self.map_rect(*extent), margin=0.03)
        self._fit_pending = True

    def zoom_to_layer(self, name: str) -> None:
        """Show the whole of layer ``name``."""
        layer = self._plan.layers[name]
        if self._plan.crs is None or (layer.frame is not None and not len(layer.frame)):
            return
        bounds = layer.bounds(self._plan.crs)
        if all(math.isfinite(v) for v in bounds):
            self.zoom_to_bounds(*bounds)

    def zoom_to_bounds(self, minx: float, miny: float, maxx: float, maxy: float) -> None:
        """Show map bounds (plan CRS), with a small margin."""
        self._fit(self.map_rect(minx, miny, maxx, maxy), margin=0.03)
        self._fit_pending = False

    def zoom_to_feature(self, layer: str, feature_id: str) -> None:
        """Centre feature ``(layer, id)`` and show it whole (a point: about 100 m around it).

        Raises
        ------
        KeyError
            When the layer has no such feature.
        """
        geometry = self._feature_geometry(layer, feature_id)
        if geometry is None:
            msg = f"no feature {feature_id!r} in layer {layer!r}"
            raise KeyError(msg)
        minx, miny, maxx, maxy = geometry.bounds
        cx, cy = (minx + maxx) / 2, (miny + maxy) / 2
        half = max((maxx - minx) * 0.7, (maxy - miny) * 0.7, 50.0)
        self._fit(self.map_rect(cx - half, cy - half, cx + half, cy + half), margin=0.0)
        self._fit_pending = False

    def _fit(self, rect: QRectF, *, margin: float) -> None:
        if rect.width() <= 0 and rect.height() <= 0:
            rect = rect.adjusted(-50, -50, 50, 50)
        rect = rect.adjusted(
            -rect.width() * margin,
            -rect.height() * margin,
            rect.width() * margin,
            rect.height() * margin,
        )
        self._grow_world(rect)
        self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
        self._clamp_scale()
        self.centerOn(rect.center())
        self._view_changed()

    def _scale_limits(self) -> tuple[float, float]:
        """Pixels per metre: the least (the world fills the view) and the most (1:10)."""
        view = self._viewport().rect()
        least = max(view.width() / self._world.width(), view.height() / self._world.height())
        most = self._dpi() / 0.0254 / _MAX_ZOOM_DENOMINATOR
        return least, max(least, most)

    def _clamp_scale(self) -> None:
        m = abs(self.transform().m11())
        least, most = self._scale_limits()
        wanted = min(max(m, least), most)
        if wanted != m:
            centre = self.mapToScene(self._viewport().rect().center())
            self.scale(wanted / m, wanted / m)
            self.centerOn(centre)

    def zoom_by(self, factor: float, at: QPointF | None = None) -> None:
        """Zoom in (``factor`` > 1) or out, keeping the map point under viewport position
        ``at`` (default: the centre) in place."""
        view = self._viewport()
        pos = QPointF(at) if at is not None else QPointF(view.width() / 2, view.height() / 2)
        m = abs(self.transform().m11())
        least, most = self._scale_limits()
        factor = min(max(m * factor, least), most) / m
        if factor == 1.0:
            return
        scene_point = self.viewportTransform().inverted()[0].map(pos)
        self.scale(factor, factor)
        after = self.viewportTransform().map(scene_point)
        self._scroll_by(after.x() - pos.x(), after.y() - pos.y())
        self._fit_pending = False
        self._view_changed()

    def pan_by(self, dx: float, dy: float) -> None:
        """Move the view ``dx``, ``dy`` pixels (the map moves the other way)."""
        self._scroll_by(dx, dy)
        self._fit_pending = False

    def _scroll_by(self, dx: float, dy: float) -> None:
        h, v = self.horizontalScrollBar(), self.verticalScrollBar()
        assert h is not None and v is not None
        h.setValue(h.value() + round(dx))
        v.setValue(v.value() + round(dy))

    def _view_changed(self) -> None:
        mpp = self._metres_per_pixel()
        self._selection.set_metres_per_pixel(mpp)
        self._preview.set_metres_per_pixel(mpp)
        scale = self.map_scale()
        if abs(scale - self._last_scale) > 1e-9 * max(scale, 1.0):
            self._last_scale = scale
            self.scale_changed.emit(scale)

    def resizeEvent(self, event: QResizeEvent | None) -> None:  # noqa: N802 (Qt's name)
        assert event is not None
        super().resizeEvent(event)
        if self._fit_pending and self._session is not None:
            self.zoom_to_extent()
        else:
            self._clamp_scale()
            self._view_changed()

    # -- tools ----------------------------------------------------------------------------------
    def tool(self) -> str:
        """The current tool."""
        return self._tool

    def set_tool(self, name: str) -> None:
        """Choose the tool of the left mouse button.

        ``pan``
            drag to pan (the middle button pans with every tool)
        ``select``
            click selects the topmost visible feature under the cursor (or nothing) and emits
            ``identified``
        ``move``
            drag the selected feature, or a feature of the edit layer: one MoveFeature
        ``add_point``
            click adds a point to the edit layer (AddFeature) and emits ``feature_added``
        ``draw_polygon``
            clicks add corners; double-click or Enter adds the polygon to the edit layer,
            Backspace takes back a corner, Esc drops it
        ``reshape``
            drag a vertex handle of the selected polygon or line: one SetGeometry, refused
            (``edit_failed``) when the new shape is not valid; a click elsewhere selects

        The edit tools need an edit layer (:meth:`set_edit_layer`); without one they only emit
        ``edit_failed``. The Delete key deletes the selected feature with any tool.

        Raises
        ------
        ValueError
            For an unknown tool name.
        """
        if name not in TOOLS:
            msg = f"no tool {name!r}; tools: {', '.join(TOOLS)}"
            raise ValueError(msg)
        self._cancel_gesture()
        self._vertices.clear()
        self._tool = name
        self._set_cursor()
        self._show_selection()
        self._update_preview()
        self.tool_changed.emit(name)

    def _set_cursor(self) -> None:
        cursors = {
            "pan": Qt.CursorShape.OpenHandCursor,
            "select": Qt.CursorShape.ArrowCursor,
            "move": Qt.CursorShape.SizeAllCursor,
            "reshape": Qt.CursorShape.PointingHandCursor,
        }
        self._viewport().setCursor(cursors.get(self._tool, Qt.CursorShape.CrossCursor))

    def edit_layer(self) -> str | None:
        """The layer the edit tools add to and change."""
        return self._edit_layer

    def set_edit_layer(self, name: str | None) -> None:
        """Choose the layer the edit tools work on (None: none).

        Any layer name is taken, so that a main window can pass its current layer: the edit
        tools say when there is none, or when it is a raster or no longer in the plan.
        """
        self._cancel_gesture()
        self._vertices.clear()
        self._update_preview()
        self._edit_layer = name
        self._show_selection()

    def _need_edit_layer(self) -> str | None:
        """The edit layer, or None after saying (``edit_failed``) why there is none to edit."""
        name = self._edit_layer
        layer = self._plan.layers.get(name) if self._session is not None and name else None
        if layer is None:
            self.edit_failed.emit(self.tr("choose a layer to edit first (a vector layer)"))
            return None
        if layer.frame is None:
            self.edit_failed.emit(
                self.tr("{layer} is a raster layer; choose a vector layer to edit").format(
                    layer=name
                )
            )
            return None
        return name

    def _accepts(self, layer_name: str, kind: str) -> bool:
        """Whether ``kind`` ("point"/"polygon") geometries may be added to a layer: its role
        allows them and they match its features; if not, say so."""
        layer = self._plan.layers[layer_name]
        assert layer.frame is not None
        present = {t.removeprefix("Multi").lower() for t in layer.geometry_types()}
        present = {"line" if t == "linestring" else t for t in present}
        allowed = set(get_role(layer.role).geometry)
        if kind in allowed and (not present or present == {kind}):
            return True
        holds = ", ".join(sorted(present or allowed)) or "nothing"
        self.edit_failed.emit(
            self.tr("layer {layer} holds {kinds}; a {kind} cannot be added to it").format(
                layer=layer_name, kinds=holds, kind=kind
            )
        )
        return False

    def _push(self, command: Command) -> bool:
        """Run an edit; a refused one is reported through ``edit_failed``."""
        assert self._session is not None
        try:
            self._session.push(command)
        except SpacePlannerError as exc:
            self.edit_failed.emit(exc.describe())
            return False
        return True

    def _new_values(self, layer_name: str) -> dict[str, Any]:
        """Values of a new feature: a fresh id and the layer's constant fields."""
        layer = self._plan.layers[layer_name]
        assert self._session is not None and layer.frame is not None
        values: dict[str, Any] = {"id": self._session.new_id(layer_name)}
        values.update({k: v for k, v in layer.constants.items() if k in layer.frame.columns})
        return values

    def _fit_type(self, layer_name: str, geometry: BaseGeometry) -> BaseGeometry:
        """``geometry`` as a Multi- geometry when all the layer's features are."""
        frame = self._plan.layers[layer_name].frame
        assert frame is not None
        types = set(frame.geometry.geom_type.dropna())
        if types and all(t.startswith("Multi") for t in types):
            if geometry.geom_type == "Polygon":
                return shapely.MultiPolygon([geometry])
            if geometry.geom_type == "Point":
                return shapely.MultiPoint([geometry])
        return geometry

    def add_point(self, x: float, y: float) -> str | None:
        """Add a point feature at map (x, y) to the edit layer; return its id (None if refused)."""
        name = self._need_edit_layer()
        if name is None or not self._accepts(name, "point"):
            return None
        values = self._new_values(name)
        geometry = self._fit_type(name, shapely.Point(x, y))
        if not self._push(AddFeature(name, values, geometry, label="Add point")):
            return None
        self.feature_added.emit(name, str(values["id"]))
        return str(values["id"])

    def add_polygon(self, vertices: Sequence[tuple[float, float]]) -> str | None:
        """Add a polygon with map ``vertices`` to the edit layer; return its id (None if
        refused: fewer than 3 vertices, a polygon that crosses itself, a layer of points)."""
        name = self._need_edit_layer()
        if name is None or not self._accepts(name, "polygon"):
            return None
        if len(vertices) < 3:
            self.edit_failed.emit(self.tr("a polygon needs at least 3 corners"))
            return None
        polygon = shapely.Polygon(vertices)
        if not polygon.is_valid:
            self.edit_failed.emit(
                self.tr("the polygon is not valid ({reason}); it was not added").format(
                    reason=shapely.is_valid_reason(polygon)
                )
            )
            return None
        values = self._new_values(name)
        geometry = self._fit_type(name, polygon)
        if not self._push(AddFeature(name, values, geometry, label="Add polygon")):
            return None
        self.feature_added.emit(name, str(values["id"]))
        return str(values["id"])

    def delete_selected(self) -> bool:
        """Delete the selected feature (undoable); False when nothing is selected or refused."""
        if self._session is None or self._session.selection is None:
            return False
        layer, feature_id = self._session.selection
        self._cancel_gesture()
        return self._push(DeleteFeature(layer, feature_id))

    # -- features -------------------------------------------------------------------------------
    def _hit_index(self, name: str) -> _HitIndex | None:
        layer = self._plan.layers.get(name)
        if layer is None or layer.frame is None:
            return None
        index = self._hits.get(name)
        if index is None or index.frame is not layer.frame:
            index = _HitIndex(layer.frame)
            self._hits[name] = index
        return index

    def _feature_geometry(self, layer: str, feature_id: str) -> BaseGeometry | None:
        if self._session is None:
            return None
        index = self._hit_index(layer)
        row = index.row(str(feature_id)) if index is not None else None
        if index is None or row is None:
            return None
        geometry = index.geoms[row]
        return geometry if isinstance(geometry, BaseGeometry) and not geometry.is_empty else None

    def _hit_in(self, name: str, pos: QPointF) -> str | None:
        """The id of layer ``name``'s feature under viewport position ``pos``."""
        index = self._hit_index(name)
        if index is None:
            return None
        item = self._layers.get(name)
        mpp = self._metres_per_pixel()
        size = item.symbology.point_size / 2 if isinstance(item, _VectorItem) else _HIT_PX
        x, y = self.view_to_map(pos)
        row = index.nearest(x, y, _HIT_PX * mpp, max(size, _HIT_PX) * mpp)
        return None if row is None else str(index.ids[row])

    def feature_at(self, pos: QPointF) -> tuple[str, str] | None:
        """The topmost visible feature ``(layer, id)`` under a viewport position, if any."""
        if self._session is None:
            return None
        for view in self._session.views:
            if view.visible and self._plan.layers.get(view.name) is not None:
                found = self._hit_in(view.name, pos)
                if found is not None:
                    return (view.name, found)
        return None

    def _on_selection(self, pos: QPointF) -> bool:
        """Whether viewport position ``pos`` is on the selected feature."""
        if self._session is None or self._session.selection is None:
            return False
        geometry = self._feature_geometry(*self._session.selection)
        if geometry is None:
            return False
        x, y = self.view_to_map(pos)
        reach = _HIT_PX * self._metres_per_pixel()
        if geometry.geom_type in ("Point", "MultiPoint"):
            reach = max(reach, 6.0 * self._metres_per_pixel())
        return bool(shapely.distance(geometry, shapely.Point(x, y)) <= reach)

    def _vertex_handles(self, geometry: BaseGeometry) -> tuple[np.ndarray, np.ndarray]:
        """A geometry's coordinates and, for each, the index of its ring's other end (or -1):
        a ring's first and last vertex are one corner and move together."""
        polygons, _, _ = _split(np.array([geometry], dtype=object))
        rings = shapely.get_rings(polygons) if len(polygons) else np.zeros(0, dtype=object)
        coords = shapely.get_coordinates(geometry)
        twin = np.full(len(coords), -1)
        if geometry.geom_type in ("Polygon", "MultiPolygon"):
            ends = np.cumsum(shapely.get_num_coordinates(rings))
            starts = np.r_[0, ends[:-1]]
            twin[starts] = ends - 1
            twin[ends - 1] = starts
        return coords, twin

    def _show_selection(self) -> None:
        """Outline the selected feature (with vertex handles in the reshape tool)."""
        selection = self._session.selection if self._session is not None else None
        geometry = self._feature_geometry(*selection) if selection is not None else None
        if geometry is None:
            self._selection.setVisible(False)
            return
        handles = None
        if self._tool == "reshape" and geometry.geom_type not in ("Point", "MultiPoint"):
            coords, twin = self._vertex_handles(geometry)
            keep = ~((twin >= 0) & (twin < np.arange(len(coords))))
            handles = coords[keep]
        self._selection.set_geometries([geometry], handles=handles)
        self._selection.setVisible(True)

    def _update_preview(self) -> None:
        """Show the polygon being drawn (with the cursor as its next corner)."""
        if self._tool != "draw_polygon" or not self._vertices:
            if self._gesture is None or self._gesture.kind not in ("move", "vertex"):
                self._preview.setVisible(False)
            return
        points = list(self._vertices)
        if self._cursor_map is not None:
            points.append(self._cursor_map)
        path = QPainterPath()
        path.moveTo(self.map_to_scene(*points[0]))
        for x, y in points[1:]:
            path.lineTo(self.map_to_scene(x, y))
        if len(points) > 2:
            path.closeSubpath()
        self._preview.setPos(0, 0)
        self._preview.set_geometries([], handles=np.array(self._vertices), path=path)
        self._preview.setVisible(True)

    def _cancel_gesture(self) -> None:
        """Drop a drag in progress (nothing is changed)."""
        if self._gesture is not None and self._gesture.kind in ("move", "vertex"):
            self._preview.setVisible(False)
            self._preview.setPos(0, 0)
        self._gesture = None

    # -- mouse and keys -------------------------------------------------------------------------
    @_guarded
    def mousePressEvent(self, event: QMouseEvent | None) -> None:  # noqa: N802 (Qt's name)
        assert event is not None
        pos = event.localPos()
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        if event.button() == Qt.MouseButton.MiddleButton or (
            event.button() == Qt.MouseButton.LeftButton and self._tool == "pan"
        ):
            self._gesture = _Gesture("pan", pos, pos)
            self._viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            return
        if event.button() != Qt.MouseButton.LeftButton or self._session is None:
            return
        start = self.view_to_map(pos)
        if self._tool in ("select", "add_point"):
            self._gesture = _Gesture("click", pos, pos, start)
        elif self._tool == "move":
            self._press_move(pos, start)
        elif self._tool == "reshape":
            self._press_reshape(pos, start)
        elif self._tool == "draw_polygon":
            if self._need_edit_layer() is None:
                return
            last = self._vertices[-1] if self._vertices else None
            near = _HIT_PX * self._metres_per_pixel()
            if last is None or math.dist(last, start) > near:
                self._vertices.append(start)
            self._cursor_map = start
            self._update_preview()

    def _press_move(self, pos: QPointF, start: tuple[float, float]) -> None:
        assert self._session is not None
        edit = self._need_edit_layer()
        if edit is None:
            return
        target: tuple[str, str] | None = None
        if self._on_selection(pos):
            target = self._session.selection
        else:
            found = self._hit_in(edit, pos)
            target = (edit, found) if found is not None else None
        if target is None:
            return
        self._session.select(target)
        geometry = self._feature_geometry(*target)
        self._gesture = _Gesture("move", pos, pos, start, target[0], target[1], geometry)
        self._preview.setPos(0, 0)
        self._preview.set_geometries([geometry] if geometry is not None else [])
        self._preview.setVisible(True)

    def _press_reshape(self, pos: QPointF, start: tuple[float, float]) -> None:
        assert self._session is not None
        edit = self._need_edit_layer()
        if edit is None:
            return
        selection = self._session.selection
        geometry = self._feature_geometry(*selection) if selection is not None else None
        if (
            selection is not None
            and geometry is not None
            and geometry.geom_type not in ("Point", "MultiPoint")
        ):
            coords, twin = self._vertex_handles(geometry)
            device = np.array(
                [[p.x(), p.y()] for p in (self.map_to_view(x, y) for x, y in coords.tolist())]
            )
            distance = np.hypot(device[:, 0] - pos.x(), device[:, 1] - pos.y())
            nearest = int(np.argmin(distance))
            if distance[nearest] <= _HANDLE_PX:
                moved = [nearest] + ([int(twin[nearest])] if twin[nearest] >= 0 else [])
                self._gesture = _Gesture(
                    "vertex", pos, pos, start, selection[0], selection[1], geometry, coords, moved
                )
                return
        found = self._hit_in(edit, pos)
        hit = (edit, found) if found is not None else self.feature_at(pos)
        self._session.select(hit)

    @_guarded
    def mouseMoveEvent(self, event: QMouseEvent | None) -> None:  # noqa: N802 (Qt's name)
        assert event is not None
        pos = event.localPos()
        here = self.view_to_map(pos)
        self._cursor_map = here
        self.mouse_moved.emit(here[0], here[1])
        gesture = self._gesture
        if gesture is None:
            if self._tool == "draw_polygon" and self._vertices:
                self._update_preview()
            return
        if gesture.kind == "pan":
            self._scroll_by(gesture.last.x() - pos.x(), gesture.last.y() - pos.y())
            self._fit_pending = False
        elif gesture.kind == "move":
            self._preview.setPos(here[0] - gesture.start[0], -(here[1] - gesture.start[1]))
        elif gesture.kind == "vertex":
            self._preview.setVisible(True)
            self._preview.set_geometries([self._reshaped(gesture, here)])
        gesture.last = pos

    def _reshaped(self, gesture: _Gesture, here: tuple[float, float]) -> BaseGeometry:
        assert gesture.coords is not None and gesture.geometry is not None
        coords = gesture.coords.copy()
        coords[gesture.moved] = here
        return shapely.set_coordinates(np.array([gesture.geometry], dtype=object), coords)[0]

    @_guarded
    def mouseReleaseEvent(self, event: QMouseEvent | None) -> None:  # noqa: N802 (Qt's name)
        assert event is not None
        gesture = self._gesture
        if gesture is None:
            return
        pos = event.localPos()
        here = self.view_to_map(pos)
        self._gesture = None
        if gesture.kind == "pan":
            self._set_cursor()
            return
        clicked = math.hypot(pos.x() - gesture.press.x(), pos.y() - gesture.press.y()) <= _HIT_PX
        if gesture.kind == "click" and clicked:
            if self._tool == "select":
                self._select_at(pos)
            elif self._tool == "add_point":
                self.add_point(*here)
        elif gesture.kind == "move":
            self._preview.setVisible(False)
            self._preview.setPos(0, 0)
            dx, dy = here[0] - gesture.start[0], here[1] - gesture.start[1]
            if dx or dy:
                self._push(MoveFeature(gesture.layer, gesture.feature_id, dx, dy))
        elif gesture.kind == "vertex":
            self._preview.setVisible(False)
            if here != gesture.start:
                self._finish_reshape(gesture, here)

    def _finish_reshape(self, gesture: _Gesture, here: tuple[float, float]) -> None:
        shape = self._reshaped(gesture, here)
        if not shape.is_valid:
            self.edit_failed.emit(
                self.tr(
                    "the new shape of {feature} is not valid ({reason}); "
                    "the feature was left as it was"
                ).format(feature=gesture.feature_id, reason=shapely.is_valid_reason(shape))
            )
            return
        self._push(SetGeometry(gesture.layer, gesture.feature_id, shape, label="Reshape feature"))

    def _select_at(self, pos: QPointF) -> None:
        assert self._session is not None
        hit = self.feature_at(pos)
        self._session.select(hit)
        if hit is not None:
            self.identified.emit(*hit)

    @_guarded
    def mouseDoubleClickEvent(self, event: QMouseEvent | None) -> None:  # noqa: N802 (Qt's name)
        assert event is not None
        if self._tool == "draw_polygon" and event.button() == Qt.MouseButton.LeftButton:
            here = self.view_to_map(event.localPos())
            near = _HIT_PX * self._metres_per_pixel()
            if self._vertices and math.dist(self._vertices[-1], here) > near:
                self._vertices.append(here)
            self._finish_polygon()
        else:
            self.mousePressEvent(event)

    def _finish_polygon(self) -> None:
        if not self._vertices:
            return
        if self.add_polygon(self._vertices) is not None:
            self._vertices.clear()
        self._update_preview()

    @_guarded
    def wheelEvent(self, event: QWheelEvent | None) -> None:  # noqa: N802 (Qt's name)
        assert event is not None
        steps = event.angleDelta().y() / 120.0
        if steps:
            self.zoom_by(_WHEEL_STEP**steps, event.position())
        event.accept()

    @_guarded
    def keyPressEvent(self, event: QKeyEvent | None) -> None:  # noqa: N802 (Qt's name)
        assert event is not None
        key = event.key()
        step = self._viewport().rect()
        drawing = self._tool == "draw_polygon" and bool(self._vertices)
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_by(_KEY_ZOOM)
        elif key in (Qt.Key.Key_Minus, Qt.Key.Key_Underscore):
            self.zoom_by(1 / _KEY_ZOOM)
        elif key == Qt.Key.Key_Left:
            self.pan_by(-step.width() / 4, 0)
        elif key == Qt.Key.Key_Right:
            self.pan_by(step.width() / 4, 0)
        elif key == Qt.Key.Key_Up:
            self.pan_by(0, -step.height() / 4)
        elif key == Qt.Key.Key_Down:
            self.pan_by(0, step.height() / 4)
        elif key == Qt.Key.Key_Escape:
            self._cancel_gesture()
            self._vertices.clear()
            self._update_preview()
        elif key == Qt.Key.Key_Backspace and drawing:
            self._vertices.pop()
            self._update_preview()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and drawing:
            self._finish_polygon()
        elif key == Qt.Key.Key_Delete:
            self.delete_selected()
        else:
            super().keyPressEvent(event)


def _violation_sites(plan: Plan, report: Report) -> dict[str, list[BaseGeometry]]:
    """The geometry of each site (plan layer or the report's shelters) a violation names, per
    principle, each site once."""
    frames: dict[str, Any] = {
        name: layer.frame for name, layer in plan.layers.items() if layer.frame is not None
    }
    shelters = report.layers.get("shelters")
    if shelters is not None and len(shelters) and "layer" in shelters:
        for name, part in shelters.groupby(shelters["layer"].astype(str)):
            frames.setdefault(str(name), part)
    lookup: dict[str, dict[str, BaseGeometry]] = {}
    sites: dict[str, list[BaseGeometry]] = {p: [] for p in _PRINCIPLES}
    seen: set[tuple[str, str, str]] = set()
    for v in report.summary.get("violations") or []:
        principle, layer, site = str(v.get("principle")), str(v.get("layer")), str(v.get("id"))
        if principle not in sites or (principle, layer, site) in seen:
            continue
        seen.add((principle, layer, site))
        for name in (layer, layer.removesuffix(DUAL_USE_SUFFIX)):
            frame = frames.get(name)
            if frame is None or "id" not in frame:
                continue
            if name not in lookup:
                lookup[name] = dict(zip(frame["id"].astype(str), frame.geometry, strict=True))
            geometry = lookup[name].get(site)
            if isinstance(geometry, BaseGeometry) and not geometry.is_empty:
                sites[principle].append(geometry)
                break
    return sites
