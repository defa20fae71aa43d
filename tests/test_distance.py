"""Walking distances, checked by hand and against an independent exact reference (networkx).

The reference below shares no code with ``spaceplanner.engine.distance``: it splits every straight
segment of the network at the positions where targets, point sites and polygon zones meet it,
builds a networkx graph of the pieces and runs Dijkstra from a super-source joined to every
position at which a group of sites is reached (see the module docstring of
``spaceplanner.engine.distance`` for the rules).
"""

from __future__ import annotations

import itertools

import geopandas as gpd
import networkx as nx
import numpy as np
import pytest
import shapely
import shapely.affinity
from shapely.geometry import LineString, Point, Polygon, box

from spaceplanner import evaluate
from spaceplanner.engine.distance import (
    group_distances,
    group_reach,
    site_sources,
    straight_distances,
)
from spaceplanner.engine.network import build_network, locate
from spaceplanner.model.plan import Plan

INF = np.inf


# --------------------------------------------------------------------------------------------
# The code under test, end to end
# --------------------------------------------------------------------------------------------


def walk(lines, sites, groups, xy, *, tolerance, max_connector, limit) -> np.ndarray:
    """Walking distance ``(K, M)`` from each group of sites to each target, by spaceplanner."""
    xy = np.asarray(xy, dtype=float)
    network = build_network(np.asarray(lines, dtype=object))
    assert network is not None
    sources = site_sources(
        network, np.asarray(sites, dtype=object), tolerance=tolerance, max_connector=max_connector
    )
    targets = locate(network, xy, max_connector)
    groups = [np.asarray(g, dtype=np.int64) for g in groups]
    return group_distances(network, sources, groups, targets, xy, limit=limit)


# --------------------------------------------------------------------------------------------
# Independent reference
# --------------------------------------------------------------------------------------------

#: Vertices equal at this many decimals (metres) are the same vertex; each keeps its own
#: coordinates (the data's shared vertices are bit-identical).
DECIMALS = 6


def _segments(lines) -> tuple[np.ndarray, np.ndarray]:
    """Endpoints ``a, b`` ``(S, 2)`` of every straight piece of every line."""
    starts, ends = [], []
    for part in shapely.get_parts(np.asarray(lines, dtype=object)):
        xy = shapely.get_coordinates(part)
        starts.append(xy[:-1])
        ends.append(xy[1:])
    a, b = np.concatenate(starts), np.concatenate(ends)
    keep = np.any(np.round(a, DECIMALS) != np.round(b, DECIMALS), axis=1)
    return a[keep], b[keep]


def _vertex(p: np.ndarray) -> tuple:
    """The graph node of a vertex: its coordinates at :data:`DECIMALS`."""
    return ("v", *np.round(p, DECIMALS).tolist())


def _param(a: np.ndarray, b: np.ndarray, p: np.ndarray) -> float:
    """Position ``t`` in [0, 1] of the projection of ``p`` on segment ``a``-``b``."""
    ab = b - a
    return float(np.clip(np.dot(p - a, ab) / np.dot(ab, ab), 0.0, 1.0))


def _nearest(a: np.ndarray, b: np.ndarray, p: np.ndarray) -> tuple[int, float, float]:
    """Nearest segment of point ``p`` by brute force: (segment, t, distance)."""
    ab = b - a
    t = np.clip(np.einsum("ij,ij->i", p - a, ab) / np.einsum("ij,ij->i", ab, ab), 0.0, 1.0)
    foot = a + ab * t[:, None]
    d = np.hypot(*(p - foot).T)
    s = int(np.argmin(d))
    return s, float(t[s]), float(d[s])


def _zone_intervals(segs, a, b, zone) -> list[tuple[int, float, float]]:
    """Per segment, the ``[t0, t1]`` pieces of it inside or on ``zone``."""
    cand = np.flatnonzero(shapely.intersects(segs, zone))
    out = []
    for s, piece in zip(cand, shapely.intersection(segs[cand], zone), strict=True):
        for part in shapely.get_parts(piece):
            if part.is_empty:
                continue
            ts = [_param(a[s], b[s], q) for q in shapely.get_coordinates(part)]
            out.append((int(s), min(ts), max(ts)))
    return out


