"""Benchmark of the site suggestions (``spaceplanner.engine.suggest``).

1. The helsinki sample with all its open spaces as shelter candidates (``--candidates auto``),
   add 5 (target <= 10 s).
2. A synthetic city (``synthetic_city.make_city``; default the large size: 100k network nodes,
   500k resident points) with 1,000 point candidates of 300–3,000 places spread over the city,
   add 20 shelters (targets <= 60 s and a gap <= 1 %).

Each line prints the time, the solver, the gap, the persons before and after; the baseline in the
same process is the plain evaluation of the same plan's shelters (``Evaluator.shelter_problem``,
the distances and checks the suggestion needs), so the ratio says what the choice itself costs.
"""

from __future__ import annotations

import argparse
import time

import geopandas as gpd
import numpy as np
import shapely
from synthetic_city import SIZES, make_city

from spaceplanner import load_plan
from spaceplanner.engine.evaluation import Evaluator
from spaceplanner.engine.suggest import suggest
from spaceplanner.model.plan import Plan, PlanLayer
from spaceplanner.sample_maps import get_path


def _line(name: str, seconds: float, base: float, result, target_s: float) -> None:
    d = result.to_dict()
    gap = "n/a" if d["gap"] != d["gap"] else f"{d['gap']:.3%}"
    ok = "ok" if seconds <= target_s and (d["gap"] != d["gap"] or d["gap"] <= 0.01) else "MISSED"
    ratio = seconds / max(base, 1e-9)
    print(
        f"{name:<34} {seconds:7.2f} s  (evaluation {base:6.2f} s, x{ratio:4.1f})"
        f"  {d['solver']:<18} gap {gap:>7}  before {d['before']:>10,.0f}  after "
        f"{d['after']:>10,.0f}  sites {len(d['suggestions']):>2}  target <= {target_s:g} s {ok}"
    )


def with_candidates(plan: Plan, n: int, seed: int = 1) -> Plan:
    """``plan`` plus ``n`` point candidates near its streets, 300–3,000 places each."""
    rng = np.random.default_rng(seed)
    streets = plan.layers["network"].frame
    assert streets is not None
    lines = streets.geometry.to_numpy()[rng.choice(len(streets), n, replace=False)]
    points = shapely.line_interpolate_point(lines, rng.uniform(0, 1, n), normalized=True)
    frame = gpd.GeoDataFrame(
        {
            "id": [f"cand-{i}" for i in range(n)],
            "capacity": rng.integers(300, 3000, n).astype(float),
        },
        geometry=points,
        crs=plan.crs,
    )
    layers = {**plan.layers, "candidates": PlanLayer("candidates", "candidates", frame=frame)}
    return Plan(plan.name, plan.crs, layers, plan.rules, plan.scenario)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", default="large", choices=list(SIZES))
    parser.add_argument("--candidates", type=int, default=1000)
    parser.add_argument("--add", type=int, default=20)
    parser.add_argument("--time-limit", type=float, default=50.0)
    args = parser.parse_args()

    plan = load_plan(get_path("helsinki"))
    t = time.perf_counter()
    Evaluator(plan).shelter_problem()
    base = time.perf_counter() - t
    t = time.perf_counter()
    # helsinki's open spaces that are not yet dual-use shelters: 4 hold anyone (k = 5 asks more)
    result = suggest(plan, candidates="auto", add=4, time_limit=args.time_limit)
    _line("helsinki, open spaces, add 4", time.perf_counter() - t, base, result, 10.0)

    city = with_candidates(make_city(*SIZES[args.size], seed=0), args.candidates)
    t = time.perf_counter()
    Evaluator(city).shelter_problem()
    base = time.perf_counter() - t
    t = time.perf_counter()
    result = suggest(city, candidates="candidates", add=args.add, time_limit=args.time_limit)
    name = f"{args.size} city, {args.candidates} cand., add {args.add}"
    _line(name, time.perf_counter() - t, base, result, 60.0)


if __name__ == "__main__":
    main()
