"""A plan from an OpenStreetMap extract: network, sites, hazard sources, buildings, residents.

:func:`build_osm_plan` reads the extract once (:mod:`spaceplanner.sources.osm_read`), sorts its
objects into plan layers by the tag mapping (:mod:`spaceplanner.sources.osm_tags`, the ``[osm]``
section of ``layers/sources.toml``), takes residents from a population grid or raster
(:mod:`spaceplanner.sources.population`) or estimates them from the buildings, and returns an
ordinary :class:`~spaceplanner.model.plan.Plan`; :func:`create_osm_plan` also saves it with the
plan file writer (atomically: a failed build leaves no file).
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from pyproj import CRS
from scipy.sparse.csgraph import connected_components

from spaceplanner.feedback import Feedback
from spaceplanner.i18n import tx
from spaceplanner.layers.crs import choose_metric_crs, crs_label, is_metric, parse_crs
from spaceplanner.layers.errors import LayerError, PlanError
from spaceplanner.layers.problems import Problem
from spaceplanner.layers.readers import read_vector
from spaceplanner.model.plan_core import Plan, PlanLayer
from spaceplanner.sources import population as pop
from spaceplanner.sources.osm_read import OsmData, read_extract
from spaceplanner.sources.osm_tags import OsmTags, Rule, load_tags

__all__ = ["OsmPlan", "build_osm_plan", "create_osm_plan", "parse_bbox"]

#: Share of the boundary's area that may lie outside the extract's extent (edge rounding).
MAX_UNCOVERED_SHARE = 0.01
#: Islands of the walking network listed by name in the note (the rest are counted).
ISLANDS_LISTED = 5


@dataclass
class OsmPlan:
    """A plan built from an extract, with what the build found and did."""

    plan: Plan
    #: Notes and warnings of the build (islands, estimated residents, objects left out).
    problems: list[Problem] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        """Features per layer (rasters: 0)."""
        return {lyr.name: lyr.feature_count for lyr in self.plan}


def parse_bbox(text: str) -> tuple[float, float, float, float]:
    """Parse ``W,S,E,N`` in degrees (WGS 84).

    Raises
    ------
    PlanError
        When it is not four numbers, or not a box on the globe.
    """
    parts = [p.strip() for p in str(text).split(",")]
    try:
        west, south, east, north = (float(p) for p in parts)
    except ValueError as exc:
        msg = tx("--bbox must be four numbers W,S,E,N in degrees, not '{text}'").format(text=text)
        hint = tx("e.g. --bbox 24.935,60.164,24.953,60.179")
        raise PlanError(msg, field="--bbox", hint=hint) from exc
    if not (-180 <= west < east <= 180 and -90 <= south < north <= 90):
        msg = tx("--bbox {text} is not a box W,S,E,N in degrees (W < E, S < N)").format(text=text)
        raise PlanError(msg, field="--bbox", hint=tx("longitudes first: W,S,E,N"))
    return west, south, east, north


def _read_boundary(path: Path, layer: str | None) -> shapely.Geometry:
    """The boundary file's polygons, united, in WGS 84."""
    source = read_vector(path, label="boundary", layer=layer)
    frame = source.frame
    if frame.crs is None:
        msg = tx("the boundary file has no CRS")
        raise LayerError(
            msg, file=str(path), layer="boundary", hint=tx("save it with a .prj / in a GeoPackage")
        )
    polygons = frame[frame.geometry.geom_type.isin(["Polygon", "MultiPolygon"])]
    if polygons.empty:
        msg = tx("the boundary file holds no polygon")
        raise LayerError(
            msg, file=str(path), layer="boundary", hint=tx("give the area as a polygon")
        )
    geom = shapely.union_all(shapely.make_valid(polygons.to_crs("EPSG:4326").geometry.values))
    if geom.is_empty:
        msg = tx("the boundary polygons are empty")
        raise LayerError(
            msg, file=str(path), layer="boundary", hint=tx("give the area as a polygon")
        )
    return geom


