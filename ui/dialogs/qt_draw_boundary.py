"""Draw a plan's boundary on the streets of an OpenStreetMap extract.

The dialog reads the extract's streets (``highway=*``) off the GUI thread, with progress and
Cancel, and draws them with the extract's extent. The user clicks the boundary's corners (a
rubber band follows the pointer), finishes with a double-click or Enter, takes back the last
corner with Backspace and starts again with Esc; the wheel zooms at the pointer and the middle
(or right) button pans. **OK** accepts a valid polygon of at least three corners; one that
crosses itself is refused with a message.

The map is a local equirectangular projection of WGS 84 (x = longitude x cos(mid latitude),
y = -latitude): a linear map, so the polygon's corners go back to degrees exactly as clicked.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import shapely
from PyQt5.QtCore import QPointF, QRectF, Qt
from PyQt5.QtGui import (
    QBrush,
    QColor,
    QKeyEvent,
    QMouseEvent,
    QPainterPath,
    QPen,
    QPolygonF,
)
from PyQt5.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGraphicsPathItem,
    QGraphicsScene,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from spaceplanner.feedback import Feedback
from spaceplanner.sources.osm_read import read_extract
from spaceplanner.ui.canvas.qt_zoom_view import QtZoomView
from spaceplanner.ui.qt_steps import step_text
from spaceplanner.ui.qt_worker import QtBackgroundTask

__all__ = ["QtDrawBoundaryDialog", "polygon_area_km2"]


def polygon_area_km2(coords: list[tuple[float, float]]) -> float:
    """The area of a polygon given in degrees (WGS 84), in km² on the ellipsoid."""
    from pyproj import Geod

    area, _ = Geod(ellps="WGS84").geometry_area_perimeter(shapely.Polygon(coords))
    return abs(area) / 1e6


def _read_streets(path: Path, feedback: Feedback) -> tuple[list[Any], tuple[float, ...]]:
    """The extract's street lines (shapely, degrees) and its extent W,S,E,N."""
    feedback.step("osm_extract", 0.0)
    data = read_extract(
        path,
        filter_keys={"highway"},
        keep_keys={"highway"},
        line_keys={"highway"},
        check=feedback.check,
    )
    feedback.step("done", 1.0, check=False)
    return list(data.lines.geometry), tuple(data.box)


class _MapView(QtZoomView):
    """The drawing surface: clicks add corners; the wheel zooms and a middle- or right-button
    drag pans (:class:`QtZoomView`)."""

    def __init__(self, dialog: QtDrawBoundaryDialog) -> None:
        super().__init__(dialog.scene, dialog, left_pans=False)
        self.dialog = dialog
        self.setCursor(Qt.CursorShape.CrossCursor)

    def mousePressEvent(self, event: QMouseEvent | None) -> None:  # noqa: N802 (Qt)
        if event is not None and event.button() == Qt.MouseButton.LeftButton:
            self.dialog.add_corner(self.mapToScene(event.pos()))
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent | None) -> None:  # noqa: N802 (Qt)
        if event is None or self.panning:
            super().mouseMoveEvent(event)
            return
        self.dialog.follow(self.mapToScene(event.pos()))

    def mouseDoubleClickEvent(self, event: QMouseEvent | None) -> None:  # noqa: N802 (Qt)
        # the double-click's first press already added its corner
        if event is not None and event.button() == Qt.MouseButton.LeftButton:
            self.dialog.finish()