def _exact_zone_intervals(segs, a, b, geom, tolerance) -> list[tuple[int, float, float]]:
    """Per segment, the ``[t0, t1]`` pieces of it within ``tolerance`` of ``geom``, found from
    the exact point-to-polygon distance: sampled every 0.25 m, each edge of a run refined by
    bisection to 1e-12 of the segment (no buffer polygon, whose chords are metres off)."""
    cand = np.flatnonzero(shapely.dwithin(segs, geom, tolerance))
    out = []

    def inside(s: int, t: float) -> bool:
        return bool(shapely.distance(Point(a[s] + t * (b[s] - a[s])), geom) <= tolerance)

    def edge(s: int, t_in: float, t_out: float) -> float:
        for _ in range(60):
            mid = (t_in + t_out) / 2
            t_in, t_out = (mid, t_out) if inside(s, mid) else (t_in, mid)
        return t_in

    for s in cand:
        n = max(3, int(np.hypot(*(b[s] - a[s])) / 0.25) + 1)
        ts = np.linspace(0.0, 1.0, n)
        pts = shapely.points(a[s] + ts[:, None] * (b[s] - a[s]))
        ok = shapely.distance(pts, geom) <= tolerance
        if not ok.any():  # only a touch between samples: the nearest point
            foot = shapely.get_coordinates(shapely.shortest_line(segs[s], geom))[0]
            t = _param(a[s], b[s], foot)
            out.append((int(s), t, t))
            continue
        change = np.flatnonzero(np.diff(ok.astype(int)))
        bounds = [0] if ok[0] else []
        for i in change:
            bounds.append(i + 1 if not ok[i] else i)
        if ok[-1]:
            bounds.append(n - 1)
        for lo_i, hi_i in zip(bounds[::2], bounds[1::2], strict=True):
            t0 = ts[lo_i] if lo_i == 0 else edge(s, ts[lo_i], ts[lo_i - 1])
            t1 = ts[hi_i] if hi_i == n - 1 else edge(s, ts[hi_i], ts[hi_i + 1])
            out.append((int(s), t0, t1))
    return out


def reference_distances(lines, sites, groups, xy, *, tolerance, max_connector, limit) -> np.ndarray:
    """The walking distance ``(K, M)`` computed from the rules, with networkx."""
    a, b = _segments(lines)
    segs = shapely.linestrings(np.stack([a, b], axis=1))
    length = np.hypot(*(b - a).T)
    # Each segment is a chain of graph nodes sorted by t: its two vertices and split points.
    chain = {s: [(0.0, _vertex(a[s])), (1.0, _vertex(b[s]))] for s in range(len(a))}

    def split(s: int, t: float) -> tuple:
        node = ("x", s, t)
        chain[s].append((t, node))
        return node

    links: list[list[tuple]] = []  # per site: (node, cost already walked)
    zones: list[list[tuple[int, float, float]]] = []  # per polygon site: pieces in its zone
    for geom in sites:
        links.append([])
        zones.append([])
        if shapely.get_type_id(geom) in (3, 6):
            pieces = (
                _exact_zone_intervals(segs, a, b, geom, tolerance)
                if tolerance > 0
                else _zone_intervals(segs, a, b, geom)
            )
            for s, t0, t1 in pieces:
                split(s, t0)
                split(s, t1)
            zones[-1] = pieces
            if not pieces:  # no network in the zone: nearest position, gap as connector
                gap = shapely.distance(segs, geom)
                s = int(np.argmin(gap))
                if gap[s] <= max_connector:
                    foot = shapely.get_coordinates(shapely.shortest_line(segs[s], geom))[0]
                    links[-1].append((split(s, _param(a[s], b[s], foot)), float(gap[s])))
        else:
            s, t, d = _nearest(a, b, shapely.get_coordinates(geom)[0])
            if d <= max_connector:
                links[-1].append((split(s, t), d))

    feet = []
    for p in np.asarray(xy, dtype=float):
        s, t, d = _nearest(a, b, p)
        feet.append((split(s, t), d) if d <= max_connector else None)

    graph = nx.Graph()
    for s, nodes in chain.items():
        nodes.sort(key=lambda q: q[0])
        for (t0, n0), (t1, n1) in itertools.pairwise(nodes):
            w = (t1 - t0) * length[s]
            if graph.has_edge(n0, n1):
                w = min(w, graph[n0][n1]["weight"])
            graph.add_edge(n0, n1, weight=w)
    # Every graph node on a piece of network inside a zone is at the site.
    for site, pieces in enumerate(zones):
        for s, t0, t1 in pieces:
            links[site] += [(n, 0.0) for t, n in chain[s] if t0 - 1e-12 <= t <= t1 + 1e-12]

    out = np.full((len(groups), len(feet)), INF)
    source = ("source",)
    for g, members in enumerate(groups):
        for site in members:
            for node, cost in links[site]:
                if graph.has_edge(source, node):
                    cost = min(cost, graph[source][node]["weight"])
                graph.add_edge(source, node, weight=cost)
        if source not in graph:
            continue
        dist = nx.single_source_dijkstra_path_length(graph, source, cutoff=limit)
        graph.remove_node(source)
        for i, foot in enumerate(feet):
            if foot is not None and foot[0] in dist:
                out[g, i] = foot[1] + dist[foot[0]]
    out[out > limit] = INF
    return out


