"""The plan and its layers, and the checks every way of loading a plan shares.

:class:`Plan` and :class:`PlanLayer` hold a community's layers in one metric CRS. Both loaders
(the TOML spec in :mod:`spaceplanner.model.plan` and the plan GeoPackage in
:mod:`spaceplanner.model.plan_file`) and :meth:`Plan.from_frames` project layers with
:func:`project_layer` and check them with :func:`check_coordinates` and :func:`check_plan_crs`
here, so a plan is checked the same way whatever it was read from. The public names are also
reached through :mod:`spaceplanner.model.plan`.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
from pyproj import CRS, Transformer
from rasterio.warp import transform_bounds
from shapely.geometry import box

from spaceplanner import settings
from spaceplanner.i18n import tx
from spaceplanner.layers.catalogue import get_role
from spaceplanner.layers.conform import conform
from spaceplanner.layers.crs import (
    MAX_PLAN_EXTENT_M,
    MAX_SCALE_ERROR,
    MIN_PLAN_EXTENT_M,
    WEB_MERCATOR,
    choose_metric_crs,
    coordinate_problem,
    crs_label,
    in_area_of_use,
    is_cgcs2000,
    lonlat_bounds,
    metric_crs_at,
    parse_crs,
    scale_error,
)
from spaceplanner.layers.errors import LayerError
from spaceplanner.layers.problems import Problem
from spaceplanner.layers.readers import RasterSource
from spaceplanner.layers.words import rows_text
from spaceplanner.model.targets import flatten_targets

__all__ = [
    "Plan",
    "PlanLayer",
    "check_coordinates",
    "check_extent",
    "check_overlap",
    "check_plan_crs",
    "project_layer",
]


#: Layer versions are unique in the process: a replaced layer object never reuses one.
_VERSIONS = itertools.count(1)
#: The attributes whose change makes a new layer version.
_CONTENT = frozenset({"name", "role", "frame", "raster", "options", "constants"})


@dataclass
class PlanLayer:
    """One layer of a plan, fitted to its role and in the plan's CRS (rasters keep their own).

    Attributes
    ----------
    frame
        Vector features: ``id``, the role's fields under catalogue names, other source columns.
    raster
        A raster layer's grid, read windowed by later stages.
    field_map
        Catalogue field name to the source column it came from.
    constants
        Fields given one value for the whole layer (``kind = "clinic"``).
    options
        Other settings of the layer (``radius_m``, ``band``, ...).
    version
        Changes whenever the layer's content is replaced (a new frame, raster, role, options or
        constants): the engine's cache keys on it, so checking a layer is O(1). Frames are
        replaced, never changed in place (the edit commands do so).
    """

    name: str
    role: str
    frame: gpd.GeoDataFrame | None = None
    raster: RasterSource | None = None
    field_map: dict[str, str] = field(default_factory=dict)
    constants: dict[str, Any] = field(default_factory=dict)
    options: dict[str, Any] = field(default_factory=dict)
    source: str | None = None
    source_layer: str | None = None
    source_crs: str | None = None
    problems: list[Problem] = field(default_factory=list)
    version: int = field(default=0, init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "version", next(_VERSIONS))

    def __setattr__(self, name: str, value: Any) -> None:
        object.__setattr__(self, name, value)
        if name in _CONTENT:
            object.__setattr__(self, "version", next(_VERSIONS))

    def touch(self) -> None:
        """Give the layer a new version (its content changed in a way no attribute set saw)."""
        object.__setattr__(self, "version", next(_VERSIONS))

    @property
    def is_raster(self) -> bool:
        """True for a raster layer."""
        return self.raster is not None

    @property
    def feature_count(self) -> int:
        """Number of features (0 for a raster)."""
        return 0 if self.frame is None else len(self.frame)

    def geometry_types(self) -> list[str]:
        """The distinct geometry types of the features, most common first."""
        if self.frame is None:
            return []
        return [str(t) for t in self.frame.geometry.geom_type.value_counts().index]

    def bounds(self, crs: CRS) -> tuple[float, float, float, float]:
        """The layer's bounds in ``crs``."""
        if self.raster is not None:
            west, south, east, north = transform_bounds(self.raster.crs, crs, *self.raster.bounds)
            return (west, south, east, north)
        assert self.frame is not None
        minx, miny, maxx, maxy = (float(v) for v in self.frame.total_bounds)
        return (minx, miny, maxx, maxy)


