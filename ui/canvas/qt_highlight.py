"""What the map highlights on demand: a violation with its cause, and the changes against a kept
moment of the Compare dock.

A violation chosen in the violations dock is drawn over everything but the selection: the cause
(the petrol station, the HV line, the tall building, the flood zone) outlined, the zone it
meets (the protective band, the collapse range, the hazard zone, the buildings on the site)
hatched, and the part of the site that zone removes filled. :func:`violation_highlight` works
out those geometries (plain shapely) and the bounds to frame.

The changes of a comparison (:mod:`spaceplanner.results.map_changes`) are drawn the same way:
residents newly served and newly unserved for the indicator the map shows, sites added, removed
(ghosted) and moved (the old place ghosted, an arrow to the new one), and the violations that
appeared or went.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import shapely
from PyQt5.QtCore import QPointF, QRectF, Qt
from PyQt5.QtGui import QBrush, QColor, QPainter, QPixmap, QPolygonF
from PyQt5.QtWidgets import QGraphicsItem, QGraphicsScene, QStyleOptionGraphicsItem, QWidget
from shapely.geometry.base import BaseGeometry

from spaceplanner.model.plan import Plan
from spaceplanner.results.map_changes import MapChanges
from spaceplanner.results.report import Violation, marker_point
from spaceplanner.ui.canvas.qt_items import QtVectorItem, QtWorldItem
from spaceplanner.ui.canvas.qt_paths import Drawing, flip, to_device
from spaceplanner.ui.canvas.qt_symbols import Symbology, cosmetic, swatch

__all__ = [
    "CHANGE_KEYS",
    "HIGHLIGHT_KEYS",
    "Z_HIGHLIGHT",
    "QtArrowItem",
    "QtChanges",
    "QtHighlight",
    "ViolationHighlight",
    "violation_highlight",
]

#: Above the result overlays and the labels, below the selection and the edit preview.
Z_HIGHLIGHT = 15_000.0
#: A cause that is an area without a feature of its own (a hazard layer's zone, the buildings
#: on a site) is shown and framed only this near the site: at least this many metres, or the
#: site's own size, whichever is larger (a city-wide flood zone would otherwise zoom the map out
#: to the city).
CAUSE_WINDOW_M = 250.0

#: The parts of a violation's highlight, bottom first.
HIGHLIGHT_KEYS = ("violation_zone", "violation_removed", "violation_cause")
#: The parts of the changes drawing, bottom first.
CHANGE_KEYS = (
    "sites_removed",
    "sites_moved_from",
    "sites_moved",
    "sites_added",
    "violations_gone",
    "violations_new",
    "residents_served",
    "residents_unserved",
)


@dataclass(frozen=True)
class ViolationHighlight:
    """The geometries that show a violation and its cause (plan CRS; None where there is none).

    ``removed`` is the part of the site inside the zone (site ∩ zone, its polygons), the area
    the principle took from the site.
    """

    violation: Violation
    site: BaseGeometry | None
    cause: BaseGeometry | None
    zone: BaseGeometry | None
    removed: BaseGeometry | None

    @property
    def bounds(self) -> tuple[float, float, float, float] | None:
        """The bounds of the site, its cause and the zone between them together (None without
        any): what the map frames."""
        shown = (self.site, self.cause, self.zone)
        parts = [g for g in shown if g is not None and not g.is_empty]
        if not parts:
            return None
        b = shapely.total_bounds(parts)
        return (float(b[0]), float(b[1]), float(b[2]), float(b[3]))


def _polygons(geometry: BaseGeometry | None) -> BaseGeometry | None:
    """The polygonal parts of ``geometry`` (an intersection may add stray lines and points)."""
    if geometry is None or geometry.is_empty:
        return None
    parts = [g for g in shapely.get_parts(geometry) if g.area > 0]
    return shapely.union_all(parts) if parts else None


def _cause_feature(plan: Plan | None, cause: tuple[str | None, str | None] | None) -> Any:
    """The geometry of the cause's feature in the plan (None when it names no feature or the
    plan no longer has it)."""
    if plan is None or cause is None or cause[1] is None or cause[0] not in plan.layers:
        return None
    frame = plan.layers[str(cause[0])].frame
    if frame is None or "id" not in frame.columns:
        return None
    hit = frame.geometry[(frame["id"].astype(str) == str(cause[1])).to_numpy()]
    return hit.iloc[0] if len(hit) else None


def violation_highlight(violation: Violation, plan: Plan | None) -> ViolationHighlight:
    """The highlight of ``violation`` over ``plan`` (see :class:`ViolationHighlight`).

    The cause is the plan feature the violation names (the petrol station, the HV line, the tall
    building); without one it is the zone itself (the hazard zone, the buildings standing on
    the site), kept to the site's surroundings (:data:`CAUSE_WINDOW_M`).
    """
    site = violation.geometry if isinstance(violation.geometry, BaseGeometry) else None
    zone = violation.zone if isinstance(violation.zone, BaseGeometry) else None
    if zone is not None and zone.is_empty:
        zone = None
    cause = _cause_feature(plan, violation.cause)
    if cause is None and zone is not None and violation.cause is not None:
        cause = zone
        if site is not None and not site.is_empty:
            minx, miny, maxx, maxy = site.bounds
            reach = max(CAUSE_WINDOW_M, maxx - minx, maxy - miny)
            window = shapely.box(minx - reach, miny - reach, maxx + reach, maxy + reach)
            cause = zone.intersection(window)
            zone = cause
    removed = None
    if site is not None and zone is not None and site.area > 0:
        removed = _polygons(site.intersection(zone))
    return ViolationHighlight(violation, site, cause, zone, removed)


# -- symbols ------------------------------------------------------------------------------------

_CAUSE = QColor("#00695c")
_ZONE = QColor("#c51b7d")
_REMOVED = QColor("#1565c0")
_SERVED = QColor("#009e73")
_UNSERVED = QColor("#c2185b")
_ADDED = QColor("#2e7d32")
_GHOST = QColor("#757575")
_MOVED = QColor("#1565c0")
_VIOLATION_NEW = QColor("#b71c1c")
_VIOLATION_GONE = QColor("#1b5e20")


def _alpha(colour: QColor, alpha: int) -> QColor:
    out = QColor(colour)
    out.setAlpha(alpha)
    return out


def symbology(key: str) -> Symbology:
    """The look of a highlight or change part (:data:`HIGHLIGHT_KEYS`, :data:`CHANGE_KEYS`)."""
    if key == "violation_cause":
        return Symbology(
            stroke=_CAUSE, width=3.5, point_stroke=_CAUSE, point_size=20.0, point_outline=3.5
        )
    if key == "violation_zone":
        return Symbology(
            brushes=(
                QBrush(_alpha(_ZONE, 35)),
                QBrush(_alpha(_ZONE, 200), Qt.BrushStyle.DiagCrossPattern),
            ),
            stroke=_ZONE,
            width=1.5,
            dashed=True,
        )
    if key == "violation_removed":
        return Symbology(brushes=(QBrush(_alpha(_REMOVED, 200)),), stroke=_REMOVED, width=2.0)
    if key in ("residents_served", "residents_unserved"):
        fill = _SERVED if key == "residents_served" else _UNSERVED
        return Symbology(
            point_fill=fill,
            point_stroke=QColor("white"),
            point_size=13.0,
            point_outline=1.5,
            point_shape="triangle_up" if key == "residents_served" else "triangle_down",
            stroke=fill,
        )
    if key in ("sites_removed", "sites_moved_from"):
        return Symbology(
            brushes=(QBrush(_alpha(_GHOST, 60)),),
            stroke=_GHOST,
            width=2.0,
            dashed=True,
            point_fill=_alpha(_GHOST, 90),
            point_stroke=_GHOST,
            point_size=14.0,
            point_outline=2.0,
        )
    if key in ("sites_added", "sites_moved"):
        colour = _ADDED if key == "sites_added" else _MOVED
        return Symbology(
            stroke=colour, width=3.0, point_stroke=colour, point_size=16.0, point_outline=3.0
        )
    if key in ("violations_new", "violations_gone"):
        colour = _VIOLATION_NEW if key == "violations_new" else _VIOLATION_GONE
        return Symbology(
            stroke=colour,
            width=3.0,
            dashed=True,
            point_fill=colour,
            point_stroke=QColor("white"),
            point_size=14.0,
            point_outline=1.5,
            point_shape="cross" if key == "violations_new" else "circle",
        )
    msg = f"no highlight part {key!r}"
    raise KeyError(msg)


def _family(key: str, geoms: Sequence[BaseGeometry]) -> str:
    if key.startswith("residents_") or key.startswith("violations_"):
        return "point"
    kinds = {g.geom_type for g in geoms}
    if kinds & {"Polygon", "MultiPolygon"}:
        return "polygon"
    if kinds & {"LineString", "MultiLineString"}:
        return "line"
    return "point"


class _Parts:
    """Named vector items of one drawing, kept in the scene (bottom first by ``order``)."""

    def __init__(self, scene: QGraphicsScene, order: Sequence[str], z: float) -> None:
        self._scene = scene
        self._order = list(order)
        self._z = z
        #: The items drawn, by part.
        self.items: dict[str, QGraphicsItem] = {}
        #: The geometries of each part drawn.
        self.geometries: dict[str, list[BaseGeometry]] = {}
        self.families: dict[str, str] = {}

    def clear(self) -> None:
        for item in self.items.values():
            self._scene.removeItem(item)
        self.items.clear()
        self.geometries.clear()
        self.families.clear()

    def add(self, key: str, geoms: Sequence[BaseGeometry], world: QRectF) -> None:
        geoms = [g for g in geoms if g is not None and not g.is_empty]
        if not geoms:
            return
        family = _family(key, geoms)
        drawn = list(geoms)
        if key.startswith("violations_"):  # the site outlined, and a mark on it
            drawn += [marker_point(g) for g in geoms if g.geom_type != "Point"]
        item = QtVectorItem(
            world,
            Drawing.build(np.asarray(drawn, dtype=object), unique_points=True),
            symbology(key),
        )
        item.setZValue(self._z + self._order.index(key) * 0.01)
        self._scene.addItem(item)
        self.items[key] = item
        self.geometries[key] = list(geoms)
        self.families[key] = family

    def set_world(self, world: QRectF) -> None:
        for item in self.items.values():
            if isinstance(item, QtWorldItem):
                item.set_world(world)

    def legend(self) -> list[tuple[str, QPixmap, int]]:
        """(part, picture, features) of the parts drawn, top first."""
        out = []
        for key in reversed(self._order):
            item = self.items.get(key)
            if isinstance(item, QtVectorItem):
                picture = swatch(item.symbology, self.families[key], 18)
                out.append((key, picture, len(self.geometries[key])))
            elif isinstance(item, QtArrowItem):
                out.append((key, item.picture(18), item.count))
        return out


class QtHighlight(_Parts):
    """The violation highlighted on the map (none at first)."""

    def __init__(self, scene: QGraphicsScene) -> None:
        super().__init__(scene, HIGHLIGHT_KEYS, Z_HIGHLIGHT)
        #: What is highlighted (None: nothing).
        self.shown: ViolationHighlight | None = None

    def show(self, highlight: ViolationHighlight | None, world: QRectF) -> None:
        """Draw ``highlight`` in place of the one shown (None: clear)."""
        self.clear()
        self.shown = highlight
        if highlight is None:
            return
        self.add("violation_zone", [highlight.zone] if highlight.zone is not None else [], world)
        removed = [highlight.removed] if highlight.removed is not None else []
        self.add("violation_removed", removed, world)
        cause = [highlight.cause] if highlight.cause is not None else []
        self.add("violation_cause", cause, world)

    def clear(self) -> None:
        super().clear()
        self.shown = None


class QtArrowItem(QtWorldItem):
    """Arrows from old to new places (map coordinates), drawn with pixel-sized heads."""

    def __init__(self, world: QRectF, lines: Sequence[BaseGeometry], colour: QColor) -> None:
        super().__init__(world)
        ends = [np.asarray(line.coords, dtype=float)[[0, -1]] for line in lines]
        self._ends = flip(np.concatenate(ends)) if ends else np.zeros((0, 2))
        self._colour = QColor(colour)
        #: Arrows drawn.
        self.count = len(ends)

    def paint(
        self,
        painter: QPainter | None,
        option: QStyleOptionGraphicsItem | None,
        widget: QWidget | None = None,
    ) -> None:
        assert painter is not None
        device = to_device(self._ends, painter.worldTransform())
        painter.save()
        painter.resetTransform()
        _draw_arrows(painter, device, self._colour)
        painter.restore()

    def picture(self, size: int) -> QPixmap:
        """The legend picture: one arrow."""
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        _draw_arrows(painter, np.array([[2.0, size - 3.0], [size - 2.0, 3.0]]), self._colour)
        painter.end()
        return pixmap


def _draw_arrows(painter: QPainter, device: np.ndarray, colour: QColor) -> None:
    """Arrows between consecutive pairs of device points, heads at the second point."""
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setPen(cosmetic(colour, 2.5))
    painter.setBrush(colour)
    for (x0, y0), (x1, y1) in zip(device[0::2].tolist(), device[1::2].tolist(), strict=True):
        length = float(np.hypot(x1 - x0, y1 - y0))
        if length < 1:
            continue
        ux, uy = (x1 - x0) / length, (y1 - y0) / length
        head = min(12.0, length / 2)
        painter.drawLine(QPointF(x0, y0), QPointF(x1 - ux * head * 0.8, y1 - uy * head * 0.8))
        left = QPointF(x1 - ux * head - uy * head * 0.5, y1 - uy * head + ux * head * 0.5)
        right = QPointF(x1 - ux * head + uy * head * 0.5, y1 - uy * head - ux * head * 0.5)
        painter.drawPolygon(QPolygonF([QPointF(x1, y1), left, right]))


class QtChanges(_Parts):
    """The changes of a comparison drawn on the map (none at first)."""

    def __init__(self, scene: QGraphicsScene) -> None:
        super().__init__(scene, (*CHANGE_KEYS, "sites_moved_arrow"), Z_HIGHLIGHT - 1)
        #: The changes drawn (None: none) and the indicator whose residents are drawn.
        self.shown: MapChanges | None = None
        self.indicator: str | None = None

    def show(self, changes: MapChanges | None, indicator: str | None, world: QRectF) -> None:
        """Draw ``changes`` (None: clear), the residents of ``indicator`` (None: none)."""
        self.clear()
        self.shown, self.indicator = changes, indicator
        if changes is None:
            return
        self.add("sites_removed", [s.before for s in changes.sites_of("removed")], world)
        moved = changes.sites_of("moved")
        self.add("sites_moved_from", [s.before for s in moved], world)
        self.add("sites_moved", [s.after for s in moved], world)
        self.add("sites_added", [s.after for s in changes.sites_of("added")], world)
        self.add("violations_gone", [v.geometry for v in changes.violations_removed], world)
        self.add("violations_new", [v.geometry for v in changes.violations_added], world)
        if indicator is not None:
            flips = changes.residents(indicator)
            self.add("residents_served", list(flips.served.geometry.values), world)
            self.add("residents_unserved", list(flips.unserved.geometry.values), world)
        shifts = [s.shift for s in moved if s.shift is not None]
        if shifts:
            arrows = QtArrowItem(world, shifts, _MOVED)
            arrows.setZValue(self._z + len(CHANGE_KEYS) * 0.01)
            self._scene.addItem(arrows)
            self.items["sites_moved_arrow"] = arrows
            self.geometries["sites_moved_arrow"] = shifts
            self.families["sites_moved_arrow"] = "line"

    def clear(self) -> None:
        super().clear()
        self.shown = None