def assert_distances(got: np.ndarray, expected: np.ndarray) -> None:
    """Same shape, same inf pattern, finite values equal to rtol 1e-9 / atol 1e-6."""
    assert got.shape == expected.shape
    bad = np.isinf(got) != np.isinf(expected)
    assert not bad.any(), f"inf pattern differs at {np.argwhere(bad).tolist()[:10]}"
    finite = np.isfinite(expected)
    np.testing.assert_allclose(got[finite], expected[finite], rtol=1e-9, atol=1e-6)


# --------------------------------------------------------------------------------------------
# Test networks
# --------------------------------------------------------------------------------------------

STEPS = (0.0, 100.0, 200.0, 300.0)


def grid_lines(*, bridge: bool = False) -> list[LineString]:
    """A 3x3-block street grid (100 m blocks, 0..300): one LineString per street, meeting at
    shared vertices. With ``bridge``, a footbridge along x = 150 from (150, 0) to (150, 200)
    (vertices added to those two streets) that crosses the street y = 100 without a vertex."""
    lines = []
    for c in STEPS:
        row = [(x, c) for x in STEPS]
        if bridge and c in (0.0, 200.0):
            row.insert(2, (150.0, c))
        lines.append(LineString(row))
        lines.append(LineString([(c, y) for y in STEPS]))
    if bridge:
        lines.append(LineString([(150.0, 0.0), (150.0, 200.0)]))
    return lines


def perturbed_grid(rng: np.random.Generator, n: int = 8) -> list[LineString]:
    """An n x n grid with jittered nodes, six diagonals sharing its vertices and two bridges."""
    base = np.arange(n) * 100.0
    nodes = np.stack(np.meshgrid(base, base, indexing="ij"), axis=-1)
    nodes += rng.uniform(-20.0, 20.0, nodes.shape)
    lines = [LineString(nodes[i, :]) for i in range(n)]
    lines += [LineString(nodes[:, j]) for j in range(n)]
    cells = rng.choice((n - 1) ** 2, size=6, replace=False)
    for c in cells:
        i, j = divmod(int(c), n - 1)
        lines.append(LineString([nodes[i, j], nodes[i + 1, j + 1]]))
    # Bridges: their ends are grid vertices, but they cross streets without a shared vertex.
    lines.append(LineString([nodes[1, 2], nodes[3, 3]]))
    lines.append(LineString([nodes[5, 1], (520.0, 270.0), nodes[6, 4]]))
    return lines


def rotated_rect(cx: float, cy: float, w: float, h: float, angle: float) -> Polygon:
    c, s = np.cos(angle), np.sin(angle)
    corners = np.array([[-w, -h], [w, -h], [w, h], [-w, h]]) / 2
    return Polygon(corners @ np.array([[c, s], [-s, c]]) + (cx, cy))


# --------------------------------------------------------------------------------------------
# 1. Hand-built grid with a bridge
# --------------------------------------------------------------------------------------------


