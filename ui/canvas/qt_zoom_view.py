"""One zoomable view for the dialogs' pictures (the boundary drawn on an extract's streets, the
map sheet's preview): the wheel zooms about the pointer, dragging pans, :meth:`fit` frames a
rectangle (by default all the scene holds).

Panning is a drag with the middle or right button, and with the left button too when the view
has no other use for it (``left_pans``); a view whose left clicks draw leaves the left button
to its subclass. The zoom may be kept between two scales (screen pixels per scene unit).
"""

from __future__ import annotations

from PyQt5.QtCore import QPoint, QPointF, QRectF, Qt
from PyQt5.QtGui import QMouseEvent, QPainter, QWheelEvent
from PyQt5.QtWidgets import QGraphicsScene, QGraphicsView, QWidget

__all__ = ["ZOOM_STEP", "QtZoomView"]

#: The zoom of one wheel step (in; out is its inverse).
ZOOM_STEP = 1.25


class QtZoomView(QGraphicsView):
    """A QGraphicsView that zooms with the wheel about the pointer, pans by dragging, fits.

    Parameters
    ----------
    scene
        The scene shown.
    parent
        The parent widget.
    left_pans
        Whether a left-button drag pans (True for a picture; False when left clicks draw).
    zoom_range
        The smallest and largest zoom (screen pixels per scene unit), or None for any.
    """

    def __init__(
        self,
        scene: QGraphicsScene,
        parent: QWidget | None = None,
        *,
        left_pans: bool = True,
        zoom_range: tuple[float, float] | None = None,
    ) -> None:
        super().__init__(scene, parent)
        self.left_pans = left_pans
        self.zoom_range = zoom_range
        #: The rectangle :meth:`fit` frames when given none (None: the scene's items).
        self.fit_rect: QRectF | None = None
        self._pan: QPointF | None = None
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        self.setMouseTracking(True)

    # -- zoom ---------------------------------------------------------------------------------
    @property
    def zoom(self) -> float:
        """Screen pixels per scene unit."""
        return float(self.transform().m11())

    def zoom_by(self, factor: float, at: QPoint | None = None) -> bool:
        """Zoom by ``factor`` keeping the scene point under viewport position ``at`` where it
        is (the view's centre when None); False when the zoom range stops it."""
        target = self.zoom * factor
        if self.zoom_range is not None and not (self.zoom_range[0] <= target <= self.zoom_range[1]):
            return False
        viewport = self.viewport()
        if at is None:
            at = viewport.rect().center() if viewport is not None else QPoint(0, 0)
        under = self.mapToScene(at)
        anchor = self.transformationAnchor()
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
        self.scale(factor, factor)
        self.setTransformationAnchor(anchor)
        moved = self.mapFromScene(under) - at  # where that point went, in pixels
        self._scroll(moved.x(), moved.y())
        return True

    def _scroll(self, dx: float, dy: float) -> None:
        for bar, step in ((self.horizontalScrollBar(), dx), (self.verticalScrollBar(), dy)):
            if bar is not None:
                bar.setValue(bar.value() + round(step))

    def fit(self, rect: QRectF | None = None) -> None:
        """Frame ``rect`` (else :attr:`fit_rect`, else everything in the scene), whole."""
        scene = self.scene()
        if rect is None:
            rect = self.fit_rect
        if rect is None and scene is not None:
            rect = scene.itemsBoundingRect()
        if rect is None or rect.isEmpty():
            return
        self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)

    def actual_size(self) -> None:
        """One scene unit per screen pixel."""
        self.resetTransform()

    def wheelEvent(self, event: QWheelEvent | None) -> None:  # noqa: N802 (Qt's name)
        if event is None:
            return
        delta = event.angleDelta().y()
        if delta:
            self.zoom_by(ZOOM_STEP if delta > 0 else 1 / ZOOM_STEP, event.pos())
        event.accept()

    # -- pan ----------------------------------------------------------------------------------
    @property
    def panning(self) -> bool:
        """True while a drag pans the view."""
        return self._pan is not None

    def _pans(self, button: Qt.MouseButton) -> bool:
        if button in (Qt.MouseButton.MiddleButton, Qt.MouseButton.RightButton):
            return True
        return self.left_pans and button == Qt.MouseButton.LeftButton

    def mousePressEvent(self, event: QMouseEvent | None) -> None:  # noqa: N802 (Qt's name)
        if event is None:
            return
        if self._pans(event.button()):
            self._pan = QPointF(event.pos())
            viewport = self.viewport()
            if viewport is not None:
                viewport.setCursor(Qt.CursorShape.ClosedHandCursor)
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent | None) -> None:  # noqa: N802 (Qt's name)
        if event is None:
            return
        if self._pan is not None:
            delta = QPointF(event.pos()) - self._pan
            self._pan = QPointF(event.pos())
            self._scroll(-delta.x(), -delta.y())
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent | None) -> None:  # noqa: N802 (Qt's name)
        if self._pan is not None:
            self._pan = None
            viewport = self.viewport()
            if viewport is not None:
                viewport.unsetCursor()
            if event is not None:
                event.accept()
            return
        super().mouseReleaseEvent(event)
