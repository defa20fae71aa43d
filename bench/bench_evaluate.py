"""What a whole evaluation costs on synthetic cities of three sizes, against absolute targets.

For each size a fresh Python process builds a city with ``synthetic_city.make_city`` (timed, not
counted) and then measures:

- ``figures``: ``Evaluator(plan).evaluate(gaps=False)`` end to end on a new evaluator (network,
  residents, walking distances, shelter assignment, indicators), with the time of each step
  taken from the evaluator's progress callback;
- ``gaps``: the gap layers alone: the same evaluator then runs ``evaluate(gaps=True)``; its
  per-layer distances are cached, and the time from the progress call "gaps" to the end is the
  gap-layer step (residents layer, gap areas, service areas), i.e. ``evaluate(gaps=True)`` minus
  the figures;
- memory: the process's resident set size (RSS). ``ru_maxrss`` is the exact high-water mark of
  the whole process so far (Python, libraries and the city included), read after generation,
  after the figures and after the gaps; ``sampled`` is the highest RSS read from
  ``/proc/self/statm`` every 10 ms by a thread during each step (it can miss spikes shorter
  than that, or made while a C call holds the GIL).

Targets, at the largest size: figures < 10 s and < 4 GB. A gap-layer step that runs past
``--gaps-budget`` seconds (default 300) is reported unfinished with its lower bound, so that a run
of all sizes ends in about ten minutes; a size whose process runs past ``--timeout`` is stopped
and reported with what it finished.

``--cli SIZES`` times instead the whole command as a user runs it, on the plan GeoPackage of each
size (built once with ``synthetic_city.city_file`` and cached on disk, see there; building is
timed apart and not counted), against its floor measured in the same run:

- ``figures``: ``spaceplanner evaluate PLAN --json TMPDIR/report.json --profile -q`` in a child
  process (the figures without gap layers: loading, network, residents, shelters, activity
  spaces, facilities, the report): its wall time from interpreter start to exit and peak memory
  (the child's ``ru_maxrss`` from ``os.wait4``, or the summed PSS of it and its own children
  polled every second or less often when larger: ``evaluate --out`` draws on a forked copy),
  with the steps
  it prints;
- ``evaluate``: the whole ``spaceplanner evaluate PLAN --out TMPDIR --profile -q`` likewise (the
  figures, the gap layers and writing report.json and gaps.gpkg); ``--figures-only`` skips it;
- ``floor``: ``python bench/evaluate_floor.py PLAN`` in another fresh process, the least work
  the figures need, its wall time from interpreter start to exit like the commands' (so both
  count the interpreter's start and their imports; the script imports only numpy, shapely,
  pyogrio with geopandas and scipy): bare ``pyogrio.read_dataframe(..., use_arrow=True)`` of
  the network, residents and site layers; the sparse graph of the street segments (nodes by
  their coordinates, ``scipy.sparse``); snapping the residents and the sites to their nearest
  node (``cKDTree``, polygons by their centroid); and one multi-source
  ``scipy.sparse.csgraph.dijkstra(min_only=True, limit=1000)`` per indicator kind (shelters,
  activity spaces, and each kind of facility). The seconds of that work alone, timed inside,
  are printed beside it.

With ``--repeat N`` the floor and the commands run in turn N times and their medians are
compared.

It prints ``evaluate / floor``. Targets: the district (``large``: 100k nodes, 500k residents, 1k
facilities) <= 3x its floor; ``huge`` (3M nodes, 2M residents, 10k facilities) <= 60 s and <=
16 GB. ``city`` (1M nodes, 2M residents, 10k facilities) is in between. The first run of ``city``
or ``huge`` builds its plan file (about 2 and 4 minutes, 0.6 and 1.3 GB on disk); ``huge``
needs about as much free memory as it reports. Not run by default and not in CI.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import shapely
from synthetic_city import SIZES, city_file, make_city

from spaceplanner import Evaluator

TARGET_SECONDS, TARGET_GB = 10.0, 4.0
#: ``--cli`` targets: the district's end-to-end time over its floor; the huge city's time and RSS.
TARGET_RATIO, HUGE_SECONDS, HUGE_GB = 3.0, 60.0, 16.0
STEPS = ("network and residents", "shelters", "activity spaces", "facilities")
_PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


def rss_bytes() -> int:
    """The process's current resident set size, from ``/proc/self/statm`` (0 if unreadable)."""
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * _PAGE
    except OSError:
        return 0


