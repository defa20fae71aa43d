"""The map canvas's tools, one class each (as QGIS's map tools).

The canvas hands the left mouse button's press, move, release and double-click, and the keys it
does not use itself, to the current tool; the middle button pans with every tool (the canvas's
own :class:`QtPanTool`). A tool keeps the state of its gesture and works through the canvas's
session and its helpers (the canvas package is one unit: the tools use the canvas's internal
methods for hit testing, the preview item and edits). Edits are the session's commands: one
per gesture.
"""

from __future__ import annotations

import functools
import logging
import math
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

import numpy as np
import shapely
from PyQt5.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PyQt5.QtGui import QColor, QPainter, QPainterPath, QPen
from PyQt5.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget
from shapely.geometry.base import BaseGeometry
from shapely.ops import nearest_points

from spaceplanner.layers.errors import SpacePlannerError
from spaceplanner.model.commands import AddFeature, MoveFeature, SetGeometry
from spaceplanner.ui.canvas.hit_index import HIT_PX
from spaceplanner.ui.canvas.qt_items import HANDLE_PX
from spaceplanner.ui.canvas.qt_paths import vertex_handles
from spaceplanner.ui.model.session import Session

if TYPE_CHECKING:
    from spaceplanner.ui.canvas.qt_map_canvas import QtMapCanvas

__all__ = [
    "SNAP_PX",
    "TOOLS",
    "TOOL_CLASSES",
    "QtAddPointTool",
    "QtDrawLineTool",
    "QtDrawPolygonTool",
    "QtMapTool",
    "QtMeasureTool",
    "QtMoveTool",
    "QtPanTool",
    "QtReshapeTool",
    "QtSelectTool",
    "QtSnapMarker",
    "fit_type",
    "guarded",
    "insert_vertex",
    "make_tools",
    "new_feature_values",
    "remove_vertex",
    "snap_point",
    "snapped",
]


Point = tuple[float, float]

#: How near (pixels) the cursor must be to a vertex or a segment of a visible feature for a
#: click to snap onto it (when snapping is on).
SNAP_PX = 10.0

log = logging.getLogger(__name__)

_Handler = TypeVar("_Handler", bound=Callable[..., Any])


def guarded(handler: _Handler) -> _Handler:
    """Keep exceptions inside a canvas's Qt event handler (and so the tools'): a refused edit
    becomes ``edit_failed`` with its description; anything else is logged and reported the same
    way (an exception escaping into Qt would abort the app)."""

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


class QtMapTool:
    """A tool of the canvas's left mouse button.

    ``pos`` is a viewport position (pixels), ``here`` the map coordinates under it.
    """

    #: The tool's name (:meth:`QtMapCanvas.set_tool`).
    name = ""
    #: The cursor over the map while the tool is chosen.
    cursor = Qt.CursorShape.CrossCursor
    #: The key that chooses the tool.
    shortcut = ""
    #: The selected feature is drawn with its vertex handles.
    shows_handles = False

    def __init__(self, canvas: QtMapCanvas) -> None:
        self.canvas = canvas

    def press(self, pos: QPointF, here: Point) -> None:
        """The button went down."""

    def move(self, pos: QPointF, here: Point) -> None:
        """The cursor moved (button down or not)."""

    def release(self, pos: QPointF, here: Point) -> None:
        """The button went up."""

    def double_click(self, pos: QPointF, here: Point) -> bool:
        """A double click; False lets the canvas take it as a press."""
        return False

    def key(self, key: int) -> bool:
        """A key the canvas does not use itself; True when the tool took it."""
        return False

    def cancel(self) -> None:
        """Drop a gesture in progress (nothing is changed)."""

    def reset(self) -> None:
        """Start afresh: drop the gesture and anything being drawn."""
        self.cancel()


