"""Bad input, continued: the plan spec, CSV coordinates, convert (see test_bad_input.py)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from shapely.geometry import Point
from test_bad_input import (
    UTM,
    X0,
    Y0,
    assert_layer_error,
    assert_plan_error,
    plan_with,
    problems_of,
    residents,
    save,
    squares,
    validate,
    write_plan,
    write_raster,
)

from spaceplanner import load_plan
from spaceplanner.cli import main

# --------------------------------------------------------------------------------------------
# 14, 18: the plan spec


def test_unknown_role_suggests_the_closest(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    save(squares(), tmp_path / "sites.gpkg")
    plan = write_plan(tmp_path, {"sites": {"path": "sites.gpkg", "role": "shelter"}})
    line = assert_plan_error(plan, capsys, "layer 'sites'", "'shelter'", "did you mean 'shelters'")
    assert "field 'role'" in line


def test_unknown_field_suggests_the_closest(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    save(residents(), tmp_path / "residents.gpkg")
    plan = write_plan(tmp_path, {"residents": {"path": "residents.gpkg", "popul": "x"}})
    assert_plan_error(plan, capsys, "layer 'residents'", "'popul'", "did you mean 'population'")


def test_mapped_column_that_does_not_exist(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    frame = residents().rename(columns={"population": "pop"})
    path = save(frame, tmp_path / "residents.gpkg")
    plan_path = plan_with(tmp_path, "residents", {"path": path.name, "population": "pop2"})
    problem = assert_layer_error(
        plan_path, capsys, layer="residents", file=path, says=("'pop2'", "population")
    )
    assert "'pop'" in (problem.hint or "")


@pytest.mark.parametrize(
    ("role", "suffix", "option", "value"),
    [
        ("terrain", ".tif", "band", "x"),
        ("terrain", ".tif", "band", 3),
        ("residents", ".gpkg", "encoding", "nonsense"),
        ("residents", ".csv", "encoding", "nonsense"),
        ("residents", ".gpkg", "crs", "EPSG:99999"),
    ],
    ids=[
        "band-not-a-number",
        "band-out-of-range",
        "unknown-encoding-gpkg",
        "unknown-encoding-csv",
        "unknown-crs",
    ],
)
def test_bad_layer_option_value(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    role: str,
    suffix: str,
    option: str,
    value: Any,
) -> None:
    path = tmp_path / f"{role}{suffix}"
    if suffix == ".tif":
        write_raster(path, (X0 - 500, Y0 - 500, X0 + 500, Y0 + 500), UTM)
    elif suffix == ".csv":
        path.write_text(f"x,y,population\n{X0},{Y0},100\n", encoding="utf-8")
    else:
        save(residents(), path)
    plan = plan_with(tmp_path, role, {"path": path.name, option: value})
    code, text = validate(plan, capsys)
    assert code == 2, text
    assert f"layer '{role}'" in text
    assert option in text
    assert str(value) in text
    assert "export it again" not in text  # the file is fine; the plan's option is not


@pytest.mark.parametrize(
    ("top", "says"),
    [
        ({"crs": "EPSG:4326"}, ("field 'crs'", "EPSG:4326", "metres")),
        ({"crs": "not a crs"}, ("field 'crs'", "'not a crs'")),
        ({"nmae": "x"}, ("'nmae'", "did you mean 'name'")),
    ],
    ids=["geographic-plan-crs", "unknown-plan-crs", "unknown-plan-key"],
)
def test_bad_plan_setting(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], top: dict[str, Any], says: tuple[str, ...]
) -> None:
    save(residents(), tmp_path / "residents.gpkg")
    plan = write_plan(tmp_path, {"residents": {"path": "residents.gpkg"}}, **top)
    assert_plan_error(plan, capsys, *says)


def test_invalid_toml(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plan = tmp_path / "plan.toml"
    plan.write_text('name = "test"\n[layers.residents\npath = "r.gpkg"\n', encoding="utf-8")
    assert_plan_error(plan, capsys, "not valid TOML", "line 2")


def test_missing_plan_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert_plan_error(tmp_path / "no_plan.toml", capsys, "not found")


# --------------------------------------------------------------------------------------------
# 17: CSV


def test_csv_with_lonlat_columns(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lonlat = residents().to_crs("EPSG:4326")
    rows = ["经度,纬度,人口"] + [
        f"{p.x:.7f},{p.y:.7f},{n}"
        for p, n in zip(lonlat.geometry, lonlat["population"], strict=True)
    ]
    path = tmp_path / "residents.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    plan_path = plan_with(tmp_path, "residents", {"path": path.name})
    code, text = validate(plan_path, capsys)
    assert code == 0, text
    plan = load_plan(plan_path, strict=False)
    frame = plan.layers["residents"].frame
    assert frame is not None
    assert plan.crs.to_epsg() == 32635
    assert list(frame["population"]) == [120.0, 80.0, 45.0]
    assert frame.geometry.iloc[0].distance(Point(X0, Y0)) < 1.0


def test_csv_with_non_numeric_coordinates(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "shelters.csv"
    path.write_text(f"x,y,capacity\n{X0},{Y0},100\n{X0 + 50},north,200\n", encoding="utf-8")
    plan_path = plan_with(tmp_path, "shelters", {"path": path.name, "crs": UTM})
    assert_layer_error(
        plan_path, capsys, layer="shelters", file=path, feature="row 3", says=("'north'",)
    )


def test_csv_with_projected_coordinates_in_lonlat_columns(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "shelters.csv"
    path.write_text(f"lon,lat,capacity\n{X0},{Y0},100\n", encoding="utf-8")
    plan_path = plan_with(tmp_path, "shelters", {"path": path.name})
    assert_layer_error(
        plan_path,
        capsys,
        layer="shelters",
        file=path,
        feature="row 2",
        says=("longitude/latitude", "crs ="),
    )


def test_gbk_csv(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lonlat = residents().to_crs("EPSG:4326")
    rows = ["名称,经度,纬度,人口"] + [
        f"小区{i},{p.x:.7f},{p.y:.7f},{n}"
        for i, (p, n) in enumerate(zip(lonlat.geometry, lonlat["population"], strict=True))
    ]
    path = tmp_path / "residents.csv"
    path.write_bytes(("\n".join(rows) + "\n").encode("gbk"))
    plan_path = plan_with(tmp_path, "residents", {"path": path.name})
    code, text = validate(plan_path, capsys)
    assert code == 0, text
    frame = load_plan(plan_path, strict=False).layers["residents"].frame
    assert frame is not None
    assert list(frame["name"]) == ["小区0", "小区1", "小区2"]
    notes = problems_of(plan_path, "note", "residents")
    assert any("GB" in p.message for p in notes)


# --------------------------------------------------------------------------------------------
# 20: convert


def test_convert_refuses_to_overwrite(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    save(residents(), tmp_path / "residents.gpkg")
    plan = write_plan(tmp_path, {"residents": {"path": "residents.gpkg"}})
    out = tmp_path / "plan.gpkg"
    out.write_bytes(b"precious work")
    code = main(["convert", str(plan), str(out)])
    stdout, stderr = capsys.readouterr()
    assert code == 2
    assert "Traceback" not in stdout + stderr
    assert stderr.startswith("error: ")
    assert str(out) in stderr
    assert "--overwrite" in stderr
    assert out.read_bytes() == b"precious work"


def test_convert_overwrites_when_asked(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    save(residents(), tmp_path / "residents.gpkg")
    plan = write_plan(tmp_path, {"residents": {"path": "residents.gpkg"}})
    out = tmp_path / "plan.gpkg"
    out.write_bytes(b"old")
    assert main(["convert", str(plan), str(out), "--overwrite"]) == 0
    capsys.readouterr()
    assert load_plan(out).layers["residents"].feature_count == 3


def test_convert_of_a_bad_plan_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = save(residents([120, -5, 45]), tmp_path / "residents.gpkg")
    plan = write_plan(tmp_path, {"residents": {"path": path.name}})
    out = tmp_path / "plan.gpkg"
    code = main(["convert", str(plan), str(out)])
    stdout, stderr = capsys.readouterr()
    assert code == 2
    assert "Traceback" not in stdout + stderr
    assert stderr.startswith("error: ")
    assert "layer 'residents'" in stderr
    assert "field 'population'" in stderr
    assert "feature R2" in stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.toml", "residents.gpkg"]


# --------------------------------------------------------------------------------------------
# End to end: the installed command in a fresh interpreter


def test_validate_command_in_a_subprocess(tmp_path: Path) -> None:
    shp = save(squares(), tmp_path / "shelters.shp")
    shp.with_suffix(".shx").unlink()
    plan = plan_with(tmp_path, "shelters", {"path": shp.name})
    done = subprocess.run(
        [sys.executable, "-m", "spaceplanner.cli", "validate", str(plan)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    output = done.stdout + done.stderr
    assert done.returncode == 2, output
    assert "Traceback" not in output
    assert "shelters.shp" in output
    assert "layer 'shelters'" in output
    assert ".shx" in output
    assert "NOT usable" in output
