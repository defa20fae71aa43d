"""A language switch rebuilds the window: the plan's state follows it (the map's extent, the
indicator shown, the status message said again in the new language, the edit layer, the tool,
snapping and the overlays shown); and a plan opens on its own first missed target."""

from __future__ import annotations

import pytest
from PyQt5.QtWidgets import QApplication

from spaceplanner.ui import i18n
from spaceplanner.ui.app import _App
from spaceplanner.ui.qt_main_window import QtMainWindow


def _wait_idle(qtbot, window: QtMainWindow) -> None:
    qtbot.waitUntil(lambda: not window.runner.busy and window.runner.pending is None, timeout=60000)


@pytest.fixture
def holder(qtbot):
    app = QApplication.instance()
    holder = _App(app, "en")
    qtbot.addWidget(holder.window)
    holder.window._closing_ok = True
    holder.window.resize(1300, 820)
    holder.window.show()
    qtbot.waitExposed(holder.window)
    assert holder.window.open_sample("synthetic_cn")
    _wait_idle(qtbot, holder.window)
    yield holder
    i18n.install(app, "en")


def _switch(qtbot, holder: _App, lang: str) -> QtMainWindow:
    holder.switch_language(lang)
    new = holder.window
    qtbot.addWidget(new)
    new._closing_ok = True
    _wait_idle(qtbot, new)
    return new


def _same_view(window: QtMainWindow, extent, metres_per_pixel: float) -> None:
    """The same centre and scale (the rebuilt window's map may be a few pixels larger or
    smaller, its toolbar taking another height in another language), all of it in view."""
    shown = window.canvas.visible_extent()
    tolerance = 2 * metres_per_pixel
    assert (shown[0] + shown[2]) / 2 == pytest.approx((extent[0] + extent[2]) / 2, abs=tolerance)
    assert (shown[1] + shown[3]) / 2 == pytest.approx((extent[1] + extent[3]) / 2, abs=tolerance)
    assert 1 / abs(window.canvas.transform().m11()) == pytest.approx(metres_per_pixel, rel=1e-6)
    assert shown[0] <= extent[0] + tolerance and shown[2] >= extent[2] - tolerance


def test_the_plan_opens_on_its_first_missed_target(holder: _App) -> None:
    window = holder.window
    rows = window.indicators.rows
    assert window.session is not None and window.session.report is not None
    assert any(i.status == "fail" for i in window.session.report.indicators)
    first = next(r["key"] for r in rows if r["status"] == "fail")
    assert window.canvas.indicator() == first


def test_another_plan_opens_on_its_own_first_missed_target(qtbot, holder: _App) -> None:
    window = holder.window
    keys = [r["key"] for r in window.indicators.rows]
    chosen = next(k for k in reversed(keys) if k != window.canvas.indicator())
    window.show_gaps_of(chosen)  # what a click on the indicator does
    assert window.open_sample("helsinki")
    _wait_idle(qtbot, window)
    rows = window.indicators.rows
    failing = [r["key"] for r in rows if r["status"] == "fail"]
    assert window.canvas.indicator() == (failing or [r["key"] for r in rows])[0]


def test_state_follows_the_plan_across_a_language_switch(qtbot, holder: _App) -> None:
    old = holder.window
    canvas = old.canvas
    keys = [r["key"] for r in old.indicators.rows]
    chosen = next(k for k in reversed(keys) if k != canvas.indicator())
    old.show_gaps_of(chosen)
    canvas.zoom_by(2.5)
    canvas.pan_by(60, -35)
    old.layers_panel.set_current_layer("facilities")
    old.set_tool("measure")
    old.snap_action.trigger()
    hidden = "violations"
    action = old.overlay_menu.actions()[canvas.overlay_names().index(hidden)]
    action.setChecked(False)
    old._evaluation_cancelled()  # the runner's "cancelled" signal
    bar = old.statusBar()
    assert bar is not None and bar.currentMessage() == "Evaluation cancelled"
    extent = canvas.visible_extent()
    metres_per_pixel = 1 / abs(canvas.transform().m11())

    new = _switch(qtbot, holder, "zh")
    assert new is not old and new.session is not None
    assert any("文件" in a.text() for a in new.menuBar().actions())  # built in Chinese
    _same_view(new, extent, metres_per_pixel)
    assert new.canvas.indicator() == chosen
    assert new.canvas.tool() == "measure" and new.tool_actions["measure"].isChecked()
    assert new.canvas.edit_layer() == "facilities"
    assert new.layers_panel.current_layer() == "facilities"
    assert new.edit_layer_label.text() == "编辑图层：facilities"  # said in the new language
    assert new.canvas.snapping and new.snap_action.isChecked()
    assert not new.canvas.overlay_visible(hidden)
    assert new.canvas.overlay_visible("gap_areas")
    status = new.statusBar()
    assert status is not None and status.currentMessage() == "评估已取消"
    assert new.gaps_label.text() and "Gaps shown" not in new.gaps_label.text()

    back = _switch(qtbot, holder, "en")  # and back: the same again, in English
    assert back.canvas.indicator() == chosen and back.canvas.tool() == "measure"
    bar = back.statusBar()
    assert bar is not None and bar.currentMessage() == "Evaluation cancelled"
    _same_view(back, extent, metres_per_pixel)


def test_the_compare_reference_and_its_map_follow_a_language_switch(qtbot, holder: _App) -> None:
    """Keep the figures, move a shelter, show the changes on the map, switch to Chinese: the
    reference, its time, the comparison (said in Chinese) and the moved shelter drawn on the
    map are all still there."""
    from spaceplanner.model.commands import MoveFeature

    old = holder.window
    panel = old.compare_panel
    old.show_gaps_of("shelter")
    panel.keep_button.click()
    panel.all_box.click()
    panel.map_box.click()
    with qtbot.waitSignal(old.live_updated, timeout=30000):
        old.session.push(MoveFeature("shelters", "BN02", 1500.0, 0.0))
    _wait_idle(qtbot, old)
    reference, kept_at = panel.reference, panel.kept_at
    rows = panel.table.rowCount()
    drawn = old.canvas.change_geometries()
    assert reference is not None and rows > 0 and "sites_moved" in drawn

    new = _switch(qtbot, holder, "zh")
    qtbot.waitUntil(lambda: new.canvas.change_geometries() != {}, timeout=10000)
    moved = new.compare_panel
    assert moved is not panel
    assert moved.reference is reference and moved.kept_at == kept_at
    assert moved.all_box.isChecked() and moved.map_box.isChecked()
    assert moved.table.rowCount() == rows
    assert moved.clear_button.isEnabled()
    assert "参照" in moved.reference_label.text() or "基准" in moved.reference_label.text()
    again = new.canvas.change_geometries()
    assert [g.wkt for g in again["sites_moved"]] == [g.wkt for g in drawn["sites_moved"]]
