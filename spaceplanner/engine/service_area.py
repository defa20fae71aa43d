"""Service areas: the part of the network within walking distance R of a set of sites.

Each segment is reachable from its ends (R minus the distance to the end) and, when a site lies on
it, along it from the site; the reachable pieces are straight sub-segments, built at once with
numpy, as the coordinates of their two ends (no geometry objects). No interpolation between
points: the shape follows the streets. The pieces (and the polygon sites' own ground) are
drawn, grown by the profile's ``service_area_buffer_m``, by
:func:`spaceplanner.engine.gap_raster.area_raster`: a drawing, not a union of every piece.
"""

from __future__ import annotations

import numpy as np
import shapely

from spaceplanner.engine.distance import Sources, node_fields
from spaceplanner.engine.network import WalkNetwork

__all__ = ["reached_pieces"]


def _pieces(network: WalkNetwork, seg: np.ndarray, x0: np.ndarray, x1: np.ndarray) -> np.ndarray:
    keep = x1 > x0
    seg, x0, x1 = seg[keep], x0[keep], x1[keep]
    length = network.seg_len[seg]
    a = network.nodes[network.seg_u[seg]]
    b = network.nodes[network.seg_v[seg]]
    start = a + (b - a) * (x0 / length)[:, None]
    end = a + (b - a) * (x1 / length)[:, None]
    return np.stack([start, end], axis=1)


def reached_pieces(
    network: WalkNetwork, sources: Sources, radii: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """The street pieces within walking distance ``radii[i]`` of site ``i``, and the polygon
    sites' own ground.

    Parameters
    ----------
    network, sources
        The network and where the sites reach it.
    radii
        ``(sites,)`` service radius of each site.

    Returns
    -------
    tuple
        The pieces, ``(N, 2, 2)``: the coordinates of each straight piece's two ends, and the
        zones (polygons) of the sites.
    """
    lines_all: list[np.ndarray] = []
    zones_all: list[np.ndarray] = []
    for radius in np.unique(radii):
        sites = np.flatnonzero(radii == radius)
        field = node_fields(network, sources, [sites], float(radius))[0]
        # only the segments reached from an end (most of a city's are not) are looked at
        at_u, at_v = field[network.seg_u], field[network.seg_v]
        seg = np.flatnonzero((at_u < radius) | (at_v < radius))
        length = network.seg_len[seg]
        from_u = np.clip(radius - at_u[seg], 0, None)
        from_v = np.clip(radius - at_v[seg], 0, None)
        # A segment reached from both ends far enough is whole: one piece instead of two.
        whole = from_u + from_v >= length
        part = ~whole
        pieces = [
            _pieces(network, seg[whole], np.zeros(int(whole.sum())), length[whole]),
            _pieces(
                network, seg[part], np.zeros(int(part.sum())), np.minimum(from_u, length)[part]
            ),
            _pieces(network, seg[part], np.maximum(length - from_v, 0)[part], length[part]),
        ]
        on = np.isin(sources.site, sites)
        rest = radius - sources.offset[on]
        p_seg = sources.seg[on]
        centre = sources.t[on] * network.seg_len[p_seg]
        ok = rest > 0
        pieces.append(
            _pieces(
                network,
                p_seg[ok],
                np.maximum(centre[ok] - rest[ok], 0),
                np.minimum(centre[ok] + rest[ok], network.seg_len[p_seg[ok]]),
            )
        )
        lines_all.append(np.concatenate(pieces))
        zones = sources.zones()[sites]
        zones_all.append(zones[~shapely.is_missing(zones)])
    return (
        np.concatenate(lines_all) if lines_all else np.empty((0, 2, 2)),
        np.concatenate(zones_all) if zones_all else np.empty(0, dtype=object),
    )
