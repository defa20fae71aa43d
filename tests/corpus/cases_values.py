"""Corpus builders: the bad values of issue #17, item by item."""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import rasterio
from rasterio import Affine
from shapely.geometry import LineString, Point
from test_bad_input import UTM, X0, Y0, save, write_plan

import spaceplanner
from corpus.base import (
    BASE_TOML,
    base,
    base_layers,
    grid_residents,
    parks,
    raw_plan,
    shelter,
    with_layer,
    write_raster,
)

# --------------------------------------------------------------------------------------------
# Issue #17, item by item


def b_dual_use_no_text(d: Path) -> None:
    with_layer(
        d,
        "parks",
        {"role": "activity_spaces", "path": "parks.gpkg"},
        parks(dual_use=["no", "no"]),
        "parks.gpkg",
    )


def b_dual_use_bad_value(d: Path) -> None:
    with_layer(
        d,
        "parks",
        {"role": "activity_spaces", "path": "parks.gpkg"},
        parks(dual_use=["no", "maybe"]),
        "parks.gpkg",
    )


def b_dual_use_chinese(d: Path) -> None:
    with_layer(
        d,
        "parks",
        {"role": "activity_spaces", "path": "parks.gpkg"},
        parks(dual_use=["是", "否"]),
        "parks.gpkg",
    )


def b_dual_use_constant_bad(d: Path) -> None:
    with_layer(d, "parks", {"role": "activity_spaces", "path": "parks.gpkg", "dual_use": "perhaps"})


