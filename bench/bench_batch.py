"""The city health check (``spaceplanner batch``) on a synthetic city cut into communities.

Builds a city with ``synthetic_city.make_city`` (not timed) and cuts its extent into a grid of
square communities, then runs :func:`spaceplanner.city.run.run_batch` (figures only, as
``--no-maps``) on a ``LocalCluster`` of 1 and of 2 worker processes, and prints:

- the wall time of each run, and the speed-up from 1 to 2 workers (target >= 1.7x on 2 cores);
- where the time goes: reading and cutting (the partition, done once in the client), the
  communities' evaluation time summed over workers (each task's own time), and the rest
  (shipping plans to workers, results back, writing), i.e. the overhead of Dask;
- the floor: the same communities evaluated one after another in this process, without Dask
  (``Evaluator(plan).evaluate(gaps=False)`` on each cut plan): a 2-worker run cannot beat half
  of it;
- the CPU seconds other work on the machine took during each run (the machine's busy time
  from /proc/stat less this process's and the workers'): a speed-up measured beside other work
  is too low;
- memory: each worker's peak RSS (``ru_maxrss`` read on the workers after the run; target
  <= 4 GB) and the client's;
- an estimate on paper for a city of 20 million residents (about 5,000 communities) on a
  32-worker cluster, from the per-community time and data size measured here (scaled by the
  residents per community, which sets the size of each cut plan).

Run::

    python bench/bench_batch.py [--size city] [--communities N] [--speedup-communities N]

``--size`` is a ``synthetic_city.SIZES`` name or ``city`` (1M nodes, 3M residents, 10k
facilities; about 40 s to build), ``--communities`` the number of grid cells (rounded to a
square; default 500). The 1-worker run, the slow half of the speed-up, takes the first
``--speedup-communities`` (default 100) communities; the 2-worker run does them too, then all.
"""

from __future__ import annotations

import argparse
import math
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

import geopandas as gpd
import numpy as np
import shapely
from synthetic_city import SIZES, make_city

from spaceplanner.city.communities import read_communities
from spaceplanner.city.partition import partition
from spaceplanner.city.run import local_cluster, run_batch
from spaceplanner.city.work import Options
from spaceplanner.engine.evaluation import Evaluator
from spaceplanner.model.rules import load_profile

SIZES = {**SIZES, "city": (1_000_000, 3_000_000, 10_000)}


def _maxrss(*_: object) -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def _cpu_seconds(*_: object) -> float:
    return time.process_time()


def _busy_seconds() -> float:
    """CPU seconds the whole machine has been busy (all cores), from /proc/stat."""
    try:
        fields = Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]
    except OSError:
        return 0.0
    ticks = [int(v) for v in fields]
    idle = ticks[3] + (ticks[4] if len(ticks) > 4 else 0)
    return (sum(ticks[:8]) - idle) / os.sysconf("SC_CLK_TCK")


def grid_communities(plan, n: int, folder: Path) -> Path:
    frame = plan.layers["residents"].frame
    x0, y0, x1, y1 = frame.total_bounds
    k = max(1, round(math.sqrt(n)))
    xs, ys = np.linspace(x0 - 1, x1 + 1, k + 1), np.linspace(y0 - 1, y1 + 1, k + 1)
    cells = [shapely.box(xs[i], ys[j], xs[i + 1], ys[j + 1]) for j in range(k) for i in range(k)]
    ids = [f"C{j:03d}{i:03d}" for j in range(k) for i in range(k)]
    path = folder / "communities.gpkg"
    gpd.GeoDataFrame({"id": ids, "name": ids}, geometry=cells, crs=plan.crs).to_file(path)
    return path


