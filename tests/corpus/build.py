"""Builders of the bad-input corpus: each case writes a tiny community (or a broken piece of one)
into a folder and says which commands to run on it and what must come out.

The base community is small enough to check by hand (straight-line distance × 1.3, the ``cn-gb``
profile, no network unless a case adds one):

* residents: 25 points on a 5 × 5 grid, 100 m apart, 100 persons each — population 2,500;
* one emergency shelter, a 60 m × 50 m polygon with ``capacity = 3000`` in the middle of the grid
  (the farthest resident is 244 m away, 317 m with the detour factor: everyone within 500 m) —
  capacity 3,000, sheltered 2,500;
* two parks of 80 m × 80 m — activity space 12,800 m²; with ``dual_use`` true each would add its
  6,400 m² ÷ 1 m²/person to the emergency capacity (15,800 with both).

A case's expectation is either ``ok`` (exit 0 and the figures in every ``report.json`` it names)
or ``bad`` (exit 2 and one ``error:`` message containing the given words: the file, layer, field,
value), or both when the issue allows either outcome (e.g. "read it windowed or refuse").
"""

from __future__ import annotations

import json
import os
import sqlite3
import struct
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import rasterio
from rasterio import Affine
from shapely.geometry import LineString, Point, box
from test_bad_input import UTM, X0, Y0, save, write_plan

import spaceplanner

__all__ = ["BASE", "CASES", "Case", "Expect", "Run", "Word"]

#: A word the message must contain, or a tuple of alternatives (any one will do).
Word = str | tuple[str, ...]

POPULATION = 2500.0
CAPACITY = 3000.0
PARK_AREA = 12800.0
#: The base community's figures.
BASE: dict[str, float] = {
    "population": POPULATION,
    "shelters.capacity_persons": CAPACITY,
    "shelters.population_sheltered": POPULATION,
    "activity_spaces.overall.area_m2": PARK_AREA,
}

EVALUATE = ("evaluate", "plan.toml", "--out", "out")
VALIDATE = ("validate", "plan.toml")
DAMAGED: Word = ("truncated", "damaged", "incomplete", "cut short", "corrupt")


@dataclass(frozen=True)
class Run:
    """One command line (after ``spaceplanner``), run in the case's folder.

    A ``setup`` run prepares the case (e.g. ``convert`` to a plan file, a first export): it must
    exit 0 and is not judged by the case's expectation; the inputs are hashed after it.
    """

    args: tuple[str, ...]
    setup: bool = False


@dataclass(frozen=True)
class Expect:
    """What a case must end in.

    figures
        ``ok``: dotted keys of ``report.json`` and their values (to 0.5 persons / m²).
    words
        ``bad``: every word (or one of each tuple's alternatives) in the error message.
    reports
        The ``report.json`` files (relative to the case folder) the figures are checked in.
    outputs
        ``ok``: files that must exist after the runs.
    warn
        ``ok``: words the command's output must contain (a warning that may not be left out).
    """

    figures: Mapping[str, float] | None = None
    words: tuple[Word, ...] | None = None
    reports: tuple[str, ...] = ("out/report.json",)
    outputs: tuple[str, ...] = ()
    warn: tuple[Word, ...] = ()

    @property
    def may_succeed(self) -> bool:
        return self.figures is not None

    @property
    def may_refuse(self) -> bool:
        return self.words is not None


@dataclass(frozen=True)
class Case:
    """One corpus case: how to build it, what to run, what must come out."""

    name: str
    build: Callable[[Path], Any]
    runs: tuple[Run, ...]
    expect: Expect
    timeout: float = 60.0
    #: Folders (relative) whose files are outputs, not inputs, of the judged runs.
    out_dirs: tuple[str, ...] = ("out", "out2")
    #: What the case stands for (the issue's words, or ours).
    about: str = ""


def ok(figures: Mapping[str, float] | None = None, **kw: Any) -> Expect:
    return Expect(figures=dict(BASE if figures is None else figures), **kw)


def bad(*words: Word) -> Expect:
    return Expect(words=words)