class QtPanTool(QtMapTool):
    """Drag to pan (the middle button pans with every tool)."""

    name = "pan"
    shortcut = "H"
    cursor = Qt.CursorShape.OpenHandCursor

    def __init__(self, canvas: QtMapCanvas) -> None:
        super().__init__(canvas)
        self._last: QPointF | None = None

    def press(self, pos: QPointF, here: Point) -> None:
        self._last = QPointF(pos)
        self.canvas._viewport().setCursor(Qt.CursorShape.ClosedHandCursor)

    def move(self, pos: QPointF, here: Point) -> None:
        if self._last is not None:
            self.canvas.pan_by(self._last.x() - pos.x(), self._last.y() - pos.y())
            self._last = QPointF(pos)

    def release(self, pos: QPointF, here: Point) -> None:
        if self._last is not None:
            self._last = None
            self.canvas._set_cursor()

    @property
    def dragging(self) -> bool:
        """A pan is in progress."""
        return self._last is not None

    def cancel(self) -> None:
        self._last = None


class _QtClickTool(QtMapTool):
    """A tool that acts on a click: a press and release less than a few pixels apart."""

    def __init__(self, canvas: QtMapCanvas) -> None:
        super().__init__(canvas)
        self._press: QPointF | None = None

    def press(self, pos: QPointF, here: Point) -> None:
        self._press = QPointF(pos)

    def release(self, pos: QPointF, here: Point) -> None:
        press, self._press = self._press, None
        if press is not None and math.hypot(pos.x() - press.x(), pos.y() - press.y()) <= HIT_PX:
            self.clicked(pos, here)

    def clicked(self, pos: QPointF, here: Point) -> None:
        """The tool's action."""

    def cancel(self) -> None:
        self._press = None


class QtSelectTool(_QtClickTool):
    """A click selects the topmost visible feature under the cursor (or nothing) and emits
    ``identified``; a drag that starts on empty map selects the features the rectangle touches
    (of the edit layer; without one, of the topmost visible layer it touches)."""

    name = "select"
    shortcut = "S"
    cursor = Qt.CursorShape.ArrowCursor

    def __init__(self, canvas: QtMapCanvas) -> None:
        super().__init__(canvas)
        self._corner: Point | None = None  # where a rectangle may start (empty map)
        self._band = False

    def press(self, pos: QPointF, here: Point) -> None:
        super().press(pos, here)
        self._corner = here if self.canvas.feature_at(pos) is None else None
        self._band = False

    def move(self, pos: QPointF, here: Point) -> None:
        press, corner = self._press, self._corner
        if press is None or corner is None:
            return
        if not self._band and math.hypot(pos.x() - press.x(), pos.y() - press.y()) <= HIT_PX:
            return
        self._band = True
        preview = self.canvas._preview
        to_scene = self.canvas.map_to_scene
        path = QPainterPath()
        path.addRect(QRectF(to_scene(*corner), to_scene(*here)).normalized())
        preview.setPos(0, 0)
        preview.set_geometries([], path=path)
        preview.setVisible(True)

    def release(self, pos: QPointF, here: Point) -> None:
        corner, band = self._corner, self._band
        self._corner, self._band = None, False
        if corner is None or not band:
            super().release(pos, here)
            return
        self._press = None
        self.canvas._preview.setVisible(False)
        self.select_rectangle(corner, here)

    def clicked(self, pos: QPointF, here: Point) -> None:
        session = self.canvas.session()
        assert session is not None
        hit = self.canvas.feature_at(pos)
        session.select(hit)
        if hit is not None:
            self.canvas.identified.emit(*hit)

    def select_rectangle(self, corner: Point, other: Point) -> list[str]:
        """Select the features that intersect the rectangle between two map points; return
        their ids (in layer order)."""
        canvas = self.canvas
        session = canvas.session()
        assert session is not None
        rectangle = shapely.box(*np.minimum(corner, other), *np.maximum(corner, other))
        edit = canvas.edit_layer()
        names = [v.name for v in session.views if v.visible]
        if edit is not None and edit in names:
            names = [edit]
        for name in names:
            index = canvas._hit_index(name)
            if index is None:
                continue
            rows = np.sort(index.tree.query(rectangle, predicate="intersects"))
            if len(rows) or name == edit:
                ids = [str(i) for i in index.ids[rows]]
                session.select_many(name, ids)
                return ids
        session.select(None)
        return []

    def cancel(self) -> None:
        super().cancel()
        if self._band:
            self.canvas._preview.setVisible(False)
        self._corner, self._band = None, False


