"""Bad values: inputs that used to give silently wrong figures or misleading messages.

Every case ends in ``exit 0`` with the right figures (checked against hand-computed values) or in
``exit 2`` with one message naming the file, layer, field and feature and saying what to do, never
in an internal error. Data is built in ``tmp_path`` with the helpers of ``test_bad_input``.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import rasterio
from rasterio import Affine
from shapely.geometry import Point, box
from test_bad_input import (
    UTM,
    X0,
    Y0,
    assert_layer_error,
    assert_plan_error,
    plan_with,
    residents,
    save,
    squares,
    validate,
    write_plan,
)

from spaceplanner import load_plan
from spaceplanner.cli import main
from spaceplanner.engine.hazards import hazard_zones
from spaceplanner.layers.catalogue import get_role, layer_options, role_names
from spaceplanner.layers.encoding import detect_dbf_encoding
from spaceplanner.layers.errors import LayerError, RuleError
from spaceplanner.layers.values import bool_value, parse_number_texts
from spaceplanner.model.plan import PLAN_KEYS, RASTER_ZONE_OPTIONS, Plan
from spaceplanner.model.rules import load_profile

# --------------------------------------------------------------------------------------------
# Helpers


def evaluate(plan: Path, out: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> Any:
    """Run ``spaceplanner evaluate``; return the report (exit 0) or the exit code and text."""
    code = main(["evaluate", str(plan), "--out", str(out), *extra])
    stdout, stderr = capsys.readouterr()
    assert "internal error" not in stdout + stderr
    assert "Traceback" not in stdout + stderr
    if code != 0:
        return code, stderr
    return json.loads((out / "report.json").read_text(encoding="utf-8"))


def error_line(capsys: pytest.CaptureFixture[str], argv: list[str]) -> str:
    """Run the CLI, assert exit 2 and no internal error; return the one error line."""
    code = main(argv)
    stdout, stderr = capsys.readouterr()
    assert code == 2, stdout + stderr
    assert "internal error" not in stdout + stderr
    lines = [line for line in (stdout + stderr).splitlines() if line.strip().startswith("error")]
    assert lines, stdout + stderr
    return lines[0]


def shelter_plan(folder: Path, **parks: Any) -> Path:
    """2,500 residents, one 40 m shelter (capacity 3,000, so 1,600 by its area) and two 40 m parks.

    With the emergency class's 1 m² per person, each dual-use park adds 1,600 persons.
    """
    save(residents([1000, 800, 700]), folder / "residents.gpkg")
    shelters = squares(1)
    shelters["capacity"] = [3000]
    save(shelters, folder / "shelters.gpkg")
    save(squares(2, prefix="P"), folder / "parks.gpkg")
    layers = {
        "residents": {"path": "residents.gpkg"},
        "shelters": {"path": "shelters.gpkg"},
        "parks": {"path": "parks.gpkg", "role": "activity_spaces", **parks},
    }
    return write_plan(folder, layers)


def write_grid(
    path: Path, data: np.ndarray, *, origin: tuple[float, float], cell: float, nodata: Any = None
) -> Path:
    """A one-band GeoTIFF in the test CRS with ``data`` and its upper-left corner at ``origin``."""
    profile: dict[str, Any] = {
        "driver": "GTiff",
        "width": data.shape[1],
        "height": data.shape[0],
        "count": 1,
        "dtype": str(data.dtype),
        "crs": UTM,
        "transform": Affine(cell, 0.0, origin[0], 0.0, -cell, origin[1]),
    }
    if nodata is not None:
        profile["nodata"] = nodata
    with rasterio.open(path, "w", **profile) as dst:
        dst.write(data, 1)
    return path


# --------------------------------------------------------------------------------------------
# Yes/no constants read as column values are


@pytest.mark.parametrize("value", ["no", "否", "false", "0", False, 0])
def test_dual_use_no_as_a_plan_constant_is_no(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], value: Any
) -> None:
    without = evaluate(shelter_plan(tmp_path), tmp_path / "a", capsys)
    plan = shelter_plan(tmp_path, dual_use=value)
    report = evaluate(plan, tmp_path / "b", capsys)
    # one shelter of 1,600 m² at 1 m²/person; the parks are not shelters
    assert report["shelters"]["capacity_persons"] == pytest.approx(1600)
    assert report["shelters"] == without["shelters"]
    assert load_plan(plan).layers["parks"].constants == {"dual_use": False}


@pytest.mark.parametrize("value", ["yes", "是", "TRUE", "1", True, 1])
def test_dual_use_yes_as_a_plan_constant_is_yes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], value: Any
) -> None:
    report = evaluate(shelter_plan(tmp_path, dual_use=value), tmp_path / "out", capsys)
    assert report["shelters"]["capacity_persons"] == pytest.approx(1600 + 2 * 1600)


def test_dual_use_constant_gives_the_same_figures_after_convert(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = shelter_plan(tmp_path, dual_use="no")
    before = evaluate(plan, tmp_path / "a", capsys)
    assert main(["convert", str(plan), str(tmp_path / "plan.gpkg")]) == 0
    capsys.readouterr()
    after = evaluate(tmp_path / "plan.gpkg", tmp_path / "b", capsys)
    assert before["shelters"]["capacity_persons"] == pytest.approx(1600)
    assert after["shelters"] == before["shelters"]


def test_dual_use_constant_that_is_not_yes_or_no(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = shelter_plan(tmp_path, dual_use="maybe")
    line = assert_plan_error(plan, capsys, "'maybe'", "field 'dual_use'", "layer 'parks'")
    assert "yes/no" in line


def test_dual_use_constant_from_frames_is_parsed() -> None:
    parks = squares(2, prefix="P")
    plan = Plan.from_frames(
        "t", {"r": ("residents", residents()), "p": ("activity_spaces", parks, {"dual_use": "否"})}
    )
    frame = plan.layers["p"].frame
    assert frame is not None
    assert list(frame["dual_use"]) == [False, False]
    with pytest.raises(LayerError) as caught:
        Plan.from_frames("t", {"p": ("activity_spaces", parks, {"dual_use": "perhaps"})})
    assert caught.value.field == "dual_use"
    assert "perhaps" in caught.value.message


def test_missing_dual_use_values_mean_no(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = shelter_plan(tmp_path)
    parks = squares(2, prefix="P")
    parks["dual_use"] = pd.Series([None, "yes"], dtype=object)
    save(parks, tmp_path / "parks.gpkg")
    report = evaluate(plan, tmp_path / "out", capsys)
    assert report["shelters"]["capacity_persons"] == pytest.approx(1600 + 1600)


def test_bool_words() -> None:
    assert [bool_value(v) for v in ("yes", "否", " True ", 1, 0.0, None, float("nan"))] == [
        True,
        False,
        True,
        True,
        False,
        False,
        False,
    ]
    assert bool_value("maybe") is None
    assert bool_value(2) is None


def test_text_constant_given_as_a_number(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    save(squares(2), tmp_path / "clinics.gpkg")
    plan = plan_with(tmp_path, "clinics", {"path": "clinics.gpkg", "role": "facilities", "kind": 5})
    assert_plan_error(plan, capsys, "field 'kind'", "kind = 5", "quotes")


# --------------------------------------------------------------------------------------------
# Decimal commas and CSV separators


@pytest.mark.parametrize(
    ("texts", "decimal", "values", "flag"),
    [
        (["1,234,567", "1,234.5", "12"], ".", [1234567, 1234.5, 12], None),
        (["37,5", "0,500", "12"], ".", [math.nan, math.nan, 12], "decimal_comma"),
        (["1,200", "80"], ".", [1200, 80], "ambiguous"),
        (["1,200", "12.5"], ".", [1200, 12.5], None),  # a decimal point shows ',' groups
        (["37,5", "1.234,5", "1.234.567", "7"], ",", [37.5, 1234.5, 1234567, 7], None),
        (["37.5"], ",", [math.nan], "unreadable"),
        (["abc", "1 234"], ".", [math.nan, math.nan], "unreadable"),
    ],
    ids=["grouped", "decimal-comma", "one-group", "confirmed", "declared-comma", "dot", "text"],
)
def test_number_texts(texts: list[str], decimal: str, values: list[float], flag: str) -> None:
    read = parse_number_texts(pd.Series(texts, dtype=object), decimal)
    np.testing.assert_allclose(read.values, values)
    for name in ("decimal_comma", "ambiguous", "unreadable"):
        assert getattr(read, name).any() == (name == flag), name


def _csv_residents(folder: Path, text: str) -> Path:
    path = folder / "residents.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_decimal_comma_is_refused_without_decimal_option(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _csv_residents(tmp_path, f'x,y,population\n{X0},{Y0},"37,5"\n{X0 + 50},{Y0},"12"\n')
    plan = plan_with(tmp_path, "residents", {"path": path.name, "crs": UTM})
    problem = assert_layer_error(
        plan,
        capsys,
        layer="residents",
        file=path,
        field="population",
        feature="residents-1",
        says=("37,5", "decimal comma"),
    )
    assert 'decimal = ","' in (problem.hint or "")


def test_decimal_option_reads_decimal_commas(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _csv_residents(
        tmp_path, f"x;y;population\n{X0:.0f},5;{Y0:.0f};37,5\n{X0 + 50:.0f};{Y0:.0f};1.234,5\n"
    )
    plan = plan_with(tmp_path, "residents", {"path": path.name, "crs": UTM, "decimal": ","})
    code, text = validate(plan, capsys)
    assert code == 0, text
    frame = load_plan(plan).layers["residents"].frame
    assert frame is not None
    assert list(frame["population"]) == [37.5, 1234.5]
    assert frame.geometry.iloc[0].x == pytest.approx(X0 + 0.5)
    report = evaluate(plan, tmp_path / "out", capsys)
    assert report["population"] == pytest.approx(37.5 + 1234.5)


def test_one_comma_group_is_thousands_with_a_note(tmp_path: Path) -> None:
    path = save(residents(["1,200", "80", "45"]), tmp_path / "residents.gpkg")
    plan = load_plan(plan_with(tmp_path, "residents", {"path": path.name}), strict=False)
    frame = plan.layers["residents"].frame
    assert frame is not None
    assert list(frame["population"]) == [1200, 80, 45]
    notes = [p for p in plan.problems if p.field == "population"]
    assert len(notes) == 1 and notes[0].severity == "note"
    assert notes[0].feature == "R1" and "decimal" in (notes[0].hint or "")


def test_decimal_commas_in_csv_coordinates(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _csv_residents(tmp_path, f'x,y,population\n"{X0:.0f},5",{Y0},10\n')
    plan = plan_with(tmp_path, "residents", {"path": path.name, "crs": UTM})
    problem = assert_layer_error(plan, capsys, layer="residents", file=path, feature="row 2")
    assert 'decimal = ","' in (problem.hint or "")


def test_semicolon_csv_is_recognised(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _csv_residents(
        tmp_path, f"x;y;population;name\n{X0};{Y0};120;a\n{X0 + 50};{Y0};80;b, c\n"
    )
    plan = plan_with(tmp_path, "residents", {"path": path.name, "crs": UTM})
    code, text = validate(plan, capsys)
    assert code == 0, text
    assert "semicolons" in text
    loaded = load_plan(plan)
    frame = loaded.layers["residents"].frame
    assert frame is not None
    assert list(frame["population"]) == [120, 80]
    assert list(frame["name"]) == ["a", "b, c"]


# --------------------------------------------------------------------------------------------
# Non-finite and implausible numbers


@pytest.mark.parametrize("value", [math.nan, math.inf, -5, 0, 60_000], ids=str)
def test_radius_that_is_not_usable(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], value: float
) -> None:
    save(squares(1), tmp_path / "shelters.gpkg")
    plan = plan_with(tmp_path, "shelters", {"path": "shelters.gpkg", "radius_m": value})
    line = assert_plan_error(plan, capsys, "field 'radius_m'", "layer 'shelters'")
    assert "radius_m = " in line


@pytest.mark.parametrize(
    ("value", "says"),
    [
        (math.inf, "not a finite number"),
        (1e17, "plausible maximum"),
        (float(np.finfo(np.float32).max), "plausible maximum"),
        ("inf", "not a finite number"),
    ],
    ids=["inf", "1e17", "float32-max", "inf-text"],
)
def test_population_that_cannot_be_right(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], value: Any, says: str
) -> None:
    values = ["120", value, "45"] if isinstance(value, str) else [120.0, value, 45.0]
    path = save(residents(values), tmp_path / "residents.gpkg")
    plan = plan_with(tmp_path, "residents", {"path": path.name})
    assert_layer_error(
        plan, capsys, layer="residents", file=path, field="population", feature="R2", says=(says,)
    )
    code, text = evaluate(plan, tmp_path / "out", capsys)
    assert code == 2 and "R2" in text


@pytest.mark.parametrize("value", [math.inf, 5e6])
def test_capacity_that_cannot_be_right(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], value: float
) -> None:
    frame = squares(2)
    frame["capacity"] = [300.0, value]
    path = save(frame, tmp_path / "shelters.gpkg")
    plan = plan_with(tmp_path, "shelters", {"path": path.name})
    assert_layer_error(plan, capsys, layer="shelters", file=path, field="capacity", feature="S2")


def test_bounds_are_catalogue_data() -> None:
    assert get_role("residents").fields["population"].maximum == 10_000_000
    assert get_role("shelters").fields["capacity"].maximum == 1_000_000
    assert layer_options()["radius_m"].maximum == 50_000


def _profile(folder: Path, value: str) -> Path:
    path = folder / "mine.toml"
    path.write_text(
        'name = "mine"\nextends = "cn-gb"\n[walking]\n'
        f'speed_m_per_min = {{ value = {value}, source = "test" }}\n',
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize("value", ["nan", "inf", "-inf"])
def test_profile_value_that_is_not_finite(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], value: str
) -> None:
    profile = _profile(tmp_path, value)
    with pytest.raises(RuleError) as caught:
        load_profile(profile)
    assert caught.value.field == "walking.speed_m_per_min"
    assert "finite" in caught.value.message
    save(residents(), tmp_path / "residents.gpkg")
    plan = write_plan(tmp_path, {"residents": {"path": "residents.gpkg"}})
    line = error_line(
        capsys, ["evaluate", str(plan), "--rules", str(profile), "--out", str(tmp_path / "o")]
    )
    assert "mine.toml" in line and "walking.speed_m_per_min" in line


def test_raster_hazard_threshold_that_is_nan(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_grid(
        tmp_path / "dem.tif",
        np.full((4, 4), 200.0, dtype="float32"),
        origin=(X0, Y0 + 200),
        cell=50,
    )
    plan = plan_with(
        tmp_path,
        "flood",
        {"path": "dem.tif", "role": "hazards", "hazard": "flood", "max_value": math.nan},
    )
    assert_layer_error(
        plan, capsys, layer="flood", file=tmp_path / "dem.tif", field="max_value", says=("finite",)
    )


# --------------------------------------------------------------------------------------------
# Shapefiles cut short


def _shapefile(folder: Path, n: int = 25) -> Path:
    frame = gpd.GeoDataFrame(
        {"id": [f"R{i + 1}" for i in range(n)], "population": [100] * n},
        geometry=[Point(X0 + 10 * i, Y0) for i in range(n)],
        crs=UTM,
    )
    return save(frame, folder / "residents.shp")


def _cut(path: Path, size: int) -> None:
    path.write_bytes(path.read_bytes()[:size])


def test_shapefile_cut_short(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shp = _shapefile(tmp_path)
    # a point record is 28 bytes after the 100-byte header; keep 13 and part of the 14th
    assert shp.stat().st_size == 100 + 25 * 28
    _cut(shp, 100 + 13 * 28 + 10)
    plan = plan_with(tmp_path, "residents", {"path": shp.name})
    problem = assert_layer_error(
        plan, capsys, layer="residents", file=shp, says=("cut short", "13 of 25")
    )
    assert "copy" in (problem.hint or "")
    code, text = evaluate(plan, tmp_path / "out", capsys)
    assert code == 2 and "13 of 25" in text


@pytest.mark.parametrize(("part", "says"), [(".shx", "index holds 10 of 25"), (".dbf", "10 of 25")])
def test_shapefile_part_cut_short(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], part: str, says: str
) -> None:
    shp = _shapefile(tmp_path)
    target = shp.with_suffix(part)
    data = target.read_bytes()
    if part == ".shx":
        keep = 100 + 10 * 8
    else:
        header_len = int.from_bytes(data[8:10], "little")
        record_len = int.from_bytes(data[10:12], "little")
        keep = header_len + 10 * record_len + 3
    _cut(target, keep)
    plan = plan_with(tmp_path, "residents", {"path": shp.name})
    assert_layer_error(plan, capsys, layer="residents", file=target, says=("cut short", says))


def test_whole_shapefile_still_loads(tmp_path: Path) -> None:
    shp = _shapefile(tmp_path)
    plan = load_plan(plan_with(tmp_path, "residents", {"path": shp.name}))
    assert plan.population() == 2500


# --------------------------------------------------------------------------------------------
# Rasters whose no-data is not declared


def _population_raster(folder: Path) -> tuple[Path, Path]:
    """An 8 x 8 uint16 grid of 20 m cells, 150 people a cell, 4 lake cells of 65535, no nodata."""
    data = np.full((8, 8), 150, dtype="uint16")
    data[2:4, 5:7] = 65535
    west, north = X0 - 80, Y0 + 80
    tif = write_grid(folder / "pop.tif", data, origin=(west, north), cell=20)
    boundary = gpd.GeoDataFrame(
        {"name": ["area"]}, geometry=[box(west, north - 160, west + 160, north)], crs=UTM
    )
    save(boundary, folder / "boundary.gpkg")
    return tif, folder / "boundary.gpkg"


def test_population_raster_with_marker_values(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tif, _ = _population_raster(tmp_path)
    layers: dict[str, dict[str, Any]] = {
        "boundary": {"path": "boundary.gpkg"},
        "residents": {"path": tif.name},
    }
    plan = write_plan(tmp_path, layers)
    code, text = validate(plan, capsys)
    assert code == 0, text
    warnings = [p for p in load_plan(plan, strict=False).problems if p.severity == "warning"]
    assert len(warnings) == 1
    assert warnings[0].layer == "residents" and warnings[0].count == 4
    assert "65535" in warnings[0].message and "nodata = 65535" in (warnings[0].hint or "")

    layers["residents"]["nodata"] = 65535
    plan = write_plan(tmp_path, layers)
    report = evaluate(plan, tmp_path / "out", capsys)
    assert report["population"] == pytest.approx(60 * 150)  # 9,000: the lake holds nobody
    assert not [p for p in load_plan(plan).problems if p.severity == "warning"]


def test_declared_nodata_survives_convert(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tif, _ = _population_raster(tmp_path)
    layers = {
        "boundary": {"path": "boundary.gpkg"},
        "residents": {"path": tif.name, "nodata": 65535},
    }
    plan = write_plan(tmp_path, layers)
    assert main(["convert", str(plan), str(tmp_path / "plan.gpkg")]) == 0
    capsys.readouterr()
    report = evaluate(tmp_path / "plan.gpkg", tmp_path / "out", capsys)
    assert report["population"] == pytest.approx(60 * 150)


def test_terrain_hole_is_not_a_flood_zone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A DEM of 10 m cells at 200 m with a -9999 hole of 3 cells; ground at or below 150 floods."""
    data = np.full((30, 30), 200.0, dtype="float32")
    data[12, 10:13] = -9999.0  # inside the residents' extent, so inside the window read
    write_grid(tmp_path / "dem.tif", data, origin=(X0 - 50, Y0 + 150), cell=10)
    flood = {"path": "dem.tif", "role": "hazards", "hazard": "flood", "max_value": 150.0}
    plan_path = plan_with(tmp_path, "flood", flood)
    code, text = validate(plan_path, capsys)
    # a hazard raster's marker would become flood zone: refused, with the way to say what it is
    assert code == 2 and "-9999" in text and "nodata = -9999" in text

    plan_path = plan_with(tmp_path, "flood", {**flood, "nodata": -9999})
    zones = hazard_zones(load_plan(plan_path), "flood")
    assert zones.area.sum() == pytest.approx(0)


