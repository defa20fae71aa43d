"""Hazard zones of a scenario (避 avoid), from polygon layers and from rasters with a threshold.

A scenario takes the hazard types that threaten in it: ``flood`` floods; ``earthquake`` faults
and geohazards (landslide, collapse, subsidence, debris flow); ``fire`` fire zones; ``all`` every
type. A user-defined type counts in ``all`` and in a scenario of the same name. A raster hazard
layer states which cells form the zone: ``min_value`` (e.g. flood depth ≥ 0.5 m), ``max_value``
(e.g. terrain at or below 192 m floods) or ``max_slope_pct`` (terrain steeper than this). Rasters
are read windowed to the plan, in their own CRS, and the zone is turned into polygons.
"""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import rasterio
import rasterio.features
import shapely
from rasterio.warp import transform_bounds
from rasterio.windows import Window, from_bounds

from spaceplanner.i18n import tx
from spaceplanner.layers.catalogue import closest
from spaceplanner.layers.errors import LayerError, PlanError
from spaceplanner.model.plan import Plan, PlanLayer
from spaceplanner.results.report import Note

__all__ = [
    "SCENARIOS",
    "check_scenario",
    "hazard_types",
    "hazard_zones",
    "opening_scenario",
    "scenario_types",
    "uncounted_layers",
]

#: Hazard types that threaten in each scenario (``all`` takes every type).
SCENARIOS: dict[str, frozenset[str]] = {
    "flood": frozenset({"flood"}),
    "earthquake": frozenset(
        {"fault", "geohazard", "landslide", "collapse", "subsidence", "debris_flow"}
    ),
    "fire": frozenset({"fire"}),
}


def hazard_types(plan: Plan) -> set[str]:
    """The hazard types the plan's hazard layers hold."""
    present: set[str] = set()
    for layer in plan.by_role("hazards"):
        if layer.raster is not None:
            present.add(str(layer.options.get("hazard", "")))
        elif layer.frame is not None:
            present |= set(layer.frame["hazard"].astype(str))
    return present


def check_scenario(scenario: str, plan: Plan) -> None:
    """Refuse a scenario that is neither a known one nor a hazard type of the plan's layers.

    A misspelt scenario (``flod``) would count no hazard zone and call flooded ground safe.
    """
    known = [*SCENARIOS, "all", *sorted(hazard_types(plan) - {*SCENARIOS, "all", ""})]
    if scenario in known:
        return
    guess = closest(scenario, known)
    names = ", ".join(known)
    hint = (
        tx("did you mean '{guess}'? (scenarios: {names})").format(guess=guess, names=names)
        if guess
        else tx("scenarios: {names}").format(names=names)
    )
    msg = tx("unknown scenario '{scenario}'").format(scenario=scenario)
    raise PlanError(msg, file=str(plan.path) if plan.path else None, field="scenario", hint=hint)


def uncounted_layers(plan: Plan, scenario: str) -> list[str]:
    """Hazard layers none of whose hazard types count in ``scenario`` (drawn, but not used)."""
    out = []
    for layer in plan.by_role("hazards"):
        if layer.raster is not None:
            types = {str(layer.options.get("hazard", ""))}
        elif layer.frame is not None:
            types = set(layer.frame["hazard"].astype(str))
        else:
            continue
        if not scenario_types(scenario, types):
            out.append(layer.name)
    return out


def opening_scenario(plan: Plan) -> str:
    """The scenario to open a plan in: its own, unless that counts none of its hazard layers;
    then the one known scenario that counts them all, else ``all``. (A plan whose flood zone is
    drawn should not open in an earthquake that ignores it.)"""
    present = hazard_types(plan) - {""}
    if not present or scenario_types(plan.scenario, present):
        return plan.scenario
    for name in SCENARIOS:
        if scenario_types(name, present) == present:
            return name
    return "all"


def scenario_types(scenario: str, present: set[str]) -> set[str]:
    """The hazard types among ``present`` that count in ``scenario``."""
    if scenario == "all":
        return set(present)
    own = SCENARIOS.get(scenario, frozenset())
    return {t for t in present if t in own or t == scenario}


