"""The export dialog: background export with progress and cancel, preview, errors, overwrite."""

from __future__ import annotations

import csv
import threading
from pathlib import Path

import pytest
from PyQt5.QtWidgets import QDialog, QMessageBox

import spaceplanner.engine.evaluation as evaluation_module
import spaceplanner.ui.dialogs.qt_export_dialog as export_dialog
from spaceplanner.engine.evaluation import Evaluator
from spaceplanner.model.commands import MoveFeature
from spaceplanner.model.plan import load_plan
from spaceplanner.sample_maps import get_path
from spaceplanner.ui.dialogs.qt_export_dialog import QtExportDialog, planned_outputs
from spaceplanner.ui.model.session import Session


@pytest.fixture
def session() -> Session:
    return Session(load_plan(get_path("synthetic_cn"), strict=False))


@pytest.fixture
def boxes(monkeypatch) -> dict[str, list]:
    """Every modal box and desktop call, recorded; questions answered by ``answers``."""
    seen: dict[str, list] = {"question": [], "critical": [], "warning": [], "open": []}
    answers = {"question": QMessageBox.StandardButton.Yes}

    def question(parent, title, text, *args, **kwargs):
        seen["question"].append((title, text))
        return answers["question"]

    monkeypatch.setattr(QMessageBox, "question", question)
    monkeypatch.setattr(
        QMessageBox, "critical", lambda parent, title, text, *a: seen["critical"].append(text)
    )
    monkeypatch.setattr(
        QMessageBox, "warning", lambda parent, title, text, *a: seen["warning"].append(text)
    )

    def open_url(url):
        seen["open"].append(url)
        return True

    monkeypatch.setattr(export_dialog.QDesktopServices, "openUrl", open_url)
    seen["answers"] = [answers]
    return seen


def dialog_for(qtbot, session: Session, folder: Path, formats: list[str]) -> QtExportDialog:
    dialog = QtExportDialog(session)
    qtbot.addWidget(dialog)
    dialog.set_formats(formats)
    dialog.set_folder(folder)
    return dialog


def test_html_and_csv_export_through_the_dialog(qtbot, session, boxes, tmp_path):
    session.scenario = "earthquake"
    session.push(MoveFeature("shelters", "BN01", 50.0, 0.0))  # the export sees the edit
    out = tmp_path / "out"
    dialog = dialog_for(qtbot, session, out, ["html", "csv"])
    steps: list[float] = []
    codes: list[str] = []
    dialog.task.progress.connect(lambda f, code, detail: (steps.append(f), codes.append(code)))
    with qtbot.waitSignal(dialog.exported, timeout=60000) as done:
        assert dialog.start_export()
        assert dialog.busy and not dialog.cancel_button.isHidden()
    written = done.args[0]
    names = {p.name for p in written}
    assert {"map.html", "report.html", "indicators.csv", "violations.csv"} <= names
    assert all(p.exists() and p.parent == out for p in written)
    assert not list(out.glob(".spaceplanner-export-*"))  # the staging folder is gone
    assert steps and steps == sorted(steps)
    evaluation = ["network", "shelters", "activity_spaces", "facilities", "gaps", "done"]
    assert codes == [*evaluation, "writing", "writing", "moving", "done"]
    with (out / "indicators.csv").open(encoding="utf-8-sig") as fh:
        rows = list(csv.DictReader(fh))
    assert {r["scenario"] for r in rows} == {"earthquake"}
    direct = Evaluator(session.plan).evaluate(scenario="earthquake")
    sheltered = next(r for r in rows if r["indicator"] == "Sheltered")
    # the CSV is for people: a share as a percentage to 0.1
    assert sheltered["unit"] == "%"
    assert float(sheltered["value"]) == round(
        100 * direct.to_dict()["shelters"]["share_sheltered"], 1
    )
    # offered to open the web map, and it was opened
    assert boxes["question"] and "web map" in boxes["question"][-1][1]
    assert [u.toLocalFile() for u in boxes["open"]] == [str(out / "map.html")]
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert not boxes["critical"]