@dataclass
class Plan:
    """A community plan.

    Attributes
    ----------
    name
        The plan's name.
    crs
        The projected metric CRS all vector layers are in; None only for a plan loaded with
        ``strict=False`` none of whose layers could be read.
    layers
        The usable layers by name.
    rules, scenario, description
        The rule profile name, the hazard scenario, free text.
    targets
        The plan's own indicator targets by indicator id (``shelter.sheltered``,
        ``space_5min.per_capita``, ``kindergarten.covered``, ...); they override the profile's.
    path
        The file the plan was loaded from, if any.
    problems
        Every problem found while loading, per layer and for the plan.
    failed
        Names of layers that could not be loaded (their errors are in ``problems``).
    view
        How the desktop app shows the plan (layer order, visibility, styles); saved in the plan
        file, ignored by the analysis.
    """

    name: str
    crs: CRS | None
    layers: dict[str, PlanLayer] = field(default_factory=dict)
    rules: str = settings.DEFAULT_RULES
    scenario: str = settings.DEFAULT_SCENARIO
    description: str = ""
    path: Path | None = None
    problems: list[Problem] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    view: dict[str, Any] = field(default_factory=dict)
    targets: dict[str, float] = field(default_factory=dict)

    @classmethod
    def from_frames(
        cls,
        name: str,
        layers: dict[
            str, tuple[str, gpd.GeoDataFrame] | tuple[str, gpd.GeoDataFrame, dict[str, Any]]
        ],
        *,
        crs: CRS | str | None = None,
        rules: str = settings.DEFAULT_RULES,
        scenario: str = settings.DEFAULT_SCENARIO,
        targets: dict[str, Any] | None = None,
    ) -> Plan:
        """Build a plan from GeoDataFrames (for notebooks and tests), checked as files are.

        Parameters
        ----------
        name
            The plan's name.
        layers
            Layer name to ``(role, frame)`` or ``(role, frame, options)``; options as in a TOML
            layer table (field mappings, ``kind = ...``, ``radius_m``).
        crs
            The metric CRS; chosen from the frames' CRSs when omitted.

        Raises
        ------
        SpacePlannerError
            On the same problems a TOML plan would report.
        """
        fitted: list[PlanLayer] = []
        for layer_name, item in layers.items():
            role, frame = item[0], item[1]
            options = dict(item[2]) if len(item) > 2 else {}
            if frame.crs is None:
                msg = tx("the frame has no CRS")
                raise LayerError(msg, layer=layer_name, hint=tx("set one with frame.set_crs(...)"))
            result = conform(
                frame, get_role(role), label=layer_name, file="<memory>", options=options
            )
            fitted.append(
                PlanLayer(
                    layer_name,
                    role,
                    frame=result.frame,
                    field_map=result.field_map,
                    constants=result.constants,
                    options={k: v for k, v in options.items() if k == "radius_m"},
                    source_crs=crs_label(result.frame.crs),
                    problems=result.problems,
                )
            )
            check_coordinates(fitted[-1])
        if crs is not None:
            target = parse_crs(crs)
        else:
            refs = (
                [f for f in fitted if f.role == "residents"]
                or [f for f in fitted if f.role == "boundary"]
                or fitted
            )
            target = choose_metric_crs(
                [(CRS.from_user_input(f.frame.crs), f.bounds(f.frame.crs)) for f in refs]  # type: ignore[union-attr]
            )
        for layer in fitted:
            project_layer(layer, target)
        problems = [p for layer in fitted for p in layer.problems]
        plan = cls(
            name,
            target,
            {f.name: f for f in fitted},
            rules,
            scenario,
            problems=problems,
            targets=flatten_targets(targets),
        )
        problems += check_overlap(fitted, target)
        problems += check_extent(fitted, target) or check_plan_crs(
            target, fitted, file=None, given="the plan's crs" if crs is not None else "the CRS"
        )
        plan.raise_for_errors()
        return plan

    def __iter__(self) -> Iterator[PlanLayer]:
        return iter(self.layers.values())

    def by_role(self, role: str) -> list[PlanLayer]:
        """The layers of ``role``, in plan order."""
        return [lyr for lyr in self.layers.values() if lyr.role == role]

    @property
    def errors(self) -> list[Problem]:
        """The problems that make the plan unusable."""
        return [p for p in self.problems if p.severity == "error"]

    @property
    def usable(self) -> bool:
        """True when the plan loaded without errors."""
        return not self.errors

    def raise_for_errors(self) -> None:
        """Raise the first error as an exception, naming how many more there are."""
        errors = self.errors
        if errors:
            first = errors[0]
            if len(errors) > 1:
                message = tx("{message} ({n} more problems: run `spaceplanner validate`)").format(
                    message=first.message, n=len(errors) - 1
                )
                first = replace(first, message=message)
            raise first.to_error()

    def extent(self, *, rasters: bool = False) -> tuple[float, float, float, float] | None:
        """Bounds ``(minx, miny, maxx, maxy)`` of the vector layers (and rasters, when asked)
        in the plan's CRS; None when there is no such layer."""
        if self.crs is None:
            return None
        boxes = [lyr.bounds(self.crs) for lyr in self if rasters or lyr.frame is not None]
        if not boxes:
            return None
        lows, highs = np.min(boxes, axis=0), np.max(boxes, axis=0)
        return (float(lows[0]), float(lows[1]), float(highs[2]), float(highs[3]))

    def population(self) -> float:
        """Total population of the vector residents layers (raster residents: see the engine)."""
        total = 0.0
        for lyr in self.by_role("residents"):
            if lyr.frame is not None and "population" in lyr.frame:
                total += float(lyr.frame["population"].sum())
        return total