def run(city, coms, workers: int, out: Path) -> dict[str, float]:
    """One ``run_batch`` on a new local cluster of ``workers`` (made as the command makes it,
    :func:`spaceplanner.city.run.local_cluster`; not timed)."""
    from dask.distributed import Client

    with local_cluster(workers) as cluster, Client(cluster) as client:
        load = os.getloadavg()[0]
        busy0, own0 = _busy_seconds(), time.process_time()
        t0 = time.perf_counter()
        result = run_batch(
            city,
            coms,
            out,
            options=Options(maps=False),
            scheduler=cluster.scheduler_address,
            overwrite=True,
        )
        wall = time.perf_counter() - t0
        rss = client.run(_maxrss)
        cpu = client.run(_cpu_seconds)
    # other work on the machine skews a speed-up: the CPU seconds it took during the run
    other = _busy_seconds() - busy0 - sum(cpu.values()) - (time.process_time() - own0)
    tasks = [r.seconds for r in result.results]
    failed = sum(r.status != "ok" for r in result.results)
    return {
        "wall": wall,
        "tasks": float(np.sum(tasks)),
        "mean": float(np.mean(tasks)),
        "worker_gb": max(rss.values()) / 1e9,
        "failed": failed,
        "other": max(other, 0.0),
        "client": time.process_time() - own0,
        "load": load,
        **{f"phase_{k}": v for k, v in result.phases.items()},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="city", choices=sorted(SIZES))
    parser.add_argument("--communities", type=int, default=500)
    parser.add_argument("--speedup-communities", type=int, default=100)
    parser.add_argument(
        "--repeat", type=int, default=1, help="speed-up runs (1 then 2 workers) to make"
    )
    parser.add_argument(
        "--no-all", action="store_true", help="leave out the run of all communities on 2 workers"
    )
    parser.add_argument(
        "--no-floor", action="store_true", help="leave out the floor (no Dask) measurement"
    )
    args = parser.parse_args()
    n_nodes, n_res, n_fac = SIZES[args.size]
    t0 = time.perf_counter()
    city = make_city(n_nodes, n_res, n_fac)
    print(
        f"city: {n_nodes:,} nodes, {n_res:,} residents, {n_fac:,} facilities "
        f"(built in {time.perf_counter() - t0:.0f} s)"
    )
    with tempfile.TemporaryDirectory(prefix="bench-batch-") as tmp:
        folder = Path(tmp)
        path = grid_communities(city, args.communities, folder)
        b = np.array([lyr.frame.total_bounds for lyr in city])
        extent = (*b[:, :2].min(axis=0), *b[:, 2:].max(axis=0))
        coms = read_communities(path, city.crs, extent)
        profile = load_profile(city.rules)
        t0 = time.perf_counter()
        parts = partition(city, coms, profile)
        cut_s = time.perf_counter() - t0
        sizes = [len(parts.plan(i).layers["network"].frame) for i in range(0, len(coms), 25)]
        print(
            f"communities: {len(coms)} (about {n_res / len(coms):,.0f} residents each); "
            f"walking margin {parts.margin:,.0f} m, checks' reach {parts.reach:,.0f} m; "
            f"cut once in {cut_s:.1f} s; a community's network: {np.mean(sizes):,.0f} segments"
        )
        # the floor: the first communities evaluated here, one after another, no Dask
        k = min(args.speedup_communities, len(coms))
        floor = math.nan
        if not args.no_floor:
            plans = [parts.plan(i) for i in range(k)]
            t0 = time.perf_counter()
            for plan in plans:
                Evaluator(plan).evaluate(gaps=False)
            floor = time.perf_counter() - t0
            del plans
            print(f"floor: {k} communities evaluated in this process, no Dask: {floor:.1f} s")
        del parts
        sub = read_communities(path, city.crs, extent)
        sub = type(sub)(
            sub.ids[:k], sub.names[:k], sub.geoms[:k], sub.id_field, None, path, sub.crs
        )
        header = (
            f"\n{'run':<28}{'wall s':>8}{'cut s':>7}{'tasks s':>9}{'per task':>9}"
            f"{'worker GB':>10}{'client CPU s':>13}{'other CPU s':>12}{'load':>6}"
        )
        speedups = []
        for repeat in range(args.repeat):
            one = run(city, sub, 1, folder / "one")
            two = run(city, sub, 2, folder / "two")
            print(header)
            for name, r in (
                (f"{k} communities, 1 worker", one),
                (f"{k} communities, 2 workers", two),
            ):
                print(
                    f"{name:<28}{r['wall']:>8.1f}{r.get('phase_cut', 0):>7.1f}{r['tasks']:>9.1f}"
                    f"{r['mean']:>9.2f}{r['worker_gb']:>10.2f}{r['client']:>13.1f}"
                    f"{r['other']:>12.1f}{r['load']:>6.1f}"
                )
            speedups.append(one["wall"] / two["wall"])
            print(
                f"speed-up 1 -> 2 workers (run {repeat + 1}): {speedups[-1]:.2f}x (target >= 1.7); "
                f"2 workers vs the floor: {two['wall'] / floor:.2f}x (ideal 0.5)",
                flush=True,
            )
        if args.repeat > 1:
            print(
                "speed-ups: "
                + ", ".join(f"{x:.2f}x" for x in speedups)
                + f" (median {float(np.median(speedups)):.2f}x)"
            )
        if args.no_all:
            return
        full = run(city, coms, 2, folder / "all")
        print(
            f"all {len(coms)} communities, 2 workers: {full['wall']:.1f} s wall, tasks "
            f"{full['tasks']:.1f} s ({full['mean']:.2f} s each), worker peak "
            f"{full['worker_gb']:.2f} GB, client peak {_maxrss() / 1e9:.2f} GB, "
            f"failed {full['failed']:.0f}"
        )
        overhead = full["wall"] - full["tasks"] / 2 - cut_s
        print(f"  of which cutting {cut_s:.1f} s, Dask and writing {max(overhead, 0):.1f} s")
        # on paper: 20M residents, 5,000 communities (4,000 residents each), 32 workers
        per = full["mean"] * (4_000 / (n_res / len(coms)))
        est = 5_000 * per / 32 + cut_s * (20e6 / n_res)
        print(
            f"estimate, 20M residents in 5,000 communities on 32 workers: {est / 60:.1f} min "
            f"({per:.2f} s per community scaled to 4,000 residents; cutting "
            f"{cut_s * 20e6 / n_res:.0f} s in the client, which then ships about "
            f"{5_000 / max(est, 1):.1f} plans a second)"
        )
    sys.stdout.flush()


if __name__ == "__main__":
    main()
