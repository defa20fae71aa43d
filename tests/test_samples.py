"""The shipped sample maps load cleanly and keep their known figures."""

from __future__ import annotations

from pathlib import Path

import pytest

from spaceplanner import load_plan, save_plan
from spaceplanner.cli import main
from spaceplanner.sample_maps import get_path, list_samples

# Figures stated in each sample's README (computed by its build script from the sources).
KNOWN = {
    "helsinki": {
        "epsg": 32635,
        "population": 5374,
        "features": {"residents": 19, "buildings": 481, "network": 2405, "activity_spaces": 29},
    },
    "bubenec": {
        "epsg": 32633,
        "population": 4885,
        "features": {"buildings": 144, "network": 35, "parcels": 407, "residents": 128},
    },
    "synthetic_cn": {
        "epsg": 4547,
        "population": 14400,
        "features": {"residents": 10, "shelters": 4, "facilities": 6, "flood_zone": 1},
    },
}


def test_every_sample_is_listed() -> None:
    assert list_samples() == sorted(KNOWN)
    for name in KNOWN:
        assert (get_path(name).parent / "README.md").is_file()


@pytest.mark.parametrize("name", sorted(KNOWN))
def test_sample_validates_without_errors_or_warnings(name: str, capsys) -> None:
    assert main(["validate", "--sample", name]) == 0
    plan = load_plan(get_path(name), strict=False)
    assert [p for p in plan.problems if p.severity in {"error", "warning"}] == []


@pytest.mark.parametrize("name", sorted(KNOWN))
def test_sample_known_figures(name: str) -> None:
    plan = load_plan(get_path(name))
    known = KNOWN[name]
    assert plan.crs.to_epsg() == known["epsg"]
    assert plan.population() == known["population"]
    for layer, count in known["features"].items():
        assert plan.layers[layer].feature_count == count, layer
    for layer in plan:
        if layer.frame is not None:
            assert layer.frame["id"].is_unique
            assert layer.frame.geometry.is_valid.all()


@pytest.mark.parametrize("name", sorted(KNOWN))
def test_sample_round_trips_through_a_plan_file(name: str, tmp_path: Path) -> None:
    plan = load_plan(get_path(name))
    again = load_plan(save_plan(plan, tmp_path / f"{name}.gpkg"))
    assert list(again.layers) == list(plan.layers)
    for layer in plan:
        other = again.layers[layer.name]
        if layer.frame is not None:
            assert list(other.frame["id"]) == list(layer.frame["id"])
            assert other.frame.geometry.geom_equals_exact(layer.frame.geometry, 1e-6).all()
        else:
            assert other.raster.crs == layer.raster.crs
            assert (other.raster.read() == layer.raster.read()).all()


def test_synthetic_cn_gbk_shapefile_reads_chinese_names() -> None:
    folder = get_path("synthetic_cn").parent
    assert (folder / "residents.cpg").read_text().strip().upper() == "GBK"
    raw = (folder / "residents.dbf").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    plan = load_plan(get_path("synthetic_cn"))
    names = list(plan.layers["residents"].frame["name"])
    # independent: the same names found in the raw .dbf bytes decoded as GBK
    text = raw.decode("gbk", errors="replace")
    assert names and all(name in text for name in names)
    assert any("\u4e00" <= ch <= "\u9fff" for ch in names[0])


def test_synthetic_cn_maps_chinese_fields() -> None:
    plan = load_plan(get_path("synthetic_cn"))
    shelters = plan.layers["shelters"]
    assert shelters.field_map["capacity"] == "容纳人数"
    assert shelters.field_map["effective_area"] == "有效避难面积"
    assert set(shelters.frame["class"]) <= {"emergency", "fixed"}
    kinds = set(plan.layers["facilities"].frame["kind"])
    assert {"kindergarten", "elderly_care", "clinic"} <= kinds


def test_bubenec_terrain_raster_in_its_own_crs() -> None:
    plan = load_plan(get_path("bubenec"))
    dtm = plan.layers["dtm"].raster
    assert dtm is not None and dtm.crs.to_epsg() == 5514
    values = dtm.read()
    assert 185 < float(values.min()) < float(values.max()) < 225  # 188–222 m per the data README