def _residents_csv(d: Path, pops: list[str], sep: str = ",", quote: bool = True) -> None:
    layers = base_layers(d)
    rows = [sep.join(["x", "y", "population"])]
    points = [Point(X0 + 100 * i, Y0) for i in range(len(pops))]
    for p, pop in zip(points, pops, strict=True):
        value = f'"{pop}"' if quote else pop
        rows.append(sep.join([f"{p.x:.1f}", f"{p.y:.1f}", value]))
    (d / "residents.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    layers["residents"] = {"path": "residents.csv", "crs": UTM}
    write_plan(d, layers)


def b_csv_decimal_comma(d: Path) -> None:
    # 1000 + 1000 + 37.5 + 462.5 = 2,500 (read as 375 and 4625 it is 6,000)
    _residents_csv(d, ["1000", "1000", "37,5", "462,5"])


def b_csv_semicolon(d: Path) -> None:
    _residents_csv(d, ["1000", "1000", "250", "250"], sep=";", quote=False)


def b_degrees_in_utm(d: Path) -> None:
    lonlat = grid_residents().to_crs("EPSG:4326")
    frame = gpd.GeoDataFrame(
        lonlat.drop(columns="geometry"), geometry=lonlat.geometry.values, crs=None
    ).set_crs(UTM, allow_override=True)
    with_layer(d, "residents", {"path": "residents_deg.gpkg"}, frame, "residents_deg.gpkg")


def b_radius_nan(d: Path) -> None:
    with_layer(d, "shelters", {"path": "shelters.gpkg", "radius_m": float("nan")})


def b_profile_nan(d: Path) -> None:
    base(d)
    text = (Path(spaceplanner.__file__).parent / "profiles" / "cn-gb.toml").read_text("utf-8")
    old = 'radius_m = { value = 500.0, source = "GB 50413-2007 §8.2.10: emergency'
    assert old in text
    text = text.replace(old, old.replace("500.0", "nan"))
    (d / "myrules.toml").write_text(text, encoding="utf-8")


def b_capacity_inf(d: Path) -> None:
    with_layer(
        d, "shelters", {"path": "shelters.gpkg"}, shelter(capacity=float("inf")), "shelters.gpkg"
    )


def b_capacity_nan_text(d: Path) -> None:
    with_layer(d, "shelters", {"path": "shelters.gpkg"}, shelter(capacity="NaN"), "shelters.gpkg")


def _population_value(value: float) -> Callable[[Path], None]:
    def build(d: Path) -> None:
        frame = grid_residents()
        frame.loc[2, "population"] = value
        with_layer(d, "residents", {"path": "residents.gpkg"}, frame, "residents.gpkg")

    return build


def b_truncated_shp(d: Path) -> None:
    layers = base_layers(d)
    shp = save(grid_residents(), d / "residents.shp")
    # an interrupted copy: the .shp stops after 13 of the 25 records (header 100 + 28 per point)
    shp.write_bytes(shp.read_bytes()[: 100 + 28 * 13])
    layers["residents"] = {"path": "residents.shp"}
    write_plan(d, layers)


def b_world_mercator(d: Path) -> None:
    save(grid_residents().to_crs("EPSG:3395"), d / "residents.gpkg")
    save(shelter().to_crs("EPSG:3395"), d / "shelters.gpkg")
    save(parks().to_crs("EPSG:3395"), d / "parks.gpkg")
    (d / "plan.toml").write_text(BASE_TOML, encoding="utf-8")


def b_world_mercator_plan_crs(d: Path) -> None:
    base(d, crs="EPSG:3395")


POP_CELLS = 10  # 10 × 10 cells of 40 m over the grid; 4 lake cells


def _population_raster(d: Path, options: dict[str, Any]) -> None:
    layers = base_layers(d)
    data = np.full((POP_CELLS, POP_CELLS), 100, dtype="uint16")
    data[0, 0] = data[0, 1] = data[1, 0] = data[1, 1] = 65535  # a lake, no nodata declared
    write_raster(d / "population.tif", data, west=X0 - 20, north=Y0 + 380, cell=40.0)
    layers["residents"] = {"path": "population.tif", **options}
    write_plan(d, layers)


RASTER_FIGURES = {"population": 9600.0}


def b_pop_raster_65535(d: Path) -> None:
    _population_raster(d, {})


def b_pop_raster_65535_declared(d: Path) -> None:
    _population_raster(d, {"nodata": 65535})


def _flood_terrain(d: Path, data: np.ndarray, **raster: Any) -> None:
    layers = base_layers(d)
    write_raster(d / "dtm.tif", data, **raster)
    layers["low_ground"] = {
        "role": "hazards",
        "path": "dtm.tif",
        "hazard": "flood",
        "max_value": 205.0,
    }
    write_plan(d, layers, scenario="flood")


def b_terrain_hole(d: Path) -> None:
    data = np.full((12, 12), 210.0, dtype="float32")  # 50 m cells from X0-100, all above 205
    data[5:8, 5:7] = -9999.0  # the hole lies under the shelter; no nodata declared
    _flood_terrain(d, data, west=X0 - 100, north=Y0 + 500, cell=50.0)


def b_raster_header_huge(d: Path) -> None:
    layers = base_layers(d)
    n = 200_000
    profile = {
        "driver": "GTiff",
        "width": n,
        "height": n,
        "count": 1,
        "dtype": "float32",
        "crs": UTM,
        "nodata": -9999.0,
        "tiled": True,
        "blockxsize": 1024,
        "blockysize": 1024,
        "compress": "deflate",
        "sparse_ok": True,
        "transform": Affine(1.0, 0.0, X0 - n / 2, 0.0, -1.0, Y0 + n / 2),
    }
    with rasterio.open(d / "dtm.tif", "w", **profile):
        pass  # every block unwritten: the header alone declares 200,000 × 200,000 cells
    layers["low_ground"] = {
        "role": "hazards",
        "path": "dtm.tif",
        "hazard": "flood",
        "max_value": 205.0,
    }
    write_plan(d, layers, scenario="flood")


def b_convert_plan(d: Path) -> None:
    base(d)


def b_geojson_projected_no_crs(d: Path) -> None:
    layers = base_layers(d)
    # UTM numbers and no "crs" member (geopandas writes one: drop it, as RFC 7946 files have none)
    data = json.loads(grid_residents().to_json(drop_id=True))
    data.pop("crs", None)
    (d / "residents.geojson").write_text(json.dumps(data), encoding="utf-8")
    layers["residents"] = {"path": "residents.geojson"}
    write_plan(d, layers)


def b_utm_labelled_lonlat(d: Path) -> None:
    frame = grid_residents().set_crs("EPSG:4326", allow_override=True)
    with_layer(d, "residents", {"path": "residents_ll.gpkg"}, frame, "residents_ll.gpkg")


def _sql(path: Path, *statements: str) -> None:
    with sqlite3.connect(path) as db:
        for statement in statements:
            db.execute(statement)
    db.close()


def b_gpkg_layer_dropped(d: Path) -> None:
    base(d)  # the runner's setup run converts it to plan.gpkg


def b_out_is_file(d: Path) -> None:
    base(d)
    (d / "out").write_text("a file where the output folder should be\n", encoding="utf-8")


def b_encoding_5(d: Path) -> None:
    with_layer(d, "residents", {"path": "residents.gpkg", "encoding": 5})


def b_fifo(d: Path) -> None:
    base_layers(d)
    os.mkfifo(d / "plan.toml")


def b_dev_zero(d: Path) -> None:
    base_layers(d)
    (d / "plan.toml").symlink_to("/dev/zero")


def b_dev_zero_gpkg(d: Path) -> None:
    base_layers(d)
    (d / "plan.gpkg").symlink_to("/dev/zero")


LONG = "residential_blocks_of_the_old_town_" + "north_" * 8 + "district"  # 89 characters


def b_long_layer_name(d: Path) -> None:
    layers = base_layers(d)
    layers[LONG] = {"role": "facilities", "path": "clinic.gpkg", "kind": "clinic"}
    save(
        gpd.GeoDataFrame({"id": ["C1"]}, geometry=[Point(X0 + 150, Y0 + 150)], crs=UTM),
        d / "clinic.gpkg",
    )
    write_plan(d, layers)


def _odd_names(d: Path) -> None:
    base_layers(d)
    text = BASE_TOML.replace("[layers.parks]", '[layers."parks <north> & east"]')
    text = text.replace("[layers.shelters]", '[layers."school yards"]\nrole = "shelters"')
    (d / "plan.toml").write_text(text, encoding="utf-8")


def b_toml_bom(d: Path) -> None:
    base(d)
    path = d / "plan.toml"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())


