"""The add-layer draft without Qt: guesses (name, role, columns), the spec it builds, the checks
the plan loader makes, and the CRS a new plan takes from its first layer."""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import pytest
from pyproj import CRS
from shapely.geometry import Point

from spaceplanner import load_plan
from spaceplanner.layers.catalogue import get_role
from spaceplanner.model.plan import Plan
from spaceplanner.ui.model.labels import choice_label, plain_value, role_label, value_text
from spaceplanner.ui.model.layer_draft import MESSAGES, LayerDraft, guess_role, plan_crs_for

X0, Y0 = 385_000.0, 6_672_000.0  # UTM 35N, central Helsinki, as tests/conftest.py
UTM = "EPSG:32635"


@pytest.fixture
def plan(community: Path) -> Plan:
    return load_plan(community)


def _residents(folder: Path, name: str = "居民点.geojson") -> Path:
    frame = gpd.GeoDataFrame(
        {"编号": ["A1", "A2", "A3"], "人口": [320, 150, 90], "名称": ["东苑", "西苑", "南苑"]},
        geometry=[Point(X0 + 20, Y0 + 40), Point(X0 + 180, Y0 + 90), Point(X0 + 90, Y0 + 260)],
        crs=UTM,
    ).to_crs(4326)
    path = folder / name
    frame.to_file(path, driver="GeoJSON")
    return path


def _draft(plan: Plan, path: Path) -> LayerDraft:
    """A draft of ``path`` with the guesses taken, as the dialog takes them."""
    draft = LayerDraft(plan)
    draft.open(path)
    draft.read_source()
    draft.name, draft.role = draft.guess()
    return draft


def _errors(draft: LayerDraft) -> list[str]:
    problems, _ = draft.check()
    return [p.message for p in problems if p.severity == "error"]


def test_the_guesses_and_the_spec_of_a_file_with_chinese_columns(
    plan: Plan, tmp_path: Path
) -> None:
    draft = _draft(plan, _residents(tmp_path))
    assert (draft.name, draft.role) == ("居民点", "residents")
    assert draft.column_names() == ["编号", "人口", "名称"]
    assert draft.automatic_columns() == {"id": "编号", "name": "名称", "population": "人口"}
    # matched automatically: the spec leaves them out, as the loader matches them the same way
    assert draft.spec_options() == {}
    spec = draft.layer_spec()
    assert (spec.name, spec.role, spec.layer) == ("居民点", "residents", None)
    problems, layer = draft.check()
    assert [p for p in problems if p.severity == "error"] == []
    assert LayerDraft.usable(problems, layer) is layer
    assert layer is not None and layer.frame.crs == plan.crs
    assert list(layer.frame["population"]) == [320.0, 150.0, 90.0]


def test_a_column_chosen_by_hand_and_a_constant_go_into_the_spec(
    plan: Plan, tmp_path: Path
) -> None:
    draft = _draft(plan, _residents(tmp_path))
    draft.columns = {"population": "名称"}
    assert draft.spec_options() == {"population": "名称"}
    # the column chosen by hand is no longer matched to another field
    assert draft.automatic_columns() == {"id": "编号", "population": "人口"}
    errors = _errors(draft)
    assert errors and "not a number" in errors[0]
    problems, layer = draft.check()
    assert LayerDraft.usable(problems, layer) is None
    # a field that takes a constant is mapped as <field>_field; the constant wins
    draft.role = "facilities"
    draft.columns = {"kind": "名称"}
    assert draft.spec_options() == {"kind_field": "名称"}
    draft.constants = {"kind": "clinic"}
    assert draft.spec_options() == {"kind": "clinic"}


def test_a_layer_inside_a_geopackage_is_named_in_the_spec(plan: Plan, community: Path) -> None:
    draft = LayerDraft(plan)
    draft.open(community.parent / "sites.gpkg")
    assert [n for n, _ in draft.inner_layers] == ["shelters", "other"]
    assert draft.inner == "shelters"
    draft.read_source()
    assert draft.guess() == ("shelters_2", "shelters")  # "shelters" is taken
    draft.name, draft.role = draft.guess()
    assert draft.layer_spec().layer == "shelters"
    _, layer = draft.check()
    assert layer is not None and layer.feature_count == 2


def test_the_name_must_be_given_and_unique(plan: Plan, tmp_path: Path) -> None:
    draft = _draft(plan, _residents(tmp_path))
    draft.name = "walk"
    assert any("already in the plan" in e for e in _errors(draft))
    draft.name = ""
    assert any("needs a name" in e for e in _errors(draft))
    assert draft.unique_name("walk") == "walk_2"
    assert draft.unique_name("  ") == "layer"


def test_the_messages_come_in_the_language_given(plan: Plan, tmp_path: Path) -> None:
    draft = _draft(plan, _residents(tmp_path))
    draft.name = ""
    problems, _ = draft.check({**MESSAGES, "no_name": "图层需要名称"})
    assert "图层需要名称" in [p.message for p in problems]