class QtDrawBoundaryDialog(QDialog):
    """Draw a polygon on an extract's streets; :attr:`polygon` holds it in degrees after OK.

    Parameters
    ----------
    extract
        The OpenStreetMap extract whose streets are shown.
    box
        A box W,S,E,N in degrees to frame first (e.g. the one typed), or None for the extract.
    polygon
        A boundary drawn before, shown and kept until the user draws another.
    """

    def __init__(
        self,
        extract: Path,
        parent: QWidget | None = None,
        *,
        box: tuple[float, float, float, float] | None = None,
        polygon: list[tuple[float, float]] | None = None,
    ) -> None:
        super().__init__(parent)
        self.extract = extract
        self.frame_box = box
        #: The finished polygon's corners (degrees, not closed), or None.
        self.polygon: list[tuple[float, float]] | None = list(polygon) if polygon else None
        #: The corners being clicked, in scene coordinates.
        self.corners: list[QPointF] = []
        self._cos = 1.0
        self.setWindowTitle(self.tr("Draw the plan's boundary"))
        self.scene = QGraphicsScene(self)
        self.view = _MapView(self)
        self.help = QLabel(
            self.tr(
                "Click the boundary's corners; double-click or Enter to finish. Backspace "
                "removes the last corner, Esc starts again. Wheel: zoom; right or middle "
                "button: pan."
            ),
            self,
        )
        self.help.setWordWrap(True)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)  # busy: reading has no fraction to show
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButtons(QDialogButtonBox.StandardButton.Ok)
            | QDialogButtonBox.StandardButton.Cancel,
            self,
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.clear_button = QPushButton(self.tr("Start again"), self)
        self.clear_button.clicked.connect(self.clear)
        self.buttons.addButton(self.clear_button, QDialogButtonBox.ButtonRole.ResetRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.help)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self._band = QGraphicsPathItem()
        self._band.setPen(QPen(QColor("#b91c1c"), 0, Qt.PenStyle.DashLine))
        self._shape = QGraphicsPathItem()
        self._shape.setPen(QPen(QColor("#b91c1c"), 0))
        self._shape.setBrush(QBrush(QColor(185, 28, 28, 40)))
        self._shape.setZValue(2)
        self._band.setZValue(3)
        self.task = QtBackgroundTask(self)
        self.task.progress.connect(self._on_progress)
        self.task.finished.connect(self._on_read)
        self.task.failed.connect(self._on_failed)
        self.task.cancelled.connect(self.reject)
        self.resize(820, 640)
        self._update()
        self.task.start(lambda feedback: _read_streets(extract, feedback))

    # -- the map -------------------------------------------------------------------------------
    def to_scene(self, lon: float, lat: float) -> QPointF:
        """A point in degrees on the map."""
        return QPointF(lon * self._cos, -lat)

    def to_degrees(self, point: QPointF) -> tuple[float, float]:
        """A point of the map in degrees (the inverse of :meth:`to_scene`)."""
        return (point.x() / self._cos, -point.y())

    def _on_progress(self, fraction: float, code: str, detail: str) -> None:
        self.progress.setFormat(step_text(code, detail))

    def _on_failed(self, message: str) -> None:
        self.progress.setVisible(False)
        self.status.setText(message)
        self.status.setStyleSheet("color: #b91c1c")

    def _on_read(self, result: object) -> None:
        assert isinstance(result, tuple)
        lines, box = result
        self.progress.setVisible(False)
        west, south, east, north = box
        self._cos = math.cos(math.radians((south + north) / 2))
        streets = QPainterPath()
        for line in lines:
            coords = shapely.get_coordinates(line)
            if len(coords) < 2:
                continue
            streets.moveTo(self.to_scene(*coords[0]))
            for x, y in coords[1:]:
                streets.lineTo(self.to_scene(x, y))
        item = QGraphicsPathItem(streets)
        item.setPen(QPen(QColor("#6b7280"), 0))
        self.scene.addItem(item)
        extent = QRectF(self.to_scene(west, north), self.to_scene(east, south))
        self.scene.addRect(extent, QPen(QColor("#2563eb"), 0, Qt.PenStyle.DashLine))
        self.scene.addItem(self._shape)
        self.scene.addItem(self._band)
        self.scene.setSceneRect(
            extent.adjusted(
                -extent.width() * 0.05,
                -extent.height() * 0.05,
                extent.width() * 0.05,
                extent.height() * 0.05,
            )
        )
        frame = extent
        if self.frame_box is not None:
            w, s, e, n = self.frame_box
            frame = QRectF(self.to_scene(w, n), self.to_scene(e, s))
        if self.polygon:
            frame = QPolygonF([self.to_scene(*c) for c in self.polygon]).boundingRect()
        self.view.fit_rect = frame
        self.view.fit()
        self._update()

    @property
    def ready(self) -> bool:
        """True once the extract's streets are read and drawing can start."""
        return self._shape.scene() is not None

    # -- drawing -------------------------------------------------------------------------------
    def add_corner(self, point: QPointF) -> None:
        """Add a corner at a scene point (a click)."""
        if not self.ready:
            return
        self.corners.append(QPointF(point))
        self._update(point)

    def follow(self, point: QPointF) -> None:
        """Let the rubber band follow the pointer."""
        if self.corners:
            self._update(point)

    def finish(self) -> None:
        """Close the clicked corners into the polygon (three corners at least)."""
        corners = _distinct(self.corners)
        if len(corners) < 3:
            self.status.setText(self.tr("A boundary needs three corners at least."))
            return
        coords = [self.to_degrees(c) for c in corners]
        if not shapely.Polygon(coords).is_valid:
            self.status.setText(
                self.tr("The boundary crosses itself: press Backspace or Esc and draw it again.")
            )
            return
        self.polygon = coords
        self.corners = []
        self._update()

    def undo_corner(self) -> None:
        """Take back the last clicked corner."""
        if self.corners:
            self.corners.pop()
            self._update()

    def clear(self) -> None:
        """Forget the corners and the polygon."""
        self.corners = []
        self.polygon = None
        self._update()

    def _update(self, pointer: QPointF | None = None) -> None:
        band = QPainterPath()
        if self.corners:
            band.moveTo(self.corners[0])
            for c in self.corners[1:]:
                band.lineTo(c)
            if pointer is not None:
                band.lineTo(pointer)
        self._band.setPath(band)
        shape = QPainterPath()
        if self.polygon:
            shape.addPolygon(QPolygonF([self.to_scene(*c) for c in self.polygon]))
            shape.closeSubpath()
        self._shape.setPath(shape)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if ok is not None:
            ok.setEnabled(self.polygon is not None and not self.corners)
        if self.corners:
            self.status.setText(self.tr("{0} corners clicked").format(len(self.corners)))
        elif self.polygon:
            self.status.setText(
                self.tr("Boundary of {0} corners, {1:.2f} km²").format(
                    len(self.polygon), polygon_area_km2(self.polygon)
                )
            )
        elif self.ready:
            self.status.setText("")

    def keyPressEvent(self, event: QKeyEvent | None) -> None:  # noqa: N802 (Qt)
        if event is None:
            return
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.corners:
            self.finish()
        elif key == Qt.Key.Key_Backspace:
            self.undo_corner()
        elif key == Qt.Key.Key_Escape and (self.corners or self.polygon):
            self.clear()
        else:
            super().keyPressEvent(event)

    def done(self, result: int) -> None:
        if self.task.busy:
            self.task.cancel()
        self.task.shutdown()
        super().done(result)


def _distinct(points: list[QPointF]) -> list[QPointF]:
    """``points`` without a point equal to the one before (a double-click's second press)."""
    out: list[QPointF] = []
    for p in points:
        if not out or (p - out[-1]).manhattanLength() > 1e-12:
            out.append(p)
    if len(out) > 1 and (out[0] - out[-1]).manhattanLength() <= 1e-12:
        out.pop()
    return out
