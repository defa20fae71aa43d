"""What changed on the map between a kept moment and now: the data a map draws for a comparison.

:func:`~spaceplanner.results.compare.compare` says how the figures changed; this module says
where. For one indicator, the residents whose served state flipped (newly served, newly
unserved); the sites (shelters, activity spaces, facilities) added, removed or moved between the
two plans, each with its old and new geometry; and the violations that appeared or went, with
their sites. It is plain data (GeoDataFrames and shapely geometries in the plan's CRS), read by
the desktop's map and testable without Qt.

A resident is *served* by an indicator when the report lists it among the residents and not
among that indicator's uncovered residents (the map's own definition: for shelters, a resident
is unserved while any of its persons has no place). Residents are matched by layer and id; a
resident in only one of the two reports (added or deleted) did not flip.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import geopandas as gpd
import shapely

from spaceplanner.model.plan import Plan
from spaceplanner.results.compare import Comparison
from spaceplanner.results.report import Report, Violation, marker_point

__all__ = [
    "SITE_ROLES",
    "MapChanges",
    "ResidentFlips",
    "SiteChange",
    "map_changes",
    "served_keys",
    "site_changes",
    "site_frames",
]

#: The roles whose features are the plan's sites (what a planner adds, removes and moves).
SITE_ROLES = ("shelters", "activity_spaces", "facilities")

_Key = tuple[str, str]


def site_frames(plan: Plan) -> dict[str, gpd.GeoDataFrame]:
    """The plan's site layers as they are now, by layer name: ``id`` and geometry.

    Commands never change a frame in place (an edit sets a new one), so keeping the result keeps
    this moment of the plan without a copy.
    """
    out: dict[str, gpd.GeoDataFrame] = {}
    for name, layer in plan.layers.items():
        frame = layer.frame
        if layer.role in SITE_ROLES and frame is not None and "id" in frame.columns:
            out[name] = frame
    return out


@dataclass(frozen=True)
class SiteChange:
    """A site added, removed or moved (or reshaped) between the two plans.

    ``before`` is None for an added site, ``after`` for a removed one.
    """

    kind: str  # "added", "removed" or "moved"
    layer: str
    feature: str
    before: Any
    after: Any

    @property
    def shift(self) -> Any | None:
        """For a moved site, the line from where it was marked to where it is marked now
        (:func:`~spaceplanner.results.report.marker_point`); None when not moved or when the
        mark did not move (a site reshaped about its middle)."""
        if self.kind != "moved":
            return None
        a, b = marker_point(self.before), marker_point(self.after)
        if a is None or b is None or shapely.equals(a, b):
            return None
        return shapely.linestrings([a.coords[0], b.coords[0]])


def _ids_geoms(frame: gpd.GeoDataFrame) -> dict[str, Any]:
    return dict(zip(frame["id"].astype(str), frame.geometry.values, strict=True))


def site_changes(
    before: Mapping[str, gpd.GeoDataFrame], after: Mapping[str, gpd.GeoDataFrame]
) -> tuple[SiteChange, ...]:
    """The sites added, removed and moved from ``before`` to ``after`` (:func:`site_frames` of
    the two moments), by layer and id, in layer order then id order."""
    out: list[SiteChange] = []
    for name in dict.fromkeys([*before, *after]):
        old = _ids_geoms(before[name]) if name in before else {}
        new = _ids_geoms(after[name]) if name in after else {}
        for fid in sorted(set(old) | set(new)):
            a, b = old.get(fid), new.get(fid)
            if a is None and b is not None:
                out.append(SiteChange("added", name, fid, None, b))
            elif b is None and a is not None:
                out.append(SiteChange("removed", name, fid, a, None))
            elif a is not b and a is not None and not shapely.equals_exact(a, b, tolerance=1e-6):
                out.append(SiteChange("moved", name, fid, a, b))
    return tuple(out)


def served_keys(report: Report, indicator: str) -> set[_Key] | None:
    """The residents ``(layer, id)`` the report counts as served by ``indicator`` (``shelter``,
    ``space_5min``, a facility kind); None when the report does not assess it."""
    residents = report.layers.get("residents")
    if residents is None or f"ok_{indicator}" not in residents.columns:
        return None
    uncovered = report.layers.get("uncovered_residents")
    everyone = set(zip(residents["layer"].astype(str), residents["id"].astype(str), strict=True))
    if uncovered is None or not len(uncovered):
        return everyone
    mine = uncovered[uncovered["indicator"] == indicator]
    return everyone - set(zip(mine["layer"].astype(str), mine["id"].astype(str), strict=True))


@dataclass(frozen=True)
class ResidentFlips:
    """The residents whose served state for ``indicator`` flipped (as the current report has
    them: ``layer``, ``id``, ``population`` and the point)."""

    indicator: str
    served: gpd.GeoDataFrame
    unserved: gpd.GeoDataFrame


def _flips(before: Report, after: Report, indicator: str) -> ResidentFlips:
    residents = after.layers.get("residents")
    crs = residents.crs if residents is not None else None
    empty = gpd.GeoDataFrame({"layer": [], "id": [], "population": []}, geometry=[], crs=crs)
    was, now = served_keys(before, indicator), served_keys(after, indicator)
    if residents is None or was is None or now is None:
        return ResidentFlips(indicator, empty, empty)
    old = before.layers["residents"]
    common = set(zip(old["layer"].astype(str), old["id"].astype(str), strict=True))
    keys = list(zip(residents["layer"].astype(str), residents["id"].astype(str), strict=True))
    gained = [k in now and k not in was and k in common for k in keys]
    lost = [k in was and k not in now for k in keys]
    columns = ["layer", "id", "population", residents.geometry.name]
    return ResidentFlips(
        indicator,
        residents.loc[gained, columns].reset_index(drop=True),
        residents.loc[lost, columns].reset_index(drop=True),
    )


@dataclass(frozen=True)
class MapChanges:
    """What a comparison shows on a map (see the module docstring)."""

    comparison: Comparison
    sites: tuple[SiteChange, ...]
    _flips: dict[str, ResidentFlips] = field(default_factory=dict, repr=False, compare=False)

    @property
    def violations_added(self) -> tuple[Violation, ...]:
        return self.comparison.violations_added

    @property
    def violations_removed(self) -> tuple[Violation, ...]:
        return self.comparison.violations_removed

    def residents(self, indicator: str) -> ResidentFlips:
        """The residents whose served state for ``indicator`` flipped (computed once)."""
        if indicator not in self._flips:
            self._flips[indicator] = _flips(
                self.comparison.before, self.comparison.after, indicator
            )
        return self._flips[indicator]

    def sites_of(self, kind: str) -> list[SiteChange]:
        """The site changes of one kind (``added``, ``removed``, ``moved``)."""
        return [s for s in self.sites if s.kind == kind]


def map_changes(
    comparison: Comparison,
    sites_before: Mapping[str, gpd.GeoDataFrame] | None = None,
    sites_after: Mapping[str, gpd.GeoDataFrame] | None = None,
) -> MapChanges:
    """The map's view of ``comparison``: with the site layers of the two moments
    (:func:`site_frames`), also the sites added, removed and moved."""
    sites = (
        site_changes(sites_before, sites_after)
        if sites_before is not None and sites_after is not None
        else ()
    )
    return MapChanges(comparison, sites)
