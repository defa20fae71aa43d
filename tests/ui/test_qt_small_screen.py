"""The window on a 1366 × 768 laptop screen, in English and Chinese: every tool of the toolbar in
view (none in its overflow menu), the status bar's texts in view, and a window no taller than
the screen leaves room for (the taskbar and the title bar take about 70 pixels)."""

from __future__ import annotations

import pytest
from PyQt5.QtWidgets import QApplication, QToolBar, QToolButton

from spaceplanner.engine.evaluation import Evaluator
from spaceplanner.model.plan import load_plan
from spaceplanner.sample_maps import get_path
from spaceplanner.ui import i18n
from spaceplanner.ui.model.session import Session
from spaceplanner.ui.qt_main_window import QtMainWindow

#: The window's room on a 1366 × 768 screen: the taskbar (40 px) and the title bar (30 px) off.
ROOM = (1366, 768 - 70)


@pytest.fixture(scope="module")
def evaluated():
    plan = load_plan(get_path("synthetic_cn"), strict=False)
    return plan, Evaluator(plan).evaluate(gaps=True)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_everything_is_in_view_on_a_laptop_screen(qtbot, evaluated, lang: str) -> None:
    app = QApplication.instance()
    plan, report = evaluated
    i18n.install(app, lang)
    try:
        session = Session(plan)
        session.set_report(report)
        window = QtMainWindow(session, lang=lang)
        qtbot.addWidget(window)
        window._closing_ok = True
        hint = window.minimumSizeHint()
        assert hint.width() <= ROOM[0] and hint.height() <= ROOM[1], hint
        window.resize(*ROOM)
        window.show()
        qtbot.waitExposed(window)
        # the longest layer name of the sample as the edit layer
        longest = max(plan.layers, key=len)
        window.layers_panel.set_current_layer(longest)
        window.set_tool("draw_polygon")
        qtbot.wait(50)
        assert window.size().height() <= ROOM[1]
        for bar in window.findChildren(QToolBar):
            if not bar.isVisible():
                continue
            overflow = bar.findChild(QToolButton, "qt_toolbar_ext_button")
            assert overflow is None or not overflow.isVisible(), f"{bar.objectName()} overflows"
            for action in bar.actions():
                widget = bar.widgetForAction(action)
                if widget is None or action.isSeparator():
                    continue
                assert widget.isVisible(), action.text()
                assert bar.rect().contains(widget.geometry()), action.text()
        status = window.statusBar()
        assert status is not None
        for label in (window.edit_layer_label, window.gaps_label, window.crs_label):
            assert label.isVisible() and label.text()
            assert status.rect().contains(label.geometry()), label.text()
            assert label.width() >= min(label.sizeHint().width(), 200)
        assert longest in window.edit_layer_label.text() or window.edit_layer_label.toolTip()
        assert window.canvas.width() >= 500 and window.canvas.height() >= 300
    finally:
        i18n.install(app, "en")
