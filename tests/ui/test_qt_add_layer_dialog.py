"""The add-layer dialog: automatic role and field mapping, the loader's own result, bad files."""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import numpy as np
import pytest
import rasterio
from geopandas.testing import assert_geodataframe_equal
from PyQt5.QtGui import QColor
from PyQt5.QtWidgets import QDialog
from rasterio.transform import from_origin
from shapely.geometry import Point, box
from ui_baselines import assert_like_baseline

from spaceplanner import SpacePlannerError, load_plan
from spaceplanner.model.plan import Plan
from spaceplanner.ui.dialogs.qt_add_layer_dialog import QtAddLayerDialog
from spaceplanner.ui.model.labels import role_label

X0, Y0 = 385_000.0, 6_672_000.0  # UTM 35N, central Helsinki, as tests/conftest.py
UTM = "EPSG:32635"
RED = QColor("#b00020")


@pytest.fixture
def plan(community: Path) -> Plan:
    return load_plan(community)


def _residents_geojson(folder: Path, name: str = "居民点.geojson") -> Path:
    frame = gpd.GeoDataFrame(
        {"编号": ["A1", "A2", "A3"], "人口": [320, 150, 90], "名称": ["东苑", "西苑", "南苑"]},
        geometry=[Point(X0 + 20, Y0 + 40), Point(X0 + 180, Y0 + 90), Point(X0 + 90, Y0 + 260)],
        crs=UTM,
    ).to_crs(4326)
    path = folder / name
    frame.to_file(path, driver="GeoJSON")
    return path


def _dialog(qtbot, plan: Plan, path: Path | None = None, **kwargs) -> QtAddLayerDialog:
    dialog = QtAddLayerDialog(plan, **kwargs)
    qtbot.addWidget(dialog)
    if path is not None:
        dialog.set_file(path)
    return dialog


def _messages(dialog: QtAddLayerDialog) -> list[tuple[str, str]]:
    """(colour, text) of every line of the checks list."""
    items = [dialog.problems_list.item(i) for i in range(dialog.problems_list.count())]
    return [(i.foreground().color().name(), i.text()) for i in items if i is not None]


def _errors_shown(dialog: QtAddLayerDialog) -> list[str]:
    return [text for colour, text in _messages(dialog) if colour == RED.name()]


# -- the automatic choices and the loader's result --------------------------------------------
def test_chinese_columns_are_mapped_and_the_layer_is_what_the_loader_gives(
    qtbot, plan: Plan, community: Path
) -> None:
    path = _residents_geojson(community.parent)
    dialog = _dialog(qtbot, plan, path)
    assert dialog.role() == "residents"
    assert dialog.layer_name() == "居民点"
    assert dialog.errors() == []
    assert dialog.ok_button.isEnabled()
    layer = dialog.result_layer()
    assert layer.field_map == {"id": "编号", "name": "名称", "population": "人口"}
    assert list(layer.frame["population"]) == [320.0, 150.0, 90.0]
    assert layer.frame.crs == plan.crs
    assert "人口" in dialog.column_editor("population").itemText(0)  # the automatic match
    assert dialog.preview_table.rowCount() == 3

    # the same file declared in the plan's TOML loads to the same layer
    spec = community.read_text(encoding="utf-8") + (
        f'\n[layers."居民点"]\nrole = "residents"\npath = "{path.name}"\n'
    )
    for key, value in dialog.spec_options().items():
        spec += f'{key} = "{value}"\n'
    both = community.parent / "plan_with_new.toml"
    both.write_text(spec, encoding="utf-8")
    loaded = load_plan(both).layers["居民点"]
    assert loaded.frame.crs == layer.frame.crs
    assert_geodataframe_equal(layer.frame, loaded.frame)
    assert layer.field_map == loaded.field_map
    assert [p.message for p in layer.problems] == [p.message for p in loaded.problems]


def test_csv_with_coordinates_and_chinese_columns(qtbot, plan: Plan, tmp_path: Path) -> None:
    lonlat = gpd.GeoSeries([Point(X0 + 30, Y0 + 30), Point(X0 + 120, Y0 + 60)], crs=UTM)
    lonlat = lonlat.to_crs(4326)
    lines = ["名称,人口,经度,纬度"] + [
        f"小区{i},{100 * (i + 1)},{p.x:.7f},{p.y:.7f}" for i, p in enumerate(lonlat)
    ]
    path = tmp_path / "小区人口.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    dialog = _dialog(qtbot, plan, path)
    assert dialog.role() == "residents"
    assert dialog.x_combo.isVisibleTo(dialog) and dialog.encoding_combo.isVisibleTo(dialog)
    layer = dialog.result_layer()
    assert layer.field_map["population"] == "人口"
    assert list(layer.frame["name"]) == ["小区0", "小区1"]
    assert layer.frame.crs == plan.crs


