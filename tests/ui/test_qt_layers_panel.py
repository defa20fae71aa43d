"""The layers panel follows the session (model → widget) and edits it (widget → model)."""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import pytest
from PyQt5.QtCore import QCoreApplication, QEvent, QModelIndex, Qt
from PyQt5.QtGui import QColor
from PyQt5.QtWidgets import QDialog, QInputDialog, QMessageBox
from shapely.geometry import LineString, Point, box
from ui_baselines import assert_like_baseline

from spaceplanner import load_plan
from spaceplanner.model.commands import DeleteFeature
from spaceplanner.model.plan import Plan
from spaceplanner.sample_maps import get_path
from spaceplanner.ui.dialogs.qt_add_layer_dialog import QtAddLayerDialog
from spaceplanner.ui.dialogs.qt_style_dialog import QtStyleDialog, style_swatch
from spaceplanner.ui.model.session import Session
from spaceplanner.ui.panels.qt_layer_list_model import QtLayerListModel
from spaceplanner.ui.panels.qt_layers_panel import QtLayersPanel

X0, Y0 = 385_000.0, 6_672_000.0
UTM = "EPSG:32635"


@pytest.fixture
def session() -> Session:
    residents = gpd.GeoDataFrame(
        {"id": ["R1", "R2", "R3"], "population": [120, 80, 45]},
        geometry=[Point(X0 + 10, Y0 + 10), Point(X0 + 200, Y0 + 50), Point(X0 + 60, Y0 + 300)],
        crs=UTM,
    )
    shelters = gpd.GeoDataFrame(
        {"id": ["S1", "S2"], "capacity": [150, 60]},
        geometry=[box(X0 + 100, Y0 + 100, X0 + 160, Y0 + 150), box(X0 - 80, Y0, X0 - 40, Y0 + 30)],
        crs=UTM,
    )
    walk = gpd.GeoDataFrame(
        {"id": ["W1", "W2"]},
        geometry=[
            LineString([(X0 - 100, Y0), (X0 + 300, Y0)]),
            LineString([(X0 + 100, Y0), (X0 + 100, Y0 + 350)]),
        ],
        crs=UTM,
    )
    plan = Plan.from_frames(
        "panel test",
        {
            "residents": ("residents", residents),
            "shelters": ("shelters", shelters),
            "walk": ("network", walk),
        },
    )
    return Session(plan)


@pytest.fixture
def panel(qtbot, session: Session) -> QtLayersPanel:
    widget = QtLayersPanel(session, lang="en")
    qtbot.addWidget(widget)
    return widget


def _names(model: QtLayerListModel) -> list[str]:
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def _checked(model: QtLayerListModel, name: str) -> bool:
    index = model.index(model.row_of(name), 0)
    return index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked


