"""Bad input: every broken file, plan or value is reported clearly and never ends in a traceback.

Each test builds its data in ``tmp_path`` and checks the two ways a user meets the problem: the
``spaceplanner validate`` command (exit code 2 for an unusable plan, 0 with a reported repair or
note; the message names the file and layer, plus field and feature where they apply, and says what
to do) and ``load_plan(strict=False)`` (the structured :class:`Problem`).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import rasterio
from pyproj import Transformer
from rasterio import Affine
from shapely.geometry import Point, Polygon, box

from spaceplanner import LayerError, SpacePlannerError, load_plan
from spaceplanner.cli import main
from spaceplanner.layers.problems import Problem

UTM = "EPSG:32635"  # WGS 84 / UTM zone 35N, Helsinki
X0, Y0 = 385_000.0, 6_672_000.0


# --------------------------------------------------------------------------------------------
# Helpers: data and plans built at test time


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    return json.dumps(str(value), ensure_ascii=False)  # a valid TOML basic string


def write_plan(folder: Path, layers: dict[str, dict[str, Any]], **top: Any) -> Path:
    """Write ``folder/plan.toml`` with the top-level keys ``top`` and one table per layer."""
    lines = [f"{key} = {_toml_value(value)}" for key, value in {"name": "test", **top}.items()]
    for name, options in layers.items():
        lines.append(f"\n[layers.{name}]")
        lines += [f"{key} = {_toml_value(value)}" for key, value in options.items()]
    path = folder / "plan.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def residents(populations: list[Any] | None = None, crs: str | None = UTM) -> gpd.GeoDataFrame:
    """Residential points near Helsinki with ids R1, R2, ... and a population column."""
    pops = [120, 80, 45] if populations is None else populations
    return gpd.GeoDataFrame(
        {"id": [f"R{i + 1}" for i in range(len(pops))], "population": pops},
        geometry=[Point(X0 + 100 * i, Y0 + 60 * i) for i in range(len(pops))],
        crs=crs,
    )


def squares(n: int = 2, prefix: str = "S", crs: str | None = UTM) -> gpd.GeoDataFrame:
    """``n`` 40 m squares near the residents, ids S1, S2, ..."""
    return gpd.GeoDataFrame(
        {"id": [f"{prefix}{i + 1}" for i in range(n)]},
        geometry=[box(X0 + 150 * i, Y0 + 200, X0 + 150 * i + 40, Y0 + 240) for i in range(n)],
        crs=crs,
    )


def save(frame: gpd.GeoDataFrame, path: Path, **kwargs: Any) -> Path:
    frame.to_file(path, **kwargs)
    return path


def plan_with(
    folder: Path,
    name: str,
    options: dict[str, Any],
    *,
    with_residents: bool = True,
    **top: Any,
) -> Path:
    """A plan with a good residents layer (unless ``with_residents`` is False) and ``name``."""
    layers: dict[str, dict[str, Any]] = {}
    if with_residents and name != "residents":
        save(residents(), folder / "good_residents.gpkg")
        layers["residents"] = {"path": "good_residents.gpkg"}
    layers[name] = options
    return write_plan(folder, layers, **top)


def write_raster(
    path: Path,
    bounds: tuple[float, float, float, float],
    crs: str | None,
    size: int = 16,
) -> Path:
    """A one-band float32 GeoTIFF over ``bounds``."""
    west, south, east, north = bounds
    width, height = east - west, north - south
    profile: dict[str, Any] = {
        "driver": "GTiff",
        "width": size,
        "height": size,
        "count": 1,
        "dtype": "float32",
        "transform": Affine(width / size, 0.0, west, 0.0, -height / size, north),
    }
    if crs is not None:
        profile["crs"] = crs
    data = np.linspace(0.0, 50.0, size * size, dtype="float32").reshape(size, size)
    with rasterio.open(path, "w", **profile) as dst:
        dst.write(data, 1)
    return path


def helsinki_lonlat_bounds(pad: float = 0.02) -> tuple[float, float, float, float]:
    """The residents' area in lon/lat, padded by ``pad`` degrees."""
    to_lonlat = Transformer.from_crs(UTM, "EPSG:4326", always_xy=True)
    (lon0, lon1), (lat0, lat1) = to_lonlat.transform([X0, X0 + 200], [Y0, Y0 + 120])
    return (
        min(lon0, lon1) - pad,
        min(lat0, lat1) - pad,
        max(lon0, lon1) + pad,
        max(lat0, lat1) + pad,
    )


