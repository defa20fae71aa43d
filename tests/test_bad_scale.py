"""Scale abuse: inputs whose size would make a run explode in memory end with the right figures,
or with a clear message before anything big is allocated (exit 2, never a crash).

Memory is measured with tracemalloc (numpy arrays report to it), and each bound is one the
quadratic code exceeded several times over; no test asserts on time.
"""

from __future__ import annotations

import tracemalloc
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import pytest
import rasterio
import shapely
from rasterio import Affine
from shapely.geometry import LineString, Point
from test_bad_input import UTM, X0, Y0, residents, save, squares, write_plan

import spaceplanner.engine.limits as limits
from spaceplanner.cli import main
from spaceplanner.engine.evaluation import evaluate
from spaceplanner.engine.limits import estimate_memory, thin_dense_lines
from spaceplanner.engine.network import build_network
from spaceplanner.layers.readers import MAX_RASTER_CELLS
from spaceplanner.model.plan import Plan


def frame(geoms: list[Any], **columns: Any) -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(columns, geometry=geoms, crs=UTM)


def _peak_mb(run: Any) -> tuple[Any, float]:
    tracemalloc.start()
    try:
        result = run()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return result, peak / 2**20


# -- a network digitised in millimetres -------------------------------------------------------


def _street_plan(vertices: int) -> Plan:
    """A 200 m street drawn with ``vertices`` vertices, a cross street sharing its vertex at
    100 m, ten resident points and two shelters."""
    xs = np.linspace(0.0, 200.0, vertices)
    xs[np.argmin(np.abs(xs - 100.0))] = 100.0  # the junction, exactly
    street = LineString(np.column_stack([X0 + xs, np.full(vertices, Y0)]))
    cross = LineString([(X0 + 100, Y0 - 150), (X0 + 100, Y0), (X0 + 100, Y0 + 150)])
    people = frame([Point(X0 + 20 * i, Y0 + 5 + i) for i in range(10)], population=[10] * 10)
    shelters = frame([Point(X0 + 100, Y0 + 100), Point(X0 + 190, Y0 - 3)], capacity=[30, 40])
    return Plan.from_frames(
        "street",
        {
            "residents": ("residents", people),
            "shelters": ("shelters", shelters),
            "network": ("network", frame([street, cross])),
        },
    )


def test_network_with_millimetre_vertices_gives_the_same_figures() -> None:
    dense = _street_plan(200_001)  # vertices 1 mm apart
    plain = _street_plan(3)
    lines = dense.layers["network"].frame.geometry.to_numpy()
    assert int(shapely.get_num_coordinates(lines).sum()) > 200_000
    # the graph is that of the plainly drawn street: 5 nodes, 4 segments, the same length
    built, reference = (
        build_network(lines),
        build_network(plain.layers["network"].frame.geometry.to_numpy()),
    )
    assert built is not None and reference is not None
    assert built.node_count == reference.node_count == 5
    assert built.seg_len.sum() == pytest.approx(500.0)
    a, b = evaluate(dense), evaluate(plain)
    for key in ("population_covered", "population_sheltered", "capacity_persons"):
        assert getattr(a.shelters, key) == pytest.approx(getattr(b.shelters, key)), key
    da = a.layers["residents"].set_index("id")["d_shelter"]
    db = b.layers["residents"].set_index("id")["d_shelter"]
    assert np.allclose(da.to_numpy(float), db.to_numpy(float), atol=0.01, equal_nan=True)
    # by hand: the resident at (100, 10) stands on the cross street, 90 m below the shelter
    assert da.loc["residents-6"] == pytest.approx(90.0)


def test_thinning_keeps_junctions_and_leaves_plain_lines_alone() -> None:
    plain = np.array([LineString([(0, 0), (5, 0), (10, 3)])], dtype=object)
    assert thin_dense_lines(plain) is plain
    wiggle = LineString([(0, 0), (0.001, 0), (0.002, 0.004), (0.003, 0), (5, 0), (10, 0)])
    branch = LineString([(0.002, 0.004), (0.002, 8)])  # shares the vertex at (0.002, 0.004)
    out = thin_dense_lines(np.array([wiggle, branch], dtype=object))
    coords = {tuple(np.round(c, 6)) for c in shapely.get_coordinates(out)}
    assert (0.002, 0.004) in coords  # the junction stays
    assert (0.001, 0.0) not in coords and (5.0, 0.0) not in coords  # within 1 cm: dropped
    network = build_network(out)
    assert network is not None and network.node_count == 4  # two ends, junction, branch end


# -- many shelters ----------------------------------------------------------------------------


