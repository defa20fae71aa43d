"""The siting checks 避 avoid, 防 prevent and 让 give way (STANDARDS.md §5), and their effect.

Checks change the numbers, not only the list of warnings: the part of a site inside a hazard zone
of the scenario or the collapse range of a tall building (避), inside the protective distance of
a hazard source (防), or built over (让) is not effective shelter area. A site wholly removed is
ineligible. Removal goes in that order (避, then 防, then 让), so each square metre is counted
once, against the first principle that removes it. Each violation names its rule, principle,
layer, site id, the measured and required values and the source of the rule.

A site's effective area (its ``effective_area`` field, else its own area) shrinks in proportion
to the part of its polygon removed; a point site is ineligible when it lies in a removed zone.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from spaceplanner import settings
from spaceplanner.engine.distance import clip_lines
from spaceplanner.engine.network import WalkNetwork
from spaceplanner.i18n import tx
from spaceplanner.model.plan import Plan
from spaceplanner.model.rules import Profile
from spaceplanner.results.report import DUAL_USE_SUFFIX, Note
from spaceplanner.results.words import hazard_word, phrase, source_word

__all__ = [
    "AVOID",
    "ENTRANCE_KEY_SEP",
    "GIVE_WAY",
    "PREVENT",
    "SENSITIVE_KINDS",
    "SitingResult",
    "check_sites",
    "dual_use_mask",
    "entrance_points",
    "exact_buffer",
    "is_dual_use",
    "route_violations",
]

AVOID, PREVENT, GIVE_WAY = "避", "防", "让"
#: Facility kinds that must stay out of hazard zones (避).
SENSITIVE_KINDS = frozenset(
    {
        "kindergarten",
        "nursery",
        "primary_school",
        "middle_school",
        "elderly_care",
        "clinic",
        "health_centre",
    }
)
#: Entrances are keyed ``"<site_layer>\x1f<site id>"`` (an empty layer: any layer with that id).
ENTRANCE_KEY_SEP = "\x1f"


def exact_buffer(geometry: Any, distance: Any) -> Any:
    """``shapely.buffer`` with enough segments per quarter circle that every chord stays within
    :data:`~spaceplanner.settings.ARC_TOLERANCE_M` of the true arc (32 segments leave 2.4 cm on a
    50 m circle and 48 cm on a 1 km one)."""
    radius = float(np.max(distance)) if np.size(distance) else 0.0
    if radius <= settings.ARC_TOLERANCE_M:
        return shapely.buffer(geometry, distance)
    # sagitta r (1 - cos(pi / (4 q))) <= tolerance
    step = np.arccos(1.0 - settings.ARC_TOLERANCE_M / radius)
    quad_segs = int(np.ceil(np.pi / (4.0 * step)))
    return shapely.buffer(geometry, distance, quad_segs=max(quad_segs, 8))


def is_dual_use(value: object) -> bool:
    """Whether a ``dual_use`` value says yes: only True (or 1); missing means no.

    Layers are read with their yes/no values parsed to booleans; a feature drawn in the desktop
    may have no value at all, which must not count as a shelter.
    """
    return (
        value is True
        or value is np.True_
        or (
            isinstance(value, int | float | np.integer | np.floating)
            and not isinstance(value, bool)
            and value == 1
        )
    )


def dual_use_mask(values: pd.Series) -> np.ndarray:
    """:func:`is_dual_use` of each value."""
    return np.fromiter((is_dual_use(v) for v in values.to_numpy(object)), bool, len(values))


_SECTORS = 4  # entrances count as "from different directions" when in different quadrants
_GONE = 1e-6  # share of a site left below which it is wholly removed


@dataclass
class SitingResult:
    """Per site: what is left, what each principle removed, and the violations found."""

    remaining_share: np.ndarray
    removed_share: dict[str, np.ndarray]
    violations: list[dict[str, Any]] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)

    @property
    def eligible(self) -> np.ndarray:
        """Sites with something left."""
        return self.remaining_share > _GONE


def _height(frame: gpd.GeoDataFrame, profile: Profile) -> np.ndarray:
    height = frame["height"].to_numpy(float) if "height" in frame else np.full(len(frame), np.nan)
    floors = frame["floors"].to_numpy(float) if "floors" in frame else np.full(len(frame), np.nan)
    return np.where(np.isnan(height), floors * profile.siting("floor_height_m").value, height)


def _tall_buildings(plan: Plan, profile: Profile) -> gpd.GeoDataFrame:
    frames = [
        b.frame.assign(layer=b.name) for b in plan.by_role("buildings") if b.frame is not None
    ]
    if not frames:
        return gpd.GeoDataFrame(columns=["layer", "id", "height", "geometry"], crs=plan.crs)
    allb = gpd.GeoDataFrame(
        gpd.pd.concat(frames, ignore_index=True), geometry="geometry", crs=plan.crs
    )
    allb["height"] = _height(allb, profile)
    tall = allb[allb["height"] > profile.siting("tall_building_m").value]
    return tall[["layer", "id", "height", "geometry"]]


def _violation(
    rule: str,
    principle: str,
    site: dict[str, Any],
    measured: float,
    required: float,
    message: str,
    source: str,
    **extra: Any,
) -> dict[str, Any]:
    return {
        **{k: site[k] for k in ("_site", "_geometry") if k in site},
        "rule": rule,
        "principle": principle,
        "layer": site["layer"],
        "id": site["id"],
        "name": site.get("name"),
        "measured": round(float(measured), 3),
        "required": round(float(required), 3),
        "message": message,
        "source": phrase(source),
        **extra,
    }


def _source_zones(plan: Plan, profile: Profile, notes: list[Note]) -> list[dict[str, Any]]:
    """Protective zones around hazard sources: buffer geometry, distance and its source."""
    zones = []
    for layer in plan.by_role("hazard_sources"):
        assert layer.frame is not None
        for row in layer.frame.itertuples(index=False):
            kind = str(row.kind)
            geom = row.geometry
            if kind == "hv_line":
                voltage = getattr(row, "voltage", np.nan)
                rule = profile.hv_band(float(voltage)) if voltage == voltage else None
                if rule is None:
                    levels = profile.data.get("siting", {}).get("hv_band_m", {})
                    widest = max(levels, key=float)
                    rule = profile.hv_band(float(widest))
                    notes.append(
                        Note(
                            "hv_voltage_unknown",
                            tx(
                                "HV line {layer}/{id}: voltage {voltage}; the widest band "
                                "({widest} kV) is used"
                            ).format(
                                layer=layer.name,
                                id=row.id,
                                voltage=tx("unknown") if voltage != voltage else f"{voltage:g} kV",
                                widest=widest,
                            ),
                        )
                    )
            else:
                rule = profile.protective_distance(kind)
                if rule is None:
                    notes.append(
                        Note(
                            "hazard_source_unrated",
                            tx(
                                "hazard source kind '{kind}' ({layer}/{id}) has no protective "
                                "distance in profile '{profile}': not checked (add "
                                "siting.protective_distance_m.{kind})"
                            ).format(kind=kind, layer=layer.name, id=row.id, profile=profile.name),
                        )
                    )
                    continue
            assert rule is not None
            zones.append(
                {
                    "layer": layer.name,
                    "id": str(row.id),
                    "kind": kind,
                    "geometry": geom,
                    "zone": exact_buffer(geom, rule.value),
                    "distance": rule.value,
                    "source": rule.source,
                }
            )
    return zones


@dataclass
class SitingPrep:
    """What the checks read from the plan whatever the sites: the tall buildings and their
    collapse ranges, the hazard sources' protective zones (and the notes about them), and each
    building layer's footprints with their spatial index. Made once for many checks of the same
    plan (a site dragged across the map)."""

    tall: gpd.GeoDataFrame
    collapse: np.ndarray
    collapse_tree: shapely.STRtree
    source_zones: list[dict[str, Any]]
    source_notes: list[Note]
    buildings: list[tuple[str, np.ndarray, shapely.STRtree]]


def prepare_siting(plan: Plan, profile: Profile) -> SitingPrep:
    """The site-independent inputs of :func:`check_sites` for ``plan`` under ``profile``."""
    tall = _tall_buildings(plan, profile)
    ratio = profile.siting("collapse_height_ratio")
    collapse = exact_buffer(tall.geometry.to_numpy(), ratio.value * tall["height"].to_numpy(float))
    notes: list[Note] = []
    zones = _source_zones(plan, profile, notes)
    buildings = []
    for blayer in plan.by_role("buildings"):
        assert blayer.frame is not None
        bgeoms = blayer.frame.geometry.to_numpy()
        buildings.append((blayer.name, bgeoms, shapely.STRtree(bgeoms)))
    return SitingPrep(
        tall, np.asarray(collapse), shapely.STRtree(collapse), zones, notes, buildings
    )


def check_sites(
    plan: Plan,
    profile: Profile,
    sites: gpd.GeoDataFrame,
    hazard_zones: gpd.GeoDataFrame,
    *,
    network: WalkNetwork | None = None,
    entrances: dict[str, np.ndarray] | None = None,
    prepared: SitingPrep | None = None,
) -> SitingResult:
    """Run the 避/防/让 checks on ``sites``.

    Parameters
    ----------
    plan, profile
        The plan (buildings, hazard sources, network) and the rule profile.
    sites
        Columns ``layer``, ``id``, ``name``, ``use`` (``shelter``, ``dual_use`` or ``sensitive``),
        ``class`` (shelters) and geometry, in the plan's CRS.
    hazard_zones
        The scenario's hazard zones (:func:`spaceplanner.engine.hazards.hazard_zones`).
    network, entrances
        For counting the directions a shelter is entered from.
    prepared
        The plan's site-independent inputs (:func:`prepare_siting`), when made already.
    """
    prep = prepared if prepared is not None else prepare_siting(plan, profile)
    n = len(sites)
    notes: list[Note] = []
    geoms = sites.geometry.to_numpy()
    area0 = shapely.area(geoms)
    polygonal = area0 > 0
    current = geoms.copy()
    removed = {p: np.zeros(n) for p in (AVOID, PREVENT, GIVE_WAY)}
    ineligible_by: dict[int, str] = {}
    violations: list[dict[str, Any]] = []
    # the sites' attributes as dicts, column by column (a DataFrame's to_dict costs more than
    # the checks of one dragged site)
    columns = [c for c in sites.columns if c != sites.geometry.name]
    values = [sites[c].tolist() for c in columns]
    records = [dict(zip(columns, row, strict=True)) for row in zip(*values, strict=True)]
    if not columns:
        records = [{} for _ in range(len(sites))]
    for number, rec in enumerate(records):
        rec["_site"] = number

    def cut(i: Any, zone: shapely.Geometry, principle: str) -> float:
        """Remove ``zone`` from site ``i``; return the share of the site it took."""
        if not polygonal[i]:
            if i not in ineligible_by and shapely.intersects(zone, geoms[i]):
                ineligible_by[i] = principle
                return 1.0
            return 0.0
        before = shapely.area(current[i])
        current[i] = shapely.difference(current[i], zone)
        share = (before - shapely.area(current[i])) / area0[i]
        removed[principle][i] += share
        return share

    # 避: hazard zones of the scenario, then the collapse range of tall buildings
    tall = prep.tall
    ratio = profile.siting("collapse_height_ratio")
    for z in hazard_zones.itertuples(index=False):
        for i in np.flatnonzero(shapely.intersects(geoms, z.geometry)):
            inside = (
                shapely.area(shapely.intersection(geoms[i], z.geometry)) / area0[i]
                if polygonal[i]
                else 1.0
            )
            cut(i, z.geometry, AVOID)
            whole = inside >= 1 - _GONE
            violations.append(
                _violation(
                    "avoid.hazard_zone",
                    AVOID,
                    records[i],
                    inside,
                    0.0,
                    (
                        tx(
                            "{share:.0%} of the site lies in the {hazard} zone ({layer}); "
                            "the site is ineligible"
                        )
                        if whole
                        else tx(
                            "{share:.0%} of the site lies in the {hazard} zone ({layer}); "
                            "that part is not counted"
                        )
                    ).format(share=inside, hazard=hazard_word(z.hazard), layer=z.layer),
                    tx("GB 21734-2008 §5.2.1; general code §4.1.2"),
                    hazard=z.hazard,
                    _zone=z.geometry,
                    _source=(z.layer, None),
                )
            )
    collapse = prep.collapse
    site_of, zone_of = prep.collapse_tree.query(geoms, predicate="intersects")
    for j in np.lexsort((site_of, zone_of)):  # by building, then by site
        b, i = int(zone_of[j]), site_of[j]
        zone = collapse[b]
        gap = float(shapely.distance(geoms[i], tall.geometry.iloc[b]))
        reach = ratio.value * float(tall["height"].iloc[b])
        cut(i, zone, AVOID)
        violations.append(
            _violation(
                "avoid.collapse_range",
                AVOID,
                records[i],
                gap,
                reach,
                tx(
                    "{gap:.1f} m from building {id} ({height:g} m tall), inside its "
                    "collapse range of {reach:.1f} m"
                ).format(
                    gap=gap, id=tall["id"].iloc[b], height=tall["height"].iloc[b], reach=reach
                ),
                tx("GB 21734-2008 §5.2.4; {source}").format(source=phrase(ratio.source)),
                _zone=zone,
                _source=(tall["layer"].iloc[b], str(tall["id"].iloc[b])),
            )
        )

    # 防: protective distances around hazard sources (shelters and dual-use spaces lose area;
    # sensitive facilities are flagged)
    notes += prep.source_notes
    for z in prep.source_zones:
        for i in np.flatnonzero(shapely.intersects(geoms, z["zone"])):
            gap = float(shapely.distance(geoms[i], z["geometry"]))
            cut(i, z["zone"], PREVENT)
            crossing = z["kind"] == "pipeline" and shapely.intersects(geoms[i], z["geometry"])
            violations.append(
                _violation(
                    "prevent.pipeline_crossing" if crossing else f"prevent.{z['kind']}",
                    PREVENT,
                    records[i],
                    gap,
                    z["distance"],
                    (
                        tx("pipeline {id} crosses the site").format(id=z["id"])
                        if crossing
                        else tx(
                            "{gap:.1f} m from {kind} {id}, closer than {distance:g} m; the part "
                            "inside is not counted"
                        ).format(
                            gap=gap, kind=source_word(z["kind"]), id=z["id"], distance=z["distance"]
                        )
                    ),
                    z["source"],
                    source_id=z["id"],
                    _zone=z["zone"],
                    _source=(z["layer"], z["id"]),
                )
            )

    # 让: shelter grounds and dual-use spaces stay unbuilt
    for blayer_name, bgeoms, btree in prep.buildings:
        s_idx, b_idx = btree.query(geoms, predicate="intersects")
        for i in np.unique(s_idx):
            if records[i]["use"] == "sensitive" or not polygonal[i]:
                continue
            built = shapely.union_all(bgeoms[b_idx[s_idx == i]])
            area = float(shapely.area(shapely.intersection(geoms[i], built)))
            if area <= 0:
                continue
            cut(i, built, GIVE_WAY)
            violations.append(
                _violation(
                    "give_way.unbuilt",
                    GIVE_WAY,
                    records[i],
                    area,
                    0.0,
                    tx(
                        "{area:,.0f} m² of buildings ({layer}) stand on the site; not counted"
                    ).format(area=area, layer=blayer_name),
                    tx(
                        "STANDARDS.md §5 让: shelter grounds and designated open space stay unbuilt"
                    ),
                    _zone=built,
                    _source=(blayer_name, None),
                )
            )
    violations += _entrance_checks(sites, records, profile, network, entrances or {})
    for v in violations:  # kept for the violations layers of the exports (not in report.json)
        v["_geometry"] = geoms[v["_site"]]

    share_left = np.where(polygonal, shapely.area(current) / np.where(polygonal, area0, 1), 1.0)
    for j, principle in ineligible_by.items():
        removed[principle][j] = 1.0
        share_left[j] = 0.0
    share_left[share_left < _GONE] = 0.0
    return SitingResult(share_left, removed, violations, notes)


def entrance_points(
    entrances: dict[str, np.ndarray], layer: str, site_id: str
) -> np.ndarray | None:
    """The entrance coordinates of site ``site_id`` of ``layer``, or None when it has none.

    Entrances that name the site's layer and those that name only the id both count (a
    dual-use space is found under its activity-space layer).
    """
    base = layer.removesuffix(DUAL_USE_SUFFIX)
    found = [
        entrances[key]
        for key in (f"{base}{ENTRANCE_KEY_SEP}{site_id}", f"{ENTRANCE_KEY_SEP}{site_id}")
        if key in entrances
    ]
    return np.concatenate(found) if found else None


def _direction_sectors(site: shapely.Geometry, points: np.ndarray) -> int:
    """How many of the four sides (N, E, S, W) of ``site`` the access ``points`` come from.

    An access's direction is the outward one: from the nearest point of the site to it (from
    the centre when it lies on the site).
    """
    if len(points) == 0:
        return 0
    pts = shapely.points(points)
    near = shapely.get_coordinates(shapely.get_point(shapely.shortest_line(site, pts), 0))
    vec = points - near
    on_site = np.hypot(vec[:, 0], vec[:, 1]) < 1e-9
    centre = shapely.get_coordinates(shapely.centroid(site))[0]
    vec[on_site] = points[on_site] - centre
    angle = np.arctan2(vec[:, 1], vec[:, 0])
    sector = np.floor(((angle + np.pi / 4) % (2 * np.pi)) / (np.pi / 2)).astype(int) % 4
    return len(np.unique(sector))


def _network_accesses(site: shapely.Geometry, network: WalkNetwork, tol: float) -> np.ndarray:
    """Where the network reaches a polygon site: for each segment within the tolerance, its
    nearest point to the site, or, for a segment that runs onto the site, its ends off it."""
    # Only directions are read from this, so a coarse zone (metre precision) does.
    zone = shapely.simplify(shapely.buffer(site, tol, quad_segs=2), 1.0)
    idx = network.tree.query(zone, predicate="intersects")
    pieces = clip_lines(network.segments[idx], np.full(idx.size, zone, dtype=object))
    pieces = pieces[~shapely.is_empty(pieces)]
    onto = shapely.intersects(pieces, site)
    near = shapely.get_point(shapely.shortest_line(pieces[~onto], site), 0)
    ends = (
        np.concatenate([shapely.get_point(pieces[onto], 0), shapely.get_point(pieces[onto], -1)])
        if onto.any()
        else np.empty(0, object)
    )
    ends = ends[~shapely.intersects(ends, site)] if len(ends) else ends
    return shapely.get_coordinates(np.concatenate([near, ends]))


def _entrance_checks(
    sites: gpd.GeoDataFrame,
    records: list[dict[str, Any]],
    profile: Profile,
    network: WalkNetwork | None,
    entrances: dict[str, np.ndarray],
) -> list[dict[str, Any]]:
    """Shelters are entered from enough sides (N, E, S, W): by their entrances, else where the
    network reaches them."""
    out: list[dict[str, Any]] = []
    if network is None and not entrances:
        return out
    tol = profile.entrance_tolerance.value
    for i, rec in enumerate(records):
        if rec["use"] == "sensitive":
            continue
        geom = sites.geometry.iloc[i]
        gates = entrance_points(entrances, str(rec["layer"]), str(rec["id"]))
        if gates is not None:
            points = np.asarray(gates, dtype=float).reshape(-1, 2)
            what = tx("entrances from {sectors} side(s); {need:g} needed")
        elif network is not None and shapely.area(geom) > 0:
            points = _network_accesses(geom, network, tol)
            what = tx("access routes from {sectors} side(s); {need:g} needed")
        else:
            continue
        sectors = _direction_sectors(geom, points)
        need = profile.required_entrances(str(rec.get("class") or "default"))
        if sectors < need.value:
            out.append(
                _violation(
                    "give_way.entrances",
                    GIVE_WAY,
                    rec,
                    sectors,
                    need.value,
                    what.format(sectors=sectors, need=need.value),
                    need.source,
                )
            )
    return out


def route_violations(plan: Plan, profile: Profile) -> list[dict[str, Any]]:
    """让 on evacuation routes: the clear width is free of buildings and of tall buildings' debris.

    A network line with ``evacuation`` true is an evacuation route of class ``route_class``
    (``emergency`` when not given): no building footprint may stand within half its required
    width of the centre line, and no tall building's collapse range may reach it.
    """
    out: list[dict[str, Any]] = []
    buildings = [b for b in plan.by_role("buildings") if b.frame is not None]
    if not buildings:
        return out
    footprints = np.concatenate([b.frame.geometry.to_numpy() for b in buildings])  # type: ignore[union-attr]
    ids = np.concatenate([b.frame["id"].astype(str).to_numpy() for b in buildings])  # type: ignore[index]
    tree = shapely.STRtree(footprints)
    tall = _tall_buildings(plan, profile)
    ratio = profile.siting("collapse_height_ratio")
    debris = exact_buffer(tall.geometry.to_numpy(), ratio.value * tall["height"].to_numpy(float))
    for layer in plan.by_role("network"):
        frame = layer.frame
        if frame is None or "evacuation" not in frame:
            continue
        routes = frame[frame["evacuation"].astype(bool)]
        for row in routes.itertuples(index=False):
            route_class = str(getattr(row, "route_class", None) or "emergency")
            need = profile.evacuation_width(route_class) or profile.evacuation_width("emergency")
            assert need is not None
            site = {
                "layer": layer.name,
                "id": str(row.id),
                "name": getattr(row, "name", None),
                "_geometry": row.geometry,
            }
            blocking = tree.query(row.geometry, predicate="dwithin", distance=need.value / 2)
            if blocking.size:
                gap = float(shapely.distance(row.geometry, footprints[blocking]).min())
                out.append(
                    _violation(
                        "give_way.evacuation_width",
                        GIVE_WAY,
                        site,
                        2 * gap,
                        need.value,
                        tx(
                            "buildings {ids} stand within the clear width of {need:g} m "
                            "({left:.1f} m left)"
                        ).format(ids=", ".join(ids[blocking][:3]), need=need.value, left=2 * gap),
                        need.source,
                        _source=(", ".join(b.name for b in buildings), None),
                    )
                )
            hit = np.flatnonzero(shapely.intersects(debris, row.geometry))
            for b in hit:
                out.append(
                    _violation(
                        "give_way.debris_zone",
                        GIVE_WAY,
                        site,
                        float(shapely.distance(row.geometry, tall.geometry.iloc[b])),
                        ratio.value * float(tall["height"].iloc[b]),
                        tx("within the collapse range of building {id} ({height:g} m tall)").format(
                            id=tall["id"].iloc[b], height=tall["height"].iloc[b]
                        ),
                        tx("STANDARDS.md §1 collapse zone; {source}").format(
                            source=phrase(ratio.source)
                        ),
                        _zone=debris[b],
                        _source=(tall["layer"].iloc[b], str(tall["id"].iloc[b])),
                    )
                )
    return out