def _metric_crs(crs: str | CRS | None, area: shapely.Geometry) -> CRS:
    if crs is None:
        return choose_metric_crs([(CRS.from_epsg(4326), area.bounds)])
    try:
        target = parse_crs(crs)
    except ValueError as exc:
        raise PlanError(
            exc.args[0] if exc.args else str(exc), field="--crs", hint=tx("e.g. --crs EPSG:32632")
        ) from exc
    if not is_metric(target):
        msg = tx("--crs {crs} is not a projected CRS in metres").format(crs=crs)
        raise PlanError(
            msg, field="--crs", hint=tx("choose a UTM or national grid, e.g. EPSG:32632")
        )
    return target


def _temporary_folder() -> Path:
    """A temporary folder removed when the process exits (for a build given no workdir)."""
    folder = Path(tempfile.mkdtemp(prefix="spaceplanner-osm-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    return folder


#: The sides of the sidewalk:<side>=* tagging.
SIDEWALK_SIDES = ("both", "left", "right")


def _check_covered(area: shapely.Geometry, data: OsmData, extract: Path, metric: CRS) -> None:
    box = shapely.box(*data.box)
    outside = gpd.GeoSeries([area.difference(box), area], crs="EPSG:4326").to_crs(metric).area
    share = float(outside.iloc[0] / outside.iloc[1]) if outside.iloc[1] > 0 else 1.0
    if share > MAX_UNCOVERED_SHARE:
        w, s, e, n = data.box
        msg = tx(
            "the extract does not cover the plan's area: {share:.0%} of it lies outside the "
            "extract's extent {extent}"
        ).format(share=share, extent=f"{w:.4f},{s:.4f},{e:.4f},{n:.4f}")
        hint = tx("use an extract that covers the area, or a smaller --bbox / --boundary")
        swapped = shapely.box(*(area.bounds[1], area.bounds[0], area.bounds[3], area.bounds[2]))
        if swapped.intersects(box) and not area.intersects(box):
            hint = tx("the box is given W,S,E,N, longitude first: its numbers look swapped")
        raise PlanError(msg, file=str(extract), hint=hint)


def _match(tags: pd.Series, rules: Sequence[Rule]) -> tuple[list[str | None], list[str | None]]:
    """The kind and the rule text of the first matching rule, per feature."""
    kinds: list[str | None] = []
    texts: list[str | None] = []
    for t in tags:
        hit = next((r for r in rules if r.matches(t)), None)
        kinds.append(hit.kind if hit else None)
        texts.append(" & ".join(f"{k}={v}" for k, v in hit.conditions) if hit else None)
    return kinds, texts


def _tag(frame: gpd.GeoDataFrame, key: str) -> pd.Series:
    return pd.Series([t.get(key) for t in frame["tags"]], index=frame.index, dtype=object)


def _number(values: pd.Series, *, scale: float = 1.0, highest: bool = False) -> pd.Series:
    """Numbers of tag text: ``"12"``, ``"12.5 m"``, ``"110000;20000"`` (the first, or the
    highest); anything else is missing."""

    def one(text: Any) -> float:
        if not isinstance(text, str):
            return np.nan
        found = []
        for part in text.replace(",", ".").split(";"):
            word = part.strip().removesuffix("m").strip()
            try:
                found.append(float(word))
            except ValueError:
                continue
        found = [f for f in found if np.isfinite(f) and f >= 0]
        if not found:
            return np.nan
        return (max(found) if highest else found[0]) * scale

    return pd.Series([one(v) for v in values], index=values.index, dtype=float)


def _within(frame: gpd.GeoDataFrame, zone: shapely.Geometry) -> gpd.GeoDataFrame:
    if frame.empty:
        return frame
    hits = frame.sindex.query(zone, predicate="intersects")
    return frame.iloc[np.sort(hits)]


def _sites(
    frames: Sequence[gpd.GeoDataFrame], rules: Sequence[Rule], zone: shapely.Geometry
) -> gpd.GeoDataFrame:
    """Features of ``frames`` that a rule maps to a kind, in ``zone``; a point inside an area
    of the same kind is dropped (the same site mapped twice)."""
    parts = []
    for frame in frames:
        inside = _within(frame, zone)
        kinds, texts = _match(inside["tags"], rules)
        part = inside.assign(kind=kinds, osm_tag=texts)
        parts.append(part[part["kind"].notna()])
    sites = gpd.GeoDataFrame(pd.concat(parts, ignore_index=True), crs=frames[0].crs)
    points = sites.geom_type == "Point"
    areas = sites[sites.geom_type.isin(["Polygon", "MultiPolygon"])]
    if points.any() and not areas.empty:
        pairs = areas.sindex.query(sites.geometry[points].values, predicate="within")
        pt_index = sites.index[points.to_numpy()][pairs[0]]
        same = sites.loc[pt_index, "kind"].to_numpy() == areas["kind"].to_numpy()[pairs[1]]
        sites = sites.drop(index=np.unique(pt_index[same]))
    return sites.reset_index(drop=True)


def _frame(sites: gpd.GeoDataFrame, columns: dict[str, pd.Series | list[Any]]) -> gpd.GeoDataFrame:
    data = {"id": sites["osm_id"].to_numpy(), "name": _tag(sites, "name").to_numpy()}
    data.update({k: np.asarray(v, dtype=object) for k, v in columns.items()})
    return gpd.GeoDataFrame(data, geometry=sites.geometry.values, crs=sites.crs)


def _network(
    data: OsmData, tags: OsmTags, zone: shapely.Geometry, area: shapely.Geometry, extract: Path
) -> tuple[gpd.GeoDataFrame, list[Problem]]:
    lines = _within(data.lines, zone)
    highway = _tag(lines, "highway")
    foot, access, sidewalk = (_tag(lines, k) for k in ("foot", "access", "sidewalk"))
    foot_ok = foot.isin(tags.words("network", "foot_allowed"))
    # sidewalk=both|left|right|yes, or the newer sidewalk:both|left|right=yes ("separate": the
    # sidewalk is a footway of its own, walked as that)
    side_ok = sidewalk.isin(tags.words("network", "sidewalk_values"))
    for side in SIDEWALK_SIDES:
        side_ok |= _tag(lines, f"sidewalk:{side}") == "yes"
    walked = highway.isin(tags.words("network", "highways")) | (
        highway.isin(tags.words("network", "sidewalk_highways")) & (side_ok | foot_ok)
    )
    closed = foot.isin(tags.words("network", "foot_forbidden")) | (
        access.isin(tags.words("network", "access_forbidden")) & ~foot_ok
    )
    ways = lines[walked & ~closed]
    if ways.empty or not ways.intersects(area).any():
        msg = tx("the extract has no walkable ways in the plan's area")
        raise PlanError(
            msg,
            file=str(extract),
            layer="network",
            hint=tx(
                "check the --bbox / --boundary (W,S,E,N in degrees) and that the extract holds "
                "streets (highway=*)"
            ),
        )
    frame = _frame(
        ways,
        {
            "highway": _tag(ways, "highway"),
            "width": _number(_tag(ways, "width")),
            "foot": _tag(ways, "foot"),
            "access": _tag(ways, "access"),
        },
    )
    return frame, _islands(frame, area)


def _islands(network: gpd.GeoDataFrame, area: shapely.Geometry) -> list[Problem]:
    """One warning listing the network's pieces that the largest cannot be walked to from
    (lines that share a vertex are connected, as the engine joins them)."""
    from spaceplanner.engine.network import VERTEX_DECIMALS

    coords, index = shapely.get_coordinates(network.geometry.values, return_index=True)
    keys = np.round(coords, VERTEX_DECIMALS)
    _, node = np.unique(keys, axis=0, return_inverse=True)
    node = node.ravel()
    same_line = index[1:] == index[:-1]
    from scipy import sparse

    n = int(node.max()) + 1
    graph = sparse.coo_matrix(
        (np.ones(int(same_line.sum())), (node[:-1][same_line], node[1:][same_line])), shape=(n, n)
    )
    count, label = connected_components(graph, directed=False)
    if count <= 1:
        return []
    line_label = label[node[np.r_[0, np.flatnonzero(~same_line) + 1]]]
    sizes = np.bincount(label)
    main = int(np.argmax(sizes))
    inside = network.intersects(area).to_numpy()
    lengths = network.length.to_numpy()
    pieces = []
    for comp in np.unique(line_label[inside & (line_label != main)]):
        members = np.flatnonzero(line_label == comp)
        pieces.append((float(lengths[members].sum()), list(network["id"].iloc[members])))
    if not pieces:
        return []
    pieces.sort(key=lambda p: -p[0])
    listed = "; ".join(
        f"{', '.join(ids[:3])}{' …' if len(ids) > 3 else ''} ({length:.0f} m)"
        for length, ids in pieces[:ISLANDS_LISTED]
    )
    if len(pieces) > ISLANDS_LISTED:
        listed = tx("{ids} and {more} more").format(ids=listed, more=len(pieces) - ISLANDS_LISTED)
    text = tx(
        "the walking network has {n} islands in the plan's area not connected to its "
        "main part ({km:.1f} km): {listed}; "
        "residents who reach only an island cannot walk to sites elsewhere"
    ).format(n=len(pieces), km=lengths[line_label == main].sum() / 1000, listed=listed)
    return [
        Problem(
            "warning",
            text,
            layer="network",
            hint=tx("connect them in the plan (draw the missing footway) or fix the map"),
            count=len(pieces),
        )
    ]


def _buildings(data: OsmData, zone: shapely.Geometry) -> gpd.GeoDataFrame:
    areas = _within(data.areas, zone)
    building = _tag(areas, "building")
    found = areas[building.notna() & (building != "no")]
    return _frame(
        found,
        {
            "building": _tag(found, "building"),
            "floors": _number(_tag(found, "building:levels")),
            "height": _number(_tag(found, "height")),
        },
    ).assign(_tags=found["tags"].to_numpy())


def _hazard_sources(data: OsmData, tags: OsmTags, zone: shapely.Geometry) -> gpd.GeoDataFrame:
    sites = _sites([data.points, data.lines, data.areas], tags.rules("hazard_sources"), zone)
    # a closed way comes as a line and as an area: a power line or pipeline stays a line,
    # anything else (a petrol station's outline) an area
    is_area = sites.geom_type.isin(["Polygon", "MultiPolygon"])
    linear = sites["kind"].isin(["hv_line", "pipeline"])
    twice = sites["osm_id"].duplicated(keep=False)
    sites = sites[~(twice & (is_area == linear))]
    voltage = _number(_tag(sites, "voltage"), scale=0.001, highest=True)
    voltage[sites["kind"] != "hv_line"] = np.nan
    return _frame(sites, {"kind": sites["kind"], "voltage": voltage, "osm_tag": sites["osm_tag"]})


def build_osm_plan(
    extract: Path | str,
    *,
    bbox: tuple[float, float, float, float] | None = None,
    boundary: Path | str | None = None,
    boundary_layer: str | None = None,
    population: Path | str | None = None,
    population_layer: str | None = None,
    population_field: str | None = None,
    crs: str | CRS | None = None,
    tags: Path | str | None = None,
    name: str | None = None,
    workdir: Path | None = None,
    progress: Callable[[float, str], None] | None = None,
    feedback: Feedback | None = None,
) -> OsmPlan:
    """Build a plan from an OpenStreetMap extract.

    Parameters
    ----------
    extract
        The ``.osm.pbf`` (or ``.osm``) file.
    bbox, boundary
        The plan's area: a box ``(W, S, E, N)`` in degrees, or a polygon file in any CRS
        (exactly one of them).
    population
        A population grid (polygons or points with a population field, any CRS) or raster
        (GeoTIFF); without it residents are estimated from the buildings.
    crs
        The metric CRS to work in (default: chosen for the place, as for any plan).
    tags
        A file overriding the tag mapping (shape of ``layers/sources.toml`` ``[osm]``).
    workdir
        A folder for the cropped population raster (needed until the plan is saved); without
        it, a temporary folder removed when the process exits.
    progress
        Called with ``(fraction, what)``.
    feedback
        Progress by step code and cancel (the desktop's); it replaces ``progress``. A cancel
        stops the build at its next check (between steps, and every few thousand objects
        while the extract is read) with :class:`~spaceplanner.feedback.CancelledError`.

    Raises
    ------
    SpacePlannerError
        On bad input: an extract that does not cover the area or has no walkable ways, a
        boundary without CRS, a population layer that does not overlap, ...
    """
    steps = feedback or Feedback.from_callbacks(progress)
    extract = Path(extract)
    if (bbox is None) == (boundary is None):
        msg = tx("give the plan's area as either --bbox or --boundary")
        raise PlanError(msg, hint=tx("--bbox W,S,E,N in degrees, or --boundary FILE"))
    mapping = load_tags(tags)
    if boundary is not None:
        area = _read_boundary(Path(boundary), boundary_layer)
        area_source = Path(boundary).name
    else:
        assert bbox is not None
        area = shapely.box(*bbox)
        area_source = "bbox " + ",".join(f"{v:g}" for v in bbox)
    metric = _metric_crs(crs, area)
    steps.step("osm_extract", 0.05)
    data = read_extract(
        extract,
        filter_keys=mapping.filter_keys(),
        keep_keys=mapping.keys(),
        line_keys={"highway", *(r.keys[0] for r in mapping.rules("hazard_sources"))},
        check=steps.check,
    )
    _check_covered(area, data, extract, metric)
    problems = list(data.problems)
    steps.step("osm_layers", 0.4)
    data.points = data.points.to_crs(metric)
    data.lines = data.lines.to_crs(metric)
    data.areas = data.areas.to_crs(metric)
    area_m = gpd.GeoSeries([area], crs="EPSG:4326").to_crs(metric).iloc[0]
    zone = area_m.buffer(mapping.number(None, "buffer_m"))

    layers: dict[str, tuple[str, gpd.GeoDataFrame] | tuple[str, gpd.GeoDataFrame, dict]] = {}
    boundary_frame = gpd.GeoDataFrame(
        {"id": ["boundary"], "name": [area_source]}, geometry=[area_m], crs=metric
    )
    layers["boundary"] = ("boundary", boundary_frame)
    network, islands = _network(data, mapping, zone, area_m, extract)
    problems += islands
    layers["network"] = ("network", network)

    polygonal = data.areas
    spaces = _sites([polygonal], mapping.rules("activity_spaces"), zone)
    if not spaces.empty:
        layers["activity_spaces"] = (
            "activity_spaces",
            _frame(spaces, {"kind": spaces["kind"], "osm_tag": spaces["osm_tag"]}),
            {"kind_field": "kind"},
        )
    shelters = _sites([data.points, polygonal], mapping.rules("shelters"), zone)
    if not shelters.empty:
        layers["shelters"] = (
            "shelters",
            _frame(shelters, {"class": shelters["kind"], "osm_tag": shelters["osm_tag"]}),
            {"class_field": "class"},
        )
    candidates = _sites([polygonal], mapping.rules("shelter_candidates"), zone)
    min_area = mapping.number("shelter_candidates", "min_area_m2")
    candidates = candidates[candidates.area >= min_area]
    if not candidates.empty:
        layers["shelter_candidates"] = (
            "candidates",
            _frame(candidates, {"kind": candidates["kind"], "osm_tag": candidates["osm_tag"]}),
            {"kind_field": "kind"},
        )
    facilities = _sites([data.points, polygonal], mapping.rules("facilities"), zone)
    if not facilities.empty:
        layers["facilities"] = (
            "facilities",
            _frame(facilities, {"kind": facilities["kind"], "osm_tag": facilities["osm_tag"]}),
            {"kind_field": "kind"},
        )
    hazards = _hazard_sources(data, mapping, zone)
    if not hazards.empty:
        layers["hazard_sources"] = ("hazard_sources", hazards, {"kind_field": "kind"})
    steps.check()
    buildings = _buildings(data, zone)
    if not buildings.empty:
        layers["buildings"] = ("buildings", buildings.drop(columns="_tags"))

    steps.step("osm_residents", 0.6)
    estimate: dict[str, Any] | None = None
    raster_layer: PlanLayer | None = None
    if population is not None:
        found, found_problems = pop.read_population(
            Path(population),
            area_m,
            metric,
            layer=population_layer,
            field=population_field,
            workdir=workdir or _temporary_folder(),
        )
        if isinstance(found, PlanLayer):
            raster_layer = found
        else:
            layers["residents"] = ("residents", found, {"population": "population"})
        problems += found_problems
    else:
        landuse = _within(polygonal, zone)
        landuse = landuse[_tag(landuse, "landuse").notna()]
        residents, estimate = pop.estimate_from_buildings(buildings, landuse, area_m, mapping)
        if residents.empty or residents["population"].sum() <= 0:
            msg = tx("no residential building lies in the plan's area to estimate residents from")
            raise PlanError(
                msg,
                file=str(extract),
                layer="residents",
                hint=tx("give a population grid or raster with --population"),
            )
        layers["residents"] = ("residents", residents, {"population": "population"})
        problems.append(Problem("note", estimate["text"], layer="residents"))

    steps.step("osm_checks", 0.75)
    plan_name = name or f"{extract.name.split('.')[0]} ({area_source})"
    plan = Plan.from_frames(plan_name, layers, crs=metric)
    if raster_layer is not None:
        plan.layers = {"residents": raster_layer, **plan.layers}
    if estimate is not None:
        plan.layers["residents"].options = {
            **plan.layers["residents"].options,
            "population_estimate": estimate["text"],
        }
    for lyr in plan:
        lyr.source = (
            str(extract) if lyr.name != "residents" or population is None else str(population)
        )
    built = {"extract": extract.name, "area": area_source, "crs": crs_label(metric)}
    plan.description = (
        tx(
            "Built from the OpenStreetMap extract {extract} (© OpenStreetMap contributors, "
            "ODbL 1.0) for {area}, in {crs}; residents from {population}."
        ).format(**built, population=Path(population).name)
        if population is not None
        else tx(
            "Built from the OpenStreetMap extract {extract} (© OpenStreetMap contributors, "
            "ODbL 1.0) for {area}, in {crs}; residents estimated: {estimate}"
        ).format(**built, estimate="" if estimate is None else estimate["text"])
    )
    plan.problems += problems
    steps.step("done", 1.0)
    return OsmPlan(plan, problems)


def create_osm_plan(target: Path | str, *, overwrite: bool = False, **options: Any) -> OsmPlan:
    """Build a plan from an extract (see :func:`build_osm_plan`) and save it at ``target``.

    The file appears whole or not at all; an existing ``target`` is refused unless
    ``overwrite``.
    """
    from spaceplanner.model.plan_file import save_plan

    target = Path(target)
    if target.suffix.lower() != ".gpkg":
        msg = tx("a plan file must end in .gpkg")
        raise PlanError(msg, file=str(target), hint=tx("choose a name like plan.gpkg"))
    if target.exists() and not overwrite:
        msg = tx("the plan file exists")
        raise PlanError(msg, file=str(target), hint=tx("choose another name or add --overwrite"))
    inputs = [options.get(k) for k in ("boundary", "population", "tags")]
    for item in [Path(options["extract"]), *(Path(p) for p in inputs if p is not None)]:
        if target.exists() and item.exists() and target.resolve() == item.resolve():
            msg = tx("the plan file would replace an input")
            raise PlanError(msg, file=str(target), hint=tx("choose another name"))
    with tempfile.TemporaryDirectory(prefix="spaceplanner-osm-") as work:
        built = build_osm_plan(workdir=Path(work), **options)
        save_plan(built.plan, target)
    return built
