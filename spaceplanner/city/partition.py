"""Cut a city plan into one plan per community, once, with spatial indexes.

A community's plan holds its own residents (a resident belongs to the community its point stands
in; on a shared edge, to the first) and, from the city plan, what its residents can reach: the
network and the sites within its boundary plus the largest walking radius in use (people walk
across boundaries; a shelter next door counts), and the hazard zones, hazard sources and
buildings within that plus the farthest reach of a 避/防 check, so that a site near the edge is
checked as in the city. Its boundary layer is the community's boundary. Population rasters are read
once, their cells' centres becoming resident points like any other (a cell centred on a shared
edge goes to the first community); other raster layers (hazards) are shared, not cut (they are
read windowed). Each layer is indexed once (``shapely.STRtree``) and queried with every
community's window at once.

What is shipped to a worker is small and flat: the city's *skeleton* (its layers with empty
frames) once per worker, and per run of neighbouring communities a :class:`Block` — the rows of
each layer's columns any of them takes, as arrays, geometries as WKB or point coordinates — from
which the worker takes a community's :class:`Piece` and rebuilds its plan
(:func:`community_plan`). Pickling GeoDataFrames feature by feature cost the client more than a
tenth of a community's evaluation time, on the same cores the workers use; shipping each
community's piece still cost it a fifth of the run on 2 workers, as neighbours within walking
reach share most of their features.
"""

from __future__ import annotations

import contextlib
import math
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from spaceplanner.city.communities import Communities
from spaceplanner.engine.residents import raster_points, representative_points
from spaceplanner.model.plan import Plan, PlanLayer
from spaceplanner.model.rules import Profile

__all__ = [
    "SITE_ROLES",
    "Block",
    "Partition",
    "Piece",
    "checks_reach",
    "community_plan",
    "partition",
    "partition_members",
    "walking_margin",
]

#: Roles whose features people walk to (cut with the walking margin), and the network.
SITE_ROLES = ("shelters", "activity_spaces", "facilities", "entrances", "candidates", "network")
#: Roles a site is checked against (cut with the walking margin plus the checks' reach).
CHECK_ROLES = ("hazards", "hazard_sources", "buildings")


def _column_max(layer: PlanLayer, column: str) -> float:
    if column in layer.constants:
        try:
            return float(layer.constants[column])
        except (TypeError, ValueError):
            return 0.0
    if layer.frame is not None and column in layer.frame and len(layer.frame):
        values = np.asarray(layer.frame[column], dtype=float)
        values = values[np.isfinite(values)]
        return float(values.max()) if values.size else 0.0
    return 0.0


def _values(table: Any, key: str = "radius_m") -> list[float]:
    """Every ``key`` value in a nested profile table."""
    found: list[float] = []
    if isinstance(table, dict):
        for name, value in table.items():
            if name == key and isinstance(value, dict) and "value" in value:
                found.append(float(value["value"]))
            else:
                found += _values(value, key)
    return found


def walking_margin(plan: Plan, profile: Profile) -> float:
    """The largest walking radius the plan's sites use under ``profile``: the radii of the
    shelter classes its shelters have (and the default class, which dual-use spaces take), of
    the life circles and activity-space bands when it has activity spaces, of the facility kinds
    it has, and any radius a layer sets itself."""
    radii = [profile.shelter_class(None).radius_m.value]
    for lyr in plan.by_role("shelters"):
        classes = set()
        if lyr.frame is not None and "class" in lyr.frame:
            classes = {str(c) for c in lyr.frame["class"].dropna().unique()}
        if "class" in lyr.constants:
            classes.add(str(lyr.constants["class"]))
        radii += [
            profile.shelter_classes[c].radius_m.value
            for c in classes
            if c in profile.shelter_classes
        ]
    if plan.by_role("activity_spaces"):
        radii += _values(profile.data.get("activity_spaces", {}))
    for lyr in plan.by_role("facilities"):
        kinds: set[str] = set()
        if lyr.frame is not None and "kind" in lyr.frame:
            kinds = {str(k) for k in lyr.frame["kind"].dropna().unique()}
        if "kind" in lyr.constants:
            kinds.add(str(lyr.constants["kind"]))
        radii += [profile.facility_radius[k].value for k in kinds if k in profile.facility_radius]
    for lyr in plan.layers.values():
        radii.append(_column_max(lyr, "radius_m"))
        override = lyr.options.get("radius_m")  # a layer's own radius (plan spec)
        if override is not None:
            with contextlib.suppress(TypeError, ValueError):
                radii.append(float(override))
    return float(max(radii))


