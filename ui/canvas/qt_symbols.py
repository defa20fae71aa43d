"""How the canvas draws: layer symbology from a view's style, point markers, cosmetic pens,
the result overlays' fixed look and the violation symbols of the three principles."""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass, replace
from itertools import repeat
from typing import Any

import numpy as np
from PyQt5.QtCore import (
    QPointF,
    QRectF,
    Qt,
)
from PyQt5.QtGui import (
    QBrush,
    QColor,
    QFont,
    QPainter,
    QPen,
    QPixmap,
    QPolygonF,
)

from spaceplanner.outputs import symbols

__all__ = [
    "PRINCIPLES",
    "Symbology",
    "colour",
    "cosmetic",
    "marker",
    "overlay_symbology",
    "shape_polygon",
    "stamp",
    "swatch",
]


#: Violation symbols per principle (spaceplanner.outputs.symbols, as the web map and map sheet
#: draw them): colour, shape, horizontal offset in pixels of a 19-pixel marker.
PRINCIPLES: dict[str, tuple[str, str, float]] = {
    p: (s.colour, s.marker, s.offset(19.0)[0]) for p, s in symbols.PRINCIPLES.items()
}


# -- symbols ------------------------------------------------------------------------------------


def colour(value: Any, opacity: float = 1.0) -> QColor | None:
    """A style colour (``#rrggbb`` or a Qt colour name) with ``opacity``; None for ``none``."""
    if value is None or str(value).lower() in {"none", ""}:
        return None
    colour = QColor(str(value))
    if not colour.isValid():
        colour = QColor("#888888")
    colour.setAlphaF(max(0.0, min(1.0, float(opacity))) * colour.alphaF())
    return colour


def _regular(c: float, r: float, n: int, start: float, inner: float = 0.0) -> QPolygonF:
    """A regular polygon of ``n`` corners round (c, c) (a star when ``inner`` > 0)."""
    points = []
    step = 2 * math.pi / n
    for i in range(n):
        a = start + i * step
        points.append(QPointF(c + r * math.cos(a), c - r * math.sin(a)))
        if inner:
            b = a + step / 2
            points.append(QPointF(c + inner * math.cos(b), c - inner * math.sin(b)))
    return QPolygonF(points)


def shape_polygon(shape: str, c: float, r: float) -> QPolygonF | None:
    """The outline of a marker ``shape`` (spaceplanner.outputs.symbols.MPL_MARKERS) of radius
    ``r`` round (c, c); None for a circle."""
    up = math.pi / 2
    if shape == "square":
        return QPolygonF(QRectF(c - r * 0.85, c - r * 0.85, r * 1.7, r * 1.7))
    if shape == "diamond":
        return _regular(c, r * 1.3, 4, up)
    if shape == "thin_diamond":
        return QPolygonF(
            [QPointF(c, c - r * 1.2), QPointF(c + r * 0.6, c), QPointF(c, c + r * 1.2),
             QPointF(c - r * 0.6, c)]
        )  # fmt: skip
    turns = {"triangle_up": 0.0, "triangle_left": 1.0, "triangle_down": 2.0, "triangle_right": 3.0}
    if shape in turns:
        return _regular(c, r * 1.15, 3, up + turns[shape] * up)
    sides = {"pentagon": 5, "hexagon": 6, "octagon": 8}
    if shape in sides:
        n = sides[shape]
        return _regular(c, r * 1.05, n, up if n % 2 else up + math.pi / n)
    if shape == "star":
        return _regular(c, r * 1.25, 5, up, inner=r * 0.5)
    if shape in ("plus", "cross"):
        w = r * 0.38
        arm = [(-w, -r), (w, -r), (w, -w), (r, -w), (r, w), (w, w), (w, r), (-w, r), (-w, w),
               (-r, w), (-r, -w), (-w, -w)]  # fmt: skip
        if shape == "cross":
            k = math.sqrt(0.5)
            arm = [((x - y) * k, (x + y) * k) for x, y in arm]
        return QPolygonF([QPointF(c + x, c + y) for x, y in arm])
    return None


@functools.lru_cache(maxsize=256)
def marker(
    fill: int, stroke: int, size: float, outline: float, shape: str, text: str, ratio: float
) -> QPixmap:
    """A point symbol, pre-rendered (colours as ARGB ints; 0 is none) at the device ratio."""
    # a diamond's text needs more room; stars and triangles reach beyond the circle
    reach = size * (
        1.3
        if shape
        in (
            "diamond",
            "star",
            "thin_diamond",
            "triangle_up",
            "triangle_down",
            "triangle_left",
            "triangle_right",
        )
        else 1.05
    )
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
    polygon = shape_polygon(shape, c, r)
    if polygon is None:
        painter.drawEllipse(QPointF(c, c), r, r)
    else:
        painter.drawPolygon(polygon)
    if text:
        font = QFont()
        font.setPixelSize(max(6, round(size * (0.55 if shape == "diamond" else 0.58))))
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor("white"))
        painter.drawText(QRectF(0, 0, side, side), Qt.AlignmentFlag.AlignCenter, text)
    painter.end()
    return pixmap


def stamp(painter: QPainter, device_xy: np.ndarray, pixmap: QPixmap) -> None:
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


