"""GCJ-02 (Amap 高德, Tencent) and BD-09 (Baidu 百度) coordinates to and from WGS 84.

Web maps in China publish coordinates in GCJ-02, WGS 84 with a deliberate, position-dependent
offset of a few hundred metres, or in BD-09, Baidu's further offset of GCJ-02. Neither is a CRS
that PROJ knows. The forward formulas are the published ones (as in the eviltransform and
coordtransform libraries); their inverses are not closed-form, so they are solved by fixed-point
iteration to better than 1e-9 degree (0.1 mm), far inside the 0.5 m a plan needs. Outside China
(the algorithm's own rectangle, :func:`out_of_china`) GCJ-02 equals WGS 84, as the algorithm
defines.
"""

from __future__ import annotations

from collections.abc import Callable

import geopandas as gpd
import numpy as np
import shapely
from pyproj import CRS

from spaceplanner.i18n import tx
from spaceplanner.layers.errors import LayerError
from spaceplanner.layers.problems import Problem
from spaceplanner.layers.words import list_text, rows_text

__all__ = [
    "OFFSET_SYSTEMS",
    "bd09_to_gcj02",
    "bd09_to_wgs84",
    "from_wgs84",
    "gcj02_to_bd09",
    "gcj02_to_wgs84",
    "layer_to_wgs84",
    "offset_system",
    "out_of_china",
    "to_wgs84",
    "wgs84_to_bd09",
    "wgs84_to_gcj02",
]

#: The offset systems a layer's ``crs`` may name, by their usual spellings (folded, see
#: :func:`offset_system`).
OFFSET_SYSTEMS = ("GCJ-02", "BD-09")
_SPELLINGS = {
    "gcj02": "GCJ-02",
    "gcj": "GCJ-02",
    "amap": "GCJ-02",
    "火星坐标": "GCJ-02",
    "bd09": "BD-09",
    "bd09ll": "BD-09",
    "baidu": "BD-09",
    "百度坐标": "BD-09",
}

# Krasovsky 1940 ellipsoid, as the GCJ-02 formulas use it
_A = 6378245.0
_EE = 0.00669342162296594323
_X_PI = np.pi * 3000.0 / 180.0
_TOLERANCE_DEG = 1e-10
_MAX_ITERATIONS = 30

Pair = tuple[np.ndarray, np.ndarray]


def offset_system(value: object) -> str | None:
    """``"GCJ-02"`` or ``"BD-09"`` when ``value`` names one (``"gcj02"``, ``"BD09"``, ...),
    else None."""
    if not isinstance(value, str):
        return None
    key = value.strip().casefold().replace("-", "").replace("_", "").replace(" ", "")
    return _SPELLINGS.get(key)


def out_of_china(lng: np.ndarray, lat: np.ndarray) -> np.ndarray:
    """True where the published algorithm applies no offset (outside its China rectangle)."""
    lng, lat = np.asarray(lng, dtype=float), np.asarray(lat, dtype=float)
    return ~((lng >= 72.004) & (lng <= 137.8347) & (lat >= 0.8293) & (lat <= 55.8271))


