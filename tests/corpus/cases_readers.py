"""Corpus builders: every reader, and every TOML key of the plan."""

from __future__ import annotations

import struct
from collections.abc import Callable
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
from shapely.geometry import box
from test_bad_input import UTM, X0, Y0, save, write_plan

from corpus.base import (
    BASE_TOML,
    base_layers,
    cut,
    grid_residents,
    raw_plan,
    write_raster,
)

# --------------------------------------------------------------------------------------------
# Every reader


def _shp_residents(d: Path, mutate: Callable[[Path], None], **options: Any) -> None:
    layers = base_layers(d)
    shp = save(grid_residents(), d / "residents.shp")
    mutate(shp)
    layers["residents"] = {"path": "residents.shp", **options}
    write_plan(d, layers)


def b_shp_no_dbf(d: Path) -> None:
    _shp_residents(d, lambda s: s.with_suffix(".dbf").unlink())


def b_shp_garbage_prj(d: Path) -> None:
    _shp_residents(d, lambda s: s.with_suffix(".prj").write_text("PROJCS[garbage", "ascii"))


def b_shp_bad_cpg(d: Path) -> None:
    _shp_residents(d, lambda s: s.with_suffix(".cpg").write_text("XYZ-9999", "ascii"))


def b_shp_truncated_dbf(d: Path) -> None:
    _shp_residents(d, lambda s: cut(s.with_suffix(".dbf")))


def b_shp_garbage_shx(d: Path) -> None:
    def mutate(s: Path) -> None:
        shx = s.with_suffix(".shx")
        data = bytearray(shx.read_bytes())
        for k in range(100, len(data), 8):  # every record offset points far past the end
            data[k : k + 4] = struct.pack(">i", 10_000_000 + k)
        shx.write_bytes(bytes(data))

    _shp_residents(d, mutate)


def b_geojson_invalid(d: Path) -> None:
    layers = base_layers(d)
    (d / "residents.geojson").write_text(
        '{"type": "FeatureCollection", "features": [', encoding="utf-8"
    )
    layers["residents"] = {"path": "residents.geojson"}
    write_plan(d, layers)


def b_geojson_null_geometries(d: Path) -> None:
    layers = base_layers(d)
    features = ",".join(
        '{"type": "Feature", "properties": {"capacity": 100}, "geometry": null}' for _ in range(3)
    )
    (d / "shelters.geojson").write_text(
        f'{{"type": "FeatureCollection", "features": [{features}]}}', encoding="utf-8"
    )
    layers["shelters"] = {"path": "shelters.geojson"}
    write_plan(d, layers)


def b_gpkg_text(d: Path) -> None:
    layers = base_layers(d)
    (d / "shelters.gpkg").write_text("id,capacity\nS1,3000\n", encoding="utf-8")
    write_plan(d, layers)


def b_gpkg_truncated(d: Path) -> None:
    layers = base_layers(d)
    save(
        gpd.GeoDataFrame(
            {"id": [f"S{k}" for k in range(60)], "capacity": [50.0] * 60},
            geometry=[box(X0 + 3 * k, Y0 + 150, X0 + 3 * k + 2, Y0 + 152) for k in range(60)],
            crs=UTM,
        ),
        d / "shelters.gpkg",
    )
    cut(d / "shelters.gpkg")
    write_plan(d, layers)


def b_kml_good(d: Path) -> None:
    layers = base_layers(d)
    frame = grid_residents().to_crs("EPSG:4326")
    frame["population"] = frame["population"].astype(int)
    frame.to_file(d / "residents.kml", driver="KML")
    layers["residents"] = {"path": "residents.kml"}
    write_plan(d, layers)


def b_kml_broken(d: Path) -> None:
    b_kml_good(d)
    cut(d / "residents.kml")


def b_csv_no_coordinates(d: Path) -> None:
    layers = base_layers(d)
    (d / "residents.csv").write_text("name,population\nA,1000\nB,1500\n", encoding="utf-8")
    layers["residents"] = {"path": "residents.csv", "crs": UTM}
    write_plan(d, layers)


def b_csv_header_only(d: Path) -> None:
    layers = base_layers(d)
    (d / "residents.csv").write_text("x,y,population\n", encoding="utf-8")
    layers["residents"] = {"path": "residents.csv", "crs": UTM}
    write_plan(d, layers)