def test_wrong_mapping_is_an_error_and_disables_ok(qtbot, plan: Plan, tmp_path: Path) -> None:
    dialog = _dialog(qtbot, plan, _residents_geojson(tmp_path))
    dialog.set_column("population", "名称")
    assert dialog.spec_options() == {"population": "名称"}
    errors = _errors_shown(dialog)
    assert errors and "not a number" in errors[0] and "名称" in errors[0]
    assert not dialog.ok_button.isEnabled()
    with pytest.raises(SpacePlannerError, match="not a number"):
        dialog.result_layer()
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    dialog.set_column("population", None)  # back to the automatic match
    assert dialog.errors() == []
    assert dialog.ok_button.isEnabled()


def test_a_constant_fills_a_required_field(qtbot, plan: Plan, tmp_path: Path) -> None:
    sites = gpd.GeoDataFrame(
        {"名称": ["卫生站一", "卫生站二"]},
        geometry=[Point(X0 + 50, Y0 + 50), Point(X0 + 150, Y0 + 20)],
        crs=UTM,
    )
    path = tmp_path / "facilities.geojson"
    sites.to_file(path, driver="GeoJSON")
    dialog = _dialog(qtbot, plan, path, lang="zh")
    assert dialog.role() == "facilities"
    assert dialog.role_combo.currentText() == role_label("facilities", "zh") == "社区设施"
    assert any("kind" in text for text in _errors_shown(dialog))
    assert not dialog.ok_button.isEnabled()
    dialog.set_constant("kind", "clinic")
    assert dialog.errors() == []
    assert dialog.spec_options() == {"kind": "clinic"}
    assert set(dialog.result_layer().frame["kind"]) == {"clinic"}
    assert dialog.constant_editor("kind").currentText() == "社区卫生服务站"
    assert not dialog.column_editor("kind").isEnabled()  # the constant replaces a column


def test_a_layer_inside_a_geopackage(qtbot, plan: Plan, community: Path) -> None:
    dialog = _dialog(qtbot, plan, community.parent / "sites.gpkg")
    assert dialog.inner_combo.count() == 2 and dialog.inner_combo.isVisibleTo(dialog)
    dialog.set_layer_in_file("shelters")
    assert dialog.role() == "shelters"
    assert dialog.layer_name() == "shelters_2"  # "shelters" is taken
    assert dialog.layer_spec().layer == "shelters"
    layer = dialog.result_layer()
    assert layer.feature_count == 2
    assert layer.field_map["capacity"] == "容纳人数"
    assert list(layer.frame["class"]) == ["emergency", "fixed"]


def test_the_name_must_be_unique(qtbot, plan: Plan, tmp_path: Path) -> None:
    dialog = _dialog(qtbot, plan, _residents_geojson(tmp_path))
    dialog.set_layer_name("walk")
    assert any("already in the plan" in text for text in _errors_shown(dialog))
    assert not dialog.ok_button.isEnabled()
    dialog.set_layer_name("")
    assert any("needs a name" in text for text in _errors_shown(dialog))
    dialog.set_layer_name("new residents")
    assert dialog.ok_button.isEnabled()
    assert dialog.result_layer().name == "new residents"
    assert dialog.result_layer().frame["id"].iloc[0] == "A1"


def test_typing_the_name_checks_it_after_a_pause(qtbot, plan: Plan, tmp_path: Path) -> None:
    dialog = _dialog(qtbot, plan, _residents_geojson(tmp_path))
    dialog.name_edit.setText("walk")
    qtbot.waitUntil(lambda: not dialog.ok_button.isEnabled(), timeout=3000)


def test_a_layer_far_from_the_plan_is_an_error(qtbot, plan: Plan, tmp_path: Path) -> None:
    far = gpd.GeoDataFrame({"population": [10]}, geometry=[Point(116.39, 39.9)], crs="EPSG:4326")
    path = tmp_path / "beijing.geojson"
    far.to_file(path, driver="GeoJSON")
    dialog = _dialog(qtbot, plan, path)
    assert any("do not overlap" in text for text in _errors_shown(dialog))
    assert not dialog.ok_button.isEnabled()


def test_a_raster_hazard_needs_its_type(qtbot, plan: Plan, tmp_path: Path) -> None:
    path = tmp_path / "flood_depth.tif"
    data = np.linspace(0, 2, 40 * 40, dtype="float32").reshape(40, 40)
    with rasterio.open(
        path,
        "w",
        driver="GTiff",
        width=40,
        height=40,
        count=1,
        dtype="float32",
        crs=UTM,
        transform=from_origin(X0 - 200, Y0 + 400, 10, 10),
    ) as dst:
        dst.write(data, 1)
    dialog = _dialog(qtbot, plan, path)
    assert dialog.role() == "hazards"
    assert dialog.band_spin.isVisibleTo(dialog) and dialog.zone_box.isVisibleTo(dialog)
    assert any("exactly one of min_value" in text for text in _errors_shown(dialog))
    dialog.set_zone("min_value", 0.5)
    assert any("needs its type" in text for text in _errors_shown(dialog))
    dialog.set_constant("hazard", "flood")
    assert dialog.errors() == []
    assert dialog.spec_options() == {"min_value": 0.5, "hazard": "flood"}
    layer = dialog.result_layer()
    assert layer.raster is not None and layer.options["hazard"] == "flood"
    assert dialog.preview_table.rowCount() == 5