def either(figures: Mapping[str, float] | None, *words: Word, **kw: Any) -> Expect:
    return Expect(figures=dict(BASE if figures is None else figures), words=words, **kw)


def runs(*commands: tuple[str, ...]) -> tuple[Run, ...]:
    return tuple(Run(c) for c in commands)


# --------------------------------------------------------------------------------------------
# The base community


def grid_residents(crs: str | None = UTM, population: float = 100.0) -> gpd.GeoDataFrame:
    """25 points 100 m apart, ids R1..R25, ``population`` each."""
    points = [Point(X0 + 100 * i, Y0 + 100 * j) for j in range(5) for i in range(5)]
    return gpd.GeoDataFrame(
        {"id": [f"R{k + 1}" for k in range(25)], "population": [population] * 25},
        geometry=points,
        crs=crs,
    )


SHELTER_BOX = (X0 + 170, Y0 + 175, X0 + 230, Y0 + 225)


def shelter(crs: str | None = UTM, capacity: Any = 3000.0) -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(
        {"id": ["S1"], "name": ["School yard"], "capacity": [capacity]},
        geometry=[box(*SHELTER_BOX)],
        crs=crs,
    )


def parks(crs: str | None = UTM, dual_use: list[Any] | None = None) -> gpd.GeoDataFrame:
    frame = gpd.GeoDataFrame(
        {"id": ["P1", "P2"], "name": ["North park", "East park"], "kind": ["park", "park"]},
        geometry=[
            box(X0 - 100, Y0 + 100, X0 - 20, Y0 + 180),
            box(X0 + 420, Y0 + 100, X0 + 500, Y0 + 180),
        ],
        crs=crs,
    )
    if dual_use is not None:
        frame["dual_use"] = dual_use
    return frame


def base_layers(folder: Path, *, crs: str = UTM) -> dict[str, dict[str, Any]]:
    """Write the base community's files; return its layer tables for :func:`write_plan`."""
    save(grid_residents(crs), folder / "residents.gpkg")
    save(shelter(crs), folder / "shelters.gpkg")
    save(parks(crs), folder / "parks.gpkg")
    return {
        "residents": {"path": "residents.gpkg"},
        "shelters": {"path": "shelters.gpkg"},
        "parks": {"role": "activity_spaces", "path": "parks.gpkg"},
    }


def base(folder: Path, **top: Any) -> Path:
    return write_plan(folder, base_layers(folder), **top)


def with_layer(
    folder: Path,
    name: str,
    options: dict[str, Any],
    frame: gpd.GeoDataFrame | None = None,
    file: str | None = None,
    **top: Any,
) -> Path:
    """The base plan with layer ``name`` replaced (its frame saved to ``file``, if given)."""
    layers = base_layers(folder)
    if frame is not None and file is not None:
        save(frame, folder / file)
    layers[name] = options
    return write_plan(folder, layers, **top)


def raw_plan(folder: Path, text: str, *, layers: bool = True) -> Path:
    """A plan written verbatim (after the base layers' files, when ``layers``)."""
    if layers:
        base_layers(folder)
    path = folder / "plan.toml"
    path.write_text(text, encoding="utf-8")
    return path


BASE_TOML = """name = "test"

[layers.residents]
path = "residents.gpkg"

[layers.shelters]
path = "shelters.gpkg"

[layers.parks]
role = "activity_spaces"
path = "parks.gpkg"
"""


def write_raster(
    path: Path,
    data: np.ndarray,
    *,
    west: float,
    north: float,
    cell: float,
    crs: str | None = UTM,
    nodata: float | None = None,
) -> Path:
    profile: dict[str, Any] = {
        "driver": "GTiff",
        "width": data.shape[1],
        "height": data.shape[0],
        "count": 1,
        "dtype": str(data.dtype),
        "transform": Affine(cell, 0.0, west, 0.0, -cell, north),
    }
    if crs is not None:
        profile["crs"] = crs
    if nodata is not None:
        profile["nodata"] = nodata
    with rasterio.open(path, "w", **profile) as dst:
        dst.write(data, 1)
    return path


