"""A deterministic synthetic city, built in memory, for the evaluation benchmarks.

``make_city(n_nodes, n_residents, n_facilities, seed)`` returns a
:class:`spaceplanner.model.plan.Plan`
in EPSG:32650 (UTM 50N, metres) whose layers are already fitted to their roles (catalogue column
names, text ids), as :func:`spaceplanner.load_plan` would give them:

- ``network``: a street grid of about ``n_nodes`` nodes with blocks of 60–80 m, nodes jittered by
  up to 4 m, every block edge its own two-vertex LineString; about 5 % of the grid edges are
  removed at random, and a few diagonal avenues run through grid nodes (sharing their vertices);
- ``residents``: ``n_residents`` points with ``population`` 1–20, each a few metres to a block's
  depth off a street; one in a thousand lies 600–1500 m outside the city (unreachable at the
  default 500 m connector limit);
- ``shelters`` (10 % of ``n_facilities``): rectangles of 1000–20000 m² around street corners, with
  ``class`` emergency (80 %) or fixed and an ``effective_area`` of 50–90 % of the site;
- ``activity_spaces`` (15 %): rectangles of 2000–60000 m² (log-uniform), ``kind`` park, square...;
- ``facilities`` (the rest): points near streets, ``kind`` one of kindergarten, primary_school,
  clinic, elderly_care, community_service, middle_school.

The same arguments give the same city. ``city_file(name)`` saves the city of a size in
:data:`SIZES` once as a plan GeoPackage in the benchmark cache folder
(``$SPACEPLANNER_BENCH_CACHE``, else ``bench/.cache/``, which ignores itself in git) and returns
its path; later calls reuse the file. Run this file to build a small city, print its layers and
check that it evaluates, or with ``--save SIZE`` to build and cache the plan file of a size.
"""

from __future__ import annotations

import argparse
import math
import os
import time
from pathlib import Path

import geopandas as gpd
import numpy as np
import shapely
from pyproj import CRS

from spaceplanner.model.plan import Plan, PlanLayer

__all__ = ["CRS_EPSG", "FACILITY_KINDS", "SIZES", "cache_dir", "city_file", "make_city"]

#: The city's CRS: UTM zone 50N.
CRS_EPSG = 32650
#: South-west corner of the city, metres in :data:`CRS_EPSG`.
ORIGIN = (500_000.0, 3_400_000.0)
#: Kinds of the point facilities, drawn with equal odds.
FACILITY_KINDS = (
    "kindergarten",
    "primary_school",
    "clinic",
    "elderly_care",
    "community_service",
    "middle_school",
)
SPACE_KINDS = ("park", "square", "playground", "green", "fitness")
#: Shares of ``n_facilities`` that are shelters and activity spaces; the rest are point facilities.
SHELTER_SHARE, SPACE_SHARE = 0.10, 0.15
#: Share of grid edges removed; share of residents placed far outside the city.
REMOVED_SHARE, FAR_SHARE = 0.05, 0.001
#: The benchmark sizes, name: (network nodes, resident points, facilities of all kinds).
SIZES = {
    "small": (10_000, 50_000, 100),
    "medium": (30_000, 150_000, 300),
    "large": (100_000, 500_000, 1_000),
    # city scale: built once and cached on disk (city_file), never run by default
    "city": (1_000_000, 2_000_000, 10_000),
    "huge": (3_000_000, 2_000_000, 10_000),
}
#: Bumped when the generator changes, so that a cached plan file of an older city is not reused.
GENERATOR_VERSION = 1


