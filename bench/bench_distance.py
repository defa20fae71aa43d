"""The walking-distance step against the bare Dijkstra it is built on, networkx and pandana.

On the synthetic city of each size (``synthetic_city.make_city``), from all the kindergartens (one
group, as the evaluator routes one facility kind) to every resident point, with the cn-gb
kindergarten radius of 300 m as the limit and without a limit:

- ours: ``spaceplanner.engine.distance.group_distances`` (the multi-source Dijkstra from a virtual
node
  joined to where each site reaches the network, then every resident point from its own segment,
  the same-segment and inside-a-site rules); ``node_fields`` alone (its Dijkstra part) is shown
  on the line below it;
- floor: ``scipy.sparse.csgraph.dijkstra(network.graph, indices=<the kindergartens' nearest
  nodes>, min_only=True, limit=...)``: node to node only, no access points, no resident points;
- networkx: ``multi_source_dijkstra_path_length`` from the same nodes with the limit as
  ``cutoff``, on an ``nx.Graph`` of the same edges (its build reported apart);
- pandana: ``Network(node_x, node_y, edge_from, edge_to, edge_weights)`` (contraction
  hierarchies; preprocessing reported apart), then ``set_pois`` at the same nodes and
  ``nearest_pois`` up to the limit (pandana needs a finite one: "unlimited" is a distance longer
  than any path in the city);
- floor + points: the floor, then each resident point from the two ends of its segment (connector
  + the nearer end): the least per-point work any node-only engine needs to answer the same
  question for points, for reading how much of ours is Dijkstra and how much the points.

Queries are the best of ``--repeat`` runs (one run when it takes over 2 s); builds run once.
pandana runs with OpenMP limited to ``--pandana-threads`` (default 1, as the others use one core).
Resident points are located on the network (``locate``) and the sites' access points found
(``site_sources``) before timing: the evaluator does both once per plan; their times are printed
as setup.

Correctness (each size where networkx and pandana ran): ``node_fields`` from sources placed
exactly at the kindergartens' nearest nodes must equal the floor and networkx to 1e-6 m and
pandana to its rounding (pandana keeps edge weights to about a millimetre: 0.01 m + 1e-5 of the
distance); and ``group_distances`` at the resident points must equal an independent networkx
reference (a super-source joined to each access point, then each point from its segment's ends or
along a shared segment) to 1e-6 m. Target: ours within 2x of the floor.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import networkx as nx
import numpy as np
import pandas as pd
import shapely
from scipy import sparse
from scipy.sparse.csgraph import dijkstra
from synthetic_city import SIZES, make_city

from spaceplanner.engine.distance import Sources, group_distances, node_fields, site_sources
from spaceplanner.engine.network import Access, WalkNetwork, build_network, locate

#: The cn-gb kindergarten radius, metres; and the profile's access settings.
LIMIT, TOLERANCE, MAX_CONNECTOR = 300.0, 20.0, 500.0
KIND = "kindergarten"
TARGET_RATIO = 2.0


#: A query whose run takes longer than this (seconds) is not repeated.
SLOW = 2.0


def best_of(repeat: int, func: Callable[[], Any]) -> tuple[float, Any]:
    """Best wall time of ``repeat`` runs (one if it takes over :data:`SLOW`), and the result."""
    best, value = np.inf, None
    for _ in range(repeat):
        start = time.perf_counter()
        value = func()
        best = min(best, time.perf_counter() - start)
        if best > SLOW:
            break
    return best, value


def once(func: Callable[[], Any]) -> tuple[float, Any]:
    return best_of(1, func)


@contextlib.contextmanager
def quiet_stdout() -> Iterator[None]:
    """Silence file descriptor 1 (pandana's C++ progress printing) inside the block."""
    sys.stdout.flush()
    saved = os.dup(1)
    with open(os.devnull, "w") as devnull:
        os.dup2(devnull.fileno(), 1)
        try:
            yield
        finally:
            sys.stdout.flush()
            os.dup2(saved, 1)
            os.close(saved)


@dataclass
class Case:
    """One size's inputs: the network, the resident points and the kindergartens."""

    network: WalkNetwork
    xy: np.ndarray
    access: Access
    sources: Sources
    group: list[np.ndarray]
    nodes: np.ndarray
    setup: dict[str, float]


def prepare(n_nodes: int, n_res: int, n_fac: int) -> Case:
    setup = {}
    setup["city"], plan = once(lambda: make_city(n_nodes, n_res, n_fac))
    lines = plan.layers["network"].frame.geometry.to_numpy()  # type: ignore[union-attr]
    setup["build_network"], network = once(lambda: build_network(lines))
    xy = shapely.get_coordinates(plan.layers["residents"].frame.geometry.to_numpy())  # type: ignore[union-attr]
    setup["locate"], access = once(lambda: locate(network, xy, MAX_CONNECTOR))
    fac = plan.layers["facilities"].frame
    assert fac is not None
    geoms = fac.geometry.to_numpy()[fac["kind"].to_numpy() == KIND]
    setup["site_sources"], sources = once(
        lambda: site_sources(network, geoms, tolerance=TOLERANCE, max_connector=MAX_CONNECTOR)
    )
    # Each access point's nearer segment end: the nodes the node-only engines start from.
    ends = np.where(sources.t <= 0.5, network.seg_u[sources.seg], network.seg_v[sources.seg])
    return Case(network, xy, access, sources, [np.arange(len(geoms))], np.unique(ends), setup)


def floor_points(case: Case, limit: float) -> np.ndarray:
    """The floor plus the least per-point work: each point from its segment's two ends."""
    net, acc = case.network, case.access
    field = dijkstra(net.graph, directed=True, indices=case.nodes, min_only=True, limit=limit)
    ok = np.flatnonzero(acc.reachable)
    seg, t = acc.seg[ok], acc.t[ok]
    slen = net.seg_len[seg]
    out = np.full(len(case.xy), np.inf)
    out[ok] = acc.conn[ok] + np.minimum(
        field[net.seg_u[seg]] + t * slen, field[net.seg_v[seg]] + (1 - t) * slen
    )
    out[out > limit] = np.inf
    return out


def nx_graph(network: WalkNetwork) -> nx.Graph:
    upper = sparse.triu(network.graph).tocoo()
    graph = nx.Graph()
    graph.add_nodes_from(range(network.node_count))
    graph.add_weighted_edges_from(
        zip(upper.row.tolist(), upper.col.tolist(), upper.data.tolist(), strict=True)
    )
    return graph


def nx_field(graph: nx.Graph, sources: Any, n: int, limit: float) -> np.ndarray:
    """Distances ``(n,)`` from ``sources`` (node set, or a super-source node) by networkx."""
    cutoff = None if np.isinf(limit) else limit
    if isinstance(sources, int | np.integer):
        found = nx.single_source_dijkstra_path_length(graph, int(sources), cutoff=cutoff)
    else:
        found = nx.multi_source_dijkstra_path_length(graph, set(sources), cutoff=cutoff)
    out = np.full(n, np.inf)
    keys = np.fromiter((k for k in found if k < n), dtype=np.int64)
    out[keys] = [found[k] for k in keys]
    return out


def pandana_network(network: WalkNetwork) -> Any:
    import pandana  # late: OMP_NUM_THREADS is set in main() before pandana loads OpenMP

    upper = sparse.triu(network.graph).tocoo()
    with quiet_stdout():
        return pandana.Network(
            pd.Series(network.nodes[:, 0]),
            pd.Series(network.nodes[:, 1]),
            pd.Series(upper.row),
            pd.Series(upper.col),
            pd.DataFrame({"length": upper.data}),
            twoway=True,
        )


def pandana_field(net: Any, network: WalkNetwork, nodes: np.ndarray, reach: float) -> np.ndarray:
    with quiet_stdout():
        net.set_pois(
            "sites",
            reach,
            1,
            pd.Series(network.nodes[nodes, 0]),
            pd.Series(network.nodes[nodes, 1]),
        )
        found = net.nearest_pois(reach, "sites", num_pois=1, max_distance=np.inf)
    return found[1].to_numpy(dtype=float)


def node_sources(network: WalkNetwork, nodes: np.ndarray) -> Sources:
    """Sources exactly at ``nodes`` (offset 0), one site per node."""
    seg = np.full(nodes.size, -1)
    t = np.zeros(nodes.size)
    first_u = pd.Series(np.arange(network.seg_u.size)).groupby(network.seg_u).first()
    first_v = pd.Series(np.arange(network.seg_v.size)).groupby(network.seg_v).first()
    for i, node in enumerate(nodes):
        if node in first_u.index:
            seg[i] = first_u[node]
        else:
            seg[i], t[i] = first_v[node], 1.0
    n = nodes.size
    return Sources(np.arange(n), seg, t, np.zeros(n), np.full(n, None, dtype=object), n)


def reference_points(graph: nx.Graph, case: Case, limit: float) -> np.ndarray:
    """Independent walking distance ``(M,)`` from the group to each resident point (networkx).

    A super-source is joined to both ends of every access point's segment; a point walks its
    connector and then to either end of its segment, or along the segment to an access point on
    it. (The kindergartens are points, so the inside-a-site rule does not apply.)
    """
    net, src, acc = case.network, case.sources, case.access
    n = net.node_count
    g = graph.copy()
    length = net.seg_len[src.seg]
    for u, v, a, b in zip(
        net.seg_u[src.seg].tolist(),
        net.seg_v[src.seg].tolist(),
        (src.offset + src.t * length).tolist(),
        (src.offset + (1 - src.t) * length).tolist(),
        strict=True,
    ):
        for node, w in ((u, a), (v, b)):
            if not g.has_edge(n, node) or g[n][node]["weight"] > w:
                g.add_edge(n, node, weight=w)
    field = nx_field(g, n, n, limit)
    out = np.full(len(case.xy), np.inf)
    ok = np.flatnonzero(acc.reachable)
    seg, t, conn = acc.seg[ok], acc.t[ok], acc.conn[ok]
    slen = net.seg_len[seg]
    via = np.minimum(field[net.seg_u[seg]] + t * slen, field[net.seg_v[seg]] + (1 - t) * slen)
    out[ok] = conn + via
    for s, ts, off in zip(src.seg, src.t, src.offset, strict=True):
        same = np.flatnonzero(seg == s)
        direct = conn[same] + np.abs(t[same] - ts) * slen[same] + off
        out[ok[same]] = np.minimum(out[ok[same]], direct)
    out[out > limit] = np.inf
    return out


def agree(
    a: np.ndarray, b: np.ndarray, limit: float, atol: float, rtol: float
) -> tuple[bool, float]:
    """Same reach (up to ``atol`` at the limit) and values within tolerance; max difference."""
    fa, fb = np.isfinite(a), np.isfinite(b)
    both = fa & fb
    diff = np.abs(a[both] - b[both])
    worst = float(diff.max()) if diff.size else 0.0
    odd = fa != fb
    if np.isfinite(limit):
        near_limit = np.abs(np.where(fa, a, b)[odd] - limit) <= atol + rtol * limit
    else:
        near_limit = np.zeros(int(odd.sum()), dtype=bool)
    ok = bool(np.all(diff <= atol + rtol * np.abs(b[both])) and np.all(near_limit))
    return ok, worst


def times_floor(ratio: float) -> str:
    return f"{ratio:.1f}x" if ratio < 100 else f"{ratio:,.0f}x"


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms" if seconds < 1 else f"{seconds:,.2f} s"


def run_size(name: str, repeat: int, use_nx: bool, use_pandana: bool) -> bool | None:
    n_nodes, n_res, n_fac = SIZES[name]
    case = prepare(n_nodes, n_res, n_fac)
    net = case.network
    span = np.ptp(net.nodes, axis=0).sum()
    # Longer than any path in the city: pandana's "unlimited". A whole number of km, as pandana
    # rounds it (in float32?) and refuses a query reach "larger" than its set_pois reach.
    reach_all = float(np.ceil(3 * span / 1000) * 1000)
    limits = {"300 m": LIMIT, "unlimited": np.inf}
    print(
        f"\n{name}: {net.node_count:,} nodes, {net.graph.nnz // 2:,} edges, "
        f"{len(case.xy):,} resident points, {case.sources.count} kindergartens "
        f"({case.nodes.size} source nodes)"
    )
    s = case.setup
    print(
        f"  setup, not in the comparison: city {s['city']:.1f} s, build_network "
        f"{s['build_network']:.2f} s, locate residents {s['locate']:.2f} s, site_sources "
        f"{s['site_sources'] * 1000:.0f} ms"
    )
    rows: dict[str, dict[str, float | None]] = {}
    fields: dict[str, dict[str, np.ndarray]] = {k: {} for k in limits}
    for label, limit in limits.items():
        t, fields[label]["floor"] = best_of(
            repeat,
            lambda lim=limit: dijkstra(
                net.graph, directed=True, indices=case.nodes, min_only=True, limit=lim
            ),
        )
        rows.setdefault("floor: csgraph.dijkstra, nodes only", {})[label] = t
        t, fields[label]["ours"] = best_of(
            repeat,
            lambda lim=limit: group_distances(
                net, case.sources, case.group, case.access, case.xy, limit=lim
            ),
        )
        rows.setdefault("ours: group_distances", {})[label] = t
        t, _ = best_of(repeat, lambda lim=limit: node_fields(net, case.sources, case.group, lim))
        rows.setdefault("  of which node_fields", {})[label] = t
        t, _ = best_of(repeat, lambda lim=limit: floor_points(case, lim))
        rows.setdefault("floor + points (segment ends only)", {})[label] = t
    graph = None
    if use_nx:
        t_build, graph = once(lambda: nx_graph(net))
        for label, limit in limits.items():
            t, fields[label]["networkx"] = best_of(
                repeat, lambda lim=limit: nx_field(graph, case.nodes, net.node_count, lim)
            )
            rows.setdefault("networkx: multi_source_dijkstra", {})[label] = t
        rows["networkx: graph build (once)"] = {"once": t_build}
    if use_pandana:
        t_prep, pnet = once(lambda: pandana_network(net))
        for label, limit in limits.items():
            reach = limit if np.isfinite(limit) else reach_all
            t, fields[label]["pandana"] = best_of(
                repeat, lambda r=reach: pandana_field(pnet, net, case.nodes, r)
            )
            rows.setdefault("pandana: set_pois + nearest_pois", {})[label] = t
            rows.setdefault("pandana: with preprocessing", {})[label] = t + t_prep
        rows["pandana: preprocessing (once)"] = {"once": t_prep}

    print(f"  {'':<36}{'limit 300 m':>14}{'/ floor':>10}{'unlimited':>14}{'/ floor':>10}")
    floor = rows["floor: csgraph.dijkstra, nodes only"]
    for label, times in rows.items():
        if "once" in times:
            print(f"  {label:<36}{ms(times['once']):>14}")
            continue
        cells = ""
        for lim in limits:
            t = times.get(lim)
            cells += f"{ms(t):>14}{times_floor(t / floor[lim]):>10}" if t is not None else " " * 24
        print(f"  {label:<36}{cells}")
    ratio = rows["ours: group_distances"]["300 m"] / floor["300 m"]  # type: ignore[operator]
    ratio_all = rows["ours: group_distances"]["unlimited"] / floor["unlimited"]  # type: ignore[operator]
    fp = rows["floor + points (segment ends only)"]
    print(
        "  ours / (floor + points): "
        + ", ".join(
            f"{lim} {rows['ours: group_distances'][lim] / fp[lim]:.1f}x"  # type: ignore[operator]
            for lim in limits
        )
    )
    print(
        f"  target ours <= {TARGET_RATIO:.0f}x floor: 300 m {ratio:.1f}x "
        f"{'met' if ratio <= TARGET_RATIO else 'MISSED'}, unlimited {ratio_all:.1f}x "
        f"{'met' if ratio_all <= TARGET_RATIO else 'MISSED'}"
    )
    if graph is None or not use_pandana:
        print("  distances agree: not checked (networkx and pandana needed)")
        return None
    verdict = True
    at_nodes = node_sources(net, case.nodes)
    for label, limit in limits.items():
        ours = node_fields(net, at_nodes, [np.arange(at_nodes.count)], limit)[0]
        got = fields[label]
        checks = [
            ("floor", agree(ours, got["floor"], limit, 1e-6, 0.0)),
            ("networkx", agree(ours, got["networkx"], limit, 1e-6, 0.0)),
            ("pandana", agree(ours, got["pandana"], limit, 0.01, 1e-5)),
        ]
        ref = reference_points(graph, case, limit)
        checks.append(("points vs networkx", agree(got["ours"][0], ref, limit, 1e-6, 0.0)))
        verdict &= all(ok for _, (ok, _) in checks)
        detail = ", ".join(
            f"{who} {'ok' if ok else 'DIFFER'} (max {d:.2g} m)" for who, (ok, d) in checks
        )
        print(f"  check {label}: node_fields at the source nodes vs {detail}")
    print(f"  distances agree: {'yes' if verdict else 'no'}")
    return verdict


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="small,medium,large")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--networkx-max-nodes",
        type=int,
        default=1_000_000,
        help="skip networkx on larger networks",
    )
    parser.add_argument(
        "--pandana-max-nodes",
        type=int,
        default=1_000_000,
        help="skip pandana on larger networks (its preprocessing is the slow part)",
    )
    parser.add_argument("--pandana-threads", type=int, default=1)
    args = parser.parse_args()
    os.environ["OMP_NUM_THREADS"] = str(args.pandana_threads)
    names = [s.strip() for s in args.sizes.split(",") if s.strip()]
    for name in names:
        if name not in SIZES:
            parser.error(f"unknown size {name!r}; sizes are {', '.join(SIZES)}")
    print(
        f"From all {KIND}s (one group) to every resident point; times are the best of "
        f"{args.repeat}, builds once.\npandana OpenMP threads: {args.pandana_threads}; "
        f"cores: {os.cpu_count()}."
    )
    verdicts = {}
    for name in names:
        nodes = SIZES[name][0]
        use_nx = nodes <= args.networkx_max_nodes
        use_pd = nodes <= args.pandana_max_nodes
        for what, used in (("networkx", use_nx), ("pandana", use_pd)):
            if not used:
                print(f"\n{name}: {what} skipped (more than the --{what}-max-nodes)")
        verdicts[name] = run_size(name, args.repeat, use_nx, use_pd)
    checked = {k: v for k, v in verdicts.items() if v is not None}
    if checked:
        every = all(checked.values())
        print(f"\ndistances agree: {'yes' if every else 'no'} (checked at {', '.join(checked)})")


if __name__ == "__main__":
    main()
