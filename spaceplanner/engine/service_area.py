"""Exact service areas: the part of the network within walking distance R of a set of sites.

Each segment is reachable from its ends (R minus the distance to the end) and, when a site lies on
it, along it from the site; the reachable pieces are straight sub-segments, built at once with
numpy, then buffered by the profile's ``service_area_buffer_m`` and merged. Polygon sites add
their own area. No interpolation between points: the shape follows the streets.
"""

from __future__ import annotations

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from spaceplanner.engine.distance import Sources, node_fields
from spaceplanner.engine.network import WalkNetwork

__all__ = ["service_area"]


def _pieces(network: WalkNetwork, seg: np.ndarray, x0: np.ndarray, x1: np.ndarray) -> np.ndarray:
    keep = x1 > x0
    seg, x0, x1 = seg[keep], x0[keep], x1[keep]
    length = network.seg_len[seg]
    a = network.nodes[network.seg_u[seg]]
    b = network.nodes[network.seg_v[seg]]
    start = a + (b - a) * (x0 / length)[:, None]
    end = a + (b - a) * (x1 / length)[:, None]
    return shapely.linestrings(np.stack([start, end], axis=1)) if len(seg) else np.empty(0, object)


def service_area(
    network: WalkNetwork, sources: Sources, radii: np.ndarray, buffer: float
) -> BaseGeometry:
    """The area within walking distance ``radii[i]`` of site ``i``, as one (multi)polygon.

    Parameters
    ----------
    network, sources
        The network and where the sites reach it.
    radii
        ``(sites,)`` service radius of each site.
    buffer
        Distance around the reachable network that counts as served.
    """
    shapes = []
    for radius in np.unique(radii):
        sites = np.flatnonzero(radii == radius)
        field = node_fields(network, sources, [sites], float(radius))[0]
        seg = np.arange(len(network.seg_len))
        length = network.seg_len
        from_u = np.clip(radius - field[network.seg_u], 0, None)
        from_v = np.clip(radius - field[network.seg_v], 0, None)
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
        lines = np.concatenate(pieces)
        if len(lines):
            shapes.append(shapely.union_all(shapely.buffer(lines, buffer, quad_segs=2)))
        zones = sources.zones()[sites]
        zones = zones[~shapely.is_missing(zones)]
        if len(zones):
            shapes.append(shapely.union_all(zones))
    return shapely.union_all(shapes) if shapes else shapely.Polygon()