# -- bad files: a message, never a traceback --------------------------------------------------
def _squares(folder: Path, name: str, **kwargs) -> Path:
    frame = gpd.GeoDataFrame(
        {"id": ["S1", "S2"], "capacity": [100, 50]},
        geometry=[box(X0, Y0, X0 + 40, Y0 + 40), box(X0 + 100, Y0, X0 + 140, Y0 + 40)],
        crs=UTM,
    )
    path = folder / name
    frame.to_file(path, **kwargs)
    return path


def _shp_without(folder: Path, part: str) -> Path:
    shp = _squares(folder, "shelters.shp")
    shp.with_suffix(part).unlink()
    return shp


def _not_gis(folder: Path) -> Path:
    path = folder / "notes.geojson"
    path.write_text("these are meeting notes, not a layer\n", encoding="utf-8")
    return path


def _text_as_gpkg(folder: Path) -> Path:
    path = folder / "shelters.gpkg"
    path.write_text("id,capacity\nS1,100\n", encoding="utf-8")
    return path


def _truncated_gpkg(folder: Path) -> Path:
    good = _squares(folder, "good.gpkg", layer="sites")
    cut = folder / "cut.gpkg"
    data = good.read_bytes()
    cut.write_bytes(data[: len(data) // 2])
    return cut


def _empty(folder: Path) -> Path:
    path = folder / "empty.shp"
    path.touch()
    return path


def _missing(folder: Path) -> Path:
    return folder / "nowhere" / "shelters.geojson"


@pytest.mark.parametrize(
    ("make", "says"),
    [
        (lambda f: _shp_without(f, ".dbf"), ".dbf file of this Shapefile is missing"),
        (lambda f: _shp_without(f, ".shx"), ".shx file of this Shapefile is missing"),
        (lambda f: _shp_without(f, ".prj"), "no .prj file"),
        (_not_gis, "GDAL cannot open the file"),
        (_text_as_gpkg, "not a GeoPackage"),
        (_truncated_gpkg, "truncated"),
        (_empty, "empty"),
        (_missing, "not found"),
    ],
    ids=["no-dbf", "no-shx", "no-prj", "not-gis", "text-gpkg", "truncated", "empty", "missing"],
)
def test_bad_files_show_a_message(qtbot, plan: Plan, tmp_path: Path, make, says: str) -> None:
    path = make(tmp_path)
    dialog = _dialog(qtbot, plan, path)
    errors = _errors_shown(dialog)
    assert errors, _messages(dialog)
    assert any(says in text for text in errors), errors
    assert not dialog.ok_button.isEnabled()
    assert "error" in dialog.summary_label.text()
    with pytest.raises(SpacePlannerError):
        dialog.result_layer()


def test_wrong_encoding_and_unknown_crs_show_a_message(qtbot, plan: Plan, tmp_path: Path) -> None:
    frame = gpd.GeoDataFrame(
        {"名称": ["幸福里", "和平"], "人口": [30, 40]},
        geometry=[Point(X0, Y0), Point(X0 + 50, Y0 + 50)],
        crs=UTM,
    )
    shp = tmp_path / "residents.shp"
    frame.to_file(shp, encoding="gbk")
    dialog = _dialog(qtbot, plan, shp)
    assert dialog.errors() == []
    dialog.set_encoding("no-such-codec")
    assert any("unknown encoding" in text for text in _errors_shown(dialog))
    dialog.set_encoding("gbk")
    assert dialog.errors() == [] and dialog.spec_options()["encoding"] == "gbk"
    dialog.set_encoding(None)
    dialog.set_crs("EPSG:999999")
    assert any("EPSG:999999" in text for text in _errors_shown(dialog))
    assert not dialog.ok_button.isEnabled()
    dialog.set_crs(None)
    assert dialog.errors() == []


def test_without_a_file_nothing_can_be_added(qtbot, plan: Plan) -> None:
    dialog = _dialog(qtbot, plan)
    assert not dialog.ok_button.isEnabled()
    assert dialog.summary_label.text() == "Choose a file to add."
    with pytest.raises(SpacePlannerError):
        dialog.result_layer()


# -- how it looks -----------------------------------------------------------------------------
def test_render(qtbot, plan: Plan, community: Path) -> None:
    for lang in ("en", "zh"):
        dialog = _dialog(qtbot, plan, _residents_geojson(community.parent), lang=lang)
        dialog.show()
        qtbot.waitExposed(dialog)
        assert_like_baseline(dialog, f"add_layer_{lang}")
    bad = _dialog(qtbot, plan, _truncated_gpkg(community.parent))
    bad.show()
    qtbot.waitExposed(bad)
    assert_like_baseline(bad, "add_layer_error")