def _raster_zone(layer: PlanLayer, plan: Plan, notes: list[Note]) -> shapely.Geometry:
    assert layer.raster is not None and plan.crs is not None
    src = layer.raster
    opts = layer.options
    box = plan.extent() or layer.bounds(plan.crs)
    own = transform_bounds(plan.crs, src.crs, *box)
    with rasterio.open(src.dataset) as ds:
        full = Window(0, 0, ds.width, ds.height)
        window = from_bounds(*own, transform=ds.transform).round_offsets().round_lengths()
        try:
            window = window.intersection(full)
        except rasterio.errors.WindowError as exc:
            msg = tx("the raster does not cover the plan area")
            raise LayerError(
                msg, file=layer.source, layer=layer.name, hint=tx("give a raster of this area")
            ) from exc
        data = ds.read(src.band, window=window, masked=True).astype(float)
        transform = ds.window_transform(window)
        read = shapely.box(*rasterio.windows.bounds(window, ds.transform))
    wanted = shapely.box(*own)
    covered = shapely.area(shapely.intersection(wanted, read)) / max(shapely.area(wanted), 1e-9)
    if covered < 0.99:
        notes.append(
            Note(
                "hazard_raster_partial",
                tx(
                    "raster hazard '{layer}' covers {share:.0%} of the plan's extent; outside it "
                    "no hazard is known"
                ).format(layer=layer.name, share=covered),
            )
        )
    if src.nodata is not None:
        data = np.ma.masked_equal(data, src.nodata)
    if "max_slope_pct" in opts:
        if not src.crs.is_projected:
            msg = tx("slope needs a raster in a projected CRS (metres)")
            raise LayerError(msg, file=layer.source, layer=layer.name, field="max_slope_pct")
        dz_dy, dz_dx = np.gradient(data.filled(np.nan), abs(transform.e), abs(transform.a))
        zone = np.hypot(dz_dx, dz_dy) * 100 > float(opts["max_slope_pct"])
    elif "max_value" in opts:
        zone = data.filled(np.inf) <= float(opts["max_value"])
    else:
        zone = data.filled(-np.inf) >= float(opts["min_value"])
    zone &= ~np.ma.getmaskarray(data)
    shapes = [
        shapely.geometry.shape(geom)
        for geom, value in rasterio.features.shapes(
            zone.astype(np.uint8), mask=zone, transform=transform
        )
        if value == 1
    ]
    if not shapes:
        return shapely.Polygon()
    merged = gpd.GeoSeries([shapely.union_all(shapes)], crs=src.crs).to_crs(plan.crs)
    return merged.iloc[0]


def hazard_zones(plan: Plan, scenario: str, notes: list[Note] | None = None) -> gpd.GeoDataFrame:
    """The hazard zones that count in ``scenario``: one row per layer and hazard type.

    Columns: ``layer``, ``hazard``, ``geometry`` (in the plan's CRS, dissolved). Remarks (a
    raster that covers only part of the plan) are appended to ``notes``.
    """
    notes = [] if notes is None else notes
    rows = []
    wanted = scenario_types(scenario, hazard_types(plan))
    for layer in plan.by_role("hazards"):
        if layer.raster is not None:
            kind = str(layer.options.get("hazard", ""))
            if kind in wanted:
                rows.append(
                    {
                        "layer": layer.name,
                        "hazard": kind,
                        "geometry": _raster_zone(layer, plan, notes),
                    }
                )
            continue
        assert layer.frame is not None
        for kind, part in layer.frame.groupby(layer.frame["hazard"].astype(str)):
            if kind in wanted:
                rows.append(
                    {
                        "layer": layer.name,
                        "hazard": kind,
                        "geometry": shapely.union_all(part.geometry.to_numpy()),
                    }
                )
    return gpd.GeoDataFrame(rows, columns=["layer", "hazard", "geometry"], crs=plan.crs)