class QtAddPointTool(_QtClickTool):
    """A click adds a point to the edit layer and emits ``feature_added``."""

    name = "add_point"
    shortcut = "P"

    def move(self, pos: QPointF, here: Point) -> None:
        snapped(self.canvas, pos, here)

    def clicked(self, pos: QPointF, here: Point) -> None:
        self.canvas.add_point(*snapped(self.canvas, pos, here))


class QtMoveTool(QtMapTool):
    """Drag the selected feature, or a feature of the edit layer: one MoveFeature. Each move
    of the pointer is told (``drag_moved``), so the figures can follow it."""

    name = "move"
    shortcut = "M"
    cursor = Qt.CursorShape.SizeAllCursor

    def __init__(self, canvas: QtMapCanvas) -> None:
        super().__init__(canvas)
        self._start: Point | None = None
        self._target: tuple[str, str] = ("", "")

    def press(self, pos: QPointF, here: Point) -> None:
        canvas = self.canvas
        session = canvas.session()
        assert session is not None
        edit = canvas._need_edit_layer()
        if edit is None:
            return
        target: tuple[str, str] | None = None
        if canvas._on_selection(pos):
            target = session.selection
        else:
            found = canvas._hit_in(edit, pos)
            target = (edit, found) if found is not None else None
        if target is None:
            return
        session.select(target)
        geometry = canvas._feature_geometry(*target)
        self._start, self._target = here, target
        canvas._preview.setPos(0, 0)
        canvas._preview.set_geometries([geometry] if geometry is not None else [])
        canvas._preview.setVisible(True)
        canvas._drag_begun()

    def move(self, pos: QPointF, here: Point) -> None:
        if self._start is not None:
            start = self._start
            self.canvas._preview.setPos(here[0] - start[0], -(here[1] - start[1]))
            self.canvas.drag_moved.emit(*self._target, here[0] - start[0], here[1] - start[1])

    def release(self, pos: QPointF, here: Point) -> None:
        start = self._start
        if start is None:
            return
        self.cancel()
        dx, dy = here[0] - start[0], here[1] - start[1]
        if dx or dy:
            self.canvas._push(MoveFeature(*self._target, dx, dy))

    def cancel(self) -> None:
        if self._start is not None:
            self._start = None
            self.canvas._preview.setVisible(False)
            self.canvas._preview.setPos(0, 0)
            self.canvas._drag_done()
            self.canvas.drag_ended.emit()


