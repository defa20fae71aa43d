"""Coordinate reference systems: parsing, and choosing the metric CRS a plan works in.

Geometry work happens in one projected metric CRS per plan. Geographic input (WGS84, CGCS2000)
and Web Mercator (whose scale is off by 1/cos(latitude)) are projected once, at load, to the UTM
zone of the plan's centre, or to the CGCS2000 3-degree Gauss-Krüger zone for CGCS2000 input.
"""

from __future__ import annotations

from collections.abc import Iterable

import geopandas as gpd
from pyproj import CRS
from pyproj.exceptions import CRSError
from shapely.geometry import box

__all__ = [
    "choose_metric_crs",
    "crs_label",
    "gauss_kruger_cgcs2000",
    "is_cgcs2000",
    "is_metric",
    "parse_crs",
]

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
    try:
        return CRS.from_user_input(value)
    except CRSError as exc:
        msg = f"'{value}' is not a coordinate reference system pyproj knows ({exc})"
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
        The layers' own CRS when all share one metric CRS; otherwise the CGCS2000 3-degree
        Gauss-Krüger zone when any layer is CGCS2000, else the UTM zone of the centre of all layers.
    """
    items = list(sources)
    if not items:
        msg = "no layers to choose a CRS from"
        raise ValueError(msg)
    crss = {crs for crs, _ in items}
    if len(crss) == 1:
        only = next(iter(crss))
        if is_metric(only):
            return only
    boxes = [gpd.GeoSeries([box(*bounds)], crs=crs).to_crs(4326).iloc[0] for crs, bounds in items]
    centre = gpd.GeoSeries(boxes, crs=4326).union_all().centroid
    if any(is_cgcs2000(crs) for crs in crss):
        return gauss_kruger_cgcs2000(centre.x)
    utm = gpd.GeoSeries([centre], crs=4326).estimate_utm_crs()
    return CRS.from_user_input(utm)
