"""The attribute table dock: sort, filter, select and edit as a user does, checked with pandas."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
from PyQt5.QtCore import QPoint, Qt
from PyQt5.QtWidgets import QAbstractItemView, QApplication, QLineEdit
from shapely.geometry import Point, box

from spaceplanner.model.plan import Plan
from spaceplanner.ui.canvas.qt_map_canvas import QtMapCanvas
from spaceplanner.ui.model.session import Session
from spaceplanner.ui.panels import qt_attribute_table
from spaceplanner.ui.panels.qt_attribute_table import QtAttributeTable, search_features

X0, Y0 = 385_000.0, 6_672_000.0
UTM35 = "EPSG:32635"


def shelters_frame() -> gpd.GeoDataFrame:
    """Six shelters with ties, a missing capacity, mixed-case names and a source column."""
    return gpd.GeoDataFrame(
        {
            "id": ["S1", "S2", "S3", "S4", "S5", "S6"],
            "name": ["North Park", "school yard", "Riverside park", None, "Square", "Market"],
            "capacity": [800.0, 300.0, np.nan, 800.0, 120.0, 500.0],
            "class": ["fixed", "emergency", "fixed", "central", "emergency", None],
            "dual_use": [True, False, True, False, False, True],
            "note": ["gate A", "", "river", "old", "gate B", "x"],
        },
        geometry=[box(X0 + 200 * i, Y0, X0 + 200 * i + 100, Y0 + 100) for i in range(6)],
        crs=UTM35,
    )


def plan() -> Plan:
    return Plan.from_frames(
        "table",
        {
            "shelters": ("shelters", shelters_frame()),
            "facilities": (
                "facilities",
                gpd.GeoDataFrame(
                    {
                        "id": ["F1", "F2"],
                        "name": ["Clinic on Park St", "Kindergarten"],
                        "kind": ["clinic", "kindergarten"],
                    },
                    geometry=[Point(X0 + 50, Y0 + 400), Point(X0 + 900, Y0 + 400)],
                    crs=UTM35,
                ),
            ),
        },
        crs=UTM35,
    )


@pytest.fixture
def session() -> Session:
    return Session(plan())


@pytest.fixture
def table(qtbot, session: Session) -> QtAttributeTable:
    widget = QtAttributeTable(session)
    qtbot.addWidget(widget)
    widget.resize(900, 400)
    widget.show()
    qtbot.waitExposed(widget)
    widget.set_layer("shelters")
    return widget


def frame_of(session: Session, layer: str = "shelters") -> gpd.GeoDataFrame:
    frame = session.plan.layers[layer].frame
    assert frame is not None
    return frame


def type_into(qtbot, edit: QLineEdit, text: str) -> None:
    """Type ``text`` (QTest types Latin-1 keys only: other text comes as an input method's)."""
    if text.isascii():
        qtbot.keyClicks(edit, text)
    else:
        edit.insert(text)


def click_header(qtbot, table: QtAttributeTable, column: str) -> None:
    header = table.view.horizontalHeader()
    section = table.model.columns.index(column)
    x = header.sectionViewportPosition(section) + header.sectionSize(section) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))


def test_the_table_shows_every_feature_with_id_fields_then_source_columns(table, session):
    frame = frame_of(session)
    model = table.model
    assert model.rowCount() == len(frame) and model.feature_ids() == list(frame["id"])
    assert model.columns[0] == "id"
    assert set(model.columns) == set(frame.columns) - {"geometry"}
    assert model.columns.index("capacity") < model.columns.index("note")  # role field first
    capacity = model.columns.index("capacity")
    assert model.index(0, capacity).data() == "800" and model.index(2, capacity).data() == ""
    assert "6 features" in table.count_label.text()


def test_clicking_headers_sorts_as_pandas_does(qtbot, table, session):
    frame = frame_of(session)
    click_header(qtbot, table, "capacity")
    expected = frame.sort_values("capacity", kind="stable", na_position="last")["id"]
    assert table.model.feature_ids() == list(expected)  # ties S1/S4 in layer order, NaN last
    click_header(qtbot, table, "capacity")
    expected = frame.sort_values("capacity", ascending=False, kind="stable", na_position="last")[
        "id"
    ]
    assert table.model.feature_ids() == list(expected)
    click_header(qtbot, table, "name")
    folded = frame["name"].str.casefold()
    expected = frame.assign(k=folded).sort_values("k", kind="stable", na_position="last")["id"]
    assert table.model.feature_ids() == list(expected)  # case ignored, missing last


