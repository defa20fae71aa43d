"""The map held still while a site is dragged.

Each drag update changes a few small things on the map (the dragged outline, the uncovered
residents' mask image over the whole view, the moved site's violation symbols), but the mask and
the violation symbols span the view, so every update repainted every layer under them: half a
million resident points and a district's streets, hundreds of milliseconds a frame. While a drag
lasts, :class:`FrozenMap` paints the layers and overlays once into a pixmap of the view, hides
their items and draws the pixmap as the view's background; only the items that change during the
drag stay live. Any change of the view (zoom, pan, resize) or the end of the drag gives the items
back.
"""

from __future__ import annotations

from collections.abc import Iterable

from PyQt5.QtCore import QPointF, QRectF, QSize
from PyQt5.QtGui import QColor, QPainter, QPixmap, QTransform
from PyQt5.QtWidgets import QGraphicsItem, QGraphicsView

__all__ = ["FrozenMap"]


class FrozenMap:
    """A snapshot of ``view``'s map standing in for its items during a drag."""

    def __init__(self, view: QGraphicsView) -> None:
        self._view = view
        self._pixmap: QPixmap | None = None
        self._items: list[QGraphicsItem] = []
        self._size = QSize()
        self._transform = QTransform()
        self._origin = QPointF()

    @property
    def frozen(self) -> bool:
        """True while the snapshot stands in for the items."""
        return self._pixmap is not None

    @property
    def items(self) -> list[QGraphicsItem]:
        """The items the snapshot stands in for (hidden while frozen)."""
        return list(self._items)

    def freeze(self, live: Iterable[QGraphicsItem]) -> None:
        """Paint every visible top-level item but ``live`` into a snapshot of the view and hide
        them (nothing when already frozen)."""
        if self._pixmap is not None:
            return
        view = self._view
        viewport = view.viewport()
        scene = view.scene()
        if viewport is None or scene is None:
            return
        keep = set(live)
        shown_live = [item for item in keep if item.isVisible()]
        for item in shown_live:
            item.setVisible(False)
        ratio = viewport.devicePixelRatioF()
        size = viewport.size()
        pixmap = QPixmap(size * ratio)
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(QColor("white"))
        painter = QPainter(pixmap)
        painter.setRenderHints(view.renderHints())
        rect = viewport.rect()
        view.render(painter, QRectF(0, 0, rect.width(), rect.height()), rect)
        painter.end()
        for item in shown_live:
            item.setVisible(True)
        self._items = [
            item
            for item in scene.items()
            if item.parentItem() is None and item.isVisible() and item not in keep
        ]
        self._pixmap, self._size = pixmap, QSize(size)
        self._transform, self._origin = view.transform(), view.mapToScene(0, 0)
        for item in self._items:
            item.setVisible(False)

    def thaw(self) -> None:
        """Show the items again and drop the snapshot (nothing when not frozen)."""
        if self._pixmap is None:
            return
        self._pixmap = None
        items, self._items = self._items, []
        for item in items:
            if item.scene() is not None:  # not removed meanwhile
                item.setVisible(True)

    def still_valid(self) -> bool:
        """True when the view shows what the snapshot was taken of (same zoom, place, size)."""
        viewport = self._view.viewport()
        return (
            self._pixmap is not None
            and viewport is not None
            and viewport.size() == self._size
            and self._view.transform() == self._transform
            and self._view.mapToScene(0, 0) == self._origin
        )

    def draw(self, painter: QPainter) -> bool:
        """Draw the snapshot as the view's background; False when there is none to draw."""
        if self._pixmap is None or not self.still_valid():
            return False
        painter.save()
        painter.resetTransform()
        painter.drawPixmap(0, 0, self._pixmap)
        painter.restore()
        return True
