"""The floor of ``spaceplanner evaluate`` on a plan file: the least work its figures need.

Run as its own process by ``bench_evaluate.py --cli`` (``python bench/evaluate_floor.py PLAN``),
so that its wall time, like the command's, counts the interpreter's start and the imports of
what it uses (numpy, shapely, pyogrio with geopandas, scipy) and nothing else: bare
``pyogrio.read_dataframe(..., use_arrow=True)`` of the network, residents and site layers; the
sparse graph of the street segments (nodes by their coordinates, ``scipy.sparse``); snapping the
residents and the sites to their nearest node (``cKDTree``, polygons by their centroid); and one
multi-source ``scipy.sparse.csgraph.dijkstra(min_only=True, limit=1000)`` per indicator kind
(shelters, activity spaces, and each kind of facility). It prints one JSON record: the seconds
timed inside (from the first read to the last Dijkstra) and per step, and the imports' seconds.
"""

from __future__ import annotations

import time

STARTED = time.perf_counter()

import json  # noqa: E402
import resource  # noqa: E402
import sys  # noqa: E402

import numpy as np  # noqa: E402
import pyogrio  # noqa: E402
import shapely  # noqa: E402
from scipy import sparse  # noqa: E402
from scipy.sparse.csgraph import dijkstra  # noqa: E402
from scipy.spatial import cKDTree  # noqa: E402

#: The Dijkstra limit (m): the largest service radius of the default rules.
FLOOR_LIMIT_M = 1000.0
#: The plan's layers the floor reads, by role (the synthetic cities name layers by role).
SITE_LAYERS = ("shelters", "activity_spaces", "facilities")


def floor(path: str) -> dict:
    """Measure the floor of an evaluation of the plan file ``path``."""
    times: dict[str, float] = {}
    start = t0 = time.perf_counter()

    def lap(name: str) -> None:
        nonlocal t0
        now = time.perf_counter()
        times[name] = now - t0
        t0 = now

    frames = {
        layer: pyogrio.read_dataframe(path, layer=layer, use_arrow=True)
        for layer in ("network", "residents", *SITE_LAYERS)
    }
    lap("read")
    # the graph: street segments between nodes identified by their coordinates
    lines = frames["network"].geometry.to_numpy()
    coords, which = shapely.get_coordinates(lines, return_index=True)
    _, first, node = np.unique(
        np.ascontiguousarray(coords).view(np.complex128).ravel(),
        return_index=True,
        return_inverse=True,
    )
    nodes = coords[first]
    same = which[1:] == which[:-1]
    u, v = node[:-1][same], node[1:][same]
    length = np.hypot(*(coords[1:][same] - coords[:-1][same]).T)
    n = len(nodes)
    graph = sparse.csr_matrix((length, (u, v)), shape=(n, n))
    lap("graph")
    # snapping: residents and sites to their nearest node
    tree = cKDTree(nodes)
    _, res_node = tree.query(shapely.get_coordinates(frames["residents"].geometry.to_numpy()))
    groups: dict[str, np.ndarray] = {}
    for layer in SITE_LAYERS:
        frame = frames[layer]
        _, at = tree.query(shapely.get_coordinates(shapely.centroid(frame.geometry.to_numpy())))
        if layer == "facilities":
            for kind in np.unique(frame["kind"].to_numpy(dtype=str)):
                groups[f"facilities: {kind}"] = at[frame["kind"].to_numpy(dtype=str) == kind]
        else:
            groups[layer] = at
    lap("snap")
    reached = 0
    for sources in groups.values():
        dist = dijkstra(graph, directed=False, indices=sources, min_only=True, limit=FLOOR_LIMIT_M)
        reached += int(np.isfinite(dist[res_node]).sum())
    lap("dijkstra")
    return {
        "phase": "floor",
        "seconds": time.perf_counter() - start,
        "imports": start - STARTED,
        "steps": times,
        "kinds": len(groups),
        "nodes": n,
        "reached": reached,
        "maxrss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
    }


if __name__ == "__main__":
    print(json.dumps(floor(sys.argv[1])), flush=True)