def project_layer(layer: PlanLayer, crs: CRS) -> None:
    """Project a vector layer to ``crs`` in place, reporting it; rasters keep their CRS."""
    if layer.raster is not None:
        if layer.raster.crs != crs:
            layer.problems.append(
                Problem(
                    "note",
                    tx(
                        "raster kept in its own CRS {own} "
                        "(the plan is in {crs}); it is read windowed to the plan"
                    ).format(own=crs_label(layer.raster.crs), crs=crs_label(crs)),
                    file=layer.source,
                    layer=layer.name,
                )
            )
        return
    assert layer.frame is not None
    own = CRS.from_user_input(layer.frame.crs)
    if own == crs:
        return
    projected = layer.frame.to_crs(crs)
    if not np.isfinite(projected.total_bounds).all():
        msg = tx("coordinates cannot be projected from {own} to {crs}").format(
            own=crs_label(own), crs=crs_label(crs)
        )
        raise LayerError(
            msg,
            file=layer.source,
            layer=layer.name,
            hint=tx("the layer's CRS is probably wrong (x and y swapped?); set `crs =` for it"),
        )
    kind = (
        tx("lon/lat")
        if own.is_geographic
        else tx("Web Mercator")
        if own == WEB_MERCATOR
        else tx("projected")
    )
    layer.problems.append(
        Problem(
            "note",
            tx("projected from {own} ({kind}) to the plan's metric {crs}").format(
                own=crs_label(own), kind=kind, crs=crs_label(crs)
            ),
            file=layer.source,
            layer=layer.name,
        )
    )
    layer.frame = projected


