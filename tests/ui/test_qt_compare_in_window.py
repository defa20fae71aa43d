"""The Compare dock and Help → Guide in the main window, used as a planner would: keep the
figures, edit the plan, read what changed; switch the scenario; open the guide."""

from __future__ import annotations

import pytest
from test_app import _wait_idle

from spaceplanner.engine.evaluation import Evaluator
from spaceplanner.model.commands import DeleteFeature
from spaceplanner.results.compare import compare
from spaceplanner.ui.qt_main_window import QtMainWindow


@pytest.fixture
def opened(qtbot) -> QtMainWindow:
    window = QtMainWindow(None)
    qtbot.addWidget(window)
    window._closing_ok = True
    assert window.open_sample("synthetic_cn")
    _wait_idle(qtbot, window)
    return window


def test_keep_edit_and_read_what_changed(qtbot, opened: QtMainWindow) -> None:
    session = opened.session
    panel = opened.compare_panel
    assert panel.report is session.report  # the dock follows the window's figures
    before = session.report
    panel.keep_button.click()
    with qtbot.waitSignal(opened.live_updated, timeout=30000):
        session.push(DeleteFeature("shelters", "BN02"))  # the largest shelter
    _wait_idle(qtbot, opened)
    assert panel.report is session.report and panel.reference is before
    # the same comparison as the two evaluations made independently of the window
    fresh = Evaluator(session.snapshot()).evaluate(gaps=False)
    expected = compare(before, fresh)
    assert panel.headline.text() == expected.headline()
    changed = {panel.table.item(r, 0).text() for r in range(panel.table.rowCount())}
    assert changed == {c.label() for c in expected.changed()} and changed
    assert expected.sheltered_delta is not None and expected.sheltered_delta < 0
    opened.undo_action.trigger()
    _wait_idle(qtbot, opened)
    assert panel.headline.text() == "no change from the reference"


def test_the_compare_dock_sits_beside_the_indicators(opened: QtMainWindow) -> None:
    dock = next(d for d in opened._docks if d.objectName() == "compareDock")
    assert dock in opened.tabifiedDockWidgets(opened.indicators_dock)


def test_help_guide_opens_for_the_plans_profile(qtbot, opened: QtMainWindow) -> None:
    opened.show_guide()
    guide = opened.guide
    qtbot.addWidget(guide)
    text = guide.browser.toPlainText()
    assert "让" in text and "Life circles" in text
    assert guide.profile.name == (opened.session.plan.rules or "cn-gb")
    guide.close()