class QtReshapeTool(QtMapTool):
    """Drag a vertex handle of the selected polygon or line: one SetGeometry, refused
    (``edit_failed``) when the new shape is not valid; a click elsewhere selects. A double
    click on a segment of the selected feature adds a vertex there, on a vertex removes it."""

    name = "reshape"
    shortcut = "R"
    cursor = Qt.CursorShape.PointingHandCursor
    shows_handles = True

    def __init__(self, canvas: QtMapCanvas) -> None:
        super().__init__(canvas)
        self._start: Point | None = None
        self._target: tuple[str, str] = ("", "")
        self._geometry: BaseGeometry | None = None
        self._coords = np.zeros((0, 2))
        self._moved: list[int] = []  # the vertex dragged (and its ring twin)

    def press(self, pos: QPointF, here: Point) -> None:
        canvas = self.canvas
        session = canvas.session()
        assert session is not None
        edit = canvas._need_edit_layer()
        if edit is None:
            return
        selection = session.selection
        geometry = canvas._feature_geometry(*selection) if selection is not None else None
        if (
            selection is not None
            and geometry is not None
            and geometry.geom_type not in ("Point", "MultiPoint")
        ):
            coords, twin = vertex_handles(geometry)
            device = np.array(
                [[p.x(), p.y()] for p in (canvas.map_to_view(x, y) for x, y in coords.tolist())]
            )
            distance = np.hypot(device[:, 0] - pos.x(), device[:, 1] - pos.y())
            nearest = int(np.argmin(distance))
            if distance[nearest] <= HANDLE_PX:
                self._moved = [nearest] + ([int(twin[nearest])] if twin[nearest] >= 0 else [])
                self._start, self._target = here, selection
                self._geometry, self._coords = geometry, coords
                return
        found = canvas._hit_in(edit, pos)
        hit = (edit, found) if found is not None else canvas.feature_at(pos)
        session.select(hit)

    def _reshaped(self, here: Point) -> BaseGeometry:
        coords = self._coords.copy()
        coords[self._moved] = here
        return shapely.set_coordinates(np.array([self._geometry], dtype=object), coords)[0]

    def move(self, pos: QPointF, here: Point) -> None:
        if self._start is not None:
            here = snapped(self.canvas, pos, here, exclude=self._target)
            self.canvas._preview.setVisible(True)
            self.canvas._preview.set_geometries([self._reshaped(here)])

    def release(self, pos: QPointF, here: Point) -> None:
        start = self._start
        if start is None:
            return
        here = snapped(self.canvas, pos, here, exclude=self._target)
        self.cancel()
        if here == start:
            return
        shape = self._reshaped(here)
        feature_id = self._target[1]
        if not shape.is_valid:
            self.canvas._refuse_shape(feature_id, shapely.is_valid_reason(shape))
            return
        self.canvas._push(SetGeometry(*self._target, shape, label="Reshape feature"))

    def double_click(self, pos: QPointF, here: Point) -> bool:
        canvas = self.canvas
        session = canvas.session()
        assert session is not None
        self.cancel()
        selection = session.selection
        geometry = canvas._feature_geometry(*selection) if selection is not None else None
        if (
            selection is None
            or geometry is None
            or geometry.geom_type in ("Point", "MultiPoint")
            or canvas._need_edit_layer() is None
        ):
            return True
        coords, _twin = vertex_handles(geometry)
        device = np.array(
            [[p.x(), p.y()] for p in (canvas.map_to_view(x, y) for x, y in coords.tolist())]
        )
        distance = np.hypot(device[:, 0] - pos.x(), device[:, 1] - pos.y())
        nearest = int(np.argmin(distance))
        if distance[nearest] <= HANDLE_PX:
            shape = remove_vertex(geometry, nearest)
            if shape is None:
                # a line keeps 2 vertices, a polygon ring 3 corners
                few = QCoreApplication.translate("QtMapCanvas", "{feature} has too few vertices")
                canvas.edit_failed.emit(few.format(feature=selection[1]))
                return True
            label = QCoreApplication.translate("QtMapCanvas", "Remove vertex")
        else:
            shape = insert_vertex(geometry, *here, HIT_PX * canvas._metres_per_pixel())
            if shape is None:
                return True
            label = QCoreApplication.translate("QtMapCanvas", "Add vertex")
        if not shape.is_valid:
            canvas._refuse_shape(selection[1], shapely.is_valid_reason(shape))
            return True
        canvas._push(SetGeometry(selection[0], selection[1], shape, label=label))
        return True

    def cancel(self) -> None:
        if self._start is not None:
            self._start = None
            self.canvas._preview.setVisible(False)
            self.canvas._preview.setPos(0, 0)


