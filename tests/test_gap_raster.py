"""Gap areas and service areas drawn on pixels (spaceplanner.engine.gap_raster), checked against
exact shapes computed independently with shapely, and the ``uncovered_residents`` view of
``gaps.gpkg`` against the layer in memory."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pyogrio
import pytest
import shapely
from conftest import X0, Y0

from spaceplanner import evaluate, load_plan
from spaceplanner.cli import main
from spaceplanner.engine.gap_raster import (
    PIXEL_BUDGET,
    area_raster,
    gap_patches,
    pixel_size,
    resident_ground,
)
from spaceplanner.model.rules import load_profile
from spaceplanner.sample_maps import get_path

NO_SHAPES = np.full(1, None, dtype=object)


def _points(n: int, seed: int = 0, side: float = 2000.0) -> np.ndarray:
    rng = np.random.default_rng(seed)
    return np.column_stack([X0 + rng.uniform(0, side, n), Y0 + rng.uniform(0, side, n)])


def test_a_lone_point_owns_a_disc_of_its_radius() -> None:
    ground = resident_ground(np.array([[X0 + 0.3, Y0 + 0.7]]), NO_SHAPES, 50.0)
    assert ground.pixel == 2.0
    area = float((ground.label == 0).sum()) * ground.pixel**2
    assert area == pytest.approx(np.pi * 50.0**2, rel=0.03)
    assert ground.label[ground.row[0], ground.col[0]] == 0


def test_at_a_coarse_pixel_neighbours_ground_meets_in_one_patch() -> None:
    """A city drawn whole: pixels of about 70 m, residents 100 m apart with a 20 m ground. Each
    point's ground reaches 1.5 pixels, so the unserved make one patch holding all their persons
    (with only their own pixels they would dot the map, one patch each)."""
    side = 60
    gx, gy = np.meshgrid(np.arange(side) * 100.0, np.arange(side) * 100.0)
    xy = np.column_stack([X0 + gx.ravel(), Y0 + gy.ravel()])
    budget = 85 * 85
    ground = resident_ground(xy, np.full(len(xy), None, dtype=object), 20.0, budget=budget)
    assert ground.pixel > 60.0
    assert ground.label.size <= budget * 1.1
    # each owns its own pixel and the pixels next to it, never a pixel beyond 1.5 pixels
    owned = np.bincount(ground.label[ground.label >= 0], minlength=len(xy))
    assert owned.min() >= 1 and (ground.label >= 0).mean() > 0.9
    persons = np.random.default_rng(2).integers(1, 9, len(xy)).astype(float)
    patches = gap_patches(ground, np.ones(len(xy), dtype=bool), persons)
    assert len(patches.geoms) == 1
    assert patches.persons.sum() == pytest.approx(persons.sum())
    assert patches.residents.sum() == len(xy)


def test_two_points_share_the_ground_at_their_bisector() -> None:
    xy = np.array([[X0, Y0], [X0 + 100.0, Y0]])
    ground = resident_ground(xy, np.full(2, None, dtype=object), 80.0)
    t = ground.transform
    rows, cols = np.nonzero(ground.label >= 0)
    x = t.c + (cols + 0.5) * ground.pixel
    owner = ground.label[rows, cols]
    # each pixel belongs to the nearer point (within a pixel of the bisector x = X0 + 50)
    assert (x[owner == 0] <= X0 + 50.0 + ground.pixel).all()
    assert (x[owner == 1] >= X0 + 50.0 - ground.pixel).all()


def test_patches_hold_the_unserved_and_follow_the_exact_units() -> None:
    """Against today's exact drawing: the Voronoi cells of the points clipped to the radius,
    merged for the unserved; points on the raster's edge included (they clip the windows)."""
    xy = np.vstack([_points(400), [[X0 - 900.0, Y0], [X0 + 2900.0, Y0 + 2000.0]]])
    rng = np.random.default_rng(1)
    miss = rng.random(len(xy)) < 0.3
    miss[-2:] = True
    persons = np.where(miss, rng.integers(1, 20, len(xy)).astype(float), 0.0)
    radius = 60.0
    ground = resident_ground(xy, np.full(len(xy), None, dtype=object), radius)
    patches = gap_patches(ground, miss, persons)

    assert patches.persons.sum() == pytest.approx(persons[miss].sum())
    assert patches.residents.sum() == int(miss.sum())
    # every unserved resident stands in a patch, and in the one that counts it
    tree = shapely.STRtree(patches.geoms)
    pts = shapely.points(xy[miss])
    hit_point, hit_patch = tree.query(pts, predicate="within")
    assert sorted(hit_point) == list(range(len(pts)))  # each in exactly one patch
    counted = np.bincount(hit_patch, weights=persons[miss][hit_point], minlength=len(tree))
    assert np.allclose(counted, patches.persons)
    # no served resident's ground is drawn: a served point stands outside every patch
    # (unless it stands within a pixel of an unserved one)
    served = shapely.points(xy[~miss])
    near = shapely.STRtree(pts).query(served, predicate="dwithin", distance=2 * ground.pixel)[0]
    inside = set(tree.query(served, predicate="within")[0]) - set(near)
    assert not inside
    # the exact shape: Voronoi cells clipped to the radius around each point
    cells = shapely.get_parts(
        shapely.voronoi_polygons(shapely.multipoints(shapely.points(xy)), ordered=True)
    )
    units = shapely.intersection(cells, shapely.buffer(shapely.points(xy), radius))
    exact = shapely.union_all(units[miss])
    drawn = shapely.union_all(patches.geoms)
    assert shapely.area(drawn) == pytest.approx(shapely.area(exact), rel=0.03)
    assert shapely.area(shapely.symmetric_difference(drawn, exact)) < 0.08 * shapely.area(exact)