def test_grid_hand_computed_and_bridge_gives_no_shortcut() -> None:
    lines = grid_lines(bridge=True)
    # S0 reaches the bridge at (150, 130) (connector 7); S1 reaches x = 0 at (0, 190) (5).
    sites = [Point(157, 130), Point(5, 190)]
    # T0: street y = 100 at (140, 100), 3 m, 10 m from where the bridge passes over it.
    # T1: street y = 0 at (130, 0), 10 m.  T2: street y = 100 at (250, 100), 5 m.
    xy = [(140, 103), (130, 10), (250, 95)]
    expected = np.array(
        [
            # T0 -> S0: no junction at (150, 100), so around the block over (100, 200) and the
            # bridge's top end: 40 + 100 + 50 + 70 = 260 (a junction would give 3+10+30+7 = 50).
            # T1 -> S0: 20 to the bridge's foot (150, 0), then 130 up it.
            # T2 -> S0: (200, 100), (200, 200), (150, 200), down 70: 50 + 100 + 50 + 70.
            [3 + 260 + 7, 10 + 20 + 130 + 7, 5 + 270 + 7],
            # T0 -> S1: (100, 100), (0, 100), up 90.  T1 -> S1: 30 + 100 + 190.
            # T2 -> S1: 150 + 100 + 90 along y = 100 (past the bridge) and up x = 0.
            [3 + 40 + 100 + 90 + 5, 10 + 320 + 5, 5 + 340 + 5],
            [238.0, 167.0, 282.0],
        ]
    )
    groups = [[0], [1], [0, 1]]
    kw = {"tolerance": 10.0, "max_connector": 50.0, "limit": 1000.0}
    got = walk(lines, sites, groups, xy, **kw)
    assert_distances(got, expected)
    assert_distances(reference_distances(lines, sites, groups, xy, **kw), expected)


def test_grid_limit_turns_far_values_to_inf() -> None:
    lines = grid_lines(bridge=True)
    sites = [Point(157, 130), Point(5, 190)]
    xy = [(140, 103), (130, 10), (250, 95)]
    got = walk(lines, sites, [[0], [1]], xy, tolerance=10.0, max_connector=50.0, limit=250.0)
    assert_distances(got, np.array([[INF, 167.0, INF], [238.0, INF, INF]]))


def test_a_resident_exactly_at_the_radius_is_inside_it() -> None:
    """A site on a network vertex links to it at 0 m (a stand-in of 1e-9 m put residents reached
    along the other streets at R + 1e-9, outside an inclusive radius)."""
    lines = grid_lines()
    sites = [Point(0, 0)]
    xy = [(300, 0), (0, 300), (200, 100), (100, 200), (300, 100)]
    kw = {"tolerance": 10.0, "max_connector": 50.0, "limit": 300.0}
    expected = np.array([[300.0, 300.0, 300.0, 300.0, INF]])
    got = walk(lines, sites, [[0]], xy, **kw)
    assert_distances(got, expected)
    assert (got[np.isfinite(got)] <= 300.0).all()
    assert_distances(reference_distances(lines, sites, [[0]], xy, **kw), expected)


def test_polygon_zone_entered_at_the_exact_corner_arc() -> None:
    """A street passes 17.7 m from a park's corner: it enters the 20 m zone only on the arc
    around that corner, at x = (225 ± sqrt(175)) / 2 (solve (x-100)² + (x-125)² = 400 on
    y = x - 125). A 32-gon buffer would cut the arc by chords and measure the walk too long."""
    lines = [LineString([(50, -75), (250, 125)])]
    park = box(0, 0, 100, 100)
    x_exit = (225 + np.sqrt(175)) / 2
    x_entry = (225 - np.sqrt(175)) / 2
    xy = [(200, 75), (60, -65)]
    expected = np.array([[(200 - x_exit) * np.sqrt(2), (x_entry - 60) * np.sqrt(2)]])
    kw = {"tolerance": 20.0, "max_connector": 50.0, "limit": 1000.0}
    got = walk(lines, [park], [[0]], xy, **kw)
    np.testing.assert_allclose(got, expected, rtol=0, atol=1e-6)
    assert_distances(reference_distances(lines, [park], [[0]], xy, **kw), expected)
    # a resident exactly at the radius from the arc is inside it
    radius = float(expected[0, 0])
    assert np.isfinite(walk(lines, [park], [[0]], xy[:1], **{**kw, "limit": radius})).all()


