"""The city-scale paths give the same results as the plain ones they replace.

Reading, network build, snapping and routing were rewritten for millions of points (bench/
bench_evaluate.py --cli); each fast path is checked here against a plain computation of the same
thing: np.unique over coordinate rows, a brute-force nearest segment, a brute-force zone test,
Dijkstra on the whole network, the per-value id conversion.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
import shapely

import spaceplanner.engine.distance as distance
import spaceplanner.engine.network as network_module
from spaceplanner.engine.distance import _zone_targets, group_distances, group_reach, site_sources
from spaceplanner.engine.network import VERTEX_DECIMALS, build_network, locate
from spaceplanner.layers.conform import _id_texts
from spaceplanner.layers.values import is_missing


def grid_lines(side: int, step: float, seed: int = 0) -> np.ndarray:
    """A jittered street grid of ``side`` x ``side`` nodes, one LineString per block edge."""
    rng = np.random.default_rng(seed)
    xs = np.arange(side) * step
    gx, gy = np.meshgrid(xs, xs)
    nodes = np.column_stack([gx.ravel(), gy.ravel()]) + rng.uniform(-3, 3, (side * side, 2))
    idx = np.arange(side * side).reshape(side, side)
    edges = np.concatenate(
        [
            np.column_stack([idx[:, :-1].ravel(), idx[:, 1:].ravel()]),
            np.column_stack([idx[:-1, :].ravel(), idx[1:, :].ravel()]),
        ]
    )
    edges = edges[rng.random(len(edges)) > 0.05]
    return shapely.linestrings(np.stack([nodes[edges[:, 0]], nodes[edges[:, 1]]], axis=1))


@pytest.fixture(scope="module")
def city() -> dict[str, object]:
    """A 2.8 km grid with residents, point sites and polygon sites."""
    rng = np.random.default_rng(1)
    lines = grid_lines(40, 70.0)
    net = build_network(lines)
    assert net is not None
    xy = rng.uniform(-50, 2800, (3000, 2))
    centres = rng.uniform(0, 2700, (60, 2))
    polygons = shapely.box(*(centres - rng.uniform(10, 60, (60, 2))).T, *(centres + 20).T)
    points = shapely.points(rng.uniform(0, 2700, (40, 2)))
    sites = np.concatenate([polygons, points])
    return {"lines": lines, "net": net, "xy": xy, "sites": sites, "polygons": polygons}


def test_nodes_are_numbered_as_by_unique_coordinate_rows(city) -> None:
    net = city["net"]
    coords = shapely.get_coordinates(city["lines"])
    rows = np.unique(np.round(coords, VERTEX_DECIMALS), axis=0)
    assert net.node_count == len(rows)
    assert np.array_equal(np.round(net.nodes, VERTEX_DECIMALS), rows)


def test_parallel_segments_make_one_graph_edge() -> None:
    line = shapely.LineString([(0, 0), (100, 0)])
    twice = build_network(np.array([line, line, shapely.LineString([(100, 0), (100, 50)])]))
    once = build_network(np.array([line, shapely.LineString([(100, 0), (100, 50)])]))
    assert twice is not None and once is not None
    assert twice.graph.nnz == once.graph.nnz == 4
    assert (twice.graph != once.graph).nnz == 0


def test_snapping_in_chunks_finds_the_nearest_segment(city, monkeypatch) -> None:
    net, xy = city["net"], city["xy"]
    whole = locate(net, xy, 500.0)
    monkeypatch.setattr(network_module, "_LOCATE_CHUNK", 7)
    chunked = locate(net, xy, 500.0)
    for field in ("seg", "t", "conn"):
        assert np.array_equal(getattr(whole, field), getattr(chunked, field))
    # and it is the nearest segment, by brute force
    points = shapely.points(xy)
    brute = shapely.distance(points[:, None], net.segments[None, :]).min(axis=1)
    ok = whole.seg >= 0
    assert ok.sum() > 2500
    np.testing.assert_allclose(whole.conn[ok], brute[ok], atol=1e-9)
    assert (brute[~ok] > 500.0).all()


@pytest.mark.parametrize("tolerance", [0.0, 5.0])
def test_residents_in_a_zone_match_a_brute_force(city, tolerance) -> None:
    net, polygons = city["net"], city["polygons"]
    targets = locate(net, city["xy"], 500.0)
    z, hit = _zone_targets(net, targets, polygons, tolerance)
    found = set(zip(z.tolist(), hit.tolist(), strict=True))
    ok = np.flatnonzero(targets.reachable)
    feet = shapely.points(targets.foot[ok])
    near = shapely.distance(polygons[:, None], feet[None, :]) <= tolerance
    zz, jj = np.nonzero(near)
    expected = set(zip(zz.tolist(), ok[jj].tolist(), strict=True))
    assert len(expected) > 20
    assert found == expected


def test_routing_near_each_group_equals_routing_on_the_whole_network(city, monkeypatch) -> None:
    net, xy, sites = city["net"], city["xy"], city["sites"]
    sources = site_sources(net, sites, tolerance=5.0, max_connector=500.0)
    targets = locate(net, xy, 500.0)
    singles = [np.array([i]) for i in range(len(sites))]
    pairs = [np.array([i, i + 1]) for i in range(0, len(sites) - 1, 7)]
    used = []
    real_field = distance._LocalRouter.field

    def counted(self, *args):
        used.append(1)
        return real_field(self, *args)

    monkeypatch.setattr(distance._LocalRouter, "field", counted)
    local = group_reach(net, sources, singles, targets, limit=300.0)
    local_pairs = group_distances(net, sources, pairs, targets, xy, limit=400.0)
    assert len(used) > len(sites)  # the local path ran
    monkeypatch.setattr(distance._LocalRouter, "small", lambda self, lo, hi: False)
    whole = group_reach(net, sources, singles, targets, limit=300.0)
    whole_pairs = group_distances(net, sources, pairs, targets, xy, limit=400.0)
    assert local[0].size > 1000
    for a, b in zip(local, whole, strict=True):
        assert np.array_equal(a, b)
    assert np.array_equal(local_pairs, whole_pairs)


def _reference_ids(raw: pd.Series) -> pd.Series:
    text = raw.map(lambda v: "" if is_missing(v) else v)
    return text.map(lambda v: str(int(v)) if isinstance(v, float) and v.is_integer() else str(v))


@pytest.mark.parametrize(
    "column",
    [
        pd.Series(["a", "b", "c"], dtype=object),
        pd.Series(["a", None, "c"], dtype=object),
        pd.Series(["a", pd.NA, "c"], dtype="string"),
        pd.Series([10, 2, 30], dtype=np.int64),
        pd.Series([1.0, 2.5, np.nan]),
        pd.Series([1, None, 3], dtype="Int64"),
        pd.Series(["7", 8, 9.0], dtype=object),
    ],
)
def test_ids_read_as_text_like_value_by_value(column) -> None:
    fast, slow = _id_texts(column), _reference_ids(column)
    assert fast.tolist() == slow.tolist()
    assert fast.dtype == slow.dtype


def test_geometry_types_by_id_are_shapelys_names() -> None:
    from shapely.geometry import (
        GeometryCollection,
        LinearRing,
        LineString,
        MultiLineString,
        MultiPoint,
        MultiPolygon,
        Point,
        Polygon,
    )

    from spaceplanner.layers.conform import _TYPE_NAMES

    triangle = [(0, 0), (1, 0), (1, 1)]
    shapes = [
        Point(0, 0),
        LineString(triangle),
        LinearRing(triangle),
        Polygon(triangle),
        MultiPoint(triangle),
        MultiLineString([triangle]),
        MultiPolygon([Polygon(triangle)]),
        GeometryCollection([Point(0, 0)]),
    ]
    for shape in shapes:
        assert _TYPE_NAMES[shapely.get_type_id(shape)] == shape.geom_type


def test_content_digest_notices_moved_vertices_and_new_rings() -> None:
    import geopandas as gpd

    from spaceplanner.engine.cache import content_digest
    from spaceplanner.model.plan import PlanLayer

    square = shapely.box(0, 0, 10, 10)
    frame = gpd.GeoDataFrame(
        {"id": ["a", "b"]},
        geometry=[shapely.LineString([(0, 0), (5, 0)]), shapely.LineString([(5, 0), (9, 9)])],
        crs="EPSG:32650",
    )
    layer = PlanLayer("streets", "network", frame=frame)
    before = content_digest(layer)
    assert content_digest(layer) == before
    frame.loc[1, "geometry"] = shapely.LineString([(5, 0), (9, 9.001)])
    moved = content_digest(layer)
    assert moved != before
    # the same coordinates as one ring or with a hole cut out are different geometries
    holed = shapely.Polygon(square.exterior.coords, [shapely.box(2, 2, 4, 4).exterior.coords])
    outer = shapely.Polygon(square.exterior.coords)
    parks = [
        gpd.GeoDataFrame({"id": ["p"]}, geometry=[g], crs="EPSG:32650") for g in (holed, outer)
    ]
    digests = {content_digest(PlanLayer("parks", "activity_spaces", frame=f)) for f in parks}
    assert len(digests) == 2


def test_point_residents_keep_their_own_geometries_as_the_resident_points() -> None:
    """A layer of 2D points: the residents layer shows the layer's own Points (not made again
    from the coordinates), equal to those made from them; polygons or points with a height:
    made from the coordinates, in 2D."""
    import geopandas as gpd

    from spaceplanner import evaluate, load_plan
    from spaceplanner.engine.residents import collect_residents
    from spaceplanner.sample_maps import get_path

    plan = load_plan(get_path("bubenec"), strict=False)  # point residents
    (layer,) = plan.by_role("residents")
    res = collect_residents(plan)
    assert res.own_points is not None
    assert all(a is b for a, b in zip(res.points(), layer.frame.geometry.to_numpy(), strict=True))
    assert shapely.equals(res.points(), shapely.points(res.xy)).all()
    drawn = evaluate(plan).layers["residents"].geometry.to_numpy()
    assert np.array_equal(shapely.get_coordinates(drawn), res.xy)

    polygons = load_plan(get_path("synthetic_cn"), strict=False)  # building polygons
    res = collect_residents(polygons)
    assert res.own_points is None
    assert shapely.equals(res.points(), shapely.points(res.xy)).all()

    frame = layer.frame
    raised = gpd.GeoDataFrame(
        frame.drop(columns=frame.geometry.name),
        geometry=shapely.force_3d(frame.geometry.to_numpy(), 5.0),
        crs=frame.crs,
    )
    layer.frame = raised
    res = collect_residents(plan)
    assert res.own_points is None
    assert not shapely.has_z(res.points()).any()
