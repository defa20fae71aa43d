"""What the canvas shows, as legend rows: the result overlays switched on and drawn, then each
visible layer (its classes when it is coloured by a field), top of the map first.

The pictures are drawn from the very symbologies the canvas items paint with
(:func:`~spaceplanner.ui.canvas.qt_symbols.swatch`), so the legend cannot disagree with the map.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PyQt5.QtCore import QPointF, QRectF, Qt
from PyQt5.QtGui import QColor, QLinearGradient, QPainter, QPixmap
from PyQt5.QtWidgets import QGraphicsItem

from spaceplanner.ui.canvas.qt_items import QtRasterItem, QtVectorItem
from spaceplanner.ui.canvas.qt_overlays import OVERLAYS
from spaceplanner.ui.canvas.qt_symbols import PRINCIPLES, Symbology, colour, marker, swatch

__all__ = ["LEGEND_PX", "LegendRow", "family_of", "raster_swatch", "rows_of_layer"]

#: The size of a legend picture, pixels.
LEGEND_PX = 18


@dataclass(frozen=True)
class LegendRow:
    """One row of the legend.

    Attributes
    ----------
    section
        ``highlight`` (drawn on demand: a violation and its cause, the changes against a kept
        moment; ``key`` names the part), ``overlay`` (a result of the evaluation), ``layer`` or
        ``basemap`` (last: the picture under the layers; ``key`` names it, ``label`` is its
        credit).
    key
        The overlay's name (:data:`~spaceplanner.ui.canvas.qt_overlays.OVERLAYS`,
        ``suggestions``) or the layer's name.
    label
        For a class of a layer: its value or range (``""``: no value, ``"other"``); for the
        violations overlay: the principle (避, 防, 让); else ``""``.
    picture
        The symbol, as the canvas draws it.
    count
        Features drawn (overlays; for classes, the features of the class), None when unknown.
    header
        True for a layer's title row above its classes (no picture of its own).
    """

    section: str
    key: str
    label: str
    picture: QPixmap | None
    count: int | None = None
    header: bool = False


def family_of(drawing_item: QtVectorItem, symbology: Symbology | None = None) -> str:
    """``point``, ``line`` or ``polygon``: the geometry most of an item's drawing has."""
    drawing = drawing_item.drawing
    if drawing_item.classes:
        sizes = [(len(d.points), len(d.lines), len(d.polygons)) for d, _, _ in drawing_item.classes]
        points, lines, polygons = (sum(s[i] for s in sizes) for i in range(3))
    else:
        points, lines, polygons = len(drawing.points), len(drawing.lines), len(drawing.polygons)
    if polygons >= max(points, lines) and polygons:
        return "polygon"
    if lines >= points and lines:
        return "line"
    return "point"


def raster_swatch(fill: object, size: int = LEGEND_PX) -> QPixmap:
    """A ramp from transparent to a raster's colour."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    ramp = QLinearGradient(QPointF(0, size), QPointF(size, 0))
    base = colour(fill) or QColor("#888888")
    light = QColor(base)
    light.setAlpha(40)
    ramp.setColorAt(0.0, light)
    ramp.setColorAt(1.0, base)
    painter.setPen(QColor("#777777"))
    painter.setBrush(ramp)
    painter.drawRect(QRectF(2, 2, size - 5, size - 5))
    painter.end()
    return pixmap


def rows_of_layer(name: str, item: QGraphicsItem, style: dict[str, object]) -> list[LegendRow]:
    """The legend rows of a layer's item: one row, or a title and a row per class."""
    if isinstance(item, QtRasterItem):
        return [LegendRow("layer", name, "", raster_swatch(style.get("fill")))]
    if not isinstance(item, QtVectorItem):
        return []
    family = family_of(item)
    if not item.classes:
        return [LegendRow("layer", name, "", swatch(item.symbology, family, LEGEND_PX))]
    rows = [LegendRow("layer", name, "", None, header=True)]
    for drawing, symbology, label in reversed(item.classes):  # drawn last is on top
        count = len(drawing.points) + int(np.sum(drawing.polygons.parts))
        count += int(np.sum(drawing.lines.parts))
        rows.append(LegendRow("layer", name, label, swatch(symbology, family, LEGEND_PX), count))
    return rows


def rows_of_overlays(
    items: dict[str, QGraphicsItem], shown: dict[str, bool], counts: dict[str, int]
) -> list[LegendRow]:
    """The legend rows of the result overlays switched on and drawn, top first."""
    rows = []
    for name in reversed(OVERLAYS):
        item = items.get(name)
        if item is None or not shown.get(name) or not counts.get(name):
            continue
        if name == "violations":
            for principle, count in getattr(item, "principle_counts", {}).items():
                colour_, shape, _ = PRINCIPLES[principle]
                picture = marker(
                    QColor(colour_).rgba(), QColor("white").rgba(), 16.0, 1.5, shape, principle, 1.0
                )
                rows.append(LegendRow("overlay", name, principle, picture, count))
            continue
        if isinstance(item, QtVectorItem):
            family = "point" if name == "uncovered_residents" else "polygon"
            picture = swatch(item.symbology, family, LEGEND_PX)
            rows.append(LegendRow("overlay", name, "", picture, counts.get(name)))
    return rows