def test_polygon_residents_are_drawn_as_their_own_blocks() -> None:
    a = shapely.box(X0 + 0.7, Y0 + 0.3, X0 + 100.7, Y0 + 100.3)
    b = shapely.box(X0 + 100.7, Y0 + 0.3, X0 + 200.7, Y0 + 100.3)
    c = shapely.box(X0 + 400.7, Y0 + 0.3, X0 + 470.7, Y0 + 60.3)
    shapes_ = np.array([a, b, c], dtype=object)
    xy = shapely.get_coordinates(shapely.centroid(shapes_))
    ground = resident_ground(xy, shapes_, 50.0)
    patches = gap_patches(ground, np.array([True, False, True]), np.array([30.0, 0.0, 12.0]))
    assert len(patches.geoms) == 2
    order = np.argsort(patches.persons)
    first, second = patches.geoms[order[1]], patches.geoms[order[0]]
    assert patches.persons[order].tolist() == [12.0, 30.0]
    assert shapely.area(shapely.symmetric_difference(first, a)) < 400 * ground.pixel
    assert shapely.area(shapely.symmetric_difference(second, c)) < 260 * ground.pixel


def test_the_pixel_keeps_within_the_budget_at_city_scale() -> None:
    assert pixel_size(np.array([0.0, 0.0, 2000.0, 1500.0])) == 2.0
    big = np.array([0.0, 0.0, 120_000.0, 120_000.0])
    side = pixel_size(big)
    assert (120_000 / side) ** 2 <= PIXEL_BUDGET and side < 61
    ground = resident_ground(np.array([[0.0, 0.0], [120_000.0, 120_000.0]]), NO_SHAPES[[0, 0]], 50)
    assert ground.label.size <= PIXEL_BUDGET * 1.01 and (ground.label >= 0).sum() >= 2


def test_a_service_area_of_a_street_piece_is_its_buffer() -> None:
    """600 m of street grown by 50 m: 600 x 100 m plus two half discs."""
    street = np.array([[[X0, Y0], [X0 + 600.0, Y0 + 17.0]]])
    shape, area = area_raster(street, np.empty(0, dtype=object), 50.0)
    exact = shapely.buffer(shapely.linestrings(street[0]), 50.0)
    assert area == pytest.approx(shapely.area(exact), rel=0.03)
    assert area == pytest.approx(shapely.area(shape), rel=1e-9)
    assert shapely.area(shapely.symmetric_difference(shape, exact)) < 0.05 * area
    park = shapely.box(X0 + 1000, Y0, X0 + 1100, Y0 + 80)
    shape, area = area_raster(street, np.array([park], dtype=object), 50.0)
    assert area == pytest.approx(shapely.area(exact) + 8000.0, rel=0.03)