class _QtVerticesTool(QtMapTool):
    """Clicks add vertices (snapped when snapping is on); double-click or Enter finishes,
    Backspace takes back a vertex, Esc drops them."""

    #: The shape is closed (a polygon): the preview joins the last vertex to the first.
    closed = True

    def __init__(self, canvas: QtMapCanvas) -> None:
        super().__init__(canvas)
        #: The vertices so far (map coordinates).
        self.vertices: list[Point] = []
        self._cursor: Point | None = None

    def ready(self) -> bool:
        """Whether a click may add a vertex (the draw tools need an edit layer)."""
        return self.canvas._need_edit_layer() is not None

    def press(self, pos: QPointF, here: Point) -> None:
        if not self.ready():
            return
        here = snapped(self.canvas, pos, here)
        self._add(here)
        self._cursor = here
        self.update_preview()

    def _add(self, here: Point) -> None:
        """Add a vertex, unless it is on the last one (a double click's second press)."""
        last = self.vertices[-1] if self.vertices else None
        near = HIT_PX * self.canvas._metres_per_pixel()
        if last is None or math.dist(last, here) > near:
            self.vertices.append(here)

    def move(self, pos: QPointF, here: Point) -> None:
        self._cursor = snapped(self.canvas, pos, here)
        if self.vertices:
            self.update_preview()

    def double_click(self, pos: QPointF, here: Point) -> bool:
        if self.vertices:
            self._add(snapped(self.canvas, pos, here))
        self.finish()
        return True

    def key(self, key: int) -> bool:
        if not self.vertices:
            return False
        if key == Qt.Key.Key_Backspace:
            self.vertices.pop()
            self.update_preview()
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.finish()
            return True
        return False

    def finish(self) -> None:
        """The shape is drawn."""

    def shown_points(self) -> list[Point]:
        """The vertices with the cursor as the next one."""
        return [*self.vertices, *([self._cursor] if self._cursor is not None else [])]

    def update_preview(self) -> None:
        """Show the shape being drawn (with the cursor as its next vertex)."""
        preview = self.canvas._preview
        if not self.vertices:
            preview.setVisible(False)
            return
        points = self.shown_points()
        to_scene = self.canvas.map_to_scene
        path = QPainterPath()
        path.moveTo(to_scene(*points[0]))
        for x, y in points[1:]:
            path.lineTo(to_scene(x, y))
        if self.closed and len(points) > 2:
            path.closeSubpath()
        preview.setPos(0, 0)
        preview.set_geometries([], handles=np.array(self.vertices), path=path)
        preview.setVisible(True)

    def reset(self) -> None:
        self.vertices.clear()
        self.canvas._preview.setVisible(False)


class QtDrawPolygonTool(_QtVerticesTool):
    """Clicks add corners; double-click or Enter adds the polygon to the edit layer, Backspace
    takes back a corner, Esc drops it."""

    name = "draw_polygon"
    shortcut = "D"

    def finish(self) -> None:
        """Add the polygon drawn so far (kept for more corners when it is refused)."""
        if not self.vertices:
            return
        if self.canvas.add_polygon(self.vertices) is not None:
            self.vertices.clear()
        self.update_preview()


class QtDrawLineTool(_QtVerticesTool):
    """Clicks add vertices; double-click or Enter adds the line (a footpath, an evacuation
    route, an HV line) to the edit layer, Backspace takes back a vertex, Esc drops it."""

    name = "draw_line"
    shortcut = "L"
    closed = False

    def finish(self) -> None:
        """Add the line drawn so far (kept for more vertices when it is refused)."""
        if not self.vertices:
            return
        if add_line(self.canvas, self.vertices) is not None:
            self.vertices.clear()
        self.update_preview()


