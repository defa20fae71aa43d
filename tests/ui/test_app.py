"""The placeholder desktop window: it shows a plan's layers and problems."""

from __future__ import annotations

from pathlib import Path

from PyQt5.QtGui import QImage

from spaceplanner import load_plan
from spaceplanner.ui.app import main
from spaceplanner.ui.qt_plan_summary import QtPlanSummaryWindow


def test_window_shows_layers_and_problems(qtbot, community: Path) -> None:
    plan = load_plan(community, strict=False)
    window = QtPlanSummaryWindow(plan)
    qtbot.addWidget(window)
    assert window.heading.text() == "Test community"
    names = [window.layers.item(r, 0).text() for r in range(window.layers.rowCount())]
    assert names == ["residents", "shelters", "walk"]
    assert window.layers.item(0, 2).text() == "3"
    assert window.problems.rowCount() == len(plan.problems) > 0
    assert "usable" in window.statusBar().currentMessage()


def test_window_without_plan_invites_to_open_one(qtbot) -> None:
    window = QtPlanSummaryWindow(None)
    qtbot.addWidget(window)
    assert "No plan open" in window.details.text()
    assert window.layers.rowCount() == 0


def test_snapshot_renders_a_png(qtbot, community: Path, tmp_path: Path) -> None:
    out = tmp_path / "window.png"
    assert main([str(community), "--snapshot", str(out)]) == 0
    image = QImage(str(out))
    assert image.width() >= 900 and image.height() >= 500


def test_snapshot_of_a_bad_plan_reports_the_error(qtbot, tmp_path: Path, capsys) -> None:
    out = tmp_path / "window.png"
    assert main([str(tmp_path / "missing.toml"), "--snapshot", str(out)]) == 2
    assert "plan file not found" in capsys.readouterr().err
    assert out.exists()
