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
from PyQt5.QtCore import QCoreApplication, QPointF, Qt
from PyQt5.QtGui import QPainterPath
from shapely.geometry.base import BaseGeometry

from spaceplanner.layers.errors import SpacePlannerError
from spaceplanner.model.commands import MoveFeature, SetGeometry
from spaceplanner.ui.canvas.hit_index import HIT_PX
from spaceplanner.ui.canvas.qt_items import HANDLE_PX
from spaceplanner.ui.canvas.qt_paths import vertex_handles
from spaceplanner.ui.model.session import Session

if TYPE_CHECKING:
    from spaceplanner.ui.canvas.qt_map_canvas import QtMapCanvas

__all__ = [
    "TOOLS",
    "TOOL_CLASSES",
    "QtAddPointTool",
    "QtDrawPolygonTool",
    "QtMapTool",
    "QtMoveTool",
    "QtPanTool",
    "QtReshapeTool",
    "QtSelectTool",
    "fit_type",
    "guarded",
    "make_tools",
    "new_feature_values",
]


Point = tuple[float, float]

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
    ``identified``."""

    name = "select"
    shortcut = "S"
    cursor = Qt.CursorShape.ArrowCursor

    def clicked(self, pos: QPointF, here: Point) -> None:
        session = self.canvas.session()
        assert session is not None
        hit = self.canvas.feature_at(pos)
        session.select(hit)
        if hit is not None:
            self.canvas.identified.emit(*hit)


class QtAddPointTool(_QtClickTool):
    """A click adds a point to the edit layer and emits ``feature_added``."""

    name = "add_point"
    shortcut = "P"

    def clicked(self, pos: QPointF, here: Point) -> None:
        self.canvas.add_point(*here)


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
    (``edit_failed``) when the new shape is not valid; a click elsewhere selects."""

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
            self.canvas._preview.setVisible(True)
            self.canvas._preview.set_geometries([self._reshaped(here)])

    def release(self, pos: QPointF, here: Point) -> None:
        start = self._start
        if start is None:
            return
        self.cancel()
        if here == start:
            return
        shape = self._reshaped(here)
        feature_id = self._target[1]
        if not shape.is_valid:
            self.canvas._refuse_shape(feature_id, shapely.is_valid_reason(shape))
            return
        self.canvas._push(SetGeometry(*self._target, shape, label="Reshape feature"))

    def cancel(self) -> None:
        if self._start is not None:
            self._start = None
            self.canvas._preview.setVisible(False)
            self.canvas._preview.setPos(0, 0)


class QtDrawPolygonTool(QtMapTool):
    """Clicks add corners; double-click or Enter adds the polygon to the edit layer, Backspace
    takes back a corner, Esc drops it."""

    name = "draw_polygon"
    shortcut = "D"

    def __init__(self, canvas: QtMapCanvas) -> None:
        super().__init__(canvas)
        #: The corners so far (map coordinates).
        self.vertices: list[Point] = []
        self._cursor: Point | None = None

    def press(self, pos: QPointF, here: Point) -> None:
        if self.canvas._need_edit_layer() is None:
            return
        self._add(here)
        self._cursor = here
        self.update_preview()

    def _add(self, here: Point) -> None:
        """Add a corner, unless it is on the last one (a double click's second press)."""
        last = self.vertices[-1] if self.vertices else None
        near = HIT_PX * self.canvas._metres_per_pixel()
        if last is None or math.dist(last, here) > near:
            self.vertices.append(here)

    def move(self, pos: QPointF, here: Point) -> None:
        self._cursor = here
        if self.vertices:
            self.update_preview()

    def double_click(self, pos: QPointF, here: Point) -> bool:
        if self.vertices:
            self._add(here)
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
        """Add the polygon drawn so far (kept for more corners when it is refused)."""
        if not self.vertices:
            return
        if self.canvas.add_polygon(self.vertices) is not None:
            self.vertices.clear()
        self.update_preview()

    def update_preview(self) -> None:
        """Show the polygon being drawn (with the cursor as its next corner)."""
        preview = self.canvas._preview
        if not self.vertices:
            preview.setVisible(False)
            return
        points = list(self.vertices)
        if self._cursor is not None:
            points.append(self._cursor)
        to_scene = self.canvas.map_to_scene
        path = QPainterPath()
        path.moveTo(to_scene(*points[0]))
        for x, y in points[1:]:
            path.lineTo(to_scene(x, y))
        if len(points) > 2:
            path.closeSubpath()
        preview.setPos(0, 0)
        preview.set_geometries([], handles=np.array(self.vertices), path=path)
        preview.setVisible(True)

    def reset(self) -> None:
        self.vertices.clear()
        self.canvas._preview.setVisible(False)


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
    return geometry


#: The tools, in toolbar order.
TOOL_CLASSES: tuple[type[QtMapTool], ...] = (
    QtPanTool,
    QtSelectTool,
    QtMoveTool,
    QtAddPointTool,
    QtDrawPolygonTool,
    QtReshapeTool,
)
#: The tools' names (:meth:`~spaceplanner.ui.canvas.qt_map_canvas.QtMapCanvas.set_tool`).
TOOLS = tuple(cls.name for cls in TOOL_CLASSES)
