"""Dragging a site in the main window: the figures and the gaps follow the pointer, the release
is one undoable edit, and the figures after it equal a full evaluation."""

from __future__ import annotations

import copy
import gc

import numpy as np
import pytest
from PyQt5.QtCore import QEvent, QPoint, QPointF, Qt
from PyQt5.QtGui import QMouseEvent
from PyQt5.QtWidgets import QApplication

from spaceplanner.engine.evaluation import Evaluator
from spaceplanner.model.commands import MoveFeature
from spaceplanner.model.plan import Plan
from spaceplanner.results.report import Report
from spaceplanner.ui.qt_main_window import QtMainWindow


def _wait_idle(qtbot, window: QtMainWindow) -> None:
    qtbot.waitUntil(lambda: not window.runner.busy and window.runner.pending is None, timeout=60000)


@pytest.fixture
def opened(qtbot) -> QtMainWindow:
    win = QtMainWindow(None)
    qtbot.addWidget(win)
    win._closing_ok = True
    win.show()
    assert win.open_sample("synthetic_cn")
    _wait_idle(qtbot, win)
    return win


def _move(canvas, pos: QPoint) -> None:
    """A mouse move with the left button down (QTest sends none on the offscreen platform)."""
    event = QMouseEvent(
        QEvent.Type.MouseMove,
        QPointF(pos),
        Qt.MouseButton.NoButton,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(canvas.viewport(), event)


def _values(report: Report) -> dict[str, float | None]:
    return {i.id: i.value for i in report.indicators}


def _full(plan: Plan, layer: str, fid: str, dx: float, dy: float) -> Report:
    """A full evaluation from scratch of ``plan`` with the site moved."""
    moved = copy.copy(plan)
    moved.layers = {n: copy.copy(lyr) for n, lyr in plan.layers.items()}
    MoveFeature(layer, fid, dx, dy).do(moved)
    return Evaluator(moved).evaluate(gaps="points")


def test_a_drag_updates_the_figures_before_the_release_and_is_one_undo_step(
    qtbot, opened: QtMainWindow, tmp_path
) -> None:
    session, canvas = opened.session, opened.canvas
    assert session is not None and session.report is not None
    plan = session.snapshot()
    layer = "shelters"
    frame = plan.layers[layer].frame
    fid = str(frame["id"].iloc[0])
    x, y = frame.geometry.iloc[0].representative_point().coords[0]
    before = _values(session.report)
    session.select((layer, fid))
    canvas.set_edit_layer(layer)
    canvas.set_tool("move")
    start = canvas.map_to_view(x, y).toPoint()
    end = QPoint(8, 8)  # the top-left corner of the view: away from every resident
    ex, ey = canvas.view_to_map(QPointF(start))
    fx, fy = canvas.view_to_map(QPointF(end))
    dx, dy = fx - ex, fy - ey
    far = _full(plan, layer, fid, dx, dy)
    assert _values(far) != before  # the drag's end changes the figures

    qtbot.mousePress(canvas.viewport(), Qt.MouseButton.LeftButton, pos=start)
    for t in np.linspace(0.1, 1.0, 10):
        _move(canvas, start + (end - start) * float(t))
        QApplication.processEvents()
    # before the release: the panel and the map follow the pointer
    qtbot.waitUntil(
        lambda: (
            opened.runner.dragging
            and not opened.runner.busy
            and session.report is not None
            and _values(session.report) == pytest.approx(_values(far))
        ),
        timeout=30000,
    )
    rows = {r["key"]: r for r in opened.indicators.rows}
    assert rows  # the panel was rebuilt from the drag's report
    assert session.stack.undo_label is None  # nothing was edited yet
    key = canvas.indicator()
    uncovered = far.layers["uncovered_residents"]
    assert canvas.drag_gaps_count() == int((uncovered["indicator"] == key).sum())
    assert opened.grab().save(str(tmp_path / "drag.png"))

    assert gc.get_freeze_count() > 0
    qtbot.mouseRelease(canvas.viewport(), Qt.MouseButton.LeftButton, pos=end)
    assert gc.get_freeze_count() == 0  # the release gives the collector every object back
    _wait_idle(qtbot, opened)
    assert not opened.runner.dragging
    assert canvas.drag_gaps_count() == 0  # the overlay's points are back
    moved = session.plan.layers[layer].frame.geometry.iloc[0]
    assert moved.representative_point().x == pytest.approx(x + dx, abs=1e-6)
    # figures after the release = a full evaluation from scratch of the edited plan
    assert _values(session.report) == pytest.approx(_values(far))
    # one undo step takes the whole drag back
    assert session.stack.undo_label is not None
    session.undo()
    assert not session.stack.can_undo
    back = session.plan.layers[layer].frame.geometry.iloc[0]
    assert back.representative_point().x == pytest.approx(x, abs=1e-6)
    _wait_idle(qtbot, opened)
    assert _values(session.report) == pytest.approx(before)


def test_a_cancelled_drag_gives_the_figures_from_before_it_back(qtbot, opened) -> None:
    session, canvas = opened.session, opened.canvas
    layer = "shelters"
    frame = session.plan.layers[layer].frame
    fid = str(frame["id"].iloc[0])
    x, y = frame.geometry.iloc[0].representative_point().coords[0]
    before = _values(session.report)
    session.select((layer, fid))
    canvas.set_edit_layer(layer)
    canvas.set_tool("move")
    start = canvas.map_to_view(x, y).toPoint()
    qtbot.mousePress(canvas.viewport(), Qt.MouseButton.LeftButton, pos=start)
    _move(canvas, QPoint(8, 8))
    qtbot.waitSignal(opened.drag_updated, timeout=30000)
    qtbot.waitUntil(lambda: not opened.runner.busy, timeout=30000)
    assert _values(session.report) != before
    # during the drag the collector's full passes skip the objects from before it
    assert gc.get_freeze_count() > 0
    canvas._cancel_gesture()  # what a tool change during a drag does
    assert gc.get_freeze_count() == 0
    qtbot.waitUntil(lambda: _values(session.report) == before, timeout=30000)
    assert canvas.drag_gaps_count() == 0
    assert session.stack.undo_label is None


def _image_array(image) -> np.ndarray:
    from PyQt5.QtGui import QImage

    image = image.convertToFormat(QImage.Format.Format_ARGB32)
    data = image.constBits().asstring(image.byteCount())
    return np.frombuffer(data, np.uint8).reshape(image.height(), image.width(), 4).astype(int)


def test_the_map_holds_still_under_a_drag_and_looks_the_same(qtbot, opened, monkeypatch) -> None:
    """While a site is dragged the layers are painted once (a snapshot), not per update; the
    snapshot looks like the live map; a zoom during the drag and the release give the layers
    back."""
    from spaceplanner.ui.canvas.qt_items import QtVectorItem

    session, canvas = opened.session, opened.canvas
    layer = "shelters"
    frame = session.plan.layers[layer].frame
    fid = str(frame["id"].iloc[0])
    x, y = frame.geometry.iloc[0].representative_point().coords[0]
    session.select((layer, fid))
    canvas.set_edit_layer(layer)
    canvas.set_tool("move")
    start = canvas.map_to_view(x, y).toPoint()
    qtbot.mousePress(canvas.viewport(), Qt.MouseButton.LeftButton, pos=start)
    _move(canvas, start + QPoint(30, 0))
    qtbot.waitSignal(opened.drag_updated, timeout=30000)
    qtbot.waitUntil(lambda: not opened.runner.busy and canvas.map_frozen(), timeout=30000)
    hidden = canvas._frozen.items
    assert hidden and not any(item.isVisible() for item in hidden)
    frozen = _image_array(canvas.viewport().grab().toImage())

    painted: list[object] = []
    paint = QtVectorItem.paint

    def counting(self, *args, **kwargs):
        painted.append(self)
        return paint(self, *args, **kwargs)

    monkeypatch.setattr(QtVectorItem, "paint", counting)
    for step in (40, 50, 60):
        _move(canvas, start + QPoint(step, 0))
        qtbot.waitSignal(opened.drag_updated, timeout=30000)
        canvas.viewport().repaint()
    layer_items = set(hidden)
    assert not [item for item in painted if item in layer_items]  # no layer repainted
    monkeypatch.setattr(QtVectorItem, "paint", paint)

    # the snapshot is the map as the items paint it (the drag's live items aside)
    canvas._frozen.thaw()
    live = _image_array(canvas.viewport().grab().toImage())
    assert frozen.shape == live.shape
    assert np.abs(frozen - live).mean() < 1.0

    # a zoom during the drag gives the layers back; the next update freezes the new view
    _move(canvas, start + QPoint(70, 0))
    qtbot.waitSignal(opened.drag_updated, timeout=30000)
    qtbot.waitUntil(canvas.map_frozen, timeout=30000)
    canvas.zoom_by(1.25)
    assert not canvas.map_frozen() and all(item.isVisible() for item in hidden)
    qtbot.mouseRelease(canvas.viewport(), Qt.MouseButton.LeftButton, pos=start + QPoint(70, 0))
    _wait_idle(qtbot, opened)
    assert not canvas.map_frozen()
    assert all(item.isVisible() for item in hidden if item.scene() is not None)