def cut(path: Path, keep: float = 0.5) -> None:
    """Cut ``path`` short, as an interrupted copy would."""
    data = path.read_bytes()
    path.write_bytes(data[: int(len(data) * keep)])


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


# --------------------------------------------------------------------------------------------
# Every TOML key of a layer


def _layer_key(layer: str, key: str, toml_value: str) -> Callable[[Path], None]:
    """The base plan with ``key = toml_value`` (verbatim TOML) added to layer ``layer``."""

    def build(d: Path) -> None:
        anchor = f"[layers.{layer}]\n"
        text = BASE_TOML.replace(anchor, f"{anchor}{key} = {toml_value}\n")
        if f"\n{key} = " in "\n" + BASE_TOML.split(anchor, 1)[1].split("[layers", 1)[0]:
            # the layer has the key already: replace its line instead
            section = BASE_TOML.split(anchor, 1)[1].split("[layers", 1)[0]
            old = next(line for line in section.splitlines() if line.startswith(f"{key} = "))
            text = BASE_TOML.replace(
                anchor + section, anchor + section.replace(old, f"{key} = {toml_value}")
            )
        raw_plan(d, text)

    return build


def b_path_missing(d: Path) -> None:
    raw_plan(d, BASE_TOML.replace('path = "shelters.gpkg"\n', ""))


def b_x_missing_column(d: Path) -> None:
    _residents_csv(d, ["1000", "1000", "250", "250"])
    text = (d / "plan.toml").read_text(encoding="utf-8")
    (d / "plan.toml").write_text(
        text.replace('crs = "EPSG:32635"', 'crs = "EPSG:32635"\nx = "east"\ny = "north"'),
        encoding="utf-8",
    )


def b_x_int(d: Path) -> None:
    _residents_csv(d, ["1000", "1000", "250", "250"])
    text = (d / "plan.toml").read_text(encoding="utf-8")
    (d / "plan.toml").write_text(
        text.replace('crs = "EPSG:32635"', 'crs = "EPSG:32635"\nx = 1'), encoding="utf-8"
    )


def b_facility_kind_int(d: Path) -> None:
    layers = base_layers(d)
    save(
        gpd.GeoDataFrame({"id": ["C1"]}, geometry=[Point(X0 + 150, Y0 + 150)], crs=UTM),
        d / "clinic.gpkg",
    )
    layers["clinics"] = {"role": "facilities", "path": "clinic.gpkg", "kind": 5}
    write_plan(d, layers)


# --------------------------------------------------------------------------------------------
# Values in the data


def _values(
    frame_fn: Callable[[], gpd.GeoDataFrame],
    layer: str,
    file: str,
    column: str,
    row: int,
    value: Any,
    options: dict[str, Any] | None = None,
) -> Callable[[Path], None]:
    def build(d: Path) -> None:
        frame = frame_fn()
        frame[column] = frame[column].astype(object) if isinstance(value, str) else frame[column]
        frame.loc[row, column] = value
        opts = {"path": file} | (options or {})
        with_layer(d, layer, opts, frame, file)

    return build


def _shelter_frame() -> gpd.GeoDataFrame:
    frame = shelter()
    frame["effective_area"] = [3000.0]
    frame["households"] = [1.0]
    return frame


def _households_frame() -> gpd.GeoDataFrame:
    frame = grid_residents()
    frame["households"] = 40.0
    return frame


# --------------------------------------------------------------------------------------------
# Output paths


def b_plan_and_inputs_in_shp(d: Path) -> None:
    """Inputs kept in a ``shp`` folder, where a Shapefile export would put its own files."""
    (d / "shp").mkdir()
    save(grid_residents(), d / "shp" / "plan_residents.shp")
    save(shelter(), d / "shp" / "shelters.shp")
    save(parks(), d / "parks.gpkg")
    write_plan(
        d,
        {
            "residents": {"path": "shp/plan_residents.shp"},
            "shelters": {"path": "shp/shelters.shp"},
            "parks": {"role": "activity_spaces", "path": "parks.gpkg"},
        },
    )


