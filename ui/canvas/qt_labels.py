"""Feature labels on the canvas: the names of the features of the layers whose style asks for
them (``labels``), drawn above the map with a white halo.

Labels are placed on each repaint for the whole viewport, top layer first: a label that would
overlap one already placed or a point symbol of a labelled layer is left out (the greedy
placement of most map renderers, cheap with a grid of occupied cells), so zooming in shows more
of them. A point's label sits beside its symbol, never on it nor on another point's symbol: to
the right, else left, above or below (the first of these places that is free, as QGIS's
cartographic placement); a polygon's on a point inside it, a line's at its middle. Above
:data:`MAX_CANDIDATES` labels in view a layer's labels wait for a closer zoom.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import shapely
from PyQt5.QtCore import QRectF, Qt
from PyQt5.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen
from PyQt5.QtWidgets import QStyleOptionGraphicsItem, QWidget

from spaceplanner.ui.canvas.qt_items import QtWorldItem
from spaceplanner.ui.canvas.qt_paths import flip, to_device

__all__ = ["GAP", "MAX_CANDIDATES", "LayerLabels", "QtLabelsItem", "label_texts"]

#: At most this many labels of a layer in view are placed (more: none until zoomed in).
MAX_CANDIDATES = 2000
#: Pixels between a point's symbol and its label (the canvas's label offset is the symbol's
#: half size plus this).
GAP = 4.0
_CELL = 48.0
_PAD = 2.0


def label_texts(frame: Any) -> list[str]:
    """A label per feature: its name, else its id."""
    names = frame["name"] if "name" in frame.columns else None
    ids = frame["id"].astype(str) if "id" in frame.columns else None
    out = []
    for i in range(len(frame)):
        value = names.iloc[i] if names is not None else None
        if value is None or (isinstance(value, float) and value != value) or str(value) == "":
            value = ids.iloc[i] if ids is not None else ""
        out.append(str(value))
    return out


@dataclass
class LayerLabels:
    """The labels of one layer: anchors (scene coordinates), texts, and how far right of its
    anchor a point's label starts (pixels: the symbol's half size and :data:`GAP`; 0 centres
    the label on its anchor); ``points`` marks the anchors that are point features (their
    symbols are kept free of labels)."""

    anchors: np.ndarray
    texts: list[str]
    offset: float
    source: Any = None
    points: np.ndarray | None = None

    @property
    def symbol_radius(self) -> float:
        """How far the layer's point symbol reaches from its point, pixels: the widest marker
        shapes (stars, crosses) are 1.3 × the symbol's size across, plus an outline."""
        return 1.3 * max(self.offset - GAP, 0.0) + 1.0

    @classmethod
    def of_frame(cls, frame: Any, point_offset: float) -> LayerLabels:
        geoms = np.asarray(frame.geometry.values, dtype=object)
        kind = shapely.get_type_id(geoms)
        points = np.isin(kind, [0, 4])
        anchors = shapely.point_on_surface(geoms)
        lines = np.isin(kind, [1, 2, 5])
        if lines.any():
            anchors[lines] = shapely.line_interpolate_point(geoms[lines], 0.5, normalized=True)
        xy = shapely.get_coordinates(anchors)
        # get_coordinates skips missing and empty anchors: keep the texts in step with it
        keep = ~shapely.is_missing(anchors) & ~shapely.is_empty(anchors)
        texts = label_texts(frame)
        kept = [t for t, k in zip(texts, keep.tolist(), strict=True) if k]
        offset = point_offset if len(points) and float(np.mean(points)) > 0.5 else 0.0
        anchors_xy = flip(xy) if len(xy) else np.zeros((0, 2))
        return cls(anchors_xy, kept, offset, frame, points[keep] if offset else None)


