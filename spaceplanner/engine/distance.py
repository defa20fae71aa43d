"""Walking distance from sites (shelters, spaces, facilities) to points (residents).

Walking distance = the connector from a point to its edge position + the shortest network path
+ the connector at the other end. A point site is reached where it projects onto the network. A
polygon site is reached at every network position inside it or within the entrance tolerance of
its boundary (its zone): the nodes in the zone and the points where segments enter or leave it,
found exactly (the zone is not drawn as a buffer polygon, whose chords would put those points
up to metres off); a point whose edge position lies in the zone is at the site, its distance
being its connector. A polygon with no network in its zone is reached at the network position
nearest to it, its connector being the gap. Distances are computed from each group of sites at
once by a multi-source Dijkstra (``scipy.sparse.csgraph``) from a virtual node joined to every
position of the group.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np
import pandas as pd
import shapely
from scipy import sparse
from scipy.sparse.csgraph import dijkstra
from shapely import STRtree

from spaceplanner import settings
from spaceplanner.engine.network import Access, WalkNetwork, _ranges, locate

__all__ = [
    "Sources",
    "clip_lines",
    "group_distances",
    "group_reach",
    "node_fields",
    "site_sources",
    "straight_distances",
]

#: At most this many distance values are held at once (rows x columns) when routing in chunks.
_CHUNK_CELLS = 20_000_000


@dataclass(frozen=True)
class Sources:
    """The network positions at which each site is reached.

    Attributes
    ----------
    site, seg, t, offset
        One entry per position: the site's index, the segment and position on it, and the
        distance already walked from the site to it (its connector; 0 inside a polygon).
    polygons
        Per site: the polygon site, or None for a point site (or one reached only through its
        entrances).
    count
        Number of sites.
    tolerance
        Network positions within this distance of a polygon are at the site (its zone).
    """

    site: np.ndarray
    seg: np.ndarray
    t: np.ndarray
    offset: np.ndarray
    polygons: np.ndarray
    count: int
    tolerance: float = 0.0

    def zones(self) -> np.ndarray:
        """Each polygon site's zone as a polygon (for drawing; the distances use the exact
        zone), None for the others."""
        out = np.array(self.polygons, dtype=object, copy=True)
        has = ~shapely.is_missing(out)
        if self.tolerance > 0 and has.any():
            out[has] = shapely.buffer(out[has], self.tolerance, quad_segs=16)
        return out

    def reached(self) -> np.ndarray:
        """Boolean mask of the sites that reach the network."""
        mask = np.zeros(self.count, dtype=bool)
        mask[self.site] = True
        return mask

    def subset(self, sites: np.ndarray) -> Sources:
        """The positions of ``sites`` only, renumbered ``0..len(sites)-1`` in that order."""
        sites = np.asarray(sites, dtype=np.int64)
        new = np.full(self.count, -1, dtype=np.int64)
        new[sites] = np.arange(sites.size)
        keep = new[self.site] >= 0
        return Sources(
            new[self.site[keep]],
            self.seg[keep],
            self.t[keep],
            self.offset[keep],
            self.polygons[sites],
            int(sites.size),
            self.tolerance,
        )


def _inclusive(limit: float) -> float:
    """The distance up to which a target counts as within ``limit``: the limit itself, plus
    :data:`~spaceplanner.settings.DISTANCE_TOLERANCE_M` for the rounding of sums of lengths."""
    return limit + settings.DISTANCE_TOLERANCE_M


def _no_pairs() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """An empty ``(index, index, value)`` triple of arrays."""
    return np.empty(0, np.int64), np.empty(0, np.int64), np.empty(0)


def clip_lines(lines: np.ndarray, zones: np.ndarray) -> np.ndarray:
    """``shapely.intersection(lines, zones)``, without the costly overlay for the lines that lie
    wholly inside their zone (most network pieces in a park): those are kept as they are."""
    shapely.prepare(zones)
    inside = shapely.contains_properly(zones, lines)
    out = np.array(lines, dtype=object, copy=True)
    out[~inside] = shapely.intersection(lines[~inside], zones[~inside])
    return out


def _line_disk(
    a: np.ndarray, v: np.ndarray, c: np.ndarray, r: float
) -> tuple[np.ndarray, np.ndarray]:
    """The ``t`` interval where ``a + t v`` is within ``r`` of ``c`` (lo > hi: none)."""
    w = a - c
    qa = np.einsum("ij,ij->i", v, v)
    qb = 2 * np.einsum("ij,ij->i", v, w)
    qc = np.einsum("ij,ij->i", w, w) - r * r
    disc = qb * qb - 4 * qa * qc
    root = np.sqrt(np.maximum(disc, 0.0))
    with np.errstate(divide="ignore", invalid="ignore"):
        lo = (-qb - root) / (2 * qa)
        hi = (-qb + root) / (2 * qa)
    empty = (disc < 0) | (qa == 0)
    return np.where(empty, np.inf, lo), np.where(empty, -np.inf, hi)


def _slab(p: np.ndarray, q: np.ndarray, low: float | np.ndarray, high: float | np.ndarray):
    """The ``t`` interval where ``low <= p + q t <= high`` (lo > hi: none)."""
    flat = np.abs(q) < 1e-15
    with np.errstate(divide="ignore", invalid="ignore"):
        t1 = (low - p) / q
        t2 = (high - p) / q
    lo = np.where(flat, np.where((p >= low) & (p <= high), -np.inf, np.inf), np.minimum(t1, t2))
    hi = np.where(flat, np.where((p >= low) & (p <= high), np.inf, -np.inf), np.maximum(t1, t2))
    return lo, hi


def _capsule_intervals(
    a: np.ndarray, v: np.ndarray, c: np.ndarray, d: np.ndarray, r: float
) -> tuple[np.ndarray, np.ndarray]:
    """The ``t`` interval where ``a + t v`` is within ``r`` of the segment ``c d``.

    The set of points within ``r`` of a segment (a capsule) is convex, so its intersection with
    a line is one interval: the hull of the line's intervals in the two end discs and in the
    rectangle between them.
    """
    lo1, hi1 = _line_disk(a, v, c, r)
    lo2, hi2 = _line_disk(a, v, d, r)
    e = d - c
    length = np.hypot(e[:, 0], e[:, 1])
    with np.errstate(divide="ignore", invalid="ignore"):
        u = e / length[:, None]
    n = np.stack([-u[:, 1], u[:, 0]], axis=1)
    w = a - c
    along_lo, along_hi = _slab(
        np.einsum("ij,ij->i", w, u), np.einsum("ij,ij->i", v, u), 0.0, length
    )
    side_lo, side_hi = _slab(np.einsum("ij,ij->i", w, n), np.einsum("ij,ij->i", v, n), -r, r)
    lo3, hi3 = np.maximum(along_lo, side_lo), np.minimum(along_hi, side_hi)
    degenerate = ~(length > 0)
    lo3[degenerate], hi3[degenerate] = np.inf, -np.inf
    los, his = np.stack([lo1, lo2, lo3]), np.stack([hi1, hi2, hi3])
    present = los <= his
    lo = np.where(present, los, np.inf).min(axis=0)
    hi = np.where(present, his, -np.inf).max(axis=0)
    return lo, hi


def _zone_positions(
    network: WalkNetwork, polygons: np.ndarray, which: np.ndarray, tolerance: float
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Network positions in the zones of ``polygons[which]`` (inside the polygon or within
    ``tolerance`` of it): the ends of each piece of segment in a zone, computed exactly.

    A piece ends at a segment end in the zone or where the segment enters or leaves it; a
    segment that only touches the zone gives that point. Within ``tolerance`` of a polygon means
    within it of one of its boundary edges, and each edge's reach along a segment is solved in
    closed form; the pieces inside the polygon come from the exact overlay of the segment and
    the polygon. Overlapping pieces of a (site, segment) are merged.
    """
    keys, los, his = [], [], []
    shapes = polygons[which]
    # inside the polygon
    z, s = network.tree.query(shapes, predicate="intersects")
    if z.size:
        hits = clip_lines(network.segments[s], shapes[z])
        parts, idx = shapely.get_parts(hits, return_index=True)
        kind = shapely.get_type_id(parts)
        keep = (kind == 0) | (kind == 1)
        parts, idx = parts[keep], idx[keep]
        seg = s[idx]
        ends = np.stack([shapely.get_point(parts, 0), shapely.get_point(parts, -1)])
        t = shapely.line_locate_point(network.segments[seg], ends, normalized=True)
        keys.append(np.stack([which[z[idx]], seg], axis=1))
        los.append(np.minimum(t[0], t[1]))
        his.append(np.maximum(t[0], t[1]))
    # within the tolerance of a boundary edge
    if tolerance > 0:
        parts, part_owner = shapely.get_parts(shapes, return_index=True)
        rings, ring_part = shapely.get_rings(parts, return_index=True)
        owner_of_ring = which[part_owner[ring_part]]
        coords, ring_idx = shapely.get_coordinates(rings, return_index=True)
        if coords.shape[0] > 1:
            same = ring_idx[1:] == ring_idx[:-1]
            c, d = coords[:-1][same], coords[1:][same]
            edge_owner = owner_of_ring[ring_idx[:-1][same]]
            edges = shapely.linestrings(np.stack([c, d], axis=1))
            e, s = network.tree.query(edges, predicate="dwithin", distance=tolerance)
            if e.size:
                seg_xy = shapely.get_coordinates(network.segments[s]).reshape(-1, 2, 2)
                a = seg_xy[:, 0]
                lo, hi = _capsule_intervals(a, seg_xy[:, 1] - a, c[e], d[e], tolerance)
                lo, hi = np.maximum(lo, 0.0), np.minimum(hi, 1.0)
                ok = lo <= hi
                keys.append(np.stack([edge_owner[e][ok], s[ok]], axis=1))
                los.append(lo[ok])
                his.append(hi[ok])
    if not keys:
        return _no_pairs()
    key = np.concatenate(keys)
    lo, hi = np.concatenate(los), np.concatenate(his)
    order = np.lexsort((lo, key[:, 1], key[:, 0]))
    key, lo, hi = key[order], lo[order], hi[order]
    new_key = np.ones(len(lo), dtype=bool)
    new_key[1:] = np.any(key[1:] != key[:-1], axis=1)
    # a run of overlapping pieces of one (site, segment) starts where a piece begins after
    # every earlier piece of its key has ended (t lies in [0, 1]: offsetting each key by 2
    # makes one running maximum serve all keys)
    group = np.cumsum(new_key)
    reach = np.maximum.accumulate(hi + 2.0 * group) - 2.0 * group
    opens = new_key.copy()
    opens[1:] |= lo[1:] > reach[:-1]
    first = np.flatnonzero(opens)
    run_lo = lo[first]
    run_hi = np.maximum.reduceat(hi, first)
    run_key = key[first]
    single = run_hi - run_lo <= 0
    site = np.concatenate([run_key[:, 0], run_key[~single, 0]])
    seg = np.concatenate([run_key[:, 1], run_key[~single, 1]])
    t = np.concatenate([run_lo, run_hi[~single]])
    return site.astype(np.int64), seg.astype(np.int64), t