@pytest.mark.parametrize(
    ("text", "select"),
    [
        ("capacity >= 500", lambda f: f["capacity"] >= 500),
        ("capacity<500", lambda f: f["capacity"] < 500),
        ("capacity != 800", lambda f: f["capacity"].notna() & (f["capacity"] != 800)),
        ("class = emergency", lambda f: f["class"] == "emergency"),
        ("容纳人数 > 200", lambda f: f["capacity"] > 200),  # a field's Chinese alias
        ("dual_use = 是", lambda f: f["dual_use"]),
        ("name ~ PARK", lambda f: f["name"].str.casefold().str.contains("park", na=False)),
        (
            "gate",
            lambda f: (
                f.drop(columns="geometry")
                .astype(str)
                .apply(lambda c: c.str.casefold().str.contains("gate"))
                .any(axis=1)
            ),
        ),
    ],
)
def test_the_filter_box_shows_the_rows_pandas_selects(qtbot, table, session, text, select):
    frame = frame_of(session)
    table.filter_edit.clear()
    type_into(qtbot, table.filter_edit, text)
    assert table.model.filter_error == ""
    assert table.model.feature_ids() == list(frame[select(frame).to_numpy(dtype=bool)]["id"])
    shown = len(table.model.feature_ids())
    assert f"{shown} of 6 features" in table.count_label.text()


def test_a_filter_that_cannot_be_read_says_why_and_hides_nothing(qtbot, table):
    qtbot.keyClicks(table.filter_edit, "colour = red")
    assert "colour" in table.model.filter_error and table.model.rowCount() == 6
    table.filter_edit.clear()
    qtbot.keyClicks(table.filter_edit, "capacity > lots")
    assert "capacity" in table.model.filter_error and table.model.rowCount() == 6
    table.filter_edit.clear()
    assert table.model.filter_error == "" and table.model.rowCount() == 6