def test_raster_with_declared_nodata_gets_no_warning(tmp_path: Path) -> None:
    data = np.full((4, 4), 150, dtype="uint16")
    data[0, 0] = 65535
    write_grid(tmp_path / "pop.tif", data, origin=(X0, Y0), cell=20, nodata=65535)
    plan = load_plan(write_plan(tmp_path, {"residents": {"path": "pop.tif"}}), strict=False)
    assert not [p for p in plan.problems if p.severity == "warning"]


def test_nodata_on_a_vector_layer(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = save(residents(), tmp_path / "residents.gpkg")
    plan = plan_with(tmp_path, "residents", {"path": path.name, "nodata": 0})
    assert_layer_error(plan, capsys, layer="residents", file=path, field="nodata")


# --------------------------------------------------------------------------------------------
# Messages that misled or refused good input


def test_plan_saved_with_a_byte_order_mark(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    save(residents(), tmp_path / "residents.gpkg")
    plan = write_plan(tmp_path, {"residents": {"path": "residents.gpkg"}})
    plan.write_bytes(b"\xef\xbb\xbf" + plan.read_bytes())
    code, text = validate(plan, capsys)
    assert code == 0, text
    assert load_plan(plan).population() == 245


def test_gbk_shapefile_with_chinese_only_in_column_names(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    frame = residents([300, 200]).rename(columns={"population": "常住人口", "id": "编号"})
    shp = save(frame, tmp_path / "residents.shp", encoding="gbk")
    shp.with_suffix(".cpg").unlink()
    assert detect_dbf_encoding(shp).encoding == "gb18030"
    plan = plan_with(tmp_path, "residents", {"path": shp.name})
    code, text = validate(plan, capsys)
    assert code == 0, text
    loaded = load_plan(plan)
    assert loaded.population() == 500
    assert loaded.layers["residents"].field_map["population"] == "常住人口"


def test_layer_given_as_a_string(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plan = tmp_path / "plan.toml"
    plan.write_text('name = "t"\n[layers]\nresidents = "x.gpkg"\n', encoding="utf-8")
    line = assert_plan_error(plan, capsys, "layer 'residents'", "[layers.residents]")
    assert 'path = "x.gpkg"' in line and "role" in line


def test_empty_geojson(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "residents.geojson"
    path.write_text('{"type": "FeatureCollection", "features": []}', encoding="utf-8")
    plan = plan_with(tmp_path, "residents", {"path": path.name})
    assert_layer_error(plan, capsys, layer="residents", file=path, says=("has no features",))


def test_encoding_given_as_a_number(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    save(residents(), tmp_path / "residents.gpkg")
    plan = write_plan(tmp_path, {"residents": {"path": "residents.gpkg", "encoding": 5}})
    line = assert_plan_error(plan, capsys, "field 'encoding'", "encoding = 5", "quotes")
    assert "lookup()" not in line
    assert error_line(capsys, ["evaluate", str(plan), "--out", str(tmp_path / "o")])


def _wrong_values(kind: str) -> list[Any]:
    """TOML values of the wrong type for a key of type ``kind``."""
    wrong: list[Any] = [[1, 2], {"a": 1}]
    if kind in {"text", "choice"}:
        return [5, 2.5, True, *wrong]
    if kind == "crs":
        return [2.5, True, *wrong]
    return ["12", True, *wrong]  # number, integer


def _toml(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{k} = {_toml(v)}" for k, v in value.items()) + " }"
    if isinstance(value, str):
        return json.dumps(value)
    return repr(value)


def _layer_key_cases() -> list[Any]:
    cases = []
    for key, option in layer_options().items():
        for value in _wrong_values(option.type):
            cases.append(pytest.param("hazards", key, value, id=f"{key}={_toml(value)}"))
    for role in role_names():
        for name, spec in get_role(role).fields.items():
            keys = [name, f"{name}_field"] if spec.constant else [name]
            for key in keys:
                kind = "bool" if spec.type == "bool" and key == name else "text"
                values = [[1], {"a": 1}] if kind == "bool" else [5, [1]]
                for value in values:
                    cases.append(pytest.param(role, key, value, id=f"{role}.{key}={_toml(value)}"))
    return cases


@pytest.mark.parametrize(("role", "key", "value"), _layer_key_cases())
def test_every_layer_key_with_a_wrong_type(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], role: str, key: str, value: Any
) -> None:
    save(residents(), tmp_path / "layer.gpkg")
    path = "layer.gpkg"
    head = ['name = "t"', "[layers.the_layer]", f'role = "{role}"']
    if key in RASTER_ZONE_OPTIONS:  # checked with the raster layer, and named with its file
        write_grid(tmp_path / "dem.tif", np.zeros((4, 4), "float32"), origin=(X0, Y0), cell=10)
        path = "dem.tif"
        head.append('hazard = "flood"')
    head.append(f'path = "{path}"')
    lines = [line for line in head if not line.startswith(f"{key} =")]
    lines.append(f"{key} = {_toml(value)}")
    plan = tmp_path / "plan.toml"
    plan.write_text("\n".join(lines) + "\n", encoding="utf-8")
    line = error_line(capsys, ["validate", str(plan)])
    assert f"field '{key}'" in line, line
    assert "layer 'the_layer'" in line
    assert (path if key in RASTER_ZONE_OPTIONS else "plan.toml") in line


@pytest.mark.parametrize(
    ("key", "value"),
    [
        pytest.param(key, value, id=f"{key}={_toml(value)}")
        for key in PLAN_KEYS
        for value in ([5, [1]] if key != "crs" else [2.5, [1]])
    ],
)
def test_every_plan_key_with_a_wrong_type(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], key: str, value: Any
) -> None:
    save(residents(), tmp_path / "residents.gpkg")
    top = "" if key == "name" else 'name = "t"\n'
    layers = '[layers.residents]\npath = "residents.gpkg"\n' if key != "layers" else ""
    plan = tmp_path / "plan.toml"
    plan.write_text(f"{top}{key} = {_toml(value)}\n{layers}", encoding="utf-8")
    line = error_line(capsys, ["validate", str(plan)])
    assert key in line and "plan.toml" in line