def site_sources(
    network: WalkNetwork,
    geometries: np.ndarray,
    *,
    tolerance: float,
    max_connector: float,
    entrances: dict[int, np.ndarray] | None = None,
) -> Sources:
    """Find where each site reaches the network.

    Parameters
    ----------
    network
        The walking network.
    geometries
        The sites: points or polygons (multi-parts allowed), in the network's CRS.
    tolerance
        Network within this distance of a polygon's boundary reaches the polygon.
    max_connector
        Sites farther than this from every segment are unreachable.
    entrances
        Site index to ``(E, 2)`` entrance coordinates: such a site is reached only through its
        entrances (each located like a point site), not wherever the network meets it.
    """
    geoms = np.asarray(geometries, dtype=object)
    n = len(geoms)
    polygonal = np.isin(shapely.get_type_id(geoms), [3, 6])
    polygons = np.full(n, None, dtype=object)
    sites, segs, ts, offsets = [], [], [], []
    if entrances:
        gated = np.array(sorted(entrances), dtype=np.int64)
        polygonal[gated] = False
        owner = np.concatenate([np.full(len(entrances[i]), i) for i in gated])
        xy = np.concatenate([np.asarray(entrances[i], dtype=float).reshape(-1, 2) for i in gated])
        acc = locate(network, xy, max_connector)
        ok = acc.reachable
        sites.append(owner[ok])
        segs.append(acc.seg[ok])
        ts.append(acc.t[ok])
        offsets.append(acc.conn[ok])
    else:
        gated = np.empty(0, np.int64)

    point_idx = np.setdiff1d(np.flatnonzero(~polygonal), gated)
    if point_idx.size:
        xy = shapely.get_coordinates(shapely.centroid(geoms[point_idx]))
        acc = locate(network, xy, max_connector)
        ok = acc.reachable
        sites.append(point_idx[ok])
        segs.append(acc.seg[ok])
        ts.append(acc.t[ok])
        offsets.append(acc.conn[ok])

    poly_idx = np.flatnonzero(polygonal)
    if poly_idx.size:
        polygons[poly_idx] = geoms[poly_idx]
        c_site, c_seg, c_t = _zone_positions(network, polygons, poly_idx, tolerance)
        sites.append(c_site)
        segs.append(c_seg)
        ts.append(c_t)
        offsets.append(np.zeros(c_site.size))
        found = np.zeros(n, dtype=bool)
        for chunk in sites:
            found[chunk] = True
        lonely = poly_idx[~found[poly_idx]]
        if lonely.size:
            (which, seg), dist = network.tree.query_nearest(
                geoms[lonely], max_distance=max_connector, return_distance=True, all_matches=False
            )
            near = shapely.shortest_line(network.segments[seg], geoms[lonely][which])
            foot = shapely.get_point(near, 0)
            t = shapely.line_locate_point(network.segments[seg], foot, normalized=True)
            sites.append(lonely[which])
            segs.append(seg)
            ts.append(np.asarray(t, dtype=float))
            offsets.append(np.asarray(dist, dtype=float))
    return Sources(
        np.concatenate(sites).astype(np.int64) if sites else np.empty(0, np.int64),
        np.concatenate(segs).astype(np.int64) if segs else np.empty(0, np.int64),
        np.concatenate(ts) if ts else np.empty(0),
        np.concatenate(offsets) if offsets else np.empty(0),
        polygons,
        n,
        tolerance,
    )