def test_preview_shows_the_map_sheet(qtbot, session, boxes, tmp_path):
    dialog = dialog_for(qtbot, session, tmp_path / "out", ["pdf"])
    dialog.resize(1000, 600)
    dialog.show()
    qtbot.waitExposed(dialog)
    with qtbot.waitSignal(dialog.preview_ready, timeout=60000) as ready:
        assert dialog.start_preview()
    path = Path(ready.args[0])
    assert path.exists() and path.suffix == ".png"
    image = dialog.preview_image()
    assert image is not None and not image.isNull()
    assert image.width() > image.height()  # A4 landscape
    shown = dialog.preview.pixmap()
    assert shown is not None and 0 < shown.width() <= dialog.preview.width()
    assert not (tmp_path / "out").exists()  # a preview writes nothing into the folder
    assert not dialog.grab().isNull()
    dialog.set_options(orientation="portrait", lang="zh")
    with qtbot.waitSignal(dialog.preview_ready, timeout=60000):
        dialog.start_preview()
    portrait = dialog.preview_image()
    assert portrait is not None and portrait.height() > portrait.width()
    assert not dialog.grab().isNull()
    dialog.reject()
    assert not path.parent.exists()  # the previews go with the dialog
    assert not dialog.task._host.thread_alive


def test_a_folder_that_cannot_be_written_is_an_error_and_nothing_is_written(
    qtbot, session, boxes, tmp_path
):
    blocker = tmp_path / "a_file"
    blocker.write_text("not a folder", encoding="utf-8")
    dialog = dialog_for(qtbot, session, blocker / "out", ["html", "csv"])
    assert not dialog.start_export()  # refused at once, before evaluating
    assert len(boxes["warning"]) == 1 and "a_file" in boxes["warning"][0]
    assert "a_file" in dialog.status.text()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a_file"]
    assert not dialog.busy and dialog.export_button.isEnabled()


def test_declining_to_overwrite_writes_nothing(qtbot, session, boxes, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "map.html").write_text("mine", encoding="utf-8")
    boxes["answers"][0]["question"] = QMessageBox.StandardButton.No
    dialog = dialog_for(qtbot, session, out, ["html", "csv"])
    assert not dialog.start_export()
    assert len(boxes["question"]) == 1 and "map.html" in boxes["question"][0][1]
    assert (out / "map.html").read_text(encoding="utf-8") == "mine"
    assert sorted(p.name for p in out.iterdir()) == ["map.html"]
    assert "Nothing was written" in dialog.status.text() and not dialog.busy


def test_accepting_to_overwrite_replaces_the_files(qtbot, session, boxes, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "indicators.csv").write_text("old", encoding="utf-8")
    (out / "keep.txt").write_text("unrelated", encoding="utf-8")
    dialog = dialog_for(qtbot, session, out, ["csv"])
    with qtbot.waitSignal(dialog.exported, timeout=60000):
        assert dialog.start_export()
    assert "old" not in (out / "indicators.csv").read_text(encoding="utf-8-sig")
    assert (out / "keep.txt").read_text(encoding="utf-8") == "unrelated"
    # no web map: the offer is to open the folder
    assert [u.toLocalFile() for u in boxes["open"]] == [str(out)]


def test_cancel_discards_the_export(qtbot, session, boxes, tmp_path, monkeypatch):
    opened = threading.Event()
    real = evaluation_module.shelter_stage

    def held(inp, ctx):
        assert opened.wait(20)
        return real(inp, ctx)

    monkeypatch.setattr(evaluation_module, "shelter_stage", held)
    out = tmp_path / "out"
    dialog = dialog_for(qtbot, session, out, ["html", "csv", "gpkg"])
    with qtbot.waitSignal(dialog.task.started):
        dialog.start_export()
    dialog.resize(1000, 600)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert not dialog.progress.isHidden() and dialog.cancel_button.isEnabled()
    assert dialog.close_button.isHidden() and not dialog.export_button.isEnabled()
    dialog.cancel()
    assert "nothing is written" in dialog.status.text()
    assert not dialog.grab().isNull()
    with qtbot.waitSignal(dialog.task.cancelled, timeout=30000):
        opened.set()
    assert "cancelled" in dialog.status.text()
    assert not out.exists()  # cancelled while evaluating: not even the folder was made
    assert not boxes["critical"] and not boxes["open"]
    assert dialog.result() != QDialog.DialogCode.Accepted and not dialog.busy


def test_an_unexpected_error_is_shown_briefly(qtbot, session, boxes, tmp_path, monkeypatch):
    def broken(*args, **kwargs):
        raise ValueError("the printer is on fire")

    monkeypatch.setattr(export_dialog, "export", broken)
    dialog = dialog_for(qtbot, session, tmp_path / "out", ["csv"])
    with qtbot.waitSignal(dialog.task.failed, timeout=30000):
        dialog.start_export()
    assert boxes["critical"] == ["ValueError: the printer is on fire"]
    assert not (tmp_path / "out").exists() or list((tmp_path / "out").iterdir()) == []