def validate(plan: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> tuple[int, str]:
    """Run ``spaceplanner validate`` in process; return the exit code and stdout + stderr."""
    code = main(["validate", str(plan), *extra])
    out, err = capsys.readouterr()
    text = out + err
    assert "Traceback" not in text
    assert "internal error" not in text
    return code, text


def the_error(plan_path: Path) -> Problem:
    """The single error of the plan, loaded for validation."""
    plan = load_plan(plan_path, strict=False)
    assert not plan.usable
    assert len(plan.errors) == 1, [p.describe() for p in plan.problems]
    return plan.errors[0]


def assert_layer_error(
    plan_path: Path,
    capsys: pytest.CaptureFixture[str],
    *,
    layer: str,
    file: Path,
    says: tuple[str, ...] = (),
    field: str | None = None,
    feature: str | None = None,
) -> Problem:
    """Validate exits 2 and prints one error naming file, layer (field, feature) and a hint."""
    code, text = validate(plan_path, capsys)
    assert code == 2, text
    problem = the_error(plan_path)
    assert problem.layer == layer
    assert problem.file is not None
    assert Path(problem.file).resolve() == file.resolve()
    if field is not None:
        assert problem.field == field
    if feature is not None:
        assert feature in (problem.feature or ""), problem.describe()
    assert problem.hint, f"no advice in: {problem.describe()}"
    line = problem.describe()
    for word in says:
        assert word.lower() in line.lower(), line
    # The command prints the same message and advice (the file may be shown relative).
    assert problem.message in text
    assert problem.hint in text
    assert f"layer '{layer}'" in text
    assert file.name in text
    return problem


def assert_plan_error(plan_path: Path, capsys: pytest.CaptureFixture[str], *says: str) -> str:
    """Validate exits 2 with one ``error:`` line on stderr naming the plan file."""
    code = main(["validate", str(plan_path)])
    out, err = capsys.readouterr()
    assert code == 2, out + err
    assert "Traceback" not in out + err
    lines = [line for line in err.splitlines() if line.startswith("error: ")]
    assert len(lines) == 1, err
    assert plan_path.name in lines[0]
    for word in says:
        assert word in lines[0], lines[0]
    # The API raises the same error, with advice (a plan error cannot be collected per layer).
    with pytest.raises(SpacePlannerError) as caught:
        load_plan(plan_path, strict=False)
    assert caught.value.hint, f"no advice in: {lines[0]}"
    assert caught.value.message in lines[0]
    assert caught.value.hint in lines[0]
    return lines[0]


def problems_of(plan_path: Path, severity: str, layer: str) -> list[Problem]:
    plan = load_plan(plan_path, strict=False)
    return [p for p in plan.problems if p.severity == severity and p.layer == layer]


# --------------------------------------------------------------------------------------------
# 1-4, 15: files that are missing, empty, mislabelled, incomplete or truncated


def test_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plan = plan_with(tmp_path, "shelters", {"path": "nowhere/shelters.gpkg"})
    assert_layer_error(
        plan, capsys, layer="shelters", file=tmp_path / "nowhere/shelters.gpkg", says=("not found",)
    )


@pytest.mark.parametrize("suffix", [".gpkg", ".shp", ".geojson", ".csv", ".tif"])
def test_zero_byte_file(tmp_path: Path, capsys: pytest.CaptureFixture[str], suffix: str) -> None:
    empty = tmp_path / f"layer{suffix}"
    empty.touch()
    role = "terrain" if suffix == ".tif" else "shelters"
    plan = plan_with(tmp_path, role, {"path": empty.name})
    assert_layer_error(plan, capsys, layer=role, file=empty, says=("empty", "0 bytes"))


@pytest.mark.parametrize("layer", [None, "shelters"])
def test_text_file_named_gpkg(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], layer: str | None
) -> None:
    fake = tmp_path / "shelters.gpkg"
    fake.write_text("id,capacity\nS1,100\n", encoding="utf-8")
    options = {"path": fake.name} | ({"layer": layer} if layer else {})
    plan = plan_with(tmp_path, "shelters", options)
    assert_layer_error(plan, capsys, layer="shelters", file=fake, says=("not a GeoPackage",))


