"""Choosing the plan's metric CRS, and refusing coordinates and CRSs that cannot be right."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import geopandas as gpd
import pytest
from pyproj import CRS, Transformer
from shapely.geometry import Point, box
from test_bad_input import (
    UTM,
    X0,
    Y0,
    plan_with,
    residents,
    save,
    squares,
    validate,
    write_plan,
)

from spaceplanner import load_plan
from spaceplanner.cli import main
from spaceplanner.layers.crs import (
    MAX_SCALE_ERROR,
    choose_metric_crs,
    gauss_kruger_cgcs2000,
    is_metric,
    scale_error,
)


def test_wgs84_goes_to_its_utm_zone() -> None:
    helsinki = (CRS.from_epsg(4326), (24.935, 60.164, 24.953, 60.179))
    assert choose_metric_crs([helsinki]).to_epsg() == 32635  # UTM 35N: 24°E–30°E
    south = (CRS.from_epsg(4326), (151.20, -33.87, 151.21, -33.86))  # Sydney
    assert choose_metric_crs([south]).to_epsg() == 32756


@pytest.mark.parametrize(("lon", "cm"), [(114.30, 114), (116.4, 117), (121.47, 120), (87.6, 87)])
def test_cgcs2000_goes_to_its_3_degree_gauss_kruger_zone(lon: float, cm: int) -> None:
    crs = gauss_kruger_cgcs2000(lon)
    assert crs.name == f"CGCS2000 / 3-degree Gauss-Kruger CM {cm}E"
    source = (CRS.from_epsg(4490), (lon - 0.01, 30.0, lon + 0.01, 30.01))
    assert choose_metric_crs([source]) == crs


def test_one_shared_metric_crs_is_kept_and_web_mercator_is_not() -> None:
    utm = CRS.from_epsg(32650)
    assert choose_metric_crs([(utm, (500000, 3300000, 501000, 3301000))] * 2) == utm
    assert not is_metric(CRS.from_epsg(3857))
    mercator = (CRS.from_epsg(3857), (1602991, 6463806, 1603617, 6464457))  # Prague
    assert choose_metric_crs([mercator]).to_epsg() == 32633


# --------------------------------------------------------------------------------------------
# Coordinates that do not fit their CRS, plans of implausible size, CRSs that distort (#17)

#: Central Helsinki in lon/lat.
LON0, LAT0 = Transformer.from_crs(UTM, "EPSG:4326", always_xy=True).transform(X0, Y0)


def _only_error(plan_path: Path) -> Any:
    plan = load_plan(plan_path, strict=False)
    assert len(plan.errors) == 1, [p.describe() for p in plan.problems]
    return plan.errors[0]


def _lonlat_frame(points: list[tuple[float, float]], crs: str, **columns: Any) -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(columns, geometry=[Point(p) for p in points], crs=crs)


def test_degrees_in_a_utm_layer_are_refused(tmp_path: Path, capsys: Any) -> None:
    # lon/lat values in a layer declared as UTM 35N: the plan would be 0.003 m wide.
    frame = _lonlat_frame(
        [(LON0, LAT0), (LON0 + 0.002, LAT0 + 0.001), (LON0 + 0.001, LAT0 + 0.002)],
        UTM,
        id=["R1", "R2", "R3"],
        population=[120, 80, 45],
    )
    save(frame, tmp_path / "residents.gpkg")
    save(squares(), tmp_path / "shelters.gpkg")
    plan_path = write_plan(
        tmp_path,
        {"residents": {"path": "residents.gpkg"}, "shelters": {"path": "shelters.gpkg"}},
    )
    code, text = validate(plan_path, capsys)
    assert code == 2, text
    error = _only_error(plan_path)
    assert error.layer == "residents"
    assert "degrees" in error.message and "EPSG:32635" in error.message
    assert "EPSG:4326" in (error.hint or "")
    assert main(["evaluate", str(plan_path), "--out", str(tmp_path / "out")]) == 2
    assert "internal error" not in capsys.readouterr().err


def test_degrees_in_web_mercator_make_a_plan_too_small(tmp_path: Path, capsys: Any) -> None:
    # Web Mercator's area of use is the world, so only the plan's size betrays the degrees.
    frame = _lonlat_frame(
        [(LON0, LAT0), (LON0 + 0.002, LAT0 + 0.001)], "EPSG:3857", population=[10, 20]
    )
    save(frame, tmp_path / "residents.gpkg")
    plan_path = write_plan(tmp_path, {"residents": {"path": "residents.gpkg"}})
    code, text = validate(plan_path, capsys)
    assert code == 2, text
    error = _only_error(plan_path)
    assert error.layer == "residents"
    assert "across" in error.message and "degrees" in error.message


def test_a_plan_hundreds_of_km_wide_names_the_far_feature(tmp_path: Path, capsys: Any) -> None:
    frame = residents([10, 20, 30])
    frame.loc[2, "geometry"] = Point(X0 + 300_000, Y0)  # a typo: one digit too many
    save(frame, tmp_path / "residents.gpkg")
    plan_path = write_plan(tmp_path, {"residents": {"path": "residents.gpkg"}})
    code, text = validate(plan_path, capsys)
    assert code == 2, text
    error = _only_error(plan_path)
    assert error.layer == "residents" and error.feature == "R3"
    assert "300 km" in error.message


def test_metres_in_a_geojson_without_crs(tmp_path: Path, capsys: Any) -> None:
    # GeoJSON has no CRS member: GDAL reads it as WGS84, and the UTM metres fall off the Earth.
    features = [
        {
            "type": "Feature",
            "properties": {"id": f"R{i + 1}", "population": 10},
            "geometry": {"type": "Point", "coordinates": [X0 + 50 * i, Y0 + 20 * i]},
        }
        for i in range(3)
    ]
    path = tmp_path / "residents.geojson"
    path.write_text(
        '{"type": "FeatureCollection", "features": ' + str(features).replace("'", '"') + "}",
        encoding="utf-8",
    )
    plan_path = write_plan(tmp_path, {"residents": {"path": "residents.geojson"}})
    code, text = validate(plan_path, capsys)
    assert code == 2, text
    error = _only_error(plan_path)
    assert error.layer == "residents" and "R1" in (error.feature or "")
    assert "metres" in error.message and "crs =" in (error.hint or "")
    # told its CRS, the same file loads
    fixed = write_plan(tmp_path, {"residents": {"path": "residents.geojson", "crs": UTM}})
    assert load_plan(fixed).crs.to_epsg() == 32635


def test_utm_coordinates_labelled_lonlat(tmp_path: Path, capsys: Any) -> None:
    save(residents(crs="EPSG:4326"), tmp_path / "residents.gpkg")
    save(squares(), tmp_path / "shelters.gpkg")
    plan_path = write_plan(
        tmp_path,
        {"residents": {"path": "residents.gpkg"}, "shelters": {"path": "shelters.gpkg"}},
    )
    code, text = validate(plan_path, capsys)
    assert code == 2, text
    error = _only_error(plan_path)
    assert error.layer == "residents" and error.feature is not None and "R1" in error.feature
    assert main(["evaluate", str(plan_path), "--out", str(tmp_path / "out")]) == 2
    assert "internal error" not in capsys.readouterr().err


# -- distortion ------------------------------------------------------------------------------


def test_world_mercator_scale_at_60_north() -> None:
    assert abs(scale_error(CRS.from_epsg(3395), 24.94, 60.17) - 1.0) < 0.01  # doubles
    assert scale_error(CRS.from_epsg(32635), 24.94, 60.17) < 0.001
    assert scale_error(CRS.from_epsg(4547), 114.3, 30.6) < 0.001  # CGCS2000 GK CM 114E
    assert MAX_SCALE_ERROR == 0.01


def _mercator_plan(folder: Path, **top: Any) -> Path:
    """Residents and an 80 m x 160 m park (12,800 m²) at 60° N, drawn in World Mercator."""
    park = gpd.GeoDataFrame(
        {"id": ["P1"], "kind": ["park"], "dual_use": ["yes"], "capacity": [3000]},
        geometry=[box(X0, Y0, X0 + 80, Y0 + 160)],
        crs=UTM,
    ).to_crs("EPSG:3395")
    assert float(park.area.iloc[0]) > 50_000  # what World Mercator measures
    save(park, folder / "parks.gpkg")
    save(residents().to_crs("EPSG:3395"), folder / "residents.gpkg")
    return write_plan(
        folder,
        {"residents": {"path": "residents.gpkg"}, "shelters": {"path": "parks.gpkg"}},
        **top,
    )


def test_world_mercator_plan_crs_is_refused(tmp_path: Path, capsys: Any) -> None:
    plan_path = _mercator_plan(tmp_path, crs="EPSG:3395")
    code, text = validate(plan_path, capsys)
    assert code == 2, text
    error = _only_error(plan_path)
    assert error.field == "crs" and Path(error.file or "").name == "plan.toml"
    assert "EPSG:3395" in error.message and "distorts" in error.message
    assert "EPSG:32635" in (error.hint or "")  # the zone to use instead
    assert main(["evaluate", str(plan_path), "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert "internal error" not in err and "EPSG:32635" in err


def test_world_mercator_given_on_the_command_line_is_refused(tmp_path: Path, capsys: Any) -> None:
    plan_path = _mercator_plan(tmp_path)
    code, text = validate(plan_path, capsys, "--crs", "EPSG:3395")
    assert code == 2, text
    assert "distorts" in text and "EPSG:32635" in text


def test_world_mercator_layers_are_measured_in_utm(tmp_path: Path) -> None:
    # Layers that all share World Mercator are projected to the plan's UTM zone, so the park
    # keeps its true 12,800 m² (51,496 m² when measured in EPSG:3395 at 60° N).
    plan = load_plan(_mercator_plan(tmp_path))
    assert plan.crs.to_epsg() == 32635
    area = float(plan.layers["shelters"].frame.area.iloc[0])
    assert area == pytest.approx(12_800, rel=1e-3)


def test_accurate_crs_outside_its_area_of_use_is_a_warning(tmp_path: Path, capsys: Any) -> None:
    # UTM 34N (18-24° E) at 24.9° E: outside its zone, but distances within 0.1 %.
    plan_path = plan_with(tmp_path, "shelters", {"path": "s.gpkg"}, crs="EPSG:32634")
    save(squares(), tmp_path / "s.gpkg")
    code, text = validate(plan_path, capsys)
    assert code == 0, text
    plan = load_plan(plan_path, strict=False)
    [warning] = [p for p in plan.problems if "area of use" in p.message]
    assert warning.severity == "warning" and warning.field == "crs"
    assert "EPSG:32635" in (warning.hint or "")


# -- layers that disagree --------------------------------------------------------------------


def test_swapped_lonlat_names_the_layer_that_disagrees(tmp_path: Path, capsys: Any) -> None:
    # The residents (the layer the plan's CRS is chosen from) have lon and lat swapped; four
    # good layers agree with each other. The error names the residents, not the good layers.
    (tmp_path / "residents.csv").write_text(
        f"lon,lat,population\n{LAT0:.5f},{LON0:.5f},100\n{LAT0 + 0.001:.5f},{LON0:.5f},50\n",
        encoding="utf-8",
    )
    layers: dict[str, dict[str, Any]] = {"residents": {"path": "residents.csv"}}
    for i, name in enumerate(["shelters", "clinics", "kindergartens", "schools"]):
        frame = squares(2, prefix=name[:2].upper()).to_crs("EPSG:4326")
        frame.geometry = frame.geometry.translate(0.001 * i, 0)
        save(frame, tmp_path / f"{name}.gpkg")
        options: dict[str, Any] = {"path": f"{name}.gpkg"}
        if name != "shelters":
            options |= {"role": "facilities", "kind": "clinic"}
        layers[name] = options
    plan_path = write_plan(tmp_path, layers)
    code, text = validate(plan_path, capsys)
    assert code == 2, text
    plan = load_plan(plan_path, strict=False)
    [error] = plan.errors
    assert error.layer == "residents"
    assert "swapped" in error.message
    assert f"{LAT0:.2f} E, {LON0:.2f} N" in error.message  # where the residents lie
    assert f"{LON0:.2f} E, {LAT0:.2f} N" in error.message  # where the other 4 lie
    assert "other 4 layers" in error.message
    # the good layers stay, in the UTM zone where they lie
    assert plan.crs.to_epsg() == 32635
    assert set(plan.layers) == {"shelters", "clinics", "kindergartens", "schools"}
    assert main(["evaluate", str(plan_path), "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert "residents" in err and "swapped" in err and "internal error" not in err
