"""The map canvas: a plan's layers, the latest evaluation over them, and the edit tools.

:class:`QtMapCanvas` is a QGraphicsView (as QGIS's canvas) over a
:class:`~spaceplanner.ui.model.session.Session`. Scene coordinates are the plan's metres with y
flipped (scene y = -map y), so north is up. Each layer is one graphics item
(:mod:`~spaceplanner.ui.canvas.qt_items`, kept by :mod:`~spaceplanner.ui.canvas.qt_layers`); the
results are drawn over them (:mod:`~spaceplanner.ui.canvas.qt_overlays`); the left mouse button
belongs to the current tool (:mod:`~spaceplanner.ui.canvas.qt_tools`). Features are found under
the cursor with one shapely STRtree per layer (:mod:`~spaceplanner.ui.canvas.hit_index`).

Edits go through the session's command stack (one command per gesture); a command that cannot be
done raises a :class:`~spaceplanner.layers.errors.SpacePlannerError`, which the canvas turns into
:attr:`QtMapCanvas.edit_failed` for the main window to show.
"""

from __future__ import annotations

import html
import logging
import math
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import shapely
from PyQt5.QtCore import (
    QEvent,
    QPointF,
    QRectF,
    Qt,
    QTimer,
    pyqtSignal,
)
from PyQt5.QtGui import (
    QColor,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QResizeEvent,
    QWheelEvent,
)
from PyQt5.QtWidgets import (
    QFrame,
    QGraphicsItem,
    QGraphicsScene,
    QGraphicsView,
    QToolTip,
    QWidget,
)
from shapely.geometry.base import BaseGeometry

from spaceplanner.i18n import current_lang, say
from spaceplanner.layers.catalogue import get_role
from spaceplanner.layers.errors import SpacePlannerError
from spaceplanner.model.commands import AddFeature, Command, DeleteFeature, DeleteFeatures
from spaceplanner.model.plan import Plan
from spaceplanner.results.compare import violation_key
from spaceplanner.results.labels import has_label, label, shelter_class_label
from spaceplanner.results.map_changes import MapChanges
from spaceplanner.results.report import Violation
from spaceplanner.results.words import hazard_word, source_word
from spaceplanner.ui.canvas.basemap import PROVIDERS, Basemap
from spaceplanner.ui.canvas.hit_index import HIT_PX, HitIndex
from spaceplanner.ui.canvas.qt_basemap import QtBasemapItem, QtBasemapLoader
from spaceplanner.ui.canvas.qt_decorations import (
    ScaleBar,
    decoration_rects,
    draw_decorations,
    scale_bar,
)
from spaceplanner.ui.canvas.qt_freeze import FrozenMap
from spaceplanner.ui.canvas.qt_highlight import (
    QtChanges,
    QtHighlight,
    ViolationHighlight,
    violation_highlight,
)
from spaceplanner.ui.canvas.qt_items import (
    QtShapeItem,
    QtVectorItem,
)
from spaceplanner.ui.canvas.qt_labels import LayerLabels, QtLabelsItem
from spaceplanner.ui.canvas.qt_layers import QtLayerItems
from spaceplanner.ui.canvas.qt_legend import LegendRow, rows_of_layer, rows_of_overlays
from spaceplanner.ui.canvas.qt_overlays import OVERLAYS, Z_OVERLAYS, QtDragGapsItem, QtOverlays
from spaceplanner.ui.canvas.qt_paths import vertex_handles
from spaceplanner.ui.canvas.qt_symbols import swatch
from spaceplanner.ui.canvas.qt_tools import (
    TOOLS,
    QtMapTool,
    QtPanTool,
    QtSnapMarker,
    fit_type,
    guarded,
    make_tools,
    new_feature_values,
)
from spaceplanner.ui.model.session import Session
from spaceplanner.ui.qt_follow import follow

__all__ = ["QtMapCanvas"]

log = logging.getLogger(__name__)


