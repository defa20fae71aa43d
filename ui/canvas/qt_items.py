"""The canvas's graphics items: one item per vector layer, rasters as images, the violation
symbols, and the selection / drawing preview.

A vector layer's item paints cached painter paths (:mod:`~spaceplanner.ui.canvas.qt_paths`): the
features are cut into paths of a few spatially close parts (ordered along a Morton curve) so a
frame draws only the paths in the exposed area, and parts smaller than a pixel are drawn as
single dots. Point symbols are pre-rendered pixmaps stamped at the points' screen positions, so
pens and symbols keep their size in pixels at any zoom.
"""

from __future__ import annotations

import logging
import operator
from collections.abc import Sequence
from typing import Any

import numpy as np
import rasterio
from pyproj import CRS, Transformer
from PyQt5.QtCore import (
    QPointF,
    QRectF,
    Qt,
)
from PyQt5.QtGui import (
    QBrush,
    QColor,
    QImage,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
    QTransform,
)
from PyQt5.QtWidgets import (
    QGraphicsItem,
    QGraphicsPixmapItem,
    QStyleOptionGraphicsItem,
    QWidget,
)
from rasterio.enums import Resampling
from rasterio.errors import RasterioError
from shapely.geometry.base import BaseGeometry

from spaceplanner.model.plan import PlanLayer
from spaceplanner.results.report import marker_point
from spaceplanner.ui.canvas.qt_paths import Drawing, Shapes, flip, outline, to_device
from spaceplanner.ui.canvas.qt_symbols import PRINCIPLES, Symbology, colour, cosmetic, marker, stamp

__all__ = [
    "HANDLE_PX",
    "QtRasterItem",
    "QtShapeItem",
    "QtVectorItem",
    "QtViolationItem",
    "QtWorldItem",
]


log = logging.getLogger(__name__)

#: Parts smaller than this many pixels are drawn as a dot at their centre.
_MIN_FEATURE_PX = 1.0
#: Above this many parts of a layer in a frame the layer is drawn without antialiasing: the
#: parts are then a few pixels across, where it shows little and costs half the frame.
_ANTIALIAS_PARTS = 4000
#: Above this many vertices of a layer in a frame, even pens of 3 pixels and more are drawn as
#: 1-pixel lines side by side (see QtVectorItem._paint_shapes).
_WIDE_PEN_VERTICES = 20_000
#: The size (pixels) of a vertex handle, and how near the cursor must be to drag it.
HANDLE_PX = 7.0
_Z_SELECTION = 20_000.0
_Z_PREVIEW = 20_001.0
#: Rasters are shown from an overview of at most this many pixels a side.
_RASTER_PIXELS = 1024


# -- graphics items -----------------------------------------------------------------------------


class QtWorldItem(QGraphicsItem):
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


class QtVectorItem(QtWorldItem):
    """A vector layer (or a result overlay) of the map."""

    def __init__(self, world: QRectF, drawing: Drawing, symbology: Symbology) -> None:
        super().__init__(world)
        self.drawing = drawing
        self.symbology = symbology
        self.source: Any = None  # the frame drawn, to know when to rebuild
        self._geoms: np.ndarray | None = None
        #: Classes of a classified layer, bottom first: (drawing, symbology, label); drawn in
        #: place of the whole drawing when there are any.
        self.classes: list[tuple[Drawing, Symbology, str]] = []
        self.classes_key: Any = None  # what the classes were made from

    @classmethod
    def of_frame(cls, world: QRectF, frame: Any, symbology: Symbology) -> QtVectorItem:
        """The item of a layer's frame."""
        geoms = np.asarray(frame.geometry.values, dtype=object)
        item = cls(world, Drawing.build(geoms), symbology)
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
            self.set_drawing(Drawing.build(geoms))
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

    def set_drawing(self, drawing: Drawing) -> None:
        self.drawing = drawing
        self.update()

    def set_symbology(self, symbology: Symbology) -> None:
        self.symbology = symbology
        self.update()

    def set_classes(self, classes: list[tuple[Drawing, Symbology, str]], key: Any = None) -> None:
        """Draw the features in classes (each its drawing and symbology); [] draws them all
        with the item's symbology."""
        self.classes = list(classes)
        self.classes_key = key
        self.update()

    @property
    def geometries(self) -> np.ndarray | None:
        """The geometries of the frame drawn (None for an overlay)."""
        return self._geoms

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
        parts = [(d, s) for d, s, _ in self.classes] or [(self.drawing, self.symbology)]
        for drawing, sym in parts:
            pad = sym.margin / lod
            r = option.exposedRect
            box = (r.left() - pad, r.top() - pad, r.right() + pad, r.bottom() + pad)
            if len(drawing.polygons):
                self._paint_shapes(painter, drawing.polygons, box, lod, sym, sym.brushes)
            if len(drawing.lines):
                self._paint_shapes(painter, drawing.lines, box, lod, sym, ())
            if len(drawing.points):
                self._paint_points(painter, drawing.points, box, sym)

    def _paint_shapes(
        self,
        painter: QPainter,
        shapes: Shapes,
        box: tuple[float, float, float, float],
        lod: float,
        sym: Symbology,
        brushes: tuple[QBrush, ...],
    ) -> None:
        visible = shapes.visible(box)
        large = visible & (shapes.sizes * lod >= _MIN_FEATURE_PX)
        chosen = np.flatnonzero(large).tolist()
        paths = shapes.paths
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
            painter.setPen(cosmetic(sym.dot_colour(), 1.0))
            painter.drawPoints(shapes.centres_of(small))

    def _paint_points(
        self,
        painter: QPainter,
        xy: np.ndarray,
        box: tuple[float, float, float, float],
        sym: Symbology,
    ) -> None:
        inside = (xy[:, 0] >= box[0]) & (xy[:, 0] <= box[2])
        inside &= (xy[:, 1] >= box[1]) & (xy[:, 1] <= box[3])
        device = painter.device()
        ratio = device.devicePixelRatioF() if device is not None else 1.0
        pixmap = sym.point_pixmap(ratio)
        stamp(painter, to_device(xy[inside], painter.worldTransform()), pixmap)


