"""The one zoomable view of the dialogs (the boundary drawn on streets, the map sheet preview):
the wheel zooms about the pointer, dragging pans, fit frames the whole picture."""

from __future__ import annotations

import pytest
from PyQt5.QtCore import QEvent, QPoint, QPointF, QRectF, Qt
from PyQt5.QtGui import QColor, QMouseEvent, QPixmap, QWheelEvent
from PyQt5.QtWidgets import QApplication, QGraphicsScene

from spaceplanner.ui.canvas.qt_zoom_view import ZOOM_STEP, QtZoomView


def _wheel(view: QtZoomView, at: QPoint, steps: int) -> None:
    viewport = view.viewport()
    assert viewport is not None
    event = QWheelEvent(
        QPointF(at),
        QPointF(viewport.mapToGlobal(at)),
        QPoint(0, 0),
        QPoint(0, 120 * steps),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(viewport, event)


def _mouse(widget, kind: QEvent.Type, at: QPoint, button: Qt.MouseButton) -> None:
    held = Qt.MouseButton.NoButton if kind == QEvent.Type.MouseButtonRelease else button
    moving = kind == QEvent.Type.MouseMove
    event = QMouseEvent(
        kind,
        QPointF(at),
        Qt.MouseButton.NoButton if moving else button,
        Qt.MouseButtons(held),
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(widget, event)


@pytest.fixture
def view(qtbot) -> QtZoomView:
    scene = QGraphicsScene()
    pixmap = QPixmap(2000, 1400)
    pixmap.fill(QColor("#dddddd"))
    scene.addPixmap(pixmap)
    widget = QtZoomView(scene)
    widget._scene = scene  # type: ignore[attr-defined]  (kept alive with the view)
    qtbot.addWidget(widget)
    widget.resize(600, 400)
    widget.show()
    qtbot.waitExposed(widget)
    widget.fit()
    return widget


def test_fit_shows_the_whole_picture(view: QtZoomView) -> None:
    viewport = view.viewport()
    assert viewport is not None
    seen = view.mapToScene(viewport.rect()).boundingRect()
    assert seen.contains(QRectF(0, 0, 2000, 1400).adjusted(1, 1, -1, -1))
    assert view.zoom == pytest.approx(
        min(viewport.width() / 2000, viewport.height() / 1400), rel=0.05
    )


def test_the_wheel_zooms_about_the_pointer(view: QtZoomView) -> None:
    view.zoom_by(3.0)  # in, so the picture is larger than the view and can move
    at = QPoint(150, 120)
    under = view.mapToScene(at)
    before = view.zoom
    _wheel(view, at, 1)
    assert view.zoom == pytest.approx(before * ZOOM_STEP)
    after = view.mapToScene(at)
    assert abs(after.x() - under.x()) < 2 / view.zoom + 1
    assert abs(after.y() - under.y()) < 2 / view.zoom + 1
    _wheel(view, at, -1)
    assert view.zoom == pytest.approx(before)


def test_a_drag_pans_and_the_zoom_range_holds(qtbot, view: QtZoomView) -> None:
    view.zoom_by(3.0)
    viewport = view.viewport()
    assert viewport is not None
    start = view.mapToScene(QPoint(300, 200))
    for button in (Qt.MouseButton.LeftButton, Qt.MouseButton.MiddleButton):
        _mouse(viewport, QEvent.Type.MouseButtonPress, QPoint(300, 200), button)
        _mouse(viewport, QEvent.Type.MouseMove, QPoint(250, 170), button)
        _mouse(viewport, QEvent.Type.MouseButtonRelease, QPoint(250, 170), button)
    moved = view.mapToScene(QPoint(300, 200))
    assert moved.x() - start.x() == pytest.approx(100 / view.zoom, abs=2)
    assert moved.y() - start.y() == pytest.approx(60 / view.zoom, abs=2)
    assert not view.panning
    view.zoom_range = (0.05, view.zoom)
    assert not view.zoom_by(ZOOM_STEP)  # beyond the largest zoom: refused
    assert view.zoom_by(1 / ZOOM_STEP)


def test_both_dialogs_use_the_one_view() -> None:
    from spaceplanner.ui.dialogs import qt_draw_boundary, qt_export_dialog

    assert issubclass(qt_draw_boundary._MapView, QtZoomView)
    viewer = qt_export_dialog.QtSheetViewer(QPixmap(100, 100))
    assert isinstance(viewer.view, QtZoomView)
    assert not hasattr(qt_export_dialog, "_ZoomingView")