def _many_shelters(*, network: bool) -> Plan:
    """20,000 shelters and 2,000 residents over 20 km x 20 km (each resident reaches a few
    dozen shelters), with a 500 m street grid or none."""
    rng = np.random.default_rng(7)
    side, k, m = 20_000.0, 20_000, 2_000
    people = frame(
        list(gpd.points_from_xy(X0 + rng.uniform(0, side, m), Y0 + rng.uniform(0, side, m))),
        population=np.full(m, 10),
    )
    shelters = frame(
        list(gpd.points_from_xy(X0 + rng.uniform(0, side, k), Y0 + rng.uniform(0, side, k))),
        capacity=np.full(k, 5),
    )
    layers: dict[str, Any] = {
        "residents": ("residents", people),
        "shelters": ("shelters", shelters),
    }
    if network:
        ticks = np.arange(0.0, side + 1, 500.0)
        lines = [LineString([(X0 + t, Y0 + y) for t in ticks]) for y in ticks]
        lines += [LineString([(X0 + x, Y0 + t) for t in ticks]) for x in ticks]
        layers["network"] = ("network", frame(lines))
    return Plan.from_frames("many shelters", layers)


def test_many_shelters_without_a_network_stay_sparse() -> None:
    # The quadratic version held a (shelters x residents) array: 20,000 x 2,000 x 8 B = 305 MiB.
    plan = _many_shelters(network=False)
    report, peak = _peak_mb(lambda: evaluate(plan, gaps=False))
    assert peak < 150, f"peak {peak:.0f} MiB"
    sh = report.to_dict()["shelters"]
    assert sh["population_covered"] == pytest.approx(20_000)
    assert sh["population_sheltered"] == pytest.approx(20_000)


def test_many_shelters_on_a_network_stay_within_the_chunk_budget() -> None:
    # The quadratic version held a (shelters x shelters) mask (381 MiB) and a distance array of
    # (shelters x (nodes + shelters)) per chunk: 1.3 GiB here, 300 GiB for 200,000 shelters.
    plan = _many_shelters(network=True)
    report, peak = _peak_mb(lambda: evaluate(plan, gaps=False))
    assert peak < 600, f"peak {peak:.0f} MiB"
    assert report.to_dict()["shelters"]["population_covered"] > 19_000


# -- rasters whose header declares a huge grid -------------------------------------------------


def _huge_geotiff(path: Path, size: int) -> Path:
    """A tiled GeoTIFF of ``size`` x ``size`` cells with no tile written (a few kB on disk)."""
    with rasterio.open(
        path,
        "w",
        driver="GTiff",
        width=size,
        height=size,
        count=1,
        dtype="uint8",
        crs=UTM,
        transform=Affine(0.01, 0, X0 - 100, 0, -0.01, Y0 + 1900),
        tiled=True,
        blockxsize=4096,
        blockysize=4096,
        sparse_ok=True,
        nodata=0,
    ):
        pass
    return path


def test_raster_declaring_200000_by_200000_cells_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    raster = _huge_geotiff(tmp_path / "depth.tif", 200_000)
    assert raster.stat().st_size < 5_000_000
    save(residents(), tmp_path / "residents.gpkg")
    plan_path = write_plan(
        tmp_path,
        {
            "residents": {"path": "residents.gpkg"},
            "flood": {"role": "hazards", "path": "depth.tif", "hazard": "flood", "min_value": 1},
        },
    )
    for argv in (["validate"], ["evaluate", "--out", str(tmp_path / "out")]):
        code = main([argv[0], str(plan_path), *argv[1:]])
        out, err = capsys.readouterr()
        assert code == 2, out + err
        assert "internal error" not in err
        assert "200,000 x 200,000" in out + err and "flood" in out + err
        assert "clip" in out + err
    assert MAX_RASTER_CELLS < 200_000**2


# -- memory estimated before a run --------------------------------------------------------------


def test_run_that_cannot_fit_in_memory_is_refused_at_the_start(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    save(residents(), tmp_path / "residents.gpkg")
    save(squares(), tmp_path / "shelters.gpkg")
    plan_path = write_plan(
        tmp_path,
        {"residents": {"path": "residents.gpkg"}, "shelters": {"path": "shelters.gpkg"}},
    )
    assert main(["evaluate", str(plan_path), "--out", str(tmp_path / "ok")]) == 0
    capsys.readouterr()
    monkeypatch.setattr(limits, "available_memory", lambda: 10_000)  # a machine with 10 kB
    code = main(["evaluate", str(plan_path), "--out", str(tmp_path / "out")])
    out, err = capsys.readouterr()
    assert code == 2, out + err
    assert "internal error" not in err and "memory" in err and "3 resident points" in err
    assert not (tmp_path / "out").exists()


def test_memory_estimate_grows_with_the_inputs() -> None:
    small = estimate_memory(1_000, 1_000, 10, 10_000)
    assert estimate_memory(1_000_000, 1_000, 10, 10_000).needed > 100 * small.needed
    assert estimate_memory(1_000, 1_000, 10, 10**9).needed > 100 * small.needed
    assert limits.available_memory() is None or limits.available_memory() > 0