def check_coordinates(layer: PlanLayer) -> None:
    """Raise a LayerError when a vector layer's coordinates cannot be in its CRS (metres
    labelled lon/lat, degrees labelled as a projected CRS)."""
    if layer.frame is None or layer.frame.crs is None or layer.frame.empty:
        return
    own = CRS.from_user_input(layer.frame.crs)
    cause = coordinate_problem(own, layer.bounds(own))
    if cause is None:
        return
    feature = None
    if own.is_geographic:
        b = layer.frame.geometry.bounds
        outside = np.flatnonzero(
            (
                (b[["minx", "maxx"]].abs() > 180).any(axis=1)
                | (b[["miny", "maxy"]].abs() > 90).any(axis=1)
            ).to_numpy()
        )
        if outside.size:
            first = layer.frame.iloc[int(outside[0])]
            if "id" in layer.frame:
                feature = str(first["id"])
                if outside.size > 1:
                    feature = tx("{id} (and {more} more)").format(id=feature, more=outside.size - 1)
            else:
                feature = rows_text(int(outside[0]) + 1, outside.size - 1)
        hint = tx(
            'set `crs = "EPSG:..."` for this layer to the projected CRS its coordinates are in '
            "(a GeoJSON without a CRS is read as WGS84 lon/lat)"
        )
    else:
        hint = tx('set `crs = "EPSG:4326"` for this layer (or the lon/lat CRS it was drawn in)')
    raise LayerError(cause, file=layer.source, layer=layer.name, feature=feature, hint=hint)


def _lonlat_text(crs: CRS, geom_box: Any) -> str:
    """``"24.94 E, 60.17 N"`` for the centre of ``geom_box`` (in ``crs``)."""
    centre = geom_box.centroid
    lon, lat = Transformer.from_crs(crs, 4326, always_xy=True).transform(centre.x, centre.y)
    if not (math.isfinite(lon) and math.isfinite(lat)):
        return tx("({x:,.0f}, {y:,.0f}) in {crs}").format(
            x=centre.x, y=centre.y, crs=crs_label(crs)
        )
    return f"{abs(lon):.2f} {'E' if lon >= 0 else 'W'}, {abs(lat):.2f} {'N' if lat >= 0 else 'S'}"


def _looks_swapped(crs: CRS, own: Any, home: Any) -> bool:
    """True when the centre of ``own`` with longitude and latitude swapped falls near ``home``."""
    centre = own.centroid
    lon, lat = Transformer.from_crs(crs, 4326, always_xy=True).transform(centre.x, centre.y)
    home_ll = lonlat_bounds(crs, home.bounds)
    if home_ll is None or not (math.isfinite(lon) and math.isfinite(lat)):
        return False
    pad = 0.05
    west, south, east, north = home_ll
    return west - pad <= lat <= east + pad and south - pad <= lon <= north + pad


def _names(layers: list[PlanLayer], most: int = 5) -> str:
    shown = ", ".join(f"'{lyr.name}'" for lyr in layers[:most])
    if len(layers) > most:
        return tx("{ids} and {more} more").format(ids=shown, more=len(layers) - most)
    return shown