def _delta_lat(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    ret = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * np.sqrt(np.abs(x))
    ret += (20.0 * np.sin(6.0 * x * np.pi) + 20.0 * np.sin(2.0 * x * np.pi)) * 2.0 / 3.0
    ret += (20.0 * np.sin(y * np.pi) + 40.0 * np.sin(y / 3.0 * np.pi)) * 2.0 / 3.0
    ret += (160.0 * np.sin(y / 12.0 * np.pi) + 320.0 * np.sin(y * np.pi / 30.0)) * 2.0 / 3.0
    return ret


def _delta_lng(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    ret = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * np.sqrt(np.abs(x))
    ret += (20.0 * np.sin(6.0 * x * np.pi) + 20.0 * np.sin(2.0 * x * np.pi)) * 2.0 / 3.0
    ret += (20.0 * np.sin(x * np.pi) + 40.0 * np.sin(x / 3.0 * np.pi)) * 2.0 / 3.0
    ret += (150.0 * np.sin(x / 12.0 * np.pi) + 300.0 * np.sin(x / 30.0 * np.pi)) * 2.0 / 3.0
    return ret


def wgs84_to_gcj02(lng: np.ndarray, lat: np.ndarray) -> Pair:
    """WGS 84 longitude/latitude (degrees) to GCJ-02; unchanged outside China."""
    lng, lat = np.asarray(lng, dtype=float), np.asarray(lat, dtype=float)
    dlat = _delta_lat(lng - 105.0, lat - 35.0)
    dlng = _delta_lng(lng - 105.0, lat - 35.0)
    radlat = lat / 180.0 * np.pi
    magic = 1 - _EE * np.sin(radlat) ** 2
    sqrtmagic = np.sqrt(magic)
    dlat = (dlat * 180.0) / ((_A * (1 - _EE)) / (magic * sqrtmagic) * np.pi)
    dlng = (dlng * 180.0) / (_A / sqrtmagic * np.cos(radlat) * np.pi)
    outside = out_of_china(lng, lat)
    return np.where(outside, lng, lng + dlng), np.where(outside, lat, lat + dlat)


def gcj02_to_bd09(lng: np.ndarray, lat: np.ndarray) -> Pair:
    """GCJ-02 to BD-09 (Baidu's published formula)."""
    x, y = np.asarray(lng, dtype=float), np.asarray(lat, dtype=float)
    z = np.sqrt(x * x + y * y) + 0.00002 * np.sin(y * _X_PI)
    theta = np.arctan2(y, x) + 0.000003 * np.cos(x * _X_PI)
    return z * np.cos(theta) + 0.0065, z * np.sin(theta) + 0.006


def wgs84_to_bd09(lng: np.ndarray, lat: np.ndarray) -> Pair:
    """WGS 84 to BD-09 (through GCJ-02)."""
    return gcj02_to_bd09(*wgs84_to_gcj02(lng, lat))


def _invert(
    forward: Callable[[np.ndarray, np.ndarray], Pair], lng: np.ndarray, lat: np.ndarray
) -> Pair:
    """Solve ``forward(p) = (lng, lat)`` for p by fixed-point iteration.

    The offsets change by less than 1e-4 of their size per metre, so each step shrinks the error
    by that factor: two or three steps reach the tolerance.
    """
    want_x, want_y = np.asarray(lng, dtype=float), np.asarray(lat, dtype=float)
    x, y = want_x.copy(), want_y.copy()
    for _ in range(_MAX_ITERATIONS):
        fx, fy = forward(x, y)
        dx, dy = fx - want_x, fy - want_y
        x, y = x - dx, y - dy
        if not (
            np.nanmax(np.abs(dx), initial=0.0) > _TOLERANCE_DEG
            or np.nanmax(np.abs(dy), initial=0.0) > _TOLERANCE_DEG
        ):
            break
    return x, y


def gcj02_to_wgs84(lng: np.ndarray, lat: np.ndarray) -> Pair:
    """GCJ-02 to WGS 84: the exact inverse of :func:`wgs84_to_gcj02` (iterated)."""
    return _invert(wgs84_to_gcj02, lng, lat)


def bd09_to_gcj02(lng: np.ndarray, lat: np.ndarray) -> Pair:
    """BD-09 to GCJ-02: the exact inverse of :func:`gcj02_to_bd09` (iterated; the published
    closed-form inverse is off by up to a metre)."""
    return _invert(gcj02_to_bd09, lng, lat)


def bd09_to_wgs84(lng: np.ndarray, lat: np.ndarray) -> Pair:
    """BD-09 to WGS 84."""
    return _invert(wgs84_to_bd09, lng, lat)


_TO_WGS84 = {"GCJ-02": gcj02_to_wgs84, "BD-09": bd09_to_wgs84}
_FROM_WGS84 = {"GCJ-02": wgs84_to_gcj02, "BD-09": wgs84_to_bd09}


def _apply(
    frame: gpd.GeoDataFrame, func: Callable[[np.ndarray, np.ndarray], Pair]
) -> gpd.GeoDataFrame:
    def on_coords(coords: np.ndarray) -> np.ndarray:
        x, y = func(coords[:, 0], coords[:, 1])
        return np.column_stack([x, y])

    geoms = shapely.transform(frame.geometry.array, on_coords)
    return frame.set_geometry(gpd.GeoSeries(geoms, index=frame.index, crs=4326))


def to_wgs84(frame: gpd.GeoDataFrame, system: str) -> gpd.GeoDataFrame:
    """``frame`` (longitude/latitude in ``system``, "GCJ-02" or "BD-09") in WGS 84 (EPSG:4326).

    The input is not changed.
    """
    return _apply(frame, _TO_WGS84[system])


def from_wgs84(frame: gpd.GeoDataFrame, system: str) -> gpd.GeoDataFrame:
    """``frame`` (any CRS) as longitude/latitude in ``system`` ("GCJ-02" or "BD-09").

    The frame keeps EPSG:4326 as its CRS label: GCJ-02 and BD-09 have no CRS of their own, and
    files written from it carry WGS 84 metadata with offset coordinates, as Amap and Baidu
    expect.
    """
    return _apply(frame.to_crs(4326), _FROM_WGS84[system])


def layer_to_wgs84(
    frame: gpd.GeoDataFrame, system: str, *, label: str, file: str
) -> tuple[gpd.GeoDataFrame, list[Problem]]:
    """A layer declared ``crs = "GCJ-02"`` or ``"BD-09"`` converted to WGS 84, with a note.

    Raises
    ------
    LayerError
        When the file carries a projected CRS (offset coordinates are longitude/latitude), or
        when features lie outside China, where the offset systems are not used.
    """
    if frame.crs is not None and not CRS.from_user_input(frame.crs).is_geographic:
        msg = tx(
            "{system} coordinates are longitude/latitude, but the file's CRS is projected"
        ).format(system=system)
        raise LayerError(
            msg,
            file=file,
            layer=label,
            field="crs",
            hint=tx('remove crs = "{system}" if the file\'s own CRS is right').format(
                system=system
            ),
        )
    geoms = np.asarray(frame.geometry.array)
    present = ~(shapely.is_missing(geoms) | shapely.is_empty(geoms))
    bounds = shapely.bounds(geoms)
    with np.errstate(invalid="ignore"):
        outside = present & (
            out_of_china(bounds[:, 0], bounds[:, 1]) | out_of_china(bounds[:, 2], bounds[:, 3])
        )
    if outside.any():
        rows = np.flatnonzero(outside)
        first = rows[0]
        where = f"({bounds[first, 0]:.6g}, {bounds[first, 1]:.6g})"
        shown = list_text(rows_text(int(i) + 1) for i in rows[:3])
        msg = tx(
            "{n} of {total} features lie outside China, e.g. {where}, where "
            "{system} is not used (the conversion would leave them unchanged)"
        ).format(n=rows.size, total=len(frame), where=where, system=system)
        raise LayerError(
            msg,
            file=file,
            layer=label,
            field="crs",
            feature=(
                tx("{ids} and {more} more").format(ids=shown, more=rows.size - 3)
                if rows.size > 3
                else shown
            ),
            hint=tx(
                'longitude and latitude swapped? or not {system}: remove crs = "{system}" '
                "for WGS 84 data"
            ).format(system=system),
        )
    out = to_wgs84(frame, system)
    shift = _largest_shift(frame, out)
    note = Problem(
        "note",
        tx("coordinates converted from {system} to WGS 84 (moved up to {shift:,.0f} m)").format(
            system=system, shift=shift
        ),
        file=file,
        layer=label,
        field="crs",
    )
    return out, [note]


def _largest_shift(before: gpd.GeoDataFrame, after: gpd.GeoDataFrame) -> float:
    """The largest move of a feature (its centroid), in metres, for the note."""
    a = shapely.get_coordinates(shapely.centroid(np.asarray(before.geometry.array)))
    b = shapely.get_coordinates(shapely.centroid(np.asarray(after.geometry.array)))
    if a.size == 0 or a.shape != b.shape:
        return 0.0
    dlat = np.radians(b[:, 1] - a[:, 1])
    dlng = np.radians(b[:, 0] - a[:, 0]) * np.cos(np.radians(a[:, 1]))
    return float(np.nanmax(np.hypot(dlat, dlng)) * 6_371_000.0)
