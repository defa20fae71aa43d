"""Reading each format planners bring, and the README's example plan."""

from __future__ import annotations

import re
from pathlib import Path

import geopandas as gpd
import numpy as np
import rasterio
from conftest import UTM35, X0, Y0
from rasterio.transform import from_origin
from shapely.geometry import LineString, Point, box

from spaceplanner import load_plan
from spaceplanner.cli import main
from spaceplanner.layers.readers import read_raster, read_vector

ROOT = Path(__file__).resolve().parents[1]


def _points() -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(
        {"名称": ["甲", "乙"], "人口": [10, 20]},
        geometry=[Point(X0, Y0), Point(X0 + 50, Y0 + 50)],
        crs=UTM35,
    )


def test_kml_is_read_in_wgs84(tmp_path: Path) -> None:
    frame = _points().to_crs(4326).rename(columns={"名称": "Name"})
    frame[["Name", "geometry"]].to_file(tmp_path / "points.kml", driver="KML")
    src = read_vector(tmp_path / "points.kml", label="pts")
    assert list(src.frame["Name"]) == ["甲", "乙"]
    assert src.frame.crs.to_epsg() == 4326
    back = src.frame.to_crs(UTM35)
    assert back.geometry.distance(_points().geometry).max() < 0.01


def test_shapefile_cpg_is_honoured(tmp_path: Path) -> None:
    _points().to_file(tmp_path / "gbk.shp", encoding="gbk")
    assert (tmp_path / "gbk.cpg").read_text().strip().upper() in {"GBK", "CP936", "936"}
    src = read_vector(tmp_path / "gbk.shp", label="gbk")
    assert list(src.frame["名称"]) == ["甲", "乙"]
    assert src.problems == []  # a .cpg is not a detection: nothing to report


def test_explicit_encoding_wins(tmp_path: Path) -> None:
    _points().to_file(tmp_path / "gbk.shp", encoding="gbk")
    (tmp_path / "gbk.cpg").unlink()
    src = read_vector(tmp_path / "gbk.shp", label="gbk", encoding="gb18030")
    assert list(src.frame["名称"]) == ["甲", "乙"]


def test_csv_with_projected_xy_needs_and_takes_a_crs(tmp_path: Path) -> None:
    (tmp_path / "sites.csv").write_text(f"x,y,name\n{X0},{Y0},a\n", encoding="utf-8")
    src = read_vector(tmp_path / "sites.csv", label="sites", crs=gpd.GeoSeries(crs=UTM35).crs)
    assert src.frame.crs.to_epsg() == 32635 and src.frame.geometry.iloc[0].x == X0
    no_crs = read_vector(tmp_path / "sites.csv", label="sites")
    assert no_crs.frame.crs is None  # the plan then reports the missing CRS


def test_geotiff_and_geopackage_rasters(tmp_path: Path) -> None:
    data = np.linspace(0, 1, 12, dtype="float32").reshape(3, 4)
    profile = {
        "width": 4,
        "height": 3,
        "count": 1,
        "dtype": "float32",
        "crs": UTM35,
        "transform": from_origin(X0, Y0, 25, 25),
    }
    with rasterio.open(tmp_path / "r.tif", "w", driver="GTiff", **profile) as dst:
        dst.write(data, 1)
    gpd.GeoDataFrame({"a": [1]}, geometry=[Point(X0, Y0)], crs=UTM35).to_file(tmp_path / "r.gpkg")
    with rasterio.open(
        tmp_path / "r.gpkg",
        "w",
        driver="GPKG",
        RASTER_TABLE="depth",
        APPEND_SUBDATASET="YES",
        **profile,
    ) as dst:
        dst.write(data, 1)
    for raster in (
        read_raster(tmp_path / "r.tif", label="r"),
        read_raster(tmp_path / "r.gpkg", label="r", layer="depth"),
    ):
        assert raster.crs.to_epsg() == 32635
        assert raster.bounds == (X0, Y0 - 75, X0 + 100, Y0)
        assert np.allclose(raster.read(), data)


def test_readme_example_plan_validates(tmp_path: Path, capsys) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    example = re.search(r"```toml\n(name = \"Sample community\".*?)```", readme, re.S)
    assert example, "the README's plan example is gone"
    (tmp_path / "plan.toml").write_text(example.group(1), encoding="utf-8")
    x, y = 355_000.0, 3_455_000.0  # EPSG:32651, near Shanghai
    gpd.GeoDataFrame(
        {"pop": [1200, 800]},
        geometry=[box(x, y, x + 100, y + 100), box(x + 150, y, x + 250, y + 90)],
        crs="EPSG:32651",
    ).to_file(tmp_path / "residents.gpkg", layer="blocks")
    gpd.GeoDataFrame(
        {"name": ["No. 1 Primary"]}, geometry=[Point(x + 120, y + 140)], crs="EPSG:32651"
    ).to_crs(4326).to_file(tmp_path / "schools.geojson")
    gpd.GeoDataFrame(
        geometry=[LineString([(x - 50, y - 10), (x + 300, y - 10)])], crs="EPSG:32651"
    ).to_file(tmp_path / "walk.gpkg")
    assert main(["validate", str(tmp_path / "plan.toml")]) == 0
    plan = load_plan(tmp_path / "plan.toml")
    assert plan.crs.to_epsg() == 32651
    assert plan.population() == 2000
    assert plan.layers["schools"].frame["kind"].tolist() == ["primary_school"]
    assert plan.layers["schools"].options["radius_m"] == 500
