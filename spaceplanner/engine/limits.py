"""Guards against inputs that would make a run explode in memory or time.

Two kinds: input repairs that keep every figure (a network digitised with vertices millimetres
apart is thinned before its graph is built, so a 1 km street is not a million segments), and an
estimate of the memory a run needs from the sizes of its inputs, checked against the memory the
machine has before the run starts, so a plan too big is refused with a message instead of dying
halfway.
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import shapely

from spaceplanner.i18n import tx
from spaceplanner.layers.errors import PlanError

if TYPE_CHECKING:
    from spaceplanner.model.plan import Plan

__all__ = [
    "DENSE_VERTEX_M",
    "THIN_TOLERANCE_M",
    "MemoryEstimate",
    "available_memory",
    "check_memory",
    "estimate_memory",
    "plan_memory",
    "thin_dense_lines",
]

#: A line with two consecutive vertices closer than this (m) is digitised densely (millimetre
#: vertices from a CAD export or a GPS logger) and is thinned before the network is built.
DENSE_VERTEX_M = 0.01
#: A thinned line stays within this distance (m) of the drawn one (Douglas-Peucker).
THIN_TOLERANCE_M = 0.01
#: Coordinates are compared at this precision (m) to find vertices shared by lines, as the
#: network does (``spaceplanner.engine.network.VERTEX_DECIMALS``).
_VERTEX_DECIMALS = 6
#: Bytes a run holds per resident point, per network vertex, per site and per (resident, site)
#: pair within reach: peak memory of ``evaluate`` on synthetic plans (10^6 residents: 3.9 GB;
#: 10^6 network vertices: 2.2 GB, since 0.6 GB with the network read, the graph, the snapping
#: index and the segments' STRtree (3.8 x 10^6 vertices: 2.2 GB, not rounded up: the figures
#: take about 2,000 bytes per resident, so the residents' share holds the margin); 2 x 10^4
#: shelters: 0.3 GB; 2.4 x 10^7 pairs: 2.7 GB), rounded up.
_BYTES_PER_RESIDENT = 4_000
_BYTES_PER_VERTEX = 600
_BYTES_PER_SITE = 20_000
_BYTES_PER_PAIR = 128
#: Service radius (m) assumed when estimating how many sites a resident reaches (the largest
#: radius of the default profiles, the 15-minute circle).
_REACH_M = 1000.0
#: Roles whose features are sites residents walk to.
_SITE_ROLES = ("shelters", "activity_spaces", "facilities")
#: Part of the available memory a run may plan to use.
_USABLE_SHARE = 0.8


def thin_dense_lines(lines: np.ndarray) -> np.ndarray:
    """Thin the densely digitised lines of a network; leave the others untouched.

    A line with vertices closer than :data:`DENSE_VERTEX_M` is cut at every vertex it shares
    with another line (or with itself) and at its ends, and each piece is simplified with
    Douglas-Peucker to :data:`THIN_TOLERANCE_M`: junctions stay where they are, so the network's
    connections are unchanged, and a straight street drawn with a million vertices becomes one
    segment with the same length.

    Returns
    -------
    numpy.ndarray
        ``lines`` itself when no line is dense, else the lines as single-part LineStrings.
    """
    lines = np.asarray(lines, dtype=object)
    parts = shapely.get_parts(lines)
    parts = parts[~shapely.is_empty(parts)]
    coords, which = shapely.get_coordinates(parts, return_index=True)
    if len(coords) < 3:
        return lines
    same = which[1:] == which[:-1]
    gap = np.hypot(*(coords[1:] - coords[:-1]).T)
    dense = np.zeros(len(parts), dtype=bool)
    dense[which[1:][same & (gap < DENSE_VERTEX_M)]] = True
    if not dense.any():
        return lines
    _, inverse, counts = np.unique(
        np.round(coords, _VERTEX_DECIMALS), axis=0, return_inverse=True, return_counts=True
    )
    shared = counts[inverse.ravel()] > 1
    first = np.r_[True, ~same]
    last = np.r_[~same, True]
    idx = np.flatnonzero(dense[which])
    cut = (shared & ~first & ~last)[idx]  # a piece ends and the next starts here
    expanded = np.repeat(idx, 1 + cut)
    starts = np.repeat(first[idx], 1 + cut)
    second = np.zeros(expanded.size, dtype=bool)
    second[np.cumsum(1 + cut)[cut] - 1] = True  # the second copy of a cut vertex
    piece = np.cumsum(starts | second) - 1
    pieces = shapely.linestrings(coords[expanded], indices=piece)
    thinned = shapely.simplify(pieces, THIN_TOLERANCE_M, preserve_topology=False)
    return np.concatenate([parts[~dense], thinned])


@dataclass(frozen=True)
class MemoryEstimate:
    """The memory a run is expected to need, and what it is made of."""

    needed: int
    residents: int
    vertices: int
    sites: int
    pairs: int


def estimate_memory(
    residents: int, vertices: int, sites: int, pairs: int = 0, raster_cells: int = 0
) -> MemoryEstimate:
    """Bytes a run needs for the given numbers of inputs (see the constants above)."""
    needed = (
        residents * _BYTES_PER_RESIDENT
        + vertices * _BYTES_PER_VERTEX
        + sites * _BYTES_PER_SITE
        + pairs * _BYTES_PER_PAIR
        + raster_cells * 8
    )
    return MemoryEstimate(int(needed), residents, vertices, sites, pairs)


def plan_memory(plan: Plan) -> MemoryEstimate:
    """Estimate the memory evaluating ``plan`` needs, from the sizes of its vector layers.

    Resident-site pairs are estimated from the density of sites: each resident reaches the sites
    within a 1 km radius, if they are spread evenly over the plan's extent.
    """
    residents = vertices = sites = 0
    for layer in plan:
        if layer.frame is None:
            continue
        if layer.role == "residents":
            residents += len(layer.frame)
        elif layer.role == "network":
            vertices += int(shapely.get_num_coordinates(layer.frame.geometry.to_numpy()).sum())
        elif layer.role in _SITE_ROLES:
            sites += len(layer.frame)
    extent = plan.extent()
    area = 1.0
    if extent is not None:
        area = max((extent[2] - extent[0]) * (extent[3] - extent[1]), 1.0)
    reach = min(1.0, math.pi * _REACH_M**2 / area)
    return estimate_memory(residents, vertices, sites, int(residents * sites * reach))


def available_memory() -> int | None:
    """Bytes of memory available to a new run (Linux ``MemAvailable``, else free physical
    pages); None when the system does not say."""
    try:
        with open("/proc/meminfo", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    try:
        return int(os.sysconf("SC_AVPHYS_PAGES")) * int(os.sysconf("SC_PAGE_SIZE"))
    except (AttributeError, ValueError, OSError):
        return None


def check_memory(estimate: MemoryEstimate, *, file: str | None = None) -> None:
    """Refuse a run whose estimated memory does not fit in what the machine has.

    Raises
    ------
    PlanError
        Naming the sizes that make the run big and what to do.
    """
    free = available_memory()
    if free is None or estimate.needed <= free * _USABLE_SHARE:
        return
    msg = tx(
        "the run needs about {needed:,.1f} GiB of memory and {free:,.1f} GiB is available "
        "({residents:,} resident points, {vertices:,} network vertices, {sites:,} sites, "
        "about {pairs:,} resident-site pairs within reach)"
    ).format(
        needed=estimate.needed / 2**30,
        free=free / 2**30,
        residents=estimate.residents,
        vertices=estimate.vertices,
        sites=estimate.sites,
        pairs=estimate.pairs,
    )
    raise PlanError(
        msg,
        file=file,
        hint=tx(
            "close other programs, or split the plan area into smaller plans (or aggregate the "
            "residents to building or block points)"
        ),
    )
