"""Coordinate reference systems: parsing, and choosing the metric CRS a plan works in.

Geometry work happens in one projected metric CRS per plan. Geographic input (WGS84, CGCS2000)
and Web Mercator (whose scale is off by 1/cos(latitude)) are projected once, at load, to the UTM
zone of the plan's centre, or to the CGCS2000 3-degree Gauss-Krüger zone for CGCS2000 input.

A metric CRS is only kept where it measures true: its scale at the plan (pyproj's meridional and
parallel scale factors) must be within :data:`MAX_SCALE_ERROR` of 1, so World Mercator at 60° N,
which doubles every distance, is not a plan CRS there. Coordinates are checked against their CRS
too: degrees in a layer labelled as a projected CRS, or metres in one labelled lon/lat, are
refused with the likely cause.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

import geopandas as gpd
import numpy as np
from pyproj import CRS, Proj, Transformer
from pyproj.exceptions import CRSError, ProjError
from shapely.geometry import Point, box

from spaceplanner.i18n import tx

__all__ = [
    "MAX_PLAN_EXTENT_M",
    "MAX_SCALE_ERROR",
    "MIN_PLAN_EXTENT_M",
    "choose_metric_crs",
    "coordinate_problem",
    "crs_label",
    "gauss_kruger_cgcs2000",
    "in_area_of_use",
    "is_cgcs2000",
    "is_metric",
    "lonlat_bounds",
    "metric_crs_at",
    "parse_crs",
    "scale_error",
]

#: Largest relative error of a distance measured in the plan's CRS (1 %: a 500 m radius off by
#: at most 5 m). UTM and Gauss-Krüger zones stay within 0.1 % across their zones; World and Web
#: Mercator exceed 1 % beyond about 8° of latitude.
MAX_SCALE_ERROR = 0.01
#: A plan narrower than this (m) cannot be a community: its coordinates are in the wrong unit.
MIN_PLAN_EXTENT_M = 10.0
#: A plan wider than this (m) is not one community: some coordinates are wrong.
MAX_PLAN_EXTENT_M = 200_000.0

WEB_MERCATOR = CRS.from_epsg(3857)
#: EPSG code of "CGCS2000 / 3-degree Gauss-Kruger CM 75E"; the zones follow every 3 degrees.
_GK3_FIRST_CODE, _GK3_FIRST_CM, _GK3_LAST_CM = 4534, 75, 135


def parse_crs(value: object) -> CRS:
    """Parse a user-given CRS (``"EPSG:4490"``, ``4490``, WKT, PROJ string).

    Raises
    ------
    ValueError
        When pyproj cannot read it.
    """
    from spaceplanner.layers.chinacrs import offset_system

    system = offset_system(value)
    if system is not None:
        msg = tx(
            "{system} is WGS 84 with the offset Chinese web maps apply, not a CRS: it is taken "
            "as a layer's crs only (the layer is converted to WGS 84 on load)"
        ).format(system=system)
        raise ValueError(msg)
    try:
        return CRS.from_user_input(value)
    except CRSError as exc:
        msg = tx("'{value}' is not a coordinate reference system pyproj knows ({reason})").format(
            value=value, reason=str(exc)
        )
        raise ValueError(msg) from exc


def crs_label(crs: CRS | None) -> str:
    """Return ``EPSG:xxxx`` when the CRS has an EPSG code, else its name."""
    if crs is None:
        return "none"
    code = crs.to_epsg(min_confidence=90)
    return f"EPSG:{code}" if code else crs.name


def is_metric(crs: CRS) -> bool:
    """True for a projected CRS in metres that is fit for measuring (not Web Mercator)."""
    if not crs.is_projected or crs == WEB_MERCATOR:
        return False
    units = {axis.unit_name.lower() for axis in crs.axis_info}
    return units <= {"metre", "meter", "m"}


def is_cgcs2000(crs: CRS) -> bool:
    """True when the CRS is based on the China Geodetic Coordinate System 2000."""
    geodetic = crs.geodetic_crs
    datum = geodetic.datum.name if geodetic is not None and geodetic.datum is not None else ""
    return "China 2000" in datum or "CGCS2000" in datum or crs.to_epsg() == 4490


def gauss_kruger_cgcs2000(lon: float) -> CRS:
    """Return the CGCS2000 3-degree Gauss-Krüger CRS whose zone holds longitude ``lon``."""
    cm = 3 * round(lon / 3)
    cm = min(max(cm, _GK3_FIRST_CM), _GK3_LAST_CM)
    return CRS.from_epsg(_GK3_FIRST_CODE + (cm - _GK3_FIRST_CM) // 3)


def choose_metric_crs(sources: Iterable[tuple[CRS, tuple[float, float, float, float]]]) -> CRS:
    """Choose the metric CRS for layers with the given CRSs and bounds.

    Parameters
    ----------
    sources
        ``(crs, (minx, miny, maxx, maxy))`` of each layer, bounds in that layer's CRS.

    Returns
    -------
    CRS
        The layers' own CRS when all share one metric CRS that measures true where they lie
        (scale error at most :data:`MAX_SCALE_ERROR`); otherwise the CGCS2000 3-degree
        Gauss-Krüger zone when any layer is CGCS2000, else the UTM zone of the centre.

    Raises
    ------
    ValueError
        When the layers cannot be placed on Earth.
    """
    items = list(sources)
    if not items:
        msg = tx("no layers to choose a CRS from")
        raise ValueError(msg)
    crss = {crs for crs, _ in items}
    found = [lonlat_bounds(crs, bounds) for crs, bounds in items]
    only = next(iter(crss)) if len(crss) == 1 else None
    if only is not None and is_metric(only) and any(b is None for b in found):
        return only  # a metric CRS that cannot be placed on Earth: measure in it as given
    if any(b is None for b in found):
        msg = tx("the coordinates cannot be placed on Earth in their CRS")
        raise ValueError(msg)
    centre = gpd.GeoSeries([box(*b) for b in found if b], crs=4326).union_all().centroid
    accurate = only is not None and scale_error(only, centre.x, centre.y) <= MAX_SCALE_ERROR
    if only is not None and is_metric(only) and accurate:
        return only
    return metric_crs_at(centre.x, centre.y, cgcs2000=any(is_cgcs2000(crs) for crs in crss))


def metric_crs_at(lon: float, lat: float, *, cgcs2000: bool = False) -> CRS:
    """The UTM zone of ``(lon, lat)``, or its CGCS2000 3-degree Gauss-Krüger zone."""
    if cgcs2000:
        return gauss_kruger_cgcs2000(lon)
    try:
        utm = gpd.GeoSeries([Point(lon, lat)], crs=4326).estimate_utm_crs()
    except RuntimeError as exc:
        msg = tx("no UTM zone holds ({lon:.6g}, {lat:.6g})").format(lon=lon, lat=lat)
        raise ValueError(msg) from exc
    return CRS.from_user_input(utm)


def lonlat_bounds(
    crs: CRS, bounds: tuple[float, float, float, float]
) -> tuple[float, float, float, float] | None:
    """``bounds`` (in ``crs``) as WGS84 ``(west, south, east, north)``; None when they cannot be
    placed on Earth."""
    if crs.is_geographic:
        lonlat = CRS.from_epsg(4326)
        if crs.equals(lonlat, ignore_axis_order=True) or crs.to_epsg() in {4326, 4490, 4258}:
            west, south, east, north = bounds
            ok = abs(west) <= 180 and abs(east) <= 180 and abs(south) <= 90 and abs(north) <= 90
            return (west, south, east, north) if ok else None
    try:
        to_lonlat = Transformer.from_crs(crs, 4326, always_xy=True)
        out = to_lonlat.transform_bounds(*bounds, densify_pts=5)
    except (ProjError, CRSError, ValueError):
        return None
    if not np.isfinite(out).all():
        return None
    west, south, east, north = (float(v) for v in out)
    return (west, south, east, north)


def in_area_of_use(crs: CRS, lon: float, lat: float, *, margin: float = 0.0) -> bool | None:
    """True when ``(lon, lat)`` lies in the CRS's area of use (widened by ``margin`` degrees);
    None when the CRS declares none."""
    area = crs.area_of_use
    if area is None:
        return None
    west, south, east, north = area.bounds
    if not south - margin <= lat <= north + margin:
        return False
    if west <= east:
        return west - margin <= lon <= east + margin
    return lon >= west - margin or lon <= east + margin  # crosses the antimeridian


def scale_error(crs: CRS, lon: float, lat: float) -> float:
    """Largest relative error of a short distance measured in projected ``crs`` at
    ``(lon, lat)``: the larger of |h - 1| and |k - 1| (meridional and parallel scale factors).
    ``inf`` where the projection cannot measure."""
    try:
        factors = Proj(crs).get_factors(lon, lat)
    except (ProjError, CRSError, RuntimeError, ValueError):
        return math.inf
    h, k = factors.meridional_scale, factors.parallel_scale
    if not (math.isfinite(h) and math.isfinite(k)) or h <= 0 or k <= 0:
        return math.inf
    return max(abs(h - 1), abs(k - 1))


def coordinate_problem(crs: CRS, bounds: tuple[float, float, float, float]) -> str | None:
    """Why coordinates with ``bounds`` cannot be in ``crs``, or None when they can.

    Metres in a geographic CRS fall outside longitude/latitude ranges; degrees in a projected
    CRS (every |x| <= 180, |y| <= 90) land far outside its area of use.
    """
    minx, miny, maxx, maxy = bounds
    if not all(math.isfinite(v) for v in bounds):
        return tx("some coordinates are not finite numbers")
    in_degrees = max(abs(minx), abs(maxx)) <= 180 and max(abs(miny), abs(maxy)) <= 90
    if crs.is_geographic and not in_degrees:
        return tx(
            "coordinates reach ({x}, {y}), outside longitude/latitude "
            "ranges, but the CRS {crs} is lon/lat: they look like metres"
        ).format(
            x=_num(maxx if abs(maxx) > abs(minx) else minx),
            y=_num(maxy if abs(maxy) > abs(miny) else miny),
            crs=crs_label(crs),
        )
    if crs.is_projected and in_degrees:
        box_ = lonlat_bounds(crs, bounds)
        lon = lat = math.nan
        if box_ is not None:
            lon, lat = (box_[0] + box_[2]) / 2, (box_[1] + box_[3]) / 2
        inside = None if box_ is None else in_area_of_use(crs, lon, lat, margin=1.0)
        if inside is False or box_ is None:
            return tx(
                "every coordinate lies within ±180, ±90 ({minx}..{maxx}, "
                "{miny}..{maxy}): they look like degrees, but the CRS "
                "{crs} is projected in metres and its area of use is elsewhere"
            ).format(
                minx=_num(minx),
                maxx=_num(maxx),
                miny=_num(miny),
                maxy=_num(maxy),
                crs=crs_label(crs),
            )
    return None


def _num(value: float) -> str:
    return f"{value:,.6g}"