def test_a_clinic_on_a_corner_covers_everyone_at_its_radius() -> None:
    x0, y0 = 385_000.0, 6_672_000.0
    streets = [shapely.affinity.translate(line, x0, y0) for line in grid_lines()]
    homes = [Point(x0 + 300, y0), Point(x0, y0 + 300), Point(x0 + 200, y0 + 100)]
    plan = Plan.from_frames(
        "corner clinic",
        {
            "residents": (
                "residents",
                gpd.GeoDataFrame({"population": [10, 20, 30]}, geometry=homes, crs=32635),
            ),
            "walk": ("network", gpd.GeoDataFrame(geometry=streets, crs=32635)),
            "clinics": (
                "facilities",
                gpd.GeoDataFrame(geometry=[Point(x0, y0)], crs=32635),
                {"kind": "clinic"},
            ),
        },
    )
    clinic = evaluate(plan, gaps=False).to_dict()["facilities"]["clinic"]
    assert clinic["radius_m"] == 300
    assert clinic["share_covered"] == 1.0


#: A corner far from the origin with every decimal a float carries (as reprojected data has).
FULL_X0, FULL_Y0 = 385_123.456789123, 6_672_456.987654321


def test_residents_at_the_radius_in_full_precision_coordinates() -> None:
    """Vertices are matched at 1e-6 m but keep their coordinates: a rounded node moved the
    corner by up to 0.7 um, so the clinic on it reached it by a connector of that length and
    residents at 300 m were just beyond 300 m (every such grid lost some)."""
    streets = [shapely.affinity.translate(line, FULL_X0, FULL_Y0) for line in grid_lines()]
    homes = [
        Point(FULL_X0 + 300, FULL_Y0),
        Point(FULL_X0, FULL_Y0 + 300),
        Point(FULL_X0 + 200, FULL_Y0 + 100),
        Point(FULL_X0 + 100, FULL_Y0 + 200),
    ]
    xy = shapely.get_coordinates(homes)
    kw = {"tolerance": 20.0, "max_connector": 50.0, "limit": 300.0}
    got = walk(streets, [Point(FULL_X0, FULL_Y0)], [[0]], xy, **kw)
    np.testing.assert_allclose(got, 300.0, rtol=0, atol=1e-9)
    network = build_network(np.asarray(streets, dtype=object))
    assert network is not None
    corner = np.flatnonzero((network.nodes == (FULL_X0, FULL_Y0)).all(axis=1))
    assert corner.size == 1  # the node is where the streets meet, to the last bit
    plan = Plan.from_frames(
        "corner clinic",
        {
            "residents": (
                "residents",
                gpd.GeoDataFrame({"population": [10, 20, 30, 40]}, geometry=homes, crs=32635),
            ),
            "walk": ("network", gpd.GeoDataFrame(geometry=streets, crs=32635)),
            "clinics": (
                "facilities",
                gpd.GeoDataFrame(geometry=[Point(FULL_X0, FULL_Y0)], crs=32635),
                {"kind": "clinic"},
            ),
        },
    )
    assert evaluate(plan, gaps=False).to_dict()["facilities"]["clinic"]["share_covered"] == 1.0


def _past_a_corner(c: float, x_home: float, dx: float, dy: float) -> tuple:
    """A park (0..100 x 0..100) and a street y = x - c, 120 < c < 128 (all shifted by dx, dy),
    that passes its corner (100, 0) within 20 m but the bottom and right sides farther: it is
    in the 20 m zone only on the corner's arc, which it leaves at
    x = (100 + c + sqrt(800 - (c - 100)^2)) / 2. A resident on it at x = ``x_home`` walks
    (x_home - x) sqrt(2)."""
    lines = [LineString([(50 + dx, 50 - c + dy), (250 + dx, 250 - c + dy)])]
    park = box(dx, dy, 100 + dx, 100 + dy)
    x_exit = (100 + c + np.sqrt(800 - (c - 100) ** 2)) / 2
    return lines, park, [(x_home + dx, x_home - c + dy)], (x_home - x_exit) * np.sqrt(2)