def node_fields(
    network: WalkNetwork, sources: Sources, groups: list[np.ndarray], limit: float
) -> np.ndarray:
    """Node distances ``(K, N)`` from each group of sites (``inf`` beyond ``limit``)."""
    n, k = network.node_count, len(groups)
    # (group, point) of every network point of every member site, by a join: a dense
    # (groups x sites) mask grows with the square of the shelters (one group per shelter)
    pair = np.unique(np.column_stack(_group_sites(groups)), axis=0).reshape(-1, 2)
    rows, p_idx = _members(sources.site, np.arange(sources.site.size), pair[:, 1])
    g_idx = pair[rows, 0]
    seg = sources.seg[p_idx]
    length = network.seg_len[seg]
    rows = np.concatenate([g_idx, g_idx])
    cols = np.concatenate([network.seg_u[seg], network.seg_v[seg]])
    cost = np.concatenate(
        [
            sources.offset[p_idx] + sources.t[p_idx] * length,
            sources.offset[p_idx] + (1 - sources.t[p_idx]) * length,
        ]
    )
    # A site on a node links to it at 0 m: csgraph keeps explicit zeros of a CSR matrix as
    # zero-weight edges, so the true 0 is stored (a stand-in such as 1e-9 put every resident
    # exactly at the radius just beyond it).
    link = sparse.coo_matrix((cost, (rows, cols)), shape=(k, n)).tocsr()
    # coo -> csr sums duplicates; the shortest link to a node is what counts, so rebuild with min.
    if link.nnz != rows.size:
        frame = pd.DataFrame({"r": rows, "c": cols, "w": cost})
        best = frame.groupby(["r", "c"], sort=False)["w"].min().reset_index()
        link = sparse.csr_matrix(
            (best["w"].to_numpy(), (best["r"].to_numpy(), best["c"].to_numpy())), shape=(k, n)
        )
    # The network's CSR with the k virtual source rows appended (no copy through COO).
    base = network.graph
    graph = sparse.csr_matrix(
        (
            np.concatenate([base.data, link.data]),
            np.concatenate([base.indices, link.indices]),
            np.concatenate([base.indptr, base.indptr[-1] + link.indptr[1:]]),
        ),
        shape=(n + k, n + k),
    )
    dist = dijkstra(graph, directed=True, indices=np.arange(n, n + k), limit=limit)
    return np.asarray(dist)[:, :n]


