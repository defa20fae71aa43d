"""Render the desktop app's main states to docs/screenshots/ (shown in the README).

Run from the repository root, without a display::

    QT_QPA_PLATFORM=offscreen python docs/make_screenshots.py

States: the start page, a plan with its gaps, editing (a shelter being reshaped), the indicators
panel, a violation framed with its cause, Compare's changes on the map, and the Chinese
interface. Each window is evaluated in this thread first, so the pictures
show real figures for the shipped sample maps.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from PyQt5.QtWidgets import QApplication

OUT = Path(__file__).resolve().parent / "screenshots"
SIZE = (1400, 880)


def main() -> int:
    os.environ.setdefault("SPACEPLANNER_HOME", tempfile.mkdtemp(prefix="spaceplanner-shots-"))
    from spaceplanner.engine.evaluation import Evaluator
    from spaceplanner.model.plan import load_plan
    from spaceplanner.sample_maps import get_path
    from spaceplanner.ui import i18n
    from spaceplanner.ui.model.session import Session
    from spaceplanner.ui.qt_main_window import QtMainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    OUT.mkdir(parents=True, exist_ok=True)

    def settle() -> None:
        for _ in range(5):
            app.processEvents()

    def window_for(sample: str | None, lang: str) -> QtMainWindow:
        i18n.install(app, lang)
        session = None
        if sample:
            plan = load_plan(get_path(sample), strict=False)
            session = Session(plan)
            session.set_report(Evaluator(plan).evaluate(scenario=session.scenario, gaps=True))
        win = QtMainWindow(session, lang=lang)
        win._closing_ok = True
        win.resize(*SIZE)
        win.show()
        settle()
        if win.canvas is not None:
            win.canvas.zoom_to_extent()
        settle()
        return win

    def shot(win: QtMainWindow, name: str, widget: object = None) -> None:
        settle()
        target = OUT / f"{name}.png"
        (widget or win).grab().save(str(target))  # type: ignore[attr-defined]
        print(target)

    win = window_for(None, "en")
    shot(win, "start_page")
    win.close()

    win = window_for("helsinki", "en")
    shot(win, "plan_with_gaps")
    assert win.indicators is not None
    shot(win, "indicators", win.indicators_dock)
    # editing: select the largest shelter-capable park and show its vertices for reshaping
    session = win.session
    assert session is not None and win.canvas is not None
    frame = session.plan.layers["activity_spaces"].frame
    assert frame is not None
    big = frame.loc[frame.geometry.area.idxmax()]
    session.select(("activity_spaces", str(big["id"])))
    win.layers_panel.set_current_layer("activity_spaces")
    win.set_tool("reshape")
    minx, miny, maxx, maxy = big.geometry.bounds
    pad = max(maxx - minx, maxy - miny) * 0.6
    win.canvas.zoom_to_bounds(minx - pad, miny - pad, maxx + pad, maxy + pad)
    shot(win, "editing")
    win.close()

    # a violation chosen in its dock: the petrol station, its 50 m band, the part of the shelter
    # it removes
    win = window_for("synthetic_cn", "en")
    violations = win.violations
    row = next(
        r
        for r in range(violations.table.rowCount())
        if violations.violation_at(r).rule == "prevent.petrol_station"
    )
    violations.table.selectRow(row)
    violations.activate(row)
    shot(win, "violation_cause")
    # Compare on the map: keep the figures, move the fixed shelter BN02 1 km east
    from spaceplanner.model.commands import MoveFeature

    session = win.session
    assert session is not None and win.canvas is not None and win.runner is not None
    violations.table.clearSelection()
    session.select(None)
    win.show_gaps_of("shelter")
    win.compare_panel.keep_button.click()
    win.compare_panel.map_box.click()
    session.push(MoveFeature("shelters", "BN02", 1000.0, 0.0))
    panel = win.compare_panel
    while panel.report is panel.reference or win.runner.busy or win.runner.pending is not None:
        app.processEvents()  # until the edit's live evaluation is in
    compare_dock = win.compare_panel.parentWidget()
    assert compare_dock is not None
    compare_dock.raise_()
    win.legend_dock.raise_()
    minx, miny, maxx, maxy = session.plan.extent()
    win.canvas.zoom_to_bounds(minx, miny, maxx + 350.0, maxy)
    shot(win, "compare_on_map")
    win.close()

    win = window_for("synthetic_cn", "zh")
    shot(win, "chinese_ui")
    win.close()
    i18n.install(app, "en")
    return 0


if __name__ == "__main__":
    sys.exit(main())
