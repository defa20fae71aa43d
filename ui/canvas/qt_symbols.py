"""How the canvas draws: layer symbology from a view's style, point markers, cosmetic pens,
the result overlays' fixed look and the violation symbols of the three principles."""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass
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

__all__ = ["PRINCIPLES", "Symbology", "colour", "cosmetic", "marker", "overlay_symbology", "stamp"]


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


@functools.lru_cache(maxsize=128)
def marker(
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
        return marker(fill, stroke, self.point_size, self.point_outline, "circle", "", ratio)

    @property
    def margin(self) -> float:
        """How far (pixels) the symbols reach beyond the geometry."""
        return max(self.width, self.point_size + 2 * self.point_outline) / 2 + 2


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