def _targets_from(
    network: WalkNetwork, row: np.ndarray, reached: np.ndarray, targets: Access, limit: float
) -> tuple[np.ndarray, np.ndarray]:
    """``(targets, distances)`` within ``limit`` from the node distances ``row`` (``(N,)``,
    ``inf`` where not reached; ``reached`` its finite nodes): each target from the two ends of
    its segment. Only targets on a segment with a reached end can be reached this way. The
    targets come in no particular order (the callers index or sort by target)."""
    if reached.size > network.node_count // 4:
        idx = targets.by_segment[0]  # most of the network: every reachable point
    else:
        idx = targets.on_segments(network.segments_at(reached, row))
    seg, t = targets.seg[idx], targets.t[idx]
    length = network.seg_len[seg]
    d = targets.conn[idx] + np.minimum(
        row[network.seg_u[seg]] + t * length, row[network.seg_v[seg]] + (1 - t) * length
    )
    ok = np.isfinite(d) & (d <= limit)
    return idx[ok], d[ok]


class _LocalRouter:
    """Bounded Dijkstras on the part of the network near each group.

    A walk of at most ``limit`` from a site position never leaves the disc of radius ``limit``
    around it (a network path is at least as long as the straight line), and neither does any
    node on the shortest path to a node within ``limit``. So the nodes within ``limit`` of the
    group's positions (taken as the box around them, grown by ``limit`` and a metre) hold every
    shortest path that counts, and Dijkstra on the subgraph they induce gives the same distances
    as on the whole network, in time that follows the group's reach instead of the size of the
    network (a multi-source Dijkstra of scipy fills a (sources x nodes) array; with one group
    per shelter that is shelters x nodes).
    """

    def __init__(self, network: WalkNetwork, limit: float) -> None:
        self.network = network
        self.limit = limit
        self.local = np.full(network.node_count, -1, dtype=np.int64)
        self.row = np.full(network.node_count, np.inf)
        self.area = network.extent_area

    def box(self, xy: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        reach = self.limit + 1.0
        return xy.min(axis=0) - reach, xy.max(axis=0) + reach

    def small(self, lo: np.ndarray, hi: np.ndarray) -> bool:
        """Whether the box holds few enough nodes for a subgraph to pay off."""
        return float(np.prod(hi - lo)) * 8 < self.area

    def field(
        self, lo: np.ndarray, hi: np.ndarray, seg: np.ndarray, t: np.ndarray, offset: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray]:
        """Node distances from the positions ``(seg, t)`` (walked ``offset`` already): the
        reached nodes and their distances within the limit."""
        network = self.network
        centre, half = (lo + hi) / 2, (hi - lo) / 2
        near = np.asarray(network.node_tree.query_ball_point(centre, float(np.hypot(*half))))
        if near.size == 0:
            return np.empty(0, np.int64), np.empty(0)
        xy = network.nodes[near]
        sub = np.sort(near[((xy >= lo) & (xy <= hi)).all(axis=1)])
        ns = sub.size
        local = self.local
        local[sub] = np.arange(ns)
        try:
            graph = network.graph
            begin, end = graph.indptr[sub], graph.indptr[sub + 1]
            edges = _expand(begin, end - begin)
            cols = local[graph.indices[edges]]
            keep = cols >= 0
            per_row = np.bincount(np.repeat(np.arange(ns), end - begin)[keep], minlength=ns).astype(
                np.int64
            )
            # the links from the group's virtual source (row ns): the shortest to each node
            length = network.seg_len[seg]
            l_col = local[np.concatenate([network.seg_u[seg], network.seg_v[seg]])]
            l_cost = np.concatenate([offset + t * length, offset + (1 - t) * length])
            inside = l_col >= 0
            l_col, l_cost = l_col[inside], l_cost[inside]
            order = np.lexsort((l_cost, l_col))
            first = np.ones(order.size, dtype=bool)
            first[1:] = l_col[order][1:] != l_col[order][:-1]
            pick = order[first]
            # explicit zeros are kept: csgraph takes them as 0 m links (a site on a node)
            sub_graph = sparse.csr_matrix(
                (
                    np.concatenate([graph.data[edges][keep], l_cost[pick]]),
                    np.concatenate([cols[keep], l_col[pick]]),
                    np.concatenate([[0], np.cumsum(per_row), [int(keep.sum()) + pick.size]]),
                ),
                shape=(ns + 1, ns + 1),
            )
            dist = np.asarray(dijkstra(sub_graph, directed=True, indices=ns, limit=self.limit))[:ns]
        finally:
            local[sub] = -1
        ok = np.isfinite(dist)
        return sub[ok], dist[ok]


def _network_rows(
    network: WalkNetwork,
    sources: Sources,
    groups: list[np.ndarray],
    targets: Access,
    limit: float,
) -> Iterator[tuple[int, np.ndarray, np.ndarray]]:
    """Per group: ``(group, targets, distances)`` through the network within ``limit``, each
    target once, found from the nodes the group reaches.

    A group whose reach is a small part of the network (a shelter's 500 m) is routed on the
    subgraph near it (:class:`_LocalRouter`); the others together, a chunk of groups per
    multi-source Dijkstra on the whole network."""
    rest = list(range(len(groups)))
    if np.isfinite(limit) and groups:
        rest = []
        router = _LocalRouter(network, limit)
        g_of, s_of = _group_sites(groups)
        which, pos = _members(sources.site, np.arange(sources.site.size), s_of)
        order = np.argsort(g_of[which], kind="stable")
        by_group, pos = g_of[which][order], pos[order]
        cuts = np.searchsorted(by_group, np.arange(len(groups) + 1))
        foot = network.point_at(sources.seg[pos], sources.t[pos])
        for j in range(len(groups)):
            p = pos[cuts[j] : cuts[j + 1]]
            if p.size == 0:
                continue
            lo, hi = router.box(foot[cuts[j] : cuts[j + 1]])
            if not router.small(lo, hi):
                rest.append(j)
                continue
            reached, dist = router.field(lo, hi, sources.seg[p], sources.t[p], sources.offset[p])
            if reached.size == 0:
                continue
            row = router.row
            row[reached] = dist
            try:
                idx, d = _targets_from(network, row, reached, targets, limit)
            finally:
                row[reached] = np.inf
            yield j, idx, d
    # Each chunk's distances are (groups x (nodes + groups)): the source rows are graph nodes.
    n = max(network.node_count, 1)
    per_chunk = max(1, int((np.sqrt(n * n + 4 * _CHUNK_CELLS) - n) / 2))
    for start in range(0, len(rest), per_chunk):
        chunk = rest[start : start + per_chunk]
        fields = node_fields(network, sources, [groups[j] for j in chunk], limit)
        for j, row in zip(chunk, fields, strict=True):
            reached = np.flatnonzero(np.isfinite(row))
            if reached.size == 0:
                continue
            idx, d = _targets_from(network, row, reached, targets, limit)
            yield j, idx, d


def _shortcuts(
    network: WalkNetwork,
    sources: Sources,
    groups: list[np.ndarray],
    targets: Access,
    limit: float,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``(group, target, distance)`` of the walks that need no node: along a site's own
    segment, or from inside a polygon site (a target may appear more than once)."""
    parts = (
        _same_segment(network, sources, groups, targets, limit),
        _inside_sites(network, targets, sources, groups, limit),
    )
    g, t, d = (np.concatenate(x) for x in zip(*parts, strict=True))
    return g, t, d


def _usable(sources: Sources, groups: list[np.ndarray], targets: Access) -> bool:
    return bool(groups) and sources.site.size > 0 and targets.seg.size > 0


def group_reach(
    network: WalkNetwork,
    sources: Sources,
    groups: list[np.ndarray],
    targets: Access,
    *,
    limit: float,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Walking distance from each group of sites to each target it reaches within ``limit``,
    as sparse triples ``(group, target, distance)``: one per reached pair, sorted by group and
    target. Parameters as in :func:`group_distances`. The work follows what each group reaches,
    not the number of targets (a shelter's residents within 500 m, in a city of 500,000).
    """
    if not _usable(sources, groups, targets):
        return _no_pairs()
    limit = _inclusive(limit)
    sg, st, sd = _shortcuts(network, sources, groups, targets, limit)
    by_group = np.argsort(sg, kind="stable")
    sg, st, sd = sg[by_group], st[by_group], sd[by_group]
    found_g, found_t, found_d = [], [], []
    rows = {j: (idx, d) for j, idx, d in _network_rows(network, sources, groups, targets, limit)}
    for j in range(len(groups)):
        lo, hi = np.searchsorted(sg, [j, j + 1])
        idx, d = rows.get(j, (np.empty(0, np.int64), np.empty(0)))
        t = np.concatenate([idx, st[lo:hi]])
        dist = np.concatenate([d, sd[lo:hi]])
        if t.size == 0:
            continue
        order = np.lexsort((dist, t))  # by target, least distance first
        t, dist = t[order], dist[order]
        first = np.ones(t.size, dtype=bool)
        first[1:] = t[1:] != t[:-1]
        found_g.append(np.full(int(first.sum()), j, dtype=np.int64))
        found_t.append(t[first].astype(np.int64))
        found_d.append(dist[first])
    if not found_g:
        return _no_pairs()
    return np.concatenate(found_g), np.concatenate(found_t), np.concatenate(found_d)


def group_distances(
    network: WalkNetwork,
    sources: Sources,
    groups: list[np.ndarray],
    targets: Access,
    target_xy: np.ndarray,
    *,
    limit: float,
) -> np.ndarray:
    """Walking distance ``(K, M)`` from each group of sites to each target point.

    Parameters
    ----------
    network, sources
        The network and where the sites reach it.
    groups
        Site indices of each group; a group's distance is to its nearest site.
    targets
        Where the targets reach the network; unreachable targets get ``inf``.
    target_xy
        The targets' coordinates (their number sets M).
    limit
        Distances beyond this are ``inf`` (a target at ``limit`` is within it, to
        :data:`~spaceplanner.settings.DISTANCE_TOLERANCE_M`).
    """
    out = np.full((len(groups), len(target_xy)), np.inf)
    if not _usable(sources, groups, targets):
        return out
    limit = _inclusive(limit)
    for j, idx, d in _network_rows(network, sources, groups, targets, limit):
        out[j, idx] = d
    g, t, d = _shortcuts(network, sources, groups, targets, limit)
    np.minimum.at(out, (g, t), d)
    return out


def _expand(starts: np.ndarray, counts: np.ndarray) -> np.ndarray:
    """The indices ``starts[i] .. starts[i] + counts[i] - 1`` of every ``i``, concatenated."""
    total = int(counts.sum())
    if total == 0:
        return np.empty(0, np.int64)
    within = np.arange(total) - np.repeat(np.cumsum(counts) - counts, counts)
    return np.repeat(starts, counts) + within


def _members(keys: np.ndarray, values: np.ndarray, wanted: np.ndarray) -> tuple[np.ndarray, ...]:
    """Join ``wanted`` keys to the ``(keys, values)`` pairs: ``(row of wanted, value)`` for
    every pair whose key equals a wanted key (a many-to-many join by sorting, no pandas)."""
    order = np.argsort(keys, kind="stable")
    sorted_keys = keys[order]
    lo = np.searchsorted(sorted_keys, wanted, side="left")
    hi = np.searchsorted(sorted_keys, wanted, side="right")
    counts = hi - lo
    rows = np.repeat(np.arange(wanted.size), counts)
    return rows, values[order[_expand(lo, counts)]]


def _group_sites(groups: list[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """(group, site) of every site of every group."""
    if not groups:
        return np.empty(0, np.int64), np.empty(0, np.int64)
    g = np.concatenate([np.full(len(sites), i, dtype=np.int64) for i, sites in enumerate(groups)])
    s = np.concatenate([np.asarray(sites, dtype=np.int64) for sites in groups])
    return g, s


def _same_segment(
    network: WalkNetwork,
    sources: Sources,
    groups: list[np.ndarray],
    targets: Access,
    limit: float,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """A target on the same segment as a site position may walk straight along it:
    ``(group, target, distance)`` of each such walk within ``limit``."""
    g_of, s_of = _group_sites(groups)
    # every (group, position) of the groups' sites
    which, pos = _members(sources.site, np.arange(sources.site.size), s_of)
    if pos.size == 0:
        return _no_pairs()
    group = g_of[which]
    seg = sources.seg[pos]
    # only targets on a segment that has a site position can walk straight to it
    near = targets.on_segments(np.unique(seg))
    if near.size == 0:
        return _no_pairs()
    t_row, k = _members(seg, np.arange(seg.size), targets.seg[near])
    target = near[t_row]
    p = pos[k]
    along = np.abs(targets.t[target] - sources.t[p]) * network.seg_len[sources.seg[p]]
    d = targets.conn[target] + along + sources.offset[p]
    ok = d <= limit
    return group[k][ok], target[ok], d[ok]


#: Segments are looked up this much (m) beyond a zone, so that a target whose edge position is
#: in the zone is never missed by the rounding of that position; the exact test is on the position.
_ZONE_PAD_M = 1e-6


def _zone_targets(
    network: WalkNetwork, targets: Access, polygons: np.ndarray, tolerance: float
) -> tuple[np.ndarray, np.ndarray]:
    """``(polygon, target)`` of every target whose edge position lies in a polygon's zone
    (within ``tolerance`` of it, exactly: not inside a buffer polygon).

    An edge position lies on its segment, so only the targets on the segments near a zone are
    tested: the work follows the targets near the polygons, not all the targets.
    """
    z, seg = network.tree.query(polygons, predicate="dwithin", distance=tolerance + _ZONE_PAD_M)
    order, sorted_seg = targets.by_segment
    lo = np.searchsorted(sorted_seg, seg, side="left")
    hi = np.searchsorted(sorted_seg, seg, side="right")
    counts = hi - lo
    if not counts.any():
        return np.empty(0, np.int64), np.empty(0, np.int64)
    z = np.repeat(z, counts)
    target = order[_ranges(lo, hi)]
    if targets.foot is not None:
        foot = targets.foot[target]
    else:
        foot = network.point_at(targets.seg[target], targets.t[target])
    shapely.prepare(polygons)
    points = shapely.points(foot)
    if tolerance > 0:
        inside = shapely.dwithin(polygons[z], points, tolerance)
    else:
        inside = shapely.intersects(polygons[z], points)
    return z[inside], target[inside]


def _inside_sites(
    network: WalkNetwork,
    targets: Access,
    sources: Sources,
    groups: list[np.ndarray],
    limit: float,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """A target whose edge position lies in a polygon site's zone is at that site, its
    distance being its connector: ``(group, target, distance)`` of each within ``limit``."""
    zoned = np.flatnonzero(pd.notna(sources.polygons))
    if zoned.size == 0 or not targets.reachable.any():
        return _no_pairs()
    z, reached = _zone_targets(network, targets, sources.polygons[zoned], sources.tolerance)
    if reached.size == 0:
        return _no_pairs()
    g_of, s_of = _group_sites(groups)
    row, group = _members(s_of, g_of, zoned[z])
    target = reached[row]
    d = targets.conn[target]
    within = d <= limit
    return group[within], target[within], d[within]


def straight_distances(
    geometries: np.ndarray,
    groups: list[np.ndarray],
    target_xy: np.ndarray,
    *,
    detour: float,
    limit: float,
) -> np.ndarray:
    """Straight-line distance x ``detour`` ``(K, M)`` from each group of sites to each target."""
    k, m = len(groups), len(target_xy)
    out = np.full((k, m), np.inf)
    if k == 0 or m == 0:
        return out
    points = shapely.points(target_xy)
    geoms = np.asarray(geometries, dtype=object)
    limit = _inclusive(limit)
    for g, sites in enumerate(groups):
        if len(sites) == 0:
            continue
        tree = STRtree(geoms[sites])
        r, s = tree.query(points, predicate="dwithin", distance=limit / detour)
        if r.size == 0:
            continue
        d = shapely.distance(points[r], geoms[sites][s]) * detour
        best = pd.Series(d).groupby(r).min()
        out[g, best.index.to_numpy()] = best.to_numpy()
    out[out > limit] = np.inf
    return out


def straight_reach(
    geometries: np.ndarray, target_xy: np.ndarray, *, detour: float, limit: float
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Straight-line distance x ``detour`` from each site to each target within ``limit``, as
    sparse triples ``(site, target, distance)`` sorted by site and target (one STRtree query
    for all sites: the work follows the pairs within reach, not sites x targets)."""
    geoms = np.asarray(geometries, dtype=object)
    if geoms.size == 0 or len(target_xy) == 0:
        return _no_pairs()
    points = shapely.points(target_xy)
    r, s = STRtree(geoms).query(points, predicate="dwithin", distance=limit / detour)
    d = shapely.distance(points[r], geoms[s]) * detour
    keep = d <= limit
    r, s, d = r[keep], s[keep], d[keep]
    order = np.lexsort((r, s))
    return s[order].astype(np.int64), r[order].astype(np.int64), d[order]