def _grid(rng: np.random.Generator, n_nodes: int) -> tuple[np.ndarray, np.ndarray, int, int]:
    """Jittered grid nodes ``(N, 2)`` and street edges ``(E, 2)`` (node index pairs)."""
    nx_ = max(2, math.ceil(math.sqrt(n_nodes)))
    ny_ = max(2, math.ceil(n_nodes / nx_))
    xs = np.concatenate([[0.0], np.cumsum(rng.uniform(60, 80, nx_ - 1))])
    ys = np.concatenate([[0.0], np.cumsum(rng.uniform(60, 80, ny_ - 1))])
    gx, gy = np.meshgrid(xs, ys)  # (ny, nx): node (i, j) is column i, row j
    nodes = np.column_stack([gx.ravel(), gy.ravel()]) + rng.uniform(-4, 4, (nx_ * ny_, 2))
    nodes += ORIGIN
    idx = np.arange(nx_ * ny_).reshape(ny_, nx_)
    horizontal = np.column_stack([idx[:, :-1].ravel(), idx[:, 1:].ravel()])
    vertical = np.column_stack([idx[:-1, :].ravel(), idx[1:, :].ravel()])
    edges = np.concatenate([horizontal, vertical])
    edges = edges[rng.random(len(edges)) >= REMOVED_SHARE]
    # Diagonal avenues: from a node on the west or south edge, one block up and right per step.
    diagonals = []
    for _ in range(max(2, min(nx_, ny_) // 40)):
        if rng.random() < 0.5:
            i, j = 0, int(rng.integers(0, ny_ - 1))
        else:
            i, j = int(rng.integers(0, nx_ - 1)), 0
        steps = min(nx_ - 1 - i, ny_ - 1 - j)
        k = np.arange(steps)
        diagonals.append(np.column_stack([idx[j + k, i + k], idx[j + k + 1, i + k + 1]]))
    edges = np.concatenate([edges, *diagonals])
    return nodes, edges, nx_, ny_


def _near_streets(
    rng: np.random.Generator, nodes: np.ndarray, edges: np.ndarray, count: int, lo: float, hi: float
) -> np.ndarray:
    """``count`` points ``(count, 2)`` along random edges, ``lo``–``hi`` m off to either side."""
    pick = rng.integers(0, len(edges), count)
    a, b = nodes[edges[pick, 0]], nodes[edges[pick, 1]]
    along = a + (b - a) * rng.uniform(0.05, 0.95, count)[:, None]
    d = b - a
    normal = np.column_stack([-d[:, 1], d[:, 0]]) / np.hypot(d[:, 0], d[:, 1])[:, None]
    side = np.where(rng.random(count) < 0.5, -1.0, 1.0)
    return along + normal * (side * rng.uniform(lo, hi, count))[:, None]


def _rectangles(rng: np.random.Generator, centres: np.ndarray, area: np.ndarray) -> np.ndarray:
    """Axis-aligned rectangles of ``area`` m² around ``centres``, aspect ratio 1:2 to 2:1."""
    aspect = np.exp(rng.uniform(np.log(0.5), np.log(2.0), len(area)))
    w = np.sqrt(area * aspect)
    h = area / w
    x, y = centres[:, 0], centres[:, 1]
    return shapely.box(x - w / 2, y - h / 2, x + w / 2, y + h / 2)


def _ids(prefix: str, count: int) -> list[str]:
    return [f"{prefix}-{i}" for i in range(1, count + 1)]


def make_city(n_nodes: int, n_residents: int, n_facilities: int, seed: int = 0) -> Plan:
    """Build a synthetic city plan in memory.

    Parameters
    ----------
    n_nodes
        About this many network nodes (a grid of ``ceil(sqrt(n))`` columns).
    n_residents
        Number of resident points.
    n_facilities
        Shelters, activity spaces and point facilities together (10 %, 15 %, 75 %).
    seed
        Seed of the random generator: the same arguments give the same city.

    Returns
    -------
    Plan
        Layers ``network``, ``residents``, ``shelters``, ``activity_spaces``, ``facilities``
        (each its own role), CRS EPSG:32650, rules ``cn-gb``.
    """
    rng = np.random.default_rng(seed)
    crs = CRS.from_epsg(CRS_EPSG)
    nodes, edges, nx_, ny_ = _grid(rng, n_nodes)
    lines = shapely.linestrings(np.stack([nodes[edges[:, 0]], nodes[edges[:, 1]]], axis=1))
    network = gpd.GeoDataFrame({"id": _ids("street", len(lines))}, geometry=lines, crs=crs)

    # Residents: along the grid streets, a few far outside the city.
    xy = _near_streets(rng, nodes, edges, n_residents, 5.0, 30.0)
    far = np.flatnonzero(rng.random(n_residents) < FAR_SHARE)
    lo, hi = nodes.min(axis=0), nodes.max(axis=0)
    gap = rng.uniform(600, 1500, far.size)
    xy[far, 0] = np.where(rng.random(far.size) < 0.5, lo[0] - gap, hi[0] + gap)
    residents = gpd.GeoDataFrame(
        {
            "id": _ids("res", n_residents),
            "population": rng.integers(1, 21, n_residents).astype(float),
        },
        geometry=shapely.points(xy),
        crs=crs,
    )

    n_shelters = max(1, round(n_facilities * SHELTER_SHARE))
    n_spaces = max(1, round(n_facilities * SPACE_SHARE))
    n_points = max(1, n_facilities - n_shelters - n_spaces)

    # Shelters: around street corners (so streets run through or along them).
    corner = nodes[rng.integers(0, len(nodes), n_shelters)]
    area = rng.uniform(1000, 20000, n_shelters)
    shelter_geoms = _rectangles(rng, corner + rng.uniform(-30, 30, (n_shelters, 2)), area)
    shelters = gpd.GeoDataFrame(
        {
            "id": _ids("shelter", n_shelters),
            "name": [f"Shelter {i}" for i in range(1, n_shelters + 1)],
            "class": np.where(rng.random(n_shelters) < 0.8, "emergency", "fixed"),
            "effective_area": np.round(area * rng.uniform(0.5, 0.9, n_shelters), 1),
        },
        geometry=shelter_geoms,
        crs=crs,
    )

    corner = nodes[rng.integers(0, len(nodes), n_spaces)]
    area = np.exp(rng.uniform(np.log(2000), np.log(60000), n_spaces))
    spaces = gpd.GeoDataFrame(
        {
            "id": _ids("space", n_spaces),
            "name": [f"Space {i}" for i in range(1, n_spaces + 1)],
            "kind": rng.choice(SPACE_KINDS, n_spaces),
            "dual_use": rng.random(n_spaces) < 0.3,
        },
        geometry=_rectangles(rng, corner + rng.uniform(-30, 30, (n_spaces, 2)), area),
        crs=crs,
    )

    facilities = gpd.GeoDataFrame(
        {
            "id": _ids("facility", n_points),
            "name": [f"Facility {i}" for i in range(1, n_points + 1)],
            "kind": rng.choice(FACILITY_KINDS, n_points),
        },
        geometry=shapely.points(_near_streets(rng, nodes, edges, n_points, 5.0, 25.0)),
        crs=crs,
    )

    frames = {
        "network": network,
        "residents": residents,
        "shelters": shelters,
        "activity_spaces": spaces,
        "facilities": facilities,
    }
    layers = {
        role: PlanLayer(
            role,
            role,
            frame=frame,
            field_map={c: c for c in frame.columns if c != "geometry"},
            source="synthetic",
            source_crs=f"EPSG:{CRS_EPSG}",
        )
        for role, frame in frames.items()
    }
    return Plan(
        name=f"synthetic city {nx_}x{ny_} (seed {seed})",
        crs=crs,
        layers=layers,
        rules="cn-gb",
        description=(
            f"SYNTHETIC: {len(nodes)} grid nodes, {n_residents} resident points, "
            f"{n_facilities} facilities"
        ),
    )


def cache_dir() -> Path:
    """The benchmark cache folder: ``$SPACEPLANNER_BENCH_CACHE``, else ``bench/.cache``.

    Created on first use, with a ``.gitignore`` that ignores everything in it.
    """
    folder = Path(os.environ.get("SPACEPLANNER_BENCH_CACHE") or Path(__file__).parent / ".cache")
    folder.mkdir(parents=True, exist_ok=True)
    ignore = folder / ".gitignore"
    if not ignore.exists():
        ignore.write_text("*\n")
    return folder


def city_file(name: str, seed: int = 0) -> Path:
    """The plan GeoPackage of the synthetic city of size ``name``, built and saved on first use.

    The file is written under a temporary name and renamed when complete (``save_plan``), so an
    interrupted build leaves no half file behind.
    """
    from spaceplanner.model.plan_file import save_plan

    n_nodes, n_res, n_fac = SIZES[name]
    path = cache_dir() / f"city-{name}-{n_nodes}-{n_res}-{n_fac}-s{seed}-v{GENERATOR_VERSION}.gpkg"
    if not path.exists():
        save_plan(make_city(n_nodes, n_res, n_fac, seed), path)
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--nodes", type=int, default=2_500)
    parser.add_argument("--residents", type=int, default=10_000)
    parser.add_argument("--facilities", type=int, default=60)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--save", choices=list(SIZES), help="build and cache the plan file of a size"
    )
    args = parser.parse_args()
    if args.save:
        start = time.perf_counter()
        path = city_file(args.save, args.seed)
        print(f"{path} ({path.stat().st_size / 1e6:.0f} MB; {time.perf_counter() - start:.1f} s)")
        return
    from spaceplanner import evaluate

    start = time.perf_counter()
    plan = make_city(args.nodes, args.residents, args.facilities, args.seed)
    built = time.perf_counter() - start
    print(f"{plan.name}: built in {built:.2f} s")
    for layer in plan:
        assert layer.frame is not None
        kinds = ", ".join(layer.geometry_types())
        print(f"  {layer.name:<16}{layer.feature_count:>9} {kinds:<12} {list(layer.frame.columns)}")
    start = time.perf_counter()
    report = evaluate(plan)
    took = time.perf_counter() - start
    sheltered = report.shelters.share_sheltered if report.shelters is not None else 0.0
    print(
        f"evaluated in {took:.2f} s: population {report.population:,.0f}, sheltered "
        f"{sheltered:.1%}, gap layers {sorted(report.layers)}"
    )


if __name__ == "__main__":
    main()
