"""The main window and ``spaceplanner-gui``: start page, open, evaluate, edit live, undo/redo,
save, close prompt, autosave and recovery, language switch, snapshot."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PyQt5.QtGui import QImage
from PyQt5.QtWidgets import QApplication, QFileDialog, QMessageBox
from ui_baselines import assert_image_like_baseline

from spaceplanner import load_plan
from spaceplanner.engine.evaluation import Evaluator
from spaceplanner.model.commands import DeleteFeature, MoveFeature
from spaceplanner.model.plan_file import load_gpkg
from spaceplanner.sample_maps import get_path
from spaceplanner.ui import i18n
from spaceplanner.ui.app import _App, main
from spaceplanner.ui.model.session import Session
from spaceplanner.ui.qt_main_window import QtMainWindow
from spaceplanner.ui.qt_settings import recent_plans


def _wait_idle(qtbot, window: QtMainWindow) -> None:
    qtbot.waitUntil(lambda: not window.runner.busy and window.runner.pending is None, timeout=60000)


@pytest.fixture
def window(qtbot) -> QtMainWindow:
    win = QtMainWindow(None)
    qtbot.addWidget(win)
    win._closing_ok = True  # tests that check the close prompt turn it back on
    return win


@pytest.fixture
def opened(qtbot, window: QtMainWindow) -> QtMainWindow:
    assert window.open_sample("synthetic_cn")
    _wait_idle(qtbot, window)
    return window


def test_start_page_lists_samples_and_no_recent_plans(window: QtMainWindow) -> None:
    assert window.stack.currentWidget() is window.start_page
    names = [
        window.start_page.samples.item(i).text() for i in range(window.start_page.samples.count())
    ]
    assert any("helsinki" in n for n in names) and any("synthetic_cn" in n for n in names)
    assert window.start_page.no_recent.isVisibleTo(window.start_page)
    assert not window.save_action.isEnabled() and not window.undo_action.isEnabled()


def test_opening_a_sample_evaluates_it(opened: QtMainWindow) -> None:
    session = opened.session
    assert session is not None and session.report is not None
    assert opened.stack.currentWidget() is opened.canvas
    direct = Evaluator(load_plan(get_path("synthetic_cn"))).evaluate(gaps=False).to_dict()
    assert session.report.to_dict()["population"] == pytest.approx(direct["population"])
    assert session.report.to_dict()["shelters"]["population_sheltered"] == pytest.approx(
        direct["shelters"]["population_sheltered"]
    )
    assert "gap_areas" in session.report.layers  # a full run
    assert opened.indicators.rows  # the panel shows the figures
    assert "EPSG:4547" in opened.crs_label.text()


def test_an_edit_updates_the_figures_live_and_undo_redo_follow(qtbot, opened: QtMainWindow) -> None:
    session = opened.session
    assert session is not None
    before = session.report.to_dict()["facilities"]  # type: ignore[union-attr]
    with qtbot.waitSignal(opened.live_updated, timeout=30000) as blocker:
        session.push(DeleteFeature("facilities", "SS02"))
    assert blocker.args[0] > 0
    _wait_idle(qtbot, opened)
    edited = session.report.to_dict()  # type: ignore[union-attr]
    fresh = Evaluator(session.snapshot()).evaluate(gaps=False).to_dict()
    assert edited["facilities"] == fresh["facilities"]
    assert opened.undo_action.isEnabled() and "Delete" in opened.undo_action.text()
    assert opened.windowTitle().startswith("*")
    opened.undo_action.trigger()
    _wait_idle(qtbot, opened)
    assert session.report.to_dict()["facilities"] == before  # type: ignore[union-attr]
    assert opened.redo_action.isEnabled()
    assert not opened.windowTitle().startswith("*")
    opened.redo_action.trigger()
    assert "SS02" not in set(session.plan.layers["facilities"].frame["id"])
    _wait_idle(qtbot, opened)


def test_undo_redo_shortcuts(opened: QtMainWindow) -> None:
    keys = {s.toString() for s in opened.redo_action.shortcuts()}
    assert opened.undo_action.shortcut().toString() == "Ctrl+Z"
    assert "Ctrl+Shift+Z" in keys


def test_save_as_then_save_writes_the_plan_file(
    qtbot, opened: QtMainWindow, tmp_path: Path, monkeypatch
) -> None:
    session = opened.session
    assert session is not None
    session.push(MoveFeature("shelters", "BN01", 25.0, 0.0))
    target = tmp_path / "edited"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "Plan file (*.gpkg)")
    )
    assert opened.save()  # no file yet: save-as
    written = tmp_path / "edited.gpkg"
    assert session.path == written and not session.dirty
    assert not opened.windowTitle().startswith("*")
    reloaded = load_gpkg(written)
    moved = reloaded.layers["shelters"].frame.set_index("id").geometry["BN01"]
    original = load_plan(get_path("synthetic_cn")).layers["shelters"].frame
    x0 = original.set_index("id").geometry["BN01"].centroid.x
    assert moved.centroid.x == pytest.approx(x0 + 25.0)
    assert str(written.resolve()) in recent_plans()
    _wait_idle(qtbot, opened)


def test_close_with_unsaved_changes_asks_first(qtbot, opened: QtMainWindow, monkeypatch) -> None:
    opened._closing_ok = False
    opened.show()
    session = opened.session
    assert session is not None
    session.push(DeleteFeature("facilities", "SS02"))
    _wait_idle(qtbot, opened)
    asked: list[str] = []

    def answer(choice):
        def ask(*args, **kwargs):
            asked.append(args[2])
            return choice

        return ask

    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.Cancel))
    assert not opened.close()
    assert opened.isVisible()
    assert "not saved" in asked[0]
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.Discard))
    assert opened.close()
    assert len(asked) == 2


def test_autosave_is_offered_after_a_crash(qtbot, opened: QtMainWindow, monkeypatch) -> None:
    session = opened.session
    assert session is not None
    session.push(DeleteFeature("facilities", "SS02"))
    _wait_idle(qtbot, opened)
    autosaved = opened.autosave()
    assert autosaved is not None and autosaved.is_file()
    # pretend the process that wrote it died
    info_path = autosaved.with_suffix(".json")
    info = json.loads(info_path.read_text(encoding="utf-8"))
    info_path.write_text(json.dumps({**info, "pid": -1}), encoding="utf-8")
    fresh = QtMainWindow(None)
    qtbot.addWidget(fresh)
    fresh._closing_ok = True
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.Yes)
    assert fresh.offer_recovery()
    _wait_idle(qtbot, fresh)
    recovered = fresh.session
    assert recovered is not None and recovered.dirty
    assert "SS02" not in set(recovered.plan.layers["facilities"].frame["id"])


def test_declined_recovery_is_forgotten(qtbot, opened: QtMainWindow, monkeypatch) -> None:
    opened.session.push(DeleteFeature("facilities", "SS02"))  # type: ignore[union-attr]
    _wait_idle(qtbot, opened)
    autosaved = opened.autosave()
    assert autosaved is not None
    info_path = autosaved.with_suffix(".json")
    info_path.write_text(
        json.dumps({**json.loads(info_path.read_text(encoding="utf-8")), "pid": -1}),
        encoding="utf-8",
    )
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.No)
    fresh = QtMainWindow(None)
    qtbot.addWidget(fresh)
    assert not fresh.offer_recovery()
    assert not autosaved.exists()


def test_a_bad_plan_file_gets_a_dialog_not_a_crash(
    window: QtMainWindow, monkeypatch, tmp_path: Path
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *a, **k: shown.append(a[2]))
    bad = tmp_path / "plan.gpkg"
    bad.write_text("not a GeoPackage", encoding="utf-8")
    assert not window.open_path(bad)
    assert not window.open_path(tmp_path / "no-such-plan.toml")
    assert len(shown) == 2
    assert "plan.gpkg" in shown[0]
    assert "no-such-plan.toml" in shown[1]
    assert window.stack.currentWidget() is window.start_page


def test_cancelling_an_evaluation(qtbot, opened: QtMainWindow) -> None:
    with qtbot.waitSignal(opened.runner.cancelled, timeout=60000):
        opened.evaluate()
        opened.cancel_evaluation()
    _wait_idle(qtbot, opened)
    assert not opened.progress.isVisible()


def test_language_switch_rebuilds_the_window_in_chinese(qtbot) -> None:
    app = QApplication.instance()
    holder = _App(app, "en")
    qtbot.addWidget(holder.window)
    holder.window._closing_ok = True
    assert holder.window.open_sample("synthetic_cn")
    _wait_idle(qtbot, holder.window)
    session = holder.window.session
    try:
        holder.switch_language("zh")
        new = holder.window
        qtbot.addWidget(new)
        new._closing_ok = True
        assert new.session is session  # the plan and its edits stay open
        titles = [a.text() for a in new.menuBar().actions()]
        assert any("文件" in t for t in titles), titles
        assert new.evaluate_button.text() != "Evaluate"
        _wait_idle(qtbot, new)
    finally:
        i18n.install(app, "en")


def test_snapshot_renders_the_evaluated_plan(tmp_path: Path) -> None:
    out = tmp_path / "window.png"
    assert main(["--sample", "synthetic_cn", "--snapshot", str(out), "--size", "1200x800"]) == 0
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1200, 800)
    assert_image_like_baseline(image, "app_snapshot_synthetic_cn")


def test_snapshot_of_a_bad_plan_reports_the_error(tmp_path: Path, capsys) -> None:
    out = tmp_path / "window.png"
    assert main([str(tmp_path / "missing.toml"), "--snapshot", str(out)]) == 2
    assert "plan file not found" in capsys.readouterr().err
    assert out.exists()


def test_session_survives_a_window_without_plan(qtbot) -> None:
    plan = load_plan(get_path("synthetic_cn"))
    win = QtMainWindow(Session(plan))
    qtbot.addWidget(win)
    win._closing_ok = True
    assert win.stack.currentWidget() is win.canvas
    win.close_plan()
    assert win.stack.currentWidget() is win.start_page


def test_identify_shows_the_selected_feature_with_its_load(
    qtbot, opened: QtMainWindow, monkeypatch
) -> None:
    session = opened.session
    assert session is not None
    panel = opened.feature_panel
    assert panel.rows() == [] and not panel.edit_button.isEnabled()
    session.select(("shelters", "BN01"))
    rows = dict(panel.rows())
    assert rows["id"] == "BN01"
    by_shelter = {s["id"]: s for s in session.report.to_dict()["shelters"]["by_shelter"]}  # type: ignore[index]
    assert rows["Residents assigned"] == f"{by_shelter['BN01']['assigned']:,.1f}"
    assert "BN01" in panel.heading.text() and "shelters" in panel.heading.text()
    opened_forms: list[tuple[str, str]] = []
    from spaceplanner.ui.dialogs import qt_attributes_dialog

    monkeypatch.setattr(
        qt_attributes_dialog.QtAttributesDialog,
        "exec_",
        lambda self: opened_forms.append((self.layer, self.feature_id)) or 0,
    )
    panel.edit_button.click()
    assert opened_forms == [("shelters", "BN01")]
    session.push(DeleteFeature("shelters", "BN01"))
    assert panel.rows() == []  # the selection went with the feature
    _wait_idle(qtbot, opened)


def test_the_selected_shelter_s_figures_follow_each_new_report(qtbot, opened: QtMainWindow) -> None:
    """A new report (a drag's, many a second) changes only the figure cells of the feature
    shown, to the new report's values; another selection rebuilds the table."""
    from dataclasses import replace

    session = opened.session
    assert session is not None and session.report is not None
    panel = opened.feature_panel
    session.select(("shelters", "BN01"))
    before = dict(panel.rows())
    report = session.report
    assert report.shelters is not None
    rows = tuple(
        replace(row, assigned=row.assigned + 123.0) if row.site.feature == "BN01" else row
        for row in report.shelters.by_shelter
    )
    moved = replace(report, shelters=replace(report.shelters, by_shelter=rows))
    first_item = panel.table.item(0, 1)
    session.set_report(moved)
    after = dict(panel.rows())
    assert panel.table.item(0, 1) is first_item  # the table was not made again
    old = float(before["Residents assigned"].replace(",", ""))
    assert float(after["Residents assigned"].replace(",", "")) == pytest.approx(old + 123.0)
    assert {
        k: v for k, v in after.items() if k != "Residents assigned" and k != "Spare capacity"
    } == {k: v for k, v in before.items() if k != "Residents assigned" and k != "Spare capacity"}
    session.select(("shelters", "BN02"))
    assert dict(panel.rows())["id"] == "BN02"
    _wait_idle(qtbot, opened)


def test_new_plan_from_a_file(qtbot, window: QtMainWindow, monkeypatch) -> None:
    from PyQt5.QtWidgets import QDialog, QInputDialog

    from spaceplanner.ui.dialogs.qt_add_layer_dialog import QtAddLayerDialog

    source = get_path("synthetic_cn").parent / "facilities.geojson"
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("新社区", True))

    def choose(self):
        self.set_file(source)
        assert not self.errors()
        return QDialog.Accepted

    monkeypatch.setattr(QtAddLayerDialog, "exec_", choose)
    window.new_plan()
    session = window.session
    assert session is not None and session.plan.name == "新社区"
    assert list(session.plan.layers) == ["facilities"]
    layer = session.plan.layers["facilities"]
    assert layer.role == "facilities" and layer.feature_count == 6
    # the plan works in a metric CRS chosen for the place (CGCS2000 Gauss-Krüger here)
    assert session.plan.crs.to_epsg() == 4547
    assert layer.frame.crs == session.plan.crs
    assert session.dirty and session.path is None  # in no file yet: closing asks to save
    assert window.stack.currentWidget() is window.canvas
    _wait_idle(qtbot, window)