class QtMeasureTool(_QtVerticesTool):
    """Clicks add points; the length along them and the area they enclose follow the cursor
    (``measured``); double-click or Enter ends the measure (the next click starts another),
    Backspace takes back a point, Esc clears. It never changes the plan."""

    name = "measure"
    shortcut = "Ctrl+Shift+M"
    closed = False

    def __init__(self, canvas: QtMapCanvas) -> None:
        super().__init__(canvas)
        self._done = False

    def ready(self) -> bool:
        if self._done:  # a new measure
            self.vertices.clear()
            self._done = False
        return True

    def move(self, pos: QPointF, here: Point) -> None:
        if self._done:
            snapped(self.canvas, pos, here)
            return
        super().move(pos, here)
        if self.vertices:
            self._report(self.shown_points())

    def press(self, pos: QPointF, here: Point) -> None:
        super().press(pos, here)
        self._report(self.shown_points())

    def finish(self) -> None:
        self._done = True
        self._cursor = None
        self.update_preview()
        self._report(self.vertices)

    def _report(self, points: list[Point]) -> None:
        length, area = measure(points)
        self.canvas.measured.emit(length, area)

    def reset(self) -> None:
        super().reset()
        self._done = False
        self._cursor = None
        self.canvas.measured.emit(math.nan, math.nan)


def measure(points: list[Point]) -> tuple[float, float]:
    """The length along ``points`` (metres) and the area of the polygon they outline (m²; NaN
    for fewer than 3 points). Plan coordinates are metres, so both are planar."""
    if not points:
        return math.nan, math.nan
    xy = np.asarray(points, dtype=float)
    length = float(np.hypot(*np.diff(xy, axis=0).T).sum()) if len(xy) > 1 else 0.0
    if len(xy) < 3:
        return length, math.nan
    # relative to the first point: map coordinates in the millions would cost the products
    # of the shoelace formula most of their digits
    x, y = xy[:, 0] - xy[0, 0], xy[:, 1] - xy[0, 1]
    area = abs(float(np.dot(x, np.roll(y, -1)) - np.dot(y, np.roll(x, -1)))) / 2
    return length, area


def add_line(canvas: QtMapCanvas, vertices: list[Point]) -> str | None:
    """Add a line with map ``vertices`` to the edit layer; return its id (None if refused:
    fewer than 2 distinct vertices, a layer that holds no lines)."""
    name = canvas._need_edit_layer()
    if name is None or not canvas._accepts(name, "line"):
        return None
    distinct = [p for i, p in enumerate(vertices) if i == 0 or p != vertices[i - 1]]
    if len(distinct) < 2:
        canvas.edit_failed.emit(
            QCoreApplication.translate("QtMapCanvas", "a line needs at least 2 distinct points")
        )
        return None
    session = canvas.session()
    assert session is not None
    values = new_feature_values(session, name)
    frame = session.plan.layers[name].frame
    geometry = fit_type(frame, shapely.LineString(distinct))
    if not canvas._push(
        AddFeature(
            name, values, geometry, label=QCoreApplication.translate("QtMapCanvas", "Add line")
        )
    ):
        return None
    canvas.feature_added.emit(name, str(values["id"]))
    return str(values["id"])


# -- vertices and snapping (no Qt) ------------------------------------------------------------


def _linear_parts(geometry: BaseGeometry) -> list[list[np.ndarray]]:
    """Per single part, its coordinate arrays (a polygon's exterior then holes; a line), in
    :func:`shapely.get_coordinates` order."""
    parts = []
    for part in shapely.get_parts(geometry):
        if part.geom_type == "Polygon":
            rings = [part.exterior, *part.interiors]
            parts.append([shapely.get_coordinates(r) for r in rings])
        else:
            parts.append([shapely.get_coordinates(part)])
    return parts


def _assemble(geometry: BaseGeometry, parts: list[list[np.ndarray]]) -> BaseGeometry:
    if geometry.geom_type in ("Polygon", "MultiPolygon"):
        polygons = [shapely.Polygon(rings[0], rings[1:]) for rings in parts]
        return polygons[0] if geometry.geom_type == "Polygon" else shapely.MultiPolygon(polygons)
    lines = [shapely.LineString(rings[0]) for rings in parts]
    return lines[0] if geometry.geom_type == "LineString" else shapely.MultiLineString(lines)


