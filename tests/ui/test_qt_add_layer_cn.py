"""The add-layer dialog offers GCJ-02/BD-09 for Amap and Baidu POI tables.

The POI tables are synthetic, written in the test in the column layout of Amap and Baidu exports.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from spaceplanner import load_plan
from spaceplanner.model.plan import Plan
from spaceplanner.ui.dialogs.qt_add_layer_dialog import QtAddLayerDialog


@pytest.fixture
def plan(community: Path) -> Plan:
    return load_plan(community)


def _dialog(qtbot, plan: Plan, path: Path) -> QtAddLayerDialog:
    dialog = QtAddLayerDialog(plan)
    qtbot.addWidget(dialog)
    dialog.set_file(path)
    return dialog


def _amap(path: Path, lng: float = 116.4034, lat: float = 39.9179) -> Path:
    pd.DataFrame(
        {
            "名称": ["阳光幼儿园", "示例小学"],
            "类型": ["科教文化服务;学校;幼儿园", "科教文化服务;学校;小学"],
            "typecode": ["141204", "141203"],
            "location": [f"{lng},{lat}", f"{lng + 0.001},{lat + 0.001}"],
        }
    ).to_csv(path, index=False)
    return path


def test_amap_export_is_offered_as_gcj02(qtbot, plan: Plan, tmp_path: Path) -> None:
    dialog = _dialog(qtbot, plan, _amap(tmp_path / "poi_export.csv"))
    assert dialog.offset_combo.isVisibleTo(dialog)
    assert dialog.offset_choice() == "GCJ-02"
    assert "location" in dialog.offset_note.text()
    assert dialog.spec_options()["crs"] == "GCJ-02"
    # the user says they are WGS 84 after all
    dialog.offset_combo.setCurrentIndex(dialog.offset_combo.findData(""))
    dialog.offset_combo.activated.emit(0)
    assert dialog.offset_choice() is None
    assert "crs" not in dialog.spec_options()


def test_baidu_file_name_is_offered_as_bd09(qtbot, plan: Plan, tmp_path: Path) -> None:
    path = tmp_path / "百度POI_幼儿园.csv"
    pd.DataFrame({"名称": ["a"], "lng": [116.41], "lat": [39.92]}).to_csv(path, index=False)
    dialog = _dialog(qtbot, plan, path)
    assert dialog.offset_choice() == "BD-09"
    assert dialog.draft.crs == "BD-09"


def test_no_offer_outside_china_or_for_plain_tables(qtbot, plan: Plan, tmp_path: Path) -> None:
    dialog = _dialog(qtbot, plan, _amap(tmp_path / "amap_helsinki.csv", 24.94, 60.17))
    assert dialog.offset_choice() is None
    assert dialog.draft.crs == ""
    plain = tmp_path / "schools.csv"
    pd.DataFrame({"name": ["a"], "lon": [116.41], "lat": [39.92]}).to_csv(plain, index=False)
    dialog.set_file(plain)
    assert dialog.offset_choice() is None
    assert not dialog.offset_note.text()