def test_pieces_are_burnt_on_the_pixels_shapely_samples() -> None:
    """The pieces' pixels, sampled with numpy, are those of the pieces densified by shapely
    (segmentize at half a pixel) and dropped on the grid: the drawing before it was numpy."""
    from spaceplanner.engine.gap_raster import _burn_lines, _Grid

    rng = np.random.default_rng(3)
    a = _points(400, seed=4)
    b = a + rng.normal(0, 60, a.shape) * rng.choice([0.01, 1.0, 5.0], (len(a), 1))
    pieces = np.stack([a, b], axis=1)
    lo, hi = pieces.reshape(-1, 2).min(axis=0), pieces.reshape(-1, 2).max(axis=0)
    grid = _Grid.over(np.concatenate([lo - 10, hi + 10]), 7.0)
    ours = np.zeros(grid.shape, dtype=np.uint8)
    _burn_lines(ours, pieces, grid)
    xy = shapely.get_coordinates(shapely.segmentize(shapely.linestrings(pieces), 3.5))
    col = np.floor((xy[:, 0] - grid.transform.c) / 7.0).astype(int)
    row = np.floor((grid.transform.f - xy[:, 1]) / 7.0).astype(int)
    theirs = np.zeros(grid.shape, dtype=np.uint8)
    theirs[row, col] = 1
    assert ours.sum() > 1000
    # a sample exactly on a pixel edge may fall either side by rounding: allow a handful
    assert np.count_nonzero(ours != theirs) <= 3


@pytest.mark.parametrize("sample", ["synthetic_cn", "helsinki"])
def test_service_areas_follow_the_exact_union_of_the_reached_streets(sample: str) -> None:
    """The drawn service area of each indicator against the exact union of the same reached
    street pieces buffered by shapely (the drawing before pixels)."""
    import spaceplanner.engine.gaps as gaps_module

    pieces: list[tuple[np.ndarray, np.ndarray]] = []
    real = gaps_module.reached_pieces

    def keep(*a: object) -> tuple[np.ndarray, np.ndarray]:
        out = real(*a)  # type: ignore[arg-type]
        pieces.append(out)
        return out

    gaps_module.reached_pieces = keep  # type: ignore[assignment]
    try:
        report = evaluate(load_plan(get_path(sample), strict=False))
    finally:
        gaps_module.reached_pieces = real
    frame = report.layers["service_areas"]
    assert len(pieces) == len(frame) > 3
    buffer = load_profile(report.rules).service_area_buffer.value
    for (lines, zones), (_, row) in zip(pieces, frame.iterrows(), strict=True):
        exact = shapely.union_all(
            np.concatenate([shapely.buffer(shapely.linestrings(lines), buffer, quad_segs=8), zones])
        )
        assert row["area_m2"] == pytest.approx(shapely.area(exact), rel=0.04), row["indicator"]
        diff = shapely.area(shapely.symmetric_difference(row.geometry, exact))
        assert diff < 0.08 * shapely.area(exact), row["indicator"]


@pytest.mark.parametrize("sample", ["synthetic_cn", "helsinki"])
def test_the_uncovered_residents_view_reads_as_the_layer(sample: str, tmp_path: Path) -> None:
    """gaps.gpkg holds uncovered_residents as a view of the residents table: GDAL reads it as
    a point layer with the CRS, and it has the rows of the layer in memory."""
    assert main(["evaluate", "--sample", sample, "--out", str(tmp_path), "-q"]) == 0
    report = evaluate(load_plan(get_path(sample), strict=False))
    memory = report.layers["uncovered_residents"]
    target = tmp_path / "gaps.gpkg"
    layers = dict(pyogrio.list_layers(target))
    assert layers["uncovered_residents"] == "Point"
    back = pyogrio.read_dataframe(target, layer="uncovered_residents")
    assert back.crs == memory.crs and len(back) == len(memory) > 0
    assert list(back.columns) == list(memory.columns)
    for col in ("indicator", "id", "layer"):
        assert back[col].astype(str).tolist() == memory[col].astype(str).tolist()
    assert np.allclose(back["population"], memory["population"])
    assert shapely.equals_exact(back.geometry.to_numpy(), memory.geometry.to_numpy(), 1e-6).all()