def insert_vertex(geometry: BaseGeometry, x: float, y: float, tol: float) -> BaseGeometry | None:
    """``geometry`` (a polygon or line) with a vertex added on its segment nearest (x, y),
    at the point of the segment nearest (x, y); None when no segment is within ``tol``."""
    parts = _linear_parts(geometry)
    best: tuple[float, int, int, int, np.ndarray] | None = None
    for p, rings in enumerate(parts):
        for r, coords in enumerate(rings):
            if len(coords) < 2:
                continue
            a, b = coords[:-1], coords[1:]
            ab = b - a
            length2 = np.einsum("ij,ij->i", ab, ab)
            t = np.clip(
                np.einsum("ij,ij->i", np.array([x, y]) - a, ab) / np.where(length2, length2, 1),
                0.0,
                1.0,
            )
            foot = a + t[:, None] * ab
            distance = np.hypot(foot[:, 0] - x, foot[:, 1] - y)
            i = int(np.argmin(distance))
            if best is None or distance[i] < best[0]:
                best = (float(distance[i]), p, r, i, foot[i])
    if best is None or best[0] > tol:
        return None
    _, p, r, i, foot = best
    parts[p][r] = np.insert(parts[p][r], i + 1, foot, axis=0)
    return _assemble(geometry, parts)


def remove_vertex(geometry: BaseGeometry, index: int) -> BaseGeometry | None:
    """``geometry`` without its vertex ``index`` (in :func:`shapely.get_coordinates` order; a
    ring's first and last are one corner); None when too few would be left (a line keeps 2
    vertices, a ring 3 corners)."""
    parts = _linear_parts(geometry)
    ring = geometry.geom_type in ("Polygon", "MultiPolygon")
    offset = 0
    for rings in parts:
        for r, coords in enumerate(rings):
            if offset <= index < offset + len(coords):
                i = index - offset
                if ring:
                    corners = coords[:-1]
                    if len(corners) <= 3:
                        return None
                    kept = np.delete(corners, i % len(corners), axis=0)
                    rings[r] = np.vstack([kept, kept[:1]])
                else:
                    if len(coords) <= 2:
                        return None
                    rings[r] = np.delete(coords, i, axis=0)
                return _assemble(geometry, parts)
            offset += len(coords)
    return None


def snap_point(
    geoms: np.ndarray, x: float, y: float, tol: float
) -> tuple[float, float, str] | None:
    """The vertex of ``geoms`` nearest (x, y) within ``tol``, else the nearest point on a
    segment (a line or a polygon's outline) within ``tol``: ``(x, y, "vertex" | "segment")``,
    or None."""
    geoms = np.asarray(geoms, dtype=object)
    if not len(geoms):
        return None
    coords = shapely.get_coordinates(geoms)
    if len(coords):
        distance = np.hypot(coords[:, 0] - x, coords[:, 1] - y)
        i = int(np.argmin(distance))
        if distance[i] <= tol:
            return float(coords[i, 0]), float(coords[i, 1]), "vertex"
    kinds = shapely.get_type_id(geoms)
    linear = np.where(np.isin(kinds, [3, 6]), shapely.boundary(geoms), geoms)
    linear = linear[np.isin(shapely.get_type_id(linear), [1, 2, 5])]
    if not len(linear):
        return None
    here = shapely.Point(x, y)
    distance = shapely.distance(linear, here)
    i = int(np.argmin(distance))
    if distance[i] > tol:
        return None
    on = nearest_points(linear[i], here)[0]
    return float(on.x), float(on.y), "segment"