def test_a_resident_at_exactly_the_radius_from_a_zone_arc_is_within_it() -> None:
    """Sums of lengths carry rounding (1e-13 m): a resident at exactly R was left out about
    every other time; within R is inclusive to settings.DISTANCE_TOLERANCE_M."""
    rng = np.random.default_rng(11)
    for _ in range(12):
        c = rng.uniform(121, 128)  # the street passes 14.8..19.8 m from the corner
        shift = rng.uniform(-1000, 1000, 2)
        lines, park, xy, radius = _past_a_corner(c, rng.uniform(180, 240), *shift)
        kw = {"tolerance": 20.0, "max_connector": 50.0}
        got = walk(lines, [park], [[0]], xy, **kw, limit=radius)
        assert np.isfinite(got).all(), (c, shift)
        np.testing.assert_allclose(got, radius, rtol=0, atol=1e-9)
        # and just beyond the radius it is out
        assert np.isinf(walk(lines, [park], [[0]], xy, **kw, limit=radius - 1e-4)).all()


def test_a_shelter_counts_a_resident_at_exactly_its_radius() -> None:
    """The shelters' per-site radius is compared with the same tolerance as the routing."""
    rng = np.random.default_rng(5)
    counted = []
    for _ in range(6):
        c = rng.uniform(121, 128)
        shift = rng.uniform(-1000, 1000, 2) + np.array([385_000.0, 6_672_000.0])
        lines, park, xy, radius = _past_a_corner(c, rng.uniform(180, 240), *shift)
        plan = Plan.from_frames(
            "park shelter",
            {
                "residents": (
                    "residents",
                    gpd.GeoDataFrame({"population": [25]}, geometry=[Point(xy[0])], crs=32635),
                ),
                "walk": ("network", gpd.GeoDataFrame(geometry=lines, crs=32635)),
                "parks": (
                    "shelters",
                    gpd.GeoDataFrame({"id": ["P1"]}, geometry=[park], crs=32635),
                    {"radius_m": float(radius)},
                ),
            },
        )
        (row,) = evaluate(plan, gaps=False).to_dict()["shelters"]["by_shelter"]
        counted.append(row["population_within_radius"])
    assert counted == [25.0] * 6


# --------------------------------------------------------------------------------------------
# 2. Target and site on the same segment
# --------------------------------------------------------------------------------------------


def test_same_segment_walks_straight_along_it() -> None:
    lines = grid_lines()
    # All on the segment (100, 100)-(200, 100).
    sites = [Point(170, 94), Point(110, 103)]
    xy = [(120, 108), (190, 96)]
    # Via a node instead it would be 8 + 20 + 70 + 6 = 104 and 4 + 10 + 90 + 3 = 107.
    expected = np.array(
        [
            [8 + 50 + 6, 4 + 20 + 6],
            [8 + 10 + 3, 4 + 80 + 3],
        ]
    )
    got = walk(lines, sites, [[0], [1]], xy, tolerance=10.0, max_connector=50.0, limit=1000.0)
    assert_distances(got, expected)


# --------------------------------------------------------------------------------------------
# 3. Beyond the connector limit
# --------------------------------------------------------------------------------------------


def test_points_beyond_max_connector_are_unreachable() -> None:
    lines = grid_lines()
    sites = [Point(-100, -100), Point(250, 5)]  # 141 m from the network; 5 m
    xy = [(150, 400), (150, 20)]  # 100 m from the network; 20 m
    got = walk(
        lines, sites, [[0], [1], [0, 1]], xy, tolerance=10.0, max_connector=30.0, limit=1000.0
    )
    near = [INF, 20 + 100 + 5]
    assert_distances(got, np.array([[INF, INF], near, near]))


# --------------------------------------------------------------------------------------------
# 4. A park crossed by a street
# --------------------------------------------------------------------------------------------