def maxrss_bytes() -> int:
    """The process's peak resident set size so far (``ru_maxrss`` is in KiB on Linux)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


class RssSampler:
    """Highest RSS seen by a thread polling every ``interval`` seconds while in the block."""

    def __init__(self, interval: float = 0.01) -> None:
        self.interval = interval
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, rss_bytes())
            self._stop.wait(self.interval)

    def __enter__(self) -> RssSampler:
        self.peak = rss_bytes()
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, rss_bytes())


def emit(**record: Any) -> None:
    """Print one JSON record for the parent process."""
    print(json.dumps(record), flush=True)


def timed_steps(
    ev: Evaluator, gaps: bool, on_gaps: Callable[[dict[str, float]], None] | None = None
) -> dict[str, float]:
    """Run ``ev.evaluate``; the seconds of each step and ``total``.

    ``on_gaps`` is called with the steps so far when the gap-layer step starts.
    """
    marks: list[tuple[str, float]] = []

    def steps_until(end: float) -> dict[str, float]:
        out = {}
        for (what, t0), (_, t1) in zip(marks, [*marks[1:], ("", end)], strict=True):
            if what != "done":
                out[what] = t1 - t0
        return out

    def progress(_fraction: float, what: str) -> None:
        now = time.perf_counter()
        marks.append((what, now))
        if what == "gaps" and on_gaps is not None:
            on_gaps(steps_until(now))

    start = time.perf_counter()
    ev.evaluate(gaps=gaps, progress=progress)
    end = time.perf_counter()
    out = steps_until(end)
    out["total"] = end - start
    return out


def child(name: str, gaps_budget: float) -> None:
    """Measure one size and print one JSON line per phase (the parent reads them).

    The gap-layer step is given ``gaps_budget`` seconds; past that the process reports it
    unfinished and exits.
    """
    n_nodes, n_res, n_fac = SIZES[name]
    start = time.perf_counter()
    plan = make_city(n_nodes, n_res, n_fac)
    lines = plan.layers["network"].frame.geometry.to_numpy()  # type: ignore[union-attr]
    nodes = len(np.unique(shapely.get_coordinates(lines), axis=0))
    emit(
        phase="city",
        seconds=time.perf_counter() - start,
        nodes=nodes,
        residents=n_res,
        facilities=n_fac,
        rss=rss_bytes(),
        maxrss=maxrss_bytes(),
    )
    ev = Evaluator(plan)
    with RssSampler() as sampler:
        steps = timed_steps(ev, gaps=False)
    emit(phase="figures", steps=steps, sampled=sampler.peak, maxrss=maxrss_bytes())

    def start_watchdog(before: dict[str, float]) -> None:
        def give_up() -> None:
            emit(
                phase="gaps",
                stopped=gaps_budget,
                steps=before,
                sampled=sampler.peak,
                maxrss=maxrss_bytes(),
            )
            os._exit(0)

        timer = threading.Timer(gaps_budget, give_up)
        timer.daemon = True
        timer.start()

    with RssSampler() as sampler:
        steps = timed_steps(ev, gaps=True, on_gaps=start_watchdog)
    emit(phase="gaps", steps=steps, sampled=sampler.peak, maxrss=maxrss_bytes())


def run_size(
    name: str, gaps_budget: float, timeout: float
) -> tuple[dict[str, dict[str, Any]], str]:
    """Run :func:`child` for ``name`` in a fresh process; its records by phase, and a note."""
    proc = subprocess.Popen(
        [sys.executable, __file__, "--child", name, "--gaps-budget", str(gaps_budget)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    note = ""
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        out, err = proc.communicate()
        note = f"stopped after {timeout:.0f} s"
    records = {}
    for line in out.splitlines():
        if line.startswith("{"):
            record = json.loads(line)
            records[record["phase"]] = record
    if proc.returncode not in (0, None) and not note:
        note = f"failed (exit {proc.returncode}): {err.strip().splitlines()[-1:]}"
    return records, note


def _tree_memory(pid: int) -> int:
    """The memory of process ``pid`` and its descendants (bytes; 0 if gone): the sum of their
    proportional set sizes (PSS), where a page a forked copy shares with its parent counts
    once in all."""
    total = 0
    todo = [pid]
    while todo:
        p = todo.pop()
        try:
            with open(f"/proc/{p}/smaps_rollup") as f:
                for line in f:
                    if line.startswith("Pss:"):
                        total += int(line.split()[1]) * 1024
                        break
            with open(f"/proc/{p}/task/{p}/children") as f:
                todo += [int(c) for c in f.read().split()]
        except (OSError, ValueError):
            continue
    return total


def run_timed(cmd: list[str], timeout: float, log: Path) -> tuple[float, int, int | None, str]:
    """Run ``cmd``: its wall time, peak memory (bytes: the larger of ``os.wait4``'s RSS peak and
    the summed PSS of the process and its children polled every second (less often when a
    reading takes over 50 ms: at most 5 % of a core goes to it), which counts a forked
    copy's own memory too), exit code (None when stopped at ``timeout``) and its output (stdout
    then stderr, written to ``log``)."""
    with log.open("w") as out:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT)
        timer = threading.Timer(timeout, proc.kill)
        timer.start()
        peak = [0]
        stop = threading.Event()

        def poll() -> None:
            # reading a process's PSS walks its page tables (36 ms a read, up to 0.2 s, for a
            # 10 GB evaluate, holding its memory map's lock): read every 0.2 s it took a fifth
            # of a core from the command it measured. At most every second, and at most 5 %
            # of a core; the parent's own peak is exact anyway (ru_maxrss)
            wait = 1.0
            while not stop.wait(wait):
                began = time.perf_counter()
                peak[0] = max(peak[0], _tree_memory(proc.pid))
                wait = max(1.0, 20 * (time.perf_counter() - began))

        poller = threading.Thread(target=poll, daemon=True)
        poller.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            timer.cancel()
            stop.set()
            poller.join()
        wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    code = None if proc.returncode == -9 else proc.returncode
    return wall, max(usage.ru_maxrss * 1024, peak[0]), code, log.read_text(errors="replace")


def profile_steps(text: str) -> dict[str, float]:
    """The step table ``--profile`` prints: ``{step: seconds}``."""
    steps = {}
    for line in text.splitlines():
        match = re.match(r"^(\S.*?)\s{2,}(\d+\.\d+)(\s+\d+%)?\s*$", line)
        if match:
            steps[match.group(1).strip()] = float(match.group(2))
    return steps


def run_cli(name: str, timeout: float, figures_only: bool = False, repeat: int = 1) -> None:
    """``spaceplanner evaluate`` on the cached plan file of ``name``, and its floor; printed.

    With ``repeat`` > 1 the floor and the commands run in turn that many times and the medians
    are compared (a shared machine's load changes from one minute to the next)."""
    n_nodes, n_res, n_fac = SIZES[name]
    start = time.perf_counter()
    path = city_file(name)
    built = time.perf_counter() - start
    print(
        f"{name}: {n_nodes:,} nodes, {n_res:,} residents, {n_fac:,} facilities: {path} "
        f"({path.stat().st_size / 1e6:,.0f} MB"
        + (f", built in {built:.0f} s, not counted)" if built > 1 else ")")
    )
    exe = Path(sys.executable).with_name("spaceplanner")
    cli = [str(exe)] if exe.exists() else [sys.executable, "-m", "spaceplanner.cli"]
    floor_cmd = [sys.executable, str(Path(__file__).with_name("evaluate_floor.py")), str(path)]
    labels = ["figures", *([] if figures_only else ["evaluate"])]
    runs: dict[str, list[tuple[float, int, int | None, str]]] = {k: [] for k in ["floor", *labels]}
    floors: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="bench-evaluate-") as tmp:
        # an untimed read first, so that the first timed run does not pay for a cold page cache
        with path.open("rb") as f:
            while f.read(1 << 24):
                pass
        for i in range(repeat):
            wall, rss, code, text = run_timed(floor_cmd, timeout, Path(tmp, "floor.log"))
            records = [json.loads(x) for x in text.splitlines() if x.startswith("{")]
            if not records:
                print(f"  floor failed (exit {code}):\n{text[-2000:]}")
                return
            floors.append(records[0])
            runs["floor"].append((wall, rss, code, text))
            for label in labels:
                where = (
                    ["--json", str(Path(tmp, "report.json"))]
                    if label == "figures"
                    else ["--out", str(Path(tmp, f"out{i}"))]
                )
                cmd = [*cli, "evaluate", str(path), *where, "--profile", "-q"]
                runs[label].append(run_timed(cmd, timeout, Path(tmp, f"{label}.log")))
    walls = [r[0] for r in runs["floor"]]
    middle = int(np.argsort(walls)[len(walls) // 2])  # the middle run (of an even number, the
    floor_wall, mid = walls[middle], floors[middle]  # upper one), as for the commands
    parts = ", ".join(f"{k} {v:.2f}" for k, v in mid["steps"].items())
    spread = f" (runs: {', '.join(f'{w:.2f}' for w in walls)})" if repeat > 1 else ""
    print(
        f"  floor     {floor_wall:7.2f} s wall{spread}: imports {mid['imports']:.2f} (and the "
        f"interpreter's start), then {mid['seconds']:.2f} s ({parts}; {mid['kinds']} "
        f"Dijkstras)  peak RSS {gb(max(r[1] for r in runs['floor']))}"
    )
    for label in labels:
        report_cli(name, label, runs[label], floor_wall, timeout)


def report_cli(
    name: str,
    label: str,
    runs: list[tuple[float, int, int | None, str]],
    floor: float,
    timeout: float,
) -> None:
    """Print one timed command of :func:`run_cli` (the median of its runs) with its steps,
    ratio and target."""
    what = {
        "figures": "evaluate --json (figures, no gap layers)",
        "evaluate": "evaluate --out (figures, gap layers, files)",
    }[label]
    for _, rss, code, text in runs:
        if code is None:
            print(f"  {what}: > {timeout:.0f} s, stopped at --timeout; peak RSS {gb(rss)}")
            return
        if code != 0:
            print(f"  {what}: failed (exit {code}):\n{text[-2000:]}")
            return
    walls = [r[0] for r in runs]
    wall, rss, _, text = runs[int(np.argsort(walls)[len(walls) // 2])]
    rss = max(r[1] for r in runs)
    ratio = wall / floor
    spread = f" (runs: {', '.join(f'{w:.2f}' for w in walls)})" if len(runs) > 1 else ""
    print(f"  {what}: {wall:.2f} s wall{spread}, peak RSS {gb(rss)}; / floor = {ratio:.1f}x")
    for step, seconds in profile_steps(text).items():
        print(f"    {step:<26}{seconds:7.2f} s")
    if label == "figures":
        return
    if name == "large":
        verdict = "met" if ratio <= TARGET_RATIO else "MISSED"
        print(f"  target district <= {TARGET_RATIO:.0f}x the floor: {ratio:.1f}x, {verdict}")
    if name == "huge":
        ok_t, ok_m = wall <= HUGE_SECONDS, rss <= HUGE_GB * 1e9
        print(
            f"  target huge <= {HUGE_SECONDS:.0f} s and <= {HUGE_GB:.0f} GB: {wall:.1f} s "
            f"{'met' if ok_t else 'MISSED'}, {gb(rss)} {'met' if ok_m else 'MISSED'}"
        )


def gb(n: float) -> str:
    return f"{n / 1e9:.2f} GB"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--sizes",
        default="small,medium,large",
        help="comma-separated, of "
        + ", ".join(f"{k} {v[0]}/{v[1]}/{v[2]}" for k, v in SIZES.items()),
    )
    parser.add_argument(
        "--gaps-budget",
        type=float,
        default=300.0,
        help="seconds the gap-layer step may take before it is reported unfinished",
    )
    parser.add_argument(
        "--timeout", type=float, default=1200.0, help="seconds per size before it is stopped"
    )
    parser.add_argument(
        "--cli",
        metavar="SIZES",
        help="time the whole `spaceplanner evaluate` on the cached plan file of each of these "
        "sizes (e.g. large,huge) against its floor, instead of the in-process figures",
    )
    parser.add_argument(
        "--figures-only",
        action="store_true",
        help="with --cli: time only `evaluate --json` (no gap layers), not the whole command",
    )
    parser.add_argument(
        "--repeat",
        type=int,
        default=1,
        help="with --cli: run the floor and the commands in turn this many times; medians",
    )
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.gaps_budget)
        return
    if args.cli:
        sizes = [s.strip() for s in args.cli.split(",") if s.strip()]
        for name in sizes:
            if name not in SIZES:
                parser.error(f"unknown size {name!r}; sizes are {', '.join(SIZES)}")
        print(
            "`spaceplanner evaluate PLAN --json FILE` (figures) and `--out DIR` (everything), "
            "--profile -q, each in a child\nprocess (wall time, peak memory of it and its "
            "children), against the floor in another\n(bench/evaluate_floor.py, its wall time "
            "too): bare Arrow "
            "reads + sparse graph + nearest-node\nsnapping + one Dijkstra per indicator kind.\n"
        )
        for name in sizes:
            run_cli(name, args.timeout, args.figures_only, args.repeat)
        return
    names = [s.strip() for s in args.sizes.split(",") if s.strip()]
    for name in names:
        if name not in SIZES:
            parser.error(f"unknown size {name!r}; sizes are {', '.join(SIZES)}")
    print(
        "Each size runs in a fresh process. figures = Evaluator(plan).evaluate(gaps=False), new "
        "evaluator;\ngaps = the gap-layer step of a following evaluate(gaps=True) (distances "
        "cached).\nmaxrss = process RSS high-water mark so far (incl. Python, libraries, the "
        "city);\nsampled = highest RSS polled every 10 ms during that step (may miss spikes).\n"
    )
    results = {}
    for name in names:
        records, note = run_size(name, args.gaps_budget, args.timeout)
        results[name] = (records, note)
        city = records.get("city")
        fig = records.get("figures")
        gap = records.get("gaps")
        head = f"{name}: " + (
            f"{city['nodes']:,} nodes, {city['residents']:,} residents, "
            f"{city['facilities']:,} facilities; city built in {city['seconds']:.1f} s "
            f"(not counted), RSS then {gb(city['rss'])}"
            if city
            else "no city"
        )
        print(head + (f"  [{note}]" if note else ""))
        if fig:
            parts = ", ".join(f"{k} {fig['steps'].get(k, 0):.2f}" for k in STEPS)
            print(f"  figures  {fig['steps']['total']:7.2f} s   ({parts})")
            print(f"           memory: maxrss {gb(fig['maxrss'])}, sampled {gb(fig['sampled'])}")
        if gap and "stopped" in gap:
            warm = sum(gap["steps"].values())
            print(
                f"  gaps     > {gap['stopped']:.0f} s: NOT FINISHED, stopped at the budget "
                f"(--gaps-budget; the same evaluate call's figures, cached: {warm:.2f} s)"
            )
            print(f"           memory: maxrss {gb(gap['maxrss'])}, sampled {gb(gap['sampled'])}")
        elif gap:
            warm = gap["steps"]["total"] - gap["steps"].get("gaps", 0.0)
            print(
                f"  gaps     {gap['steps'].get('gaps', 0.0):7.2f} s   (the same evaluate call's "
                f"figures, cached: {warm:.2f} s)"
            )
            print(f"           memory: maxrss {gb(gap['maxrss'])}, sampled {gb(gap['sampled'])}")
        elif fig:
            print("  gaps     not finished" + (f" ({note})" if note else ""))
    print()
    print(
        f"{'size':<8}{'nodes':>9}{'residents':>11}{'facil.':>8}{'figures':>10}{'gaps':>10}"
        f"{'maxrss fig':>12}{'maxrss all':>12}"
    )
    for name, (records, _note) in results.items():
        city, fig, gap = records.get("city"), records.get("figures"), records.get("gaps")
        if not city:
            continue
        t_fig = f"{fig['steps']['total']:.2f} s" if fig else "-"
        t_gap = "-"
        if gap and "stopped" in gap:
            t_gap = f"> {gap['stopped']:.0f} s"
        elif gap:
            t_gap = f"{gap['steps'].get('gaps', 0.0):.2f} s"
        m_fig = gb(fig["maxrss"]) if fig else "-"
        m_all = gb(gap["maxrss"]) if gap else "-"
        print(
            f"{name:<8}{city['nodes']:>9,}{city['residents']:>11,}{city['facilities']:>8,}"
            f"{t_fig:>10}{t_gap:>10}{m_fig:>12}{m_all:>12}"
        )
    largest = max(names, key=lambda n: SIZES[n][0])
    fig = results[largest][0].get("figures")
    if fig:
        t, mem = fig["steps"]["total"], fig["maxrss"]
        print(
            f"\ntargets at {largest}: figures {t:.2f} s vs < {TARGET_SECONDS:.0f} s: "
            f"{'met' if t < TARGET_SECONDS else 'MISSED'}; peak RSS {gb(mem)} vs < "
            f"{TARGET_GB:.0f} GB: {'met' if mem < TARGET_GB * 1e9 else 'MISSED'}"
        )
        if largest != "large":
            print("(the targets are set for the large size; this run did not include it)")


if __name__ == "__main__":
    main()
