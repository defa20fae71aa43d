"""The plan's layers on the canvas: one graphics item per layer, in the session's layer order,
visibility and style (a hazard layer the scenario does not count drawn faintly)."""

from __future__ import annotations

from typing import Any

import numpy as np
from PyQt5.QtCore import QRectF
from PyQt5.QtWidgets import QGraphicsItem, QGraphicsScene

from spaceplanner.model.plan import Plan, PlanLayer
from spaceplanner.ui.canvas.classes import classify
from spaceplanner.ui.canvas.hit_index import Same
from spaceplanner.ui.canvas.qt_items import QtRasterItem, QtVectorItem, QtWorldItem
from spaceplanner.ui.canvas.qt_paths import Drawing
from spaceplanner.ui.canvas.qt_symbols import Symbology
from spaceplanner.ui.model.session import Session

__all__ = ["QtLayerItems"]

#: Opacity of a hazard layer that the chosen scenario does not count.
_UNCOUNTED_OPACITY = 0.3


class QtLayerItems:
    """The layer items of a canvas's scene (plain Python: the canvas owns the scene)."""

    def __init__(self, scene: QGraphicsScene) -> None:
        self._scene = scene
        #: The item of each layer shown, by layer name.
        self.items: dict[str, QGraphicsItem] = {}

    def clear(self) -> None:
        """Remove every layer item."""
        for item in self.items.values():
            self._scene.removeItem(item)
        self.items.clear()

    def drop_missing(self, plan: Plan) -> list[str]:
        """Remove the items of layers no longer in ``plan``; return their names."""
        gone = [n for n in self.items if n not in plan.layers]
        for name in gone:
            self._scene.removeItem(self.items.pop(name))
        return gone

    def sync(self, session: Session, world: QRectF, dpi: float) -> None:
        """Items for the session's layers, in the views' order, visibility and style."""
        plan = session.plan
        views = session.views
        # a hazard layer the scenario does not count is drawn faintly (and so marked in the
        # layer list): it is on the map but not in the figures
        uncounted = session.uncounted_hazards()
        for z, view in enumerate(reversed(views), start=1):
            layer = plan.layers.get(view.name)
            if layer is None:
                continue
            item = self.items.get(view.name)
            if isinstance(item, QtVectorItem) and layer.frame is not None:
                item.follow(layer.frame)
            source = layer.frame if layer.frame is not None else layer.raster
            if item is None or getattr(item, "source", None) is not source:
                if item is not None:
                    self._scene.removeItem(item)
                item = self._make(plan, layer, view.style, world, dpi)
                if item is None:
                    self.items.pop(view.name, None)
                    continue
                self.items[view.name] = item
                self._scene.addItem(item)
            elif isinstance(item, QtVectorItem):
                symbology = Symbology.from_style(view.style, dpi)
                if symbology != item.symbology:
                    item.set_symbology(symbology)
            elif isinstance(item, QtRasterItem):
                item.set_style(view.style)
            if isinstance(item, QtVectorItem):
                _classify(item, layer, view.style)
            item.setZValue(float(z))
            item.setVisible(view.visible)
            base = float(view.style.get("opacity", 1.0)) if isinstance(item, QtRasterItem) else 1.0
            item.setOpacity(base * (_UNCOUNTED_OPACITY if view.name in uncounted else 1.0))

    def refresh(self, session: Session, name: str) -> bool:
        """Redraw a vector layer whose features changed; False when it needs a :meth:`sync`
        (a new layer, a raster)."""
        layer = session.plan.layers.get(name)
        item = self.items.get(name)
        if layer is None or not isinstance(item, QtVectorItem):
            return False
        if layer.frame is not None:
            item.follow(layer.frame)
            _classify(item, layer, session.view(name).style)
        return True

    def set_world(self, world: QRectF) -> None:
        """The scene's world rect changed."""
        for item in self.items.values():
            if isinstance(item, QtWorldItem):
                item.set_world(world)

    @staticmethod
    def _make(
        plan: Plan, layer: PlanLayer, style: dict[str, Any], world: QRectF, dpi: float
    ) -> QGraphicsItem | None:
        if layer.raster is not None:
            if plan.crs is None:
                return None
            return QtRasterItem(layer, plan.crs, style)
        if layer.frame is None:
            return None
        return QtVectorItem.of_frame(world, layer.frame, Symbology.from_style(style, dpi))


def _classify(item: QtVectorItem, layer: PlanLayer, style: dict[str, Any]) -> None:
    """Split a layer item's features into the classes of its style (none: one symbol); kept
    while the frame and the style stay the same."""
    key = (Same(layer.frame), repr(sorted(style.items(), key=str)), repr(layer.constants))
    if item.classes_key == key:
        return
    classes = classify(layer.frame, layer.role, style, layer.constants)
    geoms = item.geometries
    if not classes or geoms is None:
        item.set_classes([], key)
        return
    opacity = float(style.get("opacity", 1.0))
    parts = []
    for c in classes:
        drawing = Drawing.build(np.asarray(geoms[c.rows], dtype=object))
        parts.append((drawing, item.symbology.with_class(c.fill, c.marker, opacity), c.label))
    item.set_classes(parts, key)
