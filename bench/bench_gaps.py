"""Gap representations side by side: how to show *where* people are not served, at city scale.

On the synthetic district of ``synthetic_city.py`` (one fresh process per size) the plan is
evaluated once, ``Evaluator(plan).evaluate(gaps=False)`` on a new evaluator (the floor), and the
engine's stages are asked again, through the same evaluator's cache, for what the gap layers
need: the residents (points, persons, Voronoi units) and, per indicator, who is not served
(``shelter``: the persons the exact assignment leaves without a place, partly sheltered points
counting their unsheltered persons; ``space_<circle>`` and facility kinds: the persons of the
points with no site within reach). Then each representation is built and written to a
GeoPackage with ``pyogrio.write_dataframe`` (a temporary directory):

- ``A merged units``: today's ``gap_areas``: the residents' Voronoi units of the uncovered
  residents merged per indicator (``coverage_union_all``), one multipolygon per indicator;
- ``B flagged units``: the units undissolved, one layer, a ``g_<indicator>`` flag per indicator
  (units with at least one flag), ``population`` and ``unsheltered`` columns;
- ``C grid``: square cells (``--cell``, 100 m) aggregated once with ``numpy.bincount``:
  ``population`` and ``u_<indicator>`` (uncovered persons) per cell, cells with any uncovered;
- ``D h3 r<res>``: H3 hexagons (``--h3-res``), points to WGS84 (``pyproj``) then
  ``h3.latlng_to_cell``, aggregated the same way; hexagon outlines back to the plan's CRS;
- ``E raster units``: the units burnt once into a label raster (``--pixel``, 10 m;
  ``rasterio.features.rasterize``, value = resident index), then per indicator the uncovered
  pixels (plus the pixel of each uncovered resident point, so none is lost) labelled into
  4-connected patches (``scipy.ndimage.label``) and polygonised (``rasterio.features.shapes``),
  one polygon per patch with its uncovered persons;
- ``E raster EDT``: the same without the Voronoi units: the label raster is the nearest resident
  point of each pixel (``scipy.ndimage.distance_transform_edt``, a raster Voronoi), cut at the
  units' radius from the points.

A and B share the Voronoi units: their time (``units``) is counted in both totals, as it is today.

Checks, each against the report's uncovered persons of that indicator (``shelter``:
``population_unsheltered``; circles and kinds: population minus ``population_covered``):
``attr`` sums the representation's population column over its features, read back from the
GeoPackage written (A: its ``population`` row by construction; B: ``population`` (shelter:
``unsheltered``) of the units flagged; C, D, E: the ``u_``/``population`` columns);
``points`` sums the uncovered persons of the resident points that lie in (intersect) the
indicator's features (an ``STRtree`` query, not timed), i.e. no uncovered resident falls
outside the drawing. ``ok`` is both within 0.5 person for every indicator.

Memory: ``peak`` is the highest RSS polled every 10 ms during the representation, above the RSS
at its start; ``maxrss`` is ``resource.getrusage`` ``ru_maxrss``, the process's high-water mark so
far (cumulative: the city, the evaluation and the earlier representations included).

Run::

    python bench/bench_gaps.py [--sizes small,medium,large] [--cell 100] [--h3-res 9,10]
        [--pixel 10]

Figures measured on this machine (2 cores, shared with other jobs; ratios are within one
process), ``python bench/bench_gaps.py --sizes small,medium,large`` (about 8 minutes, most of
it the untimed ``points`` checks), cell 100 m, H3 resolutions 9 and 10, pixel 10 m
(per indicator at small and medium: the same pattern, A 0.1 s and 0.4 s per indicator, E 0.02 s
and 0.05 s)::

    ## small: 10,000 nodes, 50,000 residents, 100 facilities, 10 indicators (city 0.1 s)
    floor: figures, Evaluator(plan).evaluate(gaps=False): 0.41 s
    uncovered persons from the stages vs the report: max difference 0
    Voronoi units (shared by A, B, E units): 0.77 s, coverage True

    representation    build  write  total x figs    x A features     MB peakMB maxGB check
    C grid             0.01   0.03   0.04   0.09  0.022    5,172    1.3      7  0.30 ok
    D h3 r9            0.03   0.01   0.04   0.10  0.025      665    0.3      2  0.30 ok
    D h3 r10           0.05   0.02   0.07   0.18  0.044    4,191    1.2      4  0.30 ok
    E raster EDT       0.25   0.01   0.26   0.63  0.152      463    1.3     21  0.32 ok
    E raster units     1.72   0.01   1.73   4.18  1.016       70    0.6     60  0.40 ok
    B flagged units    0.77   0.29   1.06   2.56  0.623   50,000   12.6      0  0.40 ok
    A merged units     1.70   0.01   1.70   4.11  1.000       10    0.4      3  0.40 ok
      C grid: 100 m cells
      D h3 r9: CRS 0.01 s, latlng_to_cell 0.02 s
      D h3 r10: CRS 0.01 s, latlng_to_cell 0.02 s
      E raster EDT: 1005x716 px
      E raster units: 1005x716 px

    ## medium: 30,000 nodes, 150,000 residents, 300 facilities, 10 indicators (city 0.2 s)
    floor: figures, Evaluator(plan).evaluate(gaps=False): 1.41 s
    uncovered persons from the stages vs the report: max difference 2.33e-10
    Voronoi units (shared by A, B, E units): 2.51 s, coverage True

    representation    build  write  total x figs    x A features     MB peakMB maxGB check
    C grid             0.02   0.08   0.09   0.07  0.015   15,406    4.0     12  0.49 ok
    D h3 r9            0.11   0.01   0.12   0.09  0.019    1,947    0.6     10  0.49 ok
    D h3 r10           0.16   0.06   0.22   0.15  0.033   12,552    3.4     17  0.49 ok
    E raster EDT       0.74   0.02   0.76   0.54  0.118    1,556    3.4     35  0.49 ok
    E raster units     5.19   0.01   5.20   3.69  0.803      182    1.4    189  0.74 ok
    B flagged units    2.52   0.82   3.34   2.37  0.516  150,000   37.6     10  0.74 ok
    A merged units     6.46   0.01   6.47   4.60  1.000       10    1.0     11  0.74 ok
      C grid: 100 m cells
      D h3 r9: CRS 0.02 s, latlng_to_cell 0.07 s
      D h3 r10: CRS 0.03 s, latlng_to_cell 0.07 s
      E raster EDT: 1529x1235 px
      E raster units: 1529x1235 px

    ## large: 100,000 nodes, 500,000 residents, 1,000 facilities, 10 indicators (city 0.7 s)
    floor: figures, Evaluator(plan).evaluate(gaps=False): 5.78 s
    uncovered persons from the stages vs the report: max difference 0
    Voronoi units (shared by A, B, E units): 8.25 s, coverage True

    representation    build  write  total x figs    x A features     MB peakMB maxGB check
    C grid             0.06   0.23   0.29   0.05  0.010   50,439   13.3     38  1.15 ok
    D h3 r9            0.39   0.03   0.42   0.07  0.014    6,275    1.8     34  1.15 ok
    D h3 r10           0.61   0.18   0.79   0.14  0.026   41,233   11.0     66  1.15 ok
    E raster EDT       2.28   0.05   2.33   0.40  0.077    4,765    9.5    110  1.15 ok
    E raster units    16.83   0.02  16.85   2.92  0.560      547    4.2    653  1.93 ok
    B flagged units    8.27   2.78  11.04   1.91  0.367  500,000  125.5     16  1.93 ok
    A merged units    30.07   0.02  30.08   5.21  1.000       10    3.1     37  1.93 ok
      C grid: 100 m cells
      D h3 r9: CRS 0.06 s, latlng_to_cell 0.27 s
      D h3 r10: CRS 0.08 s, latlng_to_cell 0.26 s
      E raster EDT: 2549x2225 px
      E raster units: 2549x2225 px

    indicator          uncovered  points   A s A pts  Eu s EDT s E pts   grid  h3 r9 h3 r10
    shelter            4,409,418 420,214  2.08    45  0.15  0.18   502 44,012  5,889 36,159
    space_5min         4,817,954 458,873  2.00    44  0.15  0.18   482 47,392  6,146 38,840
    space_10min        4,612,831 439,300  2.14    51  0.15  0.18   501 45,371  5,932 37,188
    space_15min        5,046,573 480,850  2.49     8  0.13  0.16   412 48,650  6,116 39,789
    clinic             5,081,064 484,200  2.45    38  0.14  0.17   460 49,506  6,268 40,552
    community_service  5,073,451 483,282  2.47    28  0.14  0.17   449 49,502  6,267 40,525
    elderly_care       5,055,767 481,579  2.42    40  0.14  0.17   453 49,379  6,271 40,440
    kindergarten       5,060,745 482,125  2.40    33  0.14  0.17   456 49,395  6,272 40,442
    middle_school      3,096,043 294,782  1.23    92  0.27  0.25   563 31,973  4,636 26,349
    primary_school     4,749,307 452,341  2.14    43  0.15  0.18   487 46,840  6,103 38,405

For a map, in one line each: A is exact at the neighbourhood scale and light to draw (one
multipolygon per indicator) but the slowest to make; B is exact and the heaviest to draw; C and
D are blocky at the neighbourhood scale (100 m squares, 0.1 km2 or 0.015 km2 hexagons) and light
to draw; E follows A within a pixel (10 m) and is light to draw.

What the figures say (large: 500k residents, figures 5.8 s):

- A, today's merge, costs 30 s, 5.2x the figures: 8.3 s of Voronoi units, then about 2.2 s per
  indicator, so it grows with residents x indicators. On this district nine residents in ten
  are unserved for every indicator (1,000 facilities for a city of 22 x 20 km), the heavy case for
  the unions; a well-served plan merges fewer units, but the units' 8.3 s remain. (Today's
  ``gap_areas`` row for ``shelter`` sums the whole population of the partly sheltered points,
  453,480 at small against the report's 453,345.5 unsheltered; here A sums the unsheltered.)
- B, the units undissolved with flags, is 11 s (the units again, and 2.8 s to write 500,000
  polygons, 125 MB): it keeps A's look but not its size; 500k polygons are too many for a
  browser or a printed sheet. Its wide ``g_<indicator>`` columns also break the shapefile's
  10-character field names (``g_community_service``).
- C, the 100 m grid, is 0.3 s (0.05x the figures, 0.01x A), 50k cells, exact by construction.
  It answers "how many, where" as a choropleth, but squares of 100 m are blocky at the
  neighbourhood scale and a cell with one unserved family looks like a cell with fifty.
- D, H3, brings nothing over C here: r9 (6k hexagons, about 0.1 km2 each) is too coarse for a
  neighbourhood, r10 (41k) costs 2.7x the grid for the same picture, and the WGS84 round trip
  (0.06-0.08 s) plus a per-point Python call (0.27 s) are pure overhead on a plan already in
  metres. h3 did not earn its place as a dependency.
- E, rasterised and polygonised: with the label raster from the points (EDT, a raster Voronoi
  cut at the units' radius) it is 2.3 s in all, 0.4x the figures and 0.08x A, about 0.18 s per
  indicator, 110 MB above its start; 4,765 polygons (about 500 per indicator), 9.5 MB. The
  outline follows A's at 10 m; each patch carries its persons, exact by construction (every
  unserved point's pixel is in the mask). It differs from A only at the edges: A's units are
  clipped to the residents' convex hull grown by the radius, E's pixels to the radius around
  each point, so E leaves holes where nobody lives and gives a lone outlier a small patch where
  A gives it a cell reaching to the hull. Burning the Voronoi units instead (E units) needs the
  units and 650 MB, 17 s: worse than B.

Recommendation (taken: ``spaceplanner.engine.gap_raster`` draws the gap areas this way, with the
pixel size chosen from a pixel budget, and the service areas likewise): E with the EDT label
raster as the one gap geometry, in today's long schema
(``indicator``, ``population``, geometry; one row per patch instead of one multipolygon per
indicator), for the web map, the map sheet, the shapefiles and the GeoPackage and the desktop
canvas: it keeps today's look (areas, not cells) at a tenth of the cost, draws about 500
polygons per indicator at city scale, and needs neither the Voronoi units nor any union. The
label raster depends only on the residents (cache it with them); the per-indicator step is a
numpy gather, a label and a polygonise. For the desktop's live drag the gathered mask can be
drawn as an image without polygonising. Add C (``u_<indicator>`` per 100 m cell, 0.3 s) only
as an optional analysis layer for the GeoPackage, not the shapefile (column names). Watch the
raster size at megacity scale: 10 m pixels over a 3M-node city are about 30x the large
district's 5.7 M pixels (int32 labels plus EDT indices, several GB): take 20 m pixels there,
or work in tiles.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pyogrio
import shapely
from bench_evaluate import RssSampler, maxrss_bytes, rss_bytes
from pyproj import Transformer
from scipy import ndimage
from synthetic_city import SIZES, make_city

from spaceplanner import Evaluator
from spaceplanner.engine.daily import facility_stage, space_stage
from spaceplanner.engine.locate import Inputs, locate_stage
from spaceplanner.engine.shelter_stage import shelter_stage
from spaceplanner.feedback import Feedback

TOLERANCE = 0.5  # persons


@dataclass
class Gaps:
    """What every representation reads: the residents and, per indicator, who is not served."""

    xy: np.ndarray
    population: np.ndarray
    unsheltered: np.ndarray
    radius: float
    units: Callable[[], tuple[np.ndarray, bool]]
    crs: object
    missing: dict[str, np.ndarray] = field(default_factory=dict)  # indicator -> bool mask
    weight: dict[str, np.ndarray] = field(default_factory=dict)  # indicator -> uncovered persons
    report: dict[str, float] = field(default_factory=dict)  # indicator -> the report's figure


@dataclass
class Result:
    """One representation: times, output, checks."""

    name: str
    build: float = 0.0
    write: float = 0.0
    features: int = 0
    size: int = 0
    per_indicator: dict[str, float] = field(default_factory=dict)
    features_by: dict[str, int] = field(default_factory=dict)
    attr: dict[str, float] = field(default_factory=dict)
    points: dict[str, float] = field(default_factory=dict)
    peak: int = 0
    maxrss: int = 0
    note: str = ""

    @property
    def total(self) -> float:
        return self.build + self.write


def evaluate_once(plan: object) -> tuple[float, Gaps]:
    """The floor (figures of a new evaluator) and the inputs of the gap layers."""
    ev = Evaluator(plan)  # type: ignore[arg-type]
    start = time.perf_counter()
    report = ev.evaluate(gaps=False)
    floor = time.perf_counter() - start
    inp = Inputs(ev.plan, ev.profile, ev.scenario, ev.cache, Feedback())
    ctx = locate_stage(inp)  # cached: the stages as the evaluation left them
    shelters = shelter_stage(inp, ctx)
    spaces = space_stage(inp, ctx)
    facilities = facility_stage(inp, ctx)
    res = ctx.residents
    radius = max(inp.profile.service_area_buffer.value, 50.0)
    unsheltered = res.population - shelters.sheltered
    gaps = Gaps(
        xy=res.xy,
        population=res.population,
        unsheltered=unsheltered,
        radius=radius,
        units=lambda: res.units(radius),
        crs=ev.plan.crs,
    )
    total = report.population
    if report.shelters is not None:
        gaps.missing["shelter"] = unsheltered > 1e-6
        gaps.weight["shelter"] = np.where(gaps.missing["shelter"], unsheltered, 0.0)
        gaps.report["shelter"] = report.shelters.population_unsheltered
    for name, d in spaces.distances.items():
        assert report.activity_spaces is not None
        gaps.missing[f"space_{name}"] = ~np.isfinite(d)
        gaps.report[f"space_{name}"] = (
            total - report.activity_spaces.circles[name].population_covered
        )
    for kind, d in facilities.distances.items():
        assert report.facilities is not None
        gaps.missing[kind] = ~np.isfinite(d)
        gaps.report[kind] = total - report.facilities[kind].population_covered
    for name, miss in gaps.missing.items():
        gaps.weight.setdefault(name, np.where(miss, res.population, 0.0))
    return floor, gaps


def merge(polygons: np.ndarray, coverage: bool) -> shapely.Geometry:
    """Merge polygons (the engine's gap areas before pixels); a coverage merges fast."""
    if coverage:
        try:
            return shapely.coverage_union_all(polygons)
        except shapely.errors.GEOSException:
            pass  # not a clean coverage after all (e.g. rounding at shared edges)
    return shapely.union_all(polygons)


def write(frame: gpd.GeoDataFrame, path: Path) -> int:
    pyogrio.write_dataframe(frame, path, layer="gaps", driver="GPKG")
    return path.stat().st_size


def points_inside(geoms: np.ndarray, xy: np.ndarray, weight: np.ndarray) -> float:
    """Uncovered persons of the resident points that intersect ``geoms`` (each point once)."""
    keep = np.flatnonzero(weight > 0)
    if keep.size == 0 or len(geoms) == 0:
        return 0.0
    tree = shapely.STRtree(geoms)
    hit, _ = tree.query(shapely.points(xy[keep]), predicate="intersects")
    return float(weight[keep[np.unique(hit)]].sum())


# -- the representations -----------------------------------------------------------------------
def rep_merged(g: Gaps, path: Path, units: np.ndarray, coverage: bool, r: Result) -> None:
    rows = []
    start = time.perf_counter()
    for name, miss in g.missing.items():
        t0 = time.perf_counter()
        if miss.any():
            area = merge(units[miss], coverage)
            rows.append(
                {"indicator": name, "population": float(g.weight[name].sum()), "geometry": area}
            )
            r.features_by[name] = len(shapely.get_parts(area))
        r.per_indicator[name] = time.perf_counter() - t0
    frame = gpd.GeoDataFrame(rows, columns=["indicator", "population", "geometry"], crs=g.crs)
    r.build += time.perf_counter() - start
    t0 = time.perf_counter()
    r.size = write(frame, path)
    r.write = time.perf_counter() - t0
    r.features = len(frame)
    back = pyogrio.read_dataframe(path, read_geometry=False)
    for name in g.missing:
        r.attr[name] = float(back.loc[back["indicator"] == name, "population"].sum())
        geoms = frame.geometry[frame["indicator"] == name].to_numpy()
        r.points[name] = points_inside(geoms, g.xy, g.weight[name])


def rep_flagged(g: Gaps, path: Path, units: np.ndarray, r: Result) -> None:
    start = time.perf_counter()
    cols: dict[str, object] = {"population": g.population, "unsheltered": g.unsheltered}
    anyg = np.zeros(len(g.population), dtype=bool)
    for name, miss in g.missing.items():
        cols[f"g_{name}"] = miss
        anyg |= miss
    frame = gpd.GeoDataFrame(pd.DataFrame(cols)[anyg], geometry=units[anyg], crs=g.crs)
    r.build = time.perf_counter() - start
    t0 = time.perf_counter()
    r.size = write(frame, path)
    r.write = time.perf_counter() - t0
    r.features = len(frame)
    back = pyogrio.read_dataframe(path, read_geometry=False)
    geoms = frame.geometry.to_numpy()
    for name in g.missing:
        flag = back[f"g_{name}"].astype(bool).to_numpy()
        persons = back["unsheltered" if name == "shelter" else "population"].to_numpy()
        r.attr[name] = float(persons[flag].sum())
        r.features_by[name] = int(flag.sum())
        r.points[name] = points_inside(geoms[flag], g.xy, g.weight[name])


def _aggregate(
    g: Gaps, inv: np.ndarray, n: int, r: Result
) -> tuple[dict[str, np.ndarray], np.ndarray]:
    """Persons and uncovered persons per cell (``inv``: each resident's cell), once."""
    out = {"population": np.bincount(inv, weights=g.population, minlength=n)}
    anyu = np.zeros(n, dtype=bool)
    for name in g.missing:
        t0 = time.perf_counter()
        out[f"u_{name}"] = np.bincount(inv, weights=g.weight[name], minlength=n)
        anyu |= out[f"u_{name}"] > 0
        r.per_indicator[name] = time.perf_counter() - t0
    return out, anyu


def _finish_cells(g: Gaps, path: Path, frame: gpd.GeoDataFrame, r: Result) -> None:
    t0 = time.perf_counter()
    r.size = write(frame, path)
    r.write = time.perf_counter() - t0
    r.features = len(frame)
    back = pyogrio.read_dataframe(path, read_geometry=False)
    geoms = frame.geometry.to_numpy()
    for name in g.missing:
        u = back[f"u_{name}"].to_numpy()
        r.attr[name] = float(u.sum())
        r.features_by[name] = int((u > 0).sum())
        r.points[name] = points_inside(geoms[u > 0], g.xy, g.weight[name])


def rep_grid(g: Gaps, path: Path, cell: float, r: Result) -> None:
    start = time.perf_counter()
    x0, y0 = np.floor(g.xy.min(axis=0) / cell) * cell
    ix = np.floor((g.xy[:, 0] - x0) / cell).astype(np.int64)
    iy = np.floor((g.xy[:, 1] - y0) / cell).astype(np.int64)
    key = iy * (int(ix.max()) + 1) + ix
    cells, inv = np.unique(key, return_inverse=True)
    cols, anyu = _aggregate(g, inv, len(cells), r)
    nx = int(ix.max()) + 1
    cx, cy = (cells[anyu] % nx) * cell + x0, (cells[anyu] // nx) * cell + y0
    frame = gpd.GeoDataFrame(
        {k: v[anyu] for k, v in cols.items()},
        geometry=shapely.box(cx, cy, cx + cell, cy + cell),
        crs=g.crs,
    )
    r.build = time.perf_counter() - start
    _finish_cells(g, path, frame, r)


def rep_h3(g: Gaps, path: Path, res: int, r: Result) -> None:
    import h3.api.basic_int as h3  # not a dependency of the project: the bench's question

    start = time.perf_counter()
    to_wgs = Transformer.from_crs(g.crs, 4326, always_xy=True)
    lng, lat = to_wgs.transform(g.xy[:, 0], g.xy[:, 1])
    crs_s = time.perf_counter() - start
    ids = np.fromiter(
        (h3.latlng_to_cell(a, b, res) for a, b in zip(lat.tolist(), lng.tolist(), strict=True)),
        dtype=np.uint64,
        count=len(lat),
    )
    index_s = time.perf_counter() - start - crs_s
    cells, inv = np.unique(ids, return_inverse=True)
    cols, anyu = _aggregate(g, inv, len(cells), r)
    rings = [h3.cell_to_boundary(int(c)) for c in cells[anyu]]
    sizes = np.array([len(ring) for ring in rings])
    flat = np.array([p for ring in rings for p in ring], dtype=float).reshape(-1, 2)
    t0 = time.perf_counter()
    x, y = Transformer.from_crs(4326, g.crs, always_xy=True).transform(flat[:, 1], flat[:, 0])
    crs_s += time.perf_counter() - t0
    coords = np.split(np.column_stack([x, y]), np.cumsum(sizes)[:-1])
    frame = gpd.GeoDataFrame(
        {k: v[anyu] for k, v in cols.items()},
        geometry=shapely.polygons(coords) if len(coords) else [],
        crs=g.crs,
    )
    r.build = time.perf_counter() - start
    r.note = f"CRS {crs_s:.2f} s, latlng_to_cell {index_s:.2f} s"
    _finish_cells(g, path, frame, r)


def _raster_grid(g: Gaps, pixel: float) -> tuple[object, int, int, np.ndarray, np.ndarray]:
    from rasterio.transform import from_origin

    lo = np.floor((g.xy.min(axis=0) - g.radius) / pixel) * pixel
    hi = np.ceil((g.xy.max(axis=0) + g.radius) / pixel) * pixel
    width, height = (int(v) for v in np.rint((hi - lo) / pixel))
    transform = from_origin(lo[0], hi[1], pixel, pixel)
    col = np.clip(((g.xy[:, 0] - lo[0]) / pixel).astype(np.int64), 0, width - 1)
    row = np.clip(((hi[1] - g.xy[:, 1]) / pixel).astype(np.int64), 0, height - 1)
    return transform, width, height, row, col


def _polygonise(
    g: Gaps,
    path: Path,
    label: np.ndarray,
    transform: object,
    row: np.ndarray,
    col: np.ndarray,
    r: Result,
) -> None:
    """Per indicator: uncovered pixels (and uncovered points' pixels) to polygons."""
    from rasterio.features import shapes

    start = time.perf_counter()
    inside = label >= 0
    parts = []
    for name, miss in g.missing.items():
        t0 = time.perf_counter()
        mask = np.zeros(label.shape, dtype=bool)
        mask[inside] = miss[label[inside]]
        mask[row[miss], col[miss]] = True
        patches, n = ndimage.label(mask)  # 4-connected, as shapes(connectivity=4)
        persons = np.bincount(patches[row, col], weights=g.weight[name], minlength=n + 1)
        geoms, values = [], []
        for geom, value in shapes(patches.astype(np.int32), mask=mask, transform=transform):
            geoms.append(shapely.geometry.shape(geom))
            values.append(int(value))
        idx = np.asarray(values, dtype=np.int64)
        parts.append(
            gpd.GeoDataFrame(
                {"indicator": name, "population": persons[idx]}, geometry=geoms, crs=g.crs
            )
        )
        r.per_indicator[name] = time.perf_counter() - t0
        r.features_by[name] = len(geoms)
    frame = pd.concat(parts, ignore_index=True)
    r.build += time.perf_counter() - start
    t0 = time.perf_counter()
    r.size = write(frame, path)
    r.write = time.perf_counter() - t0
    r.features = len(frame)
    back = pyogrio.read_dataframe(path, read_geometry=False)
    for name in g.missing:
        r.attr[name] = float(back.loc[back["indicator"] == name, "population"].sum())
        geoms = frame.geometry[frame["indicator"] == name].to_numpy()
        r.points[name] = points_inside(geoms, g.xy, g.weight[name])


def rep_raster_units(g: Gaps, path: Path, units: np.ndarray, pixel: float, r: Result) -> None:
    from rasterio.features import rasterize

    start = time.perf_counter()
    transform, width, height, row, col = _raster_grid(g, pixel)
    label = rasterize(
        zip(units, range(len(units)), strict=True),
        out_shape=(height, width),
        transform=transform,
        fill=-1,
        dtype="int32",
    )
    r.build = time.perf_counter() - start
    r.note = f"{width}x{height} px"
    _polygonise(g, path, label, transform, row, col, r)


def rep_raster_edt(g: Gaps, path: Path, pixel: float, r: Result) -> None:
    start = time.perf_counter()
    transform, width, height, row, col = _raster_grid(g, pixel)
    seed = np.full((height, width), -1, dtype=np.int32)
    seed[row, col] = np.arange(len(row), dtype=np.int32)
    dist, (ir, ic) = ndimage.distance_transform_edt(seed < 0, return_indices=True)
    label = seed[ir, ic]
    label[dist * pixel > g.radius] = -1
    del dist, ir, ic
    r.build = time.perf_counter() - start
    r.note = f"{width}x{height} px"
    _polygonise(g, path, label, transform, row, col, r)


# -- one size, in its own process ----------------------------------------------------------------
def measure(name: str, cell: float, h3_res: list[int], pixel: float) -> None:
    n_nodes, n_res, n_fac = SIZES[name]
    t0 = time.perf_counter()
    plan = make_city(n_nodes, n_res, n_fac)
    built = time.perf_counter() - t0
    floor, g = evaluate_once(plan)
    try:
        import h3  # noqa: F401
    except ImportError:
        print("h3 is not installed (pip install h3): the H3 hexagons are left out")
        h3_res = []
    print(
        f"\n## {name}: {n_nodes:,} nodes, {n_res:,} residents, {n_fac:,} facilities, "
        f"{len(g.missing)} indicators (city {built:.1f} s)"
    )
    print(f"floor: figures, Evaluator(plan).evaluate(gaps=False): {floor:.2f} s")
    mask_vs_report = max(abs(float(g.weight[k].sum()) - g.report[k]) for k in g.missing)
    print(f"uncovered persons from the stages vs the report: max difference {mask_vs_report:.3g}")
    results: list[Result] = []

    def run(label: str, fn: Callable[[Result], None], shared: float = 0.0) -> Result:
        r = Result(label)
        with RssSampler() as sampler:
            base = rss_bytes()
            fn(r)
        r.build += shared  # the Voronoi units, built once for A, B and E units
        r.peak, r.maxrss = max(0, sampler.peak - base), maxrss_bytes()
        results.append(r)
        return r

    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp)
        run("C grid", lambda r: rep_grid(g, d / "c.gpkg", cell, r)).note = f"{cell:g} m cells"
        for res in h3_res:
            run(f"D h3 r{res}", partial(rep_h3, g, d / f"d{res}.gpkg", res))
        run("E raster EDT", lambda r: rep_raster_edt(g, d / "e2.gpkg", pixel, r))
        t0 = time.perf_counter()
        units, coverage = g.units()
        units_s = time.perf_counter() - t0
        print(f"Voronoi units (shared by A, B, E units): {units_s:.2f} s, coverage {coverage}")
        run("E raster units", partial(rep_raster_units, g, d / "e1.gpkg", units, pixel), units_s)
        run("B flagged units", partial(rep_flagged, g, d / "b.gpkg", units), units_s)
        run("A merged units", partial(rep_merged, g, d / "a.gpkg", units, coverage), units_s)
    a_total = results[-1].total
    print_tables(results, g, floor, a_total)


REP_HEAD = (
    f"{'representation':<16}{'build':>7}{'write':>7}{'total':>7}{'x figs':>7}{'x A':>7}"
    f"{'features':>9}{'MB':>7}{'peakMB':>7}{'maxGB':>6} check"
)


def rep_row(name: str, *v: float, ok: bool) -> str:
    """One row of the representations' table (seconds, ratios, features, MB, MB, GB)."""
    build, write_s, total, x_figs, x_a, features, mb, peak, maxgb = v
    return (
        f"{name:<16}{build:7.2f}{write_s:7.2f}{total:7.2f}{x_figs:7.2f}{x_a:7.3f}"
        f"{int(features):9,}{mb:7.1f}{peak:7.0f}{maxgb:6.2f} {'ok' if ok else 'FAIL'}"
    )


def ind_head(h3_names: list[str]) -> str:
    cells = "".join(f"{'h3 ' + n:>7}" for n in h3_names)
    return (
        f"{'indicator':<18}{'uncovered':>10}{'points':>8}{'A s':>6}{'A pts':>6}{'Eu s':>6}"
        f"{'EDT s':>6}{'E pts':>6}{'grid':>7}{cells}"
    )


def ind_row(name: str, *v: float) -> str:
    """One row of the per-indicator table (``pts``: polygons or parts)."""
    uncovered, points, a_s, a_parts, eu_s, edt_s, e_parts, grid, *h3_cells = v
    cells = "".join(f"{int(n):7,}" for n in h3_cells)
    return (
        f"{name:<18}{uncovered:10,.0f}{int(points):8,}{a_s:6.2f}{int(a_parts):6,}{eu_s:6.2f}"
        f"{edt_s:6.2f}{int(e_parts):6,}{int(grid):7,}{cells}"
    )


def print_tables(results: list[Result], g: Gaps, floor: float, a_total: float) -> None:
    print("\n" + REP_HEAD)
    for r in results:
        ok = all(
            abs(r.attr[k] - g.report[k]) <= TOLERANCE
            and abs(r.points[k] - g.report[k]) <= TOLERANCE
            for k in g.missing
        )
        print(
            rep_row(
                r.name,
                r.build,
                r.write,
                r.total,
                r.total / floor,
                r.total / a_total,
                r.features,
                r.size / 1e6,
                r.peak / 1e6,
                r.maxrss / 1e9,
                ok=ok,
            )
        )
        if not ok:
            for k in g.missing:
                print(
                    f"    {k}: report {g.report[k]:.1f}, attr {r.attr[k]:.1f}, "
                    f"points {r.points[k]:.1f}"
                )
    for r in results:
        if r.note:
            print(f"  {r.name}: {r.note}")
    by = {r.name: r for r in results}
    a, e1, e2 = by["A merged units"], by["E raster units"], by["E raster EDT"]
    c = by["C grid"]
    ds = [r for r in results if r.name.startswith("D h3")]
    print("\n" + ind_head([r.name[6:] for r in ds]))
    for k in g.missing:
        print(
            ind_row(
                k,
                g.report[k],
                int((g.weight[k] > 0).sum()),
                a.per_indicator.get(k, 0),
                a.features_by.get(k, 0),
                e1.per_indicator.get(k, 0),
                e2.per_indicator.get(k, 0),
                e2.features_by.get(k, 0),
                c.features_by.get(k, 0),
                *(r.features_by.get(k, 0) for r in ds),
            )
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sizes",
        default="small,medium",
        help="comma-separated, of "
        + ", ".join(f"{k} {v[0]}/{v[1]}/{v[2]}" for k, v in SIZES.items()),
    )
    parser.add_argument("--cell", type=float, default=100.0, help="grid cell side, m")
    parser.add_argument("--h3-res", default="9,10", help="H3 resolutions, comma-separated")
    parser.add_argument("--pixel", type=float, default=10.0, help="raster pixel side, m")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    h3_res = [int(x) for x in args.h3_res.split(",") if x.strip()]
    if args.child:
        measure(args.child, args.cell, h3_res, args.pixel)
        return
    names = [s.strip() for s in args.sizes.split(",") if s.strip()]
    for name in names:
        if name not in SIZES:
            parser.error(f"unknown size {name!r}; sizes are {', '.join(SIZES)}")
    for name in names:
        cmd = [sys.executable, __file__, "--child", name, "--cell", str(args.cell)]
        cmd += ["--h3-res", args.h3_res, "--pixel", str(args.pixel)]
        subprocess.run(cmd, check=True, env={**os.environ, "PYTHONUNBUFFERED": "1"})


if __name__ == "__main__":
    main()