def checks_reach(plan: Plan, profile: Profile) -> float:
    """How far from a site a 避/防 check looks: the largest protective distance or power-line
    band of the profile, and the collapse range of the plan's tallest building."""
    siting = profile.data.get("siting", {})
    reach = [
        float(v["value"])
        for table in ("protective_distance_m", "hv_band_m")
        for v in siting.get(table, {}).values()
        if isinstance(v, dict) and "value" in v
    ]
    ratio = float(siting.get("collapse_height_ratio", {}).get("value", 1.0))
    floor = float(siting.get("floor_height_m", {}).get("value", 3.0))
    for lyr in plan.by_role("buildings"):
        reach.append(_column_max(lyr, "height") * ratio)
        reach.append(_column_max(lyr, "floors") * floor * ratio)
    return float(max(reach, default=0.0))


#: A layer's columns as arrays: numpy arrays (or pandas extension arrays) of its attribute
#: columns, and its geometry column as WKB (an object array of bytes), in the frame's order.
Columns = dict[str, Any]


@dataclass(frozen=True)
class Piece:
    """Community ``index``'s part of the city, as plain arrays: cheap to cut (one fancy index
    per column), to pickle and to ship (no per-feature Python objects), and rebuilt into its
    plan where it is evaluated (:func:`community_plan`). Geometries travel as WKB, which is
    exact.

    Attributes
    ----------
    columns
        Layer name -> column -> the community's values (the geometry column as WKB).
    boundary
        The community's row of the boundaries (the id field, the name column, geometry as WKB).
    """

    index: int
    name: str
    description: str
    columns: dict[str, Columns]
    boundary: Columns
    source: str


@dataclass(frozen=True)
class Block:
    """Several communities' parts of the city at once (:meth:`Partition.block`): per layer the
    rows any of them takes, encoded once as :data:`Columns`, and per community the positions of
    its own rows among them. Neighbouring communities share most of what lies within walking
    reach, so a block of them ships each shared feature once; the worker that evaluates a
    community takes its :class:`Piece` out of the block (:meth:`piece`).

    Attributes
    ----------
    columns
        Layer name -> column -> the block's values (ascending city rows).
    members
        Community index -> layer name -> positions of its rows in ``columns``.
    boundaries
        Community index -> its row of the boundaries (as :attr:`Piece.boundary`).
    names
        Community index -> its name and its plan's description.
    """

    columns: dict[str, Columns]
    members: dict[int, dict[str, np.ndarray]]
    boundaries: dict[int, Columns]
    names: dict[int, tuple[str, str]]
    source: str

    def piece(self, i: int) -> Piece:
        """Community ``i``'s part of the city (one of the block's communities)."""
        columns = {
            name: {c: v[pos] for c, v in self.columns[name].items()}
            for name, pos in self.members[i].items()
        }
        name, description = self.names[i]
        return Piece(i, name, description, columns, self.boundaries[i], self.source)


def _only_xy_points(geoms: np.ndarray) -> bool:
    """True when every geometry is a non-empty 2D point (then its coordinates say it all)."""
    return bool(
        len(geoms)
        and (shapely.get_type_id(geoms) == shapely.GeometryType.POINT).all()
        and not shapely.is_empty(geoms).any()
        and not shapely.has_z(geoms).any()
    )