def check_overlap(layers: list[PlanLayer], crs: CRS) -> list[Problem]:
    """Report layers that lie away from the others.

    Layers within ``OVERLAP_TOLERANCE_M`` of each other form groups; the group with the most
    layers (on a tie, the one with the residents, else the boundary) is where the plan lies, and
    a layer outside it is reported with where it lies and where the others lie. Within that group,
    a layer away from the reference extent (the residents, else the boundary, else the largest
    layer) is reported too.
    """
    if len(layers) < 2:
        return []
    boxes = [box(*lyr.bounds(crs)) for lyr in layers]
    tol = settings.OVERLAP_TOLERANCE_M
    group = list(range(len(layers)))

    def root(i: int) -> int:
        while group[i] != i:
            group[i] = group[group[i]]
            i = group[i]
        return i

    for i in range(len(layers)):
        for j in range(i + 1, len(layers)):
            if boxes[i].distance(boxes[j]) <= tol:
                group[root(i)] = root(j)
    members: dict[int, list[int]] = {}
    for i in range(len(layers)):
        members.setdefault(root(i), []).append(i)

    def rank(idx: list[int]) -> tuple[int, bool, bool, int]:
        roles = {layers[i].role for i in idx}
        features = sum(layers[i].feature_count for i in idx)
        return (len(idx), "residents" in roles, "boundary" in roles, features)

    main = max(members.values(), key=rank)
    home = [layers[i] for i in main]
    home_box = boxes[main[0]]
    for i in main[1:]:
        home_box = home_box.union(boxes[i])
    problems = []
    for i, lyr in enumerate(layers):
        if i in main:
            continue
        km = boxes[i].distance(home_box) / 1000
        others = (
            tx("the other layer")
            if len(home) == 1
            else tx("the other {n} layers").format(n=len(home))
        )
        swapped = _looks_swapped(crs, boxes[i], home_box)
        msg = (
            tx(
                "the layer lies at {at}, {km:,.1f} km from "
                "{others} ({names}) at {home}: the layers do not overlap; lon/lat swapped?"
            )
            if swapped
            else tx(
                "the layer lies at {at}, {km:,.1f} km from "
                "{others} ({names}) at {home}: the layers do not overlap"
            )
        ).format(
            at=_lonlat_text(crs, boxes[i]),
            km=km,
            others=others,
            names=_names(home),
            home=_lonlat_text(crs, home_box),
        )
        hint = (
            tx('swap its x and y (longitude first), or correct its CRS with `crs = "EPSG:..."`')
            if swapped
            else tx(
                "its CRS is probably wrong (lon/lat swapped, or another EPSG code); "
                'set `crs = "EPSG:..."` for it'
            )
        )
        problems.append(Problem("error", msg, file=lyr.source, layer=lyr.name, hint=hint))
    ref = [lyr for lyr in home if lyr.role == "residents"] or [
        lyr for lyr in home if lyr.role == "boundary"
    ]
    if not ref:
        return problems
    ref_box = box(*ref[0].bounds(crs))
    for lyr in ref[1:]:
        ref_box = ref_box.union(box(*lyr.bounds(crs)))
    reach = ref_box.buffer(tol)
    for lyr in home:
        if lyr in ref:
            continue
        own = box(*lyr.bounds(crs))
        if not own.intersects(reach):
            km = own.distance(ref_box) / 1000
            problems.append(
                Problem(
                    "error",
                    tx(
                        "the layer lies {km:,.1f} km away from {names}: the layers do not overlap"
                    ).format(km=km, names=_names(ref)),
                    file=lyr.source,
                    layer=lyr.name,
                    hint=tx(
                        "its CRS is probably wrong (lon/lat swapped, or another EPSG code); "
                        'set `crs = "EPSG:..."` for it'
                    ),
                )
            )
    return problems


def check_extent(layers: list[PlanLayer], crs: CRS) -> list[Problem]:
    """Report a plan too small or too large to be a community (coordinates in a wrong unit)."""
    vectors = [lyr for lyr in layers if lyr.frame is not None and not lyr.frame.empty]
    if sum(lyr.feature_count for lyr in vectors) < 2:
        return []
    spans = {lyr.name: lyr.bounds(crs) for lyr in vectors}
    lows = np.min(list(spans.values()), axis=0)
    highs = np.max(list(spans.values()), axis=0)
    across = float(max(highs[2] - lows[0], highs[3] - lows[1]))
    if not math.isfinite(across):
        return []
    if across < MIN_PLAN_EXTENT_M:
        biggest = max(vectors, key=lambda lyr: lyr.feature_count)
        msg = tx(
            "the whole plan is only {across:.3g} m across (less than {least:g} m): "
            "its coordinates are not metres in {crs}; degrees in a metric CRS?"
        ).format(across=across, least=MIN_PLAN_EXTENT_M, crs=crs_label(crs))
        hint: str = tx(
            'give each layer the CRS its coordinates are in (`crs = "EPSG:4326"` for lon/lat)'
        )
        return [Problem("error", msg, file=biggest.source, layer=biggest.name, hint=hint)]
    if across <= MAX_PLAN_EXTENT_M:
        return []

    def width(lyr: PlanLayer) -> float:
        b = spans[lyr.name]
        return max(b[2] - b[0], b[3] - b[1])

    widest = max(vectors, key=width)
    assert widest.frame is not None
    centroids = widest.frame.geometry.centroid
    cx, cy = float(np.median(centroids.x)), float(np.median(centroids.y))
    far = int(np.argmax(np.hypot(centroids.x - cx, centroids.y - cy)))
    row = widest.frame.iloc[far]
    feature = str(row["id"]) if "id" in widest.frame else rows_text(far + 1)
    msg = tx(
        "the plan spans {km:,.0f} km (layer '{layer}' alone "
        "{alone:,.0f} km), more than a community ({most:g} km "
        "at most): some coordinates are wrong"
    ).format(
        km=across / 1000,
        layer=widest.name,
        alone=width(widest) / 1000,
        most=MAX_PLAN_EXTENT_M / 1000,
    )
    hint = tx("check feature {feature} (the farthest from the others) and the layer's CRS").format(
        feature=feature
    )
    where = {"file": widest.source, "layer": widest.name, "feature": feature}
    return [Problem("error", msg, **where, hint=hint)]