class QtLabelsItem(QtWorldItem):
    """The labels of every labelled layer (one item, so labels of different layers do not
    overlap either)."""

    def __init__(self, world: QRectF) -> None:
        super().__init__(world)
        self.layers: dict[str, LayerLabels] = {}
        self.order: list[str] = []  # top layer first
        #: The labels drawn by the last paint: (text, rectangle in device pixels).
        self.placed: list[tuple[str, QRectF]] = []
        #: The point symbols the last paint kept free (rectangles in device pixels).
        self.symbols: list[QRectF] = []
        self._font = QFont()
        self._font.setPixelSize(12)
        self._metrics = QFontMetricsF(self._font)

    def set_layers(self, layers: dict[str, LayerLabels], order: Sequence[str]) -> None:
        """Label these layers (``order``: top first)."""
        self.layers = layers
        self.order = [n for n in order if n in layers]
        self.setVisible(bool(layers))
        self.update()

    def paint(
        self,
        painter: QPainter | None,
        option: QStyleOptionGraphicsItem | None,
        widget: QWidget | None = None,
    ) -> None:
        assert painter is not None
        device = painter.device()
        if widget is not None:
            view = QRectF(widget.rect())
        elif device is not None:
            view = QRectF(0, 0, device.width(), device.height())
        else:
            return
        transform = painter.worldTransform()
        occupied: dict[tuple[int, int], list[QRectF]] = {}
        placed: list[tuple[str, QRectF]] = []
        height = self._metrics.height()
        shown: list[tuple[LayerLabels, np.ndarray, np.ndarray]] = []
        for name in self.order:
            labels = self.layers[name]
            if not len(labels.anchors):
                continue
            xy = to_device(labels.anchors, transform)
            inside = (
                (xy[:, 0] >= view.left() - 50)
                & (xy[:, 0] <= view.right() + 50)
                & (xy[:, 1] >= view.top() - 20)
                & (xy[:, 1] <= view.bottom() + 20)
            )
            rows = np.flatnonzero(inside)
            if len(rows) > MAX_CANDIDATES:
                continue
            shown.append((labels, xy, rows))
        symbols = [r for labels, xy, rows in shown for r in _symbol_rects(labels, xy, rows)]
        for rect in symbols:  # the symbols first: no label may cover one
            _occupy(occupied, rect)
        for labels, xy, rows in shown:
            for i in rows.tolist():
                text = labels.texts[i]
                if not text:
                    continue
                width = self._metrics.horizontalAdvance(text)
                x, y = float(xy[i, 0]), float(xy[i, 1])
                for rect in _candidates(labels, x, y, width, height):
                    if not _collides(occupied, rect):
                        _occupy(occupied, rect)
                        placed.append((text, rect))
                        break
        painter.save()
        painter.resetTransform()
        painter.setFont(self._font)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        halo = QPen(QColor(255, 255, 255, 230), 3.0)
        halo.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        path = QPainterPath()
        ascent = self._metrics.ascent()
        for text, rect in placed:
            path.addText(rect.left(), rect.top() + ascent, self._font, text)
        painter.strokePath(path, halo)
        painter.fillPath(path, QColor("#1a1a1a"))
        painter.restore()
        self.placed = placed
        self.symbols = symbols


def _symbol_rects(labels: LayerLabels, xy: np.ndarray, rows: np.ndarray) -> list[QRectF]:
    """The device rectangles of a layer's point symbols among ``rows``."""
    if labels.points is None or not labels.offset:
        return []
    r = labels.symbol_radius
    return [
        QRectF(float(xy[i, 0]) - r, float(xy[i, 1]) - r, 2 * r, 2 * r)
        for i in rows.tolist()
        if labels.points[i]
    ]


def _candidates(
    labels: LayerLabels, x: float, y: float, width: float, height: float
) -> list[QRectF]:
    """Where a label of ``width`` × ``height`` may go for the anchor (x, y), best first: beside
    a point's symbol (right, left, above, below), centred on other anchors."""
    if not labels.offset:
        return [QRectF(x - width / 2, y - height / 2, width, height)]
    d = labels.symbol_radius + GAP
    return [
        QRectF(x + d, y - height / 2, width, height),
        QRectF(x - d - width, y - height / 2, width, height),
        QRectF(x - width / 2, y - d - height, width, height),
        QRectF(x - width / 2, y + d, width, height),
    ]


def _cells(rect: QRectF) -> list[tuple[int, int]]:
    x0, x1 = int(rect.left() // _CELL), int(rect.right() // _CELL)
    y0, y1 = int(rect.top() // _CELL), int(rect.bottom() // _CELL)
    return [(i, j) for i in range(x0, x1 + 1) for j in range(y0, y1 + 1)]


def _collides(occupied: dict[tuple[int, int], list[QRectF]], rect: QRectF) -> bool:
    padded = rect.adjusted(-_PAD, -_PAD, _PAD, _PAD)
    return any(padded.intersects(r) for cell in _cells(rect) for r in occupied.get(cell, ()))


def _occupy(occupied: dict[tuple[int, int], list[QRectF]], rect: QRectF) -> None:
    for cell in _cells(rect):
        occupied.setdefault(cell, []).append(rect)