def _as_columns(frame: gpd.GeoDataFrame, rows: np.ndarray, xy: bool | None = None) -> Columns:
    """The frame's ``rows`` as arrays per column; the geometry as WKB, or as ``(N, 2)``
    coordinates when all are 2D points (exact too, and several times faster both ways);
    ``xy``: whether every geometry of the frame is one, when already known."""
    geometry = frame.geometry.name
    columns: Columns = {}
    for column in frame.columns:
        if column == geometry:
            geoms = frame.geometry.to_numpy()[rows]
            coded = shapely.get_coordinates(geoms) if xy or _only_xy_points(geoms) else None
            columns[column] = coded if coded is not None else shapely.to_wkb(geoms)
            continue
        series = frame[column]
        values = series.to_numpy() if isinstance(series.dtype, np.dtype) else series.array
        columns[column] = values[rows]
    return columns


def _geometries(coded: np.ndarray) -> np.ndarray:
    """Geometries from :func:`_as_columns`' coding: WKB, or point coordinates."""
    return shapely.points(coded) if coded.dtype.kind == "f" else shapely.from_wkb(coded)


def _from_columns(columns: Columns, like: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """The frame of ``columns``, with the columns, dtypes, geometry column and CRS of ``like``
    (an empty frame of the layer)."""
    geometry = like.geometry.name
    dtypes = like.dtypes
    data = {
        c: (
            _geometries(columns[c])
            if c == geometry  # the dtype given: text stays object, never inferred anew
            else pd.Series(columns[c], dtype=dtypes[c], copy=False)
        )
        for c in like.columns
    }
    return gpd.GeoDataFrame(data, geometry=geometry, crs=like.crs)


def community_plan(skeleton: Plan, piece: Piece) -> Plan:
    """A community's own plan, from the city's ``skeleton`` (:attr:`Partition.skeleton`: its
    layers with empty frames; shipped to each worker once) and the community's ``piece``."""
    layers: dict[str, PlanLayer] = {}
    for name, lyr in skeleton.layers.items():
        if lyr.role == "boundary":
            continue
        if lyr.frame is None or name not in piece.columns:
            layers[name] = lyr  # rasters are shared (read windowed)
            continue
        frame = _from_columns(piece.columns[name], lyr.frame)
        layers[name] = replace(lyr, frame=frame, problems=[])
    id_field = next(iter(piece.boundary))
    boundary = PlanLayer(
        "community",
        "boundary",
        frame=gpd.GeoDataFrame(
            {c: v for c, v in piece.boundary.items() if c != "geometry"},
            geometry=_geometries(piece.boundary["geometry"]),
            crs=skeleton.crs,
        ),
        field_map={"id": id_field},
        # the per-person areas count the sites standing in the community, not the
        # neighbours' within walking reach (spaceplanner.engine.daily.counted_sites)
        options={"areas_within": True},
        source=piece.source,
    )
    return replace(
        skeleton,
        name=piece.name,
        layers={"community": boundary, **layers},
        problems=[],
        description=piece.description,
    )


@dataclass(frozen=True)
class Partition:
    """Which features of each city layer go to which community (computed once).

    Attributes
    ----------
    members
        Layer name -> ``(starts, rows)``: community ``i``'s features of that layer are
        ``rows[starts[i]:starts[i + 1]]`` (row positions in the layer's frame).
    margin, reach
        The walking margin and the checks' reach it was cut with (metres).
    columns, tables
        Layer name -> the columns (:data:`Columns`, made once) of the layer's rows
        ``tables[name]`` (ascending): those some community takes.
    skeleton
        The city plan with every cut layer's frame emptied (its columns and dtypes kept): what a
        community's plan shares with the city; shipped to each worker once.
    """

    city: Plan
    communities: Communities
    members: dict[str, tuple[np.ndarray, np.ndarray]]
    margin: float
    reach: float
    columns: dict[str, Columns]
    tables: dict[str, np.ndarray]
    skeleton: Plan

    def piece(self, i: int) -> Piece:
        """Community ``i``'s part of the city."""
        return self.block([i]).piece(i)

    def block(self, indices: list[int]) -> Block:
        """The parts of the communities ``indices`` as one :class:`Block`: each layer's rows any
        of them takes, encoded once."""
        com = self.communities
        columns: dict[str, Columns] = {}
        positions: dict[str, list[np.ndarray]] = {}
        for name, (starts, rows) in self.members.items():
            wanted = [rows[starts[i] : starts[i + 1]] for i in indices]
            table = self.tables[name]
            flat = np.concatenate(wanted) if wanted else rows[:0]
            at = np.minimum(np.searchsorted(table, flat), max(len(table) - 1, 0))
            if len(flat) and (not len(table) or not np.array_equal(table[at], flat)):
                # members of another cut than the table's
                msg = f"layer {name}: rows outside the encoded table"
                raise ValueError(msg)
            # the union without sorting: the table's rows marked, numbered in the table's order
            used = np.zeros(len(table), dtype=bool)
            used[at] = True
            take = np.flatnonzero(used)
            number = np.cumsum(used) - 1
            columns[name] = {c: v[take] for c, v in self.columns[name].items()}
            ends = np.cumsum([len(w) for w in wanted])
            positions[name] = np.split(number[at], ends[:-1]) if len(wanted) else []
        members = {
            i: {name: pos[k] for name, pos in positions.items()} for k, i in enumerate(indices)
        }
        boundaries: dict[int, Columns] = {
            i: {
                com.id_field: np.array([com.ids[i]], dtype=object),
                com.name_column: np.array([com.names[i]], dtype=object),
                "geometry": shapely.to_wkb(com.geoms[i : i + 1]),
            }
            for i in indices
        }
        names = {
            i: (com.names[i], f"{com.names[i]} ({com.ids[i]}), cut from {self.city.name}")
            for i in indices
        }
        return Block(columns, members, boundaries, names, str(com.path))

    def plan(self, i: int) -> Plan:
        """Community ``i``'s own plan (as a worker rebuilds it)."""
        return community_plan(self.skeleton, self.piece(i))

    def __iter__(self) -> Iterator[Plan]:
        return (self.plan(i) for i in range(len(self.communities)))


def _grouped(com: np.ndarray, rows: np.ndarray, n: int) -> tuple[np.ndarray, np.ndarray]:
    """``(community, row)`` pairs to ``(starts, rows)``, rows ascending within a community:
    one sort of a combined integer key (several times faster than a two-key lexsort)."""
    m = int(rows.max()) + 1 if len(rows) else 1
    key = com.astype(np.int64) * m + rows.astype(np.int64)
    key.sort()
    com = key // m
    starts = np.searchsorted(com, np.arange(n + 1))
    return starts, key - com * m


def _first_community(pt: np.ndarray, com: np.ndarray, n: int) -> tuple[np.ndarray, np.ndarray]:
    """Of ``(point, community)`` pairs, each point's with the lowest community: a point on a
    shared edge belongs to the first community."""
    key = pt.astype(np.int64) * n + com.astype(np.int64)
    key.sort()
    pt = key // n
    first = np.ones(len(key), dtype=bool)
    first[1:] = pt[1:] != pt[:-1]
    return pt[first], (key - pt * n)[first]


def _rasters_as_points(city: Plan) -> Plan:
    """The city with each population raster read once and turned into resident points (the
    cells' centres, as the engine reads them), so that each cell goes to one community (a
    centre on a shared edge to the first) and no worker reads the raster."""
    layers = dict(city.layers)
    changed = False
    for name, lyr in city.layers.items():
        if lyr.role != "residents" or lyr.raster is None:
            continue
        changed = True
        ids, xy, pop = raster_points(lyr, city)
        frame = gpd.GeoDataFrame(
            {"id": ids.astype(object), "population": pop},
            geometry=shapely.points(xy),
            crs=city.crs,
        )
        layers[name] = replace(
            lyr, raster=None, frame=frame, field_map={"id": "id", "population": "population"}
        )
    return replace(city, layers=layers) if changed else city


def partition(city: Plan, communities: Communities, profile: Profile) -> Partition:
    """Index the city's layers once and assign their features to the communities."""
    city = _rasters_as_points(city)
    margin = walking_margin(city, profile)
    reach = checks_reach(city, profile)
    xy: dict[str, bool] = {}
    members = partition_members(city, communities, margin, reach, xy=xy)
    columns: dict[str, Columns] = {}
    tables: dict[str, np.ndarray] = {}
    layers = dict(city.layers)
    for name, (_, rows) in members.items():
        frame = city.layers[name].frame
        assert frame is not None
        # only the features some community takes are encoded (a district's communities cut
        # from a city plan need not encode the whole city)
        used = np.zeros(len(frame), dtype=bool)
        used[rows] = True
        tables[name] = np.flatnonzero(used)
        columns[name] = _as_columns(frame, tables[name], xy.get(name))
        layers[name] = replace(city.layers[name], frame=frame.iloc[:0], problems=[])
    skeleton = replace(city, layers=layers, problems=[])
    return Partition(city, communities, members, margin, reach, columns, tables, skeleton)


def _near(geoms: np.ndarray, box: tuple[float, float, float, float]) -> np.ndarray:
    """Positions of the geometries whose bounds meet ``box`` (a cheap first cut)."""
    b = shapely.bounds(geoms)
    keep = (b[:, 0] <= box[2]) & (b[:, 2] >= box[0]) & (b[:, 1] <= box[3]) & (b[:, 3] >= box[1])
    return np.flatnonzero(keep)


def partition_members(
    city: Plan,
    communities: Communities,
    margin: float,
    reach: float,
    *,
    xy: dict[str, bool] | None = None,
) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """Per layer, which features go to which community (see :class:`Partition`); ``xy``, if
    given, gets for the residents layers whether each is all 2D points."""
    n = len(communities)
    members: dict[str, tuple[np.ndarray, np.ndarray]] = {}
    windows_at: dict[float, np.ndarray] = {}
    extent = shapely.bounds(communities.geoms)
    x0, y0 = extent[:, 0].min(), extent[:, 1].min()
    x1, y1 = extent[:, 2].max(), extent[:, 3].max()
    for name, lyr in city.layers.items():
        if lyr.frame is None or lyr.role == "boundary":
            continue
        geoms = lyr.frame.geometry.to_numpy()
        if lyr.role == "residents":
            # points stand where they are; polygons at their representative point
            only_xy = _only_xy_points(geoms)
            if xy is not None:
                xy[name] = only_xy
            points = geoms if only_xy else shapely.points(representative_points(geoms))
            near = _near(points, (x0, y0, x1, y1))
            pt, com = shapely.STRtree(communities.geoms).query(points[near], predicate="intersects")
            pt, com = _first_community(near[pt], com, n)
            members[name] = _grouped(com, pt, n)
            continue
        distance = margin + reach if lyr.role in CHECK_ROLES else margin
        if distance not in windows_at:  # one buffering per distance, not per layer
            windows_at[distance] = _windows(communities, distance)
        windows = windows_at[distance]
        near = _near(geoms, tuple(shapely.total_bounds(windows)))
        com, rows = shapely.STRtree(geoms[near]).query(windows, predicate="intersects")
        members[name] = _grouped(com, near[rows], n)
    return members


#: Segments per quarter circle of the windows' rounded corners.
_QUAD_SEGS = 8


def _windows(communities: Communities, distance: float) -> np.ndarray:
    """Each boundary grown by ``distance``, as a polygon that contains every point within
    ``distance`` of it: the buffer's corners are chords of a circle, so its radius is raised
    by ``1 / cos(pi / (4 * quad_segs))`` (+0.8 % at 8 segments) and a hair more for rounding.
    Intersecting prepared windows is about 4x faster than an exact distance test per pair; the
    few features it adds beyond the margin (0.4 % on the bench city) cannot change a figure:
    every walk a community's residents can make within the largest radius stays inside the
    margin, and a community's figures equal the whole city's evaluated with only its residents
    (tests/test_batch.py)."""
    grown = distance / math.cos(math.pi / (4 * _QUAD_SEGS)) * (1 + 1e-9) + 1e-6
    return shapely.buffer(communities.geoms, grown, quad_segs=_QUAD_SEGS)