def cosmetic(colour: QColor, width: float, *, dashed: bool = False) -> QPen:
    pen = QPen(colour, width)
    pen.setCosmetic(True)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    if dashed:
        pen.setStyle(Qt.PenStyle.DashLine)
    return pen


@dataclass
class Symbology:
    """How a layer item paints: polygon fills (painted in turn), outline, point symbol."""

    brushes: tuple[QBrush, ...] = ()
    stroke: QColor | None = None
    width: float = 1.0  # pixels
    dashed: bool = False
    point_fill: QColor | None = None
    point_stroke: QColor | None = None
    point_size: float = 8.0  # pixels
    point_outline: float = 1.0
    point_shape: str = "circle"

    @classmethod
    def from_style(cls, style: dict[str, Any], dpi: float) -> Symbology:
        """The symbology of a layer view's style (widths and sizes in mm)."""
        px = dpi / 25.4
        opacity = float(style.get("opacity", 1.0))
        fill = colour(style.get("fill"), opacity)
        stroke = colour(style.get("stroke"))
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
        return cosmetic(self.stroke, 1.0 if thin else self.width, dashed=self.dashed)

    def dot_colour(self) -> QColor:
        return self.stroke or self.point_fill or QColor("#555555")

    def point_pixmap(self, ratio: float) -> QPixmap:
        fill = self.point_fill.rgba() if self.point_fill is not None else 0
        stroke = self.point_stroke.rgba() if self.point_stroke is not None else 0
        return marker(
            fill, stroke, self.point_size, self.point_outline, self.point_shape, "", ratio
        )

    @property
    def margin(self) -> float:
        """How far (pixels) the symbols reach beyond the geometry."""
        return max(self.width, 1.3 * self.point_size + 2 * self.point_outline) / 2 + 2

    def with_class(self, fill: str, shape: str, opacity: float) -> Symbology:
        """This symbology in a class's colour and point shape (polygons: the fill; lines and
        fill-less polygons: the line)."""
        qfill = colour(fill, opacity) or QColor(fill)
        if self.brushes:
            return replace(
                self, brushes=(QBrush(qfill),), point_fill=QColor(fill), point_shape=shape
            )
        return replace(self, stroke=QColor(fill), point_fill=QColor(fill), point_shape=shape)


def swatch(symbology: Symbology, family: str, size: int = 18, ratio: float = 1.0) -> QPixmap:
    """A legend picture of ``symbology`` as the canvas draws it: a point symbol, a line or a
    filled (hatched) square with its outline."""
    pixmap = QPixmap(round(size * ratio), round(size * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    if family == "point":
        point = symbology.point_pixmap(ratio)
        side = point.width() / ratio
        if side > size:  # large symbols are shown at the swatch's size
            point = point.scaled(
                round(size * ratio), round(size * ratio), Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )  # fmt: skip
            side = point.width() / ratio
        painter.drawPixmap(QPointF((size - side) / 2, (size - side) / 2), point)
    elif family == "line":
        pen = symbology.pen()
        pen.setWidthF(min(pen.widthF(), size / 3))
        painter.setPen(pen)
        painter.drawLine(QPointF(2, size - 3), QPointF(size - 2, 3))
    else:
        rect = QRectF(2, 2, size - 4, size - 4)
        painter.setPen(Qt.PenStyle.NoPen)
        for brush in symbology.brushes:
            painter.setBrush(brush)
            painter.drawRect(rect)
        pen = symbology.pen()
        pen.setWidthF(min(pen.widthF(), 3.0))
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(rect)
    painter.end()
    return pixmap


def _solid(value: str | None, opacity: float = 1.0) -> QColor:
    """A symbol's colour (never none) with ``opacity``."""
    return colour(value, opacity) or QColor("#888888")


def overlay_symbology(name: str) -> Symbology:
    """The fixed look of a result overlay (spaceplanner.outputs.symbols)."""
    if name == "gap_areas":
        gap = symbols.GAP_AREAS
        hatch = QBrush(_solid(gap.stroke, 0.6), Qt.BrushStyle.BDiagPattern)
        return Symbology(
            brushes=(QBrush(_solid(gap.fill, gap.opacity)), hatch),
            stroke=_solid(gap.stroke),
            width=1.5,
        )
    if name == "uncovered_residents":
        dot = symbols.UNCOVERED_RESIDENTS
        return Symbology(
            point_fill=_solid(dot.fill),
            point_stroke=_solid(dot.stroke),
            point_size=8.0,
            point_outline=1.5,
            stroke=_solid(dot.fill),
        )
    if name == "shelters_over_capacity":
        return Symbology(stroke=_solid(symbols.OVER_CAPACITY.stroke), width=3.5)
    if name == "service_areas":
        return Symbology(stroke=_solid(symbols.SERVICE_AREAS.stroke, 0.67), width=1.0, dashed=True)
    if name == "hazard_zones":
        hazards = symbols.role_symbol("hazards")
        return Symbology(
            # a light wash: the plan's own hazard layers are drawn below it
            brushes=(QBrush(_solid(hazards.fill, 0.45 * hazards.opacity)),),
            stroke=_solid(hazards.stroke),
            width=1.5,
            dashed=True,
        )
    msg = f"no overlay {name!r}"
    raise KeyError(msg)