def test_polygon_site_crossed_by_a_street() -> None:
    lines = grid_lines()
    # The park touches street x = 100 and is crossed by street y = 100; its zone (10 m) is
    # x 90..190, y 20..180 (rounded corners).
    park = box(100, 30, 180, 170)
    xy = [
        (150, 60),  # in the park; reaches y = 100 at (150, 100), in the zone: its connector
        (170, 97),  # on the crossing street inside the zone: its connector
        (150, 160),  # in the park, but reaches y = 200 at (150, 200): 40 + 50 + 20 to (100, 180)
        (280, 290),  # reaches (280, 300) (10 m): 80 + 100 + 100 + 10 to (190, 100)
        (40, 10),  # reaches (40, 0) (10 m): 60 + 20 to (100, 20)
        (600, 600),  # far from the network
    ]
    expected = np.array([[40, 3, 40 + 70, 10 + 290, 10 + 80, INF]], dtype=float)
    kw = {"tolerance": 10.0, "max_connector": 50.0, "limit": 1000.0}
    got = walk(lines, [park], [[0]], xy, **kw)
    assert_distances(got, expected)
    assert_distances(reference_distances(lines, [park], [[0]], xy, **kw), expected)


# --------------------------------------------------------------------------------------------
# 5. A polygon with no network in its zone
# --------------------------------------------------------------------------------------------

#: A diamond in the block (100..200, 100..200); nearest network: (100, 150) on x = 100, 20 m.
DIAMOND = Polygon([(130, 140), (140, 150), (130, 160), (120, 150)])


def test_polygon_without_network_in_zone_uses_nearest_position() -> None:
    lines = grid_lines()
    xy = [
        (10, 160),  # (0, 160), 10 m; then (0, 200), (100, 200), (100, 150): 40 + 100 + 50
        (105, 170),  # (100, 170), 5 m, on the site's segment: 20 along
        (130, 150),  # inside the diamond: reaches (100, 150) itself, 30 m
    ]
    expected = np.array([[10 + 190 + 20, 5 + 20 + 20, 30 + 0 + 20]], dtype=float)
    kw = {"tolerance": 5.0, "max_connector": 50.0, "limit": 1000.0}
    got = walk(lines, [DIAMOND], [[0]], xy, **kw)
    assert_distances(got, expected)
    assert_distances(reference_distances(lines, [DIAMOND], [[0]], xy, **kw), expected)


def test_polygon_farther_than_max_connector_is_unreachable() -> None:
    got = walk(
        grid_lines(),
        [DIAMOND],
        [[0]],
        [(10, 160), (105, 170)],
        tolerance=5.0,
        max_connector=15.0,
        limit=1000.0,
    )
    assert_distances(got, np.full((1, 2), INF))


def test_street_along_the_zone_edge_reaches_the_site() -> None:
    """Network lying on a zone's edge is in the zone, even where the edge is a straight run.

    With tolerance 0 the two sites' zones are the boxes themselves; street y = 0 runs along
    their bottom edges (x 100..200 and 400..500). Site 1 also has the node (450, 0) on its edge.
    """
    lines = [
        LineString([(0, 0), (450, 0), (600, 0)]),
        LineString([(0, 0), (0, 300)]),
        LineString([(450, 0), (450, 200)]),
    ]
    sites = [box(100, 0, 200, 60), box(400, 0, 500, 60)]
    # Feet: (50, 0), (0, 100), (380, 0), (550, 0), (150, 0); connectors 5, 0, 5, 5, 5.
    xy = [(50, -5), (0, 100), (380, -5), (550, -5), (150, -5)]
    expected = np.array(
        [
            [5 + 50, 100 + 100, 5 + 180, 5 + 350, 5],
            [5 + 350, 100 + 400, 5 + 20, 5 + 50, 5 + 250],
        ],
        dtype=float,
    )
    kw = {"tolerance": 0.0, "max_connector": 50.0, "limit": 1000.0}
    assert_distances(reference_distances(lines, sites, [[0], [1]], xy, **kw), expected)
    assert_distances(walk(lines, sites, [[0], [1]], xy, **kw), expected)


# --------------------------------------------------------------------------------------------
# 6. Random network, sites and targets
# --------------------------------------------------------------------------------------------