CRASHING_SESSION = """
import os, signal, sys
from PyQt5.QtWidgets import QApplication
from spaceplanner.model.commands import DeleteFeature
from spaceplanner.ui.qt_main_window import QtMainWindow
from spaceplanner.ui.qt_settings import recent_plans

app = QApplication(sys.argv[:1])
window = QtMainWindow(None)
assert window.open_sample("synthetic_cn")
window.runner.wait(60000)
window.session.push(DeleteFeature("facilities", "SS02"))
assert window.autosave() is not None
os.kill(os.getpid(), signal.SIGKILL)  # a crash: no clean close, no cleanup
"""


def test_recovery_after_a_real_crash(qtbot, app_home: Path, monkeypatch) -> None:
    import os
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-c", CRASHING_SESSION],
        env={**os.environ, "SPACEPLANNER_HOME": str(app_home), "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert done.returncode == -9, done.stderr
    fresh = QtMainWindow(None)
    qtbot.addWidget(fresh)
    fresh._closing_ok = True
    asked: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.Yes
    )
    assert fresh.offer_recovery()
    assert "did not close cleanly" in asked[0]
    session = fresh.session
    assert session is not None and session.dirty
    assert "SS02" not in set(session.plan.layers["facilities"].frame["id"])
    _wait_idle(qtbot, fresh)