def b_input_named_gaps(d: Path) -> None:
    """A residents layer whose file is called ``gaps.gpkg``, in the folder evaluated into."""
    layers = base_layers(d)
    (d / "residents.gpkg").rename(d / "gaps.gpkg")
    layers["residents"] = {"path": "gaps.gpkg"}
    write_plan(d, layers)


def b_json_is_folder(d: Path) -> None:
    base(d)
    (d / "report").mkdir()


def b_readonly_json(d: Path) -> None:
    base(d)


# --------------------------------------------------------------------------------------------
# The corpus


def _gpkg_then(*statements: str) -> Callable[[Path], None]:
    """The base plan converted to ``plan.gpkg`` in the builder, then edited with sqlite3."""

    def build(d: Path) -> None:
        base(d)
        from spaceplanner.model.plan import load_plan
        from spaceplanner.model.plan_file import save_plan

        save_plan(load_plan(d / "plan.toml"), d / "plan.gpkg")
        (d / "plan.toml").unlink()
        _sql(d / "plan.gpkg", *statements)

    return build


E = EVALUATE
V = VALIDATE
EG = ("evaluate", "plan.gpkg", "--out", "out")
CONVERT = ("convert", "plan.toml", "plan.gpkg")
EG2 = ("evaluate", "plan.gpkg", "--out", "out2")
BOTH_REPORTS = ("out/report.json", "out2/report.json")


def _c(
    name: str,
    build: Callable[[Path], Any],
    commands: tuple[tuple[str, ...] | Run, ...],
    expect: Expect,
    about: str = "",
    **kw: Any,
) -> Case:
    the_runs = tuple(c if isinstance(c, Run) else Run(c) for c in commands)
    return Case(name, build, the_runs, expect, about=about, **kw)


