"""Finding the feature under the cursor: a spatial index per layer frame."""

from __future__ import annotations

import functools
from typing import Any

import numpy as np
import shapely

__all__ = ["HIT_PX", "HitIndex", "Same"]


#: How near (pixels) the cursor must be to a feature or a vertex to hit it.
HIT_PX = 4.0


# -- hit testing ----------------------------------------------------------------------------------


class Same:
    """Equal to another ``Same`` holding the very same object (frames compare by identity)."""

    __slots__ = ("obj",)

    def __init__(self, obj: object) -> None:
        self.obj = obj

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Same) and other.obj is self.obj

    def __hash__(self) -> int:
        return id(self.obj)


class HitIndex:
    """Find a layer's features near a point: an STRtree over the frame's geometries."""

    def __init__(self, frame: Any) -> None:
        self.frame = frame
        self.geoms = np.asarray(frame.geometry.values, dtype=object)
        self.ids = frame["id"].astype(str).to_numpy()

    @functools.cached_property
    def tree(self) -> shapely.STRtree:
        """Built on the first search (finding a feature by id does not need it)."""
        return shapely.STRtree(self.geoms)

    @functools.cached_property
    def area(self) -> np.ndarray:
        return shapely.area(self.geoms)

    @functools.cached_property
    def pointlike(self) -> np.ndarray:
        return np.isin(shapely.get_type_id(self.geoms), [0, 4])

    def nearest(self, x: float, y: float, tol: float, point_tol: float) -> int | None:
        """The row of the feature nearest (x, y) within ``tol`` metres (``point_tol`` for
        points; a polygon under the cursor is at 0); among several, the smallest (drawn on top).
        """
        reach = max(tol, point_tol)
        rows = self.tree.query(shapely.box(x - reach, y - reach, x + reach, y + reach))
        if not len(rows):
            return None
        distance = shapely.distance(self.geoms[rows], shapely.Point(x, y))
        ok = distance <= np.where(self.pointlike[rows], point_tol, tol)
        if not ok.any():
            return None
        rows, distance = rows[ok], distance[ok]
        return int(rows[np.lexsort((-rows, self.area[rows], distance))[0]])

    def row(self, feature_id: str) -> int | None:
        hits = np.flatnonzero(self.ids == feature_id)
        return int(hits[0]) if hits.size else None