def b_csv_gbk_good(d: Path) -> None:
    layers = base_layers(d)
    rows = ["名称,东坐标,北坐标,常住人口"] + [
        f"小区{k},{p.x:.1f},{p.y:.1f},100" for k, p in enumerate(grid_residents().geometry)
    ]
    (d / "residents.csv").write_bytes(("\n".join(rows) + "\n").encode("gbk"))
    layers["residents"] = {"path": "residents.csv", "crs": UTM}
    write_plan(d, layers)


def _terrain_tif(
    d: Path, mutate: Callable[[Path], None] | None = None, crs: str | None = UTM, **options: Any
) -> None:
    data = np.full((12, 12), 210.0, dtype="float32")
    layers = base_layers(d)
    tif = write_raster(d / "dtm.tif", data, west=X0 - 100, north=Y0 + 500, cell=50.0, crs=crs)
    if mutate is not None:
        mutate(tif)
    layers["low_ground"] = {
        "role": "hazards",
        "path": "dtm.tif",
        "hazard": "flood",
        "max_value": 205.0,
        **options,
    }
    write_plan(d, layers, scenario="flood")


def b_tif_good(d: Path) -> None:
    _terrain_tif(d)


def b_tif_truncated(d: Path) -> None:
    layers = base_layers(d)
    data = np.linspace(200.0, 220.0, 256 * 256, dtype="float32").reshape(256, 256)
    write_raster(d / "dtm.tif", data, west=X0 - 100, north=Y0 + 500, cell=2.5)
    cut(d / "dtm.tif")
    layers["low_ground"] = {
        "role": "hazards",
        "path": "dtm.tif",
        "hazard": "flood",
        "max_value": 205.0,
    }
    write_plan(d, layers, scenario="flood")


def b_tif_text(d: Path) -> None:
    _terrain_tif(d, lambda t: t.write_text("not a raster\n", encoding="utf-8"))


def b_tif_band_3(d: Path) -> None:
    _terrain_tif(d, band=3)


def b_tif_far_away(d: Path) -> None:
    layers = base_layers(d)
    data = np.full((12, 12), 210.0, dtype="float32")
    write_raster(d / "dtm.tif", data, west=X0 + 80_000, north=Y0 + 500, cell=50.0)
    layers["low_ground"] = {
        "role": "hazards",
        "path": "dtm.tif",
        "hazard": "flood",
        "max_value": 205.0,
    }
    write_plan(d, layers, scenario="flood")


def b_tif_two_thresholds(d: Path) -> None:
    _terrain_tif(d, min_value=1.0)


def b_tif_threshold_text(d: Path) -> None:
    _terrain_tif(d, max_value="low")


def b_threshold_on_polygons(d: Path) -> None:
    layers = base_layers(d)
    save(
        gpd.GeoDataFrame({"id": ["F1"]}, geometry=[box(X0 + 600, Y0, X0 + 700, Y0 + 100)], crs=UTM),
        d / "flood.gpkg",
    )
    layers["flood"] = {
        "role": "hazards",
        "path": "flood.gpkg",
        "hazard": "flood",
        "max_value": 205.0,
    }
    write_plan(d, layers, scenario="flood")


# --------------------------------------------------------------------------------------------
# Every TOML key of the plan


def _top(key: str, toml_value: str) -> Callable[[Path], None]:
    """The base plan with the top-level ``key = toml_value`` (verbatim TOML)."""

    def build(d: Path) -> None:
        body = BASE_TOML.split("\n", 1)[1]  # without the name line
        name = "" if key == "name" else 'name = "test"\n'
        raw_plan(d, f"{name}{key} = {toml_value}\n{body}")

    return build


def _targets(text: str) -> Callable[[Path], None]:
    def build(d: Path) -> None:
        raw_plan(d, BASE_TOML.replace('name = "test"\n', f'name = "test"\n\n[targets]\n{text}\n'))

    return build


def b_no_layers(d: Path) -> None:
    raw_plan(d, 'name = "test"\n')


def b_plan_is_folder(d: Path) -> None:
    base_layers(d)
    (d / "plan.toml").mkdir()


def b_plan_txt(d: Path) -> None:
    raw_plan(d, BASE_TOML)
    (d / "plan.toml").rename(d / "plan.txt")


def b_plan_latin1(d: Path) -> None:
    raw_plan(d, BASE_TOML.replace('name = "test"', 'name = "Gärten"'))
    path = d / "plan.toml"
    path.write_bytes(path.read_text(encoding="utf-8").encode("latin-1"))