def b_gbk_column_names(d: Path) -> None:
    layers = base_layers(d)
    frame = grid_residents().rename(columns={"population": "常住人口", "id": "编号"})
    shp = save(frame, d / "residents.shp", encoding="gbk")
    shp.with_suffix(".cpg").unlink()
    assert "常住人口".encode("gbk") in shp.with_suffix(".dbf").read_bytes()
    layers["residents"] = {"path": "residents.shp"}
    write_plan(d, layers)


def b_swapped_lonlat(d: Path) -> None:
    layers = base_layers(d)
    lonlat = shelter().to_crs("EPSG:4326")
    swapped = lonlat.geometry.map(
        lambda g: type(g)([(y, x) for x, y in g.exterior.coords])  # lat, lon
    )
    gpd.GeoDataFrame(lonlat.drop(columns="geometry"), geometry=swapped, crs="EPSG:4326").to_file(
        d / "shelters.geojson"
    )
    layers["shelters"] = {"path": "shelters.geojson"}
    write_plan(d, layers)


def b_layers_string(d: Path) -> None:
    raw_plan(d, 'name = "test"\n\n[layers]\nresidents = "residents.gpkg"\n')


def b_empty_geojson(d: Path) -> None:
    layers = base_layers(d)
    (d / "shelters.geojson").write_text(
        '{"type": "FeatureCollection", "features": []}\n', encoding="utf-8"
    )
    layers["shelters"] = {"path": "shelters.geojson"}
    write_plan(d, layers)


def b_network_mm(d: Path) -> None:
    layers = base_layers(d)
    # streets meet where they share a vertex: each cross street has one where it meets x = 200
    lines = [
        LineString([(X0 - 50, Y0 + 100 * j), (X0 + 200, Y0 + 100 * j), (X0 + 450, Y0 + 100 * j)])
        for j in range(5)
    ]
    # the street through the shelter, digitised with a vertex every millimetre (500,000 vertices)
    ys = np.arange(0, 500_000, dtype="float64") / 1000.0
    lines.append(LineString(np.column_stack([np.full(ys.size, X0 + 200.0), Y0 - 50 + ys])))
    save(
        gpd.GeoDataFrame({"id": [f"W{k}" for k in range(6)]}, geometry=lines, crs=UTM),
        d / "walk.gpkg",
    )
    layers["walk"] = {"role": "network", "path": "walk.gpkg"}
    write_plan(d, layers)


def b_shelters_20k(d: Path) -> None:
    layers = base_layers(d)
    xs, ys = np.meshgrid(np.arange(200) * 2.0 + X0 + 0.5, np.arange(100) * 2.0 + Y0 + 100.5)
    frame = gpd.GeoDataFrame(
        {"id": [f"T{k}" for k in range(xs.size)], "capacity": np.ones(xs.size)},
        geometry=gpd.points_from_xy(xs.ravel(), ys.ravel()),
        crs=UTM,
    )
    save(frame, d / "tents.gpkg")
    layers["tents"] = {"role": "shelters", "path": "tents.gpkg"}
    del layers["shelters"]
    write_plan(d, layers)