def test_random_network_matches_networkx() -> None:
    rng = np.random.default_rng(20240611)
    lines = perturbed_grid(rng)
    sites: list = [Point(p) for p in rng.uniform(-50, 750, (5, 2))]
    node = rng.integers(1, 7, 2) * 100.0
    sites += [
        rotated_rect(*node, 50, 30, rng.uniform(0, np.pi)),  # on a street crossing
        rotated_rect(*rng.uniform(0, 700, 2), 40, 25, rng.uniform(0, np.pi)),
        rotated_rect(*(node + 50), 20, 15, rng.uniform(0, np.pi)),  # mid-block
    ]
    xy = rng.uniform(-150, 850, (60, 2))
    groups = [[i] for i in range(len(sites))] + [list(range(len(sites)))]
    kw = {"tolerance": 15.0, "max_connector": 60.0, "limit": 400.0}
    expected = reference_distances(lines, sites, groups, xy, **kw)
    assert np.isfinite(expected).sum() > 100 and np.isinf(expected).sum() > 50
    assert_distances(walk(lines, sites, groups, xy, **kw), expected)
    # the sparse form gives the same pairs: every finite value once, sorted by group, target
    network = build_network(np.asarray(lines, dtype=object))
    assert network is not None
    sources = site_sources(
        network, np.asarray(sites, dtype=object), tolerance=15.0, max_connector=60.0
    )
    targets = locate(network, xy, 60.0)
    g, t, d = group_reach(network, sources, [np.asarray(x) for x in groups], targets, limit=400.0)
    rows, cols = np.nonzero(np.isfinite(expected))
    assert np.array_equal(g, rows) and np.array_equal(t, cols)
    np.testing.assert_allclose(d, expected[rows, cols], atol=1e-6)


# --------------------------------------------------------------------------------------------
# 7. The helsinki sample
# --------------------------------------------------------------------------------------------


def test_helsinki_sample_matches_networkx() -> None:
    from spaceplanner import load_plan
    from spaceplanner.sample_maps import get_path

    plan = load_plan(get_path("helsinki"))
    lines = plan.layers["network"].frame.geometry.to_numpy()
    sites = np.concatenate(
        [
            plan.layers["facilities"].frame.geometry.to_numpy(),
            plan.layers["activity_spaces"].frame.geometry.to_numpy(),
        ]
    )
    x0, y0, x1, y1 = shapely.total_bounds(lines)
    rng = np.random.default_rng(7)
    xy = np.column_stack([rng.uniform(x0, x1, 200), rng.uniform(y0, y1, 200)])
    groups = [[i] for i in range(len(sites))] + [list(range(len(sites)))]
    kw = {"tolerance": 20.0, "max_connector": 500.0, "limit": 1000.0}
    expected = reference_distances(lines, sites, groups, xy, **kw)
    assert np.isfinite(expected).sum() > 1000
    assert_distances(walk(lines, sites, groups, xy, **kw), expected)


# --------------------------------------------------------------------------------------------
# 8. Straight-line distances
# --------------------------------------------------------------------------------------------


def test_straight_distances_by_hand() -> None:
    sites = np.array([Point(0, 0), box(100, 100, 200, 200)], dtype=object)
    xy = np.array([(30, 40), (150, 150), (300, 150), (0, 180)], dtype=float)
    got = straight_distances(sites, [[0], [1], [0, 1]], xy, detour=1.3, limit=250.0)
    to_point = [50 * 1.3, INF, INF, 180 * 1.3]  # 212 * 1.3 and 335 * 1.3 are beyond 250
    to_park = [np.hypot(70, 60) * 1.3, 0.0, 100 * 1.3, 100 * 1.3]
    expected = np.array([to_point, to_park, np.minimum(to_point, to_park)])
    assert_distances(got, expected)


@pytest.mark.parametrize("limit", [64.9, 65.1])
def test_straight_distance_limit(limit: float) -> None:
    got = straight_distances(
        np.array([Point(0, 0)], dtype=object),
        [[0]],
        np.array([(30.0, 40.0)]),
        detour=1.3,
        limit=limit,
    )
    assert_distances(got, np.array([[65.0 if limit > 65 else INF]]))