def test_recovering_a_plan_with_rasters_keeps_them_readable(
    qtbot, window: QtMainWindow, monkeypatch, tmp_path: Path
) -> None:
    assert window.open_sample("bubenec")
    _wait_idle(qtbot, window)
    session = window.session
    assert session is not None
    rasters = [n for n, lyr in session.plan.layers.items() if lyr.raster is not None]
    assert rasters  # the DTM and the flood zone
    shelter = session.plan.layers["shelters"].frame["id"].iloc[0]
    session.push(MoveFeature("shelters", str(shelter), 30.0, 0.0))
    _wait_idle(qtbot, window)
    autosaved = window.autosave()
    assert autosaved is not None
    info_path = autosaved.with_suffix(".json")
    info = json.loads(info_path.read_text(encoding="utf-8"))
    info_path.write_text(json.dumps({**info, "pid": -1}), encoding="utf-8")
    fresh = QtMainWindow(None)
    qtbot.addWidget(fresh)
    fresh._closing_ok = True
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.Yes)
    assert fresh.offer_recovery()
    _wait_idle(qtbot, fresh)
    recovered = fresh.session
    assert recovered is not None and recovered.dirty
    # saving it (which removes the autosave) and saving again still reads the rasters
    target = tmp_path / "bubenec-recovered.gpkg"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    assert fresh.save()
    assert fresh.save()
    again = load_gpkg(target)
    assert sorted(n for n, lyr in again.layers.items() if lyr.raster is not None) == sorted(rasters)


