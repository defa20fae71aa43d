"""The attribute table and the new tools in the main window: edits are re-evaluated live and the
figures equal a fresh evaluation; search frames a feature; measure shows in the status bar."""

from __future__ import annotations

import pytest
from PyQt5.QtCore import QPoint, QPointF, Qt
from PyQt5.QtWidgets import QDockWidget

from spaceplanner.engine.evaluation import Evaluator
from spaceplanner.ui.qt_main_window import QtMainWindow


def _wait_idle(qtbot, window: QtMainWindow) -> None:
    qtbot.waitUntil(lambda: not window.runner.busy and window.runner.pending is None, timeout=60000)


@pytest.fixture
def opened(qtbot) -> QtMainWindow:
    window = QtMainWindow(None)
    qtbot.addWidget(window)
    window._closing_ok = True
    window.resize(1366, 768)
    window.show()
    assert window.open_sample("synthetic_cn")
    _wait_idle(qtbot, window)
    return window


def _fresh(window: QtMainWindow) -> dict:
    assert window.session is not None
    return _figures(Evaluator(window.session.snapshot()).evaluate(gaps=False).to_dict())


def _figures(report: dict) -> dict:
    """A report's figures: all of it but the run record (whose time differs between runs)."""
    return {k: v for k, v in report.items() if k != "run"}


def test_the_table_dock_is_tabbed_with_the_violations(opened: QtMainWindow):
    dock = opened.findChild(QDockWidget, "attributeTableDock")
    violations = opened.findChild(QDockWidget, "violationsDock")
    assert dock is not None and dock in opened.tabifiedDockWidgets(violations)
    assert opened.attribute_table.layer() is not None


def test_a_cell_edit_is_evaluated_live_like_a_fresh_evaluation(qtbot, opened: QtMainWindow):
    session = opened.session
    assert session is not None
    table = opened.attribute_table
    table.set_layer("shelters")
    before = session.report.to_dict()["shelters"]  # type: ignore[union-attr]
    row = table.model.feature_ids().index("BN01")
    index = table.model.index(row, table.model.columns.index("capacity"))
    with qtbot.waitSignal(opened.live_updated, timeout=30000):
        assert table.model.setData(index, "10")
    _wait_idle(qtbot, opened)
    edited = session.report.to_dict()  # type: ignore[union-attr]
    assert edited["shelters"] == _fresh(opened)["shelters"]
    assert edited["shelters"] != before
    assert "BN01" in opened.undo_action.text()
    opened.undo_action.trigger()
    _wait_idle(qtbot, opened)
    assert session.report.to_dict()["shelters"] == before  # type: ignore[union-attr]
    assert table.model.index(row, index.column()).data() != "10"


def test_a_drawn_footpath_is_evaluated_live_like_a_fresh_evaluation(
    qtbot, opened: QtMainWindow, monkeypatch
):
    from spaceplanner.ui.dialogs import qt_attributes_dialog

    forms: list[tuple[str, str]] = []  # a new feature opens its attribute form
    monkeypatch.setattr(
        qt_attributes_dialog.QtAttributesDialog,
        "exec_",
        lambda self: forms.append((self.layer, self.feature_id)) or 0,
    )
    session = opened.session
    assert session is not None
    network = next(n for n, lyr in session.plan.layers.items() if lyr.role == "network")
    canvas = opened.canvas
    canvas.set_edit_layer(network)
    opened.set_tool("draw_line")
    frame = session.plan.layers[network].frame
    minx, miny, maxx, maxy = frame.total_bounds
    a = canvas.mapFromScene(canvas.map_to_scene(minx + (maxx - minx) * 0.3, miny + 5))
    b = canvas.mapFromScene(canvas.map_to_scene(minx + (maxx - minx) * 0.3, maxy - 5))
    qtbot.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=a)
    with qtbot.waitSignal(opened.live_updated, timeout=30000):
        qtbot.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=b)
        qtbot.mouseDClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=b)
    _wait_idle(qtbot, opened)
    assert len(session.plan.layers[network].frame) == len(frame) + 1
    assert forms == [(network, str(session.plan.layers[network].frame["id"].iloc[-1]))]
    assert _figures(session.report.to_dict()) == _fresh(opened)  # type: ignore[union-attr]


def test_search_in_the_window_selects_and_frames(qtbot, opened: QtMainWindow):
    session = opened.session
    assert session is not None
    opened.find_action.trigger()
    search = opened.attribute_table.search
    qtbot.keyClicks(search, "BN02")
    qtbot.keyClick(search, Qt.Key.Key_Return)
    assert session.selection == ("shelters", "BN02")
    shelter = session.plan.layers["shelters"].frame.set_index("id").geometry["BN02"]
    minx, miny, maxx, maxy = opened.canvas.visible_extent()
    sx0, sy0, sx1, sy1 = shelter.bounds
    assert minx <= sx0 and sx1 <= maxx and miny <= sy0 and sy1 <= maxy
    assert opened.attribute_table.selected_ids() == ["BN02"]


def test_measure_shows_in_the_status_bar(qtbot, opened: QtMainWindow):
    canvas = opened.canvas
    opened.set_tool("measure")
    a, b = QPoint(200, 200), QPoint(400, 200)
    qtbot.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=a)
    qtbot.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=b)
    qtbot.mouseDClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=b)
    (x0, y0), (x1, y1) = canvas.view_to_map(QPointF(a)), canvas.view_to_map(QPointF(b))
    length = ((x1 - x0) ** 2 + (y1 - y0) ** 2) ** 0.5
    assert f"{length:,.1f} m" in opened.measure_label.text()
    qtbot.keyClick(canvas, Qt.Key.Key_Escape)
    assert opened.measure_label.text() == ""
    assert not opened.session.stack.can_undo  # type: ignore[union-attr]


def test_the_snap_action_switches_snapping(opened: QtMainWindow):
    assert not opened.canvas.snapping
    opened.snap_action.trigger()
    assert opened.canvas.snapping and opened.snap_action.isChecked()
    opened.snap_action.trigger()
    assert not opened.canvas.snapping
