"""New plan from OpenStreetMap: preview, create and open, cancel, bad input, overwrite question.

Runs on the synthetic 1 km extract of ``test_osm_plan`` (written here into ``tmp_path``).
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import pytest
import rasterio
import shapely
from pyproj import Transformer
from PyQt5.QtWidgets import QApplication, QDialog, QMessageBox
from rasterio.transform import from_origin
from test_osm_plan import E0, METRIC, N0, WALKED, tiny_bbox, write_tiny_osm

from spaceplanner.model.plan_file import load_gpkg
from spaceplanner.sources import osm
from spaceplanner.sources.osm import build_osm_plan, parse_bbox
from spaceplanner.ui import i18n
from spaceplanner.ui.dialogs import qt_new_osm_dialog
from spaceplanner.ui.dialogs.qt_new_osm_dialog import QtNewOsmDialog
from spaceplanner.ui.qt_main_window import QtMainWindow

#: A laptop's screen, less the task bar and the window's frame.
LAPTOP = (1366, 700)


@pytest.fixture
def out(tmp_path: Path) -> Path:
    """A folder holding only the extract: whatever else appears there, the dialog wrote."""
    folder = tmp_path / "out"
    folder.mkdir()
    write_tiny_osm(folder / "tiny.osm")
    return folder


@pytest.fixture
def window(qtbot) -> QtMainWindow:
    win = QtMainWindow(None)
    qtbot.addWidget(win)
    win._closing_ok = True
    return win


def _dialog(qtbot, out: Path, *, bbox: str | None = None, target: str = "") -> QtNewOsmDialog:
    dialog = QtNewOsmDialog()
    qtbot.addWidget(dialog)
    _fill(dialog, out, bbox=bbox, target=target)
    return dialog


def _fill(dialog: QtNewOsmDialog, out: Path, *, bbox: str | None = None, target: str = "") -> None:
    dialog.extract_edit.setText(str(out / "tiny.osm"))
    dialog.bbox_edit.setText(bbox or tiny_bbox())
    dialog.target_edit.setText(str(out / target) if target else "")


def _table(dialog: QtNewOsmDialog) -> dict[str, int]:
    """The listed layers and their feature counts (a raster: 0, as ``OsmPlan.counts``)."""
    cells = {
        dialog.table.item(r, 0).text(): dialog.table.item(r, 2).text()
        for r in range(dialog.table.rowCount())
    }
    return {n: 0 if c == "raster" else int(c.replace(",", "")) for n, c in cells.items()}


def _notes(dialog: QtNewOsmDialog) -> list[str]:
    return [dialog.notes.item(i).text() for i in range(dialog.notes.count())]


def _counting_builds(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    calls: list[Any] = []

    def counted(*args: Any, **kwargs: Any) -> Any:
        calls.append(kwargs.get("bbox"))
        return build_osm_plan(*args, **kwargs)

    monkeypatch.setattr(qt_new_osm_dialog, "build_osm_plan", counted)
    return calls


def _wait_idle(qtbot, window: QtMainWindow) -> None:
    qtbot.waitUntil(lambda: not window.runner.busy and window.runner.pending is None, timeout=60000)


def test_preview_lists_the_counts_of_the_build(qtbot, out: Path) -> None:
    dialog = _dialog(qtbot, out)
    with qtbot.waitSignal(dialog.task.finished, timeout=60_000):
        assert dialog.preview()
    direct = build_osm_plan(out / "tiny.osm", bbox=parse_bbox(tiny_bbox()))
    assert _table(dialog) == direct.counts()
    assert _table(dialog)["network"] == len(WALKED)  # the ways people walk, by hand
    notes = _notes(dialog)
    assert len(notes) == len(direct.problems)
    assert any(n.startswith("Warning") and "islands" in n for n in notes)  # way/9 stands alone
    assert any(n.startswith("Note") and "estimate" in n.lower() for n in notes)
    assert "estimated from the buildings" in dialog.summary.text()
    assert not dialog.message.isVisibleTo(dialog)
    assert sorted(p.name for p in out.iterdir()) == ["tiny.osm"]  # a preview writes nothing


def test_create_saves_the_preview_and_the_window_opens_it(
    qtbot, window: QtMainWindow, out: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = _counting_builds(monkeypatch)
    window.new_osm_plan()
    dialog = window.findChild(QtNewOsmDialog)
    assert dialog is not None and dialog.isVisible()
    _fill(dialog, out, target="tiny.gpkg")
    with qtbot.waitSignal(dialog.task.finished, timeout=60_000):
        dialog.preview_button.click()
    previewed = _table(dialog)
    ended: list[int] = []
    dialog.finished.connect(ended.append)
    with qtbot.waitSignal(dialog.created, timeout=60_000) as created:
        dialog.create_button.click()
    target = out / "tiny.gpkg"
    assert created.args == [target]
    assert len(calls) == 1  # the previewed build was saved, not built again
    saved = load_gpkg(target)
    assert {n: lyr.feature_count for n, lyr in saved.layers.items()} == previewed
    # the window opened it: its layers are listed
    assert window.session is not None and window.session.path == target
    model = window.layers_panel.model
    listed = {model.index(r, 0).data() for r in range(model.rowCount())}
    assert listed == set(previewed)
    assert ended == [QDialog.DialogCode.Accepted]
    _wait_idle(qtbot, window)


def test_changed_inputs_are_built_again_on_create(
    qtbot, out: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = _counting_builds(monkeypatch)
    dialog = _dialog(qtbot, out, target="tiny.gpkg")
    with qtbot.waitSignal(dialog.task.finished, timeout=60_000):
        assert dialog.preview()
    west, south, east, north = parse_bbox(tiny_bbox())
    middle = (west + east) / 2
    smaller = f"{middle},{south},{east},{north}"  # the eastern half: the apartments are there
    dialog.bbox_edit.setText(smaller)
    with qtbot.waitSignal(dialog.created, timeout=60_000):
        assert dialog.create_plan()
    assert calls == [parse_bbox(tiny_bbox()), parse_bbox(smaller)]
    boundary = load_gpkg(out / "tiny.gpkg").layers["boundary"]
    assert boundary.frame is not None
    assert boundary.frame["name"].iloc[0].startswith("bbox ")
    assert boundary.frame.to_crs("EPSG:4326").total_bounds[0] == pytest.approx(middle, abs=1e-6)


def test_cancel_during_a_build_leaves_no_file(
    qtbot, window: QtMainWindow, out: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    started, go = threading.Event(), threading.Event()
    real_read = osm.read_extract

    def held_read(*args: Any, **kwargs: Any) -> Any:
        started.set()
        go.wait(30)
        return real_read(*args, **kwargs)

    monkeypatch.setattr(osm, "read_extract", held_read)
    dialog = _dialog(qtbot, out, target="tiny.gpkg")
    dialog.created.connect(lambda path: window.open_path(Path(path)))
    dialog.show()
    assert dialog.create_plan()
    qtbot.waitUntil(started.is_set, timeout=30_000)
    assert dialog.cancel_button.isVisible() and not dialog.create_button.isEnabled()
    dialog.cancel_button.click()
    go.set()  # the reader's first check sees the cancel
    with qtbot.waitSignal(dialog.task.cancelled, timeout=60_000):
        pass
    assert sorted(p.name for p in out.iterdir()) == ["tiny.osm"]
    assert "nothing was written" in dialog.summary.text()
    assert dialog.create_button.isEnabled() and not dialog.cancel_button.isVisibleTo(dialog)
    assert window.session is None


def test_a_boundary_file_and_a_population_raster(
    qtbot, out: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = _counting_builds(monkeypatch)
    boundary = gpd.GeoDataFrame(
        {"name": ["b"]}, geometry=[shapely.box(E0 + 50, N0 + 50, E0 + 950, N0 + 950)], crs=METRIC
    )
    boundary.to_file(tmp_path / "boundary.gpkg")
    raster = tmp_path / "pop.tif"
    with rasterio.open(
        raster, "w", driver="GTiff", width=10, height=10, count=1, dtype="float32",
        crs=METRIC, transform=from_origin(E0 + 200, N0 + 800, 50, 50), nodata=-1,
    ) as dst:  # fmt: skip
        dst.write(np.full((10, 10), 7.0, dtype="float32"), 1)
    dialog = _dialog(qtbot, out, target="tiny.gpkg")
    dialog.bbox_edit.clear()
    dialog.boundary_edit.setText(str(tmp_path / "boundary.gpkg"))
    dialog.boundary_radio.setChecked(True)
    dialog.population_edit.setText(str(raster))
    with qtbot.waitSignal(dialog.task.finished, timeout=60_000):
        assert dialog.preview()
    listed = _table(dialog)
    assert listed["network"] == len(WALKED) and listed["residents"] == 0  # a raster
    assert "population raster" in dialog.summary.text()
    with qtbot.waitSignal(dialog.created, timeout=60_000):
        assert dialog.create_plan()
    assert len(calls) == 1  # the preview, cropped raster and all, was saved
    plan = load_gpkg(out / "tiny.gpkg")
    assert plan.layers["residents"].is_raster
    assert float(plan.layers["residents"].raster.read().sum()) == pytest.approx(700.0)
    assert plan.layers["boundary"].frame["name"].iloc[0] == "boundary.gpkg"


def test_a_box_outside_the_extract_is_one_message(qtbot, out: Path) -> None:
    dialog = _dialog(qtbot, out, bbox="25.5,60.5,25.6,60.6", target="tiny.gpkg")
    with qtbot.waitSignal(dialog.task.failed, timeout=60_000):
        assert dialog.create_plan()
    text = dialog.message.text()
    assert dialog.message.isVisibleTo(dialog)
    assert "does not cover" in text and "tiny.osm" in text and "Traceback" not in text
    assert "use an extract that covers the area" in text  # the hint
    # in the dialog's own words, not the command line's
    assert "--" not in text and "box or boundary" in text
    assert sorted(p.name for p in out.iterdir()) == ["tiny.osm"]


@pytest.mark.parametrize(
    ("extract", "bbox", "words"),
    [
        ("", tiny_bbox(), "Choose the OpenStreetMap extract"),
        ("tiny.osm", "24.9,60.1,25.0", "is not four numbers"),
        ("tiny.osm", "25.0,60.1,24.9,60.2", "west < east"),
        ("nowhere.osm.pbf", tiny_bbox(), "does not exist"),
    ],
)
def test_bad_input_is_one_message(
    qtbot, out: Path, extract: str, bbox: str, words: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = _counting_builds(monkeypatch)
    dialog = _dialog(qtbot, out, bbox=bbox, target="tiny.gpkg")
    dialog.extract_edit.setText(str(out / extract) if extract else "")
    if dialog.create_plan():  # refused in the worker (by the reader)
        qtbot.waitSignal(dialog.task.failed, timeout=60_000).wait()
        assert calls
    else:  # refused at once: no build started
        assert not calls and not dialog.busy
    assert words in dialog.message.text() and dialog.message.isVisibleTo(dialog)
    assert sorted(p.name for p in out.iterdir()) == ["tiny.osm"]


def test_an_existing_plan_file_is_replaced_only_when_asked(
    qtbot, out: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = out / "tiny.gpkg"
    target.write_bytes(b"mine")
    asked: list[str] = []

    def answer(button: QMessageBox.StandardButton) -> Any:
        return lambda _parent, _title, text, *a: asked.append(text) or button

    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.No))
    dialog = _dialog(qtbot, out, target="tiny.gpkg")
    assert not dialog.create_plan()
    assert asked and "tiny.gpkg" in asked[0]
    assert target.read_bytes() == b"mine" and not dialog.busy
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Yes))
    with qtbot.waitSignal(dialog.created, timeout=60_000):
        assert dialog.create_plan()
    assert len(asked) == 2
    assert load_gpkg(target).layers["network"].feature_count == len(WALKED)


def test_the_plan_open_in_the_window_is_not_replaced(
    qtbot, window: QtMainWindow, out: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = _dialog(qtbot, out, target="tiny.gpkg")
    with qtbot.waitSignal(dialog.created, timeout=60_000):
        dialog.create_plan()
    assert window.open_path(out / "tiny.gpkg")
    _wait_idle(qtbot, window)
    before = (out / "tiny.gpkg").read_bytes()
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    window.new_osm_plan()
    again = window.findChild(QtNewOsmDialog)
    assert again is not None
    _fill(again, out, target="tiny.gpkg")
    assert not again.create_plan()
    assert "open in the window" in again.message.text()
    assert (out / "tiny.gpkg").read_bytes() == before


def test_the_map_view_fills_the_box(qtbot, window: QtMainWindow, out: Path) -> None:
    dialog = _dialog(qtbot, out, target="tiny.gpkg")
    with qtbot.waitSignal(dialog.created, timeout=60_000):
        dialog.create_plan()
    assert window.open_path(out / "tiny.gpkg")
    _wait_idle(qtbot, window)
    window.resize(1200, 800)
    window.show()
    qtbot.waitExposed(window)
    window.zoom_to_extent()
    window.new_osm_plan()
    viewer = window.findChild(QtNewOsmDialog)
    assert viewer is not None and viewer.view_button.isEnabled()
    viewer.bbox_edit.clear()
    viewer.boundary_radio.setChecked(True)
    viewer.view_button.click()
    assert viewer.bbox_radio.isChecked()
    west, south, east, north = parse_bbox(viewer.bbox_edit.text())
    x0, y0, x1, y1 = window.canvas.visible_extent()
    to_wgs84 = Transformer.from_crs(window.session.plan.crs, "EPSG:4326", always_xy=True)
    corners = [to_wgs84.transform(x, y) for x in (x0, x1) for y in (y0, y1)]
    lons, lats = zip(*corners, strict=True)
    # the box holds the view's corners and is no bigger than them (plus the edges' curvature)
    assert west <= min(lons) + 1e-6 and east >= max(lons) - 1e-6
    assert south <= min(lats) + 1e-6 and north >= max(lats) - 1e-6
    assert min(lons) - west < 1e-4 and east - max(lons) < 1e-4
    # the whole plan is in view, so its area is in the box
    area = parse_bbox(tiny_bbox())
    assert west <= area[0] and south <= area[1] and east >= area[2] and north >= area[3]


def test_without_a_plan_the_map_view_is_not_offered(qtbot, window: QtMainWindow) -> None:
    window.new_osm_plan()
    dialog = window.findChild(QtNewOsmDialog)
    assert dialog is not None and not dialog.view_button.isEnabled()
    assert dialog.view_button.toolTip()


@pytest.fixture(params=["en", "zh"])
def lang(request: pytest.FixtureRequest, qapp: QApplication) -> Any:
    if request.param == "zh":
        assert i18n.install(qapp, "zh")
    yield request.param
    i18n.install(qapp, "en")


def test_the_dialog_renders_in_both_languages(qtbot, out: Path, tmp_path: Path, lang: str) -> None:
    dialog = QtNewOsmDialog(lang=lang)
    qtbot.addWidget(dialog)
    _fill(dialog, out, target="tiny.gpkg")
    with qtbot.waitSignal(dialog.task.finished, timeout=60_000):
        assert dialog.preview()
    if lang == "zh":
        assert dialog.windowTitle() == "从 OpenStreetMap 新建规划"
        assert dialog.preview_button.text() != "Preview"
    hint = dialog.minimumSizeHint()
    assert hint.width() <= LAPTOP[0] and hint.height() <= LAPTOP[1]
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.width() <= LAPTOP[0] and dialog.height() <= LAPTOP[1]
    # every label and button shows its whole text at the dialog's size
    for widget in [dialog.preview_button, dialog.create_button, dialog.view_button]:
        assert widget.width() >= widget.sizeHint().width()
    assert dialog.grab().save(str(tmp_path / f"new_osm_{lang}.png"))


def test_a_dialog_dropped_without_closing_leaves_no_scratch_folder(qtbot, out: Path) -> None:
    """The build's scratch folder goes with the dialog even when it is never closed (the window
    quits with it open, a caller drops it): nothing is left in the temporary folder."""
    import gc

    dialog = QtNewOsmDialog()
    _fill(dialog, out)
    with qtbot.waitSignal(dialog.task.finished, timeout=60_000):
        assert dialog.preview()
    scratch = dialog._workroot
    assert scratch is not None and scratch.is_dir() and any(scratch.iterdir())
    dialog.task.shutdown(5000)
    del dialog
    gc.collect()
    assert not scratch.exists()