def test_a_failed_save_is_a_dialog_and_keeps_the_edits(
    qtbot, opened: QtMainWindow, monkeypatch, tmp_path: Path
) -> None:
    import spaceplanner.files as outputs

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(outputs.tempfile, "mkstemp", refuse)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *a, **k: shown.append(a[2]))
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "p.gpkg"), "")
    )
    opened.session.push(DeleteFeature("facilities", "SS02"))  # type: ignore[union-attr]
    assert not opened.save()
    assert "Permission denied" in shown[0] and "p.gpkg" in shown[0]
    assert opened.session.dirty  # type: ignore[union-attr]
    _wait_idle(qtbot, opened)


def test_a_plan_file_opened_without_some_layers_is_not_overwritten_by_save(
    qtbot, window: QtMainWindow, monkeypatch, tmp_path: Path
) -> None:
    import pyogrio
    from shapely.geometry import LineString

    from spaceplanner.model.plan_file import save_plan

    path = save_plan(load_plan(get_path("synthetic_cn")), tmp_path / "plan.gpkg")
    # another GIS turned the facility points into lines: that layer no longer loads
    broken = pyogrio.read_dataframe(path, layer="facilities")
    lines = [LineString([(p.x, p.y), (p.x + 5, p.y)]) for p in broken.geometry]
    broken = broken.set_geometry(lines)
    pyogrio.write_dataframe(broken, path, layer="facilities", driver="GPKG")
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: None)
    assert window.open_path(path)
    session = window.session
    assert session is not None and "facilities" not in session.plan.layers
    assert session.path is None  # Save asks for a file instead of dropping the layer
    _wait_idle(qtbot, window)


def test_a_crash_is_offered_before_the_plan_named_on_the_command_line(
    qtbot, opened: QtMainWindow, monkeypatch
) -> None:
    from spaceplanner.ui.app import _parser, open_requested

    opened.session.push(DeleteFeature("facilities", "SS02"))  # type: ignore[union-attr]
    _wait_idle(qtbot, opened)
    autosaved = opened.autosave()
    assert autosaved is not None
    info_path = autosaved.with_suffix(".json")
    info = json.loads(info_path.read_text(encoding="utf-8"))
    info_path.write_text(json.dumps({**info, "pid": -1}), encoding="utf-8")
    asked: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.Yes
    )
    fresh = QtMainWindow(None)
    qtbot.addWidget(fresh)
    fresh._closing_ok = True
    open_requested(fresh, _parser().parse_args(["--sample", "helsinki"]))
    assert len(asked) == 1
    assert fresh.session is not None and fresh.session.plan.name == opened.session.plan.name
    assert "SS02" not in set(fresh.session.plan.layers["facilities"].frame["id"])
    _wait_idle(qtbot, fresh)
