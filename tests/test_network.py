"""Locating points on the network: the fast nearest-segment search is exact."""

from __future__ import annotations

import numpy as np
import shapely

from spaceplanner.engine.network import build_network, locate


def test_locate_finds_the_nearest_segment_like_a_brute_force() -> None:
    rng = np.random.default_rng(3)
    # long and short segments, some far apart, so both the k-d tree and the fallback are used
    starts = rng.uniform(0, 2000, (300, 2))
    ends = starts + rng.normal(0, 150, (300, 2)) * rng.choice([0.1, 1, 5], (300, 1))
    lines = shapely.linestrings(np.stack([starts, ends], axis=1))
    network = build_network(lines)
    assert network is not None
    xy = rng.uniform(-300, 2300, (5000, 2))
    acc = locate(network, xy, max_connector=120.0)
    truth = shapely.distance(shapely.points(xy)[:, None], network.segments[None, :]).min(axis=1)
    reach = truth <= 120.0
    assert (acc.reachable == reach).all()
    assert np.allclose(acc.conn[reach], truth[reach], atol=1e-9)
    foot = network.point_at(acc.seg[reach], acc.t[reach])
    assert np.allclose(np.hypot(*(xy[reach] - foot).T), truth[reach], atol=1e-9)


def test_a_large_network_makes_its_tree_beside_the_look_ups(monkeypatch) -> None:
    """The STRtree made on a thread while points are located (a large network): the same
    nearest segments, and the tree is there, made once, when locate returns."""
    import spaceplanner.engine.network as network_module

    rng = np.random.default_rng(5)
    starts = rng.uniform(0, 2000, (400, 2))
    ends = starts + rng.normal(0, 150, (400, 2)) * rng.choice([0.1, 1, 5], (400, 1))
    lines = shapely.linestrings(np.stack([starts, ends], axis=1))
    xy = rng.uniform(-300, 2300, (4000, 2))
    here = build_network(lines)
    assert here is not None
    expected = locate(here, xy, max_connector=120.0)
    made: list[str] = []
    real = network_module.STRtree

    def counted(geoms: np.ndarray) -> object:
        import threading

        made.append(threading.current_thread().name)
        return real(geoms)

    monkeypatch.setattr(network_module, "STRtree", counted)
    monkeypatch.setattr(network_module, "_TREE_ASIDE_SEGMENTS", 1)
    aside = build_network(lines)
    assert aside is not None
    got = locate(aside, xy, max_connector=120.0)
    assert made == ["network-tree"]  # made once, on the thread
    assert "tree" in aside.__dict__
    assert (got.seg == expected.seg).all()
    assert np.array_equal(got.conn, expected.conn)
    assert np.array_equal(got.t, expected.t)


def test_a_tree_that_fails_beside_is_made_again_where_it_is_needed(monkeypatch) -> None:
    """A failure on the thread (out of memory) is not lost nor raised there: the first use of
    the tree makes it again and meets the error in the caller's thread."""
    import spaceplanner.engine.network as network_module

    rng = np.random.default_rng(6)
    starts = rng.uniform(0, 500, (50, 2))
    lines = shapely.linestrings(np.stack([starts, starts + 30.0], axis=1))
    network = build_network(lines)
    assert network is not None
    real = network_module.STRtree
    calls: list[int] = []

    def fails_once(geoms: np.ndarray) -> object:
        calls.append(1)
        if len(calls) == 1:
            raise MemoryError("no room for the tree")
        return real(geoms)

    monkeypatch.setattr(network_module, "STRtree", fails_once)
    monkeypatch.setattr(network_module, "_TREE_ASIDE_SEGMENTS", 1)
    acc = locate(network, rng.uniform(0, 500, (200, 2)), max_connector=50.0)
    assert acc.seg.size == 200
    assert "tree" not in network.__dict__
    assert network.tree is not None and len(calls) == 2


def test_the_segments_at_nodes_are_those_ending_there() -> None:
    """``segments_at``: every segment with an end among the nodes, once, in any order
    (against a scan)."""
    rng = np.random.default_rng(8)
    starts = rng.integers(0, 40, (600, 2)).astype(float) * 25.0
    ends = starts + rng.choice([-25.0, 25.0], (600, 2))
    network = build_network(shapely.linestrings(np.stack([starts, ends], axis=1)))
    assert network is not None
    for _ in range(20):
        nodes = rng.choice(network.node_count, size=int(rng.integers(1, 30)), replace=False)
        expected = np.flatnonzero(np.isin(network.seg_u, nodes) | np.isin(network.seg_v, nodes))
        row = np.full(network.node_count, np.inf)
        row[nodes] = 1.0
        found = network.segments_at(nodes, row)
        assert found.size == expected.size  # each once
        assert np.array_equal(np.sort(found), expected)