class QtRasterItem(QGraphicsPixmapItem):
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
    fill = colour(style.get("fill")) or QColor("#888888")
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


class QtViolationItem(QtWorldItem):
    """The sites that break a siting rule: their outline and a symbol per principle."""

    def __init__(self, world: QRectF, sites: dict[str, list[BaseGeometry]]) -> None:
        super().__init__(world)
        # Dashed antialiased outlines take Qt's slow stroker: they are painted once per view
        # into a pixmap, not at each repaint under them (a drag repaints the map each move).
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self._outlines: dict[str, QPainterPath] = {}
        self._anchors: dict[str, np.ndarray] = {}
        #: Sites drawn per principle (those with any), in the order of PRINCIPLES.
        self.principle_counts = {p: len(sites[p]) for p in PRINCIPLES if sites.get(p)}
        for principle, geoms in sites.items():
            if not geoms:
                continue
            self._outlines[principle] = outline(geoms)[0]
            points = [marker_point(g) for g in geoms]
            anchors = np.array([p.coords[0] for p in points if p is not None])
            self._anchors[principle] = flip(anchors)

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
            painter.setPen(cosmetic(QColor(PRINCIPLES[principle][0]), 2.0, dashed=True))
            painter.drawPath(path)
        device = painter.device()
        ratio = device.devicePixelRatioF() if device is not None else 1.0
        for principle, anchors in self._anchors.items():
            colour, shape, dx = PRINCIPLES[principle]
            pixmap = marker(
                QColor(colour).rgba(), QColor("white").rgba(), 19.0, 1.5, shape, principle, ratio
            )
            where = to_device(anchors, painter.worldTransform()) + np.array([dx, -12.0])
            stamp(painter, where, pixmap)


class QtShapeItem(QGraphicsItem):
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

    @classmethod
    def selection(cls) -> QtShapeItem:
        """The item that outlines the selected feature (above every layer and overlay)."""
        item = cls(
            [cosmetic(QColor(0, 188, 212, 170), 9.0), cosmetic(QColor("#ffeb3b"), 3.0)],
            QBrush(QColor(255, 235, 59, 60)),
            10.0,
        )
        item.setZValue(_Z_SELECTION)
        return item

    @classmethod
    def preview(cls) -> QtShapeItem:
        """The item that shows a feature being moved, reshaped or drawn (above the selection)."""
        item = cls(
            [cosmetic(QColor("#ff6f00"), 2.0, dashed=True)],
            QBrush(QColor(255, 111, 0, 50)),
            10.0,
        )
        item.setZValue(_Z_PREVIEW)
        return item

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
            self._path, self._points = outline(geoms)
        else:
            self._path, self._points = path, np.zeros((0, 2))
        self._handles = flip(handles) if handles is not None else np.zeros((0, 2))
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
        pad = max((p.widthF() for p in self._pens), default=1) + self._point_size + 2 * HANDLE_PX
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
        points = to_device(self._points, transform)
        handles = to_device(self._handles, transform)
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
        painter.setPen(cosmetic(QColor("#1a1a1a"), 1.0))
        painter.setBrush(QColor("white"))
        h = HANDLE_PX
        for x, y in handles.tolist():
            painter.drawRect(QRectF(x - h / 2, y - h / 2, h, h))
        painter.restore()