def snapped(
    canvas: QtMapCanvas, pos: QPointF, here: Point, exclude: tuple[str, str] | None = None
) -> Point:
    """``here`` snapped to the visible features' vertices or segments within :data:`SNAP_PX`
    pixels of ``pos`` when the canvas snaps (``exclude``: a feature not to snap to, the one being
    reshaped); the snap marker shows where (hidden when nothing is near)."""
    marker = canvas._snap_marker
    session = canvas.session()
    if not canvas.snapping or session is None:
        marker.setVisible(False)
        return here
    tol = SNAP_PX * canvas._metres_per_pixel()
    x, y = here
    near = shapely.box(x - tol, y - tol, x + tol, y + tol)
    found: list[np.ndarray] = []
    for view in session.views:
        index = canvas._hit_index(view.name) if view.visible else None
        if index is None:
            continue
        rows = index.tree.query(near)
        if exclude is not None and exclude[0] == view.name:
            rows = rows[index.ids[rows] != exclude[1]]
        found.append(index.geoms[rows])
    hit = snap_point(np.concatenate(found) if found else np.zeros(0, dtype=object), x, y, tol)
    if hit is None:
        marker.setVisible(False)
        return here
    marker.show_at(canvas.map_to_scene(hit[0], hit[1]), hit[2])
    return hit[0], hit[1]


class QtSnapMarker(QGraphicsItem):
    """Where a click snaps: a square on a vertex, a diamond on a segment (pixels, above all)."""

    _SIZE = 7.0

    def __init__(self) -> None:
        super().__init__()
        self.kind = "vertex"
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations, True)
        self.setZValue(1e9)
        self.setVisible(False)

    def show_at(self, point: QPointF, kind: str) -> None:
        """Show the marker at scene ``point`` for a ``vertex`` or ``segment`` snap."""
        self.kind = kind
        self.setPos(point)
        self.setVisible(True)
        self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt's name)
        s = self._SIZE + 3
        return QRectF(-s, -s, 2 * s, 2 * s)

    def paint(
        self,
        painter: QPainter | None,
        option: QStyleOptionGraphicsItem | None,
        widget: QWidget | None = None,
    ) -> None:
        assert painter is not None
        s = self._SIZE
        for colour, width in (("white", 4.0), ("#e6007e", 2.0)):
            pen = QPen(QColor(colour), width)
            pen.setCosmetic(True)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            if self.kind == "vertex":
                painter.drawRect(QRectF(-s, -s, 2 * s, 2 * s))
            else:
                path = QPainterPath(QPointF(0, -s))
                for x, y in ((s, 0), (0, s), (-s, 0), (0, -s)):
                    path.lineTo(x, y)
                painter.drawPath(path)


def make_tools(canvas: QtMapCanvas) -> dict[str, QtMapTool]:
    """One of each tool for ``canvas``, by name, in toolbar order."""
    return {cls.name: cls(canvas) for cls in TOOL_CLASSES}


def new_feature_values(session: Session, layer_name: str) -> dict[str, Any]:
    """Values of a new feature: a fresh id and the layer's constant fields."""
    layer = session.plan.layers[layer_name]
    assert layer.frame is not None
    values: dict[str, Any] = {"id": session.new_id(layer_name)}
    values.update({k: v for k, v in layer.constants.items() if k in layer.frame.columns})
    return values


def fit_type(frame: Any, geometry: BaseGeometry) -> BaseGeometry:
    """``geometry`` as a Multi- geometry when all of ``frame``'s features are."""
    assert frame is not None
    types = set(frame.geometry.geom_type.dropna())
    if types and all(t.startswith("Multi") for t in types):
        if geometry.geom_type == "Polygon":
            return shapely.MultiPolygon([geometry])
        if geometry.geom_type == "Point":
            return shapely.MultiPoint([geometry])
        if geometry.geom_type == "LineString":
            return shapely.MultiLineString([geometry])
    return geometry


#: The tools, in toolbar order.
TOOL_CLASSES: tuple[type[QtMapTool], ...] = (
    QtPanTool,
    QtSelectTool,
    QtMoveTool,
    QtAddPointTool,
    QtDrawLineTool,
    QtDrawPolygonTool,
    QtReshapeTool,
    QtMeasureTool,
)
#: The tools' names (:meth:`~spaceplanner.ui.canvas.qt_map_canvas.QtMapCanvas.set_tool`).
TOOLS = tuple(cls.name for cls in TOOL_CLASSES)