def test_a_layer_far_from_the_plan_is_an_error_with_the_distance(
    plan: Plan, tmp_path: Path
) -> None:
    # 50 km east of the plan's layers, in the same CRS: the gap is known
    far = gpd.GeoDataFrame({"population": [10]}, geometry=[Point(X0 + 50_000, Y0 + 100)], crs=UTM)
    path = tmp_path / "far.geojson"
    far.to_file(path, driver="GeoJSON")
    draft = _draft(plan, path)
    _, layer = draft.check()
    assert layer is not None
    extent = plan.extent(rasters=True)
    assert extent is not None
    east = extent[2]
    assert draft.distance_km(layer) == pytest.approx((X0 + 50_000 - east) / 1000, abs=0.01)
    assert any("do not overlap" in e for e in _errors(draft))
    # the layer the plan's own residents come from overlaps
    near = _draft(plan, _residents(tmp_path, "near.geojson"))
    _, near_layer = near.check()
    assert near_layer is not None and near.distance_km(near_layer) is None


def test_a_csv_with_coordinate_columns(plan: Plan, tmp_path: Path) -> None:
    lonlat = gpd.GeoSeries([Point(X0 + 30, Y0 + 30), Point(X0 + 120, Y0 + 60)], crs=UTM)
    lonlat = lonlat.to_crs(4326)
    lines = ["名称,人口,lon_deg,lat_deg"] + [
        f"小区{i},{100 * (i + 1)},{p.x:.7f},{p.y:.7f}" for i, p in enumerate(lonlat)
    ]
    path = tmp_path / "小区人口.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    draft = LayerDraft(plan)
    draft.open(path)
    assert draft.csv_header() == ["名称", "人口", "lon_deg", "lat_deg"]
    draft.x, draft.y, draft.encoding, draft.crs = "lon_deg", "lat_deg", "utf-8", "EPSG:4326"
    draft.read_source()
    draft.name, draft.role = draft.guess()
    assert draft.role == "residents"
    assert draft.spec_options() == {
        "encoding": "utf-8",
        "crs": "EPSG:4326",
        "x": "lon_deg",
        "y": "lat_deg",
    }
    problems, layer = draft.check()
    assert layer is not None, [p.describe() for p in problems]
    assert list(layer.frame["name"]) == ["小区0", "小区1"]
    # a new file: its reading options start afresh
    draft.open(_residents(tmp_path))
    assert (draft.x, draft.y, draft.encoding, draft.crs) == (None, None, "", "")


def test_a_missing_file_is_a_problem_not_an_exception(plan: Plan, tmp_path: Path) -> None:
    draft = LayerDraft(plan)
    draft.open(tmp_path / "missing.gpkg")
    assert draft.source_problem is not None
    draft.read_source()
    assert draft.raw is None and draft.column_names() == []
    problems, layer = draft.check()
    assert layer is None and problems[-1] is draft.source_problem
    assert problems[-1].file is not None and "missing.gpkg" in problems[-1].file


def test_nothing_to_check_before_a_file_is_chosen(plan: Plan) -> None:
    assert LayerDraft(plan).check() == ([], None)


def test_a_new_plan_takes_a_metric_crs_from_its_first_layer(plan: Plan, tmp_path: Path) -> None:
    draft = _draft(plan, _residents(tmp_path))
    _, layer = draft.check()
    assert layer is not None
    # read without a plan CRS: the layer is still in lon/lat
    empty = Plan("new", crs=None)
    draft = _draft(empty, _residents(tmp_path, "again.geojson"))
    _, first = draft.check()
    assert first is not None and CRS.from_user_input(first.frame.crs).is_geographic
    crs = plan_crs_for(first)
    assert crs is not None and crs.is_projected
    assert crs.axis_info[0].unit_name == "metre"


@pytest.mark.parametrize(
    ("columns", "families", "name", "role"),
    [
        (["人口", "名称"], {"point"}, "data", "residents"),
        (["name", "容纳人数"], {"polygon"}, "sites", "shelters"),
        (["设施类型", "名称"], {"point"}, "poi", "facilities"),
        (["width"], {"line"}, "", "network"),
        ([], {"polygon"}, "社区边界", "boundary"),
        (["kind"], {"point"}, "petrol", "hazard_sources"),
    ],
)
def test_guess_role(columns: list[str], families: set[str], name: str, role: str) -> None:
    assert guess_role(columns, families, name) == role


def test_guess_role_of_rasters() -> None:
    assert guess_role([], set(), "dem", raster=True) == "terrain"
    assert guess_role([], set(), "flood_depth", raster=True) == "hazards"
    assert guess_role([], set(), "pop_grid", raster=True) == "residents"


def test_choice_labels() -> None:
    kind = get_role("facilities").fields["kind"]
    assert choice_label(kind, "kindergarten", "zh") == "幼儿园"
    assert choice_label(kind, "kindergarten", "en") == "Kindergarten"
    shelter_class = get_role("shelters").fields["class"]
    # a shelter class by its term (GB 51143), never the period: emergency is not 急时
    assert choice_label(shelter_class, "fixed_short", "zh") == "短期固定避难场所"
    assert choice_label(shelter_class, "fixed_short", "en") == "Short-term fixed shelter"
    assert choice_label(shelter_class, "emergency", "zh") == "紧急避难场所"


def test_values_as_shown() -> None:
    assert plain_value(float("nan")) is None
    assert value_text(3.0) == "3" and value_text(0.1) == "0.1" and value_text(None) == ""
    assert value_text(True) == "true"
    assert role_label("shelters", "zh") == get_role("shelters").label_zh
    assert role_label("no_such_role") == "no_such_role"