def test_evaluate_writes_the_view_without_making_the_long_layer(tmp_path: Path) -> None:
    """The long uncovered_residents layer (residents x indicators rows) is made only when read:
    writing gaps.gpkg does not make it."""
    from spaceplanner.outputs.evaluate_outputs import write_outputs

    report = evaluate(load_plan(get_path("synthetic_cn"), strict=False))
    layers = report.layers
    assert not layers.made("uncovered_residents")  # type: ignore[attr-defined]
    write_outputs(report, tmp_path)
    assert not layers.made("uncovered_residents")  # type: ignore[attr-defined]
    back = pyogrio.read_dataframe(tmp_path / "gaps.gpkg", layer="uncovered_residents")
    assert len(back) == len(layers["uncovered_residents"]) > 0
    assert layers.made("uncovered_residents")  # type: ignore[attr-defined]


def test_a_site_midway_along_a_long_street_reaches_a_piece_of_it() -> None:
    """Both ends of the street are out of reach: the piece around the site's foot is still
    there (the segments reached from neither end are left out, not the site's own)."""
    from spaceplanner.engine.distance import site_sources
    from spaceplanner.engine.network import build_network
    from spaceplanner.engine.service_area import reached_pieces

    streets = np.array(
        [
            shapely.LineString([(X0, Y0), (X0 + 1000.0, Y0)]),
            shapely.LineString([(X0, Y0 + 5000.0), (X0 + 1000.0, Y0 + 5000.0)]),
        ],
        dtype=object,
    )
    network = build_network(streets)
    assert network is not None
    site = np.array([shapely.Point(X0 + 500.0, Y0 + 10.0)], dtype=object)
    sources = site_sources(network, site, tolerance=0.0, max_connector=50.0)
    lines, zones = reached_pieces(network, sources, np.array([100.0]))
    assert len(zones) == 0
    length = np.hypot(*(lines[:, 1] - lines[:, 0]).T).sum()
    # 100 m of walk, 10 m of it to the street: 90 m each way along it
    assert length == pytest.approx(180.0)
    assert lines[:, :, 0].min() == pytest.approx(X0 + 410.0)
    assert lines[:, :, 0].max() == pytest.approx(X0 + 590.0)
    assert (lines[:, :, 1] == Y0).all()  # nothing on the far street


def test_gaps_gpkg_is_written_with_a_page_cache_sized_for_the_residents(
    tmp_path: Path, monkeypatch
) -> None:
    """While gaps.gpkg is written, SQLite's page cache is sized for the residents table (at
    least 64 MB, not SQLite's 2 MB); the setting from before comes back afterwards."""
    import spaceplanner.outputs.evaluate_outputs as outputs

    report = evaluate(load_plan(get_path("synthetic_cn"), strict=False))
    seen: list[object] = []
    real = outputs.pyogrio.write_dataframe

    def spy(*args: object, **kwargs: object) -> None:
        seen.append(pyogrio.get_gdal_config_option("OGR_SQLITE_CACHE"))
        real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(outputs.pyogrio, "write_dataframe", spy)
    pyogrio.set_gdal_config_options({"OGR_SQLITE_CACHE": "7"})
    try:
        outputs.write_outputs(report, tmp_path)
        assert seen and all(str(value) == "64" for value in seen)  # a small plan: the least
        assert str(pyogrio.get_gdal_config_option("OGR_SQLITE_CACHE")) == "7"
    finally:
        pyogrio.set_gdal_config_options({"OGR_SQLITE_CACHE": None})
    sizes = []
    for rows in (0, 500_000, 2_000_000, 10**8):
        with outputs._page_cache(rows):
            sizes.append(str(pyogrio.get_gdal_config_option("OGR_SQLITE_CACHE")))
    assert sizes == ["64", "125", "500", "1024"]
    assert pyogrio.get_gdal_config_option("OGR_SQLITE_CACHE") is None