@pytest.mark.parametrize("part", [".shx", ".dbf"])
def test_shapefile_without_a_part(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], part: str
) -> None:
    shp = save(squares(), tmp_path / "shelters.shp")
    shp.with_suffix(part).unlink()
    plan = plan_with(tmp_path, "shelters", {"path": shp.name})
    assert_layer_error(plan, capsys, layer="shelters", file=shp, says=(part, "missing"))


def _truncate(good: Path, target: Path) -> Path:
    """Copy the first half of ``good`` to ``target``, as an interrupted copy would."""
    data = good.read_bytes()
    target.write_bytes(data[: len(data) // 2])
    return target


def _says_damaged(problem: Problem) -> None:
    advice = f"{problem.message} {problem.hint}".lower()
    assert any(word in advice for word in ("truncated", "damaged", "complete")), advice


@pytest.mark.parametrize("layer", [None, "sites"])
def test_truncated_geopackage(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], layer: str | None
) -> None:
    good = save(squares(40), tmp_path / "good.gpkg", layer="sites")
    cut = _truncate(good, tmp_path / "shelters.gpkg")
    options = {"path": cut.name} | ({"layer": layer} if layer else {})
    plan = plan_with(tmp_path, "shelters", options)
    _says_damaged(assert_layer_error(plan, capsys, layer="shelters", file=cut))


def test_truncated_geotiff(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = write_raster(tmp_path / "good.tif", (X0 - 500, Y0 - 500, X0 + 500, Y0 + 500), UTM, 256)
    cut = _truncate(good, tmp_path / "dtm.tif")
    plan = plan_with(tmp_path, "terrain", {"path": cut.name})
    _says_damaged(assert_layer_error(plan, capsys, layer="terrain", file=cut))


def test_multilayer_geopackage_needs_layer(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    gpkg = tmp_path / "community.gpkg"
    save(squares(2), gpkg, layer="parks")
    save(squares(3, prefix="Q"), gpkg, layer="squares")
    plan = plan_with(tmp_path, "activity_spaces", {"path": gpkg.name})
    assert_layer_error(
        plan, capsys, layer="activity_spaces", file=gpkg, says=("parks", "squares", "layer =")
    )


def test_geopackage_without_the_named_layer(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    gpkg = save(squares(2), tmp_path / "community.gpkg", layer="parks")
    plan = plan_with(tmp_path, "activity_spaces", {"path": gpkg.name, "layer": "prks"})
    assert_layer_error(plan, capsys, layer="activity_spaces", file=gpkg, says=("prks", "parks"))


def test_only_layer_fails_reports_its_own_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A plan whose every layer fails still says which file is wrong, not just 'nothing loaded'."""
    plan = plan_with(tmp_path, "residents", {"path": "missing.gpkg"}, with_residents=False)
    code, text = validate(plan, capsys)
    assert code == 2
    assert "missing.gpkg" in text
    assert "layer 'residents'" in text
    assert "not found" in text
    assert "run `spaceplanner validate`" not in text  # the user is already running it


# --------------------------------------------------------------------------------------------
# 5-7, 12, 13: coordinate reference systems


def _shp_without_prj(folder: Path) -> Path:
    shp = save(residents(), folder / "residents.shp")
    shp.with_suffix(".prj").unlink()
    return shp


def test_shapefile_without_prj_is_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shp = _shp_without_prj(tmp_path)
    plan = plan_with(tmp_path, "residents", {"path": shp.name})
    assert_layer_error(plan, capsys, layer="residents", file=shp, says=(".prj", "crs ="))


@pytest.mark.parametrize("where", ["layer", "plan"])
def test_shapefile_without_prj_with_crs_given(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], where: str
) -> None:
    shp = _shp_without_prj(tmp_path)
    options: dict[str, Any] = {"path": shp.name}
    top: dict[str, Any] = {}
    if where == "layer":
        options["crs"] = UTM
    else:
        top["crs"] = UTM
    plan_path = plan_with(tmp_path, "residents", options, **top)
    code, text = validate(plan_path, capsys)
    assert code == 0, text
    plan = load_plan(plan_path, strict=False)
    assert plan.crs.to_epsg() == 32635
    assert plan.layers["residents"].frame is not None
    assert plan.layers["residents"].frame.crs.to_epsg() == 32635
    notes = [p for p in plan.problems if p.severity == "note" and p.layer == "residents"]
    assert notes, "a CRS taken from the plan, not the file, must be reported"
    assert any("EPSG:32635" in p.message for p in notes)
    assert "EPSG:32635" in text


def test_gbk_shapefile_without_cpg(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    frame = residents([300, 200])
    frame["name"] = ["幸福里社区", "和平小区"]
    shp = save(frame, tmp_path / "residents.shp", encoding="gbk")
    shp.with_suffix(".cpg").unlink()
    assert "幸福里社区".encode("gbk") in shp.with_suffix(".dbf").read_bytes()
    plan_path = plan_with(tmp_path, "residents", {"path": shp.name})
    code, text = validate(plan_path, capsys)
    assert code == 0, text
    plan = load_plan(plan_path, strict=False)
    loaded = plan.layers["residents"].frame
    assert loaded is not None
    assert list(loaded["name"]) == ["幸福里社区", "和平小区"]
    notes = problems_of(plan_path, "note", "residents")
    assert any("GB" in p.message and ".cpg" in p.message for p in notes)
    assert any(p.file and Path(p.file).name == "residents.shp" for p in notes)


def test_lonlat_layer_is_projected_to_utm(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lonlat = residents().to_crs("EPSG:4326")
    path = save(lonlat, tmp_path / "residents.geojson")
    plan_path = plan_with(tmp_path, "residents", {"path": path.name})
    code, text = validate(plan_path, capsys)
    assert code == 0, text
    plan = load_plan(plan_path, strict=False)
    assert plan.crs.to_epsg() == 32635
    frame = plan.layers["residents"].frame
    assert frame is not None
    assert frame.crs.to_epsg() == 32635
    assert frame.geometry.iloc[0].distance(Point(X0, Y0)) < 1.0
    notes = problems_of(plan_path, "note", "residents")
    assert any("EPSG:4326" in p.message and "EPSG:32635" in p.message for p in notes)
    assert "EPSG:32635" in text


def test_cgcs2000_layer_is_projected_to_gauss_kruger(tmp_path: Path) -> None:
    frame = gpd.GeoDataFrame(
        {"id": ["W1", "W2"], "population": [500, 700]},
        geometry=[Point(114.30, 30.58), Point(114.31, 30.59)],
        crs="EPSG:4490",
    )
    path = save(frame, tmp_path / "wuhan.gpkg")
    plan_path = write_plan(tmp_path, {"residents": {"path": path.name}})
    plan = load_plan(plan_path, strict=False)
    assert plan.usable, [p.describe() for p in plan.problems]
    assert plan.crs.to_epsg() == 4547  # CGCS2000 / 3-degree Gauss-Kruger CM 114E
    notes = problems_of(plan_path, "note", "residents")
    assert any("EPSG:4490" in p.message and "EPSG:4547" in p.message for p in notes)


def _far_same_crs(folder: Path) -> Path:
    # UTM 35N coordinates of a place in China: the file's EPSG code is wrong.
    frame = gpd.GeoDataFrame(
        {"capacity": [300]}, geometry=[box(230_000, 3_390_000, 230_050, 3_390_050)], crs=UTM
    )
    return save(frame, folder / "shelters.gpkg")


def _far_swapped_csv(folder: Path) -> Path:
    # Helsinki with longitude and latitude swapped: the point lands in the Arabian Sea.
    path = folder / "shelters.csv"
    path.write_text("lon,lat,capacity\n60.17,24.94,300\n60.18,24.95,200\n", encoding="utf-8")
    return path


def _far_other_continent(folder: Path) -> Path:
    frame = gpd.GeoDataFrame({"capacity": [300]}, geometry=[Point(-47.9, -15.8)], crs="EPSG:4326")
    return save(frame, folder / "shelters.geojson")


@pytest.mark.parametrize("make", [_far_same_crs, _far_swapped_csv, _far_other_continent])
@pytest.mark.parametrize("plan_crs", [None, UTM])
def test_layers_that_do_not_overlap(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], make: Any, plan_crs: str | None
) -> None:
    far = make(tmp_path)
    top = {"crs": plan_crs} if plan_crs else {}
    plan_path = plan_with(tmp_path, "shelters", {"path": far.name}, **top)
    problem = assert_layer_error(
        plan_path, capsys, layer="shelters", file=far, says=("do not overlap", "crs =")
    )
    assert "residents" in problem.message


def test_raster_in_lonlat_over_utm_vectors_is_kept_in_its_crs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tif = write_raster(tmp_path / "dtm.tif", helsinki_lonlat_bounds(), "EPSG:4326")
    plan_path = plan_with(tmp_path, "terrain", {"path": tif.name})
    code, text = validate(plan_path, capsys)
    assert code == 0, text
    plan = load_plan(plan_path, strict=False)
    assert plan.crs.to_epsg() == 32635
    raster = plan.layers["terrain"].raster
    assert raster is not None
    assert raster.crs.to_epsg() == 4326
    notes = problems_of(plan_path, "note", "terrain")
    assert any("own CRS" in p.message and "EPSG:4326" in p.message for p in notes)
    assert "own CRS" in text


def test_raster_away_from_the_plan_area(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    tif = write_raster(tmp_path / "dtm.tif", (114.2, 30.5, 114.4, 30.7), "EPSG:4326")
    plan_path = plan_with(tmp_path, "terrain", {"path": tif.name})
    assert_layer_error(plan_path, capsys, layer="terrain", file=tif, says=("do not overlap",))


def test_raster_without_crs_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    tif = write_raster(tmp_path / "dtm.tif", (X0 - 500, Y0 - 500, X0 + 500, Y0 + 500), None)
    plan_path = plan_with(tmp_path, "terrain", {"path": tif.name})
    assert_layer_error(
        plan_path, capsys, layer="terrain", file=tif, says=("no coordinate reference", "crs =")
    )


def test_raster_without_crs_with_crs_given(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tif = write_raster(tmp_path / "dtm.tif", (X0 - 500, Y0 - 500, X0 + 500, Y0 + 500), None)
    plan_path = plan_with(tmp_path, "terrain", {"path": tif.name, "crs": UTM})
    code, text = validate(plan_path, capsys)
    assert code == 0, text
    raster = load_plan(plan_path, strict=False).layers["terrain"].raster
    assert raster is not None
    assert raster.crs.to_epsg() == 32635


# --------------------------------------------------------------------------------------------
# 8-11, 19: geometries and values


def test_bowtie_polygon_is_repaired(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    frame = squares(3)
    frame.loc[1, "geometry"] = Polygon(
        [(X0, Y0), (X0 + 50, Y0 + 50), (X0 + 50, Y0), (X0, Y0 + 50), (X0, Y0)]
    )
    assert not frame.geometry.iloc[1].is_valid
    path = save(frame, tmp_path / "parks.gpkg")
    plan_path = plan_with(tmp_path, "activity_spaces", {"path": path.name, "kind": "park"})
    code, text = validate(plan_path, capsys)
    assert code == 0, text
    assert "1 features repaired" in text
    repairs = problems_of(plan_path, "repair", "activity_spaces")
    assert len(repairs) == 1
    assert repairs[0].count == 1
    assert repairs[0].feature == "S2"
    assert repairs[0].message in text
    frame = load_plan(plan_path, strict=False).layers["activity_spaces"].frame
    assert frame is not None
    assert list(frame["id"]) == ["S1", "S2", "S3"]
    assert frame.geometry.is_valid.all()
    assert frame.geometry.iloc[1].area == pytest.approx(2 * 25 * 50 / 2)


def test_empty_layer_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = gpd.GeoDataFrame(
        {"capacity": pd.Series([], dtype=float)}, geometry=gpd.GeoSeries([], crs=UTM)
    )
    path = save(empty, tmp_path / "shelters.gpkg")
    plan_path = plan_with(tmp_path, "shelters", {"path": path.name})
    assert_layer_error(plan_path, capsys, layer="shelters", file=path, says=("no features",))


@pytest.mark.parametrize("role", ["buildings", "activity_spaces"])
def test_points_where_polygons_are_required(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], role: str
) -> None:
    frame = squares(2)
    frame["geometry"] = frame.geometry.centroid
    path = save(frame, tmp_path / f"{role}.gpkg")
    plan_path = plan_with(tmp_path, role, {"path": path.name})
    problem = assert_layer_error(
        plan_path, capsys, layer=role, file=path, says=("Point", "polygon"), feature="S1"
    )
    assert "S2" in (problem.feature or "")


@pytest.mark.parametrize(
    ("values", "bad_id", "says"),
    [
        (["120", "abc", "45"], "R2", "'abc' is not a number"),
        ([120.0, -5.0, 45.0], "R2", "negative"),
        ([120.0, 80.0, None], "R3", "no population"),
    ],
    ids=["not-a-number", "negative", "missing"],
)
def test_bad_population_value(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    values: list[Any],
    bad_id: str,
    says: str,
) -> None:
    path = save(residents(values), tmp_path / "residents.gpkg")
    plan_path = plan_with(tmp_path, "residents", {"path": path.name})
    assert_layer_error(
        plan_path,
        capsys,
        layer="residents",
        file=path,
        field="population",
        feature=bad_id,
        says=(says,),
    )


def test_population_with_thousands_separator(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = save(residents(["1,200", "80", " 45 "]), tmp_path / "residents.gpkg")
    plan_path = plan_with(tmp_path, "residents", {"path": path.name})
    code, text = validate(plan_path, capsys)
    assert code == 0, text
    frame = load_plan(plan_path, strict=False).layers["residents"].frame
    assert frame is not None
    assert list(frame["population"]) == [1200.0, 80.0, 45.0]


def test_capacity_not_a_number(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    frame = squares(3)
    frame["capacity"] = ["500", "300", "abc"]
    path = save(frame, tmp_path / "shelters.gpkg")
    plan_path = plan_with(tmp_path, "shelters", {"path": path.name})
    assert_layer_error(
        plan_path,
        capsys,
        layer="shelters",
        file=path,
        field="capacity",
        feature="S3",
        says=("'abc' is not a number",),
    )


@pytest.mark.parametrize("blank", [None, Polygon()], ids=["none", "empty"])
def test_feature_without_geometry_is_skipped_and_counted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], blank: Polygon | None
) -> None:
    frame = squares(3)
    frame["capacity"] = [100, 200, 300]
    frame.loc[1, "geometry"] = blank
    path = save(frame, tmp_path / "shelters.gpkg")
    plan_path = plan_with(tmp_path, "shelters", {"path": path.name})
    code, text = validate(plan_path, capsys)
    assert code == 0, text
    assert "1 skipped" in text
    warnings = problems_of(plan_path, "warning", "shelters")
    assert len(warnings) == 1
    assert warnings[0].count == 1
    assert warnings[0].feature == "S2"
    assert "skipped" in warnings[0].message
    assert warnings[0].message in text
    loaded = load_plan(plan_path, strict=False).layers["shelters"].frame
    assert loaded is not None
    assert list(loaded["id"]) == ["S1", "S3"]


def test_strict_load_raises_the_layer_error(tmp_path: Path) -> None:
    path = save(residents([120, -5, 45]), tmp_path / "residents.gpkg")
    plan_path = plan_with(tmp_path, "residents", {"path": path.name})
    with pytest.raises(LayerError) as caught:
        load_plan(plan_path, strict=True)
    line = caught.value.describe()
    assert str(path) in line
    assert "layer 'residents'" in line
    assert "field 'population'" in line
    assert "feature R2" in line