def edit_cell(qtbot, table: QtAttributeTable, row: int, column: str, text: str) -> None:
    """Double-click a cell, type ``text`` over it and press Enter."""
    view = table.view
    index = table.model.index(row, table.model.columns.index(column))
    view.scrollTo(index)
    rect = view.visualRect(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    type_into(qtbot, editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # the delegate commits on Enter through a queued call
    qtbot.waitUntil(lambda: view.state() != QAbstractItemView.State.EditingState)


def test_editing_a_cell_is_one_undoable_edit(qtbot, table, session):
    row = table.model.feature_ids().index("S2")
    edit_cell(qtbot, table, row, "capacity", "1,250")
    frame = frame_of(session)
    assert frame.loc[frame["id"] == "S2", "capacity"].item() == 1250.0
    assert session.stack.undo_label == "Edit capacity of S2"
    assert table.model.index(row, table.model.columns.index("capacity")).data() == "1250"
    session.undo()
    frame = frame_of(session)
    assert frame.loc[frame["id"] == "S2", "capacity"].item() == 300.0
    assert table.model.index(row, table.model.columns.index("capacity")).data() == "300"
    assert not session.stack.can_undo


def test_choices_and_yes_no_read_their_aliases(qtbot, table, session):
    edit_cell(qtbot, table, 5, "class", "中心避难场所")
    edit_cell(qtbot, table, 5, "dual_use", "否")
    frame = frame_of(session)
    row = frame[frame["id"] == "S6"].iloc[0]
    assert row["class"] == "central" and not row["dual_use"]
    assert session.stack.undo_label == "Edit dual_use of S6"


@pytest.mark.parametrize(
    ("column", "text", "word"),
    [
        ("capacity", "-5", "at least 0"),
        ("capacity", "many", "number"),
        ("capacity", "nan", "number"),
        ("class", "palace", "one of"),
        ("dual_use", "perhaps", "yes or no"),
    ],
)
def test_a_bad_value_is_refused_with_its_field_named(
    qtbot, table, session, monkeypatch, column, text, word
):
    shown: list[str] = []
    monkeypatch.setattr(
        qt_attribute_table.QMessageBox, "warning", lambda _p, _t, message: shown.append(message)
    )
    before = frame_of(session).copy()
    edit_cell(qtbot, table, 0, column, text)
    assert len(shown) == 1
    assert f"field '{column}'" in shown[0] and "feature S1" in shown[0] and word in shown[0]
    pd.testing.assert_frame_equal(frame_of(session), before)
    assert not session.stack.can_undo


def test_ids_cannot_be_edited(table):
    assert not table.model.flags(table.model.index(0, 0)) & Qt.ItemFlag.ItemIsEditable


def test_selecting_rows_selects_features_and_back(qtbot, table, session):
    table.select_rows([1, 3])
    assert session.selection == ("shelters", "S2") and session.selected_ids == ("S2", "S4")
    session.select(("shelters", "S5"))
    assert table.selected_ids() == ["S5"]
    session.select(("facilities", "F2"))  # a feature of another layer: the table follows
    assert table.layer() == "facilities" and table.selected_ids() == ["F2"]
    session.select(None)
    assert table.selected_ids() == []


def test_a_click_on_the_map_selects_the_row(qtbot, table, session):
    canvas = QtMapCanvas(session)
    qtbot.addWidget(canvas)
    canvas.resize(600, 400)
    canvas.show()
    canvas.set_tool("select")
    pos = canvas.mapFromScene(canvas.map_to_scene(X0 + 450, Y0 + 50))  # inside S3
    qtbot.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert table.selected_ids() == ["S3"]


def test_the_table_follows_edits_to_its_layer(table, session):
    from spaceplanner.model.commands import DeleteFeature

    session.push(DeleteFeature("shelters", "S3"))
    assert "S3" not in table.model.feature_ids() and table.model.rowCount() == 5
    session.undo()
    assert table.model.feature_ids()[2] == "S3"


def test_search_finds_by_name_or_id_exact_first(session):
    found = search_features(session.plan, "park")
    names = {fid for _layer, fid, _name in found}
    assert names == {"S1", "S3", "F1"}
    assert search_features(session.plan, "s2")[0][:2] == ("shelters", "S2")
    assert search_features(session.plan, "  ") == []
    assert search_features(session.plan, "market")[0][:2] == ("shelters", "S6")


def test_search_box_selects_the_feature_and_the_map_frames_it(qtbot, table, session):
    canvas = QtMapCanvas(session)
    qtbot.addWidget(canvas)
    canvas.resize(600, 400)
    canvas.show()
    table.zoom_to.connect(canvas.zoom_to_feature)
    qtbot.keyClicks(table.search, "kinder")
    assert [m[:2] for m in table.search.matches] == [("facilities", "F2")]
    with qtbot.waitSignal(table.zoom_to):
        qtbot.keyClick(table.search, Qt.Key.Key_Return)
    assert session.selection == ("facilities", "F2")
    assert table.layer() == "facilities" and table.selected_ids() == ["F2"]
    minx, miny, maxx, maxy = canvas.visible_extent()
    cx, cy = (minx + maxx) / 2, (miny + maxy) / 2
    assert abs(cx - (X0 + 900)) < 1.0 and abs(cy - (Y0 + 400)) < 1.0
    assert maxx - minx < 400  # framed, not the whole plan


def test_zoom_to_selection_asks_for_the_selected_features_bounds(qtbot, table, session):
    table.select_rows([0, 1])
    with qtbot.waitSignal(table.zoom_to_bounds) as signal:
        table.zoom_button.click()
    assert signal.args[0] == pytest.approx((X0, Y0, X0 + 300, Y0 + 100))


def test_a_hundred_thousand_features_sort_and_filter_like_pandas(qtbot):
    rng = np.random.default_rng(7)
    n = 100_000
    xy = rng.uniform(0, 5000, (n, 2))
    frame = gpd.GeoDataFrame(
        {
            "id": [f"R{i}" for i in range(n)],
            "population": rng.integers(0, 60, n).astype(float),
        },
        geometry=gpd.points_from_xy(X0 + xy[:, 0], Y0 + xy[:, 1]),
        crs=UTM35,
    )
    session = Session(Plan.from_frames("big", {"residents": ("residents", frame)}, crs=UTM35))
    widget = QtAttributeTable(session)
    qtbot.addWidget(widget)
    widget.resize(900, 400)
    widget.show()
    widget.set_layer("residents")
    assert widget.model.rowCount() == n
    widget.view.sortByColumn(widget.model.columns.index("population"), Qt.SortOrder.DescendingOrder)
    expected = frame.sort_values("population", ascending=False, kind="stable")["id"]
    assert widget.model.feature_ids() == list(expected)
    widget.set_filter("population > 55")
    chosen = frame[frame["population"] > 55].sort_values(
        "population", ascending=False, kind="stable"
    )
    assert widget.model.feature_ids() == list(chosen["id"])


def test_choices_show_their_names_in_chinese_and_edit_as_values(qtbot, session):
    widget = QtAttributeTable(session, lang="zh")
    qtbot.addWidget(widget)
    widget.set_layer("shelters")
    model = widget.model
    index = model.index(3, model.columns.index("class"))  # S4: central
    assert index.data() == "中心避难场所"  # the class term (GB 51143), not a short alias
    assert index.data(Qt.ItemDataRole.EditRole) == "central"
    assert model.headerData(model.columns.index("capacity"), Qt.Orientation.Horizontal).startswith(
        "容纳人数"
    )


def test_an_edit_keeps_the_column_widths_the_user_set(table, session):
    from spaceplanner.model.commands import EditAttributes

    header = table.view.horizontalHeader()
    column = table.model.columns.index("note")
    header.resizeSection(column, 333)
    session.push(EditAttributes("shelters", "S1", {"capacity": 900.0}))
    session.set_visible("shelters", False)  # a layers event
    table.set_layer("shelters")  # the Layers panel's current layer, unchanged
    assert header.sectionSize(column) == 333


def test_the_selected_feature_panel_shows_the_first_and_counts_the_rest(qtbot, table, session):
    from spaceplanner.ui.panels.qt_feature_panel import QtFeaturePanel

    panel = QtFeaturePanel(session)
    qtbot.addWidget(panel)
    table.select_rows([1, 2, 4])
    assert dict(panel.rows())["id"] == "S2"
    assert "2 more selected" in panel.heading.text()
    session.select(("shelters", "S1"))
    assert "more selected" not in panel.heading.text()
