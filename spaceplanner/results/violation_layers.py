"""The 避/防/让 violations as map layers: where each one is, what it comes from, what it removed.

Each :class:`~spaceplanner.results.report.Violation` keeps, beside its figures, the geometry of
the site (or route) it is about, the zone it meets (the hazard zone, the collapse range, the
protective band around a hazard source, the buildings standing on the site) and the layer and id
of its cause. :func:`violation_layers` turns them into three layers joined by ``violation`` (a
number):

- ``violations``: one feature per violation with the site's geometry and its figures;
- ``violation_zones``: the zone or band the violation meets (absent for entrance counts);
- ``violation_removed``: the part of the site inside that zone, with its area (``removed_m2``).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import geopandas as gpd
import shapely

from spaceplanner.results.report import Violation

__all__ = ["PRINCIPLE_KEYS", "violation_layers"]

#: Field suffixes of the three principles in exported layers.
PRINCIPLE_KEYS = {"避": "avoid", "防": "prevent", "让": "giveway"}

_COLUMNS = [
    "violation",
    "rule",
    "principle",
    "principle_en",
    "layer",
    "id",
    "name",
    "measured",
    "required",
    "source_layer",
    "source_id",
    "hazard",
    "removed_m2",
    "message",
    "source",
]


def _polygonal(geometry: Any) -> Any:
    """The polygons of ``geometry`` (an intersection may add stray lines or points)."""
    if shapely.get_type_id(geometry) != 7:  # not a GeometryCollection
        return geometry if shapely.area(geometry) > 0 or shapely.is_empty(geometry) else None
    parts = [g for g in shapely.get_parts(geometry) if shapely.area(g) > 0]
    return shapely.union_all(parts) if parts else None


def violation_layers(violations: Iterable[Violation], crs: Any) -> dict[str, gpd.GeoDataFrame]:
    """The ``violations``, ``violation_zones`` and ``violation_removed`` layers (see the module)."""
    rows, zones, removed = [], [], []
    for number, v in enumerate(violations, start=1):
        site = v.geometry
        zone = v.zone
        source_layer, source_id = v.cause or (None, None)
        part = None
        if zone is not None and site is not None and shapely.area(site) > 0:
            part = _polygonal(shapely.intersection(site, zone))
        row = {
            "violation": number,
            "rule": v.rule,
            "principle": v.principle,
            "principle_en": PRINCIPLE_KEYS.get(v.principle, v.principle),
            "layer": v.site.layer_label,
            "id": v.site.feature,
            "name": v.name,
            "measured": v.measured,
            "required": v.required,
            "source_layer": source_layer,
            "source_id": v.details.get("source_id", source_id),
            "hazard": v.details.get("hazard"),
            "removed_m2": float(shapely.area(part)) if part is not None else 0.0,
            "message": v.message,
            "source": v.source,
        }
        rows.append((row, site))
        key = {k: row[k] for k in ("violation", "rule", "principle_en", "layer", "id")}
        if zone is not None:
            source = {"source_layer": source_layer, "source_id": row["source_id"]}
            zones.append(({**key, **source}, zone))
        if part is not None and not shapely.is_empty(part):
            removed.append(({**key, "removed_m2": row["removed_m2"]}, part))

    def frame(items: list[tuple[dict[str, Any], Any]], columns: list[str]) -> gpd.GeoDataFrame:
        return gpd.GeoDataFrame(
            [r for r, _ in items], columns=columns, geometry=[g for _, g in items], crs=crs
        )

    key_cols = ["violation", "rule", "principle_en", "layer", "id"]
    return {
        "violations": frame(rows, _COLUMNS),
        "violation_zones": frame(zones, [*key_cols, "source_layer", "source_id"]),
        "violation_removed": frame(removed, [*key_cols, "removed_m2"]),
    }