CASES: list[Case] = [
    # ---- issue #17, item by item --------------------------------------------------------
    _c(
        "dual_use_no_text",
        b_dual_use_no_text,
        (E, CONVERT, EG2),
        ok(reports=BOTH_REPORTS),
        "dual_use = 'no' text read as yes; figures change on convert",
    ),
    _c("dual_use_bad_value", b_dual_use_bad_value, (E,), bad("parks", "dual_use", "maybe")),
    _c(
        "dual_use_chinese",
        b_dual_use_chinese,
        (E,),
        ok(BASE | {"shelters.capacity_persons": CAPACITY + 6400.0}),
    ),
    _c("dual_use_constant_bad", b_dual_use_constant_bad, (E,), bad("dual_use", "perhaps")),
    _c(
        "csv_decimal_comma",
        b_csv_decimal_comma,
        (E,),
        either({"population": 2500.0}, "residents.csv", "37,5"),
        "a decimal comma read as 375",
    ),
    _c(
        "csv_semicolon", b_csv_semicolon, (E,), either({"population": 2500.0}, "residents.csv", ";")
    ),
    _c(
        "degrees_in_utm_layer",
        b_degrees_in_utm,
        (E,),
        bad("residents_deg.gpkg", ("degree", "longitude", "lon/lat")),
    ),
    _c("radius_m_nan", b_radius_nan, (E,), bad("shelters", "radius_m", "nan")),
    _c(
        "profile_nan",
        b_profile_nan,
        (("evaluate", "plan.toml", "--rules", "myrules.toml", "--out", "out"),),
        bad("myrules.toml", "nan"),
    ),
    _c("capacity_inf", b_capacity_inf, (E,), bad("shelters.gpkg", "capacity", "S1")),
    _c("capacity_nan_text", b_capacity_nan_text, (E,), bad("shelters.gpkg", "capacity", "S1")),
    _c(
        "population_inf",
        _population_value(float("inf")),
        (E,),
        bad("residents.gpkg", "population", "R3"),
    ),
    _c("population_1e17", _population_value(1e17), (E,), bad("residents.gpkg", "population", "R3")),
    _c(
        "population_float32_max",
        _population_value(float(np.finfo("float32").max)),
        (E,),
        bad("residents.gpkg", "population", "R3"),
    ),
    _c(
        "population_nan",
        _population_value(float("nan")),
        (E,),
        bad("residents.gpkg", "population", "R3"),
    ),
    _c(
        "truncated_shp",
        b_truncated_shp,
        (E,),
        bad("residents.shp", DAMAGED),
        "13 of 25 residents loaded, evaluate reports 1,300 without a word",
    ),
    _c("truncated_shp_convert", b_truncated_shp, (CONVERT,), bad("residents.shp", DAMAGED)),
    _c(
        "world_mercator_60n",
        b_world_mercator,
        (E,),
        either(None, ("Mercator", "3395", "scale", "distort")),
    ),
    _c(
        "world_mercator_plan_crs",
        b_world_mercator_plan_crs,
        (E,),
        either(None, ("Mercator", "3395", "scale", "distort")),
    ),
    _c(
        "pop_raster_65535_no_nodata",
        b_pop_raster_65535,
        (E,),
        Expect(figures={}, words=("65535",), warn=("65535",)),
        "lake cells of 65535 counted as people",
    ),
    _c("pop_raster_65535_declared", b_pop_raster_65535_declared, (E,), ok(RASTER_FIGURES)),
    _c("terrain_9999_hole", b_terrain_hole, (E,), either(BASE, "dtm.tif", "-9999")),
    _c(
        "raster_header_200k",
        b_raster_header_huge,
        (E,),
        either(BASE, "dtm.tif", ("200,000", "200000", "too large", "cells")),
        timeout=90.0,
    ),
    _c(
        "export_into_plan_folder",
        b_convert_plan,
        (Run(CONVERT, setup=True), ("export", "plan.gpkg", "--format", "gpkg", "--out", ".")),
        either({}, "plan.gpkg", outputs=()),
        "export replaced the user's plan.gpkg",
        out_dirs=(),
    ),
    _c(
        "export_into_plan_folder_overwrite",
        b_convert_plan,
        (
            Run(CONVERT, setup=True),
            ("export", "plan.gpkg", "--format", "gpkg", "--out", ".", "--overwrite"),
        ),
        either({}, "plan.gpkg"),
        out_dirs=(),
    ),
    _c(
        "geojson_projected_no_crs",
        b_geojson_projected_no_crs,
        (E,),
        bad("residents.geojson", ("crs", "degree", "longitude")),
    ),
    _c(
        "utm_labelled_lonlat",
        b_utm_labelled_lonlat,
        (E,),
        bad("residents_ll.gpkg", ("crs", "degree", "longitude")),
    ),
    _c(
        "gpkg_plan_layer_dropped",
        _gpkg_then("DROP TABLE shelters"),
        (EG,),
        bad("plan.gpkg", "shelters"),
    ),
    _c(
        "gpkg_plan_layer_deleted_cleanly",
        _gpkg_then(
            "DROP TABLE shelters",
            "DELETE FROM gpkg_contents WHERE table_name = 'shelters'",
            "DELETE FROM gpkg_geometry_columns WHERE table_name = 'shelters'",
        ),
        (EG,),
        bad("plan.gpkg", "shelters"),
    ),
    _c(
        "gpkg_plan_metadata_garbled",
        _gpkg_then('UPDATE spaceplanner_metadata SET value = \'{"name": "test", "layers": [1, 2\''),
        (EG,),
        bad("plan.gpkg", "metadata"),
    ),
    _c(
        "gpkg_plan_metadata_dropped",
        _gpkg_then("DROP TABLE spaceplanner_metadata"),
        (EG,),
        bad("plan.gpkg", "metadata"),
    ),
    _c("encoding_5", b_encoding_5, (E,), bad("residents", "encoding", "5")),
    _c("fifo_plan", b_fifo, (V,), bad("plan.toml"), timeout=15.0),
    _c("dev_zero_plan", b_dev_zero, (V,), bad("plan.toml"), timeout=40.0),
    _c(
        "dev_zero_gpkg_plan",
        b_dev_zero_gpkg,
        (("validate", "plan.gpkg"),),
        bad("plan.gpkg"),
        timeout=40.0,
    ),
    _c(
        "long_layer_name_shp_export",
        b_long_layer_name,
        (("export", "plan.toml", "--format", "shp", "--out", "out"),),
        either({}, LONG[:20], outputs=("out/shp/fields.csv",)),
    ),
    _c(
        "long_layer_name_convert",
        b_long_layer_name,
        (CONVERT, EG2),
        ok(BASE, reports=("out2/report.json",)),
    ),
    _c(
        "odd_layer_names_convert",
        _odd_names,
        (CONVERT, EG2),
        ok(BASE, reports=("out2/report.json",)),
        "layer names with spaces or < > that convert can never save",
    ),
    _c(
        "odd_layer_names_shp_export",
        _odd_names,
        (("export", "plan.toml", "--format", "shp,geojson", "--out", "out"),),
        ok({}, outputs=("out/shp/fields.csv",)),
    ),
    _c(
        "out_is_a_file_export",
        b_out_is_file,
        (("export", "plan.toml", "--format", "csv", "--out", "out"),),
        bad("out"),
    ),
    _c("out_is_a_file_evaluate", b_out_is_file, (E,), bad("out"), out_dirs=()),
    _c(
        "json_into_missing_folder",
        b_convert_plan,
        (("evaluate", "plan.toml", "--out", "out", "--json", "missing/report.json"),),
        either(BASE, "missing", outputs=("missing/report.json",)),
    ),
    _c(
        "json_is_a_folder",
        b_json_is_folder,
        (("evaluate", "plan.toml", "--out", "out", "--json", "report"),),
        bad("report"),
    ),
    _c("toml_bom", b_toml_bom, (E,), ok(), "a TOML saved by Notepad with a BOM"),
    _c("gbk_shp_chinese_column_names", b_gbk_column_names, (E,), ok()),
    _c("swapped_lonlat_one_layer", b_swapped_lonlat, (E,), bad("shelters")),
    _c(
        "layers_residents_string",
        b_layers_string,
        (V,),
        bad("residents", "[layers.residents]", "path"),
    ),
    _c("empty_geojson", b_empty_geojson, (E,), bad("shelters.geojson", "no features")),
    _c("network_mm_vertices", b_network_mm, (E,), ok(), timeout=60.0),
    _c(
        "shelters_20k",
        b_shelters_20k,
        (E,),
        ok(
            {
                "population": POPULATION,
                "shelters.capacity_persons": 20000.0,
                "shelters.population_sheltered": POPULATION,
            }
        ),
        timeout=150.0,
    ),
    # ---- every reader -----------------------------------------------------------------
    _c("shp_missing_dbf", b_shp_no_dbf, (E,), bad("residents.shp", ".dbf")),
    _c("shp_garbage_prj", b_shp_garbage_prj, (E,), bad("residents", (".prj", "crs"))),
    _c("shp_unknown_cpg", b_shp_bad_cpg, (E,), either(BASE, "residents", ".cpg")),
    _c("shp_truncated_dbf", b_shp_truncated_dbf, (E,), bad("residents", DAMAGED)),
    _c("shp_garbage_shx", b_shp_garbage_shx, (E,), bad("residents", (".shx", *DAMAGED))),
    _c("geojson_invalid", b_geojson_invalid, (E,), bad("residents.geojson")),
    _c(
        "geojson_null_geometries",
        b_geojson_null_geometries,
        (E,),
        bad("shelters.geojson", ("geometry", "no features")),
    ),
    _c("gpkg_text_file", b_gpkg_text, (E,), bad("shelters.gpkg", "GeoPackage")),
    _c("gpkg_truncated", b_gpkg_truncated, (E,), bad("shelters.gpkg", DAMAGED)),
    _c("kml_good", b_kml_good, (E,), ok()),
    _c("kml_truncated", b_kml_broken, (E,), bad("residents.kml")),
    _c("csv_no_coordinates", b_csv_no_coordinates, (E,), bad("residents.csv", ("x", "coordinat"))),
    _c("csv_header_only", b_csv_header_only, (E,), bad("residents.csv", "no features")),
    _c("csv_gbk_chinese_columns", b_csv_gbk_good, (E,), ok()),
    _c("tif_good_terrain", b_tif_good, (E,), ok()),
    _c("tif_truncated", b_tif_truncated, (E,), bad("dtm.tif", DAMAGED)),
    _c("tif_text_file", b_tif_text, (E,), bad("dtm.tif")),
    _c("tif_band_3", b_tif_band_3, (E,), bad("dtm.tif", "band", "3")),
    _c("tif_far_away", b_tif_far_away, (E,), bad("dtm.tif", "low_ground")),
    _c(
        "raster_two_thresholds",
        b_tif_two_thresholds,
        (E,),
        bad("low_ground", "min_value", "max_value"),
    ),
    _c("raster_threshold_text", b_tif_threshold_text, (E,), bad("low_ground", "max_value", "low")),
    _c("threshold_on_polygons", b_threshold_on_polygons, (E,), bad("flood", "max_value")),
    # ---- every TOML key of the plan ---------------------------------------------------
    _c("plan_name_int", _top("name", "5"), (E,), either(BASE, "name")),
    _c("plan_crs_int", _top("crs", "32635"), (E,), either(BASE, "crs", "32635")),
    _c("plan_rules_unknown", _top("rules", '"cn-gbb"'), (E,), bad("cn-gbb")),
    _c("plan_rules_int", _top("rules", "7"), (E,), bad("rule", "7")),
    _c("plan_scenario_array", _top("scenario", '["flood"]'), (E,), bad("scenario")),
    _c(
        "plan_description_table",
        _top("description", "{ a = 1 }"),
        (E,),
        either(BASE, "description"),
    ),
    _c(
        "targets_share_above_1",
        _targets("shelter.sheltered = 1.5"),
        (E,),
        bad("shelter.sheltered", "1.5"),
    ),
    _c("targets_nan", _targets("shelter.sheltered = nan"), (E,), bad("shelter.sheltered", "nan")),
    _c(
        "targets_text",
        _targets('shelter.sheltered = "high"'),
        (E,),
        bad("shelter.sheltered", "high"),
    ),
    _c(
        "targets_not_a_table",
        lambda d: raw_plan(d, "targets = 0.9\n" + BASE_TOML),
        (E,),
        bad("targets"),
    ),
    _c("no_layers", b_no_layers, (E,), bad("plan.toml", "layers")),
    _c("plan_is_a_folder", b_plan_is_folder, (E,), bad("plan.toml")),
    _c(
        "plan_txt_extension",
        b_plan_txt,
        (("evaluate", "plan.txt", "--out", "out"),),
        either(BASE, "plan.txt"),
    ),
    _c("plan_latin1", b_plan_latin1, (E,), bad("plan.toml", "UTF-8")),
    # ---- every TOML key of a layer -----------------------------------------------------
    _c("layer_role_int", _layer_key("parks", "role", "5"), (E,), bad("parks", "role")),
    _c(
        "layer_role_unknown",
        _layer_key("parks", "role", '"activity_space"'),
        (E,),
        bad("parks", "activity_spaces"),
    ),
    _c("layer_path_int", _layer_key("shelters", "path", "5"), (E,), bad("shelters", "path")),
    _c("layer_path_missing", b_path_missing, (E,), bad("shelters", "path")),
    _c(
        "layer_path_not_found",
        _layer_key("shelters", "path", '"nowhere/s.gpkg"'),
        (E,),
        bad("shelters", "s.gpkg", "not found"),
    ),
    _c("layer_layer_int", _layer_key("shelters", "layer", "3"), (E,), bad("shelters", "layer")),
    _c("layer_crs_bool", _layer_key("residents", "crs", "true"), (E,), bad("residents", "crs")),
    _c("layer_x_missing_column", b_x_missing_column, (E,), bad("residents", "east")),
    _c("layer_x_int", b_x_int, (E,), bad("residents", "x")),
    _c(
        "layer_radius_negative",
        _layer_key("shelters", "radius_m", "-100"),
        (E,),
        bad("shelters", "radius_m", "-100"),
    ),
    _c(
        "layer_radius_text",
        _layer_key("shelters", "radius_m", '"500 m"'),
        (E,),
        bad("shelters", "radius_m", "500 m"),
    ),
    _c(
        "layer_radius_on_residents",
        _layer_key("residents", "radius_m", "300"),
        (E,),
        either(BASE, "residents", "radius_m", warn=("radius_m",)),
    ),
    _c("layer_band_float", _layer_key("residents", "band", "1.5"), (E,), bad("residents", "band")),
    _c(
        "layer_field_map_int",
        _layer_key("residents", "population", "5"),
        (E,),
        bad("residents", "population"),
    ),
    _c("layer_kind_int", b_facility_kind_int, (E,), bad("clinics", "kind")),
    _c(
        "layer_table_is_array",
        lambda d: raw_plan(d, BASE_TOML + '\n[[layers.extra]]\npath = "parks.gpkg"\n'),
        (E,),
        bad("extra"),
    ),
    # ---- values in the data -----------------------------------------------------------
    _c(
        "effective_area_nan",
        _values(_shelter_frame, "shelters", "shelters.gpkg", "effective_area", 0, float("nan")),
        (E,),
        either(
            {
                "population": POPULATION,
                "shelters.capacity_persons": CAPACITY,
                "shelters.population_sheltered": POPULATION,
            },
            "effective_area",
            "S1",
        ),
    ),
    _c(
        "effective_area_inf",
        _values(_shelter_frame, "shelters", "shelters.gpkg", "effective_area", 0, float("inf")),
        (E,),
        bad("shelters.gpkg", "effective_area", "S1"),
    ),
    _c(
        "households_inf",
        _values(_households_frame, "residents", "residents.gpkg", "households", 4, float("inf")),
        (E,),
        bad("residents.gpkg", "households", "R5"),
    ),
    _c(
        "population_text",
        _values(grid_residents, "residents", "residents.gpkg", "population", 6, "many"),
        (E,),
        bad("residents.gpkg", "population", "R7", "many"),
    ),
    # ---- output paths -----------------------------------------------------------------
    _c(
        "export_twice_without_overwrite",
        b_convert_plan,
        (
            Run(("export", "plan.toml", "--format", "csv", "--out", "out"), setup=True),
            ("export", "plan.toml", "--format", "csv", "--out", "out"),
        ),
        bad("out", "--overwrite"),
        out_dirs=(),
    ),
    _c(
        "export_unknown_format",
        b_convert_plan,
        (("export", "plan.toml", "--format", "shp,docx", "--out", "out"),),
        bad("docx"),
    ),
    _c(
        "export_over_input_shapefiles",
        b_plan_and_inputs_in_shp,
        (("export", "plan.toml", "--format", "shp", "--out", ".", "--overwrite"),),
        either({}, "shp"),
        out_dirs=(),
    ),
    _c(
        "evaluate_over_input_gaps_gpkg",
        b_input_named_gaps,
        (("evaluate", "plan.toml", "--out", "."),),
        either({}, "gaps.gpkg", reports=()),
        out_dirs=(),
    ),
    _c(
        "convert_over_its_input_layer",
        b_convert_plan,
        (("convert", "plan.toml", "residents.gpkg", "--overwrite"),),
        bad("residents.gpkg"),
    ),
    _c(
        "convert_over_itself",
        _gpkg_then(),
        (("convert", "plan.gpkg", "plan.gpkg", "--overwrite"),),
        bad("plan.gpkg"),
    ),
    _c(
        "convert_into_missing_folder",
        b_convert_plan,
        (("convert", "plan.toml", "nowhere/plan.gpkg"),),
        either({}, "nowhere", reports=(), outputs=("nowhere/plan.gpkg",)),
    ),
]