#: Zoom limits: at most 1:10; at least the whole world rect (the plan's extent, 10x around).
_MAX_ZOOM_DENOMINATOR = 10.0
_WORLD_FACTOR = 10.0
_WORLD_MIN_M = 10_000.0
_WHEEL_STEP = 1.25
_KEY_ZOOM = 1.5
#: The margin round a violation's site and cause when it is framed (a share of each side).
_FRAME_MARGIN = 0.15
#: How long (ms) the cursor rests on a feature before its map tip shows.
TIP_DELAY_MS = 500


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
    drag_moved(str, str, float, float)
        The move tool drags feature (layer, id) by (dx, dy) metres from where it was.
    drag_ended()
        The drag ended (released: the move is then one edit; or cancelled).
    legend_changed()
        What the map shows changed (layers shown or restyled, overlays, the indicator): the
        legend reads :meth:`legend_rows` again.
    basemap_failed(str)
        The base map could not be read or fetched (a note for the status bar; the map works
        on without it).
    basemap_drawn()
        A new base map picture is shown.
    measured(float, float)
        The measure tool's length (m) and area (m², NaN under 3 points); NaN, NaN: cleared.
    """

    mouse_moved = pyqtSignal(float, float)
    scale_changed = pyqtSignal(float)
    identified = pyqtSignal(str, str)
    feature_added = pyqtSignal(str, str)
    edit_failed = pyqtSignal(str)
    tool_changed = pyqtSignal(str)
    drag_moved = pyqtSignal(str, str, float, float)
    drag_ended = pyqtSignal()
    legend_changed = pyqtSignal()
    basemap_failed = pyqtSignal(str)
    basemap_drawn = pyqtSignal()
    measured = pyqtSignal(float, float)

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
        self._layers = QtLayerItems(self._scene)
        self._overlays = QtOverlays(self._scene)
        self._highlight = QtHighlight(self._scene)
        self._changes = QtChanges(self._scene)
        self._drag_gaps = QtDragGapsItem()
        self._drag_gaps.setZValue(Z_OVERLAYS + len(OVERLAYS))
        self._scene.addItem(self._drag_gaps)
        self._labels = QtLabelsItem(self._world)
        self._labels.setZValue(Z_OVERLAYS + len(OVERLAYS) + 2)  # over the suggested sites
        self._labels.setVisible(False)
        self._scene.addItem(self._labels)
        self._label_cache: dict[str, LayerLabels] = {}
        self._legend_timer = QTimer(self)
        self._legend_timer.setSingleShot(True)
        self._legend_timer.setInterval(0)
        self._legend_timer.timeout.connect(self.legend_changed)
        self._tip_timer = QTimer(self)
        self._tip_timer.setSingleShot(True)
        self._tip_timer.setInterval(TIP_DELAY_MS)
        self._tip_timer.timeout.connect(self._show_tip)
        self._tip_pos = QPointF()
        self._decorated: list[QRectF] = []
        self._basemap: Basemap | None = None
        self._basemap_item = QtBasemapItem()
        self._basemap_item.setZValue(0.0)  # layers are 1 and up
        self._scene.addItem(self._basemap_item)
        self._basemap_loader = QtBasemapLoader(self)
        self._basemap_loader.loaded.connect(self._basemap_loaded)
        self._basemap_loader.failed.connect(self._basemap_failed)
        self._basemap_timer = QTimer(self)
        self._basemap_timer.setSingleShot(True)
        self._basemap_timer.setInterval(150)  # read once the view holds still
        self._basemap_timer.timeout.connect(self._request_basemap)
        self.destroyed.connect(self._basemap_loader.stop)
        self._frozen = FrozenMap(self)
        self._dragging = False
        self._hits: dict[str, HitIndex] = {}
        self._tools = make_tools(self)
        self._tool: QtMapTool = self._tools["pan"]
        self._pan = QtPanTool(self)  # the middle button's, with every tool
        self._panning: QtPanTool | None = None
        self._edit_layer: str | None = None
        self._fit_pending = True
        self._last_scale = 0.0

        self._selection = QtShapeItem.selection()
        self._preview = QtShapeItem.preview()
        for item in (self._selection, self._preview):
            item.setVisible(False)
            self._scene.addItem(item)
        #: Clicks of the drawing, reshape and measure tools snap to visible features' vertices
        #: and segments (:data:`~spaceplanner.ui.canvas.qt_tools.SNAP_PX`).
        self.snapping = False
        self._snap_marker = QtSnapMarker()
        self._scene.addItem(self._snap_marker)
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
        self._reset_tool()
        self._layers.clear()
        self._overlays.clear()
        self._highlight.clear()
        self._changes.clear()
        self._hits.clear()
        self._label_cache.clear()
        self._labels.set_layers({}, [])
        self._edit_layer = None
        self._session = session
        if session is not None:
            self._unfollow = follow(self, session, self._on_session_event)
            extent = session.plan.extent(rasters=True)
            self._set_world(self._world_around(extent) if extent else self._world)
            self._sync_layers()
            self._build_overlays()
        self._show_selection()
        self.zoom_to_extent()
        self._legend_soon()
        spec = session.plan.view.get("basemap") if session is not None else None
        self.set_basemap(basemap_of(spec) if isinstance(spec, dict) else None)

    def _on_session_event(self, event: str, data: Any) -> None:
        if event == "features":
            self._refresh_layer(str(data))
            self._show_selection()
        elif event in ("layers", "scenario"):
            self._sync_layers()
            self._show_selection()
        elif event == "selection":
            self._show_selection()
            self._highlight_follows_selection()
        elif event == "report":
            self._build_overlays()
            self._highlight_follows_report()
        elif event == "basemap":
            self.set_basemap(basemap_of(data) if isinstance(data, dict) else None)

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
        self._layers.set_world(self._world)
        self._overlays.set_world(self._world)
        self._highlight.set_world(self._world)
        self._changes.set_world(self._world)
        self._labels.set_world(self._world)

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
        for name in self._layers.drop_missing(plan):
            self._hits.pop(name, None)
        extent = plan.extent(rasters=True)
        if extent is not None:
            self._grow_world(self.map_rect(*extent))
        self._layers.sync(self._session, self._world, self._dpi())
        if self._edit_layer is not None and self._edit_layer not in plan.layers:
            self._edit_layer = None
        self._sync_labels()
        self._legend_soon()

    def _refresh_layer(self, name: str) -> None:
        """Redraw a layer whose features changed (or all its view, when it is new)."""
        if self._session is not None and not self._layers.refresh(self._session, name):
            self._sync_layers()
            return
        self._sync_labels()
        self._legend_soon()

    def _sync_labels(self) -> None:
        """Labels for the visible layers whose style asks for them."""
        if self._session is None:
            return
        labelled: dict[str, LayerLabels] = {}
        for view in self._session.views:
            layer = self._plan.layers.get(view.name)
            item = self._layers.items.get(view.name)
            if not (view.visible and view.style.get("labels")) or layer is None:
                continue
            if layer.frame is None or not isinstance(item, QtVectorItem):
                continue
            cached = self._label_cache.get(view.name)
            if cached is None or cached.source is not layer.frame:
                offset = item.symbology.point_size / 2 + 4
                cached = LayerLabels.of_frame(layer.frame, offset)
                self._label_cache[view.name] = cached
            labelled[view.name] = cached
        for name in [n for n in self._label_cache if n not in labelled]:
            del self._label_cache[name]
        self._labels.set_layers(labelled, self._session.layer_names())

    def labels_drawn(self) -> list[str]:
        """The labels the last repaint drew (those that did not collide)."""
        return [text for text, _ in self._labels.placed] if self._labels.isVisible() else []

    # -- legend ---------------------------------------------------------------------------------
    def _legend_soon(self) -> None:
        self._legend_timer.start()

    def legend_rows(self) -> list[LegendRow]:
        """What the map shows now, top first: the result overlays switched on and drawn
        (suggested sites above them), then each visible layer (with its classes)."""
        rows: list[LegendRow] = [
            LegendRow("highlight", key, "", picture, count)
            for key, picture, count in [*self._highlight.legend(), *self._changes.legend()]
        ]
        if self._overlays.suggestion_count():
            item = self._overlays.suggested_item
            assert isinstance(item, QtVectorItem)
            rows.append(
                LegendRow(
                    "overlay",
                    "suggestions",
                    "",
                    swatch(item.symbology, "point", 18),
                    self._overlays.suggestion_count(),
                )
            )
        rows += rows_of_overlays(self._overlays.items, self._overlays.shown, self._overlays.counts)
        if self._session is None:
            return rows
        for view in self._session.views:
            item = self._layers.items.get(view.name)
            if view.visible and item is not None:
                rows += rows_of_layer(view.name, item, view.style)
        basemap = self._basemap
        if basemap is not None:
            name = basemap.provider or Path(basemap.path).name or basemap.url
            rows.append(LegendRow("basemap", name, basemap.attribution, None))
        return rows

    def layer_item(self, name: str) -> QGraphicsItem | None:
        """The graphics item that draws layer ``name`` (None when not shown).

        A vector layer's item has ``brush`` and ``pen`` (its style as Qt draws it); a raster
        layer's is a QGraphicsPixmapItem.
        """
        return self._layers.items.get(name)

    # -- overlays -------------------------------------------------------------------------------
    def overlay_names(self) -> list[str]:
        """The result overlays, bottom first (:data:`OVERLAYS`)."""
        return list(OVERLAYS)

    def set_overlay_visible(self, name: str, visible: bool) -> None:
        """Show or hide a result overlay (``service_areas`` is hidden at first)."""
        self._overlays.set_visible(name, visible)
        self._legend_soon()

    def indicator(self) -> str | None:
        """The indicator whose gaps the overlays show (None: every indicator's)."""
        return self._overlays.indicator

    def set_indicator(self, name: str | None) -> None:
        """Show the gap areas, uncovered residents and service areas of one indicator
        (``shelter``, ``space_5min``, a facility kind); None shows every indicator's."""
        if name != self._overlays.indicator:
            self._overlays.indicator = name
            self._build_overlays()
            if self._changes.shown is not None:
                self.show_changes(self._changes.shown)

    def overlay_visible(self, name: str) -> bool:
        """Whether the overlay is switched on."""
        return self._overlays.shown[name]

    # -- a violation and its cause ----------------------------------------------------------
    def show_violation(self, violation: Violation | None) -> None:
        """Frame ``violation``'s site and its cause (and the zone between them) with a margin,
        and draw the cause outlined, the zone it meets hatched and the part of the site it
        removes filled (None: clear). The highlight goes when the selection moves off the site,
        when a new evaluation no longer has the violation, or when another is shown."""
        if violation is None:
            self.clear_highlight()
            return
        self._show_highlight(violation)
        shown = self._highlight.shown
        bounds = shown.bounds if shown is not None else None
        if bounds is not None:
            self._fit(self.map_rect(*bounds), margin=_FRAME_MARGIN)
            self._fit_pending = False

    def _show_highlight(self, violation: Violation) -> None:
        plan = self._session.plan if self._session is not None else None
        self._highlight.show(violation_highlight(violation, plan), self._world)
        self._legend_soon()

    def clear_highlight(self) -> None:
        """Remove the violation's highlight (the view stays where it is)."""
        if self._highlight.shown is not None:
            self._highlight.clear()
            self._legend_soon()

    def highlight(self) -> ViolationHighlight | None:
        """The violation highlighted now, with its geometries (None: none)."""
        return self._highlight.shown

    def highlight_items(self) -> dict[str, QGraphicsItem]:
        """The items drawing the highlight, by part (``violation_cause``, ``violation_zone``,
        ``violation_removed``; a part without geometry has none)."""
        return dict(self._highlight.items)

    def _highlight_follows_selection(self) -> None:
        shown = self._highlight.shown
        if shown is None or self._session is None:
            return
        site = shown.violation.site
        if self._session.selection != (site.layer, site.feature):
            self.clear_highlight()

    def _highlight_follows_report(self) -> None:
        shown = self._highlight.shown
        if shown is None:
            return
        report = self._session.report if self._session is not None else None
        key = violation_key(shown.violation)
        same = next(
            (v for v in (report.violations if report else ()) if violation_key(v) == key), None
        )
        if same is None:
            self.clear_highlight()
        elif same is not shown.violation:
            self._show_highlight(same)

    # -- what changed against a kept moment -----------------------------------------------------
    def show_changes(self, changes: MapChanges | None) -> None:
        """Draw what changed against the Compare dock's reference (None: clear): residents
        newly served and unserved for the indicator shown, sites added, removed and moved, and
        violations that appeared or went."""
        self._changes.show(changes, self._overlays.indicator, self._world)
        self._legend_soon()

    def changes(self) -> MapChanges | None:
        """The changes drawn (None: none)."""
        return self._changes.shown

    def change_geometries(self) -> dict[str, list[BaseGeometry]]:
        """The geometries drawn for each part of the changes (``sites_moved_from``,
        ``sites_moved``, ``residents_served``, ...; parts with nothing are left out)."""
        return {k: list(v) for k, v in self._changes.geometries.items()}

    def change_items(self) -> dict[str, QGraphicsItem]:
        """The items drawing the changes, by part."""
        return dict(self._changes.items)

    def show_suggestions(self, geometries: Any | None) -> None:
        """Draw suggested sites (from the Suggest sites dialog) above everything; None clears."""
        self._overlays.show_suggestions(geometries, self._world)
        self._legend_soon()

    def suggestion_count(self) -> int:
        """Suggested sites drawn (0 when none)."""
        return self._overlays.suggestion_count()

    def overlay_count(self, name: str) -> int:
        """Features drawn by an overlay from the current report (0 when it has none): rows of
        the report layer, or for ``violations`` the (principle, site) symbols."""
        return self._overlays.counts.get(name, 0)

    def show_drag_gaps(self, xy: np.ndarray | None, uncovered: np.ndarray | None) -> None:
        """While a site is dragged: draw the residents ``xy[uncovered]`` of the chosen
        indicator as a mask image over the map, in place of the uncovered-residents overlay
        (None: back to the overlay)."""
        item = self._overlays.items.get("uncovered_residents")
        if xy is None or uncovered is None:
            self._frozen.thaw()
            self._drag_gaps.clear()
            if item is not None:
                item.setVisible(self._overlays.shown["uncovered_residents"])
            return
        if item is not None:
            item.setVisible(False)
        if self._dragging:  # the map under the drag holds still: painted once, not per update
            live = [self._preview, self._selection, self._drag_gaps]
            # the highlight and the changes are redrawn from each of the drag's reports
            live += [*self._highlight.items.values(), *self._changes.items.values()]
            violations = self._overlays.items.get("violations")
            self._frozen.freeze([*live, *([violations] if violations is not None else [])])
        shown = self._overlays.shown["uncovered_residents"]
        mask = uncovered if shown else np.zeros(len(xy), dtype=bool)
        self._drag_gaps.draw(xy, self.visible_extent(), self._viewport().size(), mask)

    def map_frozen(self) -> bool:
        """True while a drag holds the map still (its layers shown as one snapshot)."""
        return self._frozen.frozen

    def _drag_begun(self) -> None:
        self._dragging = True

    def _drag_done(self) -> None:
        self._dragging = False
        self._frozen.thaw()

    def drawBackground(self, painter: QPainter | None, rect: QRectF) -> None:  # noqa: N802
        assert painter is not None
        if not self._frozen.draw(painter):
            super().drawBackground(painter, rect)

    def scale_bar(self) -> ScaleBar | None:
        """The scale bar drawn now (None without a projected plan CRS)."""
        crs = self._plan.crs if self._session is not None else None
        if crs is None or not crs.is_projected:
            return None
        try:
            to_metres = float(crs.axis_info[0].unit_conversion_factor)
        except (IndexError, AttributeError, TypeError, ValueError):
            to_metres = 1.0
        return scale_bar(self._metres_per_pixel() * to_metres)

    def drawForeground(self, painter: QPainter | None, rect: QRectF) -> None:  # noqa: N802
        assert painter is not None
        super().drawForeground(painter, rect)
        if self._session is None:
            return
        view = QRectF(self._viewport().rect())
        bar = self.scale_bar()
        painter.save()
        painter.resetTransform()
        credit = self._basemap.attribution if self._basemap is not None else ""
        draw_decorations(painter, view, bar, self.tr("N"), credit)
        painter.restore()
        self._decorated = decoration_rects(view, bar, credit)

    def scrollContentsBy(self, dx: int, dy: int) -> None:  # noqa: N802 (Qt's name)
        super().scrollContentsBy(dx, dy)
        self._basemap_soon()
        # the decorations stay in their corners: repaint where they were scrolled to and are
        viewport = self._viewport()
        for r in self._decorated:
            viewport.update(r.toAlignedRect())
            viewport.update(r.translated(dx, dy).toAlignedRect())
        if self._labels.isVisible():
            viewport.update()  # labels are placed for the whole view

    # -- base map -------------------------------------------------------------------------------
    def basemap(self) -> Basemap | None:
        """The base map under the layers (None: none)."""
        return self._basemap

    def set_basemap(self, basemap: Basemap | None) -> None:
        """Show ``basemap`` under the layers (None: none); it is read in the background."""
        self._basemap = basemap
        self._basemap_loader.cancel()
        self._basemap_item.set_image(None, QRectF())
        if basemap is not None:
            self._basemap_timer.start()
        self._legend_soon()

    def basemap_image(self) -> Any:
        """The base map picture shown (a QImage; None: none yet)."""
        return self._basemap_item.image

    def _basemap_soon(self) -> None:
        if self._basemap is not None:
            self._basemap_timer.start()

    def _request_basemap(self) -> None:
        crs = self._plan.crs if self._session is not None else None
        if self._basemap is None or crs is None:
            return
        view = self._viewport().rect()
        if view.width() < 2 or view.height() < 2:
            return
        minx, miny, maxx, maxy = self.visible_extent()
        # a margin round the view, so a small pan shows base map at once
        mx, my = (maxx - minx) * 0.25, (maxy - miny) * 0.25
        bounds = (minx - mx, miny - my, maxx + mx, maxy + my)
        self._basemap_loader.request(
            self._basemap, crs, bounds, round(view.width() * 1.5), round(view.height() * 1.5)
        )

    def _basemap_loaded(self, generation: int, image: Any, bounds: Any) -> None:
        if generation != self._basemap_loader.generation or self._basemap is None:
            return  # overtaken by a newer view or another base map
        self._basemap_item.set_image(image, self.map_rect(*bounds))
        self.basemap_drawn.emit()

    def _basemap_failed(self, generation: int, error: Any) -> None:
        if generation != self._basemap_loader.generation:
            return
        fields = {"file": "", "host": "", "detail": str(error), **error.fields}
        texts = {
            "no_crs": self.tr("Base map: {file} has no coordinate reference system"),
            "read": self.tr("Base map: {file} cannot be read ({detail})"),
            "key": self.tr(
                "Base map: Tianditu needs your key (View > Base map > Tianditu); "
                "get one at console.tianditu.gov.cn"
            ),
            "fetch": self.tr(
                "Base map: no tiles from {host} ({detail}); the map works on without them"
            ),
        }
        self.basemap_failed.emit(texts.get(error.code, texts["read"]).format(**fields))

    def drag_gaps_count(self) -> int:
        """Resident points drawn by the drag's mask image (0 when none is shown)."""
        return self._drag_gaps.count

    def _build_overlays(self) -> None:
        session = self._session
        report = session.report if session is not None else None
        plan = session.plan if session is not None else None
        if self._overlays.build(plan, report, self._world):
            self._legend_soon()  # (a drag's reports mostly change no overlay)

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
        self._frozen.thaw()  # the snapshot is of the view before
        h, v = self.horizontalScrollBar(), self.verticalScrollBar()
        assert h is not None and v is not None
        h.setValue(h.value() + round(dx))
        v.setValue(v.value() + round(dy))

    def _view_changed(self) -> None:
        self._frozen.thaw()  # the snapshot is of the view before
        self._basemap_soon()
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
        """The current tool's name."""
        return self._tool.name

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
            (``edit_failed``) when the new shape is not valid; a click elsewhere selects;
            double-click a segment to add a vertex, a vertex to remove it
        ``draw_line``
            clicks add vertices; double-click or Enter adds the line to the edit layer
        ``measure``
            clicks add points; length and area follow the cursor (``measured``)

        The select tool's drag from empty map selects the features the rectangle touches.
        With :attr:`snapping`, clicks snap to vertices and segments of visible features.

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
        self._reset_tool()
        self._tool = self._tools[name]
        self._set_cursor()
        self._show_selection()
        self.tool_changed.emit(name)

    def _set_cursor(self) -> None:
        self._viewport().setCursor(self._tool.cursor)

    def edit_layer(self) -> str | None:
        """The layer the edit tools add to and change."""
        return self._edit_layer

    def set_edit_layer(self, name: str | None) -> None:
        """Choose the layer the edit tools work on (None: none).

        Any layer name is taken, so that a main window can pass its current layer: the edit
        tools say when there is none, or when it is a raster or no longer in the plan.
        """
        self._reset_tool()
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

    def add_point(self, x: float, y: float) -> str | None:
        """Add a point feature at map (x, y) to the edit layer; return its id (None if refused)."""
        name = self._need_edit_layer()
        if name is None or not self._accepts(name, "point"):
            return None
        values = new_feature_values(self._session, name)
        geometry = fit_type(self._plan.layers[name].frame, shapely.Point(x, y))
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
        values = new_feature_values(self._session, name)
        geometry = fit_type(self._plan.layers[name].frame, polygon)
        if not self._push(AddFeature(name, values, geometry, label="Add polygon")):
            return None
        self.feature_added.emit(name, str(values["id"]))
        return str(values["id"])

    def _refuse_shape(self, feature_id: str, reason: str) -> None:
        """Say that a reshape was refused: the new shape is not valid."""
        self.edit_failed.emit(
            self.tr(
                "the new shape of {feature} is not valid ({reason}); the feature was left as it was"
            ).format(feature=feature_id, reason=reason)
        )

    def delete_selected(self) -> bool:
        """Delete the selected feature (undoable); False when nothing is selected or refused."""
        if self._session is None or self._session.selection is None:
            return False
        layer, feature_id = self._session.selection
        self._cancel_gesture()
        ids = self._session.selected_ids
        if len(ids) > 1:
            return self._push(DeleteFeatures(layer, list(ids)))
        return self._push(DeleteFeature(layer, feature_id))

    # -- features -------------------------------------------------------------------------------
    def _hit_index(self, name: str) -> HitIndex | None:
        layer = self._plan.layers.get(name)
        if layer is None or layer.frame is None:
            return None
        index = self._hits.get(name)
        if index is None or index.frame is not layer.frame:
            index = HitIndex(layer.frame)
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
        item = self._layers.items.get(name)
        mpp = self._metres_per_pixel()
        size = item.symbology.point_size / 2 if isinstance(item, QtVectorItem) else HIT_PX
        x, y = self.view_to_map(pos)
        row = index.nearest(x, y, HIT_PX * mpp, max(size, HIT_PX) * mpp)
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
        reach = HIT_PX * self._metres_per_pixel()
        if geometry.geom_type in ("Point", "MultiPoint"):
            reach = max(reach, 6.0 * self._metres_per_pixel())
        return bool(shapely.distance(geometry, shapely.Point(x, y)) <= reach)

    def _show_selection(self) -> None:
        """Outline the selected feature (with vertex handles in the reshape tool)."""
        selection = self._session.selection if self._session is not None else None
        geometry = self._feature_geometry(*selection) if selection is not None else None
        if geometry is None:
            self._selection.setVisible(False)
            return
        handles = None
        if self._tool.shows_handles and geometry.geom_type not in ("Point", "MultiPoint"):
            coords, twin = vertex_handles(geometry)
            keep = ~((twin >= 0) & (twin < np.arange(len(coords))))
            handles = coords[keep]
        assert selection is not None and self._session is not None
        shapes = [geometry]
        index = self._hit_index(selection[0]) if len(self._session.selected_ids) > 1 else None
        if index is not None:
            others = index.geoms[np.isin(index.ids, self._session.selected_ids[1:])]
            shapes += [g for g in others if isinstance(g, BaseGeometry) and not g.is_empty]
        self._selection.set_geometries(shapes, handles=handles)
        self._selection.setVisible(True)

    def _cancel_gesture(self) -> None:
        """Drop a drag in progress (nothing is changed)."""
        if self._panning is not None:
            self._panning.cancel()
            self._panning = None
        self._tool.cancel()

    def _reset_tool(self) -> None:
        """Drop a drag in progress and anything being drawn."""
        self._cancel_gesture()
        self._tool.reset()
        self._preview.setVisible(False)
        self._snap_marker.setVisible(False)

    # -- mouse and keys -------------------------------------------------------------------------
    @guarded
    def mousePressEvent(self, event: QMouseEvent | None) -> None:  # noqa: N802 (Qt's name)
        assert event is not None
        pos = event.localPos()
        self._tip_timer.stop()
        QToolTip.hideText()
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        button = event.button()
        if button == Qt.MouseButton.MiddleButton or (
            button == Qt.MouseButton.LeftButton and isinstance(self._tool, QtPanTool)
        ):
            self._panning = self._tool if isinstance(self._tool, QtPanTool) else self._pan
            self._panning.press(pos, self.view_to_map(pos))
            return
        if button != Qt.MouseButton.LeftButton or self._session is None:
            return
        self._tool.press(pos, self.view_to_map(pos))

    @guarded
    def mouseMoveEvent(self, event: QMouseEvent | None) -> None:  # noqa: N802 (Qt's name)
        assert event is not None
        pos = event.localPos()
        here = self.view_to_map(pos)
        self.mouse_moved.emit(here[0], here[1])
        if self._panning is not None:
            self._panning.move(pos, here)
        else:
            self._tool.move(pos, here)
        if event.buttons() == Qt.MouseButton.NoButton:
            self._tip_pos = QPointF(pos)
            self._tip_timer.start()
        else:
            self._tip_timer.stop()

    def leaveEvent(self, event: QEvent | None) -> None:  # noqa: N802 (Qt's name)
        self._tip_timer.stop()
        super().leaveEvent(event)

    def map_tip(self, pos: QPointF) -> str | None:
        """The map tip of the feature under viewport position ``pos`` (rich text: its name,
        layer and kind, and its key figures), None when there is none."""
        found = self.feature_at(pos)
        if found is None or self._session is None:
            return None
        layer_name, feature_id = found
        layer = self._plan.layers[layer_name]
        index = self._hit_index(layer_name)
        row = index.row(feature_id) if index is not None else None
        if layer.frame is None or row is None:
            return None
        names = {
            "kind": self.tr("Kind"),
            "class": self.tr("Class"),
            "hazard": self.tr("Hazard"),
            "population": self.tr("Population"),
            "households": self.tr("Households"),
            "capacity": self.tr("Capacity"),
            "effective_area": self.tr("Effective area (m²)"),
            "area": self.tr("Area (m²)"),
            "height": self.tr("Height (m)"),
            "floors": self.tr("Floors"),
            "voltage": self.tr("Voltage (kV)"),
            "width": self.tr("Width (m)"),
        }
        return map_tip_text(layer_name, layer.frame.iloc[row], names, current_lang())

    def _show_tip(self) -> None:
        if self._session is None or not self._viewport().rect().contains(self._tip_pos.toPoint()):
            return
        text = self.map_tip(self._tip_pos)
        viewport = self._viewport()
        where = viewport.mapToGlobal(self._tip_pos.toPoint())
        if text:
            QToolTip.showText(where, text, viewport)
        else:
            QToolTip.hideText()

    @guarded
    def mouseReleaseEvent(self, event: QMouseEvent | None) -> None:  # noqa: N802 (Qt's name)
        assert event is not None
        pos = event.localPos()
        here = self.view_to_map(pos)
        if self._panning is not None:
            panning, self._panning = self._panning, None
            panning.release(pos, here)
            return
        self._tool.release(pos, here)

    @guarded
    def mouseDoubleClickEvent(self, event: QMouseEvent | None) -> None:  # noqa: N802 (Qt's name)
        assert event is not None
        pos = event.localPos()
        if event.button() != Qt.MouseButton.LeftButton or not self._tool.double_click(
            pos, self.view_to_map(pos)
        ):
            self.mousePressEvent(event)

    @guarded
    def wheelEvent(self, event: QWheelEvent | None) -> None:  # noqa: N802 (Qt's name)
        assert event is not None
        steps = event.angleDelta().y() / 120.0
        if steps:
            self.zoom_by(_WHEEL_STEP**steps, event.position())
        event.accept()

    @guarded
    def keyPressEvent(self, event: QKeyEvent | None) -> None:  # noqa: N802 (Qt's name)
        assert event is not None
        key = event.key()
        step = self._viewport().rect()
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
            self._reset_tool()
        elif key == Qt.Key.Key_Delete:
            self.delete_selected()
        elif not self._tool.key(key):
            super().keyPressEvent(event)


def map_tip_text(layer: str, row: Any, names: dict[str, str], lang: str = "en") -> str:
    """A feature's map tip: its name (else id) in bold, its layer, then the fields of
    ``names`` it has (their key figures), each under its name there; a shelter's class, a kind
    and a hazard type said as words of ``lang``."""
    name = row.get("name") if hasattr(row, "get") else None
    if name is None or (isinstance(name, float) and math.isnan(name)) or str(name) == "":
        name = row.get("id", "")
    lines = [f"<b>{html.escape(str(name))}</b>", f"<i>{html.escape(layer)}</i>"]
    for field in names:
        if field not in row.index:
            continue
        value = row[field]
        if value is None or (isinstance(value, float) and math.isnan(value)):
            continue
        if isinstance(value, float):
            text = f"{value:,.0f}" if abs(value) >= 100 else f"{value:,.4g}"
        elif isinstance(value, (int, np.integer)):
            text = f"{int(value):,}"
        elif field == "class":
            text = shelter_class_label(value, lang)
        elif field == "hazard":
            text = say(hazard_word(value), lang)
        elif field == "kind":
            kind = str(value)
            text = label(kind, lang) if has_label(kind) else say(source_word(kind), lang)
        else:
            text = str(value)
        lines.append(f"{html.escape(names[field])}: {html.escape(text)}")
    return "<br>".join(lines)


def basemap_of(spec: dict[str, Any]) -> Basemap | None:
    """The base map a plan's view describes (``{"kind": "file", "path": ...}``,
    ``{"kind": "xyz", "provider": "osm"}`` or ``{"kind": "xyz", "url": ...}``); web tiles are
    kept in the app's folder, a Tianditu key comes from the app's settings (never the plan)."""
    from spaceplanner.ui.qt_settings import app_home, settings

    kind = str(spec.get("kind", ""))
    if kind == "file" and spec.get("path"):
        return Basemap("file", path=str(spec["path"]))
    if kind == "xyz":
        provider = str(spec.get("provider", ""))
        url = str(spec.get("url", ""))
        if provider not in PROVIDERS and not url:
            return None
        key = str(settings().value(f"basemap/{provider}_key", "") or "") if provider else ""
        cache = app_home() / "tiles" / (provider or "custom")
        return Basemap("xyz", provider=provider, url=url, key=key, cache=cache)
    return None