def _suggest_crs(lon: float, lat: float, cgcs2000: bool) -> str:
    try:
        return crs_label(metric_crs_at(lon, lat, cgcs2000=cgcs2000))
    except ValueError:
        return tx("the UTM zone of the plan")


def check_plan_crs(
    crs: CRS, layers: list[PlanLayer], *, file: str | None, given: str
) -> list[Problem]:
    """Check that ``crs`` measures true over the plan: its scale at the plan's centre and corners
    within :data:`MAX_SCALE_ERROR` (else an error naming the CRS to use), and the plan inside its
    area of use (else a warning).

    ``given`` says where the CRS came from (for the message): ``"the plan's crs"``, ...
    """
    vectors = [lyr for lyr in layers if lyr.frame is not None and not lyr.frame.empty]
    if not vectors:
        return []
    spans = [lyr.bounds(crs) for lyr in vectors]
    lows, highs = np.min(spans, axis=0), np.max(spans, axis=0)
    ll = lonlat_bounds(crs, (float(lows[0]), float(lows[1]), float(highs[2]), float(highs[3])))
    if ll is None:
        return []
    west, south, east, north = ll
    lon, lat = (west + east) / 2, (south + north) / 2
    points = [(lon, lat), (west, south), (west, north), (east, south), (east, north)]
    error = max(scale_error(crs, x, y) for x, y in points)
    where = f"{abs(lat):.2f} {'N' if lat >= 0 else 'S'}, {abs(lon):.2f} {'E' if lon >= 0 else 'W'}"
    field_ = "crs" if "plan's" in given or "--crs" in given else None
    if error > MAX_SCALE_ERROR:
        better = _suggest_crs(lon, lat, is_cgcs2000(crs))
        msg = (
            tx(
                "{given} {crs} ({name}) distorts distances at the plan ({where}): "
                "its scale cannot measure there (at most {most:.0%} is accepted)"
            )
            if math.isinf(error)
            else tx(
                "{given} {crs} ({name}) distorts distances at the plan ({where}): "
                "its scale is off by {error:.1%} (at most {most:.0%} is accepted)"
            )
        ).format(
            given=_given_word(given),
            crs=crs_label(crs),
            name=crs.name,
            where=where,
            error=error,
            most=MAX_SCALE_ERROR,
        )
        hint = tx(
            "use {better} (the zone of the plan), or leave `crs` out to have it chosen"
        ).format(better=better)
        return [Problem("error", msg, file=file, field=field_, hint=hint)]
    if in_area_of_use(crs, lon, lat) is False:
        msg = tx(
            "the plan ({where}) lies outside the area of use of {given} {crs} "
            "({name}); its distances are still within {most:.0%}"
        ).format(
            where=where,
            given=_given_word(given),
            crs=crs_label(crs),
            name=crs.name,
            most=MAX_SCALE_ERROR,
        )
        hint = tx("{crs} is made for this place").format(
            crs=_suggest_crs(lon, lat, is_cgcs2000(crs))
        )
        return [Problem("warning", msg, file=file, field=field_, hint=hint)]
    return []


_GIVEN_WORDS = {
    "the plan's crs": tx("the plan's crs"),
    "the chosen CRS": tx("the chosen CRS"),
    "the CRS": tx("the CRS"),
}


def _given_word(given: str) -> str:
    """Where the plan's CRS came from, as words (``--crs`` stays as it is)."""
    return _GIVEN_WORDS.get(str(given), given)