def test_rows_show_the_layers_top_first(panel: QtLayersPanel, session: Session) -> None:
    model = panel.model
    assert _names(model) == session.layer_names() == ["shelters", "residents", "walk"]
    row = model.row_of("shelters")
    assert model.index(row, 0).data(QtLayerListModel.ROLE_LABEL) == "Emergency shelters"
    assert model.index(row, QtLayerListModel.COUNT).data() == "2"
    assert not model.index(row, 0).data(Qt.ItemDataRole.DecorationRole).isNull()
    assert "capacity ← capacity" in model.index(row, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert panel.current_layer() is None
    assert not panel.remove_action.isEnabled() and panel.add_action.isEnabled()


def test_roles_in_chinese(qtbot, session: Session) -> None:
    widget = QtLayersPanel(session, lang="zh")
    qtbot.addWidget(widget)
    index = widget.model.index(widget.model.row_of("walk"), 0)
    assert index.data(QtLayerListModel.ROLE_LABEL) == "步行网络"


def test_checkbox_hides_the_layer_and_the_session_ticks_it(
    panel: QtLayersPanel, session: Session
) -> None:
    model = panel.model
    index = model.index(model.row_of("residents"), 0)
    assert model.setData(index, Qt.CheckState.Unchecked, Qt.ItemDataRole.CheckStateRole)
    assert session.view("residents").visible is False
    assert not _checked(model, "residents")
    session.set_visible("residents", True)
    assert _checked(model, "residents")
    assert session.view("residents").visible is True


def test_moving_rows_reorders_the_session(panel: QtLayersPanel, session: Session) -> None:
    model = panel.model
    panel.set_current_layer("walk")
    assert model.moveRow(QModelIndex(), 2, QModelIndex(), 0)  # walk to the top
    assert session.layer_names() == ["walk", "shelters", "residents"]
    assert _names(model) == session.layer_names()
    assert panel.current_layer() == "walk"
    assert model.moveRow(QModelIndex(), 0, QModelIndex(), 3)  # and to the bottom again
    assert session.layer_names() == ["shelters", "residents", "walk"]
    assert not model.moveRow(QModelIndex(), 1, QModelIndex(), 1)  # onto itself: nothing


def test_dropping_a_row_moves_the_layer(panel: QtLayersPanel, session: Session) -> None:
    model = panel.model
    data = model.mimeData([model.index(model.row_of("residents"), 0)])
    assert model.dropMimeData(data, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    assert session.layer_names() == ["residents", "shelters", "walk"]
    # dropped onto a row: it goes above that row
    data = model.mimeData([model.index(model.row_of("walk"), 0)])
    target = model.index(model.row_of("shelters"), 0)
    assert model.dropMimeData(data, Qt.DropAction.MoveAction, -1, -1, target)
    assert session.layer_names() == ["residents", "walk", "shelters"]
    assert not model.dropMimeData(data, Qt.DropAction.CopyAction, 0, 0, QModelIndex())


def test_session_changes_keep_the_current_row(
    qtbot, panel: QtLayersPanel, session: Session
) -> None:
    with qtbot.waitSignal(panel.current_layer_changed) as blocker:
        panel.set_current_layer("residents")
    assert blocker.args == ["residents"]
    changes: list[object] = []
    panel.current_layer_changed.connect(changes.append)
    session.move_layer("residents", 2)
    session.set_style("walk", stroke="#ff0000")
    assert _names(panel.model) == ["shelters", "walk", "residents"]
    assert panel.current_layer() == "residents"
    assert panel.view.currentIndex().row() == 2
    assert changes == []  # the edit layer did not change
    panel.view.setCurrentIndex(panel.model.index(0, 0))
    assert changes == ["shelters"]


def test_feature_edits_update_the_count(panel: QtLayersPanel, session: Session) -> None:
    model = panel.model
    session.push(DeleteFeature("residents", "R2"))
    assert model.index(model.row_of("residents"), QtLayerListModel.COUNT).data() == "2"
    session.undo()
    assert model.index(model.row_of("residents"), QtLayerListModel.COUNT).data() == "3"


def test_style_dialog_changes_the_style(
    panel: QtLayersPanel, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    def choose(dialog: QtStyleDialog) -> int:
        dialog.set_fill("#123456")
        dialog.set_stroke("#abcdef")
        dialog.opacity_spin.setValue(50)
        dialog.width_spin.setValue(1.5)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QtStyleDialog, "exec_", choose)
    before = panel.model.index(panel.model.row_of("shelters"), 0).data(
        Qt.ItemDataRole.DecorationRole
    )
    panel.set_current_layer("shelters")
    assert panel.edit_style()
    style = session.view("shelters").style
    assert (style["fill"], style["stroke"], style["opacity"], style["width"]) == (
        "#123456",
        "#abcdef",
        0.5,
        1.5,
    )
    after = panel.model.index(panel.model.row_of("shelters"), 0).data(
        Qt.ItemDataRole.DecorationRole
    )
    assert before.pixmap(18, 18).toImage() != after.pixmap(18, 18).toImage()


def test_style_dialog_reads_and_gives_the_style(qtbot) -> None:
    dialog = QtStyleDialog(
        {"fill": "none", "stroke": "#333333", "width": 1.2, "opacity": 0.45}, "polygon"
    )
    qtbot.addWidget(dialog)
    assert dialog.no_fill_button.isChecked()
    assert dialog.style()["fill"] == "none" and dialog.style()["opacity"] == 0.45
    dialog.set_fill("#00ff00")
    assert dialog.style()["fill"] == "#00ff00"
    line = QtStyleDialog({"stroke": "#7f8c8d", "width": 0.5}, "line")
    qtbot.addWidget(line)
    assert not line.fill_button.isEnabled() and not line.size_spin.isEnabled()


def test_swatches_follow_geometry_and_style() -> None:
    red = style_swatch({"fill": "#ff0000", "stroke": "#000000"}, "polygon").toImage()
    assert QColor(red.pixel(9, 9)).name() == "#ff0000"
    hollow = style_swatch({"fill": "none", "stroke": "#000000"}, "polygon").toImage()
    assert QColor.fromRgba(hollow.pixel(9, 9)).alpha() == 0
    for family in ("point", "line", "raster"):
        assert not style_swatch({"fill": "#ff0000"}, family).isNull()


def test_remove_asks_first_and_undo_brings_it_back(
    panel: QtLayersPanel, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    panel.set_current_layer("residents")
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    assert not panel.remove_layer()
    assert "residents" in session.plan.layers
    asked: list[str] = []

    def yes(parent, title, text, *rest):
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", yes)
    panel.remove_action.trigger()
    assert asked and "residents" in asked[0]
    assert "residents" not in session.plan.layers
    assert _names(panel.model) == ["shelters", "walk"]
    assert panel.current_layer() is None
    session.undo()
    assert "residents" in session.plan.layers
    # the session puts a layer brought back on top of the list (it does not keep the old place)
    assert sorted(_names(panel.model)) == ["residents", "shelters", "walk"]


def test_role_change_and_a_refused_one(
    panel: QtLayersPanel, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: warnings.append(text))
    assert not panel.apply_role("walk", "residents")  # lines cannot be residents
    assert warnings and "LineString" in warnings[0]
    assert session.plan.layers["walk"].role == "network"
    assert panel.apply_role("shelters", "activity_spaces")
    assert session.plan.layers["shelters"].role == "activity_spaces"
    row = panel.model.row_of("shelters")
    assert panel.model.index(row, 0).data(QtLayerListModel.ROLE_LABEL) == "Activity spaces"
    session.undo()
    assert session.plan.layers["shelters"].role == "shelters"
    assert panel.model.index(row, 0).data(QtLayerListModel.ROLE_LABEL) == "Emergency shelters"


def test_role_is_chosen_from_a_list(
    panel: QtLayersPanel, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    offered: list[list[str]] = []

    def pick(parent, title, label, items, current, editable):
        offered.append(items)
        assert items[current].startswith("Emergency shelters")
        return next(i for i in items if i.endswith("(activity_spaces)")), True

    monkeypatch.setattr(QInputDialog, "getItem", pick)
    panel.set_current_layer("shelters")
    assert panel.role_action.isEnabled()
    panel.role_action.trigger()
    assert session.plan.layers["shelters"].role == "activity_spaces"


def test_zoom_signal(qtbot, panel: QtLayersPanel) -> None:
    panel.set_current_layer("walk")
    with qtbot.waitSignal(panel.zoom_to_layer) as blocker:
        panel.zoom_action.trigger()
    assert blocker.args == ["walk"]


def test_add_layer_through_the_dialog(
    panel: QtLayersPanel, session: Session, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    sites = gpd.GeoDataFrame(
        {"名称": ["社区卫生服务站"], "设施类型": ["卫生站"]},
        geometry=[Point(X0 + 40, Y0 + 80)],
        crs=UTM,
    ).to_crs(4326)
    path = tmp_path / "设施.geojson"
    sites.to_file(path, driver="GeoJSON")

    def choose(dialog: QtAddLayerDialog) -> int:
        dialog.set_file(path)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QtAddLayerDialog, "exec_", choose)
    panel.set_current_layer("residents")
    assert panel.add_layer()
    assert session.layer_names() == ["shelters", "设施", "residents", "walk"]
    assert panel.current_layer() == "设施"
    added = session.plan.layers["设施"]
    assert added.role == "facilities" and list(added.frame["kind"]) == ["clinic"]
    assert added.frame.crs == session.plan.crs
    session.undo()
    assert "设施" not in session.plan.layers
    assert _names(panel.model) == ["shelters", "residents", "walk"]
    assert panel.current_layer() is None


def test_without_a_session(qtbot, session: Session) -> None:
    widget = QtLayersPanel(None)
    qtbot.addWidget(widget)
    assert widget.model.rowCount() == 0
    assert not widget.add_action.isEnabled()
    assert not widget.add_layer()
    widget.set_session(session)
    assert widget.model.rowCount() == 3
    widget.set_current_layer("walk")
    with_none: list[object] = []
    widget.current_layer_changed.connect(with_none.append)
    widget.set_session(Session(session.plan))  # another session with the same layer names
    assert with_none == [None] and widget.current_layer() is None
    assert not widget.view.selectionModel().hasSelection()
    widget.set_session(None)
    assert widget.model.rowCount() == 0 and with_none == [None]
    session.set_visible("walk", False)  # the old session no longer reaches the panel
    assert widget.model.rowCount() == 0


def test_a_closed_panel_stops_listening(qtbot, session: Session) -> None:
    listeners = len(session._listeners)
    widget = QtLayersPanel(session)
    assert len(session._listeners) == listeners + 1
    widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert len(session._listeners) == listeners
    session.set_visible("walk", False)  # nothing calls into the deleted model


def test_sample_plan_and_render(qtbot) -> None:
    session = Session(load_plan(get_path("synthetic_cn")))
    for lang in ("en", "zh"):
        widget = QtLayersPanel(session, lang=lang)
        qtbot.addWidget(widget)
        assert widget.model.rowCount() == len(session.plan.layers)
        widget.resize(300, 520)
        widget.set_current_layer("shelters")
        session.set_visible("roads", False)
        widget.show()
        qtbot.waitExposed(widget)
        assert_like_baseline(widget, f"layers_panel_{lang}")
        session.set_visible("roads", True)
