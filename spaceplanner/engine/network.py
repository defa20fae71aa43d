"""The walking network as a graph, and where points and sites reach it.

Lines that share a vertex are connected; lines that cross without one are not (bridges,
tunnels). Every straight piece between two vertices is an edge (a *segment*), so a point reaches
the network at the nearest point of the nearest segment (projected, not snapped to a node) and a
position on the network is ``(segment, t)`` with ``t`` in [0, 1] from the segment's first node.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

import numpy as np
import shapely
from scipy import sparse
from scipy.spatial import cKDTree
from shapely import STRtree

from spaceplanner.engine.limits import DENSE_VERTEX_M, thin_dense_lines

__all__ = ["Access", "WalkNetwork", "build_network", "locate"]

#: Coordinates are compared at this precision (metres) when deciding that vertices are shared.
VERTEX_DECIMALS = 6
#: Segments are cut into pieces at most this long (m) to index them by midpoint.
_PIECE_M = 20.0
#: Nearest midpoints looked at per point before falling back to the STRtree.
_CANDIDATES = 8
#: Points located at once (bounds the memory of their candidates).
_LOCATE_CHUNK = 1 << 17
#: Networks of at least this many segments build their STRtree on a thread while points are
#: located (seconds at city scale; every later step that looks up segments by shape uses it).
_TREE_ASIDE_SEGMENTS = 50_000


@dataclass(frozen=True, eq=False)
class WalkNetwork:
    """A walking network: nodes, straight segments between them, and the graph.

    Attributes
    ----------
    nodes
        ``(N, 2)`` node coordinates.
    seg_u, seg_v
        ``(S,)`` the two nodes of each segment.
    seg_len
        ``(S,)`` segment lengths in metres.
    graph
        ``(N, N)`` symmetric sparse matrix of the shortest segment between each pair of nodes.
    segments, tree
        ``(S,)`` the segments as LineStrings, and an STRtree over them, made on first use.
    """

    nodes: np.ndarray
    seg_u: np.ndarray
    seg_v: np.ndarray
    seg_len: np.ndarray
    graph: sparse.csr_matrix

    @cached_property
    def segments(self) -> np.ndarray:
        """The segments as LineStrings (made on first use)."""
        return shapely.linestrings(
            np.stack([self.nodes[self.seg_u], self.nodes[self.seg_v]], axis=1)
        )

    @cached_property
    def tree(self) -> STRtree:
        """An STRtree over :attr:`segments` (made on first use)."""
        return STRtree(self.segments)

    @cached_property
    def node_segments(self) -> tuple[np.ndarray, np.ndarray]:
        """The segments at each node, as CSR arrays ``(indptr, segment ids)`` (in no particular
        order within a node: SciPy's conversion to CSR is a counting sort, a fourth of the time
        of sorting the segments' ends at city scale)."""
        ends = np.concatenate([self.seg_u, self.seg_v])
        ids = np.concatenate([np.arange(len(self.seg_u))] * 2)
        table = sparse.csr_matrix(
            (np.ones(ends.size, dtype=np.int8), (ends, ids)),
            shape=(len(self.nodes), len(self.seg_u)),
        )
        return table.indptr.astype(np.int64), table.indices.astype(np.int64)

    def segments_at(self, nodes: np.ndarray, row: np.ndarray) -> np.ndarray:
        """The segments that touch any of ``nodes`` (distinct ones: ``row``, ``(N,)``, is finite
        exactly at ``nodes``), each once and in no particular order: a segment is taken from
        its first node when that is among ``nodes``, else from its second, so no sort is needed
        to make them distinct (a fifth of a city's shelter stage went to sorting them)."""
        indptr, ids = self.node_segments
        segs = ids[_ranges(indptr[nodes], indptr[nodes + 1])]
        at = np.repeat(nodes, indptr[nodes + 1] - indptr[nodes])
        first = self.seg_u[segs]
        return segs[(first == at) | ~np.isfinite(row[first])]

    @cached_property
    def extent_area(self) -> float:
        """The area (m²) of the box around the nodes (at least 1 m each way)."""
        lo, hi = self.nodes.min(axis=0), self.nodes.max(axis=0)
        return float(np.prod(np.maximum(hi - lo, 1.0)))

    @cached_property
    def node_tree(self) -> cKDTree:
        """A k-d tree of the nodes."""
        return cKDTree(self.nodes)

    @cached_property
    def pieces(self) -> tuple[cKDTree, np.ndarray, float]:
        """Midpoints of short segment pieces, indexed for nearest-segment look-ups."""
        return _pieces(self)

    @cached_property
    def segment_vectors(self) -> tuple[np.ndarray, ...]:
        """Each segment's first node ``ax, ay``, its vector to the second ``vx, vy`` and that
        vector's squared length ``vv`` (``(S,)`` each), for projecting points onto segments."""
        a = self.nodes[self.seg_u]
        v = self.nodes[self.seg_v] - a
        vx, vy = np.ascontiguousarray(v[:, 0]), np.ascontiguousarray(v[:, 1])
        return (
            np.ascontiguousarray(a[:, 0]),
            np.ascontiguousarray(a[:, 1]),
            vx,
            vy,
            vx * vx + vy * vy,
        )

    @property
    def node_count(self) -> int:
        """Number of nodes."""
        return len(self.nodes)

    def point_at(self, seg: np.ndarray, t: np.ndarray) -> np.ndarray:
        """Coordinates ``(M, 2)`` of the network positions ``(seg, t)``."""
        a = self.nodes[self.seg_u[seg]]
        b = self.nodes[self.seg_v[seg]]
        return a + (b - a) * t[:, None]


@dataclass(frozen=True)
class Access:
    """Where points reach the network: segment, position on it, connector length.

    ``seg`` is -1 for a point farther than the connector limit from every segment.
    """

    seg: np.ndarray
    t: np.ndarray
    conn: np.ndarray
    foot: np.ndarray | None = None

    @property
    def reachable(self) -> np.ndarray:
        """Boolean mask of the points that reach the network."""
        return self.seg >= 0

    @cached_property
    def by_segment(self) -> tuple[np.ndarray, np.ndarray]:
        """Reachable points sorted by segment: ``(point indices, their segments)``."""
        ok = np.flatnonzero(self.reachable)
        order = ok[np.argsort(self.seg[ok], kind="stable")]
        return order, self.seg[order]

    def on_segments(self, segments: np.ndarray) -> np.ndarray:
        """Indices of the points whose edge position lies on one of ``segments`` (distinct)."""
        order, sorted_seg = self.by_segment
        lo = np.searchsorted(sorted_seg, segments, side="left")
        hi = np.searchsorted(sorted_seg, segments, side="right")
        return order[_ranges(lo, hi)]


def _ranges(lo: np.ndarray, hi: np.ndarray) -> np.ndarray:
    """The concatenation of ``arange(lo[i], hi[i])`` over ``i``, without a Python loop."""
    lengths = hi - lo
    total = int(lengths.sum())
    if total == 0:
        return np.empty(0, dtype=np.int64)
    starts = np.repeat(lo - np.concatenate([[0], np.cumsum(lengths)[:-1]]), lengths)
    return starts + np.arange(total)


def _node_ids(coords: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Which vertices are one node: ``(first vertex of each node, node of each vertex)``.

    Vertices are one node when their coordinates agree to :data:`VERTEX_DECIMALS`; nodes are
    numbered in the lexicographic order of their rounded ``(x, y)``, each keeping the
    coordinates of its first vertex. The rounded pairs are sorted as complex numbers, which
    sort lexicographically like ``np.unique(axis=0)`` but several times faster.
    """
    rounded = np.ascontiguousarray(np.round(coords, VERTEX_DECIMALS), dtype=np.float64)
    _, first_vertex, inverse = np.unique(
        rounded.view(np.complex128).ravel(), return_index=True, return_inverse=True
    )
    return first_vertex, inverse.ravel()


def _has_dense(coords: np.ndarray, same_line: np.ndarray) -> bool:
    """Whether a line has consecutive vertices closer than ``DENSE_VERTEX_M``."""
    gap = np.hypot(*(coords[1:] - coords[:-1]).T)
    return bool((same_line & (gap < DENSE_VERTEX_M)).any())


def build_network(lines: np.ndarray) -> WalkNetwork | None:
    """Build the network of ``lines`` (shapely LineStrings/MultiLineStrings, metric CRS).

    Returns None when the lines have no segment of positive length.
    """
    lines = np.asarray(lines, dtype=object)
    # single LineStrings (most networks) need no copy into parts
    single = (shapely.get_type_id(lines) == 1).all()
    parts = lines if single else shapely.get_parts(lines)
    parts = parts[~shapely.is_empty(parts)]
    coords, which = shapely.get_coordinates(parts, return_index=True)
    same_line = which[:-1] == which[1:]
    if len(coords) >= 3 and _has_dense(coords, same_line):
        # millimetre vertices: one segment, not a million
        parts = shapely.get_parts(thin_dense_lines(lines))
        parts = parts[~shapely.is_empty(parts)]
        coords, which = shapely.get_coordinates(parts, return_index=True)
        same_line = which[:-1] == which[1:]
    if len(coords) < 2:
        return None
    # Rounding decides which vertices are one node; the node keeps the coordinates of its first
    # vertex as given (rounded ones would move a street end by up to 0.7 um, so a site on it
    # would reach it by a connector of that length and a resident at R would be just beyond R).
    first_vertex, inverse = _node_ids(coords)
    nodes = coords[first_vertex]
    u = inverse[:-1][same_line]
    v = inverse[1:][same_line]
    keep = u != v
    u, v = u[keep], v[keep]
    if u.size == 0:
        return None
    length = np.hypot(*(nodes[v] - nodes[u]).T)
    # One graph edge per node pair: the shortest of parallel segments.
    n = len(nodes)
    lo, hi = np.minimum(u, v), np.maximum(u, v)
    pair = lo * n + hi
    pair.sort()
    if (pair[1:] != pair[:-1]).all():
        pick = np.arange(u.size)  # no parallel segments (the CSR below is the same in any order)
    else:
        order = np.lexsort((length, hi, lo))
        first = np.ones(order.size, dtype=bool)
        first[1:] = (lo[order][1:] != lo[order][:-1]) | (hi[order][1:] != hi[order][:-1])
        pick = order[first]
    graph = sparse.csr_matrix(
        (
            np.concatenate([length[pick], length[pick]]),
            (np.concatenate([lo[pick], hi[pick]]), np.concatenate([hi[pick], lo[pick]])),
        ),
        shape=(n, n),
    )
    return WalkNetwork(nodes, u, v, length, graph)


def _project(
    network: WalkNetwork, xy: np.ndarray, segs: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Position on and distance to segment ``segs[...]`` of point ``xy[...]``.

    ``segs`` may have one more axis than the points (several candidate segments per point:
    ``xy`` ``(M, 2)`` and ``segs`` ``(M, K)``); the results have the shape of ``segs``.
    """
    ax, ay, vx, vy, vv = network.segment_vectors
    if segs.ndim == xy.ndim:  # candidates per point: broadcast the point over them
        xy = xy[:, None, :]
    x, y = xy[..., 0], xy[..., 1]
    a_x, a_y, v_x, v_y = ax[segs], ay[segs], vx[segs], vy[segs]
    tt = np.clip(((x - a_x) * v_x + (y - a_y) * v_y) / vv[segs], 0.0, 1.0)
    # from the foot as a point (a + v t), as the positions on the network are placed
    return tt, np.hypot(x - (a_x + v_x * tt), y - (a_y + v_y * tt))


def _pieces(network: WalkNetwork) -> tuple[cKDTree, np.ndarray, float]:
    """A k-d tree of the midpoints of segment pieces at most ``_PIECE_M`` long.

    Returns the tree, the segment of each piece and the longest half piece.
    """
    counts = np.maximum(np.ceil(network.seg_len / _PIECE_M).astype(np.int64), 1)
    owner = np.repeat(np.arange(len(counts)), counts)
    # each piece's rank along its segment, (k + 0.5) / count of the segment
    k = np.arange(owner.size) - np.repeat(np.cumsum(counts) - counts, counts)
    frac = (k + 0.5) / counts[owner]
    del k
    ax, ay, vx, vy, _ = network.segment_vectors
    mids = np.empty((owner.size, 2))
    mids[:, 0] = ax[owner] + vx[owner] * frac
    mids[:, 1] = ay[owner] + vy[owner] * frac
    del frac
    half = float((network.seg_len / counts).max()) / 2
    # sliding-midpoint splits: three times faster to build than a balanced tree, as fast to query
    tree = cKDTree(mids, balanced_tree=False, compact_nodes=False)
    return tree, owner, half


def _query_threads() -> int:
    """Threads of a k-d tree query: every core in a process of its own, one in a process whose
    numeric libraries are held to one thread (a Dask worker beside others on the same cores)."""
    return 1 if os.environ.get("OMP_NUM_THREADS") == "1" else -1


def _tree_aside(network: WalkNetwork) -> Callable[[], None]:
    """Build the STRtree of a large network (:attr:`WalkNetwork.tree`: the segments as
    LineStrings and the tree over them, both made in GEOS without the interpreter's lock) on a
    thread while the caller goes on; returns the function that waits for it. Nothing is
    started when the tree exists or the network is small. A failure there (out of memory) is
    left to the first use of the tree, which makes it again in its own thread and so meets the
    error where it would have without this."""
    if "tree" in network.__dict__ or len(network.seg_u) < _TREE_ASIDE_SEGMENTS:
        return lambda: None

    def build() -> None:
        with contextlib.suppress(Exception):
            network.tree  # noqa: B018 (made and kept by the cached property)

    thread = threading.Thread(target=build, name="network-tree", daemon=True)
    thread.start()
    return thread.join


def locate(network: WalkNetwork, xy: np.ndarray, max_connector: float) -> Access:
    """Project points onto their nearest segment.

    The nearest segment is found exactly: candidates come from the nearest midpoints of short
    segment pieces (a k-d tree), and a point whose candidates cannot be proven to include the
    nearest segment (the ``k``-th midpoint is not farther than the best distance plus half a
    piece) is looked up in the segments' STRtree instead.

    Parameters
    ----------
    network
        The network.
    xy
        ``(M, 2)`` point coordinates.
    max_connector
        Points farther than this from every segment are unreachable (``seg = -1``).
    """
    m = len(xy)
    if m == 0:
        return Access(np.full(0, -1, dtype=np.int64), np.zeros(0), np.zeros(0), np.empty((0, 2)))
    # the STRtree is made beside the look-ups by midpoint, and waited for before this returns
    # (nothing is left running when the process goes on, or is forked)
    tree_made = _tree_aside(network)
    try:
        return _locate(network, xy, max_connector, tree_made)
    finally:
        tree_made()


def _locate(
    network: WalkNetwork, xy: np.ndarray, max_connector: float, tree_made: Callable[[], None]
) -> Access:
    m = len(xy)
    seg = np.full(m, -1, dtype=np.int64)
    t = np.zeros(m)
    conn = np.full(m, np.inf)
    tree, owner, half = network.pieces
    k = min(_CANDIDATES, len(owner))
    proven = np.zeros(m, dtype=bool)
    # Points near each other are looked up together (rows of 200 m, west to east): the k-d
    # tree's nodes are then in the cache, two to three times faster than in file order.
    lo_xy = xy.min(axis=0)
    span = float(xy[:, 0].max() - lo_xy[0]) + 1.0
    order = np.argsort(np.floor((xy[:, 1] - lo_xy[1]) / 200.0) * span + (xy[:, 0] - lo_xy[0]))
    # in chunks: the candidates of every point at once would be 10 arrays of (M, k) at city scale
    for lo in range(0, m, _LOCATE_CHUNK):
        at = order[lo : lo + _LOCATE_CHUNK]
        mid_d, mid_i = tree.query(xy[at], k=k, workers=_query_threads())
        mid_d, mid_i = mid_d.reshape(at.size, k), mid_i.reshape(at.size, k)
        cand = owner[mid_i]
        tt, dist = _project(network, xy[at], cand)
        best = np.argmin(dist, axis=1)
        rows = np.arange(at.size)
        d_best = dist[rows, best]
        ok = (mid_d[:, -1] >= d_best + half) | (k == len(owner))
        done = at[ok]
        proven[done] = True
        seg[done] = cand[rows, best][ok]
        t[done] = tt[rows, best][ok]
        conn[done] = d_best[ok]
    rest = np.flatnonzero(~proven)
    if rest.size:
        tree_made()
        (which, found), _ = network.tree.query_nearest(
            shapely.points(xy[rest]),
            max_distance=max_connector,
            return_distance=True,
            all_matches=False,
        )
        idx = rest[which]
        seg[idx] = found
        t[idx], conn[idx] = _project(network, xy[idx], found)
        # points left without a match are beyond max_connector
        unmatched = np.setdiff1d(rest, idx)
        seg[unmatched], conn[unmatched] = -1, np.inf
    far = conn > max_connector
    seg[far], t[far], conn[far] = -1, 0.0, np.inf
    foot = np.full((m, 2), np.nan)
    ok = seg >= 0
    foot[ok] = network.point_at(seg[ok], t[ok])
    return Access(seg, t, conn, foot)
