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