def test_choices_are_checked_before_starting(qtbot, session, boxes, tmp_path):
    dialog = dialog_for(qtbot, session, tmp_path, [])
    assert not dialog.export_button.isEnabled()
    assert not dialog.start_export() and boxes["warning"] == ["Choose at least one format."]
    dialog.set_formats(["shp"])
    assert dialog.encoding.isEnabled() and dialog.zip_shapefiles.isEnabled()
    dialog.set_formats(["csv"])
    assert not dialog.encoding.isEnabled()
    dialog.set_folder("")
    assert not dialog.start_export() and boxes["warning"][-1] == "Choose an output folder."
    with pytest.raises(ValueError):
        dialog.set_formats(["docx"])
    dialog.set_options(paper="A3", encoding="gbk", zip_shapefiles=True)
    assert dialog.options() == {
        "paper": "A3",
        "orientation": "landscape",
        "lang": "en",
        "encoding": "gbk",
        "zip_shapefiles": True,
        "sheet_indicator": None,  # no evaluation yet: the sheet's default
        "sheet_title": None,
        "sheet_subtitle": None,
    }


def test_planned_outputs_match_what_export_writes(tmp_path):
    from spaceplanner.outputs.exports import export

    plan = load_plan(get_path("synthetic_cn"), strict=False)
    formats = ["html", "csv", "shp", "gpkg", "geojson"]
    written = export(plan, [Evaluator(plan).evaluate()], tmp_path, formats, zip_shapefiles=True)
    tops = {p.relative_to(tmp_path).parts[0] for p in written}
    assert tops == set(planned_outputs(formats, zip_shapefiles=True))


def test_an_export_over_an_input_is_refused_before_evaluating(qtbot, boxes, tmp_path, monkeypatch):
    """A plan whose layers are read from ``results.gpkg``: a GeoPackage export into the same
    folder would write over an input. The dialog says so at once, without evaluating."""
    import shutil

    folder = tmp_path / "plan"
    shutil.copytree(get_path("bubenec").parent, folder)
    (folder / "bubenec.gpkg").rename(folder / "results.gpkg")
    spec = folder / "plan.toml"
    spec.write_text(
        spec.read_text(encoding="utf-8").replace("bubenec.gpkg", "results.gpkg"), encoding="utf-8"
    )
    session = Session(load_plan(spec))

    def evaluated(*args, **kwargs):
        raise AssertionError("the dialog evaluated before refusing")

    monkeypatch.setattr(Evaluator, "evaluate", evaluated)
    dialog = dialog_for(qtbot, session, folder, ["gpkg"])
    assert not dialog.start_export()
    assert boxes["warning"] and "results.gpkg" in boxes["warning"][-1]
    assert not dialog.busy


def test_the_sheet_shows_the_maps_indicator_under_the_users_title(qtbot, boxes, tmp_path):
    """The map sheet draws what the map shows unless the user picks another indicator; the
    title and subtitle are the user's; the preview opens zoomable."""
    plan = load_plan(get_path("synthetic_cn"), strict=False)
    session = Session(plan)
    session.set_report(Evaluator(plan).evaluate(gaps=False))
    dialog = QtExportDialog(session, indicator="space_10min")
    qtbot.addWidget(dialog)
    keys = [dialog.sheet_indicator.itemData(i) for i in range(dialog.sheet_indicator.count())]
    assert keys[0] == "shelter" and "space_10min" in keys and "kindergarten" in keys
    assert dialog.options()["sheet_indicator"] == "space_10min"  # what the map shows
    assert dialog.options()["sheet_title"] is None  # blank: the sheet's own
    dialog.set_options(sheet_title="江畔社区 10分钟生活圈", sheet_subtitle="For the street office")
    dialog.set_formats(["pdf"])
    dialog.set_folder(tmp_path / "out")
    with qtbot.waitSignal(dialog.preview_ready, timeout=60000):
        assert dialog.start_preview()
    assert dialog.zoom_button.isEnabled()
    viewer = dialog.show_zoomable()
    assert viewer is not None
    qtbot.waitExposed(viewer)
    fitted = viewer.zoom
    assert 0 < fitted < 1  # the whole page, at 200 dpi, fits the window
    viewer.actual_size()
    assert viewer.zoom == pytest.approx(1.0)
    viewer.close()
    with qtbot.waitSignal(dialog.exported, timeout=60000):
        assert dialog.start_export()
    import subprocess

    text = subprocess.run(
        ["pdftotext", str(tmp_path / "out" / "map_sheet.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "江畔社区 10分钟生活圈" in text and "For the street office" in text
    assert "10-minute circle activity space" in text
    dialog.reject()
