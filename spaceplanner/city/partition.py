"""Cut a city plan into one plan per community, once, with spatial indexes.

A community's plan holds its own residents (a resident belongs to the community its point stands
in; on a shared edge, to the first) and, from the city plan, what its residents can reach: the
network and the sites within its boundary plus the largest walking radius in use (people walk
across boundaries; a shelter next door counts), and the hazard zones, hazard sources and
buildings within that plus the farthest reach of a 避/防 check, so that a site near the edge is
checked as in the city. Its boundary layer is the community's boundary. Population rasters are read
once, their cells' centres becoming resident points like any other (a cell centred on a shared
edge goes to the first community); other raster layers (hazards) are shared, not cut (they are
read windowed). Each layer is indexed once
(``shapely.STRtree``) and queried with every community's window at once.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any

import geopandas as gpd
import numpy as np
import shapely

from spaceplanner.city.communities import Communities
from spaceplanner.engine.residents import raster_points, representative_points
from spaceplanner.model.plan import Plan, PlanLayer
from spaceplanner.model.rules import Profile

__all__ = [
    "SITE_ROLES",
    "Partition",
    "checks_reach",
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
    """

    city: Plan
    communities: Communities
    members: dict[str, tuple[np.ndarray, np.ndarray]]
    margin: float
    reach: float

    def plan(self, i: int) -> Plan:
        """Community ``i``'s own plan."""
        com = self.communities
        layers: dict[str, PlanLayer] = {}
        for name, lyr in self.city.layers.items():
            if lyr.role == "boundary":
                continue
            if lyr.frame is None or name not in self.members:
                layers[name] = lyr  # rasters are shared (read windowed)
                continue
            starts, rows = self.members[name]
            part = lyr.frame.iloc[rows[starts[i] : starts[i + 1]]].reset_index(drop=True)
            layers[name] = replace(lyr, frame=part, problems=[])
        boundary = PlanLayer(
            "community",
            "boundary",
            frame=com.frame().iloc[[i]].reset_index(drop=True),
            field_map={"id": com.id_field},
            # the per-person areas count the sites standing in the community, not the
            # neighbours' within walking reach (spaceplanner.engine.daily.counted_sites)
            options={"areas_within": True},
            source=str(com.path),
        )
        layers = {"community": boundary, **layers}
        return replace(
            self.city,
            name=com.names[i],
            layers=layers,
            problems=[],
            description=f"{com.names[i]} ({com.ids[i]}), cut from {self.city.name}",
        )

    def __iter__(self) -> Iterator[Plan]:
        return (self.plan(i) for i in range(len(self.communities)))


def _grouped(pairs: tuple[np.ndarray, np.ndarray], n: int) -> tuple[np.ndarray, np.ndarray]:
    """``(community, row)`` pairs to ``(starts, rows)``, with one sort."""
    com, rows = pairs
    order = np.lexsort((rows, com))
    com, rows = com[order], rows[order]
    starts = np.searchsorted(com, np.arange(n + 1))
    return starts, rows


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
    members = partition_members(city, communities, margin, reach)
    return Partition(city, communities, members, margin, reach)


def partition_members(
    city: Plan, communities: Communities, margin: float, reach: float
) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """Per layer, which features go to which community (see :class:`Partition`)."""
    n = len(communities)
    members: dict[str, tuple[np.ndarray, np.ndarray]] = {}
    for name, lyr in city.layers.items():
        if lyr.frame is None or lyr.role == "boundary":
            continue
        geoms = lyr.frame.geometry.to_numpy()
        if lyr.role == "residents":
            points = shapely.points(representative_points(geoms))
            pt, com = shapely.STRtree(communities.geoms).query(points, predicate="intersects")
            # a point on a shared edge belongs to the first community
            order = np.lexsort((com, pt))
            pt, com = pt[order], com[order]
            first = np.ones(len(pt), dtype=bool)
            first[1:] = pt[1:] != pt[:-1]
            members[name] = _grouped((com[first].astype(np.int32), pt[first].astype(np.int32)), n)
            continue
        distance = margin + reach if lyr.role in CHECK_ROLES else margin
        tree = shapely.STRtree(geoms)
        # no buffered windows: the distance test runs on the boundaries themselves
        com, rows = tree.query(communities.geoms, predicate="dwithin", distance=distance)
        members[name] = _grouped((com.astype(np.int32), rows.astype(np.int32)), n)
    return members
